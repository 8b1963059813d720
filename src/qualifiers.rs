//! Reading the words a title carries besides its role: seniority and level, employment,
//! credentials, domains, populations, settings, a trailing place, requisition codes.
//!
//! Qualifiers never choose the role; they are read from the words the matched variant did not
//! cover, so a word that belongs to a variant ("volunteer" in *community health volunteer*) is
//! never taken for one. What cannot be placed is kept in `other`: nothing silently vanishes.

use std::collections::HashMap;

use once_cell::sync::Lazy;
use serde::Serialize;

use crate::model::{Affiliation, Dimension, Lang, Space, Status};
use crate::normalize::{self, Gap, Token};

/// What a title says besides its role. Every key is always present; lists may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Qualifiers {
    seniority: Option<&'static str>,
    level: Option<String>,
    employment: Vec<&'static str>,
    credential: Vec<String>,
    domains: Vec<&'static str>,
    populations: Vec<&'static str>,
    settings: Vec<&'static str>,
    location: Option<String>,
    codes: Vec<String>,
    other: Vec<String>,
}

impl Qualifiers {
    /// `entry`, `senior`, `lead`, `coordinator`, `supervisor`, `manager` or `trainer`.
    pub fn seniority(&self) -> Option<&'static str> {
        self.seniority
    }

    /// A level or band as written ("II", "3").
    pub fn level(&self) -> Option<&str> {
        self.level.as_deref()
    }

    /// Employment codes: `full-time`, `part-time`, `casual`, `temporary`, `permanent`,
    /// `volunteer`, `paid`, `intern`.
    pub fn employment(&self) -> &[&'static str] {
        &self.employment
    }

    /// Credentials as found ("certified", "CPRS", "provisional").
    pub fn credential(&self) -> &[String] {
        &self.credential
    }

    /// Domain codes (`mental-health`, `substance-use`, `hiv`…).
    pub fn domains(&self) -> &[&'static str] {
        &self.domains
    }

    /// Population codes (`indigenous`, `youth`, `families`…).
    pub fn populations(&self) -> &[&'static str] {
        &self.populations
    }

    /// Setting codes (`hospital`, `clinic`, `street`…).
    pub fn settings(&self) -> &[&'static str] {
        &self.settings
    }

    /// A trailing place (a city, a site), as written.
    pub fn location(&self) -> Option<&str> {
        self.location.as_deref()
    }

    /// Requisition numbers and other identifiers, as written.
    pub fn codes(&self) -> &[String] {
        &self.codes
    }

    /// Words that could not be placed, as written.
    pub fn other(&self) -> &[String] {
        &self.other
    }

    /// Whether nothing at all was found.
    pub fn is_empty(&self) -> bool {
        *self == Qualifiers::default()
    }
}

/// A profile value a qualifier is evidence for ("hospital" → `clinical-organization`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    dimension: Dimension,
    value: &'static str,
    from: &'static str,
}

impl Evidence {
    /// The dimension concerned.
    pub fn dimension(&self) -> Dimension {
        self.dimension
    }

    /// The code name of the value the title is evidence for.
    pub fn value(&self) -> &'static str {
        self.value
    }

    /// The qualifier code that is the evidence (`hospital`, `credential`).
    pub fn from(&self) -> &'static str {
        self.from
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Category {
    Seniority,
    Employment,
    Credential,
    Domain,
    Population,
    Setting,
}

/// One vocabulary word or phrase, written as people write it; folded at first use.
struct Term {
    category: Category,
    code: &'static str,
    phrases: &'static [&'static str],
}

macro_rules! terms {
    ($($cat:ident $code:literal => [$($p:literal),+ $(,)?];)+) => {
        &[$(Term { category: Category::$cat, code: $code, phrases: &[$($p),+] },)+]
    };
}

