//! `peermap find`: the reverse crosswalk, from values of the six questions to the peer roles
//! that hold them.

use std::io::Write;

use peermap::{Dimension, Found, Lang, Query, Role};
use serde::Serialize;

use crate::cli::{FindArgs, TextFormat};
use crate::commands::print::{stdout, write_json};
use crate::commands::text::tr;
use crate::setup;

/// `peermap find`: the reverse crosswalk.
pub fn run(args: &FindArgs) -> anyhow::Result<()> {
    let crosswalk = setup::crosswalk_for_lexicon(&args.listing.lexicon, args.listing.lang)?;
    let lexicon = crosswalk.lexicon();
    let query = query(args)?;
    let lang: Lang = args.listing.lang.into();
    let found: Vec<Found<'_>> = peermap::find(lexicon, &query)
        .into_iter()
        .take(args.limit)
        .collect();
    let mut out = stdout();
    match args.listing.format {
        TextFormat::Text => write_found(&mut out, &query, &found, lang)?,
        TextFormat::Json => {
            let rows: Vec<FoundJson> = found
                .iter()
                .map(|f| FoundJson {
                    role: f.role().id(),
                    label: f.role().label(lang),
                    held: f.held().len(),
                    asked: query.wanted().len(),
                    missing: f
                        .missing()
                        .iter()
                        .map(|(d, v)| format!("{d}={v}"))
                        .collect(),
                    titles: titles_to_search(f.role(), lang),
                })
                .collect();
            write_json(&mut out, &rows)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The query from the command line's dimension options.
fn query(args: &FindArgs) -> anyhow::Result<Query> {
    let mut query = Query::new();
    for (dimension, values) in [
        (Dimension::Functions, &args.function),
        (Dimension::Formality, &args.formality),
        (Dimension::Relations, &args.relation),
        (Dimension::Status, &args.status),
        (Dimension::Affiliations, &args.affiliation),
        (Dimension::Spaces, &args.space),
    ] {
        for value in values {
            query = query
                .with(dimension, value)
                .map_err(|e| anyhow::anyhow!("--{}: {e}", option_name(dimension)))?;
        }
    }
    anyhow::ensure!(
        !query.wanted().is_empty(),
        "give at least one value, e.g. --function navigation --relation lived-experience"
    );
    Ok(query)
}

fn option_name(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Functions => "function",
        Dimension::Formality => "formality",
        Dimension::Relations => "relation",
        Dimension::Status => "status",
        Dimension::Affiliations => "affiliation",
        Dimension::Spaces => "space",
    }
}

/// A role's titles in `lang` worth searching for: not ambiguous, not acronyms, at most six.
fn titles_to_search(role: &Role, lang: Lang) -> Vec<&str> {
    role.variants()
        .iter()
        .filter(|v| v.lang() == lang && !v.is_ambiguous() && !v.is_acronym())
        .map(|v| v.text())
        .take(6)
        .collect()
}

fn write_found(
    out: &mut impl Write,
    query: &Query,
    found: &[Found<'_>],
    lang: Lang,
) -> anyhow::Result<()> {
    let asked = query.wanted().len();
    if found.is_empty() {
        writeln!(
            out,
            "{}",
            tr(
                lang,
                "No peer role holds any of these values.",
                "Aucun rôle de pair n'a ces valeurs."
            )
        )?;
        return Ok(());
    }
    for f in found {
        writeln!(
            out,
            "{}/{asked}  {} — {}",
            f.held().len(),
            f.role().id(),
            f.role().label(lang)
        )?;
        if !f.missing().is_empty() {
            let missing: Vec<String> = f
                .missing()
                .iter()
                .map(|(d, v)| d.value_label(v, lang).unwrap_or(v).to_string())
                .collect();
            writeln!(
                out,
                "      {} {}",
                tr(lang, "lacks:", "n'a pas :"),
                missing.join(", ")
            )?;
        }
        let titles = titles_to_search(f.role(), lang);
        if !titles.is_empty() {
            writeln!(
                out,
                "      {} {}",
                tr(lang, "search for:", "chercher :"),
                titles.join(", ")
            )?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct FoundJson<'a> {
    role: &'a str,
    label: &'a str,
    held: usize,
    asked: usize,
    missing: Vec<String>,
    titles: Vec<&'a str>,
}
