//! Text for people: `lookup`, `roles`, `show` and `compare`, in English or French.
//!
//! Everything is written to a `Write` and returns its I/O error, so a closed pipe
//! (`peermap roles | head`) ends the program quietly instead of panicking.

use std::io::{self, Write};

use peermap::{Answer, Dimension, Facet, Lang, Lexicon, Profile, Role, Verdict};

/// Picks the English or the French text.
fn tr(lang: Lang, en: &'static str, fr: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// What an empty field prints.
const DASH: &str = "—";

/// What an empty dimension prints: not determined by this title or entry.
fn undetermined(lang: Lang) -> &'static str {
    tr(lang, DASH, "non déterminé")
}

/// Writes `label` padded to `width` characters, then `value`.
fn field(out: &mut impl Write, width: usize, label: &str, value: &str) -> io::Result<()> {
    let value = if value.is_empty() { DASH } else { value };
    writeln!(out, "{label:<width$}  {value}")
}

/// A verdict for a person; a `not_peer` title that names another occupation says so.
fn verdict_text(answer: &Answer, lang: Lang) -> &'static str {
    if answer.other_occupation().is_some() {
        return tr(
            lang,
            "not a peer role: another occupation",
            "pas un rôle de pair : une autre profession",
        );
    }
    match answer.verdict() {
        Verdict::PeerRole => tr(lang, "a peer role", "un rôle de pair"),
        Verdict::Ambiguous => tr(
            lang,
            "ambiguous: several entries fit",
            "ambigu : plusieurs entrées possibles",
        ),
        Verdict::NotPeer => tr(lang, "not a peer role", "pas un rôle de pair"),
        Verdict::Unknown => tr(lang, "not in the lexicon", "absent du lexique"),
    }
}

/// The label of a value of `dimension`, or its code if the library has none.
fn value_label(dimension: Dimension, code: &str, lang: Lang) -> String {
    dimension
        .value_label(code, lang)
        .map_or_else(|| code.to_string(), str::to_string)
}

/// The label of a qualifier code, or the code itself.
fn qualifier_text(code: &str, lang: Lang) -> String {
    peermap::qualifier_label(code, lang).map_or_else(|| code.to_string(), str::to_string)
}

