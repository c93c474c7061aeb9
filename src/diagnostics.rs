//! What a user would otherwise have to describe: a log file and crash reports, both in the
//! app's data folder ([`crate::fsio::data_dir`]).
//!
//! - **Log**: `innovation-atlas.log`, with the app's info and warnings and other crates'
//!   warnings, one line each. At 1 MB it is renamed to `.log.1` (and `.log.1` to `.log.2`),
//!   so at most three files of 1 MB are kept. Warnings and errors also go to stderr.
//! - **Crash report**: a panic writes `crash-<YYYYMMDD-HHMMSS>.txt` (atomically): version,
//!   time, the panic's message and place, a backtrace and the last 200 log lines. The next
//!   start finds it ([`pending_crash_report`]) and offers to show it; once dismissed it is
//!   renamed `….txt.seen`, and only the newest few reports are kept.
//!
//! Only the window app installs this (`main.rs`); commands log nothing, as before.

use std::collections::VecDeque;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// The log file's name in the data folder.
pub const LOG_FILE: &str = "innovation-atlas.log";
/// A log file is rotated when it would grow past this.
pub const MAX_LOG_BYTES: u64 = 1024 * 1024;
/// Log files kept: the current one and `.1`, `.2`.
pub const LOG_FILES_KEPT: usize = 3;
/// Log lines kept in memory for a crash report.
pub const RECENT_LINES: usize = 200;
/// Crash reports kept in the data folder (newest first); older ones are removed.
const CRASH_REPORTS_KEPT: usize = 10;
/// Largest crash report read back (a backtrace and 200 lines are ~50 kB).
const MAX_REPORT_BYTES: u64 = 1024 * 1024;

struct LogState {
    file: Option<std::fs::File>,
    size: u64,
    recent: VecDeque<String>,
}

/// A logger writing to a rotated file in `dir` and keeping the last lines in memory.
pub struct FileLogger {
    dir: PathBuf,
    state: Mutex<LogState>,
}

fn now_text() -> String {
    let (y, mo, d, h, mi, s) = crate::fsio::utc_now();
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}Z")
}

/// Opens a log file for appending; `None` if it is not a regular file or cannot be opened.
fn open_log(path: &Path) -> Option<(std::fs::File, u64)> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if !m.is_file() => return None,
        _ => {}
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .ok()?;
    let size = file.metadata().map_or(0, |m| m.len());
    Some((file, size))
}

impl FileLogger {
    /// A logger writing into `dir` (created if needed).
    pub fn new(dir: &Path) -> FileLogger {
        std::fs::create_dir_all(dir).ok();
        let opened = open_log(&dir.join(LOG_FILE));
        let size = opened.as_ref().map_or(0, |(_, s)| *s);
        FileLogger {
            dir: dir.to_path_buf(),
            state: Mutex::new(LogState {
                file: opened.map(|(f, _)| f),
                size,
                recent: VecDeque::with_capacity(RECENT_LINES),
            }),
        }
    }

    /// Renames `.log` → `.log.1` → `.log.2` (dropping the oldest) and starts a new file.
    fn rotate(&self, state: &mut LogState) {
        state.file = None;
        let name = |i: usize| {
            if i == 0 {
                self.dir.join(LOG_FILE)
            } else {
                self.dir.join(format!("{LOG_FILE}.{i}"))
            }
        };
        for i in (0..LOG_FILES_KEPT - 1).rev() {
            std::fs::rename(name(i), name(i + 1)).ok();
        }
        let opened = open_log(&name(0));
        state.size = opened.as_ref().map_or(0, |(_, s)| *s);
        state.file = opened.map(|(f, _)| f);
    }

    /// Appends one line (with its time) to the file and the recent lines.
    pub fn write_line(&self, line: &str) {
        let line = format!("{} {line}\n", now_text());
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        if state.recent.len() == RECENT_LINES {
            state.recent.pop_front();
        }
        state.recent.push_back(line.clone());
        if state.size + line.len() as u64 > MAX_LOG_BYTES && state.size > 0 {
            self.rotate(&mut state);
        }
        let written = state
            .file
            .as_mut()
            .is_some_and(|f| f.write_all(line.as_bytes()).is_ok());
        if written {
            state.size += line.len() as u64;
        }
    }

