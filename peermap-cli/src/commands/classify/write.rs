//! Writing `classify`'s rows, every one, in order: the input's cells with the answer's columns
//! appended (CSV), or one JSON object per row (JSON lines).

use std::borrow::Cow;
use std::io::{self, Write};

use csv::ByteRecord;

use crate::cli::OutputFormat;
use crate::commands::classify::coded::Style;
use crate::commands::classify::csv_cells::{csv_error_cells, csv_header};
use crate::commands::classify::json_lines::{write_json_row, JsonErrorRow};
use crate::table::{
    csv_tail, transcode, write_cell, Background, Encoding, Formulas, RecordMeta, Sink,
};
use peermap_cli::fields;

/// One record as it is written: its cells, where it was read, and its 1-based row number.
pub struct Row<'r> {
    /// The cells, as read.
    pub record: &'r ByteRecord,
    /// Where the record starts in the input.
    pub meta: &'r RecordMeta,
    /// The data row's number, from 1.
    pub number: u64,
}

/// Where the rows go, and how they are written.
pub struct Output<'a> {
    writer: Writer,
    style: Style<'a>,
    /// How the input's cells were decoded, to be written out as UTF-8.
    encoding: Encoding,
    /// The header's width: the input's cells of each row, before the answer's.
    width: usize,
    /// The lexicon's version, which error rows carry too.
    lexicon_version: &'a str,
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

impl<'a> Output<'a> {
    /// Starts writing to `sink`; CSV output starts with Excel's `sep=` line when the input had
    /// one, then the `header` with the answer's columns.
    pub fn open(
        sink: Sink,
        style: Style<'a>,
        encoding: Encoding,
        header: &[Vec<u8>],
        lexicon_version: &'a str,
    ) -> io::Result<Output<'a>> {
        let writer = match style.format {
            OutputFormat::Csv => Writer::Csv(CsvOut::open(sink, style, header)?),
            OutputFormat::Jsonl => Writer::Jsonl(Background::new(sink)),
        };
        Ok(Output {
            writer,
            style,
            encoding,
            width: header.len(),
            lexicon_version,
        })
    }

    /// Writes a coded row; `out` is its answer, rendered.
    pub fn write_coded(&mut self, row: &Row<'_>, out: &[u8]) -> anyhow::Result<()> {
        match &mut self.writer {
            Writer::Csv(csv) => {
                let (fields, extra) = input_cells(row.record, self.width, self.encoding);
                csv.write_row(fields, out, extra)?;
            }
            Writer::Jsonl(sink) => write_json_row(sink, row.number, out)?,
        }
        Ok(())
    }

    /// Writes a row that could not be coded: verdict `error`, the reason, and the message with
    /// the row's line.
    pub fn write_error(
        &mut self,
        row: &Row<'_>,
        reason: &str,
        message: &str,
        input: Option<&str>,
    ) -> anyhow::Result<()> {
        let version = self.lexicon_version;
        let message = format!("line {}: {message}", row.meta.line);
        match &mut self.writer {
            Writer::Csv(csv) => {
                let (fields, extra) = input_cells(row.record, self.width, self.encoding);
                let cells = csv_error_cells(self.style.fields, reason, &message, version);
                let tail = csv_tail(&cells, self.style.delimiter);
                csv.write_row(fields, &tail, extra)?;
            }
            Writer::Jsonl(sink) => {
                let line = JsonErrorRow::new(row.number, input, reason, &message, version);
                write_json_error(sink, &line, self.style)?;
            }
        }
        Ok(())
    }

    /// Writes what is left and finishes the output (for a file, the rename that makes it
    /// appear whole).
    pub fn finish(self) -> anyhow::Result<()> {
        match self.writer {
            Writer::Csv(csv) => csv.sink.finish()?,
            Writer::Jsonl(sink) => sink.finish()?,
        }
        Ok(())
    }
}

/// A record's cells as written out: as many as the header has (empty where the row is
/// short), then those beyond it, after the answer's.
fn input_cells(
    record: &ByteRecord,
    width: usize,
    encoding: Encoding,
) -> (
    impl Iterator<Item = Cow<'_, [u8]>>,
    impl Iterator<Item = Cow<'_, [u8]>>,
) {
    let fields = (0..width).map(move |i| transcode(record.get(i).unwrap_or_default(), encoding));
    let extra = record
        .iter()
        .skip(width)
        .map(move |f| transcode(f, encoding));
    (fields, extra)
}

/// Writes the JSON line of a row that could not be coded: whole, or the chosen fields.
fn write_json_error(
    sink: &mut Background,
    line: &JsonErrorRow,
    style: Style<'_>,
) -> anyhow::Result<()> {
    if style.json_fields {
        let full = serde_json::to_value(line)?;
        let picked = fields::Picked {
            full: &full,
            fields: style.fields,
        };
        serde_json::to_writer(&mut *sink, &picked)?;
    } else {
        serde_json::to_writer(&mut *sink, line)?;
    }
    sink.write_all(b"\n")?;
    Ok(())
}

impl CsvOut {
    /// Starts CSV output: Excel's `sep=` line if the input had one, then the header.
    fn open(sink: Sink, style: Style<'_>, header: &[Vec<u8>]) -> io::Result<CsvOut> {
        let mut csv = CsvOut {
            sink: Background::new(sink),
            delimiter: style.delimiter,
            formulas: style.formulas,
        };
        if style.sep_line {
            let delimiter = style.delimiter;
            csv.sink.append(|line| {
                line.extend_from_slice(b"sep=");
                line.extend_from_slice(&[delimiter, b'\n']);
            })?;
        }
        let names = csv_header(style.fields, style.delimiter);
        csv.write_row(
            header.iter().map(|h| Cow::Borrowed(h.as_slice())),
            &names,
            [],
        )?;
        Ok(csv)
    }

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
                write_cell(line, &field, delimiter, formulas);
            }
            if !first {
                line.push(delimiter);
            }
            line.extend_from_slice(tail);
            for field in extra {
                line.push(delimiter);
                write_cell(line, &field, delimiter, formulas);
            }
            line.push(b'\n');
        })
    }
}
