//! The lexicon: one JSON file per role or not-peer entry, validated as code.
//!
//! The embedded lexicon is compiled in from `data/` and parsed once, on first use. A user
//! lexicon (a folder of files in the same format) goes through the same loader and the same
//! checks, so `peermap lexicon check` and the test suite see exactly what the matcher sees.
//! Every problem is reported with the file, the entry and the field it concerns.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use once_cell::sync::Lazy;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::fnv::Fnv64;
use crate::model::{Dimension, Lang, Profile, Status, Tradition, UnknownCode};
use crate::normalize;

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

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

/// An ISO 3166 region: a country (`CA`, `FR`, `GB`) or a subdivision (`CA-QC`, `CA-ON`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Region(String);

impl Region {
    /// Parses a region code; letters are upper-cased (`ca-qc` → `CA-QC`).
    pub fn parse(code: &str) -> Option<Region> {
        let upper = code.trim().to_ascii_uppercase();
        let (country, sub) = match upper.split_once('-') {
            Some((c, s)) => (c, Some(s)),
            None => (upper.as_str(), None),
        };
        let country_ok = ISO_COUNTRIES.binary_search(&country).is_ok();
        let sub_ok = sub.map_or(true, |s| {
            (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
        });
        (country_ok && sub_ok).then_some(Region(upper))
    }

    /// The code a contributor most likely meant by a common non-ISO shorthand: a Canadian
    /// province or territory alone (`QC` → `CA-QC`) or `UK` (→ `GB`); `None` otherwise.
    pub fn suggest(code: &str) -> Option<Region> {
        let upper = code.trim().to_ascii_uppercase();
        if upper == "UK" {
            return Region::parse("GB");
        }
        CANADIAN_SUBDIVISIONS
            .contains(&upper.as_str())
            .then(|| Region::parse(&format!("CA-{upper}")))
            .flatten()
    }

    /// The code, e.g. `CA-QC`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country part, e.g. `CA` for `CA-QC`.
    pub fn country(&self) -> &str {
        &self.0[..2]
    }

    /// Whether a title used in `self` is in use for someone in `hint`: the same code, or one
    /// inside the other (a subdivision implies its country).
    pub fn overlaps(&self, hint: &Region) -> bool {
        self == hint
            || (self.0.len() == 2 && hint.country() == self.0)
            || (hint.0.len() == 2 && self.country() == hint.0)
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Canada's provinces and territories, which contributors often write alone ("QC").
const CANADIAN_SUBDIVISIONS: &[&str] = &[
    "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
];

/// What to write instead of a region code that is not ISO 3166.
fn region_hint(region: &str) -> String {
    match Region::suggest(region) {
        Some(r) if r.as_str() == "GB" => "the ISO 3166 code of the United Kingdom is GB".to_string(),
        Some(r) => format!("a Canadian province is written with its country: {r}"),
        None => "use a country (CA, FR, GB, BE, CH, SN…) or a subdivision with its country (CA-QC, CA-ON)"
            .to_string(),
    }
}

/// The officially assigned ISO 3166-1 alpha-2 country codes (249), so that "UK" or "QC"
/// is caught: the codes are `GB` and `CA-QC`.
const ISO_COUNTRIES: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// One way of writing a role's title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Variant {
    text: String,
    lang: Lang,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    regions: Vec<Region>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    acronym: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    ambiguous: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unambiguous: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    needs_cue: bool,
    status: VariantStatus,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<String>,
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
    scheme: String,
    code: String,
    label: String,
    predicate: String,
    source: String,
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
    id: String,
    kind: Kind,
    broader: Option<String>,
    traditions: Vec<Tradition>,
    label: Bilingual,
    definition: Bilingual,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<Bilingual>,
    #[serde(skip_serializing_if = "Option::is_none")]
    profile: Option<Profile>,
    variants: Vec<Variant>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    codes: Vec<OccupationCode>,
    sources: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    notes: String,
    #[serde(skip)]
    file: String,
}

/// A text in English and French.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bilingual {
    en: String,
    fr: String,
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

/// A validated set of entries.
#[derive(Clone, Debug)]
pub struct Lexicon {
    roles: Vec<Role>,
    by_id: crate::index::FastMap<String, usize>,
    version: String,
}

static EMBEDDED: Lazy<Result<Lexicon, LexiconErrors>> = Lazy::new(Lexicon::parse_embedded);

/// Whether `broader` must name an entry of the same set, or may name one of the lexicon the
/// set will extend.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Standalone,
    Extension,
}

impl Lexicon {
    /// The lexicon compiled into the library, parsed on first use.
    ///
    /// # Panics
    ///
    /// If the embedded data is invalid, which the crate's own tests rule out; use
    /// [`Lexicon::try_embedded`] to get the problems instead.
    pub fn embedded() -> &'static Lexicon {
        Lexicon::try_embedded()
            .unwrap_or_else(|errors| panic!("the embedded lexicon is invalid:\n{errors}"))
    }

    /// The lexicon compiled into the library, or every problem in its data.
    pub fn try_embedded() -> Result<&'static Lexicon, &'static LexiconErrors> {
        EMBEDDED.as_ref()
    }

