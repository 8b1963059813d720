//! Reading decisions files: the CSV `peermap review` writes, once a person has filled its
//! `decision` column. Every problem is named by file, line and column; nothing is applied from
//! a file with a problem. Keys are recomputed from the titles as written.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use peermap::{Crosswalk, Decision, DecisionTarget, Decisions, Lexicon, Region, Verdict};

/// The columns of a review file, in English and in French (`--lang fr`).
pub const COLUMNS: [(&str, &str); 9] = [
    ("key", "clé"),
    ("title", "titre"),
    ("count", "nombre"),
    ("verdict", "verdict"),
    ("candidates", "candidats"),
    ("read", "lu"),
    ("unplaced", "non_classé"),
    ("decision", "décision"),
    ("note", "note"),
];

/// What `decision` may say besides an entry id.
const SKIP: &str = "skip";
const NOT_PEER: &str = "not_peer";

/// Decisions read from files, with what a summary says of them.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Every decision, a later file winning for a key.
    pub decisions: Decisions,
    /// The keys a person looked at and left undecided (`skip`).
    pub skipped: BTreeSet<String>,
    /// Things worth saying that do not stop the run (a stored key that changed, a decision
    /// the lexicon now contradicts).
    pub warnings: Vec<String>,
}

/// Decisions files with problems: every problem, one per line.
#[derive(Debug)]
pub struct DecisionsFailure {
    /// Each problem, starting with its file and line.
    pub problems: Vec<String>,
}

