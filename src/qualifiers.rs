//! Reading the words a title carries besides its role: seniority and level, employment,
//! credentials, domains, populations, settings, a trailing place, requisition codes.
//!
//! Qualifiers never choose the role; they are read from the words the matched variant did not
//! cover, so a word that belongs to a variant ("volunteer" in *community health volunteer*) is
//! never taken for one. What cannot be placed is kept in `other`: nothing silently vanishes.
//!
//! The words and what they are evidence for come from the vocabulary (`data/qualifiers/`, see
//! the `vocabulary` module); this module holds only the reading: identifiers, levels and
//! fractions of full time, phrases of neighbouring words, a trailing place, the leftovers.
//!
//! It takes a title's tokens and which of them the match covered, and gives the qualifiers and
//! the profile evidence; `matching` comes next (it asks the vocabulary which words are known,
//! so that they are never spell-corrected), and `resolve` and `answer` read what it gives.

use serde::Serialize;

use crate::data::vocabulary::{
    Category, Code, Vocabulary, When, Word, MAX_PHRASE_WORDS, VOCABULARY,
};
use crate::model::{Dimension, Lang};
use crate::normalize::{Gap, Token};

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
    implied: Vec<String>,
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

    /// The qualifiers that come from the role (and the variant matched) rather than from the
    /// title's own words, as `key=code` ("populations=youth" for *Youth Peer Support Worker*,
    /// whose "youth" the role's variant absorbs). Each is also in its field, so a filter on
    /// `populations` finds the title; this list tells the two sources apart.
    pub fn implied(&self) -> &[String] {
        &self.implied
    }

    /// Whether nothing at all was found.
    pub fn is_empty(&self) -> bool {
        *self == Qualifiers::default()
    }

    /// Adds a qualifier the role implies (`key=code`, checked when the lexicon was loaded),
    /// unless the title's own words already gave it; whether it was added.
    pub(crate) fn imply(&mut self, pair: &str) -> bool {
        let Ok((key, code)) = crate::data::vocabulary::implication(pair) else {
            return false;
        };
        let added = match key {
            "seniority" => self.seniority.is_none() && self.seniority.replace(code).is_none(),
            "employment" => push_unique(&mut self.employment, code),
            "domains" => push_unique(&mut self.domains, code),
            "populations" => push_unique(&mut self.populations, code),
            "settings" => push_unique(&mut self.settings, code),
            "credential" => {
                let folded = crate::normalize::normalize(code);
                let held = self
                    .credential
                    .iter()
                    .any(|c| crate::normalize::normalize(c) == folded);
                !held && {
                    self.credential.push(code.to_string());
                    true
                }
            }
            _ => false,
        };
        if added {
            self.implied.push(format!("{key}={code}"));
        }
        added
    }
}

/// A profile value the title's own words are evidence for: the word, the value, and why.
///
/// Evidence is a hint, never a fact: "Hôpital" says where the support happens, not who employs
/// the peer. The rules and their reasons are data (`data/qualifiers/*.json`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    dimension: Dimension,
    value: &'static str,
    word: String,
    reason: &'static str,
}

impl Evidence {
    /// The dimension concerned.
    pub fn dimension(&self) -> Dimension {
        self.dimension
    }

    /// The code name of the value the title is evidence for (as in the profile).
    pub fn value(&self) -> &'static str {
        self.value
    }

    /// The word of the title that is the evidence, as written ("Hôpital", "Certified").
    pub fn word(&self) -> &str {
        &self.word
    }

    /// Why the word is evidence for the value, in the crosswalk's language.
    pub fn reason(&self) -> &'static str {
        self.reason
    }
}

/// One evidence item as the JSON answer writes it, under its dimension.
#[derive(Serialize)]
struct EvidenceItem<'a> {
    value: &'static str,
    word: &'a str,
    reason: &'static str,
}

/// Writes evidence as an object of the six dimensions, each a list of `{value, word, reason}`.
pub(crate) fn serialize_evidence<S: serde::Serializer>(
    evidence: &[Evidence],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(Dimension::ALL.len()))?;
    for dimension in Dimension::ALL {
        let items: Vec<EvidenceItem<'_>> = evidence
            .iter()
            .filter(|e| e.dimension == *dimension)
            .map(|e| EvidenceItem {
                value: e.value,
                word: &e.word,
                reason: e.reason,
            })
            .collect();
        map.serialize_entry(dimension.as_str(), &items)?;
    }
    map.end()
}

