//! UTF-16 input (Excel's "Unicode text") read as UTF-8, as it is read.

use std::io::{self, Read};

/// UTF-16 text read as UTF-8. A malformed sequence (a lone surrogate) becomes the byte 0xFF,
/// which is never valid UTF-8, so that its cell gets the verdict `error` with reason
/// `invalid-encoding` instead of a silent replacement character.
pub struct Utf16Reader {
    inner: Box<dyn Read>,
    decoder: encoding_rs::Decoder,
    raw: Vec<u8>,
    /// Raw bytes read but not decoded yet: `raw[start..end]`.
    start: usize,
    end: usize,
    eof: bool,
    /// The decoder has seen the end of the input.
    finished: bool,
    /// A malformed sequence is still to be marked (there was no room in the last read).
    malformed: bool,
    /// Decoded bytes a short read had no room for.
    spill: Vec<u8>,
}

impl Utf16Reader {
    /// Reads `inner`, UTF-16 in `encoding` (with or without its byte-order mark), as UTF-8.
    pub fn new(inner: Box<dyn Read>, encoding: &'static encoding_rs::Encoding) -> Self {
        Utf16Reader {
            inner,
            // The byte-order mark is consumed by the decoder.
            decoder: encoding.new_decoder_with_bom_removal(),
            raw: vec![0; 64 * 1024],
            start: 0,
            end: 0,
            eof: false,
            finished: false,
            malformed: false,
            spill: Vec::new(),
        }
    }
}

impl Read for Utf16Reader {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if !self.spill.is_empty() {
            let n = self.spill.len().min(out.len());
            out[..n].copy_from_slice(&self.spill[..n]);
            self.spill.drain(..n);
            return Ok(n);
        }
        // The decoder needs room for one whole character: decode into a larger buffer and
        // keep what does not fit.
        if out.len() < 4 {
            let mut small = [0u8; 4];
            let n = self.read(&mut small)?;
            let given = n.min(out.len());
            out[..given].copy_from_slice(&small[..given]);
            self.spill.extend_from_slice(&small[given..n]);
            return Ok(given);
        }
        if std::mem::take(&mut self.malformed) {
            out[0] = 0xFF;
            return Ok(1);
        }
        while !self.finished {
            if self.start == self.end && !self.eof {
                self.start = 0;
                self.end = self.inner.read(&mut self.raw)?;
                self.eof = self.end == 0;
            }
            let input = &self.raw[self.start..self.end];
            let (result, read, written) = self
                .decoder
                .decode_to_utf8_without_replacement(input, out, self.eof);
            self.start += read;
            match result {
                encoding_rs::DecoderResult::Malformed(_, _) => match out.get_mut(written) {
                    Some(marker) => {
                        *marker = 0xFF;
                        return Ok(written + 1);
                    }
                    None => {
                        self.malformed = true;
                        return Ok(written);
                    }
                },
                encoding_rs::DecoderResult::InputEmpty if self.eof => self.finished = true,
                _ => {}
            }
            if written > 0 {
                return Ok(written);
            }
        }
        Ok(0)
    }
}
