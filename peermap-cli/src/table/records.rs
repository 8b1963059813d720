//! Reading `classify`'s input as a stream of records, one at a time, never the whole file.
//!
//! CSV and TSV go through the `csv` crate in flexible mode on byte records, so ragged rows keep
//! their fields and no byte is decoded before we decide how. What the `csv` crate does not do
//! is done here. A quoted field that is still open at the end of the file is detected (the
//! `csv` crate silently reads the rest of the file into it), so that record can be flagged.
//! Text input is read one line per record.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read};

use csv::ByteRecord;

/// Where `csv_core` is within a record, replayed over every byte read so that an unterminated
/// quoted field can be seen at the end of the input. The transitions are `csv_core`'s with its
/// default settings (quoting and doubled quotes on, no escape, no comments, CR, LF or CRLF
/// terminators).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum QuoteState {
    StartRecord,
    StartField,
    InField,
    InQuoted,
    QuoteInQuoted,
}

/// A reader that replays the CSV state machine over the bytes it passes on, to know where
/// each record starts (the `csv` crate's own line numbers are off after blank lines and with
/// CRLF) and whether the input ends inside a quoted field.
pub struct QuoteTracker<R> {
    inner: R,
    delimiter: u8,
    state: QuoteState,
    /// The current line (1-based); CR, LF and CRLF each end a line.
    line: u64,
    previous_cr: bool,
    /// Lines where records start, for records the parser has not taken yet.
    starts: VecDeque<u64>,
    /// The bytes that may change the state: the delimiter, the quote, CR and LF. A table,
    /// because every byte of the input is looked up in it.
    special: [bool; 256],
}

impl<R: Read> QuoteTracker<R> {
    /// Wraps `inner`, for fields separated by `delimiter`; its first byte is on line
    /// `first_line` of the input.
    pub fn new(inner: R, delimiter: u8, first_line: u64) -> Self {
        let mut special = [false; 256];
        for b in [delimiter, b'"', b'\n', b'\r'] {
            special[usize::from(b)] = true;
        }
        QuoteTracker {
            special,
            inner,
            delimiter,
            state: QuoteState::StartRecord,
            line: first_line,
            previous_cr: false,
            starts: VecDeque::new(),
        }
    }

    /// The line where the next record not yet taken starts.
    pub fn take_start(&mut self) -> Option<u64> {
        self.starts.pop_front()
    }

    /// Whether the bytes read so far end inside a quoted field.
    pub fn in_quoted_field(&self) -> bool {
        self.state == QuoteState::InQuoted
    }

    fn start_field(&self, b: u8) -> QuoteState {
        if b == b'"' {
            QuoteState::InQuoted
        } else if b == self.delimiter {
            QuoteState::StartField
        } else if b == b'\n' || b == b'\r' {
            QuoteState::StartRecord
        } else {
            QuoteState::InField
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        use QuoteState::*;
        let term = |b: u8| b == b'\n' || b == b'\r';
        let table = self.special;
        let special = |b: &u8| table[usize::from(*b)];
        let mut i = 0;
        while i < bytes.len() {
            // Inside a field, ordinary bytes change nothing: skip to the next one that may.
            if matches!(self.state, InField | InQuoted) && !special(&bytes[i]) {
                match bytes[i..].iter().position(special) {
                    Some(k) => i += k,
                    None => {
                        self.previous_cr = false;
                        break;
                    }
                }
                self.previous_cr = false;
            }
            let b = bytes[i];
            i += 1;
            if self.state == StartRecord && !term(b) {
                self.starts.push_back(self.line);
            }
            if b == b'\r' || (b == b'\n' && !self.previous_cr) {
                self.line += 1;
            }
            self.previous_cr = b == b'\r';
            self.state = match self.state {
                StartRecord if term(b) => StartRecord,
                StartRecord | StartField => self.start_field(b),
                InField if b == self.delimiter => StartField,
                InField if term(b) => StartRecord,
                InField => InField,
                InQuoted if b == b'"' => QuoteInQuoted,
                InQuoted => InQuoted,
                QuoteInQuoted if b == b'"' => InQuoted,
                QuoteInQuoted if b == self.delimiter => StartField,
                QuoteInQuoted if term(b) => StartRecord,
                QuoteInQuoted => InField,
            };
        }
    }
}

impl<R: Read> Read for QuoteTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.feed(&buf[..n]);
        Ok(n)
    }
}

