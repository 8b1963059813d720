//! Choosing: between the entries a hit found (ties, narrower roles, regions), whether the
//! choice commits (score, threshold, a peer cue or support for an acronym), and how it stands
//! against the other occupations' titles (the open world's blocking rules).
//!
//! It takes the matching stage's hits and spans with the qualifiers read, and gives decisions;
//! `answer` comes next.

pub(crate) mod choose;
pub(crate) mod open_world;
pub(crate) mod verdict;
pub(crate) mod weigh;
