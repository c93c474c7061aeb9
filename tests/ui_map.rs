//! The app through its accessibility tree, as a user would drive it: search, legend filter,
//! language switch, cross-pollination links. Map markers are accessible buttons named after
//! their place, so "what the map shows" can be asked of the tree.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use innovation_atlas::app::AtlasApp;

mod common;

fn harness() -> Harness<'static, AtlasApp> {
    common::harness(egui::vec2(1500.0, 950.0))
}

/// At least one node shows `text`.
fn shows(h: &Harness<'static, AtlasApp>, text: &str) {
    assert!(
        common::shows(h, text),
        "nothing on screen contains {text:?}"
    );
}

use common::search;

#[test]
fn searching_an_alias_selects_the_hotspot_and_shows_its_anchor_and_count() {
    let mut h = harness();
    // "Leerfabriek Dordrecht" is what the ROEM-II report calls Smart Campus Leerpark.
    search(&mut h, "leerfabriek");
    assert_eq!(
        h.state().state.selection(),
        Some("zh-smart-campus-leerpark")
    );
    shows(&h, "Da Vinci College");
    h.get_by_label("150 bedrijven");
    shows(&h, "Bijlage 2");
}

#[test]
fn search_tolerates_typos_and_accents() {
    let mut h = harness();
    search(&mut h, "Robohuose");
    assert_eq!(h.state().state.selection(), Some("zh-robohouse"));
    let mut h = harness();
    search(&mut h, "fryslan");
    let sel = h.state().state.selection().unwrap_or_default().to_string();
    assert!(sel.starts_with("nn-"), "{sel}");
}

#[test]
fn clicking_a_marker_selects_its_place() {
    let mut h = harness();
    h.get_by_label("RoboHouse").click();
    h.run();
    assert_eq!(h.state().state.selection(), Some("zh-robohouse"));
    shows(&h, "TU Delft");
    h.get_by_label("50 bedrijven");
}

#[test]
fn a_sector_in_the_legend_filters_the_markers() {
    let mut h = harness();
    h.get_by_label("NL Space Campus");
    h.get_by_label("RoboHouse");
    h.get_by_label("Robotica").click();
    h.run();
    assert!(h.state().state.settings.sector_filter.contains("robotics"));
    h.get_by_label("RoboHouse");
    assert!(
        h.query_by_label("NL Space Campus").is_none(),
        "a space marker is still on the map"
    );
    assert!(h.query_by_label("Makersdistrict").is_none());
    let visible = h.state().state.visible.places.len();
    let total = h.state().state.atlas.data().places.len();
    assert!(visible > 0 && visible < total / 4, "{visible} of {total}");
    // Clearing the filter brings them back.
    h.get_by_label("Filter wissen").click();
    h.run();
    h.get_by_label("NL Space Campus");
}

#[test]
fn english_switch_changes_the_labels() {
    let mut h = harness();
    h.get_by_label("Lagen");
    h.get_by_label("English").click();
    h.run();
    h.get_by_label("Layers");
    h.get_by_label("Robotics");
    assert!(h.query_by_label("Lagen").is_none());
    assert!(h.query_by_label("Robotica").is_none());
    h.get_by_label("Nederlands");
}

#[test]
fn following_a_cross_pollination_selects_the_other_end() {
    let mut h = harness();
    search(&mut h, "IJmond");
    assert_eq!(h.state().state.selection(), Some("mra-ijmond"));
    shows(&h, "Mogelijke kruisbestuivingen");
    // IJmond names Zaanstreek-Waterland in more than one link; follow the first.
    h.query_all_by_label("→ Zaanstreek-Waterland")
        .next()
        .expect("a link to Zaanstreek-Waterland")
        .scroll_to_me();
    h.run();
    h.query_all_by_label("→ Zaanstreek-Waterland")
        .next()
        .expect("a link to Zaanstreek-Waterland")
        .click();
    h.run();
    assert_eq!(
        h.state().state.selection(),
        Some("mra-zaanstreek-waterland")
    );
}

#[test]
fn region_buttons_fly_the_map() {
    let mut h = harness();
    let before = h.state().map.current_view();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Noord-Nederland")
        .click();
    h.run();
    let after = h.state().map.current_view();
    assert!(
        after.zoom > before.zoom,
        "{} -> {}",
        before.zoom,
        after.zoom
    );
    assert!(!h.state().map.is_flying());
    // Groningen's sites are now on screen, Delft's hotspots are not.
    let n = h.query_all_by_label("Veiligheidscampus Assen").count();
    assert!(n >= 1, "{n}");
    assert!(h.query_by_label("RoboHouse").is_none());
}

#[test]
fn the_keyboard_pans_and_zooms_the_map() {
    let mut h = harness();
    let v0 = h.state().map.current_view();
    h.key_press(egui::Key::Plus);
    h.run();
    let v1 = h.state().map.current_view();
    assert!(
        (v1.zoom - v0.zoom - 1.0).abs() < 1e-6,
        "{} -> {}",
        v0.zoom,
        v1.zoom
    );
    h.key_press(egui::Key::ArrowRight);
    h.run();
    let v2 = h.state().map.current_view();
    assert!(v2.centre[0] > v1.centre[0]);
}

