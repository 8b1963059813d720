//! Titles never seen word for word: a peer marker ("peer", "pair", "lived experience",
//! "recovery", "community health", "santé communautaire") beside a helping head ("navigator",
//! "mentor", "aidant", "agent") reads as the role the head implies in that family.
//!
//! It takes a title's tokens and gives the longest marker-and-head run it finds
//! ([`Families::compose`]); the crosswalk answers it with method `composed`, and then weighs it
//! against the lexicon's hit and the background vocabulary like any other hit. The families are
//! data (`data/composition/*.json`, one file per family), checked like the lexicon: every
//! marker and head sourced, positions and languages from closed lists.

use std::path::Path;

use once_cell::sync::Lazy;
use serde_json::{Map, Value};

use crate::index::holds_together;
use crate::lexicon::{EntryReader, ErrorKind, LexiconError, LexiconErrors, Region, VariantStatus};
use crate::model::Lang;
use crate::normalize::{self, Token};

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
enum Position {
    BeforeHead,
    AfterHead,
    Either,
}

#[derive(Debug)]
struct Marker {
    words: Vec<String>,
    lang: Lang,
    position: Position,
}

#[derive(Debug)]
struct Head {
    text: String,
    words: Vec<String>,
    lang: Lang,
    role: Option<String>,
    status: VariantStatus,
}

/// One family of compositions: its markers, its heads, and the role of a head with none.
#[derive(Debug)]
pub(crate) struct Family {
    name: String,
    generic_role: String,
    regions: Vec<Region>,
    markers: Vec<Marker>,
    heads: Vec<Head>,
}

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

/// Every family, as loaded from the embedded data.
#[derive(Debug, Default)]
pub(crate) struct Families(Vec<Family>);

pub(crate) static EMBEDDED: Lazy<Families> = Lazy::new(|| {
    let files: Vec<(String, String)> = crate::lexicon::EMBEDDED_COMPOSITION_FILES
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

    /// The longest marker-and-head run of the title (the first where several are as long),
    /// among the families usable in `region` (a regional family needs a hint inside it).
    pub(crate) fn compose(
        &self,
        tokens: &[Token],
        region: Option<&Region>,
    ) -> Option<Composed<'_>> {
        let content: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].stop).collect();
        let norms: Vec<&str> = content.iter().map(|&i| tokens[i].norm.as_str()).collect();
        let mut best: Option<(usize, &Family, &Head, usize)> = None;
        for family in &self.0 {
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
                        if holds_together(tokens, &span)
                            && best.map_or(true, |(_, _, _, w)| words > w)
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

/// Checks the family files of `path/composition/`, if that folder exists.
pub(crate) fn check_folder(path: &Path) -> Vec<LexiconError> {
    let folder = path.join("composition");
    if !folder.is_dir() {
        return Vec::new();
    }
    match crate::lexicon::read_entry_files(&folder) {
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
    let value = crate::lexicon::json_object(file, text)?;
    let mut r = EntryReader::new(file);
    r.entry = value
        .get("family")
        .and_then(Value::as_str)
        .map(str::to_string);
    let obj = r
        .object(&value, "", FAMILY_FIELDS)
        .expect("json_object returns objects");
    let name = r.string(obj, "family", "family");
    let stem = Path::new(file).file_stem().and_then(|s| s.to_str());
    if let (Some(name), Some(stem)) = (&name, stem) {
        if name != stem {
            r.error("family", ErrorKind::IdNotFileName(stem.to_string()));
        }
    }
    r.string(obj, "tradition", "tradition");
    let generic_role = r.string(obj, "generic_role", "generic_role");
    let regions = read_regions(&mut r, obj);
    let markers = read_list(&mut r, obj, "markers", MARKER_FIELDS, read_marker);
    let heads = read_list(&mut r, obj, "heads", HEAD_FIELDS, read_head);
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
            None => r.error(&format!("regions[{j}]"), ErrorKind::BadRegion(code.clone())),
        }
    }
    regions
}

/// Reads the list `field` of objects with `allowed` fields, each through `read`.
fn read_list<T>(
    r: &mut EntryReader<'_>,
    obj: &Map<String, Value>,
    field: &str,
    allowed: &[&str],
    read: fn(&mut EntryReader<'_>, &Map<String, Value>, &str) -> Option<T>,
) -> Vec<T> {
    let items = match obj.get(field) {
        Some(Value::Array(items)) if !items.is_empty() => items,
        Some(Value::Array(_)) => {
            r.error(field, ErrorKind::Empty);
            return Vec::new();
        }
        Some(_) => {
            r.error(field, ErrorKind::WrongType("a list of objects"));
            return Vec::new();
        }
        None => {
            r.error(field, ErrorKind::Missing);
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("{field}[{i}]");
        if let Some(item) = r.object(item, &path, allowed) {
            out.extend(read(r, item, &path));
        }
    }
    out
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

    fn compose(title: &str) -> Option<(String, bool)> {
        let tokens = normalize::tokenize(title);
        EMBEDDED
            .compose(&tokens, None)
            .map(|c| (c.role.to_string(), c.generic))
    }

    #[test]
    fn every_role_the_families_name_is_a_peer_role_of_the_lexicon() {
        let lexicon = crate::Lexicon::embedded();
        for (family, id) in EMBEDDED.roles() {
            let role = lexicon.roles().iter().find(|r| r.id() == id);
            assert!(role.is_some_and(|r| r.is_peer()), "{family}: {id}");
        }
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
            assert_eq!(compose(title), expected, "{title}");
        }
    }

    #[test]
    fn a_regional_family_needs_a_hint_inside_its_regions() {
        let tokens = normalize::tokenize("Consumer Consultant");
        assert_eq!(EMBEDDED.compose(&tokens, None), None);
        let au = Region::parse("AU").unwrap();
        let found = EMBEDDED.compose(&tokens, Some(&au)).unwrap();
        assert_eq!(found.role, "peer-support-worker");
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
