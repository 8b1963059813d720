//! The command line: subcommands, options and their help, declared with clap's derive API.
//!
//! Usage errors (an unknown option, a bad value) are clap's and exit with code 2; values that
//! can be checked without reading any file (language, region, threshold, formats) are checked
//! here so they are usage errors too.

use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

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

/// Arguments of `peermap lexicon export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The file to write (atomically); standard output without it.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Lexicon options.
    #[command(flatten)]
    pub lexicon: LexiconOpts,
}

/// Arguments of `peermap lexicon add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The entry's id (its file is DATA/ROLE.json), e.g. peer-navigator.
    #[arg(value_name = "ROLE")]
    pub role: String,

    /// The title as people write it (type it once: case, accents, plurals, gender and
    /// inclusive forms are folded by the matcher).
    #[arg(value_name = "TITLE")]
    pub title: String,

    /// The title's language.
    #[arg(long, value_enum, ignore_case = true)]
    pub lang: LangArg,

    /// Where the title is used: an ISO 3166 code (CA, FR, CA-QC); repeatable. A Canadian
    /// province alone (QC) is read as CA-QC.
    #[arg(long, value_name = "REGION")]
    pub region: Vec<String>,

    /// A public page where the title is used (a posting, a programme page, a law); repeatable.
    #[arg(long, value_name = "URL")]
    pub source: Vec<String>,

    /// The title is an acronym (matched only as a whole word).
    #[arg(long)]
    pub acronym: bool,

    /// The title is a bare head shared by several entries.
    #[arg(long)]
    pub ambiguous: bool,

    /// The lexicon folder.
    #[arg(long, value_name = "DIR", default_value = "data")]
    pub data: PathBuf,
}

/// Options that choose the lexicon.
#[derive(Debug, Args, Clone, Default)]
pub struct LexiconOpts {
    /// A folder of lexicon entry files (or one file) that extends the embedded lexicon; an
    /// entry with an existing id replaces it. Repeatable.
    #[arg(long = "lexicon", value_name = "PATH")]
    pub lexicons: Vec<PathBuf>,

    /// Do not use the embedded lexicon: only the `--lexicon` folders given.
    #[arg(long)]
    pub no_default_lexicon: bool,
}

/// Options that configure the crosswalk.
#[derive(Debug, Args, Clone)]
pub struct CrosswalkOpts {
    /// Language of labels, reasons and explanations.
    #[arg(long, value_enum, default_value_t = LangArg::En, ignore_case = true)]
    pub lang: LangArg,

    /// Region hint (ISO 3166: CA, GB, FR, CA-ON, CA-QC…) that resolves titles shared across
    /// regions, such as PSW.
    #[arg(long, value_name = "REGION", value_parser = parse_region)]
    pub region: Option<String>,

    /// Confidence in [0, 1] below which a match is reported as `unknown`.
    #[arg(long, value_name = "X", value_parser = parse_threshold)]
    pub threshold: Option<f64>,

    /// Code without the background vocabulary of other occupations (peermap 0.2's behaviour):
    /// a title is a peer role, a look-alike, ambiguous or unknown, never another occupation.
    #[arg(long)]
    pub closed_world: bool,

    /// Lexicon options.
    #[command(flatten)]
    pub lexicon: LexiconOpts,
}

/// The help of `--fields` (the same for `classify` and `lookup`), after its first line.
const FIELDS_HELP: &str = "Names: verdict, role, lineage, label, traditions, score, method, \
matched, lang, candidates, functions, formality, relations, status, affiliations, spaces, \
seniority, level, employment, credential, domains, populations, settings, location, codes, \
other, evidence, other_occupation, other_occupation_codes, soc2018, onet_soc, isco08, noc2021, \
esco, explanation, error, lexicon_version (a column name with its peermap_ prefix is accepted \
too). Each is the CSV column peermap_NAME, or the JSON key NAME with the value the full output \
has for it (functions is profile.functions, seniority is qualifiers.seniority, soc2018 the \
entry's SOC codes from occupations; other_occupation is the whole occupation object in JSON, \
its label in CSV).";

/// Arguments of `peermap classify`.
#[derive(Debug, Args)]
pub struct ClassifyArgs {
    /// The file to read; `-` or nothing reads standard input.
    #[arg(value_name = "FILE|-")]
    pub input: Option<PathBuf>,