/// The starter vocabulary, English and French (terminology.md §5).
const TERMS: &[Term] = terms! {
    Seniority "entry" => ["junior", "jr", "entry level", "trainee", "apprentice", "débutant"];
    Seniority "senior" => ["senior", "sr", "advanced", "principal", "expérimenté", "confirmé"];
    Seniority "lead" => ["lead", "team lead", "chef d'équipe", "head"];
    Seniority "coordinator" => ["coordinator", "coordinateur", "coordonnateur", "coord"];
    Seniority "supervisor" => ["supervisor", "superviseur"];
    Seniority "manager" => ["manager", "gestionnaire", "director", "directeur", "responsable"];
    Seniority "trainer" => ["trainer", "formateur", "instructor", "master trainer"];
    Employment "full-time" => ["full time", "fulltime", "ft", "temps plein", "temps complet"];
    Employment "part-time" => ["part time", "parttime", "pt", "temps partiel"];
    Employment "casual" => ["casual", "on call", "per diem", "relief", "sur appel", "occasionnel"];
    Employment "temporary" => ["temporary", "temp", "contract", "fixed term", "term", "seasonal", "temporaire", "contractuel", "cdd", "remplacement"];
    Employment "permanent" => ["permanent", "regular", "cdi", "poste permanent"];
    Employment "volunteer" => ["volunteer", "unpaid", "bénévole", "volontaire"];
    Employment "paid" => ["paid", "salaried", "stipend", "rémunéré", "salarié"];
    Employment "intern" => ["intern", "internship", "stagiaire", "stage"];
    Credential "certified" => ["certified", "certifié", "accredited", "accrédité", "diplômé", "provisional", "provisoire", "CPS", "CPRS", "CRPS", "CPRSS", "PRSS", "NCPS", "CPSS", "CRS"];
    Domain "mental-health" => ["mental health", "santé mentale", "behavioral health", "behavioural health", "psychiatric", "psychiatrie", "santé psychique", "MH"];
    Domain "substance-use" => ["addiction", "substance use", "dépendance", "toxicomanie", "SUD", "alcohol", "alcool"];
    Domain "harm-reduction" => ["harm reduction", "réduction des méfaits", "réduction des risques", "RdR"];
    Domain "hiv" => ["HIV", "VIH", "AIDS", "sida"];
    Domain "hepatitis" => ["hepatitis", "hépatite", "HCV", "VHC"];
    Domain "sexual-health" => ["sexual health", "santé sexuelle"];
    Domain "cancer" => ["cancer", "oncology", "oncologie", "cancérologie"];
    Domain "chronic-disease" => ["diabetes", "diabète", "chronic disease", "maladies chroniques"];
    Domain "maternal-perinatal" => ["maternal", "perinatal", "prenatal", "postpartum", "périnatalité", "maternité", "breastfeeding", "allaitement"];
    Domain "homelessness" => ["homelessness", "homeless", "unhoused", "itinérance", "sans-abrisme", "sans-abri"];
    Domain "violence" => ["violence", "violence prevention", "domestic violence"];
    Domain "justice" => ["justice", "justice involved", "forensic", "reentry", "corrections", "judiciarisé", "réinsertion"];
    Domain "disability" => ["disability", "disabilities", "handicap"];
    Domain "palliative" => ["palliative", "palliatif", "end of life", "fin de vie"];
    Domain "poverty" => ["poverty", "pauvreté", "précarité"];
    Population "indigenous" => ["Indigenous", "Aboriginal", "First Nations", "Premières Nations", "autochtone", "Inuit", "Métis", "Native"];
    Population "youth" => ["youth", "young adult", "adolescent", "teen", "jeunesse", "jeune"];
    Population "older-adults" => ["older adult", "seniors", "aînés", "personnes âgées", "geriatric", "gériatrie"];
    Population "families" => ["family", "families", "famille", "parent"];
    Population "lgbtq" => ["LGBTQ", "LGBT", "LGBTQ+", "2SLGBTQIA", "LGBTQ2S", "queer", "trans"];
    Population "migrants-refugees" => ["immigrant", "newcomer", "refugee", "migrant", "asylum seeker", "réfugié", "nouveaux arrivants", "demandeurs d'asile"];
    Population "veterans" => ["veteran", "military", "vétéran", "militaire", "anciens combattants"];
    Population "women" => ["women", "woman", "femmes"];
    Population "people-who-use-drugs" => ["people who use drugs", "PWUD", "drug users", "personnes qui utilisent des drogues", "UDI"];
    Population "sex-workers" => ["sex workers", "travailleuses du sexe", "travail du sexe"];
    Setting "hospital" => ["hospital", "hôpital", "inpatient", "CHU", "CH"];
    Setting "clinic" => ["clinic", "clinique", "CLSC", "health centre", "health center", "outpatient", "centre de santé"];
    Setting "emergency" => ["emergency", "urgence", "emergency department"];
    Setting "community" => ["community", "communautaire", "community based"];
    Setting "street" => ["street", "rue", "proximité"];
    Setting "home" => ["home", "domicile", "home based", "home care"];
    Setting "shelter" => ["shelter", "refuge", "hébergement"];
    Setting "prison" => ["prison", "jail", "correctional", "detention", "pénitencier", "carcéral", "milieu carcéral"];
    Setting "school" => ["school", "école", "campus"];
    Setting "online" => ["online", "virtual", "en ligne", "virtuel"];
};

