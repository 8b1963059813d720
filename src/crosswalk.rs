//! The configurable crosswalk: a lexicon, its index, and the settings that shape answers.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use once_cell::sync::Lazy;

use crate::answer::{Answer, Candidate, Verdict};
use crate::background::{Background, Span, OCCUPATION_SOURCES};
use crate::composition::{self, Composed};
use crate::index::{FastMap, Hit, Index, Method};
use crate::lexicon::{Kind, Lexicon, LexiconErrors, Region, Role};
use crate::model::Tradition;
use crate::model::{Lang, Profile};
use crate::normalize::{self, Token, MAX_TITLE_CHARS};
use crate::open_world;
use crate::qualifiers::{self, Qualifiers, Reading};

/// The default confidence below which a match is reported as `unknown`.
pub const DEFAULT_THRESHOLD: f64 = 0.75;

/// How much each word the title carries but nothing could place lowers the score.
const UNPLACED_WORD_PENALTY: f64 = 0.04;
/// The most the unplaced words can take away.
const MAX_UNPLACED_PENALTY: f64 = 0.15;
/// Unverified variants count for a little less.
const UNVERIFIED_FACTOR: f64 = 0.95;
/// A shared title resolved by its context words or a region hint rather than by a variant.
const TIE_BROKEN_FACTOR: f64 = 0.9;
/// A narrower role whose variant's words are all in the title but not side by side.
const SCATTERED_FACTOR: f64 = 0.95;
/// A title read from a peer marker and a helping head with a role of its own…
const COMPOSED_SCORE: f64 = 0.9;
/// …and from a head with none (the family's generic role).
const COMPOSED_GENERIC_SCORE: f64 = 0.8;
/// The most a background occupation's answer scores: what the background explains is a
/// classification's title, never a curated entry.
const OCCUPATION_CEILING: f64 = 0.95;
/// …and the nearest background title with the same head, where none holds the title's words.
const NEAREST_OCCUPATION_CEILING: f64 = 0.8;

/// A lexicon with its index, shared between crosswalks built from it.
#[derive(Debug)]
struct Engine {
    lexicon: Lexicon,
    index: Index,
    /// For each role (by position), the roles narrower than it at any depth, by position.
    narrower: Vec<Vec<usize>>,
    /// For each role (by position), its entries in the index.
    entries_of: Vec<Vec<u32>>,
    /// For each role (by position), the strings its answers share.
    shared: Vec<SharedRole>,
    /// For each entry, its variant's text as written.
    texts: Vec<Arc<str>>,
    /// Role positions by id, for the roles the composition families name.
    role_at: HashMap<String, usize>,
    version: Arc<str>,
    no_lineage: Arc<[String]>,
    no_traditions: Arc<[Tradition]>,
    no_candidates: Arc<[Candidate]>,
    no_text: Arc<str>,
    /// "No lexicon variant covers this title.", in English and French.
    unknown: [Arc<str>; 2],
}

/// What every answer naming a role repeats, built once.
#[derive(Debug)]
struct SharedRole {
    id: Arc<str>,
    lineage: Arc<[String]>,
    labels: [Arc<str>; 2],
    traditions: Arc<[Tradition]>,
    reasons: Option<[Arc<str>; 2]>,
}

impl SharedRole {
    fn new(lexicon: &Lexicon, role: &Role) -> SharedRole {
        let both = |f: &dyn Fn(Lang) -> String| [Arc::from(f(Lang::En)), Arc::from(f(Lang::Fr))];
        SharedRole {
            id: Arc::from(role.id()),
            lineage: lexicon
                .lineage(role.id())
                .into_iter()
                .map(str::to_string)
                .collect(),
            labels: both(&|lang| role.label(lang).to_string()),
            traditions: Arc::from(role.traditions()),
            reasons: role
                .reason(Lang::En)
                .is_some()
                .then(|| both(&|lang| role.reason(lang).unwrap_or_default().to_string())),
        }
    }
}

/// The explanation of an answer to a title cut at [`MAX_TITLE_CHARS`], saying so.
fn truncation_note(explanation: &str, lang: Lang) -> String {
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

fn lang_at(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Fr => 1,
    }
}

impl Engine {
    fn new(lexicon: Lexicon) -> Engine {
        let index = Index::build(&lexicon);
        let at: HashMap<&str, usize> = lexicon
            .roles()
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id(), i))
            .collect();
        let mut narrower = vec![Vec::new(); lexicon.roles().len()];
        for (i, role) in lexicon.roles().iter().enumerate() {
            for ancestor in lexicon.lineage(role.id()).into_iter().skip(1) {
                if let Some(&a) = at.get(ancestor) {
                    narrower[a].push(i);
                }
            }
        }
        let mut entries_of = vec![Vec::new(); lexicon.roles().len()];
        for (e, entry) in index.entries.iter().enumerate() {
            entries_of[entry.role].push(e as u32);
        }
        let shared = lexicon
            .roles()
            .iter()
            .map(|role| SharedRole::new(&lexicon, role))
            .collect();
        let texts = index
            .entries
            .iter()
            .map(|e| Arc::from(lexicon.roles()[e.role].variants()[e.variant].text()))
            .collect();
        let role_at = at.iter().map(|(id, &i)| (id.to_string(), i)).collect();
        Engine {
            role_at,
            version: Arc::from(lexicon.version()),
            lexicon,
            index,
            narrower,
            entries_of,
            shared,
            texts,
            no_lineage: Arc::from(Vec::new()),
            no_traditions: Arc::from(Vec::new()),
            no_candidates: Arc::from(Vec::new()),
            no_text: Arc::from(""),
            unknown: [
                Arc::from("No lexicon variant covers this title."),
                Arc::from("Aucune variante du lexique ne couvre ce titre."),
            ],
        }
    }
}

static EMBEDDED_ENGINE: Lazy<Arc<Engine>> =
    Lazy::new(|| Arc::new(Engine::new(Lexicon::embedded().clone())));

static DEFAULT: Lazy<Crosswalk> = Lazy::new(Crosswalk::new);

/// Codes one title with the embedded lexicon and default settings.
///
/// ```
/// let answer = peermap::classify("Paire aidante – santé mentale (temps partiel)");
/// assert_eq!(answer.verdict(), peermap::Verdict::PeerRole);
/// assert_eq!(answer.role(), Some("peer-support-worker"));
/// assert_eq!(answer.qualifiers().employment(), ["part-time"]);
/// ```
pub fn classify(title: &str) -> Answer {
    DEFAULT.classify(title)
}

/// An error building a [`Crosswalk`].
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    Lexicon(LexiconErrors),
    Threshold(f64),
    Region(String),
    Classification(String),
    EmptyLexicon,
}

