//! Low-level helpers every stage may use, and that use no stage: the fast hash map and the FNV
//! hash, reading data files from disk, and the errors of data files.

pub(crate) mod error;
pub(crate) mod files;
pub(crate) mod hash;