impl fmt::Display for DecisionsFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "the decisions are invalid ({n} problem{}; nothing was applied):",
            if n == 1 { "" } else { "s" }
        )?;
        for problem in &self.problems {
            write!(f, "\n  {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DecisionsFailure {}

/// Reads every file in order; `plain` (the crosswalk without decisions) says what the lexicon
/// now answers, for the warnings.
pub fn load(paths: &[PathBuf], plain: &Crosswalk) -> anyhow::Result<Loaded> {
    let mut loaded = Loaded::default();
    let mut problems = Vec::new();
    for path in paths {
        match read_file(path, plain) {
            Ok(file) => {
                for decision in file.decisions {
                    loaded.decisions.add(decision);
                }
                loaded.skipped.extend(file.skipped);
                loaded.warnings.extend(file.warnings);
            }
            Err(mut more) => problems.append(&mut more),
        }
    }
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(DecisionsFailure { problems }.into())
    }
}

/// One file's decisions.
struct File {
    decisions: Vec<Decision>,
    skipped: Vec<String>,
    warnings: Vec<String>,
}

/// Where the columns of a decisions file are.
struct Columns {
    key: Option<usize>,
    title: usize,
    decision: usize,
    note: Option<usize>,
    region: Option<usize>,
}

impl Columns {
    fn find(header: &csv::StringRecord) -> Option<Columns> {
        let at = |en: &str, fr: &str| {
            header.iter().position(|h| {
                let h = h.trim().trim_start_matches('\u{feff}');
                h.eq_ignore_ascii_case(en) || h == fr
            })
        };
        Some(Columns {
            key: at("key", "clé"),
            title: at("title", "titre")?,
            decision: at("decision", "décision")?,
            note: at("note", "note"),
            region: at("region", "région"),
        })
    }
}

fn read_file(path: &Path, plain: &Crosswalk) -> Result<File, Vec<String>> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| vec![format!("{name}: cannot read: {e}")])?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(&bytes))
        .flexible(true)
        .from_reader(bytes.as_slice());
    // The line a record starts on, counted in the file itself (a spreadsheet may end lines
    // with CR LF, and the csv crate then starts a record at the LF).
    let line_at = |byte: u64| {
        let upto = (byte as usize + 1).min(bytes.len());
        1 + bytes[..upto].iter().filter(|&&b| b == b'\n').count() as u64
    };
    let header = reader
        .headers()
        .map_err(|e| vec![format!("{name}: cannot read its header: {e}")])?
        .clone();
    let Some(columns) = Columns::find(&header) else {
        return Err(vec![format!(
            "{name}: not a decisions file: it needs a title and a decision column (the header `peermap review` writes: {})",
            COLUMNS.iter().map(|(en, _)| *en).collect::<Vec<_>>().join(",")
        )]);
    };
    let mut file = File {
        decisions: Vec::new(),
        skipped: Vec::new(),
        warnings: Vec::new(),
    };
    let mut problems = Vec::new();
    let mut decided: HashMap<(String, String), (u64, String)> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                problems.push(format!("{name}: {e}"));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| line_at(p.byte()));
        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or_default().trim();
        let decision = cell(Some(columns.decision));
        if decision.is_empty() {
            continue; // not decided yet
        }
        let here = |column: usize| format!("{name}:{line}:{}", column + 1);
        let title = cell(Some(columns.title));
        let key = peermap::normalize(title);
        if key.is_empty() {
            problems.push(format!(
                "{}: the title is empty or has no letters or digits; a decision needs the title as written",
                here(columns.title)
            ));
            continue;
        }
        let stored = cell(columns.key);
        if !stored.is_empty() && stored != key {
            file.warnings.push(format!(
                "{name}:{line}: the stored key \"{stored}\" is no longer the title's key \"{key}\"; the title's is used"
            ));
        }
        if decision == SKIP {
            file.skipped.push(key);
            continue;
        }
        let target = match decision {
            NOT_PEER => DecisionTarget::NotPeer,
            id if plain.lexicon().get(id).is_some() => DecisionTarget::Entry(id.to_string()),
            other => {
                problems.push(format!(
                    "{}: \"{other}\" is not a decision: expected a role id or not-peer entry id (see `peermap roles`{}), not_peer, or skip",
                    here(columns.decision),
                    close_ids(plain.lexicon(), other)
                ));
                continue;
            }
        };
        let region = cell(columns.region);
        let region = if region.is_empty() {
            None
        } else if let Some(parsed) = Region::parse(region) {
            Some(parsed)
        } else {
            problems.push(format!(
                "{}: \"{region}\" is not an ISO 3166 region such as CA, GB or CA-QC",
                here(columns.region.unwrap_or(0))
            ));
            continue;
        };
        let slot = (
            key.clone(),
            region.as_ref().map_or(String::new(), |r| r.to_string()),
        );
        match decided.get(&slot) {
            Some((first, said)) if *said != decision => problems.push(format!(
                "{name}:{line}: \"{title}\" is decided as {decision}, but line {first} decided the same title as {said}; keep one"
            )),
            Some(_) => continue,
            None => {
                decided.insert(slot, (line, decision.to_string()));
            }
        }
        if let Some(said) = contradiction(plain, title, &target) {
            file.warnings.push(format!(
                "{name}:{line}: \"{title}\" is decided as {target}, {said}"
            ));
        }
        let mut made = Decision::new(title, target, cell(columns.note), &format!("{name}:{line}"));
        if let Some(region) = region {
            made = made.in_region(region);
        }
        file.decisions.push(made);
    }
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(problems)
    }
}

/// What the lexicon now says of a title, when it commits to something else than the decision.
fn contradiction(plain: &Crosswalk, title: &str, target: &DecisionTarget) -> Option<String> {
    let answer = plain.classify(title);
    let committed = matches!(answer.verdict(), Verdict::PeerRole | Verdict::NotPeer);
    let agrees = match target {
        DecisionTarget::Entry(id) => answer.role() == Some(id.as_str()),
        DecisionTarget::NotPeer => answer.verdict() == Verdict::NotPeer,
    };
    (committed && !agrees).then(|| {
        format!(
            "but the lexicon now says {} {}",
            answer.verdict(),
            answer.role().unwrap_or("(another occupation)")
        )
    })
}

/// "; close: peer-navigator" for the ids nearest what was written.
fn close_ids(lexicon: &Lexicon, written: &str) -> String {
    let close = crate::entries::close_ids(lexicon, written);
    if close.is_empty() {
        String::new()
    } else {
        format!("; close: {}", close.join(", "))
    }
}

/// The separator of a decisions file: what its first line holds most of (a spreadsheet may
/// save `;`), commas when none.
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.iter().filter(|&&b| b == *d).count())
        .filter(|d| first.contains(d))
        .unwrap_or(b',')
}
