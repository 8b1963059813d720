//! Every validation rule, fed a broken entry: the message must name the file, the entry and
//! the field, so a contributor knows exactly what to fix.

use peermap::Lexicon;
use serde_json::{json, Value};

fn peer_entry(id: &str) -> Value {
    json!({
        "id": id,
        "kind": "peer-role",
        "broader": null,
        "traditions": ["peer-support"],
        "label": {"en": "Test peer", "fr": "Pair test"},
        "definition": {"en": "A test role.", "fr": "Un rôle de test."},
        "profile": {
            "functions": ["emotional-support"],
            "formality": ["formal-flexible"],
            "relations": ["lived-experience"],
            "status": ["people-supported"],
            "affiliations": ["community-organization"],
            "spaces": ["daily-life"]
        },
        "variants": [{"text": format!("{id} title"), "lang": "en"}],
        "sources": ["doi:10.1111/hex.14034"]
    })
}

fn not_peer_entry(id: &str) -> Value {
    json!({
        "id": id,
        "kind": "not-peer",
        "label": {"en": "Look-alike", "fr": "Faux ami"},
        "definition": {"en": "A test look-alike.", "fr": "Un faux ami de test."},
        "reason": {"en": "Professional.", "fr": "Professionnel."},
        "variants": [{"text": format!("{id} title"), "lang": "fr"}],
        "sources": ["doi:10.1111/hex.14034"]
    })
}

/// Loads entries as files named `<id>.json`; returns the messages, one per problem.
fn problems(entries: &[Value]) -> Vec<String> {
    let files: Vec<(String, String)> = entries
        .iter()
        .map(|e| {
            let id = e["id"].as_str().unwrap_or("unnamed");
            (
                format!("{id}.json"),
                serde_json::to_string_pretty(e).unwrap(),
            )
        })
        .collect();
    match Lexicon::from_sources(
        files.iter().map(|(n, t)| (n.as_str(), t.as_str())),
        "test".into(),
    ) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.errors().iter().map(|e| e.to_string()).collect(),
    }
}

/// Sets the value at a JSON pointer, creating the last key if it is missing.
fn set(mut entry: Value, pointer: &str, value: Value) -> Value {
    let (parent, last) = pointer.rsplit_once('/').unwrap();
    let parent = entry
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("{pointer}"));
    match parent {
        Value::Object(map) => {
            map.insert(last.to_string(), value);
        }
        Value::Array(items) => items[last.parse::<usize>().unwrap()] = value,
        _ => panic!("{pointer}"),
    }
    entry
}

fn remove(mut entry: Value, key: &str) -> Value {
    entry.as_object_mut().unwrap().remove(key);
    entry
}

#[test]
fn valid_entries_load() {
    assert_eq!(
        problems(&[peer_entry("alpha"), not_peer_entry("beta")]),
        Vec::<String>::new()
    );
}

