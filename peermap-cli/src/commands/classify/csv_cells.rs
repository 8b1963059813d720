//! `classify`'s answer as CSV cells: the `peermap_*` columns appended to each input row, and
//! the header that names them.

use std::cell::RefCell;

#[cfg(test)]
use peermap::Dimension;
#[cfg(test)]
use peermap::OccupationCode;
use peermap::{Answer, Lexicon};

#[cfg(test)]
use peermap_cli::cells::LIST_SEPARATOR;
use peermap_cli::cells::{write_field, CellWriter};
#[cfg(test)]
use peermap_cli::fields;
use peermap_cli::fields::Field;

use crate::table::{csv_tail, write_cell, Formulas};

/// `21-1094 broadMatch;21-1093 relatedMatch`: one scheme's codes with their predicates.
#[cfg(test)]
fn codes_cell(codes: &[OccupationCode], scheme: &str) -> String {
    codes
        .iter()
        .filter(|c| c.scheme() == scheme)
        .map(|c| {
            let predicate = c.predicate().trim_start_matches("skos:");
            format!("{} {predicate}", c.code())
        })
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}

/// The appended CSV cells for one answer, every column in the order of [`Field::ALL`];
/// `lexicon` is the one that produced it (for the occupational codes). Written independently
/// of [`csv_tail_of`], as the reference the tests hold it to.
#[cfg(test)]
pub fn csv_cells(answer: &Answer, lexicon: &Lexicon) -> Vec<String> {
    let q = answer.qualifiers();
    let opt = |s: Option<&str>| s.unwrap_or_default().to_string();
    let list = |items: &[&str]| items.join(LIST_SEPARATOR);
    let strings = |items: &[String]| items.join(LIST_SEPARATOR);
    let mut cells = vec![
        answer.verdict().as_str().to_string(),
        opt(answer.role()),
        strings(answer.lineage()),
        opt(answer.label()),
        answer
            .traditions()
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR),
        answer.score().to_string(),
        opt(answer.method().map(|m| m.as_str())),
        opt(answer.matched()),
        opt(answer.lang().map(|l| l.as_str())),
        answer
            .candidates()
            .iter()
            .map(|c| format!("{}:{}", c.role(), c.score()))
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR),
    ];
    for dimension in Dimension::ALL {
        cells.push(list(&answer.profile().codes(*dimension)));
    }
    cells.extend([
        opt(q.seniority()),
        opt(q.level()),
        list(q.employment()),
        strings(q.credential()),
        list(q.domains()),
        list(q.populations()),
        list(q.settings()),
        opt(q.location()),
        strings(q.codes()),
        strings(q.other()),
        strings(q.implied()),
        evidence_cell(answer),
        opt(answer.other_occupation().map(|o| o.label())),
        strings(fields::other_occupation_codes(answer)),
    ]);
    let codes = fields::entry_codes(answer, lexicon);
    cells.extend(
        fields::SCHEMES
            .iter()
            .map(|(scheme, _)| codes_cell(codes, scheme)),
    );
    cells.extend([
        answer.explanation().to_string(),
        String::new(),
        answer.lexicon_version().to_string(),
    ]);
    debug_assert_eq!(cells.len(), Field::ALL.len());
    cells
}

/// The CSV header cells of `fields`: `peermap_<name>`.
pub fn csv_header(fields: &[Field], delimiter: u8) -> Box<[u8]> {
    let names: Vec<String> = fields.iter().map(|f| f.column()).collect();
    csv_tail(&names, delimiter)
}

/// The appended CSV fields of `answer` for `fields`, escaped and joined: the same text as
/// `csv_tail` of those cells, written without a string per cell, and without formatting the
/// columns that are not asked for.
pub fn csv_tail_of(
    answer: &Answer,
    lexicon: &Lexicon,
    fields: &[Field],
    delimiter: u8,
    formulas: Formulas,
) -> Box<[u8]> {
    thread_local! {
        // Reused buffers, so that a tail costs one allocation of its exact size.
        static WRITER: RefCell<TailWriter> = const { RefCell::new(TailWriter {
            out: Vec::new(),
            field: Vec::new(),
            delimiter: b',',
            formulas: Formulas::Keep,
            first: true,
        }) };
    }
    WRITER.with_borrow_mut(|t| {
        t.out.clear();
        t.field.clear();
        t.delimiter = delimiter;
        t.formulas = formulas;
        t.first = true;
        for field in fields {
            write_field(t, *field, answer, lexicon);
        }
        Box::from(t.out.as_slice())
    })
}

