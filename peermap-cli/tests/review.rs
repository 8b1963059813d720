//! `peermap review` and `classify --decisions`: the loop of reviewing what peermap could not
//! decide, deciding, and coding again; and every problem of a decisions file.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn peermap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peermap"))
        .args(args)
        .output()
        .expect("the peermap binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn ok(output: Output) -> Output {
    assert!(output.status.success(), "{}", stderr(&output));
    output
}

const TITLES: &str = "id,job_title
1,Navigator
2,Peer Support Worker
3,navigators
4,Mentor
5,PSW
6,Family Support Specialist
7,Navigator
8,Cashier
9,=HYPERLINK(\"x\")
";

/// The review CSV's rows as cells, header first.
fn cells(path: &Path, delimiter: u8) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_path(path)
        .unwrap();
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn write_decisions(path: &Path, rows: &[Vec<String>], decide: &[(&str, &str, &str)]) {
    let mut writer = csv::Writer::from_path(path).unwrap();
    for row in rows {
        let mut row = row.clone();
        if let Some((_, decision, note)) = decide.iter().find(|(key, _, _)| *key == row[0]) {
            row[7] = decision.to_string();
            row[8] = note.to_string();
        }
        writer.write_record(&row).unwrap();
    }
    writer.flush().unwrap();
}

fn jsonl(path: &Path) -> Vec<serde_json::Value> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn review_then_decide_then_code_again_leaves_only_what_was_not_decided() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    fs::write(at("titles.csv"), TITLES).unwrap();
    ok(peermap(&[
        "classify",
        &at("titles.csv"),
        "-f",
        "jsonl",
        "-o",
        &at("coded.jsonl"),
    ]));
    ok(peermap(&[
        "review",
        &at("coded.jsonl"),
        "-o",
        &at("review.csv"),
    ]));
    let review = cells(Path::new(&at("review.csv")), b',');
    assert_eq!(
        review[0],
        [
            "key",
            "title",
            "count",
            "verdict",
            "candidates",
            "read",
            "unplaced",
            "decision",
            "note"
        ]
    );
    // One row per key, most frequent first: "Navigator" ×2 and "navigators" are one key.
    assert_eq!(review[1][0], "navigator");
    assert_eq!(
        (review[1][1].as_str(), review[1][2].as_str()),
        ("Navigator", "3")
    );
    assert_eq!(review[1][3], "ambiguous");
    assert!(review[1][4].contains("peer-navigator:"), "{:?}", review[1]);
    let keys: Vec<&str> = review[1..].iter().map(|r| r[0].as_str()).collect();
    assert!(
        keys.contains(&"psw") && keys.contains(&"mentor"),
        "{keys:?}"
    );
    assert!(!keys.contains(&"peer support worker") && !keys.contains(&"cashier"));
    // A title a spreadsheet would run as a formula is written as text.
    assert!(
        review.iter().any(|r| r[1].starts_with("'=HYPERLINK")),
        "{review:?}"
    );

    write_decisions(
        Path::new(&at("decisions.csv")),
        &review,
        &[
            (
                "navigator",
                "peer-navigator",
                "our navigators have lived experience",
            ),
            ("mentor", "not_peer", ""),
            ("psw", "skip", ""),
        ],
    );
    let coded = ok(peermap(&[
        "classify",
        &at("titles.csv"),
        "-f",
        "jsonl",
        "-o",
        &at("decided.jsonl"),
        "--decisions",
        &at("decisions.csv"),
    ]));
    assert!(stderr(&coded).contains("decided"), "{}", stderr(&coded));
    let rows = jsonl(Path::new(&at("decided.jsonl")));
    let before = jsonl(Path::new(&at("coded.jsonl")));
    assert_eq!(rows.len(), before.len(), "every row in is a row out");
    for (row, was) in rows.iter().zip(&before) {
        assert_eq!(row["input"], was["input"], "in the same order");
    }
    let navigator = &rows[0];
    assert_eq!(navigator["verdict"], "peer_role");
    assert_eq!(navigator["role"], "peer-navigator");
    assert_eq!(navigator["method"], "decision");
    assert_eq!(navigator["score"], 1.0);
    assert!(navigator["decision"]
        .as_str()
        .unwrap()
        .ends_with("decisions.csv:2"));
    assert!(navigator["explanation"]
        .as_str()
        .unwrap()
        .contains("lived experience"));
    assert!(navigator["lexicon_version"]
        .as_str()
        .unwrap()
        .contains("+d"));
    assert_eq!(rows[3]["verdict"], "not_peer");
    assert_eq!(rows[3]["method"], "decision");
    assert_ne!(rows[4]["method"], "decision", "skip is not applied");
    // The report counts the decided rows apart.
    ok(peermap(&[
        "report",
        &at("decided.jsonl"),
        "-o",
        &at("report.html"),
    ]));
    let report = fs::read_to_string(at("report.html")).unwrap();
    assert!(
        report.contains("id=\"decided\" data-count=\"4\""),
        "{report}"
    );

    // Reviewing again lists only what is left: not the decided titles, nor the skipped one.
    ok(peermap(&[
        "review",
        &at("decided.jsonl"),
        "-o",
        &at("again.csv"),
        "--decisions",
        &at("decisions.csv"),
    ]));
    let again = cells(Path::new(&at("again.csv")), b',');
    let keys: Vec<&str> = again[1..].iter().map(|r| r[0].as_str()).collect();
    assert!(
        !keys.contains(&"navigator") && !keys.contains(&"mentor"),
        "{keys:?}"
    );
    assert!(!keys.contains(&"psw"), "{keys:?}");
    ok(peermap(&[
        "review",
        &at("decided.jsonl"),
        "-o",
        &at("skipped.csv"),
        "--decisions",
        &at("decisions.csv"),
        "--include-skipped",
    ]));
    let skipped = cells(Path::new(&at("skipped.csv")), b',');
    assert!(skipped[1..].iter().any(|r| r[0] == "psw"));
}

