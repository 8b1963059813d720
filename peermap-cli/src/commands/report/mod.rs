//! The workforce report: `peermap report`, and what `classify --report` gathers and writes.

mod html;
mod run;
mod tally;
mod texts;

pub use self::run::{run, write};
pub use self::tally::{Report, ReportRow};
