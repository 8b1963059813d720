//! CSV cells as they are written: escaped as the `csv` crate escapes them, and, unless
//! `--keep-formulas`, neutralized when a spreadsheet would run them as a formula.

/// What CSV output does with a cell that a spreadsheet would run as a formula.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formulas {
    /// Prefix it with an apostrophe, so that spreadsheets show it as text (the default).
    Neutralize,
    /// Write it as it is (`--keep-formulas`).
    Keep,
}

/// Whether a spreadsheet would read `cell` as a formula: it starts with `=`, `+`, `-` or `@`
/// (or a tab or carriage return, which some spreadsheets skip before one), and is not a plain
/// number such as `-42` or `+3.5`, nor a lone sign used as a placeholder.
pub fn looks_like_formula(cell: &[u8]) -> bool {
    match cell {
        [b'=' | b'@' | b'\t' | b'\r', ..] => true,
        [b'+' | b'-'] => false,
        [b'+' | b'-', rest @ ..] => !is_plain_number(rest),
        _ => false,
    }
}

/// Digits with at most one decimal point or comma: `42`, `3.5`, `0,6`.
fn is_plain_number(text: &[u8]) -> bool {
    let separators = text.iter().filter(|b| matches!(b, b'.' | b',')).count();
    text.first().is_some_and(u8::is_ascii_digit)
        && text.last().is_some_and(u8::is_ascii_digit)
        && separators <= 1
        && text
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b','))
}

/// Writes one CSV cell: neutralized first if asked and it looks like a formula.
pub fn write_cell(out: &mut Vec<u8>, field: &[u8], delimiter: u8, formulas: Formulas) {
    if formulas == Formulas::Neutralize && looks_like_formula(field) {
        let mut safe = Vec::with_capacity(field.len() + 1);
        safe.push(b'\'');
        safe.extend_from_slice(field);
        write_csv_field(out, &safe, delimiter);
    } else {
        write_csv_field(out, field, delimiter);
    }
}

/// Writes one CSV field as the csv crate would with its default quoting: quoted, with quotes
/// doubled, when it holds the delimiter, a quote or a line break; as it is otherwise.
pub fn write_csv_field(out: &mut Vec<u8>, field: &[u8], delimiter: u8) {
    let needs_quotes = memchr::memchr3(b'"', b'\n', b'\r', field).is_some()
        || memchr::memchr(delimiter, field).is_some();
    if !needs_quotes {
        out.extend_from_slice(field);
        return;
    }
    out.push(b'"');
    // Copy the runs between quotes whole, doubling each quote.
    for (i, run) in field.split(|&b| b == b'"').enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\"\"");
        }
        out.extend_from_slice(run);
    }
    out.push(b'"');
}

/// Cells as CSV text: each field escaped, joined by the delimiter (no leading delimiter, no
/// line end), ready to be appended to the input's fields.
pub fn csv_tail<S: AsRef<[u8]>>(cells: &[S], delimiter: u8) -> Box<[u8]> {
    let mut out = Vec::with_capacity(cells.iter().map(|c| c.as_ref().len() + 1).sum());
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(delimiter);
        }
        write_csv_field(&mut out, cell.as_ref(), delimiter);
    }
    out.into_boxed_slice()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_told_from_numbers_and_text() {
        let formulas: &[&[u8]] = &[
            b"=1+1",
            b"=HYPERLINK(\"http://x\")",
            b"+Peer Mentor",
            b"-2+3",
            b"@SUM(A1)",
            b"\t=1",
            b"\r=1",
            b"+1 514 555 0100",
            b"-1.2.3",
            b"--",
        ];
        for cell in formulas {
            assert!(
                looks_like_formula(cell),
                "{}",
                String::from_utf8_lossy(cell)
            );
        }
        let not: &[&[u8]] = &[
            b"",
            b"-",
            b"+",
            b"-42",
            b"+3.5",
            b"0,6",
            b"Peer = mentor",
            b"#4471",
            b"'=1",
        ];
        for cell in not {
            assert!(
                !looks_like_formula(cell),
                "{}",
                String::from_utf8_lossy(cell)
            );
        }
    }

    #[test]
    fn neutralized_cells_are_prefixed_then_escaped() {
        let mut out = Vec::new();
        write_cell(&mut out, b"=A1,B1", b',', Formulas::Neutralize);
        assert_eq!(out, b"\"'=A1,B1\"");
        out.clear();
        write_cell(&mut out, b"=A1,B1", b',', Formulas::Keep);
        assert_eq!(out, b"\"=A1,B1\"");
        out.clear();
        write_cell(&mut out, b"-42", b',', Formulas::Neutralize);
        assert_eq!(out, b"-42");
    }

    #[test]
    fn fields_are_escaped_as_the_csv_crate_escapes_them() {
        let fields: &[&[u8]] = &[
            b"plain",
            b"",
            b"a,b",
            b"say \"hi\"",
            b"line\nbreak",
            b"cr\r",
            b"tab\there",
            "Médiatrice – santé".as_bytes(),
            b"  spaced  ",
            b"#4471",
            b"\"",
            b",",
        ];
        for delimiter in [b',', b'\t'] {
            let mut expected = csv::WriterBuilder::new()
                .delimiter(delimiter)
                .from_writer(Vec::new());
            expected.write_record(fields).unwrap();
            let expected = expected.into_inner().unwrap();
            let mut ours = csv_tail(fields, delimiter).into_vec();
            ours.push(b'\n');
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&expected),
                "delimiter {delimiter}"
            );
        }
    }
}
