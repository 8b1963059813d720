//! The answer's fields, by the names `--fields` takes: each is one CSV column
//! (`peermap_<name>`) and one JSON key, so that a user names what to keep once for both formats.
//!
//! The JSON of a field is the value the full output has for it (`functions` is
//! `profile.functions`, `seniority` is `qualifiers.seniority`, `soc2018` the entry's SOC codes
//! from `occupations`), written flat under the field's name.

use peermap::{Answer, Dimension, Evidence, Lexicon, OccupationCode};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// One piece of an answer, written as one CSV column or one JSON key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// `peer_role`, `ambiguous`, `not_peer`, `unknown` (or `error` for a row not coded).
    Verdict,
    /// The role or not-peer entry id.
    Role,
    /// The role and its broader roles.
    Lineage,
    /// The role's label, in the chosen language.
    Label,
    /// The role's traditions.
    Traditions,
    /// The confidence, in [0, 1].
    Score,
    /// How the match was found.
    Method,
    /// The variant matched, as the lexicon writes it.
    Matched,
    /// The language of the variant matched.
    Lang,
    /// The candidates, with their scores.
    Candidates,
    /// One of the six questions of the map (the role's profile).
    Profile(Dimension),
    /// Seniority read from the title.
    Seniority,
    /// A level or band as written.
    Level,
    /// Employment terms.
    Employment,
    /// Credentials as written.
    Credential,
    /// Domains of work.
    Domains,
    /// Populations served.
    Populations,
    /// Settings.
    Settings,
    /// A trailing place.
    Location,
    /// Requisition numbers and other identifiers.
    Codes,
    /// Words nothing could place.
    Other,
    /// The qualifiers the role implies rather than the title's words (`key=code`).
    Implied,
    /// Evidence for the six questions, with its words.
    Evidence,
    /// The label of the other occupation a `not_peer` title names (background vocabulary).
    OtherOccupation,
    /// That occupation's `scheme:code` list.
    OtherOccupationCodes,
    /// The entry's codes in one classification: an index into [`SCHEMES`].
    Scheme(usize),
    /// The sentence a person can read.
    Explanation,
    /// The reason a row could not be coded; empty (null) on coded rows.
    Error,
    /// The lexicon version that coded the row.
    LexiconVersion,
}

/// The classifications of the `peermap_soc2018` … `peermap_esco` columns, in order: the scheme
/// as the lexicon writes it, and the field's name.
pub const SCHEMES: [(&str, &str); 5] = [
    ("soc2018", "soc2018"),
    ("onet-soc", "onet_soc"),
    ("isco08", "isco08"),
    ("noc2021", "noc2021"),
    ("esco", "esco"),
];

impl Field {
    /// Every field, in the order of the default CSV columns.
    pub const ALL: [Field; 38] = [
        Field::Verdict,
        Field::Role,
        Field::Lineage,
        Field::Label,
        Field::Traditions,
        Field::Score,
        Field::Method,
        Field::Matched,
        Field::Lang,
        Field::Candidates,
        Field::Profile(Dimension::Functions),
        Field::Profile(Dimension::Formality),
        Field::Profile(Dimension::Relations),
        Field::Profile(Dimension::Status),
        Field::Profile(Dimension::Affiliations),
        Field::Profile(Dimension::Spaces),
        Field::Seniority,
        Field::Level,
        Field::Employment,
        Field::Credential,
        Field::Domains,
        Field::Populations,
        Field::Settings,
        Field::Location,
        Field::Codes,
        Field::Other,
        Field::Implied,
        Field::Evidence,
        Field::OtherOccupation,
        Field::OtherOccupationCodes,
        Field::Scheme(0),
        Field::Scheme(1),
        Field::Scheme(2),
        Field::Scheme(3),
        Field::Scheme(4),
        Field::Explanation,
        Field::Error,
        Field::LexiconVersion,
    ];

    /// The name `--fields` takes, which is also the JSON key.
    pub fn name(self) -> &'static str {
        match self {
            Field::Verdict => "verdict",
            Field::Role => "role",
            Field::Lineage => "lineage",
            Field::Label => "label",
            Field::Traditions => "traditions",
            Field::Score => "score",
            Field::Method => "method",
            Field::Matched => "matched",
            Field::Lang => "lang",
            Field::Candidates => "candidates",
            Field::Profile(dimension) => dimension.as_str(),
            Field::Seniority => "seniority",
            Field::Level => "level",
            Field::Employment => "employment",
            Field::Credential => "credential",
            Field::Domains => "domains",
            Field::Populations => "populations",
            Field::Settings => "settings",
            Field::Location => "location",
            Field::Codes => "codes",
            Field::Other => "other",
            Field::Implied => "implied",
            Field::Evidence => "evidence",
            Field::OtherOccupation => "other_occupation",
            Field::OtherOccupationCodes => "other_occupation_codes",
            Field::Scheme(i) => SCHEMES[i].1,
            Field::Explanation => "explanation",
            Field::Error => "error",
            Field::LexiconVersion => "lexicon_version",
        }
    }

    /// The CSV column: `peermap_<name>`.
    pub fn column(self) -> String {
        format!("peermap_{}", self.name())
    }
}

