//! Where `classify` writes, and what it writes for one answer.
//!
//! Output goes to standard output, or to a file written atomically: a temporary file in the
//! same folder, renamed over the target only once everything was written, so a reader never
//! sees half a file and a failed run leaves no debris.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use peermap::{Answer, Dimension, Lexicon, OccupationCode};
use serde::Serialize;
use tempfile::NamedTempFile;

use crate::fields::{self, Field};

/// How list values are joined in one CSV cell.
const LIST_SEPARATOR: &str = ";";

/// `21-1094 broadMatch;21-1093 relatedMatch`: one scheme's codes with their predicates.
#[cfg(test)]
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

/// The appended CSV cells for one answer, every column in the order of [`Field::ALL`];
/// `lexicon` is the one that produced it (for the occupational codes). Written independently
/// of [`csv_tail_of`], as the reference the tests hold it to.
#[cfg(test)]
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
        opt(answer.other_occupation().map(|o| o.label())),
        strings(fields::other_occupation_codes(answer)),
    ]);
    let codes = fields::entry_codes(answer, lexicon);
    cells.extend(
        fields::SCHEMES
            .iter()
            .map(|(scheme, _)| codes_cell(codes, scheme)),
    );
    cells.extend([
        answer.explanation().to_string(),
        String::new(),
        answer.lexicon_version().to_string(),
    ]);
    debug_assert_eq!(cells.len(), Field::ALL.len());
    cells
}

/// The CSV header cells of `fields`: `peermap_<name>`.
pub fn csv_header(fields: &[Field], delimiter: u8) -> Box<[u8]> {
    let names: Vec<String> = fields.iter().map(|f| f.column()).collect();
    csv_tail(&names, delimiter)
}

/// The appended CSV fields of `answer` for `fields`, escaped and joined: the same text as
/// `csv_tail` of those cells, written without a string per cell, and without formatting the
/// columns that are not asked for.
pub fn csv_tail_of(
    answer: &Answer,
    lexicon: &Lexicon,
    fields: &[Field],
    delimiter: u8,
    formulas: Formulas,
) -> Box<[u8]> {
    thread_local! {
        // Reused buffers, so that a tail costs one allocation of its exact size.
        static WRITER: RefCell<TailWriter> = const { RefCell::new(TailWriter {
            out: Vec::new(),
            field: Vec::new(),
            delimiter: b',',
            formulas: Formulas::Keep,
            first: true,
        }) };
    }
    WRITER.with_borrow_mut(|t| {
        t.out.clear();
        t.field.clear();
        t.delimiter = delimiter;
        t.formulas = formulas;
        t.first = true;
        for field in fields {
            write_field(t, *field, answer, lexicon);
        }
        Box::from(t.out.as_slice())
    })
}

/// Writes one field of `answer` as one CSV cell.
fn write_field(t: &mut TailWriter, field: Field, answer: &Answer, lexicon: &Lexicon) {
    let q = answer.qualifiers();
    match field {
        Field::Verdict => t.put(answer.verdict().as_str()),
        Field::Role => t.put(answer.role().unwrap_or_default()),
        Field::Lineage => t.list(answer.lineage().iter().map(String::as_str)),
        Field::Label => t.put(answer.label().unwrap_or_default()),
        Field::Traditions => t.list(answer.traditions().iter().map(|t| t.as_str())),
        Field::Score => t.display(answer.score()),
        Field::Method => t.put(answer.method().map_or("", |m| m.as_str())),
        Field::Matched => t.put(answer.matched().unwrap_or_default()),
        Field::Lang => t.put(answer.lang().map_or("", |l| l.as_str())),
        Field::Candidates => t.candidates(answer.candidates()),
        Field::Profile(dimension) => t.list(answer.profile().codes(dimension).into_iter()),
        Field::Seniority => t.put(q.seniority().unwrap_or_default()),
        Field::Level => t.put(q.level().unwrap_or_default()),
        Field::Employment => t.list(q.employment().iter().copied()),
        Field::Credential => t.list(q.credential().iter().map(String::as_str)),
        Field::Domains => t.list(q.domains().iter().copied()),
        Field::Populations => t.list(q.populations().iter().copied()),
        Field::Settings => t.list(q.settings().iter().copied()),
        Field::Location => t.put(q.location().unwrap_or_default()),
        Field::Codes => t.list(q.codes().iter().map(String::as_str)),
        Field::Other => t.list(q.other().iter().map(String::as_str)),
        Field::Evidence => t.evidence(answer.evidence()),
        Field::OtherOccupation => t.put(answer.other_occupation().map_or("", |o| o.label())),
        Field::OtherOccupationCodes => t.list(
            fields::other_occupation_codes(answer)
                .iter()
                .map(String::as_str),
        ),
        Field::Scheme(i) => t.codes(fields::entry_codes(answer, lexicon), fields::SCHEMES[i].0),
        Field::Explanation => t.put(answer.explanation()),
        Field::Error => t.put(""),
        Field::LexiconVersion => t.put(answer.lexicon_version()),
    }
}