#[test]
fn review_codes_an_input_first_and_keeps_its_separator_with_french_headers_and_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("titres.csv");
    fs::write(
        &input,
        "poste;service\nNavigateur;santé\nNavigateur;santé\nPair aidant;santé\n",
    )
    .unwrap();
    let review = dir.path().join("revue.csv");
    ok(peermap(&[
        "review",
        input.to_str().unwrap(),
        "-o",
        review.to_str().unwrap(),
        "--lang",
        "fr",
        "--bom",
    ]));
    let bytes = fs::read(&review).unwrap();
    assert!(
        bytes.starts_with("\u{feff}clé;titre;nombre".as_bytes()),
        "{bytes:?}"
    );
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("navigateur;Navigateur;2;ambiguous"), "{text}");
    assert!(!text.contains("Pair aidant"), "{text}");
}

/// The error a decisions file with `rows` (after the review header) gives.
fn refused(rows: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let decisions = dir.path().join("decisions.csv");
    fs::write(&decisions, rows).unwrap();
    let output = peermap(&[
        "lookup",
        "Navigator",
        "--decisions",
        decisions.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(output.stdout.is_empty(), "nothing is applied");
    stderr(&output)
}

const HEADER: &str = "key,title,count,verdict,candidates,read,unplaced,decision,note\n";

#[test]
fn every_problem_of_a_decisions_file_is_named_by_file_line_and_column() {
    let unknown = refused(&format!(
        "{HEADER}navigator,Navigator,3,ambiguous,,,,peer-navigater,\n"
    ));
    assert!(unknown.contains("decisions.csv:2:8"), "{unknown}");
    assert!(
        unknown.contains("\"peer-navigater\" is not a decision"),
        "{unknown}"
    );
    assert!(unknown.contains("close: peer-navigator"), "{unknown}");
    assert!(unknown.contains("not_peer, or skip"), "{unknown}");

    let empty = refused(&format!("{HEADER},,1,unknown,,,,not_peer,\n"));
    assert!(
        empty.contains("decisions.csv:2:2") && empty.contains("the title is empty"),
        "{empty}"
    );

    let twice = refused(&format!(
        "{HEADER}navigator,Navigator,3,ambiguous,,,,peer-navigator,\nnavigators,navigators,1,ambiguous,,,,patient-navigator,\n"
    ));
    assert!(
        twice.contains("decisions.csv:3") && twice.contains("line 2 decided"),
        "{twice}"
    );

    let not_decisions = refused("id,job_title\n1,Navigator\n");
    assert!(
        not_decisions.contains("not a decisions file"),
        "{not_decisions}"
    );
}

#[test]
fn a_changed_key_or_a_decision_the_lexicon_contradicts_is_a_warning_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let decisions = dir.path().join("decisions.csv");
    fs::write(
        &decisions,
        format!("{HEADER}old key,Navigator,3,ambiguous,,,,peer-navigator,\npeer support worker,Peer Support Worker,1,peer_role,,,,not_peer,\n"),
    )
    .unwrap();
    let output = ok(peermap(&[
        "lookup",
        "Navigator",
        "--decisions",
        decisions.to_str().unwrap(),
    ]));
    let warnings = stderr(&output);
    assert!(
        warnings.contains("decisions.csv:2: the stored key \"old key\""),
        "{warnings}"
    );
    assert!(
        warnings.contains("decisions.csv:3") && warnings.contains("the lexicon now says"),
        "{warnings}"
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("peer-navigator"));
}

#[test]
fn decisions_become_lexicon_variants_in_their_entries_files() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    let embedded = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    for entry in fs::read_dir(&embedded).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            fs::copy(&path, data.join(path.file_name().unwrap())).unwrap();
        }
    }
    let decisions = dir.path().join("decisions.csv");
    fs::write(
        &decisions,
        format!(
            "{HEADER}peer housing navigator,Peer Housing Navigator,9,unknown,,,,peer-navigator,housing team\n\
             pair aidant hebergement,Pair aidant en hébergement,3,unknown,,,,peer-support-worker,\n\
             navigator,Navigator,5,ambiguous,,,,peer-navigator,\n\
             relai promotionnel,Relai promotionnel,2,unknown,,,,not_peer,\n\
             psw,PSW,4,ambiguous,,,,skip,\n"
        ),
    )
    .unwrap();
    let args = |extra: &[&str]| {
        let mut args = vec![
            "lexicon",
            "add",
            "--from-decisions",
            decisions.to_str().unwrap(),
            "--source",
            "team review 2026-Q4",
            "--data",
            data.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        peermap(&args)
    };
    let before = fs::read_to_string(data.join("peer-navigator.json")).unwrap();
    let dry = ok(args(&["--dry-run"]));
    let said = String::from_utf8_lossy(&dry.stdout).into_owned();
    assert!(
        said.contains("would add \"Peer Housing Navigator\""),
        "{said}"
    );
    assert!(
        said.contains("(lang en, guessed)") && said.contains("(lang fr, guessed)"),
        "{said}"
    );
    assert_eq!(
        fs::read_to_string(data.join("peer-navigator.json")).unwrap(),
        before
    );

    let done = ok(args(&[]));
    let said = String::from_utf8_lossy(&done.stdout).into_owned();
    assert!(said.contains("added 2 variants; left 3:"), "{said}");
    assert!(said.contains("is already in peer-navigator"), "{said}");
    assert!(
        said.contains("is not_peer") && said.contains("is marked skip"),
        "{said}"
    );
    let file = fs::read_to_string(data.join("peer-navigator.json")).unwrap();
    assert!(file.contains("{\"text\": \"Peer Housing Navigator\", \"lang\": \"en\", \"sources\": [\"team review 2026-Q4\"]}"), "{file}");
    ok(peermap(&["lexicon", "check", data.to_str().unwrap()]));
    ok(peermap(&[
        "lexicon",
        "fmt",
        "--check",
        data.to_str().unwrap(),
    ]));
}
