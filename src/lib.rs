//! peermap crosswalks the job titles of peers — peer support worker, pair-aidante, community
//! health worker, agent·e de santé communautaire, patient navigator, promotora, travailleur de
//! rue — to canonical roles and to the six questions of the conceptual map of peers' engagement
//! in care (Panaite et al. 2024, *Health Expectations* 27:e14034, doi:10.1111/hex.14034).
//!
//! # What it answers
//!
//! For any title, in English or French, one of four verdicts:
//!
//! - [`Verdict::PeerRole`]: the title names a peer role; the answer gives the role, its lineage
//!   up the `broader` chain, its label, traditions and profile on the six questions;
//! - [`Verdict::Ambiguous`]: the title is a shared head ("navigator", "PSW") and the answer
//!   lists the candidates instead of guessing;
//! - [`Verdict::NotPeer`]: a look-alike that is not a peer role ("nurse navigator",
//!   "personal support worker", "proche aidant"), with the reason;
//! - [`Verdict::Unknown`]: nothing in the lexicon covers the title.
//!
//! Each answer also says how sure it is ([`Answer::score`], in [0, 1]), how the variant was
//! found ([`Method`]), which variant matched and in which language, the qualifiers read from
//! the rest of the title (seniority, employment, credential, domains, populations, settings,
//! place, codes, and whatever could not be placed), and a sentence a person can read.
//!
//! # A first title
//!
//! ```
//! use peermap::{classify, Verdict};
//!
//! let answer = classify("Sr. Peer Support Worker II – Mental Health (0.6 FTE)");
//! assert_eq!(answer.verdict(), Verdict::PeerRole);
//! assert_eq!(answer.role(), Some("peer-support-worker"));
//! assert_eq!(answer.qualifiers().seniority(), Some("senior"));
//! assert_eq!(answer.qualifiers().domains(), ["mental-health"]);
//! assert!(answer.profile().status.contains(peermap::Status::PeopleSupported));
//! ```
//!
//! # En français
//!
//! ```
//! use peermap::{Crosswalk, Lang, Verdict};
//!
//! let crosswalk = Crosswalk::builder().language(Lang::Fr).build().unwrap();
//! let answer = crosswalk.classify("Travailleuse de rue");
//! assert_eq!(answer.role(), Some("street-outreach-worker"));
//!
//! // Word order carries meaning: a caregiver is not a peer.
//! assert_eq!(crosswalk.classify("Proche aidante").verdict(), Verdict::NotPeer);
//! ```
//!
//! # How a title travels
//!
//! The library's modules follow the path of a title, and so do the sections below:
//!
//! 1. **model**: the six questions and their values ([`Profile`], [`Dimension`]), and the two
//!    languages ([`Lang`]);
//! 2. **data**: the lexicon ([`Lexicon`], [`Role`]), the qualifier vocabulary, the composition
//!    families and the background occupations ([`Occupation`]), each loaded and validated once,
//!    in one layer, every problem named by file, entry and field ([`LexiconError`]);
//! 3. **normalize**: the title cut at [`MAX_TITLE_CHARS`], split into words and folded
//!    ([`normalize`]);
//! 4. **qualifiers**: the words around the role read as seniority, employment, credentials,
//!    domains, populations, settings and place ([`Qualifiers`], [`Evidence`]);
//! 5. **matching**: the lexicon's variants found in the title ([`Method`]: as written,
//!    normalized, an abbreviation, spelling-corrected), a peer marker beside a helping head
//!    (composed), and the other occupations' titles;
//! 6. **resolve**: one entry chosen among several (a narrower role, the title's other words, a
//!    region hint), whether it may commit (the threshold, a peer cue, support for an acronym),
//!    and how it stands against other occupations' titles (the open world);
//! 7. **answer**: the [`Answer`], with its [`Verdict`], score, candidates, the other
//!    occupation and a sentence a person can read.
//!
//! A [`Crosswalk`] runs the stages with its settings; [`compare`], [`similar`] and [`find`] use
//! the map itself.
//!
//! # The six questions
//!
//! | facet | dimension | question |
//! |---|---|---|
//! | roles | `functions` | What are the objectives of the peer's support? |
//! | roles | `formality` | What level of formality characterizes the peer's support? |
//! | pathways | `relations` | On what basis do peers connect with others? |
//! | pathways | `status` | Who acknowledges them as peers? |
//! | settings | `affiliations` | What are the peer's affiliations? |
//! | settings | `spaces` | Where is the support offered? |
//!
//! Each is a closed set of values ([`Function`], [`Formality`], [`Relation`], [`Status`],
//! [`Affiliation`], [`Space`]), each with English and French labels.
//!
//! # Region hints and user lexicons
//!
//! Some titles collide across regions: "PSW" is a peer support worker in the NHS and a personal
//! support worker in Ontario. A region hint breaks such ties, and only those:
//!
//! ```
//! use peermap::Crosswalk;
//!
//! let ontario = Crosswalk::builder().region("CA-ON").build().unwrap();
//! assert_eq!(ontario.classify("PSW").role(), Some("personal-support-worker"));
//! assert_eq!(peermap::classify("PSW").verdict(), peermap::Verdict::Ambiguous);
//! ```
//!
//! An organization's own titles go in a folder of JSON files in the lexicon format
//! (`data/lexicon.schema.json`), loaded with [`Lexicon::from_path`] and passed to
//! [`CrosswalkBuilder::lexicon`]; they are validated exactly like the embedded lexicon.
//!
//! # Data versioning
//!
//! The lexicon is data, embedded at compile time. [`LEXICON_VERSION`] (the data release in
//! `data/VERSION` plus a hash of every embedded file) is printed with every answer so a coded
//! dataset can be reproduced. For semver, data is behaviour: before 1.0, a lexicon change that
//! alters answers (a new title, a corrected profile) is released as a new minor version of the
//! crate, and the CHANGELOG lists lexicon changes apart from API changes. Adding a role, a
//! variant or a look-alike is adding a JSON file or a line; no Rust code changes.
//!
//! # Bad input and bounded work
//!
//! Any string is a title: no input makes [`Crosswalk::classify`] panic or loop, and its work
//! is bounded by design rather than by luck:
//! - a title is cut at [`MAX_TITLE_CHARS`] (300) characters before matching; the answer says
//!   so ([`Answer::truncated`], and a sentence of its explanation) and its `input` is the cut
//!   title;
//! - spans are looked up one hash probe each, no longer than the lexicon's longest variant;
//! - a word is spell-corrected only if it has 5 to 24 letters, within one edit (two from eight
//!   letters on), through a deletion index: the candidates are exactly the words within that
//!   distance, never a scan of the lexicon;
//! - at most 32 entries are kept and scored for one match.
//!
//! The `worst/*` benches time titles built to be slow (the slowest takes about 46 µs); the
//! property tests feed arbitrary Unicode, and two `cargo fuzz` targets (`fuzz/`) feed any bytes
//! to `classify` and to lexicon loading, with the corpus replayed by the test suite. A broken
//! user lexicon is refused with every problem named by file, entry and field
//! ([`LexiconError`]), by the same validator as the embedded one.
//!
//! # Reading the whole title
//!
//! The words around the role are read, not stripped: [`Answer::qualifiers`] always holds
//! seniority and level, employment terms, credentials, domains, populations, settings, a
//! trailing place, requisition codes, and the words nothing could place. Some of them are
//! evidence for the six questions, kept apart from the role's typical [`Answer::profile`] and
//! each with its word and reason ([`Answer::evidence`]): a hospital is where support happens,
//! not who employs the peer; a population before the role says the peer shares it.
//!
//! ```
//! use peermap::{classify, Dimension};
//!
//! let answer = classify("Indigenous Peer Support Worker – Hôpital Sainte-Justine (CDD)");
//! assert_eq!(answer.qualifiers().employment(), ["temporary"]);
//! assert_eq!(answer.qualifiers().settings(), ["hospital"]);
//! let identity = answer.evidence().iter().find(|e| e.dimension() == Dimension::Relations).unwrap();
//! assert_eq!((identity.value(), identity.word()), ("social-identity", "Indigenous"));
//! ```
//!
//! The qualifier words and evidence rules are data too (`data/qualifiers/`), in both languages
//! with their regional forms; [`qualifier_label`] gives each code's label.
//!
//! # The open world
//!
//! Most titles of a real file are other occupations. The background vocabulary (the titles of
//! O*NET, ESCO, NOC/CNP 2021 and ROME, [`OCCUPATION_SOURCES`]) names them instead of letting
//! the nearest peer role take them, and a word of another job beside a peer variant blocks the
//! commit; the curated lexicon always comes first.
//!
//! ```
//! use peermap::{classify, Method, Verdict};
//!
//! let answer = classify("Radiator Mechanic");
//! assert_eq!(answer.verdict(), Verdict::NotPeer);
//! assert_eq!(answer.method(), Some(Method::Occupation));
//! assert!(answer.other_occupation().is_some());
//! ```
//!
//! [`CrosswalkBuilder::closed_world`] turns it off.
//!
//! # A person's decisions
//!
//! What the crosswalk leaves ambiguous or unknown, a person may decide once: [`Decisions`]
//! holds [`Decision`]s (a title as written, an entry id or [`DecisionTarget::NotPeer`], a
//! note, where it was written), given to [`CrosswalkBuilder::decisions`]. A decided title gets
//! that answer before matching, with [`Method::Decision`] and score 1; reading the file is the
//! caller's (the command-line tool reads the CSV of `peermap review`).
//!
//! ```
//! use peermap::{Crosswalk, Decision, DecisionTarget, Decisions, Method};
//!
//! let mut decisions = Decisions::new();
//! let target = DecisionTarget::Entry("peer-navigator".into());
//! decisions.add(Decision::new("Peer Housing Navigator", target, "housing team", "review.csv:4"));
//! let crosswalk = Crosswalk::builder().decisions(decisions).build()?;
//! let answer = crosswalk.classify("Peer Housing Navigators");
//! assert_eq!(answer.role(), Some("peer-navigator"));
//! assert_eq!(answer.method(), Some(Method::Decision));
//! assert_eq!(answer.decision(), Some("review.csv:4"));
//! # Ok::<(), peermap::Error>(())
//! ```
//!
//! # Many titles
//!
//! [`Crosswalk::classify_batch`] codes each distinct title once and returns one answer per
//! input, in order. [`Crosswalk::classify_each`] codes titles you have already de-duplicated
//! and keeps only what you make of each answer (a rendered row, a verdict), which is how the
//! command-line tool codes a file. With the `parallel` feature, both code on all cores.
//!
//! A crosswalk remembers, per thread, the correction of each misspelt or unknown word it has
//! probed (at most 65,536 words), because a file repeats the same unknown words across many
//! distinct titles. The memo changes no answer, only the time of the second sighting.
//!
//! # Using the map
//!
//! [`compare`] puts two roles side by side on the six questions (a Jaccard similarity per
//! question and overall, a sentence per facet in English or French), [`similar`] ranks the
//! roles nearest to one, and [`find`] is the reverse crosswalk from profile values to roles.
//! [`Role::codes`] links each entry, look-alikes included, to SOC 2018, O*NET-SOC, ISCO-08,
//! NOC 2021 and ESCO occupations with an SSSOM predicate and a source.
//!
//! ```
//! use peermap::{compare, Dimension, Facet, Lang, Lexicon};
//!
//! let lexicon = Lexicon::embedded();
//! let mentor = lexicon.get("peer-mentor").unwrap();
//! let chw = lexicon.get("community-health-worker").unwrap();
//! let c = compare(mentor, chw).unwrap();
//! assert_eq!(c.dimension(Dimension::Relations).similarity(), 0.0);
//! println!("{}", c.sentence(Facet::Pathways, Lang::Fr));
//! assert!(chw.codes().iter().any(|code| code.scheme() == "isco08" && code.code() == "3253"));
//! ```
//!
//! # Features
//!
//! - `parallel`: batch classification on all cores with rayon ([`Crosswalk::classify_batch`],
//!   [`Crosswalk::classify_each`]).
//!
//! # Examples
//!
//! `examples/code_csv_column.rs` codes a CSV column, `examples/compare_roles.rs` compares two
//! roles, `examples/extend_lexicon.rs` adds an organization's own titles, and
//! `examples/classify_lines.rs` codes standard input line by line.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The stages, in the order a title travels them.
mod support;

