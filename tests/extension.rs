//! Adding a role, a variant or a not-peer entry is adding data: no Rust code changes. These
//! tests build lexicons from folders of entry files, as a contributor's pull request would.

use std::fs;
use std::path::PathBuf;

use peermap::{Crosswalk, Lexicon, Verdict};

/// A fresh copy of `data/` in a temporary folder, removed when dropped.
struct DataCopy(PathBuf);

impl DataCopy {
    fn new(name: &str) -> DataCopy {
        let dir = std::env::temp_dir().join(format!("peermap-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
        for file in peermap::entry_files(data).unwrap() {
            fs::copy(&file, dir.join(file.file_name().unwrap())).unwrap();
        }
        DataCopy(dir)
    }
}

impl Drop for DataCopy {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

const NEW_ROLE: &str = r#"{
  "id": "recovery-college-tutor",
  "kind": "peer-role",
  "broader": "peer-educator",
  "traditions": ["peer-support"],
  "label": {"en": "Peer tutor (recovery college)", "fr": "Pair formateur (collège de rétablissement)"},
  "definition": {"en": "A person with lived experience who co-teaches recovery college courses.", "fr": "Personne ayant un savoir expérientiel qui coanime des cours d'un collège de rétablissement."},
  "profile": {
    "functions": ["promotion", "relationship-building"],
    "formality": ["formal-structured"],
    "relations": ["lived-experience"],
    "status": ["people-supported", "organization"],
    "affiliations": ["clinical-organization"],
    "spaces": ["institution"]
  },
  "variants": [
    {"text": "recovery college peer tutor", "lang": "en", "sources": ["https://example.org/recovery-college"]},
    {"text": "pair formateur en collège de rétablissement", "lang": "fr", "sources": ["https://example.org/college-retablissement"]}
  ],
  "sources": ["https://example.org/recovery-college"]
}"#;

#[test]
fn a_new_role_file_is_all_it_takes() {
    let copy = DataCopy::new("new-role");
    let title = "Recovery College Peer Tutor – Part-Time";
    assert_ne!(
        peermap::classify(title).role(),
        Some("recovery-college-tutor")
    );

    fs::write(copy.0.join("recovery-college-tutor.json"), NEW_ROLE).unwrap();
    assert!(
        peermap::check_path(&copy.0).is_empty(),
        "{:?}",
        peermap::check_path(&copy.0)
    );
    let lexicon = Lexicon::from_path(&copy.0).unwrap();
    let crosswalk = Crosswalk::builder()
        .no_default_lexicon()
        .lexicon(lexicon)
        .build()
        .unwrap();
    let answer = crosswalk.classify(title);
    assert_eq!(answer.verdict(), Verdict::PeerRole);
    assert_eq!(
        answer.lineage(),
        ["recovery-college-tutor", "peer-educator"]
    );
    assert_eq!(answer.qualifiers().employment(), ["part-time"]);
    assert_eq!(
        crosswalk
            .classify("Pair formatrice en collège de rétablissement")
            .role(),
        Some("recovery-college-tutor")
    );
    // The map tools see it too.
    let found = peermap::find(
        crosswalk.lexicon(),
        &peermap::Query::new()
            .with(peermap::Dimension::Formality, "formal-structured")
            .unwrap(),
    );
    assert!(found
        .iter()
        .any(|f| f.role().id() == "recovery-college-tutor"));
}

#[test]
fn a_new_variant_and_a_new_look_alike_are_data_too() {
    let copy = DataCopy::new("new-variant");
    let file = copy.0.join("peer-mentor.json");
    let text = fs::read_to_string(&file).unwrap();
    let text = text.replace(
        "\"variants\": [\n",
        "\"variants\": [\n    {\"text\": \"lived experience buddy\", \"lang\": \"en\", \"status\": \"unverified\"},\n",
    );
    fs::write(&file, text).unwrap();
    fs::write(
        copy.0.join("peer-tutor-academic.json"),
        r#"{"id": "peer-tutor-academic", "kind": "not-peer", "broader": null,
            "label": {"en": "Peer tutor (academic)", "fr": "Tuteur par les pairs (scolaire)"},
            "definition": {"en": "A student who tutors other students in a course.", "fr": "Élève qui aide d'autres élèves dans un cours."},
            "reason": {"en": "Helps with coursework, not through lived experience of care.", "fr": "Aide aux études, pas un savoir expérientiel du soin."},
            "variants": [{"text": "peer tutor", "lang": "en", "sources": ["https://example.org/tutoring"]}],
            "sources": ["https://example.org/tutoring"]}"#,
    )
    .unwrap();
    let lexicon = Lexicon::from_path(&copy.0).unwrap();
    let crosswalk = Crosswalk::builder()
        .no_default_lexicon()
        .lexicon(lexicon)
        .build()
        .unwrap();
    assert_eq!(
        crosswalk.classify("Lived Experience Buddy").role(),
        Some("peer-mentor")
    );
    let tutor = crosswalk.classify("Peer Tutor");
    assert_eq!(tutor.verdict(), Verdict::NotPeer);
    assert!(tutor.reason().unwrap().contains("coursework"));
}

#[test]
fn the_examples_local_lexicon_extends_the_embedded_one() {
    let local = Lexicon::extension_from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/local-lexicon"
    ))
    .unwrap();
    let crosswalk = Crosswalk::builder().lexicon(local).build().unwrap();
    let answer = crosswalk.classify("Lived Experience Liaison");
    assert_eq!(
        answer.lineage(),
        ["lived-experience-liaison", "peer-support-worker"]
    );
    assert_eq!(
        crosswalk.classify("Pair aidante").role(),
        Some("peer-support-worker")
    );
}
