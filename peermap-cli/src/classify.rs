//! `peermap classify`: code a column of titles, writing every input row back, in order.
//!
//! The input is streamed one record at a time; repeated titles are coded once (a bounded cache:
//! memory grows with distinct titles, not with rows, and never without limit). A row that
//! cannot be read or decoded is still written, with verdict `error`, a reason and its line.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::rc::Rc;

use anyhow::Context as _;
use csv::ByteRecord;
use peermap::{Crosswalk, Verdict};

use crate::cli::{ClassifyArgs, Encoding, InputFormat, OutputFormat};
use crate::input::{decode, skip_bom, RecordIssue, RecordMeta, Source};
use crate::output::{self, JsonErrorRow, Sink};
use crate::report::{Report, ReportRow};
use crate::setup;
use crate::summary::{Reporter, Tally};

/// How `classify` ended, when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every row was coded.
    Clean,
    /// Every row was written, but some have verdict `error`.
    RowErrors,
}

/// The cache is emptied when it holds this many distinct titles.
const CACHE_CAPACITY: usize = 100_000;

/// Titles longer than this (in bytes) are not cached: they are rarely repeated.
const MAX_CACHED_TITLE: usize = 1024;

/// Header names taken for the title column when `--column` is not given, best first; compared
/// in lower case, with `_` and `-` read as spaces and accents dropped.
const TITLE_COLUMNS: &[&str] = &[
    "job title",
    "jobtitle",
    "title",
    "titre du poste",
    "intitule du poste",
    "intitule de poste",
    "intitule",
    "titre",
    "poste",
];

/// Runs `peermap classify`.
pub fn run(args: &ClassifyArgs) -> anyhow::Result<Outcome> {
    let crosswalk = setup::crosswalk(&args.crosswalk)?;
    let path = args.input.as_deref().filter(|p| *p != Path::new("-"));
    let format = args.input_format.unwrap_or_else(|| guess_format(path));

    let (reader, size): (Box<dyn Read>, Option<u64>) = match path {
        Some(p) => {
            let file = File::open(p).with_context(|| format!("cannot read {}", p.display()))?;
            let meta = file
                .metadata()
                .with_context(|| format!("cannot read {}", p.display()))?;
            if meta.is_dir() {
                anyhow::bail!("cannot read {}: it is a folder", p.display());
            }
            (Box::new(file), Some(meta.len()))
        }
        None => {
            if args.input.is_none() && io::stdin().is_terminal() {
                eprintln!(
                    "peermap: reading titles from standard input (end with Ctrl-D), or give a FILE"
                );
            }
            (Box::new(io::stdin().lock()), None)
        }
    };
    let mut reporter = Reporter::new(size.filter(|_| io::stderr().is_terminal()));
    let reader = skip_bom(reporter.track(reader)).context("cannot read the input")?;

    let sink = match args.output.as_deref().filter(|p| *p != Path::new("-")) {
        Some(p) => Sink::file(p)?,
        None => Sink::stdout(),
    };
    let delimiter = if format == InputFormat::Tsv {
        b'\t'
    } else {
        b','
    };
    let source = match format {
        InputFormat::Lines => Source::lines(reader),
        InputFormat::Csv | InputFormat::Tsv => Source::delimited(reader, delimiter),
    };
    let what = match path {
        Some(p) => p.display().to_string(),
        None => "standard input".to_string(),
    };

    let mut job = Job {
        args,
        format,
        crosswalk: &crosswalk,
        cache: Cache::default(),
        tally: Tally::default(),
        report: args.report.as_ref().map(|_| Report::default()),
    };
    let result = job.code_all(source, sink, delimiter, &mut reporter);
    reporter.finish();
    let column = result?;
    if let (Some(path), Some(report)) = (&args.report, &job.report) {
        crate::report::write(
            report,
            crosswalk.lexicon(),
            args.crosswalk.lang.into(),
            path,
        )
        .with_context(|| format!("cannot write the report {}", path.display()))?;
    }
    job.tally
        .write(
            &mut io::stderr().lock(),
            &format!("{what} ({column})"),
            crosswalk.lexicon().version(),
        )
        .ok();
    Ok(if job.tally.errors() > 0 {
        Outcome::RowErrors
    } else {
        Outcome::Clean
    })
}