/// Writes escaped CSV fields one after the other, building each in a reused buffer.
struct TailWriter {
    out: Vec<u8>,
    field: Vec<u8>,
    delimiter: u8,
    formulas: Formulas,
    first: bool,
}

impl TailWriter {
    /// Ends the field built in `field`.
    fn end(&mut self) {
        if !self.first {
            self.out.push(self.delimiter);
        }
        self.first = false;
        write_cell(&mut self.out, &self.field, self.delimiter, self.formulas);
        self.field.clear();
    }

    fn put(&mut self, text: &str) {
        self.field.extend_from_slice(text.as_bytes());
        self.end();
    }

    fn display(&mut self, value: impl std::fmt::Display) {
        let _ = write!(self.field, "{value}");
        self.end();
    }

    fn list<'a>(&mut self, items: impl Iterator<Item = &'a str>) {
        for (i, item) in items.enumerate() {
            if i > 0 {
                self.field.extend_from_slice(LIST_SEPARATOR.as_bytes());
            }
            self.field.extend_from_slice(item.as_bytes());
        }
        self.end();
    }

    /// `peer-mentor:0.9;peer-navigator:0.88`.
    fn candidates(&mut self, candidates: &[peermap::Candidate]) {
        for (i, c) in candidates.iter().enumerate() {
            if i > 0 {
                self.field.extend_from_slice(LIST_SEPARATOR.as_bytes());
            }
            let _ = write!(self.field, "{}:{}", c.role(), c.score());
        }
        self.end();
    }

    /// `spaces=institution (Hôpital)`: each piece of evidence with its word.
    fn evidence(&mut self, evidence: &[peermap::Evidence]) {
        for (i, e) in evidence.iter().enumerate() {
            if i > 0 {
                self.field.extend_from_slice(LIST_SEPARATOR.as_bytes());
            }
            let _ = write!(self.field, "{}={} ({})", e.dimension(), e.value(), e.word());
        }
        self.end();
    }

    /// `21-1094 broadMatch`: one classification's codes with their predicates.
    fn codes(&mut self, codes: &[OccupationCode], scheme: &str) {
        for (i, c) in codes.iter().filter(|c| c.scheme() == scheme).enumerate() {
            if i > 0 {
                self.field.extend_from_slice(LIST_SEPARATOR.as_bytes());
            }
            let predicate = c.predicate().trim_start_matches("skos:");
            let _ = write!(self.field, "{} {predicate}", c.code());
        }
        self.end();
    }
}

/// `spaces=institution (Hôpital);status=training-certification (Certified)`: each piece of
/// evidence with the word that gave it (the reasons are in the JSON output and `lookup`).
#[cfg(test)]
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

/// What CSV output does with a cell that a spreadsheet would run as a formula.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formulas {
    /// Prefix it with an apostrophe, so that spreadsheets show it as text (the default).
    Neutralize,
    /// Write it as it is (`--keep-formulas`).
    Keep,
}

/// Whether a spreadsheet would read `cell` as a formula: it starts with `=`, `+`, `-` or `@`
/// (or a tab or carriage return, which some spreadsheets skip before one), and is not a plain
/// number such as `-42` or `+3.5`, nor a lone sign used as a placeholder.
pub fn looks_like_formula(cell: &[u8]) -> bool {
    match cell {
        [b'=' | b'@' | b'\t' | b'\r', ..] => true,
        [b'+' | b'-'] => false,
        [b'+' | b'-', rest @ ..] => !is_plain_number(rest),
        _ => false,
    }
}