impl Error {
    /// The lexicon problems, if that is what went wrong.
    pub fn lexicon_errors(&self) -> Option<&LexiconErrors> {
        match &self.kind {
            ErrorKind::Lexicon(e) => Some(e),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Lexicon(e) => write!(f, "invalid lexicon:\n{e}"),
            ErrorKind::Threshold(t) => write!(f, "threshold {t} is not in [0, 1]"),
            ErrorKind::Region(r) => {
                write!(
                    f,
                    "region \"{r}\" is not an ISO 3166 code such as CA, GB or CA-ON"
                )
            }
            ErrorKind::Classification(name) => write!(
                f,
                "\"{name}\" is not a classification of the background vocabulary (expected one of: {})",
                OCCUPATION_SOURCES.join(", ")
            ),
            ErrorKind::EmptyLexicon => {
                write!(f, "no lexicon: the default was dropped and none was given")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Lexicon(e) => Some(e),
            _ => None,
        }
    }
}

impl From<LexiconErrors> for Error {
    fn from(e: LexiconErrors) -> Self {
        Error {
            kind: ErrorKind::Lexicon(e),
        }
    }
}

/// Configures a [`Crosswalk`].
#[derive(Debug, Clone)]
pub struct CrosswalkBuilder {
    threshold: f64,
    region: Option<String>,
    lang: Lang,
    extra: Vec<Lexicon>,
    default_lexicon: bool,
    closed_world: bool,
    left_out: Vec<String>,
}

impl Default for CrosswalkBuilder {
    fn default() -> Self {
        CrosswalkBuilder {
            threshold: DEFAULT_THRESHOLD,
            region: None,
            lang: Lang::En,
            extra: Vec::new(),
            default_lexicon: true,
            closed_world: false,
            left_out: Vec::new(),
        }
    }
}

impl CrosswalkBuilder {
    /// The confidence below which a match is reported as `unknown` (default 0.75).
    pub fn threshold(&mut self, threshold: f64) -> &mut Self {
        self.threshold = threshold;
        self
    }

    /// A region hint (`GB`, `CA-ON`…) that resolves listed collisions such as PSW. It only
    /// breaks ties between entries sharing a title; it never hides a role.
    pub fn region(&mut self, region: &str) -> &mut Self {
        self.region = Some(region.to_string());
        self
    }

    /// The language of labels, reasons and explanations (default English).
    pub fn language(&mut self, lang: Lang) -> &mut Self {
        self.lang = lang;
        self
    }

    /// Adds a user lexicon; its entries extend the default, and replace entries with the same id.
    pub fn lexicon(&mut self, lexicon: Lexicon) -> &mut Self {
        self.extra.push(lexicon);
        self
    }

    /// Codes in a closed world (default `false`): without the background vocabulary of other
    /// occupations, a title is a peer role, a look-alike, ambiguous or unknown, as in peermap
    /// 0.2; spelling correction may then turn a real word of another job into a lexicon word.
    pub fn closed_world(&mut self, closed: bool) -> &mut Self {
        self.closed_world = closed;
        self
    }

    /// Leaves one classification out of the background vocabulary (`onet`, `esco`, `noc` or
    /// `rome`; see [`crate::OCCUPATION_SOURCES`]): to measure the open world on titles it has
    /// never seen, as the held-out tests do.
    pub fn leave_out_occupations(&mut self, classification: &str) -> &mut Self {
        self.left_out.push(classification.to_string());
        self
    }

    /// Drops the embedded lexicon: only the user lexicons given are used.
    pub fn no_default_lexicon(&mut self) -> &mut Self {
        self.default_lexicon = false;
        self
    }

    /// Builds the crosswalk, validating the settings and the combined lexicon.
    pub fn build(&self) -> Result<Crosswalk, Error> {
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(Error {
                kind: ErrorKind::Threshold(self.threshold),
            });
        }
        let region = match &self.region {
            Some(code) => Some(Region::parse(code).ok_or_else(|| Error {
                kind: ErrorKind::Region(code.clone()),
            })?),
            None => None,
        };
        let mut excluded = 0u8;
        for name in &self.left_out {
            let Some(bit) = OCCUPATION_SOURCES.iter().position(|s| s == name) else {
                return Err(Error {
                    kind: ErrorKind::Classification(name.clone()),
                });
            };
            excluded |= 1 << bit;
        }
        let engine = self.engine()?;
        let mut crosswalk = Crosswalk {
            engine,
            threshold: self.threshold,
            region,
            lang: self.lang,
            background: (!self.closed_world).then(|| Background::without(excluded)),
            table: Arc::default(),
        };
        crosswalk.table = Arc::new(crosswalk.build_table());
        Ok(crosswalk)
    }

    fn engine(&self) -> Result<Arc<Engine>, Error> {
        let mut extra = self.extra.iter();
        let mut lexicon = match (self.default_lexicon, extra.next()) {
            (true, None) => return Ok(Arc::clone(&EMBEDDED_ENGINE)),
            (true, Some(first)) => Lexicon::embedded().extended(first)?,
            (false, Some(first)) => first.checked_alone()?,
            (false, None) => {
                return Err(Error {
                    kind: ErrorKind::EmptyLexicon,
                })
            }
        };
        for more in extra {
            lexicon = lexicon.extended(more)?;
        }
        Ok(Arc::new(Engine::new(lexicon)))
    }
}

/// Codes titles against a lexicon, with a threshold, a region hint and a label language.
///
/// Cheap to clone; `Send + Sync`, so one crosswalk can serve many threads.
#[derive(Debug, Clone)]
pub struct Crosswalk {
    engine: Arc<Engine>,
    threshold: f64,
    region: Option<Region>,
    lang: Lang,
    /// The other occupations' titles; `None` in a closed world.
    background: Option<Background>,
    /// Answers to titles that are one variant's words and nothing else (see `Table`).
    table: Arc<Table>,
}

/// The answers to titles made of exactly one lexicon variant's words, computed once per
/// crosswalk by the same code that codes any title (`answer_for_hit`), so that a title the
/// lexicon knows costs about a normalized hash lookup. Keyed by the variant's folded key;
/// each holds the first entry (to tell an exact hit) and the answers as a normalized and as an
/// exact hit. Acronyms are left out: their answers depend on capitals.
#[derive(Debug, Default)]
struct Table {
    answers: FastMap<String, TableEntry>,
}

#[derive(Debug)]
struct TableEntry {
    /// The key's first entry, to tell an exact hit.
    first: u32,
    /// An acronym: answered from the table only when written in capitals.
    acronym: bool,
    /// As a normalized hit, as an exact hit.
    answers: [Answer; 2],
}

impl Default for Crosswalk {
    fn default() -> Self {
        Crosswalk::new()
    }
}

impl Crosswalk {
    /// The embedded lexicon with default settings.
    pub fn new() -> Crosswalk {
        CrosswalkBuilder::default()
            .build()
            .expect("the default settings are valid")
    }

    /// A builder to configure threshold, region, language and lexicons.
    pub fn builder() -> CrosswalkBuilder {
        CrosswalkBuilder::default()
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.engine.lexicon
    }

