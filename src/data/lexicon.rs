//! The lexicon: one JSON file per role or not-peer entry, validated as code.
//!
//! The embedded lexicon is compiled in from `data/` and parsed once, on first use. A user
//! lexicon (a folder of files in the same format) goes through the same loader and the same
//! checks, so `peermap lexicon check` and the test suite see exactly what the matcher sees.
//! Every problem is reported with the file, the entry and the field it concerns.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use once_cell::sync::Lazy;
use serde_json::{Map, Value};

use crate::data::embedded::{EMBEDDED_FILES, LEXICON_VERSION};
use crate::data::entry::{Kind, OccupationCode, Role, Variant, VariantStatus};
use crate::data::reader::{json_object, EntryReader};
use crate::data::region::{self, Region};
use crate::data::vocabulary;
use crate::model::{Dimension, Lang, Profile, Status, Tradition};
use crate::normalize;
use crate::support::error::{ErrorKind, LexiconError, LexiconErrors};
use crate::support::files::{hash_files, read_entry_files};
use crate::support::hash::FastMap;

/// A validated set of entries.
#[derive(Clone, Debug)]
pub struct Lexicon {
    roles: Vec<Role>,
    by_id: FastMap<String, usize>,
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
    errors.extend(crate::data::vocabulary::check_folder(path));
    errors.extend(crate::data::composition::check_folder(path));
    errors
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
    "implies",
    "not_implied",
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
    "implies",
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
    let kind = read_kind(&mut r, obj);
    let broader = read_broader(&mut r, obj);
    let traditions: Vec<Tradition> = r.codes(obj, "traditions", "traditions", false);
    let label = r.bilingual(obj, "label");
    let definition = r.bilingual(obj, "definition");
    let reason = obj
        .contains_key("reason")
        .then(|| r.bilingual(obj, "reason"))
        .flatten();
    let profile = obj.get("profile").and_then(|p| read_profile(&mut r, p));
    let implies = read_implications(&mut r, obj, "implies", "implies");
    let not_implied = read_implications(&mut r, obj, "not_implied", "not_implied");
    let variants = read_variants(&mut r, obj);
    let codes = read_codes(&mut r, obj);
    let sources = r.strings(obj, "sources", "sources", true);
    let notes = read_notes(&mut r, obj);
    let parts = KindParts {
        has_profile: profile.is_some(),
        has_traditions: !traditions.is_empty(),
        has_reason: reason.is_some(),
    };
    check_kind_fields(&mut r, obj, kind, parts);
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
        implies,
        not_implied,
        variants,
        codes,
        sources,
        notes,
        file: file.to_string(),
    })
}

fn read_kind(r: &mut EntryReader<'_>, obj: &Map<String, Value>) -> Option<Kind> {
    match r.string(obj, "kind", "kind").as_deref() {
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
    }
}

fn read_broader(r: &mut EntryReader<'_>, obj: &Map<String, Value>) -> Option<String> {
    match obj.get("broader") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            r.error("broader", ErrorKind::WrongType("a role id or null"));
            None
        }
    }
}

fn read_notes(r: &mut EntryReader<'_>, obj: &Map<String, Value>) -> String {
    match obj.get("notes") {
        None => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => {
            r.error("notes", ErrorKind::WrongType("a string"));
            String::new()
        }
    }
}

/// Which of the kind-dependent fields an entry gave, once read.
#[derive(Clone, Copy)]
struct KindParts {
    has_profile: bool,
    has_traditions: bool,
    has_reason: bool,
}

/// A peer role has a profile and traditions and no reason; a not-peer entry the reverse.
fn check_kind_fields(
    r: &mut EntryReader<'_>,
    obj: &Map<String, Value>,
    kind: Option<Kind>,
    parts: KindParts,
) {
    match kind {
        Some(Kind::PeerRole) => {
            if !parts.has_profile && !obj.contains_key("profile") {
                r.error("profile", ErrorKind::Missing);
            }
            if !parts.has_traditions && !obj.contains_key("traditions") {
                r.error("traditions", ErrorKind::Missing);
            } else if !parts.has_traditions {
                r.error("traditions", ErrorKind::Empty);
            }
            if parts.has_reason {
                r.error(
                    "reason",
                    ErrorKind::Forbidden("on a peer role (only not-peer entries give a reason)"),
                );
            }
        }
        Some(Kind::NotPeer) => {
            if !parts.has_reason && !obj.contains_key("reason") {
                r.error("reason", ErrorKind::Missing);
            }
            if obj.contains_key("profile") {
                r.error("profile", ErrorKind::Forbidden("on a not-peer entry"));
            }
            if parts.has_traditions {
                r.error("traditions", ErrorKind::Forbidden("on a not-peer entry"));
            }
        }
        None => {}
    }
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
    r.list_of(
        obj,
        "variants",
        VARIANT_FIELDS,
        "a list of variant objects",
        read_variant,
    )
}

/// One variant at `path`, if its text and language could be read.
fn read_variant(r: &mut EntryReader<'_>, v: &Map<String, Value>, path: &str) -> Option<Variant> {
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
            None => r.error(&format!("{path}.regions[{j}]"), region::bad_region(code)),
        }
    }
    let flags = read_flags(r, v, path);
    let implies = read_implications(r, v, "implies", &format!("{path}.implies"));
    let status = read_status(r, v, path);
    let sources = r.strings(v, "sources", &format!("{path}.sources"), false);
    if let Some(text) = &text {
        if normalize::normalize(text).is_empty() {
            r.error(&format!("{path}.text"), ErrorKind::EmptyVariant);
        }
    }
    Some(Variant {
        text: text?,
        lang: lang?,
        regions,
        acronym: flags.acronym,
        ambiguous: flags.ambiguous,
        unambiguous: flags.unambiguous,
        needs_cue: flags.needs_cue,
        implies,
        status,
        sources,
    })
}

/// `key=code` qualifiers (`"implies": ["populations=youth"]`), each checked against the
/// qualifier vocabulary and written as it holds them.
fn read_implications(
    r: &mut EntryReader<'_>,
    obj: &Map<String, Value>,
    field: &str,
    path: &str,
) -> Vec<String> {
    let mut out = Vec::new();
    for (i, pair) in r.strings(obj, field, path, false).iter().enumerate() {
        match vocabulary::implication(pair) {
            Ok((key, code)) => out.push(format!("{key}={code}")),
            Err(message) => r.error(&format!("{path}[{i}]"), ErrorKind::UnknownValue(message)),
        }
    }
    out
}

/// A variant's four flags.
struct Flags {
    acronym: bool,
    ambiguous: bool,
    unambiguous: bool,
    needs_cue: bool,
}

/// A variant's flags, and the combinations that make no sense refused.
fn read_flags(r: &mut EntryReader<'_>, v: &Map<String, Value>, path: &str) -> Flags {
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
                "a variant cannot be both \"ambiguous\" (a shared head) and \"unambiguous\"".into(),
            ),
        );
    }
    if needs_cue && acronym {
        r.error(
            &format!("{path}.needs_cue"),
            ErrorKind::UnknownValue(
                "\"needs_cue\" is for ordinary words; an acronym is governed by \"unambiguous\""
                    .into(),
            ),
        );
    }
    Flags {
        acronym,
        ambiguous,
        unambiguous,
        needs_cue,
    }
}

fn read_status(r: &mut EntryReader<'_>, v: &Map<String, Value>, path: &str) -> VariantStatus {
    match v.get("status") {
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
    }
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
            region::bad_region("QC"),
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