/// Digits with at most one decimal point or comma: `42`, `3.5`, `0,6`.
fn is_plain_number(text: &[u8]) -> bool {
    let separators = text.iter().filter(|b| matches!(b, b'.' | b',')).count();
    text.first().is_some_and(u8::is_ascii_digit)
        && text.last().is_some_and(u8::is_ascii_digit)
        && separators <= 1
        && text
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b','))
}

/// Writes one CSV cell: neutralized first if asked and it looks like a formula.
pub fn write_cell(out: &mut Vec<u8>, field: &[u8], delimiter: u8, formulas: Formulas) {
    if formulas == Formulas::Neutralize && looks_like_formula(field) {
        let mut safe = Vec::with_capacity(field.len() + 1);
        safe.push(b'\'');
        safe.extend_from_slice(field);
        write_csv_field(out, &safe, delimiter);
    } else {
        write_csv_field(out, field, delimiter);
    }
}

/// Writes one CSV field as the csv crate would with its default quoting: quoted, with quotes
/// doubled, when it holds the delimiter, a quote or a line break; as it is otherwise.
pub fn write_csv_field(out: &mut Vec<u8>, field: &[u8], delimiter: u8) {
    let needs_quotes = memchr::memchr3(b'"', b'\n', b'\r', field).is_some()
        || memchr::memchr(delimiter, field).is_some();
    if !needs_quotes {
        out.extend_from_slice(field);
        return;
    }
    out.push(b'"');
    // Copy the runs between quotes whole, doubling each quote.
    for (i, run) in field.split(|&b| b == b'"').enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\"\"");
        }
        out.extend_from_slice(run);
    }
    out.push(b'"');
}

/// Cells as CSV text: each field escaped, joined by the delimiter (no leading delimiter, no
/// line end), ready to be appended to the input's fields.
pub fn csv_tail<S: AsRef<[u8]>>(cells: &[S], delimiter: u8) -> Box<[u8]> {
    let mut out = Vec::with_capacity(cells.iter().map(|c| c.as_ref().len() + 1).sum());
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(delimiter);
        }
        write_csv_field(&mut out, cell.as_ref(), delimiter);
    }
    out.into_boxed_slice()
}

/// The appended CSV cells of `fields` for a row that could not be coded: verdict `error`, the
/// message as explanation, the reason in `peermap_error`, the lexicon version; the rest empty.
pub fn csv_error_cells<'a>(
    fields: &[Field],
    reason: &'a str,
    message: &'a str,
    lexicon_version: &'a str,
) -> Vec<&'a str> {
    fields
        .iter()
        .map(|field| match field {
            Field::Verdict => "error",
            Field::Explanation => message,
            Field::Error => reason,
            Field::LexiconVersion => lexicon_version,
            _ => "",
        })
        .collect()
}

/// An answer as one JSON object, without its braces, ready to follow `"row":N,`: every key
/// of the answer, then the entry's occupational codes as `occupations`, then `"error":null`.
pub fn json_body(answer: &Answer, lexicon: &Lexicon) -> serde_json::Result<String> {
    let text = serde_json::to_string(answer)?;
    let occupations = serde_json::to_string(fields::entry_codes(answer, lexicon))?;
    let body = text
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .unwrap_or_default();
    Ok(format!(
        "{body},\"occupations\":{occupations},\"error\":null"
    ))
}

/// `input` and the chosen fields of an answer as one JSON object without its braces, ready to
/// follow `"row":N,` (`--fields`).
pub fn json_selected_body(
    answer: &Answer,
    lexicon: &Lexicon,
    fields: &[Field],
) -> serde_json::Result<Vec<u8>> {
    let mut text = serde_json::to_vec(&fields::Selected {
        answer,
        lexicon,
        fields,
        input: true,
    })?;
    // `{…}` always: drop the braces in place.
    text.pop();
    text.remove(0);
    Ok(text)
}

/// Writes one JSON line for a coded row.
pub fn write_json_row(out: &mut impl Write, row: u64, body: &[u8]) -> io::Result<()> {
    write!(out, "{{\"row\":{row},")?;
    out.write_all(body)?;
    out.write_all(b"}\n")
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
    /// Always null.
    pub other_occupation: Option<&'static str>,
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
            other_occupation: None,
            truncated: false,
            lexicon_version,
            explanation: message,
            error: message,
        }
    }
}