    /// The language of labels and explanations.
    pub fn language(&self) -> Lang {
        self.lang
    }

    /// Codes one title.
    pub fn classify(&self, title: &str) -> Answer {
        let (title, truncated) = normalize::truncate(title);
        let tokens = normalize::tokenize(title);
        let mut answer = self
            .answer_from_table(title, &tokens)
            .unwrap_or_else(|| self.classify_tokens(title, &tokens));
        if truncated {
            answer.truncated = true;
            answer.explanation = truncation_note(&answer.explanation, self.lang).into();
        }
        answer
    }

    /// The table's answer when the title is exactly one variant's words.
    fn answer_from_table(&self, title: &str, tokens: &[Token]) -> Option<Answer> {
        thread_local! {
            // The key of the title being coded, built in one reused buffer.
            static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        let entry = KEY.with_borrow_mut(|key| {
            normalize::write_key(tokens, key);
            self.table.answers.get(key.as_str())
        })?;
        // The same tests as the whole path's: the words do not cross a part of the title, and
        // an acronym is written in capitals.
        let first = tokens.iter().position(|t| !t.stop)?;
        let last = tokens.iter().rposition(|t| !t.stop)?;
        if !crate::index::holds_together(tokens, &[first, last])
            || (entry.acronym && !tokens.iter().all(|t| t.stop || t.upper))
        {
            return None;
        }
        let exact = !entry.acronym && self.engine.index.is_exact(title, entry.first);
        let mut answer = entry.answers[usize::from(exact)].clone();
        answer.input = title.to_string();
        Some(answer)
    }

    fn build_table(&self) -> Table {
        let index = &self.engine.index;
        let mut table = FastMap::default();
        for (key, entries, acronym) in index.whole_keys() {
            let words = key.split(' ').count();
            let answer = |method: Method| {
                let hit = index.whole_hit(entries, words, method);
                let (chosen, resolution) = self.resolve(entries, &[]);
                let reading = qualifiers::Reading::empty();
                self.answer_for_hit("", &[], &hit, chosen, resolution, reading)
            };
            let answers = if acronym {
                [answer(Method::Abbreviation), answer(Method::Abbreviation)]
            } else {
                [answer(Method::Normalized), answer(Method::Exact)]
            };
            table.insert(
                key.to_string(),
                TableEntry {
                    first: entries[0],
                    acronym,
                    answers,
                },
            );
        }
        Table { answers: table }
    }

    /// Codes a title's tokens by the whole path: find (the lexicon, then the composition
    /// families), resolve, narrow, read, answer; then weigh the answer against the other
    /// occupations' titles.
    fn classify_tokens(&self, title: &str, tokens: &[Token]) -> Answer {
        let background = self.background.as_ref();
        // Found once: the weighing and the naming both look at them.
        let spans = background.map_or_else(Vec::new, |b| b.spans(tokens));
        let known = |word: &str| background.is_some_and(|b| b.knows_word(word));
        let lexical = self
            .engine
            .index
            .find(title, tokens, &known)
            .map(|hit| self.lexicon_answer(title, tokens, hit));
        let composed = self.composed_answer(title, tokens);
        let chosen = match (lexical, composed) {
            (Some(lexical), Some(composed)) if composed.explains_more_than(&lexical) => composed,
            (Some(lexical), _) => lexical,
            (None, Some(composed)) => composed,
            (None, None) => {
                return match self.named_by_head(title, tokens, &spans) {
                    Some((span, nearest)) => {
                        self.occupation_answer(title, tokens, span, None, nearest)
                    }
                    None => {
                        let reading =
                            qualifiers::read(title, tokens, &vec![false; tokens.len()], self.lang);
                        self.unknown(title, reading)
                    }
                };
            }
        };
        match background {
            Some(background) => self.weigh_background(title, tokens, chosen, background, &spans),
            None => chosen.answer,
        }
    }

    /// The lexicon's answer for its hit, with what it covered and left unplaced.
    fn lexicon_answer(&self, title: &str, tokens: &[Token], hit: Hit) -> Reckoned {
        // Context only matters when several roles share the matched title.
        let index = &self.engine.index;
        let role_of = |e: &u32| index.entries[*e as usize].role;
        let shared = hit
            .entries
            .iter()
            .any(|e| role_of(e) != role_of(&hit.entries[0]));
        let context = if shared {
            qualifiers::context_groups(title, tokens, &hit.covered)
        } else {
            Vec::new()
        };
        let (mut chosen, mut resolution) = self.resolve(&hit.entries, &context);
        // Words that decided between shared entries belong to the role, not to the
        // qualifiers.
        let mut covered = hit.covered.clone();
        if let Resolution::Context(cues) = &resolution {
            for (token, covered) in tokens.iter().zip(covered.iter_mut()) {
                *covered |= cues
                    .iter()
                    .any(|cue| cue.split(' ').any(|w| w == token.norm));
            }
        }
        if let Some((narrower, words)) = self.narrower_in_title(&chosen, &hit, tokens) {
            for (token, covered) in tokens.iter().zip(covered.iter_mut()) {
                *covered |= !token.stop && words.contains(&token.norm);
            }
            chosen = vec![narrower];
            resolution = Resolution::Narrower;
        }
        let reading = qualifiers::read(title, tokens, &covered, self.lang);
        let unplaced = reading.unplaced.clone();
        let answer = self.answer_for_hit(title, tokens, &hit, chosen, resolution, reading);
        let mut reckoned = Reckoned::new(answer, hit.covered, covered, unplaced, tokens);
        reckoned.shared = shared;
        reckoned
    }

    /// The answer for a peer marker beside a helping head, if the title has one whose role
    /// the lexicon holds.
    fn composed_answer(&self, title: &str, tokens: &[Token]) -> Option<Reckoned> {
        let found = composition::EMBEDDED.compose(tokens, self.region.as_ref())?;
        let role_at = *self.engine.role_at.get(found.role)?;
        let entry = *self.engine.entries_of[role_at].first()?;
        let hit = Hit {
            entries: vec![entry],
            covered: found.covered.clone(),
            method: Method::Composed,
            score: if found.generic {
                COMPOSED_GENERIC_SCORE
            } else {
                COMPOSED_SCORE
            },
        };
        let reading = qualifiers::read(title, tokens, &found.covered, self.lang);
        let unplaced = reading.unplaced.clone();
        let mut answer =
            self.answer_for_hit(title, tokens, &hit, vec![entry], Resolution::Title, reading);
        if found.unverified {
            answer.score = round(answer.score * UNVERIFIED_FACTOR);
        }
        let matched: String = tokens
            .iter()
            .zip(&found.covered)
            .filter(|(_, c)| **c)
            .map(|(t, _)| &title[t.start..t.end])
            .collect::<Vec<_>>()
            .join(" ");
        answer.matched = Some(Arc::from(matched.as_str()));
        answer.lang = Some(found.lang);
        if answer.verdict == Verdict::PeerRole {
            answer.explanation = self.explain_composed(&answer, &found).into();
        }
        Some(Reckoned::new(
            answer,
            found.covered.clone(),
            found.covered,
            unplaced,
            tokens,
        ))
    }

    /// Weighs an answer against the other occupations' titles: a background title that covers
    /// more of the title than the answer's match names the title's occupation; words of other
    /// occupations beside the match block a commit. A curated look-alike keeps its place.
    fn weigh_background(
        &self,
        title: &str,
        tokens: &[Token],
        chosen: Reckoned,
        background: &Background,
        spans: &[Span],
    ) -> Answer {
        let verdict = chosen.answer.verdict;
        if verdict == Verdict::NotPeer && chosen.answer.role.is_some() {
            return chosen.answer; // a curated look-alike
        }
        let span = crate::background::longest(spans);
        if let Some(span) = span.filter(|s| chosen.explained_better_by(s, tokens)) {
            return self.occupation_answer(title, tokens, span, Some(&chosen.answer), false);
        }
        if !matches!(verdict, Verdict::PeerRole | Verdict::Ambiguous) {
            // The lexicon came close but could not decide: the background may still say
            // what the job is, unless all it names is part of the lexicon's own match ("agent"
            // inside "health agent", which wants a cue, not another occupation).
            return match self
                .named_by_head(title, tokens, spans)
                .filter(|(span, _)| !chosen.holds(span, tokens))
            {
                Some((span, nearest)) => {
                    self.occupation_answer(title, tokens, span, Some(&chosen.answer), nearest)
                }
                None => chosen.answer,
            };
        }
        let lang = chosen.answer.lang.unwrap_or(self.lang);
        // A head shared by several entries, chosen by the title's other words or undecided,
        // must have no word of another job in its phrase.
        let blockers = if verdict == Verdict::Ambiguous || chosen.shared {
            open_world::words_of_other_jobs(tokens, &chosen.variant, &chosen.covered, background)
        } else {
            open_world::blocking_words(tokens, &chosen.covered, &chosen.unplaced, lang, background)
        };
        if blockers.is_empty() {
            return chosen.answer;
        }
        if let Some(span) = span.filter(|s| blockers.iter().any(|&i| s.covers(i))) {
            return self.occupation_answer(title, tokens, span, Some(&chosen.answer), false);
        }
        self.blocked(title, chosen.answer, &blockers, tokens)
    }

    /// The background title that names what the job is: the longest that holds the head of
    /// its part of the title — the last word that the qualifiers do not place in English, the
    /// first in French — so that it names the job, not what it works on ("Radiator" alone
    /// does not make a radiator mechanic). "Banquet Bartender" is named by "Bartender".
    /// Failing that, the longest that holds most of its part's words.
    fn named_by_head(&self, title: &str, tokens: &[Token], spans: &[Span]) -> Option<(Span, bool)> {
        let background = self.background.as_ref()?;
        let reading = qualifiers::read(title, tokens, &vec![false; tokens.len()], self.lang);
        let unplaced = |i: usize| reading.unplaced.get(i).copied().unwrap_or(false);
        let mut best: Option<Span> = None;
        let mut most: Option<Span> = None;
        for &span in spans {
            // A span of qualifiers only ("CPS", a credential) names no job, nor does one of
            // peer words only ("pair", which ESCO's "au pair" leaves as a key).
            let words = || (span.first..=span.last).filter(|&i| !tokens[i].stop);
            if !words().any(unplaced) || words().all(|i| open_world::is_cue(&tokens[i])) {
                continue;
            }
            let part = open_world::part_around(tokens, span.first, span.last);
            let words: Vec<usize> = part.filter(|&i| unplaced(i) || span.covers(i)).collect();
            let head = match background.lang_of(span.title) {
                Lang::En => words.iter().next_back(),
                Lang::Fr => words.first(),
            };
            if head.is_some_and(|&i| span.covers(i)) && best.map_or(true, |b| span.words > b.words)
            {
                best = Some(span);
            }
            // Failing the head, a title that holds most of what its part says.
            if span.words * 2 > words.len() && most.map_or(true, |m| span.words > m.words) {
                most = Some(span);
            }
        }
        best.or(most)
            .map(|span| (span, false))
            .or_else(|| self.nearest_french_title(tokens, &reading.unplaced))
    }

    /// A French title the background does not hold as written ("Agente de l'environnement",
    /// "Analyste en statistique"): the background title with the same head (its first word)
    /// that shares most of its other words. Told by its prepositions; English titles put the
    /// head last, where sorted keys cannot find it.
    fn nearest_french_title(&self, tokens: &[Token], unplaced: &[bool]) -> Option<(Span, bool)> {
        let background = self.background.as_ref()?;
        let french = tokens.iter().any(|t| {
            t.stop
                && matches!(
                    t.norm.as_str(),
                    "de" | "du" | "des" | "d" | "l" | "la" | "le" | "aux" | "au" | "en"
                )
        });
        let head = (0..tokens.len()).find(|&i| unplaced.get(i).copied().unwrap_or(false))?;
        if !french {
            return None;
        }
        let mut part = open_world::part_around(tokens, head, head);
        let words: Vec<&str> = part
            .clone()
            .filter(|&i| i != head && unplaced.get(i).copied().unwrap_or(false))
            .map(|i| tokens[i].norm.as_str())
            .collect();
        let (title, shared) = background.nearest_with_head(&tokens[head].norm, &words)?;
        let last = part
            .rfind(|&i| i > head && words.contains(&tokens[i].norm.as_str()))
            .unwrap_or(head);
        let span = Span {
            first: head,
            last,
            words: shared + 1,
            title,
        };
        Some((span, true))
    }

    /// `not_peer` because the title is a background occupation's (`span`); the candidates of
    /// the lexicon's answer, if any, are kept for the record.
    fn occupation_answer(
        &self,
        title: &str,
        tokens: &[Token],
        span: Span,
        lexical: Option<&Answer>,
        nearest: bool,
    ) -> Answer {
        let background = self.background.as_ref().expect("only in an open world");
        let covered: Vec<bool> = (0..tokens.len()).map(|i| span.covers(i)).collect();
        let reading = qualifiers::read(title, tokens, &covered, self.lang);
        let content = tokens.iter().filter(|t| !t.stop).count().max(1);
        let unplaced = reading.unplaced_words as f64;
        let mut answer = self.blank(title, reading);
        answer.evidence.clear();
        answer.verdict = Verdict::NotPeer;
        answer.method = Some(Method::Occupation);
        let explained = span.words as f64 / content as f64;
        let ceiling = if nearest {
            NEAREST_OCCUPATION_CEILING
        } else {
            OCCUPATION_CEILING
        };
        answer.score = round(ceiling * explained.max(1.0 - 0.1 * unplaced).min(1.0));
        let written = &title[tokens[span.first].start..tokens[span.last].end];
        answer.matched = Some(Arc::from(written));
        if let Some(lexical) = lexical {
            answer.candidates = Arc::clone(&lexical.candidates);
        }
        let occupation = background.occupation(span.title, self.lang);
        answer.lang = Some(occupation.lang());
        answer.explanation = if nearest {
            self.explain_nearest(written, &occupation)
        } else {
            self.explain_occupation(written, &occupation, lexical)
        }
        .into();
        answer.other_occupation = Some(Box::new(occupation));
        answer
    }

    /// `unknown`: words of other occupations stand beside the match, and no background title
    /// holds them with it.
    fn blocked(
        &self,
        title: &str,
        mut answer: Answer,
        blockers: &[usize],
        tokens: &[Token],
    ) -> Answer {
        let words: Vec<&str> = blockers
            .iter()
            .map(|&i| &title[tokens[i].start..tokens[i].end])
            .collect();
        let matched = answer.matched.as_deref().unwrap_or_default().to_string();
        if answer.candidates.is_empty() {
            if let Some(role) = &answer.role {
                answer.candidates = Arc::from(vec![Candidate {
                    role: Arc::clone(role),
                    score: answer.score,
                }]);
            }
        }
        answer.verdict = Verdict::Unknown;
        answer.role = None;
        answer.lineage = Arc::clone(&self.engine.no_lineage);
        answer.label = None;
        answer.traditions = Arc::clone(&self.engine.no_traditions);
        answer.profile = Profile::default();
        answer.evidence.clear();
        answer.reason = None;
        answer.score = round(answer.score.min(self.threshold) * 0.9);
        let words = words.join(", ");
        answer.explanation = match self.lang {
            Lang::En => format!("\"{matched}\" is in the title, but the words {words} beside it belong to other occupations' titles: it may be another job, so no role is chosen."),
            Lang::Fr => format!("« {matched} » figure dans le titre, mais les mots {words} à côté appartiennent à des titres d'autres métiers : il peut s'agir d'un autre emploi, aucun rôle n'est choisi."),
        }
        .into();
        answer
    }

    /// Codes many titles, computing each distinct title once.
    ///
    /// With the `parallel` feature, distinct titles are coded on all cores.
    pub fn classify_batch<S: AsRef<str> + Sync>(&self, titles: &[S]) -> Vec<Answer> {
        let mut first_seen: HashMap<&str, usize> = HashMap::new();
        let mut distinct: Vec<&str> = Vec::new();
        let slots: Vec<usize> = titles
            .iter()
            .map(|t| {
                let t = t.as_ref();
                *first_seen.entry(t).or_insert_with(|| {
                    distinct.push(t);
                    distinct.len() - 1
                })
            })
            .collect();
        let answers = self.classify_each(&distinct, |answer| answer);
        slots.into_iter().map(|i| answers[i].clone()).collect()
    }

    /// Codes each title and keeps what `keep` makes of its answer, in the titles' order.
    ///
    /// For callers that keep something made from each answer (a rendered row, a tally) rather
    /// than the answer itself. Titles are not de-duplicated: pass distinct titles, or use
    /// [`Crosswalk::classify_batch`]. With the `parallel` feature, titles are coded on all
    /// cores, and `keep` runs on the core that coded the title.
    ///
    /// ```
    /// let crosswalk = peermap::Crosswalk::new();
    /// let verdicts = crosswalk.classify_each(&["Pair-aidante", "Cashier"], |a| a.verdict());
    /// // A cashier is another occupation, which the background vocabulary names.
    /// assert_eq!(verdicts, [peermap::Verdict::PeerRole, peermap::Verdict::NotPeer]);
    /// ```
    pub fn classify_each<S, T, F>(&self, titles: &[S], keep: F) -> Vec<T>
    where
        S: AsRef<str> + Sync,
        T: Send,
        F: Fn(Answer) -> T + Sync,
    {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            titles
                .par_iter()
                .map(|t| keep(self.classify(t.as_ref())))
                .collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            titles
                .iter()
                .map(|t| keep(self.classify(t.as_ref())))
                .collect()
        }
    }

