//! What `classify` tells the person running it, on standard error: a progress bar on a
//! terminal, the first few damaged rows as they come, and a summary at the end.

use std::io::{self, Read, Write};

use indicatif::{ProgressBar, ProgressStyle};

/// The verdicts counted, in the order the summary prints them.
pub const VERDICTS: &[&str] = &["peer_role", "ambiguous", "not_peer", "unknown", "error"];

/// How many damaged rows are reported one by one before the rest are only counted.
const ROW_WARNINGS: u64 = 10;

/// How many distinct unknown titles are counted exactly before rare ones are dropped.
const UNKNOWN_CAPACITY: usize = 50_000;

/// How many unknown titles the summary lists.
const TOP_UNKNOWN: usize = 10;

/// Counts of unknown titles in bounded memory: when the table is full, titles seen once are
/// dropped (the frequent ones, which the summary lists, survive; their counts may then be
/// slightly low).
#[derive(Debug, Default)]
pub struct UnknownTitles {
    counts: rustc_hash::FxHashMap<String, u64>,
    approximate: bool,
}

impl UnknownTitles {
    /// Counts one occurrence.
    pub fn add(&mut self, title: &str) {
        let title = title.trim();
        if let Some(n) = self.counts.get_mut(title) {
            *n += 1;
            return;
        }
        if self.counts.len() >= UNKNOWN_CAPACITY {
            self.prune();
        }
        self.counts.insert(title.to_string(), 1);
    }

    fn prune(&mut self) {
        let mut floor = 1;
        while self.counts.len() >= UNKNOWN_CAPACITY / 2 {
            self.counts.retain(|_, n| *n > floor);
            floor += 1;
        }
        self.approximate = true;
    }

    /// The most frequent titles, most frequent first (ties in alphabetical order).
    pub fn top(&self, n: usize) -> Vec<(&str, u64)> {
        let mut all: Vec<(&str, u64)> = self.counts.iter().map(|(t, n)| (t.as_str(), *n)).collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        all.truncate(n);
        all
    }
}

/// Everything the summary reports.
#[derive(Debug, Default)]
pub struct Tally {
    /// Data rows written.
    pub rows: u64,
    /// Rows per verdict, in the order of [`VERDICTS`].
    pub verdicts: [u64; 5],
    /// Of the `not_peer` rows, those that name another occupation (the background
    /// vocabulary) rather than a curated look-alike.
    pub other_occupations: u64,
    /// Unknown titles.
    pub unknown: UnknownTitles,
    /// Rows whose title cell is not valid in the chosen encoding.
    pub invalid_encoding: u64,
    /// The input was UTF-16: invalid cells are damage, not a wrong `--encoding`.
    pub utf16: bool,
    /// Rows a person's decision answered, by the decisions file it came from.
    pub decided: std::collections::BTreeMap<String, u64>,
}

impl Tally {
    /// Counts one row with this verdict.
    pub fn count(&mut self, verdict: &str) {
        self.rows += 1;
        if let Some(i) = VERDICTS.iter().position(|v| *v == verdict) {
            self.verdicts[i] += 1;
        }
    }

    /// Rows with verdict `error`.
    pub fn errors(&self) -> u64 {
        self.verdicts[4]
    }

    /// Writes the summary.
    pub fn write(&self, out: &mut impl Write, what: &str, lexicon_version: &str) -> io::Result<()> {
        let rows = self.rows;
        writeln!(
            out,
            "peermap: {rows} row{} coded from {what}, lexicon {lexicon_version}",
            plural(rows)
        )?;
        let share = |n: u64| {
            if rows == 0 {
                0.0
            } else {
                100.0 * n as f64 / rows as f64
            }
        };
        for (verdict, n) in VERDICTS.iter().zip(self.verdicts) {
            writeln!(out, "  {verdict:<10} {n:>10} {:>6.1}%", share(n))?;
            // Split only when the background named some: a closed world has look-alikes only.
            if *verdict == "not_peer" && self.other_occupations > 0 {
                let others = self.other_occupations;
                let curated = n.saturating_sub(others);
                writeln!(out, "    look-alike {curated:>8} {:>6.1}%", share(curated))?;
                writeln!(out, "    occupation {others:>8} {:>6.1}%", share(others))?;
            }
        }
        for (file, n) in &self.decided {
            writeln!(out, "  decided    {n:>10} {:>6.1}%  from {file}", share(*n))?;
        }
        let top = self.unknown.top(TOP_UNKNOWN);
        if !top.is_empty() {
            let note = if self.unknown.approximate {
                " (approximate counts)"
            } else {
                ""
            };
            writeln!(out, "  most frequent unknown titles{note}:")?;
            for (title, n) in top {
                let shown = if title.is_empty() {
                    "(empty)".to_string()
                } else {
                    printable(title)
                };
                writeln!(out, "  {n:>10}  {shown}")?;
            }
        }
        if self.invalid_encoding > 0 {
            let n = self.invalid_encoding;
            let what = if self.utf16 {
                "not valid UTF-16 (unpaired surrogates): the file may be damaged"
            } else {
                "not valid UTF-8; if the file was saved by Excel on Windows, try --encoding windows-1252"
            };
            writeln!(
                out,
                "peermap: {n} row{} {what}",
                if n == 1 { " is" } else { "s are" }
            )?;
        }
        Ok(())
    }
}

