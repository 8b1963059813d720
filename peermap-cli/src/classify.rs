//! `peermap classify`: code a column of titles, writing every input row back, in order.
//!
//! The input is streamed one record at a time; repeated titles are coded once (a bounded cache:
//! memory grows with distinct titles, not with rows, and never without limit). A row that
//! cannot be read or decoded is still written, with verdict `error`, a reason and its line.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::rc::Rc;

use anyhow::Context as _;
use csv::ByteRecord;
use peermap::{Answer, Crosswalk, Verdict};
use rustc_hash::FxHashMap;

use crate::cli::{ClassifyArgs, Encoding, InputFormat, OutputFormat};
use crate::fields::{self, Field};
use crate::input::{
    decode, open_text, Found, Peeked, RecordIssue, RecordMeta, Source, FIRST_LINE_LIMIT,
};
use crate::layout;
use crate::output::{self, Background, Formulas, JsonErrorRow, Sink};
use crate::report::{Report, ReportRow};
use crate::setup;
use crate::summary::{printable, Reporter, Tally};

/// How `classify` ended, when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every row was coded.
    Clean,
    /// Every row was written, but some have verdict `error`.
    RowErrors,
}

/// Rows read, then coded on every core, at a time.
const CHUNK_ROWS: usize = 20480;

/// The memory the answer cache may use, in bytes (two generations of half each).
const CACHE_BYTES: usize = 16 << 20;

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
    let what = match path {
        Some(p) => p.display().to_string(),
        None => "standard input".to_string(),
    };
    let mut reporter = Reporter::new(size.filter(|_| io::stderr().is_terminal()));
    let (text, found) =
        open_text(reporter.track(reader)).with_context(|| format!("cannot read {what}"))?;
    let encoding = reading_encoding(args.encoding, found, &reporter);
    let start =
        Peeked::read(text, FIRST_LINE_LIMIT).with_context(|| format!("cannot read {what}"))?;
    let layout = layout::decide(args.input_format, args.delimiter, path, start.first_line());
    let source = match layout.format {
        InputFormat::Lines => Source::lines(start.into_reader()),
        InputFormat::Csv | InputFormat::Tsv if layout.sep_line => {
            Source::delimited(start.skip_first_line(), layout.delimiter, 2)
        }
        InputFormat::Csv | InputFormat::Tsv => {
            Source::delimited(start.into_reader(), layout.delimiter, 1)
        }
    };

    let sink = match args.output.as_deref().filter(|p| *p != Path::new("-")) {
        Some(p) => Sink::file(p)?,
        None => Sink::stdout(),
    };

    let fields = fields::for_classify(&args.fields);
    let mut job = Job {
        args,
        format: layout.format,
        crosswalk: &crosswalk,
        cache: Cache::default(),
        tally: Tally::default(),
        report: args.report.as_ref().map(|_| Report::default()),
        delimiter: layout.delimiter,
        sep_line: layout.sep_line,
        encoding,
        fields: &fields,
    };
    job.tally.utf16 = matches!(found, Found::Utf16 { .. });
    let result = job.code_all(source, sink, &mut reporter);
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
    let guessed: String = [found.guess().map(str::to_string), layout.guessed]
        .into_iter()
        .flatten()
        .map(|note| format!("; {note}"))
        .collect();
    job.tally
        .write(
            &mut io::stderr().lock(),
            &format!("{what} ({column}{guessed})"),
            crosswalk.lexicon().version(),
        )
        .ok();
    Ok(if job.tally.errors() > 0 {
        Outcome::RowErrors
    } else {
        Outcome::Clean
    })
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
    /// The input's delimiter, also used for CSV output.
    delimiter: u8,
    /// The input started with Excel's `sep=` line, which CSV output repeats.
    sep_line: bool,
    /// How cells are decoded.
    encoding: Encoding,
    /// The fields written, in order (every one without `--fields`).
    fields: &'a [Field],
}

/// The output, CSV or JSON lines.
enum Writer {
    Csv(CsvOut),
    Jsonl(Background),
}

/// CSV output: each row written straight into the writing thread's next block (the input's
/// fields, then the answer's fields rendered once per distinct title), escaped as the csv crate
/// escapes.
struct CsvOut {
    sink: Background,
    delimiter: u8,
    formulas: Formulas,
}