/// A [`Sink`] written by a thread of its own: the rows are handed over in large blocks, so the
/// copying into the file (the kernel's work, a good part of a run on a large file) overlaps the
/// coding of the next rows. Errors (a full disk, a closed pipe) come back at the next block or
/// at [`Background::finish`].
pub struct Background {
    block: Vec<u8>,
    to_writer: Option<std::sync::mpsc::SyncSender<Vec<u8>>>,
    writer: Option<std::thread::JoinHandle<io::Result<Sink>>>,
}

/// The size of the blocks handed to the writing thread.
const BLOCK: usize = 512 << 10;
/// Room past [`BLOCK`] for the row that fills a block, so that it does not reallocate (and
/// copy) the whole block.
const BLOCK_SLACK: usize = 64 << 10;

impl Background {
    /// Starts the thread that writes to `sink`.
    pub fn new(mut sink: Sink) -> Background {
        let (to_writer, blocks) = std::sync::mpsc::sync_channel::<Vec<u8>>(2);
        let writer = std::thread::spawn(move || {
            for block in blocks {
                sink.write_all(&block)?;
            }
            Ok(sink)
        });
        Background {
            block: Vec::with_capacity(BLOCK + BLOCK_SLACK),
            to_writer: Some(to_writer),
            writer: Some(writer),
        }
    }

    /// Hands the current block to the writing thread; if it has stopped, returns its error.
    fn hand_over(&mut self) -> io::Result<()> {
        let block = std::mem::replace(&mut self.block, Vec::with_capacity(BLOCK + BLOCK_SLACK));
        let sent = self.to_writer.as_ref().map(|tx| tx.send(block));
        if let Some(Err(_)) = sent {
            // The thread ended early: its error says why.
            self.to_writer = None;
            return Err(self.join().err().unwrap_or_else(|| {
                io::Error::new(io::ErrorKind::BrokenPipe, "the output was closed")
            }));
        }
        Ok(())
    }

    fn join(&mut self) -> io::Result<Sink> {
        match self.writer.take() {
            Some(handle) => handle.join().unwrap_or_else(|_| {
                Err(io::Error::other("the thread writing the output panicked"))
            }),
            None => Err(io::Error::other("the output was already finished")),
        }
    }

    /// Lets `write` append to the current block directly (no intermediate copy), then hands
    /// the block over if it is full.
    pub fn append(&mut self, write: impl FnOnce(&mut Vec<u8>)) -> io::Result<()> {
        write(&mut self.block);
        if self.block.len() >= BLOCK {
            self.hand_over()?;
        }
        Ok(())
    }

    /// Writes what is left, waits for the thread, and finishes the sink (for a file, the
    /// rename that makes it appear whole).
    pub fn finish(mut self) -> anyhow::Result<()> {
        if !self.block.is_empty() {
            self.hand_over()?;
        }
        self.to_writer = None;
        self.join()?.finish()
    }
}

