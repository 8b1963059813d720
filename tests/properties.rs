//! Property tests: the normalizer and the matcher hold their promises on arbitrary input.

use peermap::{classify, normalize, Crosswalk, Lexicon};
use proptest::prelude::*;

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
        let mut changed: String = text.chars().map(strip_accent).collect();
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

fn strip_accent(c: char) -> char {
    match c {
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'à' | 'â' => 'a',
        'î' | 'ï' => 'i',
        'ô' => 'o',
        'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        _ => c,
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