    /// Parses and validates the embedded files anew, as the first call to
    /// [`Lexicon::embedded`] does (which keeps the result); for measuring start-up.
    pub fn parse_embedded() -> Result<Lexicon, LexiconErrors> {
        Lexicon::from_sources(EMBEDDED_FILES.iter().copied(), LEXICON_VERSION.to_string())
    }

    /// Reads and validates a complete lexicon from a folder of `*.json` entry files, or from
    /// one file: every `broader` must name one of its own entries.
    ///
    /// Its version is `user-` plus a short hash of the files.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Lexicon, LexiconErrors> {
        Lexicon::read_path(path.as_ref(), Scope::Standalone)
    }

    /// Reads and validates entries meant to extend another lexicon (an organization's local
    /// titles): `broader` may name an entry of the lexicon they will extend, which is checked
    /// when they are combined ([`Lexicon::extended`], [`crate::CrosswalkBuilder::lexicon`]).
    pub fn extension_from_path(path: impl AsRef<Path>) -> Result<Lexicon, LexiconErrors> {
        Lexicon::read_path(path.as_ref(), Scope::Extension)
    }

    fn read_path(path: &Path, scope: Scope) -> Result<Lexicon, LexiconErrors> {
        let files = read_entry_files(path)?;
        let version = format!("user-{:08x}", hash_files(&files));
        Lexicon::parse_sources(
            files.iter().map(|(n, t)| (n.as_str(), t.as_str())),
            version,
            scope,
        )
    }

    /// Validates a complete lexicon given as `(file name, JSON text)` pairs.
    pub fn from_sources<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
        version: String,
    ) -> Result<Lexicon, LexiconErrors> {
        Lexicon::parse_sources(files, version, Scope::Standalone)
    }

    fn parse_sources<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
        version: String,
        scope: Scope,
    ) -> Result<Lexicon, LexiconErrors> {
        let mut errors = Vec::new();
        let mut roles = Vec::new();
        for (file, text) in files {
            match parse_file(file, text) {
                Ok(role) => roles.push(role),
                Err(mut errs) => errors.append(&mut errs),
            }
        }
        errors.extend(check_entries(&roles, scope));
        if errors.is_empty() {
            Ok(Lexicon::assemble(roles, version))
        } else {
            Err(LexiconErrors(errors))
        }
    }

    /// The embedded entries extended by `extra`: an entry of `extra` whose id already exists
    /// replaces it. The result is validated as a whole and versioned `base.extra`.
    pub fn extended(&self, extra: &Lexicon) -> Result<Lexicon, LexiconErrors> {
        let mut roles: Vec<Role> = self
            .roles
            .iter()
            .filter(|r| extra.get(r.id()).is_none())
            .cloned()
            .collect();
        roles.extend(extra.roles.iter().cloned());
        let errors = check_entries(&roles, Scope::Standalone);
        if errors.is_empty() {
            let version = format!("{}.{}", self.version, extra.version);
            Ok(Lexicon::assemble(roles, version))
        } else {
            Err(LexiconErrors(errors))
        }
    }

    /// This lexicon checked as complete on its own (an extension's `broader` must now resolve).
    pub(crate) fn checked_alone(&self) -> Result<Lexicon, LexiconErrors> {
        let errors = check_entries(&self.roles, Scope::Standalone);
        if errors.is_empty() {
            Ok(self.clone())
        } else {
            Err(LexiconErrors(errors))
        }
    }

    fn assemble(mut roles: Vec<Role>, version: String) -> Lexicon {
        roles.sort_by(|a, b| a.id.cmp(&b.id));
        let by_id = roles
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        Lexicon {
            roles,
            by_id,
            version,
        }
    }

    /// Every entry, peer roles and not-peer entries, sorted by id.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Role> {
        self.by_id.get(id).map(|&i| &self.roles[i])
    }

    /// The version printed with every answer.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// `[id, its broader, that one's broader, …]`; empty if `id` is unknown.
    pub fn lineage(&self, id: &str) -> Vec<&str> {
        let mut chain = Vec::new();
        let mut current = self.get(id);
        while let Some(role) = current {
            if chain.contains(&role.id()) {
                break; // cycles are rejected by validation; this only guards the loop
            }
            chain.push(role.id());
            current = role.broader().and_then(|b| self.get(b));
        }
        chain
    }
}

/// Checks a lexicon folder (or file) and returns every problem found, without stopping at the
/// first; an empty list means the lexicon is valid. A folder's `qualifiers/` subfolder, if it
/// has one, is checked as the qualifier vocabulary.
pub fn check_path(path: impl AsRef<Path>) -> Vec<LexiconError> {
    let path = path.as_ref();
    let mut errors = match Lexicon::from_path(path) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.0,
    };
    errors.extend(crate::vocabulary::check_folder(path));
    errors.extend(crate::composition::check_folder(path));
    errors
}

/// The entry files of a lexicon: every `*.json` in the folder except `*.schema.json`, in name
/// order, or the one file given.
pub fn entry_files(path: impl AsRef<Path>) -> std::io::Result<Vec<PathBuf>> {
    let path = path.as_ref();
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(path)? {
        let p = entry?.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name.ends_with(".json") && !name.ends_with(".schema.json") {
            paths.push(p);
        }
    }
    paths.sort();
    Ok(paths)
}