mod answer;
mod crosswalk;
mod data;
mod map;
mod matching;
mod model;
mod normalize;
mod qualifiers;
mod resolve;

pub use answer::types::{Answer, Candidate, Verdict};
pub use crosswalk::{classify, Crosswalk, CrosswalkBuilder, Error, DEFAULT_THRESHOLD};
pub use data::canonical::canonical_form;
pub use data::decisions::{Decision, DecisionTarget, Decisions};
pub use data::embedded::LEXICON_VERSION;
pub use data::entry::{Bilingual, Kind, OccupationCode, Role, Variant, VariantStatus};
pub use data::lexicon::{check_path, Lexicon};
pub use data::occupations::{Occupation, OCCUPATION_SOURCES};
pub use data::region::Region;
pub use map::{compare, find, similar, Comparison, DimensionComparison, Found, Query};
pub use matching::index::Method;
pub use model::{
    Affiliation, Dimension, DimensionValue, Facet, Formality, Function, Lang, Profile, Relation,
    Space, Status, Tradition, UnknownCode, ValueSet,
};
pub use normalize::{normalize, MAX_TITLE_CHARS};
pub use qualifiers::{label as qualifier_label, Evidence, Qualifiers};
pub use support::error::{LexiconError, LexiconErrors};
pub use support::files::entry_files;

/// The README's Rust examples, run as documentation tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<Crosswalk>();
        assert_send_sync::<CrosswalkBuilder>();
        assert_send_sync::<Answer>();
        assert_send_sync::<Lexicon>();
        assert_send_sync::<Role>();
        assert_send_sync::<Error>();
        assert_send_sync::<LexiconErrors>();
        assert_send_sync::<Qualifiers>();
        assert_send_sync::<Profile>();
    }
}
