//! Assembling an answer: the role's strings (shared between answers, built once per lexicon),
//! the verdict the choice earned, the score, the candidates, the other occupation a title
//! names, and the explanation.
//!
//! It takes what `resolve` decided (the entries chosen and how, the outcome, or the background
//! title that names the job) with the qualifiers read, and gives an [`Answer`]; the crosswalk
//! returns it.

use std::sync::Arc;

use crate::answer::explain;
use crate::answer::types::{Answer, Candidate, Verdict};
use crate::data::decisions::{Decision, DecisionTarget};
use crate::data::entry::{Kind, Role, Variant};
use crate::data::lexicon::Lexicon;
use crate::matching::background::{Background, Span};
use crate::matching::composition::Composed;
use crate::matching::index::{Hit, Index, Method};
use crate::model::{Lang, Profile, Tradition};
use crate::normalize::Token;
use crate::qualifiers::Reading;
use crate::resolve::choose::{Chooser, Resolution};
use crate::resolve::verdict::{self, round, Choice, Outcome, UNVERIFIED_FACTOR};

/// The most a background occupation's answer scores: what the background explains is a
/// classification's title, never a curated entry.
const OCCUPATION_CEILING: f64 = 0.95;
/// …and the nearest background title with the same head, where none holds the title's words.
const NEAREST_OCCUPATION_CEILING: f64 = 0.8;
/// A title read from a peer marker and a helping head with a role of its own…
const COMPOSED_SCORE: f64 = 0.9;
/// …and from a head with none (the family's generic role).
const COMPOSED_GENERIC_SCORE: f64 = 0.8;

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

/// The strings answers share, built once per lexicon so that an answer clones pointers.
#[derive(Debug)]
pub(crate) struct Parts {
    /// For each role (by position), the strings its answers share.
    shared: Vec<SharedRole>,
    /// For each entry, its variant's text as written.
    texts: Vec<Arc<str>>,
    version: Arc<str>,
    no_lineage: Arc<[String]>,
    no_traditions: Arc<[Tradition]>,
    no_candidates: Arc<[Candidate]>,
    no_text: Arc<str>,
    /// "No lexicon variant covers this title.", in English and French.
    unknown: [Arc<str>; 2],
}

impl Parts {
    /// The lexicon's version, as answers carry it.
    pub(crate) fn version(&self) -> &Arc<str> {
        &self.version
    }

