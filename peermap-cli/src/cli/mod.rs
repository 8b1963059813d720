//! The command line: subcommands, options and their help, declared with clap's derive API.
//!
//! Usage errors (an unknown option, a bad value) are clap's and exit with code 2; values that
//! can be checked without reading any file (language, region, threshold, formats) are checked
//! here so they are usage errors too.

mod args;
mod options;
mod parser;
mod usage;

pub use self::args::{
    AddArgs, CheckArgs, ClassifyArgs, CompareArgs, ExportArgs, FindArgs, FmtArgs, LookupArgs,
    ReportArgs, ReviewArgs, ReviewInclude, RolesArgs, ShowArgs, SimilarArgs,
};
pub use self::options::{CrosswalkOpts, LangArg, LexiconOpts, OutputFormat, TextFormat};
pub use self::parser::{version, Cli, Command, LexiconCommand};
pub use self::usage::check_usage;
