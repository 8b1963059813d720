//! The open world's rules: which words of a title make it another occupation's, and which
//! words are cues that a head shared with other jobs is meant as a peer's.
//!
//! It takes a title's tokens, what the lexicon's hit covered and what the qualifier reader
//! could not place, and gives the words that block a commit ([`blocking_words`]) and whether the
//! title carries a peer, community-health or lived-experience cue ([`has_cue`]). `weigh` and
//! `choose` apply them after the lexicon's hit; `answer` comes next.

use once_cell::sync::Lazy;

use crate::matching::background::Background;
use crate::model::Lang;
use crate::normalize::{self, written_in_capitals, Gap, Token};
use crate::support::hash::FastSet;

/// Words that tell a shared head ("promotor", an acronym) is meant as a peer's or a community
/// health worker's. Spanish-language words count for the promotora tradition, whose titles
/// are written for Latino communities ("Promotor/a – Bilingual Spanish").
const CUES: &[&str] = &[
    "peer",
    "peers",
    "pair",
    "paire",
    "pairs",
    "lived",
    "living",
    "vécu",
    "vécue",
    "recovery",
    "rétablissement",
    "community",
    "communautaire",
    "communities",
    "comunitario",
    "comunitaria",
    "village",
    "villageois",
    "salud",
    "spanish",
    "hispanic",
    "latino",
    "latina",
    "latinx",
    "bilingual",
    "bilingue",
    "promotora",
    "promotoras",
    "chw",
];

/// Words of organisations and their parts ("services", "team", "program"): every
/// classification holds them, and after a peer head they name where the peer works, not
/// another job.
const ORGANISATION_WORDS: &[&str] = &[
    "service",
    "services",
    "team",
    "équipe",
    "program",
    "programme",
    "programs",
    "project",
    "projet",
    "department",
    "departement",
    "département",
    "unit",
    "unité",
    "centre",
    "center",
    "office",
    "bureau",
    "division",
    "branch",
    "clinic",
    "clinique",
    "site",
    "network",
    "réseau",
    "initiative",
    "pilot",
    "pilote",
    "hub",
    "house",
    "maison",
    "association",
    "society",
    "foundation",
    "fondation",
    "organization",
    "organisation",
    "agency",
    "agence",
    "group",
    "groupe",
    "board",
    "authority",
    "trust",
    "council",
    "conseil",
    "county",
    "city",
    "ville",
    "state",
    "region",
    "région",
    "regional",
    "régional",
    "national",
    "provincial",
    "local",
    "north",
    "south",
    "east",
    "west",
    "nord",
    "sud",
    "est",
    "ouest",
    "central",
    "new",
    "position",
    "poste",
    "role",
    "rôle",
    "job",
    "emploi",
    "offre",
    "vacancy",
    "opening",
    "posting",
    "contract",
    "contrat",
    "hours",
    "heures",
    "week",
    "semaine",
    "month",
    "mois",
    "year",
    "an",
    "ans",
    "day",
    "jour",
    "night",
    "nuit",
    "evening",
    "soir",
    "weekend",
    "shift",
    "quart",
    "remote",
    "hybrid",
    "hybride",
    "onsite",
    "on",
    "based",
    "support",
    "soutien",
    "care",
    "soins",
    "health",
    "santé",
    "mental",
    "wellness",
    "wellbeing",
    "bien",
    "être",
    "english",
    "french",
    "anglais",
    "français",
    "fluent",
    "speaking",
    "required",
    "preferred",
    "requis",
    "with",
    "avec",
    "plus",
    "and",
    "et",
    "or",
    "ou",
    "all",
    "tous",
    "various",
    "multiple",
    "general",
    "général",
    "générale",
    "professional",
    "professionnel",
    "professionnelle",
    "auprès",
    "pour",
    "chez",
    "sur",
    "dans",
    "sans",
    "par",
    "vers",
    "entre",
    "selon",
    "avant",
    "après",
    "senior",
    "junior",
    "lead",
    "principal",
    "trainee",
    "stagiaire",
    "chef",
    "associate",
    "bilingual",
    "bilingue",
    "language",
    "langue",
    "volunteer",
    "bénévole",
    "volontaire",
    "public",
    "publique",
    "transitional",
    "interim",
    "intérim",
    "relief",
    "casual",
    // The public a post serves and its field: what the post is, not which job.
    "adult",
    "adults",
    "adulte",
    "adultes",
    "addiction",
    "addictions",
    "addictologie",
];

