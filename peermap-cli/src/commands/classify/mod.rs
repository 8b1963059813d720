//! `peermap classify`: code a column of titles, writing every input row back, in order.
//!
//! The job along its seams: the input opened and its rows read (`read`, `header` for the
//! title column), the distinct titles coded once each (`titles`, `coded`, `cache`), the rows
//! written (`write`, with `csv_cells` and `json_lines` for the answer's columns), all driven
//! chunk by chunk by `job`; `run` puts them together, and `summary` tells the person running
//! it how it went.

mod cache;
mod coded;
mod csv_cells;
mod header;
mod job;
mod json_lines;
mod read;
mod run;
mod summary;
mod titles;
mod write;

pub use self::run::{run, Outcome};
