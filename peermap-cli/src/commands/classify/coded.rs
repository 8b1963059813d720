//! A title's answer, rendered once for the output (a cached answer is written as it is), and
//! the settings the rendering takes, which the coding threads share.

use peermap::{Answer, Crosswalk, Verdict};

use crate::cli::{ClassifyArgs, OutputFormat};
use crate::commands::classify::csv_cells::csv_tail_of;
use crate::commands::classify::json_lines::{json_body, json_selected_body};
use crate::commands::report::ReportRow;
use crate::table::{Formulas, Layout};
use peermap_cli::fields::Field;

/// How answers and rows are written: what the options and the input's layout chose.
#[derive(Clone, Copy)]
pub struct Style<'a> {
    /// CSV or JSON lines.
    pub format: OutputFormat,
    /// The input's delimiter, also used for CSV output.
    pub delimiter: u8,
    /// The input started with Excel's `sep=` line, which CSV output repeats.
    pub sep_line: bool,
    /// What becomes of CSV cells that look like formulas.
    pub formulas: Formulas,
    /// The fields written (all of them without `--fields`).
    pub fields: &'a [Field],
    /// JSON lines hold only `fields` (with `--fields`), not the whole answer.
    pub json_fields: bool,
}

impl<'a> Style<'a> {
    /// The style `args` ask for, writing `fields`, for an input laid out as `layout`.
    pub fn new(args: &ClassifyArgs, fields: &'a [Field], layout: &Layout) -> Style<'a> {
        Style {
            format: args.format,
            delimiter: layout.delimiter,
            sep_line: layout.sep_line,
            formulas: formulas(args),
            fields,
            json_fields: !args.fields.is_empty(),
        }
    }
}

/// Whether CSV cells that look like formulas are neutralized.
fn formulas(args: &ClassifyArgs) -> Formulas {
    if args.keep_formulas {
        Formulas::Keep
    } else {
        Formulas::Neutralize
    }
}

/// An answer, rendered once for the output format.
#[derive(Debug)]
pub struct Coded {
    /// The answer's verdict.
    pub verdict: Verdict,
    /// A `not_peer` answer that names another occupation (the background vocabulary), not a
    /// curated look-alike.
    pub other_occupation: bool,
    /// The appended CSV fields, escaped and joined (CSV), or the JSON object without its
    /// braces (JSON lines).
    pub out: Box<[u8]>,
    /// What the workforce report needs (with `--report` only; boxed, so that the answers
    /// cached without it stay small).
    pub report: Option<Box<ReportRow>>,
    /// The decisions file whose decision answered the row, if one did.
    pub decided_by: Option<Box<str>>,
}

/// The settings a coding thread needs.
#[derive(Clone, Copy)]
pub struct Coder<'a> {
    /// What codes the titles.
    pub crosswalk: &'a Crosswalk,
    /// How the answers are rendered.
    pub style: Style<'a>,
    /// Whether the workforce report is gathered.
    pub with_report: bool,
}

/// Codes titles on every core (the library's `parallel` feature), in order.
pub fn code_titles(titles: &[String], coder: Coder<'_>) -> Vec<serde_json::Result<Coded>> {
    coder
        .crosswalk
        .classify_each(titles, |answer| render(&answer, coder))
}

/// Renders one answer once for the output format.
pub fn render(answer: &Answer, coder: Coder<'_>) -> serde_json::Result<Coded> {
    let lexicon = coder.crosswalk.lexicon();
    let style = coder.style;
    let out = match style.format {
        OutputFormat::Csv => csv_tail_of(
            answer,
            lexicon,
            style.fields,
            style.delimiter,
            style.formulas,
        ),
        OutputFormat::Jsonl if style.json_fields => {
            json_selected_body(answer, lexicon, style.fields)?.into_boxed_slice()
        }
        OutputFormat::Jsonl => json_body(answer, lexicon)?.into_bytes().into_boxed_slice(),
    };
    Ok(Coded {
        verdict: answer.verdict(),
        other_occupation: answer.other_occupation().is_some(),
        out,
        report: coder
            .with_report
            .then(|| Box::new(ReportRow::from_answer(answer))),
        decided_by: answer.decision().map(decisions_file),
    })
}

/// The file of a decision's origin (`review.csv:12` → `review.csv`).
fn decisions_file(origin: &str) -> Box<str> {
    origin
        .rsplit_once(':')
        .map_or(origin, |(file, _)| file)
        .into()
}
