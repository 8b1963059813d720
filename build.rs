//! Embeds every lexicon file of `data/`, the qualifier vocabulary of `data/qualifiers/` and the
//! composition families of `data/composition/`,
//! and fails the build on a file that is not JSON.
//!
//! Adding a role is adding a file: this script lists them, so no Rust code changes. The full
//! validation (unknown fields, collisions, cycles) runs in the tests and in
//! `peermap lexicon check`, through the same loader that reads user lexicons.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

#[path = "src/support/hash.rs"]
mod fnv;
use fnv::Fnv64;

fn main() {
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let data = Path::new(&manifest_dir).join("data");
    println!("cargo:rerun-if-changed=data");

    let version = fs::read_to_string(data.join("VERSION")).expect("data/VERSION exists");
    let version = version.trim();
    let mut hash = Fnv64::new();
    let mut code = String::new();
    embed_folder(&data, "", "EMBEDDED_FILES", &mut code, &mut hash);
    // The qualifier vocabulary (`data/qualifiers/*.json`) goes into the same version hash.
    embed_folder(
        &data.join("qualifiers"),
        "qualifiers/",
        "EMBEDDED_QUALIFIER_FILES",
        &mut code,
        &mut hash,
    );
    // The composition families (`data/composition/*.json`) too: they change answers.
    embed_folder(
        &data.join("composition"),
        "composition/",
        "EMBEDDED_COMPOSITION_FILES",
        &mut code,
        &mut hash,
    );
    writeln!(
        code,
        "/// The version of the embedded lexicon: the data release (`data/VERSION`) plus a short\n\
         /// hash of every embedded file, so two builds with different data never share a version.\n\
         pub const LEXICON_VERSION: &str = \"{version}+{:08x}\";",
        hash.finish() as u32
    )
    .unwrap();

    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}

/// Writes `static NAME: &[(&str, &str)]` holding every `*.json` of `folder` (but schemas), in
/// name order, and adds each file (its name prefixed by `prefix`) to the version hash.
fn embed_folder(folder: &Path, prefix: &str, name: &str, code: &mut String, hash: &mut Fnv64) {
    println!("cargo:rerun-if-changed={}", folder.display());
    let mut files: Vec<String> = fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("data/{prefix}: {e}"))
        .map(|entry| entry.expect("a readable data/ entry").file_name())
        .filter_map(|file| file.to_str().map(str::to_string))
        .filter(|file| file.ends_with(".json") && !file.ends_with(".schema.json"))
        .collect();
    files.sort();
    writeln!(code, "pub(crate) static {name}: &[(&str, &str)] = &[").unwrap();
    for file in &files {
        let path = folder.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("data/{prefix}{file}: {e}"));
        if let Err(e) = serde_json::from_str::<serde_json::Value>(&text) {
            panic!(
                "data/{prefix}{file}: not valid JSON at line {}, column {}: {e}",
                e.line(),
                e.column()
            );
        }
        hash.write(prefix.as_bytes());
        hash.write(file.as_bytes());
        hash.write(text.as_bytes());
        writeln!(
            code,
            "    ({file:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/data/{prefix}{file}\"))),"
        )
        .unwrap();
    }
    code.push_str("];\n");
}