    pub(crate) fn new(lexicon: &Lexicon, index: &Index) -> Parts {
        Parts {
            shared: lexicon
                .roles()
                .iter()
                .map(|role| SharedRole::new(lexicon, role))
                .collect(),
            texts: index
                .entries
                .iter()
                .map(|e| Arc::from(lexicon.roles()[e.role].variants()[e.variant].text()))
                .collect(),
            version: Arc::from(lexicon.version()),
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

fn lang_at(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Fr => 1,
    }
}

/// Everything an answer is assembled from, borrowed from a crosswalk for one title.
#[derive(Clone, Copy)]
pub(crate) struct Assembler<'a> {
    pub chooser: Chooser<'a>,
    pub parts: &'a Parts,
    pub lang: Lang,
    pub threshold: f64,
    /// The other occupations' titles; `None` in a closed world.
    pub background: Option<&'a Background>,
    /// The version every answer carries (the lexicon's, and the decisions' hash).
    pub version: &'a Arc<str>,
}

impl Assembler<'_> {
    pub(crate) fn for_hit(
        &self,
        title: &str,
        tokens: &[Token],
        hit: &Hit,
        chosen: Vec<u32>,
        resolution: Resolution,
        reading: Reading,
    ) -> Answer {
        let index = self.chooser.index;
        let entry_at = chosen.first().copied().unwrap_or(hit.entries[0]) as usize;
        let entry = &index.entries[entry_at];
        let role = self.chooser.role(entry.role);
        let variant = &role.variants()[entry.variant];
        let score = verdict::score(hit.score, reading.unplaced_words, variant, &resolution);
        let mut answer = self.blank(title, reading);
        let evidence = std::mem::take(&mut answer.evidence);
        answer.method = Some(hit.method);
        answer.matched = Some(Arc::clone(&self.parts.texts[entry_at]));
        answer.lang = Some(variant.lang());
        answer.score = score;
        let considered = if resolution == Resolution::Narrower {
            &chosen
        } else {
            &hit.entries
        };
        answer.candidates = self.candidates(considered, score).into();
        let choice = Choice {
            chosen: &chosen,
            role,
            variant,
            resolution: &resolution,
            score,
        };
        let open_world = self.background.is_some();
        let (lang, matched, id) = (self.lang, variant.text(), role.id());
        let outcome = self.chooser.outcome(
            &choice,
            tokens,
            &answer.qualifiers,
            open_world,
            self.threshold,
        );
        match outcome {
            Outcome::Ambiguous => {
                answer.verdict = Verdict::Ambiguous;
                answer.explanation =
                    explain::explain_ambiguous(lang, matched, &answer.candidates).into();
            }
            Outcome::Unsupported(why) => {
                answer.verdict = Verdict::Unknown;
                answer.score = verdict::withheld(score, self.threshold);
                answer.explanation = explain::explain_unsupported(lang, matched, id, why).into();
            }
            Outcome::BelowThreshold => {
                answer.verdict = Verdict::Unknown;
                answer.explanation =
                    explain::explain_below_threshold(lang, matched, id, score, self.threshold)
                        .into();
            }
            Outcome::Commit => {
                self.fill_role(&mut answer, entry.role, &resolution);
                // A composed title has no variant of its own: the role's first stands in.
                let matched_variant = (hit.method != Method::Composed).then_some(variant);
                self.imply(&mut answer, role, matched_variant);
                if answer.verdict == Verdict::PeerRole {
                    answer.evidence = evidence;
                }
            }
        }
        answer
    }

    fn candidates(&self, entries: &[u32], score: f64) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = Vec::new();
        for &e in entries {
            let id = &self.parts.shared[self.chooser.index.entries[e as usize].role].id;
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
    pub(crate) fn blank(&self, title: &str, reading: Reading) -> Answer {
        Answer {
            input: title.to_string(),
            verdict: Verdict::Unknown,
            role: None,
            lineage: Arc::clone(&self.parts.no_lineage),
            label: None,
            traditions: Arc::clone(&self.parts.no_traditions),
            score: 0.0,
            method: None,
            matched: None,
            lang: None,
            candidates: Arc::clone(&self.parts.no_candidates),
            evidence: reading.evidence,
            qualifiers: reading.qualifiers,
            profile: Profile::default(),
            reason: None,
            other_occupation: None,
            decision: None,
            truncated: false,
            lexicon_version: Arc::clone(self.version),
            explanation: Arc::clone(&self.parts.no_text),
        }
    }

    pub(crate) fn unknown(&self, title: &str, reading: Reading) -> Answer {
        let mut answer = self.blank(title, reading);
        answer.evidence.clear();
        answer.explanation = Arc::clone(&self.parts.unknown[lang_at(self.lang)]);
        answer
    }

    fn fill_role(&self, answer: &mut Answer, role_at: usize, resolution: &Resolution) {
        let lang = self.lang;
        let role = self.chooser.role(role_at);
        let shared = &self.parts.shared[role_at];
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
        answer.explanation =
            explain::explain_role(lang, answer, role, resolution, self.chooser.region).into();
    }

    /// Adds to the answer's qualifiers what its role (and the variant matched) implies and the
    /// title's words did not say, and ends the explanation with them.
    fn imply(&self, answer: &mut Answer, role: &Role, variant: Option<&Variant>) {
        let pairs = role
            .implies()
            .iter()
            .chain(variant.into_iter().flat_map(Variant::implies));
        let mut added = false;
        for pair in pairs {
            added |= answer.qualifiers.imply(pair);
        }
        if added {
            let implied = answer.qualifiers.implied();
            answer.explanation =
                explain::with_implied(self.lang, &answer.explanation, implied).into();
        }
    }

    /// `not_peer` because the title is a background occupation's (`span`); the candidates of
    /// the lexicon's answer, if any, are kept for the record.
    pub(crate) fn occupation(
        &self,
        title: &str,
        tokens: &[Token],
        span: Span,
        lexical: Option<&Answer>,
        nearest: bool,
    ) -> Answer {
        let background = self.background.expect("only in an open world");
        let covered: Vec<bool> = (0..tokens.len()).map(|i| span.covers(i)).collect();
        let reading = crate::qualifiers::read(title, tokens, &covered, self.lang);
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
            explain::explain_nearest(self.lang, written, &occupation)
        } else {
            explain::explain_occupation(self.lang, written, &occupation, lexical)
        }
        .into();
        answer.other_occupation = Some(Box::new(occupation));
        answer
    }

