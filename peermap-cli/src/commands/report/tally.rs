//! What the workforce report counts: one row at a time, from `classify` as it codes or from the
//! JSON lines it wrote, in memory that grows with distinct roles and titles, not rows.

use std::collections::HashMap;
use std::io::BufRead;

use anyhow::Context as _;
use peermap::{Answer, Lexicon};

/// The verdicts in the report's order, `error` last.
pub const VERDICTS: [&str; 5] = ["peer_role", "ambiguous", "not_peer", "unknown", "error"];

/// How many distinct titles each review table tracks; further titles are counted together.
const MAX_REVIEW_TITLES: usize = 50_000;

/// What the report needs from one coded row.
#[derive(Clone, Debug, Default)]
pub struct ReportRow {
    verdict: String,
    input: String,
    role: Option<String>,
    candidates: Vec<String>,
    domains: Vec<String>,
    populations: Vec<String>,
    settings: Vec<String>,
    /// The label of the other occupation a `not_peer` title names, if it names one.
    occupation: Option<String>,
    /// Answered by a person's decision.
    decided: bool,
}

impl ReportRow {
    /// The row of a coded answer.
    pub fn from_answer(answer: &Answer) -> ReportRow {
        let q = answer.qualifiers();
        let owned = |codes: &[&str]| codes.iter().map(|c| c.to_string()).collect();
        ReportRow {
            verdict: answer.verdict().as_str().to_string(),
            input: answer.input().to_string(),
            role: answer.role().map(str::to_string),
            candidates: answer
                .candidates()
                .iter()
                .map(|c| c.role().to_string())
                .collect(),
            domains: owned(q.domains()),
            populations: owned(q.populations()),
            settings: owned(q.settings()),
            occupation: answer.other_occupation().map(|o| o.label().to_string()),
            decided: answer.decision().is_some(),
        }
    }

    /// A row that could not be read.
    pub fn error(input: Option<&str>) -> ReportRow {
        ReportRow {
            verdict: "error".to_string(),
            input: input.unwrap_or_default().to_string(),
            ..ReportRow::default()
        }
    }

