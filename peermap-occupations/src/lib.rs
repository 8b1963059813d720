//! The background vocabulary of [peermap](https://crates.io/crates/peermap): the titles of
//! every occupation, in English and French, from public classifications (O*NET, ESCO, NOC/CNP
//! 2021, ROME). peermap reads it to tell a peer role from the rest of the world of work; this
//! crate holds only the data, precomputed and sorted so that a lookup needs no setup.
//!
//! The files are rebuilt from the publishers' files by `scripts/build-occupations.sh` in the
//! peermap repository; `data/occupations/SOURCES.md` there credits every publisher and
//! records each source file's SHA-256.
//!
//! # Format
//!
//! Three tab-separated texts, one record per line, no header:
//!
//! - [`OCCUPATIONS`]: `lang`, `codes` (`scheme:code` joined by `;`), `label` (empty where the
//!   classification gives no label above the title: the title is then its own label). A
//!   record's line number (from 0) is its id.
//! - [`KEYS`]: `key` (the title as peermap normalizes it), `sources` (a hexadecimal mask of
//!   [`SOURCES`]), `ids` (occupation ids joined by `,`), and `title` (one spelling as
//!   written), sorted by `key` in byte order, keys unique.
//! - [`WORDS`]: `word` (a normalized word of some title), `sources` (a mask as in `KEYS`),
//!   sorted by `word` in byte order, words unique.
//!
//! Computed from them at build time: where each line starts and its key ends
//! ([`KEY_INDEX`], [`WORD_INDEX`]), hash tables from a key or a word to its line
//! ([`KEY_TABLE`], [`WORD_TABLE`], probed with [`probe`]), and a set of the runs of first
//! words that start a key ([`PREFIX_TABLE`], read with [`holds`]), all by [`hash`].

#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// The classifications, by bit of the `sources` masks: bit 0 is `SOURCES[0]`, and so on.
pub const SOURCES: [&str; 4] = ["onet", "esco", "noc", "rome"];

/// One occupation per line: `lang \t codes \t label`.
pub static OCCUPATIONS: &str = include_str!("../data/occupations.tsv");

/// One title per line, sorted: `key \t sources \t ids \t title`.
pub static KEYS: &str = include_str!("../data/keys.tsv");

/// Where each line of [`KEYS`] starts and where its key ends: two little-endian `u32` byte
/// offsets per line, in line order (computed at build time by `build.rs`).
pub static KEY_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/keys.idx"));

/// One word per line, sorted: `word \t sources`.
pub static WORDS: &str = include_str!("../data/words.tsv");

/// Where each line of [`WORDS`] starts and where its word ends, as [`KEY_INDEX`] does for the
/// keys.
pub static WORD_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.idx"));

/// The line of each key of [`KEYS`], by [`hash`] of the key (see [`probe`]).
pub static KEY_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/keys.hash"));

/// The fingerprints of each run of a key's first words ("radiator repair" of "radiator repair
/// mechanic"), by [`hash`] of the run (see [`holds`]).
pub static PREFIX_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/prefixes.hash"));

/// The line of each word of [`WORDS`], by [`hash`] of the word.
pub static WORD_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.hash"));

mod hash;

pub use hash::{fingerprint, hash, holds, probe};