impl Write for Background {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.block.extend_from_slice(buf);
        if self.block.len() >= BLOCK {
            self.hand_over()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Standard output, or a temporary file that becomes the target on [`Sink::finish`].
pub enum Sink {
    /// Standard output, buffered.
    Stdout(BufWriter<io::Stdout>),
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
        Sink::Stdout(BufWriter::with_capacity(64 * 1024, io::stdout()))
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
                // The rename makes the file appear whole or not at all, whatever interrupts
                // the run; forcing it to disk first (fsync) would add a quarter of a second
                // per 500 MB for protection against power loss only, which the OS provides
                // for us as for any program that writes a file.
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
    fn the_direct_tail_is_the_cells_joined() {
        let lexicon = peermap::Lexicon::embedded();
        for title in [
            "Sr. Peer Support Worker II – Mental Health, Hôpital Notre-Dame (0.6 FTE, casual)",
            "Navigator",
            "Nurse Navigator",
            "Certified Peer Specialist, \"CPS\" REQ-118",
            "banana",
            "Indigenous Patient Navigator – Temporary Full Time",
            "Radiator Mechanic",
        ] {
            let answer = peermap::classify(title);
            for delimiter in [b',', b'\t'] {
                assert_eq!(
                    csv_tail_of(&answer, lexicon, &Field::ALL, delimiter, Formulas::Keep),
                    csv_tail(&csv_cells(&answer, lexicon), delimiter),
                    "{title}"
                );
            }
        }
    }

    /// A chosen few fields are the same cells as in the full row, in the order asked.
    #[test]
    fn a_selection_writes_the_chosen_cells_in_its_order() {
        let lexicon = peermap::Lexicon::embedded();
        let chosen = [
            Field::OtherOccupationCodes,
            Field::Score,
            Field::Verdict,
            Field::Scheme(0),
            Field::Evidence,
        ];
        for title in [
            "Community Health Worker",
            "Radiator Mechanic",
            "Pair aidante",
        ] {
            let answer = peermap::classify(title);
            let all = csv_cells(&answer, lexicon);
            let picked: Vec<&str> = chosen
                .iter()
                .map(|f| all[Field::ALL.iter().position(|a| a == f).unwrap()].as_str())
                .collect();
            assert_eq!(
                csv_tail_of(&answer, lexicon, &chosen, b',', Formulas::Keep),
                csv_tail(&picked, b','),
                "{title}"
            );
        }
    }

    #[test]
    fn formulas_are_told_from_numbers_and_text() {
        let formulas: &[&[u8]] = &[
            b"=1+1",
            b"=HYPERLINK(\"http://x\")",
            b"+Peer Mentor",
            b"-2+3",
            b"@SUM(A1)",
            b"\t=1",
            b"\r=1",
            b"+1 514 555 0100",
            b"-1.2.3",
            b"--",
        ];
        for cell in formulas {
            assert!(
                looks_like_formula(cell),
                "{}",
                String::from_utf8_lossy(cell)
            );
        }
        let not: &[&[u8]] = &[
            b"",
            b"-",
            b"+",
            b"-42",
            b"+3.5",
            b"0,6",
            b"Peer = mentor",
            b"#4471",
            b"'=1",
        ];
        for cell in not {
            assert!(
                !looks_like_formula(cell),
                "{}",
                String::from_utf8_lossy(cell)
            );
        }
    }

    #[test]
    fn neutralized_cells_are_prefixed_then_escaped() {
        let mut out = Vec::new();
        write_cell(&mut out, b"=A1,B1", b',', Formulas::Neutralize);
        assert_eq!(out, b"\"'=A1,B1\"");
        out.clear();
        write_cell(&mut out, b"=A1,B1", b',', Formulas::Keep);
        assert_eq!(out, b"\"=A1,B1\"");
        out.clear();
        write_cell(&mut out, b"-42", b',', Formulas::Neutralize);
        assert_eq!(out, b"-42");
    }

    #[test]
    fn fields_are_escaped_as_the_csv_crate_escapes_them() {
        let fields: &[&[u8]] = &[
            b"plain",
            b"",
            b"a,b",
            b"say \"hi\"",
            b"line\nbreak",
            b"cr\r",
            b"tab\there",
            "Médiatrice – santé".as_bytes(),
            b"  spaced  ",
            b"#4471",
            b"\"",
            b",",
        ];
        for delimiter in [b',', b'\t'] {
            let mut expected = csv::WriterBuilder::new()
                .delimiter(delimiter)
                .from_writer(Vec::new());
            expected.write_record(fields).unwrap();
            let expected = expected.into_inner().unwrap();
            let mut ours = csv_tail(fields, delimiter).into_vec();
            ours.push(b'\n');
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&expected),
                "delimiter {delimiter}"
            );
        }
    }

    #[test]
    fn every_answer_fills_every_column() {
        for title in ["Peer navigator", "Navigator", "Accountant", ""] {
            let answer = peermap::classify(title);
            let cells = csv_cells(&answer, peermap::Lexicon::embedded());
            assert_eq!(cells.len(), Field::ALL.len(), "{title}");
            assert_eq!(cells[0], answer.verdict().as_str());
            assert_eq!(cells.last().unwrap(), peermap::LEXICON_VERSION);
        }
    }

    #[test]
    fn json_rows_are_objects_with_the_row_first() {
        let answer = peermap::classify("Peer navigator");
        let mut out = Vec::new();
        write_json_row(
            &mut out,
            7,
            json_body(&answer, peermap::Lexicon::embedded())
                .unwrap()
                .as_bytes(),
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
        assert!(value["other_occupation"].is_null());
    }

    #[test]
    fn error_rows_fill_only_their_own_cells() {
        let fields = [
            Field::Role,
            Field::Error,
            Field::Verdict,
            Field::Explanation,
        ];
        assert_eq!(
            csv_error_cells(&fields, "missing-column", "line 4: …", "v"),
            ["", "missing-column", "error", "line 4: …"]
        );
    }
}
