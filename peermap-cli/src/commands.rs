//! The subcommands other than `classify` and the map's: `lookup`, `roles`, `show` and
//! `lexicon check`.

use std::io::{self, BufWriter, Write};

use peermap::{Lang, Lexicon, Role};
use serde::Serialize;

use crate::cli::{LookupArgs, RolesArgs, ShowArgs, TextFormat};
use crate::render;
use crate::setup;

/// Standard output, buffered; flushed by the caller so write errors are seen.
pub(crate) fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::new(io::stdout().lock())
}

/// Writes `value` as pretty JSON and a newline.
pub(crate) fn write_json(out: &mut impl Write, value: &impl Serialize) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// `peermap lookup`.
pub fn lookup(args: &LookupArgs) -> anyhow::Result<()> {
    let crosswalk = setup::crosswalk(&args.crosswalk)?;
    let answer = crosswalk.classify(&args.title);
    let mut out = stdout();
    match args.format {
        TextFormat::Text => render::lookup(&mut out, &answer, args.crosswalk.lang.into())?,
        TextFormat::Json if args.fields.is_empty() => write_json(&mut out, &answer)?,
        TextFormat::Json => {
            let selected = crate::fields::Selected {
                answer: &answer,
                lexicon: crosswalk.lexicon(),
                fields: &args.fields,
                input: false,
            };
            write_json(&mut out, &selected)?
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

/// Variants per language.
#[derive(Serialize)]
struct VariantCounts {
    en: usize,
    fr: usize,
}

fn counts(role: &Role) -> VariantCounts {
    let n = |lang| role.variants().iter().filter(|v| v.lang() == lang).count();
    VariantCounts {
        en: n(Lang::En),
        fr: n(Lang::Fr),
    }
}

/// `peermap roles`.
pub fn roles(args: &RolesArgs) -> anyhow::Result<()> {
    let crosswalk = setup::crosswalk_for_lexicon(&args.listing.lexicon, args.listing.lang)?;
    let lexicon = crosswalk.lexicon();
    let lang = args.listing.lang.into();
    let mut out = stdout();
    match args.listing.format {
        TextFormat::Text => render::roles(&mut out, lexicon, lang)?,
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

/// `peermap show --format json`: the entry as in its file, plus its lineage and narrower roles.
#[derive(Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    role: &'a Role,
    lineage: Vec<&'a str>,
    narrower: Vec<&'a str>,
    variant_counts: VariantCounts,
}

/// Finds an entry by id, forgiving case and spaces; else an error naming close ids.
pub(crate) fn find_role<'a>(lexicon: &'a Lexicon, wanted: &str) -> anyhow::Result<&'a Role> {
    if let Some(role) = lexicon.get(wanted) {
        return Ok(role);
    }
    let slug = wanted.trim().to_lowercase().replace([' ', '_'], "-");
    if let Some(role) = lexicon.get(&slug) {
        return Ok(role);
    }
    let close = render::close_ids(lexicon, wanted);
    if close.is_empty() {
        anyhow::bail!("no entry \"{wanted}\" in the lexicon (see `peermap roles` for every id)");
    }
    anyhow::bail!(
        "no entry \"{wanted}\" in the lexicon; close ids: {}",
        close.join(", ")
    )
}

/// `peermap show`.
pub fn show(args: &ShowArgs) -> anyhow::Result<()> {
    let crosswalk = setup::crosswalk_for_lexicon(&args.listing.lexicon, args.listing.lang)?;
    let lexicon = crosswalk.lexicon();
    let role = find_role(lexicon, &args.role)?;
    let mut out = stdout();
    match args.listing.format {
        TextFormat::Text => render::show(&mut out, lexicon, role, args.listing.lang.into())?,
        TextFormat::Json => {
            let narrower = lexicon
                .roles()
                .iter()
                .filter(|r| r.broader() == Some(role.id()))
                .map(Role::id)
                .collect();
            let value = ShowJson {
                role,
                lineage: lexicon.lineage(role.id()),
                narrower,
                variant_counts: counts(role),
            };
            write_json(&mut out, &value)?;
        }
    }
    out.flush()?;
    Ok(())
}
