//! Reading `classify`'s input as a stream of records, one at a time, never the whole file.
//!
//! CSV and TSV go through the `csv` crate in flexible mode on byte records, so ragged rows keep
//! their fields and no byte is decoded before we decide how. What the `csv` crate does not do
//! is done here. The start of the input is read ahead ([`Peeked`]) and given back whole:
//! a UTF-8 byte-order mark is skipped, UTF-16 (known by its mark or its zero bytes) is
//! transcoded to UTF-8, a workbook, an archive or a PDF is refused, and the first line is
//! there to decide the separator (`crate::layout`). A quoted field that is still open at the
//! end of the file is detected (the `csv` crate silently reads the rest of the file into it),
//! so that record can be flagged. Text input is read one line per record.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read};

use csv::ByteRecord;

use crate::cli::Encoding;

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How much of the raw input is read ahead to recognise its encoding and kind.
const RAW_HEAD: usize = 512;

/// How much of the text is read ahead, at most, to find its first line.
pub const FIRST_LINE_LIMIT: usize = 64 * 1024;

/// The start of an input, read ahead, and a reader for the rest.
pub struct Peeked {
    head: Vec<u8>,
    rest: Box<dyn Read>,
}

impl Peeked {
    /// Reads `reader` until a line feed is seen, `limit` bytes are read, or the input ends.
    /// Only what the reads returned is kept: nothing is lost, the rest is read later.
    pub fn read(mut reader: Box<dyn Read>, limit: usize) -> io::Result<Peeked> {
        let mut head = Vec::new();
        let mut chunk = [0u8; 8 * 1024];
        while head.len() < limit && !head.contains(&b'\n') {
            let want = chunk.len().min(limit - head.len());
            match reader.read(&mut chunk[..want]) {
                Ok(0) => break,
                Ok(n) => head.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(Peeked { head, rest: reader })
    }

    /// The bytes read ahead.
    pub fn head(&self) -> &[u8] {
        &self.head
    }

    /// The first line, without its line break (all that was read ahead if it had none).
    pub fn first_line(&self) -> &[u8] {
        let end = memchr::memchr2(b'\n', b'\r', &self.head).unwrap_or(self.head.len());
        &self.head[..end]
    }

    /// The whole input again, from its first byte.
    pub fn into_reader(self) -> Box<dyn Read> {
        self.skip(0)
    }

    /// The input after its first line and that line's break (CR, LF or CRLF).
    pub fn skip_first_line(self) -> Box<dyn Read> {
        let mut end = self.first_line().len();
        if self.head[end..].starts_with(b"\r\n") {
            end += 2;
        } else if end < self.head.len() {
            end += 1;
        }
        self.skip(end)
    }

    fn skip(self, from: usize) -> Box<dyn Read> {
        let mut head = self.head;
        head.drain(..from);
        Box::new(io::Cursor::new(head).chain(self.rest))
    }
}

/// An input that is not text at all: a workbook, an archive, a PDF. Reading it as CSV would
/// code its binary garbage as titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotText(pub &'static str);

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for NotText {}

/// What the first bytes of a file say it is, when it is a known kind of file that is not
/// text. The signatures are the formats' own magic numbers.
pub fn not_text(head: &[u8]) -> Option<NotText> {
    let kinds: &[(&[u8], &str)] = &[
        (
            b"PK\x03\x04",
            "it is a ZIP archive, as an Excel workbook (.xlsx) or an OpenDocument spreadsheet \
             (.ods) is, not a CSV file: save the sheet as \"CSV UTF-8\" first",
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "it is an Excel 97-2003 workbook (.xls), not a CSV file: save the sheet as \
             \"CSV UTF-8\" first",
        ),
        (
            b"\x1F\x8B",
            "it is compressed (gzip): decompress it first, or pipe it in \
             (zcat FILE | peermap classify - ...)",
        ),
        (b"BZh", "it is compressed (bzip2): decompress it first"),
        (
            b"\xFD7zXZ\x00",
            "it is compressed (xz): decompress it first",
        ),
        (
            b"\x28\xB5\x2F\xFD",
            "it is compressed (zstd): decompress it first",
        ),
        (b"%PDF-", "it is a PDF document, not a table"),
    ];
    kinds
        .iter()
        .find(|(magic, _)| head.starts_with(magic))
        .map(|(_, what)| NotText(what))
}

/// UTF-16 without a byte-order mark, known by its zero bytes: in text that is mostly Latin
/// letters, digits and punctuation, every other byte is zero.
fn utf16_without_bom(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let pairs = || head.chunks_exact(2).take(RAW_HEAD / 2);
    let n = pairs().len();
    if n < 2 {
        return None;
    }
    let zeros = |i: usize| pairs().filter(|p| p[i] == 0).count() * 10;
    let (mostly, rarely) = (n * 9, n);
    match (zeros(0), zeros(1)) {
        (even, odd) if odd >= mostly && even <= rarely => Some(encoding_rs::UTF_16LE),
        (even, odd) if even >= mostly && odd <= rarely => Some(encoding_rs::UTF_16BE),
        _ => None,
    }
}

/// What [`open_text`] found at the start of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// No byte-order mark: the bytes are read as they are, in the encoding asked for.
    Unmarked,
    /// A UTF-8 byte-order mark (skipped), as Excel's "CSV UTF-8" starts.
    Utf8Mark,
    /// UTF-16, transcoded to UTF-8 as it is read; `marked` when a byte-order mark said so,
    /// rather than its zero bytes.
    Utf16 {
        /// Little-endian (Windows' own order) rather than big-endian.
        little_endian: bool,
        /// A byte-order mark said so.
        marked: bool,
    },
}

impl Found {
    /// What was guessed, for the summary: only UTF-16 without a mark is a guess.
    pub fn guess(self) -> Option<&'static str> {
        match self {
            Found::Utf16 {
                marked: false,
                little_endian: true,
            } => Some("read as UTF-16 little-endian without a byte-order mark"),
            Found::Utf16 {
                marked: false,
                little_endian: false,
            } => Some("read as UTF-16 big-endian without a byte-order mark"),
            _ => None,
        }
    }
}