    /// `unknown`: words of other occupations stand beside the match, and no background title
    /// holds them with it.
    pub(crate) fn blocked(
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
        answer.lineage = Arc::clone(&self.parts.no_lineage);
        answer.label = None;
        answer.traditions = Arc::clone(&self.parts.no_traditions);
        answer.profile = Profile::default();
        answer.evidence.clear();
        answer.reason = None;
        answer.score = verdict::withheld(answer.score, self.threshold);
        answer.explanation =
            explain::explain_blocked(self.lang, &matched, &words.join(", ")).into();
        answer
    }

    /// The answer for a peer marker beside a helping head (`found`), the role's first entry
    /// standing for it.
    pub(crate) fn composed(
        &self,
        title: &str,
        tokens: &[Token],
        found: &Composed<'_>,
        entry: u32,
        reading: Reading,
    ) -> Answer {
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
        let mut answer = self.for_hit(title, tokens, &hit, vec![entry], Resolution::Title, reading);
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
            answer.explanation = explain::explain_composed(self.lang, &answer, found).into();
        }
        answer
    }

    /// The answer to a title cut at [`crate::MAX_TITLE_CHARS`], saying so.
    pub(crate) fn truncated(&self, mut answer: Answer) -> Answer {
        answer.truncated = true;
        answer.explanation = explain::truncation_note(&answer.explanation, self.lang).into();
        answer
    }

    /// The answer a person decided for the title: the entry's role, profile and reason (or
    /// `not_peer` with no role), method `decision`, score 1, the qualifiers read from the
    /// whole title, and the note and the decision's origin in the explanation.
    pub(crate) fn decided(&self, title: &str, tokens: &[Token], decision: &Decision) -> Answer {
        let reading = crate::qualifiers::read_bare(title, tokens, self.lang);
        let mut answer = self.blank(title, reading);
        let evidence = std::mem::take(&mut answer.evidence);
        answer.method = Some(Method::Decision);
        answer.decision = Some(Arc::from(decision.origin()));
        answer.score = 1.0;
        answer.matched = Some(Arc::from(decision.title()));
        let said = explain::explain_decided(self.lang, decision.origin(), decision.note());
        let role_at = match decision.target() {
            DecisionTarget::Entry(id) => self.chooser.index.role_at.get(id.as_str()).copied(),
            DecisionTarget::NotPeer => None,
        };
        match role_at {
            Some(at) => {
                let role = self.chooser.role(at);
                answer.candidates = Arc::from(vec![Candidate {
                    role: Arc::clone(&self.parts.shared[at].id),
                    score: 1.0,
                }]);
                self.fill_role(&mut answer, at, &Resolution::Title);
                answer.explanation = said.into();
                self.imply(&mut answer, role, None);
                if answer.verdict == Verdict::PeerRole {
                    answer.evidence = evidence;
                }
            }
            None => {
                answer.verdict = Verdict::NotPeer;
                answer.explanation = said.into();
            }
        }
        answer
    }
}
