//! Any bytes as a title: coding never panics, never loops, and the answer keeps its invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    let title = String::from_utf8_lossy(data);
    checks::check_title(&title);
});
