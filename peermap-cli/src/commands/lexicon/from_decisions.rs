//! `peermap lexicon add --from-decisions`: a team's decisions become lexicon variants, each in
//! its entry's file, checked and in canonical form, so that they can go to a pull request.

use std::io::Write;
use std::path::Path;

use peermap::{Crosswalk, DecisionTarget, Lang};

use crate::cli::AddArgs;
use crate::commands::lexicon::add::{new_variant, try_add_variant, NotAdded};

/// Adds every decision naming an entry; lists what it added and what it left.
pub fn run(args: &AddArgs, file: &Path) -> anyhow::Result<()> {
    let lexicon = crate::setup::load_lexicon(&args.data, false)?;
    let plain = Crosswalk::builder()
        .no_default_lexicon()
        .lexicon(lexicon)
        .build()
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let loaded = peermap_cli::decisions::load(&[file.to_path_buf()], &plain)?;
    for warning in &loaded.warnings {
        eprintln!("peermap: warning: {warning}");
    }
    let mut decisions: Vec<_> = loaded.decisions.iter().collect();
    decisions.sort_by_key(|d| line_of(d.origin()));
    let mut out = std::io::stdout().lock();
    let (mut added, mut left) = (0, Vec::new());
    for decision in decisions {
        let DecisionTarget::Entry(id) = decision.target() else {
            left.push(format!(
                "{}: \"{}\" is not_peer (no entry to add it to)",
                decision.origin(),
                decision.title()
            ));
            continue;
        };
        let (lang, how) = match args.lang {
            Some(lang) => (Lang::from(lang), "given"),
            None => (guess_lang(decision.title()), "guessed"),
        };
        let regions: Vec<String> = decision
            .region()
            .map(|r| r.to_string())
            .into_iter()
            .collect();
        let variant = new_variant(args, decision.title(), lang, &regions)?;
        match try_add_variant(&args.data, id, decision.title(), variant, !args.dry_run)? {
            Ok(at) => {
                added += 1;
                let verb = if args.dry_run { "would add" } else { "added" };
                writeln!(
                    out,
                    "{verb} \"{}\" to {}:{} (lang {}, {how})",
                    decision.title(),
                    at.file,
                    at.line,
                    lang.as_str()
                )?;
            }
            Err(NotAdded::AlreadyThere(same)) => left.push(format!(
                "{}: \"{}\" is already in {id} as \"{same}\"",
                decision.origin(),
                decision.title()
            )),
        }
    }
    for key in &loaded.skipped {
        left.push(format!("\"{key}\" is marked skip"));
    }
    let verb = if args.dry_run { "would add" } else { "added" };
    writeln!(
        out,
        "{verb} {added} variant{}; left {}:",
        if added == 1 { "" } else { "s" },
        left.len()
    )?;
    for why in &left {
        writeln!(out, "  {why}")?;
    }
    if args.source.is_empty() && added > 0 {
        writeln!(
            out,
            "note: without --source the variants are marked \"unverified\"; give the page or the note the decisions come from"
        )?;
    }
    Ok(())
}

/// The line of an origin (`review.csv:12` → 12), to add in the file's order.
fn line_of(origin: &str) -> u64 {
    origin
        .rsplit_once(':')
        .and_then(|(_, line)| line.parse().ok())
        .unwrap_or(0)
}

/// French when the title has French letters or words, English otherwise.
fn guess_lang(title: &str) -> Lang {
    const FRENCH_WORDS: &[&str] = &[
        "de",
        "des",
        "du",
        "la",
        "le",
        "les",
        "en",
        "aux",
        "au",
        "et",
        "pair",
        "paire",
        "pairs",
        "aidant",
        "aidante",
        "intervenant",
        "intervenante",
        "travailleur",
        "travailleuse",
        "agente",
        "médiateur",
        "médiatrice",
        "accompagnateur",
        "accompagnatrice",
        "conseiller",
        "conseillère",
        "animateur",
        "animatrice",
        "santé",
        "soutien",
    ];
    let lower = title.to_lowercase();
    let accented = lower.chars().any(|c| "éèêëàâîïôûùüçœ".contains(c));
    let french_word = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| FRENCH_WORDS.contains(&w) || w.starts_with("d'") || w.starts_with("l'"));
    if accented || french_word || lower.contains(" d'") || lower.contains(" l'") {
        Lang::Fr
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_guessed_from_the_title() {
        for (title, lang) in [
            ("Peer Housing Navigator", Lang::En),
            ("Pair aidant en hébergement", Lang::Fr),
            ("Intervenante de milieu", Lang::Fr),
            ("Agent ISP pair", Lang::Fr),
            ("Recovery Navigator", Lang::En),
        ] {
            assert_eq!(guess_lang(title), lang, "{title}");
        }
    }
}
