//! `innovation-atlas bench`: the whole app, headless, frame by frame.
//!
//! Each frame is one `Context::run_ui` (layout, map layers, hit tests) plus `tessellate`
//! (shapes to triangles), at 1920×1080 with the pointer moving over the map so hover tests
//! run too. No window and no GPU are involved, so the figures measure the app's own CPU work.

use std::sync::Arc;
use std::time::Instant;

use crate::app::{AtlasApp, Dialogs};
use crate::atlas::Atlas;
use crate::command::{Command, FlyTarget};
use crate::geo::geometry::{from_rel, to_rel};
use crate::model::{self, Citation, LoadedDataset, Place, PlaceKind, Position, Text};
use crate::state::Settings;
use crate::style;

/// Budgets from the map issue: median per-frame CPU time.
pub const BUDGET_REAL_MS: f64 = 2.0;
pub const BUDGET_SYNTHETIC_MS: f64 = 8.0;

#[derive(Debug, Clone)]
pub struct Stats {
    pub name: String,
    pub frames: usize,
    pub median_ms: f64,
    pub p95_ms: f64,
    pub ui_median_ms: f64,
    pub tessellate_median_ms: f64,
    pub vertices: usize,
    pub places_drawn: usize,
    pub budget_ms: f64,
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v.get(i).copied().unwrap_or(f64::NAN)
}

/// What the view does while frames are measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    /// The view stands still; the pointer sweeps over the map (hover tests run).
    Still,
    /// The view pans 4 px per frame, as when dragging.
    Pan,
    /// The zoom changes every frame, as in a flight or a wheel zoom (no cache can help).
    Zoom,
}

/// Runs `frames` frames of `app` looking at `target` and measures them.
pub fn measure(
    name: &str,
    mut app: AtlasApp,
    target: FlyTarget,
    motion: Motion,
    frames: usize,
    budget_ms: f64,
) -> Stats {
    let ctx = egui::Context::default();
    style::install(&ctx);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0));
    let mut time = 0.0;
    let frame = |app: &mut AtlasApp, time: f64, pointer: Option<egui::Pos2>| {
        let mut input = egui::RawInput {
            screen_rect: Some(screen),
            time: Some(time),
            ..Default::default()
        };
        if let Some(p) = pointer {
            input.events.push(egui::Event::PointerMoved(p));
        }
        let t0 = Instant::now();
        let out = ctx.run_ui(input, |ui| app.ui(ui));
        let t1 = Instant::now();
        let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
        let t2 = Instant::now();
        let vertices = prims
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum::<usize>();
        (
            (t1 - t0).as_secs_f64() * 1000.0,
            (t2 - t1).as_secs_f64() * 1000.0,
            vertices,
        )
    };
    // Warm up: fonts, caches, the first layout; then fly and wait for the flight to end.
    for _ in 0..5 {
        time += 1.0 / 60.0;
        frame(&mut app, time, None);
    }
    app.apply(Command::FlyTo(target));
    for _ in 0..120 {
        time += 1.0 / 60.0;
        frame(&mut app, time, None);
        if !app.map.is_flying() {
            break;
        }
    }
    let (mut total, mut ui, mut tess) = (Vec::new(), Vec::new(), Vec::new());
    let mut vertices = 0;
    for i in 0..frames {
        time += 1.0 / 60.0;
        match motion {
            Motion::Still => {}
            Motion::Pan => app
                .map
                .nudge(if i % 120 < 60 { 4.0 } else { -4.0 }, 0.0, 0.0),
            Motion::Zoom => app
                .map
                .nudge(0.0, 0.0, if i % 40 < 20 { 0.01 } else { -0.01 }),
        }
        // Sweep the pointer across the middle of the map.
        let x = 500.0 + (i % 60) as f32 * 15.0;
        let (u, t, v) = frame(&mut app, time, Some(egui::pos2(x, 540.0)));
        total.push(u + t);
        ui.push(u);
        tess.push(t);
        vertices = v;
    }
    Stats {
        name: name.to_string(),
        frames,
        median_ms: median(&mut total.clone()),
        p95_ms: percentile(&mut total, 0.95),
        ui_median_ms: median(&mut ui),
        tessellate_median_ms: median(&mut tess),
        vertices,
        places_drawn: app.map.last_frame.markers.len(),
        budget_ms,
    }
}

