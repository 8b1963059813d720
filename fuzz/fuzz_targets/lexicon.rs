//! Any bytes as a contributed lexicon entry file: loading it never panics; when it loads, a
//! crosswalk built on it codes titles, and its canonical form is stable.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    checks::check_entry_file(&text);
});
