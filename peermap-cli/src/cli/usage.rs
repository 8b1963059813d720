//! What clap cannot check alone: options that make no sense together, a field named twice.

use clap::CommandFactory;

use crate::cli::args::{ClassifyArgs, LookupArgs};
use crate::cli::options::TextFormat;
use crate::cli::parser::{version, Cli, Command};
use crate::table::InputFormat;

/// Checks what clap cannot: options that make no sense together, a field named twice. The
/// error exits with 2.
pub fn check_usage(cli: &Cli) -> Result<(), clap::Error> {
    let problem = match &cli.command {
        Command::Classify(args) => classify_problem(args).map(|p| ("classify", p)),
        Command::Lookup(args) => lookup_problem(args).map(|p| ("lookup", p)),
        _ => None,
    };
    let Some((name, problem)) = problem else {
        return Ok(());
    };
    let mut command = Cli::command().version(version());
    command.build();
    let subcommand = command
        .find_subcommand_mut(name)
        .expect("the command is a subcommand");
    Err(subcommand.error(clap::error::ErrorKind::ArgumentConflict, problem))
}

fn classify_problem(args: &ClassifyArgs) -> Option<String> {
    if args.delimiter.is_some() && args.input_format == Some(InputFormat::Lines) {
        return Some(
            "--delimiter cannot be used with --input-format lines (one title per line, no cells)"
                .to_string(),
        );
    }
    repeated_field(&args.fields)
}

fn lookup_problem(args: &LookupArgs) -> Option<String> {
    if !args.fields.is_empty() && args.format != TextFormat::Json {
        return Some("--fields needs --format json (the text output is for people)".to_string());
    }
    repeated_field(&args.fields)
}

fn repeated_field(fields: &[peermap_cli::fields::Field]) -> Option<String> {
    peermap_cli::fields::repeated(fields).map(|f| format!("--fields names {} twice", f.name()))
}
