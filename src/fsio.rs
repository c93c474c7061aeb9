//! Files on disk, read and written the same way everywhere.
//!
//! - **Reading**: only regular files are opened (a named pipe, a device or a folder is refused
//!   without blocking), and a size cap is enforced while reading, so `/dev/zero` or a huge
//!   file is refused instead of filling memory.
//! - **Writing**: every file the app writes is replaced atomically (a temporary file beside
//!   it, flushed, then renamed into place), so a crash or a full disk leaves the old file or
//!   the new one, never half of either. A symbolic link is written through to its target and
//!   stays a link; the file's permissions are kept; a read-only file, a named pipe or a
//!   device is refused rather than replaced.
//! - **Where**: [`data_dir`] is the app's own folder (settings, the presenter's deck, logs and
//!   crash reports).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Human words for a file that is not a regular file, e.g. "a named pipe (FIFO)".
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// `32 MB`, `512 KB` or `100 bytes`.
pub fn human_bytes(n: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if n >= MB && n.is_multiple_of(MB) {
        format!("{} MB", n / MB)
    } else if n >= MB {
        format!("{:.1} MB", n as f64 / MB as f64)
    } else if n >= KB && n.is_multiple_of(KB) {
        format!("{} KB", n / KB)
    } else {
        format!("{n} bytes")
    }
}

/// A file could not be read. The message names the file, what is wrong and the fix.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(
        "{path}: cannot open the file: {source}. Fix: check the path and that you may read the file."
    )]
    Open {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: this is {kind}, not a regular file, so it was not read. Fix: {}.",
        not_a_file_fix(kind)
    )]
    NotAFile { path: String, kind: &'static str },
    #[error("{path}: the file is larger than {}, the most this kind of file can be, so it was not read. Fix: check that this is the right file.", human_bytes(*limit))]
    TooLarge { path: String, limit: u64 },
    #[error(
        "{path}: cannot read the file: {source}. Fix: check that the file is readable and the disk is healthy."
    )]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

fn not_a_file_fix(kind: &str) -> &'static str {
    if kind == "a folder" {
        "name a file inside the folder"
    } else {
        "name a regular file; a named pipe, device or socket cannot be read as one"
    }
}

impl ReadError {
    /// The file could not be found (as opposed to found and refused).
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Open { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
    }

    /// What went wrong, without the path and the fix (for messages that place them elsewhere).
    /// The file as the user named it.
    pub fn path(&self) -> &str {
        match self {
            ReadError::Open { path, .. }
            | ReadError::NotAFile { path, .. }
            | ReadError::TooLarge { path, .. }
            | ReadError::Read { path, .. } => path,
        }
    }

    pub fn problem(&self) -> String {
        match self {
            ReadError::Open { source, .. } => format!("cannot open the file: {source}"),
            ReadError::NotAFile { kind, .. } => format!("this is {kind}, not a regular file"),
            ReadError::TooLarge { limit, .. } => format!(
                "the file is larger than {}, the most this kind of file can be",
                human_bytes(*limit)
            ),
            ReadError::Read { source, .. } => format!("cannot read the file: {source}"),
        }
    }

    /// How to fix it, as a sentence without the leading "Fix:".
    pub fn fix(&self) -> &'static str {
        match self {
            ReadError::Open { .. } => "check the path and that you may read the file",
            ReadError::NotAFile { kind, .. } => not_a_file_fix(kind),
            ReadError::TooLarge { .. } => "check that this is the right file",
            ReadError::Read { .. } => "check that the file is readable and the disk is healthy",
        }
    }
}

