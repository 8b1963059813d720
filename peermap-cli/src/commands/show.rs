//! `peermap show`: one lexicon entry in full.

use std::io::{self, Write};

use peermap::{Lang, Lexicon, Role};
use serde::Serialize;

use crate::cli::{ShowArgs, TextFormat};
use crate::commands::print::{stdout, write_json};
use crate::commands::text::{field, pad, questions, tr};
use crate::setup;
use peermap_cli::entries::{counts, find_role, variant_count, VariantCounts};

/// `peermap show`.
pub fn run(args: &ShowArgs) -> anyhow::Result<()> {
    let crosswalk = setup::crosswalk_for_lexicon(&args.listing.lexicon, args.listing.lang)?;
    let lexicon = crosswalk.lexicon();
    let role = find_role(lexicon, &args.role)?;
    let mut out = stdout();
    match args.listing.format {
        TextFormat::Text => write_text(&mut out, lexicon, role, args.listing.lang.into())?,
        TextFormat::Json => {
            let value = ShowJson {
                role,
                lineage: lexicon.lineage(role.id()),
                narrower: narrower(lexicon, role),
                variant_counts: counts(role),
            };
            write_json(&mut out, &value)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// `peermap show --format json`: the entry as in its file, plus its lineage and narrower roles.
#[derive(Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    role: &'a Role,
    lineage: Vec<&'a str>,
    narrower: Vec<&'a str>,
    variant_counts: VariantCounts,
}

/// The ids of the entries whose broader role is `role`.
fn narrower<'a>(lexicon: &'a Lexicon, role: &Role) -> Vec<&'a str> {
    lexicon
        .roles()
        .iter()
        .filter(|r| r.broader() == Some(role.id()))
        .map(Role::id)
        .collect()
}

/// The label width for `show`.
const SHOW_WIDTH: usize = 12;

/// `peermap show`: one entry in full.
fn write_text(out: &mut impl Write, lexicon: &Lexicon, role: &Role, lang: Lang) -> io::Result<()> {
    writeln!(out, "{} — {}", role.id(), role.label(lang))?;
    writeln!(out)?;
    write_fields(out, lexicon, role, lang)?;
    writeln!(out)?;
    write_profile(out, role, lang)?;
    writeln!(out)?;
    write_variants(out, role, lang)?;
    write_references(out, role, lang)
}

/// The entry's labels, definition and place among the other entries.
fn write_fields(
    out: &mut impl Write,
    lexicon: &Lexicon,
    role: &Role,
    lang: Lang,
) -> io::Result<()> {
    let w = SHOW_WIDTH;
    field(out, w, tr(lang, "Kind", "Type"), role.kind().as_str())?;
    field(
        out,
        w,
        tr(lang, "Label (en)", "Libellé (en)"),
        role.label(Lang::En),
    )?;
    field(
        out,
        w,
        tr(lang, "Label (fr)", "Libellé (fr)"),
        role.label(Lang::Fr),
    )?;
    field(
        out,
        w,
        tr(lang, "Definition", "Définition"),
        role.definition(lang),
    )?;
    if let Some(reason) = role.reason(lang) {
        field(out, w, tr(lang, "Reason", "Raison"), reason)?;
    }
    let traditions: Vec<&str> = role.traditions().iter().map(|t| t.label(lang)).collect();
    field(out, w, "Traditions", &traditions.join(", "))?;
    field(
        out,
        w,
        tr(lang, "Broader", "Plus large"),
        role.broader().unwrap_or_default(),
    )?;
    field(
        out,
        w,
        tr(lang, "Lineage", "Lignée"),
        &lexicon.lineage(role.id()).join(" → "),
    )?;
    let narrower = narrower(lexicon, role);
    field(
        out,
        w,
        tr(lang, "Narrower", "Plus précis"),
        &narrower.join(", "),
    )?;
    if !role.file().is_empty() {
        field(out, w, tr(lang, "File", "Fichier"), role.file())?;
    }
    Ok(())
}

/// The six questions as the entry's profile answers them.
fn write_profile(out: &mut impl Write, role: &Role, lang: Lang) -> io::Result<()> {
    writeln!(out, "{}", tr(lang, "PROFILE", "PROFIL"))?;
    match role.profile() {
        Some(profile) => questions(out, profile, lang, &[])?,
        None => writeln!(
            out,
            "  {}",
            tr(
                lang,
                "(not a peer role: no profile)",
                "(pas un rôle de pair : aucun profil)"
            )
        )?,
    }
    Ok(())
}

