//! Where `classify` writes, and what it writes for one answer.
//!
//! Output goes to standard output, or to a file written atomically: a temporary file in the
//! same folder, renamed over the target only once everything was written, so a reader never
//! sees half a file and a failed run leaves no debris.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use peermap::{Answer, Dimension, Lexicon, OccupationCode};
use serde::Serialize;
use tempfile::NamedTempFile;

/// The columns appended to every CSV row, in order.
pub const COLUMNS: &[&str] = &[
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
    "peermap_evidence",
    "peermap_soc2018",
    "peermap_onet_soc",
    "peermap_isco08",
    "peermap_noc2021",
    "peermap_esco",
    "peermap_explanation",
    "peermap_error",
    "peermap_lexicon_version",
];

/// Where the explanation, error and version sit in [`COLUMNS`].
const EXPLANATION: usize = COLUMNS.len() - 3;
const ERROR: usize = COLUMNS.len() - 2;
const VERSION: usize = COLUMNS.len() - 1;

/// How list values are joined in one CSV cell.
const LIST_SEPARATOR: &str = ";";

/// The classifications of the `peermap_soc2018` … `peermap_esco` columns, in order.
const SCHEMES: [&str; 5] = ["soc2018", "onet-soc", "isco08", "noc2021", "esco"];

/// The occupational codes of the answer's entry (peer role or not-peer look-alike).
fn occupation_codes<'l>(answer: &Answer, lexicon: &'l Lexicon) -> &'l [OccupationCode] {
    answer
        .role()
        .and_then(|id| lexicon.get(id))
        .map_or(&[], |role| role.codes())
}

/// `21-1094 broadMatch;21-1093 relatedMatch`: one scheme's codes with their predicates.
fn codes_cell(codes: &[OccupationCode], scheme: &str) -> String {
    codes
        .iter()
        .filter(|c| c.scheme() == scheme)
        .map(|c| {
            let predicate = c.predicate().trim_start_matches("skos:");
            format!("{} {predicate}", c.code())
        })
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}

/// The appended CSV cells for one answer, in the order of [`COLUMNS`]; `lexicon` is the one
/// that produced it (for the occupational codes).
pub fn csv_cells(answer: &Answer, lexicon: &Lexicon) -> Vec<String> {
    let q = answer.qualifiers();
    let opt = |s: Option<&str>| s.unwrap_or_default().to_string();
    let list = |items: &[&str]| items.join(LIST_SEPARATOR);
    let strings = |items: &[String]| items.join(LIST_SEPARATOR);
    let mut cells = vec![
        answer.verdict().as_str().to_string(),
        opt(answer.role()),
        strings(answer.lineage()),
        opt(answer.label()),
        answer
            .traditions()
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR),
        answer.score().to_string(),
        opt(answer.method().map(|m| m.as_str())),
        opt(answer.matched()),
        opt(answer.lang().map(|l| l.as_str())),
        answer
            .candidates()
            .iter()
            .map(|c| format!("{}:{}", c.role(), c.score()))
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR),
    ];
    for dimension in Dimension::ALL {
        cells.push(list(&answer.profile().codes(*dimension)));
    }
    cells.extend([
        opt(q.seniority()),
        opt(q.level()),
        list(q.employment()),
        strings(q.credential()),
        list(q.domains()),
        list(q.populations()),
        list(q.settings()),
        opt(q.location()),
        strings(q.codes()),
        strings(q.other()),
        evidence_cell(answer),
    ]);
    let codes = occupation_codes(answer, lexicon);
    cells.extend(SCHEMES.iter().map(|scheme| codes_cell(codes, scheme)));
    cells.extend([
        answer.explanation().to_string(),
        String::new(),
        answer.lexicon_version().to_string(),
    ]);
    debug_assert_eq!(cells.len(), COLUMNS.len());
    cells
}

/// `spaces=institution (Hôpital);status=training-certification (Certified)`: each piece of
/// evidence with the word that gave it (the reasons are in the JSON output and `lookup`).
fn evidence_cell(answer: &Answer) -> String {
    answer
        .evidence()
        .iter()
        .map(|e| format!("{}={} ({})", e.dimension(), e.value(), e.word()))
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}

