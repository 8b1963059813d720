//! The workforce report: one self-contained HTML file a manager opens in a browser.
//!
//! No network, no script, no external font: the charts are inline SVG and the styles inline
//! CSS, so the file can be mailed or archived as it is. The markup is well-formed XML (XHTML
//! syntax), which lets the tests parse it with an XML parser and add the numbers up.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::BufRead;

use anyhow::Context as _;
use peermap::{Answer, Dimension, Facet, Lang, Lexicon, Tradition};

/// The verdicts in the report's order, `error` last.
const VERDICTS: [&str; 5] = ["peer_role", "ambiguous", "not_peer", "unknown", "error"];

/// How many distinct titles each review table tracks; further titles are counted together.
const MAX_REVIEW_TITLES: usize = 50_000;

/// How many rows each review table shows.
const REVIEW_ROWS_SHOWN: usize = 50;

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
        })
    }
}

/// Counts gathered row by row; memory grows with distinct roles and titles, not rows.
#[derive(Debug, Default)]
pub struct Report {
    rows: u64,
    verdicts: [u64; 5],
    roles: HashMap<String, u64>,
    domains: HashMap<String, u64>,
    populations: HashMap<String, u64>,
    settings: HashMap<String, u64>,
    ambiguous: Review,
    /// `not_peer` titles of curated look-alikes (the lexicon's not-peer entries).
    not_peer: Review,
    /// `not_peer` titles that name another occupation (the background vocabulary).
    other_occupations: Review,
    unknown: Review,
}

/// Titles to review, with how often each came.
#[derive(Debug, Default)]
struct Review {
    titles: HashMap<(String, String), u64>,
    /// Rows whose title came after the table was full.
    others: u64,
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
    fn sorted(&self) -> Vec<(&(String, String), u64)> {
        let mut rows: Vec<_> = self.titles.iter().map(|(k, n)| (k, *n)).collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        rows
    }

    fn total(&self) -> u64 {
        self.titles.values().sum::<u64>() + self.others
    }
}

