//! `peermap review`: what peermap could not decide, one row per distinct title key, most
//! frequent first, as a CSV a person fills in (its `decision` and `note` columns) and gives
//! back to `classify --decisions`.

use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use anyhow::Context;
use serde_json::Value;

use crate::cli::{ClassifyArgs, LangArg, OutputFormat, ReviewArgs, ReviewInclude};
use crate::table::{write_cell, Encoding, Formulas, Sink};
use peermap_cli::decisions::{self, COLUMNS};

/// One coded row, as the review reads it.
struct Coded {
    title: String,
    verdict: String,
    score: f64,
    method: String,
    candidates: String,
    read: String,
    unplaced: String,
}

/// One distinct title key, with the spellings seen and the answer of the most frequent.
struct Title {
    count: u64,
    spellings: HashMap<String, u64>,
    first: Coded,
}

/// `peermap review`.
pub fn run(args: &ReviewArgs) -> anyhow::Result<()> {
    let left_out = decided_and_skipped(args)?;
    // Rows are folded into their title key as they are read: memory grows with the distinct
    // titles to review, not with the rows of the file.
    let mut titles: HashMap<String, Title> = HashMap::new();
    let delimiter = for_each_coded_row(args, |row| {
        if !wanted(&row, args) {
            return;
        }
        let key = peermap::normalize(&row.title);
        if key.is_empty() || left_out.contains(&key) {
            return;
        }
        let spelling = row.title.clone();
        let title = match titles.entry(key) {
            Entry::Occupied(seen) => seen.into_mut(),
            Entry::Vacant(new) => new.insert(Title {
                count: 0,
                spellings: HashMap::new(),
                first: row,
            }),
        };
        title.count += 1;
        *title.spellings.entry(spelling).or_default() += 1;
    })?;
    let mut listed: Vec<(String, Title)> = titles.into_iter().collect();
    listed.sort_by(|(ka, a), (kb, b)| b.count.cmp(&a.count).then_with(|| ka.cmp(kb)));
    let delimiter = args.delimiter.unwrap_or(delimiter);
    let out = review_csv(&listed, delimiter, args);
    let mut sink = match &args.output {
        Some(path) => Sink::file(path)?,
        None => Sink::stdout(),
    };
    std::io::Write::write_all(&mut sink, &out)?;
    sink.finish()?;
    eprintln!(
        "peermap: {} title{} to review",
        listed.len(),
        if listed.len() == 1 { "" } else { "s" }
    );
    Ok(())
}

/// Whether a coded row is one a person should look at.
fn wanted(row: &Coded, args: &ReviewArgs) -> bool {
    if row.method == "decision" {
        return false;
    }
    match row.verdict.as_str() {
        "ambiguous" | "unknown" => true,
        "peer_role" | "not_peer" if row.method != "occupation" => {
            args.include.contains(&ReviewInclude::LowConfidence) && row.score < args.below
        }
        _ => false,
    }
}

/// The keys the `--decisions` files decided, and those they skip (unless asked for).
fn decided_and_skipped(args: &ReviewArgs) -> anyhow::Result<BTreeSet<String>> {
    if args.crosswalk.decisions.is_empty() {
        return Ok(BTreeSet::new());
    }
    let mut plain_opts = args.crosswalk.clone();
    plain_opts.decisions.clear();
    let plain = crate::setup::crosswalk(&plain_opts)?;
    let loaded = decisions::load(&args.crosswalk.decisions, &plain)?;
    let mut keys: BTreeSet<String> = loaded
        .decisions
        .iter()
        .map(|d| d.key().to_string())
        .collect();
    if !args.include_skipped {
        keys.extend(loaded.skipped);
    }
    Ok(keys)
}

/// Hands `each` the coded rows, read from JSON lines or coded first from an input file, and
/// returns the separator the review should use (the input file's, which the review keeps).
fn for_each_coded_row(args: &ReviewArgs, each: impl FnMut(Coded)) -> anyhow::Result<u8> {
    if is_json_lines(&args.input)? {
        for_each_json_line(&args.input, each)?;
        return Ok(b',');
    }
    let dir = tempfile::tempdir().context("cannot make a temporary folder")?;
    let coded = dir.path().join("coded.jsonl");
    let classify = ClassifyArgs {
        input: Some(args.input.clone()),
        column: args.column.clone(),
        format: OutputFormat::Jsonl,
        output: Some(coded.clone()),
        input_format: None,
        delimiter: args.delimiter,
        no_header: false,
        encoding: Encoding::Utf8,
        report: None,
        keep_formulas: args.keep_formulas,
        fields: Vec::new(),
        crosswalk: args.crosswalk.clone(),
    };
    crate::commands::classify::run(&classify)?;
    let delimiter = args
        .delimiter
        .unwrap_or_else(|| first_line_separator(&args.input));
    for_each_json_line(&coded, each)?;
    Ok(delimiter)
}

