//! Extends the embedded lexicon with an organization's own titles, kept in a folder of entry
//! files in the lexicon's format (here `examples/local-lexicon/`), and codes a few titles.
//!
//! ```sh
//! cargo run --example extend_lexicon
//! cargo run --example extend_lexicon -- path/to/our-lexicon "Our Local Title"
//! ```
//!
//! The folder is validated exactly like the embedded lexicon: a broken entry is reported with
//! its file, entry and field. Check it from the command line with
//! `peermap lexicon check path/to/our-lexicon --with-default`.

use peermap::{Crosswalk, Lexicon};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let folder = args
        .next()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/examples/local-lexicon").into());
    let mut titles: Vec<String> = args.collect();
    if titles.is_empty() {
        titles = [
            "Lived Experience Liaison – 0.8 FTE",
            "LEL",
            "Agente de liaison à savoir expérientiel",
            "Peer Support Worker",
        ]
        .map(String::from)
        .to_vec();
    }

    // An extension may name embedded roles as `broader`; an entry with an embedded id replaces it.
    let local = Lexicon::extension_from_path(&folder)?;
    let crosswalk = Crosswalk::builder().lexicon(local).build()?;
    println!("lexicon {}", crosswalk.lexicon().version());
    for title in &titles {
        let answer = crosswalk.classify(title);
        println!(
            "{title}\t{}\t{}\t{}",
            answer.verdict(),
            answer.lineage().join(" < "),
            answer.score()
        );
    }
    Ok(())
}
