//! How `classify` splits its input into rows and cells: the format (CSV, TSV or one title per
//! line) and the character between cells, from the options, the file's extension and the
//! input's first line.
//!
//! Spreadsheets do not all write commas. Excel writes its "CSV" with semicolons wherever the
//! decimal separator is a comma (French, and most of continental Europe), may put a `sep=;`
//! line at the top for the next Excel that opens it, and saves "Text (tab delimited)" and
//! "Unicode text" as `.txt` files with tabs. What the options leave open, the first line
//! decides, and the summary says what was guessed.

use std::path::Path;

use clap::ValueEnum;

/// How `classify` reads its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Comma-separated values with RFC 4180 quoting (or another separator: see --delimiter).
    Csv,
    /// Tab-separated values.
    Tsv,
    /// One title per line, no header.
    Lines,
}

/// The separators looked for in a CSV file's first line; on a tie, the earlier one wins.
const CANDIDATES: [u8; 4] = [b',', b'\t', b';', b'|'];

/// How the input is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// CSV, TSV or lines.
    pub format: InputFormat,
    /// The byte between cells, in the input and in CSV output (unused for lines).
    pub delimiter: u8,
    /// The input starts with Excel's `sep=` line: it is not a row, it is skipped, and CSV
    /// output starts with it again.
    pub sep_line: bool,
    /// What the content decided, for the summary; `None` when the options and the file's
    /// extension were enough.
    pub guessed: Option<String>,
}

impl Layout {
    fn new(format: InputFormat, delimiter: u8) -> Layout {
        Layout {
            format,
            delimiter,
            sep_line: false,
            guessed: None,
        }
    }

    fn guessed(mut self, why: String) -> Layout {
        self.guessed = Some(why);
        self
    }

    /// Decides how to read the input from the options (`format`, `delimiter`), the file's
    /// extension and its first line (without its line break).
    pub fn decide(
        format: Option<InputFormat>,
        delimiter: Option<u8>,
        path: Option<&Path>,
        first_line: &[u8],
    ) -> Layout {
        let format = match format {
            Some(asked) => asked,
            None => match extension(path).as_deref() {
                Some("tsv" | "tab") => InputFormat::Tsv,
                // A .txt file is a table when a separator is asked for or its first line has tabs.
                Some("txt") if delimiter.is_some() => InputFormat::Csv,
                Some("txt") if first_line.contains(&b'\t') => {
                    return Layout::new(InputFormat::Tsv, b'\t')
                        .guessed("read as tab-separated: the first line has tabs".to_string());
                }
                Some("txt") => InputFormat::Lines,
                _ => InputFormat::Csv,
            },
        };
        match format {
            InputFormat::Lines => Layout::new(InputFormat::Lines, b','),
            InputFormat::Tsv => Layout::new(InputFormat::Tsv, delimiter.unwrap_or(b'\t')),
            InputFormat::Csv => csv_layout(delimiter, first_line),
        }
    }
}

/// A CSV layout: the separator asked for, or the one Excel's `sep=` line names, or the one the
/// first line holds most often outside quotes (commas when it holds none).
fn csv_layout(delimiter: Option<u8>, first_line: &[u8]) -> Layout {
    let sep = excel_sep_line(first_line);
    let mut layout = match (delimiter, sep) {
        (Some(asked), _) => Layout::new(InputFormat::Csv, asked),
        (None, Some(named)) => Layout::new(InputFormat::Csv, named).guessed(format!(
            "cells separated by {}, as the sep= line says",
            name(named)
        )),
        (None, None) => match most_frequent_separator(first_line) {
            Some(found) if found != b',' => Layout::new(InputFormat::Csv, found).guessed(format!(
                "cells separated by {}, found in the first line",
                name(found)
            )),
            _ => Layout::new(InputFormat::Csv, b','),
        },
    };
    layout.sep_line = sep.is_some();
    layout
}

/// The separator named by Excel's `sep=` line (`sep=;`), when `line` is one.
pub fn excel_sep_line(line: &[u8]) -> Option<u8> {
    match line {
        [s, e, p, b'=', c] if [*s, *e, *p].eq_ignore_ascii_case(b"sep") && is_separator(*c) => {
            Some(*c)
        }
        _ => None,
    }
}

/// The candidate separator that occurs most often in `line` outside double quotes.
pub fn most_frequent_separator(line: &[u8]) -> Option<u8> {
    let mut counts = [0usize; CANDIDATES.len()];
    let mut quoted = false;
    for &b in line {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(i) = CANDIDATES.iter().position(|&c| c == b) {
                counts[i] += 1;
            }
        }
    }
    let most = *counts.iter().max()?;
    (most > 0).then(|| CANDIDATES[counts.iter().position(|&n| n == most).unwrap_or(0)])
}