/// The input format a file name suggests.
fn guess_format(path: Option<&Path>) -> InputFormat {
    let ext = path
        .and_then(Path::extension)
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("tsv" | "tab") => InputFormat::Tsv,
        Some("txt") => InputFormat::Lines,
        _ => InputFormat::Csv,
    }
}

/// One run of `classify`.
struct Job<'a> {
    args: &'a ClassifyArgs,
    format: InputFormat,
    crosswalk: &'a Crosswalk,
    cache: Cache,
    tally: Tally,
    /// The workforce report being gathered, with `--report`.
    report: Option<Report>,
}

/// The output, CSV or JSON lines.
enum Writer {
    Csv(Box<csv::Writer<Sink>>),
    Jsonl(Sink),
}

impl Job<'_> {
    /// Reads, codes and writes every row; returns a description of the title column.
    fn code_all(
        &mut self,
        mut source: Source,
        sink: Sink,
        delimiter: u8,
        reporter: &mut Reporter,
    ) -> anyhow::Result<String> {
        let encoding = self.args.encoding;
        let mut record = ByteRecord::new();

        // The header, or the first data row read ahead to know the width.
        let has_header = self.format != InputFormat::Lines && !self.args.no_header;
        let mut ahead: Option<(ByteRecord, RecordMeta)> = None;
        let (header, column, described): (Vec<Vec<u8>>, usize, String) = if has_header {
            match source.next_record(&mut record)? {
                Some(_) => {
                    let names: Vec<String> = record
                        .iter()
                        .map(|cell| match decode(cell, encoding) {
                            Ok(text) => text.into_owned(),
                            Err(_) => String::from_utf8_lossy(cell).into_owned(),
                        })
                        .collect();
                    let column = resolve_column(self.args.column.as_deref(), &names)?;
                    let described = format!("column {} \"{}\"", column + 1, names[column]);
                    let header = record
                        .iter()
                        .map(|cell| transcode(cell, encoding).into_owned())
                        .collect();
                    (header, column, described)
                }
                None => (Vec::new(), 0, "empty input".to_string()),
            }
        } else {
            let column = resolve_index(self.args.column.as_deref(), self.format)?;
            let width = if self.format == InputFormat::Lines {
                1
            } else {
                match source.next_record(&mut record)? {
                    Some(meta) => {
                        let width = record.len().max(column + 1);
                        ahead = Some((std::mem::take(&mut record), meta));
                        width
                    }
                    None => column + 1,
                }
            };
            let header = if self.format == InputFormat::Lines {
                vec![b"title".to_vec()]
            } else {
                (1..=width)
                    .map(|i| format!("column_{i}").into_bytes())
                    .collect()
            };
            (header, column, format!("column {}", column + 1))
        };
        let width = header.len();
        if header.iter().any(|h| h.starts_with(b"peermap_")) {
            reporter.warn(
                "peermap: warning: the input already has peermap_ columns; the new ones are appended after them",
            );
        }

        let mut writer = match self.args.format {
            OutputFormat::Csv => {
                let mut csv = csv::WriterBuilder::new()
                    .delimiter(delimiter)
                    .flexible(true)
                    .from_writer(sink);
                let mut line = ByteRecord::new();
                for cell in &header {
                    line.push_field(cell);
                }
                for name in output::COLUMNS {
                    line.push_field(name.as_bytes());
                }
                csv.write_byte_record(&line)?;
                Writer::Csv(Box::new(csv))
            }
            OutputFormat::Jsonl => Writer::Jsonl(sink),
        };

        let mut row: u64 = 0;
        let mut out = ByteRecord::new();
        loop {
            let meta = match ahead.take() {
                Some((first, meta)) => {
                    record = first;
                    meta
                }
                None => match source.next_record(&mut record)? {
                    Some(meta) => meta,
                    None => break,
                },
            };
            row += 1;
            let coded = self.code_row(&record, &meta, column);
            match &coded {
                RowResult::Coded(c) => {
                    self.tally.count(c.verdict.as_str());
                    if let (Some(report), Some(row)) = (&mut self.report, &c.report) {
                        report.add(row);
                    }
                    if c.verdict == Verdict::Unknown {
                        if let Some(Ok(title)) = record.get(column).map(|c| decode(c, encoding)) {
                            self.tally.unknown.add(&title);
                        }
                    }
                }
                RowResult::Error {
                    reason,
                    message,
                    input,
                } => {
                    self.tally.count("error");
                    if let Some(report) = &mut self.report {
                        report.add(&ReportRow::error(input.as_deref()));
                    }
                    if *reason == "invalid-encoding" {
                        self.tally.invalid_encoding += 1;
                    }
                    reporter.row_error(row, meta.line, reason, message);
                }
            }
            match &mut writer {
                Writer::Csv(csv) => {
                    out.clear();
                    for i in 0..width {
                        out.push_field(&transcode(record.get(i).unwrap_or_default(), encoding));
                    }
                    match &coded {
                        RowResult::Coded(c) => {
                            for cell in &c.cells {
                                out.push_field(cell.as_bytes());
                            }
                        }
                        RowResult::Error {
                            reason, message, ..
                        } => {
                            let version = self.crosswalk.lexicon().version();
                            let message = format!("line {}: {message}", meta.line);
                            for cell in output::csv_error_cells(reason, &message, version) {
                                out.push_field(cell.as_bytes());
                            }
                        }
                    }
                    for extra in record.iter().skip(width) {
                        out.push_field(&transcode(extra, encoding));
                    }
                    csv.write_byte_record(&out)?;
                }
                Writer::Jsonl(sink) => match &coded {
                    RowResult::Coded(c) => output::write_json_row(sink, row, &c.body)?,
                    RowResult::Error {
                        reason,
                        message,
                        input,
                    } => {
                        let version = self.crosswalk.lexicon().version();
                        let message = format!("line {}: {message}", meta.line);
                        let line =
                            JsonErrorRow::new(row, input.as_deref(), reason, &message, version);
                        serde_json::to_writer(&mut *sink, &line)?;
                        sink.write_all(b"\n")?;
                    }
                },
            }
        }

        match writer {
            Writer::Csv(csv) => csv.into_inner().map_err(|e| e.into_error())?.finish()?,
            Writer::Jsonl(sink) => sink.finish()?,
        }
        Ok(described)
    }

    /// Codes one record, or says why it cannot be.
    fn code_row(&mut self, record: &ByteRecord, meta: &RecordMeta, column: usize) -> RowResult {
        match &meta.issue {
            Some(RecordIssue::UnterminatedQuote) => {
                return RowResult::error(
                    "unterminated-quote",
                    "a quoted field opened in this record is never closed, so the rest of the file was read into this row".to_string(),
                    None,
                )
            }
            Some(RecordIssue::Unreadable(message)) => {
                return RowResult::error("unreadable-record", message.clone(), None)
            }
            None => {}
        }
        let Some(cell) = record.get(column) else {
            let n = record.len();
            return RowResult::error(
                "missing-column",
                format!(
                    "the row has {n} field{}, so no title in column {}",
                    if n == 1 { "" } else { "s" },
                    column + 1
                ),
                None,
            );
        };
        match decode(cell, self.args.encoding) {
            Ok(title) => match self.cache.get(
                &title,
                self.crosswalk,
                self.args.format,
                self.report.is_some(),
            ) {
                Ok(coded) => RowResult::Coded(coded),
                Err(e) => RowResult::error("unreadable-record", e.to_string(), None),
            },
            Err(bad) => RowResult::error(
                "invalid-encoding",
                format!(
                    "the title is not valid UTF-8 (byte 0x{:02X} at offset {}); it was not coded and is written back unchanged; try --encoding windows-1252",
                    bad.byte, bad.at
                ),
                Some(String::from_utf8_lossy(cell).into_owned()),
            ),
        }
    }
}

