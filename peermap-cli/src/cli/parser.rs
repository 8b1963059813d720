//! The command line as a whole: the program, its subcommands and the version line.

use clap::{Parser, Subcommand};

use crate::cli::args::{
    AddArgs, CheckArgs, ClassifyArgs, CompareArgs, ExportArgs, FindArgs, FmtArgs, LookupArgs,
    ReportArgs, ReviewArgs, RolesArgs, ShowArgs, SimilarArgs,
};

/// The version line: the crate version and the embedded lexicon's version.
pub fn version() -> String {
    format!(
        "{} (lexicon {})",
        env!("CARGO_PKG_VERSION"),
        peermap::LEXICON_VERSION
    )
}

/// Code job titles of peers (EN/FR) to canonical roles and the six questions of the map of
/// peers' engagement in care (Panaite et al. 2024).
#[derive(Debug, Parser)]
#[command(
    name = "peermap",
    propagate_version = true,
    after_help = "Examples:\n  \
        peermap classify staff.csv --column job_title -o coded.csv\n  \
        peermap classify titles.txt --format jsonl > coded.jsonl\n  \
        peermap lookup \"Paire aidante – santé mentale\" --lang fr\n  \
        peermap show peer-navigator\n  \
        peermap lexicon check my-lexicon/"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Code a column of job titles in a CSV, TSV or text file (one title per line).
    ///
    /// Every input row is written back, in order, with the answer's columns appended
    /// (`peermap_verdict`, `peermap_role`, … one column per dimension of the map), or as one
    /// JSON object per row with `--format jsonl`. A row that cannot be read or decoded is kept
    /// with verdict `error`. A summary goes to standard error. In CSV and TSV a blank line is
    /// not a record (as in every CSV reader); in lines input every line is a row.
    ///
    /// Exit codes: 0 every row coded; 1 fatal error (unreadable file, missing column, invalid
    /// lexicon); 2 usage error; 3 finished, but some rows have verdict `error`.
    Classify(ClassifyArgs),
    /// Code one title and answer the six questions of the map for it.
    Lookup(LookupArgs),
    /// List every lexicon entry: id, kind, label, broader role, traditions, variants per language.
    Roles(RolesArgs),
    /// Show one lexicon entry in full: labels, definition, profile, variants, codes, sources.
    Show(ShowArgs),
    /// Put two roles (ids or titles) side by side on the six questions of the map, with a
    /// similarity per question and overall, and a sentence per facet on how they differ.
    Compare(CompareArgs),
    /// List the peer roles nearest to one on the map (by the mean Jaccard similarity of the six
    /// questions).
    Similar(SimilarArgs),
    /// The reverse crosswalk: the peer roles whose profile holds the values asked for, ranked
    /// by how many they hold, with the titles to search for.
    ///
    /// Example: peermap find --function navigation --relation lived-experience
    /// --affiliation clinical-organization
    Find(FindArgs),
    /// Write a workforce report: one self-contained HTML file (inline SVG charts, no network)
    /// from the JSON lines output of `classify`: verdicts, roles, traditions, the six questions,
    /// qualifiers, and the ambiguous, not-peer and unknown titles to review.
    Report(ReportArgs),
    /// List what peermap could not decide, one row per distinct title (most frequent first),
    /// as a CSV a person fills in: its decision column, given back to `classify --decisions`,
    /// answers those titles from then on.
    ///
    /// Example: peermap review coded.jsonl -o review.csv
    Review(ReviewArgs),
    /// Work on lexicon files (for contributors).
    #[command(subcommand)]
    Lexicon(LexiconCommand),
}

/// The `lexicon` subcommands.
#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// Validate a lexicon folder (or one entry file) without compiling it in.
    ///
    /// Prints every problem with its file, entry and field, and exits with 1 if there is any.
    /// Without PATH, checks the lexicon embedded in this build.
    Check(CheckArgs),
    /// Rewrite lexicon entry files in canonical form (key order, one variant per line, variants
    /// sorted), so that adding a title is a one-line diff.
    Fmt(FmtArgs),
    /// Add a title variant to a role's file, in canonical form, after checking it.
    ///
    /// Example: peermap lexicon add peer-support-worker "pair aidant en santé mentale" --lang fr
    /// --region CA-QC --source https://…
    /// Without --source the variant is marked "unverified".
    Add(AddArgs),
    /// Write every variant of the lexicon as CSV (one row per title: entry, kind, text,
    /// language, regions, flags), for other tools, e.g. a fuzzy-matching baseline.
    Export(ExportArgs),
}

impl Command {
    /// Whether the subcommand reads the embedded lexicon (only some `lexicon` subcommands do
    /// not), which is then checked first.
    pub fn reads_embedded_lexicon(&self) -> bool {
        match self {
            Command::Lexicon(LexiconCommand::Check(args)) => {
                args.path.is_none() || args.with_default
            }
            Command::Lexicon(LexiconCommand::Fmt(_) | LexiconCommand::Add(_)) => false,
            Command::Lexicon(LexiconCommand::Export(args)) => !args.lexicon.no_default_lexicon,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().version(version()).debug_assert();
    }
}