/// Shorter words are too often initials or parts of a name ("Mi'kmaw") to block.
const MIN_BLOCKING_LEN: usize = 3;

static CUE_SET: Lazy<FastSet<String>> = Lazy::new(|| folded(CUES));
static ORGANISATION_SET: Lazy<FastSet<String>> = Lazy::new(|| folded(ORGANISATION_WORDS));

/// The words as the matcher's tokens hold them (folded and stemmed; stop words drop out).
fn folded(words: &[&str]) -> FastSet<String> {
    words
        .iter()
        .map(|w| normalize::normalize(w))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether the title has a peer, community-health or lived-experience cue.
pub(crate) fn has_cue(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| CUE_SET.contains(&t.norm))
}

/// Whether the word is a peer, community-health or lived-experience cue.
pub(crate) fn is_cue(token: &Token) -> bool {
    CUE_SET.contains(&token.norm)
}

/// The words that make the title another occupation's ("Mine Promotor", "Mining Support
/// Worker", "Licensed Life and Health Agent"): the modifier of the matched variant (with the
/// words that chose it among entries sharing it, `covered`), where a
/// modifier stands in the variant's language — the word just before it in English, the word
/// just after it in French ("Navigateur aérien") — if nothing could place it (`unplaced`), some
/// other occupation's title holds it, and it does not name an organisation or its parts.
/// Qualifiers, places, codes and acronyms are placed or skipped; words across a dash, comma
/// or slash describe the post or name another title ("– Foundry", "Peer Advocate & Employment
/// Specialist"), and do not block. A match in brackets ("Agent des services commerciaux en
/// escale (ASC)") restates the title outside them: every such word of that title counts.
pub(crate) fn blocking_words(
    tokens: &[Token],
    variant: &[bool],
    unplaced: &[bool],
    lang: Lang,
    background: &Background,
) -> Vec<usize> {
    let Some((first, last)) = bounds(variant) else {
        return Vec::new();
    };
    let all_capitals = written_in_capitals(tokens);
    let blocks = |i: usize| {
        let token = &tokens[i];
        unplaced.get(i).copied().unwrap_or(false)
            && may_be_another_jobs(token, all_capitals, background)
    };
    if tokens[first].bracketed {
        return (0..tokens.len())
            .filter(|&i| !tokens[i].bracketed && blocks(i))
            .collect();
    }
    let modifiers: Vec<usize> = match lang {
        // The content word just before the variant, in the same phrase.
        Lang::En => (0..first)
            .rev()
            .find(|&i| !tokens[i].stop)
            .filter(|_| tokens[first].gap == Gap::Space)
            .into_iter()
            .collect(),
        Lang::Fr => french_modifiers(tokens, last),
    };
    let same_phrase = |i: usize| {
        let (a, b) = if i < first { (i, first) } else { (last, i) };
        tokens[a + 1..=b].iter().all(|t| t.gap == Gap::Space)
            && tokens[a].bracketed == tokens[b].bracketed
    };
    modifiers
        .into_iter()
        .filter(|&i| same_phrase(i) && blocks(i))
        .collect()
}

/// The word that makes a French variant ending at `last` another job's: the adjective just
/// after it, or the adjective that turns a neutral complement into another field ("Agent
/// communautaire en santé animale": *animale*). Other complements name the post's domain
/// ("Pairs navigateurs en intervention de proximité") and do not block.
fn french_modifiers(tokens: &[Token], last: usize) -> Vec<usize> {
    let next = last + 1;
    let in_phrase = |i: usize| i < tokens.len() && tokens[i].gap == Gap::Space;
    if !in_phrase(next) {
        return Vec::new();
    }
    if !tokens[next].stop {
        return vec![next];
    }
    let (noun, adjective) = (next + 1, next + 2);
    if in_phrase(adjective)
        && !tokens[adjective].stop
        && ORGANISATION_SET.contains(&tokens[noun].norm)
    {
        return vec![adjective];
    }
    Vec::new()
}

/// The first and last token positions of a variant's words, if it has any.
fn bounds(variant: &[bool]) -> Option<(usize, usize)> {
    let first = variant.iter().position(|c| *c)?;
    let last = variant.iter().rposition(|c| *c).unwrap_or(first);
    Some((first, last))
}

