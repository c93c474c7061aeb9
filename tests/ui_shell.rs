//! The app shell through its accessibility tree: pick a place, read its facts, switch language.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use innovation_atlas::app::AtlasApp;

fn harness() -> Harness<'static, AtlasApp> {
    let app = AtlasApp::embedded().expect("embedded atlas");
    Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app)
}

#[test]
fn picking_a_hotspot_shows_its_anchor_count_and_source() {
    let mut h = harness();
    h.run();
    h.get_by_label("RoboHouse").click();
    h.run();
    assert_eq!(h.state().state.selection(), Some("zh-robohouse"));
    h.get_by_label_contains("TU Delft");
    h.get_by_label("50");
    h.get_by_label_contains("001_683bde24a5de3812.txt");
}

#[test]
fn english_switch_changes_the_labels() {
    let mut h = harness();
    h.run();
    h.get_by_label("Regio's");
    h.get_by_label("English").click();
    h.run();
    h.get_by_label("Regions");
    assert!(h.query_by_label("Regio's").is_none());
    h.get_by_label("Nederlands");
}
