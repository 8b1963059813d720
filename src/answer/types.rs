//! The answer for one title: a verdict, the role and where it sits on the map, how sure and why.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::data::occupations::Occupation;
use crate::matching::index::Method;
use crate::model::{Dimension, Lang, Profile, Tradition};
use crate::qualifiers::{Evidence, Qualifiers};

/// What peermap concluded about a title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The title names a peer role.
    PeerRole,
    /// The title fits several entries and nothing in it decides between them.
    Ambiguous,
    /// The title names a look-alike that is not a peer role (nurse navigator, proche aidant).
    NotPeer,
    /// No lexicon entry covers the title.
    Unknown,
}

impl Verdict {
    /// Every verdict.
    pub const ALL: &'static [Verdict] = &[
        Verdict::PeerRole,
        Verdict::Ambiguous,
        Verdict::NotPeer,
        Verdict::Unknown,
    ];

    /// `peer_role`, `ambiguous`, `not_peer` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::PeerRole => "peer_role",
            Verdict::Ambiguous => "ambiguous",
            Verdict::NotPeer => "not_peer",
            Verdict::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An entry the title could name, with how well it fits.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    pub(crate) role: Arc<str>,
    pub(crate) score: f64,
}

impl Candidate {
    /// The entry's id.
    pub fn role(&self) -> &str {
        &self.role
    }

    /// How well the title fits it, in [0, 1].
    pub fn score(&self) -> f64 {
        self.score
    }
}

/// The answer for one title. Every field is always present (serialized as `null` or `[]`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Answer {
    pub(crate) input: String,
    pub(crate) verdict: Verdict,
    // Strings shared with the crosswalk (cloning an answer's role, label or lineage costs a
    // reference count, not an allocation).
    pub(crate) role: Option<Arc<str>>,
    pub(crate) lineage: Arc<[String]>,
    pub(crate) label: Option<Arc<str>>,
    pub(crate) traditions: Arc<[Tradition]>,
    pub(crate) score: f64,
    pub(crate) method: Option<Method>,
    pub(crate) matched: Option<Arc<str>>,
    pub(crate) lang: Option<Lang>,
    pub(crate) candidates: Arc<[Candidate]>,
    pub(crate) qualifiers: Qualifiers,
    pub(crate) profile: Profile,
    #[serde(serialize_with = "crate::qualifiers::serialize_evidence")]
    pub(crate) evidence: Vec<Evidence>,
    pub(crate) reason: Option<Arc<str>>,
    pub(crate) other_occupation: Option<Box<Occupation>>,
    /// Where the person's decision was written (`review.csv:12`), on method `decision`.
    pub(crate) decision: Option<Arc<str>>,
    pub(crate) truncated: bool,
    pub(crate) lexicon_version: Arc<str>,
    pub(crate) explanation: Arc<str>,
}

impl Answer {
    /// On `not_peer` because the title is another occupation's (method `occupation`): that
    /// occupation, from the background vocabulary; `None` otherwise.
    pub fn other_occupation(&self) -> Option<&Occupation> {
        self.other_occupation.as_deref()
    }

    /// On method `decision`: where the person's decision was written (`review.csv:12`, as
    /// given to [`crate::Decision::new`]); `None` otherwise.
    pub fn decision(&self) -> Option<&str> {
        self.decision.as_deref()
    }

    /// The title as given (cut at [`crate::MAX_TITLE_CHARS`] if it was longer).
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The verdict.
    pub fn verdict(&self) -> Verdict {
        self.verdict
    }

    /// The matched role on `peer_role`, the not-peer entry on `not_peer`, `None` otherwise.
    pub fn role(&self) -> Option<&str> {
        self.role.as_deref()
    }

    /// `[role, its broader role, …]`, the role first; empty without a role.
    pub fn lineage(&self) -> &[String] {
        &self.lineage
    }

    /// The role's label in the requested language.
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// The role's traditions.
    pub fn traditions(&self) -> &[Tradition] {
        &self.traditions
    }

    /// Confidence in [0, 1]; 0 for `unknown`.
    pub fn score(&self) -> f64 {
        self.score
    }

    /// How the variant was found.
    pub fn method(&self) -> Option<Method> {
        self.method
    }

    /// The lexicon variant that matched, as written in the lexicon.
    pub fn matched(&self) -> Option<&str> {
        self.matched.as_deref()
    }

    /// The language of the matched variant.
    pub fn lang(&self) -> Option<Lang> {
        self.lang
    }

    /// The entries the title could name, best first (several when ambiguous).
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// What the title says besides its role.
    pub fn qualifiers(&self) -> &Qualifiers {
        &self.qualifiers
    }

    /// The role's typical profile on the six questions (empty without a peer role).
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Profile values the title's own words are evidence for ("Hôpital" → space
    /// `institution`, "Certified" → status `training-certification`), each with its word and
    /// reason; kept apart from the role's typical [`Answer::profile`]. Empty unless the verdict
    /// is `peer_role`. Serialized as an object of the six dimensions, each a list of
    /// `{value, word, reason}`.
    pub fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    /// For `not_peer`, why the title is not a peer role, in the requested language.
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// Whether the title was cut before matching because it was too long.
    pub fn truncated(&self) -> bool {
        self.truncated
    }

    /// The version of the lexicon that produced this answer.
    pub fn lexicon_version(&self) -> &str {
        &self.lexicon_version
    }

    /// A sentence a person can read: which variant, what was read around it, why.
    pub fn explanation(&self) -> &str {
        &self.explanation
    }

    /// The code names the profile holds for `dimension`.
    pub fn profile_codes(&self, dimension: Dimension) -> Vec<&'static str> {
        self.profile.codes(dimension)
    }
}
