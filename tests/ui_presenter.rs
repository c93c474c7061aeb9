//! Presenter mode and decks through the accessibility tree, as a presenter would use them:
//! start the built-in deck, drive it with clicker keys, blank the screen, leave with Esc; build
//! a deck of one's own from the current view, save it and open it again.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use innovation_atlas::app::AtlasApp;
use innovation_atlas::command::Command;
use innovation_atlas::deck;
use innovation_atlas::state::DeckChoice;

mod common;

fn harness() -> Harness<'static, AtlasApp> {
    common::harness(egui::vec2(1600.0, 1000.0))
}

fn press(h: &mut Harness<'static, AtlasApp>, key: Key) {
    h.key_press(key);
    h.run();
}

fn slide_title(h: &Harness<'static, AtlasApp>) -> String {
    let p = h.state().presentation().expect("presenting");
    p.deck.slides[p.index].title.clone()
}

fn start_from_the_deck_window(h: &mut Harness<'static, AtlasApp>) {
    h.get_by_label("Presenteren").click();
    h.run();
    h.get_by_label("Start presentatie (F5)").click();
    h.run();
}

#[test]
fn presenting_hides_the_chrome_and_clicker_keys_drive_the_deck() {
    let mut h = harness();
    h.get_by_label("RoboHouse").click();
    h.run();
    let before = h.state().state.settings.clone();
    let view_before = h.state().map.current_view();
    // The normal chrome is there.
    h.get_by_label("Bestand");
    h.get_by_label("Kaart");

    start_from_the_deck_window(&mut h);
    assert!(h.state().presentation().is_some());
    assert!(
        h.query_by_label("Bestand").is_none(),
        "menu bar still shown"
    );
    assert!(h.query_by_label("Kaart").is_none(), "mode tabs still shown");
    assert!(h.query_by_label("Zoeken").is_none(), "search still shown");
    let first = slide_title(&h);
    h.get_by_label(&first);
    assert!(common::shows(&h, "Bronnen:"), "the slide names its sources");

    // Right → the next slide's title, the first hotspot.
    press(&mut h, Key::ArrowRight);
    let second = slide_title(&h);
    assert!(second.starts_with("1. "), "{second}");
    h.get_by_label(&second);
    assert!(h.query_by_label(&first).is_none());
    assert!(
        common::shows(&h, "bedrijven"),
        "the caption gives the count"
    );
    // PageDown and Space go on, PageUp comes back.
    press(&mut h, Key::PageDown);
    press(&mut h, Key::Space);
    assert!(slide_title(&h).starts_with("3. "));
    press(&mut h, Key::PageUp);
    assert!(slide_title(&h).starts_with("2. "));

    // B blanks the screen; B again brings the slide back.
    press(&mut h, Key::B);
    assert!(h.state().presentation().is_some_and(|p| p.blank));
    assert!(
        h.query_by_label(&slide_title(&h)).is_none(),
        "the title is still on a black screen"
    );
    press(&mut h, Key::B);
    h.get_by_label(&slide_title(&h));

    // A number and Enter jump; End goes to the last slide and Right stays there.
    press(&mut h, Key::Num1);
    press(&mut h, Key::Num1);
    press(&mut h, Key::Enter);
    assert_eq!(h.state().presentation().map(|p| p.index), Some(10));
    press(&mut h, Key::End);
    let last = h.state().presentation().map(|p| p.len() - 1);
    assert_eq!(h.state().presentation().map(|p| p.index), last);
    press(&mut h, Key::ArrowRight);
    assert_eq!(h.state().presentation().map(|p| p.index), last);
    press(&mut h, Key::Home);
    assert_eq!(slide_title(&h), first);

    // Esc → normal mode, with the layout as it was.
    press(&mut h, Key::Escape);
    h.run();
    assert!(h.state().presentation().is_none());
    h.get_by_label("Bestand");
    h.get_by_label("Kaart");
    assert_eq!(h.state().state.settings, before);
    let view_after = h.state().map.current_view();
    assert!((view_after.zoom - view_before.zoom).abs() < 1e-6);
    assert!((view_after.centre[0] - view_before.centre[0]).abs() < 1e-6);
    assert!(h.state().state.scene.subjects.is_empty());
}