/// What reading a title's leftover words found.
pub(crate) struct Reading {
    pub qualifiers: Qualifiers,
    pub evidence: Vec<Evidence>,
    /// How many words nothing could place (`other` groups them in runs).
    pub unplaced_words: usize,
    /// By token, whether it is such a word (empty when there is none).
    pub unplaced: Vec<bool>,
}

impl Reading {
    /// Nothing read: the variant covers the whole title.
    pub(crate) fn empty() -> Reading {
        Reading {
            qualifiers: Qualifiers::default(),
            evidence: Vec::new(),
            unplaced_words: 0,
            unplaced: Vec::new(),
        }
    }
}

fn vocabulary() -> &'static Vocabulary {
    &VOCABULARY
}

/// Whether a folded word is a known qualifier word (such words are never spell-corrected).
pub(crate) fn is_vocabulary_word(norm: &str) -> bool {
    vocabulary().lookup(norm).is_some()
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

/// "(2 postes)", "3 positions": a number of posts open, not a level.
fn counts_posts(tokens: &[Token], i: usize) -> bool {
    const POSTS: &[&str] = &["poste", "position", "opening", "vacancy", "vacancie"];
    tokens
        .get(i + 1)
        .is_some_and(|next| POSTS.contains(&next.norm.as_str()))
}

fn is_number(norm: &str) -> bool {
    !norm.is_empty() && norm.bytes().all(|b| b.is_ascii_digit())
}

fn is_roman_level(title: &str, token: &Token) -> bool {
    matches!(token.norm.as_str(), "ii" | "iii" | "iv" | "vi")
        || matches!(&title[token.start..token.end], "I" | "V")
}

/// A band written as one capital letter after "Level" or "Band" ("Level B").
fn is_band_letter(title: &str, token: &Token) -> bool {
    let raw = &title[token.start..token.end];
    raw.len() == 1 && raw.bytes().all(|b| b.is_ascii_uppercase())
}

/// The end of an identifier that goes on across "-" or "/" ("2024-118", "REQ-118/2").
fn identifier_end(title: &str, tokens: &[Token], used: &[bool], mut last: usize) -> usize {
    while let Some(next) = tokens.get(last + 1) {
        let between = &title[tokens[last].end..next.start];
        if used[last + 1]
            || !matches!(between, "-" | "/")
            || !next.norm.bytes().any(|b| b.is_ascii_digit())
        {
            break;
        }
        last += 1;
    }
    last
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
            let last = identifier_end(title, tokens, used, i + 1);
            q.codes.push(title[t.start..tokens[last].end].to_string());
            used[i..=last].iter_mut().for_each(|u| *u = true);
            i = last + 1;
            continue;
        }
        if LEVEL_WORDS.contains(&t.norm.as_str())
            && next_free
            && (is_number(&tokens[i + 1].norm)
                || is_roman_level(title, &tokens[i + 1])
                || is_band_letter(title, &tokens[i + 1]))
        {
            q.level
                .get_or_insert_with(|| raw(&tokens[i + 1]).to_string());
            used[i] = true;
            used[i + 1] = true;
            i += 2;
            continue;
        }
        let digits = t.norm.bytes().any(|b| b.is_ascii_digit());
        // "2SLGBTQIA+" has digits but is a word of the vocabulary, not an identifier.
        if t.hash || (digits && t.norm.len() >= 3 && !is_vocabulary_word(&t.norm)) {
            let last = identifier_end(title, tokens, used, i);
            let text = &title[t.start..tokens[last].end];
            q.codes.push(if t.hash {
                format!("#{text}")
            } else {
                text.to_string()
            });
            used[i..=last].iter_mut().for_each(|u| *u = true);
            i = last + 1;
            continue;
        } else if (is_roman_level(title, t) || (is_number(&t.norm) && t.norm.len() == 1))
            && i >= match_end
            && q.level.is_none()
            && !counts_posts(tokens, i)
        {
            q.level = Some(raw(t).to_string());
            used[i] = true;
        }
        i += 1;
    }
}

/// [`read`] with no word covered: what a title says besides any role's words.
pub(crate) fn read_bare(title: &str, tokens: &[Token], lang: Lang) -> Reading {
    read(title, tokens, &vec![false; tokens.len()], lang)
}