/// Returns the input as UTF-8 text and what its start said, or says what else it is.
///
/// A UTF-8 byte-order mark is skipped. UTF-16 (Excel's "Unicode text"), known by its mark or,
/// without one, by its zero bytes, is transcoded to UTF-8 as it is read. A workbook, an
/// archive or a PDF is refused with a [`NotText`] error (of kind `InvalidData`), before
/// anything is written.
pub fn open_text(reader: Box<dyn Read>) -> io::Result<(Box<dyn Read>, Found)> {
    let peeked = Peeked::read(reader, RAW_HEAD)?;
    let head = peeked.head();
    if head.starts_with(BOM) {
        return Ok((peeked.skip(BOM.len()), Found::Utf8Mark));
    }
    let (utf16, marked) = match head {
        [0xFF, 0xFE, ..] => (Some(encoding_rs::UTF_16LE), true),
        [0xFE, 0xFF, ..] => (Some(encoding_rs::UTF_16BE), true),
        _ => (utf16_without_bom(head), false),
    };
    if let Some(encoding) = utf16 {
        let found = Found::Utf16 {
            little_endian: encoding == encoding_rs::UTF_16LE,
            marked,
        };
        let text = Utf16Reader::new(peeked.into_reader(), encoding);
        return Ok((Box::new(text), found));
    }
    if let Some(kind) = not_text(head) {
        return Err(io::Error::new(io::ErrorKind::InvalidData, kind));
    }
    Ok((peeked.into_reader(), Found::Unmarked))
}

/// UTF-16 text read as UTF-8. A malformed sequence (a lone surrogate) becomes the byte 0xFF,
/// which is never valid UTF-8, so that its cell gets the verdict `error` with reason
/// `invalid-encoding` instead of a silent replacement character.
struct Utf16Reader {
    inner: Box<dyn Read>,
    decoder: encoding_rs::Decoder,
    raw: Vec<u8>,
    /// Raw bytes read but not decoded yet: `raw[start..end]`.
    start: usize,
    end: usize,
    eof: bool,
    /// The decoder has seen the end of the input.
    finished: bool,
    /// A malformed sequence is still to be marked (there was no room in the last read).
    malformed: bool,
    /// Decoded bytes a short read had no room for.
    spill: Vec<u8>,
}

impl Utf16Reader {
    fn new(inner: Box<dyn Read>, encoding: &'static encoding_rs::Encoding) -> Self {
        Utf16Reader {
            inner,
            // The byte-order mark is consumed by the decoder.
            decoder: encoding.new_decoder_with_bom_removal(),
            raw: vec![0; 64 * 1024],
            start: 0,
            end: 0,
            eof: false,
            finished: false,
            malformed: false,
            spill: Vec::new(),
        }
    }
}

