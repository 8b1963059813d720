//! Weighing the lexicon's choice against the other occupations' titles (the open world): a
//! background title that explains more of the title than the lexicon's match names the job;
//! words of other occupations beside the match block a commit; a curated look-alike keeps its
//! place. Failing a match, the background title that holds the head of the title names it.
//!
//! It takes the choice's [`Coverage`] of the title and the background's spans, and gives a
//! [`Weighed`] decision; `answer` assembles what it decides.

use crate::matching::background::{self, Background, Span};
use crate::model::Lang;
use crate::normalize::Token;
use crate::qualifiers::{self, Reading};
use crate::resolve::open_world;

/// Where the lexicon's answer stands, as the weighing sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Standing {
    /// One peer role.
    Peer,
    /// Several entries, undecided.
    Ambiguous,
    /// A curated look-alike that is not a peer role.
    LookAlike,
    /// Nothing committed (below the threshold, unsupported).
    Undecided,
}

/// What a match covered of the title, and where its answer stands.
pub(crate) struct Coverage {
    pub standing: Standing,
    /// The language of the variant matched.
    pub lang: Lang,
    /// The words of the variant (or of the marker and head) matched.
    pub variant: Vec<bool>,
    /// Those and the words that chose between entries sharing the variant, or that named a
    /// narrower role.
    pub covered: Vec<bool>,
    pub unplaced: Vec<bool>,
    /// How many words (not stop words) the match covered.
    pub words: usize,
    /// Whether the matched variant is a head several entries share.
    pub shared: bool,
}

/// What the weighing decides.
#[derive(Debug)]
pub(crate) enum Weighed {
    /// The lexicon's answer stands.
    Keep,
    /// The title is the background title of this span (the nearest with its head, if `nearest`).
    Occupation { span: Span, nearest: bool },
    /// Words of other occupations (token positions) stand beside the match: no commit.
    Blocked(Vec<usize>),
}

impl Coverage {
    pub(crate) fn new(
        standing: Standing,
        lang: Lang,
        variant: Vec<bool>,
        covered: Vec<bool>,
        unplaced: Vec<bool>,
        tokens: &[Token],
    ) -> Self {
        let words = tokens
            .iter()
            .zip(&covered)
            .filter(|(t, c)| **c && !t.stop)
            .count();
        Coverage {
            standing,
            lang,
            variant,
            covered,
            unplaced,
            words,
            shared: false,
        }
    }

    /// Whether a background title explains the title better than this answer: it holds
    /// every word of the variant matched, and a word the answer explains by no variant or
    /// qualifier (one left unplaced, or one that only broke a tie: "Médiateur culturel" is
    /// ROME's cultural mediator, not a health broker).
    pub(crate) fn explained_better_by(&self, span: &Span, tokens: &[Token]) -> bool {
        let mut more = false;
        for (i, token) in tokens.iter().enumerate() {
            if token.stop {
                continue;
            }
            if self.variant[i] {
                if !span.covers(i) {
                    return false;
                }
            } else if span.covers(i)
                && (self.covered[i] || self.unplaced.get(i).copied().unwrap_or(false))
            {
                more = true;
            }
        }
        more
    }

    /// Whether every word of a background title's span is a word this answer matched.
    pub(crate) fn holds(&self, span: &Span, tokens: &[Token]) -> bool {
        (span.first..=span.last).all(|i| tokens[i].stop || self.covered[i])
    }

    /// Whether this (composed) answer should stand instead of the lexicon's: it covers more
    /// words, and a look-alike the lexicon found, if any, lies inside it. Where both cover as
    /// much, the variant stands: it is curated.
    pub(crate) fn explains_more_than(&self, lexical: &Coverage) -> bool {
        let inside = lexical
            .covered
            .iter()
            .zip(&self.covered)
            .all(|(l, c)| !*l || *c);
        self.words > lexical.words && (inside || lexical.standing != Standing::LookAlike)
    }
}

