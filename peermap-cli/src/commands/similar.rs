//! `peermap similar`: the peer roles nearest to one on the map.

use std::io::Write;

use peermap::{Lang, Role};
use serde::Serialize;

use crate::cli::{SimilarArgs, TextFormat};
use crate::commands::print::{stdout, write_json};
use crate::commands::text::tr;
use crate::setup;
use peermap_cli::entries::find_role;

/// `peermap similar`.
pub fn run(args: &SimilarArgs) -> anyhow::Result<()> {
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