/// Reads the tokens not covered by the match. `covered` marks the tokens of the matched
/// variant; `title` is the (truncated) input the token offsets point into; `lang` is the
/// language of the evidence's reasons.
pub(crate) fn read(title: &str, tokens: &[Token], covered: &[bool], lang: Lang) -> Reading {
    // A title the variant covers whole carries nothing else (the usual case).
    if tokens.iter().zip(covered).all(|(t, c)| *c || t.stop) {
        return Reading::empty();
    }
    let mut q = Qualifiers::default();
    let mut evidence = Vec::new();
    let mut used = covered.to_vec();
    let match_start = covered.iter().position(|c| *c).unwrap_or(tokens.len());
    let match_end = covered.iter().rposition(|c| *c).map_or(0, |i| i + 1);
    let segment = segments(tokens);
    let place = Place {
        match_start,
        match_end,
        match_segment: (match_start < tokens.len()).then(|| segment[match_start]),
        segment: &segment,
    };

    skip_gender_markers(tokens, &mut used);
    skip_restated_acronym(title, tokens, &mut used, match_end);
    read_codes_and_levels(title, tokens, &mut used, &mut q, match_end);
    for hit in find_vocabulary(title, tokens, &mut used, &place) {
        record(&mut q, &hit);
        add_evidence(&mut evidence, &hit, lang);
    }
    read_location(title, tokens, &mut used, &mut q, &place);
    let unplaced: Vec<bool> = (0..tokens.len())
        .map(|i| !used[i] && !tokens[i].stop)
        .collect();
    let unplaced_words = unplaced.iter().filter(|u| **u).count();
    q.other = unplaced_runs(title, tokens, &used);
    Reading {
        qualifiers: q,
        evidence,
        unplaced_words,
        unplaced,
    }
}

/// The words not `covered`, grouped as context for choosing between roles that share a title:
/// each qualifier phrase ("santé mentale", "mental health", "home care") is one group, any other
/// word a group of its own. A phrase points to a role only as a whole, so the "santé" of "santé
/// mentale" never picks a role whose titles say "santé" ("Accompagnateur – santé mentale" stays
/// ambiguous), while "harm reduction" still points to the harm reduction peer worker.
pub(crate) fn context_groups<'t>(
    title: &str,
    tokens: &'t [Token],
    covered: &[bool],
) -> Vec<Vec<&'t str>> {
    let segment = segments(tokens);
    let free: Vec<usize> = (0..tokens.len())
        .filter(|&i| !covered[i] && !tokens[i].stop)
        .collect();
    let mut groups = Vec::new();
    let mut k = 0;
    while k < free.len() {
        let len =
            longest_phrase_at(title, tokens, &free[k..], &segment).map_or(1, |(len, _, _)| len);
        groups.push(
            free[k..k + len]
                .iter()
                .map(|&i| tokens[i].norm.as_str())
                .collect(),
        );
        k += len;
    }
    groups
}

/// The words nothing could place, as runs of neighbouring words ("Ryan White Program"): a run
/// goes on over stop words but not across a separator or a bracket.
fn unplaced_runs(title: &str, tokens: &[Token], used: &[bool]) -> Vec<String> {
    let mut runs = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for (i, token) in tokens.iter().enumerate() {
        let breaks = token.gap == Gap::Hard
            || current.is_some_and(|(_, last)| tokens[last].bracketed != token.bracketed);
        if breaks || (used[i] && !token.stop) {
            runs.extend(current.take());
        }
        if !used[i] && !token.stop {
            current = Some(current.map_or((i, i), |(first, _)| (first, i)));
        }
    }
    runs.extend(current);
    runs.into_iter()
        .map(|(first, last)| title[tokens[first].start..tokens[last].end].to_string())
        .collect()
}

