//! Compares two peer roles on the six questions of the map, in English and French.
//!
//! ```sh
//! cargo run --example compare_roles
//! cargo run --example compare_roles -- peer-navigator patient-navigator
//! ```

use peermap::{compare, similar, Facet, Lang, Lexicon};

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let a = args.next().unwrap_or_else(|| "peer-mentor".to_string());
    let b = args
        .next()
        .unwrap_or_else(|| "community-health-worker".to_string());
    let lexicon = Lexicon::embedded();
    let role = |id: &str| {
        lexicon
            .get(id)
            .ok_or(format!("no entry \"{id}\" (see `peermap roles`)"))
    };
    let (ra, rb) = (role(&a)?, role(&b)?);
    let comparison =
        compare(ra, rb).ok_or("both must be peer roles: a not-peer entry has no profile")?;

    println!(
        "{} vs {}: similarity {:.2}",
        ra.label(Lang::En),
        rb.label(Lang::En),
        comparison.similarity()
    );
    for d in comparison.dimensions() {
        println!(
            "  {:<13} {:.2}  shared {:?}  only {a} {:?}  only {b} {:?}",
            d.dimension().as_str(),
            d.similarity(),
            d.shared(),
            d.only_a(),
            d.only_b()
        );
    }
    for lang in [Lang::En, Lang::Fr] {
        for facet in Facet::ALL {
            println!("{}", comparison.sentence(*facet, lang));
        }
    }
    println!("Nearest to {a}:");
    for (other, score) in similar(lexicon, ra).into_iter().take(3) {
        println!("  {score:.2}  {}", other.id());
    }
    Ok(())
}
