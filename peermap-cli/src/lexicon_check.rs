//! `peermap lexicon check`: every problem at once, each with its file, line, entry, field and a
//! hint; then warnings that do not fail the check (near-duplicate titles across entries,
//! variants without a source).

use std::collections::HashMap;
use std::io::Write;

use peermap::{Lang, Lexicon, LexiconError, Role};

use crate::cli::CheckArgs;
use crate::commands::stdout;
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
pub fn check(args: &CheckArgs) -> anyhow::Result<()> {
    let (what, lexicon) = match &args.path {
        None => (
            "the embedded lexicon".to_string(),
            Lexicon::embedded().clone(),
        ),
        Some(path) => {
            let what = path.display().to_string();
            let problems = if args.with_default {
                Lexicon::extension_from_path(path)
                    .err()
                    .map_or_else(Vec::new, |e| e.errors().to_vec())
            } else {
                peermap::check_path(path)
            };
            if !problems.is_empty() {
                report_problems(&problems, &what)?;
            }
            let lexicon = setup::load_lexicon(path, args.with_default)?;
            if args.with_default {
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
            (what, lexicon)
        }
    };
    let against = args.with_default.then(Lexicon::embedded);
    let warnings = warnings(&lexicon, against);
    let mut out = stdout();
    for warning in &warnings {
        writeln!(out, "{warning}")?;
    }
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
    let also = if args.with_default {
        ", also as an extension of the embedded lexicon"
    } else {
        ""
    };
    let warned = if warnings.is_empty() {
        String::new()
    } else {
        format!(
            "; {} (they do not fail the check)",
            count(warnings.len(), "warning", "warnings")
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
    out.flush()?;
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
    let folded: Vec<(&Role, usize, String)> = lexicon
        .roles()
        .iter()
        .flat_map(|r| {
            r.variants()
                .iter()
                .enumerate()
                .map(move |(i, v)| (r, i, peermap::normalize(v.text())))
        })
        .collect();
    let others: Vec<(&Role, usize, String)> = match against {
        Some(base) => base
            .roles()
            .iter()
            .filter(|r| lexicon.get(r.id()).is_none())
            .flat_map(|r| {
                r.variants()
                    .iter()
                    .enumerate()
                    .map(move |(i, v)| (r, i, peermap::normalize(v.text())))
            })
            .collect(),
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

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The 1-based line where the value at `field` (a path such as `variants[3].regions[0]`)
/// starts in a JSON text, or where its nearest existing parent starts.
pub fn locate(text: &str, field: &str) -> Option<usize> {
    let mut path: Vec<Step> = parse_path(field)?;
    loop {
        if let Some(offset) = find_value(text, &path) {
            return Some(text[..offset].matches('\n').count() + 1);
        }
        path.pop()?;
        if path.is_empty() {
            return Some(1);
        }
    }
}

#[derive(Debug, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

fn parse_path(field: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    for part in field.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(at) => (&part[..at], &part[at..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            steps.push(Step::Key(key.to_string()));
        }
        while let Some(stripped) = rest.strip_prefix('[') {
            let end = stripped.find(']')?;
            steps.push(Step::Index(stripped[..end].parse().ok()?));
            rest = &stripped[end + 1..];
        }
    }
    Some(steps)
}

/// The byte offset where the value at `path` starts, by walking the JSON text.
fn find_value(text: &str, path: &[Step]) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = skip_space(bytes, 0);
    for step in path {
        at = match (step, bytes.get(at)?) {
            (Step::Key(key), b'{') => member(bytes, at, key)?,
            (Step::Index(index), b'[') => element(bytes, at, *index)?,
            _ => return None,
        };
    }
    Some(at)
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && bytes[at].is_ascii_whitespace() {
        at += 1;
    }
    at
}

/// The end of the value starting at `at` (after skipping strings and nested brackets).
fn skip_value(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'"' => skip_string(bytes, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            while i < bytes.len() {
                match bytes[i] {
                    b'"' => {
                        i = skip_string(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        _ => {
            let mut i = at;
            while i < bytes.len() && !matches!(bytes[i], b',' | b'}' | b']') {
                i += 1;
            }
            Some(i)
        }
    }
}

fn skip_string(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// Where the value of `key` starts in the object at `at`.
fn member(bytes: &[u8], at: usize, key: &str) -> Option<usize> {
    let mut i = skip_space(bytes, at + 1);
    while bytes.get(i)? == &b'"' {
        let end = skip_string(bytes, i)?;
        let name: String = serde_json::from_slice(&bytes[i..end]).ok()?;
        i = skip_space(bytes, end);
        if bytes.get(i)? != &b':' {
            return None;
        }
        let value = skip_space(bytes, i + 1);
        if name == key {
            return Some(value);
        }
        i = skip_space(bytes, skip_value(bytes, value)?);
        match bytes.get(i)? {
            b',' => i = skip_space(bytes, i + 1),
            _ => return None,
        }
    }
    None
}

/// Where element `index` starts in the array at `at`.
fn element(bytes: &[u8], at: usize, index: usize) -> Option<usize> {
    let mut i = skip_space(bytes, at + 1);
    for _ in 0..index {
        if bytes.get(i)? == &b']' {
            return None;
        }
        i = skip_space(bytes, skip_value(bytes, i)?);
        match bytes.get(i)? {
            b',' => i = skip_space(bytes, i + 1),
            _ => return None,
        }
    }
    (bytes.get(i)? != &b']').then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"id\": \"x\",\n  \"label\": {\"en\": \"E\", \"fr\": \"F\"},\n  \"variants\": [\n    {\"text\": \"a\", \"lang\": \"en\"},\n    {\"text\": \"b [x]\", \"lang\": \"fr\", \"regions\": [\"QC\"]}\n  ]\n}\n";

    #[test]
    fn fields_are_located_by_line() {
        for (field, line) in [
            ("id", 2),
            ("label.fr", 3),
            ("variants", 4),
            ("variants[0]", 5),
            ("variants[1].regions[0]", 6),
            ("variants[1].sources", 6),
            ("notes", 1),
            ("variants[7].text", 4),
        ] {
            assert_eq!(locate(TEXT, field), Some(line), "{field}");
        }
    }

    #[test]
    fn near_duplicates_need_a_long_enough_title() {
        assert!(near("peer navigator", "peer navigators"));
        assert!(near("pair aidant", "pair aidan"));
        assert!(!near("chw", "chr"));
        assert!(!near("peer mentor", "peer mentor"));
        assert!(!near("peer mentor", "peer worker"));
    }
}