pub(crate) fn read_entry_files(path: &Path) -> Result<Vec<(String, String)>, LexiconErrors> {
    let io_error = |file: &Path, e: std::io::Error| {
        LexiconErrors(vec![LexiconError::new(
            &file.display().to_string(),
            None,
            None,
            ErrorKind::Io(e.to_string()),
        )])
    };
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in entry_files(path).map_err(|e| io_error(path, e))? {
        let name = p.display().to_string();
        match std::fs::read(&p) {
            Ok(bytes) => match utf8_text(bytes) {
                Ok(text) => files.push((name, text)),
                Err(kind) => errors.push(LexiconError::new(&name, None, None, kind)),
            },
            Err(e) => errors.extend(io_error(&p, e).0),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(LexiconErrors(errors))
    }
}

/// A data file's bytes as text; a file that is not UTF-8 is an error saying what it looks like
/// (UTF-16 from Notepad's "Unicode", or the first byte that is not UTF-8, with its line).
fn utf8_text(bytes: Vec<u8>) -> Result<String, ErrorKind> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let utf16 = bytes.starts_with(&[0xFF, 0xFE])
            || bytes.starts_with(&[0xFE, 0xFF])
            || bytes.iter().take(64).filter(|&&b| b == 0).count() >= 8;
        ErrorKind::NotUtf8(if utf16 {
            "it looks like UTF-16".to_string()
        } else {
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            format!("byte 0x{:02X} on line {line}", bytes[at])
        })
    })
}

/// `text` without a leading byte-order mark, which some Windows editors write and JSON
/// parsers may ignore (RFC 8259, 8.1). `lexicon fmt` removes it.
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn hash_files(files: &[(String, String)]) -> u32 {
    let mut hash = Fnv64::new();
    for (name, text) in files {
        let base = Path::new(name)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(name);
        hash.write(base.as_bytes());
        hash.write(text.as_bytes());
    }
    hash.finish() as u32
}

