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
