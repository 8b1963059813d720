//! The tabular input and output layer: everything between the bytes of a file and the cells of
//! its rows, both ways, knowing nothing of job titles.
//!
//! Reading: what the input is from its first bytes (`sniff`, `utf16`), how it splits into rows
//! and cells (`layout`), its records (`records`) and the encoding of their cells (`encoding`).
//! Writing: CSV cells escaped and neutralized (`escape`), to standard output or a file written
//! atomically (`sink`), from a thread of its own (`background`).

mod background;
mod encoding;
mod escape;
mod layout;
mod records;
mod sink;
mod sniff;
mod utf16;

pub use self::background::Background;
pub use self::encoding::{decode, transcode, Encoding};
pub use self::escape::{csv_tail, write_cell, Formulas};
pub use self::layout::{is_separator, most_frequent_separator, InputFormat, Layout};
pub use self::records::{RecordIssue, RecordMeta, Source};
pub use self::sink::Sink;
pub use self::sniff::{open_text, Found, Peeked, FIRST_LINE_LIMIT};
