//! Using the map: compare, similar and find over the embedded lexicon's profiles.

use peermap::{compare, find, similar, Dimension, Facet, Lang, Lexicon, Query};

fn role(id: &str) -> &'static peermap::Role {
    Lexicon::embedded().get(id).unwrap()
}

fn peer_roles() -> impl Iterator<Item = &'static peermap::Role> {
    Lexicon::embedded().roles().iter().filter(|r| r.is_peer())
}

#[test]
fn similarity_is_symmetric_in_the_unit_interval_and_one_with_itself() {
    for a in peer_roles() {
        assert_eq!(compare(a, a).unwrap().similarity(), 1.0, "{}", a.id());
        for b in peer_roles() {
            let ab = compare(a, b).unwrap();
            let ba = compare(b, a).unwrap();
            assert!((0.0..=1.0).contains(&ab.similarity()));
            assert_eq!(ab.similarity(), ba.similarity(), "{} {}", a.id(), b.id());
            for d in Dimension::ALL {
                assert_eq!(ab.dimension(*d).shared(), ba.dimension(*d).shared());
                assert_eq!(ab.dimension(*d).only_a(), ba.dimension(*d).only_b());
            }
        }
    }
}

#[test]
fn the_papers_question_peer_mentors_and_community_health_workers() {
    // "Do peer mentors have the same background as community health workers?"
    let c = compare(role("peer-mentor"), role("community-health-worker")).unwrap();
    let relations = c.dimension(Dimension::Relations);
    assert_eq!(relations.only_a(), ["lived-experience"]);
    assert!(relations.only_b().contains(&"geographic-community"));
    assert_eq!(relations.similarity(), 0.0);
    let en = c.sentence(Facet::Pathways, Lang::En);
    assert!(
        en.starts_with("Peers' pathways — relations: only Peer mentor: lived experience"),
        "{en}"
    );
    let fr = c.sentence(Facet::Pathways, Lang::Fr);
    assert!(
        fr.starts_with(
            "Parcours des pairs — relations : seulement Pair mentor : savoir expérientiel"
        ),
        "{fr}"
    );
}

#[test]
fn look_alikes_have_no_profile_to_compare() {
    assert!(compare(role("peer-support-worker"), role("personal-support-worker")).is_none());
    assert!(similar(Lexicon::embedded(), role("nurse-navigator")).is_empty());
}

#[test]
fn similar_lists_every_other_peer_role_nearest_first() {
    let lexicon = Lexicon::embedded();
    let mentor = role("peer-mentor");
    let nearest = similar(lexicon, mentor);
    assert_eq!(nearest.len(), peer_roles().count() - 1);
    assert!(nearest
        .iter()
        .all(|(r, _)| r.id() != "peer-mentor" && r.is_peer()));
    assert!(nearest.windows(2).all(|w| w[0].1 >= w[1].1));
    // A narrower role sits close to its broader one.
    let youth = similar(lexicon, role("youth-peer-supporter"));
    assert!(
        youth[..5]
            .iter()
            .any(|(r, _)| r.id() == "peer-support-worker"),
        "{:?}",
        youth[..5]
            .iter()
            .map(|(r, s)| (r.id(), s))
            .collect::<Vec<_>>()
    );
}

#[test]
fn find_ranks_by_values_held_and_checks_the_values() {
    let query = Query::new()
        .with(Dimension::Functions, "navigation")
        .unwrap()
        .with(Dimension::Relations, "lived-experience")
        .unwrap()
        .with(Dimension::Affiliations, "clinical-organization")
        .unwrap();
    let found = find(Lexicon::embedded(), &query);
    assert!(found
        .windows(2)
        .all(|w| w[0].held().len() >= w[1].held().len()));
    for f in &found {
        let profile = f.role().profile().unwrap();
        for (d, v) in f.held() {
            assert!(profile.codes(*d).contains(v));
        }
        for (d, v) in f.missing() {
            assert!(!profile.codes(*d).contains(v));
        }
        assert_eq!(f.held().len() + f.missing().len(), 3);
    }
    assert!(found
        .iter()
        .any(|f| f.role().id() == "peer-navigator" && f.fits()));
    // Community health workers connect through the community, not lived experience.
    let chw = found
        .iter()
        .find(|f| f.role().id() == "community-health-worker")
        .unwrap();
    assert_eq!(chw.missing(), [(Dimension::Relations, "lived-experience")]);

    let err = Query::new().with(Dimension::Spaces, "moon").unwrap_err();
    assert!(err.contains("daily-life"), "{err}");
    assert!(find(Lexicon::embedded(), &Query::new()).is_empty());
}