#[test]
fn f5_starts_the_deck_and_other_keys_cannot_leave_it() {
    let mut h = harness();
    press(&mut h, Key::F5);
    assert!(h.state().presentation().is_some());
    // Keys that mean something in normal mode do nothing here.
    for key in [Key::F, Key::Tab, Key::Plus, Key::Minus, Key::F5, Key::Q] {
        press(&mut h, key);
        assert!(h.state().presentation().is_some(), "{key:?} left the deck");
    }
    // The mouse: clicking the middle of the slide selects nothing and leaves nothing.
    h.get_by_label(&slide_title(&h));
    let sel = h.state().state.settings.selection.clone();
    h.event(egui::Event::PointerButton {
        pos: egui::pos2(300.0, 250.0),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos: egui::pos2(300.0, 250.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    assert!(h.state().presentation().is_some());
    assert_eq!(h.state().state.settings.selection, sel);
}

#[test]
fn the_survey_slides_show_the_roem_results() {
    let mut h = harness();
    press(&mut h, Key::F5);
    let deck = h.state().presentation().expect("presenting").deck.clone();
    let attendance = deck
        .slides
        .iter()
        .position(|s| s.chart == Some(deck::ChartKind::SurveyAttendance))
        .expect("an attendance slide");
    h.state_mut().apply(Command::GotoSlide(attendance));
    h.run();
    h.get_by_label("240 / 292 = 82%");
    let results = deck
        .slides
        .iter()
        .position(|s| s.chart == Some(deck::ChartKind::SurveyResults))
        .expect("a results slide");
    h.state_mut().apply(Command::GotoSlide(results));
    h.run();
    let topic = deck.slides[results].topic.clone().expect("a topic");
    let data = h.state().state.atlas.data().clone();
    let questions: Vec<String> = data.surveys[0]
        .results
        .iter()
        .filter(|r| r.topic == topic && r.unit == innovation_atlas::model::Unit::Percent)
        .map(|r| r.question.nl.clone())
        .collect();
    assert!(!questions.is_empty());
    for q in &questions {
        assert!(common::shows(&h, q), "{q:?} is not on the results slide");
    }
}

#[test]
fn the_presenter_view_shows_notes_and_the_next_slide() {
    let mut h = harness();
    press(&mut h, Key::F5);
    press(&mut h, Key::P);
    assert!(h.state().presentation().is_some_and(|p| p.presenter_view));
    let next = h
        .state()
        .presentation()
        .map(|p| p.deck.slides[1].title.clone())
        .expect("two slides");
    assert!(
        common::shows(&h, &format!("Volgende: {next}")),
        "the next slide is not announced"
    );
    h.get_by_label("Notities");
    // Pictures of this slide and the next arrive from their thread.
    let mut pictures = 0;
    for _ in 0..200 {
        h.run();
        pictures = h.query_all_by_role(egui::accesskit::Role::Image).count();
        if pictures >= 2 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(pictures, 2, "the presenter view has no slide pictures");
    press(&mut h, Key::P);
    assert!(h.state().presentation().is_some_and(|p| !p.presenter_view));
}

#[test]
fn a_presenter_builds_saves_and_reopens_a_deck_of_their_own() {
    let dir = std::env::temp_dir().join(format!("atlas-deck-ui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("mijn.toml");

    let mut h = harness();
    h.get_by_label("Presenteren").click();
    h.run();
    // Two views become two slides.
    h.get_by_label("RoboHouse").click();
    h.run();
    h.get_by_label("Huidige weergave als dia toevoegen").click();
    h.run();
    common::search(&mut h, "MICS");
    assert_eq!(h.state().state.selection(), Some("zh-mics"));
    h.get_by_label("Huidige weergave als dia toevoegen").click();
    h.run();
    assert_eq!(h.state().state.settings.deck, DeckChoice::Own);
    let own = h.state().state.settings.own_deck.clone().expect("own deck");
    assert_eq!(own.slides.len(), 2);
    assert_eq!(own.slides[0].title, "RoboHouse");
    assert!(own.slides[0].camera.is_some());
    assert!(
        !own.slides[0].sources.is_empty(),
        "the slide keeps its sources"
    );

    // Reorder, retitle, delete.
    h.query_all_by_label("Omlaag")
        .next()
        .expect("a down button")
        .click();
    h.run();
    let own = h.state().state.settings.own_deck.clone().expect("own deck");
    assert_eq!(own.slides[0].title, "MICS");
    h.get_by_label("Dia 1: MICS").click();
    h.run();
    let title_field = h.get_by_label("Titel");
    title_field.focus();
    title_field.type_text(" in Schiedam");
    h.run();
    let own = h.state().state.settings.own_deck.clone().expect("own deck");
    assert_eq!(own.slides[0].title, "MICS in Schiedam");
    assert!(h.state().state.settings.own_deck_dirty);

    // Save: the file holds the deck, twice over without corruption.
    h.state_mut().apply(Command::SaveDeckTo(path.clone()));
    h.run();
    h.state_mut().apply(Command::SaveDeckTo(path.clone()));
    h.run();
    assert!(common::shows(&h, "Opgeslagen:"));
    let data = h.state().state.atlas.data().clone();
    let saved = deck::load(&path, &data).expect("the saved deck opens");
    assert_eq!(saved, own);
    assert!(!h.state().state.settings.own_deck_dirty);

    // A broken deck file is refused with its line; the deck in use is untouched.
    let broken = dir.join("kapot.toml");
    std::fs::write(
        &broken,
        "title = \"x\"\n[[slide]]\ntitle = \"a\"\nzoom = \n",
    )
    .expect("write");
    h.state_mut().apply(Command::LoadDeck(broken));
    h.run();
    assert!(
        common::shows(&h, "kapot.toml:4"),
        "the message names the file and line"
    );
    assert_eq!(h.state().state.settings.own_deck.as_ref(), Some(&own));

    // The deck survives a restart, and reopens from its file.
    let settings = h.state().settings_to_save();
    let atlas = h.state().state.atlas.clone();
    let app = AtlasApp::new(atlas, settings, innovation_atlas::app::Dialogs::Disabled);
    assert_eq!(app.state.chosen_deck(), Some(&own));
    assert_eq!(
        app.state.settings.own_deck_path.as_deref(),
        Some(path.as_path())
    );
    // A deck file edited by hand between runs is what opens.
    let mut edited = own.clone();
    edited.slides[0].caption = "met de hand aangepast".into();
    deck::save(&path, &edited).expect("save by hand");
    let app = AtlasApp::new(
        h.state().state.atlas.clone(),
        h.state().settings_to_save(),
        innovation_atlas::app::Dialogs::Disabled,
    );
    assert_eq!(app.state.chosen_deck(), Some(&edited));
    deck::save(&path, &own).expect("restore");
    // A deck file that is gone: the kept copy opens, and saving will ask where.
    let mut settings = h.state().settings_to_save();
    settings.own_deck_path = Some(dir.join("gone.toml"));
    let app = AtlasApp::new(
        h.state().state.atlas.clone(),
        settings,
        innovation_atlas::app::Dialogs::Disabled,
    );
    assert_eq!(app.state.chosen_deck(), Some(&own));
    assert!(app.state.settings.own_deck_path.is_none());

    // Deleting leaves one slide.
    h.get_by_label("Presenteren");
    let n = h.query_all_by_label("Verwijderen").count();
    assert_eq!(n, 2);
    h.query_all_by_label("Verwijderen")
        .next()
        .expect("a delete button")
        .click();
    h.run();
    assert_eq!(
        h.state()
            .state
            .settings
            .own_deck
            .as_ref()
            .map(|d| d.slides.len()),
        Some(1)
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Runs frames until the export thread has reported (or a few seconds passed).
fn wait_for_status(h: &mut Harness<'static, AtlasApp>, text: &str) -> bool {
    for _ in 0..200 {
        h.run();
        if common::shows(h, text) {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    false
}

#[test]
fn exporting_a_slide_writes_a_png_and_says_so() {
    use innovation_atlas::command::{ImageFormat, Picture};
    let dir = std::env::temp_dir().join(format!("atlas-export-ui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("dia.png");
    let mut h = harness();
    h.get_by_label("Presenteren").click();
    h.run();
    let deck = h
        .state()
        .state
        .chosen_deck()
        .cloned()
        .expect("a built-in deck");
    h.state_mut().apply(Command::Export {
        deck: Box::new(deck),
        index: 1,
        picture: Picture {
            format: ImageFormat::Png { scale: 1 },
            paper: None,
        },
        path: path.clone(),
    });
    assert!(
        wait_for_status(&mut h, "Geëxporteerd:"),
        "no success message"
    );
    let bytes = std::fs::read(&path).expect("the PNG is written");
    assert_eq!(&bytes[1..4], b"PNG");
    // 1× the window: the harness is 1600×1000 points at 1 pixel per point.
    let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    let height = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    assert_eq!((width, height), (1600, 1000));
    // A folder that does not exist: the failure is reported with the path.
    let bad = dir.join("no-such-folder").join("dia.svg");
    let view = innovation_atlas::deck::Deck {
        title: String::new(),
        slides: vec![h.state().slide_from_view()],
    };
    h.state_mut().apply(Command::Export {
        deck: Box::new(view),
        index: 0,
        picture: Picture {
            format: ImageFormat::Svg,
            paper: None,
        },
        path: bad.clone(),
    });
    assert!(wait_for_status(&mut h, "Mislukt:"), "no failure message");
    assert!(
        common::shows(&h, "no-such-folder"),
        "the message names the path"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// The app with frames of 1/60 s, to stop in the middle of a flight.
fn harness_at_60_fps() -> Harness<'static, AtlasApp> {
    let app = AtlasApp::embedded().expect("embedded atlas");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(200)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run();
    h
}

#[test]
fn esc_during_a_flight_still_returns_to_the_view_before() {
    let mut h = harness_at_60_fps();
    let before = h.state().map.current_view();
    press(&mut h, Key::F5);
    // Next slide, then Esc a few frames into its one-second flight.
    h.key_press(Key::ArrowRight);
    for _ in 0..10 {
        h.step();
    }
    assert!(h.state().map.is_flying(), "the slide is not flying");
    h.key_press(Key::Escape);
    for _ in 0..90 {
        h.step();
    }
    assert!(h.state().presentation().is_none());
    let after = h.state().map.current_view();
    assert!(
        (after.zoom - before.zoom).abs() < 1e-6,
        "{} vs {}",
        after.zoom,
        before.zoom
    );
    assert!((after.centre[0] - before.centre[0]).abs() < 1e-6);
}

#[test]
fn dragging_or_scrolling_does_not_move_a_slide() {
    let mut h = harness_at_60_fps();
    press(&mut h, Key::F5);
    h.run();
    let before = h.state().map.current_view();
    // In points: the projector's zoom halves them, so this is the middle of the map.
    let at = egui::pos2(300.0, 250.0);
    h.event(egui::Event::PointerMoved(at));
    h.step();
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.step();
    for dx in 1..=20 {
        h.event(egui::Event::PointerMoved(
            at + egui::vec2(dx as f32 * 10.0, 0.0),
        ));
        h.step();
    }
    h.event(egui::Event::PointerButton {
        pos: at + egui::vec2(200.0, 0.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.step();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, 5.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    h.run();
    let after = h.state().map.current_view();
    assert!((after.zoom - before.zoom).abs() < 1e-9, "zoomed");
    assert!((after.centre[0] - before.centre[0]).abs() < 1e-9, "panned");
}

#[test]
fn the_slide_being_edited_keeps_its_texts_when_it_moves() {
    let mut h = harness();
    h.get_by_label("Presenteren").click();
    h.run();
    for id in ["zh-robohouse", "zh-mics"] {
        h.state_mut().apply(Command::Select(Some(id.into())));
        h.run();
        h.get_by_label("Huidige weergave als dia toevoegen").click();
        h.run();
    }
    h.get_by_label("Dia 1: RoboHouse").click();
    h.run();
    // Move the edited slide down, then type: the text lands on RoboHouse, now second.
    h.query_all_by_label("Omlaag")
        .next()
        .expect("a down button")
        .click();
    h.run();
    let field = h.get_by_label("Titel");
    field.focus();
    field.type_text(" (Delft)");
    h.run();
    let titles: Vec<String> = h
        .state()
        .state
        .settings
        .own_deck
        .as_ref()
        .map(|d| d.slides.iter().map(|s| s.title.clone()).collect())
        .unwrap_or_default();
    assert_eq!(titles, ["MICS", "RoboHouse (Delft)"]);
}

fn own_slides(h: &Harness<'static, AtlasApp>) -> Option<usize> {
    h.state()
        .state
        .settings
        .own_deck
        .as_ref()
        .map(|d| d.slides.len())
}

#[test]
fn an_unsaved_deck_is_not_replaced_without_a_second_click() {
    let mut h = harness();
    h.get_by_label("Presenteren").click();
    h.run();
    h.get_by_label("Huidige weergave als dia toevoegen").click();
    h.run();
    h.get_by_label("Nieuw deck").click();
    h.run();
    assert_eq!(
        own_slides(&h),
        Some(1),
        "the unsaved slide is gone after one click"
    );
    assert!(common::shows(&h, "nog niet opgeslagen"));
    h.get_by_label("Nieuw deck").click();
    h.run();
    assert_eq!(own_slides(&h), Some(0));
}

#[test]
fn a_chart_becomes_a_slide_from_the_charts_view() {
    let mut h = harness();
    h.get_by_label("Grafieken").click();
    h.run();
    let buttons = h.query_all_by_label("Als dia toevoegen").count();
    assert!(buttons >= 5, "only {buttons} charts can be added");
    h.query_all_by_label("Als dia toevoegen")
        .next()
        .expect("a button")
        .click();
    h.run();
    let own = h
        .state()
        .state
        .settings
        .own_deck
        .clone()
        .expect("an own deck");
    assert_eq!(own.slides.len(), 1);
    let slide = &own.slides[0];
    assert_eq!(slide.chart, Some(deck::ChartKind::HotspotCompanies));
    assert_eq!(slide.title, "Bedrijven per hotspot");
    assert!(!slide.sources.is_empty());
    // Presenting it shows the chart's bars' total check.
    press(&mut h, Key::F5);
    assert_eq!(slide_title(&h), "Bedrijven per hotspot");
    assert!(
        common::shows(&h, "klopt"),
        "the total check is not on the slide"
    );
}
