//! `peermap lexicon fmt`: rewrites lexicon entry files in their canonical layout.

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
    let verb = if args.check {
        "need formatting"
    } else {
        "reformatted"
    };
    writeln!(
        out,
        "{} of {total} entry file{} {verb}",
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
