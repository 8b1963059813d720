//! The background vocabulary: the titles of every occupation, from O*NET, ESCO, NOC/CNP 2021
//! and ROME (the `peermap-occupations` crate), so that a title the lexicon does not explain is
//! named as the occupation it is instead of being taken for the nearest peer role.
//!
//! It takes a title's tokens and gives the runs of them that are some occupation's title
//! ([`Background::spans`]), whether a word belongs to any title ([`Background::knows_word`],
//! which stops spelling correction from turning *matron* into *matrone*), and the occupation
//! itself ([`Occupation`]). The data is sorted text, found through hash tables computed at
//! build time (or searched, where the titles of one head are read in order). The crosswalk
//! weighs what it finds against the lexicon's hit; the lexicon always comes first.

use crate::data::occupations::{Occupation, Record, KEY_LINES, RECORDS, WORD_LINES};
use crate::model::Lang;
use crate::normalize::{holds_together, written_in_capitals, Token};

/// Words in capitals up to this long may be acronyms; longer ones are words.
const MAX_ACRONYM_LEN: usize = 5;

/// At most this many titles of one head and second word are compared with a title.
const MAX_TITLES_OF_A_HEAD: usize = 2_000;

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
        let at = KEY_LINES.find(key)?;
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
    fn extends(&self, prefix: &str) -> bool {
        KEY_LINES.starts_a_key(prefix)
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
        WORD_LINES
            .find(word)
            .is_some_and(|at| self.usable(WORD_LINES.second_field(at)))
    }

    /// Every run of the title's words (within one part of it) that is a background title, in
    /// the order of their first word.
    pub(crate) fn spans(&self, tokens: &[Token]) -> Vec<Span> {
        let content: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].stop).collect();
        let mut spans = Vec::new();
        let mut key = String::new();
        let capitals = written_in_capitals(tokens);
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
                        || !self.extends(&key)
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
