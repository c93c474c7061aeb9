//! The side panel with a place's details: it starts at the top for each new selection and
//! keeps its width whatever is selected.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable as _, by};
use innovation_atlas::app::AtlasApp;
use innovation_atlas::command::Command;

mod common;

const SIZE: [f32; 2] = [1600.0, 900.0];

fn panel_rect(h: &Harness<'static, AtlasApp>) -> egui::Rect {
    h.state().details_panel.expect("the details panel is shown")
}

/// The top of the heading with this text inside the details panel, if it is there.
fn heading_top(h: &Harness<'static, AtlasApp>, text: &str) -> Option<f32> {
    let panel = panel_rect(h);
    h.query_all_by_label(text)
        .map(|n| n.rect())
        .find(|r| panel.x_range().contains(r.center().x))
        .map(|r| r.top())
}

fn select(h: &mut Harness<'static, AtlasApp>, id: &str) {
    h.state_mut().apply(Command::Select(Some(id.to_string())));
    h.run();
}

fn scroll_details_down(h: &mut Harness<'static, AtlasApp>) {
    let panel = panel_rect(h);
    h.event(egui::Event::PointerMoved(panel.center()));
    for _ in 0..10 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -400.0),
            phase: egui::TouchPhase::Move,
            modifiers: egui::Modifiers::NONE,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run();
    }
}

#[test]
fn a_new_selection_starts_at_the_top_of_the_panel() {
    let mut h = common::harness(egui::vec2(SIZE[0], SIZE[1]));
    select(&mut h, "mra-ijmond");
    let top = heading_top(&h, "IJmond").expect("IJmond's heading");
    scroll_details_down(&mut h);
    let scrolled = heading_top(&h, "IJmond").unwrap_or(f32::NEG_INFINITY);
    assert!(
        scrolled < top - 100.0,
        "the details scrolled down ({top} → {scrolled})"
    );
    select(&mut h, "mra-zaanstreek-waterland");
    let new_top = heading_top(&h, "Zaanstreek-Waterland").expect("the new heading");
    assert!(
        (new_top - top).abs() < 2.0,
        "the new selection starts at the top: heading at {new_top}, expected {top}"
    );
    // Back to the first: at the top too, not where it was left.
    select(&mut h, "mra-ijmond");
    let again = heading_top(&h, "IJmond").expect("IJmond's heading");
    assert!((again - top).abs() < 2.0, "{again} vs {top}");
    // The close button is named for a screen reader, not "×".
    h.get(by().label("Sluiten").role(Role::Button)).click();
    h.run();
    assert_eq!(h.state().state.settings.selection, None);
}

#[test]
fn the_panel_keeps_its_width_whatever_is_selected() {
    let mut h = common::harness(egui::vec2(SIZE[0], SIZE[1]));
    let ids: Vec<String> = h
        .state()
        .state
        .atlas
        .data()
        .places
        .iter()
        .map(|p| p.id.clone())
        .collect();
    let mut widths = Vec::new();
    for id in ids
        .iter()
        .chain(["zuid-holland".to_string(), "mra".to_string()].iter())
    {
        select(&mut h, id);
        widths.push((id.clone(), panel_rect(&h).width()));
    }
    let first = widths[0].1;
    for (id, w) in &widths {
        assert!(
            (w - first).abs() < 1.0,
            "the panel is {w} wide for {id}, {first} for {}",
            widths[0].0
        );
    }
}
