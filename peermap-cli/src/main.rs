//! `peermap`, the command-line tool of the peermap library: code CSV files of job titles of
//! peers to canonical roles and the six questions of the map of peers' engagement in care.
//!
//! Exit codes: 0 success; 1 fatal error (`peermap: error: …` on standard error); 2 usage
//! error; 3 `classify` finished but some rows have verdict `error`. Writing into a closed pipe
//! (`peermap classify big.csv | head`) ends quietly with 0.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod classify;
mod cli;
mod commands;
mod fields;
mod input;
mod layout;
mod lexicon_check;
mod lexicon_files;
mod map_commands;
mod output;
mod render;
mod report;
mod setup;
mod summary;

use std::io;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::{Cli, Command, LexiconCommand};

/// Exit code of a fatal error.
const EXIT_FATAL: u8 = 1;
/// Exit code when `classify` wrote every row but some have verdict `error`.
const EXIT_ROW_ERRORS: u8 = 3;

fn main() -> ExitCode {
    let matches = Cli::command().version(cli::version()).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    if let Err(e) = cli::check_usage(&cli) {
        e.exit();
    }
    match run(&cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            report(&e);
            ExitCode::from(EXIT_FATAL)
        }
    }
}

/// Runs the chosen subcommand.
fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    if embedded_needed(&cli.command) {
        check_embedded()?;
    }
    match &cli.command {
        Command::Classify(args) => {
            return Ok(match classify::run(args)? {
                classify::Outcome::Clean => ExitCode::SUCCESS,
                classify::Outcome::RowErrors => ExitCode::from(EXIT_ROW_ERRORS),
            })
        }
        Command::Lookup(args) => commands::lookup(args)?,
        Command::Roles(args) => commands::roles(args)?,
        Command::Show(args) => commands::show(args)?,
        Command::Compare(args) => map_commands::compare(args)?,
        Command::Similar(args) => map_commands::similar(args)?,
        Command::Find(args) => map_commands::find(args)?,
        Command::Report(args) => report::run(args)?,
        Command::Lexicon(LexiconCommand::Check(args)) => lexicon_check::check(args)?,
        Command::Lexicon(LexiconCommand::Add(args)) => lexicon_files::add(args)?,
        Command::Lexicon(LexiconCommand::Export(args)) => lexicon_files::export(args)?,
        Command::Lexicon(LexiconCommand::Fmt(args)) => {
            return Ok(match lexicon_files::fmt(args)? {
                lexicon_files::FmtOutcome::Canonical => ExitCode::SUCCESS,
                lexicon_files::FmtOutcome::NeedsFormatting => ExitCode::from(EXIT_FATAL),
            })
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether a `lexicon` subcommand reads the embedded lexicon.
fn embedded_needed(command: &Command) -> bool {
    match command {
        Command::Lexicon(LexiconCommand::Check(args)) => args.path.is_none() || args.with_default,
        Command::Lexicon(LexiconCommand::Fmt(_) | LexiconCommand::Add(_)) => false,
        Command::Lexicon(LexiconCommand::Export(args)) => !args.lexicon.no_default_lexicon,
        _ => true,
    }
}

/// Loads the embedded lexicon; invalid embedded data is a fatal error listing the problems.
fn check_embedded() -> anyhow::Result<()> {
    match peermap::Lexicon::try_embedded() {
        Ok(_) => Ok(()),
        Err(errors) => {
            let lines: Vec<String> = errors.errors().iter().map(|e| format!("\n  {e}")).collect();
            anyhow::bail!(
                "the embedded lexicon is invalid (this build's data is broken):{}",
                lines.concat()
            )
        }
    }
}

/// Whether the error is a write into a closed pipe, which ends the program quietly.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        if let Some(io) = cause.downcast_ref::<io::Error>() {
            return io.kind() == io::ErrorKind::BrokenPipe;
        }
        if let Some(csv) = cause.downcast_ref::<csv::Error>() {
            return matches!(csv.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::BrokenPipe);
        }
        if let Some(json) = cause.downcast_ref::<serde_json::Error>() {
            return json.io_error_kind() == Some(io::ErrorKind::BrokenPipe);
        }
        false
    })
}

/// Prints a fatal error: `peermap: error: …` on one line, then any detail lines (one lexicon
/// problem per line).
fn report(e: &anyhow::Error) {
    let text = format!("{e:#}");
    let mut lines = text.lines();
    eprintln!("peermap: error: {}", lines.next().unwrap_or_default());
    for line in lines {
        eprintln!("{line}");
    }
}
