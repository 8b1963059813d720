//! The qualifier vocabulary: the words a title carries besides its role, and what each says
//! about the six questions. It is data (`data/qualifiers/*.json`, one file per code), checked
//! like the lexicon, so a reviewer reads a word list and its reasons, not Rust.
//!
//! Each file names one code of one category (a seniority, an employment term, a domain, a
//! population, a setting, the credential code, or a *cue*: a word that is evidence for the
//! profile without being one of the answer's qualifier lists, such as "entraide"), its labels in
//! both languages, the words that express it in each language and region, and its evidence
//! rules: a profile value, the reason in both languages, and optionally a condition
//! (`"when": "before-role"`: only when the word stands before the role in the same part of the
//! title, as in "Indigenous Peer Support Worker").
//!
//! It takes the embedded files (or a lexicon folder's `qualifiers/`) and gives the checked
//! [`Vocabulary`]; the `qualifiers` stage reads it.

use std::path::Path;

use once_cell::sync::Lazy;
use serde_json::{Map, Value};

use crate::data::embedded::EMBEDDED_QUALIFIER_FILES;
use crate::data::reader::{json_object, EntryReader};
use crate::data::region::{self, Region};
use crate::model::{Dimension, Lang};
use crate::normalize;
use crate::support::error::{ErrorKind, LexiconError, LexiconErrors};
use crate::support::files::read_entry_files;
use crate::support::hash::FastMap;

/// The fields of a vocabulary file, in canonical order.
pub(crate) const VOCABULARY_FIELDS: &[&str] = &[
    "code", "category", "label", "evidence", "words", "sources", "notes",
];
/// The fields of one word, in canonical order.
pub(crate) const WORD_FIELDS: &[&str] = &["text", "lang", "regions", "acronym", "also", "status"];
/// The fields of one evidence rule, in canonical order.
pub(crate) const RULE_FIELDS: &[&str] = &["dimension", "value", "when", "reason"];

/// The longest phrase in the vocabulary, in words (stop words aside).
pub(crate) const MAX_PHRASE_WORDS: usize = 4;

/// What kind of qualifier a code is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Category {
    Seniority,
    Employment,
    Credential,
    Domain,
    Population,
    Setting,
    /// Evidence for the profile that is none of the answer's qualifier lists.
    Cue,
}

impl Category {
    const ALL: &'static [(Category, &'static str)] = &[
        (Category::Seniority, "seniority"),
        (Category::Employment, "employment"),
        (Category::Credential, "credential"),
        (Category::Domain, "domain"),
        (Category::Population, "population"),
        (Category::Setting, "setting"),
        (Category::Cue, "cue"),
    ];

    fn parse(s: &str) -> Option<Category> {
        Category::ALL.iter().find(|(_, n)| *n == s).map(|(c, _)| *c)
    }

    /// The codes the answer may hold for this category (the issue's closed lists); `None` for
    /// categories whose codes are open.
    fn closed_codes(self) -> Option<&'static [&'static str]> {
        match self {
            Category::Seniority => Some(&[
                "entry",
                "senior",
                "lead",
                "coordinator",
                "supervisor",
                "manager",
                "trainer",
            ]),
            Category::Employment => Some(&[
                "full-time",
                "part-time",
                "casual",
                "temporary",
                "permanent",
                "volunteer",
                "paid",
                "intern",
            ]),
            Category::Credential => Some(&["credential"]),
            Category::Domain => Some(&[
                "mental-health",
                "substance-use",
                "harm-reduction",
                "hiv",
                "hepatitis",
                "sexual-health",
                "cancer",
                "chronic-disease",
                "maternal-perinatal",
                "homelessness",
                "violence",
                "justice",
                "disability",
                "palliative",
                "poverty",
            ]),
            Category::Population => Some(&[
                "indigenous",
                "youth",
                "older-adults",
                "families",
                "lgbtq",
                "migrants-refugees",
                "veterans",
                "women",
                "people-who-use-drugs",
                "sex-workers",
            ]),
            Category::Setting => Some(&[
                "hospital",
                "clinic",
                "emergency",
                "community",
                "street",
                "home",
                "shelter",
                "prison",
                "school",
                "online",
            ]),
            Category::Cue => None,
        }
    }
}

