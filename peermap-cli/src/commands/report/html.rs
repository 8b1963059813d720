//! The workforce report as one self-contained HTML file a manager opens in a browser.
//!
//! No network, no script, no external font: the charts are inline SVG and the styles inline
//! CSS, so the file can be mailed or archived as it is. The markup is well-formed XML (XHTML
//! syntax), which lets the tests parse it with an XML parser and add the numbers up.

use std::fmt::Write as _;

use peermap::{Dimension, Facet, Lang, Lexicon, Tradition};

use crate::commands::report::tally::{Report, VERDICTS};
use crate::commands::report::texts::Texts;

/// How many rows each review table shows.
const REVIEW_ROWS_SHOWN: usize = 50;

impl Report {
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
        if self.decided > 0 {
            let _ = writeln!(
                html,
                "<p id=\"decided\" data-count=\"{}\">{} {}</p>",
                self.decided,
                self.decided,
                escape(t.decided_note)
            );
        }
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
}
