//! Where the listing subcommands print: standard output, buffered, as text or pretty JSON.

use std::io::{self, BufWriter, Write};

use serde::Serialize;

/// Standard output, buffered; flushed by the caller so write errors are seen.
pub fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::new(io::stdout().lock())
}

/// Writes `value` as pretty JSON and a newline.
pub fn write_json(out: &mut impl Write, value: &impl Serialize) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}
