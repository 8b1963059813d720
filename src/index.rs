//! Finding the lexicon variant that best covers a title.
//!
//! The index maps each variant's folded key to its entries, so a whole-title lookup costs one
//! hash probe and a partial match costs one probe per span of the title, longest span first.
//! Spelling mistakes are corrected word by word through a symmetric-deletion index of the
//! variants' vocabulary (no scan of the lexicon per title), and only in words the lexicon and
//! the qualifier vocabulary do not already know: "proche" is never corrected into "pair".

use std::collections::{HashMap, HashSet};

use crate::lexicon::{Lexicon, Region};
use crate::normalize::{Gap, Token};
use crate::qualifiers;

/// How the matched variant was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// The title is the variant as written (ignoring case and surrounding spaces).
    Exact,
    /// The title, or part of it, equals the variant after normalization.
    Normalized,
    /// A listed acronym, matched as a whole word.
    Abbreviation,
    /// The variant matched after correcting spelling mistakes.
    Fuzzy,
}

impl Method {
    /// `exact`, `normalized`, `abbreviation` or `fuzzy`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Exact => "exact",
            Method::Normalized => "normalized",
            Method::Abbreviation => "abbreviation",
            Method::Fuzzy => "fuzzy",
        }
    }
}

/// Scores by method before qualifiers and unplaced words are weighed.
const EXACT_SCORE: f64 = 1.0;
const NORMALIZED_SCORE: f64 = 0.97;
const ABBREVIATION_SCORE: f64 = 0.92;
const FUZZY_CEILING: f64 = 0.95;

/// Words shorter than this are never spell-corrected (too many near neighbours).
const MIN_CORRECTABLE_LEN: usize = 5;
/// Words longer than this are never spell-corrected (bounds the work per word).
const MAX_CORRECTABLE_LEN: usize = 24;

/// One variant as the index sees it.
#[derive(Debug)]
pub(crate) struct Entry {
    /// Index of the role in the lexicon.
    pub role: usize,
    /// Index of the variant in the role.
    pub variant: usize,
    pub acronym: bool,
    pub regions: Vec<Region>,
}

/// The variants found for the best-covering span of a title.
#[derive(Debug)]
pub(crate) struct Hit {
    /// Entries sharing the matched key (several when it is an ambiguous head or a collision).
    pub entries: Vec<u32>,
    /// Token positions covered by the match.
    pub covered: Vec<bool>,
    pub method: Method,
    pub score: f64,
}

#[derive(Debug, Default)]
pub(crate) struct Index {
    pub entries: Vec<Entry>,
    by_key: HashMap<String, Vec<u32>>,
    by_squashed: HashMap<String, Vec<u32>>,
    /// Words of non-acronym variants: correction targets, never corrected themselves.
    vocabulary: HashSet<String>,
    /// Deletion neighbourhoods of the vocabulary words.
    deletions: HashMap<String, Vec<u32>>,
    words: Vec<String>,
    /// Variant texts, by entry, to tell an exact hit from a normalized one.
    texts: Vec<String>,
    /// The folded words of each entry's variant (none for acronyms), by entry.
    pub variant_words: Vec<Vec<String>>,
    /// The words of each role's variants, by role: the context that can point to a role when
    /// a title's head is shared ("outreach worker" in "Community Health Outreach Worker").
    pub role_words: Vec<HashSet<String>>,
    max_tokens: usize,
}

impl Index {
    pub(crate) fn build(lexicon: &Lexicon) -> Index {
        let mut index = Index::default();
        for (role_at, role) in lexicon.roles().iter().enumerate() {
            index.role_words.push(HashSet::new());
            for (variant_at, variant) in role.variants().iter().enumerate() {
                let key = crate::normalize::normalize(variant.text());
                let id = index.entries.len() as u32;
                index.max_tokens = index.max_tokens.max(key.split(' ').count());
                index.texts.push(variant.text().to_string());
                index
                    .variant_words
                    .push(if variant.is_acronym() || key.is_empty() {
                        Vec::new()
                    } else {
                        key.split(' ').map(str::to_string).collect()
                    });
                index.entries.push(Entry {
                    role: role_at,
                    variant: variant_at,
                    acronym: variant.is_acronym(),
                    regions: variant.regions().to_vec(),
                });
                if variant.is_acronym() {
                    // Acronyms are not stemmed; their plural is listed instead ("CHWs").
                    index.by_key.entry(format!("{key}s")).or_default().push(id);
                } else {
                    index
                        .by_squashed
                        .entry(key.replace(' ', ""))
                        .or_default()
                        .push(id);
                    for word in key.split(' ') {
                        index.vocabulary.insert(word.to_string());
                        index.role_words[role_at].insert(word.to_string());
                    }
                }
                index.by_key.entry(key).or_default().push(id);
            }
        }
        index.build_deletions();
        index
    }

