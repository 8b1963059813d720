//! `peermap lookup`: code one title and answer the six questions of the map for it.

use std::io::{self, Write};

use peermap::{Answer, Dimension, Lang, Verdict};

use crate::cli::{LookupArgs, TextFormat};
use crate::commands::print::{stdout, write_json};
use crate::commands::text::{field, questions, tr, value_label};
use crate::setup;

/// `peermap lookup`.
pub fn run(args: &LookupArgs) -> anyhow::Result<()> {
    let crosswalk = setup::crosswalk(&args.crosswalk)?;
    let answer = crosswalk.classify(&args.title);
    let mut out = stdout();
    match args.format {
        TextFormat::Text => write_text(&mut out, &answer, args.crosswalk.lang.into())?,
        TextFormat::Json if args.fields.is_empty() => write_json(&mut out, &answer)?,
        TextFormat::Json => {
            let selected = peermap_cli::fields::Selected {
                answer: &answer,
                lexicon: crosswalk.lexicon(),
                fields: &args.fields,
                input: false,
            };
            write_json(&mut out, &selected)?
        }
    }
    out.flush()?;
    Ok(())
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
        (
            tr(lang, "implied by the role", "implicites dans le rôle"),
            written(q.implied()),
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
fn write_text(out: &mut impl Write, answer: &Answer, lang: Lang) -> io::Result<()> {
    write_match(out, answer, lang)?;
    write_context(out, answer, lang)?;
    writeln!(out)?;
    write_questions(out, answer, lang)
}

/// What the title was coded to, and how.
fn write_match(out: &mut impl Write, answer: &Answer, lang: Lang) -> io::Result<()> {
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
    Ok(())
}

/// Where the role stands, what else the title says, and why the answer is what it is.
fn write_context(out: &mut impl Write, answer: &Answer, lang: Lang) -> io::Result<()> {
    let w = LOOKUP_WIDTH;
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
    Ok(())
}

/// The six questions answered for the title's role, with what the title's words suggest.
fn write_questions(out: &mut impl Write, answer: &Answer, lang: Lang) -> io::Result<()> {
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