/// "Community Health Volunteer (CHV)": an acronym in brackets right after the role that spells
/// the initials of the words before it restates the title; it is neither a qualifier nor a
/// leftover.
fn skip_restated_acronym(title: &str, tokens: &[Token], used: &mut [bool], match_end: usize) {
    let Some(token) = tokens.get(match_end) else {
        return;
    };
    let raw = &title[token.start..token.end];
    let letters = raw.chars().count();
    if used[match_end]
        || !token.bracketed
        || !(2..=6).contains(&letters)
        || raw.chars().any(|c| !c.is_uppercase())
    {
        return;
    }
    let initials: String = tokens[..match_end]
        .iter()
        .rev()
        .filter(|t| !t.stop)
        .take(letters)
        .filter_map(|t| title[t.start..t.end].chars().next())
        .flat_map(char::to_lowercase)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if initials == raw.to_lowercase() {
        used[match_end] = true;
    }
}

/// Where the matched variant sits in the title.
struct Place<'a> {
    match_start: usize,
    match_end: usize,
    /// The part of the title (between hard separators) the match starts in, if any.
    match_segment: Option<usize>,
    segment: &'a [usize],
}

impl Place<'_> {
    /// Whether token `i` stands before the role in the role's own part of the title.
    fn before_role(&self, i: usize) -> bool {
        i < self.match_start && Some(self.segment[i]) == self.match_segment
    }

    /// Whether token `i` comes after the role.
    fn after_role(&self, i: usize) -> bool {
        self.match_segment.is_some() && i >= self.match_end
    }

    /// Whether token `i` is in a later part of the title than the role.
    fn in_later_part(&self, i: usize) -> bool {
        self.match_segment.is_some_and(|m| self.segment[i] > m)
    }
}

/// One vocabulary phrase found in the title.
struct VocabularyHit {
    code: &'static Code,
    /// The phrase as written in the title.
    raw: String,
    before_role: bool,
    /// In a later part of the title than the role: a team's or service's name.
    team_name: bool,
}

fn find_vocabulary(
    title: &str,
    tokens: &[Token],
    used: &mut [bool],
    place: &Place<'_>,
) -> Vec<VocabularyHit> {
    let vocabulary = vocabulary();
    let free: Vec<usize> = (0..tokens.len())
        .filter(|&i| !used[i] && !tokens[i].stop)
        .collect();
    let mut hits = Vec::new();
    let mut k = 0;
    while k < free.len() {
        let Some((len, code, word)) = longest_phrase_at(title, tokens, &free[k..], place.segment)
        else {
            k += 1;
            continue;
        };
        let first = free[k];
        let last = free[k + len - 1];
        let raw = &title[tokens[first].start..tokens[last].end];
        // "Senior Peer Worker" and "Pair aidant senior" are seniority; "Peer Worker – Seniors"
        // and "Peer Support for Seniors" name older adults.
        let code = if code.code == "senior" && place.after_role(first) && raw.ends_with(['s', 'S'])
        {
            vocabulary.code("older-adults").unwrap_or(code)
        } else {
            code
        };
        let also = word.also.iter().filter_map(|c| vocabulary.code(c));
        for code in std::iter::once(code).chain(also) {
            hits.push(VocabularyHit {
                code,
                raw: raw.to_string(),
                before_role: place.before_role(last),
                team_name: place.in_later_part(first),
            });
        }
        for &i in &free[k..k + len] {
            used[i] = true;
        }
        k += len;
    }
    hits
}

/// The longest vocabulary phrase starting at `free[0]`: neighbouring words (stop words aside)
/// in one part of the title, acronyms written in capitals.
fn longest_phrase_at(
    title: &str,
    tokens: &[Token],
    free: &[usize],
    segment: &[usize],
) -> Option<(usize, &'static Code, &'static Word)> {
    let vocabulary = vocabulary();
    for len in (1..=MAX_PHRASE_WORDS.min(free.len())).rev() {
        let span = &free[..len];
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
        let written = &title[tokens[span[0]].start..tokens[span[len - 1]].end];
        let Some((code, word)) = vocabulary.lookup_written(&key, written) else {
            continue;
        };
        if word.acronym
            && !span
                .iter()
                .all(|&i| written_as_acronym(title, &tokens[i], &word.text))
        {
            continue;
        }
        return Some((len, code, word));
    }
    None
}

/// "ED" is an emergency department, "Ed" a name: a listed acronym counts only in capitals, or
/// written exactly as listed ("RdR").
fn written_as_acronym(title: &str, token: &Token, listed: &str) -> bool {
    let raw = &title[token.start..token.end];
    token.upper || !raw.chars().any(char::is_lowercase) || raw == listed
}