/// What went wrong with a record while reading it (its cells may still be there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordIssue {
    /// A quoted field opened in this record is never closed: the rest of the file was read
    /// into it.
    UnterminatedQuote,
    /// The reader could not parse the record.
    Unreadable(String),
}

/// Where a record comes from, and what went wrong with it.
#[derive(Clone, Debug)]
pub struct RecordMeta {
    /// The 1-based line of the input where the record starts.
    pub line: u64,
    /// Set when the record is damaged.
    pub issue: Option<RecordIssue>,
}

/// A stream of records.
pub enum Source {
    /// CSV or TSV, with one record of lookahead to flag an unterminated last record.
    Delimited(Box<DelimitedSource>),
    /// One title per line.
    Lines(LinesSource),
}

impl Source {
    /// A CSV (or TSV, with `delimiter` b'\t') source whose first byte is on line `first_line`
    /// of the input (2 after an Excel `sep=` line).
    pub fn delimited(reader: Box<dyn Read>, delimiter: u8, first_line: u64) -> Source {
        let tracker = QuoteTracker::new(reader, delimiter, first_line);
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(tracker);
        Source::Delimited(Box::new(DelimitedSource {
            reader,
            next: ByteRecord::new(),
            next_line: 0,
            pending: Pending::NotStarted,
        }))
    }

    /// A source that reads one title per line (LF or CRLF).
    pub fn lines(reader: Box<dyn Read>) -> Source {
        Source::Lines(LinesSource {
            reader: BufReader::with_capacity(64 * 1024, reader),
            buf: Vec::new(),
            line: 0,
        })
    }

    /// Reads the next record into `out`; `None` at the end of the input.
    ///
    /// An error is returned only when reading itself fails (an I/O error): a record the parser
    /// rejects is returned with an issue, and reading goes on.
    pub fn next_record(&mut self, out: &mut ByteRecord) -> io::Result<Option<RecordMeta>> {
        match self {
            Source::Delimited(source) => source.next_record(out),
            Source::Lines(source) => source.next_record(out),
        }
    }
}

/// The record read ahead.
enum Pending {
    NotStarted,
    Record,
    Broken { line: u64, message: String },
    End,
}

/// CSV or TSV records.
pub struct DelimitedSource {
    reader: csv::Reader<QuoteTracker<Box<dyn Read>>>,
    next: ByteRecord,
    next_line: u64,
    pending: Pending,
}

impl DelimitedSource {
    fn read_ahead(&mut self) -> io::Result<()> {
        let read = self.reader.read_byte_record(&mut self.next);
        let start = self.reader.get_mut().take_start();
        self.pending = match read {
            Ok(true) => {
                let fallback = self.next.position().map_or(0, csv::Position::line);
                self.next_line = start.unwrap_or(fallback);
                Pending::Record
            }
            Ok(false) => Pending::End,
            Err(e) => {
                let line = start.unwrap_or_else(|| e.position().map_or(0, csv::Position::line));
                let message = e.to_string();
                match e.into_kind() {
                    csv::ErrorKind::Io(io) => return Err(io),
                    _ => Pending::Broken { line, message },
                }
            }
        };
        Ok(())
    }

    fn next_record(&mut self, out: &mut ByteRecord) -> io::Result<Option<RecordMeta>> {
        if let Pending::NotStarted = self.pending {
            self.read_ahead()?;
        }
        match std::mem::replace(&mut self.pending, Pending::End) {
            Pending::NotStarted | Pending::End => Ok(None),
            Pending::Broken { line, message } => {
                out.clear();
                self.read_ahead()?;
                Ok(Some(RecordMeta {
                    line,
                    issue: Some(RecordIssue::Unreadable(message)),
                }))
            }
            Pending::Record => {
                std::mem::swap(out, &mut self.next);
                let line = self.next_line;
                self.read_ahead()?;
                let last = matches!(self.pending, Pending::End);
                let issue = (last && self.reader.get_ref().in_quoted_field())
                    .then_some(RecordIssue::UnterminatedQuote);
                Ok(Some(RecordMeta { line, issue }))
            }
        }
    }
}

