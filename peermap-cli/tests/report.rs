//! The workforce report's structure: it parses, every chart is there, and its numbers add up
//! to the coded rows. (How it looks in a browser is checked by `scripts/render-report.sh`,
//! outside the default test suite, since it needs Chromium.)

use std::fs;
use std::path::Path;
use std::process::Command;

fn peermap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_peermap"))
        .args(args)
        .output()
        .expect("the peermap binary runs")
}

const TITLES: &str = "title
Pair aidante – santé mentale (temps partiel)
Peer Support Worker – Mental Health
Peer Support Worker – Mental Health
Community Health Worker – HIV, Toronto
Travailleuse de rue – itinérance
Navigator
Navigator
Nurse Navigator
Personal Support Worker
banana split
banana split
banana split
Indigenous Patient Navigator
Peer Recovery Coach (casual)
";

struct Report {
    text: String,
}

impl Report {
    fn doc(&self) -> roxmltree::Document<'_> {
        roxmltree::Document::parse_with_options(
            &self.text,
            roxmltree::ParsingOptions {
                allow_dtd: true,
                ..roxmltree::ParsingOptions::default()
            },
        )
        .expect("the report is well-formed")
    }
}

fn counts(doc: &roxmltree::Document<'_>, id: &str) -> Vec<(String, u64)> {
    let chart = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(id))
        .unwrap_or_else(|| panic!("no element #{id}"));
    chart
        .descendants()
        .filter(|n| n.has_tag_name("g") || n.has_tag_name("tr"))
        .filter_map(|n| {
            Some((
                n.attribute("data-code").unwrap_or_default().to_string(),
                n.attribute("data-count")?.parse().unwrap(),
            ))
        })
        .collect()
}

fn total(doc: &roxmltree::Document<'_>, id: &str) -> u64 {
    doc.descendants()
        .find(|n| n.attribute("id") == Some(id))
        .and_then(|n| n.attribute("data-total"))
        .unwrap_or_else(|| panic!("#{id} has a data-total"))
        .parse()
        .unwrap()
}

fn report(dir: &Path, lang: &str) -> Report {
    let input = dir.join("titles.csv");
    fs::write(&input, TITLES).unwrap();
    let coded = dir.join("coded.jsonl");
    let html = dir.join(format!("report-{lang}.html"));
    let out = peermap(&[
        "classify",
        input.to_str().unwrap(),
        "--format",
        "jsonl",
        "-o",
        coded.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = peermap(&[
        "report",
        coded.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
        "--lang",
        lang,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Report {
        text: fs::read_to_string(html).unwrap(),
    }
}

#[test]
fn the_report_parses_has_every_chart_and_adds_up() {
    let dir = tempfile::tempdir().unwrap();
    let report = report(dir.path(), "en");
    let doc = report.doc();

    let verdicts = counts(&doc, "chart-verdicts");
    let rows: u64 = verdicts.iter().map(|(_, n)| n).sum();
    assert_eq!(rows, 14, "every row is counted once");
    assert_eq!(total(&doc, "chart-verdicts"), 14);
    let count = |code: &str| verdicts.iter().find(|(c, _)| c == code).unwrap().1;
    assert_eq!(count("ambiguous"), 2);
    assert_eq!(count("not_peer"), 2);
    assert_eq!(count("unknown"), 3);
    let peers = count("peer_role");
    assert_eq!(peers, 7);

    // Roles add up to the peer rows; each question's values are shares of them.
    let roles = counts(&doc, "chart-roles");
    assert_eq!(roles.iter().map(|(_, n)| n).sum::<u64>(), peers);
    assert!(roles
        .iter()
        .any(|(c, n)| c == "peer-support-worker" && *n == 3));
    assert!(
        counts(&doc, "chart-traditions")
            .iter()
            .map(|(_, n)| n)
            .sum::<u64>()
            >= peers
    );
    for dimension in [
        "functions",
        "formality",
        "relations",
        "status",
        "affiliations",
        "spaces",
    ] {
        let id = format!("chart-map-{dimension}");
        assert_eq!(total(&doc, &id), peers);
        let values = counts(&doc, &id);
        assert!(values.iter().all(|(_, n)| *n <= peers));
        // Every peer role holds at least one value of each question.
        assert!(
            values.iter().map(|(_, n)| n).sum::<u64>() >= peers,
            "{dimension}"
        );
    }
    assert!(counts(&doc, "chart-domains")
        .iter()
        .any(|(c, n)| c == "mental-health" && *n == 3));
    // Settings the roles imply count too: a community health worker works in the community,
    // a street worker in the street (issue 18).
    let settings = counts(&doc, "chart-settings");
    assert!(
        settings.contains(&("community".to_string(), 1)),
        "{settings:?}"
    );
    assert!(
        settings.contains(&("street".to_string(), 1)),
        "{settings:?}"
    );
    assert!(doc
        .descendants()
        .any(|n| n.attribute("id") == Some("chart-populations")));

    // The review tables list the titles to fix, most frequent first, and add up too.
    for (id, expected) in [
        ("review-ambiguous", 2),
        ("review-not-peer", 2),
        ("review-unknown", 3),
    ] {
        assert_eq!(total(&doc, id), expected, "{id}");
        let rows = counts(&doc, id);
        assert_eq!(rows.iter().map(|(_, n)| n).sum::<u64>(), expected, "{id}");
        assert!(rows.windows(2).all(|w| w[0].1 >= w[1].1));
    }
    assert!(report.text.contains("banana split"));

    // Self-contained: no script, no external resource.
    assert!(!report.text.contains("<script"));
    for node in doc.descendants() {
        for attr in ["src", "href"] {
            assert!(
                node.attribute(attr).is_none(),
                "{attr} on {:?}",
                node.tag_name()
            );
        }
    }
}

#[test]
fn the_report_speaks_french() {
    let dir = tempfile::tempdir().unwrap();
    let report = report(dir.path(), "fr");
    report.doc();
    for expected in [
        "Rapport",
        "Les six questions de la carte",
        "Titres à revoir",
        "Rôle de pair",
    ] {
        assert!(report.text.contains(expected), "{expected}");
    }
}

#[test]
fn classify_writes_the_same_report_directly() {
    let dir = tempfile::tempdir().unwrap();
    let from_jsonl = report(dir.path(), "en");
    let direct = dir.path().join("direct.html");
    let out = peermap(&[
        "classify",
        dir.path().join("titles.csv").to_str().unwrap(),
        "-o",
        dir.path().join("coded.csv").to_str().unwrap(),
        "--report",
        direct.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(fs::read_to_string(direct).unwrap(), from_jsonl.text);
}

#[test]
fn a_file_that_is_not_coded_output_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    fs::write(&bad, "{\"verdict\":\"peer_role\"}\nnot json\n").unwrap();
    let out = peermap(&[
        "report",
        bad.to_str().unwrap(),
        "-o",
        dir.path().join("r.html").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"));
    assert!(
        !dir.path().join("r.html").exists(),
        "nothing is written on failure"
    );
}