/// Whether `b` can separate cells: a tab, or a printable ASCII character that is not a
/// letter, a digit or a quote.
pub fn is_separator(b: u8) -> bool {
    b == b'\t' || ((b' '..=b'~').contains(&b) && !b.is_ascii_alphanumeric() && b != b'"')
}

/// A separator as people call it.
pub fn name(b: u8) -> String {
    match b {
        b',' => "commas".to_string(),
        b';' => "semicolons".to_string(),
        b'\t' => "tabs".to_string(),
        b'|' => "vertical bars".to_string(),
        b' ' => "spaces".to_string(),
        other => format!("\"{}\"", char::from(other).escape_default()),
    }
}

fn extension(path: Option<&Path>) -> Option<String> {
    path.and_then(Path::extension)
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Long only because rustfmt spreads the table of cases, one per rule, over many lines.
    #[test]
    fn the_layout_follows_the_options_then_the_extension_then_the_first_line() {
        use InputFormat::{Csv, Lines, Tsv};
        // (format, delimiter, file, first line) → (format, delimiter, sep line, guessed)
        #[allow(clippy::type_complexity)]
        let cases: &[(
            Option<InputFormat>,
            Option<u8>,
            &str,
            &str,
            InputFormat,
            u8,
            bool,
            bool,
        )] = &[
            (
                None,
                None,
                "a.csv",
                "id,title,unit",
                Csv,
                b',',
                false,
                false,
            ),
            (None, None, "a.csv", "job title", Csv, b',', false, false),
            (
                None,
                None,
                "a.csv",
                "id;titre;service",
                Csv,
                b';',
                false,
                true,
            ),
            (
                None,
                None,
                "a.csv",
                "id;titre,emploi;unité",
                Csv,
                b';',
                false,
                true,
            ),
            (None, None, "a.csv", "\"a;b\",c", Csv, b',', false, false),
            (None, None, "a.csv", "id|title", Csv, b'|', false, true),
            (None, None, "a.csv", "id\ttitle", Csv, b'\t', false, true),
            (None, None, "a.csv", "sep=;", Csv, b';', true, true),
            (None, None, "a.csv", "SEP=|", Csv, b'|', true, true),
            (None, None, "a.csv", "sep=x", Csv, b',', false, false),
            (None, Some(b';'), "a.csv", "a,b", Csv, b';', false, false),
            (None, Some(b','), "a.csv", "sep=;", Csv, b',', true, false),
            (None, None, "a.tsv", "a,b", Tsv, b'\t', false, false),
            (None, None, "a.TSV", "a,b", Tsv, b'\t', false, false),
            (None, None, "a.tab", "a", Tsv, b'\t', false, false),
            (None, None, "a", "a,b", Csv, b',', false, false),
            (
                None,
                None,
                "a.txt",
                "Pair aidante",
                Lines,
                b',',
                false,
                false,
            ),
            (
                None,
                None,
                "a.txt",
                "Peer mentor, youth",
                Lines,
                b',',
                false,
                false,
            ),
            (None, None, "a.txt", "id\ttitre", Tsv, b'\t', false, true),
            (
                None,
                Some(b';'),
                "a.txt",
                "id;titre",
                Csv,
                b';',
                false,
                false,
            ),
            (None, None, "", "id;titre", Csv, b';', false, true),
            (Some(Csv), None, "a.txt", "id;titre", Csv, b';', false, true),
            (Some(Tsv), None, "a.csv", "a;b", Tsv, b'\t', false, false),
            (Some(Lines), None, "a.csv", "a;b", Lines, b',', false, false),
        ];
        for (format, delimiter, file, line, want_format, want_delim, want_sep, want_guess) in cases
        {
            let path = (!file.is_empty()).then(|| Path::new(file));
            let got = Layout::decide(*format, *delimiter, path, line.as_bytes());
            let case = format!("{format:?} {delimiter:?} {file} {line:?}");
            assert_eq!(got.format, *want_format, "{case}");
            assert_eq!(got.delimiter, *want_delim, "{case}");
            assert_eq!(got.sep_line, *want_sep, "{case}");
            assert_eq!(
                got.guessed.is_some(),
                *want_guess,
                "{case}: {:?}",
                got.guessed
            );
        }
    }

    #[test]
    fn separators_are_named_for_people() {
        assert_eq!(name(b';'), "semicolons");
        assert_eq!(name(b'\t'), "tabs");
        assert_eq!(name(b'#'), "\"#\"");
        assert!(is_separator(b';') && is_separator(b'\t') && is_separator(b' '));
        assert!(!is_separator(b'a') && !is_separator(b'"') && !is_separator(b'\n'));
        assert!(!is_separator(0) && !is_separator(0x1B) && !is_separator(0x7F));
        assert!(!is_separator(0xE9));
    }
}
