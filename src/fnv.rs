//! FNV-1a, 64 bits: tiny and stable across Rust versions (unlike `DefaultHasher`), which is
//! what a lexicon version needs. Shared with `build.rs`, which hashes the embedded files.

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
