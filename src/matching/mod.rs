//! Finding what a title's words match: the lexicon's variants (by key, by span, with spelling
//! correction), the composition families' marker-and-head runs, and the background
//! occupations' titles.
//!
//! It takes the title's tokens (`normalize`) and gives hits and spans, with the words each
//! covers; `resolve` comes next.

pub(crate) mod background;
pub(crate) mod composition;
pub(crate) mod index;