/// "seniority: senior · domains: mental health" in the chosen language.
fn qualifiers_text(answer: &Answer, lang: Lang) -> String {
    let q = answer.qualifiers();
    let coded =
        |codes: &[&str]| -> Vec<String> { codes.iter().map(|c| qualifier_text(c, lang)).collect() };
    let written = |items: &[String]| -> Vec<String> { items.to_vec() };
    let parts: Vec<(&str, Vec<String>)> = vec![
        (
            tr(lang, "seniority", "niveau hiérarchique"),
            coded(&q.seniority().into_iter().collect::<Vec<_>>()),
        ),
        (
            tr(lang, "level", "échelon"),
            q.level().map(str::to_string).into_iter().collect(),
        ),
        (tr(lang, "employment", "emploi"), coded(q.employment())),
        (
            tr(lang, "credential", "titre de compétence"),
            written(q.credential()),
        ),
        (tr(lang, "domains", "domaines"), coded(q.domains())),
        (
            tr(lang, "populations", "populations"),
            coded(q.populations()),
        ),
        (tr(lang, "settings", "milieux"), coded(q.settings())),
        (
            tr(lang, "location", "lieu"),
            q.location().map(str::to_string).into_iter().collect(),
        ),
        (tr(lang, "codes", "codes"), written(q.codes())),
        (
            tr(lang, "unplaced words", "mots non classés"),
            written(q.other()),
        ),
    ];
    parts
        .into_iter()
        .filter(|(_, values)| !values.is_empty())
        .map(|(name, values)| format!("{name}: {}", values.join(", ")))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The label width for the rows of `lookup`.
const LOOKUP_WIDTH: usize = 13;

/// `peermap lookup`: one answer, then the six questions answered.
pub fn lookup(out: &mut impl Write, answer: &Answer, lang: Lang) -> io::Result<()> {
    let w = LOOKUP_WIDTH;
    field(out, w, tr(lang, "Title", "Titre"), answer.input())?;
    field(
        out,
        w,
        "Verdict",
        &format!(
            "{} ({})",
            answer.verdict().as_str(),
            verdict_text(answer, lang)
        ),
    )?;
    let role = match (answer.role(), answer.label()) {
        (Some(id), Some(label)) => format!("{id} — {label}"),
        (Some(id), None) => id.to_string(),
        _ => String::new(),
    };
    field(out, w, tr(lang, "Role", "Rôle"), &role)?;
    if let Some(occupation) = answer.other_occupation() {
        // The label is the classification's own, in the title's language, not `--lang`'s.
        let text = format!("{} ({})", occupation.label(), occupation.codes().join(", "));
        field(out, w, tr(lang, "Occupation", "Profession"), &text)?;
    }
    let score = match answer.method() {
        Some(method) => format!("{} ({})", answer.score(), method.as_str()),
        None => answer.score().to_string(),
    };
    field(out, w, tr(lang, "Score", "Confiance"), &score)?;
    let matched = match (answer.matched(), answer.lang()) {
        (Some(text), Some(l)) => format!("\"{text}\" ({})", l.as_str()),
        (Some(text), None) => format!("\"{text}\""),
        _ => String::new(),
    };
    field(out, w, tr(lang, "Matched", "Variante"), &matched)?;
    field(
        out,
        w,
        tr(lang, "Lineage", "Lignée"),
        &answer.lineage().join(" → "),
    )?;
    let traditions: Vec<&str> = answer.traditions().iter().map(|t| t.label(lang)).collect();
    field(out, w, "Traditions", &traditions.join(", "))?;
    let candidates: Vec<String> = answer
        .candidates()
        .iter()
        .map(|c| format!("{} ({})", c.role(), c.score()))
        .collect();
    field(
        out,
        w,
        tr(lang, "Candidates", "Candidats"),
        &candidates.join(", "),
    )?;
    field(
        out,
        w,
        tr(lang, "Qualifiers", "Qualificatifs"),
        &qualifiers_text(answer, lang),
    )?;
    if let Some(reason) = answer.reason() {
        field(out, w, tr(lang, "Reason", "Raison"), reason)?;
    }
    if answer.truncated() {
        field(
            out,
            w,
            tr(lang, "Note", "Note"),
            tr(
                lang,
                "the title was cut before matching (too long)",
                "le titre a été coupé avant l'appariement (trop long)",
            ),
        )?;
    }
    field(
        out,
        w,
        tr(lang, "Explanation", "Explication"),
        answer.explanation(),
    )?;
    field(
        out,
        w,
        tr(lang, "Lexicon", "Lexique"),
        answer.lexicon_version(),
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        tr(
            lang,
            "The six questions of the map (Panaite et al. 2024)",
            "Les six questions de la carte (Panaite et al. 2024)"
        )
    )?;
    if answer.verdict() != Verdict::PeerRole {
        writeln!(
            out,
            "  {}",
            tr(
                lang,
                "(no peer role: every question is left undetermined)",
                "(aucun rôle de pair : aucune question n'est déterminée)"
            )
        )?;
    }
    let evidence: Vec<(Dimension, String)> = answer
        .evidence()
        .iter()
        .map(|e| {
            let value = value_label(e.dimension(), e.value(), lang);
            (
                e.dimension(),
                format!(
                    "{} {value} {} \"{}\": {}",
                    tr(lang, "the title suggests", "le titre suggère"),
                    tr(lang, "from the word", "d'après le mot"),
                    e.word(),
                    e.reason()
                ),
            )
        })
        .collect();
    questions(out, answer.profile(), lang, &evidence)
}

/// The six questions, grouped by facet, with the values held (and extra lines per dimension).
fn questions(
    out: &mut impl Write,
    profile: &Profile,
    lang: Lang,
    extra: &[(Dimension, String)],
) -> io::Result<()> {
    for facet in Facet::ALL {
        writeln!(out, "{}", facet.label(lang))?;
        for dimension in Dimension::ALL.iter().filter(|d| d.facet() == *facet) {
            writeln!(out, "  {}", dimension.question(lang))?;
            let values: Vec<String> = profile
                .codes(*dimension)
                .iter()
                .map(|code| value_label(*dimension, code, lang))
                .collect();
            if values.is_empty() {
                writeln!(out, "    {}", undetermined(lang))?;
            } else {
                writeln!(out, "    {}", values.join(" · "))?;
            }
            for (_, line) in extra.iter().filter(|(d, _)| d == dimension) {
                writeln!(out, "    + {line}")?;
            }
        }
    }
    Ok(())
}

/// How many variants an entry has in `lang`.
fn variant_count(role: &Role, lang: Lang) -> usize {
    role.variants().iter().filter(|v| v.lang() == lang).count()
}

/// Pads `text` to `width` characters (not bytes: labels have accents).
fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

/// `peermap roles`: one line per entry.
pub fn roles(out: &mut impl Write, lexicon: &Lexicon, lang: Lang) -> io::Result<()> {
    let headers = [
        "ID",
        tr(lang, "KIND", "TYPE"),
        tr(lang, "LABEL", "LIBELLÉ"),
        tr(lang, "BROADER", "PLUS LARGE"),
        "TRADITIONS",
        "EN",
        "FR",
    ];
    let rows: Vec<[String; 7]> = lexicon
        .roles()
        .iter()
        .map(|role| {
            let traditions: Vec<&str> = role.traditions().iter().map(|t| t.as_str()).collect();
            [
                role.id().to_string(),
                role.kind().as_str().to_string(),
                role.label(lang).to_string(),
                role.broader().unwrap_or(DASH).to_string(),
                if traditions.is_empty() {
                    DASH.to_string()
                } else {
                    traditions.join(", ")
                },
                variant_count(role, Lang::En).to_string(),
                variant_count(role, Lang::Fr).to_string(),
            ]
        })
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let last = cells.len() - 1;
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i >= last - 1 {
                    format!("{c:>width$}", width = widths[i])
                } else {
                    pad(c, widths[i])
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", line(headers.to_vec()))?;
    for row in &rows {
        writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    let peers = lexicon.roles().iter().filter(|r| r.is_peer()).count();
    let others = lexicon.roles().len() - peers;
    writeln!(
        out,
        "{}",
        match lang {
            Lang::En => format!(
                "{} entries ({peers} peer roles, {others} not-peer); lexicon {}",
                rows.len(),
                lexicon.version()
            ),
            Lang::Fr => format!(
                "{} entrées ({peers} rôles de pair, {others} hors pairs) ; lexique {}",
                rows.len(),
                lexicon.version()
            ),
        }
    )
}

/// The label width for `show`.
const SHOW_WIDTH: usize = 12;

/// `peermap show`: one entry in full.
pub fn show(out: &mut impl Write, lexicon: &Lexicon, role: &Role, lang: Lang) -> io::Result<()> {
    let w = SHOW_WIDTH;
    writeln!(out, "{} — {}", role.id(), role.label(lang))?;
    writeln!(out)?;
    field(out, w, tr(lang, "Kind", "Type"), role.kind().as_str())?;
    field(
        out,
        w,
        tr(lang, "Label (en)", "Libellé (en)"),
        role.label(Lang::En),
    )?;
    field(
        out,
        w,
        tr(lang, "Label (fr)", "Libellé (fr)"),
        role.label(Lang::Fr),
    )?;
    field(
        out,
        w,
        tr(lang, "Definition", "Définition"),
        role.definition(lang),
    )?;
    if let Some(reason) = role.reason(lang) {
        field(out, w, tr(lang, "Reason", "Raison"), reason)?;
    }
    let traditions: Vec<&str> = role.traditions().iter().map(|t| t.label(lang)).collect();
    field(out, w, "Traditions", &traditions.join(", "))?;
    field(
        out,
        w,
        tr(lang, "Broader", "Plus large"),
        role.broader().unwrap_or_default(),
    )?;
    field(
        out,
        w,
        tr(lang, "Lineage", "Lignée"),
        &lexicon.lineage(role.id()).join(" → "),
    )?;
    let narrower: Vec<&str> = lexicon
        .roles()
        .iter()
        .filter(|r| r.broader() == Some(role.id()))
        .map(Role::id)
        .collect();
    field(
        out,
        w,
        tr(lang, "Narrower", "Plus précis"),
        &narrower.join(", "),
    )?;
    if !role.file().is_empty() {
        field(out, w, tr(lang, "File", "Fichier"), role.file())?;
    }
    writeln!(out)?;

    writeln!(out, "{}", tr(lang, "PROFILE", "PROFIL"))?;
    match role.profile() {
        Some(profile) => questions(out, profile, lang, &[])?,
        None => writeln!(
            out,
            "  {}",
            tr(
                lang,
                "(not a peer role: no profile)",
                "(pas un rôle de pair : aucun profil)"
            )
        )?,
    }
    writeln!(out)?;

    let variants = role.variants();
    writeln!(
        out,
        "{} ({}: {} EN, {} FR)",
        tr(lang, "VARIANTS", "VARIANTES"),
        variants.len(),
        variant_count(role, Lang::En),
        variant_count(role, Lang::Fr)
    )?;
    let width = variants
        .iter()
        .map(|v| v.text().chars().count())
        .max()
        .unwrap_or(0);
    for group_lang in Lang::ALL {
        let in_lang: Vec<&peermap::Variant> = variants
            .iter()
            .filter(|v| v.lang() == *group_lang)
            .collect();
        if in_lang.is_empty() {
            continue;
        }
        writeln!(out, "  {}", language_name(*group_lang, lang))?;
        for (regions, group) in by_region(&in_lang) {
            let heading = if regions.is_empty() {
                tr(lang, "any region", "toutes régions").to_string()
            } else {
                regions
            };
            writeln!(out, "    {heading}")?;
            for v in group {
                let line = format!("      {}  {}", pad(v.text(), width), variant_flags(v, lang));
                writeln!(out, "{}", line.trim_end())?;
            }
        }
    }

    if !role.codes().is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            tr(lang, "OCCUPATIONAL CODES", "CODES DE PROFESSIONS")
        )?;
        for code in role.codes() {
            writeln!(
                out,
                "  {:<9} {:<11} {:<18} {}",
                scheme_name(code.scheme()),
                short_code(code),
                code.predicate(),
                code.label()
            )?;
            writeln!(out, "  {:<9} {}", "", code.source())?;
        }
    }
    if !role.sources().is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", tr(lang, "SOURCES", "SOURCES"))?;
        for source in role.sources() {
            writeln!(out, "  {source}")?;
        }
    }
    if !role.notes().is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", tr(lang, "NOTES", "NOTES"))?;
        writeln!(out, "  {}", role.notes())?;
    }
    Ok(())
}

