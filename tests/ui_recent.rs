//! File → Recent geopend: the datasets and decks opened last are listed newest first, open
//! again with one click, are kept in the settings file, and one that is gone is greyed out
//! and says so until the user removes it.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _, by};
use innovation_atlas::app::AtlasApp;
use innovation_atlas::app::persist::{Store, WindowState};
use innovation_atlas::command::Command;
use innovation_atlas::model::{self, Origin};
use innovation_atlas::state::recent::{MAX_RECENT, RecentKind};

mod common;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-recent-{}-{name}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The embedded dataset written out as a folder `seeds` under `dir`.
fn dataset_folder(dir: &Path) -> PathBuf {
    for (name, text) in model::load::EMBEDDED {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    dir.join("seeds")
}

fn open_recent_menu(h: &mut Harness<'static, AtlasApp>, file: &str, recent: &str) {
    h.get(by().label(file).role(Role::Button)).click();
    h.run();
    h.get_by_label(recent).click();
    h.run();
}

#[test]
fn opened_datasets_and_decks_are_listed_and_open_again() {
    let dir = scratch("list");
    let folder = dataset_folder(&dir);
    let deck_path = dir.join("mijn-dia's.toml");
    let gone = dir.join("weg").join("oud-atlas.toml");

    let mut h = common::harness(egui::vec2(1366.0, 768.0));
    // Open a dataset folder and save a deck: both are remembered, newest first.
    h.state_mut().apply(Command::LoadDataset(folder.clone()));
    assert!(h.state().state.load_error.is_none());
    h.state_mut().apply(Command::AddCurrentViewAsSlide);
    h.state_mut().apply(Command::SaveDeckTo(deck_path.clone()));
    h.state_mut()
        .state
        .settings
        .recent
        .decks
        .push(dir.join("weg").join("oude-dia's.toml"));
    h.state_mut()
        .state
        .settings
        .recent
        .datasets
        .push(gone.clone());
    h.run();
    let recent = h.state().state.settings.recent.clone();
    assert_eq!(recent.datasets.first(), Some(&folder));
    assert_eq!(recent.decks.first(), Some(&deck_path));

    // Go back to the embedded atlas, then open the dataset again from the menu.
    h.state_mut().apply(Command::UseEmbedded);
    h.run();
    assert_eq!(h.state().state.atlas.loaded.origin, Origin::Embedded);
    open_recent_menu(&mut h, "Bestand", "Recent geopend");
    h.get_by_label("Datasets");
    h.get_by_label("Presentaties");
    // A missing entry is greyed out and says so.
    let missing = h.get_by_label("oud-atlas.toml (weg) — ontbreekt");
    assert!(
        missing.accesskit_node().is_disabled(),
        "a missing dataset cannot be clicked"
    );
    h.get_by_label("oude-dia's.toml (weg) — ontbreekt");
    let label = format!(
        "seeds ({})",
        dir.file_name().expect("name").to_string_lossy()
    );
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(
        h.state().state.atlas.loaded.origin,
        Origin::Path(folder.clone())
    );

    // The deck opens again too.
    h.state_mut().apply(Command::NewOwnDeck);
    h.run();
    open_recent_menu(&mut h, "Bestand", "Recent geopend");
    let label = format!(
        "mijn-dia's.toml ({})",
        dir.file_name().expect("name").to_string_lossy()
    );
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(
        h.state().state.settings.own_deck_path.as_deref(),
        Some(deck_path.as_path())
    );
    assert_eq!(
        h.state()
            .state
            .settings
            .own_deck
            .as_ref()
            .map(|d| d.slides.len()),
        Some(1)
    );

    // "Ontbrekende verwijderen" drops only what is gone; "Lijst wissen" everything.
    open_recent_menu(&mut h, "Bestand", "Recent geopend");
    h.get_by_label("Ontbrekende verwijderen").click();
    h.run();
    let recent = &h.state().state.settings.recent;
    assert!(!recent.datasets.contains(&gone), "{recent:?}");
    assert_eq!(recent.datasets, std::slice::from_ref(&folder));
    assert_eq!(recent.decks, std::slice::from_ref(&deck_path));
    open_recent_menu(&mut h, "Bestand", "Recent geopend");
    h.get_by_label("Lijst wissen").click();
    h.run();
    assert!(h.state().state.settings.recent.is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_english_menu_says_open_recent_and_an_empty_list_says_so() {
    let mut h = common::harness(egui::vec2(1280.0, 720.0));
    h.state_mut()
        .apply(Command::SetLanguage(innovation_atlas::model::Lang::En));
    h.run();
    open_recent_menu(&mut h, "File", "Open recent");
    h.get_by_label("Nothing opened yet");
}

#[test]
fn the_recent_lists_are_kept_in_the_settings_file() {
    let dir = scratch("keep");
    let mut settings = innovation_atlas::state::Settings::default();
    for i in 0..(MAX_RECENT + 3) {
        settings
            .recent
            .remember(RecentKind::Dataset, &dir.join(format!("atlas-{i}")));
    }
    settings
        .recent
        .remember(RecentKind::Deck, &dir.join("deck.toml"));
    Store::new(&dir)
        .save(&settings, &WindowState::default())
        .expect("saved");
    let restored = Store::new(&dir).load();
    assert_eq!(restored.notice, None);
    assert_eq!(restored.settings.recent, settings.recent);
    assert_eq!(restored.settings.recent.datasets.len(), MAX_RECENT);
    assert_eq!(
        restored.settings.recent.datasets[0],
        dir.join(format!("atlas-{}", MAX_RECENT + 2))
    );
    // A hand-edited file with a relative path and repeats keeps what makes sense.
    let text = std::fs::read_to_string(dir.join("settings.toml")).expect("read");
    let edited = text.replacen(
        &format!("\"{}\"", dir.join("deck.toml").display()),
        "\"relative.toml\", \"/tmp/a.toml\", \"/tmp/a.toml\"",
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(dir.join("settings.toml"), edited).expect("write");
    let restored = Store::new(&dir).load();
    assert_eq!(
        restored.settings.recent.decks,
        [PathBuf::from("/tmp/a.toml")]
    );
    std::fs::remove_dir_all(&dir).ok();
}