/// Text records, one per line.
pub struct LinesSource {
    reader: BufReader<Box<dyn Read>>,
    buf: Vec<u8>,
    line: u64,
}

impl LinesSource {
    fn next_record(&mut self, out: &mut ByteRecord) -> io::Result<Option<RecordMeta>> {
        self.buf.clear();
        if self.reader.read_until(b'\n', &mut self.buf)? == 0 {
            return Ok(None);
        }
        self.line += 1;
        if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        out.clear();
        out.push_field(&self.buf);
        Ok(Some(RecordMeta {
            line: self.line,
            issue: None,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::sniff::open_text;

    fn records(text: &[u8], delimiter: u8) -> Vec<(Vec<String>, u64, Option<RecordIssue>)> {
        let (reader, _) = open_text(Box::new(io::Cursor::new(text.to_vec()))).unwrap();
        let mut source = Source::delimited(reader, delimiter, 1);
        let mut record = ByteRecord::new();
        let mut out = Vec::new();
        while let Some(meta) = source.next_record(&mut record).unwrap() {
            let fields = record
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            out.push((fields, meta.line, meta.issue));
        }
        out
    }

    #[test]
    fn a_closed_quote_at_the_end_is_not_flagged() {
        let got = records(b"a,b\n1,\"x\ny\"", b',');
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].0, ["1", "x\ny"]);
        assert_eq!(got[1].2, None);
        let got = records(b"a,b\n1,\"x \"\"y\"\"\"\n", b',');
        assert_eq!(got[1].0, ["1", "x \"y\""]);
        assert_eq!(got[1].2, None);
    }

    #[test]
    fn an_open_quote_at_the_end_flags_the_last_record_only() {
        let got = records(b"a,b\r\n1,2\r\n3,\"never closed\r\n4,5\r\n", b',');
        assert_eq!(got.len(), 3);
        assert_eq!(got[1].2, None);
        assert_eq!(got[2].2, Some(RecordIssue::UnterminatedQuote));
        assert_eq!(got[2].1, 3);
        assert!(got[2].0[1].starts_with("never closed"));
    }

    #[test]
    fn quotes_inside_unquoted_fields_are_literal() {
        let got = records(b"a\tb\n5\" tall\tx\n", b'\t');
        assert_eq!(got[1].0, ["5\" tall", "x"]);
        assert_eq!(got[1].2, None);
    }

    #[test]
    fn a_bom_is_skipped_and_blank_lines_are_not_records() {
        let got = records(b"\xEF\xBB\xBFtitle\n\nPeer navigator\n", b',');
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, ["title"]);
        assert_eq!(got[1].1, 3);
    }

    #[test]
    fn records_know_the_line_they_start_on() {
        for eol in ["\n", "\r\n", "\r"] {
            let text = [
                "id,t", "1,a", "2,\"x", "y\"", "", "", "3,b", "4", "5,\"open", "6,c", "",
            ]
            .join(eol);
            let lines: Vec<u64> = records(text.as_bytes(), b',').iter().map(|r| r.1).collect();
            assert_eq!(lines, [1, 2, 3, 7, 8, 9], "{eol:?}");
        }
    }

    #[test]
    fn short_inputs_survive_bom_detection() {
        assert!(records(b"", b',').is_empty());
        assert_eq!(records(b"ab", b',')[0].0, ["ab"]);
        assert_eq!(records(b"\xEF\xBB", b',').len(), 1);
    }

    #[test]
    fn lines_keep_empty_lines_and_strip_crlf() {
        let mut source = Source::lines(Box::new(io::Cursor::new(b"a\r\n\nb".to_vec())));
        let mut record = ByteRecord::new();
        let mut got = Vec::new();
        while let Some(meta) = source.next_record(&mut record).unwrap() {
            got.push((record[0].to_vec(), meta.line));
        }
        assert_eq!(
            got,
            [(b"a".to_vec(), 1), (b"".to_vec(), 2), (b"b".to_vec(), 3)]
        );
    }
}