/// `text` safe to print on a terminal: control characters (an escape sequence could recolour
/// or rewrite the screen) and the marks that reorder text (U+202A–U+202E, U+2066–U+2069) are
/// shown as escapes, at most 120 characters.
pub fn printable(text: &str) -> String {
    let mut shown = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == 120 {
            shown.push('…');
            break;
        }
        if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
            shown.extend(c.escape_unicode());
        } else {
            shown.push(c);
        }
    }
    shown
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Messages to standard error while rows are coded, kept clear of the progress bar.
pub struct Reporter {
    bar: Option<ProgressBar>,
    warned: u64,
}

impl Reporter {
    /// A reporter, with a progress bar over `total` bytes if there is one to show.
    pub fn new(total: Option<u64>) -> Reporter {
        let bar = total.map(|len| {
            let bar = ProgressBar::new(len);
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} {percent:>3}% [{wide_bar}] {bytes}/{total_bytes} eta {eta}",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Reporter { bar, warned: 0 }
    }

    /// Wraps the input so the bar follows the bytes read.
    pub fn track(&self, reader: Box<dyn Read>) -> Box<dyn Read> {
        match &self.bar {
            Some(bar) => Box::new(bar.wrap_read(reader)),
            None => reader,
        }
    }

    /// Reports a damaged row (the first few only).
    pub fn row_error(&mut self, row: u64, line: u64, reason: &str, message: &str) {
        self.warned += 1;
        if self.warned <= ROW_WARNINGS {
            self.say(&format!(
                "peermap: warning: row {row} (line {line}): {reason}: {message}"
            ));
        }
    }

    /// Clears the bar and reports how many damaged rows were not reported one by one.
    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        if self.warned > ROW_WARNINGS {
            let more = self.warned - ROW_WARNINGS;
            eprintln!(
                "peermap: warning: … and {more} more row{} with verdict error",
                plural(more)
            );
        }
    }

    /// Prints a warning line.
    pub fn warn(&self, text: &str) {
        self.say(text);
    }

    fn say(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{text}")),
            None => eprintln!("{text}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_printed_without_terminal_controls() {
        assert_eq!(printable("Peer Mentor"), "Peer Mentor");
        assert_eq!(printable("\u{1b}[31mRed"), "\\u{1b}[31mRed");
        assert_eq!(printable("a\u{202e}b\0"), "a\\u{202e}b\\u{0}");
        assert_eq!(printable(&"x".repeat(500)).chars().count(), 121);
    }

    #[test]
    fn unknown_titles_stay_bounded_and_keep_the_frequent_ones() {
        let mut titles = UnknownTitles::default();
        for _ in 0..5 {
            titles.add("Accountant");
        }
        for i in 0..(UNKNOWN_CAPACITY * 2) {
            titles.add(&format!("title {i}"));
        }
        assert!(titles.counts.len() <= UNKNOWN_CAPACITY);
        assert_eq!(titles.top(1), [("Accountant", 5)]);
        assert!(titles.approximate);
    }

    #[test]
    fn not_peer_rows_are_split_when_the_background_named_some() {
        let mut tally = Tally::default();
        for _ in 0..3 {
            tally.count("not_peer");
        }
        tally.count("peer_role");
        let text = |tally: &Tally| {
            let mut out = Vec::new();
            tally.write(&mut out, "x.csv", "v").unwrap();
            String::from_utf8(out).unwrap()
        };
        assert!(!text(&tally).contains("occupation"));
        tally.other_occupations = 2;
        let shown = text(&tally);
        assert!(shown.contains("    look-alike        1   25.0%"), "{shown}");
        assert!(shown.contains("    occupation        2   50.0%"), "{shown}");
    }

    #[test]
    fn the_summary_lists_every_verdict() {
        let mut tally = Tally::default();
        tally.count("peer_role");
        tally.count("error");
        tally.invalid_encoding = 1;
        tally.unknown.add(" Accountant ");
        let mut out = Vec::new();
        tally.write(&mut out, "x.csv", "v").unwrap();
        let text = String::from_utf8(out).unwrap();
        for verdict in VERDICTS {
            assert!(text.contains(verdict), "{text}");
        }
        assert!(text.contains("50.0%"));
        assert!(text.contains("Accountant"));
        assert!(text.contains("--encoding windows-1252"));
    }
}
