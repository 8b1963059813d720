//! The input's header and the title column: the column `--column` names, or the one named like
//! a job title, or the first; column names made up for an input without a header.

use csv::ByteRecord;

use crate::cli::ClassifyArgs;
use crate::commands::classify::summary::{printable, Reporter};
use crate::table::{
    decode, most_frequent_separator, transcode, Encoding, InputFormat, RecordMeta, Source,
};

/// Header names taken for the title column when `--column` is not given, best first; compared
/// in lower case, with `_` and `-` read as spaces and accents dropped.
const TITLE_COLUMNS: &[&str] = &[
    "job title",
    "jobtitle",
    "title",
    "titre du poste",
    "intitule du poste",
    "intitule de poste",
    "intitule",
    "titre",
    "poste",
];

/// The header of the output's rows, and where the titles are.
pub struct Header {
    /// The header's cells, as written out; one per input column.
    pub names: Vec<Vec<u8>>,
    /// The 0-based title column.
    pub column: usize,
    /// The title column, for the summary: `column 2 "Job title"`.
    pub described: String,
    /// The first data row of an input without a header, read ahead to know its width.
    pub ahead: Option<(ByteRecord, RecordMeta)>,
}

impl Header {
    /// Reads the header (or, without one, makes up its names) and finds the title column,
    /// warning when it may not be the one meant.
    pub fn read(
        source: &mut Source,
        args: &ClassifyArgs,
        format: InputFormat,
        encoding: Encoding,
        reporter: &Reporter,
    ) -> anyhow::Result<Header> {
        let spec = args.column.as_deref();
        let has_header = format != InputFormat::Lines && !args.no_header;
        let header = if has_header {
            let mut record = ByteRecord::new();
            match source.next_record(&mut record)? {
                Some(_) => named(&record, spec, encoding, reporter)?,
                None => Header {
                    names: Vec::new(),
                    column: 0,
                    described: "empty input".to_string(),
                    ahead: None,
                },
            }
        } else {
            numbered(source, spec, format)?
        };
        if header.names.iter().any(|h| h.starts_with(b"peermap_")) {
            reporter.warn(
                "peermap: warning: the input already has peermap_ columns; the new ones are appended after them",
            );
        }
        Ok(header)
    }
}

/// The header the input starts with, and the title column in it.
fn named(
    record: &ByteRecord,
    spec: Option<&str>,
    encoding: Encoding,
    reporter: &Reporter,
) -> anyhow::Result<Header> {
    let names: Vec<String> = record
        .iter()
        .map(|cell| match decode(cell, encoding) {
            Ok(text) => text.into_owned(),
            Err(_) => String::from_utf8_lossy(cell).into_owned(),
        })
        .collect();
    let column = resolve_column(spec, &names)?;
    if let Some(warning) = column_warning(spec, &names, column) {
        reporter.warn(&warning);
    }
    let described = format!("column {} \"{}\"", column + 1, printable(&names[column]));
    let names = record
        .iter()
        .map(|cell| transcode(cell, encoding).into_owned())
        .collect();
    Ok(Header {
        names,
        column,
        described,
        ahead: None,
    })
}

/// Names for the columns of an input without a header: `title` for lines, else `column_1`,
/// `column_2`, … as many as the first row has (read ahead) or the title column needs.
fn numbered(
    source: &mut Source,
    spec: Option<&str>,
    format: InputFormat,
) -> anyhow::Result<Header> {
    let column = resolve_index(spec, format)?;
    let mut ahead = None;
    let width = if format == InputFormat::Lines {
        1
    } else {
        let mut record = ByteRecord::new();
        match source.next_record(&mut record)? {
            Some(meta) => {
                let width = record.len().max(column + 1);
                ahead = Some((record, meta));
                width
            }
            None => column + 1,
        }
    };
    let names = if format == InputFormat::Lines {
        vec![b"title".to_vec()]
    } else {
        (1..=width)
            .map(|i| format!("column_{i}").into_bytes())
            .collect()
    };
    Ok(Header {
        names,
        column,
        described: format!("column {}", column + 1),
        ahead,
    })
}

/// A header name folded for comparison: lower case, `_`/`-` as spaces, no accents.
fn fold_header(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        folded.push(match c {
            '_' | '-' => ' ',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'à' | 'â' => 'a',
            'î' | 'ï' => 'i',
            'ô' => 'o',
            'û' | 'ù' => 'u',
            'ç' => 'c',
            c => c,
        });
    }
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The 0-based title column in a header: `--column` as a name (exact, then ignoring case) or
/// as a 1-based index, or else a column named like a title, or else the first.
fn resolve_column(spec: Option<&str>, names: &[String]) -> anyhow::Result<usize> {
    let Some(spec) = spec else {
        let folded: Vec<String> = names.iter().map(|n| fold_header(n)).collect();
        let found = TITLE_COLUMNS
            .iter()
            .find_map(|wanted| folded.iter().position(|f| f == wanted));
        return Ok(found.unwrap_or(0));
    };
    if let Some(i) = names.iter().position(|n| n == spec) {
        return Ok(i);
    }
    if let Some(i) = names.iter().position(|n| {
        n.trim().eq_ignore_ascii_case(spec.trim()) || fold_header(n) == fold_header(spec)
    }) {
        return Ok(i);
    }
    if let Ok(index) = spec.trim().parse::<usize>() {
        if index == 0 {
            anyhow::bail!("--column {spec}: columns are numbered from 1");
        }
        if index > names.len() {
            anyhow::bail!(
                "--column {index}: the header has only {} column{}",
                names.len(),
                if names.len() == 1 { "" } else { "s" }
            );
        }
        return Ok(index - 1);
    }
    const SHOWN: usize = 20;
    let mut listed: Vec<String> = names
        .iter()
        .take(SHOWN)
        .map(|n| format!("\"{}\"", printable(n)))
        .collect();
    if names.len() > SHOWN {
        listed.push(format!("… ({} in all)", names.len()));
    }
    let hint = match names {
        [only] if most_frequent_separator(only.as_bytes()).is_some() => {
            "; the header was read as one column: if another character separates the cells, \
             give it with --delimiter"
        }
        _ => "",
    };
    anyhow::bail!(
        "no column named \"{spec}\" in the header (columns: {}){hint}",
        listed.join(", ")
    )
}

