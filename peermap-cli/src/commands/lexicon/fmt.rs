//! `peermap lexicon fmt`: rewrite lexicon entry files in their canonical layout (key order, one
//! variant per line, variants sorted), so that adding a title is a one-line diff.

use std::fs;
use std::io::Write;

use anyhow::Context;

use crate::cli::FmtArgs;
use crate::commands::lexicon::files::{entry_files, replace_file};

/// What `fmt` did, for the exit code.
pub enum Outcome {
    /// Every file is (now) canonical.
    Canonical,
    /// With `--check`: some files are not canonical and were left alone.
    NeedsFormatting,
}

/// `peermap lexicon fmt`.
pub fn run(args: &FmtArgs) -> anyhow::Result<Outcome> {
    let files = entry_files(&args.path)?;
    let mut changed = Vec::new();
    let mut broken = Vec::new();
    for file in &files {
        let name = file.display().to_string();
        let text = fs::read_to_string(file).with_context(|| format!("cannot read {name}"))?;
        let canonical = match peermap::canonical_form(&name, &text) {
            Ok(canonical) => canonical,
            Err(e) => {
                broken.push(e.to_string());
                continue;
            }
        };
        if canonical != text {
            if !args.check {
                replace_file(file, &canonical).with_context(|| format!("cannot write {name}"))?;
            }
            changed.push(name);
        }
    }
    report(args, files.len(), &changed)?;
    if !broken.is_empty() {
        anyhow::bail!(
            "{} file{} could not be formatted (fix the JSON first):\n{}",
            broken.len(),
            if broken.len() == 1 { "" } else { "s" },
            broken.join("\n")
        );
    }
    Ok(if args.check && !changed.is_empty() {
        Outcome::NeedsFormatting
    } else {
        Outcome::Canonical
    })
}

fn report(args: &FmtArgs, total: usize, changed: &[String]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    for name in changed {
        if args.check {
            writeln!(out, "not canonical: {name}")?;
        } else {
            writeln!(out, "formatted: {name}")?;
        }
    }
    let verb = match (args.check, changed.len()) {
        (true, 1) => "needs formatting",
        (true, _) => "need formatting",
        (false, _) => "reformatted",
    };
    writeln!(
        out,
        "{} of {total} file{} {verb}",
        changed.len(),
        if total == 1 { "" } else { "s" }
    )?;
    if args.check && !changed.is_empty() {
        writeln!(
            out,
            "run `peermap lexicon fmt {}` to fix",
            args.path.display()
        )?;
    }
    Ok(())
}
