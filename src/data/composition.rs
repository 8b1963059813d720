//! The composition families' data: peer markers ("peer", "pair", "lived experience",
//! "recovery", "community health", "santé communautaire") and helping heads ("navigator",
//! "mentor", "aidant", "agent"), one file per family (`data/composition/*.json`), checked like
//! the lexicon: every marker and head sourced, positions and languages from closed lists.
//!
//! The matching stage reads them (`matching::composition`).

use std::path::Path;

use once_cell::sync::Lazy;
use serde_json::{Map, Value};

use crate::data::embedded::EMBEDDED_COMPOSITION_FILES;
use crate::data::entry::VariantStatus;
use crate::data::reader::{json_object, EntryReader};
use crate::data::region::{self, Region};
use crate::model::Lang;
use crate::normalize;
use crate::support::error::{ErrorKind, LexiconError, LexiconErrors};
use crate::support::files::read_entry_files;

const FAMILY_FIELDS: &[&str] = &[
    "family",
    "tradition",
    "generic_role",
    "regions",
    "markers",
    "heads",
    "sources",
    "notes",
];

const MARKER_FIELDS: &[&str] = &["text", "lang", "position", "sources", "status"];

const HEAD_FIELDS: &[&str] = &["text", "lang", "role", "sources", "status"];

/// Where a marker stands with respect to its head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Position {
    BeforeHead,
    AfterHead,
    Either,
}

#[derive(Debug)]
pub(crate) struct Marker {
    pub(crate) words: Vec<String>,
    pub(crate) lang: Lang,
    pub(crate) position: Position,
}

#[derive(Debug)]
pub(crate) struct Head {
    pub(crate) text: String,
    pub(crate) words: Vec<String>,
    pub(crate) lang: Lang,
    pub(crate) role: Option<String>,
    pub(crate) status: VariantStatus,
}

/// One family of compositions: its markers, its heads, and the role of a head with none.
#[derive(Debug)]
pub(crate) struct Family {
    pub(crate) name: String,
    pub(crate) generic_role: String,
    pub(crate) regions: Vec<Region>,
    pub(crate) markers: Vec<Marker>,
    pub(crate) heads: Vec<Head>,
}

/// Every family, as loaded from the embedded data.
#[derive(Debug, Default)]
pub(crate) struct Families(pub(crate) Vec<Family>);

pub(crate) static EMBEDDED: Lazy<Families> = Lazy::new(|| {
    let files: Vec<(String, String)> = EMBEDDED_COMPOSITION_FILES
        .iter()
        .map(|(name, text)| (format!("data/composition/{name}"), text.to_string()))
        .collect();
    parse_families(&files)
        .unwrap_or_else(|e| panic!("the embedded composition data is invalid:\n{e}"))
});

impl Families {
    /// The role ids the families name (generic roles and heads' roles).
    #[cfg(test)]
    pub(crate) fn roles(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().flat_map(|f| {
            std::iter::once((f.name.as_str(), f.generic_role.as_str())).chain(
                f.heads
                    .iter()
                    .filter_map(|h| Some((f.name.as_str(), h.role.as_deref()?))),
            )
        })
    }
}

/// Checks the family files of `path/composition/`, if that folder exists.
pub(crate) fn check_folder(path: &Path) -> Vec<LexiconError> {
    let folder = path.join("composition");
    if !folder.is_dir() {
        return Vec::new();
    }
    match read_entry_files(&folder) {
        Ok(files) => parse_families(&files)
            .err()
            .map_or_else(Vec::new, |e| e.errors().to_vec()),
        Err(errors) => errors.errors().to_vec(),
    }
}

