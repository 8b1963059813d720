//! Reading `classify`'s rows: the input opened (a file or standard input), how to read it
//! decided from its first bytes, and its records read a chunk at a time.

use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::path::Path;

use anyhow::Context as _;
use csv::ByteRecord;

use crate::cli::ClassifyArgs;
use crate::commands::classify::summary::Reporter;
use crate::table::{
    open_text, Encoding, Found, InputFormat, Layout, Peeked, RecordMeta, Source, FIRST_LINE_LIMIT,
};

/// Rows read, then coded on every core, at a time.
const CHUNK_ROWS: usize = 20480;

/// The input opened, not read yet.
pub struct Opened<'a> {
    reader: Box<dyn Read>,
    /// The file's size, for the progress bar; `None` for standard input.
    pub size: Option<u64>,
    /// The file; `None` for standard input.
    path: Option<&'a Path>,
}

impl<'a> Opened<'a> {
    /// Opens the file `args` name, or standard input for `-` or no file.
    pub fn open(args: &'a ClassifyArgs) -> anyhow::Result<Opened<'a>> {
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
        Ok(Opened { reader, size, path })
    }
}

/// The input, ready to be read record by record.
pub struct Input {
    /// The records.
    pub source: Source,
    /// How they are read.
    pub reading: Reading,
}

/// How the input is read, as the options and its first bytes decided.
pub struct Reading {
    /// The file's name, or "standard input", for messages.
    pub what: String,
    /// What the first bytes said of the encoding.
    pub found: Found,
    /// How the input splits into rows and cells.
    pub layout: Layout,
    /// How cells are decoded.
    pub encoding: Encoding,
}

impl Input {
    /// Reads the start of `opened` to decide how to read it (its progress shown by
    /// `reporter`), and returns its records.
    pub fn start(
        opened: Opened<'_>,
        args: &ClassifyArgs,
        reporter: &Reporter,
    ) -> anyhow::Result<Input> {
        let path = opened.path;
        let what = match path {
            Some(p) => p.display().to_string(),
            None => "standard input".to_string(),
        };
        let (text, found) = open_text(reporter.track(opened.reader))
            .with_context(|| format!("cannot read {what}"))?;
        let encoding = reading_encoding(args.encoding, found, reporter);
        let start =
            Peeked::read(text, FIRST_LINE_LIMIT).with_context(|| format!("cannot read {what}"))?;
        let layout = Layout::decide(args.input_format, args.delimiter, path, start.first_line());
        let source = match layout.format {
            InputFormat::Lines => Source::lines(start.into_reader()),
            InputFormat::Csv | InputFormat::Tsv if layout.sep_line => {
                Source::delimited(start.skip_first_line(), layout.delimiter, 2)
            }
            InputFormat::Csv | InputFormat::Tsv => {
                Source::delimited(start.into_reader(), layout.delimiter, 1)
            }
        };
        Ok(Input {
            source,
            reading: Reading {
                what,
                found,
                layout,
                encoding,
            },
        })
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

/// Reads up to [`CHUNK_ROWS`] records (after `first`, if given), reusing `spare` records.
pub fn read_chunk(
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
