//! `peermap compare`: two roles (ids or titles) side by side on the six questions of the map.

use std::io::{self, Write};

use peermap::{Comparison, Crosswalk, Dimension, Facet, Lang, Profile, Role, Verdict};
use serde::Serialize;

use crate::cli::{CompareArgs, TextFormat};
use crate::commands::print::{stdout, write_json};
use crate::commands::text::{tr, undetermined, value_label, DASH};
use crate::setup;

/// `peermap compare`: each side is an entry id, or a title coded to one entry.
pub fn run(args: &CompareArgs) -> anyhow::Result<()> {
    let crosswalk = setup::crosswalk(&args.crosswalk)?;
    let a = resolve(&crosswalk, &args.a)?;
    let b = resolve(&crosswalk, &args.b)?;
    let lang: Lang = args.crosswalk.lang.into();
    let comparison = peermap::compare(a.role, b.role);
    let mut out = stdout();
    match args.format {
        TextFormat::Text => {
            write_text(&mut out, &a, &b, lang)?;
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

/// One side of a comparison: an entry, and how it was found.
struct Side<'a> {
    /// What the user typed.
    given: &'a str,
    /// The entry.
    role: &'a Role,
    /// Set when `given` was a title coded to the entry rather than its id.
    via_title: bool,
}

/// `peermap compare`: two entries side by side on the six questions.
fn write_text(out: &mut impl Write, a: &Side, b: &Side, lang: Lang) -> io::Result<()> {
    write_sides(out, a, b, lang)?;
    write_traditions(out, a, b, lang)?;
    let empty = Profile::default();
    let pa = a.role.profile().unwrap_or(&empty);
    let pb = b.role.profile().unwrap_or(&empty);
    for facet in Facet::ALL {
        writeln!(out, "{}", facet.label(lang))?;
        for dimension in Dimension::ALL.iter().filter(|d| d.facet() == *facet) {
            write_dimension(out, dimension, pa, pb, lang)?;
        }
    }
    write_reasons(out, a, b, lang)
}

/// Which entry is A and which is B, and how each was found.
fn write_sides(out: &mut impl Write, a: &Side, b: &Side, lang: Lang) -> io::Result<()> {
    for (letter, side) in [("A", a), ("B", b)] {
        let how = if side.via_title {
            format!(
                " {} \"{}\"",
                tr(lang, "— coded from the title", "— codé d'après le titre"),
                side.given
            )
        } else {
            String::new()
        };
        writeln!(
            out,
            "{letter}  {} — {}{how}",
            side.role.id(),
            side.role.label(lang)
        )?;
    }
    writeln!(out)?;
    Ok(())
}

/// The traditions of each side.
fn write_traditions(out: &mut impl Write, a: &Side, b: &Side, lang: Lang) -> io::Result<()> {
    let traditions = |r: &Role| -> String {
        let t: Vec<&str> = r.traditions().iter().map(|t| t.label(lang)).collect();
        if t.is_empty() {
            DASH.to_string()
        } else {
            t.join(", ")
        }
    };
    writeln!(out, "Traditions")?;
    writeln!(out, "    A  {}", traditions(a.role))?;
    writeln!(out, "    B  {}", traditions(b.role))?;
    Ok(())
}

/// One question: each side's values, then what they have in common.
fn write_dimension(
    out: &mut impl Write,
    dimension: &Dimension,
    pa: &Profile,
    pb: &Profile,
    lang: Lang,
) -> io::Result<()> {
    writeln!(out, "  {}", dimension.question(lang))?;
    let ca = pa.codes(*dimension);
    let cb = pb.codes(*dimension);
    let labels = |codes: &[&str]| -> String {
        if codes.is_empty() {
            undetermined(lang).to_string()
        } else {
            codes
                .iter()
                .map(|c| value_label(*dimension, c, lang))
                .collect::<Vec<_>>()
                .join(" · ")
        }
    };
    writeln!(out, "    A  {}", labels(&ca))?;
    writeln!(out, "    B  {}", labels(&cb))?;
    let shared: Vec<&str> = ca.iter().copied().filter(|c| cb.contains(c)).collect();
    let verdict = if ca.is_empty() || cb.is_empty() {
        tr(lang, "cannot compare", "comparaison impossible").to_string()
    } else if ca == cb {
        tr(lang, "same", "identique").to_string()
    } else if shared.is_empty() {
        tr(lang, "nothing in common", "rien en commun").to_string()
    } else {
        format!(
            "{} {}",
            tr(lang, "in common:", "en commun :"),
            labels(&shared)
        )
    };
    writeln!(out, "    =  {verdict}")?;
    Ok(())
}

/// Why a not-peer side is not a peer role.
fn write_reasons(out: &mut impl Write, a: &Side, b: &Side, lang: Lang) -> io::Result<()> {
    for side in [a, b] {
        if let Some(reason) = side.role.reason(lang) {
            writeln!(out)?;
            writeln!(
                out,
                "{} {}: {reason}",
                side.role.id(),
                tr(lang, "is not a peer role", "n'est pas un rôle de pair")
            )?;
        }
    }
    Ok(())
}
