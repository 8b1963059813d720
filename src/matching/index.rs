//! Finding the lexicon variant that best covers a title.
//!
//! The index maps each variant's folded key to its entries, so a whole-title lookup costs one
//! hash probe and a partial match costs one probe per span of the title, longest span first.
//! Spelling mistakes are corrected word by word through a symmetric-deletion index of the
//! variants' vocabulary (no scan of the lexicon per title), and only in words the lexicon and
//! the qualifier vocabulary do not already know: "proche" is never corrected into "pair".
//!
//! It takes a title's tokens and gives the best [`Hit`]: the entries sharing the matched key,
//! the words covered, the [`Method`] and its score; `resolve` chooses among the entries.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::data::lexicon::Lexicon;
use crate::data::region::Region;
use crate::normalize::{holds_together, Token};
use crate::qualifiers;
use once_cell::sync::OnceCell;

use crate::support::hash::{FastMap, FastSet};

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
    /// A peer marker beside a helping head ("peer wellness specialist"), from the
    /// composition families rather than one variant.
    Composed,
    /// The title is another occupation's, from the background vocabulary.
    Occupation,
    /// A person decided this title (a decisions file given to the crosswalk).
    Decision,
}

impl Method {
    /// `exact`, `normalized`, `abbreviation`, `fuzzy`, `composed`, `occupation` or `decision`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Exact => "exact",
            Method::Normalized => "normalized",
            Method::Abbreviation => "abbreviation",
            Method::Fuzzy => "fuzzy",
            Method::Composed => "composed",
            Method::Occupation => "occupation",
            Method::Decision => "decision",
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

/// At most this many entries are kept for one hit and scored against each other: it bounds
/// the work of a title that repeats many shared heads, whatever a user's lexicon holds. No key
/// of the embedded lexicon comes near it (a test checks it).
const MAX_ENTRIES_PER_HIT: usize = 32;

/// The per-thread memo of corrections is emptied when it holds this many words (about 2 MB).
const NEAREST_MEMO_WORDS: usize = 1 << 16;

/// Unknown words and their nearest vocabulary word (position in `words`, distance), if any.
type NearestMemo = FastMap<Box<str>, Option<(u32, u8)>>;

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

/// The vocabulary words, sorted, and the deletion neighbourhoods that find them.
#[derive(Debug, Default)]
struct Corrections {
    /// Deletion neighbourhoods of the vocabulary words, to positions in `words`.
    deletions: FastMap<String, Vec<u32>>,
    words: Vec<String>,
}

impl Corrections {
    fn of(vocabulary: &FastSet<String>) -> Corrections {
        let mut words: Vec<String> = vocabulary.iter().cloned().collect();
        words.sort();
        let mut deletions: FastMap<String, Vec<u32>> = FastMap::default();
        for (i, word) in words.iter().enumerate() {
            if word.chars().count() < MIN_CORRECTABLE_LEN {
                continue;
            }
            // The word itself too, so that a probe with one letter too many finds it.
            let neighbourhood = self::deletions(word, max_edits(word))
                .into_iter()
                .chain([word.clone()]);
            for deletion in neighbourhood {
                deletions.entry(deletion).or_default().push(i as u32);
            }
        }
        Corrections { deletions, words }
    }
}

#[derive(Debug, Default)]
pub(crate) struct Index {
    /// Tells indexes apart in the per-thread memo of corrections (see `nearest_memoized`).
    id: u64,
    pub entries: Vec<Entry>,
    by_key: FastMap<String, Vec<u32>>,
    by_squashed: FastMap<String, Vec<u32>>,
    /// Words of non-acronym variants: correction targets, never corrected themselves.
    vocabulary: FastSet<String>,
    /// What spelling correction probes, built on its first use: a file of titles written as
    /// the lexicon writes them never needs it, and building it is a third of the start-up.
    corrections: OnceCell<Corrections>,
    /// Variant texts, by entry, to tell an exact hit from a normalized one.
    texts: Vec<String>,
    /// The folded words of each entry's variant (none for acronyms), by entry.
    pub variant_words: Vec<Vec<String>>,
    /// The words of each role's variants, by role: the context that can point to a role when
    /// a title's head is shared ("outreach worker" in "Community Health Outreach Worker").
    pub role_words: Vec<FastSet<String>>,
    /// For each role (by position), the roles narrower than it at any depth, by position.
    pub narrower: Vec<Vec<usize>>,
    /// For each role (by position), its entries.
    pub entries_of: Vec<Vec<u32>>,
    /// Role positions by id.
    pub role_at: FastMap<String, usize>,
    max_tokens: usize,
}

impl Index {
    pub(crate) fn build(lexicon: &Lexicon) -> Index {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        let mut index = Index {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            ..Index::default()
        };
        for (role_at, role) in lexicon.roles().iter().enumerate() {
            index.role_words.push(FastSet::default());
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
        index.build_role_tables(lexicon);
        index
    }

    fn build_role_tables(&mut self, lexicon: &Lexicon) {
        let roles = lexicon.roles();
        self.role_at = roles
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id().to_string(), i))
            .collect();
        self.narrower = vec![Vec::new(); roles.len()];
        for (i, role) in roles.iter().enumerate() {
            for ancestor in lexicon.lineage(role.id()).into_iter().skip(1) {
                if let Some(&a) = self.role_at.get(ancestor) {
                    self.narrower[a].push(i);
                }
            }
        }
        self.entries_of = vec![Vec::new(); roles.len()];
        for (e, entry) in self.entries.iter().enumerate() {
            self.entries_of[entry.role].push(e as u32);
        }
    }

