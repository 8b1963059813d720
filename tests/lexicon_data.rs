//! Invariants of the embedded lexicon, checked like code (as mime_guess and isolang do).

use std::collections::HashMap;

use peermap::{Dimension, Kind, Lang, Lexicon, Status, VariantStatus};

fn lexicon() -> &'static Lexicon {
    Lexicon::embedded()
}

#[test]
fn the_embedded_files_pass_the_same_checks_as_a_user_lexicon() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let problems = peermap::check_path(data);
    assert!(problems.is_empty(), "{problems:#?}");
    let from_disk = Lexicon::from_path(data).unwrap();
    assert_eq!(from_disk.roles().len(), lexicon().roles().len());
}

/// The role ids DESIGN.md declares stable, with the broader role each has.
const CORE_ROLES: &[(&str, Option<&str>)] = &[
    ("peer-support-worker", None),
    ("peer-recovery-coach", Some("peer-support-worker")),
    ("family-peer-supporter", Some("peer-support-worker")),
    ("youth-peer-supporter", Some("peer-support-worker")),
    ("harm-reduction-peer-worker", Some("peer-support-worker")),
    ("peer-navigator", None),
    ("peer-mentor", None),
    ("peer-counsellor", None),
    ("peer-educator", None),
    ("peer-group-facilitator", None),
    ("mutual-aid-sponsor", None),
    ("patient-peer-companion", None),
    ("credible-messenger", None),
    ("expert-by-experience", None),
    ("community-health-worker", None),
    ("lay-health-worker", Some("community-health-worker")),
    ("promotora", Some("community-health-worker")),
    (
        "community-health-representative",
        Some("community-health-worker"),
    ),
    (
        "community-health-volunteer",
        Some("community-health-worker"),
    ),
    ("community-health-mediator", None),
    ("health-broker", None),
    ("street-outreach-worker", None),
    ("community-doula", None),
    ("patient-navigator", None),
    ("indigenous-patient-navigator", Some("patient-navigator")),
];

#[test]
fn the_core_roles_exist_with_their_broader_role() {
    assert_eq!(CORE_ROLES.len(), 25);
    for (id, broader) in CORE_ROLES {
        let role = lexicon()
            .get(id)
            .unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!(role.kind(), Kind::PeerRole, "{id}");
        assert_eq!(role.broader(), *broader, "{id}");
    }
}

#[test]
fn the_look_alikes_named_in_design_are_not_peer_entries() {
    for id in [
        "personal-support-worker",
        "nurse-navigator",
        "health-educator",
        "family-caregiver",
        "peer-reviewer",
        "social-worker",
        "hospital-patient-advocate",
    ] {
        assert_eq!(
            lexicon().get(id).map(|r| r.kind()),
            Some(Kind::NotPeer),
            "{id}"
        );
    }
}

#[test]
fn every_data_file_is_in_canonical_form() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files = Vec::new();
    for folder in ["data", "data/qualifiers"] {
        files.extend(peermap::entry_files(format!("{root}/{folder}")).unwrap());
    }
    assert!(files.len() > 100, "{files:?}");
    let mut not_canonical = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.strip_prefix(root).unwrap().display().to_string();
        let canonical = peermap::canonical_form(&name, &text).unwrap();
        if canonical != text {
            let line = text
                .lines()
                .zip(canonical.lines())
                .position(|(a, b)| a != b)
                .map_or(text.lines().count().min(canonical.lines().count()), |i| i)
                + 1;
            not_canonical.push(format!("{name} (first difference at line {line})"));
        }
    }
    assert!(
        not_canonical.is_empty(),
        "not in canonical form: {}\nrun `cargo run -p peermap-cli -- lexicon fmt data` to fix",
        not_canonical.join(", ")
    );
}

#[test]
fn credentials_and_inclusive_forms_are_not_typed_into_variants() {
    // Credentials are qualifiers, and the normalizer folds inclusive writing: a variant that
    // carries either would be dead weight or, worse, a second role for one title.
    let credentials = [
        "certified",
        "certifie",
        "provisional",
        "CPS",
        "CPRS",
        "CRPS",
        "PRSS",
    ];
    for role in lexicon().roles() {
        for variant in role.variants() {
            let text = variant.text();
            // A look-alike's title may be a credential ("certified health education specialist").
            for word in text.split(|c: char| !c.is_alphanumeric()) {
                let folded = peermap::normalize(word);
                assert!(
                    !role.is_peer()
                        || !credentials
                            .iter()
                            .any(|c| peermap::normalize(c) == folded && !folded.is_empty()),
                    "{}: \"{text}\" carries a credential",
                    role.id()
                );
            }
            assert!(
                !text.contains(['·', '(', ')']),
                "{}: \"{text}\" carries inclusive writing",
                role.id()
            );
        }
    }
}

#[test]
fn every_tradition_has_a_role() {
    for tradition in peermap::Tradition::ALL {
        assert!(
            lexicon()
                .roles()
                .iter()
                .any(|r| r.traditions().contains(tradition)),
            "{tradition}"
        );
    }
}

#[test]
fn every_entry_has_variants_in_both_languages_or_says_why_not() {
    for role in lexicon().roles() {
        for lang in Lang::ALL {
            let name = match lang {
                Lang::En => "English",
                Lang::Fr => "French",
            };
            let has = role.variants().iter().any(|v| v.lang() == *lang);
            let explained = role.notes().contains(&format!("No {name}"))
                || role.notes().contains(&format!("No separate {name}"));
            assert!(
                has || explained,
                "{} has no {lang} variant and its notes do not say \"No {name} …\"",
                role.id()
            );
        }
    }
}