/// The longest phrase in the vocabulary, in tokens.
const MAX_PHRASE_TOKENS: usize = 4;

/// Folded phrase → (category, code). "senior" also names a population; position decides.
static VOCABULARY: Lazy<HashMap<String, (Category, &'static str)>> = Lazy::new(|| {
    let mut map = HashMap::new();
    for term in TERMS {
        for phrase in term.phrases {
            let key = normalize::normalize(phrase);
            debug_assert!(key.split(' ').count() <= MAX_PHRASE_TOKENS, "{phrase}");
            map.entry(key).or_insert((term.category, term.code));
        }
    }
    map
});

/// Whether a folded word is a known qualifier word (such words are never spell-corrected).
pub(crate) fn is_vocabulary_word(norm: &str) -> bool {
    VOCABULARY.contains_key(norm)
}

/// Words that introduce an identifier: "REQ-118", "Job 4471", "Poste 23050".
const CODE_PREFIXES: &[&str] = &[
    "req",
    "requisition",
    "job",
    "poste",
    "ref",
    "id",
    "no",
    "n",
    "posting",
];

/// Roman numerals and band words read as a level.
const LEVEL_WORDS: &[&str] = &["level", "niveau", "band", "grade", "classe", "echelon"];

/// Reads the tokens not covered by the match. `covered` marks the tokens of the matched
/// variant; `title` is the (truncated) input the token offsets point into.
pub(crate) fn read(title: &str, tokens: &[Token], covered: &[bool]) -> Qualifiers {
    let mut q = Qualifiers::default();
    let mut used = covered.to_vec();
    let match_start = covered.iter().position(|c| *c).unwrap_or(tokens.len());
    let match_end = covered.iter().rposition(|c| *c).map_or(0, |i| i + 1);
    let segment = segments(tokens);
    let match_segment = if match_start < tokens.len() {
        segment[match_start]
    } else {
        usize::MAX
    };

    skip_gender_markers(tokens, &mut used);
    read_codes_and_levels(title, tokens, &mut used, &mut q, match_end);
    read_vocabulary(
        title,
        tokens,
        &mut used,
        &mut q,
        match_start,
        &segment,
        match_segment,
    );
    read_location(title, tokens, &mut used, &mut q, &segment, match_segment);
    for (i, token) in tokens.iter().enumerate() {
        if !used[i] && !token.stop {
            q.other.push(title[token.start..token.end].to_string());
        }
    }
    q
}

