//! The sentences of an answer's explanation, in English or French: what matched and how, why a
//! role was chosen among several, why none was, which other occupation the title names, and
//! what else the title said.
//!
//! It takes the answer being assembled (`answer::assemble`) and gives its explanation; it is
//! the last step of a title's path.

use crate::answer::types::{Answer, Candidate};
use crate::data::entry::{Kind, Role};
use crate::data::occupations::Occupation;
use crate::data::region::Region;
use crate::matching::composition::Composed;
use crate::matching::index::Method;
use crate::model::Lang;
use crate::normalize::MAX_TITLE_CHARS;
use crate::qualifiers::{self, Qualifiers};
use crate::resolve::choose::{Resolution, Unsupported};

pub(crate) fn explain_role(
    lang: Lang,
    answer: &Answer,
    role: &Role,
    resolution: &Resolution,
    region: Option<&Region>,
) -> String {
    let matched = answer.matched.as_deref().unwrap_or_default();
    let method = answer.method.map_or("", Method::as_str);
    let mut text = match (lang, role.kind()) {
        (Lang::En, Kind::PeerRole) => {
            format!("Matched the variant \"{matched}\" of the peer role {} ({method}).", role.id())
        }
        (Lang::Fr, Kind::PeerRole) => {
            format!("Correspond à la variante « {matched} » du rôle de pair {} ({method}).", role.id())
        }
        (Lang::En, Kind::NotPeer) => format!(
            "Matched \"{matched}\", a look-alike that is not a peer role ({}): {}",
            role.id(),
            role.reason(Lang::En).unwrap_or_default()
        ),
        (Lang::Fr, Kind::NotPeer) => format!(
            "Correspond à « {matched} », un titre semblable qui n'est pas un rôle de pair ({}) : {}",
            role.id(),
            role.reason(Lang::Fr).unwrap_or_default()
        ),
    };
    if let Resolution::Context(cues) = resolution {
        let cues = cues.join(", ");
        text.push_str(&match lang {
            Lang::En => format!(
                " The title is shared by several entries; the words {cues} point to this one."
            ),
            Lang::Fr => format!(
                " Ce titre est partagé par plusieurs entrées ; les mots {cues} désignent celle-ci."
            ),
        });
    }
    if *resolution == Resolution::Narrower {
        text.push_str(&match lang {
            Lang::En => format!(" The words of the narrower role's variant \"{matched}\" are all in the title, though not side by side."),
            Lang::Fr => format!(" Les mots de la variante « {matched} » du rôle plus précis sont tous dans le titre, mais pas côte à côte."),
        });
    }
    if *resolution == Resolution::Region {
        let region = region.map(Region::as_str).unwrap_or_default();
        text.push_str(&match lang {
            Lang::En => format!(" The title is shared by several entries; the region hint {region} chose this one."),
            Lang::Fr => format!(" Ce titre est partagé par plusieurs entrées ; l'indication de région {region} a choisi celle-ci."),
        });
    }
    push_also_read(lang, &mut text, &answer.qualifiers);
    text
}

/// Ends an explanation with what the qualifiers read, if anything.
pub(crate) fn push_also_read(lang: Lang, text: &mut String, qualifiers: &Qualifiers) {
    let read = describe_qualifiers(qualifiers, lang);
    if !read.is_empty() {
        text.push_str(&match lang {
            Lang::En => format!(" Also read: {read}."),
            Lang::Fr => format!(" Aussi lu : {read}."),
        });
    }
}

pub(crate) fn explain_composed(lang: Lang, answer: &Answer, found: &Composed<'_>) -> String {
    let matched = answer.matched.as_deref().unwrap_or_default();
    let role = answer.role.as_deref().unwrap_or_default();
    let family = found.family;
    let mut text = match (lang, found.generic) {
        (Lang::En, false) => format!("Read \"{matched}\" as a peer marker of the {family} family with the head \"{}\", which names the peer role {role} (composed).", found.head),
        (Lang::En, true) => format!("Read \"{matched}\" as a peer marker of the {family} family with the head \"{}\", which names no role of its own: the family's role {role} (composed, lower confidence).", found.head),
        (Lang::Fr, false) => format!("Lu « {matched} » comme un marqueur de pair de la famille {family} avec le mot de tête « {} », qui désigne le rôle de pair {role} (composé).", found.head),
        (Lang::Fr, true) => format!("Lu « {matched} » comme un marqueur de pair de la famille {family} avec le mot de tête « {} », qui ne désigne aucun rôle propre : le rôle de la famille, {role} (composé, confiance moindre).", found.head),
    };
    push_also_read(lang, &mut text, &answer.qualifiers);
    text
}

