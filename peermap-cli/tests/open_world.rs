//! The open world in the command line: the other-occupation columns and key, `--fields`
//! (only the chosen columns or keys, the same values as the full output, `error` kept, a bad
//! name a usage error) and `--closed-world` (peermap 0.2's closed world).

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn peermap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peermap"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The output's header and rows.
fn table(output: &Output) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(output.stdout.as_slice());
    // Bytes, shown lossily: an undecodable title is written back as it came.
    let mut rows = reader.byte_records().map(|r| {
        r.expect("valid CSV")
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect()
    });
    let header = rows.next().expect("a header");
    (header, rows.collect())
}

/// One column of every row.
fn column(output: &Output, name: &str) -> Vec<String> {
    let (header, rows) = table(output);
    let at = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"));
    rows.iter().map(|r| r[at].clone()).collect()
}

/// The JSON lines of the output, parsed.
fn lines(output: &Output) -> Vec<serde_json::Value> {
    stdout(output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// A CSV file of titles, one per row, under the header `title`.
fn titles_file(dir: &Path, titles: &[&str]) -> String {
    let path = dir.join("titles.csv");
    let mut text = String::from("title\n");
    for title in titles {
        text.push_str(title);
        text.push('\n');
    }
    fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

const TITLES: &[&str] = &[
    "Radiator Mechanic",
    "Peer Support Worker",
    "Nurse Navigator",
];

#[test]
fn another_occupation_has_its_own_columns_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let file = titles_file(dir.path(), TITLES);
    let output = peermap(&["classify", &file]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let (header, _) = table(&output);
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(at("peermap_other_occupation"), at("peermap_evidence") + 1);
    assert_eq!(
        at("peermap_other_occupation_codes"),
        at("peermap_other_occupation") + 1
    );

    // (title, verdict, method, names an occupation)
    let expected: &[(&str, &str, &str, bool)] = &[
        ("Radiator Mechanic", "not_peer", "occupation", true),
        ("Peer Support Worker", "peer_role", "exact", false),
        ("Nurse Navigator", "not_peer", "exact", false),
    ];
    let verdicts = column(&output, "peermap_verdict");
    let methods = column(&output, "peermap_method");
    let labels = column(&output, "peermap_other_occupation");
    let codes = column(&output, "peermap_other_occupation_codes");
    let json = lines(&peermap(&["classify", &file, "--format", "jsonl"]));
    for (i, (title, verdict, method, named)) in expected.iter().enumerate() {
        assert_eq!(verdicts[i], *verdict, "{title}");
        assert_eq!(methods[i], *method, "{title}");
        let occupation = &json[i]["other_occupation"];
        if *named {
            assert!(!labels[i].is_empty(), "{title}");
            assert!(
                codes[i].split(';').any(|c| c.starts_with("onet-soc:")),
                "{title}: {}",
                codes[i]
            );
            assert_eq!(occupation["label"], labels[i].as_str(), "{title}");
            assert_eq!(
                occupation["codes"].as_array().unwrap().len(),
                codes[i].split(';').count()
            );
            assert!(json[i]["role"].is_null(), "{title}");
        } else {
            assert_eq!((labels[i].as_str(), codes[i].as_str()), ("", ""), "{title}");
            assert!(occupation.is_null(), "{title}");
        }
    }
    // The summary tells the other occupations from the curated look-alikes.
    let summary = stderr(&output);
    assert!(summary.contains("    look-alike        1"), "{summary}");
    assert!(summary.contains("    occupation        1"), "{summary}");
}

#[test]
fn lookup_names_the_other_occupation_in_english_and_french() {
    for (lang, heading) in [("en", "Occupation"), ("fr", "Profession")] {
        let output = peermap(&["lookup", "Radiator Mechanic", "--lang", lang]);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        let text = stdout(&output);
        let line = text
            .lines()
            .find(|l| l.starts_with(heading))
            .unwrap_or_else(|| panic!("{lang}: no {heading} line in {text}"));
        assert!(line.contains("onet-soc:"), "{line}");
        let label = serde_json::from_slice::<serde_json::Value>(
            &peermap(&["lookup", "Radiator Mechanic", "--format", "json"]).stdout,
        )
        .unwrap()["other_occupation"]["label"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(line.contains(&label), "{line}");
    }
    let text = stdout(&peermap(&["lookup", "Peer Support Worker"]));
    assert!(!text.contains("\nOccupation"), "{text}");
}

/// `--fields` writes the chosen columns, in order, with `error` last, and the same values as
/// the full output.
#[test]
fn fields_choose_the_csv_columns() {
    let dir = tempfile::tempdir().unwrap();
    let file = titles_file(dir.path(), TITLES);
    let full = peermap(&["classify", &file]);
    // (--fields, the columns written after the input's)
    let cases: &[(&str, &[&str])] = &[
        (
            "verdict,role,score",
            &[
                "peermap_verdict",
                "peermap_role",
                "peermap_score",
                "peermap_error",
            ],
        ),
        (
            "score,error,peermap_verdict",
            &["peermap_score", "peermap_error", "peermap_verdict"],
        ),
        (
            "other_occupation_codes,onet_soc,functions,seniority",
            &[
                "peermap_other_occupation_codes",
                "peermap_onet_soc",
                "peermap_functions",
                "peermap_seniority",
                "peermap_error",
            ],
        ),
    ];
    for (fields, columns) in cases {
        let output = peermap(&["classify", &file, "--fields", fields]);
        assert_eq!(code(&output), 0, "{fields}: {}", stderr(&output));
        let (header, rows) = table(&output);
        assert_eq!(header[0], "title");
        assert_eq!(&header[1..], *columns, "{fields}");
        assert_eq!(rows.len(), TITLES.len());
        for name in *columns {
            assert_eq!(
                column(&output, name),
                column(&full, name),
                "{fields}: {name}"
            );
        }
    }
    let values = column(
        &peermap(&["classify", &file, "--fields", "verdict,role,score"]),
        "peermap_score",
    );
    assert_eq!(values, ["0.95", "1", "1"]);
}

#[test]
fn fields_choose_the_json_keys() {
    let dir = tempfile::tempdir().unwrap();
    let file = titles_file(dir.path(), TITLES);
    let full = lines(&peermap(&["classify", &file, "--format", "jsonl"]));
    let output = peermap(&[
        "classify",
        &file,
        "--format",
        "jsonl",
        "--fields",
        "verdict,role,score,functions,other_occupation",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    let keys = [
        "row",
        "input",
        "verdict",
        "role",
        "score",
        "functions",
        "other_occupation",
        "error",
    ];
    for (i, (line, value)) in text.lines().zip(lines(&output)).enumerate() {
        let object = value.as_object().unwrap();
        let mut got: Vec<&str> = object.keys().map(String::as_str).collect();
        let mut want = keys.to_vec();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want, "line {}", i + 1);
        // In the order given.
        let at: Vec<usize> = keys
            .iter()
            .map(|k| line.find(&format!("\"{k}\":")).unwrap())
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{line}");
        for key in [
            "row",
            "input",
            "verdict",
            "role",
            "score",
            "other_occupation",
            "error",
        ] {
            assert_eq!(value[key], full[i][key], "line {}: {key}", i + 1);
        }
        assert_eq!(value["functions"], full[i]["profile"]["functions"]);
    }
    assert_eq!(lines(&output).len(), TITLES.len());

    let output = peermap(&[
        "lookup",
        "Peer Support Worker",
        "--format",
        "json",
        "--fields",
        "role,verdict",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        value,
        serde_json::json!({"role": "peer-support-worker", "verdict": "peer_role"})
    );
}

/// A row that cannot be coded keeps its place and says why, whatever the fields chosen.
#[test]
fn fields_keep_every_row_and_its_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("messy.csv");
    fs::write(&path, b"id,title\n1,Peer Navigator\n2\n3,M\xE9diatrice\n").unwrap();
    let file = path.to_str().unwrap();
    let output = peermap(&["classify", file, "--fields", "role"]);
    assert_eq!(code(&output), 3, "{}", stderr(&output));
    let (header, _) = table(&output);
    assert_eq!(header, ["id", "title", "peermap_role", "peermap_error"]);
    assert_eq!(
        column(&output, "peermap_error"),
        ["", "missing-column", "invalid-encoding"]
    );
    assert_eq!(column(&output, "peermap_role"), ["peer-navigator", "", ""]);

    let output = peermap(&["classify", file, "--fields", "verdict", "-f", "jsonl"]);
    assert_eq!(code(&output), 3);
    let values = lines(&output);
    let verdicts: Vec<&str> = values
        .iter()
        .map(|v| v["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["peer_role", "error", "error"]);
    assert!(values[0]["error"].is_null());
    assert!(values[1]["error"].as_str().unwrap().starts_with("line 3:"));
    assert_eq!(values[2]["row"], 3);
}

#[test]
fn a_bad_field_list_is_a_usage_error_that_lists_the_names() {
    let dir = tempfile::tempdir().unwrap();
    let file = titles_file(dir.path(), TITLES);
    let cases: &[&[&str]] = &[
        &["classify", &file, "--fields", "verdict,colour"],
        &["classify", &file, "--fields", ""],
        &[
            "lookup",
            "Peer Mentor",
            "--format",
            "json",
            "--fields",
            "colour",
        ],
    ];
    for args in cases {
        let output = peermap(args);
        assert_eq!(code(&output), 2, "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let err = stderr(&output);
        for name in [
            "verdict",
            "other_occupation_codes",
            "onet_soc",
            "lexicon_version",
        ] {
            assert!(err.contains(name), "{args:?}: {err}");
        }
    }
    let cases: &[(&[&str], &str)] = &[
        (
            &["classify", &file, "--fields", "role,score,role"],
            "role twice",
        ),
        (
            &["lookup", "Peer Mentor", "--fields", "role"],
            "--format json",
        ),
    ];
    for (args, message) in cases {
        let output = peermap(args);
        assert_eq!(code(&output), 2, "{args:?}");
        assert!(stderr(&output).contains(message), "{}", stderr(&output));
    }
}

#[test]
fn the_closed_world_never_names_another_occupation() {
    let dir = tempfile::tempdir().unwrap();
    let file = titles_file(dir.path(), TITLES);
    let output = peermap(&["classify", &file, "--closed-world"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(column(&output, "peermap_other_occupation")
        .iter()
        .all(String::is_empty));
    let verdicts = column(&output, "peermap_verdict");
    assert_ne!(verdicts[0], "not_peer", "Radiator Mechanic");
    assert_ne!(column(&output, "peermap_method")[0], "occupation");
    assert_eq!(
        &verdicts[1..],
        ["peer_role", "not_peer"],
        "the lexicon still decides"
    );
    assert!(
        !stderr(&output).contains("occupation"),
        "{}",
        stderr(&output)
    );

    let output = peermap(&[
        "lookup",
        "Radiator Mechanic",
        "--closed-world",
        "--format",
        "json",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(value["other_occupation"].is_null());
    assert!(
        ["unknown", "ambiguous"].contains(&value["verdict"].as_str().unwrap()),
        "{value}"
    );
}

/// The report lists other occupations apart from the curated look-alikes.
#[test]
fn the_report_lists_other_occupations_apart() {
    let dir = tempfile::tempdir().unwrap();
    let file = titles_file(dir.path(), TITLES);
    let html = dir.path().join("report.html");
    let output = peermap(&[
        "classify",
        &file,
        "-o",
        dir.path().join("coded.csv").to_str().unwrap(),
        "--report",
        html.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = fs::read_to_string(html).unwrap();
    let table = |id: &str| {
        let start = text
            .find(&format!("<table id=\"{id}\""))
            .unwrap_or_else(|| panic!("no table {id}"));
        let end = start + text[start..].find("</table>").unwrap();
        &text[start..end]
    };
    assert!(table("review-other-occupation").contains("Radiator Mechanic"));
    assert!(table("review-other-occupation").contains("data-total=\"1\""));
    assert!(!table("review-not-peer").contains("Radiator Mechanic"));
    assert!(table("review-not-peer").contains("Nurse Navigator"));
}
