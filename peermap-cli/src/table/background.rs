//! Writing on a thread of its own, so that the copying of a large output into a file overlaps
//! the coding of the next rows.

use std::io::{self, Write};

use crate::table::sink::Sink;

/// A [`Sink`] written by a thread of its own: the rows are handed over in large blocks, so the
/// copying into the file (the kernel's work, a good part of a run on a large file) overlaps the
/// coding of the next rows. Errors (a full disk, a closed pipe) come back at the next block or
/// at [`Background::finish`].
pub struct Background {
    block: Vec<u8>,
    to_writer: Option<std::sync::mpsc::SyncSender<Vec<u8>>>,
    writer: Option<std::thread::JoinHandle<io::Result<Sink>>>,
}

/// The size of the blocks handed to the writing thread.
const BLOCK: usize = 512 << 10;
/// Room past [`BLOCK`] for the row that fills a block, so that it does not reallocate (and
/// copy) the whole block.
const BLOCK_SLACK: usize = 64 << 10;

impl Background {
    /// Starts the thread that writes to `sink`.
    pub fn new(mut sink: Sink) -> Background {
        let (to_writer, blocks) = std::sync::mpsc::sync_channel::<Vec<u8>>(2);
        let writer = std::thread::spawn(move || {
            for block in blocks {
                sink.write_all(&block)?;
            }
            Ok(sink)
        });
        Background {
            block: Vec::with_capacity(BLOCK + BLOCK_SLACK),
            to_writer: Some(to_writer),
            writer: Some(writer),
        }
    }

    /// Hands the current block to the writing thread; if it has stopped, returns its error.
    fn hand_over(&mut self) -> io::Result<()> {
        let block = std::mem::replace(&mut self.block, Vec::with_capacity(BLOCK + BLOCK_SLACK));
        let sent = self.to_writer.as_ref().map(|tx| tx.send(block));
        if let Some(Err(_)) = sent {
            // The thread ended early: its error says why.
            self.to_writer = None;
            return Err(self.join().err().unwrap_or_else(|| {
                io::Error::new(io::ErrorKind::BrokenPipe, "the output was closed")
            }));
        }
        Ok(())
    }

    fn join(&mut self) -> io::Result<Sink> {
        match self.writer.take() {
            Some(handle) => handle.join().unwrap_or_else(|_| {
                Err(io::Error::other("the thread writing the output panicked"))
            }),
            None => Err(io::Error::other("the output was already finished")),
        }
    }

    /// Lets `write` append to the current block directly (no intermediate copy), then hands
    /// the block over if it is full.
    pub fn append(&mut self, write: impl FnOnce(&mut Vec<u8>)) -> io::Result<()> {
        write(&mut self.block);
        if self.block.len() >= BLOCK {
            self.hand_over()?;
        }
        Ok(())
    }

    /// Writes what is left, waits for the thread, and finishes the sink (for a file, the
    /// rename that makes it appear whole).
    pub fn finish(mut self) -> anyhow::Result<()> {
        if !self.block.is_empty() {
            self.hand_over()?;
        }
        self.to_writer = None;
        self.join()?.finish()
    }
}

impl Write for Background {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.block.extend_from_slice(buf);
        if self.block.len() >= BLOCK {
            self.hand_over()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
