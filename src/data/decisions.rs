//! A person's decisions about titles the crosswalk could not decide: each names a title (as
//! written; its key is recomputed here, so a change of the normalizer never orphans it), what
//! it is (a lexicon entry, or another occupation), a note, an optional region, and where it
//! was written (`review.csv:12`).
//!
//! The library takes decisions as typed values; reading them from a file is the caller's (the
//! command-line tool reads CSV). The crosswalk applies them before matching.

use std::fmt;

use crate::data::region::Region;
use crate::normalize;
use crate::support::hash::{FastMap, Fnv64};

/// What a person decided a title is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DecisionTarget {
    /// A lexicon entry: a peer role (→ `peer_role`) or a not-peer entry (→ `not_peer`).
    Entry(String),
    /// Not a peer role, and no entry of the lexicon (→ `not_peer`, role null).
    NotPeer,
}

impl fmt::Display for DecisionTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecisionTarget::Entry(id) => f.write_str(id),
            DecisionTarget::NotPeer => f.write_str("not_peer"),
        }
    }
}

/// One decision about one title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    title: String,
    key: String,
    target: DecisionTarget,
    note: String,
    region: Option<Region>,
    origin: String,
}

impl Decision {
    /// A decision that `title` is `target`, with a person's note, written at `origin` (a file
    /// and line, such as `decisions.csv:12`, quoted in the answer's explanation).
    pub fn new(title: &str, target: DecisionTarget, note: &str, origin: &str) -> Decision {
        Decision {
            title: title.to_string(),
            // Cut as the crosswalk cuts a title, so that the keys agree.
            key: normalize::normalize(normalize::truncate(title).0),
            target,
            note: note.trim().to_string(),
            region: None,
            origin: origin.to_string(),
        }
    }

    /// The decision limited to titles coded with a region hint inside `region`.
    pub fn in_region(mut self, region: Region) -> Decision {
        self.region = Some(region);
        self
    }

    /// The title as the person saw it.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The title's key: the normalized form the matcher compares ([`crate::normalize`]).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// What the title is.
    pub fn target(&self) -> &DecisionTarget {
        &self.target
    }

    /// The person's note.
    pub fn note(&self) -> &str {
        &self.note
    }

    /// The region it is limited to, if any.
    pub fn region(&self) -> Option<&Region> {
        self.region.as_ref()
    }

    /// Where it was written.
    pub fn origin(&self) -> &str {
        &self.origin
    }
}

/// Decisions by title key; a later decision about the same key and region replaces an
/// earlier one (a later file wins).
#[derive(Clone, Debug, Default)]
pub struct Decisions {
    by_key: FastMap<String, Vec<Decision>>,
    count: usize,
}

impl Decisions {
    /// No decisions.
    pub fn new() -> Decisions {
        Decisions::default()
    }

    /// Adds a decision; one about the same key and region is replaced. A title with no
    /// letters or digits has no key and is not added (`false`).
    pub fn add(&mut self, decision: Decision) -> bool {
        if decision.key.is_empty() {
            return false;
        }
        let same = self.by_key.entry(decision.key.clone()).or_default();
        match same.iter_mut().find(|d| d.region == decision.region) {
            Some(old) => *old = decision,
            None => {
                same.push(decision);
                self.count += 1;
            }
        }
        true
    }

    /// How many decisions (one per key and region).
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Every decision, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &Decision> {
        self.by_key.values().flatten()
    }

    /// The decision for a title key under a region hint: one limited to a region that holds
    /// the hint first, else one limited to no region.
    pub(crate) fn for_key(&self, key: &str, hint: Option<&Region>) -> Option<&Decision> {
        let found = self.by_key.get(key)?;
        let regional = found.iter().find(|d| {
            d.region
                .as_ref()
                .is_some_and(|r| hint.is_some_and(|h| r.overlaps(h)))
        });
        regional.or_else(|| found.iter().find(|d| d.region.is_none()))
    }

    /// A short hash of every decision, so that two runs with different decisions tell apart.
    pub(crate) fn hash(&self) -> u32 {
        let mut lines: Vec<String> = self
            .iter()
            .map(|d| {
                let region = d.region.as_ref().map_or("", Region::as_str);
                format!("{}\t{}\t{region}\t{}", d.key, d.target, d.note)
            })
            .collect();
        lines.sort();
        let mut hash = Fnv64::new();
        for line in &lines {
            hash.write(line.as_bytes());
            hash.write(b"\n");
        }
        hash.finish() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_later_decision_replaces_one_about_the_same_key_and_region() {
        let mut decisions = Decisions::new();
        let entry = |id: &str| DecisionTarget::Entry(id.to_string());
        assert!(decisions.add(Decision::new(
            "Peer Housing Navigator",
            entry("peer-navigator"),
            "",
            "a.csv:2"
        )));
        assert!(decisions.add(Decision::new(
            "peer housing navigators",
            entry("peer-support-worker"),
            "",
            "b.csv:2"
        )));
        let qc = Region::parse("CA-QC").unwrap();
        assert!(decisions.add(
            Decision::new(
                "Peer Housing Navigator",
                DecisionTarget::NotPeer,
                "",
                "b.csv:3"
            )
            .in_region(qc.clone())
        ));
        assert!(!decisions.add(Decision::new(" – ", DecisionTarget::NotPeer, "", "b.csv:4")));
        assert_eq!(decisions.len(), 2);
        let key = normalize::normalize("Peer Housing Navigator");
        assert_eq!(decisions.for_key(&key, None).unwrap().origin(), "b.csv:2");
        assert_eq!(
            decisions.for_key(&key, Some(&qc)).unwrap().origin(),
            "b.csv:3"
        );
        let on = Region::parse("CA-ON").unwrap();
        assert_eq!(
            decisions.for_key(&key, Some(&on)).unwrap().origin(),
            "b.csv:2"
        );
        let before = decisions.hash();
        decisions.add(Decision::new(
            "Peer Housing Navigator",
            entry("peer-navigator"),
            "",
            "c.csv:2",
        ));
        assert_ne!(decisions.hash(), before);
    }
}
