//! The qualifier tables: `tests/golden/qualifiers.tsv` (real-style titles in both languages,
//! each with its role and every qualifier key the parser must read from it) and
//! `tests/golden/qualifiers_postings.tsv` (real titles from postings, each with its source: the
//! role-implied qualifiers, levels, trainee forms and team names of issue 18).
//!
//! The tables were written from the specification before the vocabulary was tuned against
//! them, so they test the parser, not a copy of its output.

use peermap::{classify, Answer};

const TABLE: &str = include_str!("golden/qualifiers.tsv");
const POSTINGS: &str = include_str!("golden/qualifiers_postings.tsv");

const COLUMNS: [&str; 13] = [
    "title",
    "role",
    "seniority",
    "level",
    "employment",
    "credential",
    "domains",
    "populations",
    "settings",
    "location",
    "codes",
    "other",
    "implied",
];

struct Row<'a> {
    line: usize,
    cells: Vec<&'a str>,
}

fn rows() -> Vec<Row<'static>> {
    rows_of(TABLE, &COLUMNS)
}

/// The postings' rows: the table's columns, then the source of each title.
fn postings() -> Vec<Row<'static>> {
    let mut columns = COLUMNS.to_vec();
    columns.push("source");
    rows_of(POSTINGS, &columns)
}

fn rows_of(table: &'static str, columns: &[&str]) -> Vec<Row<'static>> {
    let mut lines = table
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
    let (_, header) = lines.next().expect("a header line");
    assert_eq!(header.split('\t').collect::<Vec<_>>(), columns);
    lines
        .map(|(i, l)| {
            let cells: Vec<&str> = l.split('\t').collect();
            assert_eq!(cells.len(), columns.len(), "line {}: {l}", i + 1);
            Row { line: i + 1, cells }
        })
        .collect()
}

/// What the answer says for each column, written as the table writes it.
fn actual(answer: &Answer) -> Vec<String> {
    let q = answer.qualifiers();
    let join = |items: &[&str]| items.join(";");
    let strings = |items: &[String]| items.join(";");
    vec![
        answer.input().to_string(),
        answer.role().unwrap_or_default().to_string(),
        q.seniority().unwrap_or_default().to_string(),
        q.level().unwrap_or_default().to_string(),
        join(q.employment()),
        strings(q.credential()),
        join(q.domains()),
        join(q.populations()),
        join(q.settings()),
        q.location().unwrap_or_default().to_string(),
        strings(q.codes()),
        strings(q.other()),
        strings(q.implied()),
    ]
}

/// Every cell of every row reads as the table says; fails with one line per mismatch.
fn assert_reads_as_said(file: &str, rows: &[Row<'_>]) {
    let failures = mismatches(file, rows);
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every cell of every row, as the answer reads it; one line per mismatch.
fn mismatches(file: &str, rows: &[Row<'_>]) -> Vec<String> {
    let mut failures = Vec::new();
    for row in rows {
        let answer = classify(row.cells[0]);
        let got = actual(&answer);
        for (c, column) in COLUMNS.iter().enumerate().skip(1) {
            if got[c] != row.cells[c] {
                failures.push(format!(
                    "{file} line {}: {:?}: {column}: expected {:?}, got {:?}",
                    row.line, row.cells[0], row.cells[c], got[c]
                ));
            }
        }
    }
    failures
}

#[test]
fn every_title_reads_as_the_table_says() {
    let rows = rows();
    assert!(rows.len() >= 150, "{} rows", rows.len());
    assert_reads_as_said("qualifiers.tsv", &rows);
}

#[test]
fn every_posting_title_reads_as_its_table_says() {
    let rows = postings();
    assert!(rows.len() >= 25, "{} rows", rows.len());
    for row in &rows {
        let source = row.cells[COLUMNS.len()];
        assert!(
            source.starts_with("http"),
            "line {}: a source URL",
            row.line
        );
    }
    let french = rows
        .iter()
        .filter(|r| classify(r.cells[0]).lang() == Some(peermap::Lang::Fr))
        .count();
    assert!(french >= 8, "{french} French rows");
    assert_reads_as_said("qualifiers_postings.tsv", &rows);
}

#[test]
fn the_table_covers_both_languages_and_every_code() {
    let rows = rows();
    let french = rows
        .iter()
        .filter(|r| {
            let a = classify(r.cells[0]);
            a.lang() == Some(peermap::Lang::Fr)
        })
        .count();
    assert!(
        french * 3 >= rows.len(),
        "{french} French rows of {}",
        rows.len()
    );
    for (column, codes) in [
        (4, "full-time part-time casual temporary permanent volunteer paid intern"),
        (6, "mental-health substance-use harm-reduction hiv hepatitis sexual-health cancer chronic-disease maternal-perinatal homelessness violence justice disability palliative poverty"),
        (7, "indigenous youth older-adults families lgbtq migrants-refugees veterans women people-who-use-drugs sex-workers"),
        (8, "hospital clinic emergency community street home shelter prison school online"),
        (2, "entry senior lead coordinator supervisor manager trainer"),
    ] {
        for code in codes.split(' ') {
            let n = rows
                .iter()
                .filter(|r| r.cells[column].split(';').any(|c| c == code))
                .count();
            assert!(n >= 2, "{} {code} appears in {n} rows", COLUMNS[column]);
        }
    }
}