/// A warning when the title column chosen may not be the one meant: no header looked like a
/// job title (the first column was taken), or other columns have the same name.
fn column_warning(spec: Option<&str>, names: &[String], column: usize) -> Option<String> {
    let name = printable(&names[column]);
    let folded = fold_header(&names[column]);
    if spec.is_none() && !TITLE_COLUMNS.contains(&folded.as_str()) {
        return Some(format!(
            "peermap: warning: no column is named like a job title (\"job title\", \"title\", \"titre\", \"poste\", …); coding column {} \"{name}\": give --column NAME or N",
            column + 1
        ));
    }
    let by_number = spec.is_some_and(|s| s.trim().parse::<usize>().is_ok());
    let same: Vec<String> = (0..names.len())
        .filter(|&i| fold_header(&names[i]) == folded)
        .map(|i| (i + 1).to_string())
        .collect();
    (same.len() > 1 && !by_number).then(|| {
        format!(
            "peermap: warning: columns {} are all named \"{name}\"; coding column {}: give --column N for another",
            same.join(", "),
            column + 1
        )
    })
}

/// The 0-based title column without a header: `--column` must be a 1-based index.
fn resolve_index(spec: Option<&str>, format: InputFormat) -> anyhow::Result<usize> {
    let Some(spec) = spec else { return Ok(0) };
    if format == InputFormat::Lines {
        if matches!(spec.trim(), "1" | "title") {
            return Ok(0);
        }
        anyhow::bail!("--column {spec}: lines input has one column, the title (use --input-format csv or tsv for a table)");
    }
    match spec.trim().parse::<usize>() {
        Ok(0) => anyhow::bail!("--column {spec}: columns are numbered from 1"),
        Ok(index) => Ok(index - 1),
        Err(_) => {
            anyhow::bail!("--column \"{spec}\": with --no-header, give the column's 1-based index")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_title_column_is_found_by_name_index_or_guess() {
        let header = names(&["id", "Job_Title", "Department"]);
        let cases: &[(Option<&str>, usize)] = &[
            (None, 1),
            (Some("Job_Title"), 1),
            (Some("job title"), 1),
            (Some("department"), 2),
            (Some("1"), 0),
            (Some("3"), 2),
        ];
        for (spec, expected) in cases {
            assert_eq!(
                resolve_column(*spec, &header).unwrap(),
                *expected,
                "{spec:?}"
            );
        }
        assert_eq!(
            resolve_column(None, &names(&["no", "Intitulé du poste"])).unwrap(),
            1
        );
        assert_eq!(resolve_column(None, &names(&["name", "role"])).unwrap(), 0);
        assert_eq!(
            resolve_column(None, &names(&["titre", "job title"])).unwrap(),
            1
        );
        for bad in ["poste", "0", "4"] {
            let err = resolve_column(Some(bad), &header).unwrap_err().to_string();
            assert!(!err.contains('\n'), "{err}");
        }
    }

    #[test]
    fn without_a_header_the_column_is_an_index() {
        assert_eq!(resolve_index(None, InputFormat::Csv).unwrap(), 0);
        assert_eq!(resolve_index(Some("2"), InputFormat::Tsv).unwrap(), 1);
        assert!(resolve_index(Some("title"), InputFormat::Csv).is_err());
        assert_eq!(resolve_index(Some("1"), InputFormat::Lines).unwrap(), 0);
        assert!(resolve_index(Some("2"), InputFormat::Lines).is_err());
    }

    #[test]
    fn a_doubtful_title_column_is_warned_about() {
        /// (header, --column, chosen, warning expected)
        type Case<'a> = (&'a [&'a str], Option<&'a str>, usize, Option<&'a str>);
        let cases: &[Case] = &[
            (&["id", "Job title"], None, 1, None),
            (
                &["id", "role_name"],
                None,
                0,
                Some("no column is named like a job title"),
            ),
            (&["id", "role_name"], Some("role_name"), 1, None),
            (
                &["id", "title", "x", "Title"],
                None,
                1,
                Some("columns 2, 4 are all named"),
            ),
            (
                &["id", "title", "x", "title"],
                Some("title"),
                1,
                Some("columns 2, 4"),
            ),
            (&["id", "title", "x", "title"], Some("4"), 3, None),
        ];
        for (header, spec, chosen, expected) in cases {
            let header = names(header);
            assert_eq!(
                resolve_column(*spec, &header).unwrap(),
                *chosen,
                "{header:?}"
            );
            let warning = column_warning(*spec, &header, *chosen);
            match expected {
                None => assert_eq!(warning, None, "{header:?} {spec:?}"),
                Some(text) => assert!(
                    warning.as_deref().is_some_and(|w| w.contains(text)),
                    "{header:?} {spec:?}: {warning:?}"
                ),
            }
        }
    }
}
