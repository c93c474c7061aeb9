//! Comparing profiles, the charts and the computed suggestions, driven through the
//! accessibility tree.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use innovation_atlas::app::AtlasApp;
use innovation_atlas::state::Mode;

mod common;

use common::{search, shows};

fn harness() -> Harness<'static, AtlasApp> {
    common::harness(egui::vec2(1600.0, 1000.0))
}

#[test]
fn the_compare_action_in_the_side_panel_builds_a_comparison() {
    let mut h = harness();
    search(&mut h, "IJmond");
    h.get_by_label("Vergelijk").click();
    h.run();
    assert_eq!(h.state().state.settings.mode, Mode::Compare);
    search(&mut h, "Zaanstreek-Waterland");
    h.get_by_label("Vergelijk").click();
    h.run();
    assert_eq!(
        h.state().state.settings.compare,
        vec![
            "mra-ijmond".to_string(),
            "mra-zaanstreek-waterland".to_string()
        ]
    );
    // Both columns, aligned rows, and the shared sector chip in each column.
    assert!(shows(&h, "Sectorprofiel"));
    let shared = h
        .query_all_by_label_contains("Hightech maakindustrie (")
        .count();
    assert!(
        shared >= 2,
        "the shared sector should head both columns ({shared})"
    );
    assert!(shows(&h, "Tata Steel"), "IJmond's anchor with its source");
    assert!(shows(&h, "Techlands"), "Zaanstreek-Waterland's projects");
}

#[test]
fn the_sector_filter_applies_to_the_comparison() {
    let mut h = harness();
    h.state_mut()
        .apply(innovation_atlas::command::Command::ComparePair(
            "mra-ijmond".into(),
            "mra-zaanstreek-waterland".into(),
        ));
    h.run();
    assert!(shows(&h, "Waterstof ("));
    h.state_mut()
        .apply(innovation_atlas::command::Command::ToggleSector(
            "high-tech-manufacturing".into(),
        ));
    h.run();
    assert!(shows(&h, "Hightech maakindustrie ("));
    assert!(
        !shows(&h, "Waterstof ("),
        "a filtered-out sector still shows in the comparison"
    );
}

#[test]
fn charts_check_the_tabel_1_total_and_a_matrix_cell_opens_the_pair() {
    let mut h = harness();
    h.get_by_label("Grafieken").click();
    h.run();
    assert_eq!(h.state().state.settings.mode, Mode::Charts);
    assert!(shows(&h, "Bedrijven per hotspot"));
    assert!(shows(&h, "550 — som van de hotspots: 550 — klopt"));
    assert!(shows(&h, "ROEM-II"));
    let cell = h
        .query_all_by_label_contains("IJmond × Zaanstreek-Waterland")
        .next()
        .expect("overlap cell");
    cell.scroll_to_me();
    h.run();
    h.query_all_by_label_contains("IJmond × Zaanstreek-Waterland")
        .next()
        .expect("overlap cell")
        .click();
    h.run();
    assert_eq!(h.state().state.settings.mode, Mode::Compare);
    assert_eq!(h.state().state.settings.compare.len(), 2);
}

#[test]
fn charts_follow_the_language_switch() {
    let mut h = harness();
    h.get_by_label("Grafieken").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    assert!(shows(&h, "Companies per hotspot"));
    assert!(!shows(&h, "Bedrijven per hotspot"));
}

#[test]
fn suggestions_are_labelled_as_computed_and_lead_to_the_other_place() {
    let mut h = harness();
    search(&mut h, "IJmond");
    assert!(shows(&h, "Berekende suggesties"));
    assert!(shows(&h, "geen bron noemt deze koppeling"));
    let link = h
        .query_all_by_label_contains("≈ ")
        .next()
        .expect("a suggestion");
    let target = link
        .accesskit_node()
        .label()
        .unwrap_or_default()
        .trim_start_matches("≈ ")
        .to_string();
    link.scroll_to_me();
    h.run();
    h.query_all_by_label_contains("≈ ")
        .next()
        .expect("a suggestion")
        .click();
    h.run();
    let sel = h.state().state.selection().unwrap_or_default().to_string();
    let name = h
        .state()
        .state
        .atlas
        .name_of(&sel, innovation_atlas::model::Lang::Nl);
    assert_eq!(name, target);
    // The map layer of suggestions is a switch in the layer list.
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Berekende suggesties")
        .click();
    h.run();
    assert!(h.state().state.settings.layers.suggestions);
}

#[test]
fn the_comparison_and_mode_survive_a_restart() {
    let mut h = harness();
    h.state_mut()
        .apply(innovation_atlas::command::Command::ComparePair(
            "zuid-holland".into(),
            "mra".into(),
        ));
    h.run();
    let saved = h.state().settings_to_save();
    let text = serde_json::to_string(&saved).expect("serialise");
    let back: innovation_atlas::state::Settings = serde_json::from_str(&text).expect("deserialise");
    assert_eq!(
        back.compare,
        vec!["zuid-holland".to_string(), "mra".to_string()]
    );
    assert_eq!(back.mode, Mode::Compare);
    assert!(back.view.is_some());
}