/// One problem in a lexicon, located by file, entry and field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    file: String,
    entry: Option<String>,
    field: Option<String>,
    // Boxed: the kinds carry strings, and a small error keeps `Result`s cheap to return.
    kind: Box<ErrorKind>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    Io(String),
    /// The file is not UTF-8; what it looks like instead.
    NotUtf8(String),
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    NotAnObject,
    Missing,
    UnknownField,
    WrongType(&'static str),
    Empty,
    UnknownValue(String),
    BadId,
    IdNotFileName(String),
    DuplicateId(String),
    BadRegion(String),
    EmptyVariant,
    RepeatedVariant {
        text: String,
        first: String,
    },
    SharedVariant {
        text: String,
        other: String,
    },
    SharedWord {
        text: String,
        other: String,
    },
    UnknownBroader(String),
    BroaderNotPeer(String),
    BroaderCycle(Vec<String>),
    Forbidden(&'static str),
    PeopleSupportedMissing,
}

impl LexiconError {
    pub(crate) fn not_json(file: &str, error: &serde_json::Error) -> Self {
        LexiconError::new(
            file,
            None,
            None,
            ErrorKind::Syntax {
                line: error.line(),
                column: error.column(),
                message: error.to_string(),
            },
        )
    }

    pub(crate) fn new(
        file: &str,
        entry: Option<&str>,
        field: Option<&str>,
        kind: ErrorKind,
    ) -> Self {
        LexiconError {
            file: file.to_string(),
            entry: entry.map(str::to_string),
            field: field.map(str::to_string),
            kind: Box::new(kind),
        }
    }

    /// The file concerned.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The entry id concerned, when it could be read.
    pub fn entry(&self) -> Option<&str> {
        self.entry.as_deref()
    }

    /// The field concerned, as a path such as `variants[3].regions[0]`.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// The line of a JSON syntax error.
    pub fn line(&self) -> Option<usize> {
        match *self.kind {
            ErrorKind::Syntax { line, .. } => Some(line),
            _ => None,
        }
    }

    /// How to fix the problem, for a contributor who is not a programmer; `None` when the
    /// message already says it.
    pub fn hint(&self) -> Option<String> {
        let hint = match &*self.kind {
            ErrorKind::Io(_) => "check that the path exists and can be read",
            ErrorKind::NotUtf8(_) => {
                "save it as UTF-8 (in Notepad: Save as, then Encoding: UTF-8): lexicon files are UTF-8 JSON"
            }
            ErrorKind::Syntax { .. } => {
                "look at the line given and the one before it: a missing comma or quote, or a comma before } or ], is the usual cause"
            }
            ErrorKind::NotAnObject => "an entry file holds one JSON object: {\"id\": …, \"kind\": …}",
            ErrorKind::Missing => {
                "add the field; data/lexicon.schema.json and any entry in data/ show what it holds"
            }
            ErrorKind::UnknownField => {
                "check its spelling against data/lexicon.schema.json; fields are lower case (\"sources\", not \"source\" or \"Sources\")"
            }
            ErrorKind::WrongType(t) => return Some(format!("write it as {t}")),
            ErrorKind::Empty => "give it a value, or remove it if it is optional",
            ErrorKind::BadId => "use lowercase words joined by hyphens, e.g. peer-navigator, and name the file the same",
            ErrorKind::IdNotFileName(_) => "rename the file, or change the id, so that they match",
            ErrorKind::DuplicateId(_) => "each entry needs its own id: rename one, or merge the two files",
            ErrorKind::BadRegion(r) => return Some(region_hint(r)),
            ErrorKind::EmptyVariant => "a title needs at least one letter or digit",
            ErrorKind::RepeatedVariant { .. } => {
                "keep one: case, accents, hyphens, plurals and French gender and inclusive forms are folded by the matcher, so type each title once"
            }
            ErrorKind::UnknownBroader(_) => {
                "broader is the id of a wider peer role (see `peermap roles`), or null"
            }
            ErrorKind::BroaderNotPeer(_) => "only a peer role can be narrower or broader than a peer role",
            ErrorKind::BroaderCycle(_) => "set broader to null on the widest role of the chain",
            ErrorKind::Forbidden(_) => {
                "a peer role has a profile and traditions; a not-peer entry has a reason instead"
            }
            ErrorKind::UnknownValue(_)
            | ErrorKind::SharedVariant { .. }
            | ErrorKind::SharedWord { .. }
            | ErrorKind::PeopleSupportedMissing => return None,
        };
        Some(hint.to_string())
    }

    fn message(&self) -> String {
        match &*self.kind {
            ErrorKind::Io(e) => format!("cannot read: {e}"),
            ErrorKind::NotUtf8(what) => format!("not UTF-8 text: {what}"),
            ErrorKind::Syntax { line, column, message } => {
                format!("not valid JSON at line {line}, column {column}: {message}")
            }
            ErrorKind::NotAnObject => "an entry file must hold one JSON object".to_string(),
            ErrorKind::Missing => "is required".to_string(),
            ErrorKind::UnknownField => "is not a known field (see data/lexicon.schema.json)".to_string(),
            ErrorKind::WrongType(t) => format!("must be {t}"),
            ErrorKind::Empty => "must not be empty".to_string(),
            ErrorKind::UnknownValue(m) => m.clone(),
            ErrorKind::BadId => "must be lowercase words joined by hyphens, e.g. peer-navigator".to_string(),
            ErrorKind::IdNotFileName(stem) => format!("must equal the file name \"{stem}\""),
            ErrorKind::DuplicateId(other) => format!("is also the id of the entry in {other}"),
            ErrorKind::BadRegion(r) => {
                format!("\"{r}\" is not an ISO 3166 code such as CA, FR, GB or CA-QC")
            }
            ErrorKind::EmptyVariant => "has no letters or digits left after normalization".to_string(),
            ErrorKind::RepeatedVariant { text, first } => format!(
                "\"{text}\" normalizes to the same text as \"{first}\" in the same entry; keep one"
            ),
            ErrorKind::SharedVariant { text, other } => format!(
                "\"{text}\" normalizes to the same text as a variant of \"{other}\"; mark every copy \"ambiguous\": true if the title is a shared head, or remove one"
            ),
            ErrorKind::SharedWord { text, other } => format!(
                "\"{text}\" normalizes to the same text as a word of \"{other}\"; a word names one qualifier code, so keep it in one file"
            ),
            ErrorKind::UnknownBroader(b) => format!("\"{b}\" is not the id of any entry"),
            ErrorKind::BroaderNotPeer(b) => format!("\"{b}\" is not a peer role"),
            ErrorKind::BroaderCycle(chain) => format!("makes a cycle: {}", chain.join(" → ")),
            ErrorKind::Forbidden(why) => format!("is not allowed {why}"),
            ErrorKind::PeopleSupportedMissing => {
                "must include \"people-supported\": every peer role is recognized by the people it supports (Panaite et al. 2024, §6.2)".to_string()
            }
        }
    }
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(entry) = &self.entry {
            write!(f, ": entry \"{entry}\"")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field \"{field}\"")?;
        }
        write!(f, ": {}", self.message())
    }
}

impl std::error::Error for LexiconError {}

/// Every problem found in a lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconErrors(Vec<LexiconError>);

impl LexiconErrors {
    /// The problems, in file order.
    pub fn errors(&self) -> &[LexiconError] {
        &self.0
    }
}

impl fmt::Display for LexiconErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LexiconErrors {}

impl LexiconErrors {
    pub(crate) fn from_errors(errors: Vec<LexiconError>) -> Self {
        LexiconErrors(errors)
    }
}

/// Reads one entry, collecting every field error instead of stopping at the first.
pub(crate) struct EntryReader<'a> {
    file: &'a str,
    pub(crate) entry: Option<String>,
    pub(crate) errors: Vec<LexiconError>,
}

impl<'a> EntryReader<'a> {
    pub(crate) fn new(file: &'a str) -> Self {
        EntryReader {
            file,
            entry: None,
            errors: Vec::new(),
        }
    }

    pub(crate) fn error(&mut self, field: &str, kind: ErrorKind) {
        let entry = self.entry.clone();
        self.errors.push(LexiconError::new(
            self.file,
            entry.as_deref(),
            Some(field),
            kind,
        ));
    }