/// Opens `path` for reading without waiting for a writer, should it be a named pipe.
fn open_for_reading(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

/// Reads a whole regular file of at most `limit` bytes.
///
/// The file's type is checked before it is opened (so a named pipe never blocks) and again
/// on the opened handle (in case the path was swapped in between), and the cap holds while
/// reading, whatever the file claims its size to be.
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let name = || path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|source| ReadError::Open {
        path: name(),
        source,
    })?;
    let check = |meta: &std::fs::Metadata| {
        if !meta.is_file() {
            return Err(ReadError::NotAFile {
                path: name(),
                kind: kind_of(meta),
            });
        }
        if meta.len() > limit {
            return Err(ReadError::TooLarge {
                path: name(),
                limit,
            });
        }
        Ok(())
    };
    check(&meta)?;
    let file = open_for_reading(path).map_err(|source| ReadError::Open {
        path: name(),
        source,
    })?;
    let opened = file.metadata().map_err(|source| ReadError::Read {
        path: name(),
        source,
    })?;
    check(&opened)?;
    let mut bytes = Vec::with_capacity(opened.len().min(limit) as usize + 1);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| ReadError::Read {
            path: name(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            path: name(),
            limit,
        });
    }
    Ok(bytes)
}

/// A file could not be written; the file that was there (if any) is untouched.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "{path}: this is {kind}, not a regular file, so nothing was written. Fix: choose another file name."
    )]
    NotAFile { path: String, kind: &'static str },
    #[error(
        "{path}: the file is read-only, so it was left as it is. Fix: make it writable (for example `chmod u+w`) or choose another file name."
    )]
    ReadOnly { path: String },
    #[error(
        "could not write {path}: {source}; {}. Fix: {}.",
        if *existed { "the file that was there is unchanged" } else { "nothing was written" },
        write_fix(source)
    )]
    Io {
        path: String,
        /// A file was there before (and still is, unchanged).
        existed: bool,
        #[source]
        source: std::io::Error,
    },
}

/// What went wrong in a write, for texts in other languages than this module's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteProblem {
    NoFolder,
    NoPermission,
    DiskFull,
    TooLarge,
    ReadOnlyDisk,
    BadName,
    Other,
}

impl WriteError {
    /// The kind of failure of an I/O error (None for the refusals before writing).
    pub fn problem(&self) -> Option<WriteProblem> {
        match self {
            WriteError::Io { source, .. } => Some(problem_of(source)),
            _ => None,
        }
    }
}

fn write_fix(e: &std::io::Error) -> &'static str {
    match problem_of(e) {
        WriteProblem::NoFolder => "the folder does not exist; create it or choose another folder",
        WriteProblem::NoPermission => {
            "you may not write in this folder; choose one you can write to"
        }
        WriteProblem::DiskFull => "the disk is full; free some space and try again",
        WriteProblem::TooLarge => {
            "the file is larger than this system or disk allows; choose another disk"
        }
        WriteProblem::ReadOnlyDisk => "the disk is mounted read-only; choose another disk",
        WriteProblem::BadName => {
            "the file name is too long or not allowed here; choose a shorter name"
        }
        WriteProblem::Other => {
            "check that the folder exists, that you can write to it and that the disk has space"
        }
    }
}

fn problem_of(e: &std::io::Error) -> WriteProblem {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => WriteProblem::NoFolder,
        K::PermissionDenied => WriteProblem::NoPermission,
        K::StorageFull | K::QuotaExceeded => WriteProblem::DiskFull,
        K::FileTooLarge => WriteProblem::TooLarge,
        K::ReadOnlyFilesystem => WriteProblem::ReadOnlyDisk,
        K::InvalidFilename => WriteProblem::BadName,
        _ => WriteProblem::Other,
    }
}

/// Follows a chain of symbolic links to the path a write should replace. The target need not
/// exist yet (a dangling link creates its target, as a shell's `>` does).
fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&current)?;
                current = if target.is_absolute() {
                    target
                } else {
                    current
                        .parent()
                        .map_or_else(|| target.clone(), |dir| dir.join(&target))
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// Writes `contents` to `path` so that the file is either the old one or the complete new
/// one: write a temporary file beside it, flush it to disk, then rename it into place.
///
/// Through a symbolic link, the link's target is replaced and the link stays. An existing
/// file keeps its permissions; a read-only file, a folder, a named pipe or a device is
/// refused and left as it is.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    write_atomic_with(path, |f: &mut TempFile| {
        f.write_all(contents).map_err(|e| io_error(path, e))
    })
}

