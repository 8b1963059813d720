//! The quality bar: the golden titles (tests/golden/titles.tsv) and several hundred real
//! non-peer titles (tests/golden/non_peer_titles.tsv) are coded and scored, by split and by
//! language, and the test fails when a figure drops below its floor.
//!
//! The open world's golden files add real peer titles the lexicon does not hold word for word
//! (tests/golden/open_world_peers.tsv, half of them held out) and titles of other occupations
//! that look like peer titles (tests/golden/open_world_traps.tsv).
//!
//! Run `cargo test --test golden -- --nocapture` to see the figures. Misses are listed for the
//! `dev` split only: the `heldout` split is never looked at while tuning, only counted.

use std::collections::HashSet;

use peermap::{Answer, Crosswalk, Lexicon, Verdict};

/// Floors and ceilings. The dev floors are the bars issue 3 set; the held-out ones sit a little
/// under the figures measured when they were written (see CHANGELOG). Raise them when the
/// figures improve; never lower them to make a change pass.
mod floors {
    /// dev split, each language: share of peer titles whose expected role is in the answer's
    /// lineage.
    pub const DEV_ROLE_ACCURACY: f64 = 0.92;
    /// dev split, each language: share of peer titles whose answer shares the expected role's
    /// family (the root of its lineage).
    pub const DEV_FAMILY_ACCURACY: f64 = 0.97;
    /// held-out split, both languages together: role accuracy.
    pub const HELDOUT_ROLE_ACCURACY: f64 = 0.90;
    /// held-out split, both languages together: family accuracy.
    pub const HELDOUT_FAMILY_ACCURACY: f64 = 0.93;
    /// Every split and language: share of rows whose verdict is the expected one.
    pub const VERDICT_ACCURACY: f64 = 0.85;
    /// Ceiling, dev split, each language: share of look-alikes (expected not_peer) wrongly given
    /// a peer role.
    pub const MAX_LOOKALIKES_AS_PEER: f64 = 0.02;
    /// Ceiling, dev split, each language: share of ambiguous titles wrongly given a peer role.
    pub const MAX_AMBIGUOUS_AS_PEER: f64 = 0.02;
    /// Ceiling, held-out split: look-alikes and ambiguous titles wrongly given a peer role.
    pub const HELDOUT_MAX_COMMITTED: f64 = 0.05;
    /// Ceiling, each language: share of real non-peer job titles wrongly given a peer role.
    pub const MAX_NON_PEER_AS_PEER: f64 = 0.01;
    /// open_world_peers.tsv, dev split: role accuracy on peer titles never seen word for word.
    pub const OPEN_WORLD_DEV_ROLE_ACCURACY: f64 = 0.68;
    /// open_world_peers.tsv, held-out split: role accuracy.
    pub const OPEN_WORLD_HELDOUT_ROLE_ACCURACY: f64 = 0.75;
    /// open_world_traps.tsv, each split: share of other occupations' look-alike titles given
    /// a peer role.
    pub const MAX_TRAPS_AS_PEER: f64 = 0.0;
    /// open_world_traps.tsv, each split: share left `ambiguous` (a trap's words should name
    /// another job or block the head, not leave it open).
    pub const MAX_TRAPS_AMBIGUOUS: f64 = 0.10;
}

struct Row {
    line: usize,
    title: String,
    lang: String,
    verdict: String,
    role: String,
    split: String,
}

const VERDICTS: &[&str] = &["peer_role", "ambiguous", "not_peer", "unknown"];

fn golden_rows() -> Vec<Row> {
    rows_of(include_str!("golden/titles.tsv"), "titles.tsv")
}

/// The rows of a golden file with `titles.tsv`'s columns, checked.
fn rows_of(text: &str, file: &str) -> Vec<Row> {
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("title\tlang\tverdict\trole\tsplit\tsource")
    );
    let known: HashSet<&str> = Lexicon::embedded().roles().iter().map(|r| r.id()).collect();
    lines
        .enumerate()
        .map(|(i, line)| {
            let at = i + 2;
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 6, "{file} line {at}: {line}");
            assert!(!f[5].trim().is_empty(), "{file} line {at}: no source");
            assert!(["en", "fr"].contains(&f[1]), "{file} line {at}: lang");
            assert!(VERDICTS.contains(&f[2]), "{file} line {at}: verdict");
            assert!(["dev", "heldout"].contains(&f[4]), "{file} line {at}");
            if f[2] == "peer_role" {
                assert!(known.contains(f[3]), "{file} line {at}: role {}", f[3]);
            }
            Row {
                line: at,
                title: f[0].into(),
                lang: f[1].into(),
                verdict: f[2].into(),
                role: f[3].into(),
                split: f[4].into(),
            }
        })
        .collect()
}