    pub(crate) fn string(
        &mut self,
        obj: &Map<String, Value>,
        field: &str,
        path: &str,
    ) -> Option<String> {
        match obj.get(field) {
            None => {
                self.error(path, ErrorKind::Missing);
                None
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.error(path, ErrorKind::Empty);
                None
            }
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                self.error(path, ErrorKind::WrongType("a string"));
                None
            }
        }
    }

    pub(crate) fn optional_bool(
        &mut self,
        obj: &Map<String, Value>,
        field: &str,
        path: &str,
    ) -> bool {
        match obj.get(field) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.error(path, ErrorKind::WrongType("true or false"));
                false
            }
        }
    }

    pub(crate) fn strings(
        &mut self,
        obj: &Map<String, Value>,
        field: &str,
        path: &str,
        required: bool,
    ) -> Vec<String> {
        match obj.get(field) {
            None if required => {
                self.error(path, ErrorKind::Missing);
                Vec::new()
            }
            None => Vec::new(),
            Some(Value::Array(items)) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::String(s) if !s.trim().is_empty() => out.push(s.clone()),
                        _ => self.error(
                            &format!("{path}[{i}]"),
                            ErrorKind::WrongType("a non-empty string"),
                        ),
                    }
                }
                if required && out.is_empty() && items.is_empty() {
                    self.error(path, ErrorKind::Empty);
                }
                out
            }
            Some(_) => {
                self.error(path, ErrorKind::WrongType("a list of strings"));
                Vec::new()
            }
        }
    }

    pub(crate) fn codes<T: std::str::FromStr<Err = UnknownCode>>(
        &mut self,
        obj: &Map<String, Value>,
        field: &str,
        path: &str,
        required: bool,
    ) -> Vec<T> {
        let mut out = Vec::new();
        for (i, code) in self.strings(obj, field, path, required).iter().enumerate() {
            match code.parse::<T>() {
                Ok(value) => out.push(value),
                Err(e) => self.error(
                    &format!("{path}[{i}]"),
                    ErrorKind::UnknownValue(e.to_string()),
                ),
            }
        }
        out
    }

    pub(crate) fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        allowed: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(obj) = value else {
            self.error(path, ErrorKind::WrongType("an object"));
            return None;
        };
        for key in obj.keys() {
            if !allowed.contains(&key.as_str()) {
                let field = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                self.error(&field, ErrorKind::UnknownField);
            }
        }
        Some(obj)
    }

    pub(crate) fn bilingual(&mut self, obj: &Map<String, Value>, field: &str) -> Option<Bilingual> {
        self.bilingual_at(obj, field, field)
    }

    /// The text in both languages under `key`, reported at `path` (e.g. `evidence[0].reason`).
    pub(crate) fn bilingual_at(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &str,
    ) -> Option<Bilingual> {
        let Some(value) = obj.get(key) else {
            self.error(path, ErrorKind::Missing);
            return None;
        };
        let inner = self.object(value, path, &["en", "fr"])?;
        let en = self.string(inner, "en", &format!("{path}.en"));
        let fr = self.string(inner, "fr", &format!("{path}.fr"));
        Some(Bilingual { en: en?, fr: fr? })
    }
}

pub(crate) const ENTRY_FIELDS: &[&str] = &[
    "id",
    "kind",
    "broader",
    "traditions",
    "label",
    "definition",
    "reason",
    "profile",
    "variants",
    "codes",
    "sources",
    "notes",
];
pub(crate) const VARIANT_FIELDS: &[&str] = &[
    "text",
    "lang",
    "regions",
    "acronym",
    "ambiguous",
    "unambiguous",
    "needs_cue",
    "status",
    "sources",
];
/// What a code of `scheme` looks like, when `code` does not: SOC "21-1094", O*NET-SOC
/// "21-1094.00", ISCO-08 "3253", NOC 2021 "42201", ESCO an occupation URI.
fn code_form_error(scheme: &str, code: &str) -> Option<&'static str> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let soc = |s: &str| matches!(s.split_once('-'), Some((a, b)) if digits(a, 2) && digits(b, 4));
    let ok = match scheme {
        "soc2018" => soc(code),
        "onet-soc" => matches!(code.split_once('.'), Some((s, d)) if soc(s) && digits(d, 2)),
        "isco08" => digits(code, 4),
        "noc2021" => digits(code, 5),
        "esco" => code.starts_with("http://data.europa.eu/esco/occupation/"),
        _ => return None,
    };
    (!ok).then_some(match scheme {
        "soc2018" => "expected two digits, a hyphen and four digits, e.g. 21-1094",
        "onet-soc" => "expected a SOC code and two digits, e.g. 21-1094.00",
        "isco08" => "expected a four-digit unit group, e.g. 3253",
        "noc2021" => "expected a five-digit unit group, e.g. 42201",
        _ => "expected an occupation URI, http://data.europa.eu/esco/occupation/…",
    })
}

pub(crate) const CODE_FIELDS: &[&str] = &["scheme", "code", "label", "predicate", "source"];
const CODE_SCHEMES: &[&str] = &["soc2018", "onet-soc", "isco08", "noc2021", "esco"];
const CODE_PREDICATES: &[&str] = &[
    "skos:exactMatch",
    "skos:broadMatch",
    "skos:narrowMatch",
    "skos:relatedMatch",
];

