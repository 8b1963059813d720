//! The configurable crosswalk: a lexicon, its index, and the settings that shape answers; and
//! the path every title travels through the stages.
//!
//! [`Crosswalk::classify`] cuts and tokenizes the title (`normalize`), answers it from a
//! table when it is one variant's words, and otherwise finds the lexicon's hit and the
//! composition families' (`matching`), chooses between entries and weighs the choice against
//! the other occupations' titles (`resolve`), and assembles the answer (`answer`).

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use once_cell::sync::Lazy;

use crate::answer::assemble::{Assembler, Parts};
use crate::answer::types::{Answer, Verdict};
use crate::data::composition;
use crate::data::decisions::{DecisionTarget, Decisions};
use crate::data::lexicon::Lexicon;
use crate::data::occupations::OCCUPATION_SOURCES;
use crate::data::region::Region;
use crate::matching::background::{Background, Span};
use crate::matching::composition::compose;
use crate::matching::index::{Hit, Index, Method};
use crate::model::Lang;
use crate::normalize::{self, holds_together, Token};
use crate::qualifiers::{self, Reading};
use crate::resolve::choose::{Chooser, Resolution};
use crate::resolve::weigh::{self, Coverage, Standing, Weighed};
use crate::support::error::LexiconErrors;
use crate::support::hash::FastMap;

/// The default confidence below which a match is reported as `unknown`.
pub const DEFAULT_THRESHOLD: f64 = 0.75;

/// A lexicon with its index and its answers' shared strings, shared between crosswalks built
/// from it.
#[derive(Debug)]
struct Engine {
    lexicon: Lexicon,
    index: Index,
    parts: Parts,
}