/// "SOC 2018", "ISCO-08": a classification's usual name.
pub fn scheme_name(scheme: &str) -> &str {
    match scheme {
        "soc2018" => "SOC 2018",
        "onet-soc" => "O*NET-SOC",
        "isco08" => "ISCO-08",
        "noc2021" => "NOC 2021",
        "esco" => "ESCO",
        other => other,
    }
}

/// The code as people cite it; an ESCO occupation by the start of its URI's identifier (the
/// whole URI is in the JSON output and in the source line).
pub fn short_code(code: &peermap::OccupationCode) -> String {
    if code.scheme() == "esco" {
        let id = code.code().rsplit('/').next().unwrap_or(code.code());
        format!("{}…", id.chars().take(8).collect::<String>())
    } else {
        code.code().to_string()
    }
}

/// One side of a comparison: an entry, and how it was found.
pub struct Side<'a> {
    /// What the user typed.
    pub given: &'a str,
    /// The entry.
    pub role: &'a Role,
    /// Set when `given` was a title coded to the entry rather than its id.
    pub via_title: bool,
}

/// `peermap compare`: two entries side by side on the six questions.
pub fn compare(out: &mut impl Write, a: &Side, b: &Side, lang: Lang) -> io::Result<()> {
    for (letter, side) in [("A", a), ("B", b)] {
        let how = if side.via_title {
            format!(
                " {} \"{}\"",
                tr(lang, "— coded from the title", "— codé d'après le titre"),
                side.given
            )
        } else {
            String::new()
        };
        writeln!(
            out,
            "{letter}  {} — {}{how}",
            side.role.id(),
            side.role.label(lang)
        )?;
    }
    writeln!(out)?;
    let traditions = |r: &Role| -> String {
        let t: Vec<&str> = r.traditions().iter().map(|t| t.label(lang)).collect();
        if t.is_empty() {
            DASH.to_string()
        } else {
            t.join(", ")
        }
    };
    writeln!(out, "Traditions")?;
    writeln!(out, "    A  {}", traditions(a.role))?;
    writeln!(out, "    B  {}", traditions(b.role))?;
    let empty = Profile::default();
    let pa = a.role.profile().unwrap_or(&empty);
    let pb = b.role.profile().unwrap_or(&empty);
    for facet in Facet::ALL {
        writeln!(out, "{}", facet.label(lang))?;
        for dimension in Dimension::ALL.iter().filter(|d| d.facet() == *facet) {
            writeln!(out, "  {}", dimension.question(lang))?;
            let ca = pa.codes(*dimension);
            let cb = pb.codes(*dimension);
            let labels = |codes: &[&str]| -> String {
                if codes.is_empty() {
                    undetermined(lang).to_string()
                } else {
                    codes
                        .iter()
                        .map(|c| value_label(*dimension, c, lang))
                        .collect::<Vec<_>>()
                        .join(" · ")
                }
            };
            writeln!(out, "    A  {}", labels(&ca))?;
            writeln!(out, "    B  {}", labels(&cb))?;
            let shared: Vec<&str> = ca.iter().copied().filter(|c| cb.contains(c)).collect();
            let verdict = if ca.is_empty() || cb.is_empty() {
                tr(lang, "cannot compare", "comparaison impossible").to_string()
            } else if ca == cb {
                tr(lang, "same", "identique").to_string()
            } else if shared.is_empty() {
                tr(lang, "nothing in common", "rien en commun").to_string()
            } else {
                format!(
                    "{} {}",
                    tr(lang, "in common:", "en commun :"),
                    labels(&shared)
                )
            };
            writeln!(out, "    =  {verdict}")?;
        }
    }
    for side in [a, b] {
        if let Some(reason) = side.role.reason(lang) {
            writeln!(out)?;
            writeln!(
                out,
                "{} {}: {reason}",
                side.role.id(),
                tr(lang, "is not a peer role", "n'est pas un rôle de pair")
            )?;
        }
    }
    Ok(())
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

/// "English" / "anglais", in the language of the listing.
fn language_name(of: Lang, lang: Lang) -> &'static str {
    match of {
        Lang::En => tr(lang, "English", "anglais"),
        Lang::Fr => tr(lang, "French", "français"),
    }
}

