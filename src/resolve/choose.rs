//! Choosing between the entries a match found: the title's own variant, a narrower role whose
//! words are all in the title, the words that point to one of several entries sharing a head,
//! a region hint; and whether a variant that names one peer role may commit on its own here.
//!
//! It takes the index's hit and the title's tokens, and gives the entries chosen with how they
//! were chosen ([`Resolution`]); `answer` scores and words the choice, and `weigh` then sets
//! it against the other occupations' titles.

use crate::data::entry::{Role, Variant};
use crate::data::lexicon::Lexicon;
use crate::data::region::Region;
use crate::matching::index::{Hit, Index};
use crate::normalize::Token;
use crate::qualifiers::Qualifiers;
use crate::resolve::open_world;

/// Whether the title's variant decided, or its other words or a region hint broke a tie.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Resolution {
    Title,
    Context(Vec<String>),
    Region,
    /// All the words of a narrower role's variant are in the title, though not side by side.
    Narrower,
}

/// Why a variant could not commit alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unsupported {
    /// An ordinary word of other jobs, with no peer cue in the title.
    NoCue,
    /// A colliding acronym with nothing to support it.
    AcronymAlone,
}

/// The lexicon, its index and the region hint: what a choice between entries reads.
#[derive(Clone, Copy)]
pub(crate) struct Chooser<'a> {
    pub lexicon: &'a Lexicon,
    pub index: &'a Index,
    pub region: Option<&'a Region>,
}