/// The `evidence` object of a row that could not be coded: every dimension, empty.
pub struct NoEvidence;

impl Serialize for NoEvidence {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(Dimension::ALL.len()))?;
        for dimension in Dimension::ALL {
            map.serialize_entry(dimension.as_str(), &[(); 0])?;
        }
        map.end()
    }
}

/// The appended CSV cells for a row that could not be coded.
pub fn csv_error_cells(reason: &str, message: &str, lexicon_version: &str) -> Vec<String> {
    let mut cells = vec![String::new(); COLUMNS.len()];
    cells[0] = "error".to_string();
    cells[EXPLANATION] = message.to_string();
    cells[ERROR] = reason.to_string();
    cells[VERSION] = lexicon_version.to_string();
    cells
}

/// An answer as one JSON object, without its braces, ready to follow `"row":N,`; the entry's
/// occupational codes follow as `occupations`.
pub fn json_body(answer: &Answer, lexicon: &Lexicon) -> serde_json::Result<String> {
    let text = serde_json::to_string(answer)?;
    let occupations = serde_json::to_string(occupation_codes(answer, lexicon))?;
    let body = text
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .unwrap_or_default();
    Ok(format!("{body},\"occupations\":{occupations}"))
}

/// Writes one JSON line for a coded row.
pub fn write_json_row(out: &mut impl Write, row: u64, body: &str) -> io::Result<()> {
    writeln!(out, "{{\"row\":{row},{body},\"error\":null}}")
}