/// Weighs the lexicon's choice (`chosen`) against the background titles found in the title.
pub(crate) fn weigh(
    background: &Background,
    default_lang: Lang,
    title: &str,
    tokens: &[Token],
    chosen: &Coverage,
    spans: &[Span],
) -> Weighed {
    let standing = chosen.standing;
    if standing == Standing::LookAlike {
        return Weighed::Keep;
    }
    let span = background::longest(spans);
    if let Some(span) = span.filter(|s| chosen.explained_better_by(s, tokens)) {
        return Weighed::Occupation {
            span,
            nearest: false,
        };
    }
    if standing == Standing::Undecided {
        // The lexicon came close but could not decide: the background may still say what the
        // job is, unless all it names is part of the lexicon's own match ("agent" inside
        // "health agent", which wants a cue, not another occupation).
        let reading = qualifiers::read_bare(title, tokens, default_lang);
        return match named_by_head(background, tokens, spans, &reading)
            .filter(|(span, _)| !chosen.holds(span, tokens))
        {
            Some((span, nearest)) => Weighed::Occupation { span, nearest },
            None => Weighed::Keep,
        };
    }
    // A head shared by several entries, chosen by the title's other words or undecided, must
    // have no word of another job in its phrase.
    let blockers = if standing == Standing::Ambiguous || chosen.shared {
        open_world::words_of_other_jobs(tokens, &chosen.variant, &chosen.covered, background)
    } else {
        open_world::blocking_words(
            tokens,
            &chosen.covered,
            &chosen.unplaced,
            chosen.lang,
            background,
        )
    };
    if blockers.is_empty() {
        return Weighed::Keep;
    }
    if let Some(span) = span.filter(|s| blockers.iter().any(|&i| s.covers(i))) {
        return Weighed::Occupation {
            span,
            nearest: false,
        };
    }
    Weighed::Blocked(blockers)
}

/// The background title that names what the job is: the longest that holds the head of
/// its part of the title — the last word that the qualifiers do not place in English, the
/// first in French — so that it names the job, not what it works on ("Radiator" alone
/// does not make a radiator mechanic). "Banquet Bartender" is named by "Bartender".
/// Failing that, the longest that holds most of its part's words.
/// `reading` is the title's qualifiers read with no word covered (`qualifiers::read_bare`).
pub(crate) fn named_by_head(
    background: &Background,
    tokens: &[Token],
    spans: &[Span],
    reading: &Reading,
) -> Option<(Span, bool)> {
    let unplaced = |i: usize| reading.unplaced.get(i).copied().unwrap_or(false);
    let mut best: Option<Span> = None;
    let mut most: Option<Span> = None;
    for &span in spans {
        // A span of qualifiers only ("CPS", a credential) names no job, nor does one of
        // peer words only ("pair", which ESCO's "au pair" leaves as a key).
        let words = || (span.first..=span.last).filter(|&i| !tokens[i].stop);
        if !words().any(unplaced) || words().all(|i| open_world::is_cue(&tokens[i])) {
            continue;
        }
        let part = open_world::part_around(tokens, span.first, span.last);
        let words: Vec<usize> = part.filter(|&i| unplaced(i) || span.covers(i)).collect();
        let head = match background.lang_of(span.title) {
            Lang::En => words.iter().next_back(),
            Lang::Fr => words.first(),
        };
        if head.is_some_and(|&i| span.covers(i)) && best.map_or(true, |b| span.words > b.words) {
            best = Some(span);
        }
        // Failing the head, a title that holds most of what its part says.
        if span.words * 2 > words.len() && most.map_or(true, |m| span.words > m.words) {
            most = Some(span);
        }
    }
    best.or(most)
        .map(|span| (span, false))
        .or_else(|| nearest_french_title(background, tokens, &reading.unplaced))
}

/// A French title the background does not hold as written ("Agente de l'environnement",
/// "Analyste en statistique"): the background title with the same head (its first word)
/// that shares most of its other words. Told by its prepositions; English titles put the
/// head last, where sorted keys cannot find it.
fn nearest_french_title(
    background: &Background,
    tokens: &[Token],
    unplaced: &[bool],
) -> Option<(Span, bool)> {
    let french = tokens.iter().any(|t| {
        t.stop
            && matches!(
                t.norm.as_str(),
                "de" | "du" | "des" | "d" | "l" | "la" | "le" | "aux" | "au" | "en"
            )
    });
    let head = (0..tokens.len()).find(|&i| unplaced.get(i).copied().unwrap_or(false))?;
    if !french {
        return None;
    }
    let mut part = open_world::part_around(tokens, head, head);
    let words: Vec<&str> = part
        .clone()
        .filter(|&i| i != head && unplaced.get(i).copied().unwrap_or(false))
        .map(|i| tokens[i].norm.as_str())
        .collect();
    let (title, shared) = background.nearest_with_head(&tokens[head].norm, &words)?;
    let last = part
        .rfind(|&i| i > head && words.contains(&tokens[i].norm.as_str()))
        .unwrap_or(head);
    let span = Span {
        first: head,
        last,
        words: shared + 1,
        title,
    };
    Some((span, true))
}
