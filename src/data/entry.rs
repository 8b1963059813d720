//! One entry of the lexicon: a peer role or a look-alike, with its variants and codes.

use serde::Serialize;

use crate::data::region::Region;
use crate::model::{Lang, Profile, Tradition};

/// Whether an entry is a peer role or a look-alike title that is not one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A canonical kind of peer work.
    PeerRole,
    /// A title that looks like a peer role but is not one ("nurse navigator", "proche aidant").
    NotPeer,
}

impl Kind {
    /// The code name used in data files: `peer-role` or `not-peer`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::PeerRole => "peer-role",
            Kind::NotPeer => "not-peer",
        }
    }
}

/// How well a title variant is attested.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VariantStatus {
    /// Seen in the sources given.
    #[default]
    Verified,
    /// Another gender, number or spelling of a verified form.
    Derived,
    /// Not found in any source consulted; kept with a flag.
    Unverified,
}

/// One way of writing a role's title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Variant {
    pub(crate) text: String,
    pub(crate) lang: Lang,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) regions: Vec<Region>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) acronym: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) ambiguous: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) unambiguous: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) needs_cue: bool,
    /// Qualifiers this variant's words imply beyond the role's own (`key=code`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) implies: Vec<String>,
    pub(crate) status: VariantStatus,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) sources: Vec<String>,
}

impl Variant {
    /// The title as written in the lexicon.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Its language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Where it is in use, when usage is regional; empty means everywhere.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// Whether it is an acronym (matched only as a whole token, never fuzzily).
    pub fn is_acronym(&self) -> bool {
        self.acronym
    }

    /// Whether it is a shared head listed by several entries ("navigator", "PSW").
    pub fn is_ambiguous(&self) -> bool {
        self.ambiguous
    }

    /// Whether an acronym names this role on its own, in its language and regions ("CHW"):
    /// other acronyms commit only where the rest of the title supports them ("ASCP" is also
    /// a pathology society's credential).
    pub fn is_unambiguous(&self) -> bool {
        self.unambiguous
    }

    /// The qualifiers this variant implies beyond its role's, as `key=code` ("settings=prison"
    /// for *peer specialist in corrections*): added to an answer that matched it.
    pub fn implies(&self) -> &[String] {
        &self.implies
    }

    /// Whether the title is also an ordinary word of other occupations in its language
    /// ("promotor", "accompagnateur"): it commits only with a peer, community-health or
    /// lived-experience cue elsewhere in the title.
    pub fn needs_cue(&self) -> bool {
        self.needs_cue
    }

    /// How well it is attested.
    pub fn status(&self) -> VariantStatus {
        self.status
    }

    /// Where it was seen.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// A link from a role to an occupational classification (SOC 2018, ISCO-08, NOC 2021, ESCO).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OccupationCode {
    pub(crate) scheme: String,
    pub(crate) code: String,
    pub(crate) label: String,
    pub(crate) predicate: String,
    pub(crate) source: String,
}

impl OccupationCode {
    /// The classification: `soc2018`, `onet-soc`, `isco08`, `noc2021` or `esco`.
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// The code in that classification.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The occupation's official English title in that classification.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The SSSOM mapping predicate (`skos:exactMatch`, `skos:broadMatch`…), read as "the
    /// role *predicate* the occupation": `skos:broadMatch` means the occupation is broader.
    pub fn predicate(&self) -> &str {
        &self.predicate
    }

    /// Where the link is justified.
    pub fn source(&self) -> &str {
        &self.source
    }
}

/// A canonical peer role, or a not-peer entry, with its variants and sources.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Role {
    pub(crate) id: String,
    pub(crate) kind: Kind,
    pub(crate) broader: Option<String>,
    pub(crate) traditions: Vec<Tradition>,
    pub(crate) label: Bilingual,
    pub(crate) definition: Bilingual,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) reason: Option<Bilingual>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) profile: Option<Profile>,
    /// Qualifiers every title of the role implies (`key=code`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) implies: Vec<String>,
    /// Qualifiers its variants' words say only as part of the role's name (`key=code`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) not_implied: Vec<String>,
    pub(crate) variants: Vec<Variant>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) codes: Vec<OccupationCode>,
    pub(crate) sources: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub(crate) notes: String,
    #[serde(skip)]
    pub(crate) file: String,
}

/// A text in English and French.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bilingual {
    pub(crate) en: String,
    pub(crate) fr: String,
}

impl Bilingual {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }
}

impl Role {
    /// The stable id, e.g. `peer-support-worker`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Peer role or not-peer entry.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// Whether this is a peer role.
    pub fn is_peer(&self) -> bool {
        self.kind == Kind::PeerRole
    }

    /// The id of the broader role, if any.
    pub fn broader(&self) -> Option<&str> {
        self.broader.as_deref()
    }

    /// The traditions the role belongs to (empty for not-peer entries).
    pub fn traditions(&self) -> &[Tradition] {
        &self.traditions
    }

    /// The label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        self.label.get(lang)
    }

    /// The one-sentence definition in `lang`.
    pub fn definition(&self, lang: Lang) -> &str {
        self.definition.get(lang)
    }

    /// For a not-peer entry, why it is not a peer role.
    pub fn reason(&self, lang: Lang) -> Option<&str> {
        self.reason.as_ref().map(|r| r.get(lang))
    }

    /// The role's typical profile on the six questions (none for not-peer entries).
    pub fn profile(&self) -> Option<&Profile> {
        self.profile.as_ref()
    }

    /// The title variants.
    pub fn variants(&self) -> &[Variant] {
        &self.variants
    }

    /// Links to occupational classifications.
    pub fn codes(&self) -> &[OccupationCode] {
        &self.codes
    }

    /// The qualifiers every title of this entry implies, as `key=code` ("populations=youth"
    /// for the youth peer supporter): an answer naming the entry lists them in its qualifier
    /// fields and in [`crate::Qualifiers::implied`].
    pub fn implies(&self) -> &[String] {
        &self.implies
    }

    /// Qualifiers that words of its variants say only as part of the entry's name, as
    /// `key=code` ("seniority=manager" for *case manager*): never implied.
    pub fn not_implied(&self) -> &[String] {
        &self.not_implied
    }

    /// Sources for the role and its profile.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Free-text notes for reviewers.
    pub fn notes(&self) -> &str {
        &self.notes
    }

    /// The file the entry was read from.
    pub fn file(&self) -> &str {
        &self.file
    }
}
