//! The answer's fields as cells of text, as the CSV output writes them: lists joined with `;`,
//! candidates as `role:score`, evidence as `dimension=value (word)`, codes with their
//! predicates. One writer interface serves the escaped CSV tail of `classify` and the plain
//! cells of other front ends (the Python binding's columns).

use std::fmt::Display;

use peermap::{Answer, Candidate, Evidence, Lexicon, OccupationCode};

use crate::fields::{self, Field};

/// How list values are joined in one cell.
pub const LIST_SEPARATOR: &str = ";";

/// Where cells are written: text appended to the cell being built, then its end. The ways of
/// writing a value are built on those two.
pub trait CellWriter {
    /// Appends text to the cell being built.
    fn push(&mut self, text: &str);

    /// Ends the cell being built.
    fn end(&mut self);

    /// One cell of text.
    fn put(&mut self, text: &str) {
        self.push(text);
        self.end();
    }

    /// One cell showing a value.
    fn display(&mut self, value: impl Display) {
        self.push(&value.to_string());
        self.end();
    }

    /// One cell of items joined with [`LIST_SEPARATOR`].
    fn list<'a>(&mut self, items: impl Iterator<Item = &'a str>) {
        for (i, item) in items.enumerate() {
            if i > 0 {
                self.push(LIST_SEPARATOR);
            }
            self.push(item);
        }
        self.end();
    }

    /// `peer-mentor:0.9;peer-navigator:0.88`.
    fn candidates(&mut self, candidates: &[Candidate]) {
        let each: Vec<String> = candidates
            .iter()
            .map(|c| format!("{}:{}", c.role(), c.score()))
            .collect();
        self.list(each.iter().map(String::as_str));
    }

    /// `spaces=institution (Hôpital)`: each piece of evidence with its word.
    fn evidence(&mut self, evidence: &[Evidence]) {
        let each: Vec<String> = evidence
            .iter()
            .map(|e| format!("{}={} ({})", e.dimension(), e.value(), e.word()))
            .collect();
        self.list(each.iter().map(String::as_str));
    }

    /// `21-1094 broadMatch`: one classification's codes with their predicates.
    fn codes(&mut self, codes: &[OccupationCode], scheme: &str) {
        let each: Vec<String> = codes
            .iter()
            .filter(|c| c.scheme() == scheme)
            .map(|c| format!("{} {}", c.code(), c.predicate().trim_start_matches("skos:")))
            .collect();
        self.list(each.iter().map(String::as_str));
    }
}

/// Writes one field of `answer` as one cell; `lexicon` is the one that produced it (for the
/// entry's occupational codes).
pub fn write_field(w: &mut impl CellWriter, field: Field, answer: &Answer, lexicon: &Lexicon) {
    let q = answer.qualifiers();
    match field {
        Field::Verdict => w.put(answer.verdict().as_str()),
        Field::Role => w.put(answer.role().unwrap_or_default()),
        Field::Lineage => w.list(answer.lineage().iter().map(String::as_str)),
        Field::Label => w.put(answer.label().unwrap_or_default()),
        Field::Traditions => w.list(answer.traditions().iter().map(|t| t.as_str())),
        Field::Score => w.display(answer.score()),
        Field::Method => w.put(answer.method().map_or("", |m| m.as_str())),
        Field::Matched => w.put(answer.matched().unwrap_or_default()),
        Field::Lang => w.put(answer.lang().map_or("", |l| l.as_str())),
        Field::Candidates => w.candidates(answer.candidates()),
        Field::Profile(dimension) => w.list(answer.profile().codes(dimension).into_iter()),
        Field::Seniority => w.put(q.seniority().unwrap_or_default()),
        Field::Level => w.put(q.level().unwrap_or_default()),
        Field::Employment => w.list(q.employment().iter().copied()),
        Field::Credential => w.list(q.credential().iter().map(String::as_str)),
        Field::Domains => w.list(q.domains().iter().copied()),
        Field::Populations => w.list(q.populations().iter().copied()),
        Field::Settings => w.list(q.settings().iter().copied()),
        Field::Location => w.put(q.location().unwrap_or_default()),
        Field::Codes => w.list(q.codes().iter().map(String::as_str)),
        Field::Other => w.list(q.other().iter().map(String::as_str)),
        Field::Implied => w.list(q.implied().iter().map(String::as_str)),
        Field::Evidence => w.evidence(answer.evidence()),
        Field::OtherOccupation => w.put(answer.other_occupation().map_or("", |o| o.label())),
        Field::OtherOccupationCodes => w.list(
            fields::other_occupation_codes(answer)
                .iter()
                .map(String::as_str),
        ),
        Field::Scheme(i) => w.codes(fields::entry_codes(answer, lexicon), fields::SCHEMES[i].0),
        Field::Explanation => w.put(answer.explanation()),
        Field::Error => w.put(""),
        Field::LexiconVersion => w.put(answer.lexicon_version()),
    }
}

/// Cells as plain strings, one per field.
#[derive(Debug, Default)]
pub struct TextCells {
    /// The cells ended so far.
    pub cells: Vec<String>,
    current: String,
}

impl CellWriter for TextCells {
    fn push(&mut self, text: &str) {
        self.current.push_str(text);
    }

    fn end(&mut self) {
        self.cells.push(std::mem::take(&mut self.current));
    }
}

/// The cells of `fields` for `answer`, as plain text (unescaped), in the order asked.
pub fn cells(answer: &Answer, lexicon: &Lexicon, fields: &[Field]) -> Vec<String> {
    let mut out = TextCells::default();
    for field in fields {
        write_field(&mut out, *field, answer, lexicon);
    }
    out.cells
}