/// The words that leave a shared head to other jobs ("Homelessness Support Worker", "Family
/// Bereavement Counsellor", "Médiateur du patrimoine"): every word of the head's phrase that is
/// not a cue, a code or an organisation's word, and that some other occupation's title holds.
/// A bare head, or one with a post's details after a dash or in brackets, stays ambiguous.
///
/// The phrase is the variant's (`variant`): words that chose between the entries (`covered`)
/// may lie across a dash ("Outreach Worker – Cure Violence Program"). Words the qualifiers
/// place as a population, domain or setting ("Homeless", "Family") do block: they are what
/// other jobs' titles are made of.
pub(crate) fn words_of_other_jobs(
    tokens: &[Token],
    variant: &[bool],
    covered: &[bool],
    background: &Background,
) -> Vec<usize> {
    let Some((first, last)) = bounds(variant) else {
        return Vec::new();
    };
    let all_capitals = written_in_capitals(tokens);
    let phrase_start = (0..=first)
        .rev()
        .find(|&i| tokens[i].gap != Gap::Space)
        .unwrap_or(0);
    let phrase_end = (last + 1..tokens.len())
        .find(|&i| tokens[i].gap != Gap::Space)
        .unwrap_or(tokens.len());
    (phrase_start..phrase_end)
        .filter(|&i| {
            let token = &tokens[i];
            !covered[i]
                && !token.stop
                && token.bracketed == tokens[first].bracketed
                && !CUE_SET.contains(&token.norm)
                && may_be_another_jobs(token, all_capitals, background)
        })
        .collect()
}

/// Whether a word can be another job's: some occupation's title holds it, and it is no code,
/// acronym (unless the whole title is in capitals), initial or organisation's word.
fn may_be_another_jobs(token: &Token, all_capitals: bool, background: &Background) -> bool {
    !token.hash
        && (all_capitals || !token.upper)
        && token.norm.chars().count() >= MIN_BLOCKING_LEN
        && !token.norm.bytes().any(|b| b.is_ascii_digit())
        && !ORGANISATION_SET.contains(&token.norm)
        && background.knows_word(&token.norm)
}

/// The token positions of the part of the title (between dashes, commas and brackets) that
/// holds the tokens `first..=last`.
pub(crate) fn part_around(tokens: &[Token], first: usize, last: usize) -> std::ops::Range<usize> {
    let starts_part = |i: usize| tokens[i].gap == Gap::Hard;
    let start = (0..=first).rev().find(|&i| starts_part(i)).unwrap_or(0);
    let end = (last + 1..tokens.len())
        .find(|&i| starts_part(i))
        .unwrap_or(tokens.len());
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_are_found_in_any_case_and_accent() {
        assert!(has_cue(&normalize::tokenize(
            "Promotor – Salud Comunitaria"
        )));
        assert!(has_cue(&normalize::tokenize("Intervenante pair")));
        assert!(!has_cue(&normalize::tokenize(
            "Promotor, Group-Ticket Sales"
        )));
    }

    #[test]
    fn only_the_variants_modifier_blocks() {
        let background = Background::default();
        // (title, variant words, language, blocking word)
        let cases: &[(&str, &[usize], Lang, Option<&str>)] = &[
            ("Mine Promotor", &[1], Lang::En, Some("mine")),
            ("Mining Support Worker", &[1, 2], Lang::En, Some("mining")),
            ("Peer Support Worker – Foundry", &[0, 1, 2], Lang::En, None),
            (
                "Peer Advocate & Employment Specialist",
                &[0, 1],
                Lang::En,
                None,
            ),
            ("Navigateur aérien", &[0], Lang::Fr, Some("aerien")),
            (
                "Pairs navigateurs en intervention de proximité",
                &[0, 1],
                Lang::Fr,
                None,
            ),
            (
                "Agent des services commerciaux en escale (ASC)",
                &[6],
                Lang::Fr,
                Some("agent"),
            ),
        ];
        for (title, words, lang, expected) in cases {
            let tokens = normalize::tokenize(title);
            let variant: Vec<bool> = (0..tokens.len()).map(|i| words.contains(&i)).collect();
            let unplaced: Vec<bool> = variant
                .iter()
                .zip(&tokens)
                .map(|(v, t)| !v && !t.stop)
                .collect();
            let found = blocking_words(&tokens, &variant, &unplaced, *lang, &background);
            let first = found.first().map(|&i| tokens[i].norm.as_str());
            assert_eq!(first, *expected, "{title}");
        }
    }
}