impl Report {
    /// Counts one row.
    pub fn add(&mut self, row: &ReportRow) {
        self.rows += 1;
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
    fn rows_whose_role(&self, lexicon: &Lexicon, test: impl Fn(&peermap::Role) -> bool) -> u64 {
        self.roles
            .iter()
            .filter(|(id, _)| lexicon.get(id).is_some_and(&test))
            .map(|(_, n)| n)
            .sum()
    }

    /// Rows coded to a peer role.
    fn peer_rows(&self) -> u64 {
        self.verdicts[0]
    }

    /// The report as one HTML document.
    pub fn to_html(&self, lexicon: &Lexicon, lang: Lang) -> String {
        let t = Texts::new(lang);
        let mut html = String::with_capacity(64 * 1024);
        html.push_str("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"");
        html.push_str(lang.as_str());
        html.push_str("\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>");
        html.push_str(&escape(t.title));
        html.push_str("</title>\n<style>");
        html.push_str(STYLE);
        html.push_str("</style>\n</head>\n<body>\n");
        let _ = writeln!(
            html,
            "<header><h1>{}</h1><p class=\"meta\">{} · {} {} · {}</p></header>",
            escape(t.title),
            escape(&t.rows(self.rows)),
            escape(t.lexicon),
            escape(lexicon.version()),
            escape(t.source)
        );
        self.section_verdicts(&mut html, &t);
        self.section_roles(&mut html, lexicon, &t, lang);
        self.section_map(&mut html, lexicon, &t, lang);
        self.section_qualifiers(&mut html, &t, lang);
        self.section_review(&mut html, lexicon, &t, lang);
        html.push_str("</body>\n</html>\n");
        html
    }

    fn section_verdicts(&self, html: &mut String, t: &Texts) {
        let bars: Vec<Bar> = VERDICTS
            .iter()
            .zip(self.verdicts)
            .map(|(v, n)| Bar::new(v, t.verdict(v), n))
            .collect();
        html.push_str("<section>\n");
        let _ = writeln!(html, "<h2>{}</h2>", escape(t.verdicts_title));
        let _ = writeln!(html, "<p>{}</p>", escape(t.verdicts_note));
        bar_chart(html, "chart-verdicts", &bars, self.rows, t);
        html.push_str("</section>\n");
    }

    fn section_roles(&self, html: &mut String, lexicon: &Lexicon, t: &Texts, lang: Lang) {
        let mut bars: Vec<Bar> = self
            .roles
            .iter()
            .map(|(id, n)| {
                let label = lexicon.get(id).map_or(id.as_str(), |r| r.label(lang));
                Bar::new(id, label.to_string(), *n)
            })
            .collect();
        sort_bars(&mut bars);
        let mut traditions: Vec<Bar> = Tradition::ALL
            .iter()
            .map(|tradition| {
                let n = self.rows_whose_role(lexicon, |r| r.traditions().contains(tradition));
                Bar::new(tradition.as_str(), tradition.label(lang).to_string(), n)
            })
            .collect();
        sort_bars(&mut traditions);
        html.push_str("<section>\n");
        let _ = writeln!(html, "<h2>{}</h2>", escape(t.roles_title));
        let _ = writeln!(html, "<p>{}</p>", escape(&t.of_peer_rows(self.peer_rows())));
        bar_chart(html, "chart-roles", &bars, self.peer_rows(), t);
        let _ = writeln!(html, "<h3>{}</h3>", escape(t.traditions_title));
        let _ = writeln!(html, "<p>{}</p>", escape(t.traditions_note));
        bar_chart(html, "chart-traditions", &traditions, self.peer_rows(), t);
        html.push_str("</section>\n");
    }

    /// The six questions as a grid: for each value, the share of peer rows whose role holds it.
    fn section_map(&self, html: &mut String, lexicon: &Lexicon, t: &Texts, lang: Lang) {
        html.push_str("<section>\n");
        let _ = writeln!(html, "<h2>{}</h2>", escape(t.map_title));
        let _ = writeln!(html, "<p>{}</p>", escape(t.map_note));
        let _ = writeln!(
            html,
            "<div id=\"chart-map\" class=\"grid\" data-rows=\"{}\">",
            self.peer_rows()
        );
        for facet in Facet::ALL {
            let _ = writeln!(
                html,
                "<div class=\"facet\"><h3>{}</h3>",
                escape(facet.label(lang))
            );
            for dimension in Dimension::ALL.iter().filter(|d| d.facet() == *facet) {
                let bars: Vec<Bar> = dimension
                    .value_codes()
                    .iter()
                    .map(|code| {
                        let n = self.rows_whose_role(lexicon, |r| {
                            r.profile()
                                .is_some_and(|p| p.codes(*dimension).contains(code))
                        });
                        let label = dimension.value_label(code, lang).unwrap_or(code);
                        Bar::new(code, label.to_string(), n)
                    })
                    .collect();
                let _ = writeln!(html, "<h4>{}</h4>", escape(dimension.question(lang)));
                bar_chart(
                    html,
                    &format!("chart-map-{}", dimension.as_str()),
                    &bars,
                    self.peer_rows(),
                    t,
                );
            }
            html.push_str("</div>\n");
        }
        html.push_str("</div>\n</section>\n");
    }

    fn section_qualifiers(&self, html: &mut String, t: &Texts, lang: Lang) {
        html.push_str("<section>\n");
        let _ = writeln!(html, "<h2>{}</h2>", escape(t.qualifiers_title));
        let _ = writeln!(html, "<p>{}</p>", escape(&t.of_peer_rows(self.peer_rows())));
        for (id, title, counts) in [
            ("chart-domains", t.domains, &self.domains),
            ("chart-populations", t.populations, &self.populations),
            ("chart-settings", t.settings, &self.settings),
        ] {
            let mut bars: Vec<Bar> = counts
                .iter()
                .map(|(code, n)| {
                    let label = peermap::qualifier_label(code, lang).unwrap_or(code);
                    Bar::new(code, label.to_string(), *n)
                })
                .collect();
            sort_bars(&mut bars);
            let _ = writeln!(html, "<h3>{}</h3>", escape(title));
            bar_chart(html, id, &bars, self.peer_rows(), t);
        }
        html.push_str("</section>\n");
    }

    fn section_review(&self, html: &mut String, lexicon: &Lexicon, t: &Texts, lang: Lang) {
        html.push_str("<section>\n");
        let _ = writeln!(html, "<h2>{}</h2>", escape(t.review_title));
        let _ = writeln!(html, "<p>{}</p>", escape(t.review_note));
        let label = |id: &str| {
            lexicon
                .get(id)
                .map_or_else(|| id.to_string(), |r| r.label(lang).to_string())
        };
        for (id, title, review, detail_header) in [
            (
                "review-ambiguous",
                t.verdict("ambiguous"),
                &self.ambiguous,
                Some(t.candidates),
            ),
            (
                "review-not-peer",
                t.look_alikes.to_string(),
                &self.not_peer,
                Some(t.look_alike),
            ),
            (
                "review-other-occupation",
                t.other_occupations.to_string(),
                &self.other_occupations,
                Some(t.occupation),
            ),
            ("review-unknown", t.verdict("unknown"), &self.unknown, None),
        ] {
            let _ = writeln!(
                html,
                "<h3>{} <span class=\"count\">({})</span></h3>",
                escape(&title),
                review.total()
            );
            let _ = writeln!(
                html,
                "<table id=\"{id}\" data-total=\"{}\"><thead><tr><th>{}</th>{}<th class=\"num\">{}</th></tr></thead><tbody>",
                review.total(),
                escape(t.title_column),
                detail_header.map_or_else(String::new, |h| format!("<th>{}</th>", escape(h))),
                escape(t.count_column)
            );
            for ((title, detail), n) in review.sorted().into_iter().take(REVIEW_ROWS_SHOWN) {
                let detail = match id {
                    "review-not-peer" => Some(label(detail)),
                    "review-ambiguous" | "review-other-occupation" => Some(detail.clone()),
                    _ => None,
                };
                let _ = writeln!(
                    html,
                    "<tr data-count=\"{n}\"><td>{}</td>{}<td class=\"num\">{n}</td></tr>",
                    escape(title),
                    detail.map_or_else(String::new, |d| format!("<td>{}</td>", escape(&d)))
                );
            }
            html.push_str("</tbody></table>\n");
            let shown = review.titles.len().min(REVIEW_ROWS_SHOWN);
            if review.titles.len() > shown || review.others > 0 {
                let _ = writeln!(
                    html,
                    "<p class=\"note\">{}</p>",
                    escape(&t.more_titles(review.titles.len() - shown, review.others))
                );
            }
        }
        html.push_str("</section>\n");
    }
}

/// One bar of a chart.
struct Bar {
    code: String,
    label: String,
    count: u64,
}

impl Bar {
    fn new(code: &str, label: String, count: u64) -> Bar {
        Bar {
            code: code.to_string(),
            label,
            count,
        }
    }
}

/// Largest first, then by label.
fn sort_bars(bars: &mut [Bar]) {
    bars.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
}

/// A horizontal bar chart as inline SVG; each bar's share is of `total`.
fn bar_chart(html: &mut String, id: &str, bars: &[Bar], total: u64, t: &Texts) {
    const ROW: u32 = 24;
    const LABEL: u32 = 300;
    const BAR: u32 = 380;
    const WIDTH: u32 = LABEL + BAR + 130;
    if bars.is_empty() {
        let _ = writeln!(
            html,
            "<p id=\"{id}\" class=\"empty\" data-total=\"{total}\">{}</p>",
            escape(t.nothing)
        );
        return;
    }
    let height = ROW * bars.len() as u32 + 8;
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let _ = writeln!(
        html,
        "<svg id=\"{id}\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" data-total=\"{total}\">"
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = ROW * i as u32 + 4;
        let width = (bar.count as f64 / max as f64 * f64::from(BAR)).round() as u32;
        let share = if total == 0 {
            0.0
        } else {
            bar.count as f64 * 100.0 / total as f64
        };
        let _ = writeln!(
            html,
            "<g class=\"bar\" data-code=\"{}\" data-count=\"{}\"><title>{}: {} ({share:.1} %)</title><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{}\" y=\"{y}\" width=\"{width}\" height=\"{}\" rx=\"2\"/><text x=\"{}\" y=\"{}\" class=\"value\">{} · {share:.1} %</text></g>",
            escape(&bar.code),
            bar.count,
            escape(&bar.label),
            bar.count,
            LABEL - 8,
            y + 15,
            escape(&truncate(&bar.label, 44)),
            LABEL,
            ROW - 6,
            LABEL + width + 6,
            y + 15,
            bar.count
        );
    }
    html.push_str("</svg>\n");
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

/// Escapes text for HTML and XML alike.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML; a title pasted from a spreadsheet may
            // carry them.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2rem auto;max-width:960px;color:#1d2433;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #d7dce5;padding-bottom:.2rem}
h4{font-weight:600;margin:.8rem 0 .2rem;font-size:.95rem}.meta,.note{color:#5a6272;font-size:.9rem}
svg.chart text{font-size:13px;fill:#1d2433}svg.chart rect{fill:#3f6fb5}svg.chart text.value{fill:#5a6272}
#chart-verdicts g[data-code=peer_role] rect{fill:#2e8b57}#chart-verdicts g[data-code=not_peer] rect{fill:#c0504d}
#chart-verdicts g[data-code=ambiguous] rect{fill:#e0a030}#chart-verdicts g[data-code=unknown] rect{fill:#8c8c8c}
#chart-verdicts g[data-code=error] rect{fill:#6b3fa0}
.grid .facet{border-left:4px solid #d7dce5;padding-left:1rem;margin:1rem 0}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.4rem 0 1rem}
th,td{border-bottom:1px solid #e3e6ec;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.num,th.num{text-align:right}.count{color:#5a6272;font-weight:normal}.empty{color:#5a6272;font-style:italic}
";

/// The report's words in English or French.
struct Texts {
    lang: Lang,
    title: &'static str,
    lexicon: &'static str,
    source: &'static str,
    verdicts_title: &'static str,
    verdicts_note: &'static str,
    roles_title: &'static str,
    traditions_title: &'static str,
    traditions_note: &'static str,
    map_title: &'static str,
    map_note: &'static str,
    qualifiers_title: &'static str,
    domains: &'static str,
    populations: &'static str,
    settings: &'static str,
    review_title: &'static str,
    review_note: &'static str,
    candidates: &'static str,
    look_alike: &'static str,
    look_alikes: &'static str,
    other_occupations: &'static str,
    occupation: &'static str,
    title_column: &'static str,
    count_column: &'static str,
    nothing: &'static str,
}

impl Texts {
    fn new(lang: Lang) -> Texts {
        match lang {
            Lang::En => Texts {
                lang,
                title: "Peer workforce report",
                lexicon: "lexicon",
                source: "the six questions are those of Panaite et al. 2024, doi:10.1111/hex.14034",
                verdicts_title: "What the titles are",
                verdicts_note: "Share of all rows per verdict.",
                roles_title: "Peer roles",
                traditions_title: "Traditions",
                traditions_note: "A role may belong to more than one tradition, so the shares can add up to more than 100 %.",
                map_title: "The six questions of the map",
                map_note: "For the rows coded to a peer role: the share whose role typically holds each value (a role holds several values per question, so shares add up to more than 100 %).",
                qualifiers_title: "What the titles say besides the role",
                domains: "Domains",
                populations: "Populations",
                settings: "Settings",
                review_title: "Titles to review",
                review_note: "Most frequent first: fix the data, or propose lexicon entries for real peer titles (see CONTRIBUTING.md).",
                candidates: "Candidates",
                look_alike: "Look-alike",
                look_alikes: "Not a peer role: look-alike",
                other_occupations: "Not a peer role: another occupation",
                occupation: "Occupation",
                title_column: "Title",
                count_column: "Rows",
                nothing: "Nothing to show.",
            },
            Lang::Fr => Texts {
                lang,
                title: "Rapport sur les pairs de l'effectif",
                lexicon: "lexique",
                source: "les six questions sont celles de Panaite et al. 2024, doi:10.1111/hex.14034",
                verdicts_title: "Ce que sont les titres",
                verdicts_note: "Part de toutes les lignes par verdict.",
                roles_title: "Rôles de pairs",
                traditions_title: "Traditions",
                traditions_note: "Un rôle peut relever de plusieurs traditions : le total peut dépasser 100 %.",
                map_title: "Les six questions de la carte",
                map_note: "Pour les lignes codées à un rôle de pair : la part dont le rôle a habituellement chaque valeur (un rôle a plusieurs valeurs par question : le total dépasse 100 %).",
                qualifiers_title: "Ce que les titres disent en plus du rôle",
                domains: "Domaines",
                populations: "Populations",
                settings: "Milieux",
                review_title: "Titres à revoir",
                review_note: "Les plus fréquents d'abord : corrigez les données, ou proposez des entrées au lexique pour les vrais titres de pairs (voir CONTRIBUTING.md).",
                candidates: "Candidats",
                look_alike: "Titre semblable",
                look_alikes: "Pas un rôle de pair : titre semblable",
                other_occupations: "Pas un rôle de pair : une autre profession",
                occupation: "Profession",
                title_column: "Titre",
                count_column: "Lignes",
                nothing: "Rien à montrer.",
            },
        }
    }

    fn verdict(&self, verdict: &str) -> String {
        let (en, fr) = match verdict {
            "peer_role" => ("Peer role", "Rôle de pair"),
            "ambiguous" => ("Ambiguous", "Ambigu"),
            "not_peer" => ("Not a peer role", "Pas un rôle de pair"),
            "unknown" => ("Unknown", "Inconnu"),
            _ => ("Unreadable row", "Ligne illisible"),
        };
        match self.lang {
            Lang::En => en,
            Lang::Fr => fr,
        }
        .to_string()
    }

    fn rows(&self, n: u64) -> String {
        match self.lang {
            Lang::En => format!("{n} rows"),
            Lang::Fr => format!("{n} lignes"),
        }
    }

    fn of_peer_rows(&self, n: u64) -> String {
        match self.lang {
            Lang::En => format!("Of the {n} rows coded to a peer role."),
            Lang::Fr => format!("Sur les {n} lignes codées à un rôle de pair."),
        }
    }

    fn more_titles(&self, titles: usize, others: u64) -> String {
        match self.lang {
            Lang::En => format!("{titles} less frequent titles not shown; {others} rows beyond the titles tracked."),
            Lang::Fr => format!("{titles} titres moins fréquents non affichés ; {others} lignes au-delà des titres suivis."),
        }
    }
}

/// `peermap report`: reads a JSON lines file of coded rows and writes the HTML report.
pub fn run(args: &crate::cli::ReportArgs) -> anyhow::Result<()> {
    let crosswalk = crate::setup::crosswalk_for_lexicon(&args.lexicon, args.lang)?;
    let mut report = Report::default();
    let name = args.input.display().to_string();
    if name == "-" {
        report.read_jsonl(std::io::stdin().lock(), "standard input")?;
    } else {
        let file =
            std::fs::File::open(&args.input).with_context(|| format!("cannot open {name}"))?;
        report.read_jsonl(std::io::BufReader::new(file), &name)?;
    }
    write(&report, crosswalk.lexicon(), args.lang.into(), &args.output)
}

/// Writes the report atomically to `path`.
pub fn write(
    report: &Report,
    lexicon: &Lexicon,
    lang: Lang,
    path: &std::path::Path,
) -> anyhow::Result<()> {
    let html = report.to_html(lexicon, lang);
    let mut sink = crate::output::Sink::file(path)?;
    std::io::Write::write_all(&mut sink, html.as_bytes())?;
    sink.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape("a<b & \"c\"\u{7}"),
            "a&lt;b &amp; &quot;c&quot;\u{FFFD}"
        );
    }

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