/// When an evidence rule applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum When {
    /// Wherever the word is.
    Always,
    /// Only when the word stands before the role, in the same part of the title.
    BeforeRole,
    /// Only when the word names the post's team or service: in a later part of the title
    /// than the role, after a dash, comma or bracket ("Peer Support Worker – Hospital
    /// Emergency").
    TeamName,
}

/// One piece of evidence a code gives for the profile.
#[derive(Clone, Debug)]
pub(crate) struct Rule {
    pub dimension: Dimension,
    pub value: &'static str,
    pub when: When,
    pub reason_en: String,
    pub reason_fr: String,
}

/// One way of writing a code.
#[derive(Clone, Debug)]
pub(crate) struct Word {
    pub text: String,
    /// Matched only when written in capitals (or exactly as listed): "ED" but not "Ed".
    pub acronym: bool,
    /// Other codes the word names too ("ACT team": mental health, and the community
    /// setting; "emergency department": the hospital setting too).
    pub also: Vec<String>,
}

/// One qualifier code and everything the data says about it.
#[derive(Clone, Debug)]
pub(crate) struct Code {
    pub code: String,
    pub category: Category,
    pub label_en: String,
    pub label_fr: String,
    pub rules: Vec<Rule>,
    pub words: Vec<Word>,
}

/// The whole vocabulary, with its phrases indexed by normalized key.
#[derive(Debug)]
pub(crate) struct Vocabulary {
    pub codes: Vec<Code>,
    /// Normalized phrase → (code, word) positions. Folding can merge words of two codes
    /// (English "refugees" and French "refuges" both fold to "refuge"); the written form then
    /// decides, so a key may hold several codes whose words are written differently.
    phrases: FastMap<String, Vec<(u16, u16)>>,
}

impl Vocabulary {
    /// The code and word a normalized phrase names (the first listed, when folding merged
    /// words of several codes).
    pub fn lookup(&self, key: &str) -> Option<(&Code, &Word)> {
        let &(c, w) = self.phrases.get(key)?.first()?;
        let code = &self.codes[c as usize];
        Some((code, &code.words[w as usize]))
    }

    /// The code and word a normalized phrase names, the written form breaking a tie between
    /// codes whose words fold together.
    pub fn lookup_written(&self, key: &str, written: &str) -> Option<(&Code, &Word)> {
        let found = self.phrases.get(key)?;
        if let [(c, w)] = found.as_slice() {
            let code = &self.codes[*c as usize];
            return Some((code, &code.words[*w as usize]));
        }
        let surface = surface(written);
        let &(c, w) = found
            .iter()
            .find(|&&(c, w)| surface_of(&self.codes[c as usize].words[w as usize]) == surface)
            .or_else(|| found.first())?;
        let code = &self.codes[c as usize];
        Some((code, &code.words[w as usize]))
    }

    /// The code named `code`.
    pub fn code(&self, code: &str) -> Option<&Code> {
        self.codes.iter().find(|c| c.code == code)
    }
}

/// The vocabulary compiled into the library.
pub(crate) static VOCABULARY: Lazy<Vocabulary> = Lazy::new(|| {
    let files = EMBEDDED_QUALIFIER_FILES
        .iter()
        .map(|(name, text)| (format!("data/qualifiers/{name}"), text.to_string()))
        .collect::<Vec<_>>();
    parse_vocabulary(&files)
        .unwrap_or_else(|e| panic!("the embedded qualifier data is invalid:\n{e}"))
});

/// The qualifier keys a lexicon entry may imply (`"implies": ["populations=youth"]`), as the
/// answer names them, with their categories.
pub(crate) const IMPLIED_KEYS: &[(&str, Category)] = &[
    ("seniority", Category::Seniority),
    ("employment", Category::Employment),
    ("credential", Category::Credential),
    ("domains", Category::Domain),
    ("populations", Category::Population),
    ("settings", Category::Setting),
];