impl Read for Utf16Reader {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if !self.spill.is_empty() {
            let n = self.spill.len().min(out.len());
            out[..n].copy_from_slice(&self.spill[..n]);
            self.spill.drain(..n);
            return Ok(n);
        }
        // The decoder needs room for one whole character: decode into a larger buffer and
        // keep what does not fit.
        if out.len() < 4 {
            let mut small = [0u8; 4];
            let n = self.read(&mut small)?;
            let given = n.min(out.len());
            out[..given].copy_from_slice(&small[..given]);
            self.spill.extend_from_slice(&small[given..n]);
            return Ok(given);
        }
        if std::mem::take(&mut self.malformed) {
            out[0] = 0xFF;
            return Ok(1);
        }
        while !self.finished {
            if self.start == self.end && !self.eof {
                self.start = 0;
                self.end = self.inner.read(&mut self.raw)?;
                self.eof = self.end == 0;
            }
            let input = &self.raw[self.start..self.end];
            let (result, read, written) = self
                .decoder
                .decode_to_utf8_without_replacement(input, out, self.eof);
            self.start += read;
            match result {
                encoding_rs::DecoderResult::Malformed(_, _) => match out.get_mut(written) {
                    Some(marker) => {
                        *marker = 0xFF;
                        return Ok(written + 1);
                    }
                    None => {
                        self.malformed = true;
                        return Ok(written);
                    }
                },
                encoding_rs::DecoderResult::InputEmpty if self.eof => self.finished = true,
                _ => {}
            }
            if written > 0 {
                return Ok(written);
            }
        }
        Ok(0)
    }
}

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
}

