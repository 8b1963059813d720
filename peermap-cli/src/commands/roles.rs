//! `peermap roles`: every lexicon entry, one line each.

use std::io::{self, Write};

use peermap::{Lang, Lexicon};
use serde::Serialize;

use crate::cli::{RolesArgs, TextFormat};
use crate::commands::print::{stdout, write_json};
use crate::commands::text::{pad, tr, DASH};
use crate::setup;
use peermap_cli::entries::{counts, variant_count, VariantCounts};

/// `peermap roles`.
pub fn run(args: &RolesArgs) -> anyhow::Result<()> {
    let crosswalk = setup::crosswalk_for_lexicon(&args.listing.lexicon, args.listing.lang)?;
    let lexicon = crosswalk.lexicon();
    let lang = args.listing.lang.into();
    let mut out = stdout();
    match args.listing.format {
        TextFormat::Text => write_text(&mut out, lexicon, lang)?,
        TextFormat::Json => {
            let lines: Vec<RoleLine> = lexicon
                .roles()
                .iter()
                .map(|role| RoleLine {
                    id: role.id(),
                    kind: role.kind().as_str(),
                    label: role.label(lang),
                    broader: role.broader(),
                    traditions: role.traditions().iter().map(|t| t.as_str()).collect(),
                    variants: counts(role),
                })
                .collect();
            write_json(&mut out, &lines)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// One line of `peermap roles --format json`.
#[derive(Serialize)]
struct RoleLine<'a> {
    id: &'a str,
    kind: &'static str,
    label: &'a str,
    broader: Option<&'a str>,
    traditions: Vec<&'static str>,
    variants: VariantCounts,
}

/// `peermap roles`: one line per entry.
fn write_text(out: &mut impl Write, lexicon: &Lexicon, lang: Lang) -> io::Result<()> {
    let headers = [
        "ID",
        tr(lang, "KIND", "TYPE"),
        tr(lang, "LABEL", "LIBELLÉ"),
        tr(lang, "BROADER", "PLUS LARGE"),
        "TRADITIONS",
        "EN",
        "FR",
    ];
    let rows: Vec<[String; 7]> = lexicon
        .roles()
        .iter()
        .map(|role| {
            let traditions: Vec<&str> = role.traditions().iter().map(|t| t.as_str()).collect();
            [
                role.id().to_string(),
                role.kind().as_str().to_string(),
                role.label(lang).to_string(),
                role.broader().unwrap_or(DASH).to_string(),
                if traditions.is_empty() {
                    DASH.to_string()
                } else {
                    traditions.join(", ")
                },
                variant_count(role, Lang::En).to_string(),
                variant_count(role, Lang::Fr).to_string(),
            ]
        })
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let last = cells.len() - 1;
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i >= last - 1 {
                    format!("{c:>width$}", width = widths[i])
                } else {
                    pad(c, widths[i])
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", line(headers.to_vec()))?;
    for row in &rows {
        writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    let peers = lexicon.roles().iter().filter(|r| r.is_peer()).count();
    let others = lexicon.roles().len() - peers;
    writeln!(
        out,
        "{}",
        match lang {
            Lang::En => format!(
                "{} entries ({peers} peer roles, {others} not-peer); lexicon {}",
                rows.len(),
                lexicon.version()
            ),
            Lang::Fr => format!(
                "{} entrées ({peers} rôles de pair, {others} hors pairs) ; lexique {}",
                rows.len(),
                lexicon.version()
            ),
        }
    )
}