/// A cell as it is written out: unchanged in UTF-8 mode (even if invalid), re-encoded as
/// UTF-8 from Windows-1252.
fn transcode(cell: &[u8], encoding: Encoding) -> Cow<'_, [u8]> {
    match encoding {
        Encoding::Utf8 => Cow::Borrowed(cell),
        Encoding::Windows1252 => match decode(cell, encoding) {
            Ok(Cow::Borrowed(text)) => Cow::Borrowed(text.as_bytes()),
            Ok(Cow::Owned(text)) => Cow::Owned(text.into_bytes()),
            Err(_) => Cow::Borrowed(cell),
        },
    }
}

/// What one row came to.
enum RowResult {
    /// A coded title.
    Coded(Rc<Coded>),
    /// A row that could not be coded.
    Error {
        reason: &'static str,
        message: String,
        input: Option<String>,
    },
}

impl RowResult {
    fn error(reason: &'static str, message: String, input: Option<String>) -> RowResult {
        RowResult::Error {
            reason,
            message,
            input,
        }
    }
}

/// An answer, rendered once for the output format.
#[derive(Debug)]
struct Coded {
    verdict: Verdict,
    /// The appended CSV cells (CSV output only).
    cells: Vec<String>,
    /// The JSON object without braces (JSON lines output only).
    body: String,
    /// What the workforce report needs (with `--report` only).
    report: Option<ReportRow>,
}

