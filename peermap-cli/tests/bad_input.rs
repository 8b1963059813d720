//! One fixture per kind of damage HR and survey exports carry (`tests/fixtures/bad-input/`,
//! made by its `make.py`): every row in is a row out, in order, with its verdict, error reason
//! and message; exit codes as DESIGN.md gives them. The README's "Bad input" section lists the
//! same cases.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad-input")
        .join(name)
}

fn peermap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peermap"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

/// Codes a fixture's `job_title` column as CSV.
fn classify(name: &str, extra: &[&str]) -> Output {
    let path = fixture(name);
    let mut args = vec!["classify", path.to_str().unwrap(), "--column", "job_title"];
    args.extend_from_slice(extra);
    peermap(&args)
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The output's header and rows, as text (invalid UTF-8 shown lossily).
fn table(output: &Output) -> (Vec<String>, Vec<Vec<String>>) {
    table_of(&output.stdout, b',')
}

/// The header and rows of CSV `bytes` whose cells are separated by `delimiter`.
fn table_of(bytes: &[u8], delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rows = reader.byte_records().map(|r| {
        r.expect("the output is valid CSV")
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
    });
    let header = rows.next().unwrap_or_default();
    (header, rows.collect())
}

/// One column of every row.
fn column(output: &Output, name: &str) -> Vec<String> {
    column_of(table(output), name)
}

/// One column of every row of a table.
fn column_of((header, rows): (Vec<String>, Vec<Vec<String>>), name: &str) -> Vec<String> {
    let at = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"));
    rows.iter()
        .map(|r| r.get(at).cloned().unwrap_or_default())
        .collect()
}

/// Checks row count, verdicts, error reasons and the exit code of one fixture.
fn expect(name: &str, extra: &[&str], verdicts: &[&str], reasons: &[&str], exit: i32) -> Output {
    let output = classify(name, extra);
    assert_eq!(code(&output), exit, "{name}: {}", stderr(&output));
    assert_eq!(column(&output, "peermap_verdict"), verdicts, "{name}");
    assert_eq!(column(&output, "peermap_error"), reasons, "{name}");
    let rows = verdicts.len();
    let summary = stderr(&output);
    let counted = format!("{rows} row{} coded", if rows == 1 { "" } else { "s" });
    assert!(summary.contains(&counted), "{name}: {summary}");
    let errors = reasons.iter().filter(|r| !r.is_empty()).count();
    assert_eq!(
        summary_count(&summary, "error"),
        errors,
        "{name}: {summary}"
    );
    output
}

/// The number of rows the summary gives for a verdict ("  error   1   20.0%").
fn summary_count(summary: &str, verdict: &str) -> usize {
    summary
        .lines()
        .find_map(|line| {
            let mut words = line.split_whitespace();
            (words.next() == Some(verdict)).then(|| words.next()?.parse().ok())?
        })
        .unwrap_or_else(|| panic!("no {verdict} line in {summary}"))
}

#[test]
fn ragged_rows_keep_their_fields_and_a_row_without_its_title_is_an_error() {
    let output = expect(
        "ragged.csv",
        &[],
        &["peer_role", "peer_role", "error", "peer_role", "peer_role"],
        &["", "", "missing-column", "", ""],
        3,
    );
    let (header, rows) = table(&output);
    assert_eq!(rows[1][2], "", "a short row is padded");
    assert_eq!(
        rows[3].len(),
        header.len() + 2,
        "a long row keeps its extra cells"
    );
    assert_eq!(rows[3][header.len()..], ["extra", "cells"]);
    assert!(stderr(&output).contains("row 3 (line 4): missing-column"));
}

#[test]
fn quoted_line_breaks_stay_inside_their_row() {
    let output = expect(
        "quoted-newlines.csv",
        &[],
        &["peer_role", "peer_role", "peer_role"],
        &["", "", ""],
        0,
    );
    let (_, rows) = table(&output);
    assert_eq!(rows[0][1], "Peer Support\nWorker");
    assert_eq!(rows[0][2], "Mental health,\nAdult");
    assert_eq!(rows[1][1], "Navigateur \"patient\"");
    assert_eq!(rows[2][2], "Line one\r\nline two");
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_first_column_name() {
    let output = expect("bom.csv", &[], &["peer_role", "peer_role"], &["", ""], 0);
    assert_eq!(table(&output).0[0], "job_title");
}

#[test]
fn windows_line_endings_and_a_missing_last_line_break_are_read() {
    let output = expect(
        "crlf.csv",
        &[],
        &["peer_role", "peer_role", "peer_role"],
        &["", "", ""],
        0,
    );
    assert_eq!(table(&output).1[2][2], "Salud", "no stray carriage return");
}

#[test]
fn latin1_bytes_in_a_utf8_file_are_an_error_on_their_row_only() {
    let output = expect(
        "latin1-in-utf8.csv",
        &[],
        &["peer_role", "error", "peer_role"],
        &["", "invalid-encoding", ""],
        3,
    );
    assert!(
        output.stdout.windows(2).any(|w| w == b"M\xE9"),
        "written back unchanged"
    );
    let summary = stderr(&output);
    assert!(summary.contains("byte 0xE9"), "{summary}");
    assert!(summary.contains("try --encoding windows-1252"), "{summary}");
}

#[test]
fn a_windows_1252_file_is_read_with_the_flag_and_flagged_without_it() {
    expect(
        "windows-1252.csv",
        &[],
        &["error", "error", "error", "error"],
        &[
            "invalid-encoding",
            "invalid-encoding",
            "invalid-encoding",
            "invalid-encoding",
        ],
        3,
    );
    let output = expect(
        "windows-1252.csv",
        &["--encoding", "windows-1252"],
        &["peer_role", "peer_role", "peer_role", "peer_role"],
        &["", "", "", ""],
        0,
    );
    let titles = column(&output, "job_title");
    assert_eq!(titles[0], "Médiatrice en santé");
    assert_eq!(titles[1], "Intervenant de milieu – itinérance");
    assert_eq!(titles[3], "Peer Worker’s Aide", "0x92 is a right quote");
}

#[test]
fn a_50_kb_cell_is_cut_for_matching_and_kept_whole_in_the_output() {
    let output = expect(
        "huge-cells.csv",
        &[],
        &["peer_role", "peer_role", "peer_role"],
        &["", "", ""],
        0,
    );
    let (_, rows) = table(&output);
    assert_eq!(
        rows[0][1].len(),
        20 + 50_000,
        "the title is written back whole"
    );
    assert_eq!(rows[1][2].len(), 6 * 9_000, "other cells too");
    let explanations = column(&output, "peermap_explanation");
    assert!(
        explanations[0].contains("cut there before matching"),
        "{}",
        explanations[0]
    );
    assert!(!explanations[1].contains("cut there"));
}

#[test]
fn emoji_right_to_left_text_and_control_characters_are_coded_or_unknown() {
    expect(
        "emoji.csv",
        &[],
        &["peer_role", "peer_role", "unknown"],
        &["", "", ""],
        0,
    );
    let output = expect(
        "right-to-left.csv",
        &[],
        &["unknown", "peer_role", "unknown"],
        &["", "", ""],
        0,
    );
    let summary = stderr(&output);
    assert!(summary.contains("عامل صحي مجتمعي"), "{summary}");
    let output = expect(
        "control-characters.csv",
        &[],
        &["peer_role", "peer_role", "peer_role", "peer_role"],
        &["", "", "", ""],
        0,
    );
    let titles = column(&output, "job_title");
    assert_eq!(titles[0], "Peer\0Support Worker", "written back unchanged");
    assert_eq!(
        titles[1], "\u{1b}[31mPeer Mentor\u{1b}[0m",
        "written back unchanged"
    );
    assert_eq!(
        column(&output, "peermap_role")[1],
        "peer-mentor",
        "a terminal colour code is not read as words"
    );
    assert!(
        !stderr(&output).contains('\u{1b}'),
        "no escape reaches the terminal"
    );
}

#[test]
fn formulas_are_neutralized_unless_kept() {
    let output = expect(
        "formulas.csv",
        &[],
        &[
            "peer_role",
            "peer_role",
            "peer_role",
            "peer_role",
            "peer_role",
        ],
        &["", "", "", "", ""],
        0,
    );
    let (_, rows) = table(&output);
    assert_eq!(
        rows[0][1],
        "'=HYPERLINK(\"http://example.invalid\";\"Peer Support Worker\")"
    );
    assert_eq!(rows[0][2], "'=1+1");
    assert_eq!(rows[1][1..3], ["'+Peer Mentor", "'-2+3"]);
    assert_eq!(rows[2][1..3], ["'-Patient Navigator", "'@SUM(A1:A2)"]);
    assert_eq!(rows[3][1], "'@Pair aidante");
    assert_eq!(rows[4][2], "-42", "a number is not a formula");
    for row in &rows {
        for cell in row {
            assert!(
                !matches!(cell.chars().next(), Some('=' | '+' | '@')),
                "{cell}"
            );
        }
    }
    let raw = classify("formulas.csv", &["--keep-formulas"]);
    let (_, rows) = table(&raw);
    assert_eq!(rows[0][2], "=1+1");
    assert_eq!(rows[3][1], "@Pair aidante");
    // JSON lines are not for spreadsheets: the input is given as it is.
    let json = classify("formulas.csv", &["--format", "jsonl"]);
    let first: serde_json::Value =
        serde_json::from_slice(json.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert!(first["input"].as_str().unwrap().starts_with("=HYPERLINK"));
}

#[test]
fn blank_lines_are_not_rows_and_an_empty_title_is_unknown() {
    expect(
        "empty-lines.csv",
        &[],
        &["peer_role", "peer_role", "unknown"],
        &["", "", ""],
        0,
    );
}

#[test]
fn a_missing_column_is_fatal_and_names_the_columns() {
    let output = classify("missing-column.csv", &[]);
    assert_eq!(code(&output), 1);
    assert!(output.stdout.is_empty());
    let message = stderr(&output);
    assert!(
        message.starts_with("peermap: error: no column named \"job_title\""),
        "{message}"
    );
    assert!(message.contains("\"title_of_job\""), "{message}");
}

/// Without --column, a header with no title-like name is coded from its first column, and a
/// warning says so before the rows; every row still comes out.
#[test]
fn a_guessed_title_column_that_is_doubtful_is_warned_about() {
    let output = peermap(&["classify", fixture("missing-column.csv").to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let summary = stderr(&output);
    assert!(
        summary.starts_with("peermap: warning: no column is named like a job title"),
        "{summary}"
    );
    assert!(summary.contains("coding column 1 \"id\""), "{summary}");
    assert_eq!(column(&output, "peermap_verdict"), ["unknown"]);
}

#[test]
fn a_file_that_ends_inside_a_quote_keeps_its_rows_and_flags_the_last() {
    let output = expect(
        "ends-mid-row.csv",
        &[],
        &["peer_role", "peer_role", "error"],
        &["", "", "unterminated-quote"],
        3,
    );
    assert_eq!(column(&output, "job_title")[2], "Patient Navigator, Onc");
    let explanation = &column(&output, "peermap_explanation")[2];
    assert!(explanation.starts_with("line 4:"), "{explanation}");
}

#[test]
fn a_header_alone_or_nothing_at_all_gives_no_rows_and_success() {
    let output = expect("header-only.csv", &[], &[], &[], 0);
    assert_eq!(
        table(&output).0.len(),
        3 + 38,
        "the header is still written (38 peermap_ columns)"
    );
    let output = peermap(&["classify", fixture("empty.csv").to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(stderr(&output).contains("0 rows coded"));
}

#[test]
fn a_utf16_file_is_read_as_text() {
    let output = expect("utf-16.csv", &[], &["peer_role"], &[""], 0);
    assert_eq!(table(&output).0[..2], ["id", "job_title"]);
    // Its mark decides: --encoding cannot apply to UTF-16, and the warning says so.
    let output = expect(
        "utf-16.csv",
        &["--encoding", "windows-1252"],
        &["peer_role"],
        &[""],
        0,
    );
    assert!(
        stderr(&output).contains("the file is UTF-16, so --encoding windows-1252 does not apply"),
        "{}",
        stderr(&output)
    );
}

/// A damaged UTF-16 file: the cell with an unpaired surrogate is an error that says UTF-16,
/// and the summary does not send the user to --encoding windows-1252.
#[test]
fn a_broken_utf16_cell_is_an_error_that_names_utf16() {
    let mut bytes = vec![0xFF, 0xFE];
    let units = "id,job_title\r\n1,Peer Mentor\r\n2,Pair "
        .encode_utf16()
        .chain([0xDC00])
        .chain("aidante\r\n3,Promotora\r\n".encode_utf16());
    for unit in units {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("damaged.csv");
    std::fs::write(&file, bytes).unwrap();
    let output = peermap(&["classify", file.to_str().unwrap()]);
    assert_eq!(code(&output), 3);
    assert_eq!(
        column(&output, "peermap_error"),
        ["", "invalid-encoding", ""]
    );
    let explanation = &column(&output, "peermap_explanation")[1];
    assert!(explanation.contains("not valid UTF-16"), "{explanation}");
    let summary = stderr(&output);
    assert!(summary.contains("1 row is not valid UTF-16"), "{summary}");
    assert!(!summary.contains("windows-1252"), "{summary}");
}

/// A UTF-8 byte-order mark with --encoding windows-1252: obeyed, with a warning.
#[test]
fn a_utf8_mark_with_windows_1252_asked_is_obeyed_with_a_warning() {
    let output = classify("bom.csv", &["--encoding", "windows-1252"]);
    assert_eq!(code(&output), 0);
    assert!(
        stderr(&output).contains("starts with a UTF-8 byte-order mark"),
        "{}",
        stderr(&output)
    );
    assert_eq!(column(&output, "department")[0], "SantÃ© mentale");
}

/// Excel in a French locale writes "CSV" with semicolons (the comma is the decimal mark):
/// read with them, written back with them, numbers with a decimal comma left alone.
#[test]
fn a_french_excel_file_is_read_and_written_with_its_semicolons() {
    let output = peermap(&["classify", fixture("semicolons.csv").to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let rows = table_of(&output.stdout, b';');
    assert_eq!(rows.0[..4], ["id", "titre", "service", "ETP"]);
    assert_eq!(
        column_of(rows.clone(), "peermap_role"),
        [
            "peer-support-worker",
            "community-health-worker",
            "street-outreach-worker"
        ]
    );
    assert_eq!(
        column_of(rows.clone(), "titre")[1],
        "Agent de santé communautaire; volet prévention"
    );
    assert_eq!(column_of(rows, "ETP"), ["0,6", "1", "0,8"]);
    assert!(
        stderr(&output).contains("cells separated by semicolons, found in the first line"),
        "{}",
        stderr(&output)
    );
}

/// `--delimiter` decides; a wrong one leaves the header as one column, and the error says so.
#[test]
fn the_delimiter_option_overrides_the_guess() {
    let path = fixture("semicolons.csv");
    let path = path.to_str().unwrap();
    let output = peermap(&["classify", path, "--column", "titre", "--delimiter", ","]);
    assert_eq!(code(&output), 1);
    assert!(
        stderr(&output).contains("read as one column") && stderr(&output).contains("--delimiter"),
        "{}",
        stderr(&output)
    );
    let output = peermap(&["classify", path, "-d", "semicolon", "--format", "jsonl"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        output
            .stdout
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .count(),
        3
    );
    assert!(!stderr(&output).contains("found in the first line"));
    for usage in [
        &["classify", path, "--delimiter", "ab"][..],
        &["classify", path, "--delimiter", "\""],
        &[
            "classify",
            path,
            "--input-format",
            "lines",
            "--delimiter",
            ";",
        ],
    ] {
        assert_eq!(code(&peermap(usage)), 2, "{usage:?}");
    }
}

/// Excel's `sep=;` first line names the separator: it is not a row, and it heads the output
/// again so that Excel opens the result the same way. Line numbers still count it.
#[test]
fn an_excel_sep_line_names_the_separator_and_is_kept() {
    let output = classify("excel-sep-line.csv", &[]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(output.stdout.starts_with(b"sep=;\n"));
    let rows = table_of(&output.stdout[b"sep=;\n".len()..], b';');
    assert_eq!(
        column_of(rows.clone(), "peermap_verdict"),
        ["peer_role", "unknown"]
    );
    assert_eq!(
        column_of(rows, "job_title"),
        ["Peer Support Worker", "'=1+1"]
    );

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cut.csv");
    std::fs::write(&file, "sep=;\r\nid;job_title\r\n1;Peer Mentor\r\n2;\"Pair").unwrap();
    let output = peermap(&["classify", file.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(code(&output), 3);
    assert!(
        stderr(&output).contains("row 2 (line 4)"),
        "{}",
        stderr(&output)
    );
}

/// Excel's "Unicode text" is a .txt file in UTF-16 with tabs between cells: a table, not one
/// title per line.
#[test]
fn excel_unicode_text_is_read_as_a_tab_separated_table() {
    let path = fixture("excel-unicode-text.txt");
    let output = peermap(&["classify", path.to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let rows = table_of(&output.stdout, b'\t');
    assert_eq!(rows.0[..3], ["id", "job_title", "department"]);
    assert_eq!(
        column_of(rows, "department"),
        ["Santé mentale", "Mental health"]
    );
    assert!(stderr(&output).contains("read as tab-separated"));
    // Asked for, the old reading still holds: every line a title.
    let output = peermap(&[
        "classify",
        path.to_str().unwrap(),
        "--input-format",
        "lines",
    ]);
    assert_eq!(column(&output, "title").len(), 3);
}

#[test]
fn utf16_without_a_byte_order_mark_is_read_and_the_summary_says_so() {
    let output = expect("utf-16-no-mark.csv", &[], &["peer_role"], &[""], 0);
    assert_eq!(column(&output, "job_title"), ["Promotora de salud"]);
    assert!(stderr(&output).contains("read as UTF-16 big-endian"));
}

/// A workbook or a compressed file read as CSV would code binary garbage: it is refused, by
/// name, before anything is written.
#[test]
fn workbooks_and_compressed_files_are_refused_before_any_output() {
    let dir = tempfile::tempdir().unwrap();
    for (name, says) in [
        ("workbook.xlsx", "Excel workbook (.xlsx)"),
        ("compressed.csv.gz", "compressed (gzip)"),
    ] {
        let target = dir.path().join("out.csv");
        let output = classify(name, &["-o", target.to_str().unwrap()]);
        assert_eq!(code(&output), 1, "{name}");
        let message = stderr(&output);
        assert!(
            message.starts_with("peermap: error: cannot read "),
            "{message}"
        );
        assert!(message.contains(says), "{message}");
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(!target.exists(), "{name}: nothing is written");
    }
}

#[test]
fn every_line_of_a_text_file_is_a_row() {
    let output = peermap(&["classify", fixture("titles.txt").to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        column(&output, "peermap_verdict"),
        ["peer_role", "unknown", "peer_role", "unknown", "peer_role"]
    );
    assert_eq!(column(&output, "title")[4], "Promotora");
}

/// The same fixtures in JSON lines: one object per row, errors included, in order.
#[test]
fn json_lines_keep_every_row_too() {
    for (name, rows, errors) in [
        ("ragged.csv", 5, 1),
        ("latin1-in-utf8.csv", 3, 1),
        ("ends-mid-row.csv", 3, 1),
        ("quoted-newlines.csv", 3, 0),
        ("huge-cells.csv", 3, 0),
    ] {
        let output = classify(name, &["--format", "jsonl"]);
        let values: Vec<serde_json::Value> = output
            .stdout
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).expect("one JSON object per line"))
            .collect();
        assert_eq!(values.len(), rows, "{name}");
        for (i, value) in values.iter().enumerate() {
            assert_eq!(value["row"], i as u64 + 1, "{name}");
        }
        let flagged = values.iter().filter(|v| v["verdict"] == "error").count();
        assert_eq!(flagged, errors, "{name}");
        assert_eq!(code(&output), if errors > 0 { 3 } else { 0 }, "{name}");
    }
}

/// A run killed while writing `-o FILE` leaves the old file as it was: rows go to a temporary
/// file that is renamed over it only at the end.
#[cfg(unix)]
#[test]
fn an_interrupted_run_never_leaves_a_half_written_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.txt");
    let mut text = String::new();
    for i in 0..400_000 {
        text.push_str(&format!("Peer Support Worker {i}\n"));
    }
    std::fs::write(&input, text).unwrap();
    let target = dir.path().join("coded.csv");
    std::fs::write(&target, "the previous result\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_peermap"))
        .args(["classify", input.to_str().unwrap(), "-o"])
        .arg(&target)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once it has started writing its temporary file (or has finished).
    let started = std::time::Instant::now();
    loop {
        let writing = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .any(|e| e.path() != input && e.path() != target && e.metadata().unwrap().len() > 0);
        if writing || child.try_wait().unwrap().is_some() || started.elapsed().as_secs() > 60 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = child.kill();
    let status = child.wait().unwrap();
    let now = std::fs::read_to_string(&target).unwrap();
    if status.success() {
        // It finished first on a fast machine: the file is then whole.
        assert_eq!(now.lines().count(), 400_001);
    } else {
        assert_eq!(now, "the previous result\n", "the old file is untouched");
    }
}
