//! The settings and the own deck between runs (`app::persist`): they come back as they were,
//! a broken file is moved aside with a message and the app starts, impossible values are
//! replaced, and a writer killed at random moments leaves the previous or the new files.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use innovation_atlas::app::persist::{self, Notices, Store, WindowState};
use innovation_atlas::app::{AtlasApp, Dialogs};
use innovation_atlas::atlas::Atlas;
use innovation_atlas::deck::builtin::BuiltinDeck;
use innovation_atlas::deck::{Deck, DeckChoice};
use innovation_atlas::model::{self, Lang};
use innovation_atlas::state::Settings;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-settings-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn names(dir: &Path) -> Vec<String> {
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

fn deck(b: BuiltinDeck, lang: Lang, copies: usize) -> Deck {
    let d = model::load_embedded().expect("embedded").dataset;
    let one = b.generate(&d, lang);
    Deck {
        title: format!("{} ×{copies}", one.title),
        slides: (0..copies).flat_map(|_| one.slides.clone()).collect(),
    }
}

/// Two complete states a writer alternates between.
fn versions() -> [(Settings, WindowState); 2] {
    let a = Settings {
        lang: Lang::Nl,
        selection: Some("zh-robohouse".into()),
        view: Some((4.37, 52.0, 10.0)),
        deck: DeckChoice::Own,
        own_deck: Some(deck(BuiltinDeck::ZuidHolland, Lang::Nl, 12)),
        own_deck_dirty: true,
        ..Settings::default()
    };
    let b = Settings {
        lang: Lang::En,
        compare: vec!["mra".into(), "zuid-holland".into()],
        deck: DeckChoice::Own,
        own_deck: Some(deck(BuiltinDeck::Mra, Lang::En, 7)),
        own_deck_dirty: true,
        ..Settings::default()
    };
    [
        (a, WindowState::default()),
        (
            b,
            WindowState {
                zoom: 1.5,
                maximized: true,
                size: Some([1366.0, 768.0]),
                ..WindowState::default()
            },
        ),
    ]
}

#[test]
fn settings_and_the_own_deck_come_back_as_they_were() {
    let dir = temp_dir("round");
    let [(s, w), _] = versions();
    let store = Store::new(&dir);
    store.save(&s, &w).expect("saves");
    assert_eq!(names(&dir), ["own-deck.toml", "settings.toml"]);
    let text = std::fs::read_to_string(dir.join("settings.toml")).expect("settings");
    assert!(!text.contains("[[settings.own_deck.slide]]"), "{text}");
    let back = Store::new(&dir).load();
    assert_eq!(back.notice, None);
    assert_eq!(back.settings, s);
    assert_eq!(back.window, w);
    // The own deck file is a deck file like any other.
    let own = innovation_atlas::deck::read(&dir.join("own-deck.toml")).expect("a deck");
    assert_eq!(Some(own), s.own_deck);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_broken_settings_file_is_moved_aside_and_the_app_starts_with_a_message() {
    let dir = temp_dir("broken");
    let [(s, w), _] = versions();
    Store::new(&dir).save(&s, &w).expect("saves");
    // Cut the settings file in the middle, as a crash of an in-place writer would.
    let path = dir.join("settings.toml");
    let text = std::fs::read_to_string(&path).expect("settings");
    std::fs::write(&path, &text[..text.len() / 2 + 3]).expect("cut");
    let restored = Store::new(&dir).load();
    let notice = restored.notice.clone().expect("a message for the window");
    assert!(notice.contains("settings.toml"), "{notice}");
    assert!(notice.contains("standaardinstellingen"), "{notice}");
    let files = names(&dir);
    let broken: Vec<&String> = files
        .iter()
        .filter(|n| n.starts_with("settings.toml.broken-"))
        .collect();
    assert_eq!(broken.len(), 1, "{files:?}");
    assert!(notice.contains(broken[0].as_str()), "{notice}");
    assert!(!files.contains(&"settings.toml".to_string()), "{files:?}");
    // The copy is the broken file, byte for byte.
    let copy = std::fs::read_to_string(dir.join(broken[0])).expect("copy");
    assert_eq!(copy, text[..text.len() / 2 + 3]);
    // Defaults, but the own deck (its own file) is kept.
    assert_eq!(restored.settings.lang, Lang::Nl);
    assert_eq!(restored.settings.selection, None);
    assert_eq!(restored.settings.own_deck, s.own_deck);

    // The app starts on these settings and shows the message.
    let atlas = std::sync::Arc::new(Atlas::new(model::load_embedded().expect("embedded")));
    let app = AtlasApp::new(atlas, restored.settings, Dialogs::Disabled);
    let notices = Notices {
        problem: restored.notice,
        ..Notices::default()
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_max_steps(40)
        .build_ui_state(
            |ui, (app, notices): &mut (AtlasApp, Notices)| {
                app.ui(ui);
                notices.ui(ui.ctx(), app.state.lang());
            },
            (app, notices),
        );
    h.run();
    h.get_by_label_contains("konden niet worden gelezen");
    h.get_by_label("Sluiten").click();
    h.run();
    assert!(
        h.query_by_label_contains("konden niet worden gelezen")
            .is_none()
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn other_unreadable_settings_are_moved_aside_too() {
    let cases: [(&str, &[u8], &str); 4] = [
        ("binary", &[0xff, 0xfe, 0x00, 0x41], "UTF-8"),
        ("wrong-type", b"[settings]\nlang = 42\n", "line 2"),
        ("unknown-language", b"[settings]\nlang = \"Fr\"\n", "line 2"),
        ("empty-view", b"[settings]\nview = []\n", "line 2"),
    ];
    for (name, bytes, why) in cases {
        let dir = temp_dir(name);
        std::fs::write(dir.join("settings.toml"), bytes).expect("write");
        let restored = Store::new(&dir).load();
        let notice = restored.notice.expect("a message");
        assert!(notice.contains(why), "{name}: {notice}");
        assert!(
            names(&dir)
                .iter()
                .any(|n| n.starts_with("settings.toml.broken-")),
            "{name}"
        );
        assert_eq!(restored.settings, Settings::default(), "{name}");
        std::fs::remove_dir_all(&dir).ok();
    }
    // A broken own deck: moved aside, settings kept.
    let dir = temp_dir("broken-deck");
    let [(s, w), _] = versions();
    Store::new(&dir).save(&s, &w).expect("saves");
    std::fs::write(dir.join("own-deck.toml"), "title = \"cut").expect("write");
    let restored = Store::new(&dir).load();
    let notice = restored.notice.expect("a message");
    assert!(notice.contains("own-deck.toml"), "{notice}");
    assert_eq!(restored.settings.selection, s.selection);
    assert_eq!(restored.settings.own_deck, None);
    assert!(
        names(&dir)
            .iter()
            .any(|n| n.starts_with("own-deck.toml.broken-"))
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn impossible_values_in_a_settings_file_are_replaced_not_obeyed() {
    for zoom in ["0.0", "nan", "1000.0", "-inf"] {
        let dir = temp_dir(&format!("zoom-{zoom}"));
        let text = format!(
            "[window]\nzoom = {zoom}\n\n[settings]\nlang = \"en\"\nview = [nan, 52.0, 9.0]\ncompare = [\"a\", \"b\", \"c\", \"d\", \"e\"]\n"
        );
        std::fs::write(dir.join("settings.toml"), text).expect("write");
        let restored = Store::new(&dir).load();
        assert_eq!(restored.notice, None, "{zoom}");
        assert_eq!(restored.window.zoom, 1.0, "{zoom}");
        assert_eq!(restored.settings.lang, Lang::En);
        assert_eq!(restored.settings.view, None);
        assert_eq!(restored.settings.compare.len(), 4);
        std::fs::remove_dir_all(&dir).ok();
    }
}

#[test]
fn the_settings_of_the_eframe_version_are_carried_over_once() {
    let dir = temp_dir("import");
    let settings = Settings {
        lang: Lang::En,
        deck: DeckChoice::Own,
        own_deck: Some(deck(BuiltinDeck::NoordNederland, Lang::En, 1)),
        ..Settings::default()
    };
    // eframe's app.ron: a map of RON strings; egui's memory beside it had a zoom of 0.
    let value = ron::to_string(&settings).expect("ron");
    let mut kv = std::collections::HashMap::new();
    kv.insert("innovation-atlas/settings".to_string(), value);
    kv.insert(
        "egui".to_string(),
        "(options:(zoom_factor:0.0))".to_string(),
    );
    std::fs::write(dir.join("app.ron"), ron::to_string(&kv).expect("ron")).expect("write");
    let restored = Store::new(&dir).load();
    assert_eq!(restored.notice, None);
    assert_eq!(restored.settings, settings);
    assert_eq!(restored.window.zoom, 1.0);
    assert_eq!(names(&dir), ["app.ron.imported"]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn with_nothing_saved_the_app_starts_with_defaults_and_no_message() {
    let dir = temp_dir("fresh");
    let restored = Store::new(&dir).load();
    assert_eq!(restored.notice, None);
    assert_eq!(restored.settings, Settings::default());
    assert!(names(&dir).is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_running_app_keeps_no_notices_without_a_window() {
    // Outside the window (tests, commands) nothing is registered, and nothing is written.
    assert!(persist::notices().is_empty());
    assert!(persist::pending_crash_report().is_none());
    let app = AtlasApp::embedded().expect("app");
    persist::save(&app);
}

/// The child half of the kill test: saves the two versions in turn, forever.
#[test]
fn settings_writer_child() {
    let Some(dir) = std::env::var_os("ATLAS_SETTINGS_DIR") else {
        return;
    };
    let store = Store::new(Path::new(&dir));
    let v = versions();
    // The parent starts its clock now, so the kills land among the saves, not in the
    // start-up (which loads the atlas for the decks).
    // On a line of its own: the test harness has written "test … " before it.
    println!("\nATLAS-WRITER-READY");
    for i in 0.. {
        let (s, w) = &v[i % 2];
        if let Err(e) = store.save(s, w) {
            eprintln!("save failed: {e}");
            std::process::exit(3);
        }
    }
}

#[test]
fn a_writer_killed_at_random_moments_leaves_the_previous_or_the_new_settings() {
    let dir = temp_dir("kill");
    // The exact files each version writes.
    let v = versions();
    let expected: Vec<(String, String)> = v
        .iter()
        .enumerate()
        .map(|(i, (s, w))| {
            let d = temp_dir(&format!("expected-{i}"));
            Store::new(&d).save(s, w).expect("saves");
            let read = |n: &str| std::fs::read_to_string(d.join(n)).expect("written");
            let pair = (read("settings.toml"), read("own-deck.toml"));
            std::fs::remove_dir_all(&d).ok();
            pair
        })
        .collect();
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(7, |d| d.as_nanos() as u64)
        | 1;
    eprintln!("seed {seed}");
    let mut random = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    const ROUNDS: usize = 50;
    let (mut kept, mut mid_write) = ([0usize; 4], 0usize);
    for round in 0..ROUNDS {
        let mut child = Command::new(std::env::current_exe().expect("test binary"))
            .args([
                "--exact",
                "settings_writer_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("ATLAS_SETTINGS_DIR", &dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        // Wait (at most a minute) for the child to be ready, reading on a thread so a
        // child that never says so fails the test instead of hanging it.
        let out = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let lines = std::io::BufRead::lines(std::io::BufReader::new(out));
            let ready = lines
                .map_while(Result::ok)
                .any(|l| l.contains("ATLAS-WRITER-READY"));
            tx.send(ready).ok();
        });
        let ready = rx.recv_timeout(Duration::from_secs(60)).unwrap_or(false);
        if !ready {
            child.kill().ok();
            child.wait().ok();
            panic!("round {round}: the writer did not start");
        }
        std::thread::sleep(Duration::from_millis(random(200)));
        child.kill().expect("SIGKILL");
        child.wait().ok();
        if names(&dir).iter().any(|n| n.ends_with(".tmp")) {
            mid_write += 1;
        }
        let read = |n: &str| std::fs::read_to_string(dir.join(n)).ok();
        let (settings, own_deck) = (read("settings.toml"), read("own-deck.toml"));
        let which = |text: &Option<String>, pick: fn(&(String, String)) -> &String| {
            text.as_ref()
                .map(|t| expected.iter().position(|e| pick(e) == t))
        };
        match (which(&settings, |e| &e.0), which(&own_deck, |e| &e.1)) {
            (Some(Some(s)), Some(Some(d))) => {
                kept[s] += 1;
                kept[2 + d] += 1;
            }
            // Killed before the first complete save: nothing yet, or only the deck.
            (None, _) if kept == [0; 4] => {}
            other => panic!(
                "round {round}: a settings or deck file that is neither version: {other:?}\n{:?}",
                settings.as_deref().map(|t| &t[..t.len().min(200)])
            ),
        }
        // What the app would read: no message, one of the two versions.
        if settings.is_some() {
            let restored = Store::new(&dir).load();
            assert_eq!(restored.notice, None, "round {round}");
            assert!(
                v.iter().any(|(s, _)| s.lang == restored.settings.lang),
                "round {round}"
            );
        }
    }
    eprintln!(
        "{ROUNDS} kills: settings A {}×, B {}×; own deck A {}×, B {}×; killed with a temporary file half-written {mid_write}×",
        kept[0], kept[1], kept[2], kept[3]
    );
    assert!(kept[0] + kept[1] >= ROUNDS / 2, "{kept:?}");
    assert!(mid_write > 0, "no kill landed inside a write");
    std::fs::remove_dir_all(&dir).ok();
}