    /// The column holding the titles: a header name or a 1-based index. Default: a column
    /// named title, job_title, job title, titre, poste or intitulé if there is one, else the
    /// first column.
    #[arg(long, short = 'c', value_name = "NAME|INDEX")]
    pub column: Option<String>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Csv)]
    pub format: OutputFormat,

    /// Write to this file (atomically: a temporary file in the same folder, then renamed)
    /// instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Input format; guessed from the file extension (.tsv/.tab: tsv; .txt: lines, or tsv
    /// when its first line has tabs; else csv).
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,

    /// The character between cells: a character such as ";" or "|", or "tab". Without it, CSV
    /// input uses the one an Excel "sep=" first line names, or else the one its first line holds
    /// most often outside quotes (commas, semicolons, tabs or vertical bars; commas when none);
    /// CSV output uses the same.
    #[arg(long, short = 'd', value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,

    /// The input has no header row; columns are then named column_1, column_2, ….
    #[arg(long)]
    pub no_header: bool,

    /// Encoding of the input. With windows-1252 every cell is written out as UTF-8.
    #[arg(long, value_enum, default_value_t = Encoding::Utf8)]
    pub encoding: Encoding,

    /// Also write the workforce report (HTML, in `--lang`) to this file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Write CSV cells that start with =, +, - or @ as they are. By default such a cell
    /// (unless it is a plain number) gets a leading apostrophe, so that a spreadsheet shows
    /// it as text instead of running it as a formula.
    #[arg(long)]
    pub keep_formulas: bool,

    /// The answer's fields to write (the help is in FIELDS_SUMMARY_CLASSIFY and FIELDS_HELP).
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "FIELD,…",
        value_parser = crate::fields::parse_field,
        help = "Write only these fields, in this order (comma-separated: verdict,role,score); \
            `error` is always kept (see --help for every name)",
        long_help = format!("{FIELDS_SUMMARY_CLASSIFY}\n\n{FIELDS_HELP}"),
    )]
    pub fields: Vec<crate::fields::Field>,

    /// Crosswalk options.
    #[command(flatten)]
    pub crosswalk: CrosswalkOpts,
}

/// Arguments of `peermap report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The coded rows: the output of `peermap classify --format jsonl`; `-` reads standard
    /// input.
    #[arg(value_name = "CODED.jsonl|-")]
    pub input: PathBuf,

    /// The HTML file to write (atomically).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: PathBuf,

    /// Language of the report.
    #[arg(long, value_enum, default_value_t = LangArg::En, ignore_case = true)]
    pub lang: LangArg,

    /// Lexicon options (the one that coded the rows, for labels and profiles).
    #[command(flatten)]
    pub lexicon: LexiconOpts,
}

/// Arguments of `peermap lookup`.
#[derive(Debug, Args)]
pub struct LookupArgs {
    /// The title to code.
    #[arg(value_name = "TITLE")]
    pub title: String,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = TextFormat::Text)]
    pub format: TextFormat,

    /// The answer's fields to print (the help is in FIELDS_SUMMARY_LOOKUP and FIELDS_HELP).
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "FIELD,…",
        value_parser = crate::fields::parse_field,
        help = "With --format json: print only these fields, in this order (comma-separated; \
            see --help for every name)",
        long_help = format!("{FIELDS_SUMMARY_LOOKUP}\n\n{FIELDS_HELP}"),
    )]
    pub fields: Vec<crate::fields::Field>,

    /// Crosswalk options.
    #[command(flatten)]
    pub crosswalk: CrosswalkOpts,
}

/// The first paragraph of the long help of `classify --fields`.
const FIELDS_SUMMARY_CLASSIFY: &str = "Write only these fields of the answer, in this order \
(comma-separated), to write faster: CSV keeps the input's cells and appends only these \
peermap_ columns; JSON lines keep `row` and `input` and only these keys. Every row is still \
written, and `error` (the reason a row could not be coded, empty on coded rows) comes last \
unless named, so that damaged rows stay visible.";

/// The first paragraph of `lookup --fields`.
const FIELDS_SUMMARY_LOOKUP: &str =
    "With --format json: print only these fields of the answer, in this order (comma-separated).";

/// The options shared by the commands that print lexicon entries.
#[derive(Debug, Args)]
pub struct ListingOpts {
    /// Language of labels, definitions and questions.
    #[arg(long, value_enum, default_value_t = LangArg::En, ignore_case = true)]
    pub lang: LangArg,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = TextFormat::Text)]
    pub format: TextFormat,

    /// Lexicon options.
    #[command(flatten)]
    pub lexicon: LexiconOpts,
}

/// Arguments of `peermap roles`.
#[derive(Debug, Args)]
pub struct RolesArgs {
    /// Language, format and lexicon.
    #[command(flatten)]
    pub listing: ListingOpts,
}

/// Arguments of `peermap show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The entry's id, e.g. peer-navigator.
    #[arg(value_name = "ROLE")]
    pub role: String,

    /// Language, format and lexicon.
    #[command(flatten)]
    pub listing: ListingOpts,
}

/// Arguments of `peermap compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The first role: an entry id (peer-mentor) or a title ("Peer Mentor").
    #[arg(value_name = "A")]
    pub a: String,

    /// The second role: an entry id or a title.
    #[arg(value_name = "B")]
    pub b: String,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = TextFormat::Text)]
    pub format: TextFormat,

    /// Crosswalk options.
    #[command(flatten)]
    pub crosswalk: CrosswalkOpts,
}

/// Arguments of `peermap similar`.
#[derive(Debug, Args)]
pub struct SimilarArgs {
    /// The peer role's id, e.g. peer-mentor.
    #[arg(value_name = "ROLE")]
    pub role: String,

    /// How many roles to list.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,

    /// Language, format and lexicon.
    #[command(flatten)]
    pub listing: ListingOpts,
}

