//! Text for people that several subcommands print alike, in English or French: aligned
//! label and value lines, and the six questions of the map.
//!
//! Everything is written to a `Write` and returns its I/O error, so a closed pipe
//! (`peermap roles | head`) ends the program quietly instead of panicking.

use std::io::{self, Write};

use peermap::{Dimension, Facet, Lang, Profile};

/// Picks the English or the French text.
pub fn tr(lang: Lang, en: &'static str, fr: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// What an empty field prints.
pub const DASH: &str = "—";

/// What an empty dimension prints: not determined by this title or entry.
pub fn undetermined(lang: Lang) -> &'static str {
    tr(lang, DASH, "non déterminé")
}

/// Writes `label` padded to `width` characters, then `value`.
pub fn field(out: &mut impl Write, width: usize, label: &str, value: &str) -> io::Result<()> {
    let value = if value.is_empty() { DASH } else { value };
    writeln!(out, "{label:<width$}  {value}")
}

/// The label of a value of `dimension`, or its code if the library has none.
pub fn value_label(dimension: Dimension, code: &str, lang: Lang) -> String {
    dimension
        .value_label(code, lang)
        .map_or_else(|| code.to_string(), str::to_string)
}

/// The six questions, grouped by facet, with the values held (and extra lines per dimension).
pub fn questions(
    out: &mut impl Write,
    profile: &Profile,
    lang: Lang,
    extra: &[(Dimension, String)],
) -> io::Result<()> {
    for facet in Facet::ALL {
        writeln!(out, "{}", facet.label(lang))?;
        for dimension in Dimension::ALL.iter().filter(|d| d.facet() == *facet) {
            writeln!(out, "  {}", dimension.question(lang))?;
            let values: Vec<String> = profile
                .codes(*dimension)
                .iter()
                .map(|code| value_label(*dimension, code, lang))
                .collect();
            if values.is_empty() {
                writeln!(out, "    {}", undetermined(lang))?;
            } else {
                writeln!(out, "    {}", values.join(" · "))?;
            }
            for (_, line) in extra.iter().filter(|(d, _)| d == dimension) {
                writeln!(out, "    + {line}")?;
            }
        }
    }
    Ok(())
}

/// Pads `text` to `width` characters (not bytes: labels have accents).
pub fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}
