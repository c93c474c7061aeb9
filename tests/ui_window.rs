//! The window on a laptop (1280×720, 1366×768), in both languages, used as people use desktop
//! programs: every entry of the menu bar and the tool bar is on screen, apart from the others
//! and does what it says; the menus, the command palette and the map's right-click menu work.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable as _, by};
use innovation_atlas::app::AtlasApp;
use innovation_atlas::command::Command;
use innovation_atlas::model::Lang;
use innovation_atlas::state::Mode;

mod common;

const LAPTOPS: [[f32; 2]; 2] = [[1280.0, 720.0], [1366.0, 768.0]];

/// The menu bar's menus and the tool bar's buttons, as each language names them.
fn top_bar(lang: Lang) -> [&'static str; 13] {
    match lang {
        Lang::Nl => [
            "Bestand",
            "Beeld",
            "Presentatie",
            "Help",
            "Kaart",
            "Vergelijken",
            "Grafieken",
            "Nederland",
            "Zuid-Holland",
            "Metropoolregio Amsterdam",
            "Noord-Nederland",
            "Presenteren",
            "English",
        ],
        Lang::En => [
            "File",
            "View",
            "Presentation",
            "Help",
            "Map",
            "Compare",
            "Charts",
            "Netherlands",
            "South Holland",
            "Amsterdam Metropolitan Area",
            "Northern Netherlands",
            "Present",
            "Nederlands",
        ],
    }
}

fn harness_in(size: [f32; 2], lang: Lang) -> Harness<'static, AtlasApp> {
    let mut h = common::harness(egui::vec2(size[0], size[1]));
    h.state_mut().apply(Command::SetLanguage(lang));
    h.run();
    h
}

#[test]
fn every_top_bar_entry_is_on_screen_apart_and_clickable_on_a_laptop() {
    for size in LAPTOPS {
        for lang in [Lang::Nl, Lang::En] {
            let h = harness_in(size, lang);
            let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size[0], size[1]));
            let rects: Vec<(&str, egui::Rect)> = top_bar(lang)
                .iter()
                .map(|label| (*label, h.get(by().label(label).role(Role::Button)).rect()))
                .collect();
            for (label, r) in &rects {
                assert!(
                    screen.contains_rect(*r),
                    "{size:?} {lang:?}: {label} at {r:?} is not wholly on screen"
                );
            }
            for (i, (a, ra)) in rects.iter().enumerate() {
                for (b, rb) in &rects[i + 1..] {
                    assert!(
                        !ra.shrink(1.0).intersects(rb.shrink(1.0)),
                        "{size:?} {lang:?}: {a} and {b} overlap"
                    );
                }
            }
        }
    }
}

#[test]
fn the_tool_bar_switches_views_languages_and_regions() {
    for size in LAPTOPS {
        let mut h = harness_in(size, Lang::Nl);
        for (label, mode) in [
            ("Vergelijken", Mode::Compare),
            ("Grafieken", Mode::Charts),
            ("Kaart", Mode::Map),
        ] {
            h.get_by_label(label).click();
            h.run();
            assert_eq!(h.state().state.settings.mode, mode, "{size:?} {label}");
        }
        let before = h.state().map.current_view();
        h.get(by().label("Noord-Nederland").role(Role::Button))
            .click();
        h.run();
        let after = h.state().map.current_view();
        assert!(
            after.centre[1] < before.centre[1],
            "{size:?}: the map flew north"
        );
        h.get_by_label("Presenteren").click();
        h.run();
        h.get_by_label("Start presentatie (F5)");
        h.get_by_label("English").click();
        h.run();
        assert_eq!(h.state().state.settings.lang, Lang::En);
        h.get_by_label("Nederlands").click();
        h.run();
        assert_eq!(h.state().state.settings.lang, Lang::Nl);
    }
}