impl Engine {
    fn new(lexicon: Lexicon) -> Engine {
        let index = Index::build(&lexicon);
        let parts = Parts::new(&lexicon, &index);
        Engine {
            lexicon,
            index,
            parts,
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
    /// A decision names an entry the lexicon does not hold: where, and the id.
    Decision(String, String),
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
            ErrorKind::Decision(origin, id) => write!(
                f,
                "{origin}: the decision \"{id}\" is not an entry of the lexicon (expected a role id, a not-peer entry id or not_peer)"
            ),
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
    decisions: Arc<Decisions>,
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
            decisions: Arc::default(),
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

    /// A person's decisions, applied before matching: a decided title gets that answer with
    /// method [`Method::Decision`] and score 1. Replaces decisions given before; merge several
    /// files into one [`Decisions`] (a later decision about a key wins). The answers'
    /// `lexicon_version` then ends with a short hash of the decisions.
    pub fn decisions(&mut self, decisions: Decisions) -> &mut Self {
        self.decisions = Arc::new(decisions);
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
        self.check_decisions(&engine.lexicon)?;
        let version = if self.decisions.is_empty() {
            Arc::clone(engine.parts.version())
        } else {
            let hash = self.decisions.hash();
            Arc::from(format!("{}+d{hash:08x}", engine.lexicon.version()))
        };
        let mut crosswalk = Crosswalk {
            version,
            decisions: Arc::clone(&self.decisions),
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

    /// Every decision names an entry of the lexicon, or `not_peer`.
    fn check_decisions(&self, lexicon: &Lexicon) -> Result<(), Error> {
        for decision in self.decisions.iter() {
            if let DecisionTarget::Entry(id) = decision.target() {
                if lexicon.get(id).is_none() {
                    return Err(Error {
                        kind: ErrorKind::Decision(decision.origin().to_string(), id.clone()),
                    });
                }
            }
        }
        Ok(())
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
    /// A person's decisions, applied before matching.
    decisions: Arc<Decisions>,
    /// The lexicon's version, with the decisions' hash when there are any.
    version: Arc<str>,
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
        let answer = self
            .decided(title, &tokens)
            .or_else(|| self.answer_from_table(title, &tokens))
            .unwrap_or_else(|| self.classify_tokens(title, &tokens));
        if truncated {
            self.assembler().truncated(answer)
        } else {
            answer
        }
    }

    /// What a choice between entries reads.
    fn chooser(&self) -> Chooser<'_> {
        Chooser {
            lexicon: &self.engine.lexicon,
            index: &self.engine.index,
            region: self.region.as_ref(),
        }
    }

    /// What an answer is assembled from.
    fn assembler(&self) -> Assembler<'_> {
        Assembler {
            chooser: self.chooser(),
            parts: &self.engine.parts,
            lang: self.lang,
            threshold: self.threshold,
            background: self.background.as_ref(),
            version: &self.version,
        }
    }

    /// A person's answer, when the decisions hold the title's key.
    fn decided(&self, title: &str, tokens: &[Token]) -> Option<Answer> {
        if self.decisions.is_empty() {
            return None;
        }
        let key = normalize::key_of(tokens);
        let decision = self.decisions.for_key(&key, self.region.as_ref())?;
        Some(self.assembler().decided(title, tokens, decision))
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
        if !holds_together(tokens, &[first, last])
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
        let (chooser, assembler) = (self.chooser(), self.assembler());
        let mut table = FastMap::default();
        for (key, entries, acronym) in index.whole_keys() {
            let words = key.split(' ').count();
            let answer = |method: Method| {
                let hit = index.whole_hit(entries, words, method);
                let (chosen, resolution) = chooser.resolve(entries, &[]);
                let reading = Reading::empty();
                assembler.for_hit("", &[], &hit, chosen, resolution, reading)
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
            (Some(lexical), Some(composed))
                if composed.coverage.explains_more_than(&lexical.coverage) =>
            {
                composed
            }
            (Some(lexical), _) => lexical,
            (None, Some(composed)) => composed,
            (None, None) => return self.answer_without_match(title, tokens, &spans),
        };
        match background {
            Some(background) => self.weigh_background(title, tokens, chosen, background, &spans),
            None => chosen.answer,
        }
    }

    /// A title neither the lexicon nor the families match: another occupation's, if the
    /// background names it, or unknown.
    fn answer_without_match(&self, title: &str, tokens: &[Token], spans: &[Span]) -> Answer {
        let assembler = self.assembler();
        let reading = qualifiers::read_bare(title, tokens, self.lang);
        let named = self
            .background
            .as_ref()
            .and_then(|b| weigh::named_by_head(b, tokens, spans, &reading));
        match named {
            Some((span, nearest)) => assembler.occupation(title, tokens, span, None, nearest),
            None => assembler.unknown(title, reading),
        }
    }

    /// The lexicon's answer for its hit, with what it covered and left unplaced.
    fn lexicon_answer(&self, title: &str, tokens: &[Token], hit: Hit) -> Reckoned {
        // Context only matters when several roles share the matched title.
        let index = &self.engine.index;
        let chooser = self.chooser();
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
        let (mut chosen, mut resolution) = chooser.resolve(&hit.entries, &context);
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
        if let Some((narrower, words)) = chooser.narrower_in_title(&chosen, &hit, tokens) {
            for (token, covered) in tokens.iter().zip(covered.iter_mut()) {
                *covered |= !token.stop && words.contains(&token.norm);
            }
            chosen = vec![narrower];
            resolution = Resolution::Narrower;
        }
        let reading = qualifiers::read(title, tokens, &covered, self.lang);
        let unplaced = reading.unplaced.clone();
        let answer = self
            .assembler()
            .for_hit(title, tokens, &hit, chosen, resolution, reading);
        let mut reckoned = self.reckoned(answer, hit.covered, covered, unplaced, tokens);
        reckoned.coverage.shared = shared;
        reckoned
    }

    /// The answer for a peer marker beside a helping head, if the title has one whose role
    /// the lexicon holds.
    fn composed_answer(&self, title: &str, tokens: &[Token]) -> Option<Reckoned> {
        let found = compose(&composition::EMBEDDED, tokens, self.region.as_ref())?;
        let index = &self.engine.index;
        let role_at = *index.role_at.get(found.role)?;
        let entry = *index.entries_of[role_at].first()?;
        let reading = qualifiers::read(title, tokens, &found.covered, self.lang);
        let unplaced = reading.unplaced.clone();
        let answer = self
            .assembler()
            .composed(title, tokens, &found, entry, reading);
        let covered = found.covered;
        Some(self.reckoned(answer, covered.clone(), covered, unplaced, tokens))
    }

    fn reckoned(
        &self,
        answer: Answer,
        variant: Vec<bool>,
        covered: Vec<bool>,
        unplaced: Vec<bool>,
        tokens: &[Token],
    ) -> Reckoned {
        let lang = answer.lang.unwrap_or(self.lang);
        let coverage = Coverage::new(standing(&answer), lang, variant, covered, unplaced, tokens);
        Reckoned { answer, coverage }
    }

    /// Weighs an answer against the other occupations' titles (see `resolve::weigh`).
    fn weigh_background(
        &self,
        title: &str,
        tokens: &[Token],
        chosen: Reckoned,
        background: &Background,
        spans: &[Span],
    ) -> Answer {
        let assembler = self.assembler();
        let lexical = Some(&chosen.answer);
        match weigh::weigh(
            background,
            self.lang,
            title,
            tokens,
            &chosen.coverage,
            spans,
        ) {
            Weighed::Keep => chosen.answer,
            Weighed::Occupation { span, nearest } => {
                assembler.occupation(title, tokens, span, lexical, nearest)
            }
            Weighed::Blocked(blockers) => {
                assembler.blocked(title, chosen.answer, &blockers, tokens)
            }
        }
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
}

/// An answer with what its match covered of the title.
struct Reckoned {
    answer: Answer,
    coverage: Coverage,
}

/// Where an answer stands, as the weighing sees it.
fn standing(answer: &Answer) -> Standing {
    match answer.verdict {
        Verdict::PeerRole => Standing::Peer,
        Verdict::Ambiguous => Standing::Ambiguous,
        Verdict::NotPeer if answer.role.is_some() => Standing::LookAlike,
        Verdict::NotPeer | Verdict::Unknown => Standing::Undecided,
    }
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
