//! The invariants the fuzz targets check, shared with `tests/fuzz_replay.rs`, which replays the
//! corpus seeds and every crash reproducer on stable. A failed invariant panics, which is what
//! libFuzzer reports as a crash.

use once_cell::sync::Lazy;
use peermap::{canonical_form, Crosswalk, Lang, Lexicon, Verdict, MAX_TITLE_CHARS};

/// The embedded lexicon in English, and in French with a region hint (another path through
/// the tie-breaking code).
static CROSSWALKS: Lazy<[Crosswalk; 2]> = Lazy::new(|| {
    let french = Crosswalk::builder()
        .language(Lang::Fr)
        .region("CA-QC")
        .build()
        .expect("the embedded lexicon builds");
    [Crosswalk::new(), french]
});

/// Codes `title` with each crosswalk and checks the answer.
pub fn check_title(title: &str) {
    for crosswalk in CROSSWALKS.iter() {
        check_answer(crosswalk, title);
    }
    let once = peermap::normalize(title);
    assert_eq!(
        peermap::normalize(&once),
        once,
        "normalization is idempotent"
    );
}

/// Loads `text` as a one-file lexicon; if it loads, codes titles with it.
pub fn check_entry_file(text: &str) {
    let file = file_name(text);
    match Lexicon::from_sources([(file.as_str(), text)], "fuzz".to_string()) {
        Ok(lexicon) => {
            let titles: Vec<String> = lexicon
                .roles()
                .iter()
                .flat_map(|role| role.variants().iter().map(|v| v.text().to_string()))
                .collect();
            let crosswalk = Crosswalk::builder()
                .no_default_lexicon()
                .lexicon(lexicon)
                .build();
            // A lexicon that loads may still be refused as a whole (no peer role, say); it
            // must say so rather than panic.
            if let Ok(crosswalk) = crosswalk {
                for title in titles
                    .iter()
                    .map(String::as_str)
                    .chain(["", "Peer Support Worker"])
                {
                    check_answer(&crosswalk, title);
                }
            }
        }
        Err(errors) => {
            for error in errors.errors() {
                assert_eq!(error.file(), file, "every problem names its file");
                assert!(!error.to_string().is_empty());
            }
        }
    }
    if let Ok(canonical) = canonical_form(&file, text) {
        let again = canonical_form(&file, &canonical).expect("a canonical file reads back");
        assert_eq!(again, canonical, "the canonical form is stable");
    }
}

/// The file an entry must be in: its id, when the text has one.
fn file_name(text: &str) -> String {
    let id = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| v.get("id")?.as_str().map(str::to_string))
        .filter(|id| !id.is_empty() && !id.contains(['/', '\\']));
    format!("{}.json", id.unwrap_or_else(|| "fuzz-entry".to_string()))
}

fn check_answer(crosswalk: &Crosswalk, title: &str) {
    let answer = crosswalk.classify(title);
    let score = answer.score();
    assert!((0.0..=1.0).contains(&score), "score {score} for {title:?}");
    let long = title.chars().count() > MAX_TITLE_CHARS;
    assert_eq!(answer.truncated(), long, "truncated for {title:?}");
    assert!(answer.input().chars().count() <= MAX_TITLE_CHARS);
    assert!(
        title.starts_with(answer.input()),
        "the input is the title, cut"
    );
    match answer.verdict() {
        Verdict::NotPeer if answer.method() == Some(peermap::Method::Occupation) => {
            // Another occupation: named in `other_occupation`, never in `role`.
            assert!(answer.role().is_none() && answer.lineage().is_empty());
            let occupation = answer.other_occupation().expect("the occupation is named");
            assert!(!occupation.label().is_empty() && !occupation.codes().is_empty());
        }
        Verdict::PeerRole | Verdict::NotPeer => {
            let role = answer
                .role()
                .expect("a peer or curated not-peer answer names its role");
            assert_eq!(answer.lineage().first().map(String::as_str), Some(role));
            assert!(answer.other_occupation().is_none());
        }
        Verdict::Ambiguous | Verdict::Unknown => assert!(answer.role().is_none()),
    }
    for candidate in answer.candidates() {
        assert!((0.0..=1.0).contains(&candidate.score()));
    }
    // Coding is a function of the title: the same answer the second time (the memo of
    // spelling corrections is warm by then).
    assert_eq!(
        crosswalk.classify(title),
        answer,
        "the same answer twice for {title:?}"
    );
}
