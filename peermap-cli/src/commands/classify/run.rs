//! `peermap classify`: code a column of titles, writing every input row back, in order.
//!
//! The input is streamed one record at a time; repeated titles are coded once (a bounded cache:
//! memory grows with distinct titles, not with rows, and never without limit). A row that
//! cannot be read or decoded is still written, with verdict `error`, a reason and its line.

use std::io::{self, IsTerminal};
use std::path::Path;

use anyhow::Context as _;

use crate::cli::ClassifyArgs;
use crate::commands::classify::coded::Style;
use crate::commands::classify::job::Job;
use crate::commands::classify::read::{Input, Opened, Reading};
use crate::commands::classify::summary::{Reporter, Tally};
use crate::commands::report::write as write_report;
use crate::setup;
use crate::table::Sink;
use peermap_cli::fields;

/// How `classify` ended, when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every row was coded.
    Clean,
    /// Every row was written, but some have verdict `error`.
    RowErrors,
}

/// Runs `peermap classify`.
pub fn run(args: &ClassifyArgs) -> anyhow::Result<Outcome> {
    let crosswalk = setup::crosswalk(&args.crosswalk)?;
    let opened = Opened::open(args)?;
    let mut reporter = Reporter::new(opened.size.filter(|_| io::stderr().is_terminal()));
    let Input { source, reading } = Input::start(opened, args, &reporter)?;
    let sink = match args.output.as_deref().filter(|p| *p != Path::new("-")) {
        Some(p) => Sink::file(p)?,
        None => Sink::stdout(),
    };

    let fields = fields::for_classify(&args.fields);
    let style = Style::new(args, &fields, &reading.layout);
    let mut job = Job::new(args, &crosswalk, style, &reading);
    let result = job.code_all(source, sink, &mut reporter);
    reporter.finish();
    let column = result?;
    if let (Some(path), Some(report)) = (&args.report, &job.report) {
        write_report(
            report,
            crosswalk.lexicon(),
            args.crosswalk.lang.into(),
            path,
        )
        .with_context(|| format!("cannot write the report {}", path.display()))?;
    }
    write_summary(&job.tally, &reading, &column, crosswalk.lexicon().version());
    Ok(if job.tally.errors() > 0 {
        Outcome::RowErrors
    } else {
        Outcome::Clean
    })
}

/// Writes the summary on standard error: the input, its title column and what was guessed
/// about it, then the counts. It is only information: failing to write it fails nothing.
fn write_summary(tally: &Tally, reading: &Reading, column: &str, lexicon_version: &str) {
    let guessed: String = [
        reading.found.guess().map(str::to_string),
        reading.layout.guessed.clone(),
    ]
    .into_iter()
    .flatten()
    .map(|note| format!("; {note}"))
    .collect();
    tally
        .write(
            &mut io::stderr().lock(),
            &format!("{} ({column}{guessed})", reading.what),
            lexicon_version,
        )
        .ok();
}