/// An I/O error while writing `path`, saying whether a file was there (and still is).
fn io_error(path: &Path, source: std::io::Error) -> WriteError {
    WriteError::Io {
        path: path.display().to_string(),
        existed: std::fs::symlink_metadata(path).is_ok(),
        source,
    }
}

/// A writer that keeps the first I/O error of the writer it wraps, so that error can be
/// reported plainly (with the file's name) whatever an encoder made of it: a CSV or zip
/// error wrapping it, or a JSON error saying "io error".
pub struct KeepError<W> {
    inner: W,
    error: Option<std::io::Error>,
}

/// The temporary file [`write_atomic_with`] hands to its writer, buffered.
pub type TempFile = KeepError<std::io::BufWriter<std::fs::File>>;

impl<W: Write> KeepError<W> {
    pub fn new(inner: W) -> KeepError<W> {
        KeepError { inner, error: None }
    }

    /// The first I/O error, if there was one.
    pub fn take_error(&mut self) -> Option<std::io::Error> {
        self.error.take()
    }

    fn keep<T>(&mut self, r: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &r
            && self.error.is_none()
        {
            // io::Error is not Clone: keep its kind and text for the report.
            self.error = Some(std::io::Error::new(e.kind(), e.to_string()));
        }
        r
    }
}

impl<W: Write> Write for KeepError<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let r = self.inner.write(buf);
        self.keep(r)
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        let r = self.inner.write_all(buf);
        self.keep(r)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        let r = self.inner.flush();
        self.keep(r)
    }
}

/// [`write_atomic`] for contents written piece by piece by `fill` (an export of 100,000
/// places), so they never sit in memory whole. When `fill` fails, or the file cannot be
/// written, the temporary file is removed and what was at `path` stays as it was; an I/O
/// error comes back as [`WriteError::Io`] naming `path`, any other error of `fill` as it is.
pub fn write_atomic_with<E: From<WriteError>>(
    path: &Path,
    fill: impl FnOnce(&mut TempFile) -> Result<(), E>,
) -> Result<(), E> {
    let io_err = |source: std::io::Error| io_error(path, source);
    let target = resolve_links(path).map_err(|e| E::from(io_err(e)))?;
    let keep_permissions = match std::fs::metadata(&target) {
        Ok(meta) if meta.is_file() => {
            let writable = !meta.permissions().readonly()
                && match std::fs::OpenOptions::new().append(true).open(&target) {
                    Ok(_) => true,
                    Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => false,
                    Err(e) => return Err(io_err(e).into()),
                };
            if !writable {
                return Err(WriteError::ReadOnly {
                    path: path.display().to_string(),
                }
                .into());
            }
            Some(meta.permissions())
        }
        Ok(meta) => {
            return Err(WriteError::NotAFile {
                path: path.display().to_string(),
                kind: kind_of(&meta),
            }
            .into());
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_err(e).into()),
    };
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if target.file_name().is_none() {
        return Err(io_err(std::io::Error::other("the path names no file")).into());
    }
    // Short, so a file name near the system's limit (255 bytes) still has a temporary
    // name; the process and a per-process counter keep two writes at once apart.
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".ia-{}-{n}.tmp", std::process::id()));
    let file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
    {
        Ok(f) => f,
        Err(e) => return Err(io_err(e).into()),
    };
    // 256 KiB: few system calls for a large export, little memory for a small one.
    let mut temp = KeepError::new(std::io::BufWriter::with_capacity(256 * 1024, file));
    let filled = fill(&mut temp).and_then(|()| {
        temp.flush().map_err(|e| E::from(io_err(e)))?;
        Ok(())
    });
    let result: Result<(), E> = match filled {
        Err(e) => Err(match temp.error.take() {
            Some(source) => io_err(source).into(),
            None => e,
        }),
        Ok(()) => (|| {
            let f = temp.inner.into_inner().map_err(|e| e.into_error())?;
            if let Some(p) = &keep_permissions {
                f.set_permissions(p.clone())?;
            }
            f.sync_all()?;
            drop(f);
            std::fs::rename(&tmp, &target)?;
            // Persist the rename itself; not every platform can open a directory, so a
            // failure here is not an error for the caller.
            if let Ok(d) = std::fs::File::open(&dir) {
                d.sync_all().ok();
            }
            Ok(())
        })()
        .map_err(|e| io_err(e).into()),
    };
    if result.is_err() {
        std::fs::remove_file(&tmp).ok();
    }
    result
}