/// Answers to titles already seen.
#[derive(Default)]
struct Cache {
    answers: HashMap<String, Rc<Coded>>,
}

impl Cache {
    fn get(
        &mut self,
        title: &str,
        crosswalk: &Crosswalk,
        format: OutputFormat,
        with_report: bool,
    ) -> serde_json::Result<Rc<Coded>> {
        if let Some(coded) = self.answers.get(title) {
            return Ok(Rc::clone(coded));
        }
        let answer = crosswalk.classify(title);
        let report = with_report.then(|| ReportRow::from_answer(&answer));
        let coded = Rc::new(match format {
            OutputFormat::Csv => Coded {
                verdict: answer.verdict(),
                cells: output::csv_cells(&answer, crosswalk.lexicon()),
                body: String::new(),
                report,
            },
            OutputFormat::Jsonl => Coded {
                verdict: answer.verdict(),
                cells: Vec::new(),
                body: output::json_body(&answer, crosswalk.lexicon())?,
                report,
            },
        });
        if title.len() <= MAX_CACHED_TITLE {
            if self.answers.len() >= CACHE_CAPACITY {
                self.answers.clear();
            }
            self.answers.insert(title.to_string(), Rc::clone(&coded));
        }
        Ok(coded)
    }
}

/// A header name folded for comparison: lower case, `_`/`-` as spaces, no accents.
fn fold_header(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        folded.push(match c {
            '_' | '-' => ' ',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'à' | 'â' => 'a',
            'î' | 'ï' => 'i',
            'ô' => 'o',
            'û' | 'ù' => 'u',
            'ç' => 'c',
            c => c,
        });
    }
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The 0-based title column in a header: `--column` as a name (exact, then ignoring case) or
/// as a 1-based index, or else a column named like a title, or else the first.
fn resolve_column(spec: Option<&str>, names: &[String]) -> anyhow::Result<usize> {
    let Some(spec) = spec else {
        let folded: Vec<String> = names.iter().map(|n| fold_header(n)).collect();
        let found = TITLE_COLUMNS
            .iter()
            .find_map(|wanted| folded.iter().position(|f| f == wanted));
        return Ok(found.unwrap_or(0));
    };
    if let Some(i) = names.iter().position(|n| n == spec) {
        return Ok(i);
    }
    if let Some(i) = names.iter().position(|n| {
        n.trim().eq_ignore_ascii_case(spec.trim()) || fold_header(n) == fold_header(spec)
    }) {
        return Ok(i);
    }
    if let Ok(index) = spec.trim().parse::<usize>() {
        if index == 0 {
            anyhow::bail!("--column {spec}: columns are numbered from 1");
        }
        if index > names.len() {
            anyhow::bail!(
                "--column {index}: the header has only {} column{}",
                names.len(),
                if names.len() == 1 { "" } else { "s" }
            );
        }
        return Ok(index - 1);
    }
    const SHOWN: usize = 20;
    let mut listed: Vec<String> = names
        .iter()
        .take(SHOWN)
        .map(|n| format!("\"{n}\""))
        .collect();
    if names.len() > SHOWN {
        listed.push(format!("… ({} in all)", names.len()));
    }
    anyhow::bail!(
        "no column named \"{spec}\" in the header (columns: {})",
        listed.join(", ")
    )
}

