// Shared by `build.rs` (through `include!`) and the crate, so that the tables built at build time
// are probed with the very hash they were built with. No inner attributes or `//!` comments
// here: `include!` does not take them.

/// The hash the tables are built with: 64-bit FNV-1a over the bytes.
#[inline]
pub fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Looks `hash` up in a table of lines (little-endian `u64` slots, a power of two of them,
/// linear probing; 0 is an empty slot, else the hash's [`fingerprint`] in the high half and
/// `n + 1` in the low half for line `n`): the first line on the probe path whose fingerprint
/// is the hash's and for which `is_it` holds, or `None` at the first empty slot. A title that
/// is no key is told from the keys by the fingerprints, without reading a line.
#[inline]
pub fn probe(table: &[u8], hash: u64, mut is_it: impl FnMut(usize) -> bool) -> Option<usize> {
    let slots = table.len() / 8;
    if slots == 0 {
        return None;
    }
    let print = u64::from(fingerprint(hash));
    let mut at = first_slot(hash, slots);
    loop {
        let slot = u64_at(table, at);
        if slot == 0 {
            return None;
        }
        let line = (slot & 0xffff_ffff) as usize;
        if slot >> 32 == print && is_it(line - 1) {
            return Some(line - 1);
        }
        at = (at + 1) & (slots - 1);
    }
}

/// Whether a table of fingerprints only (little-endian `u32` slots, a power of two of them,
/// linear probing; 0 is an empty slot) holds the [`fingerprint`] of `hash`: true for what was
/// put in, and for anything else only by a collision of 32-bit fingerprints on one probe path.
#[inline]
pub fn holds(table: &[u8], hash: u64) -> bool {
    let slots = table.len() / 4;
    if slots == 0 {
        return false;
    }
    let print = fingerprint(hash);
    let mut at = first_slot(hash, slots);
    loop {
        let bytes: [u8; 4] = table[at * 4..at * 4 + 4].try_into().unwrap_or_default();
        match u32::from_le_bytes(bytes) {
            0 => return false,
            p if p == print => return true,
            _ => at = (at + 1) & (slots - 1),
        }
    }
}

/// The part of a hash a slot keeps to tell keys apart without reading them: its low 32 bits
/// (the slot is chosen by the high ones), never 0, which marks an empty slot.
#[inline]
pub fn fingerprint(hash: u64) -> u32 {
    (hash as u32).max(1)
}

/// Where probing for `hash` starts in a table of `slots` slots (a power of two): the top bits
/// of the hash, mixed once more so that keys that differ in their last byte spread out.
#[inline]
pub fn first_slot(hash: u64, slots: usize) -> usize {
    let bits = slots.trailing_zeros();
    if bits == 0 {
        return 0;
    }
    (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
}

#[inline]
fn u64_at(table: &[u8], at: usize) -> u64 {
    let bytes: [u8; 8] = table[at * 8..at * 8 + 8].try_into().unwrap_or_default();
    u64::from_le_bytes(bytes)
}
