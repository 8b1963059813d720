//! Runs the built `peermap` binary as a user would, and checks its contract: every row in is
//! a row out, in order; the documented columns and JSON keys; exit codes 0, 1, 2 and 3; atomic
//! output; the other subcommands.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The appended CSV columns, in order (the contract other tools rely on).
const COLUMNS: &[&str] = &[
    "peermap_verdict",
    "peermap_role",
    "peermap_lineage",
    "peermap_label",
    "peermap_traditions",
    "peermap_score",
    "peermap_method",
    "peermap_matched",
    "peermap_lang",
    "peermap_candidates",
    "peermap_functions",
    "peermap_formality",
    "peermap_relations",
    "peermap_status",
    "peermap_affiliations",
    "peermap_spaces",
    "peermap_seniority",
    "peermap_level",
    "peermap_employment",
    "peermap_credential",
    "peermap_domains",
    "peermap_populations",
    "peermap_settings",
    "peermap_location",
    "peermap_codes",
    "peermap_other",
    "peermap_implied",
    "peermap_evidence",
    "peermap_other_occupation",
    "peermap_other_occupation_codes",
    "peermap_soc2018",
    "peermap_onet_soc",
    "peermap_isco08",
    "peermap_noc2021",
    "peermap_esco",
    "peermap_explanation",
    "peermap_error",
    "peermap_lexicon_version",
];

/// The keys every JSON line has.
const JSON_KEYS: &[&str] = &[
    "row",
    "input",
    "verdict",
    "role",
    "lineage",
    "label",
    "traditions",
    "score",
    "method",
    "matched",
    "lang",
    "candidates",
    "qualifiers",
    "profile",
    "lexicon_version",
    "explanation",
    "reason",
    "other_occupation",
    "error",
];

const DIMENSIONS: &[&str] = &[
    "functions",
    "formality",
    "relations",
    "status",
    "affiliations",
    "spaces",
];

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/titles.csv")
}

fn peermap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_peermap"))
}