impl Chooser<'_> {
    /// Which of the entries sharing a matched key the title names: the narrowest when they lie
    /// on one broader-chain, else the one the title's other words point to, else the one in
    /// the hinted region; otherwise all of them (ambiguous).
    pub(crate) fn resolve(&self, entries: &[u32], context: &[Vec<&str>]) -> (Vec<u32>, Resolution) {
        let index = self.index;
        let mut roles: Vec<u32> = Vec::new();
        for &e in entries {
            if !roles
                .iter()
                .any(|&r| index.entries[r as usize].role == index.entries[e as usize].role)
            {
                roles.push(e);
            }
        }
        if roles.len() == 1 {
            return (roles, Resolution::Title);
        }
        if let Some(narrowest) = self.narrowest_on_one_line(&roles) {
            return (vec![narrowest], Resolution::Title);
        }
        if let Some((chosen, cues)) = self.pointed_to_by_context(&roles, context) {
            return (vec![chosen], Resolution::Context(cues));
        }
        if let Some(region) = self.region {
            let in_region: Vec<u32> = roles
                .iter()
                .copied()
                .filter(|&e| {
                    index.entries[e as usize]
                        .regions
                        .iter()
                        .any(|r| r.overlaps(region))
                })
                .collect();
            if in_region.len() == 1 {
                return (in_region, Resolution::Region);
            }
        }
        (roles, Resolution::Title)
    }

    /// "Community Health Outreach Worker": "outreach worker" is shared, but "community" and
    /// "health" belong to the community health worker's titles and not to the others. The
    /// candidate with the most such words wins, if it is the only one with the most.
    pub(crate) fn pointed_to_by_context(
        &self,
        roles: &[u32],
        context: &[Vec<&str>],
    ) -> Option<(u32, Vec<String>)> {
        let index = self.index;
        let words_of = |e: u32| &index.role_words[index.entries[e as usize].role];
        // A group is a cue for a role when all its words are in the role's titles.
        let holds = |e: u32, group: &[&str]| group.iter().all(|w| words_of(e).contains(*w));
        let mut best: Option<(u32, Vec<String>)> = None;
        let mut tied = false;
        for &e in roles {
            let cues: Vec<String> = context
                .iter()
                .filter(|group| holds(e, group))
                .filter(|group| !roles.iter().all(|&other| holds(other, group)))
                .map(|group| group.join(" "))
                .collect();
            let best_len = best.as_ref().map_or(0, |(_, c)| c.len());
            if cues.len() > best_len {
                best = Some((e, cues));
                tied = false;
            } else if !cues.is_empty() && cues.len() == best_len {
                tied = true;
            }
        }
        best.filter(|_| !tied)
    }

    /// "Parent pair aidant", "Certified Peer Specialist – Parent": the title names a role, and
    /// all the words of a variant of a role narrower than it are in the title, though not side
    /// by side. The narrower role with the longest such variant is chosen, if only one has it;
    /// the variant needs two words or more, one of them outside the match, so that it says
    /// more than the variant matched.
    /// Only roles narrower than the ones the title named are considered: a title is never
    /// moved sideways, and word order still decides between unrelated roles.
    pub(crate) fn narrower_in_title(
        &self,
        chosen: &[u32],
        hit: &Hit,
        tokens: &[Token],
    ) -> Option<(u32, Vec<String>)> {
        let index = self.index;
        let mut roles: Vec<usize> = chosen
            .iter()
            .flat_map(|&e| {
                index.narrower[index.entries[e as usize].role]
                    .iter()
                    .copied()
            })
            .collect();
        if roles.is_empty() {
            return None;
        }
        roles.sort_unstable();
        roles.dedup();
        // A title has a handful of words: a list is faster than a set.
        let present: Vec<&str> = tokens
            .iter()
            .filter(|t| !t.stop)
            .map(|t| t.norm.as_str())
            .collect();
        let covered: Vec<&str> = tokens
            .iter()
            .zip(&hit.covered)
            .filter(|(_, c)| **c)
            .map(|(t, _)| t.norm.as_str())
            .collect();
        let mut best: Option<(u32, usize)> = None;
        let mut tied = false;
        for role in roles {
            for &e in &index.entries_of[role] {
                let words = &index.variant_words[e as usize];
                if words.len() < 2
                    || !words.iter().all(|w| present.contains(&w.as_str()))
                    || words.iter().all(|w| covered.contains(&w.as_str()))
                {
                    continue;
                }
                match best {
                    Some((_, len)) if words.len() < len => {}
                    Some((b, len)) if words.len() == len => {
                        tied |= index.entries[b as usize].role != role;
                    }
                    _ => {
                        best = Some((e, words.len()));
                        tied = false;
                    }
                }
            }
        }
        let (entry, _) = best.filter(|_| !tied)?;
        Some((entry, index.variant_words[entry as usize].clone()))
    }

    /// "CHW/Promotora": when every entry lies on one broader-chain, the narrowest one.
    pub(crate) fn narrowest_on_one_line(&self, entries: &[u32]) -> Option<u32> {
        let lexicon = self.lexicon;
        let index = self.index;
        let ids: Vec<&str> = entries
            .iter()
            .map(|&e| self.role(index.entries[e as usize].role).id())
            .collect();
        entries.iter().zip(&ids).find_map(|(&e, id)| {
            let lineage = lexicon.lineage(id);
            ids.iter().all(|other| lineage.contains(other)).then_some(e)
        })
    }

    /// Why a variant that names one peer role cannot commit on its own here, if it cannot: an
    /// ordinary word of other jobs with no peer cue in the title, or an acronym that collides
    /// with others' and that neither the region hint nor the rest of the title supports.
    pub(crate) fn unsupported(
        &self,
        variant: &Variant,
        tokens: &[Token],
        read: &Qualifiers,
        resolution: &Resolution,
    ) -> Option<Unsupported> {
        if variant.needs_cue() && !open_world::has_cue(tokens) {
            return Some(Unsupported::NoCue);
        }
        if !variant.is_acronym() || variant.is_unambiguous() {
            return None;
        }
        let in_region = self
            .region
            .is_some_and(|hint| variant.regions().iter().any(|r| r.overlaps(hint)));
        // Words of the title that chose this role among those sharing the acronym support it.
        let chosen_by_title = matches!(resolution, Resolution::Context(_) | Resolution::Region);
        let supported = in_region
            || chosen_by_title
            || open_world::has_cue(tokens)
            || !read.domains().is_empty()
            || !read.populations().is_empty()
            || !read.settings().is_empty();
        (!supported).then_some(Unsupported::AcronymAlone)
    }

    pub(crate) fn role(&self, at: usize) -> &Role {
        &self.lexicon.roles()[at]
    }
}
