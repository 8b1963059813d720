//! `peermap lexicon …`: the subcommands for contributors, which work on lexicon files.

pub mod add;
pub mod check;
pub mod export;
pub mod fmt;
pub mod from_decisions;

mod files;
mod locate;
