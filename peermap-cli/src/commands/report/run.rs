//! `peermap report`: the workforce report from the JSON lines output of `classify`, and the
//! writing of a report, which `classify --report` shares.

use std::path::Path;

use anyhow::Context as _;
use peermap::{Lang, Lexicon};

use crate::cli::ReportArgs;
use crate::commands::report::tally::Report;
use crate::setup;
use crate::table::Sink;

/// `peermap report`: reads a JSON lines file of coded rows and writes the HTML report.
pub fn run(args: &ReportArgs) -> anyhow::Result<()> {
    let crosswalk = setup::crosswalk_for_lexicon(&args.lexicon, args.lang)?;
    let mut report = Report::default();
    let name = args.input.display().to_string();
    if name == "-" {
        report.read_jsonl(std::io::stdin().lock(), "standard input")?;
    } else {
        let file =
            std::fs::File::open(&args.input).with_context(|| format!("cannot open {name}"))?;
        report.read_jsonl(std::io::BufReader::new(file), &name)?;
    }
    write(&report, crosswalk.lexicon(), args.lang.into(), &args.output)
}

/// Writes the report atomically to `path`.
pub fn write(report: &Report, lexicon: &Lexicon, lang: Lang, path: &Path) -> anyhow::Result<()> {
    let html = report.to_html(lexicon, lang);
    let mut sink = Sink::file(path)?;
    std::io::Write::write_all(&mut sink, html.as_bytes())?;
    sink.finish()
}