    fn role(&self, at: usize) -> &Role {
        &self.engine.lexicon.roles()[at]
    }

    fn answer_for_hit(
        &self,
        title: &str,
        tokens: &[Token],
        hit: &Hit,
        chosen: Vec<u32>,
        resolution: Resolution,
        reading: Reading,
    ) -> Answer {
        let index = &self.engine.index;
        let mut score = hit.score;
        let unplaced = reading.unplaced_words as f64;
        score *= 1.0 - (UNPLACED_WORD_PENALTY * unplaced).min(MAX_UNPLACED_PENALTY);

        let entry_at = chosen.first().copied().unwrap_or(hit.entries[0]) as usize;
        let entry = &index.entries[entry_at];
        let variant = &self.role(entry.role).variants()[entry.variant];
        if variant.status() == crate::lexicon::VariantStatus::Unverified {
            score *= UNVERIFIED_FACTOR;
        }
        score *= match resolution {
            Resolution::Title => 1.0,
            Resolution::Narrower => SCATTERED_FACTOR,
            Resolution::Context(_) | Resolution::Region => TIE_BROKEN_FACTOR,
        };
        let score = round(score);
        let mut answer = self.blank(title, reading);
        let evidence = std::mem::take(&mut answer.evidence);
        answer.method = Some(hit.method);
        answer.matched = Some(Arc::clone(&self.engine.texts[entry_at]));
        answer.lang = Some(variant.lang());
        answer.score = score;
        let considered = if resolution == Resolution::Narrower {
            &chosen
        } else {
            &hit.entries
        };
        answer.candidates = self.candidates(considered, score).into();

        if chosen.len() != 1 {
            answer.verdict = Verdict::Ambiguous;
            answer.explanation = self
                .explain_ambiguous(variant.text(), &answer.candidates)
                .into();
            return answer;
        }
        let role = self.role(entry.role);
        if role.is_peer() && self.background.is_some() {
            if let Some(why) = self.unsupported(variant, tokens, &answer.qualifiers, &resolution) {
                answer.verdict = Verdict::Unknown;
                answer.score = round(score.min(self.threshold) * 0.9);
                answer.explanation = self
                    .explain_unsupported(variant.text(), role.id(), why)
                    .into();
                return answer;
            }
        }
        if score < self.threshold {
            answer.verdict = Verdict::Unknown;
            answer.explanation = self
                .explain_below_threshold(variant.text(), role.id(), score)
                .into();
            return answer;
        }
        self.fill_role(&mut answer, entry.role, resolution);
        if answer.verdict == Verdict::PeerRole {
            answer.evidence = evidence;
        }
        answer
    }