/// Runs `peermap args…` with `stdin` as standard input.
fn run_with_input(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = peermap()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

fn run(args: &[&str]) -> Output {
    run_with_input(args, b"")
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

/// Parses CSV (or TSV) output into a header and byte rows.
fn parse(bytes: &[u8], delimiter: u8) -> (Vec<String>, Vec<Vec<Vec<u8>>>) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.byte_records().map(|r| {
        r.expect("the output is valid CSV")
            .iter()
            .map(<[u8]>::to_vec)
            .collect::<Vec<_>>()
    });
    let header = records
        .next()
        .expect("a header")
        .into_iter()
        .map(|h| String::from_utf8(h).unwrap())
        .collect();
    (header, records.collect())
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

fn cell(row: &[Vec<u8>], at: usize) -> String {
    String::from_utf8_lossy(&row[at]).into_owned()
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn the_example_file_is_coded_row_for_row() {
    let output = run(&[
        "classify",
        example().to_str().unwrap(),
        "--column",
        "job_title",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let input = fs::read(example()).unwrap();
    let (in_header, in_rows) = parse(&input, b',');
    let (header, rows) = parse(&output.stdout, b',');
    assert_eq!(in_header, ["id", "job_title", "department"]);
    assert_eq!(&header[..3], &in_header[..]);
    assert_eq!(&header[3..], COLUMNS);
    assert_eq!(rows.len(), in_rows.len());
    assert!(rows.len() >= 35, "the example has about 40 rows");
    for (got, given) in rows.iter().zip(&in_rows) {
        assert_eq!(
            &got[..3],
            &given[..],
            "input cells are written back unchanged"
        );
        assert_eq!(got.len(), 3 + COLUMNS.len());
        let verdict = cell(got, 3);
        assert!(
            ["peer_role", "ambiguous", "not_peer", "unknown"].contains(&verdict.as_str()),
            "{verdict}"
        );
        assert_eq!(cell(got, 3 + COLUMNS.len() - 1), peermap::LEXICON_VERSION);
    }
    let summary = stderr(&output);
    for verdict in ["peer_role", "ambiguous", "not_peer", "unknown", "error"] {
        assert!(summary.contains(verdict), "{summary}");
    }
    assert!(
        summary.contains(&format!("{} rows", in_rows.len())),
        "{summary}"
    );
}

#[test]
fn the_title_column_is_found_without_column() {
    let with = run(&["classify", example().to_str().unwrap(), "--column", "2"]);
    let without = run(&["classify", example().to_str().unwrap()]);
    assert_eq!(code(&without), 0);
    assert_eq!(with.stdout, without.stdout);
}

#[test]
fn json_lines_have_every_key_and_count_rows_from_one() {
    let output = run(&["classify", example().to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    let (_, in_rows) = parse(&fs::read(example()).unwrap(), b',');
    assert_eq!(lines.len(), in_rows.len());
    for (i, line) in lines.iter().enumerate() {
        let value: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        let object = value.as_object().expect("an object");
        for key in JSON_KEYS {
            assert!(object.contains_key(*key), "line {}: no key {key}", i + 1);
        }
        assert_eq!(value["row"], i as u64 + 1);
        assert_eq!(value["input"], cell(&in_rows[i], 1));
        assert_eq!(value["lexicon_version"], peermap::LEXICON_VERSION);
        assert!(value["error"].is_null());
        for dimension in DIMENSIONS {
            assert!(value["profile"][dimension].is_array(), "{dimension}");
        }
        for candidate in value["candidates"].as_array().unwrap() {
            assert!(candidate["role"].is_string() && candidate["score"].is_number());
        }
        assert!(value["lineage"].is_array() && value["traditions"].is_array());
        assert!(value["qualifiers"].is_object());
    }
}

/// A file with everything that goes wrong in real exports, and what each row must become.
#[test]
fn malformed_input_keeps_every_row_in_order() {
    let mut file: Vec<u8> = Vec::new();
    file.extend_from_slice(b"\xEF\xBB\xBFid,title,note\r\n");
    file.extend_from_slice(b"1,Peer Navigator,plain\r\n");
    file.extend_from_slice(b"2,\"Community Health Worker\r\n(bilingual)\",quoted newline\r\n");
    file.extend_from_slice(b"3,Accountant\r\n"); // short, but the title is there
    file.extend_from_slice(b"4,Peer Navigator,long,extra,cells\r\n");
    file.extend_from_slice(b"\r\n"); // an empty line: not a record
    file.extend_from_slice(b"5\r\n"); // the title cell is missing
    file.extend_from_slice(b"6,M\xE9diatrice en sant\xE9,latin-1 byte\r\n");
    file.extend_from_slice(b"7,\"Peer, \"\"Support\"\" Worker\",escaped quotes\r\n");
    file.extend_from_slice(b"8,\"never closed,\r\n9,Peer Navigator,swallowed\r\n");
    let dir = temp_dir();
    let path = dir.path().join("messy.csv");
    fs::write(&path, &file).unwrap();

    // (id, verdict or "" for any real verdict, error code)
    let expected: &[(&str, &str, &str)] = &[
        ("1", "", ""),
        ("2", "", ""),
        ("3", "", ""),
        ("4", "", ""),
        ("5", "error", "missing-column"),
        ("6", "error", "invalid-encoding"),
        ("7", "", ""),
        ("8", "error", "unterminated-quote"),
    ];
    let output = run(&["classify", path.to_str().unwrap()]);
    assert_eq!(code(&output), 3, "{}", stderr(&output));
    let (header, rows) = parse(&output.stdout, b',');
    assert_eq!(header[0], "id", "the byte-order mark is stripped");
    let verdict = column(&header, "peermap_verdict");
    let error = column(&header, "peermap_error");
    let explanation = column(&header, "peermap_explanation");
    assert_eq!(rows.len(), expected.len());
    for (row, (id, want_verdict, want_error)) in rows.iter().zip(expected) {
        assert_eq!(cell(row, 0), *id);
        let got = cell(row, verdict);
        if want_verdict.is_empty() {
            assert_ne!(got, "error", "row {id}");
        } else {
            assert_eq!(got, *want_verdict, "row {id}");
        }
        assert_eq!(cell(row, error), *want_error, "row {id}");
    }
    // Ragged rows keep their fields; the peermap columns stay aligned.
    assert_eq!(cell(&rows[2], 2), "", "a short row is padded");
    assert_eq!(rows[3].len(), header.len() + 2);
    assert_eq!(cell(&rows[3], header.len()), "extra");
    assert_eq!(cell(&rows[1], 1), "Community Health Worker\r\n(bilingual)");
    assert_eq!(cell(&rows[6], 1), "Peer, \"Support\" Worker");
    // The undecodable title is written back byte for byte, never repaired.
    assert_eq!(rows[5][1], b"M\xE9diatrice en sant\xE9");
    // Errors carry their line number.
    for (row, line) in [(4, "line 8:"), (5, "line 9:"), (7, "line 11:")] {
        let text = cell(&rows[row], explanation);
        assert!(text.starts_with(line), "row {}: {text}", row + 1);
    }
    let summary = stderr(&output);
    assert!(summary.contains("--encoding windows-1252"), "{summary}");
    assert!(summary.contains("(line 9)"), "{summary}");

    // The same in JSON lines.
    let output = run(&["classify", path.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(code(&output), 3);
    let values: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(values.len(), expected.len());
    for (i, (value, (_, want_verdict, want_error))) in values.iter().zip(expected).enumerate() {
        assert_eq!(value["row"], i as u64 + 1);
        for key in JSON_KEYS {
            assert!(value.get(*key).is_some(), "row {}: no key {key}", i + 1);
        }
        if !want_verdict.is_empty() {
            assert_eq!(value["verdict"], *want_verdict);
            assert_eq!(value["reason"], *want_error);
            assert!(value["error"].as_str().unwrap().contains("line"));
        } else {
            assert!(value["error"].is_null());
        }
    }
}

#[test]
fn windows_1252_is_decoded_when_asked() {
    let dir = temp_dir();
    let path = dir.path().join("excel.csv");
    fs::write(
        &path,
        b"id,titre\r\n1,M\xE9diatrice en sant\xE9\r\n2,Travailleuse de rue\r\n",
    )
    .unwrap();
    let output = run(&["classify", path.to_str().unwrap()]);
    assert_eq!(code(&output), 3);
    let (header, rows) = parse(&output.stdout, b',');
    assert_eq!(
        cell(&rows[0], column(&header, "peermap_error")),
        "invalid-encoding"
    );
    assert_eq!(rows[0][1], b"M\xE9diatrice en sant\xE9");

    let output = run(&[
        "classify",
        path.to_str().unwrap(),
        "--encoding",
        "windows-1252",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let (header, rows) = parse(&output.stdout, b',');
    assert_eq!(
        cell(&rows[0], 1),
        "Médiatrice en santé",
        "written out as UTF-8"
    );
    assert_ne!(cell(&rows[0], column(&header, "peermap_verdict")), "error");

    let output = run(&[
        "classify",
        path.to_str().unwrap(),
        "--encoding",
        "windows-1252",
        "--format",
        "jsonl",
    ]);
    let first: serde_json::Value =
        serde_json::from_str(stdout(&output).lines().next().unwrap()).unwrap();
    assert_eq!(first["input"], "Médiatrice en santé");
}

#[test]
fn fatal_errors_exit_1_with_one_line() {
    let dir = temp_dir();
    let missing = dir.path().join("missing.csv");
    let example = example();
    let cases: &[&[&str]] = &[
        &[
            "classify",
            example.to_str().unwrap(),
            "--column",
            "no_such_column",
        ],
        &["classify", example.to_str().unwrap(), "--column", "9"],
        &["classify", missing.to_str().unwrap()],
        &["classify", dir.path().to_str().unwrap()],
        &[
            "classify",
            example.to_str().unwrap(),
            "--no-default-lexicon",
        ],
        &["show", "no-such-role"],
    ];
    for args in cases {
        let output = run(args);
        assert_eq!(code(&output), 1, "{args:?}: {}", stderr(&output));
        let err = stderr(&output);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("peermap: error: "), "{args:?}: {err}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    let err = stderr(&run(&[
        "classify",
        example.to_str().unwrap(),
        "--column",
        "no_such_column",
    ]));
    assert!(
        err.contains("no_such_column") && err.contains("job_title"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let example = example();
    let example = example.to_str().unwrap();
    let cases: &[&[&str]] = &[
        &[],
        &["classify", example, "--no-such-flag"],
        &["classify", example, "--format", "xml"],
        &["classify", example, "--threshold", "1.5"],
        &["classify", example, "--region", "Ontario"],
        &["classify", example, "--lang", "de"],
        &["classify", example, "--encoding", "ebcdic"],
        &["lookup"],
        &["no-such-command"],
    ];
    for args in cases {
        assert_eq!(code(&run(args)), 2, "{args:?}");
    }
}

#[test]
fn output_files_are_written_atomically() {
    let dir = temp_dir();
    let out = dir.path().join("coded.csv");
    fs::write(&out, "old content\n").unwrap();
    let output = run(&[
        "classify",
        example().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let (header, rows) = parse(&fs::read(&out).unwrap(), b',');
    assert_eq!(&header[3..], COLUMNS);
    assert!(!rows.is_empty());
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["coded.csv"], "no temporary file is left behind");

    // A failed run leaves the target untouched and no debris.
    let output = run(&[
        "classify",
        example().to_str().unwrap(),
        "--column",
        "nope",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 1);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    assert_eq!(parse(&fs::read(&out).unwrap(), b',').1.len(), rows.len());
}

/// `-o /dev/null` once replaced the device with a regular file (a temporary file renamed over
/// it). A named pipe stands in for the device here, so a regression cannot damage the machine.
#[cfg(unix)]
#[test]
fn output_to_a_pipe_or_through_a_link_keeps_them() {
    use std::os::unix::fs::FileTypeExt;

    let dir = temp_dir();
    let fifo = dir.path().join("coded.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.map_or(true, |s| !s.success()) {
        eprintln!("mkfifo is not available; skipping the pipe half of this test");
    } else {
        let reader_path = fifo.clone();
        let reader = std::thread::spawn(move || fs::read(reader_path).unwrap());
        let output = run(&[
            "classify",
            example().to_str().unwrap(),
            "-o",
            fifo.to_str().unwrap(),
        ]);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        assert!(
            fs::metadata(&fifo).unwrap().file_type().is_fifo(),
            "the pipe is still a pipe (checked before waiting on its reader)"
        );
        let (_, rows) = parse(&reader.join().unwrap(), b',');
        assert!(!rows.is_empty());
    }

    let real = dir.path().join("real.csv");
    let link = dir.path().join("link.csv");
    fs::write(&real, "old\n").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let output = run(&[
        "classify",
        example().to_str().unwrap(),
        "-o",
        link.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is kept"
    );
    assert!(
        !parse(&fs::read(&real).unwrap(), b',').1.is_empty(),
        "the file it points to is written"
    );
}

#[test]
fn lines_tsv_and_stdin_inputs() {
    let dir = temp_dir();
    let lines = dir.path().join("titles.txt");
    fs::write(
        &lines,
        "Peer Navigator\r\n\nAccountant\nTravailleuse de rue",
    )
    .unwrap();
    let output = run(&["classify", lines.to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let (header, rows) = parse(&output.stdout, b',');
    assert_eq!(header[0], "title");
    let titles: Vec<String> = rows.iter().map(|r| cell(r, 0)).collect();
    assert_eq!(
        titles,
        ["Peer Navigator", "", "Accountant", "Travailleuse de rue"]
    );
    assert_eq!(cell(&rows[0], 1), "peer_role");

    let tsv = dir.path().join("titles.tsv");
    fs::write(
        &tsv,
        "id\tposte\n1\tPair aidante, santé mentale\n2\tNavigator\n",
    )
    .unwrap();
    let output = run(&["classify", tsv.to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let (header, rows) = parse(&output.stdout, b'\t');
    assert_eq!(&header[..2], ["id", "poste"]);
    assert_eq!(
        header.len(),
        2 + COLUMNS.len(),
        "the output is tab-separated too"
    );
    assert_eq!(cell(&rows[0], 1), "Pair aidante, santé mentale");
    assert_eq!(
        cell(&rows[1], column(&header, "peermap_verdict")),
        "ambiguous"
    );

    let csv = fs::read(example()).unwrap();
    let from_stdin = run_with_input(&["classify", "-", "--column", "job_title"], &csv);
    assert_eq!(code(&from_stdin), 0, "{}", stderr(&from_stdin));
    let from_file = run(&[
        "classify",
        example().to_str().unwrap(),
        "--column",
        "job_title",
    ]);
    assert_eq!(from_stdin.stdout, from_file.stdout);

    let piped = run_with_input(
        &[
            "classify",
            "-",
            "--input-format",
            "lines",
            "--format",
            "jsonl",
        ],
        b"Peer Navigator\nNavigator\n",
    );
    assert_eq!(code(&piped), 0);
    assert_eq!(stdout(&piped).lines().count(), 2);

    let no_header = run_with_input(
        &["classify", "--no-header", "--column", "2"],
        b"1,Peer Navigator\n2,Accountant,x\n",
    );
    assert_eq!(code(&no_header), 0, "{}", stderr(&no_header));
    let (header, rows) = parse(&no_header.stdout, b',');
    assert_eq!(&header[..2], ["column_1", "column_2"]);
    assert_eq!(rows.len(), 2);
    assert_eq!(cell(&rows[0], 2), "peer_role");
}

#[test]
fn a_region_hint_resolves_psw() {
    let cases: &[(&[&str], &str, &str)] = &[
        (&[], "ambiguous", ""),
        (
            &["--region", "CA-ON"],
            "not_peer",
            "personal-support-worker",
        ),
    ];
    for (extra, verdict, role) in cases {
        let mut args = vec!["classify", "-", "--input-format", "lines"];
        args.extend_from_slice(extra);
        let output = run_with_input(&args, b"PSW\n");
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        let (header, rows) = parse(&output.stdout, b',');
        assert_eq!(
            cell(&rows[0], column(&header, "peermap_verdict")),
            *verdict,
            "{extra:?}"
        );
        assert_eq!(
            cell(&rows[0], column(&header, "peermap_role")),
            *role,
            "{extra:?}"
        );
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = temp_dir();
    let path = dir.path().join("many.txt");
    let mut text = String::new();
    for i in 0..100_000 {
        text.push_str(&format!("Peer Support Worker {i}\n"));
    }
    fs::write(&path, text).unwrap();
    let mut child = peermap()
        .args(["classify", path.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 256];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(!stderr(&output).contains("error"), "{}", stderr(&output));
}

#[test]
fn lookup_answers_the_six_questions() {
    let output = run(&["lookup", "Peer Navigator – HIV"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    for expected in [
        "peer_role",
        "peer-navigator",
        "What are the objectives of the peer's support?",
        "Where is the support offered?",
        "Peers' pathways",
        peermap::LEXICON_VERSION,
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }

    let text = stdout(&run(&["lookup", "Comptable", "--lang", "fr"]));
    assert!(text.contains("non déterminé"), "{text}");
    assert!(text.contains("Qui les reconnaît comme pairs ?"), "{text}");

    let output = run(&["lookup", "Navigator", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["verdict"], "ambiguous");
    assert!(value["candidates"].as_array().unwrap().len() >= 2);
}

#[test]
fn roles_lists_every_entry() {
    let output = run(&["roles"]);
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    for id in [
        "peer-navigator",
        "community-health-worker",
        "nurse-navigator",
    ] {
        assert!(text.contains(id), "{id}");
    }
    let output = run(&["roles", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let entries = value.as_array().unwrap();
    let navigator = entries
        .iter()
        .find(|e| e["id"] == "peer-navigator")
        .expect("peer-navigator is listed");
    assert_eq!(navigator["kind"], "peer-role");
    assert!(navigator["variants"]["en"].as_u64().unwrap() > 0);
    assert!(navigator["variants"]["fr"].as_u64().unwrap() > 0);
}

#[test]
fn show_prints_one_entry_in_full() {
    let output = run(&["show", "peer-navigator"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    for expected in [
        "peer-navigator",
        "Peer navigator",
        "Pair navigateur",
        "What are the objectives of the peer's support?",
        "Navigation",
        "peer navigator",
        "SOURCES",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    let text = stdout(&run(&["show", "peer-navigator", "--lang", "fr"]));
    assert!(text.contains("Quels sont les objectifs du soutien offert par le pair ?"));

    let output = run(&["show", "peer-navigatr"]);
    assert_eq!(code(&output), 1);
    assert!(
        stderr(&output).contains("peer-navigator"),
        "close ids are suggested"
    );

    let output = run(&["show", "peer-navigator", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["id"], "peer-navigator");
    assert!(value["variants"].is_array() && value["profile"].is_object());
}

#[test]
fn compare_puts_two_roles_side_by_side() {
    let output = run(&["compare", "peer-navigator", "Community Health Worker"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("community-health-worker") && text.contains("On what basis"));
    assert_eq!(code(&run(&["compare", "peer-navigator", "Navigator"])), 1);
    assert!(text.contains("Similarity") && text.contains("How they differ"));

    let output = run(&[
        "compare",
        "peer-mentor",
        "community-health-worker",
        "--format",
        "json",
        "--lang",
        "fr",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let dimensions = value["dimensions"].as_array().unwrap();
    assert_eq!(dimensions.len(), 6);
    let relations = &dimensions[2];
    assert_eq!(relations["dimension"], "relations");
    assert_eq!(relations["only_a"], serde_json::json!(["lived-experience"]));
    assert_eq!(relations["similarity"], 0.0);
    let mean = dimensions
        .iter()
        .map(|d| d["similarity"].as_f64().unwrap())
        .sum::<f64>()
        / 6.0;
    assert!((value["similarity"].as_f64().unwrap() - mean).abs() < 1e-9);
    assert!(value["sentences"]["pathways"]
        .as_str()
        .unwrap()
        .starts_with("Parcours des pairs"));

    // A look-alike has no profile: the sides are shown, the similarity is null.
    let output = run(&[
        "compare",
        "peer-support-worker",
        "personal-support-worker",
        "--format",
        "json",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(value["similarity"].is_null());
}

#[test]
fn similar_ranks_roles_by_their_map_profile() {
    let output = run(&["similar", "peer-mentor", "--limit", "3", "--format", "json"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(rows.len(), 3);
    let scores: Vec<f64> = rows
        .iter()
        .map(|r| r["similarity"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(rows.iter().all(|r| r["role"] != "peer-mentor"));
    assert_eq!(code(&run(&["similar", "nurse-navigator"])), 1);
}

#[test]
fn find_is_the_reverse_crosswalk() {
    let output = run(&[
        "find",
        "--function",
        "navigation",
        "--relation",
        "lived-experience",
        "--affiliation",
        "clinical-organization",
        "--format",
        "json",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert!(!rows.is_empty());
    assert_eq!(rows[0]["held"], 3);
    assert!(rows.iter().all(|r| r["asked"] == 3));
    let held: Vec<u64> = rows.iter().map(|r| r["held"].as_u64().unwrap()).collect();
    assert!(held.windows(2).all(|w| w[0] >= w[1]));
    assert!(rows.iter().any(|r| r["role"] == "peer-navigator"));

    let text = stdout(&run(&["find", "--space", "daily-life", "--lang", "fr"]));
    assert!(text.contains("travailleur de rue"), "{text}");
    let output = run(&["find", "--function", "cooking"]);
    assert_eq!(code(&output), 1);
    assert!(
        stderr(&output).contains("navigation"),
        "the values are listed"
    );
    assert_eq!(code(&run(&["find"])), 1);
}

#[test]
fn occupational_codes_are_shown_and_added_as_columns() {
    let text = stdout(&run(&["show", "community-health-worker"]));
    assert!(
        text.contains("SOC 2018") && text.contains("21-1094") && text.contains("skos:exactMatch"),
        "{text}"
    );

    let dir = temp_dir();
    let input = dir.path().join("t.csv");
    fs::write(
        &input,
        "title\nCommunity Health Worker\nNurse Navigator\nbanana\n",
    )
    .unwrap();
    let output = run(&["classify", input.to_str().unwrap()]);
    let (header, rows) = parse(&output.stdout, b',');
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let soc = column("peermap_soc2018");
    assert_eq!(cell(&rows[0], soc), "21-1094 exactMatch");
    // Where the look-alikes went: a nurse navigator is a registered nurse.
    assert_eq!(cell(&rows[1], soc), "29-1141 broadMatch");
    assert_eq!(cell(&rows[2], soc), "");

    let output = run(&["classify", input.to_str().unwrap(), "--format", "jsonl"]);
    let first: serde_json::Value =
        serde_json::from_slice(output.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    let occupations = first["occupations"].as_array().unwrap();
    assert!(occupations
        .iter()
        .any(|o| o["scheme"] == "isco08" && o["code"] == "3253"));
}

#[test]
fn lexicon_check_validates_folders() {
    let output = run(&["lexicon", "check"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let last = stdout(&output)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(last.starts_with("OK:"), "{}", stdout(&output));

    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    assert_eq!(code(&run(&["lexicon", "check", data.to_str().unwrap()])), 0);

    let dir = temp_dir();
    fs::write(
        dir.path().join("broken-entry.json"),
        r#"{
  "id": "broken-entry",
  "kind": "peer-role",
  "broader": null,
  "traditions": ["peer-support"],
  "label": {"en": "Broken entry"},
  "definition": {"en": "A test entry.", "fr": "Une entrée de test."},
  "profile": {
    "functions": ["navigaton"], "formality": ["informal"], "relations": ["lived-experience"],
    "status": ["people-supported"], "affiliations": ["independent"], "spaces": ["daily-life"]
  },
  "variants": [{"text": "broken entry title", "lang": "en"}],
  "sources": ["https://example.org"]
}"#,
    )
    .unwrap();
    let output = run(&["lexicon", "check", dir.path().to_str().unwrap()]);
    assert_eq!(code(&output), 1);
    let report = format!("{}{}", stdout(&output), stderr(&output));
    for expected in ["broken-entry.json", "broken-entry", "label.fr", "navigaton"] {
        assert!(report.contains(expected), "{expected}: {report}");
    }
    // Each problem gives its line and a hint where the message does not already say it.
    assert!(
        report.contains("broken-entry.json:6: entry \"broken-entry\": field \"label.fr\""),
        "{report}"
    );
    assert!(report.contains("  hint: add the field"), "{report}");

    // The same folder given to classify is a fatal error, one problem per line.
    let output = run_with_input(
        &["classify", "-", "--lexicon", dir.path().to_str().unwrap()],
        b"title\nPeer Navigator\n",
    );
    assert_eq!(code(&output), 1);
    let err = stderr(&output);
    assert!(err.starts_with("peermap: error: "));
    assert!(err.lines().count() >= 3, "{err}");
}

#[test]
fn lexicon_check_warns_about_near_duplicates_and_unsourced_titles() {
    let dir = temp_dir();
    let entry = |id: &str, title: &str, extra: &str| {
        format!(
            r#"{{
  "id": "{id}",
  "kind": "not-peer",
  "broader": null,
  "label": {{"en": "{id}", "fr": "{id}"}},
  "definition": {{"en": "A test entry.", "fr": "Une entrée de test."}},
  "reason": {{"en": "A test.", "fr": "Un test."}},
  "variants": [
    {{"text": "{title}", "lang": "en"{extra}}}
  ],
  "sources": ["https://example.org"]
}}
"#
        )
    };
    fs::write(
        dir.path().join("alpha.json"),
        entry(
            "alpha",
            "ward liaison worker",
            ", \"sources\": [\"https://example.org\"]",
        ),
    )
    .unwrap();
    fs::write(
        dir.path().join("beta.json"),
        entry("beta", "ward liason worker", ", \"status\": \"unverified\""),
    )
    .unwrap();
    let output = run(&["lexicon", "check", dir.path().to_str().unwrap()]);
    assert_eq!(
        code(&output),
        0,
        "warnings do not fail the check: {}",
        stderr(&output)
    );
    let text = stdout(&output);
    assert!(text.contains("alpha.json:9: entry \"alpha\": \"ward liaison worker\" is close to \"ward liason worker\" of \"beta\""), "{text}");
    assert!(
        text.contains("beta.json:9: entry \"beta\": variant \"ward liason worker\" has no source"),
        "{text}"
    );
    assert!(
        text.lines().last().unwrap().contains("2 warnings"),
        "{text}"
    );
}

#[test]
fn lexicon_add_writes_a_checked_variant_in_canonical_form() {
    let dir = temp_dir();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    for file in fs::read_dir(&data).unwrap() {
        let path = file.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let folder = dir.path().to_str().unwrap();
    let output = run(&[
        "lexicon",
        "add",
        "peer-mentor",
        "mentor-pair de rétablissement",
        "--lang",
        "fr",
        "--region",
        "QC",
        "--source",
        "https://example.org/mentor",
        "--data",
        folder,
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("added to "),
        "{}",
        stdout(&output)
    );
    let text = fs::read_to_string(dir.path().join("peer-mentor.json")).unwrap();
    assert!(text.contains(
        "    {\"text\": \"mentor-pair de rétablissement\", \"lang\": \"fr\", \"regions\": [\"CA-QC\"], \"sources\": [\"https://example.org/mentor\"]},\n"
    ), "{text}");
    assert_eq!(code(&run(&["lexicon", "fmt", "--check", folder])), 0);
    let output = run_with_input(
        &[
            "classify",
            "-",
            "--no-default-lexicon",
            "--lexicon",
            folder,
            "--input-format",
            "lines",
        ],
        b"Mentore-paire de r\xc3\xa9tablissement\n",
    );
    assert!(
        stdout(&output).contains("peer-mentor"),
        "{}",
        stdout(&output)
    );

    // Without a source the variant is marked unverified.
    let output = run(&[
        "lexicon",
        "add",
        "peer-mentor",
        "recovery buddy",
        "--lang",
        "en",
        "--data",
        folder,
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(fs::read_to_string(dir.path().join("peer-mentor.json"))
        .unwrap()
        .contains("{\"text\": \"recovery buddy\", \"lang\": \"en\", \"status\": \"unverified\"}"));

    // A title already there, a title of another entry, a bad region, an unknown entry.
    let before = fs::read_to_string(dir.path().join("peer-mentor.json")).unwrap();
    for (args, message) in [
        (
            vec!["peer-mentor", "Peer Mentors", "--lang", "en"],
            "already in",
        ),
        (
            vec!["peer-mentor", "pair aidant", "--lang", "fr"],
            "would not be valid",
        ),
        (
            vec!["peer-mentor", "x y", "--lang", "en", "--region", "Quebec"],
            "ISO 3166",
        ),
        (
            vec!["peer-mentr", "x", "--lang", "en"],
            "did you mean peer-mentor",
        ),
    ] {
        let mut all = vec!["lexicon", "add"];
        all.extend(args);
        all.extend(["--data", folder]);
        let output = run(&all);
        assert_eq!(code(&output), 1, "{all:?}");
        assert!(
            stderr(&output).contains(message),
            "{all:?}: {}",
            stderr(&output)
        );
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("peer-mentor.json")).unwrap(),
        before
    );
}

#[test]
fn user_lexicons_extend_the_embedded_one() {
    let dir = temp_dir();
    fs::write(
        dir.path().join("recovery-college-tutor.json"),
        r#"{
  "id": "recovery-college-tutor",
  "kind": "peer-role",
  "broader": null,
  "traditions": ["peer-support"],
  "label": {"en": "Recovery college peer tutor", "fr": "Pair formateur en rétablissement"},
  "definition": {"en": "A peer who co-teaches recovery courses.", "fr": "Pair qui coanime des cours de rétablissement."},
  "profile": {
    "functions": ["promotion"], "formality": ["formal-structured"], "relations": ["lived-experience"],
    "status": ["people-supported", "organization"], "affiliations": ["clinical-organization"], "spaces": ["institution"]
  },
  "variants": [{"text": "recovery college peer tutor", "lang": "en"}],
  "sources": ["https://example.org"]
}"#,
    )
    .unwrap();
    let lexicon = dir.path().to_str().unwrap();
    let output = run_with_input(
        &[
            "classify",
            "-",
            "--lexicon",
            lexicon,
            "--format",
            "jsonl",
            "--input-format",
            "lines",
        ],
        b"Recovery College Peer Tutor\nPeer Navigator\n",
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let values: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(values[0]["role"], "recovery-college-tutor");
    assert_eq!(
        values[1]["role"], "peer-navigator",
        "the embedded entries are kept"
    );
    let version = values[0]["lexicon_version"].as_str().unwrap();
    assert!(version.starts_with(peermap::LEXICON_VERSION) && version != peermap::LEXICON_VERSION);

    let output = run_with_input(
        &[
            "classify",
            "-",
            "--lexicon",
            lexicon,
            "--no-default-lexicon",
            "--input-format",
            "lines",
        ],
        b"Peer Navigator\n",
    );
    assert_eq!(code(&output), 0);
    let (header, rows) = parse(&output.stdout, b',');
    assert_eq!(
        cell(&rows[0], column(&header, "peermap_verdict")),
        "unknown"
    );
}

#[test]
fn version_names_the_lexicon() {
    let output = run(&["--version"]);
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    assert!(text.contains(env!("CARGO_PKG_VERSION")));
    assert!(text.contains(peermap::LEXICON_VERSION));
}

#[test]
fn lexicon_fmt_writes_the_canonical_layout() {
    let dir = temp_dir();
    let messy = r#"{"variants": [{"lang": "en", "text": "zeta worker"},
 {"text": "alpha worker", "lang": "en", "regions": ["US", "CA"]}],
 "kind": "not-peer", "id": "messy"}"#;
    let file = dir.path().join("messy.json");
    fs::write(&file, messy).unwrap();
    fs::write(dir.path().join("lexicon.schema.json"), "{ }").unwrap();
    let path = dir.path().to_str().unwrap();

    let check = run(&["lexicon", "fmt", "--check", path]);
    assert_eq!(code(&check), 1, "{}", stderr(&check));
    assert!(
        stdout(&check).contains("not canonical:"),
        "{}",
        stdout(&check)
    );
    assert!(stdout(&check).contains("lexicon fmt"), "{}", stdout(&check));
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        messy,
        "--check changes nothing"
    );

    let fmt = run(&["lexicon", "fmt", path]);
    assert_eq!(code(&fmt), 0, "{}", stderr(&fmt));
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "{\n  \"id\": \"messy\",\n  \"kind\": \"not-peer\",\n  \"variants\": [\n    \
         {\"text\": \"alpha worker\", \"lang\": \"en\", \"regions\": [\"CA\", \"US\"]},\n    \
         {\"text\": \"zeta worker\", \"lang\": \"en\"}\n  ]\n}\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("lexicon.schema.json")).unwrap(),
        "{ }",
        "the schema is not an entry"
    );
    let again = run(&["lexicon", "fmt", "--check", path]);
    assert_eq!(code(&again), 0, "{}", stdout(&again));

    fs::write(dir.path().join("broken.json"), "{\"id\": ").unwrap();
    let broken = run(&["lexicon", "fmt", path]);
    assert_eq!(code(&broken), 1);
    assert!(
        stderr(&broken).contains("broken.json"),
        "{}",
        stderr(&broken)
    );
}