#[test]
fn a_broken_dataset_leaves_the_atlas_in_place_and_lists_its_problems() {
    let mut h = harness();
    let dir = std::env::temp_dir().join(format!("atlas-ui-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let bad = dir.join("broken.toml");
    std::fs::write(&bad, "[[place]]\nid = \"x\"\nregion = 3\n").expect("write");
    h.state_mut()
        .apply(innovation_atlas::command::Command::LoadDataset(bad));
    h.run();
    h.get_by_label("De dataset kon niet worden geladen");
    h.get_by_label_contains("broken.toml:3");
    // The embedded atlas is still on screen.
    h.get_by_label("RoboHouse");
    std::fs::remove_dir_all(&dir).ok();
}

/// A town is found as in any map's search box, whether or not a place of the atlas lies
/// there, and choosing it flies the map to it.
#[test]
fn a_town_is_found_by_name_and_the_map_flies_there() {
    let mut h = harness();
    let field = h.get_by_label("Zoeken");
    field.focus();
    field.type_text("Zoetermeer");
    h.run();
    h.get_by_label("Zoetermeer · plaats op de kaart").click();
    for _ in 0..120 {
        h.run();
    }
    let v = h.state().map.current_view();
    let (lon, lat) = innovation_atlas::geo::geometry::from_rel(v.centre);
    assert!(
        (lon - 4.49).abs() < 0.05 && (lat - 52.06).abs() < 0.05,
        "the map is at {lon}, {lat}, not Zoetermeer"
    );
    assert!(v.zoom > 10.0, "zoomed in on the town: {}", v.zoom);
}

/// The app on a generated dataset of `n` places (generated here, not committed).
fn generated(n: usize) -> Harness<'static, AtlasApp> {
    use innovation_atlas::app::Dialogs;
    use innovation_atlas::atlas::{Atlas, synthetic};
    let loaded = synthetic::generate(n, 1).expect("generate");
    let app = AtlasApp::new(
        std::sync::Arc::new(Atlas::new(loaded)),
        innovation_atlas::state::Settings::default(),
        Dialogs::Disabled,
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .with_max_steps(200)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run();
    h
}

#[test]
fn many_places_cluster_into_bubbles_that_count_them_and_zoom_in() {
    let mut h = generated(30_000);
    let (bubbles, markers, visible) = {
        let s = h.state();
        let f = &s.map.last_frame;
        let visible = s
            .state
            .visible
            .places
            .iter()
            .filter(|&&i| !s.state.atlas.geo.places[i].is_area)
            .count();
        (f.bubbles.clone(), f.markers.len(), visible)
    };
    assert!(bubbles.len() >= 5, "{} bubbles", bubbles.len());
    // At Netherlands zoom every place is in view: each is in a bubble or its own marker.
    let clustered: usize = bubbles.iter().map(|b| b.count as usize).sum();
    assert_eq!(clustered + markers, visible, "{clustered} + {markers}");
    assert!(markers < 1_000, "{markers} markers");

    // Each bubble is a button in the accessibility tree, named by its count in Dutch.
    let named = h.query_all_by_label_contains("Cluster van ").count();
    assert_eq!(named, bubbles.len());
    let biggest = bubbles
        .iter()
        .max_by_key(|b| b.count)
        .copied()
        .expect("a bubble");
    let name = innovation_atlas::i18n::cluster_name(
        innovation_atlas::model::Lang::Nl,
        biggest.count as usize,
    );
    assert!(name.contains('.'), "{name}");

    // Pressing it flies the map in on its places.
    let before = h.state().map.current_view();
    h.get_by_label(&name).click();
    h.run();
    let after = h.state().map.current_view();
    assert!(
        after.zoom >= before.zoom + 0.99,
        "{} -> {}",
        before.zoom,
        after.zoom
    );
    let centre = after.centre;
    let b = biggest.bounds;
    let slack = (b.max[0] - b.min[0]).max(b.max[1] - b.min[1]);
    assert!(
        centre[0] >= b.min[0] - slack
            && centre[0] <= b.max[0] + slack
            && centre[1] >= b.min[1] - slack
            && centre[1] <= b.max[1] + slack,
        "{centre:?} outside {b:?}"
    );
    // Closer in, the bubbles are smaller: the biggest one split.
    let most = h
        .state()
        .map
        .last_frame
        .bubbles
        .iter()
        .map(|b| b.count)
        .max()
        .unwrap_or(0);
    assert!(most < biggest.count, "{most} vs {}", biggest.count);

    // In English the same bubbles read "Cluster of 1,234 places".
    h.state_mut()
        .apply(innovation_atlas::command::Command::SetLanguage(
            innovation_atlas::model::Lang::En,
        ));
    h.run();
    assert!(
        h.query_all_by_label_contains("Cluster of ")
            .next()
            .is_some()
    );
    assert!(
        h.query_all_by_label_contains("Cluster van ")
            .next()
            .is_none()
    );
}

#[test]
fn the_atlas_itself_never_clusters() {
    let h = harness();
    assert!(h.state().map.last_frame.bubbles.is_empty());
    assert!(
        h.query_all_by_label_contains("Cluster van")
            .next()
            .is_none()
    );
    // Every one of its places is drawn as before.
    h.get_by_label("RoboHouse");
}
