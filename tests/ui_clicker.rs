//! A presenter with only a clicker: after every key a clicker or keyboard sends (PageDown,
//! Right, Space, PageUp, Home, End, a number and Enter), with no pointer event at all, the
//! map reaches the slide's camera within the flight time. egui only draws a frame when
//! something asks for one, so a flight that stopped asking would leave the previous slide's
//! map on the projector: `Harness::run` stops stepping as soon as no frame is asked for.

use egui::Key;
use egui_kittest::Harness;
use innovation_atlas::app::AtlasApp;
use innovation_atlas::deck::SlideView;
use innovation_atlas::map::framing::Goal;
use innovation_atlas::state::presentation::SLIDE_FLIGHT_SECONDS;

const STEP: f32 = 1.0 / 60.0;

fn harness(size: egui::Vec2) -> Harness<'static, AtlasApp> {
    let app = AtlasApp::embedded().expect("embedded atlas");
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(STEP)
        .with_max_steps(600)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run();
    h
}

fn now(h: &Harness<'static, AtlasApp>) -> f64 {
    h.ctx.input(|i| i.time)
}

/// Runs frames for as long as the app asks for them, then checks the map shows the slide's
/// camera and got there within the flight time (plus a few frames for the layout to settle).
fn reaches_the_slide(h: &mut Harness<'static, AtlasApp>, what: &str) {
    let start = now(h);
    h.run();
    let took = now(h) - start;
    let app = h.state();
    let p = app.presentation().expect("presenting");
    let slide = &p.deck.slides[p.index];
    if slide.view != SlideView::Map {
        return;
    }
    let Some(goal) = Goal::of(&app.state.atlas, &p.scene.camera) else {
        return;
    };
    let want = goal.view(app.map.size(), app.map.insets);
    let got = app.map.current_view();
    assert!(!app.map.is_moving(), "{what}: the map is still moving");
    assert!(
        (got.zoom - want.zoom).abs() < 1e-3
            && (got.centre[0] - want.centre[0]).abs() < 1e-6
            && (got.centre[1] - want.centre[1]).abs() < 1e-6,
        "{what}: slide {} \"{}\" shows {got:?}, not its camera {want:?}",
        p.index + 1,
        slide.title
    );
    assert!(
        took <= SLIDE_FLIGHT_SECONDS + 0.25,
        "{what}: the map took {took:.2} s to reach slide {}",
        p.index + 1
    );
}

fn press(h: &mut Harness<'static, AtlasApp>, key: Key) {
    h.key_press(key);
    reaches_the_slide(h, &format!("{key:?}"));
}

fn drive(size: egui::Vec2) {
    let mut h = harness(size);
    h.key_press(Key::F5);
    reaches_the_slide(&mut h, "F5");
    for key in [
        Key::PageDown,
        Key::ArrowRight,
        Key::Space,
        Key::PageDown,
        Key::PageUp,
        Key::End,
        Key::Home,
    ] {
        press(&mut h, key);
    }
    // A number, then Enter.
    h.key_press(Key::Num5);
    h.key_press(Key::Enter);
    reaches_the_slide(&mut h, "5 Enter");
    assert_eq!(h.state().presentation().map(|p| p.index), Some(4));
    h.key_press(Key::Num1);
    h.key_press(Key::Num3);
    h.key_press(Key::Enter);
    reaches_the_slide(&mut h, "13 Enter");
    assert_eq!(h.state().presentation().map(|p| p.index), Some(12));
    press(&mut h, Key::PageUp);
    press(&mut h, Key::Home);
    assert_eq!(h.state().presentation().map(|p| p.index), Some(0));
}

#[test]
fn clicker_keys_alone_fly_the_map_to_every_slide_on_a_projector() {
    drive(egui::vec2(1280.0, 720.0));
}

#[test]
fn clicker_keys_alone_fly_the_map_to_every_slide_on_a_full_hd_screen() {
    drive(egui::vec2(1920.0, 1080.0));
}
