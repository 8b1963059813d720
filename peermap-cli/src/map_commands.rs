//! The map's subcommands: `compare` two roles, `similar` roles, and `find` roles by profile.

use std::io::Write;

use peermap::{Comparison, Crosswalk, Dimension, Facet, Found, Lang, Query, Role, Verdict};
use serde::Serialize;

use crate::cli::{CompareArgs, FindArgs, SimilarArgs, TextFormat};
use crate::commands::{find_role, stdout, write_json};
use crate::render::{self, Side};
use crate::setup;

/// `peermap compare`: each side is an entry id, or a title coded to one entry.
pub fn compare(args: &CompareArgs) -> anyhow::Result<()> {
    let crosswalk = setup::crosswalk(&args.crosswalk)?;
    let a = resolve(&crosswalk, &args.a)?;
    let b = resolve(&crosswalk, &args.b)?;
    let lang: Lang = args.crosswalk.lang.into();
    let comparison = peermap::compare(a.role, b.role);
    let mut out = stdout();
    match args.format {
        TextFormat::Text => {
            render::compare(&mut out, &a, &b, lang)?;
            if let Some(comparison) = &comparison {
                write_similarity(&mut out, comparison, lang)?;
            }
        }
        TextFormat::Json => write_json(
            &mut out,
            &CompareJson {
                a: compare_side(&a, lang),
                b: compare_side(&b, lang),
                similarity: comparison.as_ref().map(Comparison::similarity),
                dimensions: comparison
                    .as_ref()
                    .map(|c| c.dimensions().iter().map(DimensionJson::from).collect())
                    .unwrap_or_default(),
                sentences: comparison.as_ref().map(|c| SentencesJson {
                    roles: c.sentence(Facet::Roles, lang),
                    pathways: c.sentence(Facet::Pathways, lang),
                    settings: c.sentence(Facet::Settings, lang),
                }),
            },
        )?,
    }
    out.flush()?;
    Ok(())
}

/// The similarity lines and the three sentences under the side-by-side view.
fn write_similarity(out: &mut impl Write, c: &Comparison<'_>, lang: Lang) -> anyhow::Result<()> {
    writeln!(out)?;
    let per: Vec<String> = c
        .dimensions()
        .iter()
        .map(|d| format!("{} {:.2}", d.dimension().label(lang), d.similarity()))
        .collect();
    writeln!(
        out,
        "{} {:.2} ({})",
        tr(
            lang,
            "Similarity (Jaccard, mean of the six questions):",
            "Similarité (Jaccard, moyenne des six questions) :"
        ),
        c.similarity(),
        per.join(", ")
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        tr(lang, "How they differ", "En quoi ils diffèrent")
    )?;
    for facet in Facet::ALL {
        writeln!(out, "  {}", c.sentence(*facet, lang))?;
    }
    Ok(())
}

fn tr(lang: Lang, en: &'static str, fr: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// `peermap compare --format json`.
#[derive(Serialize)]
struct CompareJson<'a> {
    a: CompareSide<'a>,
    b: CompareSide<'a>,
    /// Null when either side is a not-peer entry (no profile).
    similarity: Option<f64>,
    dimensions: Vec<DimensionJson>,
    sentences: Option<SentencesJson>,
}

#[derive(Serialize)]
struct CompareSide<'a> {
    given: &'a str,
    role: &'a str,
    kind: &'static str,
    label: &'a str,
    via_title: bool,
    traditions: Vec<&'static str>,
    profile: Option<&'a peermap::Profile>,
}

#[derive(Serialize)]
struct DimensionJson {
    dimension: &'static str,
    shared: Vec<&'static str>,
    only_a: Vec<&'static str>,
    only_b: Vec<&'static str>,
    similarity: f64,
}

impl From<&peermap::DimensionComparison> for DimensionJson {
    fn from(d: &peermap::DimensionComparison) -> Self {
        DimensionJson {
            dimension: d.dimension().as_str(),
            shared: d.shared().to_vec(),
            only_a: d.only_a().to_vec(),
            only_b: d.only_b().to_vec(),
            similarity: d.similarity(),
        }
    }
}

#[derive(Serialize)]
struct SentencesJson {
    roles: String,
    pathways: String,
    settings: String,
}

/// An entry id, or a title the crosswalk codes to one entry.
fn resolve<'a>(crosswalk: &'a Crosswalk, given: &'a str) -> anyhow::Result<Side<'a>> {
    let lexicon = crosswalk.lexicon();
    if let Some(role) = lexicon.get(given) {
        return Ok(Side {
            given,
            role,
            via_title: false,
        });
    }
    let answer = crosswalk.classify(given);
    match answer.role().and_then(|id| lexicon.get(id)) {
        Some(role) => Ok(Side {
            given,
            role,
            via_title: true,
        }),
        None if answer.verdict() == Verdict::Ambiguous => {
            let ids: Vec<&str> = answer.candidates().iter().map(|c| c.role()).collect();
            anyhow::bail!(
                "\"{given}\" is ambiguous (candidates: {}); give an entry id or a fuller title",
                ids.join(", ")
            )
        }
        None => match answer.other_occupation() {
            Some(occupation) => anyhow::bail!(
                "\"{given}\" is the title of another occupation, {} ({}), not an entry of the lexicon: it has no profile on the map",
                occupation.label(),
                occupation.codes().join(", ")
            ),
            None => anyhow::bail!(
                "\"{given}\" is neither an entry id nor a title the lexicon codes (see `peermap roles`)"
            ),
        },
    }
}

fn compare_side<'a>(side: &Side<'a>, lang: Lang) -> CompareSide<'a> {
    CompareSide {
        given: side.given,
        role: side.role.id(),
        kind: side.role.kind().as_str(),
        label: side.role.label(lang),
        via_title: side.via_title,
        traditions: side.role.traditions().iter().map(|t| t.as_str()).collect(),
        profile: side.role.profile(),
    }
}

/// `peermap similar`.
pub fn similar(args: &SimilarArgs) -> anyhow::Result<()> {
    let crosswalk = setup::crosswalk_for_lexicon(&args.listing.lexicon, args.listing.lang)?;
    let lexicon = crosswalk.lexicon();
    let role = find_role(lexicon, &args.role)?;
    anyhow::ensure!(
        role.is_peer(),
        "{} is a not-peer entry: it has no profile on the map to compare",
        role.id()
    );
    let lang: Lang = args.listing.lang.into();
    let nearest: Vec<(&Role, f64)> = peermap::similar(lexicon, role)
        .into_iter()
        .take(args.limit)
        .collect();
    let mut out = stdout();
    match args.listing.format {
        TextFormat::Text => {
            writeln!(
                out,
                "{} {} — {}",
                tr(lang, "Roles nearest to", "Rôles les plus proches de"),
                role.id(),
                role.label(lang)
            )?;
            for (other, similarity) in &nearest {
                writeln!(
                    out,
                    "  {similarity:.2}  {:<36} {}",
                    other.id(),
                    other.label(lang)
                )?;
            }
        }
        TextFormat::Json => {
            let rows: Vec<SimilarJson> = nearest
                .iter()
                .map(|(other, similarity)| SimilarJson {
                    role: other.id(),
                    label: other.label(lang),
                    similarity: *similarity,
                })
                .collect();
            write_json(&mut out, &rows)?;
        }
    }
    out.flush()?;
    Ok(())
}

#[derive(Serialize)]
struct SimilarJson<'a> {
    role: &'a str,
    label: &'a str,
    similarity: f64,
}

/// `peermap find`: the reverse crosswalk.
pub fn find(args: &FindArgs) -> anyhow::Result<()> {
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