/// Reads one `--fields` name (a column's name with its `peermap_` prefix is accepted too).
pub fn parse_field(text: &str) -> Result<Field, String> {
    let name = text.trim();
    let name = name.strip_prefix("peermap_").unwrap_or(name);
    Field::ALL
        .into_iter()
        .find(|f| f.name() == name)
        .ok_or_else(|| {
            let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
            format!(
                "no field \"{}\"; the fields are: {}",
                text.escape_default(),
                names.join(", ")
            )
        })
}

/// The fields `classify` writes: all of them without `--fields`; else those asked, in their
/// order, and `error` last unless asked for, so that a row that failed is still told apart
/// from one that was coded to nothing.
pub fn for_classify(asked: &[Field]) -> Box<[Field]> {
    if asked.is_empty() {
        return Box::new(Field::ALL);
    }
    let mut fields = asked.to_vec();
    if !fields.contains(&Field::Error) {
        fields.push(Field::Error);
    }
    fields.into_boxed_slice()
}

/// The first field named twice, if any (a CSV header or a JSON object cannot hold it twice).
pub fn repeated(fields: &[Field]) -> Option<Field> {
    fields
        .iter()
        .enumerate()
        .find(|(i, f)| fields[..*i].contains(f))
        .map(|(_, f)| *f)
}

/// The occupational codes of the answer's entry (peer role or not-peer look-alike).
pub fn entry_codes<'l>(answer: &Answer, lexicon: &'l Lexicon) -> &'l [OccupationCode] {
    answer
        .role()
        .and_then(|id| lexicon.get(id))
        .map_or(&[], |role| role.codes())
}

/// The codes of the other occupation a title names; empty when it names none.
pub fn other_occupation_codes(answer: &Answer) -> &[String] {
    answer.other_occupation().map_or(&[], |o| o.codes())
}

/// Some fields of an answer as one JSON object, each serialized as it is only when written.
pub struct Selected<'a> {
    /// The answer.
    pub answer: &'a Answer,
    /// The lexicon that gave it (for the entry's codes).
    pub lexicon: &'a Lexicon,
    /// The fields, in order.
    pub fields: &'a [Field],
    /// Whether the object starts with `input` (the title, which identifies a JSON line).
    pub input: bool,
}

impl Serialize for Selected<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map =
            serializer.serialize_map(Some(self.fields.len() + usize::from(self.input)))?;
        if self.input {
            map.serialize_entry("input", self.answer.input())?;
        }
        for field in self.fields {
            entry(&mut map, *field, self.answer, self.lexicon)?;
        }
        map.end()
    }
}

/// Writes one field's key and value.
fn entry<M: SerializeMap>(
    map: &mut M,
    field: Field,
    answer: &Answer,
    lexicon: &Lexicon,
) -> Result<(), M::Error> {
    let key = field.name();
    let q = answer.qualifiers();
    match field {
        Field::Verdict => map.serialize_entry(key, &answer.verdict()),
        Field::Role => map.serialize_entry(key, &answer.role()),
        Field::Lineage => map.serialize_entry(key, answer.lineage()),
        Field::Label => map.serialize_entry(key, &answer.label()),
        Field::Traditions => map.serialize_entry(key, answer.traditions()),
        Field::Score => map.serialize_entry(key, &answer.score()),
        Field::Method => map.serialize_entry(key, &answer.method()),
        Field::Matched => map.serialize_entry(key, &answer.matched()),
        Field::Lang => map.serialize_entry(key, &answer.lang()),
        Field::Candidates => map.serialize_entry(key, answer.candidates()),
        Field::Profile(dimension) => map.serialize_entry(key, &answer.profile().codes(dimension)),
        Field::Seniority => map.serialize_entry(key, &q.seniority()),
        Field::Level => map.serialize_entry(key, &q.level()),
        Field::Employment => map.serialize_entry(key, q.employment()),
        Field::Credential => map.serialize_entry(key, q.credential()),
        Field::Domains => map.serialize_entry(key, q.domains()),
        Field::Populations => map.serialize_entry(key, q.populations()),
        Field::Settings => map.serialize_entry(key, q.settings()),
        Field::Location => map.serialize_entry(key, &q.location()),
        Field::Codes => map.serialize_entry(key, q.codes()),
        Field::Other => map.serialize_entry(key, q.other()),
        Field::Implied => map.serialize_entry(key, q.implied()),
        Field::Evidence => map.serialize_entry(key, &EvidenceJson(answer.evidence())),
        Field::OtherOccupation => map.serialize_entry(key, &answer.other_occupation()),
        Field::OtherOccupationCodes => map.serialize_entry(key, other_occupation_codes(answer)),
        Field::Scheme(i) => map.serialize_entry(
            key,
            &SchemeCodes(entry_codes(answer, lexicon), SCHEMES[i].0),
        ),
        Field::Explanation => map.serialize_entry(key, answer.explanation()),
        Field::Error => map.serialize_entry(key, &None::<&str>),
        Field::LexiconVersion => map.serialize_entry(key, answer.lexicon_version()),
    }
}

