//! Table-driven matching tests in both languages: what a reviewer in this field would check.

use peermap::{classify, Crosswalk, Lang, Method, Verdict};

const PEER: Verdict = Verdict::PeerRole;
const AMBIGUOUS: Verdict = Verdict::Ambiguous;
const NOT_PEER: Verdict = Verdict::NotPeer;
const UNKNOWN: Verdict = Verdict::Unknown;

/// (title, expected verdict, expected role or entry id)
const CASES: &[(&str, Verdict, Option<&str>)] = &[
    // English peer roles, with the noise real titles carry
    ("Peer Support Worker", PEER, Some("peer-support-worker")),
    ("peer support workers", PEER, Some("peer-support-worker")),
    (
        "Sr. Peer Support Worker II – Mental Health & Addictions (0.6 FTE)",
        PEER,
        Some("peer-support-worker"),
    ),
    (
        "Certified Peer Specialist",
        PEER,
        Some("peer-support-worker"),
    ),
    (
        "Peer Recovery Coach - Part Time",
        PEER,
        Some("peer-recovery-coach"),
    ),
    ("Family Peer Advocate", PEER, Some("family-peer-supporter")),
    (
        "HIV Peer Navigator, Vancouver",
        PEER,
        Some("peer-navigator"),
    ),
    (
        "Community Health Worker (CHW) – Diabetes",
        PEER,
        Some("community-health-worker"),
    ),
    ("CHWs", PEER, Some("community-health-worker")),
    ("CHW/Promotora", PEER, Some("promotora")),
    ("Promotora de Salud", PEER, Some("promotora")),
    ("Patient Navigator", PEER, Some("patient-navigator")),
    (
        "Indigenous Patient Navigator – Temporary Full Time",
        PEER,
        Some("indigenous-patient-navigator"),
    ),
    (
        "Aboriginal Patient Navigator",
        PEER,
        Some("indigenous-patient-navigator"),
    ),
    (
        "Street Outreach Worker",
        PEER,
        Some("street-outreach-worker"),
    ),
    ("Peer Educator", PEER, Some("peer-educator")),
    // French peer roles: gender, inclusive writing, accents, hyphens
    ("Pair aidant", PEER, Some("peer-support-worker")),
    ("Paire-aidante", PEER, Some("peer-support-worker")),
    ("PAIRE AIDANTE", PEER, Some("peer-support-worker")),
    ("pair·e aidant·e", PEER, Some("peer-support-worker")),
    (
        "Pairs et paires aidant·e·s",
        PEER,
        Some("peer-support-worker"),
    ),
    ("pairaidante", PEER, Some("peer-support-worker")),
    (
        "Intervenante paire aidante – santé mentale jeunesse (temps partiel)",
        PEER,
        Some("youth-peer-supporter"),
    ),
    (
        "Médiatrice de santé-paire",
        PEER,
        Some("peer-health-mediator"),
    ),
    ("Travailleuse de rue", PEER, Some("street-outreach-worker")),
    (
        "travailleur.euse de rue",
        PEER,
        Some("street-outreach-worker"),
    ),
    (
        "Intervenant(e) de milieu",
        PEER,
        Some("street-outreach-worker"),
    ),
    (
        "Agente de santé communautaire",
        PEER,
        Some("community-health-worker"),
    ),
    (
        "Médiatrice en santé",
        PEER,
        Some("community-health-mediator"),
    ),
    // typos are corrected in words the lexicon does not know
    ("Peer Suport Worker", PEER, Some("peer-support-worker")),
    (
        "Comunity Health Worker",
        PEER,
        Some("community-health-worker"),
    ),
    // look-alikes are refused
    (
        "Personal Support Worker",
        NOT_PEER,
        Some("personal-support-worker"),
    ),
    (
        "Préposée aux bénéficiaires",
        NOT_PEER,
        Some("personal-support-worker"),
    ),
    (
        "Oncology Nurse Navigator",
        NOT_PEER,
        Some("nurse-navigator"),
    ),
    (
        "Infirmière pivot en oncologie",
        NOT_PEER,
        Some("nurse-navigator"),
    ),
    ("Health Educator", NOT_PEER, Some("health-educator")),
    ("Proche aidante", NOT_PEER, Some("family-caregiver")),
    ("Aidant proche", NOT_PEER, Some("family-caregiver")),
    ("Peer Reviewer", NOT_PEER, Some("peer-reviewer")),
    ("Travailleuse sociale", NOT_PEER, Some("social-worker")),
    (
        "Patient Advocate",
        NOT_PEER,
        Some("hospital-patient-advocate"),
    ),
    // bare heads are ambiguous
    ("Navigator", AMBIGUOUS, None),
    ("PSW", AMBIGUOUS, None),
    // nothing to do with peers
    ("Accountant", NOT_PEER, None),
    ("Soudeuse", NOT_PEER, None),
    ("", UNKNOWN, None),
    ("– · –", UNKNOWN, None),
];

