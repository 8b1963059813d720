//! Embeds every lexicon file of `data/` and fails the build on a file that is not JSON.
//!
//! Adding a role is adding a file: this script lists them, so no Rust code changes. The full
//! validation (unknown fields, collisions, cycles) runs in the tests and in
//! `peermap lexicon check`, through the same loader that reads user lexicons.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

#[path = "src/fnv.rs"]
mod fnv;
use fnv::Fnv64;

fn main() {
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let data = Path::new(&manifest_dir).join("data");
    println!("cargo:rerun-if-changed=data");

    let mut names: Vec<String> = fs::read_dir(&data)
        .expect("data/ exists")
        .map(|entry| entry.expect("readable data/ entry").file_name())
        .filter_map(|name| name.to_str().map(str::to_string))
        .filter(|name| name.ends_with(".json") && !name.ends_with(".schema.json"))
        .collect();
    names.sort();

    let version = fs::read_to_string(data.join("VERSION")).expect("data/VERSION exists");
    let version = version.trim();
    let mut hash = Fnv64::new();
    let mut code = String::from("pub(crate) static EMBEDDED_FILES: &[(&str, &str)] = &[\n");
    for name in &names {
        let path = data.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("data/{name}: {e}"));
        if let Err(e) = serde_json::from_str::<serde_json::Value>(&text) {
            panic!(
                "data/{name}: not valid JSON at line {}, column {}: {e}",
                e.line(),
                e.column()
            );
        }
        hash.write(name.as_bytes());
        hash.write(text.as_bytes());
        writeln!(
            code,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/data/{name}\"))),"
        )
        .unwrap();
    }
    code.push_str("];\n");
    embed_qualifiers(&data, &mut code, &mut hash);
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

/// Embeds the qualifier vocabulary, `data/qualifiers/*.json`, into the same version hash.
fn embed_qualifiers(data: &Path, code: &mut String, hash: &mut Fnv64) {
    let folder = data.join("qualifiers");
    println!("cargo:rerun-if-changed={}", folder.display());
    let mut names: Vec<String> = fs::read_dir(&folder)
        .expect("data/qualifiers/ exists")
        .map(|entry| entry.expect("readable data/qualifiers/ entry").file_name())
        .filter_map(|name| name.to_str().map(str::to_string))
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    code.push_str("pub(crate) static EMBEDDED_QUALIFIER_FILES: &[(&str, &str)] = &[\n");
    for name in &names {
        let path = folder.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text =
            fs::read_to_string(&path).unwrap_or_else(|e| panic!("data/qualifiers/{name}: {e}"));
        if let Err(e) = serde_json::from_str::<serde_json::Value>(&text) {
            panic!(
                "data/qualifiers/{name}: not valid JSON at line {}, column {}: {e}",
                e.line(),
                e.column()
            );
        }
        hash.write(b"qualifiers/");
        hash.write(name.as_bytes());
        hash.write(text.as_bytes());
        writeln!(
            code,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/data/qualifiers/{name}\"))),"
        )
        .unwrap();
    }
    code.push_str("];\n");
}
