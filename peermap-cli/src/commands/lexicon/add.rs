//! `peermap lexicon add`: add a title variant to a role's file, checked, in canonical form.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::Context;

use crate::cli::AddArgs;
use crate::commands::lexicon::files::replace_file;
use peermap_cli::entries::close_ids;

/// `peermap lexicon add`: one variant into a role's file, checked, in canonical form
/// (`--from-decisions` is `from_decisions`).
pub fn run(args: &AddArgs) -> anyhow::Result<()> {
    let (Some(role), Some(title), Some(lang)) = (&args.role, &args.title, args.lang) else {
        anyhow::bail!("lexicon add needs ROLE, TITLE and --lang, or --from-decisions FILE");
    };
    let variant = new_variant(args, title, lang.into(), &args.region)?;
    let added = add_variant(&args.data, role, title, variant, true)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "added to {}:{}", added.file, added.line)?;
    if args.source.is_empty() {
        writeln!(
            out,
            "note: without --source the variant is marked \"unverified\"; add a source when you find one"
        )?;
    }
    Ok(())
}

/// Where a variant was (or would be) added.
pub struct Added {
    pub file: String,
    pub line: usize,
}

/// Why a title was not added.
pub enum NotAdded {
    /// The entry already has it (as written there).
    AlreadyThere(String),
}

/// Adds `variant` (for `title`) to the entry `role` of the folder `data`, in canonical form,
/// after checking the folder would stay valid; with `write` false, only says where.
pub fn add_variant(
    data: &Path,
    role: &str,
    title: &str,
    variant: serde_json::Value,
    write: bool,
) -> anyhow::Result<Added> {
    match try_add_variant(data, role, title, variant, write)? {
        Ok(added) => Ok(added),
        Err(NotAdded::AlreadyThere(same)) => anyhow::bail!(
            "\"{title}\" is already in {} as \"{same}\" (case, accents, plurals, gender and inclusive forms are folded)",
            entry_file(data, role).display()
        ),
    }
}

/// [`add_variant`], telling apart a title the entry already holds.
pub fn try_add_variant(
    data: &Path,
    role: &str,
    title: &str,
    variant: serde_json::Value,
    write: bool,
) -> anyhow::Result<Result<Added, NotAdded>> {
    let file = entry_file(data, role);
    if !file.is_file() {
        let lexicon = peermap::Lexicon::from_path(data).ok();
        let close = lexicon
            .as_ref()
            .map(|l| close_ids(l, role))
            .unwrap_or_default();
        anyhow::bail!(
            "no entry file {}{}",
            file.display(),
            if close.is_empty() {
                String::new()
            } else {
                format!("; did you mean {}?", close.join(", "))
            }
        );
    }
    let name = file.display().to_string();
    let text = fs::read_to_string(&file).with_context(|| format!("cannot read {name}"))?;
    let mut entry: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{name} is not valid JSON"))?;
    let key = peermap::normalize(title);
    let variants = entry
        .get_mut("variants")
        .and_then(serde_json::Value::as_array_mut)
        .with_context(|| format!("{name} has no \"variants\" list"))?;
    if let Some(same) = variants
        .iter()
        .filter_map(|v| v["text"].as_str())
        .find(|t| peermap::normalize(t) == key)
    {
        return Ok(Err(NotAdded::AlreadyThere(same.to_string())));
    }
    variants.push(variant);
    let new_text = peermap::canonical_form(&name, &entry.to_string())?;
    check_with(data, &file, &new_text)?;
    if write {
        replace_file(&file, &new_text).with_context(|| format!("cannot write {name}"))?;
    }
    let line = new_text
        .lines()
        .position(|l| l.contains(&serde_json::Value::String(title.trim().to_string()).to_string()))
        .map_or(0, |i| i + 1);
    Ok(Ok(Added { file: name, line }))
}

fn entry_file(data: &Path, role: &str) -> std::path::PathBuf {
    data.join(format!("{role}.json"))
}

/// The variant object, with its region codes checked.
pub fn new_variant(
    args: &AddArgs,
    title: &str,
    lang: peermap::Lang,
    region_codes: &[String],
) -> anyhow::Result<serde_json::Value> {
    let mut variant = serde_json::json!({"text": title.trim(), "lang": lang.as_str()});
    anyhow::ensure!(
        !peermap::normalize(title).is_empty(),
        "the title has no letters or digits"
    );
    let mut regions = Vec::new();
    for region in region_codes {
        // Only codes that are not ISO 3166 are read as shorthands ("NL" stays the Netherlands).
        let code = peermap::Region::parse(region)
            .or_else(|| {
                let suggested = peermap::Region::suggest(region)?;
                eprintln!("note: read the region \"{region}\" as {suggested}");
                Some(suggested)
            })
            .with_context(|| {
                format!("\"{region}\" is not an ISO 3166 code: use a country (CA, FR, GB) or a subdivision (CA-QC)")
            })?;
        regions.push(serde_json::Value::String(code.as_str().to_string()));
    }
    if !regions.is_empty() {
        variant["regions"] = serde_json::Value::Array(regions);
    }
    if args.acronym {
        variant["acronym"] = true.into();
    }
    if args.ambiguous {
        variant["ambiguous"] = true.into();
    }
    if args.source.is_empty() {
        variant["status"] = "unverified".into();
    } else {
        variant["sources"] = args.source.clone().into();
    }
    Ok(variant)
}

/// Checks the folder as it would be with `file` replaced by `text`: alone, or else as an
/// extension of the embedded lexicon (a user folder whose roles name embedded ones).
fn check_with(data: &Path, file: &Path, text: &str) -> anyhow::Result<()> {
    let copy = tempfile::tempdir()?;
    for path in peermap::entry_files(data)? {
        let target = copy.path().join(path.file_name().context("a file name")?);
        if path == file {
            fs::write(&target, text)?;
        } else {
            fs::copy(&path, &target)?;
        }
    }
    let problems = peermap::check_path(copy.path());
    if problems.is_empty() || peermap::Lexicon::extension_from_path(copy.path()).is_ok() {
        return Ok(());
    }
    let shown: Vec<String> = problems
        .iter()
        .map(|p| {
            let text = p.to_string();
            let at = copy.path().display().to_string();
            text.replace(&at, &data.display().to_string())
        })
        .collect();
    anyhow::bail!(
        "the title was not added, because the lexicon would not be valid:\n{}",
        shown.join("\n")
    )
}