pub(crate) fn explain_occupation(
    lang: Lang,
    written: &str,
    occupation: &Occupation,
    lexical: Option<&Answer>,
) -> String {
    let label = occupation.label();
    let codes = occupation.codes().join(", ");
    let near = lexical.and_then(|a| a.matched.as_deref());
    match (lang, near) {
        (Lang::En, None) => format!("\"{written}\" is the title of another occupation, {label} ({codes}), in the background vocabulary; no peer role covers it."),
        (Lang::En, Some(near)) => format!("\"{written}\" is the title of another occupation, {label} ({codes}), in the background vocabulary: it explains more of the title than the lexicon's \"{near}\"."),
        (Lang::Fr, None) => format!("« {written} » est le titre d'un autre métier, {label} ({codes}), du vocabulaire des métiers ; aucun rôle de pair ne le couvre."),
        (Lang::Fr, Some(near)) => format!("« {written} » est le titre d'un autre métier, {label} ({codes}), du vocabulaire des métiers : il explique plus du titre que « {near} » du lexique."),
    }
}

pub(crate) fn explain_nearest(lang: Lang, written: &str, occupation: &Occupation) -> String {
    let label = occupation.label();
    let codes = occupation.codes().join(", ");
    match lang {
        Lang::En => format!("\"{written}\" is no title of the background vocabulary as written; the nearest occupation with the same head is {label} ({codes}). No peer role covers it."),
        Lang::Fr => format!("« {written} » n'est pas tel quel un titre du vocabulaire des métiers ; le métier le plus proche avec le même mot de tête est {label} ({codes}). Aucun rôle de pair ne le couvre."),
    }
}

pub(crate) fn explain_unsupported(lang: Lang, matched: &str, id: &str, why: Unsupported) -> String {
    match (lang, why) {
        (Lang::En, Unsupported::NoCue) => format!("\"{matched}\" ({id}) is also an ordinary word of other occupations, and nothing in the title (a peer, community-health or lived-experience word) says it is meant as a peer's."),
        (Lang::En, Unsupported::AcronymAlone) => format!("The acronym \"{matched}\" ({id}) stands for other things too; alone, with no region hint of its regions and nothing else in the title to support it, no role is chosen."),
        (Lang::Fr, Unsupported::NoCue) => format!("« {matched} » ({id}) est aussi un mot ordinaire d'autres métiers, et rien dans le titre (un mot de pair, de santé communautaire ou de vécu) ne dit qu'il s'agit d'un pair."),
        (Lang::Fr, Unsupported::AcronymAlone) => format!("Le sigle « {matched} » ({id}) désigne aussi autre chose ; seul, sans indication d'une de ses régions ni rien d'autre dans le titre pour l'appuyer, aucun rôle n'est choisi."),
    }
}

pub(crate) fn explain_ambiguous(lang: Lang, matched: &str, candidates: &[Candidate]) -> String {
    let ids: Vec<&str> = candidates.iter().map(|c| &*c.role).collect();
    match lang {
        Lang::En => format!(
            "\"{matched}\" is listed by several entries ({}); nothing in the title decides between them. Add context to the title, or a region hint where the entries are regional.",
            ids.join(", ")
        ),
        Lang::Fr => format!(
            "« {matched} » figure dans plusieurs entrées ({}) ; rien dans le titre ne permet de choisir. Précisez le titre, ou donnez une région lorsque les entrées sont régionales.",
            ids.join(", ")
        ),
    }
}

pub(crate) fn explain_below_threshold(
    lang: Lang,
    matched: &str,
    id: &str,
    score: f64,
    threshold: f64,
) -> String {
    match lang {
        Lang::En => format!(
            "The closest variant is \"{matched}\" ({id}), but the confidence {score} is below the threshold {}.",
            threshold
        ),
        Lang::Fr => format!(
            "La variante la plus proche est « {matched} » ({id}), mais la confiance {score} est sous le seuil {}.",
            threshold
        ),
    }
}

