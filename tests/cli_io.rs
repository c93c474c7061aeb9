//! The commands as a user runs them, with unusual files and outputs: output into a pipe that
//! closes early or onto a full disk, a named pipe or a device given as dataset or deck, an
//! export onto a symbolic link. Each ends with a clear message and exit code, never a hang
//! or a panic.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_innovation-atlas"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-cli-io-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Waits for a child at most `limit`; kills it and fails the test if it takes longer.
fn wait_at_most(mut child: Child, limit: Duration, what: &str) -> (i32, String) {
    let start = Instant::now();
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                e.read_to_string(&mut err).ok();
            }
            return (status.code().unwrap_or(-1), err);
        }
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("{what} still ran after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn export_into_a_pipe_closed_after_one_line_exits_quietly() {
    for format in ["json", "csv", "geojson"] {
        let mut child = bin()
            .args(["export", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        // Like `| head -1`: read the first line, then close the pipe.
        let mut stdout = child.stdout.take().expect("stdout");
        let mut first = Vec::new();
        let mut byte = [0u8; 1];
        while stdout.read(&mut byte).is_ok_and(|n| n == 1) && byte[0] != b'\n' {
            first.push(byte[0]);
        }
        drop(stdout);
        assert!(!first.is_empty(), "{format}: a first line");
        let (code, err) = wait_at_most(child, Duration::from_secs(60), "export | head -1");
        // The CSV (33 kB) fits in the pipe's buffer before the reader closes it, and then
        // the export succeeds; the JSON (690 kB) and GeoJSON (190 kB) meet the closed pipe.
        let expected = if format == "csv" {
            [0, 141]
        } else {
            [141, 141]
        };
        assert!(expected.contains(&code), "{format}: exit {code}: {err}");
        assert!(!err.contains("panicked"), "{format}: {err}");
        assert_eq!(err, "", "{format}: a closed pipe is not an error to report");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn export_onto_a_full_disk_says_so() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let child = bin()
        .args(["export", "--format", "csv"])
        .stdout(Stdio::from(full))
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let (code, err) = wait_at_most(child, Duration::from_secs(60), "export > /dev/full");
    assert_eq!(code, 1, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("cannot write to standard output"), "{err}");
    assert!(
        err.contains("No space left on device") && err.contains("Fix:"),
        "{err}"
    );
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    assert!(made, "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_named_pipe_as_dataset_or_deck_is_refused_within_a_second() {
    let dir = temp_dir("fifo");
    let fifo = dir.join("atlas.toml");
    mkfifo(&fifo);
    // A folder of dataset files with one named pipe among them.
    let folder = dir.join("seeds");
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::write(folder.join("a.toml"), "[dataset]\nname = \"x\"\n").expect("write");
    mkfifo(&folder.join("b.toml"));
    let fifo_arg = fifo.to_string_lossy().into_owned();
    let folder_arg = folder.to_string_lossy().into_owned();
    let out_arg = dir.join("out").to_string_lossy().into_owned();
    let runs: [(&str, Vec<&str>, &str); 4] = [
        ("check FIFO", vec!["check", &fifo_arg], "atlas.toml"),
        ("check folder", vec!["check", &folder_arg], "b.toml"),
        (
            "export --dataset FIFO",
            vec!["export", "--format", "csv", "--dataset", &fifo_arg],
            "atlas.toml",
        ),
        (
            "render --deck FIFO",
            vec!["render", "--deck", &fifo_arg, "--out", &out_arg],
            "atlas.toml",
        ),
    ];
    for (what, args, names) in runs {
        let start = Instant::now();
        let child = bin()
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let (code, err) = wait_at_most(child, Duration::from_secs(20), what);
        assert_eq!(code, 1, "{what}: {err}");
        assert!(
            err.contains(names) && err.contains("named pipe"),
            "{what}: {err}"
        );
        // `render` loads and indexes the embedded atlas before it opens the deck (a few
        // seconds in a debug build); the others stop at the pipe.
        let limit = Duration::from_secs(if what.starts_with("render") { 10 } else { 1 });
        assert!(start.elapsed() < limit, "{what}: {:?}", start.elapsed());
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn endless_devices_as_dataset_are_refused() {
    for dev in ["/dev/zero", "/dev/urandom"] {
        let child = bin()
            .args(["check", dev])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let (code, err) = wait_at_most(child, Duration::from_secs(20), dev);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains(&format!("{dev}: this is a device")), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn export_out_through_a_symlink_keeps_the_link() {
    let dir = temp_dir("link");
    let real = dir.join("places.csv");
    std::fs::write(&real, "old").expect("write");
    let link = dir.join("latest.csv");
    std::os::unix::fs::symlink("places.csv", &link).expect("symlink");
    let status = bin()
        .args(["export", "--format", "csv", "--out"])
        .arg(&link)
        .stderr(Stdio::null())
        .status()
        .expect("runs");
    assert!(status.success());
    assert!(std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
    let text = std::fs::read_to_string(&real).expect("read");
    assert!(
        text.starts_with("\u{feff}id,"),
        "{}",
        &text[..text.len().min(80)]
    );
    // Onto a named pipe: refused, the pipe stays, and nothing waits for a reader.
    let fifo = dir.join("pipe.csv");
    mkfifo(&fifo);
    let child = bin()
        .args(["export", "--format", "csv", "--out"])
        .arg(&fifo)
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let (code, err) = wait_at_most(child, Duration::from_secs(20), "export --out FIFO");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("pipe.csv: this is a named pipe"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

/// The child half of the next test: prints with `println!` forever, under the guard.
#[test]
fn println_child() {
    if std::env::var_os("ATLAS_PRINTLN_CHILD").is_none() {
        return;
    }
    innovation_atlas::cli::output::install_panic_guard();
    loop {
        println!("a line a command printed with println!");
    }
}

#[test]
fn a_println_into_a_closed_pipe_ends_the_program_quietly() {
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "println_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("ATLAS_PRINTLN_CHILD", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut some = [0u8; 4096];
    stdout.read_exact(&mut some).expect("output");
    drop(stdout);
    let (code, err) = wait_at_most(child, Duration::from_secs(20), "println child");
    assert_eq!(code, 141, "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