/// The 0-based title column without a header: `--column` must be a 1-based index.
fn resolve_index(spec: Option<&str>, format: InputFormat) -> anyhow::Result<usize> {
    let Some(spec) = spec else { return Ok(0) };
    if format == InputFormat::Lines {
        if matches!(spec.trim(), "1" | "title") {
            return Ok(0);
        }
        anyhow::bail!("--column {spec}: lines input has one column, the title (use --input-format csv or tsv for a table)");
    }
    match spec.trim().parse::<usize>() {
        Ok(0) => anyhow::bail!("--column {spec}: columns are numbered from 1"),
        Ok(index) => Ok(index - 1),
        Err(_) => {
            anyhow::bail!("--column \"{spec}\": with --no-header, give the column's 1-based index")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_title_column_is_found_by_name_index_or_guess() {
        let header = names(&["id", "Job_Title", "Department"]);
        let cases: &[(Option<&str>, usize)] = &[
            (None, 1),
            (Some("Job_Title"), 1),
            (Some("job title"), 1),
            (Some("department"), 2),
            (Some("1"), 0),
            (Some("3"), 2),
        ];
        for (spec, expected) in cases {
            assert_eq!(
                resolve_column(*spec, &header).unwrap(),
                *expected,
                "{spec:?}"
            );
        }
        assert_eq!(
            resolve_column(None, &names(&["no", "Intitulé du poste"])).unwrap(),
            1
        );
        assert_eq!(resolve_column(None, &names(&["name", "role"])).unwrap(), 0);
        assert_eq!(
            resolve_column(None, &names(&["titre", "job title"])).unwrap(),
            1
        );
        for bad in ["poste", "0", "4"] {
            let err = resolve_column(Some(bad), &header).unwrap_err().to_string();
            assert!(!err.contains('\n'), "{err}");
        }
    }

    #[test]
    fn without_a_header_the_column_is_an_index() {
        assert_eq!(resolve_index(None, InputFormat::Csv).unwrap(), 0);
        assert_eq!(resolve_index(Some("2"), InputFormat::Tsv).unwrap(), 1);
        assert!(resolve_index(Some("title"), InputFormat::Csv).is_err());
        assert_eq!(resolve_index(Some("1"), InputFormat::Lines).unwrap(), 0);
        assert!(resolve_index(Some("2"), InputFormat::Lines).is_err());
    }

    #[test]
    fn formats_are_guessed_from_the_extension() {
        let cases = [
            ("a.csv", InputFormat::Csv),
            ("a.TSV", InputFormat::Tsv),
            ("a.tab", InputFormat::Tsv),
            ("a.txt", InputFormat::Lines),
            ("a", InputFormat::Csv),
        ];
        for (name, expected) in cases {
            assert_eq!(guess_format(Some(Path::new(name))), expected, "{name}");
        }
        assert_eq!(guess_format(None), InputFormat::Csv);
    }

    #[test]
    fn windows_1252_cells_are_written_as_utf8() {
        assert_eq!(
            &*transcode(b"m\xE9diateur", Encoding::Windows1252),
            "médiateur".as_bytes()
        );
        assert_eq!(
            &*transcode(b"m\xE9diateur", Encoding::Utf8),
            b"m\xE9diateur"
        );
    }
}
