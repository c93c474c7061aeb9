//! Files written by the app are whole, whatever happens to the writer: a writer killed at a
//! random moment (SIGKILL) leaves the previous file or the new one, never a mix or a
//! truncated file; a write that fails half-way leaves the old file.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use innovation_atlas::fsio;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-atomic-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A small random-number generator (xorshift), seeded from the clock: no dependency, and
/// the seed is printed so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn from_clock() -> Rng {
        let seed = std::env::var("ATLAS_KILL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            });
        eprintln!("kill test seed: ATLAS_KILL_SEED={seed}");
        Rng(seed.max(1))
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// The two contents the writer alternates between: different sizes and bytes, so a
/// truncated or mixed file matches neither.
fn versions() -> [Vec<u8>; 2] {
    let mut a = vec![b'a'; 3 * 1024 * 1024];
    a.extend_from_slice(b"\nend of version A\n");
    let mut b = vec![b'b'; 2 * 1024 * 1024 + 7];
    b.extend_from_slice(b"\nend of version B\n");
    [a, b]
}

/// The child half of the kill test: writes the two versions in turn, forever.
#[test]
fn writer_child() {
    let Some(path) = std::env::var_os("ATLAS_WRITER_PATH") else {
        return;
    };
    let path = PathBuf::from(path);
    let v = versions();
    for i in 0.. {
        if let Err(e) = fsio::write_atomic(&path, &v[i % 2]) {
            eprintln!("write failed: {e}");
            std::process::exit(3);
        }
    }
}

fn spawn_self(test: &str, env: (&str, &Path)) -> std::process::Child {
    Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(env.0, env.1)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawns the writer")
}

fn temp_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
                .count()
        })
        .unwrap_or(0)
}

#[test]
fn a_writer_killed_at_random_moments_leaves_a_whole_file() {
    let dir = temp_dir("kill");
    let path = dir.join("out.bin");
    let v = versions();
    let mut rng = Rng::from_clock();
    let (mut seen, mut mid_write) = ([0usize; 2], 0usize);
    const ROUNDS: usize = 50;
    for round in 0..ROUNDS {
        let mut child = spawn_self("writer_child", ("ATLAS_WRITER_PATH", &path));
        std::thread::sleep(Duration::from_millis(5 + rng.below(300)));
        child.kill().expect("SIGKILL");
        child.wait().ok();
        if temp_files(&dir) > 0 {
            mid_write += 1;
        }
        match std::fs::read(&path) {
            Ok(bytes) if bytes == v[0] => seen[0] += 1,
            Ok(bytes) if bytes == v[1] => seen[1] += 1,
            Ok(bytes) => panic!(
                "round {round}: a broken file of {} bytes after a kill",
                bytes.len()
            ),
            // Killed before the very first rename: no file yet, which is the previous state.
            Err(e) => assert!(round == 0 || seen == [0, 0], "round {round}: {e}"),
        }
        fsio::remove_stale_temp_files(&dir, Duration::ZERO);
    }
    eprintln!(
        "{ROUNDS} kills: version A {}×, version B {}×, killed with a temporary file half-written {mid_write}×",
        seen[0], seen[1]
    );
    // The kills must have hit writes, or the test proves nothing.
    assert!(seen[0] + seen[1] >= ROUNDS / 2, "{seen:?}");
    assert!(mid_write > 0, "no kill landed inside a write");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn export_killed_at_random_moments_leaves_a_whole_file() {
    let bin = env!("CARGO_BIN_EXE_innovation-atlas");
    let dir = temp_dir("export-kill");
    // The two complete files, written once without interruption.
    let formats = ["json", "geojson"];
    let mut complete = Vec::new();
    let mut took = Duration::ZERO;
    for f in formats {
        let out = dir.join(format!("reference.{f}"));
        let start = Instant::now();
        let ok = Command::new(bin)
            .args(["export", "--format", f, "--out"])
            .arg(&out)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        took = took.max(start.elapsed());
        assert!(ok, "export {f}");
        complete.push(std::fs::read(&out).expect("reference"));
    }
    let path = dir.join("atlas.out");
    let mut rng = Rng::from_clock();
    let mut seen = [0usize; 2];
    let window = took.as_millis() as u64 + 20;
    for round in 0..50 {
        let f = formats[round % 2];
        let mut child = Command::new(bin)
            .args(["export", "--format", f, "--out"])
            .arg(&path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("export runs");
        std::thread::sleep(Duration::from_millis(rng.below(window)));
        child.kill().ok();
        child.wait().ok();
        match std::fs::read(&path) {
            Ok(bytes) if bytes == complete[0] => seen[0] += 1,
            Ok(bytes) if bytes == complete[1] => seen[1] += 1,
            Ok(bytes) => panic!("round {round}: a broken export of {} bytes", bytes.len()),
            Err(_) => assert_eq!(seen, [0, 0], "round {round}: the file disappeared"),
        }
    }
    eprintln!(
        "50 kills of export --out (runs of ~{} ms): JSON {}×, GeoJSON {}×",
        took.as_millis(),
        seen[0],
        seen[1]
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// The child half of the next test: a file-size limit makes the write fail half-way.
#[cfg(unix)]
#[test]
fn file_size_limit_child() {
    let Some(path) = std::env::var_os("ATLAS_FSIZE_PATH") else {
        return;
    };
    // SAFETY: plain libc calls with valid arguments, in a process of its own.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        let limit = libc::rlimit {
            rlim_cur: 64 * 1024,
            rlim_max: 64 * 1024,
        };
        libc::setrlimit(libc::RLIMIT_FSIZE, &limit);
    }
    match fsio::write_atomic(Path::new(&path), &vec![b'x'; 1024 * 1024]) {
        Ok(()) => println!("written"),
        Err(e) => println!("ERROR {e}"),
    }
}

#[cfg(unix)]
#[test]
fn a_write_that_fails_half_way_says_why_and_keeps_the_old_file() {
    let dir = temp_dir("fsize");
    let path = dir.join("kept.json");
    std::fs::write(&path, "old contents").expect("write");
    let out = Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", "file_size_limit_child", "--nocapture"])
        .env("ATLAS_FSIZE_PATH", &path)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("ERROR") || l == &"written")
        .unwrap_or("");
    assert!(line.starts_with("ERROR could not write"), "{text}");
    assert!(
        line.contains("kept.json") && line.contains("unchanged"),
        "{line}"
    );
    assert!(line.contains("Fix:"), "{line}");
    assert_eq!(
        std::fs::read_to_string(&path).ok().as_deref(),
        Some("old contents")
    );
    assert_eq!(temp_files(&dir), 0, "the temporary file is removed");
    std::fs::remove_dir_all(&dir).ok();
}
