//! The arguments of each subcommand, in the order `peermap --help` lists them.

use std::path::PathBuf;

use clap::Args;

use crate::cli::options::{
    CrosswalkOpts, LangArg, LexiconOpts, ListingOpts, OutputFormat, TextFormat,
};
use crate::table::{is_separator, Encoding, InputFormat};

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
    #[arg(value_name = "ROLE", required_unless_present = "from_decisions")]
    pub role: Option<String>,

    /// The title as people write it (type it once: case, accents, plurals, gender and
    /// inclusive forms are folded by the matcher).
    #[arg(value_name = "TITLE", required_unless_present = "from_decisions")]
    pub title: Option<String>,

    /// The title's language (with --from-decisions: every title's, instead of the guess).
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        required_unless_present = "from_decisions"
    )]
    pub lang: Option<LangArg>,

    /// Where the title is used: an ISO 3166 code (CA, FR, CA-QC); repeatable. A Canadian
    /// province alone (QC) is read as CA-QC.
    #[arg(long, value_name = "REGION")]
    pub region: Vec<String>,

    /// A public page where the title is used (a posting, a programme page, a law); repeatable.
    /// With --from-decisions, a note on where the decisions come from will do.
    #[arg(long, value_name = "URL|NOTE")]
    pub source: Vec<String>,

    /// The title is an acronym (matched only as a whole word).
    #[arg(long)]
    pub acronym: bool,

    /// The title is a bare head shared by several entries.
    #[arg(long)]
    pub ambiguous: bool,

    /// Add every title a decisions file decides as a lexicon entry (a filled `peermap review`
    /// CSV), to that entry's file, each with its language (guessed from the title unless
    /// --lang) and the decision's region; not-peer decisions and skips are left and listed.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["role", "title", "acronym", "ambiguous"])]
    pub from_decisions: Option<PathBuf>,

    /// With --from-decisions: print what would be added, and write nothing.
    #[arg(long, requires = "from_decisions")]
    pub dry_run: bool,

    /// The lexicon folder.
    #[arg(long, value_name = "DIR", default_value = "data")]
    pub data: PathBuf,
}

/// The help of `--fields` (the same for `classify` and `lookup`), after its first line.
const FIELDS_HELP: &str = "Names: verdict, role, lineage, label, traditions, score, method, \
matched, lang, candidates, functions, formality, relations, status, affiliations, spaces, \
seniority, level, employment, credential, domains, populations, settings, location, codes, \
other, implied, evidence, other_occupation, other_occupation_codes, soc2018, onet_soc, isco08, noc2021, \
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
        value_parser = peermap_cli::fields::parse_field,
        help = "Write only these fields, in this order (comma-separated: verdict,role,score); \
            `error` is always kept (see --help for every name)",
        long_help = format!("{FIELDS_SUMMARY_CLASSIFY}\n\n{FIELDS_HELP}"),
    )]
    pub fields: Vec<peermap_cli::fields::Field>,

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

/// Arguments of `peermap review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The coded rows (the JSON lines output of `classify --format jsonl`, or a `.jsonl`
    /// file), or an input file of titles, which is coded first.
    #[arg(value_name = "CODED.jsonl|INPUT")]
    pub input: PathBuf,

    /// The review CSV to write (atomically); standard output without it.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The column holding the titles, when INPUT is coded first (as for `classify`).
    #[arg(long, short = 'c', value_name = "NAME|INDEX")]
    pub column: Option<String>,

    /// The separator of the review CSV (and of INPUT when it is coded first); by default the
    /// input's, or a comma for JSON lines.
    #[arg(long, short = 'd', value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,

    /// Also list committed answers below `--below`: `low-confidence`.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub include: Vec<ReviewInclude>,

    /// With `--include low-confidence`: list peer-role and look-alike answers scoring below
    /// this.
    #[arg(long, value_name = "X", default_value_t = 0.9, value_parser = crate::cli::options::parse_threshold)]
    pub below: f64,

    /// List the titles a decisions file marked `skip` too.
    #[arg(long)]
    pub include_skipped: bool,

    /// Start the CSV with a UTF-8 byte-order mark, so that Excel on Windows reads its accents.
    #[arg(long)]
    pub bom: bool,

    /// Write CSV cells that start with =, +, - or @ as they are (see `classify`).
    #[arg(long)]
    pub keep_formulas: bool,

    /// Crosswalk options (for coding INPUT; `--lang fr` writes French headers; the
    /// `--decisions` files' decided and skipped titles are left out).
    #[command(flatten)]
    pub crosswalk: CrosswalkOpts,
}

/// What `review` lists besides the ambiguous and unknown titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReviewInclude {
    /// Committed answers scoring below `--below`.
    LowConfidence,
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
        value_parser = peermap_cli::fields::parse_field,
        help = "With --format json: print only these fields, in this order (comma-separated; \
            see --help for every name)",
        long_help = format!("{FIELDS_SUMMARY_LOOKUP}\n\n{FIELDS_HELP}"),
    )]
    pub fields: Vec<peermap_cli::fields::Field>,

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
    byte.filter(|b| is_separator(*b)).ok_or_else(|| {
        format!(
            "\"{}\" cannot separate cells: give one character such as \",\", \";\" or \"|\", or \"tab\"",
            text.escape_default()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_help_names_every_field() {
        for field in peermap_cli::fields::Field::ALL {
            let name = field.name();
            assert!(
                FIELDS_HELP.contains(&format!(" {name},"))
                    || FIELDS_HELP.contains(&format!(" {name} ")),
                "{name}"
            );
        }
    }
}