fn root(id: &str) -> String {
    Lexicon::embedded()
        .lineage(id)
        .last()
        .map_or_else(|| id.to_string(), |r| r.to_string())
}

#[derive(Default)]
struct Score {
    rows: usize,
    verdict_right: usize,
    peer_rows: usize,
    role_right: usize,
    family_right: usize,
    lookalikes: usize,
    lookalikes_as_peer: usize,
    ambiguous: usize,
    ambiguous_as_peer: usize,
    misses: Vec<String>,
}

fn share(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

impl Score {
    fn add(&mut self, row: &Row, answer: &Answer) {
        let got = answer.verdict().as_str();
        let as_peer = answer.verdict() == Verdict::PeerRole;
        self.rows += 1;
        // Another occupation, named from the background vocabulary, is as right as `unknown`
        // where the golden set says "none of the lexicon's entries": neither is a peer role
        // nor a curated look-alike.
        let other_occupation = got == "not_peer" && answer.role().is_none();
        let mut right = got == row.verdict || (row.verdict == "unknown" && other_occupation);
        self.verdict_right += usize::from(right);
        match row.verdict.as_str() {
            "peer_role" => {
                self.peer_rows += 1;
                let role_right = as_peer && answer.lineage().contains(&row.role);
                let family_right =
                    as_peer && answer.role().is_some_and(|r| root(r) == root(&row.role));
                self.role_right += usize::from(role_right);
                self.family_right += usize::from(family_right);
                right = role_right;
            }
            "not_peer" => {
                self.lookalikes += 1;
                self.lookalikes_as_peer += usize::from(as_peer);
            }
            "ambiguous" => {
                self.ambiguous += 1;
                self.ambiguous_as_peer += usize::from(as_peer);
            }
            _ => {}
        }
        if !right {
            self.misses.push(format!(
                "line {}: {:?}: expected {} {}, got {} {}",
                row.line,
                row.title,
                row.verdict,
                row.role,
                got,
                answer.role().unwrap_or("-")
            ));
        }
    }

    fn role_accuracy(&self) -> f64 {
        share(self.role_right, self.peer_rows)
    }

    fn family_accuracy(&self) -> f64 {
        share(self.family_right, self.peer_rows)
    }

    fn verdict_accuracy(&self) -> f64 {
        share(self.verdict_right, self.rows)
    }

    fn lookalikes_as_peer(&self) -> f64 {
        share(self.lookalikes_as_peer, self.lookalikes)
    }

    fn ambiguous_as_peer(&self) -> f64 {
        share(self.ambiguous_as_peer, self.ambiguous)
    }

    fn committed(&self) -> f64 {
        share(
            self.lookalikes_as_peer + self.ambiguous_as_peer,
            self.lookalikes + self.ambiguous,
        )
    }

    fn report(&self, split: &str, lang: &str) {
        println!(
            "{split:<8} {lang:<4} {:>5} {:>8.3} {:>6} {:>6.3} {:>7.3} {:>6}/{:<4} {:>6}/{:<4}",
            self.rows,
            self.verdict_accuracy(),
            self.peer_rows,
            self.role_accuracy(),
            self.family_accuracy(),
            self.lookalikes_as_peer,
            self.lookalikes,
            self.ambiguous_as_peer,
            self.ambiguous,
        );
    }
}

fn score(rows: &[(Row, Answer)], split: &str, lang: Option<&str>) -> Score {
    let mut s = Score::default();
    for (row, answer) in rows
        .iter()
        .filter(|(r, _)| r.split == split && lang.map_or(true, |l| r.lang == l))
    {
        s.add(row, answer);
    }
    s
}

#[test]
fn golden_titles_meet_the_floors() {
    let crosswalk = Crosswalk::new();
    let coded: Vec<(Row, Answer)> = golden_rows()
        .into_iter()
        .map(|row| {
            let answer = crosswalk.classify(&row.title);
            (row, answer)
        })
        .collect();
    println!(
        "split    lang  rows  verdict  peers   role  family  look-alikes→peer  ambiguous→peer"
    );
    for split in ["dev", "heldout"] {
        for lang in ["en", "fr"] {
            score(&coded, split, Some(lang)).report(split, lang);
        }
        score(&coded, split, None).report(split, "all");
    }
    let dev = score(&coded, "dev", None);
    for miss in &dev.misses {
        println!("  dev miss: {miss}");
    }
    assert!(dev.rows >= 300, "the dev split needs at least 300 titles");
    for lang in ["en", "fr"] {
        let s = score(&coded, "dev", Some(lang));
        assert!(s.peer_rows >= 80, "dev {lang}: {} peer titles", s.peer_rows);
        assert!(
            s.role_accuracy() >= floors::DEV_ROLE_ACCURACY,
            "dev {lang} role accuracy"
        );
        assert!(
            s.family_accuracy() >= floors::DEV_FAMILY_ACCURACY,
            "dev {lang} family accuracy"
        );
        assert!(
            s.verdict_accuracy() >= floors::VERDICT_ACCURACY,
            "dev {lang} verdicts"
        );
        assert!(
            s.lookalikes_as_peer() <= floors::MAX_LOOKALIKES_AS_PEER,
            "dev {lang} look-alikes"
        );
        assert!(
            s.ambiguous_as_peer() <= floors::MAX_AMBIGUOUS_AS_PEER,
            "dev {lang} ambiguous"
        );
    }
    let heldout = score(&coded, "heldout", None);
    assert!(
        heldout.role_accuracy() >= floors::HELDOUT_ROLE_ACCURACY,
        "held-out role accuracy"
    );
    assert!(
        heldout.family_accuracy() >= floors::HELDOUT_FAMILY_ACCURACY,
        "held-out family accuracy"
    );
    assert!(
        heldout.verdict_accuracy() >= floors::VERDICT_ACCURACY,
        "held-out verdicts"
    );
    assert!(
        heldout.committed() <= floors::HELDOUT_MAX_COMMITTED,
        "held-out committed"
    );
}

#[test]
fn real_non_peer_titles_are_not_given_a_peer_role() {
    let text = include_str!("golden/non_peer_titles.tsv");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("title\tlang\tsource"));
    // The titles come from NOC/CNP and SOC (O*NET's frame): with those classifications in the
    // background they would only measure exact hits, so both are left out, and each title is
    // also coded with the noise of a posting around it.
    let crosswalk = Crosswalk::builder()
        .leave_out_occupations("noc")
        .leave_out_occupations("onet")
        .build()
        .unwrap();
    let mut rows = [0usize; 2];
    let mut as_peer: [Vec<String>; 2] = [Vec::new(), Vec::new()];
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 3, "non_peer_titles.tsv: {line}");
        let lang = match f[1] {
            "en" => 0,
            "fr" => 1,
            other => panic!("non_peer_titles.tsv: language {other:?}: {line}"),
        };
        let noisy = match lang {
            0 => format!("Sr. {} – Full Time (Req #{})", f[0], 1000 + rows[lang]),
            _ => format!("{} (H/F) - CDI", f[0]),
        };
        for title in [f[0].to_string(), noisy] {
            rows[lang] += 1;
            let answer = crosswalk.classify(&title);
            if answer.verdict() == Verdict::PeerRole {
                as_peer[lang].push(format!("{title:?} → {}", answer.role().unwrap_or("-")));
            }
        }
    }
    for (i, lang) in ["en", "fr"].iter().enumerate() {
        println!(
            "non-peer titles ({lang}): {}; given a peer role: {} ({:.3})",
            rows[i],
            as_peer[i].len(),
            share(as_peer[i].len(), rows[i])
        );
        for title in &as_peer[i] {
            println!("  {title}");
        }
    }
    assert!(rows[0] + rows[1] >= 600, "at least 600 non-peer titles");
    for i in 0..2 {
        assert!(rows[i] >= 250, "at least 250 titles in each language");
        assert!(
            share(as_peer[i].len(), rows[i]) <= floors::MAX_NON_PEER_AS_PEER,
            "{:#?}",
            as_peer[i]
        );
    }
}

