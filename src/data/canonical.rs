//! The one canonical layout of a lexicon entry file.
//!
//! Contributors edit the JSON by hand, so two people adding a title to the same role would
//! otherwise produce diffs that differ in key order, wrapping and variant order. The layout
//! fixed here makes adding a variant a one-line diff: keys in the order of the data contract,
//! one variant, code or source per line, variants sorted by their text, profile values in the
//! order of the map's questions. `peermap lexicon fmt` writes it and a test checks it.
//!
//! Formatting never drops data: unknown keys (which the validator rejects separately) are kept
//! after the known ones, in alphabetical order.

use std::cmp::Ordering;

use serde_json::{Map, Value};

use crate::data::lexicon::{CODE_FIELDS, ENTRY_FIELDS, VARIANT_FIELDS};
use crate::data::vocabulary::{RULE_FIELDS, VOCABULARY_FIELDS, WORD_FIELDS};
use crate::model::{Dimension, Tradition};
use crate::support::error::LexiconError;
use crate::support::files::without_bom;

/// The keys of a text given in both languages.
const LANGUAGES: &[&str] = &["en", "fr"];

/// Top-level keys whose object value is written one key per line.
const MULTILINE_OBJECTS: &[&str] = &["definition", "reason", "profile"];

/// Top-level keys whose list value is written one item per line.
const MULTILINE_LISTS: &[&str] = &["variants", "codes", "sources", "evidence", "words"];

/// The layout of a file: an entry of the lexicon, or a code of the qualifier vocabulary
/// (`data/qualifiers/`, recognized by its `category` key).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    Entry,
    Vocabulary,
}

impl Layout {
    fn of(file: &Map<String, Value>) -> Layout {
        if file.contains_key("category") && !file.contains_key("kind") {
            Layout::Vocabulary
        } else {
            Layout::Entry
        }
    }

    fn fields(self) -> &'static [&'static str] {
        match self {
            Layout::Entry => ENTRY_FIELDS,
            Layout::Vocabulary => VOCABULARY_FIELDS,
        }
    }
}

/// Rewrites the text of one entry file in canonical form.
///
/// `file` names the file in the error when `text` is not JSON. The result parses to the same
/// data as `text` except for the order of variants, profile values, traditions and regions,
/// which carry no meaning. Formatting canonical text returns it unchanged.
///
/// ```
/// let messy = r#"{"kind": "not-peer", "id": "x", "variants": [
///     {"lang": "en", "text": "b"}, {"text": "a", "lang": "en"}]}"#;
/// let tidy = peermap::canonical_form("x.json", messy).unwrap();
/// assert_eq!(
///     tidy,
///     "{\n  \"id\": \"x\",\n  \"kind\": \"not-peer\",\n  \"variants\": [\n    \
///      {\"text\": \"a\", \"lang\": \"en\"},\n    {\"text\": \"b\", \"lang\": \"en\"}\n  ]\n}\n"
/// );
/// assert_eq!(peermap::canonical_form("x.json", &tidy).unwrap(), tidy);
/// ```
pub fn canonical_form(file: &str, text: &str) -> Result<String, LexiconError> {
    let value: Value =
        serde_json::from_str(without_bom(text)).map_err(|e| LexiconError::not_json(file, &e))?;
    let mut out = String::with_capacity(text.len() + 64);
    match value {
        Value::Object(entry) => {
            let layout = Layout::of(&entry);
            write_entry(&mut out, sorted_entry(entry), layout)
        }
        other => write_inline(&mut out, &other, &[]),
    }
    out.push('\n');
    Ok(out)
}

/// The object's keys: those of `order` first, in that order, then any others alphabetically.
fn ordered_keys<'m>(obj: &'m Map<String, Value>, order: &[&str]) -> Vec<&'m String> {
    let rank = |key: &str| order.iter().position(|k| *k == key).unwrap_or(order.len());
    let mut keys: Vec<&String> = obj.keys().collect();
    keys.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
    keys
}

