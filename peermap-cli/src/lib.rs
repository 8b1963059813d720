//! What the command-line tool shares with other front ends (the Python binding): the answer's
//! fields by their names and their cells as the CSV output writes them, reading decisions
//! files, and finding lexicon entries by id.
//!
//! The `peermap` binary (`src/main.rs`) is the rest: arguments, the tabular input/output
//! layer, the subcommands.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod cells;
pub mod decisions;
pub mod entries;
pub mod fields;