/// The embedded atlas plus `n` generated places spread over the Dutch land, deterministic.
pub fn with_synthetic_places(mut loaded: LoadedDataset, n: usize) -> LoadedDataset {
    let basemap = crate::basemap::Basemap::shared();
    let b = basemap.netherlands;
    let sectors: Vec<String> = loaded
        .dataset
        .sectors
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let kinds = [
        PlaceKind::Company,
        PlaceKind::Site,
        PlaceKind::Fieldlab,
        PlaceKind::Campus,
        PlaceKind::Hotspot,
    ];
    let mut seed: u64 = 0x05EE_D0FA_71A5;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut added = 0;
    while added < n {
        let rx = b.min[0] + (b.max[0] - b.min[0]) * next() as f32;
        let ry = b.min[1] + (b.max[1] - b.min[1]) * next() as f32;
        let inside = basemap.land.iter().any(|a| a.contains([rx, ry]));
        if !inside {
            continue;
        }
        let (lon, lat) = from_rel([rx, ry]);
        debug_assert!(to_rel(lon, lat)[0].is_finite());
        let kind = kinds[(next() * kinds.len() as f64) as usize % kinds.len()];
        let sector = sectors
            .get((next() * sectors.len() as f64) as usize % sectors.len().max(1))
            .cloned();
        loaded.dataset.places.push(Place {
            id: format!("bench-{added}"),
            region: "zuid-holland".into(),
            kind,
            name: format!("Synthetic place {added}"),
            aliases: Vec::new(),
            town: None,
            position: Position {
                lat,
                lon,
                represents: "generated".into(),
                accuracy_m: 1,
                basis: "ext-positions".into(),
            },
            description: Text {
                nl: "Gegenereerd.".into(),
                en: "Generated.".into(),
            },
            sectors: sector.into_iter().collect(),
            anchors: Vec::new(),
            fieldlabs: Vec::new(),
            companies: (kind == PlaceKind::Hotspot).then(|| (next() * 150.0) as i64),
            example_companies: Vec::new(),
            programmes: Vec::new(),
            clusters: Vec::new(),
            needs: Vec::new(),
            parent: None,
            map_number: None,
            members: Vec::new(),
            members_source: None,
            sources: vec![Citation {
                source: "ext-positions".into(),
                section: None,
                lines: None,
                fields: Vec::new(),
                note: None,
                reading: None,
            }],
        });
        added += 1;
    }
    loaded
}

fn app_for(loaded: LoadedDataset) -> AtlasApp {
    AtlasApp::new(
        Arc::new(Atlas::new(loaded)),
        Settings::default(),
        Dialogs::Disabled,
    )
}

/// Runs the three scenarios; returns the stats.
pub fn run(frames: usize) -> Result<Vec<Stats>, String> {
    let loaded = model::load_embedded().map_err(|e| e.to_string())?;
    let synthetic = with_synthetic_places(loaded.clone(), 10_000);
    let zh = || FlyTarget::Region("zuid-holland".into());
    let nl = || FlyTarget::Netherlands;
    let real = |name: &str, target: FlyTarget, motion: Motion| {
        measure(
            name,
            app_for(loaded.clone()),
            target,
            motion,
            frames,
            BUDGET_REAL_MS,
        )
    };
    let synth = |name: &str, motion: Motion| {
        measure(
            name,
            app_for(synthetic.clone()),
            nl(),
            motion,
            frames,
            BUDGET_SYNTHETIC_MS,
        )
    };
    Ok(vec![
        real("real atlas, Netherlands zoom, still", nl(), Motion::Still),
        real("real atlas, Netherlands zoom, panning", nl(), Motion::Pan),
        real("real atlas, Netherlands zoom, zooming", nl(), Motion::Zoom),
        real("real atlas, Zuid-Holland zoom, still", zh(), Motion::Still),
        real("real atlas, Zuid-Holland zoom, panning", zh(), Motion::Pan),
        real(
            "real atlas, MRA zoom, still",
            FlyTarget::Region("mra".into()),
            Motion::Still,
        ),
        synth("10,000 synthetic places, NL zoom, still", Motion::Still),
        synth("10,000 synthetic places, NL zoom, panning", Motion::Pan),
        synth("10,000 synthetic places, NL zoom, zooming", Motion::Zoom),
    ])
}

/// Prints the table; the exit code is 1 when `check` is set and a median exceeds its budget.
pub fn report(stats: &[Stats], check: bool) -> i32 {
    println!(
        "{:<42} {:>7} {:>9} {:>8} {:>8} {:>10} {:>9} {:>8} {:>7}",
        "scenario (1920x1080, whole app)",
        "frames",
        "median ms",
        "p95 ms",
        "ui ms",
        "tessel. ms",
        "vertices",
        "markers",
        "budget"
    );
    let mut code = 0;
    for s in stats {
        let ok = s.median_ms <= s.budget_ms;
        if !ok && check {
            code = 1;
        }
        println!(
            "{:<42} {:>7} {:>9.2} {:>8.2} {:>8.2} {:>10.2} {:>9} {:>8} {:>4.0} ms {}",
            s.name,
            s.frames,
            s.median_ms,
            s.p95_ms,
            s.ui_median_ms,
            s.tessellate_median_ms,
            s.vertices,
            s.places_drawn,
            s.budget_ms,
            if ok { "ok" } else { "OVER" }
        );
    }
    code
}