impl CsvOut {
    /// Writes one row: `fields`, then the pre-rendered `tail`, then `extra` fields.
    fn write_row<'a>(
        &mut self,
        fields: impl IntoIterator<Item = Cow<'a, [u8]>>,
        tail: &[u8],
        extra: impl IntoIterator<Item = Cow<'a, [u8]>>,
    ) -> io::Result<()> {
        let (delimiter, formulas) = (self.delimiter, self.formulas);
        self.sink.append(|line| {
            let mut first = true;
            for field in fields {
                if !first {
                    line.push(delimiter);
                }
                first = false;
                output::write_cell(line, &field, delimiter, formulas);
            }
            if !first {
                line.push(delimiter);
            }
            line.extend_from_slice(tail);
            for field in extra {
                line.push(delimiter);
                output::write_cell(line, &field, delimiter, formulas);
            }
            line.push(b'\n');
        })
    }
}

impl<'a> Job<'a> {
    /// Reads, codes and writes every row; returns a description of the title column.
    fn code_all(
        &mut self,
        mut source: Source,
        sink: Sink,
        reporter: &mut Reporter,
    ) -> anyhow::Result<String> {
        let encoding = self.encoding;
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
                    if let Some(warning) =
                        column_warning(self.args.column.as_deref(), &names, column)
                    {
                        reporter.warn(&warning);
                    }
                    let described =
                        format!("column {} \"{}\"", column + 1, printable(&names[column]));
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
                let mut csv = CsvOut {
                    sink: Background::new(sink),
                    delimiter: self.delimiter,
                    formulas: self.formulas(),
                };
                if self.sep_line {
                    let delimiter = self.delimiter;
                    csv.sink.append(|line| {
                        line.extend_from_slice(b"sep=");
                        line.extend_from_slice(&[delimiter, b'\n']);
                    })?;
                }
                let names = output::csv_header(self.fields, self.delimiter);
                csv.write_row(
                    header.iter().map(|h| Cow::Borrowed(h.as_slice())),
                    &names,
                    [],
                )?;
                Writer::Csv(csv)
            }
            OutputFormat::Jsonl => Writer::Jsonl(Background::new(sink)),
        };

        // Rows are read a chunk at a time. While one chunk is written, in order, the new
        // titles of the next are coded on the other cores; the output is the same as coding
        // row by row, only faster.
        let mut row: u64 = 0;
        let mut spare: Vec<ByteRecord> = Vec::new();
        let mut current = read_chunk(&mut source, ahead.take(), &mut spare)?;
        let (mut slots, titles) = self.prepare(&current, column);
        let coded = code_titles(&titles, self.coder());
        let mut fresh = self.cache_all(titles, coded);
        while !current.is_empty() {
            let next = read_chunk(&mut source, None, &mut spare)?;
            let (next_slots, titles) = self.prepare(&next, column);
            let coder = self.coder();
            let coded = std::thread::scope(|scope| -> anyhow::Result<_> {
                let coding = scope.spawn(|| code_titles(&titles, coder));
                for ((record, meta), slot) in current.iter().zip(&slots) {
                    row += 1;
                    let known = match slot {
                        Slot::Ready(coded) => Some(Rc::clone(coded)),
                        Slot::New(i) => fresh[*i].clone(),
                        Slot::Other => None,
                    };
                    self.emit(
                        record,
                        meta,
                        known,
                        row,
                        column,
                        width,
                        &mut writer,
                        reporter,
                    )?;
                }
                Ok(coding.join().expect("coding a title does not panic"))
            })?;
            fresh = self.cache_all(titles, coded);
            slots = next_slots;
            spare.extend(current.drain(..).map(|(record, _)| record));
            current = next;
        }

        match writer {
            Writer::Csv(csv) => csv.sink.finish()?,
            Writer::Jsonl(sink) => sink.finish()?,
        }
        Ok(described)
    }

    /// Counts and writes one record, coded already (`known`) or coded now.
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &mut self,
        record: &ByteRecord,
        meta: &RecordMeta,
        known: Option<Rc<Coded>>,
        row: u64,
        column: usize,
        width: usize,
        writer: &mut Writer,
        reporter: &mut Reporter,
    ) -> anyhow::Result<()> {
        let encoding = self.encoding;
        let coded = match known {
            Some(coded) => RowResult::Coded(coded),
            None => self.code_row(record, meta, column),
        };
        match &coded {
            RowResult::Coded(c) => {
                self.tally.count(c.verdict.as_str());
                if c.other_occupation {
                    self.tally.other_occupations += 1;
                }
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
        match writer {
            Writer::Csv(csv) => {
                let fields =
                    (0..width).map(|i| transcode(record.get(i).unwrap_or_default(), encoding));
                let extra = record.iter().skip(width).map(|f| transcode(f, encoding));
                match &coded {
                    RowResult::Coded(c) => csv.write_row(fields, &c.out, extra)?,
                    RowResult::Error {
                        reason, message, ..
                    } => {
                        let version = self.crosswalk.lexicon().version();
                        let message = format!("line {}: {message}", meta.line);
                        let cells = output::csv_error_cells(self.fields, reason, &message, version);
                        let tail = output::csv_tail(&cells, self.delimiter);
                        csv.write_row(fields, &tail, extra)?;
                    }
                }
            }
            Writer::Jsonl(sink) => match &coded {
                RowResult::Coded(c) => output::write_json_row(sink, row, &c.out)?,
                RowResult::Error {
                    reason,
                    message,
                    input,
                } => {
                    let version = self.crosswalk.lexicon().version();
                    let message = format!("line {}: {message}", meta.line);
                    let line = JsonErrorRow::new(row, input.as_deref(), reason, &message, version);
                    self.write_json_error(sink, &line)?;
                }
            },
        }
        Ok(())
    }

    /// What each record of `chunk` comes to, as far as the cache knows, and the distinct
    /// titles it does not know yet (to be coded on other cores).
    fn prepare(
        &mut self,
        chunk: &[(ByteRecord, RecordMeta)],
        column: usize,
    ) -> (Vec<Slot>, Vec<String>) {
        let mut slots = Vec::with_capacity(chunk.len());
        let mut new: Vec<String> = Vec::new();
        let mut at: FxHashMap<&[u8], usize> = FxHashMap::default();
        for (record, meta) in chunk {
            let Some(cell) = record.get(column).filter(|_| meta.issue.is_none()) else {
                slots.push(Slot::Other);
                continue;
            };
            if let Some(&i) = at.get(cell) {
                slots.push(Slot::New(i));
                continue;
            }
            let slot = match decode(cell, self.encoding) {
                Ok(title) if title.len() <= MAX_CACHED_TITLE => match self.cache.get(&title) {
                    Some(coded) => Slot::Ready(coded),
                    None => {
                        at.insert(cell, new.len());
                        new.push(title.into_owned());
                        Slot::New(new.len() - 1)
                    }
                },
                _ => Slot::Other,
            };
            slots.push(slot);
        }
        (slots, new)
    }

    /// Writes the JSON line of a row that could not be coded: whole, or the chosen fields.
    fn write_json_error(&self, sink: &mut Background, line: &JsonErrorRow) -> anyhow::Result<()> {
        if self.args.fields.is_empty() {
            serde_json::to_writer(&mut *sink, line)?;
        } else {
            let full = serde_json::to_value(line)?;
            let picked = fields::Picked {
                full: &full,
                fields: self.fields,
            };
            serde_json::to_writer(&mut *sink, &picked)?;
        }
        sink.write_all(b"\n")?;
        Ok(())
    }

    /// What coding a title needs, to hand to other threads.
    fn coder(&self) -> Coder<'a> {
        Coder {
            crosswalk: self.crosswalk,
            format: self.args.format,
            delimiter: self.delimiter,
            formulas: self.formulas(),
            with_report: self.report.is_some(),
            fields: self.fields,
            json_fields: !self.args.fields.is_empty(),
        }
    }

    /// Whether CSV cells that look like formulas are neutralized.
    fn formulas(&self) -> Formulas {
        if self.args.keep_formulas {
            Formulas::Keep
        } else {
            Formulas::Neutralize
        }
    }

    /// Caches freshly coded titles and returns them, in order. A title that failed to render
    /// is `None`: it is coded again, row by row, and its error reported there.
    fn cache_all(
        &mut self,
        titles: Vec<String>,
        coded: Vec<serde_json::Result<Coded>>,
    ) -> Vec<Option<Rc<Coded>>> {
        titles
            .into_iter()
            .zip(coded)
            .map(|(title, coded)| {
                let coded = Rc::new(coded.ok()?);
                self.cache.insert(&title, Rc::clone(&coded));
                Some(coded)
            })
            .collect()
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
        match decode(cell, self.encoding) {
            Ok(title) => match self.cache.get(&title) {
                Some(coded) => RowResult::Coded(coded),
                None => match render(&self.crosswalk.classify(&title), self.coder()) {
                    Ok(coded) => {
                        let coded = Rc::new(coded);
                        self.cache.insert(&title, Rc::clone(&coded));
                        RowResult::Coded(coded)
                    }
                    Err(e) => RowResult::error("unreadable-record", e.to_string(), None),
                },
            },
            Err(bad) => {
                let (encoding, after) = if self.tally.utf16 {
                    (
                        "UTF-16 (an unpaired surrogate, marked by ",
                        "with that byte",
                    )
                } else {
                    ("UTF-8 (", "unchanged; try --encoding windows-1252")
                };
                RowResult::error(
                    "invalid-encoding",
                    format!(
                        "the title is not valid {encoding}byte 0x{:02X} at offset {}); it was not coded and is written back {after}",
                        bad.byte, bad.at
                    ),
                    Some(String::from_utf8_lossy(cell).into_owned()),
                )
            }
        }
    }
}