    fn build_deletions(&mut self) {
        let mut words: Vec<String> = self.vocabulary.iter().cloned().collect();
        words.sort();
        for (i, word) in words.iter().enumerate() {
            if word.chars().count() < MIN_CORRECTABLE_LEN {
                continue;
            }
            // The word itself too, so that a probe with one letter too many finds it.
            let neighbourhood = deletions(word, max_edits(word))
                .into_iter()
                .chain([word.clone()]);
            for deletion in neighbourhood {
                self.deletions.entry(deletion).or_default().push(i as u32);
            }
        }
        self.words = words;
    }

    /// Finds the variant that best covers `tokens`, if any.
    pub(crate) fn find(&self, title: &str, tokens: &[Token]) -> Option<Hit> {
        let lower_only = !title.chars().any(char::is_uppercase);
        let norms: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
        if let Some(hit) = self.find_spans(title, tokens, &norms, lower_only) {
            return Some(self.with_method(hit, title, tokens));
        }
        if let Some(mut hit) = self.find_squashed(tokens) {
            hit.method = Method::Normalized;
            hit.score = NORMALIZED_SCORE;
            return Some(hit);
        }
        self.find_fuzzy(title, tokens, lower_only)
    }

    fn with_method(&self, mut hit: Hit, title: &str, tokens: &[Token]) -> Hit {
        let entry = &self.entries[hit.entries[0] as usize];
        let whole = hit.covered.iter().zip(tokens).all(|(c, t)| *c || t.stop);
        hit.method = if entry.acronym {
            Method::Abbreviation
        } else if whole && self.is_exact(title, hit.entries[0]) {
            Method::Exact
        } else {
            Method::Normalized
        };
        hit.score = match hit.method {
            Method::Exact => EXACT_SCORE,
            Method::Abbreviation => ABBREVIATION_SCORE,
            _ => NORMALIZED_SCORE,
        };
        hit
    }

    fn is_exact(&self, title: &str, entry: u32) -> bool {
        self.variant_text(entry).is_some_and(|text| {
            let squeeze = |s: &str| {
                s.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            };
            squeeze(title) == squeeze(text)
        })
    }

    /// A mixed-case acronym ("ExE") matches where the title writes it exactly as listed.
    fn written_as_listed(&self, title: &str, tokens: &[Token], span: &[usize], entry: u32) -> bool {
        let (first, last) = (&tokens[span[0]], &tokens[span[span.len() - 1]]);
        self.variant_text(entry)
            .is_some_and(|text| title.get(first.start..last.end) == Some(text))
    }

    fn variant_text(&self, entry: u32) -> Option<&str> {
        self.texts.get(entry as usize).map(String::as_str)
    }