fn record(q: &mut Qualifiers, hit: &VocabularyHit) {
    let code = hit.code.code.as_str();
    match hit.code.category {
        Category::Seniority => {
            q.seniority.get_or_insert(code);
        }
        Category::Employment => {
            push_unique(&mut q.employment, code);
        }
        Category::Credential => q.credential.push(hit.raw.clone()),
        Category::Domain => {
            push_unique(&mut q.domains, code);
        }
        Category::Population => {
            push_unique(&mut q.populations, code);
        }
        Category::Setting => {
            push_unique(&mut q.settings, code);
        }
        Category::Cue => {}
    }
}

fn add_evidence(evidence: &mut Vec<Evidence>, hit: &VocabularyHit, lang: Lang) {
    for rule in &hit.code.rules {
        let applies = match rule.when {
            When::Always => true,
            When::BeforeRole => hit.before_role,
            When::TeamName => hit.team_name,
        };
        if !applies {
            continue;
        }
        let duplicate = evidence
            .iter()
            .any(|e| e.dimension == rule.dimension && e.value == rule.value && e.word == hit.raw);
        if !duplicate {
            evidence.push(Evidence {
                dimension: rule.dimension,
                value: rule.value,
                word: hit.raw.clone(),
                reason: match lang {
                    Lang::En => rule.reason_en.as_str(),
                    Lang::Fr => rule.reason_fr.as_str(),
                },
            });
        }
    }
}

/// A trailing part of the title after the role ("…, Montréal", "– Hôpital Notre-Dame"), or the
/// words after "at" or "à" ("Peer Educator at Toronto Western Hospital"), is read as a place
/// when the vocabulary knows none of its words except setting and place words. A programme's
/// name ("Ryan White Program") is not a place and stays unplaced.
fn read_location(
    title: &str,
    tokens: &[Token],
    used: &mut [bool],
    q: &mut Qualifiers,
    place: &Place<'_>,
) {
    let Some(members) = trailing_part(tokens, place)
        .filter(|m| is_place(tokens, used, m))
        .or_else(|| after_preposition(tokens, used, place).filter(|m| is_place(tokens, used, m)))
    else {
        return;
    };
    let (first, end) = (members[0], members[members.len() - 1]);
    q.location = Some(title[tokens[first].start..tokens[end].end].to_string());
    for &i in &members {
        used[i] = true;
    }
}

/// Words that name a programme or a team rather than a place.
const NOT_PLACE_WORDS: &[&str] = &[
    "program",
    "programme",
    "project",
    "projet",
    "initiative",
    "team",
    "equipe",
    "unit",
    "unite",
    "service",
];

/// Prepositions that introduce a place after the role.
const PLACE_PREPOSITIONS: &[&str] = &["at", "a", "au", "aux"];

/// The last part of the title (outside brackets), if it comes after the role's part.
fn trailing_part(tokens: &[Token], place: &Place<'_>) -> Option<Vec<usize>> {
    let last = tokens.iter().rposition(|t| !t.bracketed)?;
    if !place.in_later_part(last) {
        return None;
    }
    let seg = place.segment[last];
    Some(
        (0..tokens.len())
            .filter(|&i| place.segment[i] == seg && !tokens[i].bracketed)
            .collect(),
    )
}

/// The words after a free "at" or "à" that follows the role, to the end of that part.
fn after_preposition(tokens: &[Token], used: &[bool], place: &Place<'_>) -> Option<Vec<usize>> {
    let at = (place.match_end..tokens.len()).find(|&i| {
        !used[i]
            && tokens[i].stop
            && !tokens[i].bracketed
            && PLACE_PREPOSITIONS.contains(&tokens[i].norm.as_str())
    })?;
    let seg = place.segment[at];
    let members: Vec<usize> = (at + 1..tokens.len())
        .take_while(|&i| place.segment[i] == seg && !tokens[i].bracketed)
        .collect();
    (!members.is_empty()).then_some(members)
}

/// Whether these words can be a place: at least one word the vocabulary does not know, none it
/// knows except setting and place words, and no programme word.
fn is_place(tokens: &[Token], used: &[bool], members: &[usize]) -> bool {
    let unknown = members
        .iter()
        .filter(|&&i| !used[i] && !tokens[i].stop)
        .count();
    let only_place_words_known = members.iter().all(|&i| {
        !used[i]
            || tokens[i].stop
            || vocabulary()
                .lookup(&tokens[i].norm)
                .is_some_and(|(code, _)| matches!(code.category, Category::Setting | Category::Cue))
    });
    let programme = members
        .iter()
        .any(|&i| NOT_PLACE_WORDS.contains(&tokens[i].norm.as_str()));
    unknown > 0 && only_place_words_known && !programme
}

