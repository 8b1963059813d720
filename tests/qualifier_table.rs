//! The qualifier table (`tests/golden/qualifiers.tsv`): real-style titles in both languages,
//! each with its role and every qualifier key the parser must read from it.
//!
//! The table was written from the specification by a separate helper before the vocabulary was
//! tuned against it, so it is a test of the parser, not a copy of its output.

use peermap::{classify, Answer};

const TABLE: &str = include_str!("golden/qualifiers.tsv");

const COLUMNS: [&str; 12] = [
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
];

struct Row<'a> {
    line: usize,
    cells: Vec<&'a str>,
}

fn rows() -> Vec<Row<'static>> {
    let mut lines = TABLE
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
    let (_, header) = lines.next().expect("a header line");
    assert_eq!(header.split('\t').collect::<Vec<_>>(), COLUMNS);
    lines
        .map(|(i, l)| {
            let cells: Vec<&str> = l.split('\t').collect();
            assert_eq!(cells.len(), COLUMNS.len(), "line {}: {l}", i + 1);
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
    ]
}

#[test]
fn every_title_reads_as_the_table_says() {
    let rows = rows();
    assert!(rows.len() >= 150, "{} rows", rows.len());
    let mut failures = Vec::new();
    for row in &rows {
        let answer = classify(row.cells[0]);
        let got = actual(&answer);
        for (c, column) in COLUMNS.iter().enumerate().skip(1) {
            if got[c] != row.cells[c] {
                failures.push(format!(
                    "line {}: {:?}: {column}: expected {:?}, got {:?}",
                    row.line, row.cells[0], row.cells[c], got[c]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
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
