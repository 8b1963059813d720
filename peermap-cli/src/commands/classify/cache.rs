//! The answers to titles already seen, in memory that stays bounded whatever the number of
//! rows.

use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::commands::classify::coded::Coded;

/// The memory the answer cache may use, in bytes (two generations of half each).
const CACHE_BYTES: usize = 48 << 20;

/// Titles longer than this (in bytes) are not cached: they are rarely repeated.
pub const MAX_CACHED_TITLE: usize = 1024;

/// Answers to titles already seen, in two generations: when the current one has used its
/// share of the byte budget it becomes the previous one and the older answers are dropped; an
/// answer found in the previous generation moves back into the current one. Memory is bounded
/// (about [`CACHE_BYTES`]) whatever the number of rows, and the titles that keep coming back
/// stay cached.
#[derive(Default)]
pub struct Cache {
    current: FxHashMap<Box<str>, Rc<Coded>>,
    previous: FxHashMap<Box<str>, Rc<Coded>>,
    /// Bytes held by `current`, estimated.
    bytes: usize,
}

/// Bytes a cached answer costs besides its title and output: the map slot, the reference
/// count, the boxes.
const ENTRY_OVERHEAD: usize = 96;

impl Cache {
    pub fn get(&mut self, title: &str) -> Option<Rc<Coded>> {
        if let Some(coded) = self.current.get(title) {
            return Some(Rc::clone(coded));
        }
        let (title, coded) = self.previous.remove_entry(title)?;
        self.insert_owned(title, Rc::clone(&coded));
        Some(coded)
    }

    pub fn insert(&mut self, title: &str, coded: Rc<Coded>) {
        if title.len() <= MAX_CACHED_TITLE {
            self.insert_owned(title.into(), coded);
        }
    }

    fn insert_owned(&mut self, title: Box<str>, coded: Rc<Coded>) {
        let size = title.len() + coded.out.len() + ENTRY_OVERHEAD;
        if self.bytes + size > CACHE_BYTES / 2 {
            self.previous = std::mem::take(&mut self.current);
            self.bytes = 0;
        }
        self.bytes += size;
        self.current.insert(title, coded);
    }
}