/// A `.jsonl` file, or one whose first character is `{`.
fn is_json_lines(path: &Path) -> anyhow::Result<bool> {
    if path.extension().is_some_and(|e| e == "jsonl") {
        return Ok(true);
    }
    let mut start = [0u8; 64];
    let n = std::fs::File::open(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .read(&mut start)?;
    Ok(start[..n]
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{'))
}

/// The separator an input's first line holds most of (commas when none).
fn first_line_separator(path: &Path) -> u8 {
    let first = std::fs::File::open(path)
        .ok()
        .and_then(|f| BufReader::new(f).lines().next()?.ok())
        .unwrap_or_default();
    [b',', b';', b'\t', b'|']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .filter(|d| first.as_bytes().contains(d))
        .unwrap_or(b',')
}

/// Reads the JSON lines of `peermap classify --format jsonl` one at a time.
fn for_each_json_line(path: &Path, mut each: impl FnMut(Coded)) -> anyhow::Result<()> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    for (at, line) in BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(&line).with_context(|| {
            format!(
                "{} line {}: not a JSON line of `peermap classify --format jsonl`",
                path.display(),
                at + 1
            )
        })?;
        each(coded_of(&value));
    }
    Ok(())
}

fn coded_of(value: &Value) -> Coded {
    let text = |key: &str| value[key].as_str().unwrap_or_default().to_string();
    let candidates = value["candidates"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            format!(
                "{}:{}",
                c["role"].as_str().unwrap_or_default(),
                c["score"].as_f64().unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join(";");
    Coded {
        title: text("input"),
        verdict: text("verdict"),
        score: value["score"].as_f64().unwrap_or_default(),
        method: text("method"),
        candidates,
        read: read_of(&value["qualifiers"]),
        unplaced: list_of(&value["qualifiers"]["other"]),
    }
}

/// "seniority=senior; domains=mental-health" from a qualifiers object.
fn read_of(qualifiers: &Value) -> String {
    const KEYS: [&str; 9] = [
        "seniority",
        "level",
        "employment",
        "credential",
        "domains",
        "populations",
        "settings",
        "location",
        "codes",
    ];
    KEYS.iter()
        .filter_map(|key| {
            let value = match &qualifiers[*key] {
                Value::String(s) => s.clone(),
                list @ Value::Array(_) => list_of(list),
                _ => String::new(),
            };
            (!value.is_empty()).then(|| format!("{key}={value}"))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn list_of(value: &Value) -> String {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect::<Vec<_>>()
        .join(";")
}

/// The review CSV: a header (English or French), then one row per title.
fn review_csv(listed: &[(String, Title)], delimiter: u8, args: &ReviewArgs) -> Vec<u8> {
    let formulas = if args.keep_formulas {
        Formulas::Keep
    } else {
        Formulas::Neutralize
    };
    let mut out = Vec::new();
    if args.bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let french = args.crosswalk.lang == LangArg::Fr;
    let header: Vec<&str> = COLUMNS
        .iter()
        .map(|(en, fr)| if french { *fr } else { *en })
        .collect();
    write_row(&mut out, &header, delimiter, Formulas::Keep);
    for (key, title) in listed {
        let spelling = most_frequent(&title.spellings);
        let count = title.count.to_string();
        let row = &title.first;
        let cells = [
            key.as_str(),
            spelling,
            &count,
            &row.verdict,
            &row.candidates,
            &row.read,
            &row.unplaced,
            "",
            "",
        ];
        write_row(&mut out, &cells, delimiter, formulas);
    }
    out
}

fn write_row(out: &mut Vec<u8>, cells: &[&str], delimiter: u8, formulas: Formulas) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(delimiter);
        }
        write_cell(out, cell.as_bytes(), delimiter, formulas);
    }
    out.extend_from_slice(b"\r\n");
}

/// The spelling seen most often (the first in sort order where several are as frequent).
fn most_frequent(spellings: &HashMap<String, u64>) -> &str {
    spellings
        .iter()
        .max_by(|(a, na), (b, nb)| na.cmp(nb).then_with(|| b.cmp(a)))
        .map_or("", |(s, _)| s.as_str())
}
