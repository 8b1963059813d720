//! The background vocabulary: the titles of every occupation, from O*NET, ESCO, NOC/CNP 2021
//! and ROME (the `peermap-occupations` crate), so that a title the lexicon does not explain is
//! named as the occupation it is instead of being taken for the nearest peer role.
//!
//! It takes a title's tokens and gives the longest run of them that is some occupation's title
//! ([`Background::best_span`]), whether a word belongs to any title ([`Background::knows_word`],
//! which stops spelling correction from turning *matron* into *matrone*), and the occupation
//! itself ([`Occupation`]). The data is sorted text searched in place: no setup, no allocation
//! until an occupation is named. The crosswalk weighs what it finds against the lexicon's hit;
//! the lexicon always comes first.

use once_cell::sync::Lazy;
use peermap_occupations as data;
use serde::Serialize;

use crate::index::holds_together;
use crate::model::Lang;
use crate::normalize::Token;

/// The classifications the background is built from, by the bit of a source mask.
pub const OCCUPATION_SOURCES: [&str; 4] = data::SOURCES;

/// At most this many titles of one head are compared with a title ("agent …" has thousands).
const MAX_TITLES_OF_A_HEAD: usize = 2_000;

/// An occupation of the background vocabulary that a title names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Occupation {
    label: String,
    lang: Lang,
    codes: Vec<String>,
}

impl Occupation {
    /// The occupation's label in the classification, in the title's language ("Automotive
    /// Specialty Technicians"); where the classification has no label above its example
    /// titles (NOC/CNP), the title as the classification writes it.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The language of the label (and of the title in the classification).
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// `scheme:code` for every scheme that holds the title (`onet-soc:49-3023.02`,
    /// `isco08:7231`, `esco:7231.1`, `noc2021:72410`, `rome:K1207`).
    pub fn codes(&self) -> &[String] {
        &self.codes
    }
}

/// One occupation record of the data: its source bit, language, codes and label.
struct Record {
    source: u8,
    lang: Lang,
    codes: &'static str,
    label: &'static str,
}

static RECORDS: Lazy<Vec<Record>> = Lazy::new(|| {
    data::OCCUPATIONS
        .lines()
        .map(|line| {
            let mut fields = line.split('\t');
            let mut next = || fields.next().unwrap_or_default();
            let source = next().parse().unwrap_or(0);
            let lang = if next() == "fr" { Lang::Fr } else { Lang::En };
            Record {
                source,
                lang,
                codes: next(),
                label: next(),
            }
        })
        .collect()
});

/// A background title: its line in the sorted keys.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Title {
    ids: &'static str,
    written: &'static str,
}

/// A run of a title's tokens that is a background title.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Span {
    /// Token positions of the first and last word.
    pub first: usize,
    pub last: usize,
    /// How many words (not stop words) it covers.
    pub words: usize,
    pub title: Title,
}

impl Span {
    /// Whether the span covers token `i`.
    pub(crate) fn covers(&self, i: usize) -> bool {
        (self.first..=self.last).contains(&i)
    }
}

/// The background vocabulary, less the classifications left out (to measure it on one).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Background {
    /// Bits of [`OCCUPATION_SOURCES`] left out.
    excluded: u8,
}

impl Background {
    /// The background without the classifications named in `excluded`.
    pub(crate) fn without(excluded: u8) -> Background {
        Background { excluded }
    }

    fn usable(&self, mask: &str) -> bool {
        u8::from_str_radix(mask, 16).is_ok_and(|m| m & !self.excluded != 0)
    }

    /// The background title whose key is `key`, if any.
    pub(crate) fn title(&self, key: &str) -> Option<Title> {
        let line = line_at(data::KEYS, lower_bound(data::KEYS, key));
        let mut fields = line.split('\t');
        if fields.next()? != key || !self.usable(fields.next()?) {
            return None;
        }
        Some(Title {
            ids: fields.next()?,
            written: fields.next().unwrap_or_default(),
        })
    }

    /// Whether some background title's key starts with `prefix` and a space.
    fn extends(&self, prefix: &mut String) -> bool {
        prefix.push(' ');
        let line = line_at(data::KEYS, lower_bound(data::KEYS, prefix));
        let found = line.starts_with(prefix.as_str());
        prefix.pop();
        found
    }

    /// The background title that starts with `head` and shares the most of `words` besides
    /// (the fewest other words where several share as many), with how many it shares; none
    /// shares no word. French titles put the head first ("Agente de l'environnement"), so the
    /// titles of one head sit side by side in the sorted keys.
    pub(crate) fn nearest_with_head(&self, head: &str, words: &[&str]) -> Option<(Title, usize)> {
        let prefix = format!("{head} ");
        let mut at = lower_bound(data::KEYS, &prefix);
        let mut best: Option<(Title, usize, usize)> = None;
        for _ in 0..MAX_TITLES_OF_A_HEAD {
            let line = line_at(data::KEYS, at);
            if !line.starts_with(&prefix) {
                break;
            }
            at += line.len() + 1;
            let mut fields = line.split('\t');
            let (Some(key), Some(mask), Some(ids)) = (fields.next(), fields.next(), fields.next())
            else {
                break;
            };
            if !self.usable(mask) {
                continue;
            }
            let others = key[prefix.len()..].split(' ');
            let (shared, extra) = others.fold((0, 0), |(s, e), w| {
                if words.contains(&w) {
                    (s + 1, e)
                } else {
                    (s, e + 1)
                }
            });
            let better = best.map_or(true, |(_, s, e)| shared > s || (shared == s && extra < e));
            if shared > 0 && better {
                let written = fields.next().unwrap_or_default();
                best = Some((Title { ids, written }, shared, extra));
            }
        }
        best.map(|(title, shared, _)| (title, shared))
    }