#[test]
fn every_peer_role_is_recognized_by_the_people_it_supports() {
    for role in lexicon().roles().iter().filter(|r| r.is_peer()) {
        let profile = role.profile().expect("peer roles have a profile");
        assert!(
            profile.status.contains(Status::PeopleSupported),
            "{}",
            role.id()
        );
        for dimension in Dimension::ALL {
            assert!(
                !profile.codes(*dimension).is_empty(),
                "{}: {dimension} is empty",
                role.id()
            );
        }
    }
}

#[test]
fn profiles_discriminate() {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for role in lexicon().roles().iter().filter(|r| r.is_peer()) {
        let profile = role.profile().unwrap();
        let key = format!("{profile:?}");
        if let Some(other) = seen.insert(key, role.id()) {
            panic!("{} and {other} have the same profile", role.id());
        }
        let full = Dimension::ALL
            .iter()
            .filter(|d| profile.is_full(**d))
            .count();
        assert!(
            full <= 2,
            "{} holds every value of {full} dimensions",
            role.id()
        );
    }
}

#[test]
fn not_peer_entries_give_a_reason_and_no_profile() {
    for role in lexicon().roles().iter().filter(|r| !r.is_peer()) {
        assert!(role.profile().is_none(), "{}", role.id());
        for lang in Lang::ALL {
            assert!(
                role.reason(*lang).is_some_and(|r| !r.is_empty()),
                "{}",
                role.id()
            );
        }
    }
}

#[test]
fn shared_heads_are_declared_in_several_entries() {
    let holders = |text: &str| -> Vec<&str> {
        lexicon()
            .roles()
            .iter()
            .filter(|r| {
                r.variants()
                    .iter()
                    .any(|v| v.text() == text && v.is_ambiguous())
            })
            .map(|r| r.id())
            .collect()
    };
    assert!(holders("navigator").len() >= 2);
    let psw = holders("PSW");
    assert_eq!(psw.len(), 2, "{psw:?}");
    for id in psw {
        let variant = lexicon()
            .get(id)
            .unwrap()
            .variants()
            .iter()
            .find(|v| v.text() == "PSW")
            .unwrap();
        assert!(
            variant.is_acronym() && !variant.regions().is_empty(),
            "{id}"
        );
    }
}

#[test]
fn every_entry_and_verified_variant_is_sourced() {
    for role in lexicon().roles() {
        assert!(!role.sources().is_empty(), "{}", role.id());
        for variant in role.variants() {
            if variant.status() != VariantStatus::Unverified {
                assert!(
                    !variant.sources().is_empty(),
                    "{}: \"{}\" is not marked unverified but has no source",
                    role.id(),
                    variant.text()
                );
            }
        }
    }
}

#[test]
fn every_broader_role_is_a_peer_role_and_lineages_end() {
    for role in lexicon().roles().iter().filter(|r| r.is_peer()) {
        let lineage = lexicon().lineage(role.id());
        assert_eq!(lineage[0], role.id());
        assert!(lineage.len() <= 3, "{lineage:?}");
    }
}

#[test]
fn every_variant_is_found_as_its_own_entry() {
    // Each unambiguous variant, typed as in the lexicon, must come back to its own entry. A
    // peer role's colliding acronym comes back so with a hint of its region; a word that
    // needs a cue comes back as the only candidate, undecided.
    let crosswalk = peermap::Crosswalk::new();
    for role in lexicon().roles() {
        for variant in role.variants().iter().filter(|v| !v.is_ambiguous()) {
            let colliding = role.is_peer() && variant.is_acronym() && !variant.is_unambiguous();
            let hinted;
            let crosswalk = match variant.regions().first() {
                Some(region) if colliding => {
                    hinted = peermap::Crosswalk::builder()
                        .region(region.as_str())
                        .build()
                        .unwrap();
                    &hinted
                }
                _ => &crosswalk,
            };
            let answer = crosswalk.classify(variant.text());
            let found = if variant.needs_cue() || (colliding && variant.regions().is_empty()) {
                answer.verdict() == peermap::Verdict::Unknown
                    && answer.candidates().iter().any(|c| c.role() == role.id())
            } else {
                answer.lineage().iter().any(|r| r == role.id())
            };
            assert!(
                found,
                "\"{}\" of {} came back as {} {:?}",
                variant.text(),
                role.id(),
                answer.verdict(),
                answer.role()
            );
        }
    }
}

#[test]
fn look_alikes_carry_their_occupational_codes() {
    // Where the look-alikes went: an HR analyst follows these codes.
    let lexicon = Lexicon::embedded();
    for id in [
        "personal-support-worker",
        "nurse-navigator",
        "social-worker",
        "community-health-worker",
    ] {
        let role = lexicon.get(id).unwrap();
        assert!(
            role.codes().iter().any(|c| c.scheme() == "soc2018")
                && role.codes().iter().any(|c| c.scheme() == "isco08"),
            "{id}: {:?}",
            role.codes()
        );
    }
    for role in lexicon.roles() {
        for code in role.codes() {
            assert!(
                code.source().starts_with("http"),
                "{}: {}",
                role.id(),
                code.source()
            );
            assert!(!code.label().trim().is_empty());
        }
        // One link per code and scheme.
        let mut keys: Vec<(&str, &str)> = role
            .codes()
            .iter()
            .map(|c| (c.scheme(), c.code()))
            .collect();
        keys.sort();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "{}: a code is linked twice", role.id());
    }
}
