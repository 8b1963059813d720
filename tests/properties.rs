//! Property tests: the normalizer and the matcher hold their promises on arbitrary input.

use peermap::{classify, normalize, Crosswalk, Lexicon, MAX_TITLE_CHARS};
use proptest::prelude::*;

#[path = "../examples/support/typing.rs"]
#[allow(dead_code)] // the property tests only drop accents
mod typing;

/// The fuzz targets' invariants (score in [0, 1], truncation said, role and verdict agree, the
/// same answer twice, normalization idempotent), checked here on stable.
#[path = "../fuzz/checks.rs"]
#[allow(dead_code)] // the lexicon checks are replayed by tests/fuzz_replay.rs
mod checks;

/// Any Unicode text, with the characters HR exports actually carry more often than chance:
/// control characters, right-to-left marks and text, emoji, zero-width and combining marks.
fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => any::<char>(),
            1 => prop::sample::select(vec![
                '\u{0}', '\t', '\n', '\r', '\u{7f}', '\u{202e}', '\u{200f}', '\u{200b}',
                '\u{feff}', '\u{301}', 'ا', 'ש', '🙂', '👩', '\u{200d}', '=', '"', ';',
            ]),
            2 => prop::sample::select(vec!['p', 'e', 'r', ' ', '-', 'é', 'a', 'i', 'd']),
        ],
        0..700,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// Titles made of the characters that matter: letters with accents, inclusive-writing marks,
/// separators, digits, and some arbitrary Unicode.
fn title_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(vec![
                "pair", "paire", "aidant", "aidante", "peer", "support", "worker", "médiatrice",
                "santé", "de", "rue", "travailleur", "CHW", "PSW", "navigator", "proche", "Sr.",
                "II", "(e)", "·e", ".euse", "/trice", "-e", "–", ",", "(", ")", "#4471", "0.6",
                "FTE", "İ", "ℌ", "œ", "ß", "x", "s", "es",
            ])
            .prop_map(str::to_string),
            1 => any::<String>(),
        ],
        0..12,
    )
    .prop_map(|parts| parts.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn normalization_is_idempotent(text in title_like()) {
        let once = normalize(&text);
        prop_assert_eq!(normalize(&once), once);
    }

    #[test]
    fn normalization_is_idempotent_on_any_string(text in any::<String>()) {
        let once = normalize(&text);
        prop_assert_eq!(normalize(&once), once);
    }

    #[test]
    fn classify_never_panics_and_scores_are_in_the_unit_interval(text in title_like()) {
        let answer = classify(&text);
        prop_assert!((0.0..=1.0).contains(&answer.score()));
        for candidate in answer.candidates() {
            prop_assert!((0.0..=1.0).contains(&candidate.score()));
        }
        prop_assert!(answer.input().chars().count() <= peermap::MAX_TITLE_CHARS);
    }

    #[test]
    fn any_text_is_coded_within_the_invariants(text in hostile_text()) {
        checks::check_title(&text);
    }

    #[test]
    fn a_title_over_the_limit_is_cut_and_says_so(
        parts in prop::collection::vec(title_like(), 1..40),
    ) {
        let title = parts.join(" – ");
        let answer = classify(&title);
        let over = title.chars().count() > MAX_TITLE_CHARS;
        prop_assert_eq!(answer.truncated(), over);
        let kept: String = title.chars().take(MAX_TITLE_CHARS).collect();
        prop_assert_eq!(answer.input(), kept.as_str());
    }

    #[test]
    fn batch_answers_equal_single_answers(titles in prop::collection::vec(title_like(), 0..8)) {
        let crosswalk = Crosswalk::new();
        let mut doubled = titles.clone();
        doubled.extend(titles.iter().cloned());
        let batch = crosswalk.classify_batch(&doubled);
        prop_assert_eq!(batch.len(), doubled.len());
        for (title, answer) in doubled.iter().zip(&batch) {
            prop_assert_eq!(answer, &crosswalk.classify(title));
        }
    }

    #[test]
    fn case_accents_and_hyphens_do_not_change_the_role(
        pick in any::<prop::sample::Index>(),
        upper in any::<bool>(),
        hyphens in any::<bool>(),
    ) {
        let variants: Vec<&str> = Lexicon::embedded()
            .roles()
            .iter()
            .flat_map(|r| r.variants().iter().filter(|v| !v.is_acronym()).map(|v| v.text()))
            .collect();
        let text = *pick.get(&variants);
        let mut changed = typing::strip_accents(text);
        if upper {
            changed = changed.to_uppercase();
        }
        if hyphens {
            changed = changed.replace(' ', "-");
        }
        let (a, b) = (classify(text), classify(&changed));
        prop_assert_eq!(a.verdict(), b.verdict(), "{} vs {}", text, changed);
        prop_assert_eq!(a.role(), b.role(), "{} vs {}", text, changed);
    }
}