/// Variants grouped by their region tags: untagged first, then each set of tags in order.
fn by_region<'a>(variants: &[&'a peermap::Variant]) -> Vec<(String, Vec<&'a peermap::Variant>)> {
    let mut groups: Vec<(String, Vec<&peermap::Variant>)> = Vec::new();
    for v in variants {
        let key: Vec<&str> = v.regions().iter().map(|r| r.as_str()).collect();
        let key = key.join(" ");
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, group)) => group.push(v),
            None => groups.push((key, vec![v])),
        }
    }
    groups.sort_by(|a, b| (!a.0.is_empty(), &a.0).cmp(&(!b.0.is_empty(), &b.0)));
    groups
}

/// "acronym, ambiguous, unverified": what a reviewer needs to know about one variant.
fn variant_flags(v: &peermap::Variant, lang: Lang) -> String {
    let mut flags: Vec<&str> = Vec::new();
    if v.is_acronym() {
        flags.push(tr(lang, "acronym", "sigle"));
    }
    if v.is_ambiguous() {
        flags.push(tr(lang, "ambiguous", "ambigu"));
    }
    match v.status() {
        peermap::VariantStatus::Verified => {}
        peermap::VariantStatus::Derived => flags.push(tr(lang, "derived", "dérivée")),
        peermap::VariantStatus::Unverified => flags.push(tr(lang, "unverified", "non vérifiée")),
    }
    flags.join(", ")
}