/// The key order of the object an entry's field holds (of each item, for lists).
fn order_within(field: &str) -> Vec<&'static str> {
    match field {
        "label" | "definition" | "reason" => LANGUAGES.to_vec(),
        "profile" => Dimension::ALL.iter().map(|d| d.as_str()).collect(),
        "variants" => VARIANT_FIELDS.to_vec(),
        "codes" => CODE_FIELDS.to_vec(),
        "words" => WORD_FIELDS.to_vec(),
        "evidence" => RULE_FIELDS.to_vec(),
        _ => Vec::new(),
    }
}

/// Sorts the lists whose order carries no meaning.
fn sorted_entry(mut entry: Map<String, Value>) -> Map<String, Value> {
    if let Some(Value::Array(traditions)) = entry.get_mut("traditions") {
        sort_codes(traditions, |s| {
            s.parse::<Tradition>().ok().map(Tradition::index)
        });
    }
    if let Some(Value::Object(profile)) = entry.get_mut("profile") {
        for (dimension, values) in profile.iter_mut() {
            if let Value::Array(values) = values {
                sort_codes(values, |s| dimension_rank(dimension, s));
            }
        }
    }
    for list in ["variants", "words"] {
        if let Some(Value::Array(variants)) = entry.get_mut(list) {
            for variant in variants.iter_mut() {
                if let Some(Value::Array(regions)) = variant.get_mut("regions") {
                    regions.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
                }
            }
            variants.sort_by(compare_variants);
        }
    }
    entry
}

/// A value's position in its dimension, so profiles read in the order of the paper's answers.
fn dimension_rank(dimension: &str, code: &str) -> Option<usize> {
    let dimension: Dimension = dimension.parse().ok()?;
    dimension.value_codes().iter().position(|c| *c == code)
}

/// Known codes first in the model's order, then anything else as written (the validator
/// reports it).
fn sort_codes(values: &mut [Value], rank: impl Fn(&str) -> Option<usize>) {
    values.sort_by_key(|v| v.as_str().and_then(&rank).unwrap_or(usize::MAX));
}

/// By text compared case-insensitively (code point order, so "é" sorts after "z"), then by
/// language, then by everything else, so the order never depends on how the file was written.
fn compare_variants(a: &Value, b: &Value) -> Ordering {
    let text = |v: &Value| v.get("text").and_then(Value::as_str).map(str::to_lowercase);
    let lang = |v: &Value| v.get("lang").and_then(Value::as_str).map(str::to_string);
    text(a)
        .cmp(&text(b))
        .then_with(|| lang(a).cmp(&lang(b)))
        .then_with(|| inline(a, VARIANT_FIELDS).cmp(&inline(b, VARIANT_FIELDS)))
}

fn write_entry(out: &mut String, entry: Map<String, Value>, layout: Layout) {
    out.push_str("{\n");
    let keys = ordered_keys(&entry, layout.fields());
    for (i, key) in keys.iter().enumerate() {
        let value = &entry[key.as_str()];
        let order = order_within(key);
        out.push_str("  ");
        write_string(out, key);
        out.push_str(": ");
        match value {
            Value::Object(obj) if MULTILINE_OBJECTS.contains(&key.as_str()) && !obj.is_empty() => {
                write_multiline_object(out, obj, &order)
            }
            Value::Array(items) if MULTILINE_LISTS.contains(&key.as_str()) && !items.is_empty() => {
                write_multiline_list(out, items, &order)
            }
            other => write_inline(out, other, &order),
        }
        if i + 1 < keys.len() {
            out.push(',');
        }
        out.push('\n');
    }
    out.push('}');
}

fn write_multiline_object(out: &mut String, obj: &Map<String, Value>, order: &[&str]) {
    out.push_str("{\n");
    let keys = ordered_keys(obj, order);
    for (i, key) in keys.iter().enumerate() {
        out.push_str("    ");
        write_string(out, key);
        out.push_str(": ");
        write_inline(out, &obj[key.as_str()], &[]);
        out.push_str(if i + 1 < keys.len() { ",\n" } else { "\n" });
    }
    out.push_str("  }");
}

/// `order` is the key order of each item that is an object.
fn write_multiline_list(out: &mut String, items: &[Value], order: &[&str]) {
    out.push_str("[\n");
    for (i, item) in items.iter().enumerate() {
        out.push_str("    ");
        write_inline(out, item, order);
        out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
    }
    out.push_str("  ]");
}