    /// Why a variant that names one peer role cannot commit on its own here, if it cannot: an
    /// ordinary word of other jobs with no peer cue in the title, or an acronym that collides
    /// with others' and that neither the region hint nor the rest of the title supports.
    fn unsupported(
        &self,
        variant: &crate::lexicon::Variant,
        tokens: &[Token],
        read: &Qualifiers,
        resolution: &Resolution,
    ) -> Option<Unsupported> {
        if variant.needs_cue() && !open_world::has_cue(tokens) {
            return Some(Unsupported::NoCue);
        }
        if !variant.is_acronym() || variant.is_unambiguous() {
            return None;
        }
        let in_region = self
            .region
            .as_ref()
            .is_some_and(|hint| variant.regions().iter().any(|r| r.overlaps(hint)));
        // Words of the title that chose this role among those sharing the acronym support it.
        let chosen_by_title = matches!(resolution, Resolution::Context(_) | Resolution::Region);
        let supported = in_region
            || chosen_by_title
            || open_world::has_cue(tokens)
            || !read.domains().is_empty()
            || !read.populations().is_empty()
            || !read.settings().is_empty();
        (!supported).then_some(Unsupported::AcronymAlone)
    }

    /// Which of the entries sharing a matched key the title names: the narrowest when they lie
    /// on one broader-chain, else the one the title's other words point to, else the one in
    /// the hinted region; otherwise all of them (ambiguous).
    fn resolve(&self, entries: &[u32], context: &[Vec<&str>]) -> (Vec<u32>, Resolution) {
        let index = &self.engine.index;
        let mut roles: Vec<u32> = Vec::new();
        for &e in entries {
            if !roles
                .iter()
                .any(|&r| index.entries[r as usize].role == index.entries[e as usize].role)
            {
                roles.push(e);
            }
        }
        if roles.len() == 1 {
            return (roles, Resolution::Title);
        }
        if let Some(narrowest) = self.narrowest_on_one_line(&roles) {
            return (vec![narrowest], Resolution::Title);
        }
        if let Some((chosen, cues)) = self.pointed_to_by_context(&roles, context) {
            return (vec![chosen], Resolution::Context(cues));
        }
        if let Some(region) = &self.region {
            let in_region: Vec<u32> = roles
                .iter()
                .copied()
                .filter(|&e| {
                    index.entries[e as usize]
                        .regions
                        .iter()
                        .any(|r| r.overlaps(region))
                })
                .collect();
            if in_region.len() == 1 {
                return (in_region, Resolution::Region);
            }
        }
        (roles, Resolution::Title)
    }

