//! Lexicon entry files on disk: the files a folder holds, and replacing one atomically.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

/// The entry files to format: those the library would load from `path`.
pub fn entry_files(path: &Path) -> anyhow::Result<Vec<PathBuf>> {
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
pub fn replace_file(file: &Path, text: &str) -> anyhow::Result<()> {
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
