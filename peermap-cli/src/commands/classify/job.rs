//! One run of `classify` over the rows: each chunk read, its new titles coded on the other
//! cores while the chunk before it is written, and every row counted for the summary and the
//! workforce report.

use std::rc::Rc;

use csv::ByteRecord;
use peermap::{Crosswalk, Verdict};

use crate::cli::ClassifyArgs;
use crate::commands::classify::coded::{code_titles, Coded, Coder, Style};
use crate::commands::classify::header::Header;
use crate::commands::classify::read::{read_chunk, Reading};
use crate::commands::classify::summary::{Reporter, Tally};
use crate::commands::classify::titles::{RowResult, Titles};
use crate::commands::classify::write::{Output, Row};
use crate::commands::report::{Report, ReportRow};
use crate::table::{decode, Encoding, Found, InputFormat, RecordMeta, Sink, Source};

/// One run of `classify`.
pub struct Job<'a> {
    args: &'a ClassifyArgs,
    /// CSV, TSV or lines (which have no header).
    format: InputFormat,
    /// How cells are decoded.
    encoding: Encoding,
    /// How rows are written.
    style: Style<'a>,
    /// The lexicon's version, which error rows carry too.
    lexicon_version: &'a str,
    titles: Titles<'a>,
    /// What the summary reports.
    pub tally: Tally,
    /// The workforce report being gathered, with `--report`.
    pub report: Option<Report>,
}

impl<'a> Job<'a> {
    /// A run over an input read as `reading` says, coded by `crosswalk` and written in `style`.
    pub fn new(
        args: &'a ClassifyArgs,
        crosswalk: &'a Crosswalk,
        style: Style<'a>,
        reading: &Reading,
    ) -> Job<'a> {
        let report = args.report.as_ref().map(|_| Report::default());
        let coder = Coder {
            crosswalk,
            style,
            with_report: report.is_some(),
        };
        let tally = Tally {
            utf16: matches!(reading.found, Found::Utf16 { .. }),
            ..Tally::default()
        };
        Job {
            args,
            format: reading.layout.format,
            encoding: reading.encoding,
            style,
            lexicon_version: crosswalk.lexicon().version(),
            titles: Titles::new(coder, reading.encoding),
            tally,
            report,
        }
    }

    /// Reads, codes and writes every row; returns a description of the title column.
    pub fn code_all(
        &mut self,
        mut source: Source,
        sink: Sink,
        reporter: &mut Reporter,
    ) -> anyhow::Result<String> {
        let header = Header::read(&mut source, self.args, self.format, self.encoding, reporter)?;
        let mut out = Output::open(
            sink,
            self.style,
            self.encoding,
            &header.names,
            self.lexicon_version,
        )?;
        self.code_rows(&mut source, header.ahead, header.column, &mut out, reporter)?;
        out.finish()?;
        Ok(header.described)
    }

    /// Codes and writes the rows after the header, starting with `ahead` if it was read.
    fn code_rows(
        &mut self,
        source: &mut Source,
        ahead: Option<(ByteRecord, RecordMeta)>,
        column: usize,
        out: &mut Output,
        reporter: &mut Reporter,
    ) -> anyhow::Result<()> {
        // Rows are read a chunk at a time. While one chunk is written, in order, the new
        // titles of the next are coded on the other cores; the output is the same as coding
        // row by row, only faster.
        let mut number: u64 = 0;
        let mut spare: Vec<ByteRecord> = Vec::new();
        let mut current = read_chunk(source, ahead, &mut spare)?;
        let (mut slots, titles) = self.titles.prepare(&current, column);
        let coded = code_titles(&titles, self.titles.coder());
        let mut fresh = self.titles.cache_all(titles, coded);
        while !current.is_empty() {
            let next = read_chunk(source, None, &mut spare)?;
            let (next_slots, titles) = self.titles.prepare(&next, column);
            let coder = self.titles.coder();
            let coded = std::thread::scope(|scope| -> anyhow::Result<_> {
                let coding = scope.spawn(|| code_titles(&titles, coder));
                for ((record, meta), slot) in current.iter().zip(&slots) {
                    number += 1;
                    let row = Row {
                        record,
                        meta,
                        number,
                    };
                    self.emit(&row, slot.known(&fresh), column, out, reporter)?;
                }
                Ok(coding.join().expect("coding a title does not panic"))
            })?;
            fresh = self.titles.cache_all(titles, coded);
            slots = next_slots;
            spare.extend(current.drain(..).map(|(record, _)| record));
            current = next;
        }
        Ok(())
    }

    /// Counts and writes one record, coded already (`known`) or coded now.
    fn emit(
        &mut self,
        row: &Row<'_>,
        known: Option<Rc<Coded>>,
        column: usize,
        out: &mut Output,
        reporter: &mut Reporter,
    ) -> anyhow::Result<()> {
        let coded = match known {
            Some(coded) => RowResult::Coded(coded),
            None => self
                .titles
                .code_row(row.record, row.meta, column, self.tally.utf16),
        };
        match &coded {
            RowResult::Coded(c) => {
                self.count_coded(c, row.record, column);
                out.write_coded(row, &c.out)
            }
            RowResult::Error {
                reason,
                message,
                input,
            } => {
                self.count_error(reason, input.as_deref());
                reporter.row_error(row.number, row.meta.line, reason, message);
                out.write_error(row, reason, message, input.as_deref())
            }
        }
    }

    /// Counts a coded row, for the summary and the report.
    fn count_coded(&mut self, c: &Coded, record: &ByteRecord, column: usize) {
        self.tally.count(c.verdict.as_str());
        if c.other_occupation {
            self.tally.other_occupations += 1;
        }
        if let Some(file) = &c.decided_by {
            *self.tally.decided.entry(file.to_string()).or_default() += 1;
        }
        if let (Some(report), Some(row)) = (&mut self.report, &c.report) {
            report.add(row);
        }
        if c.verdict == Verdict::Unknown {
            if let Some(Ok(title)) = record.get(column).map(|c| decode(c, self.encoding)) {
                self.tally.unknown.add(&title);
            }
        }
    }

    /// Counts a row that could not be coded, for the summary and the report.
    fn count_error(&mut self, reason: &str, input: Option<&str>) {
        self.tally.count("error");
        if let Some(report) = &mut self.report {
            report.add(&ReportRow::error(input));
        }
        if reason == "invalid-encoding" {
            self.tally.invalid_encoding += 1;
        }
    }
}