    /// The keys a table can answer whole, with their entries and whether they are acronyms:
    /// keys whose entries are all words, or all acronyms (a key shared by both is left to the
    /// whole path).
    pub(crate) fn whole_keys(&self) -> impl Iterator<Item = (&str, &[u32], bool)> {
        self.by_key.iter().filter_map(|(key, entries)| {
            let acronyms = entries
                .iter()
                .filter(|&&e| self.entries[e as usize].acronym)
                .count();
            (acronyms == 0 || acronyms == entries.len()).then_some((
                key.as_str(),
                entries.as_slice(),
                acronyms > 0,
            ))
        })
    }

    /// The hit of a title made of exactly one key's words: every token covered.
    pub(crate) fn whole_hit(&self, entries: &[u32], tokens: usize, method: Method) -> Hit {
        Hit {
            entries: entries.to_vec(),
            covered: vec![true; tokens],
            method,
            score: match method {
                Method::Exact => EXACT_SCORE,
                Method::Abbreviation => ABBREVIATION_SCORE,
                _ => NORMALIZED_SCORE,
            },
        }
    }

    /// Finds the variant that best covers `tokens`, if any. `known` tells the words that some
    /// other occupation's title holds: they are real words, never spelling mistakes.
    pub(crate) fn find(
        &self,
        title: &str,
        tokens: &[Token],
        known: &dyn Fn(&str) -> bool,
    ) -> Option<Hit> {
        // Whether the title is written all in lower case (then acronyms may be too): asked
        // only when an acronym is about to match.
        let lower_only = LowerOnly::new(title);
        let norms: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
        if let Some(hit) = self.find_spans(title, tokens, &norms, &lower_only) {
            return Some(self.with_method(hit, title, tokens));
        }
        if let Some(mut hit) = self.find_squashed(tokens) {
            hit.method = Method::Normalized;
            hit.score = NORMALIZED_SCORE;
            return Some(hit);
        }
        self.find_fuzzy(title, tokens, &lower_only, known)
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

    /// Whether the title is the variant as written, but for case and spacing.
    pub(crate) fn is_exact(&self, title: &str, entry: u32) -> bool {
        self.variant_text(entry).is_some_and(|text| {
            let mut a = title.split_whitespace();
            let mut b = text.split_whitespace();
            loop {
                match (a.next(), b.next()) {
                    (None, None) => return true,
                    (Some(x), Some(y)) if same_but_case(x, y) => {}
                    _ => return false,
                }
            }
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
        lower_only: &LowerOnly<'_>,
    ) -> Option<Hit> {
        let content: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].stop).collect();
        let longest = self.max_tokens.min(content.len());
        // One key buffer for every span tried: a title's spans cost no allocation each.
        let mut key = String::with_capacity(title.len());
        let mut covered = vec![false; tokens.len()];
        let mut entries: Vec<u32> = Vec::new();
        for len in (1..=longest).rev() {
            for start in 0..=content.len() - len {
                let span = &content[start..start + len];
                if !holds_together(tokens, span) {
                    continue;
                }
                key.clear();
                for (j, &i) in span.iter().enumerate() {
                    if j > 0 {
                        key.push(' ');
                    }
                    key.push_str(norms[i]);
                }
                let Some(found) = self.by_key.get(key.as_str()) else {
                    continue;
                };
                let mut any = false;
                for &e in found {
                    let usable = !self.entries[e as usize].acronym
                        || acronym_allowed(tokens, span, lower_only.get())
                        || self.written_as_listed(title, tokens, span, e);
                    if usable {
                        any = true;
                        if !entries.contains(&e) && entries.len() < MAX_ENTRIES_PER_HIT {
                            entries.push(e);
                        }
                    }
                }
                if any {
                    for &i in span {
                        covered[i] = true;
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
    fn find_fuzzy(
        &self,
        title: &str,
        tokens: &[Token],
        lower_only: &LowerOnly<'_>,
        known: &dyn Fn(&str) -> bool,
    ) -> Option<Hit> {
        let mut edits = vec![0usize; tokens.len()];
        let mut corrected: Vec<&str> = Vec::with_capacity(tokens.len());
        for (i, token) in tokens.iter().enumerate() {
            match self.correct(token, known) {
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
    fn correct(&self, token: &Token, known: &dyn Fn(&str) -> bool) -> Option<(&str, usize)> {
        let word = token.norm.as_str();
        let len = word.chars().count();
        if token.stop
            || token.upper
            || !(MIN_CORRECTABLE_LEN..=MAX_CORRECTABLE_LEN).contains(&len)
            || word.bytes().any(|b| b.is_ascii_digit())
            || self.vocabulary.contains(word)
            || qualifiers::is_vocabulary_word(word)
            || known(word)
        {
            return None;
        }
        let (at, distance) = self.nearest_memoized(word)?;
        Some((
            self.corrections().words[at as usize].as_str(),
            usize::from(distance),
        ))
    }

    fn corrections(&self) -> &Corrections {
        self.corrections
            .get_or_init(|| Corrections::of(&self.vocabulary))
    }

    /// `nearest`, remembered per thread: the same unknown words ("Bricklayer", "Geologist")
    /// come back in many distinct titles of a file, and probing their neighbourhood is most
    /// of the cost of a title that matches nothing.
    fn nearest_memoized(&self, word: &str) -> Option<(u32, u8)> {
        thread_local! {
            static NEAREST: RefCell<(u64, NearestMemo)> = RefCell::new((0, FastMap::default()));
        }
        NEAREST.with_borrow_mut(|(owner, memo)| {
            if *owner != self.id || memo.len() >= NEAREST_MEMO_WORDS {
                *owner = self.id;
                memo.clear();
            }
            if let Some(&known) = memo.get(word) {
                return known;
            }
            let found = self.nearest(word);
            memo.insert(word.into(), found);
            found
        })
    }

    /// The vocabulary word nearest to `word` within its edit limit (ties: the smaller word),
    /// as a position in `words`, with its distance.
    fn nearest(&self, word: &str) -> Option<(u32, u8)> {
        let corrections = self.corrections();
        let limit = max_edits(word);
        let mut best: Option<(&str, u32, usize)> = None;
        let mut tried: Vec<u32> = Vec::new();
        for_each_deletion(word, limit, &mut |probe| {
            let Some(found) = corrections.deletions.get(probe) else {
                return;
            };
            for &w in found {
                if tried.contains(&w) {
                    continue;
                }
                tried.push(w);
                let candidate = corrections.words[w as usize].as_str();
                let distance = strsim::osa_distance(word, candidate);
                if distance <= limit.min(max_edits(candidate))
                    && best.map_or(true, |(b, _, d)| (distance, candidate) < (d, b))
                {
                    best = Some((candidate, w, distance));
                }
            }
        });
        best.map(|(_, at, distance)| (at, distance as u8))
    }
}

/// Whether a title has no capital letter, computed on first use.
pub(crate) struct LowerOnly<'t> {
    title: &'t str,
    value: std::cell::OnceCell<bool>,
}

impl<'t> LowerOnly<'t> {
    fn new(title: &'t str) -> Self {
        LowerOnly {
            title,
            value: std::cell::OnceCell::new(),
        }
    }

    fn get(&self) -> bool {
        *self
            .value
            .get_or_init(|| !self.title.chars().any(char::is_uppercase))
    }
}

/// Whether two words are equal when lower-cased (without allocating).
fn same_but_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
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

/// Calls `probe` with `word` and every string obtained by deleting up to `max` characters,
/// reusing one buffer: the probes of a title's words are looked up, never stored, so checking a
/// word costs no allocation per probe. A probe may come more than once (deleting the first or
/// the second "e" of "peer" gives the same string); the caller skips what it has seen.
fn for_each_deletion(word: &str, max: usize, probe: &mut impl FnMut(&str)) {
    let mut buffer = String::with_capacity(word.len());
    probe(word);
    delete_from(word, 0, max, &mut buffer, probe);
}

/// Deletes one more character at or after byte `from` of `word`, and recurses while edits
/// remain; deleting in increasing positions visits each set of deleted positions once.
fn delete_from(
    word: &str,
    from: usize,
    edits: usize,
    buffer: &mut String,
    probe: &mut impl FnMut(&str),
) {
    if edits == 0 {
        return;
    }
    for (at, c) in word[from..].char_indices() {
        let at = from + at;
        buffer.clear();
        buffer.push_str(&word[..at]);
        buffer.push_str(&word[at + c.len_utf8()..]);
        probe(buffer);
        if edits > 1 {
            let shorter = buffer.clone();
            delete_from(&shorter, at, edits - 1, buffer, probe);
        }
    }
}

/// Acronyms match as whole words written in capitals, or in a title with no capitals at all.
fn acronym_allowed(tokens: &[Token], span: &[usize], lower_only: bool) -> bool {
    lower_only || span.iter().all(|&i| tokens[i].upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_embedded_key_comes_near_the_cap_on_entries() {
        let index = Index::build(crate::Lexicon::embedded());
        let most = index.by_key.values().map(Vec::len).max().unwrap_or(0);
        assert!(
            most * 4 <= MAX_ENTRIES_PER_HIT,
            "{most} entries share one key"
        );
    }

    #[test]
    fn deletions_cover_the_neighbourhood() {
        let d = deletions("peer", 1);
        assert_eq!(d, ["eer", "per", "pee"]);
        assert!(deletions("support", 2).contains(&"suprt".to_string()));
    }

    #[test]
    fn probing_visits_the_same_neighbourhood_without_storing_it() {
        for (word, max) in [("peer", 1), ("support", 2), ("médiatrice", 2), ("aa", 2)] {
            let mut probed = std::collections::BTreeSet::new();
            for_each_deletion(word, max, &mut |p| {
                probed.insert(p.to_string());
            });
            let mut expected: std::collections::BTreeSet<String> =
                deletions(word, max).into_iter().collect();
            expected.insert(word.to_string());
            assert_eq!(probed, expected, "{word}");
        }
    }

    #[test]
    fn corrections_are_remembered_per_index() {
        let embedded = Index::build(crate::Lexicon::embedded());
        // The example's local entry, standing alone (without its broader role).
        let text = include_str!("../../examples/local-lexicon/lived-experience-liaison.json")
            .replace("\"broader\": \"peer-support-worker\",", "");
        let alone = crate::Lexicon::from_sources(
            [("lived-experience-liaison.json", text.as_str())],
            "t".into(),
        );
        let local = Index::build(&alone.expect("a standalone lexicon"));
        let typo = &crate::normalize::tokenize("navigateurr")[0];
        // Twice in the embedded index (the second from the memo), then in an index whose
        // vocabulary has no such word: the memo of the first must not answer for the second.
        for _ in 0..2 {
            assert_eq!(embedded.correct(typo, &|_| false), Some(("navigateur", 1)));
        }
        assert_eq!(local.correct(typo, &|_| false), None);
        assert_eq!(embedded.correct(typo, &|_| false), Some(("navigateur", 1)));
    }

    #[test]
    fn corrects_missing_extra_and_swapped_letters() {
        let lexicon = crate::Lexicon::embedded();
        let index = Index::build(lexicon);
        for typo in ["suport", "supportt", "suppotr", "navigateurr"] {
            let token = &crate::normalize::tokenize(typo)[0];
            assert!(index.correct(token, &|_| false).is_some(), "{typo}");
        }
        let known = &crate::normalize::tokenize("proche")[0];
        assert!(index.correct(known, &|_| false).is_none());
        // A word some other occupation's title holds is a real word, not a mistake.
        let matron = &crate::normalize::tokenize("matron")[0];
        assert!(index.correct(matron, &|_| false).is_some());
        assert!(index.correct(matron, &|w| w == "matron").is_none());
    }

    #[test]
    fn spans_do_not_cross_title_parts() {
        let tokens = crate::normalize::tokenize("Peer - Support Worker");
        assert!(!holds_together(&tokens, &[0, 1]));
        assert!(holds_together(&tokens, &[1, 2]));
    }
}
