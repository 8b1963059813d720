//! What each record comes to before it is written: an answer cached, a new distinct title coded
//! with its chunk on the other cores, or a row coded on its own (which also says why a damaged
//! row cannot be coded).

use std::rc::Rc;

use csv::ByteRecord;
use rustc_hash::FxHashMap;

use crate::commands::classify::cache::{Cache, MAX_CACHED_TITLE};
use crate::commands::classify::coded::{render, Coded, Coder};
use crate::table::{decode, Encoding, RecordIssue, RecordMeta};

/// What the cache knew of a record before its chunk was written.
pub enum Slot {
    /// The title's answer, cached.
    Ready(Rc<Coded>),
    /// The chunk's `i`-th new title, coded with the chunk.
    New(usize),
    /// Anything else (a damaged record, a missing cell, bytes that do not decode): coded row
    /// by row, which also reports the problem.
    Other,
}

impl Slot {
    /// The answer known before the record is written, if any; `fresh` are the answers to the
    /// chunk's new titles, in order.
    pub fn known(&self, fresh: &[Option<Rc<Coded>>]) -> Option<Rc<Coded>> {
        match self {
            Slot::Ready(coded) => Some(Rc::clone(coded)),
            Slot::New(i) => fresh[*i].clone(),
            Slot::Other => None,
        }
    }
}

/// What one row came to.
pub enum RowResult {
    /// A coded title.
    Coded(Rc<Coded>),
    /// A row that could not be coded.
    Error {
        /// The error code, e.g. `missing-column`.
        reason: &'static str,
        /// What went wrong, for a person.
        message: String,
        /// The title cell, when there is one to show.
        input: Option<String>,
    },
}

impl RowResult {
    fn error(reason: &'static str, message: String, input: Option<String>) -> RowResult {
        RowResult::Error {
            reason,
            message,
            input,
        }
    }
}

/// Codes the titles of the records: the answers cached, and what a new title is coded with.
pub struct Titles<'a> {
    coder: Coder<'a>,
    cache: Cache,
    /// How title cells are decoded.
    encoding: Encoding,
}

impl<'a> Titles<'a> {
    /// Codes with `coder` titles decoded from `encoding`, nothing cached yet.
    pub fn new(coder: Coder<'a>, encoding: Encoding) -> Titles<'a> {
        Titles {
            coder,
            cache: Cache::default(),
            encoding,
        }
    }

    /// What coding a title needs, to hand to other threads.
    pub fn coder(&self) -> Coder<'a> {
        self.coder
    }

    /// What each record of `chunk` comes to, as far as the cache knows, and the distinct
    /// titles it does not know yet (to be coded on other cores).
    pub fn prepare(
        &mut self,
        chunk: &[(ByteRecord, RecordMeta)],
        column: usize,
    ) -> (Vec<Slot>, Vec<String>) {
        let mut slots = Vec::with_capacity(chunk.len());
        let mut new: Vec<String> = Vec::new();
        let mut at: FxHashMap<&[u8], usize> = FxHashMap::default();
        for (record, meta) in chunk {
            let Some(cell) = record.get(column).filter(|_| meta.issue.is_none()) else {
                slots.push(Slot::Other);
                continue;
            };
            if let Some(&i) = at.get(cell) {
                slots.push(Slot::New(i));
                continue;
            }
            let slot = match decode(cell, self.encoding) {
                Ok(title) if title.len() <= MAX_CACHED_TITLE => match self.cache.get(&title) {
                    Some(coded) => Slot::Ready(coded),
                    None => {
                        at.insert(cell, new.len());
                        new.push(title.into_owned());
                        Slot::New(new.len() - 1)
                    }
                },
                _ => Slot::Other,
            };
            slots.push(slot);
        }
        (slots, new)
    }

    /// Caches freshly coded titles and returns them, in order. A title that failed to render
    /// is `None`: it is coded again, row by row, and its error reported there.
    pub fn cache_all(
        &mut self,
        titles: Vec<String>,
        coded: Vec<serde_json::Result<Coded>>,
    ) -> Vec<Option<Rc<Coded>>> {
        titles
            .into_iter()
            .zip(coded)
            .map(|(title, coded)| {
                let coded = Rc::new(coded.ok()?);
                self.cache.insert(&title, Rc::clone(&coded));
                Some(coded)
            })
            .collect()
    }

    /// Codes one record, or says why it cannot be; `utf16` says whether the input was UTF-16
    /// (which changes what an invalid cell means).
    pub fn code_row(
        &mut self,
        record: &ByteRecord,
        meta: &RecordMeta,
        column: usize,
        utf16: bool,
    ) -> RowResult {
        match &meta.issue {
            Some(RecordIssue::UnterminatedQuote) => {
                return RowResult::error(
                    "unterminated-quote",
                    "a quoted field opened in this record is never closed, so the rest of the file was read into this row".to_string(),
                    None,
                )
            }
            Some(RecordIssue::Unreadable(message)) => {
                return RowResult::error("unreadable-record", message.clone(), None)
            }
            None => {}
        }
        let Some(cell) = record.get(column) else {
            let n = record.len();
            return RowResult::error(
                "missing-column",
                format!(
                    "the row has {n} field{}, so no title in column {}",
                    if n == 1 { "" } else { "s" },
                    column + 1
                ),
                None,
            );
        };
        match decode(cell, self.encoding) {
            Ok(title) => match self.cache.get(&title) {
                Some(coded) => RowResult::Coded(coded),
                None => match render(&self.coder.crosswalk.classify(&title), self.coder) {
                    Ok(coded) => {
                        let coded = Rc::new(coded);
                        self.cache.insert(&title, Rc::clone(&coded));
                        RowResult::Coded(coded)
                    }
                    Err(e) => RowResult::error("unreadable-record", e.to_string(), None),
                },
            },
            Err(bad) => {
                let (encoding, after) = if utf16 {
                    (
                        "UTF-16 (an unpaired surrogate, marked by ",
                        "with that byte",
                    )
                } else {
                    ("UTF-8 (", "unchanged; try --encoding windows-1252")
                };
                RowResult::error(
                    "invalid-encoding",
                    format!(
                        "the title is not valid {encoding}byte 0x{:02X} at offset {}); it was not coded and is written back {after}",
                        bad.byte, bad.at
                    ),
                    Some(String::from_utf8_lossy(cell).into_owned()),
                )
            }
        }
    }
}
