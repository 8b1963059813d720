//! Precomputes, once, at build time, what the library would otherwise work out from eight
//! megabytes of text at start-up: where each line of `data/keys.tsv` and `data/words.tsv`
//! starts and where its key ends, hash tables from a key or a word to its line, and a set of the
//! first words of the keys. A look-up is then a hash and a slot or two, with no setup.

use std::env;
use std::fs;
use std::path::Path;

include!("src/hash.rs");

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let keys = read("data/keys.tsv");
    let key_lines = lines_and_keys(&keys);
    write(out, "keys.idx", &line_index(&key_lines));
    write(
        out,
        "keys.hash",
        &table_of(&keys, &key_lines, whole_keys(&key_lines)),
    );
    write(
        out,
        "prefixes.hash",
        &fingerprints_of(&keys, prefixes(&keys, &key_lines)),
    );
    let words = read("data/words.tsv");
    let word_lines = lines_and_keys(&words);
    write(out, "words.idx", &line_index(&word_lines));
    write(
        out,
        "words.hash",
        &table_of(&words, &word_lines, whole_keys(&word_lines)),
    );
}

fn read(path: &str) -> Vec<u8> {
    println!("cargo:rerun-if-changed={path}");
    fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn write(out: &Path, name: &str, bytes: &[u8]) {
    fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("write {name}: {e}"));
}

/// Each line's start and the end of its key (its first tab), as byte offsets.
fn lines_and_keys(text: &[u8]) -> Vec<(usize, usize)> {
    let mut lines = Vec::with_capacity(text.len() / 40);
    let mut start = 0usize;
    while start < text.len() {
        let line = text[start..]
            .split(|&b| b == b'\n')
            .next()
            .unwrap_or_default();
        let key_len = line.iter().position(|&b| b == b'\t').unwrap_or(line.len());
        lines.push((start, start + key_len));
        start += line.len() + 1;
    }
    lines
}

/// Two little-endian `u32` per line: where it starts and where its key ends.
fn line_index(lines: &[(usize, usize)]) -> Vec<u8> {
    let mut index = Vec::with_capacity(lines.len() * 8);
    for &(start, end) in lines {
        index.extend_from_slice(&to_u32(start).to_le_bytes());
        index.extend_from_slice(&to_u32(end).to_le_bytes());
    }
    index
}

/// Every line's whole key, with the line.
fn whole_keys(lines: &[(usize, usize)]) -> Vec<((usize, usize), usize)> {
    lines
        .iter()
        .enumerate()
        .map(|(n, &span)| (span, n))
        .collect()
}

/// Every first-words prefix of a key ("radiator" and "radiator repair" of "radiator repair
/// mechanic"), once, with the first line whose key starts with it.
fn prefixes(text: &[u8], lines: &[(usize, usize)]) -> Vec<((usize, usize), usize)> {
    let mut seen = std::collections::HashSet::new();
    let mut found = Vec::new();
    for (n, &(start, end)) in lines.iter().enumerate() {
        for (i, &b) in text[start..end].iter().enumerate() {
            if b == b' ' && seen.insert(&text[start..start + i]) {
                found.push(((start, start + i), n));
            }
        }
    }
    found
}

/// A table of lines (see `probe`) of `entries`, each the bytes `text[a..b]` and its line, at
/// most four fifths full: a look-up then probes one or two slots on average.
fn table_of(
    text: &[u8],
    lines: &[(usize, usize)],
    entries: Vec<((usize, usize), usize)>,
) -> Vec<u8> {
    let slots = slots_for(entries.len());
    let mut table = vec![0u8; slots * 8];
    for &((a, b), line) in &entries {
        let h = hash(&text[a..b]);
        let at = free_slot(&table, 8, first_slot(h, slots));
        let slot = u64::from(fingerprint(h)) << 32 | u64::from(to_u32(line + 1));
        table[at * 8..at * 8 + 8].copy_from_slice(&slot.to_le_bytes());
    }
    // Every entry is found again at its line, as the library will look for it.
    for &((a, b), line) in &entries {
        let found = probe(&table, hash(&text[a..b]), |n| lines[n] == (a, b));
        assert_eq!(found, Some(line), "line {line} is not found in its table");
    }
    table
}

/// A table of the fingerprints (see `holds`) of `entries`, as full as `table_of`'s.
fn fingerprints_of(text: &[u8], entries: Vec<((usize, usize), usize)>) -> Vec<u8> {
    let slots = slots_for(entries.len());
    let mut table = vec![0u8; slots * 4];
    for &((a, b), _) in &entries {
        let h = hash(&text[a..b]);
        let at = free_slot(&table, 4, first_slot(h, slots));
        table[at * 4..at * 4 + 4].copy_from_slice(&fingerprint(h).to_le_bytes());
    }
    for &((a, b), _) in &entries {
        assert!(
            holds(&table, hash(&text[a..b])),
            "{a}..{b} is not in its table"
        );
    }
    table
}

/// Slots for `n` entries: a power of two, at most four fifths full.
fn slots_for(n: usize) -> usize {
    (n + n / 4).next_power_of_two().max(1)
}

/// The first empty slot from `at` on, in a table of `width`-byte slots.
fn free_slot(table: &[u8], width: usize, mut at: usize) -> usize {
    let slots = table.len() / width;
    while table[at * width..(at + 1) * width].iter().any(|&b| b != 0) {
        at = (at + 1) & (slots - 1);
    }
    at
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("the data files are under 4 GiB")
}
