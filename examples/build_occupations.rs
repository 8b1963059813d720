//! Builds the background vocabulary (`peermap-occupations/data/`) from the flat extract of the
//! classifications that `scripts/occupations/extract.py` writes; run by
//! `scripts/build-occupations.sh`, not by the tests.
//!
//! ```text
//! cargo run --release --example build_occupations -- EXTRACT.tsv
//! ```
//!
//! Every title is normalized as the matcher normalizes it. A title the curated lexicon already
//! codes (a peer role found without spelling correction, with no word left unplaced, in a closed
//! world), or that `tests/open_world/` labels as a peer title or a doubtful one, is left out
//! of the background and written to `peermap-occupations/data/review.tsv`: the classifications
//! list peer roles too, and those are candidate lexicon variants, never a reason to say
//! `not_peer`. It also writes the held-out sample the open-world test codes,
//! `tests/open_world/sample.tsv`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::error::Error;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use peermap::{Crosswalk, Method, Verdict, OCCUPATION_SOURCES};

/// The least score of a title that a variant matched whole: a tie broken by the title's
/// other words or a region scores 0.9 × 0.97 at most.
const VARIANT_SCORE: f64 = 0.88;

/// How many distinct titles of each classification the open-world sample keeps.
const SAMPLE_PER_CLASSIFICATION: usize = 12_000;

struct Row {
    classification: u8,
    lang: String,
    codes: String,
    label: String,
    title: String,
}

fn classification_of(source: &str) -> Option<u8> {
    let name = source.split('-').next()?;
    OCCUPATION_SOURCES
        .iter()
        .position(|s| *s == name)
        .map(|p| p as u8)
}

fn read_rows(path: &str) -> Result<Vec<Row>, Box<dyn Error>> {
    let text = fs::read_to_string(path)?;
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let [source, lang, codes, label, title] = f[..] else {
            return Err(format!("{path}:{}: expected 5 fields", n + 1).into());
        };
        let classification = classification_of(source)
            .ok_or_else(|| format!("{path}:{}: source {source}", n + 1))?;
        // NOC/CNP has no label above its example titles: the title is its own label.
        let label = if source.starts_with("noc") { "" } else { label };
        rows.push(Row {
            classification,
            lang: lang.to_string(),
            codes: codes.to_string(),
            label: label.to_string(),
            title: title.to_string(),
        });
    }
    Ok(rows)
}

/// The normalized titles of a hand-labelled list (`source \t code \t title \t …`).
fn labelled_keys(path: &Path) -> Result<HashSet<String>, Box<dyn Error>> {
    let text = fs::read_to_string(path)?;
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("source\t"))
        .filter_map(|l| l.split('\t').nth(2))
        .map(peermap::normalize)
        .collect())
}

/// Why the lexicon keeps a title out of the background, if it does.
fn lexicon_claims(crosswalk: &Crosswalk, title: &str) -> Option<String> {
    let answer = crosswalk.classify(title);
    let whole = answer.qualifiers().other().is_empty();
    // A shared head that the title's other words chose between entries (scores below
    // `VARIANT_SCORE`) is not a variant the lexicon matched: "Médiateur culturel" stays in
    // the background as ROME's cultural mediator.
    let claimed = answer.verdict() == Verdict::PeerRole
        && answer.method() != Some(Method::Fuzzy)
        && (answer.score() >= VARIANT_SCORE || answer.method() == Some(Method::Composed))
        && whole;
    claimed.then(|| {
        format!(
            "lexicon\t{}\t{}",
            answer.role().unwrap_or_default(),
            answer.method().map_or("", Method::as_str)
        )
    })
}