/// Evidence as the full answer writes it: the six dimensions, each a list of
/// `{value, word, reason}`.
struct EvidenceJson<'a>(&'a [Evidence]);

impl Serialize for EvidenceJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Dimension::ALL.len()))?;
        for dimension in Dimension::ALL {
            map.serialize_entry(dimension.as_str(), &DimensionEvidence(self.0, *dimension))?;
        }
        map.end()
    }
}

struct DimensionEvidence<'a>(&'a [Evidence], Dimension);

impl Serialize for DimensionEvidence<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Item<'a> {
            value: &'a str,
            word: &'a str,
            reason: &'a str,
        }
        serializer.collect_seq(
            self.0
                .iter()
                .filter(|e| e.dimension() == self.1)
                .map(|e| Item {
                    value: e.value(),
                    word: e.word(),
                    reason: e.reason(),
                }),
        )
    }
}

/// The entry's codes in one classification, as objects like those of `occupations`.
struct SchemeCodes<'a>(&'a [OccupationCode], &'a str);

impl Serialize for SchemeCodes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().filter(|c| c.scheme() == self.1))
    }
}

/// The value a field has in a full JSON line (or error row): where the full output keeps it.
/// Error rows are rare, so they are written through this rather than a writer of their own.
pub fn pick(full: &serde_json::Value, field: Field) -> serde_json::Value {
    use serde_json::Value;
    let qualifier = |key: &str| full["qualifiers"][key].clone();
    match field {
        Field::Profile(dimension) => full["profile"][dimension.as_str()].clone(),
        Field::Seniority
        | Field::Level
        | Field::Employment
        | Field::Credential
        | Field::Domains
        | Field::Populations
        | Field::Settings
        | Field::Location
        | Field::Codes
        | Field::Other
        | Field::Implied => qualifier(field.name()),
        Field::OtherOccupationCodes => match &full["other_occupation"]["codes"] {
            Value::Null => Value::Array(Vec::new()),
            codes => codes.clone(),
        },
        Field::Scheme(i) => Value::Array(
            full["occupations"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|c| c["scheme"] == SCHEMES[i].0)
                .cloned()
                .collect(),
        ),
        _ => full[field.name()].clone(),
    }
}

/// Some fields of a full JSON line: `row` and `input` first, then each field as [`pick`]
/// finds it.
pub struct Picked<'a> {
    /// The full line.
    pub full: &'a serde_json::Value,
    /// The fields, in order.
    pub fields: &'a [Field],
}

impl Serialize for Picked<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.fields.len() + 2))?;
        map.serialize_entry("row", &self.full["row"])?;
        map.serialize_entry("input", &self.full["input"])?;
        for field in self.fields {
            map.serialize_entry(field.name(), &pick(self.full, *field))?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_distinct_name_that_parses_back() {
        for field in Field::ALL {
            assert_eq!(parse_field(field.name()), Ok(field));
            assert_eq!(parse_field(&field.column()), Ok(field));
        }
        assert_eq!(repeated(&Field::ALL), None);
        let err = parse_field("bogus").unwrap_err();
        assert!(err.contains("verdict") && err.contains("other_occupation_codes"));
    }

    #[test]
    fn classify_always_keeps_the_error_field() {
        assert_eq!(&*for_classify(&[]), &Field::ALL[..]);
        assert_eq!(
            &*for_classify(&[Field::Score, Field::Verdict]),
            &[Field::Score, Field::Verdict, Field::Error]
        );
        assert_eq!(
            &*for_classify(&[Field::Error, Field::Role]),
            &[Field::Error, Field::Role]
        );
        assert_eq!(
            repeated(&[Field::Role, Field::Label, Field::Role]),
            Some(Field::Role)
        );
    }

    /// The selected JSON of every field is the value the full output has for it.
    #[test]
    fn selected_json_is_the_full_json_picked() {
        let lexicon = Lexicon::embedded();
        for title in [
            "Sr. Peer Support Worker II – Mental Health, Hôpital Notre-Dame (0.6 FTE, casual)",
            "Community Health Worker",
            "Navigator",
            "Nurse Navigator",
            "Radiator Mechanic",
            "banana",
        ] {
            let answer = peermap::classify(title);
            let mut full = serde_json::to_value(&answer).unwrap();
            full["occupations"] = serde_json::to_value(entry_codes(&answer, lexicon)).unwrap();
            full["error"] = serde_json::Value::Null;
            let selected = Selected {
                answer: &answer,
                lexicon,
                fields: &Field::ALL,
                input: true,
            };
            let selected = serde_json::to_value(&selected).unwrap();
            assert_eq!(selected["input"], full["input"]);
            for field in Field::ALL {
                assert_eq!(
                    selected[field.name()],
                    pick(&full, field),
                    "{title}: {field:?}"
                );
            }
        }
    }
}