    /// Longest span first; among equal lengths every hit is kept (the caller resolves them).
    fn find_spans(
        &self,
        title: &str,
        tokens: &[Token],
        norms: &[&str],
        lower_only: bool,
    ) -> Option<Hit> {
        let content: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].stop).collect();
        let longest = self.max_tokens.min(content.len());
        for len in (1..=longest).rev() {
            let mut entries: Vec<u32> = Vec::new();
            let mut covered = vec![false; tokens.len()];
            for start in 0..=content.len() - len {
                let span = &content[start..start + len];
                if !holds_together(tokens, span) {
                    continue;
                }
                let key = span.iter().map(|&i| norms[i]).collect::<Vec<_>>().join(" ");
                let Some(found) = self.by_key.get(&key) else {
                    continue;
                };
                let usable: Vec<u32> = found
                    .iter()
                    .copied()
                    .filter(|&e| {
                        !self.entries[e as usize].acronym
                            || acronym_allowed(tokens, span, lower_only)
                            || self.written_as_listed(title, tokens, span, e)
                    })
                    .collect();
                if usable.is_empty() {
                    continue;
                }
                for &i in span {
                    covered[i] = true;
                }
                for e in usable {
                    if !entries.contains(&e) {
                        entries.push(e);
                    }
                }
            }
            if !entries.is_empty() {
                return Some(Hit {
                    entries,
                    covered,
                    method: Method::Normalized,
                    score: 0.0,
                });
            }
        }
        None
    }

    /// "pairaidant", "pair aidante" written as one word: compare without spaces.
    fn find_squashed(&self, tokens: &[Token]) -> Option<Hit> {
        let content: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].stop).collect();
        let longest = self.max_tokens.min(content.len());
        for len in (1..=longest).rev() {
            for start in 0..=content.len() - len {
                let span = &content[start..start + len];
                if !holds_together(tokens, span) {
                    continue;
                }
                let squashed: String = span.iter().map(|&i| tokens[i].norm.as_str()).collect();
                if let Some(found) = self.by_squashed.get(&squashed) {
                    let mut covered = vec![false; tokens.len()];
                    span.iter().for_each(|&i| covered[i] = true);
                    return Some(Hit {
                        entries: found.clone(),
                        covered,
                        method: Method::Normalized,
                        score: 0.0,
                    });
                }
            }
        }
        None
    }

    /// Corrects unknown words to their nearest vocabulary word, then matches again.
    fn find_fuzzy(&self, title: &str, tokens: &[Token], lower_only: bool) -> Option<Hit> {
        let mut edits = vec![0usize; tokens.len()];
        let mut corrected: Vec<&str> = Vec::with_capacity(tokens.len());
        for (i, token) in tokens.iter().enumerate() {
            match self.correct(token) {
                Some((word, distance)) => {
                    edits[i] = distance;
                    corrected.push(word);
                }
                None => corrected.push(token.norm.as_str()),
            }
        }
        if edits.iter().all(|&e| e == 0) {
            return None;
        }
        let mut hit = self.find_spans(title, tokens, &corrected, lower_only)?;
        let (mut changed, mut length) = (0, 0);
        for (i, covered) in hit.covered.iter().enumerate() {
            if *covered {
                changed += edits[i];
                length += corrected[i].len();
            }
        }
        if changed == 0 {
            return None; // the corrections were outside the match: not a fuzzy match
        }
        let similarity = 1.0 - changed as f64 / length.max(1) as f64;
        hit.method = Method::Fuzzy;
        hit.score = FUZZY_CEILING * similarity;
        Some(hit)
    }

    /// The nearest vocabulary word to an unknown word, with its edit distance.
    fn correct(&self, token: &Token) -> Option<(&str, usize)> {
        let word = token.norm.as_str();
        let len = word.chars().count();
        if token.stop
            || token.upper
            || !(MIN_CORRECTABLE_LEN..=MAX_CORRECTABLE_LEN).contains(&len)
            || word.bytes().any(|b| b.is_ascii_digit())
            || self.vocabulary.contains(word)
            || qualifiers::is_vocabulary_word(word)
        {
            return None;
        }
        let limit = max_edits(word);
        let mut best: Option<(&str, usize)> = None;
        let mut probes = deletions(word, limit);
        probes.push(word.to_string());
        for probe in probes {
            let Some(found) = self.deletions.get(&probe) else {
                continue;
            };
            for &w in found {
                let candidate = self.words[w as usize].as_str();
                let distance = strsim::osa_distance(word, candidate);
                if distance <= limit.min(max_edits(candidate))
                    && best.map_or(true, |(b, d)| (distance, candidate) < (d, b))
                {
                    best = Some((candidate, distance));
                }
            }
        }
        best
    }
}

/// One edit for short words, two from eight letters on.
fn max_edits(word: &str) -> usize {
    if word.chars().count() >= 8 {
        2
    } else {
        1
    }
}

/// Every string obtained by deleting up to `max` characters (the word itself excluded).
fn deletions(word: &str, max: usize) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut out: Vec<String> = Vec::new();
    let mut frontier = vec![word.to_string()];
    for _ in 0..max {
        let mut next = Vec::new();
        for w in &frontier {
            for (at, c) in w.char_indices() {
                let mut d = String::with_capacity(w.len());
                d.push_str(&w[..at]);
                d.push_str(&w[at + c.len_utf8()..]);
                if seen.insert(d.clone()) {
                    out.push(d.clone());
                    next.push(d);
                }
            }
        }
        frontier = next;
    }
    out
}

/// A span may cross spaces, hyphens, stop words and slashes, but not a dash, comma or bracket.
fn holds_together(tokens: &[Token], span: &[usize]) -> bool {
    let (first, last) = (span[0], span[span.len() - 1]);
    tokens[first + 1..=last].iter().all(|t| t.gap != Gap::Hard)
        && tokens[first + 1..=last]
            .iter()
            .all(|t| t.bracketed == tokens[first].bracketed)
}

/// Acronyms match as whole words written in capitals, or in a title with no capitals at all.
fn acronym_allowed(tokens: &[Token], span: &[usize], lower_only: bool) -> bool {
    lower_only || span.iter().all(|&i| tokens[i].upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletions_cover_the_neighbourhood() {
        let d = deletions("peer", 1);
        assert_eq!(d, ["eer", "per", "pee"]);
        assert!(deletions("support", 2).contains(&"suprt".to_string()));
    }

    #[test]
    fn corrects_missing_extra_and_swapped_letters() {
        let lexicon = crate::Lexicon::embedded();
        let index = Index::build(lexicon);
        for typo in ["suport", "supportt", "suppotr", "navigateurr"] {
            let token = &crate::normalize::tokenize(typo)[0];
            assert!(index.correct(token).is_some(), "{typo}");
        }
        let known = &crate::normalize::tokenize("proche")[0];
        assert!(index.correct(known).is_none());
    }

    #[test]
    fn spans_do_not_cross_title_parts() {
        let tokens = crate::normalize::tokenize("Peer - Support Worker");
        assert!(!holds_together(&tokens, &[0, 1]));
        assert!(holds_together(&tokens, &[1, 2]));
    }
}
