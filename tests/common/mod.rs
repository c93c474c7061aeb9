//! What the UI tests share: an app on the embedded atlas in a harness, and searching.
#![allow(dead_code)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use innovation_atlas::app::AtlasApp;

/// The whole app at laptop size, after its first frames.
pub fn harness(size: egui::Vec2) -> Harness<'static, AtlasApp> {
    let app = AtlasApp::embedded().expect("embedded atlas");
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run();
    h
}

/// Types `text` into the search box and presses Enter.
pub fn search(h: &mut Harness<'static, AtlasApp>, text: &str) {
    h.state_mut().views.search.query.clear();
    h.run();
    let field = h.get_by_label("Zoeken");
    field.focus();
    field.type_text(text);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
}

/// At least one node shows `text` (the same name can be a marker and a fact in a panel).
pub fn shows(h: &Harness<'static, AtlasApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}