    /// Whether `word` (normalized) is a word of some background title.
    pub(crate) fn knows_word(&self, word: &str) -> bool {
        let line = line_at(data::WORDS, lower_bound(data::WORDS, word));
        let mut fields = line.split('\t');
        fields.next() == Some(word) && fields.next().is_some_and(|m| self.usable(m))
    }

    /// The longest run of the title's words (within one part of it) that is a background
    /// title; the first such run where several are as long.
    pub(crate) fn best_span(&self, tokens: &[Token]) -> Option<Span> {
        let mut best: Option<Span> = None;
        for span in self.spans(tokens) {
            if best.map_or(true, |b| span.words > b.words) {
                best = Some(span);
            }
        }
        best
    }

    /// Every run of the title's words (within one part of it) that is a background title, in
    /// the order of their first word.
    pub(crate) fn spans(&self, tokens: &[Token]) -> Vec<Span> {
        let content: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].stop).collect();
        let mut spans = Vec::new();
        let mut key = String::new();
        let capitals = crate::open_world::written_in_capitals(tokens);
        for start in 0..content.len() {
            key.clear();
            for (len, &i) in content[start..].iter().enumerate() {
                if len > 0 {
                    if !holds_together(tokens, &[content[start], i]) || !self.extends(&mut key) {
                        break;
                    }
                    key.push(' ');
                }
                key.push_str(&tokens[i].norm);
                // Acronyms alone name no occupation: "CPS" is a locksmith's credential in O*NET
                // and a dozen other things elsewhere.
                let acronyms = !capitals
                    && content[start..=start + len]
                        .iter()
                        .all(|&j| tokens[j].upper);
                if acronyms {
                    continue;
                }
                if let Some(title) = self.title(&key) {
                    spans.push(Span {
                        first: content[start],
                        last: i,
                        words: len + 1,
                        title,
                    });
                }
            }
        }
        spans
    }

    /// The language of a background title: that of its first occupation still in use.
    pub(crate) fn lang_of(&self, title: Title) -> Lang {
        title
            .ids
            .split(',')
            .filter_map(|id| RECORDS.get(id.parse::<usize>().ok()?))
            .find(|r| self.excluded & (1 << r.source) == 0)
            .map_or(Lang::En, |r| r.lang)
    }

    /// The occupation a background title names: its label in the title's language (`lang`
    /// where the title is in both), and the codes of every scheme that holds it.
    pub(crate) fn occupation(&self, title: Title, lang: Lang) -> Occupation {
        let records: Vec<&Record> = title
            .ids
            .split(',')
            .filter_map(|id| RECORDS.get(id.parse::<usize>().ok()?))
            .filter(|r| self.excluded & (1 << r.source) == 0)
            .collect();
        let chosen = records
            .iter()
            .find(|r| r.lang == lang)
            .or_else(|| records.first());
        let mut codes: Vec<String> = Vec::new();
        for code in records.iter().flat_map(|r| r.codes.split(';')) {
            if !code.is_empty() && !codes.iter().any(|c| c == code) {
                codes.push(code.to_string());
            }
        }
        let label = match chosen {
            Some(r) if !r.label.is_empty() => r.label,
            _ => title.written,
        };
        Occupation {
            label: label.to_string(),
            lang: chosen.map_or(lang, |r| r.lang),
            codes,
        }
    }
}

/// The byte offset of the first line of `blob` (sorted lines, `key \t …`) whose key is not
/// less than `key`; `blob.len()` when there is none. Lines are compared up to their first tab.
fn lower_bound(blob: &str, key: &str) -> usize {
    let bytes = blob.as_bytes();
    let (mut lo, mut hi) = (0, bytes.len());
    // Invariant: every line starting before `lo` is less than `key`; the line starting at
    // `hi` (if any) is not.
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let start = start.max(lo);
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| start + p);
        let line = &blob[start..end];
        let line_key = line.split('\t').next().unwrap_or_default();
        if line_key < key {
            lo = (end + 1).min(bytes.len());
        } else {
            hi = start;
        }
    }
    lo
}

/// The line of `blob` starting at byte `at`, without its newline ("" past the end).
fn line_at(blob: &str, at: usize) -> &str {
    let rest = blob.get(at..).unwrap_or_default();
    rest.split('\n').next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_bound_finds_every_line_and_every_gap() {
        let blob = "b\t1\nd\t2\nf\t3\n";
        let cases = [
            ("a", 0),
            ("b", 0),
            ("c", 4),
            ("d", 4),
            ("e", 8),
            ("f", 8),
            ("g", 12),
        ];
        for (key, at) in cases {
            assert_eq!(lower_bound(blob, key), at, "{key}");
        }
        assert_eq!(lower_bound("", "a"), 0);
        assert_eq!(line_at(blob, 4), "d\t2");
    }

    #[test]
    fn the_shipped_keys_are_sorted_unique_and_normalized() {
        let mut previous = "";
        for line in data::KEYS.lines() {
            let key = line.split('\t').next().unwrap();
            assert!(previous < key, "{previous:?} then {key:?}");
            assert_eq!(
                crate::normalize::normalize(key),
                key,
                "a key normalizes to itself"
            );
            previous = key;
        }
        let mut previous = "";
        for line in data::WORDS.lines() {
            let word = line.split('\t').next().unwrap();
            assert!(previous < word, "{previous:?} then {word:?}");
            previous = word;
        }
    }

    #[test]
    fn every_key_names_occupations_that_exist() {
        for line in data::KEYS.lines() {
            let ids = line.split('\t').nth(2).unwrap();
            for id in ids.split(',') {
                let id: usize = id.parse().unwrap();
                assert!(id < RECORDS.len(), "{line}");
            }
        }
    }
}