    /// A row of `peermap classify --format jsonl` output.
    fn from_json(value: &serde_json::Value) -> anyhow::Result<ReportRow> {
        let verdict = value["verdict"]
            .as_str()
            .context("no \"verdict\": is this the JSON lines output of peermap classify?")?;
        anyhow::ensure!(VERDICTS.contains(&verdict), "unknown verdict \"{verdict}\"");
        let strings = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .map(|items| {
                    items
                        .iter()
                        .filter_map(|i| i.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        let qualifiers = &value["qualifiers"];
        Ok(ReportRow {
            verdict: verdict.to_string(),
            input: value["input"].as_str().unwrap_or_default().to_string(),
            role: value["role"].as_str().map(str::to_string),
            candidates: value["candidates"]
                .as_array()
                .map(|items| {
                    items
                        .iter()
                        .filter_map(|c| c["role"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
            domains: strings(&qualifiers["domains"]),
            populations: strings(&qualifiers["populations"]),
            settings: strings(&qualifiers["settings"]),
            occupation: value["other_occupation"]["label"]
                .as_str()
                .map(str::to_string),
            decided: value["method"] == "decision",
        })
    }
}

/// Counts gathered row by row; memory grows with distinct roles and titles, not rows.
#[derive(Debug, Default)]
pub struct Report {
    pub rows: u64,
    pub verdicts: [u64; 5],
    pub roles: HashMap<String, u64>,
    pub domains: HashMap<String, u64>,
    pub populations: HashMap<String, u64>,
    pub settings: HashMap<String, u64>,
    pub ambiguous: Review,
    /// `not_peer` titles of curated look-alikes (the lexicon's not-peer entries).
    pub not_peer: Review,
    /// `not_peer` titles that name another occupation (the background vocabulary).
    pub other_occupations: Review,
    pub unknown: Review,
    /// Rows a person's decision answered.
    pub decided: u64,
}

/// Titles to review, with how often each came.
#[derive(Debug, Default)]
pub struct Review {
    pub titles: HashMap<(String, String), u64>,
    /// Rows whose title came after the table was full.
    pub others: u64,
}

impl Review {
    fn add(&mut self, title: &str, detail: String) {
        let key = (title.to_string(), detail);
        if let Some(n) = self.titles.get_mut(&key) {
            *n += 1;
        } else if self.titles.len() < MAX_REVIEW_TITLES {
            self.titles.insert(key, 1);
        } else {
            self.others += 1;
        }
    }

    /// Most frequent first, then by title.
    pub fn sorted(&self) -> Vec<(&(String, String), u64)> {
        let mut rows: Vec<_> = self.titles.iter().map(|(k, n)| (k, *n)).collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        rows
    }

    pub fn total(&self) -> u64 {
        self.titles.values().sum::<u64>() + self.others
    }
}

impl Report {
    /// Counts one row.
    pub fn add(&mut self, row: &ReportRow) {
        self.rows += 1;
        self.decided += u64::from(row.decided);
        let at = VERDICTS.iter().position(|v| *v == row.verdict).unwrap_or(4);
        self.verdicts[at] += 1;
        match row.verdict.as_str() {
            "peer_role" => {
                if let Some(role) = &row.role {
                    *self.roles.entry(role.clone()).or_default() += 1;
                }
                for (counts, codes) in [
                    (&mut self.domains, &row.domains),
                    (&mut self.populations, &row.populations),
                    (&mut self.settings, &row.settings),
                ] {
                    for code in codes {
                        *counts.entry(code.clone()).or_default() += 1;
                    }
                }
            }
            "ambiguous" => self.ambiguous.add(&row.input, row.candidates.join(", ")),
            "not_peer" => match &row.occupation {
                Some(occupation) => self.other_occupations.add(&row.input, occupation.clone()),
                None => self
                    .not_peer
                    .add(&row.input, row.role.clone().unwrap_or_default()),
            },
            "unknown" => self.unknown.add(&row.input, String::new()),
            _ => {}
        }
    }

    /// Counts every row of a `peermap classify --format jsonl` file.
    pub fn read_jsonl(&mut self, reader: impl BufRead, name: &str) -> anyhow::Result<()> {
        for (i, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("{name}: cannot read line {}", i + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            let value: serde_json::Value = serde_json::from_str(&line)
                .with_context(|| format!("{name}: line {} is not JSON", i + 1))?;
            let row =
                ReportRow::from_json(&value).with_context(|| format!("{name}: line {}", i + 1))?;
            self.add(&row);
        }
        Ok(())
    }

    /// Peer-role rows whose role satisfies `test`.
    pub fn rows_whose_role(&self, lexicon: &Lexicon, test: impl Fn(&peermap::Role) -> bool) -> u64 {
        self.roles
            .iter()
            .filter(|(id, _)| lexicon.get(id).is_some_and(&test))
            .map(|(_, n)| n)
            .sum()
    }

    /// Rows coded to a peer role.
    pub fn peer_rows(&self) -> u64 {
        self.verdicts[0]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_tables_keep_a_bounded_number_of_titles() {
        let mut review = Review::default();
        for i in 0..MAX_REVIEW_TITLES + 10 {
            review.add(&format!("title {i}"), String::new());
        }
        review.add("title 0", String::new());
        assert_eq!(review.titles.len(), MAX_REVIEW_TITLES);
        assert_eq!(review.others, 10);
        assert_eq!(review.total(), MAX_REVIEW_TITLES as u64 + 11);
        assert_eq!(review.sorted()[0].1, 2);
    }

    #[test]
    fn verdict_counts_add_up_to_rows() {
        let mut report = Report::default();
        for title in ["Pair aidante", "Navigator", "Nurse Navigator", "banana"] {
            report.add(&ReportRow::from_answer(&peermap::classify(title)));
        }
        report.add(&ReportRow::error(Some("\u{FFFD}")));
        assert_eq!(report.rows, 5);
        assert_eq!(report.verdicts, [1, 1, 1, 1, 1]);
    }

    #[test]
    fn unknown_verdicts_in_json_are_refused() {
        let value = serde_json::json!({"verdict": "maybe"});
        assert!(ReportRow::from_json(&value).is_err());
        let value = serde_json::json!({"role": "x"});
        assert!(ReportRow::from_json(&value).is_err());
    }
}