/// "H/F", "F/H", "M/F", "m/w/d": the marker job postings add to say the post is open to every
/// gender. It says nothing about the role, so it is neither a qualifier nor an unplaced word.
fn skip_gender_markers(tokens: &[Token], used: &mut [bool]) {
    let is_letter = |t: &Token| {
        t.end - t.start == 1 && matches!(t.norm.as_str(), "h" | "f" | "m" | "x" | "w" | "d")
    };
    let mut i = 0;
    while i < tokens.len() {
        let run = tokens[i..]
            .iter()
            .enumerate()
            .take_while(|(k, t)| is_letter(t) && (*k == 0 || t.gap == Gap::Soft))
            .count();
        if run >= 2 {
            used[i..i + run].iter_mut().for_each(|u| *u = true);
        }
        i += run.max(1);
    }
}

/// The index of the hard-separated part of the title each token belongs to.
fn segments(tokens: &[Token]) -> Vec<usize> {
    let mut current = 0;
    tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if i > 0 && t.gap == Gap::Hard {
                current += 1;
            }
            current
        })
        .collect()
}

fn is_number(norm: &str) -> bool {
    !norm.is_empty() && norm.bytes().all(|b| b.is_ascii_digit())
}

fn is_roman_level(token: &Token) -> bool {
    matches!(token.norm.as_str(), "ii" | "iii" | "iv" | "vi")
        || (token.upper && token.norm == "v")
        || (token.upper && token.norm == "i" && token.end - token.start == 1)
}

fn read_codes_and_levels(
    title: &str,
    tokens: &[Token],
    used: &mut [bool],
    q: &mut Qualifiers,
    match_end: usize,
) {
    let raw = |t: &Token| &title[t.start..t.end];
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if used[i] {
            i += 1;
            continue;
        }
        let next_free = i + 1 < tokens.len() && !used[i + 1];
        // "0.6 FTE", "1.0 ETP": a fraction of full time.
        if is_number(&t.norm)
            && tokens[i + 1..]
                .iter()
                .take(2)
                .any(|n| matches!(n.norm.as_str(), "fte" | "etp"))
        {
            let fte_at = i
                + tokens[i + 1..]
                    .iter()
                    .position(|n| matches!(n.norm.as_str(), "fte" | "etp"))
                    .unwrap()
                + 1;
            let full = t.norm != "0";
            push_unique(
                &mut q.employment,
                if full { "full-time" } else { "part-time" },
            );
            used[i..=fte_at].iter_mut().for_each(|u| *u = true);
            i = fte_at + 1;
            continue;
        }
        if CODE_PREFIXES.contains(&t.norm.as_str())
            && next_free
            && tokens[i + 1].norm.bytes().any(|b| b.is_ascii_digit())
        {
            q.codes.push(title[t.start..tokens[i + 1].end].to_string());
            used[i] = true;
            used[i + 1] = true;
            i += 2;
            continue;
        }
        if LEVEL_WORDS.contains(&t.norm.as_str())
            && next_free
            && (is_number(&tokens[i + 1].norm) || is_roman_level(&tokens[i + 1]))
        {
            q.level
                .get_or_insert_with(|| raw(&tokens[i + 1]).to_string());
            used[i] = true;
            used[i + 1] = true;
            i += 2;
            continue;
        }
        if t.hash || (t.norm.bytes().any(|b| b.is_ascii_digit()) && t.norm.len() >= 3) {
            q.codes.push(if t.hash {
                format!("#{}", raw(t))
            } else {
                raw(t).to_string()
            });
            used[i] = true;
        } else if (is_roman_level(t) || (is_number(&t.norm) && t.norm.len() == 1))
            && i >= match_end
            && q.level.is_none()
        {
            q.level = Some(raw(t).to_string());
            used[i] = true;
        }
        i += 1;
    }
}

