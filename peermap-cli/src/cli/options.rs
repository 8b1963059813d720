//! The options several subcommands share (which lexicon, how the crosswalk codes, how a listing
//! prints) and the value types they take.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

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

    /// A decisions file: the CSV `peermap review` writes, with its decision column filled
    /// (a role id, a not-peer entry id, not_peer, or skip). Decided titles get that answer
    /// (method decision) before matching. May be given several times; a later file wins.
    #[arg(long, value_name = "FILE")]
    pub decisions: Vec<std::path::PathBuf>,

    /// Lexicon options.
    #[command(flatten)]
    pub lexicon: LexiconOpts,
}

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

/// Checks a region hint with the library's parser and returns its canonical form.
fn parse_region(text: &str) -> Result<String, String> {
    peermap::Region::parse(text)
        .map(|r| r.as_str().to_string())
        .ok_or_else(|| format!("\"{text}\" is not an ISO 3166 code such as CA, GB, FR or CA-ON"))
}

/// Checks that a threshold is a number in [0, 1].
pub(crate) fn parse_threshold(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("\"{text}\" is not a number between 0 and 1")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_and_thresholds_are_checked() {
        assert_eq!(parse_region("ca-on").unwrap(), "CA-ON");
        assert!(parse_region("Ontario").is_err());
        assert_eq!(parse_threshold("0.5").unwrap(), 0.5);
        assert!(parse_threshold("1.5").is_err());
        assert!(parse_threshold("x").is_err());
    }
}
