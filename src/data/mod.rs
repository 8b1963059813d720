//! The data the stages read, loaded in this one layer: the lexicon of peer roles and
//! look-alikes, the qualifier vocabulary, the composition families, the background
//! occupations and a person's decisions, each validated as code (every problem named by file, entry and field), and
//! their canonical formatting.
//!
//! It takes the embedded files (or a user's folder) and gives validated, immutable data; the
//! matching stages only read it. The next stage is `normalize`.

pub(crate) mod canonical;
pub(crate) mod composition;
pub(crate) mod decisions;
pub(crate) mod embedded;
pub(crate) mod entry;
pub(crate) mod lexicon;
pub(crate) mod occupations;
pub(crate) mod reader;
pub(crate) mod region;
pub(crate) mod vocabulary;
