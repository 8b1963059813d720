//! Whether a choice commits: its score (the match's, less what the title leaves unexplained),
//! and the verdict it earns — ambiguous, unsupported by the title, below the threshold, or a
//! role.
//!
//! It takes the entries chosen (`choose`) and the qualifiers read, and gives a score and an
//! [`Outcome`]; `answer` words them.

use crate::data::entry::{Role, Variant, VariantStatus};
use crate::normalize::Token;
use crate::qualifiers::Qualifiers;
use crate::resolve::choose::{Chooser, Resolution, Unsupported};

/// How much each word the title carries but nothing could place lowers the score.
const UNPLACED_WORD_PENALTY: f64 = 0.04;
/// The most the unplaced words can take away.
const MAX_UNPLACED_PENALTY: f64 = 0.15;
/// Unverified variants count for a little less.
pub(crate) const UNVERIFIED_FACTOR: f64 = 0.95;
/// A shared title resolved by its context words or a region hint rather than by a variant.
const TIE_BROKEN_FACTOR: f64 = 0.9;
/// A narrower role whose variant's words are all in the title but not side by side.
const SCATTERED_FACTOR: f64 = 0.95;
/// What an answer that may not commit keeps of its score, below the threshold.
const WITHHELD_FACTOR: f64 = 0.9;

/// What a choice earns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Several roles, and nothing in the title decides.
    Ambiguous,
    /// One peer role, which the title does not support (see [`Unsupported`]).
    Unsupported(Unsupported),
    /// One entry, below the confidence threshold.
    BelowThreshold,
    /// One entry, committed.
    Commit,
}

/// A score in [0, 1], to three decimals.
pub(crate) fn round(score: f64) -> f64 {
    (score.clamp(0.0, 1.0) * 1000.0).round() / 1000.0
}

/// The score of a hit for the variant matched, as the title and the choice leave it.
pub(crate) fn score(
    hit_score: f64,
    unplaced_words: usize,
    variant: &Variant,
    resolution: &Resolution,
) -> f64 {
    let mut score = hit_score;
    let unplaced = unplaced_words as f64;
    score *= 1.0 - (UNPLACED_WORD_PENALTY * unplaced).min(MAX_UNPLACED_PENALTY);
    if variant.status() == VariantStatus::Unverified {
        score *= UNVERIFIED_FACTOR;
    }
    score *= match resolution {
        Resolution::Title => 1.0,
        Resolution::Narrower => SCATTERED_FACTOR,
        Resolution::Context(_) | Resolution::Region => TIE_BROKEN_FACTOR,
    };
    round(score)
}

/// The score kept by an answer that may not commit: below the threshold, whatever it was.
pub(crate) fn withheld(score: f64, threshold: f64) -> f64 {
    round(score.min(threshold) * WITHHELD_FACTOR)
}

/// The facts a verdict is decided on.
pub(crate) struct Choice<'c> {
    /// The entries chosen; one, or several when nothing decided.
    pub chosen: &'c [u32],
    /// The role and variant of the first entry chosen.
    pub role: &'c Role,
    pub variant: &'c Variant,
    pub resolution: &'c Resolution,
    pub score: f64,
}

impl Chooser<'_> {
    /// The verdict a choice earns. In an open world a peer role's variant must also be
    /// supported by the title (see [`Chooser::unsupported`]).
    pub(crate) fn outcome(
        &self,
        choice: &Choice<'_>,
        tokens: &[Token],
        read: &Qualifiers,
        open_world: bool,
        threshold: f64,
    ) -> Outcome {
        if choice.chosen.len() != 1 {
            return Outcome::Ambiguous;
        }
        if choice.role.is_peer() && open_world {
            if let Some(why) = self.unsupported(choice.variant, tokens, read, choice.resolution) {
                return Outcome::Unsupported(why);
            }
        }
        if choice.score < threshold {
            return Outcome::BelowThreshold;
        }
        Outcome::Commit
    }
}