#[allow(clippy::too_many_arguments)]
fn read_vocabulary(
    title: &str,
    tokens: &[Token],
    used: &mut [bool],
    q: &mut Qualifiers,
    match_start: usize,
    segment: &[usize],
    match_segment: usize,
) {
    let free: Vec<usize> = (0..tokens.len())
        .filter(|&i| !used[i] && !tokens[i].stop)
        .collect();
    let mut k = 0;
    while k < free.len() {
        let mut hit = None;
        for len in (1..=MAX_PHRASE_TOKENS.min(free.len() - k)).rev() {
            let span = &free[k..k + len];
            // A phrase must be made of neighbouring words in one part of the title.
            let contiguous = span.windows(2).all(|w| {
                tokens[w[0] + 1..w[1]].iter().all(|t| t.stop) && segment[w[0]] == segment[w[1]]
            });
            if !contiguous {
                continue;
            }
            let key = span
                .iter()
                .map(|&i| tokens[i].norm.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(found) = VOCABULARY.get(&key) {
                hit = Some((len, *found));
                break;
            }
        }
        let Some((len, (category, code))) = hit else {
            k += 1;
            continue;
        };
        let first = free[k];
        let raw = title[tokens[first].start..tokens[free[k + len - 1]].end].to_string();
        // "Senior Peer Worker" is seniority; "Peer Worker – Seniors" is a population.
        let (category, code) =
            if code == "senior" && first > match_start && segment[first] != match_segment {
                (Category::Population, "older-adults")
            } else {
                (category, code)
            };
        match category {
            Category::Seniority => {
                q.seniority.get_or_insert(code);
            }
            Category::Employment => push_unique(&mut q.employment, code),
            Category::Credential => q.credential.push(raw),
            Category::Domain => push_unique(&mut q.domains, code),
            Category::Population => push_unique(&mut q.populations, code),
            Category::Setting => push_unique(&mut q.settings, code),
        }
        for &i in &free[k..k + len] {
            used[i] = true;
        }
        k += len;
    }
}

/// A trailing part of the title, after the role, made of words the vocabulary does not know
/// (except setting words, as in "Hôpital Notre-Dame"), is read as a place.
fn read_location(
    title: &str,
    tokens: &[Token],
    used: &mut [bool],
    q: &mut Qualifiers,
    segment: &[usize],
    match_segment: usize,
) {
    let Some(last) = tokens.iter().rposition(|t| !t.bracketed) else {
        return;
    };
    let seg = segment[last];
    if match_segment == usize::MAX || seg <= match_segment {
        return;
    }
    let members: Vec<usize> = (0..tokens.len())
        .filter(|&i| segment[i] == seg && !tokens[i].bracketed)
        .collect();
    let unknown = members
        .iter()
        .filter(|&&i| !used[i] && !tokens[i].stop)
        .count();
    let only_settings_known = members.iter().all(|&i| {
        !used[i] || tokens[i].stop || {
            let key = &tokens[i].norm;
            matches!(VOCABULARY.get(key.as_str()), Some((Category::Setting, _)))
        }
    });
    if unknown == 0 || !only_settings_known {
        return;
    }
    let (first, end) = (members[0], members[members.len() - 1]);
    q.location = Some(title[tokens[first].start..tokens[end].end].to_string());
    for &i in &members {
        used[i] = true;
    }
}

fn push_unique(list: &mut Vec<&'static str>, code: &'static str) {
    if !list.contains(&code) {
        list.push(code);
    }
}

/// What the qualifiers say about the profile: a hospital title is evidence for a clinical
/// affiliation and an institutional space; a credential for recognition by certification.
pub(crate) fn evidence(q: &Qualifiers) -> Vec<Evidence> {
    let mut out = Vec::new();
    let mut add = |dimension, value: &'static str, from| {
        out.push(Evidence {
            dimension,
            value,
            from,
        });
    };
    for setting in &q.settings {
        let clinical = Affiliation::ClinicalOrganization.as_str();
        match *setting {
            "hospital" | "clinic" | "emergency" => {
                add(Dimension::Affiliations, clinical, *setting);
                add(Dimension::Spaces, Space::Institution.as_str(), *setting);
            }
            "community" => {
                add(
                    Dimension::Affiliations,
                    Affiliation::CommunityOrganization.as_str(),
                    *setting,
                );
                add(
                    Dimension::Spaces,
                    Space::CommunityOrganization.as_str(),
                    *setting,
                );
            }
            "shelter" => add(
                Dimension::Spaces,
                Space::CommunityOrganization.as_str(),
                *setting,
            ),
            "street" | "home" => add(Dimension::Spaces, Space::DailyLife.as_str(), *setting),
            "prison" | "school" => add(Dimension::Spaces, Space::Institution.as_str(), *setting),
            _ => {}
        }
    }
    if !q.credential.is_empty() {
        add(
            Dimension::Status,
            Status::TrainingCertification.as_str(),
            "credential",
        );
    }
    out
}

