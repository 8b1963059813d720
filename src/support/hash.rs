//! Hashing for the maps of every stage and for the lexicon version.
//!
//! FNV-1a, 64 bits: tiny and stable across Rust versions (unlike `DefaultHasher`), which is
//! what a lexicon version needs. Shared with `build.rs`, which hashes the embedded files
//! (and includes this file by path: keep it free of other imports).

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

/// A map keyed by folded words, hashed with FNV.
#[allow(dead_code)] // build.rs includes this file for `Fnv64` alone
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv64>>;
/// A set of folded words, hashed with FNV.
#[allow(dead_code)]
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv64>>;

/// An FNV-1a hasher.
pub(crate) struct Fnv64(u64);

impl Fnv64 {
    /// A hasher in its initial state.
    pub(crate) fn new() -> Self {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }

    /// Feeds bytes.
    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The hash of everything written so far.
    pub(crate) fn finish(&self) -> u64 {
        self.0
    }
}

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64::new()
    }
}

/// Also the hasher of the index's maps: their keys are short folded words, for which FNV is
/// several times faster than the default SipHash (the maps hold no untrusted keys of an
/// attacker's choosing that could make collisions a denial of service: the keys are the
/// lexicon's, and titles are only looked up).
impl std::hash::Hasher for Fnv64 {
    fn write(&mut self, bytes: &[u8]) {
        Fnv64::write(self, bytes);
    }

    fn finish(&self) -> u64 {
        Fnv64::finish(self)
    }
}
