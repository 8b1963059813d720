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
    if !needs_quotes(field, delimiter) {
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

/// Whether `field` holds a quote, a line break or `delimiter`. Cells are short (a title, a code,
/// a list of a few ids) and a file has tens of millions of them: this reads eight bytes at a
/// time in one pass, where `memchr` would take two passes and its set-up on every cell.
#[inline]
fn needs_quotes(field: &[u8], delimiter: u8) -> bool {
    let mut words = field.chunks_exact(8);
    for word in &mut words {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(word);
        let x = u64::from_le_bytes(bytes);
        if holds_byte(x, b'"')
            | holds_byte(x, b'\n')
            | holds_byte(x, b'\r')
            | holds_byte(x, delimiter)
        {
            return true;
        }
    }
    words
        .remainder()
        .iter()
        .any(|&b| matches!(b, b'"' | b'\n' | b'\r') || b == delimiter)
}

/// Whether one of the eight bytes of `x` is `b`: a byte of `x ^ b…b` is zero exactly where
/// `x` holds `b`, and subtracting one from every byte sets the top bit of a zero byte that was
/// not set before (the lowest such byte is always caught, so the answer is exact).
#[inline]
fn holds_byte(x: u64, b: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let y = x ^ (ONES * u64::from(b));
    y.wrapping_sub(ONES) & !y & HIGHS != 0
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
    fn a_cell_needs_quotes_exactly_where_it_holds_a_special_byte() {
        // Every position within and past the eight-byte words, every byte value beside it.
        for len in 0..20 {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut field = vec![b'a'; len];
                    field[at] = b;
                    for delimiter in [b',', b'\t', b';', b'|'] {
                        let expected = matches!(b, b'"' | b'\n' | b'\r') || b == delimiter;
                        assert_eq!(needs_quotes(&field, delimiter), expected, "{field:?}");
                    }
                }
            }
            assert!(!needs_quotes(&vec![0x80; len], b','));
            assert!(!needs_quotes(&vec![0xff; len], b','));
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