#[test]
fn open_world_titles_meet_the_floors() {
    let crosswalk = Crosswalk::new();
    let code = |rows: Vec<Row>| -> Vec<(Row, Answer)> {
        rows.into_iter()
            .map(|row| {
                let answer = crosswalk.classify(&row.title);
                (row, answer)
            })
            .collect()
    };
    let peers = code(rows_of(
        include_str!("golden/open_world_peers.tsv"),
        "open_world_peers.tsv",
    ));
    let traps = code(rows_of(
        include_str!("golden/open_world_traps.tsv"),
        "open_world_traps.tsv",
    ));
    assert!(peers.iter().all(|(r, _)| r.verdict == "peer_role"));
    assert!(traps.iter().all(|(r, _)| r.verdict == "not_peer"));
    println!("open-world peers and traps");
    println!(
        "split    lang  rows  verdict  peers   role  family  look-alikes→peer  ambiguous→peer"
    );
    for (name, coded) in [("peers", &peers), ("traps", &traps)] {
        for split in ["dev", "heldout"] {
            for lang in ["en", "fr"] {
                score(coded, split, Some(lang)).report(&format!("{name}/{split}"), lang);
            }
        }
    }
    for miss in &score(&peers, "dev", None).misses {
        println!("  dev peer miss: {miss}");
    }
    for split in ["dev", "heldout"] {
        let traps_ambiguous: Vec<&str> = traps
            .iter()
            .filter(|(r, a)| r.split == split && a.verdict() == Verdict::Ambiguous)
            .map(|(r, _)| r.title.as_str())
            .collect();
        let as_peer: Vec<String> = traps
            .iter()
            .filter(|(r, a)| r.split == split && a.verdict() == Verdict::PeerRole)
            .map(|(r, a)| format!("{:?} → {}", r.title, a.role().unwrap_or("-")))
            .collect();
        let rows = traps.iter().filter(|(r, _)| r.split == split).count();
        println!(
            "traps/{split}: {rows} titles, given a peer role {}, ambiguous {}",
            as_peer.len(),
            traps_ambiguous.len()
        );
        if split == "dev" {
            for title in &traps_ambiguous {
                println!("  dev trap left ambiguous: {title:?}");
            }
        }
        assert!(
            share(as_peer.len(), rows) <= floors::MAX_TRAPS_AS_PEER,
            "{split}: {as_peer:#?}"
        );
        assert!(
            share(traps_ambiguous.len(), rows) <= floors::MAX_TRAPS_AMBIGUOUS,
            "{split}: {} ambiguous",
            traps_ambiguous.len()
        );
    }
    let dev = score(&peers, "dev", None);
    let heldout = score(&peers, "heldout", None);
    assert!(dev.peer_rows >= 40 && heldout.peer_rows >= 40);
    assert!(
        dev.role_accuracy() >= floors::OPEN_WORLD_DEV_ROLE_ACCURACY,
        "open-world dev role accuracy {:.3}",
        dev.role_accuracy()
    );
    assert!(
        heldout.role_accuracy() >= floors::OPEN_WORLD_HELDOUT_ROLE_ACCURACY,
        "open-world held-out role accuracy {:.3}",
        heldout.role_accuracy()
    );
}

/// The held-out open-world peer titles measure recall on titles never seen word for word: the
/// lexicon must not list one of them (folded as the matcher folds them) as a variant.
#[test]
fn the_lexicon_lists_no_held_out_open_world_peer_title() {
    let variants: HashSet<String> = Lexicon::embedded()
        .roles()
        .iter()
        .flat_map(|r| r.variants())
        .map(|v| peermap::normalize(v.text()))
        .collect();
    let rows = rows_of(
        include_str!("golden/open_world_peers.tsv"),
        "open_world_peers.tsv",
    );
    let listed: Vec<&str> = rows
        .iter()
        .filter(|r| r.split == "heldout" && variants.contains(&peermap::normalize(&r.title)))
        .map(|r| r.title.as_str())
        .collect();
    assert!(rows.iter().filter(|r| r.split == "heldout").count() >= 40);
    assert!(listed.is_empty(), "listed in the lexicon: {listed:#?}");
}
