//! `peermap lexicon fmt` and `peermap lexicon add`: write lexicon entry files in their canonical
//! layout.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::cli::FmtArgs;

/// What `fmt` did, for the exit code.
pub enum FmtOutcome {
    /// Every file is (now) canonical.
    Canonical,
    /// With `--check`: some files are not canonical and were left alone.
    NeedsFormatting,
}

/// `peermap lexicon fmt`.
pub fn fmt(args: &FmtArgs) -> anyhow::Result<FmtOutcome> {
    let files = entry_files(&args.path)?;
    let mut changed = Vec::new();
    let mut broken = Vec::new();
    for file in &files {
        let name = file.display().to_string();
        let text = fs::read_to_string(file).with_context(|| format!("cannot read {name}"))?;
        let canonical = match peermap::canonical_form(&name, &text) {
            Ok(canonical) => canonical,
            Err(e) => {
                broken.push(e.to_string());
                continue;
            }
        };
        if canonical != text {
            if !args.check {
                replace_file(file, &canonical).with_context(|| format!("cannot write {name}"))?;
            }
            changed.push(name);
        }
    }
    report(args, files.len(), &changed)?;
    if !broken.is_empty() {
        anyhow::bail!(
            "{} file{} could not be formatted (fix the JSON first):\n{}",
            broken.len(),
            if broken.len() == 1 { "" } else { "s" },
            broken.join("\n")
        );
    }
    Ok(if args.check && !changed.is_empty() {
        FmtOutcome::NeedsFormatting
    } else {
        FmtOutcome::Canonical
    })
}

fn report(args: &FmtArgs, total: usize, changed: &[String]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    for name in changed {
        if args.check {
            writeln!(out, "not canonical: {name}")?;
        } else {
            writeln!(out, "formatted: {name}")?;
        }
    }
    let verb = match (args.check, changed.len()) {
        (true, 1) => "needs formatting",
        (true, _) => "need formatting",
        (false, _) => "reformatted",
    };
    writeln!(
        out,
        "{} of {total} file{} {verb}",
        changed.len(),
        if total == 1 { "" } else { "s" }
    )?;
    if args.check && !changed.is_empty() {
        writeln!(
            out,
            "run `peermap lexicon fmt {}` to fix",
            args.path.display()
        )?;
    }
    Ok(())
}

/// The entry files to format: those the library would load from `path`.
fn entry_files(path: &Path) -> anyhow::Result<Vec<PathBuf>> {
    anyhow::ensure!(path.exists(), "no such file or folder: {}", path.display());
    let mut files =
        peermap::entry_files(path).with_context(|| format!("cannot read {}", path.display()))?;
    // The qualifier vocabulary of a data folder is formatted with it.
    let vocabulary = path.join("qualifiers");
    if vocabulary.is_dir() {
        files.extend(
            peermap::entry_files(&vocabulary)
                .with_context(|| format!("cannot read {}", vocabulary.display()))?,
        );
    }
    Ok(files)
}

/// Writes beside the file, then renames, so an interrupted run never leaves half an entry.
fn replace_file(file: &Path, text: &str) -> anyhow::Result<()> {
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = fs::metadata(file) {
        fs::set_permissions(tmp.path(), meta.permissions())?;
    }
    tmp.persist(file)?;
    Ok(())
}

/// `peermap lexicon add`: one variant into a role's file, checked, in canonical form.
pub fn add(args: &crate::cli::AddArgs) -> anyhow::Result<()> {
    let file = args.data.join(format!("{}.json", args.role));
    if !file.is_file() {
        let lexicon = peermap::Lexicon::from_path(&args.data).ok();
        let close = lexicon
            .as_ref()
            .map(|l| crate::render::close_ids(l, &args.role))
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
    let variant = new_variant(args)?;
    let key = peermap::normalize(&args.title);
    let variants = entry
        .get_mut("variants")
        .and_then(serde_json::Value::as_array_mut)
        .with_context(|| format!("{name} has no \"variants\" list"))?;
    if let Some(same) = variants
        .iter()
        .filter_map(|v| v["text"].as_str())
        .find(|t| peermap::normalize(t) == key)
    {
        anyhow::bail!(
            "\"{}\" is already in {name} as \"{same}\" (case, accents, plurals, gender and inclusive forms are folded)",
            args.title
        );
    }
    variants.push(variant);
    let new_text = peermap::canonical_form(&name, &entry.to_string())?;
    check_with(&args.data, &file, &new_text)?;
    replace_file(&file, &new_text).with_context(|| format!("cannot write {name}"))?;
    let line = new_text
        .lines()
        .position(|l| l.contains(&serde_json::Value::String(args.title.clone()).to_string()))
        .map_or(0, |i| i + 1);
    let mut out = std::io::stdout().lock();
    writeln!(out, "added to {name}:{line}")?;
    if args.source.is_empty() {
        writeln!(
            out,
            "note: without --source the variant is marked \"unverified\"; add a source when you find one"
        )?;
    }
    Ok(())
}

/// The variant object, with its region codes checked.
fn new_variant(args: &crate::cli::AddArgs) -> anyhow::Result<serde_json::Value> {
    let lang: peermap::Lang = args.lang.into();
    let mut variant = serde_json::json!({"text": args.title.trim(), "lang": lang.as_str()});
    anyhow::ensure!(
        !peermap::normalize(&args.title).is_empty(),
        "the title has no letters or digits"
    );
    let mut regions = Vec::new();
    for region in &args.region {
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

/// `peermap lexicon export`: every variant as a CSV row.
pub fn export(args: &crate::cli::ExportArgs) -> anyhow::Result<()> {
    let crosswalk = crate::setup::crosswalk_for_lexicon(&args.lexicon, crate::cli::LangArg::En)?;
    let sink = match &args.output {
        Some(path) => crate::output::Sink::file(path)?,
        None => crate::output::Sink::stdout(),
    };
    let mut out = csv::Writer::from_writer(sink);
    out.write_record([
        "entry",
        "kind",
        "label",
        "text",
        "lang",
        "regions",
        "ambiguous",
        "acronym",
        "status",
    ])?;
    for role in crosswalk.lexicon().roles() {
        for v in role.variants() {
            let regions: Vec<&str> = v.regions().iter().map(|r| r.as_str()).collect();
            out.write_record([
                role.id(),
                role.kind().as_str(),
                role.label(peermap::Lang::En),
                v.text(),
                v.lang().as_str(),
                &regions.join(";"),
                if v.is_ambiguous() { "true" } else { "false" },
                if v.is_acronym() { "true" } else { "false" },
                match v.status() {
                    peermap::VariantStatus::Verified => "verified",
                    peermap::VariantStatus::Derived => "derived",
                    peermap::VariantStatus::Unverified => "unverified",
                },
            ])?;
        }
    }
    out.into_inner().map_err(|e| e.into_error())?.finish()
}
