//! `peermap lexicon check`: every problem at once, each with its file, line, entry, field and a
//! hint; then warnings that do not fail the check (near-duplicate titles across entries,
//! variants without a source).

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use peermap::{Lang, Lexicon, LexiconError, Role};

use crate::cli::CheckArgs;
use crate::commands::lexicon::locate::locate;
use crate::commands::print::stdout;
use crate::setup::{self, LexiconFailure};

/// Two titles of different entries this close (edit distance on their folded forms) are
/// reported as possible duplicates.
fn near(a: &str, b: &str) -> bool {
    let shorter = a.chars().count().min(b.chars().count());
    let allowed = match shorter {
        0..=5 => 0,
        6..=11 => 1,
        _ => 2,
    };
    allowed > 0 && a != b && strsim::levenshtein(a, b) <= allowed
}

/// `peermap lexicon check`.
pub fn run(args: &CheckArgs) -> anyhow::Result<()> {
    let (what, lexicon) = match &args.path {
        None => (
            "the embedded lexicon".to_string(),
            Lexicon::embedded().clone(),
        ),
        Some(path) => {
            let what = path.display().to_string();
            let lexicon = load_checked(path, &what, args.with_default)?;
            (what, lexicon)
        }
    };
    let against = args.with_default.then(Lexicon::embedded);
    let warnings = warnings(&lexicon, against);
    let mut out = stdout();
    for warning in &warnings {
        writeln!(out, "{warning}")?;
    }
    write_ok(&mut out, &what, &lexicon, args.with_default, warnings.len())?;
    out.flush()?;
    Ok(())
}

/// Loads the lexicon at `path` (`what` in messages), alone or as an extension of the embedded
/// one; any problem is printed, and fails the check.
fn load_checked(path: &Path, what: &str, with_default: bool) -> anyhow::Result<Lexicon> {
    let problems = if with_default {
        Lexicon::extension_from_path(path)
            .err()
            .map_or_else(Vec::new, |e| e.errors().to_vec())
    } else {
        peermap::check_path(path)
    };
    if !problems.is_empty() {
        report_problems(&problems, what)?;
    }
    let lexicon = setup::load_lexicon(path, with_default)?;
    if with_default {
        if let Err(errors) = Lexicon::embedded().extended(&lexicon) {
            let failure = LexiconFailure::new(
                format!("{what} as an extension of the embedded lexicon"),
                errors.errors(),
            );
            let mut out = stdout();
            for problem in &failure.problems {
                writeln!(out, "{problem}")?;
            }
            out.flush()?;
            let n = failure.problems.len();
            anyhow::bail!(
                "{n} problem{} in {what} as an extension of the embedded lexicon",
                if n == 1 { "" } else { "s" }
            );
        }
    }
    Ok(lexicon)
}

/// The line that says the check passed, with what the lexicon holds.
fn write_ok(
    out: &mut impl Write,
    what: &str,
    lexicon: &Lexicon,
    with_default: bool,
    warnings: usize,
) -> anyhow::Result<()> {
    let roles = lexicon.roles();
    let peers = roles.iter().filter(|r| r.is_peer()).count();
    let variants: usize = roles.iter().map(|r| r.variants().len()).sum();
    let in_lang = |lang| {
        roles
            .iter()
            .flat_map(|r| r.variants())
            .filter(|v| v.lang() == lang)
            .count()
    };
    let also = if with_default {
        ", also as an extension of the embedded lexicon"
    } else {
        ""
    };
    let warned = if warnings == 0 {
        String::new()
    } else {
        format!(
            "; {} (they do not fail the check)",
            count(warnings, "warning", "warnings")
        )
    };
    writeln!(
        out,
        "OK: {what} (lexicon {}) is valid{also}: {} ({} and {}), {} ({} EN, {} FR){warned}",
        lexicon.version(),
        count(roles.len(), "entry", "entries"),
        count(peers, "peer role", "peer roles"),
        count(roles.len() - peers, "not-peer entry", "not-peer entries"),
        count(variants, "variant", "variants"),
        in_lang(Lang::En),
        in_lang(Lang::Fr),
    )?;
    Ok(())
}