/// The JSON object a data file holds, or the error naming the file.
pub(crate) fn json_object(file: &str, text: &str) -> Result<Value, Vec<LexiconError>> {
    let value: Value = serde_json::from_str(without_bom(text))
        .map_err(|e| vec![LexiconError::not_json(file, &e)])?;
    if !value.is_object() {
        return Err(vec![LexiconError::new(
            file,
            None,
            None,
            ErrorKind::NotAnObject,
        )]);
    }
    Ok(value)
}

fn parse_file(file: &str, text: &str) -> Result<Role, Vec<LexiconError>> {
    let value = json_object(file, text)?;
    let mut r = EntryReader::new(file);
    let Value::Object(fields) = &value else {
        unreachable!("json_object returns objects")
    };
    // The id first, so that every later message can name the entry.
    let id = read_id(&mut r, fields, file);
    r.entry = id
        .clone()
        .or_else(|| fields.get("id").and_then(Value::as_str).map(str::to_string));
    let obj = r.object(&value, "", ENTRY_FIELDS).expect("checked above");
    let kind = match r.string(obj, "kind", "kind").as_deref() {
        Some("peer-role") => Some(Kind::PeerRole),
        Some("not-peer") => Some(Kind::NotPeer),
        Some(other) => {
            r.error(
                "kind",
                ErrorKind::UnknownValue(format!(
                    "unknown kind \"{other}\" (expected one of: peer-role, not-peer)"
                )),
            );
            None
        }
        None => None,
    };
    let broader = match obj.get("broader") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            r.error("broader", ErrorKind::WrongType("a role id or null"));
            None
        }
    };
    let traditions: Vec<Tradition> = r.codes(obj, "traditions", "traditions", false);
    let label = r.bilingual(obj, "label");
    let definition = r.bilingual(obj, "definition");
    let reason = obj
        .contains_key("reason")
        .then(|| r.bilingual(obj, "reason"))
        .flatten();
    let profile = obj.get("profile").and_then(|p| read_profile(&mut r, p));
    let variants = read_variants(&mut r, obj);
    let codes = read_codes(&mut r, obj);
    let sources = r.strings(obj, "sources", "sources", true);
    let notes = match obj.get("notes") {
        None => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => {
            r.error("notes", ErrorKind::WrongType("a string"));
            String::new()
        }
    };
    match kind {
        Some(Kind::PeerRole) => {
            if profile.is_none() && !obj.contains_key("profile") {
                r.error("profile", ErrorKind::Missing);
            }
            if traditions.is_empty() && !obj.contains_key("traditions") {
                r.error("traditions", ErrorKind::Missing);
            } else if traditions.is_empty() {
                r.error("traditions", ErrorKind::Empty);
            }
            if reason.is_some() {
                r.error(
                    "reason",
                    ErrorKind::Forbidden("on a peer role (only not-peer entries give a reason)"),
                );
            }
        }
        Some(Kind::NotPeer) => {
            if reason.is_none() && !obj.contains_key("reason") {
                r.error("reason", ErrorKind::Missing);
            }
            if obj.contains_key("profile") {
                r.error("profile", ErrorKind::Forbidden("on a not-peer entry"));
            }
            if !traditions.is_empty() {
                r.error("traditions", ErrorKind::Forbidden("on a not-peer entry"));
            }
        }
        None => {}
    }
    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    Ok(Role {
        id: id.expect("no errors"),
        kind: kind.expect("no errors"),
        broader,
        traditions,
        label: label.expect("no errors"),
        definition: definition.expect("no errors"),
        reason,
        profile,
        variants,
        codes,
        sources,
        notes,
        file: file.to_string(),
    })
}

fn read_id(r: &mut EntryReader<'_>, obj: &Map<String, Value>, file: &str) -> Option<String> {
    let id = r.string(obj, "id", "id")?;
    let well_formed = id.split('-').all(|part| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    });
    if !well_formed {
        r.entry = Some(id.clone());
        r.error("id", ErrorKind::BadId);
        return None;
    }
    let stem = Path::new(file)
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".json"));
    if let Some(stem) = stem {
        if stem != id {
            r.entry = Some(id.clone());
            r.error("id", ErrorKind::IdNotFileName(stem.to_string()));
        }
    }
    Some(id)
}

fn read_profile(r: &mut EntryReader<'_>, value: &Value) -> Option<Profile> {
    let names: Vec<&str> = Dimension::ALL.iter().map(|d| d.as_str()).collect();
    let obj = r.object(value, "profile", &names)?;
    let mut profile = Profile::default();
    for dim in Dimension::ALL {
        let path = format!("profile.{dim}");
        for (i, code) in r.strings(obj, dim.as_str(), &path, true).iter().enumerate() {
            if let Err(e) = profile.insert_code(*dim, code) {
                r.error(
                    &format!("{path}[{i}]"),
                    ErrorKind::UnknownValue(e.to_string()),
                );
            }
        }
    }
    if !profile.status.contains(Status::PeopleSupported) {
        r.error("profile.status", ErrorKind::PeopleSupportedMissing);
    }
    Some(profile)
}