fn main() -> Result<(), Box<dyn Error>> {
    let extract = std::env::args()
        .nth(1)
        .ok_or("usage: build_occupations EXTRACT.tsv")?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rows = read_rows(&extract)?;
    let peers = labelled_keys(&root.join("tests/open_world/peer_titles.tsv"))?;
    let doubtful = labelled_keys(&root.join("tests/open_world/doubtful_titles.tsv"))?;
    let crosswalk = Crosswalk::builder().closed_world(true).build()?;

    let mut occupations: Vec<String> = Vec::new();
    let mut occupation_ids: HashMap<String, usize> = HashMap::new();
    // key → (mask, ids, one spelling as written)
    let mut keys: BTreeMap<String, (u8, Vec<usize>, String)> = BTreeMap::new();
    let mut review = String::from("classification\tlang\tcodes\ttitle\twhy\trole\tmethod\n");
    let mut left_out: HashSet<String> = HashSet::new();
    let mut claims: HashMap<String, Option<String>> = HashMap::new();
    for row in &rows {
        let key = peermap::normalize(&row.title);
        if key.is_empty() {
            continue;
        }
        let why = claims
            .entry(row.title.clone())
            .or_insert_with(|| {
                if peers.contains(&key) {
                    Some("hand-labelled peer title\t\t".to_string())
                } else if doubtful.contains(&key) {
                    Some("hand-labelled doubtful title\t\t".to_string())
                } else {
                    lexicon_claims(&crosswalk, &row.title)
                }
            })
            .clone();
        let name = OCCUPATION_SOURCES[row.classification as usize];
        if let Some(why) = why {
            left_out.insert(key);
            writeln!(
                review,
                "{name}\t{}\t{}\t{}\t{why}",
                row.lang, row.codes, row.title
            )?;
            continue;
        }
        let record = format!(
            "{}\t{}\t{}\t{}",
            row.classification, row.lang, row.codes, row.label
        );
        let next = occupations.len();
        let id = *occupation_ids.entry(record.clone()).or_insert(next);
        if id == next {
            occupations.push(record);
        }
        let slot = keys
            .entry(key)
            .or_insert_with(|| (0, Vec::new(), row.title.clone()));
        slot.0 |= 1 << row.classification;
        if !slot.1.contains(&id) {
            slot.1.push(id);
        }
    }
    // A key left out for one spelling is left out for all: the lexicon explains it.
    keys.retain(|key, _| !left_out.contains(key));

    let mut words: BTreeMap<String, u8> = BTreeMap::new();
    let mut keys_text = String::new();
    for (key, (mask, ids, written)) in &keys {
        // The spelling as written is kept only where an occupation has no label of its own.
        let unlabelled = ids.iter().any(|&id| occupations[id].ends_with('\t'));
        let written = if unlabelled { written.as_str() } else { "" };
        let ids: Vec<String> = ids.iter().map(usize::to_string).collect();
        writeln!(keys_text, "{key}\t{mask:x}\t{}\t{written}", ids.join(","))?;
        for word in key.split(' ') {
            *words.entry(word.to_string()).or_insert(0) |= mask;
        }
    }
    let words_text: String = words
        .iter()
        .map(|(word, mask)| format!("{word}\t{mask:x}\n"))
        .collect();
    let data = root.join("peermap-occupations/data");
    fs::write(data.join("occupations.tsv"), occupations.join("\n") + "\n")?;
    fs::write(data.join("keys.tsv"), keys_text)?;
    fs::write(data.join("words.tsv"), words_text)?;
    fs::write(data.join("review.tsv"), &review)?;
    fs::write(root.join("tests/open_world/sample.tsv"), sample(&rows))?;
    eprintln!(
        "{} occupations, {} titles, {} words; {} rows left out for review",
        occupations.len(),
        keys.len(),
        words.len(),
        review.lines().count() - 1
    );
    Ok(())
}

/// A fixed sample of each classification's distinct titles, chosen by a hash of the title so
/// that a rebuild keeps the same titles: `classification \t lang \t title`.
fn sample(rows: &[Row]) -> String {
    let mut out = String::from("classification\tlang\ttitle\n");
    for (c, name) in OCCUPATION_SOURCES.iter().enumerate() {
        let mut seen = HashSet::new();
        let mut titles: Vec<(u64, &Row)> = rows
            .iter()
            .filter(|r| r.classification as usize == c && seen.insert(r.title.as_str()))
            .map(|r| (fnv(&r.title), r))
            .collect();
        titles.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.title.cmp(&b.1.title)));
        let mut chosen: Vec<&Row> = titles
            .iter()
            .take(SAMPLE_PER_CLASSIFICATION)
            .map(|(_, r)| *r)
            .collect();
        chosen.sort_by(|a, b| a.title.cmp(&b.title));
        for row in chosen {
            let _ = writeln!(out, "{name}\t{}\t{}", row.lang, row.title);
        }
    }
    out
}

fn fnv(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}