/// Arguments of `peermap find`: values by code name, any subset of the six questions; each
/// option takes several values, comma-separated or repeated.
#[derive(Debug, Args)]
pub struct FindArgs {
    /// Functions: relationship-building, emotional-support, navigation, promotion, advocacy.
    #[arg(long, value_delimiter = ',', value_name = "VALUE")]
    pub function: Vec<String>,

    /// Formality: informal, formal-flexible, formal-structured.
    #[arg(long, value_delimiter = ',', value_name = "VALUE")]
    pub formality: Vec<String>,

    /// Relations: lived-experience, social-identity, geographic-community.
    #[arg(long, value_delimiter = ',', value_name = "VALUE")]
    pub relation: Vec<String>,

    /// Status: people-supported, organization, training-certification.
    #[arg(long, value_delimiter = ',', value_name = "VALUE")]
    pub status: Vec<String>,

    /// Affiliations: independent, community-organization, clinical-organization.
    #[arg(long, value_delimiter = ',', value_name = "VALUE")]
    pub affiliation: Vec<String>,

    /// Spaces: daily-life, community-organization, institution.
    #[arg(long, value_delimiter = ',', value_name = "VALUE")]
    pub space: Vec<String>,

    /// How many roles to list at most.
    #[arg(long, default_value_t = 15)]
    pub limit: usize,

    /// Language, format and lexicon.
    #[command(flatten)]
    pub listing: ListingOpts,
}

/// Arguments of `peermap lexicon check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The lexicon folder or entry file to check; default: the embedded lexicon.
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,

    /// Also check PATH as an extension of the embedded lexicon, as `--lexicon PATH` would
    /// load it (catches titles that collide with embedded entries).
    #[arg(long, requires = "path")]
    pub with_default: bool,
}

/// Arguments of `peermap lexicon fmt`.
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// The lexicon folder or entry file to format.
    #[arg(value_name = "PATH", default_value = "data")]
    pub path: PathBuf,

    /// Change nothing; list the files that are not canonical and exit with 1 if there is any.
    #[arg(long)]
    pub check: bool,
}

/// A language for labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// French.
    Fr,
}

impl From<LangArg> for peermap::Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::En => peermap::Lang::En,
            LangArg::Fr => peermap::Lang::Fr,
        }
    }
}

/// How `classify` writes its answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The input rows with `peermap_*` columns appended (tab-separated for TSV input).
    Csv,
    /// One JSON object per row.
    Jsonl,
}

/// How the other subcommands print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    /// For people.
    Text,
    /// For programs.
    Json,
}

/// How `classify` reads its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Comma-separated values with RFC 4180 quoting (or another separator: see --delimiter).
    Csv,
    /// Tab-separated values.
    Tsv,
    /// One title per line, no header.
    Lines,
}

/// The encoding of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Encoding {
    /// UTF-8 (a byte-order mark is skipped).
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// Windows-1252, the Western European code page of Excel on Windows (a superset of Latin-1).
    #[value(name = "windows-1252", aliases = ["cp1252", "latin1", "iso-8859-1"])]
    Windows1252,
}

/// Reads a cell separator: a tab or a printable ASCII character that is not a letter, a digit
/// or a quote, or its name (tab, comma, semicolon, pipe, space).
fn parse_delimiter(text: &str) -> Result<u8, String> {
    let byte = match text {
        "tab" | "\\t" => Some(b'\t'),
        "comma" => Some(b','),
        "semicolon" => Some(b';'),
        "pipe" => Some(b'|'),
        "space" => Some(b' '),
        _ => match text.as_bytes() {
            [b] => Some(*b),
            _ => None,
        },
    };
    byte.filter(|b| crate::layout::is_separator(*b)).ok_or_else(|| {
        format!(
            "\"{}\" cannot separate cells: give one character such as \",\", \";\" or \"|\", or \"tab\"",
            text.escape_default()
        )
    })
}

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

fn repeated_field(fields: &[crate::fields::Field]) -> Option<String> {
    crate::fields::repeated(fields).map(|f| format!("--fields names {} twice", f.name()))
}

/// Checks a region hint with the library's parser and returns its canonical form.
fn parse_region(text: &str) -> Result<String, String> {
    peermap::Region::parse(text)
        .map(|r| r.as_str().to_string())
        .ok_or_else(|| format!("\"{text}\" is not an ISO 3166 code such as CA, GB, FR or CA-ON"))
}

/// Checks that a threshold is a number in [0, 1].
fn parse_threshold(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("\"{text}\" is not a number between 0 and 1")),
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

    #[test]
    fn the_fields_help_names_every_field() {
        for field in crate::fields::Field::ALL {
            let name = field.name();
            assert!(
                FIELDS_HELP.contains(&format!(" {name},"))
                    || FIELDS_HELP.contains(&format!(" {name} ")),
                "{name}"
            );
        }
    }

    #[test]
    fn regions_and_thresholds_are_checked() {
        assert_eq!(parse_region("ca-on").unwrap(), "CA-ON");
        assert!(parse_region("Ontario").is_err());
        assert_eq!(parse_threshold("0.5").unwrap(), 0.5);
        assert!(parse_threshold("1.5").is_err());
        assert!(parse_threshold("x").is_err());
    }
}
