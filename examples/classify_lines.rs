//! Codes titles read from standard input, one per line, and prints one tab-separated line each:
//! title, verdict, role, score, method, matched variant.
//!
//! ```sh
//! printf 'Paire aidante\nNurse Navigator\n' | cargo run --example classify_lines
//! ```

use std::io::{self, BufRead, Write};

fn main() -> io::Result<()> {
    let crosswalk = peermap::Crosswalk::new();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for line in io::stdin().lock().lines() {
        let title = line?;
        let answer = crosswalk.classify(&title);
        writeln!(
            out,
            "{title}\t{}\t{}\t{}\t{}\t{}",
            answer.verdict(),
            answer.role().unwrap_or("-"),
            answer.score(),
            answer.method().map_or("-", |m| m.as_str()),
            answer.matched().unwrap_or("-"),
        )?;
    }
    Ok(())
}