/// One broken lexicon per rule: (rule, entries, the field named, part of the message).
type Case = (&'static str, Vec<Value>, &'static str, &'static str);

fn broken_cases() -> Vec<Case> {
    let base = || peer_entry("alpha");
    let mut with_unknown_key = base();
    with_unknown_key["colour"] = json!("blue");
    let mut variant_unknown_key = base();
    variant_unknown_key["variants"][0]["langue"] = json!("fr");
    vec![
        (
            "unknown key",
            vec![with_unknown_key],
            "field \"colour\"",
            "not a known field",
        ),
        (
            "unknown key in a variant",
            vec![variant_unknown_key],
            "field \"variants[0].langue\"",
            "not a known field",
        ),
        (
            "unknown dimension value",
            vec![set(base(), "/profile/functions/0", json!("navigaton"))],
            "field \"profile.functions[0]\"",
            "expected one of",
        ),
        (
            "unknown dimension",
            vec![set(
                base(),
                "/profile",
                json!({"functions": [], "formality": [], "relations": [], "status": ["people-supported"], "affiliations": [], "spaces": [], "mood": []}),
            )],
            "field \"profile.mood\"",
            "not a known field",
        ),
        (
            "missing dimension",
            vec![{
                let mut e = base();
                e["profile"].as_object_mut().unwrap().remove("spaces");
                e
            }],
            "field \"profile.spaces\"",
            "is required",
        ),
        (
            "status without people-supported",
            vec![set(base(), "/profile/status", json!(["organization"]))],
            "field \"profile.status\"",
            "people-supported",
        ),
        (
            "unknown tradition",
            vec![set(base(), "/traditions/0", json!("peer-work"))],
            "field \"traditions[0]\"",
            "unknown tradition",
        ),
        (
            "no French label",
            vec![{
                let mut e = base();
                e["label"].as_object_mut().unwrap().remove("fr");
                e
            }],
            "field \"label.fr\"",
            "is required",
        ),
        (
            "no English label",
            vec![set(base(), "/label/en", json!(""))],
            "field \"label.en\"",
            "must not be empty",
        ),
        (
            "unknown kind",
            vec![set(base(), "/kind", json!("peer"))],
            "field \"kind\"",
            "unknown kind",
        ),
        (
            "bad language",
            vec![set(base(), "/variants/0/lang", json!("es"))],
            "field \"variants[0].lang\"",
            "unknown language",
        ),
        (
            "bad region",
            vec![set(base(), "/variants/0/regions", json!(["QC"]))],
            "field \"variants[0].regions[0]\"",
            "ISO 3166",
        ),
        (
            "lowercase region",
            vec![set(base(), "/variants/0/regions", json!(["ca-qc"]))],
            "field \"variants[0].regions[0]\"",
            "ISO 3166",
        ),
        (
            "bad status",
            vec![set(base(), "/variants/0/status", json!("maybe"))],
            "field \"variants[0].status\"",
            "unknown status",
        ),
        (
            "empty variant",
            vec![set(base(), "/variants/0/text", json!("– · –"))],
            "field \"variants[0].text\"",
            "no letters",
        ),
        (
            "no variants",
            vec![set(base(), "/variants", json!([]))],
            "field \"variants\"",
            "must not be empty",
        ),
        (
            "no sources",
            vec![remove(base(), "sources")],
            "field \"sources\"",
            "is required",
        ),
        (
            "peer role without profile",
            vec![remove(base(), "profile")],
            "field \"profile\"",
            "is required",
        ),
        (
            "peer role with a reason",
            vec![{
                let mut e = base();
                e["reason"] = json!({"en": "x", "fr": "y"});
                e
            }],
            "field \"reason\"",
            "not allowed",
        ),
        (
            "not-peer without reason",
            vec![remove(not_peer_entry("beta"), "reason")],
            "field \"reason\"",
            "is required",
        ),
        (
            "not-peer with a profile",
            vec![{
                let mut e = not_peer_entry("beta");
                e["profile"] = base()["profile"].clone();
                e
            }],
            "field \"profile\"",
            "not allowed",
        ),
        (
            "bad id",
            vec![set(base(), "/id", json!("Alpha Role"))],
            "field \"id\"",
            "lowercase words",
        ),
        (
            "unknown broader",
            vec![set(base(), "/broader", json!("nobody"))],
            "field \"broader\"",
            "not the id of any entry",
        ),
        (
            "broader is not a peer role",
            vec![
                set(base(), "/broader", json!("beta")),
                not_peer_entry("beta"),
            ],
            "field \"broader\"",
            "not a peer role",
        ),
        (
            "broader cycle",
            vec![
                set(base(), "/broader", json!("gamma")),
                set(peer_entry("gamma"), "/broader", json!("alpha")),
            ],
            "field \"broader\"",
            "cycle",
        ),
        (
            "variant typed twice",
            vec![set(
                base(),
                "/variants",
                json!([{"text": "Pair aidant", "lang": "fr"}, {"text": "paire-aidante", "lang": "fr"}]),
            )],
            "field \"variants[1].text\"",
            "same entry",
        ),
        (
            "variant in two entries",
            vec![
                set(base(), "/variants/0/text", json!("navigator")),
                set(peer_entry("gamma"), "/variants/0/text", json!("Navigators")),
            ],
            "field \"variants[0].text\"",
            "ambiguous",
        ),
        (
            "bad code scheme",
            vec![set(
                base(),
                "/codes",
                json!([{"scheme": "soc", "code": "21-1094", "predicate": "skos:broadMatch", "source": "x"}]),
            )],
            "field \"codes[0].scheme\"",
            "unknown scheme",
        ),
        (
            "code not in its scheme's form",
            vec![set(
                base(),
                "/codes",
                json!([{"scheme": "noc2021", "code": "4220", "label": "Social and community service workers", "predicate": "skos:broadMatch", "source": "x"}]),
            )],
            "field \"codes[0].code\"",
            "five-digit",
        ),
        (
            "code without its label",
            vec![set(
                base(),
                "/codes",
                json!([{"scheme": "isco08", "code": "3253", "predicate": "skos:exactMatch", "source": "x"}]),
            )],
            "field \"codes[0].label\"",
            "required",
        ),
        (
            "bad code predicate",
            vec![set(
                base(),
                "/codes",
                json!([{"scheme": "isco08", "code": "3253", "label": "Community health workers", "predicate": "owl:sameAs", "source": "x"}]),
            )],
            "field \"codes[0].predicate\"",
            "unknown predicate",
        ),
        (
            "a list written as a string",
            vec![set(base(), "/traditions", json!("peer-support"))],
            "field \"traditions\"",
            "must be",
        ),
        (
            "a label written as a string",
            vec![set(base(), "/label", json!("Test peer"))],
            "field \"label\"",
            "must be",
        ),
        (
            "a score-like number where text is expected",
            vec![set(base(), "/variants/0/text", json!(42))],
            "field \"variants[0].text\"",
            "must be",
        ),
    ]
}

#[test]
fn each_rule_names_file_entry_and_field() {
    for (rule, entries, field, message) in broken_cases() {
        let found = problems(&entries);
        let hit = found.iter().find(|m| m.contains(field));
        let Some(hit) = hit else {
            panic!("{rule}: no problem names {field}; got {found:#?}")
        };
        assert!(hit.contains(".json: entry \""), "{rule}: {hit}");
        assert!(hit.contains(message), "{rule}: {hit}");
    }
}

#[test]
fn a_shared_head_marked_ambiguous_everywhere_is_allowed() {
    let a = set(
        peer_entry("alpha"),
        "/variants/0",
        json!({"text": "navigator", "lang": "en", "ambiguous": true}),
    );
    let b = set(
        peer_entry("gamma"),
        "/variants/0",
        json!({"text": "Navigators", "lang": "en", "ambiguous": true}),
    );
    assert_eq!(problems(&[a, b]), Vec::<String>::new());
}

#[test]
fn a_file_whose_name_is_not_its_id_is_reported() {
    let text = serde_json::to_string(&peer_entry("alpha")).unwrap();
    let err = Lexicon::from_sources([("data/beta.json", text.as_str())], "t".into()).unwrap_err();
    assert!(
        err.to_string().contains(
            "data/beta.json: entry \"alpha\": field \"id\": must equal the file name \"beta\""
        ),
        "{err}"
    );
}

#[test]
fn a_syntax_error_names_the_file_and_line() {
    let err = Lexicon::from_sources(
        [("alpha.json", "{\n  \"id\": \"alpha\",\n  oops\n}")],
        "t".into(),
    )
    .unwrap_err();
    let first = &err.errors()[0];
    assert_eq!(first.file(), "alpha.json");
    assert_eq!(first.line(), Some(3));
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut e = peer_entry("alpha");
    e["colour"] = json!("blue");
    e["profile"]["spaces"] = json!(["everywhere"]);
    e["variants"][0]["lang"] = json!("de");
    assert!(problems(&[e]).len() >= 3);
}

#[test]
fn a_user_lexicon_from_a_folder_extends_the_embedded_one() {
    let dir = std::env::temp_dir().join(format!("peermap-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let entry = set(
        peer_entry("hospital-peer-liaison"),
        "/variants/0/text",
        json!("Peer Liaison Extraordinaire"),
    );
    std::fs::write(dir.join("hospital-peer-liaison.json"), entry.to_string()).unwrap();
    let user = Lexicon::from_path(&dir).unwrap();
    assert!(user.version().starts_with("user-"));
    let crosswalk = peermap::Crosswalk::builder().lexicon(user).build().unwrap();
    assert_eq!(
        crosswalk.classify("Peer liaison extraordinaire").role(),
        Some("hospital-peer-liaison")
    );
    assert!(crosswalk.lexicon().get("peer-navigator").is_some());
    assert_ne!(crosswalk.lexicon().version(), peermap::LEXICON_VERSION);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_extension_may_name_an_embedded_role_as_broader() {
    let dir = std::env::temp_dir().join(format!("peermap-extension-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let entry = set(
        peer_entry("ward-peer-liaison"),
        "/broader",
        json!("peer-support-worker"),
    );
    let entry = set(entry, "/variants/0/text", json!("Ward Peer Liaison"));
    std::fs::write(dir.join("ward-peer-liaison.json"), entry.to_string()).unwrap();

    let alone = Lexicon::from_path(&dir).unwrap_err().to_string();
    assert!(
        alone.contains("field \"broader\": \"peer-support-worker\" is not the id of any entry"),
        "{alone}"
    );

    let extension = Lexicon::extension_from_path(&dir).unwrap();
    let crosswalk = peermap::Crosswalk::builder()
        .lexicon(extension.clone())
        .build()
        .unwrap();
    let answer = crosswalk.classify("Ward peer liaison");
    assert_eq!(
        answer.lineage(),
        ["ward-peer-liaison", "peer-support-worker"]
    );

    // Without the embedded lexicon, the broader role is missing again.
    let err = peermap::Crosswalk::builder()
        .no_default_lexicon()
        .lexicon(extension)
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("not the id of any entry"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Writes `text` as `file` in `folder`; returns its path.
fn write(folder: &tempfile::TempDir, file: &str, text: &str) -> std::path::PathBuf {
    let path = folder.path().join(file);
    std::fs::write(&path, text).expect("a temporary file");
    path
}

/// A user's lexicon goes through the same validator as the embedded one: every broken case,
/// written as files in a folder and loaded from there, is reported with the file's path, the
/// entry and the field.
#[test]
fn each_rule_names_the_users_file_entry_and_field() {
    for (rule, entries, field, message) in broken_cases() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        for entry in &entries {
            let id = entry["id"].as_str().expect("an id");
            write(
                &folder,
                &format!("{id}.json"),
                &serde_json::to_string_pretty(entry).unwrap(),
            );
        }
        let errors = match Lexicon::from_path(folder.path()) {
            Ok(_) => panic!("{rule}: the broken folder loaded"),
            Err(errors) => errors,
        };
        let hit = errors
            .errors()
            .iter()
            .find(|e| e.to_string().contains(field))
            .unwrap_or_else(|| panic!("{rule}: no problem names {field}: {errors}"));
        let shown = hit.to_string();
        assert!(
            std::path::Path::new(hit.file()).starts_with(folder.path()),
            "{rule}: {shown}"
        );
        assert!(shown.starts_with(hit.file()), "{rule}: {shown}");
        assert!(hit.entry().is_some(), "{rule}: {shown}");
        assert!(shown.contains(message), "{rule}: {shown}");
    }
}

#[test]
fn a_file_that_is_not_one_object_is_named() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = write(&folder, "alpha.json", "[{\"id\": \"alpha\"}]");
    let errors = Lexicon::from_path(folder.path()).expect_err("a list is not an entry");
    let first = &errors.errors()[0];
    assert_eq!(std::path::Path::new(first.file()), path);
    assert!(first.to_string().contains("one JSON object"), "{first}");
}

/// Windows editors save "UTF-8 with BOM" or "Unicode" (UTF-16). A byte-order mark is ignored,
/// as JSON allows, and `canonical_form` drops it; a file that is not UTF-8 says what it looks
/// like, and every such file is named, not only the first.
#[test]
fn files_saved_by_windows_editors_are_read_or_named() {
    let text = serde_json::to_string_pretty(&peer_entry("alpha")).unwrap();
    let folder = tempfile::tempdir().expect("a temporary folder");
    write(&folder, "alpha.json", &format!("\u{feff}{text}"));
    Lexicon::from_path(folder.path()).expect("a byte-order mark is ignored");
    let tidy = peermap::canonical_form("alpha.json", &format!("\u{feff}{text}")).unwrap();
    assert!(!tidy.starts_with('\u{feff}'));

    let folder = tempfile::tempdir().expect("a temporary folder");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(folder.path().join("alpha.json"), utf16).unwrap();
    let mut latin1 = text
        .replacen("alpha title", "alph\u{1} title", 1)
        .into_bytes();
    let at = latin1.iter().position(|&b| b == 1).expect("the marker");
    latin1[at] = 0xE9;
    let line = 1 + latin1[..at].iter().filter(|&&b| b == b'\n').count();
    std::fs::write(folder.path().join("beta.json"), latin1).unwrap();
    let errors = Lexicon::from_path(folder.path()).expect_err("neither file is UTF-8");
    let messages: Vec<String> = errors.errors().iter().map(|e| e.to_string()).collect();
    assert_eq!(messages.len(), 2, "{messages:#?}");
    assert!(messages[0].contains("alpha.json"), "{}", messages[0]);
    assert!(
        messages[0].contains("not UTF-8 text: it looks like UTF-16"),
        "{}",
        messages[0]
    );
    assert!(messages[1].contains("beta.json"), "{}", messages[1]);
    assert!(
        messages[1].contains(&format!("byte 0xE9 on line {line}")),
        "{}",
        messages[1]
    );
    assert!(errors.errors()[0].hint().unwrap().contains("UTF-8"));
}

#[test]
fn a_missing_path_is_named() {
    let errors = Lexicon::from_path("no/such/lexicon").expect_err("nothing to read");
    let first = &errors.errors()[0];
    assert!(first.to_string().starts_with("no/such/lexicon"), "{first}");
    assert!(first.to_string().contains("cannot read"), "{first}");
}

#[test]
fn two_files_with_one_id_are_named() {
    // Two folders of a user's lexicon may each hold an `alpha.json`.
    let text = serde_json::to_string_pretty(&peer_entry("alpha")).unwrap();
    let errors = Lexicon::from_sources(
        [
            ("one/alpha.json", text.as_str()),
            ("two/alpha.json", text.as_str()),
        ],
        "test".into(),
    )
    .expect_err("one id, two entries");
    let hit = errors
        .errors()
        .iter()
        .find(|e| e.to_string().contains("field \"id\""))
        .unwrap_or_else(|| panic!("{errors}"));
    assert_eq!(hit.file(), "two/alpha.json");
    assert_eq!(hit.entry(), Some("alpha"));
    assert!(
        hit.to_string()
            .contains("is also the id of the entry in one/alpha.json"),
        "{hit}"
    );
}