/// The English or French label of a qualifier code.
pub fn label(code: &str, lang: Lang) -> Option<&'static str> {
    LABELS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, en, fr)| match lang {
            Lang::En => *en,
            Lang::Fr => *fr,
        })
}

const LABELS: &[(&str, &str, &str)] = &[
    ("entry", "entry level", "débutant"),
    ("senior", "senior", "principal"),
    ("lead", "lead", "chef d'équipe"),
    ("coordinator", "coordinator", "coordination"),
    ("supervisor", "supervisor", "supervision"),
    ("manager", "manager", "gestion"),
    ("trainer", "trainer", "formation"),
    ("full-time", "full-time", "temps plein"),
    ("part-time", "part-time", "temps partiel"),
    ("casual", "casual", "occasionnel"),
    ("temporary", "temporary", "temporaire"),
    ("permanent", "permanent", "permanent"),
    ("volunteer", "volunteer", "bénévole"),
    ("paid", "paid", "rémunéré"),
    ("intern", "intern", "stagiaire"),
    ("mental-health", "mental health", "santé mentale"),
    ("substance-use", "substance use", "dépendances"),
    ("harm-reduction", "harm reduction", "réduction des méfaits"),
    ("hiv", "HIV", "VIH"),
    ("hepatitis", "hepatitis", "hépatites"),
    ("sexual-health", "sexual health", "santé sexuelle"),
    ("cancer", "cancer", "cancer"),
    ("chronic-disease", "chronic disease", "maladies chroniques"),
    (
        "maternal-perinatal",
        "maternal and perinatal health",
        "périnatalité",
    ),
    ("homelessness", "homelessness", "itinérance"),
    ("violence", "violence", "violence"),
    ("justice", "justice", "justice"),
    ("disability", "disability", "handicap"),
    ("palliative", "palliative care", "soins palliatifs"),
    ("poverty", "poverty", "pauvreté"),
    ("indigenous", "Indigenous peoples", "peuples autochtones"),
    ("youth", "youth", "jeunes"),
    ("older-adults", "older adults", "personnes aînées"),
    ("families", "families", "familles"),
    ("lgbtq", "LGBTQ+ people", "personnes LGBTQ+"),
    (
        "migrants-refugees",
        "migrants and refugees",
        "personnes migrantes et réfugiées",
    ),
    ("veterans", "veterans", "vétérans"),
    ("women", "women", "femmes"),
    (
        "people-who-use-drugs",
        "people who use drugs",
        "personnes qui utilisent des drogues",
    ),
    (
        "sex-workers",
        "sex workers",
        "travailleuses et travailleurs du sexe",
    ),
    ("hospital", "hospital", "hôpital"),
    ("clinic", "clinic", "clinique"),
    ("emergency", "emergency", "urgence"),
    ("community", "community", "communauté"),
    ("street", "street", "rue"),
    ("home", "home", "domicile"),
    ("shelter", "shelter", "hébergement"),
    ("prison", "prison", "milieu carcéral"),
    ("school", "school", "école"),
    ("online", "online", "en ligne"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::tokenize;

    /// Reads `title` as if the words of `role` (a contiguous run) were the matched variant.
    fn read_with(title: &str, role: &str) -> Qualifiers {
        let tokens = tokenize(title);
        let role_tokens = tokenize(role);
        let start = (0..tokens.len())
            .find(|&i| {
                tokens[i..]
                    .iter()
                    .zip(&role_tokens)
                    .all(|(a, b)| a.norm == b.norm)
            })
            .expect("role words in title");
        let covered: Vec<bool> = (0..tokens.len())
            .map(|i| i >= start && i < start + role_tokens.len())
            .collect();
        read(title, &tokens, &covered)
    }

    #[test]
    fn reads_a_long_english_title() {
        let q = read_with(
            "Sr. Peer Support Worker II – Mental Health & Addictions, Hôpital Notre-Dame (0.6 FTE, casual)",
            "peer support worker",
        );
        assert_eq!(q.seniority(), Some("senior"));
        assert_eq!(q.level(), Some("II"));
        assert_eq!(q.domains(), ["mental-health", "substance-use"]);
        assert_eq!(q.settings(), ["hospital"]);
        assert_eq!(q.location(), Some("Hôpital Notre-Dame"));
        assert_eq!(q.employment(), ["part-time", "casual"]);
        assert!(q.other().is_empty(), "{:?}", q.other());
    }

    #[test]
    fn reads_a_french_title() {
        let q = read_with(
            "Paire aidante – santé mentale jeunesse (temps partiel)",
            "pair aidant",
        );
        assert_eq!(q.domains(), ["mental-health"]);
        assert_eq!(q.populations(), ["youth"]);
        assert_eq!(q.employment(), ["part-time"]);
        assert_eq!(q.location(), None);
    }

    #[test]
    fn reads_codes_credentials_and_places() {
        let q = read_with(
            "Certified Peer Specialist REQ-118 #4471, Toronto",
            "peer specialist",
        );
        assert_eq!(q.credential(), ["Certified"]);
        assert_eq!(q.codes(), ["REQ-118", "#4471"]);
        assert_eq!(q.location(), Some("Toronto"));
        let e = evidence(&q);
        assert_eq!(e[0].dimension(), Dimension::Status);
        assert_eq!(e[0].value(), "training-certification");
    }

    #[test]
    fn senior_before_the_role_is_seniority_after_it_a_population() {
        assert_eq!(
            read_with("Senior Peer Worker", "peer worker").seniority(),
            Some("senior")
        );
        let q = read_with("Peer Worker – Seniors", "peer worker");
        assert_eq!(q.seniority(), None);
        assert_eq!(q.populations(), ["older-adults"]);
    }

    #[test]
    fn gender_markers_of_job_postings_are_not_unplaced_words() {
        let q = read_with("Médiatrice en santé H/F", "médiateur en santé");
        assert!(q.is_empty(), "{q:?}");
        let q = read_with("Peer Worker (m/w/d)", "peer worker");
        assert!(q.is_empty(), "{q:?}");
        assert_eq!(read_with("Peer Worker H", "peer worker").other(), ["H"]);
    }

    #[test]
    fn keeps_what_it_cannot_place() {
        let q = read_with("Peer Support Worker banana", "peer support worker");
        assert_eq!(q.other(), ["banana"]);
    }

    #[test]
    fn every_code_has_both_labels() {
        for term in TERMS {
            if term.category != Category::Credential {
                assert!(label(term.code, Lang::En).is_some(), "{}", term.code);
                assert!(label(term.code, Lang::Fr).is_some(), "{}", term.code);
            }
        }
    }
}
