//! A person's decisions, applied by the crosswalk before matching.

use peermap::{Crosswalk, Decision, DecisionTarget, Decisions, Method, Region, Verdict};
use proptest::prelude::*;

fn entry(id: &str) -> DecisionTarget {
    DecisionTarget::Entry(id.to_string())
}

fn with(decisions: Decisions) -> Crosswalk {
    Crosswalk::builder().decisions(decisions).build().unwrap()
}

#[test]
fn a_decided_title_gets_the_decision_with_its_role_profile_and_qualifiers() {
    let mut decisions = Decisions::new();
    decisions.add(Decision::new(
        "Peer Housing Navigator",
        entry("peer-navigator"),
        "housing first team",
        "review.csv:4",
    ));
    decisions.add(Decision::new(
        "Family Support Specialist",
        DecisionTarget::NotPeer,
        "",
        "review.csv:5",
    ));
    let crosswalk = with(decisions);
    // The key is the normalized title: case, plurals and spacing do not matter; other words
    // make another title, for another decision.
    let answer = crosswalk.classify("PEER HOUSING NAVIGATORS");
    assert_eq!(answer.verdict(), Verdict::PeerRole);
    assert_eq!(answer.role(), Some("peer-navigator"));
    assert_eq!(answer.method(), Some(Method::Decision));
    assert_eq!(answer.score(), 1.0);
    assert!(!answer.profile().functions.is_empty());
    assert!(
        answer.explanation().contains("review.csv:4"),
        "{}",
        answer.explanation()
    );
    assert!(answer.explanation().contains("housing first team"));
    let answer = crosswalk.classify("Family Support Specialist");
    assert_eq!(answer.verdict(), Verdict::NotPeer);
    assert_eq!(answer.role(), None);
    assert_eq!(answer.method(), Some(Method::Decision));
    // Undecided titles are coded as before.
    let plain = Crosswalk::new();
    for title in ["Peer Support Worker", "Cashier", "Navigator"] {
        let (a, b) = (crosswalk.classify(title), plain.classify(title));
        assert_eq!((a.verdict(), a.role()), (b.verdict(), b.role()), "{title}");
    }
}

#[test]
fn decisions_change_the_version_and_a_region_limits_one() {
    let qc = Region::parse("CA-QC").unwrap();
    let mut decisions = Decisions::new();
    decisions.add(
        Decision::new(
            "Agent ISP pair",
            entry("peer-support-worker"),
            "",
            "d.csv:2",
        )
        .in_region(qc),
    );
    let crosswalk = with(decisions);
    assert_ne!(
        crosswalk.classify("x").lexicon_version(),
        Crosswalk::new().classify("x").lexicon_version()
    );
    assert!(crosswalk.classify("x").lexicon_version().contains("+d"));
    assert_ne!(
        crosswalk.classify("Agent ISP pair").method(),
        Some(Method::Decision)
    );
    let mut decisions = Decisions::new();
    decisions.add(
        Decision::new(
            "Agent ISP pair",
            entry("peer-support-worker"),
            "",
            "d.csv:2",
        )
        .in_region(Region::parse("CA-QC").unwrap()),
    );
    let quebec = Crosswalk::builder()
        .region("CA-QC")
        .decisions(decisions)
        .build()
        .unwrap();
    assert_eq!(
        quebec.classify("Agent ISP pair").role(),
        Some("peer-support-worker")
    );
}

#[test]
fn a_decision_naming_no_entry_is_refused_with_its_origin() {
    let mut decisions = Decisions::new();
    decisions.add(Decision::new(
        "Peer Housing Navigator",
        entry("peer-housing-wizard"),
        "",
        "review.csv:7",
    ));
    let error = Crosswalk::builder()
        .decisions(decisions)
        .build()
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("review.csv:7") && error.contains("peer-housing-wizard"),
        "{error}"
    );
}

proptest! {
    #[test]
    fn decisions_never_change_how_many_answers_come_back_or_their_order(
        titles in proptest::collection::vec("[A-Za-z éè-]{0,30}", 0..40),
        decided in proptest::collection::vec(0usize..40, 0..10),
    ) {
        let mut decisions = Decisions::new();
        for (n, &i) in decided.iter().enumerate() {
            if let Some(title) = titles.get(i) {
                decisions.add(Decision::new(title, DecisionTarget::NotPeer, "", &format!("p.csv:{n}")));
            }
        }
        let answers = with(decisions).classify_batch(&titles);
        prop_assert_eq!(answers.len(), titles.len());
        for (answer, title) in answers.iter().zip(&titles) {
            let (cut, _) = (title.chars().take(300).collect::<String>(), ());
            prop_assert_eq!(answer.input(), cut.as_str());
        }
    }
}