fn inline(value: &Value, order: &[&str]) -> String {
    let mut out = String::new();
    write_inline(&mut out, value, order);
    out
}

/// One line: `{"a": 1, "b": [2, 3]}`, the spacing people type. `order` is the key order of
/// `value` (or of its items) when it is an object; nested objects list their keys
/// alphabetically.
fn write_inline(out: &mut String, value: &Value, order: &[&str]) {
    match value {
        Value::Object(obj) => {
            out.push('{');
            for (i, key) in ordered_keys(obj, order).into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_string(out, key);
                out.push_str(": ");
                write_inline(out, &obj[key.as_str()], &[]);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_inline(out, item, order);
            }
            out.push(']');
        }
        Value::String(s) => write_string(out, s),
        other => out.push_str(&other.to_string()),
    }
}

fn write_string(out: &mut String, s: &str) {
    // serde_json escapes only what JSON requires, so accented titles stay readable.
    out.push_str(&Value::String(s.to_string()).to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> String {
        canonical_form("t.json", text).unwrap()
    }

    #[test]
    fn keys_follow_the_data_contract() {
        let out =
            fmt(r#"{"notes": "n", "variants": [], "id": "a", "label": {"fr": "F", "en": "E"}}"#);
        assert_eq!(
            out,
            "{\n  \"id\": \"a\",\n  \"label\": {\"en\": \"E\", \"fr\": \"F\"},\n  \
             \"variants\": [],\n  \"notes\": \"n\"\n}\n"
        );
    }

    #[test]
    fn profile_values_follow_the_model_and_unknown_values_stay() {
        let out = fmt(r#"{"profile": {"spaces": ["institution", "daily-life"],
                "functions": ["advocacy", "bogus", "relationship-building"]}}"#);
        assert!(out.contains(
            "\"functions\": [\"relationship-building\", \"advocacy\", \"bogus\"],\n    \
             \"spaces\": [\"daily-life\", \"institution\"]\n"
        ));
    }

    #[test]
    fn variants_sort_by_text_then_language() {
        let out = fmt(
            r#"{"variants": [{"text": "Pair aidant", "lang": "fr"}, {"text": "navigator", "lang": "fr"},
                {"text": "Navigator", "lang": "en", "regions": ["US", "CA"]}]}"#,
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[2],
            r#"    {"text": "Navigator", "lang": "en", "regions": ["CA", "US"]},"#
        );
        assert_eq!(lines[3], r#"    {"text": "navigator", "lang": "fr"},"#);
        assert_eq!(lines[4], r#"    {"text": "Pair aidant", "lang": "fr"}"#);
    }

    #[test]
    fn vocabulary_files_have_their_own_key_order_and_sorted_words() {
        let out = fmt(
            r#"{"words": [{"lang": "fr", "text": "rue"}, {"text": "Outreach", "lang": "en"}],
                "label": {"fr": "rue", "en": "street"}, "category": "setting", "code": "street"}"#,
        );
        assert_eq!(
            out,
            "{\n  \"code\": \"street\",\n  \"category\": \"setting\",\n  \
             \"label\": {\"en\": \"street\", \"fr\": \"rue\"},\n  \"words\": [\n    \
             {\"text\": \"Outreach\", \"lang\": \"en\"},\n    {\"text\": \"rue\", \"lang\": \"fr\"}\n  ]\n}\n"
        );
    }

    #[test]
    fn unknown_keys_are_kept_after_known_ones() {
        let out = fmt(r#"{"zeta": 1, "alpha": [true, null], "id": "x"}"#);
        assert_eq!(
            out,
            "{\n  \"id\": \"x\",\n  \"alpha\": [true, null],\n  \"zeta\": 1\n}\n"
        );
    }

    #[test]
    fn text_that_is_not_json_names_the_file() {
        let err = canonical_form("data/broken.json", "{\"id\": ").unwrap_err();
        assert_eq!(err.file(), "data/broken.json");
    }

    #[test]
    fn strings_keep_accents_and_escape_quotes() {
        let out = fmt(r#"{"notes": "médiatrice \"santé\"\n"}"#);
        assert_eq!(out, "{\n  \"notes\": \"médiatrice \\\"santé\\\"\\n\"\n}\n");
    }
}