/// Writes escaped CSV fields one after the other, building each in a reused buffer.
struct TailWriter {
    out: Vec<u8>,
    field: Vec<u8>,
    delimiter: u8,
    formulas: Formulas,
    first: bool,
}

impl CellWriter for TailWriter {
    fn push(&mut self, text: &str) {
        self.field.extend_from_slice(text.as_bytes());
    }

    /// Ends the field built in `field`: escaped, after a delimiter unless it is the first.
    fn end(&mut self) {
        if !self.first {
            self.out.push(self.delimiter);
        }
        self.first = false;
        write_cell(&mut self.out, &self.field, self.delimiter, self.formulas);
        self.field.clear();
    }
}

/// `spaces=institution (Hôpital);status=training-certification (Certified)`: each piece of
/// evidence with the word that gave it (the reasons are in the JSON output and `lookup`).
#[cfg(test)]
fn evidence_cell(answer: &Answer) -> String {
    answer
        .evidence()
        .iter()
        .map(|e| format!("{}={} ({})", e.dimension(), e.value(), e.word()))
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}

/// The appended CSV cells of `fields` for a row that could not be coded: verdict `error`, the
/// message as explanation, the reason in `peermap_error`, the lexicon version; the rest empty.
pub fn csv_error_cells<'a>(
    fields: &[Field],
    reason: &'a str,
    message: &'a str,
    lexicon_version: &'a str,
) -> Vec<&'a str> {
    fields
        .iter()
        .map(|field| match field {
            Field::Verdict => "error",
            Field::Explanation => message,
            Field::Error => reason,
            Field::LexiconVersion => lexicon_version,
            _ => "",
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_direct_tail_is_the_cells_joined() {
        let lexicon = peermap::Lexicon::embedded();
        for title in [
            "Sr. Peer Support Worker II – Mental Health, Hôpital Notre-Dame (0.6 FTE, casual)",
            "Navigator",
            "Nurse Navigator",
            "Certified Peer Specialist, \"CPS\" REQ-118",
            "banana",
            "Indigenous Patient Navigator – Temporary Full Time",
            "Radiator Mechanic",
        ] {
            let answer = peermap::classify(title);
            for delimiter in [b',', b'\t'] {
                assert_eq!(
                    csv_tail_of(&answer, lexicon, &Field::ALL, delimiter, Formulas::Keep),
                    csv_tail(&csv_cells(&answer, lexicon), delimiter),
                    "{title}"
                );
            }
        }
    }

    /// A chosen few fields are the same cells as in the full row, in the order asked.
    #[test]
    fn a_selection_writes_the_chosen_cells_in_its_order() {
        let lexicon = peermap::Lexicon::embedded();
        let chosen = [
            Field::OtherOccupationCodes,
            Field::Score,
            Field::Verdict,
            Field::Scheme(0),
            Field::Evidence,
        ];
        for title in [
            "Community Health Worker",
            "Radiator Mechanic",
            "Pair aidante",
        ] {
            let answer = peermap::classify(title);
            let all = csv_cells(&answer, lexicon);
            let picked: Vec<&str> = chosen
                .iter()
                .map(|f| all[Field::ALL.iter().position(|a| a == f).unwrap()].as_str())
                .collect();
            assert_eq!(
                csv_tail_of(&answer, lexicon, &chosen, b',', Formulas::Keep),
                csv_tail(&picked, b','),
                "{title}"
            );
        }
    }

    #[test]
    fn every_answer_fills_every_column() {
        for title in ["Peer navigator", "Navigator", "Accountant", ""] {
            let answer = peermap::classify(title);
            let cells = csv_cells(&answer, peermap::Lexicon::embedded());
            assert_eq!(cells.len(), Field::ALL.len(), "{title}");
            assert_eq!(cells[0], answer.verdict().as_str());
            assert_eq!(cells.last().unwrap(), peermap::LEXICON_VERSION);
        }
    }

    #[test]
    fn error_rows_fill_only_their_own_cells() {
        let fields = [
            Field::Role,
            Field::Error,
            Field::Verdict,
            Field::Explanation,
        ];
        assert_eq!(
            csv_error_cells(&fields, "missing-column", "line 4: …", "v"),
            ["", "missing-column", "error", "line 4: …"]
        );
    }
}
