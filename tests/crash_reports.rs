//! A panic in the window app writes a crash report into the data folder; the next start
//! finds it and offers to show it; once closed it is not offered again.

use std::path::{Path, PathBuf};
use std::process::Command;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use innovation_atlas::app::persist::Notices;
use innovation_atlas::diagnostics;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-crash-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The child half: logs like the app, then panics.
#[test]
fn crashing_child() {
    let Some(dir) = std::env::var_os("ATLAS_CRASH_DIR") else {
        return;
    };
    diagnostics::init_in(Path::new(&dir));
    log::info!("opened the deck window");
    log::warn!("a deck could not be saved");
    let ids: Vec<&str> = Vec::new();
    // A deliberate bug: indexing an empty list.
    let _ = ids[3];
}

#[test]
fn a_panic_writes_a_report_the_next_start_offers() {
    let dir = temp_dir("report");
    let out = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "crashing_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("ATLAS_CRASH_DIR", &dir)
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("runs");
    assert!(!out.status.success(), "the child panicked");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("A crash report was written to"), "{stderr}");

    let path = diagnostics::pending_crash_report_in(&dir).expect("a report is pending");
    let text = diagnostics::read_crash_report(&path).expect("reads");
    for part in [
        &format!("version: {}", env!("CARGO_PKG_VERSION")),
        "panic: index out of bounds: the len is 0 but the index is 3",
        "at: tests/crash_reports.rs:",
        "backtrace:",
        "crashing_child",
        "INFO  innovation_atlas",
        "Innovation Atlas 0.1.0 started",
        "WARN  crash_reports: a deck could not be saved",
    ] {
        assert!(text.contains(part), "{part:?} missing from\n{text}");
    }
    // The log file has the lines and the panic.
    let log = std::fs::read_to_string(dir.join(diagnostics::LOG_FILE)).expect("log");
    assert!(log.contains("a deck could not be saved"), "{log}");
    assert!(
        log.contains("ERROR panic at tests/crash_reports.rs"),
        "{log}"
    );

    // The next start offers it: the window shows where it is and the text on request.
    let notices = Notices {
        crash_report: Some(path.clone()),
        ..Notices::default()
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_ui_state(
            |ui, n: &mut Notices| n.ui(ui.ctx(), innovation_atlas::model::Lang::Nl),
            notices,
        );
    h.run();
    h.get_by_label_contains("onverwacht gestopt");
    h.get_by_label_contains(&path.display().to_string());
    h.get_by_label("Verslag tonen").click();
    h.run();
    assert!(h.state().report_text.as_deref() == Some(text.as_str()));
    h.get_by_label("Sluiten").click();
    h.run();
    assert!(h.state().is_empty());
    assert!(h.query_by_label_contains("onverwacht gestopt").is_none());
    assert_eq!(diagnostics::pending_crash_report_in(&dir), None);
    std::fs::remove_dir_all(&dir).ok();
}
