//! The errors of reading and validating data files: one problem located by file, entry and
//! field, and the list of every problem found.

use std::fmt;

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
    /// A region code that is not ISO 3166, with what to write instead.
    BadRegion {
        code: String,
        hint: String,
    },
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
            ErrorKind::BadRegion { hint, .. } => return Some(hint.clone()),
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
            ErrorKind::BadRegion { code, .. } => {
                format!("\"{code}\" is not an ISO 3166 code such as CA, FR, GB or CA-QC")
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
pub struct LexiconErrors(pub(crate) Vec<LexiconError>);

impl LexiconErrors {
    /// The problems, in file order.
    pub fn errors(&self) -> &[LexiconError] {
        &self.0
    }

    pub(crate) fn from_errors(errors: Vec<LexiconError>) -> Self {
        LexiconErrors(errors)
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