#[test]
fn titles_get_the_expected_verdict_and_role() {
    let mut failures = Vec::new();
    for (title, verdict, role) in CASES {
        let answer = classify(title);
        if answer.verdict() != *verdict || answer.role() != *role {
            failures.push(format!(
                "{title:?}: expected {verdict} {role:?}, got {} {:?} ({})",
                answer.verdict(),
                answer.role(),
                answer.explanation()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn word_order_keeps_caregivers_apart_from_peers() {
    for caregiver in [
        "aidant proche",
        "proche aidant",
        "Aidante proche",
        "proches aidants",
    ] {
        let answer = classify(caregiver);
        assert_ne!(answer.verdict(), PEER, "{caregiver}");
        assert!(
            !answer.lineage().iter().any(|r| r == "peer-support-worker"),
            "{caregiver}"
        );
    }
}

#[test]
fn methods_say_how_the_variant_was_found() {
    let cases = [
        ("pair aidant", Method::Exact),
        ("Paire-Aidante", Method::Normalized),
        ("Senior Peer Support Worker", Method::Normalized),
        ("CHW", Method::Abbreviation),
        ("Peer Suport Worker", Method::Fuzzy),
    ];
    for (title, method) in cases {
        assert_eq!(classify(title).method(), Some(method), "{title}");
    }
}

#[test]
fn acronyms_match_only_as_whole_words_in_capitals() {
    assert_ne!(classify("Chwarae").verdict(), PEER);
    assert_eq!(
        classify("Senior CHW").role(),
        Some("community-health-worker")
    );
    // A lower-case word is not taken for an acronym in a title that uses capitals.
    assert_ne!(classify("Psw Manager").verdict(), AMBIGUOUS);
}

#[test]
fn a_word_of_the_variant_is_never_stripped_as_a_qualifier() {
    // The words stay in the match; what the role implies is listed as implied (issue 18),
    // and a word that is only part of the role's name ("coordinator" here) implies nothing.
    let answer = classify("Indigenous Outreach Coordinator");
    assert_eq!(answer.matched(), Some("Indigenous outreach coordinator"));
    assert_eq!(answer.qualifiers().seniority(), None);
    assert_eq!(
        answer.qualifiers().implied(),
        ["populations=indigenous", "settings=street"]
    );
    let answer = classify("Community Health Volunteer");
    assert_eq!(answer.role(), Some("community-health-volunteer"));
    assert_eq!(answer.qualifiers().employment(), ["volunteer"]);
    assert_eq!(answer.qualifiers().other(), [] as [&str; 0]);
    let answer = classify("Peer Support Worker Coordinator");
    assert_eq!(answer.qualifiers().seniority(), Some("coordinator"));
}

#[test]
fn qualifiers_are_read_around_the_role() {
    let answer = classify("Sr. Peer Support Worker II – Mental Health & Addictions, Hôpital Notre-Dame (0.6 FTE, casual)");
    let q = answer.qualifiers();
    assert_eq!(q.seniority(), Some("senior"));
    assert_eq!(q.level(), Some("II"));
    assert_eq!(q.domains(), ["mental-health", "substance-use"]);
    assert_eq!(q.settings(), ["hospital"]);
    assert_eq!(q.location(), Some("Hôpital Notre-Dame"));
    assert_eq!(q.employment(), ["part-time", "casual"]);
    // Where the support happens; and, since the hospital is named after a comma as the post's
    // own place, who employs the peer (Panaite et al. 2024, §7; issue 18).
    let evidence = answer.evidence();
    assert_eq!(evidence.len(), 2, "{evidence:?}");
    assert_eq!(evidence[0].dimension(), peermap::Dimension::Spaces);
    assert_eq!(evidence[0].value(), "institution");
    assert_eq!(evidence[0].word(), "Hôpital");
    assert_eq!(evidence[1].dimension(), peermap::Dimension::Affiliations);
    assert_eq!(evidence[1].value(), "clinical-organization");
    // In the role's own part of the title, a hospital word says only where.
    let inside = classify("Peer Support Worker in Hospital");
    assert_eq!(inside.evidence().len(), 1, "{:?}", inside.evidence());
    assert_eq!(inside.evidence()[0].value(), "institution");
    assert!(answer.explanation().contains("peer support worker"));
}

#[test]
fn a_region_hint_breaks_listed_collisions_only() {
    let gb = Crosswalk::builder().region("GB").build().unwrap();
    let on = Crosswalk::builder().region("CA-ON").build().unwrap();
    let ca = Crosswalk::builder().region("CA").build().unwrap();
    assert_eq!(gb.classify("PSW").role(), Some("peer-support-worker"));
    assert_eq!(on.classify("PSW").role(), Some("personal-support-worker"));
    assert_eq!(on.classify("PSW").verdict(), NOT_PEER);
    assert_eq!(ca.classify("PSW").role(), Some("personal-support-worker"));
    assert!(on.classify("PSW").score() < 1.0);
    // A region never hides a role that is not in collision.
    assert_eq!(
        on.classify("Peer Support Worker").role(),
        Some("peer-support-worker")
    );
    assert_eq!(
        gb.classify("Travailleuse de rue").role(),
        Some("street-outreach-worker")
    );
}

#[test]
fn ambiguous_answers_list_their_candidates() {
    let answer = classify("Navigator");
    let roles: Vec<&str> = answer.candidates().iter().map(|c| c.role()).collect();
    for expected in ["nurse-navigator", "patient-navigator", "peer-navigator"] {
        assert!(roles.contains(&expected), "{roles:?}");
    }
    assert_eq!(answer.role(), None);
    assert!(answer.lineage().is_empty());
}

#[test]
fn labels_and_explanations_follow_the_language() {
    let fr = Crosswalk::builder().language(Lang::Fr).build().unwrap();
    let answer = fr.classify("Peer navigator");
    assert_eq!(answer.label(), Some("Pair navigateur"));
    assert!(answer.explanation().starts_with("Correspond"));
    let not_peer = fr.classify("Nurse navigator");
    assert!(not_peer.reason().is_some());
}

#[test]
fn lineage_climbs_the_broader_chain() {
    let answer = classify("Promotora");
    assert_eq!(answer.lineage(), ["promotora", "community-health-worker"]);
    let answer = classify("Peer Recovery Coach");
    assert_eq!(
        answer.lineage(),
        ["peer-recovery-coach", "peer-support-worker"]
    );
}

#[test]
fn a_threshold_turns_weak_matches_into_unknown() {
    let strict = Crosswalk::builder().threshold(0.99).build().unwrap();
    let answer = strict.classify("Peer Suport Worker");
    assert_eq!(answer.verdict(), UNKNOWN);
    assert!(answer.explanation().contains("threshold"));
    assert!(Crosswalk::builder().threshold(1.5).build().is_err());
    assert!(Crosswalk::builder().region("Québec").build().is_err());
}

#[test]
fn overlong_titles_are_truncated_and_say_so() {
    let long = format!("Peer Support Worker {}", "x ".repeat(2000));
    let answer = classify(&long);
    assert!(answer.truncated());
    assert_eq!(answer.input().chars().count(), peermap::MAX_TITLE_CHARS);
    assert_eq!(answer.role(), Some("peer-support-worker"));
    assert!(!classify("Peer Support Worker").truncated());
}

#[test]
fn batch_answers_equal_single_answers() {
    let titles: Vec<&str> = CASES
        .iter()
        .map(|c| c.0)
        .chain(CASES.iter().map(|c| c.0))
        .collect();
    let crosswalk = Crosswalk::new();
    let batch = crosswalk.classify_batch(&titles);
    assert_eq!(batch.len(), titles.len());
    for (title, answer) in titles.iter().zip(&batch) {
        assert_eq!(*answer, crosswalk.classify(title), "{title}");
    }
}

#[test]
fn answers_serialize_with_every_key() {
    let value = serde_json::to_value(classify("Pair aidant")).unwrap();
    for key in [
        "input",
        "verdict",
        "role",
        "lineage",
        "label",
        "traditions",
        "score",
        "method",
        "matched",
        "lang",
        "candidates",
        "qualifiers",
        "profile",
        "lexicon_version",
        "explanation",
    ] {
        assert!(value.get(key).is_some(), "{key}");
    }
    assert_eq!(value["verdict"], "peer_role");
    assert_eq!(value["profile"]["status"][0], "people-supported");
    for key in [
        "seniority",
        "level",
        "employment",
        "credential",
        "domains",
        "populations",
        "settings",
        "location",
        "codes",
        "other",
    ] {
        assert!(value["qualifiers"].get(key).is_some(), "{key}");
    }
}

#[test]
fn scores_stay_in_the_unit_interval() {
    for (title, _, _) in CASES {
        let score = classify(title).score();
        assert!((0.0..=1.0).contains(&score), "{title}: {score}");
    }
}

#[test]
fn line_breaks_inside_a_cell_are_spacing() {
    assert_eq!(classify("Peer\r\nNavigator").role(), Some("peer-navigator"));
    assert_eq!(classify("Pair\taidant").role(), Some("peer-support-worker"));
}

#[test]
fn the_other_words_of_a_title_can_decide_a_shared_head() {
    // "outreach worker" is shared; "harm reduction" belongs to one candidate's titles only.
    let answer = classify("Harm Reduction Outreach Worker");
    assert_eq!(answer.role(), Some("harm-reduction-peer-worker"));
    assert!(
        answer.score() < 0.97,
        "a tie broken by context is less sure"
    );
    assert!(answer.explanation().contains("point to this one"));
    assert!(
        answer.qualifiers().other().is_empty(),
        "{:?}",
        answer.qualifiers()
    );
    // Bare heads stay ambiguous; so do heads whose other words point nowhere.
    assert_eq!(classify("Outreach Worker").verdict(), AMBIGUOUS);
    assert_eq!(classify("Outreach Worker – Toronto").verdict(), AMBIGUOUS);
}

/// A small peer role for lexicons built in tests.
fn test_role(id: &str, broader: Option<&str>, variants: &[&str]) -> String {
    let variants: Vec<String> = variants
        .iter()
        .map(|v| format!(r#"{{"text": "{v}", "lang": "en", "sources": ["https://example.org"]}}"#))
        .collect();
    let broader = broader.map_or("null".to_string(), |b| format!("\"{b}\""));
    format!(
        r#"{{"id": "{id}", "kind": "peer-role", "broader": {broader}, "traditions": ["peer-support"],
        "label": {{"en": "{id}", "fr": "{id}"}}, "definition": {{"en": "d", "fr": "d"}},
        "profile": {{"functions": ["emotional-support"], "formality": ["formal-flexible"],
          "relations": ["lived-experience"], "status": ["people-supported"],
          "affiliations": ["community-organization"], "spaces": ["daily-life"]}},
        "variants": [{}], "sources": ["https://example.org"], "notes": ""}}"#,
        variants.join(", ")
    )
}

#[test]
fn a_narrower_role_is_chosen_when_all_its_words_are_in_the_title() {
    let files = [
        ("helper.json", test_role("helper", None, &["peer helper"])),
        (
            "family-helper.json",
            test_role("family-helper", Some("helper"), &["parent peer helper"]),
        ),
        (
            "youth-helper.json",
            test_role("youth-helper", Some("helper"), &["youth peer helper"]),
        ),
        ("coach.json", test_role("coach", None, &["parent coach"])),
    ];
    let lexicon =
        peermap::Lexicon::from_sources(files.iter().map(|(n, t)| (*n, t.as_str())), "test".into())
            .unwrap();
    let crosswalk = Crosswalk::builder()
        .no_default_lexicon()
        .lexicon(lexicon)
        .build()
        .unwrap();
    let role = |title: &str| crosswalk.classify(title).role().map(str::to_string);
    // Scattered but complete: the narrower role.
    assert_eq!(
        role("Peer Helper – Parent").as_deref(),
        Some("family-helper")
    );
    assert_eq!(
        role("Parent, peer helper").as_deref(),
        Some("family-helper")
    );
    let answer = crosswalk.classify("Peer Helper (Parent), part time");
    assert_eq!(answer.matched(), Some("parent peer helper"));
    assert!(
        answer.explanation().contains("not side by side"),
        "{}",
        answer.explanation()
    );
    // Both narrower roles fully present: keep the broader one rather than guess.
    assert_eq!(
        role("Peer Helper – Parent / Youth").as_deref(),
        Some("helper")
    );
    // Only roles narrower than the one named: "parent" never moves "parent coach" elsewhere.
    assert_eq!(role("Parent Coach – peer").as_deref(), Some("coach"));
    // Without the broader role's title, scattered words name nothing.
    assert_eq!(role("Helper for parent peers").as_deref(), None);
}

#[test]
fn a_domain_phrase_never_breaks_a_tie_by_one_of_its_words() {
    // Found by the benchmark workload: "santé" of "santé mentale" and "health" of "mental
    // health" are words of some roles' titles, but the phrase is a domain, not a role.
    for title in [
        "Accompagnateur – santé mentale",
        "APN – santé mentale",
        "PN – Mental Health",
        "Support Worker – santé mentale",
        "Agent Santé – Mental Health",
        "mediator – Mental Health",
        "PSW – Youth – santé mentale",
    ] {
        let answer = classify(title);
        assert_eq!(
            answer.verdict(),
            Verdict::Ambiguous,
            "{title}: {}",
            answer.explanation()
        );
        assert_eq!(answer.qualifiers().domains(), ["mental-health"], "{title}");
    }
    // A whole phrase that is in a role's own titles still points to it.
    assert_eq!(
        classify("Harm Reduction Outreach Worker").role(),
        Some("harm-reduction-peer-worker")
    );
    assert_eq!(
        classify("PSW - Home Care, Toronto (part-time)").role(),
        Some("personal-support-worker")
    );
}