    /// "Community Health Outreach Worker": "outreach worker" is shared, but "community" and
    /// "health" belong to the community health worker's titles and not to the others. The
    /// candidate with the most such words wins, if it is the only one with the most.
    fn pointed_to_by_context(
        &self,
        roles: &[u32],
        context: &[Vec<&str>],
    ) -> Option<(u32, Vec<String>)> {
        let index = &self.engine.index;
        let words_of = |e: u32| &index.role_words[index.entries[e as usize].role];
        // A group is a cue for a role when all its words are in the role's titles.
        let holds = |e: u32, group: &[&str]| group.iter().all(|w| words_of(e).contains(*w));
        let mut best: Option<(u32, Vec<String>)> = None;
        let mut tied = false;
        for &e in roles {
            let cues: Vec<String> = context
                .iter()
                .filter(|group| holds(e, group))
                .filter(|group| !roles.iter().all(|&other| holds(other, group)))
                .map(|group| group.join(" "))
                .collect();
            let best_len = best.as_ref().map_or(0, |(_, c)| c.len());
            if cues.len() > best_len {
                best = Some((e, cues));
                tied = false;
            } else if !cues.is_empty() && cues.len() == best_len {
                tied = true;
            }
        }
        best.filter(|_| !tied)
    }

    /// "Parent pair aidant", "Certified Peer Specialist – Parent": the title names a role, and
    /// all the words of a variant of a role narrower than it are in the title, though not side
    /// by side. The narrower role with the longest such variant is chosen, if only one has it;
    /// the variant needs two words or more, one of them outside the match, so that it says
    /// more than the variant matched.
    /// Only roles narrower than the ones the title named are considered: a title is never
    /// moved sideways, and word order still decides between unrelated roles.
    fn narrower_in_title(
        &self,
        chosen: &[u32],
        hit: &Hit,
        tokens: &[Token],
    ) -> Option<(u32, Vec<String>)> {
        let engine = &*self.engine;
        let index = &engine.index;
        let mut roles: Vec<usize> = chosen
            .iter()
            .flat_map(|&e| {
                engine.narrower[index.entries[e as usize].role]
                    .iter()
                    .copied()
            })
            .collect();
        if roles.is_empty() {
            return None;
        }
        roles.sort_unstable();
        roles.dedup();
        // A title has a handful of words: a list is faster than a set.
        let present: Vec<&str> = tokens
            .iter()
            .filter(|t| !t.stop)
            .map(|t| t.norm.as_str())
            .collect();
        let covered: Vec<&str> = tokens
            .iter()
            .zip(&hit.covered)
            .filter(|(_, c)| **c)
            .map(|(t, _)| t.norm.as_str())
            .collect();
        let mut best: Option<(u32, usize)> = None;
        let mut tied = false;
        for role in roles {
            for &e in &engine.entries_of[role] {
                let words = &index.variant_words[e as usize];
                if words.len() < 2
                    || !words.iter().all(|w| present.contains(&w.as_str()))
                    || words.iter().all(|w| covered.contains(&w.as_str()))
                {
                    continue;
                }
                match best {
                    Some((_, len)) if words.len() < len => {}
                    Some((b, len)) if words.len() == len => {
                        tied |= index.entries[b as usize].role != role;
                    }
                    _ => {
                        best = Some((e, words.len()));
                        tied = false;
                    }
                }
            }
        }
        let (entry, _) = best.filter(|_| !tied)?;
        Some((entry, index.variant_words[entry as usize].clone()))
    }

    /// "CHW/Promotora": when every entry lies on one broader-chain, the narrowest one.
    fn narrowest_on_one_line(&self, entries: &[u32]) -> Option<u32> {
        let lexicon = &self.engine.lexicon;
        let index = &self.engine.index;
        let ids: Vec<&str> = entries
            .iter()
            .map(|&e| self.role(index.entries[e as usize].role).id())
            .collect();
        entries.iter().zip(&ids).find_map(|(&e, id)| {
            let lineage = lexicon.lineage(id);
            ids.iter().all(|other| lineage.contains(other)).then_some(e)
        })
    }

