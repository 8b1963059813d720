//! `classify`'s answer as JSON lines: one object per row, `row` first, with the full answer or
//! the fields chosen; and the object of a row that could not be coded.

use std::io::{self, Write};

use peermap::{Answer, Dimension, Lexicon};
use serde::Serialize;

use peermap_cli::fields::{self, Field};

/// The `evidence` object of a row that could not be coded: every dimension, empty.
pub struct NoEvidence;

impl Serialize for NoEvidence {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(Dimension::ALL.len()))?;
        for dimension in Dimension::ALL {
            map.serialize_entry(dimension.as_str(), &[(); 0])?;
        }
        map.end()
    }
}

/// An answer as one JSON object, without its braces, ready to follow `"row":N,`: every key
/// of the answer, then the entry's occupational codes as `occupations`, then `"error":null`.
pub fn json_body(answer: &Answer, lexicon: &Lexicon) -> serde_json::Result<String> {
    let text = serde_json::to_string(answer)?;
    let occupations = serde_json::to_string(fields::entry_codes(answer, lexicon))?;
    let body = text
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .unwrap_or_default();
    Ok(format!(
        "{body},\"occupations\":{occupations},\"error\":null"
    ))
}

/// `input` and the chosen fields of an answer as one JSON object without its braces, ready to
/// follow `"row":N,` (`--fields`).
pub fn json_selected_body(
    answer: &Answer,
    lexicon: &Lexicon,
    fields: &[Field],
) -> serde_json::Result<Vec<u8>> {
    let mut text = serde_json::to_vec(&fields::Selected {
        answer,
        lexicon,
        fields,
        input: true,
    })?;
    // `{…}` always: drop the braces in place.
    text.pop();
    text.remove(0);
    Ok(text)
}

/// Writes one JSON line for a coded row.
pub fn write_json_row(out: &mut impl Write, row: u64, body: &[u8]) -> io::Result<()> {
    write!(out, "{{\"row\":{row},")?;
    out.write_all(body)?;
    out.write_all(b"}\n")
}

/// The JSON object of a row that could not be coded: the keys of an answer, empty, plus the
/// reason and the error message.
#[derive(Serialize)]
pub struct JsonErrorRow<'a> {
    /// The 1-based data row.
    pub row: u64,
    /// The title cell, if there was one (invalid bytes shown as U+FFFD).
    pub input: Option<&'a str>,
    /// Always `error`.
    pub verdict: &'static str,
    /// Always null.
    pub role: Option<&'static str>,
    /// Always empty.
    pub lineage: [&'static str; 0],
    /// Always null.
    pub label: Option<&'static str>,
    /// Always empty.
    pub traditions: [&'static str; 0],
    /// Always null: nothing was scored.
    pub score: Option<f64>,
    /// Always null.
    pub method: Option<&'static str>,
    /// Always null.
    pub matched: Option<&'static str>,
    /// Always null.
    pub lang: Option<&'static str>,
    /// Always empty.
    pub candidates: [&'static str; 0],
    /// Every qualifier key, empty.
    pub qualifiers: peermap::Qualifiers,
    /// Every dimension, empty.
    pub profile: peermap::Profile,
    /// Every dimension, empty.
    pub evidence: NoEvidence,
    /// Always empty.
    pub occupations: [&'static str; 0],
    /// The error code: `invalid-encoding`, `missing-column`, `unterminated-quote`,
    /// `unreadable-record`.
    pub reason: &'a str,
    /// Always null.
    pub other_occupation: Option<&'static str>,
    /// Always false.
    pub truncated: bool,
    /// The lexicon version, as on every row.
    pub lexicon_version: &'a str,
    /// What went wrong, for a person, with the line number.
    pub explanation: &'a str,
    /// Same as `explanation`; present (non-null) only on error rows.
    pub error: &'a str,
}

impl<'a> JsonErrorRow<'a> {
    /// An error row.
    pub fn new(
        row: u64,
        input: Option<&'a str>,
        reason: &'a str,
        message: &'a str,
        lexicon_version: &'a str,
    ) -> Self {
        JsonErrorRow {
            row,
            input,
            verdict: "error",
            role: None,
            lineage: [],
            label: None,
            traditions: [],
            score: None,
            method: None,
            matched: None,
            lang: None,
            candidates: [],
            qualifiers: peermap::Qualifiers::default(),
            profile: peermap::Profile::default(),
            evidence: NoEvidence,
            occupations: [],
            reason,
            other_occupation: None,
            truncated: false,
            lexicon_version,
            explanation: message,
            error: message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_rows_are_objects_with_the_row_first() {
        let answer = peermap::classify("Peer navigator");
        let mut out = Vec::new();
        write_json_row(
            &mut out,
            7,
            json_body(&answer, peermap::Lexicon::embedded())
                .unwrap()
                .as_bytes(),
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("{\"row\":7,\"input\":"));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["error"], serde_json::Value::Null);
        let error = JsonErrorRow::new(3, None, "missing-column", "line 4: …", "v");
        let value = serde_json::to_value(&error).unwrap();
        assert_eq!(value["verdict"], "error");
        assert_eq!(value["profile"]["functions"], serde_json::json!([]));
        assert!(value["other_occupation"].is_null());
    }
}