/// Every valid `key=code` implication, with the key and the code as the vocabulary holds
/// them; a credential by its folded word. Built once: entries are checked on every load, and
/// answers apply them often.
static IMPLICATIONS: Lazy<FastMap<String, (&'static str, &'static str)>> = Lazy::new(|| {
    let vocabulary: &'static Vocabulary = &VOCABULARY;
    let mut valid = FastMap::default();
    for &(key, category) in IMPLIED_KEYS {
        for code in vocabulary.codes.iter().filter(|c| c.category == category) {
            if category == Category::Credential {
                for word in code.words.iter().filter(|w| !w.acronym) {
                    let folded = normalize::normalize(&word.text);
                    valid
                        .entry(format!("{key}={folded}"))
                        .or_insert((key, word.text.as_str()));
                }
            } else {
                valid.insert(format!("{key}={}", code.code), (key, code.code.as_str()));
            }
        }
    }
    valid
});

/// A `key=code` implication checked against the embedded vocabulary: the key and the code as
/// the vocabulary holds them (for a credential, one of its words: `credential=certified`), or
/// what is wrong with it.
pub(crate) fn implication(pair: &str) -> Result<(&'static str, &'static str), String> {
    if let Some(&found) = IMPLICATIONS.get(pair) {
        return Ok(found);
    }
    let Some((key, code)) = pair.split_once('=') else {
        return Err(format!(
            "\"{pair}\" is not key=code (keys: {}; e.g. populations=youth)",
            implied_keys()
        ));
    };
    let Some(&(key, category)) = IMPLIED_KEYS.iter().find(|(k, _)| *k == key) else {
        return Err(format!(
            "\"{key}\" is not a qualifier key (expected one of: {})",
            implied_keys()
        ));
    };
    if category == Category::Credential {
        let folded = format!("{key}={}", normalize::normalize(code));
        return IMPLICATIONS.get(&folded).copied().ok_or_else(|| {
            format!("\"{code}\" is not a credential word of data/qualifiers/credential.json")
        });
    }
    let names: Vec<&str> = VOCABULARY
        .codes
        .iter()
        .filter(|c| c.category == category)
        .map(|c| c.code.as_str())
        .collect();
    Err(format!(
        "\"{code}\" is not a code of {key} (expected one of: {})",
        names.join(", ")
    ))
}

fn implied_keys() -> String {
    IMPLIED_KEYS
        .iter()
        .map(|(k, _)| *k)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks the vocabulary files of `path/qualifiers/`, if that folder exists.
pub(crate) fn check_folder(path: &Path) -> Vec<LexiconError> {
    let folder = path.join("qualifiers");
    if !folder.is_dir() {
        return Vec::new();
    }
    let files = match read_entry_files(&folder) {
        Ok(files) => files,
        Err(errors) => return errors.errors().to_vec(),
    };
    match parse_vocabulary(&files) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.errors().to_vec(),
    }
}