    fn candidates(&self, entries: &[u32], score: f64) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = Vec::new();
        for &e in entries {
            let id = &self.engine.shared[self.engine.index.entries[e as usize].role].id;
            if !out.iter().any(|c| c.role == *id) {
                out.push(Candidate {
                    role: Arc::clone(id),
                    score,
                });
            }
        }
        out.sort_by(|a, b| a.role.cmp(&b.role));
        out
    }

    /// An `unknown` answer that keeps what was read; evidence stays only once a peer role is
    /// filled in, since it is evidence about a peer's profile.
    fn blank(&self, title: &str, reading: Reading) -> Answer {
        Answer {
            input: title.to_string(),
            verdict: Verdict::Unknown,
            role: None,
            lineage: Arc::clone(&self.engine.no_lineage),
            label: None,
            traditions: Arc::clone(&self.engine.no_traditions),
            score: 0.0,
            method: None,
            matched: None,
            lang: None,
            candidates: Arc::clone(&self.engine.no_candidates),
            evidence: reading.evidence,
            qualifiers: reading.qualifiers,
            profile: Profile::default(),
            reason: None,
            other_occupation: None,
            truncated: false,
            lexicon_version: Arc::clone(&self.engine.version),
            explanation: Arc::clone(&self.engine.no_text),
        }
    }

    fn unknown(&self, title: &str, reading: Reading) -> Answer {
        let mut answer = self.blank(title, reading);
        answer.evidence.clear();
        answer.explanation = Arc::clone(&self.engine.unknown[lang_at(self.lang)]);
        answer
    }

    fn fill_role(&self, answer: &mut Answer, role_at: usize, resolution: Resolution) {
        let lang = self.lang;
        let role = self.role(role_at);
        let shared = &self.engine.shared[role_at];
        answer.role = Some(Arc::clone(&shared.id));
        answer.lineage = Arc::clone(&shared.lineage);
        answer.label = Some(Arc::clone(&shared.labels[lang_at(lang)]));
        match role.kind() {
            Kind::PeerRole => {
                answer.verdict = Verdict::PeerRole;
                answer.traditions = Arc::clone(&shared.traditions);
                answer.profile = role.profile().copied().unwrap_or_default();
            }
            Kind::NotPeer => {
                answer.verdict = Verdict::NotPeer;
                answer.reason = shared
                    .reasons
                    .as_ref()
                    .map(|r| Arc::clone(&r[lang_at(lang)]));
            }
        }
        answer.explanation = self.explain_role(answer, role, resolution).into();
    }

    fn explain_role(&self, answer: &Answer, role: &Role, resolution: Resolution) -> String {
        let matched = answer.matched.as_deref().unwrap_or_default();
        let method = answer.method.map_or("", Method::as_str);
        let mut text = match (self.lang, role.kind()) {
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
        if let Resolution::Context(cues) = &resolution {
            let cues = cues.join(", ");
            text.push_str(&match self.lang {
                Lang::En => format!(" The title is shared by several entries; the words {cues} point to this one."),
                Lang::Fr => format!(" Ce titre est partagé par plusieurs entrées ; les mots {cues} désignent celle-ci."),
            });
        }
        if resolution == Resolution::Narrower {
            text.push_str(&match self.lang {
                Lang::En => format!(" The words of the narrower role's variant \"{matched}\" are all in the title, though not side by side."),
                Lang::Fr => format!(" Les mots de la variante « {matched} » du rôle plus précis sont tous dans le titre, mais pas côte à côte."),
            });
        }
        if resolution == Resolution::Region {
            let region = self.region.as_ref().map(Region::as_str).unwrap_or_default();
            text.push_str(&match self.lang {
                Lang::En => format!(" The title is shared by several entries; the region hint {region} chose this one."),
                Lang::Fr => format!(" Ce titre est partagé par plusieurs entrées ; l'indication de région {region} a choisi celle-ci."),
            });
        }
        self.push_also_read(&mut text, &answer.qualifiers);
        text
    }

    /// Ends an explanation with what the qualifiers read, if anything.
    fn push_also_read(&self, text: &mut String, qualifiers: &Qualifiers) {
        let read = describe_qualifiers(qualifiers, self.lang);
        if !read.is_empty() {
            text.push_str(&match self.lang {
                Lang::En => format!(" Also read: {read}."),
                Lang::Fr => format!(" Aussi lu : {read}."),
            });
        }
    }

    fn explain_composed(&self, answer: &Answer, found: &Composed<'_>) -> String {
        let matched = answer.matched.as_deref().unwrap_or_default();
        let role = answer.role.as_deref().unwrap_or_default();
        let family = found.family;
        let mut text = match (self.lang, found.generic) {
            (Lang::En, false) => format!("Read \"{matched}\" as a peer marker of the {family} family with the head \"{}\", which names the peer role {role} (composed).", found.head),
            (Lang::En, true) => format!("Read \"{matched}\" as a peer marker of the {family} family with the head \"{}\", which names no role of its own: the family's role {role} (composed, lower confidence).", found.head),
            (Lang::Fr, false) => format!("Lu « {matched} » comme un marqueur de pair de la famille {family} avec le mot de tête « {} », qui désigne le rôle de pair {role} (composé).", found.head),
            (Lang::Fr, true) => format!("Lu « {matched} » comme un marqueur de pair de la famille {family} avec le mot de tête « {} », qui ne désigne aucun rôle propre : le rôle de la famille, {role} (composé, confiance moindre).", found.head),
        };
        self.push_also_read(&mut text, &answer.qualifiers);
        text
    }

    fn explain_occupation(
        &self,
        written: &str,
        occupation: &crate::background::Occupation,
        lexical: Option<&Answer>,
    ) -> String {
        let label = occupation.label();
        let codes = occupation.codes().join(", ");
        let near = lexical.and_then(|a| a.matched.as_deref());
        match (self.lang, near) {
            (Lang::En, None) => format!("\"{written}\" is the title of another occupation, {label} ({codes}), in the background vocabulary; no peer role covers it."),
            (Lang::En, Some(near)) => format!("\"{written}\" is the title of another occupation, {label} ({codes}), in the background vocabulary: it explains more of the title than the lexicon's \"{near}\"."),
            (Lang::Fr, None) => format!("« {written} » est le titre d'un autre métier, {label} ({codes}), du vocabulaire des métiers ; aucun rôle de pair ne le couvre."),
            (Lang::Fr, Some(near)) => format!("« {written} » est le titre d'un autre métier, {label} ({codes}), du vocabulaire des métiers : il explique plus du titre que « {near} » du lexique."),
        }
    }

    fn explain_nearest(&self, written: &str, occupation: &crate::background::Occupation) -> String {
        let label = occupation.label();
        let codes = occupation.codes().join(", ");
        match self.lang {
            Lang::En => format!("\"{written}\" is no title of the background vocabulary as written; the nearest occupation with the same head is {label} ({codes}). No peer role covers it."),
            Lang::Fr => format!("« {written} » n'est pas tel quel un titre du vocabulaire des métiers ; le métier le plus proche avec le même mot de tête est {label} ({codes}). Aucun rôle de pair ne le couvre."),
        }
    }

    fn explain_unsupported(&self, matched: &str, id: &str, why: Unsupported) -> String {
        match (self.lang, why) {
            (Lang::En, Unsupported::NoCue) => format!("\"{matched}\" ({id}) is also an ordinary word of other occupations, and nothing in the title (a peer, community-health or lived-experience word) says it is meant as a peer's."),
            (Lang::En, Unsupported::AcronymAlone) => format!("The acronym \"{matched}\" ({id}) stands for other things too; alone, with no region hint of its regions and nothing else in the title to support it, no role is chosen."),
            (Lang::Fr, Unsupported::NoCue) => format!("« {matched} » ({id}) est aussi un mot ordinaire d'autres métiers, et rien dans le titre (un mot de pair, de santé communautaire ou de vécu) ne dit qu'il s'agit d'un pair."),
            (Lang::Fr, Unsupported::AcronymAlone) => format!("Le sigle « {matched} » ({id}) désigne aussi autre chose ; seul, sans indication d'une de ses régions ni rien d'autre dans le titre pour l'appuyer, aucun rôle n'est choisi."),
        }
    }

    fn explain_ambiguous(&self, matched: &str, candidates: &[Candidate]) -> String {
        let ids: Vec<&str> = candidates.iter().map(|c| &*c.role).collect();
        match self.lang {
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

    fn explain_below_threshold(&self, matched: &str, id: &str, score: f64) -> String {
        match self.lang {
            Lang::En => format!(
                "The closest variant is \"{matched}\" ({id}), but the confidence {score} is below the threshold {}.",
                self.threshold
            ),
            Lang::Fr => format!(
                "La variante la plus proche est « {matched} » ({id}), mais la confiance {score} est sous le seuil {}.",
                self.threshold
            ),
        }
    }
}

/// Why a variant could not commit alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unsupported {
    /// An ordinary word of other jobs, with no peer cue in the title.
    NoCue,
    /// A colliding acronym with nothing to support it.
    AcronymAlone,
}

/// An answer with the token positions its match covered and the words left unplaced.
struct Reckoned {
    answer: Answer,
    /// The words of the variant (or of the marker and head) matched.
    variant: Vec<bool>,
    /// Those and the words that chose between entries sharing the variant, or that named a
    /// narrower role.
    covered: Vec<bool>,
    unplaced: Vec<bool>,
    /// How many words (not stop words) the match covered.
    words: usize,
    /// Whether the matched variant is a head several entries share.
    shared: bool,
}

impl Reckoned {
    fn new(
        answer: Answer,
        variant: Vec<bool>,
        covered: Vec<bool>,
        unplaced: Vec<bool>,
        tokens: &[Token],
    ) -> Self {
        let words = tokens
            .iter()
            .zip(&covered)
            .filter(|(t, c)| **c && !t.stop)
            .count();
        Reckoned {
            answer,
            variant,
            covered,
            unplaced,
            words,
            shared: false,
        }
    }

    /// Whether a background title explains the title better than this answer: it holds
    /// every word of the variant matched, and a word the answer explains by no variant or
    /// qualifier (one left unplaced, or one that only broke a tie: "Médiateur culturel" is
    /// ROME's cultural mediator, not a health broker).
    fn explained_better_by(&self, span: &Span, tokens: &[Token]) -> bool {
        let mut more = false;
        for (i, token) in tokens.iter().enumerate() {
            if token.stop {
                continue;
            }
            if self.variant[i] {
                if !span.covers(i) {
                    return false;
                }
            } else if span.covers(i)
                && (self.covered[i] || self.unplaced.get(i).copied().unwrap_or(false))
            {
                more = true;
            }
        }
        more
    }

    /// Whether every word of a background title's span is a word this answer matched.
    fn holds(&self, span: &Span, tokens: &[Token]) -> bool {
        (span.first..=span.last).all(|i| tokens[i].stop || self.covered[i])
    }

    /// Whether this (composed) answer should stand instead of the lexicon's: it covers more
    /// words, and a look-alike the lexicon found, if any, lies inside it. Where both cover as
    /// much, the variant stands: it is curated.
    fn explains_more_than(&self, lexical: &Reckoned) -> bool {
        let inside = lexical
            .covered
            .iter()
            .zip(&self.covered)
            .all(|(l, c)| !*l || *c);
        self.words > lexical.words && (inside || lexical.answer.verdict != Verdict::NotPeer)
    }
}

/// Whether the title's variant decided, or its other words or a region hint broke a tie.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Resolution {
    Title,
    Context(Vec<String>),
    Region,
    /// All the words of a narrower role's variant are in the title, though not side by side.
    Narrower,
}