#[test]
fn french_gender_and_inclusive_forms_keep_the_role() {
    let forms = [
        (
            "pair aidant",
            &[
                "paire aidante",
                "pair·e aidant·e",
                "pair.e aidant.e",
                "pair(e) aidant(e)",
                "paires et pairs aidants",
            ][..],
        ),
        (
            "travailleur de rue",
            &[
                "travailleuse de rue",
                "travailleur.euse de rue",
                "travailleur/euse de rue",
                "travailleur·euse·s de rue",
            ][..],
        ),
        (
            "médiateur en santé",
            &[
                "médiatrice en santé",
                "médiateur·rice en santé",
                "médiateur(trice) en santé",
                "médiateur.trice en santé",
            ][..],
        ),
        (
            "agent de santé communautaire",
            &[
                "agente de santé communautaire",
                "agent·e de santé communautaire",
                "agent-e de santé communautaire",
            ][..],
        ),
    ];
    for (base, variants) in forms {
        let expected = classify(base);
        assert!(expected.role().is_some(), "{base}");
        for form in variants {
            assert_eq!(classify(form).role(), expected.role(), "{form}");
        }
    }
}

/// Words of each qualifier kind that the property below adds to matched titles: seniority
/// before the title, everything else after it, in both languages.
const SENIORITY: &[&str] = &["Senior", "Sr.", "Lead", "Junior", "Principal", "Trainer"];
const AFTER: &[&str] = &[
    // level
    " II",
    " 3",
    " Level 2",
    " niveau 2",
    // employment
    " (part-time)",
    " – temps plein",
    " (CDD)",
    " (casual)",
    " – bénévole",
    " (0.6 FTE)",
    // codes
    " REQ-118",
    " #4471",
    " – Poste 23050",
    // locations
    ", Montréal",
    " – Toronto",
    ", Hôpital Notre-Dame",
    " à Sherbrooke",
    // domains
    " – Mental Health",
    " – santé mentale",
    " – HIV",
    " – hépatite C",
    " – itinérance",
    " – Cancer",
    // settings
    " – Emergency Department",
    " (en ligne)",
    " – milieu carcéral",
    " – Shelter",
];

/// Every peer-role variant that codes to its own role when given alone.
fn matched_titles() -> Vec<(String, String)> {
    let crosswalk = Crosswalk::new();
    Lexicon::embedded()
        .roles()
        .iter()
        .filter(|r| r.is_peer())
        .flat_map(|r| r.variants().iter().map(move |v| (v.text(), r.id())))
        .filter(|(text, id)| crosswalk.classify(text).role() == Some(*id))
        .map(|(text, id)| (text.to_string(), id.to_string()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, .. ProptestConfig::default() })]

    /// A seniority, level, employment, code, location, domain or setting word added to a
    /// matched title never changes its role; at most it selects a narrower one ("Peer Worker –
    /// Harm Reduction" is a harm-reduction peer worker, still a peer support worker).
    #[test]
    fn qualifier_words_never_change_the_role(
        pick in any::<prop::sample::Index>(),
        before in prop::option::of(prop::sample::select(SENIORITY)),
        after in prop::collection::vec(prop::sample::select(AFTER), 0..3),
    ) {
        static TITLES: once_cell::sync::Lazy<Vec<(String, String)>> =
            once_cell::sync::Lazy::new(matched_titles);
        let (title, role) = pick.get(&TITLES);
        let mut decorated = String::new();
        if let Some(word) = before {
            decorated.push_str(word);
            decorated.push(' ');
        }
        decorated.push_str(title);
        for word in &after {
            decorated.push_str(word);
        }
        let answer = classify(&decorated);
        prop_assert_eq!(answer.verdict(), peermap::Verdict::PeerRole, "{}", decorated);
        prop_assert!(
            answer.lineage().iter().any(|r| r == role),
            "{} → {:?}, expected {} or narrower",
            decorated,
            answer.role(),
            role
        );
    }
}