/// Prints every problem with its line and hint, then fails.
fn report_problems(problems: &[LexiconError], what: &str) -> anyhow::Result<()> {
    let mut texts: HashMap<&str, Option<String>> = HashMap::new();
    let mut out = stdout();
    for problem in problems {
        let text = texts
            .entry(problem.file())
            .or_insert_with(|| std::fs::read_to_string(problem.file()).ok());
        let line = problem.line().or_else(|| {
            let text = text.as_deref()?;
            problem.field().and_then(|field| locate(text, field))
        });
        match line {
            Some(line) => {
                let rest = problem.to_string();
                let rest = rest.strip_prefix(problem.file()).unwrap_or(&rest);
                writeln!(out, "{}:{line}{rest}", problem.file())?;
            }
            None => writeln!(out, "{problem}")?,
        }
        if let Some(hint) = problem.hint() {
            writeln!(out, "  hint: {hint}")?;
        }
    }
    out.flush()?;
    let n = problems.len();
    anyhow::bail!("{n} problem{} in {what}", if n == 1 { "" } else { "s" })
}

/// Warnings about titles that are probably duplicates across entries, and variants without a
/// source; with `against`, new titles are also compared with that lexicon's.
fn warnings(lexicon: &Lexicon, against: Option<&Lexicon>) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines: HashMap<String, Option<String>> = HashMap::new();
    let mut line_of = |role: &Role, i: usize| -> String {
        let text = lines
            .entry(role.file().to_string())
            .or_insert_with(|| std::fs::read_to_string(role.file()).ok());
        text.as_deref()
            .and_then(|t| locate(t, &format!("variants[{i}]")))
            .map_or_else(String::new, |l| format!(":{l}"))
    };
    let folded = folded_titles(lexicon.roles().iter());
    let others = match against {
        Some(base) => folded_titles(
            base.roles()
                .iter()
                .filter(|r| lexicon.get(r.id()).is_none()),
        ),
        None => Vec::new(),
    };
    for (k, (role, i, key)) in folded.iter().enumerate() {
        let variant = &role.variants()[*i];
        let later = folded[k + 1..].iter().chain(&others);
        for (other, j, other_key) in later {
            let both_shared_heads = variant.is_ambiguous() && other.variants()[*j].is_ambiguous();
            if other.id() != role.id() && !both_shared_heads && near(key, other_key) {
                out.push(format!(
                    "warning: {}{}: entry \"{}\": \"{}\" is close to \"{}\" of \"{}\"; if both are the same title, keep it in one entry (or mark both \"ambiguous\": true)",
                    role.file(),
                    line_of(role, *i),
                    role.id(),
                    variant.text(),
                    other.variants()[*j].text(),
                    other.id()
                ));
            }
        }
        if variant.sources().is_empty() {
            out.push(format!(
                "warning: {}{}: entry \"{}\": variant \"{}\" has no source; add \"sources\": [\"https://…\"] where the title is used, or keep it marked \"status\": \"unverified\"",
                role.file(),
                line_of(role, *i),
                role.id(),
                variant.text()
            ));
        }
    }
    out
}

/// Each variant of `roles`, with its entry, its index in the entry and its folded text.
fn folded_titles<'a>(roles: impl Iterator<Item = &'a Role>) -> Vec<(&'a Role, usize, String)> {
    roles
        .flat_map(|r| {
            r.variants()
                .iter()
                .enumerate()
                .map(move |(i, v)| (r, i, peermap::normalize(v.text())))
        })
        .collect()
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_duplicates_need_a_long_enough_title() {
        assert!(near("peer navigator", "peer navigators"));
        assert!(near("pair aidant", "pair aidan"));
        assert!(!near("chw", "chr"));
        assert!(!near("peer mentor", "peer mentor"));
        assert!(!near("peer mentor", "peer worker"));
    }
}