/// Pushes `code` unless the list holds it; whether it was pushed.
fn push_unique(list: &mut Vec<&'static str>, code: &'static str) -> bool {
    let new = !list.contains(&code);
    if new {
        list.push(code);
    }
    new
}

/// The English or French label of a qualifier code (`hospital` → "hôpital").
pub fn label(code: &str, lang: Lang) -> Option<&'static str> {
    let code = vocabulary().code(code)?;
    Some(match lang {
        Lang::En => code.label_en.as_str(),
        Lang::Fr => code.label_fr.as_str(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `key=code` qualifiers the words of a lexicon variant say, read as if nothing
    /// matched them.
    fn said_by(variant: &crate::Variant) -> Vec<String> {
        let tokens = crate::normalize::tokenize(variant.text());
        let reading = read(
            variant.text(),
            &tokens,
            &vec![false; tokens.len()],
            variant.lang(),
        );
        let q = reading.qualifiers;
        let mut said: Vec<String> = q
            .seniority()
            .iter()
            .map(|c| format!("seniority={c}"))
            .collect();
        let coded = [
            ("employment", q.employment()),
            ("domains", q.domains()),
            ("populations", q.populations()),
            ("settings", q.settings()),
        ];
        for (key, codes) in coded {
            said.extend(codes.iter().map(|c| format!("{key}={c}")));
        }
        for word in q.credential() {
            if let Ok((key, code)) =
                crate::data::vocabulary::implication(&format!("credential={word}"))
            {
                said.push(format!("{key}={code}"));
            }
        }
        said
    }

    /// Every qualifier the words of an entry's variants say is declared by the entry: implied
    /// by the role (`implies`), by that variant (`variants[i].implies`), or said only as part
    /// of the entry's name (`not_implied`). A word the role absorbs never vanishes unnoticed.
    #[test]
    fn every_qualifier_a_variant_says_is_declared_by_its_entry() {
        let mut missing = Vec::new();
        for role in crate::Lexicon::embedded().roles() {
            for variant in role.variants().iter().filter(|v| !v.is_acronym()) {
                for said in said_by(variant) {
                    let declared = role.implies().contains(&said)
                        || variant.implies().contains(&said)
                        || role.not_implied().contains(&said);
                    if !declared {
                        missing.push(format!("{}: \"{}\" says {said}", role.id(), variant.text()));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "declare each in the entry's implies, the variant's implies or not_implied:\n{}",
            missing.join("\n")
        );
    }

    /// What an entry declares, its variants' words say, or every title of it means: no
    /// implication is declared twice or both implied and not.
    #[test]
    fn implications_are_declared_once() {
        for role in crate::Lexicon::embedded().roles() {
            for variant in role.variants() {
                for pair in variant.implies() {
                    assert!(
                        !role.implies().contains(pair),
                        "{}: {pair} is the role's already",
                        role.id()
                    );
                    assert!(
                        !role.not_implied().contains(pair),
                        "{}: {pair} is both implied and not",
                        role.id()
                    );
                }
            }
            for pair in role.implies() {
                assert!(
                    !role.not_implied().contains(pair),
                    "{}: {pair} is both implied and not",
                    role.id()
                );
            }
        }
    }
    use crate::normalize::tokenize;

    /// Reads `title` as if the words of `role` (a contiguous run) were the matched variant.
    fn read_with(title: &str, role: &str) -> Qualifiers {
        reading_with(title, role).qualifiers
    }

    fn reading_with(title: &str, role: &str) -> Reading {
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
        read(title, &tokens, &covered, Lang::En)
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
        let reading = reading_with(
            "Certified Peer Specialist REQ-118 #4471, Toronto",
            "peer specialist",
        );
        let q = &reading.qualifiers;
        assert_eq!(q.credential(), ["Certified"]);
        assert_eq!(q.codes(), ["REQ-118", "#4471"]);
        assert_eq!(q.location(), Some("Toronto"));
        let e = &reading.evidence;
        assert_eq!(e[0].dimension(), Dimension::Status);
        assert_eq!(e[0].value(), "training-certification");
        assert_eq!(e[0].word(), "Certified");
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
    fn a_population_before_the_role_is_identity_evidence_after_it_is_not() {
        let before = reading_with("Indigenous Peer Support Worker", "peer support worker");
        assert_eq!(before.qualifiers.populations(), ["indigenous"]);
        assert_eq!(before.evidence.len(), 1);
        assert_eq!(before.evidence[0].value(), "social-identity");
        assert_eq!(before.evidence[0].word(), "Indigenous");
        let after = reading_with(
            "Peer Support Worker – Indigenous Health",
            "peer support worker",
        );
        assert_eq!(after.qualifiers.populations(), ["indigenous"]);
        assert!(after.evidence.is_empty());
    }

    #[test]
    fn a_setting_says_where_and_only_a_team_name_who_employs() {
        // In the role's own part of the title: where the support is offered, nothing more.
        let e = reading_with("Peer Worker in the Emergency Department", "peer worker").evidence;
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].dimension(), Dimension::Spaces);
        assert_eq!(e[0].value(), "institution");
        assert_eq!(e[0].word(), "Emergency Department");
        // After a comma, dash or bracket it names the post's team: a clinical organization.
        for title in [
            "Peer Worker, Emergency Department",
            "Peer Worker – Hospital Emergency",
            "Peer Worker (Maple Ward)",
        ] {
            let e = reading_with(title, "peer worker").evidence;
            let found: Vec<(Dimension, &str)> =
                e.iter().map(|e| (e.dimension(), e.value())).collect();
            assert!(
                found.contains(&(Dimension::Spaces, "institution")),
                "{title}: {found:?}"
            );
            assert!(
                found.contains(&(Dimension::Affiliations, "clinical-organization")),
                "{title}: {found:?}"
            );
        }
    }

    #[test]
    fn a_team_name_says_its_domains_and_setting() {
        let q = read_with(
            "Peer Support Worker – Forensic ACT Team",
            "peer support worker",
        );
        assert_eq!(q.domains(), ["mental-health", "justice"]);
        assert_eq!(q.settings(), ["community"]);
        assert!(q.other().is_empty(), "{q:?}");
        let q = read_with("Pair aidant – Aire ouverte", "pair aidant");
        assert_eq!(
            (q.populations(), q.domains()),
            (&["youth"][..], &["mental-health"][..])
        );
        assert_eq!(q.location(), None);
        let q = read_with(
            "Pair aidant – équipe de suivi intensif dans le milieu",
            "pair aidant",
        );
        assert_eq!(
            (q.domains(), q.settings()),
            (&["mental-health"][..], &["community"][..])
        );
    }

    #[test]
    fn volunteer_is_no_evidence_of_informality() {
        let reading = reading_with("Peer Mentor (volunteer)", "peer mentor");
        assert_eq!(reading.qualifiers.employment(), ["volunteer"]);
        assert!(reading.evidence.is_empty());
    }

    #[test]
    fn cues_are_evidence_not_leftovers() {
        let reading = reading_with("Pair aidant – groupe d'entraide de quartier", "pair aidant");
        assert!(
            reading.qualifiers.other().is_empty(),
            "{:?}",
            reading.qualifiers
        );
        let values: Vec<&str> = reading.evidence.iter().map(Evidence::value).collect();
        assert_eq!(values, ["informal", "geographic-community"]);
    }

    #[test]
    fn acronyms_count_only_in_capitals() {
        assert_eq!(
            read_with("Peer Worker ED", "peer worker").settings(),
            ["emergency", "hospital"]
        );
        assert_eq!(read_with("Peer Worker Ed", "peer worker").other(), ["Ed"]);
        assert_eq!(
            read_with("Pair aidant RdR", "pair aidant").domains(),
            ["harm-reduction"]
        );
    }

    #[test]
    fn every_code_has_both_labels() {
        for code in &vocabulary().codes {
            assert!(label(&code.code, Lang::En).is_some(), "{}", code.code);
            assert!(label(&code.code, Lang::Fr).is_some(), "{}", code.code);
        }
        assert_eq!(
            label("harm-reduction", Lang::Fr),
            Some("réduction des méfaits")
        );
    }
}
