//! The background vocabulary's data: the titles of every occupation, from O*NET, ESCO,
//! NOC/CNP 2021 and ROME (the `peermap-occupations` crate), as sorted text found through hash
//! tables or a binary search over where its lines start (both computed at build time), and the
//! occupations they name.
//!
//! The matching stage reads it (`matching::background`); nothing here looks at a title.

use std::borrow::Cow;

use once_cell::sync::Lazy;
use peermap_occupations as data;
use serde::Serialize;

use crate::model::Lang;

/// The classifications the background is built from, by the bit of a source mask.
pub const OCCUPATION_SOURCES: [&str; 4] = data::SOURCES;

/// An occupation of the background vocabulary that a title names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Occupation {
    pub(crate) label: String,
    pub(crate) lang: Lang,
    pub(crate) codes: Vec<String>,
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
pub(crate) struct Record {
    pub(crate) source: u8,
    pub(crate) lang: Lang,
    pub(crate) codes: &'static str,
    pub(crate) label: &'static str,
}

pub(crate) static RECORDS: Lazy<Vec<Record>> = Lazy::new(|| {
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

/// Every this many lines, a key is copied into the sample searched first.
const SAMPLE_EVERY: usize = 32;

/// A blob of sorted lines (`key \t …`) with where each line and its key sit.
/// A search looks first in a sample of every 32nd key, copied side by side so that it stays in
/// the cache, then among the 32 lines it points to: a few cache misses, where a binary search
/// over the whole blob would take one per step.
pub(crate) struct SortedLines {
    blob: &'static str,
    /// The data crate's hash table from a key to its line (empty: keys are only searched).
    table: &'static [u8],
    /// Byte offsets of each line's start and of the end of its key (its first tab), as two
    /// little-endian `u32` per line: the data crate's, computed at build time, or found here.
    index: Cow<'static, [u8]>,
    /// The keys of lines 0, 32, 64…, one after another, and where each ends.
    sample: String,
    sample_ends: Vec<u32>,
}

impl SortedLines {
    /// Lines whose index is found by reading the blob once (the tests' check of the build's).
    #[cfg(test)]
    fn new(blob: &'static str) -> SortedLines {
        let mut index = Vec::new();
        let mut start = 0;
        for line in blob.split_terminator('\n') {
            let key = line.split('\t').next().unwrap_or_default();
            index.extend_from_slice(&(start as u32).to_le_bytes());
            index.extend_from_slice(&((start + key.len()) as u32).to_le_bytes());
            start += line.len() + 1;
        }
        SortedLines::with_index(blob, Cow::Owned(index), &[])
    }

    fn with_index(
        blob: &'static str,
        index: Cow<'static, [u8]>,
        table: &'static [u8],
    ) -> SortedLines {
        let mut lines = SortedLines {
            blob,
            table,
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

    #[inline]
    fn len(&self) -> usize {
        self.index.len() / 8
    }

    /// Where line `at` starts and where its key ends.
    #[inline]
    fn entry(&self, at: usize) -> (usize, usize) {
        let word = |i: usize| {
            let bytes: [u8; 4] = self.index[i..i + 4].try_into().unwrap_or_default();
            u32::from_le_bytes(bytes) as usize
        };
        (word(at * 8), word(at * 8 + 4))
    }

    #[inline]
    fn key_at(&self, at: usize) -> &'static str {
        let (start, end) = self.entry(at);
        &self.blob[start..end]
    }

    #[inline]
    fn sampled(&self, j: usize) -> &str {
        let start = j.checked_sub(1).map_or(0, |i| self.sample_ends[i] as usize);
        &self.sample[start..self.sample_ends[j] as usize]
    }

    /// The index of the first line whose key is not less than `key` (the number of lines when
    /// there is none).
    #[inline]
    pub(crate) fn index_of(&self, key: &str) -> usize {
        // Samples before `below` are less than `key`; the others are not.
        let below = first_not_below(0, self.sample_ends.len(), |j| self.sampled(j) < key);
        if below == 0 {
            return 0;
        }
        let first = (below - 1) * SAMPLE_EVERY + 1;
        let last = (below * SAMPLE_EVERY).min(self.len());
        first_not_below(first, last, |at| self.key_at(at) < key)
    }

    /// The line whose key is `key`, by the hash table: a hash and a comparison or two, where a
    /// search would compare a dozen keys scattered over megabytes.
    #[inline]
    pub(crate) fn find(&self, key: &str) -> Option<usize> {
        data::probe(self.table, data::hash(key.as_bytes()), |at| {
            self.key_at(at) == key
        })
    }

    /// Whether some key starts with `words` and a space, by the data crate's set of the keys'
    /// first words (for the keys only). It is a set of fingerprints: a run of words that
    /// starts no key may, once in billions, be said to start one, which only costs the look-up
    /// of a longer run.
    #[inline]
    pub(crate) fn starts_a_key(&self, words: &str) -> bool {
        data::holds(data::PREFIX_TABLE, data::hash(words.as_bytes()))
    }

    /// The field after the key of line `at` (its source mask), read where the key ends.
    #[inline]
    pub(crate) fn second_field(&self, at: usize) -> &'static str {
        let (_, end) = self.entry(at);
        let rest = self.blob.get(end + 1..).unwrap_or_default();
        let len = rest.find(['\t', '\n']).unwrap_or(rest.len());
        &rest[..len]
    }

    /// The key of line `at`.
    #[inline]
    pub(crate) fn key(&self, at: usize) -> Option<&'static str> {
        (at < self.len()).then(|| self.key_at(at))
    }

    /// Line `at`, without its newline.
    #[inline]
    pub(crate) fn line(&self, at: usize) -> Option<&'static str> {
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

/// The first position in `lo..hi` where `below` no longer holds (`hi` if it always does);
/// `below` must hold for a prefix of the range only.
#[inline]
fn first_not_below(mut lo: usize, mut hi: usize, below: impl Fn(usize) -> bool) -> usize {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if below(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

pub(crate) static KEY_LINES: Lazy<SortedLines> = Lazy::new(|| {
    SortedLines::with_index(data::KEYS, Cow::Borrowed(data::KEY_INDEX), data::KEY_TABLE)
});

pub(crate) static WORD_LINES: Lazy<SortedLines> = Lazy::new(|| {
    SortedLines::with_index(
        data::WORDS,
        Cow::Borrowed(data::WORD_INDEX),
        data::WORD_TABLE,
    )
});

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
        assert_eq!((lines.second_field(0), lines.second_field(2)), ("1", "3"));
        assert_eq!((lines.key(3), lines.line(3)), (None, None));
        assert_eq!(SortedLines::new("").index_of("a"), 0);
    }

    #[test]
    fn the_build_time_indexes_are_the_ones_a_scan_finds() {
        for (built, blob) in [(&*KEY_LINES, data::KEYS), (&*WORD_LINES, data::WORDS)] {
            let scanned = SortedLines::new(blob);
            assert_eq!(built.index, scanned.index);
            assert_eq!(built.sample, scanned.sample);
        }
    }

    #[test]
    fn the_hash_tables_find_every_key_word_and_first_words_and_nothing_else() {
        for lines in [&*KEY_LINES, &*WORD_LINES] {
            for at in 0..lines.len() {
                let key = lines.key_at(at);
                assert_eq!(lines.find(key), Some(at), "{key}");
                let longer = format!("{key}\t");
                assert_eq!(lines.find(&longer).map(|n| lines.key_at(n)), None);
            }
        }
        let mut firsts = std::collections::HashSet::new();
        for at in 0..KEY_LINES.len() {
            let key = KEY_LINES.key_at(at);
            for (i, _) in key.match_indices(' ') {
                firsts.insert(&key[..i]);
            }
        }
        for words in &firsts {
            assert!(KEY_LINES.starts_a_key(words), "{words}");
        }
        // A whole key that starts no longer one, and words that start none.
        let last_words = (0..KEY_LINES.len())
            .map(|at| KEY_LINES.key_at(at))
            .find(|k| !firsts.contains(k))
            .expect("some key is no other key's start");
        assert!(!KEY_LINES.starts_a_key(last_words));
        assert!(!KEY_LINES.starts_a_key("zzqx"));
        assert!(!KEY_LINES.starts_a_key(""));
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