/// Reads and checks every vocabulary file; reports every problem at once.
pub(crate) fn parse_vocabulary(files: &[(String, String)]) -> Result<Vocabulary, LexiconErrors> {
    let mut errors = Vec::new();
    let mut codes = Vec::new();
    let mut file_of = Vec::new();
    for (file, text) in files {
        match parse_file(file, text) {
            Ok(code) => {
                codes.push(code);
                file_of.push(file.as_str());
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    let phrases = index_phrases(&codes, &file_of, &mut errors);
    check_also(&codes, &file_of, &mut errors);
    check_closed_lists_complete(&codes, files, &mut errors);
    if errors.is_empty() {
        Ok(Vocabulary { codes, phrases })
    } else {
        Err(LexiconErrors::from_errors(errors))
    }
}

/// A word's `also` names other codes of the vocabulary than its own.
fn check_also(codes: &[Code], file_of: &[&str], errors: &mut Vec<LexiconError>) {
    for (c, code) in codes.iter().enumerate() {
        for (w, word) in code.words.iter().enumerate() {
            for (j, other) in word.also.iter().enumerate() {
                let found = codes.iter().find(|o| o.code == *other);
                let problem = match found {
                    None => format!("\"{other}\" is not a code of the vocabulary"),
                    Some(o) if o.code == code.code => {
                        format!("\"{other}\" is the word's own code")
                    }
                    Some(_) => continue,
                };
                errors.push(LexiconError::new(
                    file_of[c],
                    Some(&code.code),
                    Some(&format!("words[{w}].also[{j}]")),
                    ErrorKind::UnknownValue(problem),
                ));
            }
        }
    }
}

fn index_phrases(
    codes: &[Code],
    file_of: &[&str],
    errors: &mut Vec<LexiconError>,
) -> FastMap<String, Vec<(u16, u16)>> {
    let mut phrases: FastMap<String, Vec<(u16, u16)>> = FastMap::default();
    for (c, code) in codes.iter().enumerate() {
        for (w, word) in code.words.iter().enumerate() {
            let key = normalize::normalize(&word.text);
            let found = phrases.entry(key).or_default();
            // Two codes may share a folded key only if their words are written differently,
            // so that the written form can tell them apart.
            let clash = found.iter().find(|&&(other, ow)| {
                other as usize != c
                    && surface_of(&codes[other as usize].words[ow as usize]) == surface_of(word)
            });
            if let Some(&(other, _)) = clash {
                errors.push(LexiconError::new(
                    file_of[c],
                    Some(&code.code),
                    Some(&format!("words[{w}].text")),
                    ErrorKind::SharedWord {
                        text: word.text.clone(),
                        other: codes[other as usize].code.clone(),
                    },
                ));
            } else if !found.iter().any(|&(other, _)| other as usize == c) {
                found.push((c as u16, w as u16));
            }
        }
    }
    phrases
}

fn surface_of(word: &Word) -> String {
    surface(&word.text)
}

/// A word as written, without case, accents, punctuation or a plural `s`: what is left to
/// tell apart two words that fold to the same key.
fn surface(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let plain: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    plain
        .split_whitespace()
        .map(|w| w.strip_suffix('s').filter(|s| !s.is_empty()).unwrap_or(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every code of the closed lists has its file, so every code has its labels.
fn check_closed_lists_complete(
    codes: &[Code],
    files: &[(String, String)],
    errors: &mut Vec<LexiconError>,
) {
    if !errors.is_empty() {
        return;
    }
    let folder = files
        .first()
        .and_then(|(f, _)| Path::new(f).parent())
        .map_or_else(String::new, |p| p.display().to_string());
    for (category, _) in Category::ALL {
        for code in category.closed_codes().unwrap_or_default() {
            if !codes.iter().any(|c| c.code == *code) {
                errors.push(LexiconError::new(
                    &format!("{folder}/{code}.json"),
                    Some(code),
                    None,
                    ErrorKind::Io("missing: every qualifier code needs its file".to_string()),
                ));
            }
        }
    }
}

fn parse_file(file: &str, text: &str) -> Result<Code, Vec<LexiconError>> {
    let value = json_object(file, text)?;
    let mut r = EntryReader::new(file);
    let obj = r.entry_object(&value, "code", VOCABULARY_FIELDS);
    let code = r.name_of_file(obj, "code", file);
    let category = read_category(&mut r, obj, code.as_deref());
    let label = r.bilingual(obj, "label");
    let rules = read_rules(&mut r, obj);
    let words = read_words(&mut r, obj);
    r.strings(obj, "sources", "sources", true);
    if let Some(notes) = obj.get("notes") {
        if !notes.is_string() {
            r.error("notes", ErrorKind::WrongType("a string"));
        }
    }
    match (code, category, label) {
        (Some(code), Some(category), Some(label)) if r.errors.is_empty() => Ok(Code {
            code,
            category,
            label_en: label.get(Lang::En).to_string(),
            label_fr: label.get(Lang::Fr).to_string(),
            rules,
            words,
        }),
        _ => Err(r.errors),
    }
}

fn read_category(
    r: &mut EntryReader<'_>,
    obj: &Map<String, Value>,
    code: Option<&str>,
) -> Option<Category> {
    let name = r.string(obj, "category", "category")?;
    let Some(category) = Category::parse(&name) else {
        let known: Vec<&str> = Category::ALL.iter().map(|(_, n)| *n).collect();
        r.error(
            "category",
            ErrorKind::UnknownValue(format!(
                "unknown category \"{name}\"; expected one of: {}",
                known.join(", ")
            )),
        );
        return None;
    };
    if let (Some(closed), Some(code)) = (category.closed_codes(), code) {
        if !closed.contains(&code) {
            r.error(
                "code",
                ErrorKind::UnknownValue(format!(
                    "\"{code}\" is not a {name} code; expected one of: {}",
                    closed.join(", ")
                )),
            );
        }
    }
    Some(category)
}

fn read_rules(r: &mut EntryReader<'_>, obj: &Map<String, Value>) -> Vec<Rule> {
    let mut rules = Vec::new();
    let Some(items) = obj.get("evidence") else {
        return rules;
    };
    let Value::Array(items) = items else {
        r.error("evidence", ErrorKind::WrongType("a list of rules"));
        return rules;
    };
    for (i, item) in items.iter().enumerate() {
        let path = format!("evidence[{i}]");
        let Some(rule) = r.object(item, &path, RULE_FIELDS) else {
            continue;
        };
        let dimension = r
            .string(rule, "dimension", &format!("{path}.dimension"))
            .and_then(|d| match d.parse::<Dimension>() {
                Ok(d) => Some(d),
                Err(e) => {
                    r.error(
                        &format!("{path}.dimension"),
                        ErrorKind::UnknownValue(e.to_string()),
                    );
                    None
                }
            });
        let value = r.string(rule, "value", &format!("{path}.value"));
        let value = match (dimension, value) {
            (Some(d), Some(v)) => match d.value_codes().iter().find(|c| **c == v) {
                Some(code) => Some(*code),
                None => {
                    r.error(
                        &format!("{path}.value"),
                        ErrorKind::UnknownValue(format!(
                            "\"{v}\" is not a value of {d}; expected one of: {}",
                            d.value_codes().join(", ")
                        )),
                    );
                    None
                }
            },
            _ => None,
        };
        let when = match rule.get("when") {
            None => Some(When::Always),
            Some(Value::String(s)) if s == "before-role" => Some(When::BeforeRole),
            Some(Value::String(s)) if s == "team-name" => Some(When::TeamName),
            Some(_) => {
                r.error(
                    &format!("{path}.when"),
                    ErrorKind::UnknownValue(
                        "the conditions are \"before-role\" and \"team-name\"; leave it out for always"
                            .to_string(),
                    ),
                );
                None
            }
        };
        let reason = r.bilingual_at(rule, "reason", &format!("{path}.reason"));
        if let (Some(dimension), Some(value), Some(when), Some(reason)) =
            (dimension, value, when, reason)
        {
            rules.push(Rule {
                dimension,
                value,
                when,
                reason_en: reason.get(Lang::En).to_string(),
                reason_fr: reason.get(Lang::Fr).to_string(),
            });
        }
    }
    rules
}

fn read_words(r: &mut EntryReader<'_>, obj: &Map<String, Value>) -> Vec<Word> {
    let mut words = Vec::new();
    let items = match obj.get("words") {
        Some(Value::Array(items)) if !items.is_empty() => items,
        Some(Value::Array(_)) => {
            r.error("words", ErrorKind::Empty);
            return words;
        }
        Some(_) => {
            r.error("words", ErrorKind::WrongType("a list of words"));
            return words;
        }
        None => {
            r.error("words", ErrorKind::Missing);
            return words;
        }
    };
    for (i, item) in items.iter().enumerate() {
        let path = format!("words[{i}]");
        let Some(w) = r.object(item, &path, WORD_FIELDS) else {
            continue;
        };
        let text = r.string(w, "text", &format!("{path}.text"));
        if let Some(lang) = r.string(w, "lang", &format!("{path}.lang")) {
            if let Err(e) = lang.parse::<Lang>() {
                r.error(
                    &format!("{path}.lang"),
                    ErrorKind::UnknownValue(e.to_string()),
                );
            }
        }
        for (j, region) in r
            .strings(w, "regions", &format!("{path}.regions"), false)
            .iter()
            .enumerate()
        {
            if Region::parse(region).is_none() {
                r.error(&format!("{path}.regions[{j}]"), region::bad_region(region));
            }
        }
        let acronym = r.optional_bool(w, "acronym", &format!("{path}.acronym"));
        let also = r.strings(w, "also", &format!("{path}.also"), false);
        if let Some(status) = w.get("status") {
            if !matches!(status.as_str(), Some("verified" | "derived" | "unverified")) {
                r.error(
                    &format!("{path}.status"),
                    ErrorKind::UnknownValue(
                        "expected \"verified\", \"derived\" or \"unverified\"".to_string(),
                    ),
                );
            }
        }
        let Some(text) = text else { continue };
        let key = normalize::normalize(&text);
        if key.is_empty() {
            r.error(&format!("{path}.text"), ErrorKind::EmptyVariant);
        } else if key.split(' ').count() > MAX_PHRASE_WORDS {
            r.error(
                &format!("{path}.text"),
                ErrorKind::UnknownValue(format!(
                    "has more than {MAX_PHRASE_WORDS} words besides stop words; qualifier words are short phrases"
                )),
            );
        }
        words.push(Word {
            text,
            acronym,
            also,
        });
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> Vec<(String, String)> {
        vec![(format!("q/{name}.json"), text.to_string())]
    }

    fn errors_of(name: &str, text: &str) -> Vec<LexiconError> {
        parse_vocabulary(&file(name, text))
            .unwrap_err()
            .errors()
            .to_vec()
    }

    #[test]
    fn the_embedded_vocabulary_is_valid() {
        assert!(VOCABULARY.codes.len() >= 50);
        let (code, _) = VOCABULARY
            .lookup(&normalize::normalize("Réduction des méfaits"))
            .expect("a listed phrase");
        assert_eq!(code.code, "harm-reduction");
    }

    #[test]
    fn broken_files_name_the_file_the_code_and_the_field() {
        let cases: &[(&str, &str, &str)] = &[
            (
                r#"{"code": "x", "category": "cue", "label": {"en": "x", "fr": "x"}, "words": [{"text": "x", "lang": "de"}], "sources": ["s"]}"#,
                "words[0].lang",
                "language",
            ),
            (
                r#"{"code": "x", "category": "cue", "label": {"en": "x", "fr": "x"}, "evidence": [{"dimension": "spaces", "value": "moon", "reason": {"en": "a", "fr": "b"}}], "words": [{"text": "x", "lang": "en"}], "sources": ["s"]}"#,
                "evidence[0].value",
                "not a value of spaces",
            ),
            (
                r#"{"code": "x", "category": "cue", "label": {"en": "x", "fr": "x"}, "evidence": [{"dimension": "spaces", "value": "institution"}], "words": [{"text": "x", "lang": "en"}], "sources": ["s"]}"#,
                "evidence[0].reason",
                "required",
            ),
            (
                r#"{"code": "x", "category": "domain", "label": {"en": "x", "fr": "x"}, "words": [{"text": "x", "lang": "en"}], "sources": ["s"]}"#,
                "code",
                "not a domain code",
            ),
            (
                r#"{"code": "x", "category": "cue", "label": {"en": "x"}, "words": [{"text": "x", "lang": "en"}], "sources": ["s"]}"#,
                "label.fr",
                "required",
            ),
            (
                r#"{"code": "x", "category": "cue", "label": {"en": "x", "fr": "x"}, "words": [], "sources": ["s"]}"#,
                "words",
                "empty",
            ),
            (
                r#"{"code": "x", "category": "cue", "label": {"en": "x", "fr": "x"}, "words": [{"text": "x", "lang": "en", "regions": ["QC"]}], "sources": ["s"]}"#,
                "words[0].regions[0]",
                "ISO 3166",
            ),
            (
                r#"{"code": "x", "category": "cue", "label": {"en": "x", "fr": "x"}, "words": [{"text": "x", "lang": "en"}]}"#,
                "sources",
                "required",
            ),
        ];
        for (text, field, message) in cases {
            let errors = errors_of("x", text);
            let e = errors
                .iter()
                .find(|e| e.field() == Some(field))
                .unwrap_or_else(|| panic!("no error on {field}: {errors:?}"));
            assert_eq!(e.file(), "q/x.json");
            assert_eq!(e.entry(), Some("x"));
            assert!(e.to_string().contains(message), "{e}");
        }
    }

    #[test]
    fn a_phrase_in_two_codes_is_an_error() {
        let mut files = file(
            "a",
            r#"{"code": "a", "category": "cue", "label": {"en": "a", "fr": "a"}, "words": [{"text": "Same Words", "lang": "en"}], "sources": ["s"]}"#,
        );
        files.extend(file(
            "b",
            r#"{"code": "b", "category": "cue", "label": {"en": "b", "fr": "b"}, "words": [{"text": "same-words", "lang": "fr"}], "sources": ["s"]}"#,
        ));
        let errors = parse_vocabulary(&files).unwrap_err();
        assert!(errors.to_string().contains("\"a\""), "{errors}");
    }
}
