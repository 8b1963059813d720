//! `peermap`, the command-line tool of the peermap library: code CSV files of job titles of
//! peers to canonical roles and the six questions of the map of peers' engagement in care.
//!
//! Exit codes: 0 success; 1 fatal error (`peermap: error: …` on standard error); 2 usage
//! error; 3 `classify` finished but some rows have verdict `error`. Writing into a closed pipe
//! (`peermap classify big.csv | head`) ends quietly with 0.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod cli;
mod commands;
mod setup;
mod table;

use std::io;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::{Cli, Command, LexiconCommand};
use crate::commands::{
    classify, compare, find, lexicon, lookup, report, review, roles, show, similar,
};

/// Exit code of a fatal error.
const EXIT_FATAL: u8 = 1;
/// Exit code when `classify` wrote every row but some have verdict `error`.
const EXIT_ROW_ERRORS: u8 = 3;

// A title's answer is built from many small strings and lists, and a large file codes
// hundreds of thousands of them on every core: the system allocator spent 29 % of such a run's
// instructions (callgrind), mimalloc's thread-local free lists far less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
            report_error(&e);
            ExitCode::from(EXIT_FATAL)
        }
    }
}

/// Runs the chosen subcommand.
fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    if cli.command.reads_embedded_lexicon() {
        setup::check_embedded()?;
    }
    match &cli.command {
        Command::Classify(args) => {
            return Ok(match classify::run(args)? {
                classify::Outcome::Clean => ExitCode::SUCCESS,
                classify::Outcome::RowErrors => ExitCode::from(EXIT_ROW_ERRORS),
            })
        }
        Command::Lookup(args) => lookup::run(args)?,
        Command::Roles(args) => roles::run(args)?,
        Command::Show(args) => show::run(args)?,
        Command::Compare(args) => compare::run(args)?,
        Command::Similar(args) => similar::run(args)?,
        Command::Find(args) => find::run(args)?,
        Command::Report(args) => report::run(args)?,
        Command::Review(args) => review::run(args)?,
        Command::Lexicon(LexiconCommand::Check(args)) => lexicon::check::run(args)?,
        Command::Lexicon(LexiconCommand::Add(args)) => match &args.from_decisions {
            Some(file) => lexicon::from_decisions::run(args, file)?,
            None => lexicon::add::run(args)?,
        },
        Command::Lexicon(LexiconCommand::Export(args)) => lexicon::export::run(args)?,
        Command::Lexicon(LexiconCommand::Fmt(args)) => {
            return Ok(match lexicon::fmt::run(args)? {
                lexicon::fmt::Outcome::Canonical => ExitCode::SUCCESS,
                lexicon::fmt::Outcome::NeedsFormatting => ExitCode::from(EXIT_FATAL),
            })
        }
    }
    Ok(ExitCode::SUCCESS)
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
fn report_error(e: &anyhow::Error) {
    let text = format!("{e:#}");
    let mut lines = text.lines();
    eprintln!("peermap: error: {}", lines.next().unwrap_or_default());
    for line in lines {
        eprintln!("{line}");
    }
}