    /// The last lines logged, oldest first. Never waits: a panic inside the logger must
    /// still be able to write its report.
    pub fn recent(&self) -> Vec<String> {
        match self.state.try_lock() {
            Ok(state) => state.recent.iter().cloned().collect(),
            Err(_) => vec!["(the log was busy when the app stopped)\n".to_string()],
        }
    }
}

impl log::Log for FileLogger {
    fn enabled(&self, metadata: &log::Metadata) -> bool {
        let ours = metadata.target().starts_with("innovation_atlas");
        metadata.level()
            <= if ours {
                log::Level::Info
            } else {
                log::Level::Warn
            }
    }

    fn log(&self, record: &log::Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let text = format!(
            "{:<5} {}: {}",
            record.level(),
            record.target(),
            record.args()
        );
        if record.level() <= log::Level::Warn {
            // Not `eprintln!`: it panics when stderr is closed, and a log line must not.
            let _ = writeln!(std::io::stderr(), "{text}");
        }
        self.write_line(&text);
    }

    fn flush(&self) {
        if let Ok(mut state) = self.state.lock()
            && let Some(f) = state.file.as_mut()
        {
            f.flush().ok();
        }
    }
}

static LOGGER: OnceLock<FileLogger> = OnceLock::new();

/// For the window app: logs to the data folder and writes a crash report on a panic.
/// Returns the data folder, or `None` (and changes nothing) when there is no home folder.
pub fn init_for_app() -> Option<PathBuf> {
    let dir = crate::fsio::data_dir()?;
    init_in(&dir);
    Some(dir)
}

/// Installs the file logger and the crash-report hook for `dir`; once per process.
pub fn init_in(dir: &Path) {
    let logger = LOGGER.get_or_init(|| FileLogger::new(dir));
    if log::set_logger(logger).is_ok() {
        log::set_max_level(log::LevelFilter::Info);
    }
    install_panic_hook(dir.to_path_buf());
    log::info!(
        "Innovation Atlas {} started; data folder {}",
        env!("CARGO_PKG_VERSION"),
        dir.display()
    );
}

fn install_panic_hook(dir: PathBuf) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = panic_message(info);
        let location = info
            .location()
            .map_or_else(|| "unknown".to_string(), ToString::to_string);
        let backtrace = std::backtrace::Backtrace::force_capture().to_string();
        let recent = LOGGER.get().map(FileLogger::recent).unwrap_or_default();
        let report = crash_report(&message, &location, &backtrace, &recent);
        match write_crash_report(&dir, &report) {
            Ok(path) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "A crash report was written to {}",
                    path.display()
                );
            }
            Err(e) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "The crash report could not be written: {e}"
                );
            }
        }
        if let Some(logger) = LOGGER.get() {
            logger.write_line(&format!("ERROR panic at {location}: {message}"));
        }
        previous(info);
    }));
}

fn panic_message(info: &std::panic::PanicHookInfo) -> String {
    info.payload()
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "(no message)".to_string())
}

/// The text of a crash report.
pub fn crash_report(message: &str, location: &str, backtrace: &str, recent: &[String]) -> String {
    let thread = std::thread::current();
    format!(
        "Innovation Atlas crash report\n\
         version: {}\n\
         time: {}\n\
         system: {} {}\n\
         thread: {}\n\
         panic: {message}\n\
         at: {location}\n\
         \n\
         backtrace:\n{backtrace}\n\
         \n\
         last {} log lines:\n{}",
        env!("CARGO_PKG_VERSION"),
        now_text(),
        std::env::consts::OS,
        std::env::consts::ARCH,
        thread.name().unwrap_or("unnamed"),
        recent.len(),
        recent.concat()
    )
}

/// Writes a crash report into `dir` as `crash-<time>.txt`; returns its path.
pub fn write_crash_report(dir: &Path, text: &str) -> Result<PathBuf, crate::fsio::WriteError> {
    std::fs::create_dir_all(dir).ok();
    let stamp = crate::fsio::timestamp();
    let mut path = dir.join(format!("crash-{stamp}.txt"));
    // Two panics in one second (two threads) each keep their report.
    for n in 2..100 {
        if !path.exists() {
            break;
        }
        path = dir.join(format!("crash-{stamp}-{n}.txt"));
    }
    crate::fsio::write_atomic(&path, text.as_bytes())?;
    prune_crash_reports(dir);
    Ok(path)
}

