//! Finds where each line of `data/keys.tsv` starts and where its key ends, once, at build time:
//! the library then searches the keys without scanning eight megabytes at start-up.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    let keys = "data/keys.tsv";
    println!("cargo:rerun-if-changed={keys}");
    let text = fs::read(keys).unwrap_or_else(|e| panic!("{keys}: {e}"));
    let mut index = Vec::with_capacity(text.len() / 6);
    let mut start = 0usize;
    for line in text.split(|&b| b == b'\n') {
        if start >= text.len() {
            break;
        }
        let key_len = line.iter().position(|&b| b == b'\t').unwrap_or(line.len());
        let (start32, end32) = (to_u32(start), to_u32(start + key_len));
        index.extend_from_slice(&start32.to_le_bytes());
        index.extend_from_slice(&end32.to_le_bytes());
        start += line.len() + 1;
    }
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("keys.idx"), index).expect("write keys.idx");
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("data/keys.tsv is under 4 GiB")
}
