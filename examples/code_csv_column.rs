//! Codes one column of a CSV file with the library, the way an analysis script would: reads
//! the titles, codes each distinct title once (`classify_batch`), and writes a small CSV of
//! title, verdict, role, label, score and the six questions' values.
//!
//! ```sh
//! cargo run --example code_csv_column                         # examples/titles.csv, job_title
//! cargo run --example code_csv_column -- staff.csv "Job Title"
//! ```
//!
//! For whole files with every input column kept, error rows, encodings and a summary, use the
//! command-line tool: `peermap classify staff.csv --column "Job Title"`.

use peermap::{Crosswalk, Dimension};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/examples/titles.csv").into());
    let column = args.next().unwrap_or_else(|| "job_title".to_string());

    let mut reader = csv::Reader::from_path(&path)?;
    let at = reader
        .headers()?
        .iter()
        .position(|h| h == column)
        .ok_or(format!("{path} has no column \"{column}\""))?;
    let titles: Vec<String> = reader
        .records()
        .map(|r| r.map(|record| record.get(at).unwrap_or_default().to_string()))
        .collect::<Result<_, _>>()?;

    let crosswalk = Crosswalk::new();
    let answers = crosswalk.classify_batch(&titles);

    let mut out = csv::Writer::from_writer(std::io::stdout().lock());
    let mut header = vec!["title", "verdict", "role", "label", "score"];
    header.extend(Dimension::ALL.iter().map(|d| d.as_str()));
    out.write_record(&header)?;
    for answer in &answers {
        let mut row = vec![
            answer.input().to_string(),
            answer.verdict().to_string(),
            answer.role().unwrap_or_default().to_string(),
            answer.label().unwrap_or_default().to_string(),
            answer.score().to_string(),
        ];
        row.extend(
            Dimension::ALL
                .iter()
                .map(|d| answer.profile_codes(*d).join(";")),
        );
        out.write_record(&row)?;
    }
    out.flush()?;
    Ok(())
}
