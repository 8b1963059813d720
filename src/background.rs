//! The background vocabulary: the titles of every occupation, from O*NET, ESCO, NOC/CNP 2021
//! and ROME (the `peermap-occupations` crate), so that a title the lexicon does not explain is
//! named as the occupation it is instead of being taken for the nearest peer role.
//!
//! It takes a title's tokens and gives the runs of them that are some occupation's title
//! ([`Background::spans`]), whether a word belongs to any title ([`Background::knows_word`],
//! which stops spelling correction from turning *matron* into *matrone*), and the occupation
//! itself ([`Occupation`]). The data is sorted text, searched by a binary search over where
//! its lines start (found once, on first use). The crosswalk weighs what it finds against the lexicon's hit;
//! the lexicon always comes first.

use std::borrow::Cow;

use once_cell::sync::Lazy;
use peermap_occupations as data;
use serde::Serialize;

use crate::index::holds_together;
use crate::model::Lang;
use crate::normalize::Token;

/// The classifications the background is built from, by the bit of a source mask.
pub const OCCUPATION_SOURCES: [&str; 4] = data::SOURCES;

/// Words in capitals up to this long may be acronyms; longer ones are words.
const MAX_ACRONYM_LEN: usize = 5;

/// At most this many titles of one head and second word are compared with a title.
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
        let at = KEY_LINES.index_of(key);
        if KEY_LINES.key(at)? != key {
            return None;
        }
        let mut fields = KEY_LINES.line(at)?.split('\t').skip(1);
        if !self.usable(fields.next()?) {
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
        let found = KEY_LINES
            .key(KEY_LINES.index_of(prefix))
            .is_some_and(|k| k.starts_with(prefix.as_str()));
        prefix.pop();
        found
    }

    /// The background title that starts with `head` and shares the most of `words` besides
    /// (the fewest other words where several share as many), with how many it shares; none
    /// shares no word. French titles put the head first ("Agente de l'environnement"), so the
    /// titles of one head sit side by side in the sorted keys; only those whose second word is
    /// one of `words` are compared ("agent …" has over a thousand titles).
    pub(crate) fn nearest_with_head(&self, head: &str, words: &[&str]) -> Option<(Title, usize)> {
        let mut best: Option<(usize, usize, usize)> = None;
        let mut prefix = String::new();
        for second in words {
            prefix.clear();
            prefix.push_str(head);
            prefix.push(' ');
            prefix.push_str(second);
            let first = KEY_LINES.index_of(&prefix);
            for at in first..first + MAX_TITLES_OF_A_HEAD {
                let Some(key) = KEY_LINES.key(at).filter(|k| {
                    k.strip_prefix(prefix.as_str())
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
                }) else {
                    break;
                };
                let (shared, extra) = key[head.len() + 1..].split(' ').fold((0, 0), |(s, e), w| {
                    if words.contains(&w) {
                        (s + 1, e)
                    } else {
                        (s, e + 1)
                    }
                });
                let better =
                    best.map_or(true, |(_, s, e)| shared > s || (shared == s && extra < e));
                // The line's fields are read only for a title that would win.
                if better && self.title(key).is_some() {
                    best = Some((at, shared, extra));
                }
            }
        }
        let (at, shared, _) = best?;
        Some((self.title(KEY_LINES.key(at)?)?, shared))
    }

    /// Whether `word` (normalized) is a word of some background title.
    pub(crate) fn knows_word(&self, word: &str) -> bool {
        let at = WORD_LINES.index_of(word);
        WORD_LINES.key(at) == Some(word)
            && WORD_LINES
                .line(at)
                .and_then(|line| line.split('\t').nth(1))
                .is_some_and(|m| self.usable(m))
    }

    /// Every run of the title's words (within one part of it) that is a background title, in
    /// the order of their first word.
    pub(crate) fn spans(&self, tokens: &[Token]) -> Vec<Span> {
        let content: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].stop).collect();
        let mut spans = Vec::new();
        let mut key = String::new();
        let capitals = crate::open_world::written_in_capitals(tokens);
        // A title holds only words of some title: the others start and extend no span.
        let known: Vec<bool> = content
            .iter()
            .map(|&i| self.knows_word(&tokens[i].norm))
            .collect();
        for start in 0..content.len() {
            if !known[start] {
                continue;
            }
            key.clear();
            for (len, &i) in content[start..].iter().enumerate() {
                if len > 0 {
                    if !known[start + len]
                        || !holds_together(tokens, &[content[start], i])
                        || !self.extends(&mut key)
                    {
                        break;
                    }
                    key.push(' ');
                }
                key.push_str(&tokens[i].norm);
                // Acronyms alone name no occupation: "CPS" is a locksmith's credential in O*NET
                // and a dozen other things elsewhere. A long word in capitals ("LINGUIST") is a
                // word, not an acronym.
                let acronyms = !capitals
                    && content[start..=start + len].iter().all(|&j| {
                        tokens[j].upper && tokens[j].norm.chars().count() <= MAX_ACRONYM_LEN
                    });
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

/// The longest of a title's spans (see [`Background::spans`]); the first where several are as
/// long.
pub(crate) fn longest(spans: &[Span]) -> Option<Span> {
    let mut best: Option<Span> = None;
    for &span in spans {
        if best.map_or(true, |b| span.words > b.words) {
            best = Some(span);
        }
    }
    best
}

/// Every this many lines, a key is copied into the sample searched first.
const SAMPLE_EVERY: usize = 32;

/// A blob of sorted lines (`key \t …`) with where each line and its key sit.
/// A search looks first in a sample of every 32nd key, copied side by side so that it stays in
/// the cache, then among the 32 lines it points to: a few cache misses, where a binary search
/// over the whole blob would take one per step.
struct SortedLines {
    blob: &'static str,
    /// Byte offsets of each line's start and of the end of its key (its first tab), as two
    /// little-endian `u32` per line: the data crate's, computed at build time, or found here.
    index: Cow<'static, [u8]>,
    /// The keys of lines 0, 32, 64…, one after another, and where each ends.
    sample: String,
    sample_ends: Vec<u32>,
}

impl SortedLines {
    /// Lines whose index is found by reading the blob once.
    fn new(blob: &'static str) -> SortedLines {
        let mut index = Vec::new();
        let mut start = 0;
        for line in blob.split_terminator('\n') {
            let key = line.split('\t').next().unwrap_or_default();
            index.extend_from_slice(&(start as u32).to_le_bytes());
            index.extend_from_slice(&((start + key.len()) as u32).to_le_bytes());
            start += line.len() + 1;
        }
        SortedLines::with_index(blob, Cow::Owned(index))
    }

    fn with_index(blob: &'static str, index: Cow<'static, [u8]>) -> SortedLines {
        let mut lines = SortedLines {
            blob,
            index,
            sample: String::new(),
            sample_ends: Vec::new(),
        };
        for at in (0..lines.len()).step_by(SAMPLE_EVERY) {
            let (start, end) = lines.entry(at);
            lines.sample.push_str(&blob[start..end]);
            lines.sample_ends.push(lines.sample.len() as u32);
        }
        lines
    }

    fn len(&self) -> usize {
        self.index.len() / 8
    }

    /// Where line `at` starts and where its key ends.
    fn entry(&self, at: usize) -> (usize, usize) {
        let word = |i: usize| {
            let bytes: [u8; 4] = self.index[i..i + 4].try_into().unwrap_or_default();
            u32::from_le_bytes(bytes) as usize
        };
        (word(at * 8), word(at * 8 + 4))
    }

    fn key_at(&self, at: usize) -> &'static str {
        let (start, end) = self.entry(at);
        &self.blob[start..end]
    }

    fn sampled(&self, j: usize) -> &str {
        let start = j.checked_sub(1).map_or(0, |i| self.sample_ends[i] as usize);
        &self.sample[start..self.sample_ends[j] as usize]
    }

    /// The index of the first line whose key is not less than `key` (the number of lines when
    /// there is none).
    fn index_of(&self, key: &str) -> usize {
        // Samples before `below` are less than `key`; the others are not.
        let (mut lo, mut hi) = (0, self.sample_ends.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.sampled(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let below = lo;
        if below == 0 {
            return 0;
        }
        let first = (below - 1) * SAMPLE_EVERY + 1;
        let last = (below * SAMPLE_EVERY).min(self.len());
        let (mut lo, mut hi) = (first, last);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.key_at(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The key of line `at`.
    fn key(&self, at: usize) -> Option<&'static str> {
        (at < self.len()).then(|| self.key_at(at))
    }

    /// Line `at`, without its newline.
    fn line(&self, at: usize) -> Option<&'static str> {
        if at >= self.len() {
            return None;
        }
        let (start, _) = self.entry(at);
        let end = if at + 1 < self.len() {
            self.entry(at + 1).0
        } else {
            self.blob.len()
        };
        Some(self.blob[start..end].trim_end_matches('\n'))
    }
}

static KEY_LINES: Lazy<SortedLines> =
    Lazy::new(|| SortedLines::with_index(data::KEYS, Cow::Borrowed(data::KEY_INDEX)));
static WORD_LINES: Lazy<SortedLines> = Lazy::new(|| SortedLines::new(data::WORDS));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_lines_find_every_line_and_every_gap() {
        let lines = SortedLines::new("b\t1\nd\t2\nf\t3\n");
        let cases = [
            ("a", 0),
            ("b", 0),
            ("c", 1),
            ("d", 1),
            ("e", 2),
            ("f", 2),
            ("g", 3),
        ];
        for (key, at) in cases {
            assert_eq!(lines.index_of(key), at, "{key}");
        }
        // Across the sample's blocks: every line and every gap of a longer blob.
        let text: String = (0..200).map(|n| format!("k{n:04}\t{n}\n")).collect();
        let many = SortedLines::new(Box::leak(text.into_boxed_str()));
        for n in 0..200 {
            assert_eq!(many.index_of(&format!("k{n:04}")), n);
            assert_eq!(many.index_of(&format!("k{n:04}a")), n + 1);
        }
        assert_eq!(many.index_of("a"), 0);
        assert_eq!(many.index_of("z"), 200);
        assert_eq!((lines.key(1), lines.line(1)), (Some("d"), Some("d\t2")));
        assert_eq!((lines.key(3), lines.line(3)), (None, None));
        assert_eq!(SortedLines::new("").index_of("a"), 0);
    }

    #[test]
    fn the_build_time_index_of_the_keys_is_the_one_a_scan_finds() {
        let scanned = SortedLines::new(data::KEYS);
        assert_eq!(KEY_LINES.index, scanned.index);
        assert_eq!(KEY_LINES.sample, scanned.sample);
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
