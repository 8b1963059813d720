//! Lexicon entries as the listing subcommands find and count them: by id, forgiving case and
//! spaces and suggesting close ids, and their variants per language.

use peermap::{Lang, Lexicon, Role};
use serde::Serialize;

/// Finds an entry by id, forgiving case and spaces; else an error naming close ids.
pub fn find_role<'a>(lexicon: &'a Lexicon, wanted: &str) -> anyhow::Result<&'a Role> {
    if let Some(role) = lexicon.get(wanted) {
        return Ok(role);
    }
    let slug = wanted.trim().to_lowercase().replace([' ', '_'], "-");
    if let Some(role) = lexicon.get(&slug) {
        return Ok(role);
    }
    let close = close_ids(lexicon, wanted);
    if close.is_empty() {
        anyhow::bail!("no entry \"{wanted}\" in the lexicon (see `peermap roles` for every id)");
    }
    anyhow::bail!(
        "no entry \"{wanted}\" in the lexicon; close ids: {}",
        close.join(", ")
    )
}

/// Entry ids close to `wanted`, best first: those containing it, then by edit similarity.
pub fn close_ids<'a>(lexicon: &'a Lexicon, wanted: &str) -> Vec<&'a str> {
    let wanted = wanted.trim().to_lowercase().replace([' ', '_'], "-");
    let mut scored: Vec<(f64, &str)> = lexicon
        .roles()
        .iter()
        .map(|r| {
            let id = r.id();
            let mut score = strsim::normalized_damerau_levenshtein(&wanted, id);
            if !wanted.is_empty() && (id.contains(&wanted) || wanted.contains(id)) {
                score += 0.5;
            }
            (score, id)
        })
        .filter(|(score, _)| *score >= 0.5)
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(y.1)));
    scored.into_iter().take(5).map(|(_, id)| id).collect()
}

/// Variants per language.
#[derive(Serialize)]
pub struct VariantCounts {
    en: usize,
    fr: usize,
}

/// An entry's variants per language.
pub fn counts(role: &Role) -> VariantCounts {
    VariantCounts {
        en: variant_count(role, Lang::En),
        fr: variant_count(role, Lang::Fr),
    }
}

/// How many variants an entry has in `lang`.
pub fn variant_count(role: &Role, lang: Lang) -> usize {
    role.variants().iter().filter(|v| v.lang() == lang).count()
}