/// Removes the temporary files [`write_atomic`] leaves in `dir` when its process is killed
/// mid-write, if older than `age` (a younger one may belong to a write in progress).
/// Returns how many were removed.
pub fn remove_stale_temp_files(dir: &Path, age: std::time::Duration) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    let mut removed = 0;
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".ia-") && name.ends_with(".tmp")) {
            continue;
        }
        let old = e
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|d| d >= age);
        if old && std::fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The app's own folder for settings, the presenter's deck, logs and crash reports:
/// `$XDG_DATA_HOME/innovation-atlas` or `~/.local/share/innovation-atlas` on Linux (the
/// folder eframe used), `~/Library/Application Support/innovation-atlas` on macOS and
/// `%APPDATA%\innovation-atlas\data` on Windows. `None` when no home folder is known.
pub fn data_dir() -> Option<PathBuf> {
    const APP: &str = "innovation-atlas";
    let env_dir = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    if cfg!(windows) {
        return env_dir("APPDATA").map(|p| p.join(APP).join("data"));
    }
    if cfg!(target_os = "macos") {
        return std::env::home_dir().map(|h| h.join("Library/Application Support").join(APP));
    }
    env_dir("XDG_DATA_HOME")
        .or_else(|| std::env::home_dir().map(|h| h.join(".local").join("share")))
        .map(|p| p.join(APP))
}

/// The date and time now as `YYYYMMDD-HHMMSS` (UTC), for file names.
pub fn timestamp() -> String {
    let (y, mo, d, h, mi, s) = utc_now();
    format!("{y:04}{mo:02}{d:02}-{h:02}{mi:02}{s:02}")
}

/// The current UTC date and time as (year, month, day, hour, minute, second).
pub fn utc_now() -> (i64, u32, u32, u32, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    utc_from_unix(secs)
}

/// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
fn utc_from_unix(secs: i64) -> (i64, u32, u32, u32, u32, u32) {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        y,
        m,
        d,
        (rem / 3600) as u32,
        (rem % 3600 / 60) as u32,
        (rem % 60) as u32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("atlas-fsio-{name}-{}", std::process::id()));
        std::fs::remove_dir_all(&dir).ok();
        std::fs::create_dir_all(&dir).ok();
        dir
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .map(|r| {
                r.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    }

    #[test]
    fn atomic_write_replaces_whole_file_and_leaves_no_temp() {
        let dir = temp_dir("aw");
        let path = dir.join("out.csv");
        assert!(write_atomic(&path, b"first").is_ok());
        assert!(write_atomic(&path, b"second, longer").is_ok());
        assert_eq!(
            std::fs::read_to_string(&path).ok().as_deref(),
            Some("second, longer")
        );
        assert_eq!(entries(&dir), ["out.csv"]);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn atomic_write_into_missing_folder_fails_cleanly() {
        let path = std::env::temp_dir().join("atlas-no-such-dir-xyz/out.json");
        let e = write_atomic(&path, b"x").expect_err("no folder");
        let msg = e.to_string();
        assert!(msg.contains("atlas-no-such-dir-xyz/out.json"), "{msg}");
        assert!(msg.contains("folder does not exist"), "{msg}");
    }

    #[test]
    fn a_symlink_is_written_through_and_stays_a_link() {
        let dir = temp_dir("link");
        let real = dir.join("real.json");
        std::fs::write(&real, "old").ok();
        let link = dir.join("shortcut.json");
        #[cfg(unix)]
        std::os::unix::fs::symlink("real.json", &link).expect("symlink");
        write_atomic(&link, b"new").expect("writes through the link");
        let meta = std::fs::symlink_metadata(&link).expect("link");
        assert!(meta.file_type().is_symlink(), "the link was replaced");
        assert_eq!(std::fs::read_to_string(&real).ok().as_deref(), Some("new"));
        // A dangling link creates its target.
        let dangling = dir.join("dangling.json");
        std::os::unix::fs::symlink("made.json", &dangling).expect("symlink");
        write_atomic(&dangling, b"made").expect("creates the target");
        assert_eq!(
            std::fs::read_to_string(dir.join("made.json"))
                .ok()
                .as_deref(),
            Some("made")
        );
        assert!(std::fs::symlink_metadata(&dangling).is_ok_and(|m| m.file_type().is_symlink()));
        assert_eq!(
            entries(&dir),
            ["dangling.json", "made.json", "real.json", "shortcut.json"]
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[cfg(unix)]
    fn mkfifo(path: &Path) {
        let ok = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "mkfifo");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_device_is_refused_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = temp_dir("fifo");
        let fifo = dir.join("pipe.csv");
        mkfifo(&fifo);
        let msg = write_atomic(&fifo, b"x").expect_err("fifo").to_string();
        assert!(
            msg.contains("named pipe") && msg.contains("pipe.csv"),
            "{msg}"
        );
        assert!(std::fs::symlink_metadata(&fifo).is_ok_and(|m| m.file_type().is_fifo()));
        // A link to a device, like /dev/null: refused, and the link and device stay.
        let link = dir.join("null.csv");
        std::os::unix::fs::symlink("/dev/null", &link).expect("symlink");
        let msg = write_atomic(&link, b"x").expect_err("device").to_string();
        assert!(msg.contains("a device"), "{msg}");
        assert!(std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
        assert!(std::fs::metadata("/dev/null").is_ok_and(|m| m.file_type().is_char_device()));
        let msg = write_atomic(&dir, b"x").expect_err("folder").to_string();
        assert!(msg.contains("a folder"), "{msg}");
        assert_eq!(entries(&dir), ["null.csv", "pipe.csv"]);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept_and_a_read_only_file_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = temp_dir("perm");
        let path = dir.join("script.sh");
        std::fs::write(&path, "old").ok();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o750)).ok();
        write_atomic(&path, b"new").expect("writes");
        let mode = std::fs::metadata(&path).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode.ok(), Some(0o750));
        let ro = dir.join("frozen.json");
        std::fs::write(&ro, "keep").ok();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).ok();
        let msg = write_atomic(&ro, b"replace")
            .expect_err("read-only")
            .to_string();
        assert!(
            msg.contains("read-only") && msg.contains("frozen.json"),
            "{msg}"
        );
        assert_eq!(std::fs::read_to_string(&ro).ok().as_deref(), Some("keep"));
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o644)).ok();
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_250_byte_file_name_can_be_written() {
        let dir = temp_dir("long");
        let name = format!("{}.csv", "a".repeat(246));
        assert_eq!(name.len(), 250);
        let path = dir.join(&name);
        write_atomic(&path, b"one").expect("first write");
        write_atomic(&path, b"two").expect("second write");
        assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some("two"));
        assert_eq!(entries(&dir), [name]);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_write_says_why_and_keeps_the_old_file() {
        use std::os::unix::fs::PermissionsExt;
        // /dev/full: every write fails with "no space left", like a full disk. Writing into
        // a folder one may not write to fails before anything is replaced.
        let dir = temp_dir("fail");
        let path = dir.join("kept.json");
        std::fs::write(&path, "old").ok();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).ok();
        let result = write_atomic(&path, b"new");
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).ok();
        // Root may write anyway; then there is nothing to check.
        if let Err(e) = result {
            let msg = e.to_string();
            assert!(msg.contains("kept.json") && msg.contains("Fix:"), "{msg}");
            assert!(msg.contains("unchanged"), "{msg}");
            assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some("old"));
            assert_eq!(entries(&dir), ["kept.json"]);
        }
        let full = std::io::Error::from_raw_os_error(libc::ENOSPC);
        assert!(write_fix(&full).contains("disk is full"));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn stale_temporary_files_are_removed_and_others_kept() {
        let dir = temp_dir("stale");
        std::fs::write(dir.join(".ia-1-0.tmp"), "half").ok();
        std::fs::write(dir.join("settings.toml"), "kept").ok();
        assert_eq!(
            remove_stale_temp_files(&dir, std::time::Duration::from_secs(3600)),
            0
        );
        assert_eq!(remove_stale_temp_files(&dir, std::time::Duration::ZERO), 1);
        assert_eq!(entries(&dir), ["settings.toml"]);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn reading_a_regular_file_within_the_cap() {
        let dir = temp_dir("read");
        let path = dir.join("a.toml");
        std::fs::write(&path, "12345").ok();
        assert_eq!(read_capped(&path, 5).ok(), Some(b"12345".to_vec()));
        let e = read_capped(&path, 4).expect_err("too large");
        assert!(matches!(e, ReadError::TooLarge { limit: 4, .. }), "{e}");
        let e = read_capped(&dir.join("missing.toml"), 10).expect_err("missing");
        assert!(e.is_not_found(), "{e}");
        let e = read_capped(&dir, 10).expect_err("folder");
        assert!(e.to_string().contains("a folder"), "{e}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = temp_dir("readfifo");
        let fifo = dir.join("data.toml");
        mkfifo(&fifo);
        // On a thread, so a read that waits for a writer fails the test instead of hanging it.
        let (tx, rx) = std::sync::mpsc::channel();
        let path = fifo.clone();
        std::thread::spawn(move || tx.send(read_capped(&path, 1024)).ok());
        let result = rx
            .recv_timeout(std::time::Duration::from_secs(1))
            .expect("refused within a second");
        let msg = result.expect_err("fifo").to_string();
        assert!(
            msg.contains("data.toml") && msg.contains("named pipe"),
            "{msg}"
        );
        assert!(msg.contains("Fix:"), "{msg}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[cfg(unix)]
    #[test]
    fn endless_devices_are_refused() {
        for dev in ["/dev/zero", "/dev/urandom"] {
            let e = read_capped(Path::new(dev), 1024).expect_err(dev);
            assert!(e.to_string().contains("a device"), "{e}");
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_cap_holds_while_reading_a_file_that_misstates_its_size() {
        // Files in /proc say they are 0 bytes long and then produce more.
        let e = read_capped(Path::new("/proc/self/maps"), 16).expect_err("cap");
        assert!(matches!(e, ReadError::TooLarge { limit: 16, .. }), "{e}");
        assert!(e.to_string().contains("16 bytes"), "{e}");
    }

    #[test]
    fn sizes_and_dates_read_as_people_write_them() {
        assert_eq!(human_bytes(32 * 1024 * 1024), "32 MB");
        assert_eq!(human_bytes(4096), "4 KB");
        assert_eq!(human_bytes(16), "16 bytes");
        assert_eq!(utc_from_unix(0), (1970, 1, 1, 0, 0, 0));
        assert_eq!(utc_from_unix(951_782_400), (2000, 2, 29, 0, 0, 0));
        assert_eq!(utc_from_unix(1_767_225_599), (2025, 12, 31, 23, 59, 59));
        assert_eq!(timestamp().len(), 15);
    }
}