fn read_variants(r: &mut EntryReader<'_>, obj: &Map<String, Value>) -> Vec<Variant> {
    let items = match obj.get("variants") {
        None => {
            r.error("variants", ErrorKind::Missing);
            return Vec::new();
        }
        Some(Value::Array(items)) if items.is_empty() => {
            r.error("variants", ErrorKind::Empty);
            return Vec::new();
        }
        Some(Value::Array(items)) => items,
        Some(_) => {
            r.error(
                "variants",
                ErrorKind::WrongType("a list of variant objects"),
            );
            return Vec::new();
        }
    };
    let mut variants = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("variants[{i}]");
        let Some(v) = r.object(item, &path, VARIANT_FIELDS) else {
            continue;
        };
        let text = r.string(v, "text", &format!("{path}.text"));
        let lang = match r.string(v, "lang", &format!("{path}.lang")) {
            Some(code) => match code.parse::<Lang>() {
                Ok(lang) => Some(lang),
                Err(e) => {
                    r.error(
                        &format!("{path}.lang"),
                        ErrorKind::UnknownValue(e.to_string()),
                    );
                    None
                }
            },
            None => None,
        };
        let mut regions = Vec::new();
        for (j, code) in r
            .strings(v, "regions", &format!("{path}.regions"), false)
            .iter()
            .enumerate()
        {
            match Region::parse(code).filter(|reg| reg.as_str() == code) {
                Some(region) => regions.push(region),
                None => r.error(
                    &format!("{path}.regions[{j}]"),
                    ErrorKind::BadRegion(code.clone()),
                ),
            }
        }
        let acronym = r.optional_bool(v, "acronym", &format!("{path}.acronym"));
        let ambiguous = r.optional_bool(v, "ambiguous", &format!("{path}.ambiguous"));
        let unambiguous = r.optional_bool(v, "unambiguous", &format!("{path}.unambiguous"));
        let needs_cue = r.optional_bool(v, "needs_cue", &format!("{path}.needs_cue"));
        if unambiguous && !acronym {
            r.error(
                &format!("{path}.unambiguous"),
                ErrorKind::UnknownValue(
                    "\"unambiguous\" marks an acronym that names the role alone; this variant is not an acronym".into(),
                ),
            );
        }
        if unambiguous && ambiguous {
            r.error(
                &format!("{path}.unambiguous"),
                ErrorKind::UnknownValue(
                    "a variant cannot be both \"ambiguous\" (a shared head) and \"unambiguous\""
                        .into(),
                ),
            );
        }
        if needs_cue && acronym {
            r.error(
                &format!("{path}.needs_cue"),
                ErrorKind::UnknownValue(
                    "\"needs_cue\" is for ordinary words; an acronym is governed by \"unambiguous\"".into(),
                ),
            );
        }
        let status = match v.get("status") {
            None => VariantStatus::Verified,
            Some(Value::String(s)) if s == "verified" => VariantStatus::Verified,
            Some(Value::String(s)) if s == "derived" => VariantStatus::Derived,
            Some(Value::String(s)) if s == "unverified" => VariantStatus::Unverified,
            Some(other) => {
                r.error(
                    &format!("{path}.status"),
                    ErrorKind::UnknownValue(format!(
                        "unknown status {other} (expected one of: verified, derived, unverified)"
                    )),
                );
                VariantStatus::Verified
            }
        };
        let sources = r.strings(v, "sources", &format!("{path}.sources"), false);
        if let Some(text) = &text {
            if normalize::normalize(text).is_empty() {
                r.error(&format!("{path}.text"), ErrorKind::EmptyVariant);
            }
        }
        if let (Some(text), Some(lang)) = (text, lang) {
            variants.push(Variant {
                text,
                lang,
                regions,
                acronym,
                ambiguous,
                unambiguous,
                needs_cue,
                status,
                sources,
            });
        }
    }
    variants
}

fn read_codes(r: &mut EntryReader<'_>, obj: &Map<String, Value>) -> Vec<OccupationCode> {
    let items = match obj.get("codes") {
        None => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            r.error("codes", ErrorKind::WrongType("a list of code objects"));
            return Vec::new();
        }
    };
    let mut codes = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("codes[{i}]");
        let Some(c) = r.object(item, &path, CODE_FIELDS) else {
            continue;
        };
        let scheme = r.string(c, "scheme", &format!("{path}.scheme"));
        let code = r.string(c, "code", &format!("{path}.code"));
        let label = r.string(c, "label", &format!("{path}.label"));
        let predicate = r.string(c, "predicate", &format!("{path}.predicate"));
        let source = r.string(c, "source", &format!("{path}.source"));
        if let Some(s) = scheme.as_deref().filter(|s| !CODE_SCHEMES.contains(s)) {
            r.error(
                &format!("{path}.scheme"),
                ErrorKind::UnknownValue(format!(
                    "unknown scheme \"{s}\" (expected one of: {})",
                    CODE_SCHEMES.join(", ")
                )),
            );
        }
        if let Some(p) = predicate
            .as_deref()
            .filter(|p| !CODE_PREDICATES.contains(p))
        {
            r.error(
                &format!("{path}.predicate"),
                ErrorKind::UnknownValue(format!(
                    "unknown predicate \"{p}\" (expected one of: {})",
                    CODE_PREDICATES.join(", ")
                )),
            );
        }
        if let (Some(scheme), Some(code)) = (&scheme, &code) {
            if let Some(form) = code_form_error(scheme, code) {
                r.error(
                    &format!("{path}.code"),
                    ErrorKind::UnknownValue(format!("\"{code}\" is not a {scheme} code: {form}")),
                );
            }
        }
        if let (Some(scheme), Some(code), Some(label), Some(predicate), Some(source)) =
            (scheme, code, label, predicate, source)
        {
            codes.push(OccupationCode {
                scheme,
                code,
                label,
                predicate,
                source,
            });
        }
    }
    codes
}

