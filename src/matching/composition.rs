//! Titles never seen word for word: a peer marker ("peer", "pair", "lived experience",
//! "recovery", "community health", "santé communautaire") beside a helping head ("navigator",
//! "mentor", "aidant", "agent") reads as the role the head implies in that family.
//!
//! It takes a title's tokens and gives the longest marker-and-head run it finds
//! ([`Families::compose`]); the crosswalk answers it with method `composed`, and then weighs it
//! against the lexicon's hit and the background vocabulary like any other hit. The families are
//! data (`data/composition/*.json`, one file per family), checked like the lexicon: every
//! marker and head sourced, positions and languages from closed lists.

use crate::data::composition::{Families, Family, Head, Marker, Position};
use crate::data::entry::VariantStatus;
use crate::data::region::Region;
use crate::model::Lang;
use crate::normalize::{holds_together, Token};

/// A marker and a head side by side in a title.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Composed<'f> {
    /// The role the head implies, or the family's generic role.
    pub role: &'f str,
    /// Whether the head has no role of its own (the family's generic role stands in).
    pub generic: bool,
    pub unverified: bool,
    pub family: &'f str,
    pub head: &'f str,
    pub lang: Lang,
    /// Token positions of the marker and the head.
    pub covered: Vec<bool>,
    pub words: usize,
}

/// Where (as a position in `norms`) a run of the marker and the head starts, in the orders
/// the marker allows.
fn placements(norms: &[&str], marker: &Marker, head: &Head) -> Vec<usize> {
    let runs_at = |at: usize, first: &[String], second: &[String]| {
        let total = first.len() + second.len();
        at + total <= norms.len()
            && first
                .iter()
                .chain(second)
                .zip(&norms[at..at + total])
                .all(|(w, n)| w == n)
    };
    let mut out = Vec::new();
    for at in 0..norms.len() {
        let before =
            marker.position != Position::AfterHead && runs_at(at, &marker.words, &head.words);
        let after =
            marker.position != Position::BeforeHead && runs_at(at, &head.words, &marker.words);
        if before || after {
            out.push(at);
        }
    }
    out
}

/// The longest marker-and-head run of the title (the first where several are as long),
/// among the families usable in `region` (a regional family needs a hint inside it).
pub(crate) fn compose<'f>(
    families: &'f Families,
    tokens: &[Token],
    region: Option<&Region>,
) -> Option<Composed<'f>> {
    let content: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].stop).collect();
    let norms: Vec<&str> = content.iter().map(|&i| tokens[i].norm.as_str()).collect();
    let mut best: Option<(usize, &Family, &Head, usize)> = None;
    for family in &families.0 {
        let in_region = family.regions.is_empty()
            || region.is_some_and(|hint| family.regions.iter().any(|r| r.overlaps(hint)));
        if !in_region {
            continue;
        }
        // Most titles hold no marker at all: look for the heads only beside one.
        for marker in family
            .markers
            .iter()
            .filter(|m| m.words.first().is_some_and(|w| norms.contains(&w.as_str())))
        {
            for head in family.heads.iter().filter(|h| h.lang == marker.lang) {
                for start in placements(&norms, marker, head) {
                    let words = marker.words.len() + head.words.len();
                    let span = [content[start], content[start + words - 1]];
                    if holds_together(tokens, &span) && best.map_or(true, |(_, _, _, w)| words > w)
                    {
                        best = Some((start, family, head, words));
                    }
                }
            }
        }
    }
    let (start, family, head, words) = best?;
    let mut covered = vec![false; tokens.len()];
    for &i in &content[start..start + words] {
        covered[i] = true;
    }
    Some(Composed {
        role: head.role.as_deref().unwrap_or(&family.generic_role),
        generic: head.role.is_none(),
        unverified: head.status == VariantStatus::Unverified,
        family: &family.name,
        head: &head.text,
        lang: head.lang,
        covered,
        words,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::composition::EMBEDDED;
    use crate::normalize;

    fn composed_role(title: &str) -> Option<(String, bool)> {
        let tokens = normalize::tokenize(title);
        compose(&EMBEDDED, &tokens, None).map(|c| (c.role.to_string(), c.generic))
    }

    #[test]
    fn markers_and_heads_compose_in_the_orders_they_allow() {
        let cases: &[(&str, Option<(&str, bool)>)] = &[
            (
                "Peer Wellness Specialist",
                Some(("peer-support-worker", false)),
            ),
            ("Peer Ambassador", Some(("peer-support-worker", true))),
            ("Recovery Coach", Some(("peer-recovery-coach", false))),
            (
                "Intervenant en services de soutien aux pairs",
                Some(("peer-support-worker", false)),
            ),
            (
                "Community Health Aide",
                Some(("community-health-representative", false)),
            ),
            // The marker must stand next to its head, in its own language.
            ("Peer Financial Counselor", None),
            ("Employé au pair", None),
            ("Health Care Aide", None),
            // Not across a part of the title.
            ("Peer - Navigator", None),
        ];
        for (title, expected) in cases {
            let expected = expected.map(|(r, g)| (r.to_string(), g));
            assert_eq!(composed_role(title), expected, "{title}");
        }
    }

    #[test]
    fn a_regional_family_needs_a_hint_inside_its_regions() {
        let tokens = normalize::tokenize("Consumer Consultant");
        assert_eq!(compose(&EMBEDDED, &tokens, None), None);
        let au = Region::parse("AU").unwrap();
        let found = compose(&EMBEDDED, &tokens, Some(&au)).unwrap();
        assert_eq!(found.role, "peer-support-worker");
    }
}
