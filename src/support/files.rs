//! Reading data files from disk: the entry files of a folder, as UTF-8 text, with the
//! problems named by file.

use std::path::{Path, PathBuf};

use crate::support::error::{ErrorKind, LexiconError, LexiconErrors};
use crate::support::hash::Fnv64;

/// The entry files of a lexicon: every `*.json` in the folder except `*.schema.json`, in name
/// order, or the one file given.
pub fn entry_files(path: impl AsRef<Path>) -> std::io::Result<Vec<PathBuf>> {
    let path = path.as_ref();
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(path)? {
        let p = entry?.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name.ends_with(".json") && !name.ends_with(".schema.json") {
            paths.push(p);
        }
    }
    paths.sort();
    Ok(paths)
}

pub(crate) fn read_entry_files(path: &Path) -> Result<Vec<(String, String)>, LexiconErrors> {
    let io_error = |file: &Path, e: std::io::Error| {
        LexiconErrors(vec![LexiconError::new(
            &file.display().to_string(),
            None,
            None,
            ErrorKind::Io(e.to_string()),
        )])
    };
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in entry_files(path).map_err(|e| io_error(path, e))? {
        let name = p.display().to_string();
        match std::fs::read(&p) {
            Ok(bytes) => match utf8_text(bytes) {
                Ok(text) => files.push((name, text)),
                Err(kind) => errors.push(LexiconError::new(&name, None, None, kind)),
            },
            Err(e) => errors.extend(io_error(&p, e).0),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(LexiconErrors(errors))
    }
}

/// A data file's bytes as text; a file that is not UTF-8 is an error saying what it looks like
/// (UTF-16 from Notepad's "Unicode", or the first byte that is not UTF-8, with its line).
fn utf8_text(bytes: Vec<u8>) -> Result<String, ErrorKind> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let utf16 = bytes.starts_with(&[0xFF, 0xFE])
            || bytes.starts_with(&[0xFE, 0xFF])
            || bytes.iter().take(64).filter(|&&b| b == 0).count() >= 8;
        ErrorKind::NotUtf8(if utf16 {
            "it looks like UTF-16".to_string()
        } else {
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            format!("byte 0x{:02X} on line {line}", bytes[at])
        })
    })
}

/// `text` without a leading byte-order mark, which some Windows editors write and JSON
/// parsers may ignore (RFC 8259, 8.1). `lexicon fmt` removes it.
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

pub(crate) fn hash_files(files: &[(String, String)]) -> u32 {
    let mut hash = Fnv64::new();
    for (name, text) in files {
        let base = Path::new(name)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(name);
        hash.write(base.as_bytes());
        hash.write(text.as_bytes());
    }
    hash.finish() as u32
}