/// Reads and checks every family file; reports every problem at once.
pub(crate) fn parse_families(files: &[(String, String)]) -> Result<Families, LexiconErrors> {
    let mut errors = Vec::new();
    let mut families = Vec::new();
    for (file, text) in files {
        match parse_file(file, text) {
            Ok(family) => families.push(family),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(Families(families))
    } else {
        Err(LexiconErrors::from_errors(errors))
    }
}

fn parse_file(file: &str, text: &str) -> Result<Family, Vec<LexiconError>> {
    let value = json_object(file, text)?;
    let mut r = EntryReader::new(file);
    let obj = r.entry_object(&value, "family", FAMILY_FIELDS);
    let name = r.name_of_file(obj, "family", file);
    r.string(obj, "tradition", "tradition");
    let generic_role = r.string(obj, "generic_role", "generic_role");
    let regions = read_regions(&mut r, obj);
    let markers = r.list_of(
        obj,
        "markers",
        MARKER_FIELDS,
        "a list of objects",
        read_marker,
    );
    let heads = r.list_of(obj, "heads", HEAD_FIELDS, "a list of objects", read_head);
    r.strings(obj, "sources", "sources", true);
    if obj.get("notes").is_some_and(|n| !n.is_string()) {
        r.error("notes", ErrorKind::WrongType("a string"));
    }
    match (name, generic_role) {
        (Some(name), Some(generic_role)) if r.errors.is_empty() => Ok(Family {
            name,
            generic_role,
            regions,
            markers,
            heads,
        }),
        _ => Err(r.errors),
    }
}

fn read_regions(r: &mut EntryReader<'_>, obj: &Map<String, Value>) -> Vec<Region> {
    let mut regions = Vec::new();
    for (j, code) in r
        .strings(obj, "regions", "regions", false)
        .iter()
        .enumerate()
    {
        match Region::parse(code).filter(|reg| reg.as_str() == code) {
            Some(region) => regions.push(region),
            None => r.error(&format!("regions[{j}]"), region::bad_region(code)),
        }
    }
    regions
}

/// The text's folded words, its language and its status: what markers and heads share.
fn read_words(
    r: &mut EntryReader<'_>,
    obj: &Map<String, Value>,
    path: &str,
) -> Option<(String, Vec<String>, Lang, VariantStatus)> {
    let text = r.string(obj, "text", &format!("{path}.text"));
    let lang = match r.string(obj, "lang", &format!("{path}.lang")).as_deref() {
        Some("en") => Some(Lang::En),
        Some("fr") => Some(Lang::Fr),
        Some(other) => {
            r.error(
                &format!("{path}.lang"),
                ErrorKind::UnknownValue(format!(
                    "unknown language \"{other}\" (expected en or fr)"
                )),
            );
            None
        }
        None => None,
    };
    let status = match obj.get("status").and_then(Value::as_str) {
        None | Some("verified") => VariantStatus::Verified,
        Some("derived") => VariantStatus::Derived,
        Some("unverified") => VariantStatus::Unverified,
        Some(other) => {
            r.error(
                &format!("{path}.status"),
                ErrorKind::UnknownValue(format!(
                    "unknown status \"{other}\" (expected one of: verified, derived, unverified)"
                )),
            );
            VariantStatus::Verified
        }
    };
    if obj.get("status").is_some_and(|s| !s.is_string()) {
        r.error(&format!("{path}.status"), ErrorKind::WrongType("a string"));
    }
    r.strings(obj, "sources", &format!("{path}.sources"), true);
    let text = text?;
    let words: Vec<String> = normalize::normalize(&text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        r.error(&format!("{path}.text"), ErrorKind::EmptyVariant);
        return None;
    }
    Some((text, words, lang?, status))
}

fn read_marker(r: &mut EntryReader<'_>, obj: &Map<String, Value>, path: &str) -> Option<Marker> {
    let position = match r
        .string(obj, "position", &format!("{path}.position"))
        .as_deref()
    {
        Some("before-head") => Some(Position::BeforeHead),
        Some("after-head") => Some(Position::AfterHead),
        Some("either") => Some(Position::Either),
        Some(other) => {
            r.error(
                &format!("{path}.position"),
                ErrorKind::UnknownValue(format!(
                    "unknown position \"{other}\" (expected one of: before-head, after-head, either)"
                )),
            );
            None
        }
        None => None,
    };
    let (_, words, lang, _) = read_words(r, obj, path)?;
    Some(Marker {
        words,
        lang,
        position: position?,
    })
}

fn read_head(r: &mut EntryReader<'_>, obj: &Map<String, Value>, path: &str) -> Option<Head> {
    let role = match obj.get("role") {
        None => {
            r.error(&format!("{path}.role"), ErrorKind::Missing);
            None
        }
        Some(Value::Null) => None,
        Some(Value::String(id)) if !id.trim().is_empty() => Some(id.clone()),
        Some(_) => {
            r.error(
                &format!("{path}.role"),
                ErrorKind::WrongType("a role id, or null for the family's generic role"),
            );
            None
        }
    };
    let (text, words, lang, status) = read_words(r, obj, path)?;
    Some(Head {
        text,
        words,
        lang,
        role,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_the_families_name_is_a_peer_role_of_the_lexicon() {
        let lexicon = crate::Lexicon::embedded();
        for (family, id) in EMBEDDED.roles() {
            let role = lexicon.roles().iter().find(|r| r.id() == id);
            assert!(role.is_some_and(|r| r.is_peer()), "{family}: {id}");
        }
    }

    #[test]
    fn a_broken_family_file_names_its_field() {
        let text = r#"{"family": "x", "tradition": "peer-support", "generic_role": "peer-support-worker",
            "markers": [{"text": "peer", "lang": "de", "position": "before-head", "sources": ["s"]}],
            "heads": [{"text": "worker", "lang": "en", "sources": ["s"]}], "sources": ["s"]}"#;
        let errors = parse_families(&[("composition/x.json".into(), text.into())]).unwrap_err();
        let fields: Vec<String> = errors
            .errors()
            .iter()
            .map(|e| e.field().unwrap_or_default().to_string())
            .collect();
        assert_eq!(fields, ["markers[0].lang", "heads[0].role"]);
    }
}