#[test]
fn the_menus_list_their_actions_with_shortcuts() {
    for size in LAPTOPS {
        let mut h = harness_in(size, Lang::Nl);
        h.get_by_label("Bestand").click();
        h.run();
        // A menu entry reads its shortcut too.
        h.get_by_label("Dataset openen… Ctrl+O");
        h.get_by_label("Datasetmap openen…");
        h.get_by_label("Presentatie openen…");
        let mut h = harness_in(size, Lang::Nl);
        h.get_by_label("Beeld").click();
        h.run();
        h.get_by_label("Alle kruisbestuivingen tonen").click();
        h.run();
        assert!(h.state().state.settings.layers.all_links);
        let mut h = harness_in(size, Lang::Nl);
        h.get_by_label("Help").click();
        h.run();
        h.get_by_label("Over de atlas").click();
        h.run();
        h.get_by_label("Over de Innovatie-atlas");
    }
}

#[test]
fn without_a_file_dialog_the_app_asks_for_a_path() {
    let mut h = harness_in([1366.0, 768.0], Lang::Nl);
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label("Datasetmap openen…").click();
    h.run();
    assert!(
        common::shows(&h, "Er is geen bestandsvenster van het systeem beschikbaar"),
        "the path field explains itself"
    );
    h.get_by_label("Annuleren").click();
    h.run();
    assert!(!common::shows(&h, "Er is geen bestandsvenster"));
}

#[test]
fn the_palette_finds_and_runs_an_action_by_name() {
    let mut h = harness_in([1280.0, 720.0], Lang::Nl);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    h.run();
    h.get_by_label("Opdrachten");
    h.event(egui::Event::Text("grafiek".into()));
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().state.settings.mode, Mode::Charts);
    assert!(!common::shows(&h, "Opdrachten"), "the palette closed");
}

#[test]
fn escape_closes_the_palette_with_or_without_the_field_focused() {
    let mut h = harness_in([1366.0, 768.0], Lang::Nl);
    h.get_by_label("RoboHouse").click();
    h.run();
    let selected = h.state().state.settings.selection.clone();
    assert!(selected.is_some());
    for focused in [true, false] {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
        h.run();
        assert!(common::shows(&h, "Opdrachten"), "the palette opened");
        if !focused {
            h.ctx.memory_mut(|m| m.stop_text_input());
            h.run();
        }
        h.key_press(egui::Key::Escape);
        h.run();
        assert!(
            !common::shows(&h, "Opdrachten"),
            "Escape closed the palette (field focused: {focused})"
        );
        assert_eq!(
            h.state().state.settings.selection,
            selected,
            "the Escape that closed the palette did not also clear the selection"
        );
    }
}

#[test]
fn escape_clears_the_selection_and_a_click_on_empty_map_too() {
    let mut h = harness_in([1366.0, 768.0], Lang::Nl);
    h.get_by_label("RoboHouse").click();
    h.run();
    assert_eq!(
        h.state().state.settings.selection.as_deref(),
        Some("zh-robohouse")
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().state.settings.selection, None);
}

#[test]
fn a_picture_of_the_view_is_titled_and_cited_by_what_it_shows() {
    let mut h = harness_in([1366.0, 768.0], Lang::Nl);
    let slide = h.state().picture_of_view();
    assert!(!slide.title.contains("Nieuwe dia"), "{}", slide.title);
    assert!(slide.title.contains("Zuid-Holland"), "{}", slide.title);
    assert!(slide.title.contains(" en "), "{}", slide.title);
    assert!(!slide.sources.is_empty(), "a picture cites what it shows");
    h.state_mut()
        .apply(Command::ToggleSector("robotics".to_string()));
    h.run();
    let filtered = h.state().picture_of_view();
    assert!(filtered.title.contains("Robotica"), "{}", filtered.title);
    // A selection names the picture.
    h.get_by_label("RoboHouse").click();
    h.run();
    assert_eq!(h.state().picture_of_view().title, "RoboHouse");
}