impl<R: Read> QuoteTracker<R> {
    /// Wraps `inner`, for fields separated by `delimiter`; its first byte is on line
    /// `first_line` of the input.
    pub fn new(inner: R, delimiter: u8, first_line: u64) -> Self {
        QuoteTracker {
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
        let delimiter = self.delimiter;
        let special = |b: &u8| *b == delimiter || *b == b'"' || term(*b);
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

/// A cell that is not valid in the chosen encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidEncoding {
    /// The byte offset of the first invalid byte in the cell.
    pub at: usize,
    /// That byte.
    pub byte: u8,
}

/// Decodes one cell; UTF-8 is borrowed when valid and never repaired.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<Cow<'_, str>, InvalidEncoding> {
    match encoding {
        Encoding::Utf8 => std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
            let at = e.valid_up_to();
            InvalidEncoding {
                at,
                byte: bytes[at],
            }
        }),
        // Windows-1252 as WHATWG defines it maps every byte: decoding cannot fail.
        Encoding::Windows1252 => Ok(encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// A reader that gives one byte per read, as a slow pipe may.
    struct Trickle(io::Cursor<Vec<u8>>);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let end = buf.len().min(1);
            self.0.read(&mut buf[..end])
        }
    }

    fn read_all(mut reader: Box<dyn Read>) -> Vec<u8> {
        let mut out = Vec::new();
        reader.read_to_end(&mut out).unwrap();
        out
    }

    #[test]
    fn peeking_at_the_first_line_loses_nothing() {
        // (input, first line, what follows it)
        let cases: &[(&[u8], &[u8], &[u8])] = &[
            (b"sep=;\r\nid;t\r\n1;a\r\n", b"sep=;", b"id;t\r\n1;a\r\n"),
            (b"sep=;\nid;t\n", b"sep=;", b"id;t\n"),
            (b"sep=;\rid;t\r", b"sep=;", b"id;t\r"),
            (b"sep=;", b"sep=;", b""),
            (b"", b"", b""),
            (b"\n\nx", b"", b"\nx"),
        ];
        for (input, first, rest) in cases {
            for slow in [false, true] {
                let reader: Box<dyn Read> = if slow {
                    Box::new(Trickle(io::Cursor::new(input.to_vec())))
                } else {
                    Box::new(io::Cursor::new(input.to_vec()))
                };
                let peeked = Peeked::read(reader, FIRST_LINE_LIMIT).unwrap();
                assert_eq!(peeked.first_line(), *first, "{input:?}");
                assert_eq!(read_all(peeked.skip_first_line()), *rest, "{input:?}");
                let again = Peeked::read(Box::new(io::Cursor::new(input.to_vec())), 3).unwrap();
                assert_eq!(read_all(again.into_reader()), *input, "{input:?}");
            }
        }
    }

    proptest::proptest! {
        /// Whatever the bytes and however the reads cut them, what is read ahead is given back:
        /// the first line, its break and the rest are the input.
        #[test]
        fn reading_ahead_gives_every_byte_back(
            input in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(b"\r\n;,\"\0a".to_vec()),
                    proptest::num::u8::ANY,
                ],
                0..3000,
            ),
            slow in proptest::bool::ANY,
            limit in 1usize..100,
        ) {
            let reader = |bytes: Vec<u8>| -> Box<dyn Read> {
                if slow {
                    Box::new(Trickle(io::Cursor::new(bytes)))
                } else {
                    Box::new(io::Cursor::new(bytes))
                }
            };
            let peeked = Peeked::read(reader(input.clone()), limit).unwrap();
            proptest::prop_assert_eq!(read_all(peeked.into_reader()), input.clone());

            let peeked = Peeked::read(reader(input.clone()), FIRST_LINE_LIMIT).unwrap();
            let first = peeked.first_line().to_vec();
            let rest = read_all(peeked.skip_first_line());
            let cut = input.len() - rest.len();
            proptest::prop_assert_eq!(&input[..first.len()], &first[..]);
            proptest::prop_assert!(matches!(
                &input[first.len()..cut],
                b"" | b"\n" | b"\r" | b"\r\n"
            ));
            proptest::prop_assert_eq!(&input[cut..], &rest[..]);

            // Text that is neither marked nor UTF-16 nor a known binary comes out unchanged
            // (judged on the head `open_text` itself sees, which depends on the reads).
            let head = Peeked::read(reader(input.clone()), RAW_HEAD).unwrap().head().to_vec();
            let plain = !head.starts_with(BOM)
                && !head.starts_with(&[0xFF, 0xFE])
                && !head.starts_with(&[0xFE, 0xFF])
                && utf16_without_bom(&head).is_none()
                && not_text(&head).is_none();
            if plain {
                let (text, found) = open_text(reader(input.clone())).unwrap();
                proptest::prop_assert_eq!(read_all(text), input);
                proptest::prop_assert_eq!(found, Found::Unmarked);
            }
        }
    }

    #[test]
    fn files_that_are_not_text_are_named() {
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(&[0; 40]);
        let cases: &[(&[u8], &str)] = &[
            (&zip, "Excel workbook (.xlsx)"),
            (
                b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0",
                "Excel 97-2003 workbook",
            ),
            (b"\x1F\x8B\x08\0", "gzip"),
            (b"%PDF-1.7\n", "PDF"),
        ];
        for (bytes, named) in cases {
            let error = match open_text(Box::new(io::Cursor::new(bytes.to_vec()))) {
                Ok(_) => panic!("{bytes:?} was read as text"),
                Err(e) => e,
            };
            assert_eq!(error.kind(), io::ErrorKind::InvalidData);
            assert!(error.to_string().contains(named), "{error}");
        }
        for text in [&b"PK,title\n"[..], b"id,title\n", b"", b"P"] {
            assert!(not_text(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn utf16_without_a_mark_is_known_by_its_zero_bytes() {
        let text = "id,titre\r\n1,Pair aidante\r\n";
        let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16_without_bom(&little), Some(encoding_rs::UTF_16LE));
        assert_eq!(utf16_without_bom(&big), Some(encoding_rs::UTF_16BE));
        assert_eq!(utf16_without_bom(text.as_bytes()), None);
        assert_eq!(utf16_without_bom(b"a\0"), None, "too short to tell");
        assert_eq!(
            utf16_without_bom(b"a\0b\0c,d,e,f"),
            None,
            "zero bytes here and there"
        );
        for bytes in [little, big] {
            let (reader, found) = open_text(Box::new(io::Cursor::new(bytes))).unwrap();
            assert_eq!(read_all(reader), text.as_bytes());
            assert!(found.guess().is_some_and(|n| n.contains("UTF-16")));
        }
    }

    #[test]
    fn utf16_files_are_read_as_utf8() {
        let text = "id,titre\r\n1,Médiatrice en santé 🙂\r\n";
        let little: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let big: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [little, big] {
            let (mut reader, _) = open_text(Box::new(io::Cursor::new(bytes))).unwrap();
            // One byte at a time, the hardest way to be read.
            let mut read = Vec::new();
            let mut byte = [0u8; 1];
            while reader.read(&mut byte).unwrap() == 1 {
                read.push(byte[0]);
            }
            assert_eq!(String::from_utf8(read).unwrap(), text);
        }
    }

    #[test]
    fn a_lone_surrogate_in_utf16_is_marked_invalid_not_replaced() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "a,"
            .encode_utf16()
            .chain([0xD800])
            .chain("b\n".encode_utf16())
        {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let mut read = Vec::new();
        open_text(Box::new(io::Cursor::new(bytes)))
            .unwrap()
            .0
            .read_to_end(&mut read)
            .unwrap();
        assert_eq!(read, b"a,\xFFb\n");
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

    #[test]
    fn decoding_never_repairs_utf8() {
        assert_eq!(
            decode(b"pair aidant", Encoding::Utf8).unwrap(),
            "pair aidant"
        );
        let err = decode(b"pair aidant \xE9", Encoding::Utf8).unwrap_err();
        assert_eq!((err.at, err.byte), (12, 0xE9));
        assert_eq!(
            decode(b"m\xE9diatrice", Encoding::Windows1252).unwrap(),
            "médiatrice"
        );
    }
}
