//! Files on disk: every file the app writes is replaced atomically, so a crash or a full
//! disk leaves the old file or the new one, never half of either.

use std::io::Write;
use std::path::Path;

/// A file could not be written; the file that was there is untouched.
#[derive(Debug, thiserror::Error)]
#[error("could not write {path}: {source}")]
pub struct WriteError {
    pub path: String,
    #[source]
    pub source: std::io::Error,
}

/// Writes `contents` to `path` so that the file is either the old one or the complete new
/// one: write a temporary file beside it, flush it to disk, then rename it into place.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    let err = |source: std::io::Error| WriteError {
        path: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| err(std::io::Error::other("the path names no file")))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(file_name);
    // Process and a per-process counter: two writes of one path at once (an export and an
    // autosave, two exports) each get their own temporary file.
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    tmp_name.push(format!(".{}-{n}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        // Persist the rename itself; not every platform can open a directory, so a failure
        // here is not an error for the caller.
        if let Ok(d) = std::fs::File::open(&dir) {
            d.sync_all().ok();
        }
        Ok(())
    })();
    if result.is_err() {
        std::fs::remove_file(&tmp).ok();
    }
    result.map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_whole_file_and_leaves_no_temp() {
        let dir = std::env::temp_dir().join(format!("atlas-aw-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok();
        let path = dir.join("out.csv");
        assert!(write_atomic(&path, b"first").is_ok());
        assert!(write_atomic(&path, b"second, longer").is_ok());
        assert_eq!(
            std::fs::read_to_string(&path).ok().as_deref(),
            Some("second, longer")
        );
        let leftovers = std::fs::read_dir(&dir).map(|r| r.count()).unwrap_or(0);
        assert_eq!(leftovers, 1);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn atomic_write_into_missing_folder_fails_cleanly() {
        let path = std::env::temp_dir().join("atlas-no-such-dir-xyz/out.json");
        assert!(write_atomic(&path, b"x").is_err());
    }
}
