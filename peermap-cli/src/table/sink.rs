//! Where output goes: standard output, or a file written atomically (a temporary file in the
//! same folder, renamed over the target only once everything was written, so a reader never
//! sees half a file and a failed run leaves no debris).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use tempfile::NamedTempFile;

/// Standard output, or a temporary file that becomes the target on [`Sink::finish`].
pub enum Sink {
    /// Standard output, buffered.
    Stdout(BufWriter<io::Stdout>),
    /// A device or a pipe named on the command line (`-o /dev/null`, a FIFO), written to
    /// directly: renaming a file over it would replace the device.
    Direct(BufWriter<File>),
    /// A temporary file beside `target`.
    File {
        /// The temporary file, buffered.
        writer: BufWriter<NamedTempFile>,
        /// Where it goes when complete.
        target: PathBuf,
    },
}

impl Sink {
    /// Standard output.
    pub fn stdout() -> Sink {
        Sink::Stdout(BufWriter::with_capacity(64 * 1024, io::stdout()))
    }

    /// A temporary file in the folder of `target`, created now so that an unwritable folder
    /// fails before any input is read.
    pub fn file(target: &Path) -> anyhow::Result<Sink> {
        if let Ok(meta) = std::fs::metadata(target) {
            if !meta.is_file() && !meta.is_dir() {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(target)
                    .with_context(|| format!("cannot write {}", target.display()))?;
                return Ok(Sink::Direct(BufWriter::with_capacity(64 * 1024, file)));
            }
        }
        // A link to a file: the file it points to is replaced, and the link kept.
        let resolved = std::fs::canonicalize(target)
            .ok()
            .filter(|_| target.is_symlink());
        let target = resolved.as_deref().unwrap_or(target);
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            anyhow::bail!(
                "cannot write {}: the folder {} does not exist",
                target.display(),
                dir.display()
            );
        }
        if target.is_dir() {
            anyhow::bail!("cannot write to {}: it is a folder", target.display());
        }
        let temp = tempfile::Builder::new()
            .prefix(".peermap-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
        Ok(Sink::File {
            writer: BufWriter::with_capacity(64 * 1024, temp),
            target: target.to_path_buf(),
        })
    }

    /// Flushes everything; for a file, syncs it and renames it over the target.
    pub fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Stdout(mut out) => Ok(out.flush()?),
            Sink::Direct(mut out) => Ok(out.flush()?),
            Sink::File { writer, target } => {
                let temp = writer.into_inner().map_err(|e| e.into_error())?;
                set_permissions(temp.as_file(), &target)?;
                // The rename makes the file appear whole or not at all, whatever interrupts
                // the run; forcing it to disk first (fsync) would add a quarter of a second
                // per 500 MB for protection against power loss only, which the OS provides
                // for us as for any program that writes a file.
                temp.persist(&target)
                    .map_err(|e| e.error)
                    .with_context(|| format!("cannot write {}", target.display()))?;
                Ok(())
            }
        }
    }
}

/// Gives the new file the permissions of the file it replaces, or the usual `rw-r--r--`
/// (temporary files are created private).
#[cfg(unix)]
fn set_permissions(file: &File, target: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let permissions = match std::fs::metadata(target) {
        Ok(meta) => meta.permissions(),
        Err(_) => std::fs::Permissions::from_mode(0o644),
    };
    file.set_permissions(permissions)
}

/// Keeps the platform's defaults.
#[cfg(not(unix))]
fn set_permissions(_file: &File, _target: &Path) -> io::Result<()> {
    Ok(())
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::Direct(out) => out.write(buf),
            Sink::File { writer, .. } => writer.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.write_all(buf),
            Sink::Direct(out) => out.write_all(buf),
            Sink::File { writer, .. } => writer.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::Direct(out) => out.flush(),
            Sink::File { writer, .. } => writer.flush(),
        }
    }
}
