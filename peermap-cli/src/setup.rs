//! Turning command-line options into a lexicon and a crosswalk, and lexicon problems into a
//! fatal error that prints one problem per line; the check of the embedded lexicon that comes
//! before any subcommand that reads it.

use std::fmt;
use std::path::Path;

use peermap::{Crosswalk, CrosswalkBuilder, Lexicon, LexiconError};

use crate::cli::{CrosswalkOpts, LangArg, LexiconOpts};

/// A lexicon that failed validation: a headline, then one problem per line.
#[derive(Debug)]
pub struct LexiconFailure {
    /// What was being loaded ("the lexicon at mine/").
    pub what: String,
    /// Every problem, as the library words it (file, entry, field, message).
    pub problems: Vec<String>,
}

impl LexiconFailure {
    /// Collects the library's problems.
    pub fn new(what: String, problems: &[LexiconError]) -> LexiconFailure {
        LexiconFailure {
            what,
            problems: problems.iter().map(ToString::to_string).collect(),
        }
    }
}

impl fmt::Display for LexiconFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "{} is invalid ({n} problem{}):",
            self.what,
            if n == 1 { "" } else { "s" }
        )?;
        for problem in &self.problems {
            write!(f, "\n  {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LexiconFailure {}

/// Reads and validates a user lexicon folder or file. As an extension of the embedded
/// lexicon, its `broader` may name an embedded role; on its own, it must be complete.
pub fn load_lexicon(path: &Path, extends_embedded: bool) -> anyhow::Result<Lexicon> {
    let loaded = if extends_embedded {
        Lexicon::extension_from_path(path)
    } else {
        Lexicon::from_path(path)
    };
    loaded.map_err(|errors| {
        LexiconFailure::new(
            format!("the lexicon at {}", path.display()),
            errors.errors(),
        )
        .into()
    })
}

/// Builds a crosswalk from the lexicon options alone (default language and threshold).
pub fn crosswalk_for_lexicon(opts: &LexiconOpts, lang: LangArg) -> anyhow::Result<Crosswalk> {
    let mut builder = build(opts, lang, None, None)?;
    finish(&mut builder, opts)
}

/// Builds the crosswalk the options describe.
pub fn crosswalk(opts: &CrosswalkOpts) -> anyhow::Result<Crosswalk> {
    let mut builder = build(
        &opts.lexicon,
        opts.lang,
        opts.region.as_deref(),
        opts.threshold,
    )?;
    builder.closed_world(opts.closed_world);
    let plain = finish(&mut builder, &opts.lexicon)?;
    if opts.decisions.is_empty() {
        return Ok(plain);
    }
    let loaded = peermap_cli::decisions::load(&opts.decisions, &plain)?;
    for warning in &loaded.warnings {
        eprintln!("peermap: warning: {warning}");
    }
    builder.decisions(loaded.decisions);
    finish(&mut builder, &opts.lexicon)
}

/// A builder with the options set and the user lexicons loaded.
fn build(
    lexicons: &LexiconOpts,
    lang: LangArg,
    region: Option<&str>,
    threshold: Option<f64>,
) -> anyhow::Result<CrosswalkBuilder> {
    let mut builder = Crosswalk::builder();
    builder.language(lang.into());
    if let Some(region) = region {
        builder.region(region);
    }
    if let Some(threshold) = threshold {
        builder.threshold(threshold);
    }
    if lexicons.no_default_lexicon {
        if lexicons.lexicons.is_empty() {
            anyhow::bail!("--no-default-lexicon needs at least one --lexicon PATH");
        }
        builder.no_default_lexicon();
    }
    for path in &lexicons.lexicons {
        builder.lexicon(load_lexicon(path, !lexicons.no_default_lexicon)?);
    }
    Ok(builder)
}

/// Builds the crosswalk; a combined lexicon that does not hold together is a fatal error
/// listing its problems.
fn finish(builder: &mut CrosswalkBuilder, lexicons: &LexiconOpts) -> anyhow::Result<Crosswalk> {
    builder.build().map_err(|e| match e.lexicon_errors() {
        // The user entries are valid alone but not together with the others (a title
        // shared with an embedded entry, a broader id that does not exist…).
        Some(errors) => LexiconFailure::new(
            if lexicons.no_default_lexicon {
                "the combined lexicon (the --lexicon entries together)".to_string()
            } else {
                "the combined lexicon (embedded and --lexicon entries)".to_string()
            },
            errors.errors(),
        )
        .into(),
        None => anyhow::Error::msg(e.to_string()),
    })
}

/// Loads the embedded lexicon; invalid embedded data is a fatal error listing the problems.
pub fn check_embedded() -> anyhow::Result<()> {
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
