//! What the input is, from its first bytes, before any of it is parsed.
//!
//! The start of the input is read ahead ([`Peeked`]) and given back whole: a UTF-8 byte-order
//! mark is skipped, UTF-16 (known by its mark or its zero bytes) is transcoded to UTF-8, a
//! workbook, an archive or a PDF is refused, and the first line is there to decide the
//! separator (`crate::table::layout`).

use std::io::{self, Read};

use crate::table::utf16::Utf16Reader;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
