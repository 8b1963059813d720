//! The fuzz targets' inputs, replayed on stable: the corpus (`fuzz/corpus/<target>/`, seeds and
//! the minimized inputs the fuzzer kept) and every crash it found (`fuzz/regressions/<target>/`),
//! each checked with the same invariants as the fuzzer (`fuzz/checks.rs`).

use std::path::{Path, PathBuf};

#[path = "../fuzz/checks.rs"]
mod checks;

/// The inputs kept for a target, in a stable order.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut found = Vec::new();
    for folder in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder).join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("a readable corpus folder").path();
            if path.is_file() {
                let bytes = std::fs::read(&path).expect("a readable corpus file");
                found.push((path, bytes));
            }
        }
    }
    found.sort();
    found
}

/// Runs `check` on every input of `target`, naming the file of the first that fails.
fn replay(target: &str, check: fn(&str)) {
    let inputs = inputs(target);
    assert!(
        inputs.len() >= 10,
        "fuzz/corpus/{target} holds only {} inputs",
        inputs.len()
    );
    for (path, bytes) in &inputs {
        let text = String::from_utf8_lossy(bytes);
        let outcome = std::panic::catch_unwind(|| check(&text));
        assert!(outcome.is_ok(), "{} fails its check", path.display());
    }
}

#[test]
fn the_classify_corpus_and_crashes_replay() {
    replay("classify", checks::check_title);
}

#[test]
fn the_lexicon_corpus_and_crashes_replay() {
    replay("lexicon", checks::check_entry_file);
}
