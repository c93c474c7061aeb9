//! Data in and out through the File menu, driven as a user would: the export window, the
//! path field the app offers when no system file dialog exists (always so in tests), the
//! status line, and the user's own organisations on the map, in search and in the details.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use innovation_atlas::app::AtlasApp;
use innovation_atlas::command::Command;
use innovation_atlas::map::layers::user::USER_RING;
use innovation_atlas::render::canvas::Prim;

mod common;

fn harness() -> Harness<'static, AtlasApp> {
    common::harness(egui::vec2(1500.0, 950.0))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-ui-data-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("dir");
    dir
}

/// Types `path` into the app's path field and presses OK.
fn answer_path(h: &mut Harness<'static, AtlasApp>, path: &Path) {
    assert!(
        common::shows(h, "Er is geen bestandsvenster van het systeem beschikbaar"),
        "the app asks for a path"
    );
    h.state_mut().views.path_prompt.path = path.display().to_string();
    h.run();
    h.get_by_label("OK").click();
    h.run();
}

/// Runs frames until the export job reports (it runs on a thread).
fn wait_for_status(h: &mut Harness<'static, AtlasApp>) -> (String, bool) {
    for _ in 0..200 {
        h.run();
        if let Some(s) = h.state().views.data_export.status.clone() {
            return s;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    panic!("the export never reported");
}

fn open_export_window(h: &mut Harness<'static, AtlasApp>) {
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label("Gegevens exporteren…").click();
    h.run();
    h.get_by_label("Gegevens exporteren");
}

#[test]
fn the_file_menu_exports_what_is_shown_as_xlsx_and_csv() {
    let dir = temp_dir("export");
    let mut h = harness();
    // Show only robotics, as a user would with the legend.
    h.get_by_label("Robotica").click();
    h.run();
    open_export_window(&mut h);
    // XLSX and "what is shown" are chosen by default.
    h.get_by_label("Exporteren…").click();
    h.run();
    assert_eq!(
        h.state().views.path_prompt.path,
        "atlas-gegevens.xlsx",
        "the path field proposes a name"
    );
    let xlsx = dir.join("robotica.xlsx");
    answer_path(&mut h, &xlsx);
    let (text, failed) = wait_for_status(&mut h);
    assert!(!failed, "{text}");
    assert!(text.starts_with("Gegevens geëxporteerd:"), "{text}");
    assert!(
        common::shows(&h, "Gegevens geëxporteerd:"),
        "said in the window"
    );
    use calamine::Reader as _;
    let mut book = calamine::open_workbook_auto(&xlsx).expect("an xlsx");
    assert_eq!(
        book.sheet_names(),
        [
            "Plaatsen",
            "Deelregio's",
            "Kruisbestuivingen",
            "Projectfiches",
            "Kerncijfers",
            "Bronnen"
        ]
    );
    let places = book.worksheet_range("Plaatsen").expect("places");
    let rows: Vec<_> = places.rows().collect();
    let header: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
    let sectors = header
        .iter()
        .position(|h| h == "sectoren")
        .expect("sectoren");
    let lat = header.iter().position(|h| h == "lat").expect("lat");
    assert!(rows.len() > 5, "robotics places");
    for r in &rows[1..] {
        assert!(r[sectors].to_string().contains("robotics"), "{:?}", r);
        assert!(
            matches!(r[lat], calamine::Data::Float(_)),
            "lat is a number"
        );
    }
    let shown = h.state().state.visible.places.len();
    assert_eq!(rows.len() - 1, shown, "as many places as the map shows");

    // Everything, as CSV for Dutch Excel.
    h.state_mut().views.data_export.status = None;
    h.get_by_label("CSV voor Excel (Nederlands)").click();
    h.get_by_label("Alles").click();
    h.run();
    h.get_by_label("Exporteren…").click();
    h.run();
    assert_eq!(h.state().views.path_prompt.path, "atlas-gegevens-excel.csv");
    let csv = dir.join("alles.csv");
    answer_path(&mut h, &csv);
    let (text, failed) = wait_for_status(&mut h);
    assert!(!failed, "{text}");
    let bytes = std::fs::read(&csv).expect("csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBFid;naam;"), "BOM and ';'");
    let lines = String::from_utf8_lossy(&bytes).lines().count();
    assert!(lines > rows.len() + 50, "everything: {lines} lines");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_failed_export_says_why_and_leaves_the_old_file() {
    let dir = temp_dir("fail");
    let mut h = harness();
    open_export_window(&mut h);
    h.get_by_label("GeoJSON (QGIS)").click();
    h.run();
    h.get_by_label("Exporteren…").click();
    h.run();
    answer_path(&mut h, &dir.join("bestaat-niet").join("x.geojson"));
    let (text, failed) = wait_for_status(&mut h);
    assert!(failed, "{text}");
    assert!(text.starts_with("Exporteren mislukt:"), "{text}");
    // In the window's language, and true: there was no file, so nothing was kept.
    assert!(text.contains("de map bestaat niet"), "{text}");
    assert!(
        !text.contains("ongewijzigd"),
        "there was no file to keep: {text}"
    );
    assert!(
        !text.contains("folder") && !text.contains("unchanged"),
        "{text}"
    );
    // A read-only file stays as it was.
    let old = dir.join("old.geojson");
    std::fs::write(&old, "old").expect("write");
    let mut perms = std::fs::metadata(&old).expect("meta").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&old, perms).expect("chmod");
    h.state_mut().views.data_export.status = None;
    h.get_by_label("Exporteren…").click();
    h.run();
    answer_path(&mut h, &old);
    let (text, failed) = wait_for_status(&mut h);
    assert!(failed && text.contains("alleen-lezen"), "{text}");
    assert_eq!(std::fs::read_to_string(&old).expect("old"), "old");
    std::fs::remove_dir_all(&dir).ok();
}

const ORGS: &str = "naam;plaats;lat;lon;sectoren;soort;bedrijven
Werkplaats Delft;Delft;52,0116;4,3571;Robotica;bedrijf;12
Groen Lab;Westland;51,99;4,21;Tuinbouw & sierteelt;organisatie;
Kapotte Rij BV;Leiden;abc;4,49;robotics;bedrijf;
Zwolse Quantum BV;Zwolle;;;Quantumtechnologie;;3
";

#[test]
fn own_organisations_open_from_the_file_menu_and_act_as_places() {
    let dir = temp_dir("layer");
    let orgs = dir.join("orgs.csv");
    std::fs::write(&orgs, ORGS).expect("write");
    let mut h = harness();
    let keep = dir.join("data");
    h.state_mut().data.dir = Some(keep.clone());
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label("Eigen organisaties openen…").click();
    h.run();
    answer_path(&mut h, &orgs);
    for _ in 0..5 {
        h.run();
    }
    // The report: three rows loaded, the bad one named by row and column.
    assert!(common::shows(&h, "3 van 4 rijen ingelezen"), "summary");
    // In the window's language: the place in the file, the problem and its fix.
    h.get_by_label_contains("rij 4, kolom `lat` (C)");
    h.get_by_label_contains("is geen breedtegraad");
    h.get_by_label_contains("schrijf de breedtegraad in decimale graden");
    assert!(!common::shows(&h, "row 4"), "English in the Dutch window");
    assert!(
        common::shows(&h, "gescheiden door ';'"),
        "how the file was read"
    );
    assert!(common::shows(&h, "1 probleem."), "one problem, singular");
    h.get_by_label("Sluiten").click();
    h.run();
    // On the map (a marker is a button named after its place), in its own region.
    h.get_by_label("Zwolse Quantum BV");
    assert!(
        common::shows(&h, "Eigen organisaties"),
        "the layer in the legend"
    );
    // In their own style: every user marker drawn this frame is ringed, no other is.
    let out = &h.state().map.last_frame;
    let d = h.state().state.atlas.data();
    let rings: Vec<egui::Pos2> = out
        .canvas
        .prims
        .iter()
        .filter_map(|p| match p {
            Prim::Circle { centre, stroke, .. } if stroke.color == USER_RING => Some(*centre),
            _ => None,
        })
        .collect();
    let user_markers: Vec<egui::Pos2> = out
        .markers
        .iter()
        .filter(|(i, _, _)| d.places[*i].region == "user")
        .map(|(_, c, _)| *c)
        .collect();
    assert!(!user_markers.is_empty(), "user markers drawn");
    assert_eq!(
        rings, user_markers,
        "a ring on each user marker and nowhere else"
    );
    // Found by search, and in the details panel with its source: the user's file.
    common::search(&mut h, "zwolse quantum");
    assert_eq!(
        h.state().state.settings.selection.as_deref(),
        Some("user-zwolse-quantum-bv")
    );
    assert!(common::shows(&h, "Quantumtechnologie"));
    assert!(common::shows(&h, "3 bedrijven"), "the count");
    assert!(
        common::shows(&h, "orgs.csv"),
        "the source is the user's file"
    );
    // A copy is kept in the data folder and the settings remember it.
    let s = h
        .state()
        .state
        .settings
        .user_layer
        .clone()
        .expect("remembered");
    assert_eq!(
        (s.name.as_str(), s.copy.as_str()),
        ("orgs.csv", "user-layer.csv")
    );
    assert_eq!(
        std::fs::read_to_string(keep.join("user-layer.csv")).expect("copy"),
        ORGS
    );

    // At the next start the layer comes back from the copy, even with the original gone.
    std::fs::remove_file(&orgs).expect("rm");
    let settings = h.state().state.settings.clone();
    let mut again = AtlasApp::new(
        std::sync::Arc::new(innovation_atlas::atlas::Atlas::new(
            innovation_atlas::model::load_embedded().expect("atlas"),
        )),
        settings,
        innovation_atlas::app::Dialogs::Disabled,
    );
    again.data.dir = Some(keep.clone());
    again.reopen_user_layer();
    assert!(
        again
            .state
            .atlas
            .place_idx("user-zwolse-quantum-bv")
            .is_some()
    );

    // Removing the layer takes it off the map and out of the data folder.
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label("Eigen laag verwijderen").click();
    h.run();
    assert!(
        h.state()
            .state
            .atlas
            .place_idx("user-zwolse-quantum-bv")
            .is_none()
    );
    assert!(h.state().state.settings.user_layer.is_none());
    assert!(!keep.join("user-layer.csv").exists());
    assert!(h.query_by_label("Zwolse Quantum BV").is_none());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_file_where_no_row_loads_leaves_the_map_as_it_was() {
    let dir = temp_dir("none");
    let orgs = dir.join("bad.csv");
    std::fs::write(&orgs, "naam,lat,lon\nA,abc,4.3\n").expect("write");
    let mut h = harness();
    let places = h.state().state.atlas.data().places.len();
    h.state_mut().apply(Command::LoadUserLayer(orgs));
    h.run();
    assert!(common::shows(&h, "Er kon geen rij worden ingelezen"));
    assert_eq!(h.state().state.atlas.data().places.len(), places);
    assert!(h.state().state.settings.user_layer.is_none());
    std::fs::remove_dir_all(&dir).ok();
}