/// The variants, by language, then by the regions they are tagged with.
fn write_variants(out: &mut impl Write, role: &Role, lang: Lang) -> io::Result<()> {
    let variants = role.variants();
    writeln!(
        out,
        "{} ({}: {} EN, {} FR)",
        tr(lang, "VARIANTS", "VARIANTES"),
        variants.len(),
        variant_count(role, Lang::En),
        variant_count(role, Lang::Fr)
    )?;
    let width = variants
        .iter()
        .map(|v| v.text().chars().count())
        .max()
        .unwrap_or(0);
    for group_lang in Lang::ALL {
        let in_lang: Vec<&peermap::Variant> = variants
            .iter()
            .filter(|v| v.lang() == *group_lang)
            .collect();
        if in_lang.is_empty() {
            continue;
        }
        writeln!(out, "  {}", language_name(*group_lang, lang))?;
        for (regions, group) in by_region(&in_lang) {
            let heading = if regions.is_empty() {
                tr(lang, "any region", "toutes régions").to_string()
            } else {
                regions
            };
            writeln!(out, "    {heading}")?;
            for v in group {
                let line = format!("      {}  {}", pad(v.text(), width), variant_flags(v, lang));
                writeln!(out, "{}", line.trim_end())?;
            }
        }
    }
    Ok(())
}

/// The occupational codes, sources and notes, those the entry has.
fn write_references(out: &mut impl Write, role: &Role, lang: Lang) -> io::Result<()> {
    if !role.codes().is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            tr(lang, "OCCUPATIONAL CODES", "CODES DE PROFESSIONS")
        )?;
        for code in role.codes() {
            writeln!(
                out,
                "  {:<9} {:<11} {:<18} {}",
                scheme_name(code.scheme()),
                short_code(code),
                code.predicate(),
                code.label()
            )?;
            writeln!(out, "  {:<9} {}", "", code.source())?;
        }
    }
    if !role.sources().is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", tr(lang, "SOURCES", "SOURCES"))?;
        for source in role.sources() {
            writeln!(out, "  {source}")?;
        }
    }
    if !role.notes().is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", tr(lang, "NOTES", "NOTES"))?;
        writeln!(out, "  {}", role.notes())?;
    }
    Ok(())
}

/// "SOC 2018", "ISCO-08": a classification's usual name.
fn scheme_name(scheme: &str) -> &str {
    match scheme {
        "soc2018" => "SOC 2018",
        "onet-soc" => "O*NET-SOC",
        "isco08" => "ISCO-08",
        "noc2021" => "NOC 2021",
        "esco" => "ESCO",
        other => other,
    }
}

/// The code as people cite it; an ESCO occupation by the start of its URI's identifier (the
/// whole URI is in the JSON output and in the source line).
fn short_code(code: &peermap::OccupationCode) -> String {
    if code.scheme() == "esco" {
        let id = code.code().rsplit('/').next().unwrap_or(code.code());
        format!("{}…", id.chars().take(8).collect::<String>())
    } else {
        code.code().to_string()
    }
}

/// "English" / "anglais", in the language of the listing.
fn language_name(of: Lang, lang: Lang) -> &'static str {
    match of {
        Lang::En => tr(lang, "English", "anglais"),
        Lang::Fr => tr(lang, "French", "français"),
    }
}

/// Variants grouped by their region tags: untagged first, then each set of tags in order.
fn by_region<'a>(variants: &[&'a peermap::Variant]) -> Vec<(String, Vec<&'a peermap::Variant>)> {
    let mut groups: Vec<(String, Vec<&peermap::Variant>)> = Vec::new();
    for v in variants {
        let key: Vec<&str> = v.regions().iter().map(|r| r.as_str()).collect();
        let key = key.join(" ");
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, group)) => group.push(v),
            None => groups.push((key, vec![v])),
        }
    }
    groups.sort_by(|a, b| (!a.0.is_empty(), &a.0).cmp(&(!b.0.is_empty(), &b.0)));
    groups
}

/// "acronym, ambiguous, unverified": what a reviewer needs to know about one variant.
fn variant_flags(v: &peermap::Variant, lang: Lang) -> String {
    let mut flags: Vec<&str> = Vec::new();
    if v.is_acronym() {
        flags.push(tr(lang, "acronym", "sigle"));
    }
    if v.is_ambiguous() {
        flags.push(tr(lang, "ambiguous", "ambigu"));
    }
    match v.status() {
        peermap::VariantStatus::Verified => {}
        peermap::VariantStatus::Derived => flags.push(tr(lang, "derived", "dérivée")),
        peermap::VariantStatus::Unverified => flags.push(tr(lang, "unverified", "non vérifiée")),
    }
    flags.join(", ")
}