/// The JSON object of a row that could not be coded: the keys of an answer, empty, plus the
/// reason and the error message.
#[derive(Serialize)]
pub struct JsonErrorRow<'a> {
    /// The 1-based data row.
    pub row: u64,
    /// The title cell, if there was one (invalid bytes shown as U+FFFD).
    pub input: Option<&'a str>,
    /// Always `error`.
    pub verdict: &'static str,
    /// Always null.
    pub role: Option<&'static str>,
    /// Always empty.
    pub lineage: [&'static str; 0],
    /// Always null.
    pub label: Option<&'static str>,
    /// Always empty.
    pub traditions: [&'static str; 0],
    /// Always null: nothing was scored.
    pub score: Option<f64>,
    /// Always null.
    pub method: Option<&'static str>,
    /// Always null.
    pub matched: Option<&'static str>,
    /// Always null.
    pub lang: Option<&'static str>,
    /// Always empty.
    pub candidates: [&'static str; 0],
    /// Every qualifier key, empty.
    pub qualifiers: peermap::Qualifiers,
    /// Every dimension, empty.
    pub profile: peermap::Profile,
    /// Every dimension, empty.
    pub evidence: NoEvidence,
    /// Always empty.
    pub occupations: [&'static str; 0],
    /// The error code: `invalid-encoding`, `missing-column`, `unterminated-quote`,
    /// `unreadable-record`.
    pub reason: &'a str,
    /// Always false.
    pub truncated: bool,
    /// The lexicon version, as on every row.
    pub lexicon_version: &'a str,
    /// What went wrong, for a person, with the line number.
    pub explanation: &'a str,
    /// Same as `explanation`; present (non-null) only on error rows.
    pub error: &'a str,
}

impl<'a> JsonErrorRow<'a> {
    /// An error row.
    pub fn new(
        row: u64,
        input: Option<&'a str>,
        reason: &'a str,
        message: &'a str,
        lexicon_version: &'a str,
    ) -> Self {
        JsonErrorRow {
            row,
            input,
            verdict: "error",
            role: None,
            lineage: [],
            label: None,
            traditions: [],
            score: None,
            method: None,
            matched: None,
            lang: None,
            candidates: [],
            qualifiers: peermap::Qualifiers::default(),
            profile: peermap::Profile::default(),
            evidence: NoEvidence,
            occupations: [],
            reason,
            truncated: false,
            lexicon_version,
            explanation: message,
            error: message,
        }
    }
}

/// Standard output, or a temporary file that becomes the target on [`Sink::finish`].
pub enum Sink {
    /// Standard output, buffered.
    Stdout(BufWriter<io::StdoutLock<'static>>),
    /// A device or a pipe named on the command line (`-o /dev/null`, a FIFO), written to
    /// directly: renaming a file over it would replace the device.
    Direct(BufWriter<File>),
    /// A temporary file beside `target`.
    File {
        /// The temporary file, buffered.
        writer: BufWriter<NamedTempFile>,
        /// Where it goes when complete.
        target: PathBuf,
    },
}

impl Sink {
    /// Standard output.
    pub fn stdout() -> Sink {
        Sink::Stdout(BufWriter::with_capacity(64 * 1024, io::stdout().lock()))
    }

    /// A temporary file in the folder of `target`, created now so that an unwritable folder
    /// fails before any input is read.
    pub fn file(target: &Path) -> anyhow::Result<Sink> {
        if let Ok(meta) = std::fs::metadata(target) {
            if !meta.is_file() && !meta.is_dir() {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(target)
                    .with_context(|| format!("cannot write {}", target.display()))?;
                return Ok(Sink::Direct(BufWriter::with_capacity(64 * 1024, file)));
            }
        }
        // A link to a file: the file it points to is replaced, and the link kept.
        let resolved = std::fs::canonicalize(target)
            .ok()
            .filter(|_| target.is_symlink());
        let target = resolved.as_deref().unwrap_or(target);
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            anyhow::bail!(
                "cannot write {}: the folder {} does not exist",
                target.display(),
                dir.display()
            );
        }
        if target.is_dir() {
            anyhow::bail!("cannot write to {}: it is a folder", target.display());
        }
        let temp = tempfile::Builder::new()
            .prefix(".peermap-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
        Ok(Sink::File {
            writer: BufWriter::with_capacity(64 * 1024, temp),
            target: target.to_path_buf(),
        })
    }

    /// Flushes everything; for a file, syncs it and renames it over the target.
    pub fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Stdout(mut out) => Ok(out.flush()?),
            Sink::Direct(mut out) => Ok(out.flush()?),
            Sink::File { writer, target } => {
                let temp = writer.into_inner().map_err(|e| e.into_error())?;
                set_permissions(temp.as_file(), &target)?;
                temp.as_file().sync_all()?;
                temp.persist(&target)
                    .map_err(|e| e.error)
                    .with_context(|| format!("cannot write {}", target.display()))?;
                Ok(())
            }
        }
    }
}

/// Gives the new file the permissions of the file it replaces, or the usual `rw-r--r--`
/// (temporary files are created private).
#[cfg(unix)]
fn set_permissions(file: &File, target: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let permissions = match std::fs::metadata(target) {
        Ok(meta) => meta.permissions(),
        Err(_) => std::fs::Permissions::from_mode(0o644),
    };
    file.set_permissions(permissions)
}

/// Keeps the platform's defaults.
#[cfg(not(unix))]
fn set_permissions(_file: &File, _target: &Path) -> io::Result<()> {
    Ok(())
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::Direct(out) => out.write(buf),
            Sink::File { writer, .. } => writer.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.write_all(buf),
            Sink::Direct(out) => out.write_all(buf),
            Sink::File { writer, .. } => writer.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::Direct(out) => out.flush(),
            Sink::File { writer, .. } => writer.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_answer_fills_every_column() {
        for title in ["Peer navigator", "Navigator", "Accountant", ""] {
            let answer = peermap::classify(title);
            let cells = csv_cells(&answer, peermap::Lexicon::embedded());
            assert_eq!(cells.len(), COLUMNS.len(), "{title}");
            assert_eq!(cells[0], answer.verdict().as_str());
            assert_eq!(cells[VERSION], peermap::LEXICON_VERSION);
        }
    }

    #[test]
    fn json_rows_are_objects_with_the_row_first() {
        let answer = peermap::classify("Peer navigator");
        let mut out = Vec::new();
        write_json_row(
            &mut out,
            7,
            &json_body(&answer, peermap::Lexicon::embedded()).unwrap(),
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("{\"row\":7,\"input\":"));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["error"], serde_json::Value::Null);
        let error = JsonErrorRow::new(3, None, "missing-column", "line 4: …", "v");
        let value = serde_json::to_value(&error).unwrap();
        assert_eq!(value["verdict"], "error");
        assert_eq!(value["profile"]["functions"], serde_json::json!([]));
    }
}