/// Crash reports in `dir`, newest first: (path, already seen).
fn crash_reports(dir: &Path) -> Vec<(PathBuf, bool)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.starts_with("crash-") {
                return None;
            }
            if name.ends_with(".txt") {
                Some((e.path(), false))
            } else if name.ends_with(".txt.seen") {
                Some((e.path(), true))
            } else {
                None
            }
        })
        .collect();
    // The names start with the time, so the name order is the time order.
    found.sort_by(|a, b| b.0.file_name().cmp(&a.0.file_name()));
    found
}

fn prune_crash_reports(dir: &Path) {
    for (path, _) in crash_reports(dir).into_iter().skip(CRASH_REPORTS_KEPT) {
        std::fs::remove_file(path).ok();
    }
}

/// The newest crash report the user has not dismissed yet, in the app's data folder.
pub fn pending_crash_report() -> Option<PathBuf> {
    pending_crash_report_in(&crate::fsio::data_dir()?)
}

/// The newest crash report in `dir` the user has not dismissed yet.
pub fn pending_crash_report_in(dir: &Path) -> Option<PathBuf> {
    crash_reports(dir)
        .into_iter()
        .find(|(_, seen)| !seen)
        .map(|(p, _)| p)
}

/// The text of a crash report (at most 1 MB).
pub fn read_crash_report(path: &Path) -> Result<String, crate::fsio::ReadError> {
    let bytes = crate::fsio::read_capped(path, MAX_REPORT_BYTES)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Marks a crash report as shown: it stays in the folder (as `….txt.seen`) but is not
/// offered again. Every older unseen report is marked too.
pub fn dismiss_crash_reports(dir: &Path) {
    for (path, seen) in crash_reports(dir) {
        if !seen {
            let mut seen_name = path.clone().into_os_string();
            seen_name.push(".seen");
            std::fs::rename(&path, seen_name).ok();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("atlas-diag-{name}-{}", std::process::id()));
        std::fs::remove_dir_all(&dir).ok();
        std::fs::create_dir_all(&dir).ok();
        dir
    }

    #[test]
    fn the_log_rotates_at_a_megabyte_and_keeps_three_files() {
        let dir = temp_dir("rotate");
        let logger = FileLogger::new(&dir);
        let line = "x".repeat(1000);
        for _ in 0..3500 {
            logger.write_line(&line);
        }
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .map(|r| {
                r.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        assert_eq!(
            names,
            [
                "innovation-atlas.log",
                "innovation-atlas.log.1",
                "innovation-atlas.log.2"
            ]
        );
        for n in &names {
            let size = std::fs::metadata(dir.join(n)).map_or(0, |m| m.len());
            assert!(size <= MAX_LOG_BYTES && size > 0, "{n}: {size}");
        }
        assert_eq!(logger.recent().len(), RECENT_LINES);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_crash_report_is_found_once_and_then_kept_as_seen() {
        let dir = temp_dir("crash");
        assert_eq!(pending_crash_report_in(&dir), None);
        let recent = vec!["2026-01-01 00:00:00Z INFO started\n".to_string()];
        let text = crash_report("boom", "src/x.rs:1:2", "0: main", &recent);
        let path = write_crash_report(&dir, &text).expect("written");
        assert_eq!(
            pending_crash_report_in(&dir).as_deref(),
            Some(path.as_path())
        );
        let back = read_crash_report(&path).expect("reads");
        for part in [
            "version: ",
            "panic: boom",
            "at: src/x.rs:1:2",
            "backtrace:\n0: main",
            "last 1 log lines:\n2026-01-01 00:00:00Z INFO started",
        ] {
            assert!(back.contains(part), "{part} in {back}");
        }
        dismiss_crash_reports(&dir);
        assert_eq!(pending_crash_report_in(&dir), None);
        assert_eq!(crash_reports(&dir).len(), 1);
        for _ in 0..12 {
            write_crash_report(&dir, "again").expect("written");
        }
        assert_eq!(crash_reports(&dir).len(), CRASH_REPORTS_KEPT);
        std::fs::remove_dir_all(&dir).ok();
    }
}