/// The rules that involve more than one entry: unique ids, variant collisions, `broader`.
fn check_entries(roles: &[Role], scope: Scope) -> Vec<LexiconError> {
    let mut errors = Vec::new();
    let mut ids: HashMap<&str, &Role> = HashMap::new();
    for role in roles {
        if let Some(first) = ids.insert(role.id(), role) {
            errors.push(LexiconError::new(
                role.file(),
                Some(role.id()),
                Some("id"),
                ErrorKind::DuplicateId(first.file().to_string()),
            ));
        }
    }
    check_variant_collisions(roles, &mut errors);
    for role in roles {
        let Some(broader) = role.broader() else {
            continue;
        };
        let err = |kind| LexiconError::new(role.file(), Some(role.id()), Some("broader"), kind);
        match ids.get(broader) {
            None if scope == Scope::Extension => {}
            None => errors.push(err(ErrorKind::UnknownBroader(broader.to_string()))),
            Some(b) if !b.is_peer() || !role.is_peer() => {
                errors.push(err(ErrorKind::BroaderNotPeer(broader.to_string())))
            }
            Some(_) => {
                let mut chain = vec![role.id().to_string()];
                let mut seen = HashSet::from([role.id()]);
                let mut current = Some(broader);
                while let Some(id) = current {
                    chain.push(id.to_string());
                    if !seen.insert(id) {
                        errors.push(err(ErrorKind::BroaderCycle(chain)));
                        break;
                    }
                    current = ids.get(id).and_then(|r| r.broader());
                }
            }
        }
    }
    errors
}

fn check_variant_collisions(roles: &[Role], errors: &mut Vec<LexiconError>) {
    // key → (entry id, variant text, ambiguous) of its first occurrence per entry
    let mut seen: HashMap<String, Vec<(&str, &str, bool)>> = HashMap::new();
    for role in roles {
        let mut own: HashMap<String, &str> = HashMap::new();
        for (i, variant) in role.variants().iter().enumerate() {
            let key = normalize::normalize(variant.text());
            let field = format!("variants[{i}].text");
            if let Some(first) = own.get(&key) {
                errors.push(LexiconError::new(
                    role.file(),
                    Some(role.id()),
                    Some(&field),
                    ErrorKind::RepeatedVariant {
                        text: variant.text().to_string(),
                        first: first.to_string(),
                    },
                ));
                continue;
            }
            own.insert(key.clone(), variant.text());
            let others = seen.entry(key).or_default();
            for (other, _, other_ambiguous) in others.iter() {
                if !(variant.is_ambiguous() && *other_ambiguous) {
                    errors.push(LexiconError::new(
                        role.file(),
                        Some(role.id()),
                        Some(&field),
                        ErrorKind::SharedVariant {
                            text: variant.text().to_string(),
                            other: other.to_string(),
                        },
                    ));
                }
            }
            others.push((role.id(), variant.text(), variant.is_ambiguous()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_shorthands_suggest_their_iso_code() {
        assert_eq!(Region::suggest("qc").unwrap().as_str(), "CA-QC");
        assert_eq!(Region::suggest("UK").unwrap().as_str(), "GB");
        assert!(Region::suggest("Quebec").is_none());
        let e = LexiconError::new(
            "f.json",
            Some("x"),
            Some("variants[0].regions[0]"),
            ErrorKind::BadRegion("QC".into()),
        );
        assert!(e.hint().unwrap().contains("CA-QC"));
        let e = LexiconError::new("f.json", Some("x"), Some("label.fr"), ErrorKind::Missing);
        assert!(e.hint().unwrap().starts_with("add the field"));
        let e = LexiconError::new(
            "f.json",
            Some("x"),
            Some("kind"),
            ErrorKind::UnknownValue("m".into()),
        );
        assert!(e.hint().is_none(), "the message already lists the values");
    }

    #[test]
    fn regions_parse_and_overlap_by_country() {
        let qc = Region::parse("ca-qc").unwrap();
        let ca = Region::parse("CA").unwrap();
        let fr = Region::parse("FR").unwrap();
        assert_eq!(qc.as_str(), "CA-QC");
        assert!(qc.overlaps(&ca) && ca.overlaps(&qc));
        assert!(!qc.overlaps(&fr));
        assert!(!qc.overlaps(&Region::parse("CA-ON").unwrap()));
        for bad in ["UK", "QC", "UK1", "Q", "CA-", "CA-QUEB", "ÇA"] {
            assert!(Region::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn the_embedded_lexicon_is_valid_and_versioned() {
        let lexicon = Lexicon::embedded();
        assert!(!lexicon.roles().is_empty());
        assert_eq!(lexicon.version(), LEXICON_VERSION);
        assert!(LEXICON_VERSION.contains('+'));
    }
}
