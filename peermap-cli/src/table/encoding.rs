//! The encoding of the input's cells: decoding one cell to text for coding, and writing it
//! back out as UTF-8.

use std::borrow::Cow;

use clap::ValueEnum;

/// The encoding of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Encoding {
    /// UTF-8 (a byte-order mark is skipped).
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// Windows-1252, the Western European code page of Excel on Windows (a superset of Latin-1).
    #[value(name = "windows-1252", aliases = ["cp1252", "latin1", "iso-8859-1"])]
    Windows1252,
}

/// A cell that is not valid in the chosen encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidEncoding {
    /// The byte offset of the first invalid byte in the cell.
    pub at: usize,
    /// That byte.
    pub byte: u8,
}

/// Decodes one cell; UTF-8 is borrowed when valid and never repaired.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<Cow<'_, str>, InvalidEncoding> {
    match encoding {
        Encoding::Utf8 => std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
            let at = e.valid_up_to();
            InvalidEncoding {
                at,
                byte: bytes[at],
            }
        }),
        // Windows-1252 as WHATWG defines it maps every byte: decoding cannot fail.
        Encoding::Windows1252 => Ok(encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0),
    }
}

/// A cell as it is written out: unchanged in UTF-8 mode (even if invalid), re-encoded as
/// UTF-8 from Windows-1252.
pub fn transcode(cell: &[u8], encoding: Encoding) -> Cow<'_, [u8]> {
    match encoding {
        Encoding::Utf8 => Cow::Borrowed(cell),
        Encoding::Windows1252 => match decode(cell, encoding) {
            Ok(Cow::Borrowed(text)) => Cow::Borrowed(text.as_bytes()),
            Ok(Cow::Owned(text)) => Cow::Owned(text.into_bytes()),
            Err(_) => Cow::Borrowed(cell),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_never_repairs_utf8() {
        assert_eq!(
            decode(b"pair aidant", Encoding::Utf8).unwrap(),
            "pair aidant"
        );
        let err = decode(b"pair aidant \xE9", Encoding::Utf8).unwrap_err();
        assert_eq!((err.at, err.byte), (12, 0xE9));
        assert_eq!(
            decode(b"m\xE9diatrice", Encoding::Windows1252).unwrap(),
            "médiatrice"
        );
    }

    #[test]
    fn windows_1252_cells_are_written_as_utf8() {
        assert_eq!(
            &*transcode(b"m\xE9diateur", Encoding::Windows1252),
            "médiateur".as_bytes()
        );
        assert_eq!(
            &*transcode(b"m\xE9diateur", Encoding::Utf8),
            b"m\xE9diateur"
        );
    }
}