fn round(score: f64) -> f64 {
    (score.clamp(0.0, 1.0) * 1000.0).round() / 1000.0
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
    let fields: [(&str, &str, Vec<String>); 10] = [
        (
            "seniority",
            "niveau hiérarchique",
            coded(q.seniority().as_slice()),
        ),
        ("level", "échelon", as_written(q.level())),
        ("employment", "emploi", coded(q.employment())),
        ("credential", "titre", q.credential().to_vec()),
        ("domains", "domaines", coded(q.domains())),
        ("populations", "populations", coded(q.populations())),
        ("settings", "milieux", coded(q.settings())),
        ("location", "lieu", as_written(q.location())),
        ("codes", "codes", q.codes().to_vec()),
        ("unplaced", "non classé", q.other().to_vec()),
    ];
    fields
        .into_iter()
        .filter(|(_, _, values)| !values.is_empty())
        .map(|(en, fr, values)| {
            let name = if lang == Lang::Fr { fr } else { en };
            format!("{name}: {}", values.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every title the table answers gets exactly the answer of the whole path.
    #[test]
    fn the_table_answers_as_the_whole_path_does() {
        let titles: Vec<String> = Lexicon::embedded()
            .roles()
            .iter()
            .flat_map(|r| r.variants().iter().map(|v| v.text().to_string()))
            .flat_map(|t| {
                let title_case: String = t
                    .split(' ')
                    .map(|w| {
                        let mut c = w.chars();
                        c.next()
                            .map(|f| f.to_uppercase().chain(c).collect::<String>())
                            .unwrap_or_default()
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                [
                    t.clone(),
                    t.to_uppercase(),
                    title_case,
                    t.replace(' ', "-"),
                    format!("  {t}  "),
                    format!("{t}, "),
                    t.replace(' ', " – "),
                    format!("({t})"),
                ]
            })
            .collect();
        for settings in [
            Crosswalk::new(),
            Crosswalk::builder()
                .language(Lang::Fr)
                .region("CA-ON")
                .build()
                .unwrap(),
            Crosswalk::builder().threshold(0.99).build().unwrap(),
        ] {
            let mut answered = 0;
            for title in &titles {
                let (cut, _) = normalize::truncate(title);
                let tokens = normalize::tokenize(cut);
                let Some(fast) = settings.answer_from_table(cut, &tokens) else {
                    continue;
                };
                answered += 1;
                assert_eq!(fast, settings.classify_tokens(cut, &tokens), "{title}");
            }
            assert!(answered > 1_000, "{answered}");
        }
    }
}