/// `explanation` ended with what the role implies ("populations=youth", …), in `lang`.
pub(crate) fn with_implied(lang: Lang, explanation: &str, implied: &[String]) -> String {
    let mut by_key: Vec<(&str, Vec<&str>)> = Vec::new();
    for pair in implied {
        let (key, code) = pair.split_once('=').unwrap_or((pair, ""));
        let label = qualifiers::label(code, lang).unwrap_or(code);
        match by_key.iter_mut().find(|(k, _)| *k == key) {
            Some((_, labels)) => labels.push(label),
            None => by_key.push((key, vec![label])),
        }
    }
    let said: Vec<String> = by_key
        .iter()
        .map(|(key, labels)| format!("{}: {}", key_name(key, lang), labels.join(", ")))
        .collect();
    let said = said.join("; ");
    match lang {
        Lang::En => format!("{explanation} The role implies {said}."),
        Lang::Fr => format!("{explanation} Le rôle implique {said}."),
    }
}

/// A qualifier key's name in `lang`, as the explanation writes it.
fn key_name(key: &str, lang: Lang) -> &str {
    QUALIFIER_NAMES
        .iter()
        .find(|(en, _)| *en == key)
        .map_or(key, |(en, fr)| if lang == Lang::Fr { fr } else { en })
}

/// The qualifier keys' names in English and French.
const QUALIFIER_NAMES: [(&str, &str); 10] = [
    ("seniority", "niveau hiérarchique"),
    ("level", "échelon"),
    ("employment", "emploi"),
    ("credential", "titre"),
    ("domains", "domaines"),
    ("populations", "populations"),
    ("settings", "milieux"),
    ("location", "lieu"),
    ("codes", "codes"),
    ("unplaced", "non classé"),
];

/// Why a title has a person's answer: where it was decided, and the person's note.
pub(crate) fn explain_decided(lang: Lang, origin: &str, note: &str) -> String {
    let mut text = match lang {
        Lang::En => format!("Decided by a person ({origin})."),
        Lang::Fr => format!("Décidé par une personne ({origin})."),
    };
    if !note.is_empty() {
        text.push_str(&match lang {
            Lang::En => format!(" Note: {note}"),
            Lang::Fr => format!(" Note : {note}"),
        });
    }
    text
}

/// Why a title with words of other occupations beside its match gets no role.
pub(crate) fn explain_blocked(lang: Lang, matched: &str, words: &str) -> String {
    match lang {
        Lang::En => format!("\"{matched}\" is in the title, but the words {words} beside it belong to other occupations' titles: it may be another job, so no role is chosen."),
        Lang::Fr => format!("« {matched} » figure dans le titre, mais les mots {words} à côté appartiennent à des titres d'autres métiers : il peut s'agir d'un autre emploi, aucun rôle n'est choisi."),
    }
}

/// The explanation of an answer to a title cut at [`MAX_TITLE_CHARS`], saying so.
pub(crate) fn truncation_note(explanation: &str, lang: Lang) -> String {
    let note = match lang {
        Lang::En => format!(
            "The title was longer than {MAX_TITLE_CHARS} characters and was cut there before matching."
        ),
        Lang::Fr => format!(
            "Le titre dépassait {MAX_TITLE_CHARS} caractères et a été coupé là avant la correspondance."
        ),
    };
    format!("{explanation} {note}")
}

/// "seniority: senior; domains: mental health, substance use; unplaced: banana", in `lang`.
fn describe_qualifiers(q: &Qualifiers, lang: Lang) -> String {
    let coded = |codes: &[&'static str]| -> Vec<String> {
        codes
            .iter()
            .map(|c| qualifiers::label(c, lang).unwrap_or(c).to_string())
            .collect()
    };
    let as_written = |texts: Option<&str>| texts.into_iter().map(str::to_string).collect();
    let values: [Vec<String>; 10] = [
        coded(q.seniority().as_slice()),
        as_written(q.level()),
        coded(q.employment()),
        q.credential().to_vec(),
        coded(q.domains()),
        coded(q.populations()),
        coded(q.settings()),
        as_written(q.location()),
        q.codes().to_vec(),
        q.other().to_vec(),
    ];
    QUALIFIER_NAMES
        .iter()
        .zip(values)
        .filter(|(_, values)| !values.is_empty())
        .map(|((en, _), values)| format!("{}: {}", key_name(en, lang), values.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}
