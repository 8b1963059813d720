//! The subcommands, one module each, as `peermap --help` lists them; and what several of them
//! share to print (`print`, `text`) and to find lexicon entries (`entries`).

pub mod classify;
pub mod compare;
pub mod find;
pub mod lexicon;
pub mod lookup;
pub mod report;
pub mod review;
pub mod roles;
pub mod show;
pub mod similar;

mod print;
mod text;