/// The encoding cells are decoded with. UTF-16 input is already UTF-8 when it is parsed, so
/// `--encoding` cannot apply to it; a UTF-8 byte-order mark contradicts `--encoding
/// windows-1252`, which is still obeyed (the mark may be wrong), with a warning.
fn reading_encoding(asked: Encoding, found: Found, reporter: &Reporter) -> Encoding {
    match (found, asked) {
        (Found::Utf16 { .. }, Encoding::Windows1252) => {
            reporter.warn(
                "peermap: warning: the file is UTF-16, so --encoding windows-1252 does not apply; it is read as UTF-16",
            );
            Encoding::Utf8
        }
        (Found::Utf16 { .. }, _) => Encoding::Utf8,
        (Found::Utf8Mark, Encoding::Windows1252) => {
            reporter.warn(
                "peermap: warning: the file starts with a UTF-8 byte-order mark (as Excel's \"CSV UTF-8\" does), but --encoding windows-1252 was given: accented letters may come out wrong",
            );
            asked
        }
        _ => asked,
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

/// What the cache knew of a record before its chunk was written.
enum Slot {
    /// The title's answer, cached.
    Ready(Rc<Coded>),
    /// The chunk's `i`-th new title, coded with the chunk.
    New(usize),
    /// Anything else (a damaged record, a missing cell, bytes that do not decode): coded row
    /// by row, which also reports the problem.
    Other,
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
    /// A `not_peer` answer that names another occupation (the background vocabulary), not a
    /// curated look-alike.
    other_occupation: bool,
    /// The appended CSV fields, escaped and joined (CSV), or the JSON object without its
    /// braces (JSON lines).
    out: Box<[u8]>,
    /// What the workforce report needs (with `--report` only).
    report: Option<ReportRow>,
}

/// Answers to titles already seen, in two generations: when the current one has used its
/// share of the byte budget it becomes the previous one and the older answers are dropped; an
/// answer found in the previous generation moves back into the current one. Memory is bounded
/// (about [`CACHE_BYTES`]) whatever the number of rows, and the titles that keep coming back
/// stay cached.
#[derive(Default)]
struct Cache {
    current: FxHashMap<Box<str>, Rc<Coded>>,
    previous: FxHashMap<Box<str>, Rc<Coded>>,
    /// Bytes held by `current`, estimated.
    bytes: usize,
}

/// Bytes a cached answer costs besides its title and output: the map slot, the reference
/// count, the boxes.
const ENTRY_OVERHEAD: usize = 96;

impl Cache {
    fn get(&mut self, title: &str) -> Option<Rc<Coded>> {
        if let Some(coded) = self.current.get(title) {
            return Some(Rc::clone(coded));
        }
        let (title, coded) = self.previous.remove_entry(title)?;
        self.insert_owned(title, Rc::clone(&coded));
        Some(coded)
    }

    fn insert(&mut self, title: &str, coded: Rc<Coded>) {
        if title.len() <= MAX_CACHED_TITLE {
            self.insert_owned(title.into(), coded);
        }
    }

    fn insert_owned(&mut self, title: Box<str>, coded: Rc<Coded>) {
        let size = title.len() + coded.out.len() + ENTRY_OVERHEAD;
        if self.bytes + size > CACHE_BYTES / 2 {
            self.previous = std::mem::take(&mut self.current);
            self.bytes = 0;
        }
        self.bytes += size;
        self.current.insert(title, coded);
    }
}

/// Reads up to [`CHUNK_ROWS`] records (after `first`, if given), reusing `spare` records.
fn read_chunk(
    source: &mut Source,
    first: Option<(ByteRecord, RecordMeta)>,
    spare: &mut Vec<ByteRecord>,
) -> io::Result<Vec<(ByteRecord, RecordMeta)>> {
    let mut chunk = Vec::with_capacity(CHUNK_ROWS);
    chunk.extend(first);
    while chunk.len() < CHUNK_ROWS {
        let mut next = spare.pop().unwrap_or_default();
        match source.next_record(&mut next)? {
            Some(meta) => chunk.push((next, meta)),
            None => break,
        }
    }
    Ok(chunk)
}

/// The settings a coding thread needs.
#[derive(Clone, Copy)]
struct Coder<'a> {
    crosswalk: &'a Crosswalk,
    format: OutputFormat,
    delimiter: u8,
    formulas: Formulas,
    with_report: bool,
    /// The fields written (all of them without `--fields`).
    fields: &'a [Field],
    /// JSON lines hold only `fields` (with `--fields`), not the whole answer.
    json_fields: bool,
}

/// Codes titles on every core (the library's `parallel` feature), in order.
fn code_titles(titles: &[String], coder: Coder<'_>) -> Vec<serde_json::Result<Coded>> {
    coder
        .crosswalk
        .classify_each(titles, |answer| render(&answer, coder))
}

/// Renders one answer once for the output format.
fn render(answer: &Answer, coder: Coder<'_>) -> serde_json::Result<Coded> {
    let lexicon = coder.crosswalk.lexicon();
    let out = match coder.format {
        OutputFormat::Csv => output::csv_tail_of(
            answer,
            lexicon,
            coder.fields,
            coder.delimiter,
            coder.formulas,
        ),
        OutputFormat::Jsonl if coder.json_fields => {
            output::json_selected_body(answer, lexicon, coder.fields)?.into_boxed_slice()
        }
        OutputFormat::Jsonl => output::json_body(answer, lexicon)?
            .into_bytes()
            .into_boxed_slice(),
    };
    Ok(Coded {
        verdict: answer.verdict(),
        other_occupation: answer.other_occupation().is_some(),
        out,
        report: coder.with_report.then(|| ReportRow::from_answer(answer)),
    })
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
        .map(|n| format!("\"{}\"", printable(n)))
        .collect();
    if names.len() > SHOWN {
        listed.push(format!("… ({} in all)", names.len()));
    }
    let hint = match names {
        [only] if layout::most_frequent_separator(only.as_bytes()).is_some() => {
            "; the header was read as one column: if another character separates the cells, \
             give it with --delimiter"
        }
        _ => "",
    };
    anyhow::bail!(
        "no column named \"{spec}\" in the header (columns: {}){hint}",
        listed.join(", ")
    )
}

/// A warning when the title column chosen may not be the one meant: no header looked like a
/// job title (the first column was taken), or other columns have the same name.
fn column_warning(spec: Option<&str>, names: &[String], column: usize) -> Option<String> {
    let name = printable(&names[column]);
    let folded = fold_header(&names[column]);
    if spec.is_none() && !TITLE_COLUMNS.contains(&folded.as_str()) {
        return Some(format!(
            "peermap: warning: no column is named like a job title (\"job title\", \"title\", \"titre\", \"poste\", …); coding column {} \"{name}\": give --column NAME or N",
            column + 1
        ));
    }
    let by_number = spec.is_some_and(|s| s.trim().parse::<usize>().is_ok());
    let same: Vec<String> = (0..names.len())
        .filter(|&i| fold_header(&names[i]) == folded)
        .map(|i| (i + 1).to_string())
        .collect();
    (same.len() > 1 && !by_number).then(|| {
        format!(
            "peermap: warning: columns {} are all named \"{name}\"; coding column {}: give --column N for another",
            same.join(", "),
            column + 1
        )
    })
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
    fn a_doubtful_title_column_is_warned_about() {
        /// (header, --column, chosen, warning expected)
        type Case<'a> = (&'a [&'a str], Option<&'a str>, usize, Option<&'a str>);
        let cases: &[Case] = &[
            (&["id", "Job title"], None, 1, None),
            (
                &["id", "role_name"],
                None,
                0,
                Some("no column is named like a job title"),
            ),
            (&["id", "role_name"], Some("role_name"), 1, None),
            (
                &["id", "title", "x", "Title"],
                None,
                1,
                Some("columns 2, 4 are all named"),
            ),
            (
                &["id", "title", "x", "title"],
                Some("title"),
                1,
                Some("columns 2, 4"),
            ),
            (&["id", "title", "x", "title"], Some("4"), 3, None),
        ];
        for (header, spec, chosen, expected) in cases {
            let header = names(header);
            assert_eq!(
                resolve_column(*spec, &header).unwrap(),
                *chosen,
                "{header:?}"
            );
            let warning = column_warning(*spec, &header, *chosen);
            match expected {
                None => assert_eq!(warning, None, "{header:?} {spec:?}"),
                Some(text) => assert!(
                    warning.as_deref().is_some_and(|w| w.contains(text)),
                    "{header:?} {spec:?}: {warning:?}"
                ),
            }
        }
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
