//! `innovation-atlas bench`: the whole app, headless, frame by frame.
//!
//! Each frame is one `Context::run_ui` (layout, map layers, hit tests) plus `tessellate`
//! (shapes to triangles), at 1920×1080 with the pointer moving over the map so hover tests
//! run too. No window and no GPU are involved, so the figures measure the app's own CPU work.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::app::{AtlasApp, Dialogs};
use crate::atlas::{Atlas, synthetic};
use crate::command::{Command, FlyTarget};
use crate::model;
use crate::state::Settings;
use crate::style;

/// Budgets from the map issue: median per-frame CPU time.
pub const BUDGET_REAL_MS: f64 = 2.0;
pub const BUDGET_SYNTHETIC_MS: f64 = 8.0;
/// Budget of the scale issue for 100,000 places, panning and zooming at Netherlands zoom.
pub const BUDGET_100K_MS: f64 = 8.0;

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
    /// The median of each run (a fresh app each), for min and max over runs.
    pub run_medians: Vec<f64>,
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
        run_medians: Vec::new(),
    }
}

/// Measures a scenario `runs` times, each on a fresh app: the figures of the run with the
/// median median, and every run's median for min and max.
fn measure_runs(
    name: &str,
    atlas: &Arc<Atlas>,
    target: &FlyTarget,
    motion: Motion,
    frames: usize,
    budget_ms: f64,
    runs: usize,
) -> Stats {
    let mut all: Vec<Stats> = (0..runs.max(1))
        .map(|_| {
            measure(
                name,
                app_for(atlas),
                target.clone(),
                motion,
                frames,
                budget_ms,
            )
        })
        .collect();
    let medians: Vec<f64> = all.iter().map(|s| s.median_ms).collect();
    all.sort_by(|a, b| a.median_ms.total_cmp(&b.median_ms));
    let mid = all.len() / 2;
    let mut stats = all.swap_remove(mid);
    stats.run_medians = medians;
    stats
}

fn app_for(atlas: &Arc<Atlas>) -> AtlasApp {
    AtlasApp::new(atlas.clone(), Settings::default(), Dialogs::Disabled)
}

/// What `bench` runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Frames measured per frame scenario.
    pub frames: usize,
    /// A dataset to measure instead of generated ones (start-up and frame scenarios).
    pub dataset: Option<PathBuf>,
    /// Sizes (total places) of the generated datasets of the start-up table.
    pub places: Vec<usize>,
    /// Sizes of the generated datasets of the frame scenarios; `None` for 10,000 and
    /// 100,000.
    pub frame_places: Option<Vec<usize>>,
    /// Runs per start-up and frame scenario.
    pub runs: usize,
    pub startup: bool,
    pub frame_scenarios: bool,
    /// Time search keystrokes over the datasets (generated of each size in `places`, or
    /// `dataset`).
    pub search: bool,
}

/// Seed of the generated datasets, so every bench measures the same data.
pub const SEED: u64 = 1;

/// Runs the frame scenarios: the real atlas at three zooms, then 10,000 and 100,000
/// generated places (or the dataset at `dataset`) at Netherlands zoom.
/// Why a benchmark could not run.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// The dataset does not load; its first problems are named.
    #[error("{err}: {}", first_problems(err))]
    Load {
        #[from]
        err: model::LoadError,
    },
    #[error(transparent)]
    Synthetic(#[from] synthetic::SyntheticError),
    #[error(transparent)]
    Generate(#[from] super::generate::GenerateError),
}

fn first_problems(e: &model::LoadError) -> String {
    let list: Vec<String> = e.problems.iter().take(5).map(ToString::to_string).collect();
    list.join("; ")
}

pub fn run(
    frames: usize,
    dataset: Option<&Path>,
    sizes: Option<&[usize]>,
    runs: usize,
) -> Result<Vec<Stats>, BenchError> {
    let loaded = model::load_embedded()?;
    let real_atlas = Arc::new(Atlas::new(loaded));
    let zh = FlyTarget::Region("zuid-holland".into());
    let nl = FlyTarget::Netherlands;
    let real = |name: &str, target: &FlyTarget, motion: Motion| {
        measure_runs(
            name,
            &real_atlas,
            target,
            motion,
            frames,
            BUDGET_REAL_MS,
            runs,
        )
    };
    let mut stats = vec![
        real("real atlas, Netherlands zoom, still", &nl, Motion::Still),
        real("real atlas, Netherlands zoom, panning", &nl, Motion::Pan),
        real("real atlas, Netherlands zoom, zooming", &nl, Motion::Zoom),
        real("real atlas, Zuid-Holland zoom, still", &zh, Motion::Still),
        real("real atlas, Zuid-Holland zoom, panning", &zh, Motion::Pan),
        real(
            "real atlas, MRA zoom, still",
            &FlyTarget::Region("mra".into()),
            Motion::Still,
        ),
    ];
    let mut scale = |label: String, atlas: Arc<Atlas>, budget: f64| {
        for (motion, what) in [
            (Motion::Still, "still"),
            (Motion::Pan, "panning"),
            (Motion::Zoom, "zooming"),
        ] {
            stats.push(measure_runs(
                &format!("{label}, NL zoom, {what}"),
                &atlas,
                &nl,
                motion,
                frames,
                budget,
                runs,
            ));
        }
    };
    let budget_for = |n: usize| {
        if n <= 10_000 {
            BUDGET_SYNTHETIC_MS
        } else {
            BUDGET_100K_MS
        }
    };
    match dataset {
        Some(path) => {
            let loaded = model::load_path(path)?;
            let n = loaded.dataset.places.len();
            scale(
                format!("dataset, {} places", thousands(n)),
                Arc::new(Atlas::new(loaded)),
                budget_for(n),
            );
        }
        None => {
            let default = [10_000, 100_000];
            // The atlas's own size is measured above; smaller sizes generate nothing new.
            let sizes = sizes.unwrap_or(&default).iter().filter(|&&n| n > 175);
            for &n in sizes {
                let loaded = synthetic::generate(n, SEED)?;
                scale(
                    format!("{} synthetic places", thousands(n)),
                    Arc::new(Atlas::new(loaded)),
                    budget_for(n),
                );
            }
        }
    }
    Ok(stats)
}

/// `12345` as `12,345`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Peak resident memory of this process since the last [`reset_peak_memory`], in bytes
/// (`VmHWM`); `None` where the kernel does not tell.
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Starts a new peak-memory measurement (Linux: `5` to `/proc/self/clear_refs`). Returns
/// false when the peak cannot be reset; then [`peak_memory`] is the peak since start.
pub fn reset_peak_memory() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// One start-up run: times in milliseconds, peak memory in bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct StartupRun {
    /// Reading, parsing and validating the files (0 for "from the loaded dataset").
    pub load_ms: f64,
    /// `Atlas::new`: what the first frame waits for.
    pub build_ms: f64,
    /// [`Atlas::build_all`]: the suggestions and the search index, which the app can build
    /// after its first frame (see [`Atlas::build_background`]).
    pub background_ms: f64,
    pub peak: Option<u64>,
}

/// Figures of one start-up scenario over its runs.
#[derive(Debug, Clone)]
pub struct StartupStats {
    pub name: String,
    pub places: usize,
    pub runs: Vec<StartupRun>,
}

/// Builds the atlas (and waits for what is built after the first frame).
fn build_timed(loaded: model::LoadedDataset, run: &mut StartupRun) -> Arc<Atlas> {
    let t0 = Instant::now();
    let atlas = Arc::new(Atlas::new(loaded));
    run.build_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let t1 = Instant::now();
    atlas.build_all();
    run.background_ms = t1.elapsed().as_secs_f64() * 1000.0;
    atlas
}

/// Start-up of one dataset folder: "from TOML files" (load, validate, build) and "from the
/// loaded dataset" (build only), `runs` times each. Peak memory is the process's highest
/// resident size during the scenario: the basemap, the dataset (and for the second, the
/// dataset already loaded) and the atlas.
fn startup_of(path: &Path, runs: usize) -> Result<[StartupStats; 2], BenchError> {
    let mut files = StartupStats {
        name: "atlas from TOML files".into(),
        places: 0,
        runs: Vec::new(),
    };
    let mut memory = StartupStats {
        name: "atlas from the loaded dataset".into(),
        places: 0,
        runs: Vec::new(),
    };
    for _ in 0..runs {
        let mut run = StartupRun::default();
        let reset = reset_peak_memory();
        let t0 = Instant::now();
        let loaded = model::load_path(path)?;
        run.load_ms = t0.elapsed().as_secs_f64() * 1000.0;
        files.places = loaded.dataset.places.len();
        memory.places = files.places;
        let atlas = build_timed(loaded, &mut run);
        run.peak = peak_memory().filter(|_| reset);
        files.runs.push(run);
        // The copy is made after the peak is read, so it is not counted.
        let copy = atlas.loaded.clone();
        drop(atlas);

        let mut run = StartupRun::default();
        let reset = reset_peak_memory();
        let atlas = build_timed(copy, &mut run);
        run.peak = peak_memory().filter(|_| reset);
        memory.runs.push(run);
        drop(atlas);
    }
    Ok([files, memory])
}

/// Start-up table: for each size a generated dataset folder is written to a temporary
/// folder (removed afterwards) and loaded from there; or the dataset at `dataset`.
pub fn run_startup(
    places: &[usize],
    dataset: Option<&Path>,
    runs: usize,
) -> Result<Vec<StartupStats>, BenchError> {
    let mut out = Vec::new();
    if let Some(path) = dataset {
        out.extend(startup_of(path, runs)?);
        return Ok(out);
    }
    for &n in places {
        let dir =
            std::env::temp_dir().join(format!("innovation-atlas-bench-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let result = super::generate::run(n, SEED, &dir)
            .map_err(BenchError::from)
            .and_then(|_| startup_of(&dir, runs));
        let _ = std::fs::remove_dir_all(&dir);
        out.extend(result?);
    }
    Ok(out)
}

fn spread(values: impl Iterator<Item = f64>) -> (f64, f64, f64) {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(f64::total_cmp);
    let min = v.first().copied().unwrap_or(f64::NAN);
    let max = v.last().copied().unwrap_or(f64::NAN);
    (min, median(&mut v), max)
}

/// Prints the start-up table: per scenario the median and (min–max) over the runs.
pub fn report_startup(stats: &[StartupStats]) {
    println!(
        "{:<32} {:>8} {:>24} {:>24} {:>24} {:>16}",
        "start-up (median, min-max)",
        "places",
        "load+validate ms",
        "atlas build ms",
        "background ms",
        "peak memory MB"
    );
    let cell = |(min, med, max): (f64, f64, f64)| format!("{med:.1} ({min:.1}-{max:.1})");
    for s in stats {
        let load = spread(s.runs.iter().map(|r| r.load_ms));
        let build = spread(s.runs.iter().map(|r| r.build_ms));
        let bg = spread(s.runs.iter().map(|r| r.background_ms));
        let peak = if s.runs.iter().all(|r| r.peak.is_some()) {
            let (_, med, max) = spread(
                s.runs
                    .iter()
                    .map(|r| r.peak.unwrap_or(0) as f64 / 1_048_576.0),
            );
            format!("{med:.0} (max {max:.0})")
        } else {
            "n/a".into()
        };
        let load = if s.runs.iter().all(|r| r.load_ms == 0.0) {
            "-".to_string()
        } else {
            cell(load)
        };
        println!(
            "{:<32} {:>8} {:>24} {:>24} {:>24} {:>16}",
            s.name,
            thousands(s.places),
            load,
            cell(build),
            cell(bg),
            peak
        );
    }
}

/// Queries typed in the search bench, one keystroke at a time: names, towns, sectors,
/// anchors, several words, and typos.
pub const SEARCH_QUERIES: &[&str] = &[
    "robohuose",
    "technolutoin",
    "delft",
    "tu delft",
    "waterstof",
    "quantum",
    "leiden bio",
    "rotterdam haven",
    "kavelo",
    "campus",
];

/// Per-keystroke search time over a dataset.
#[derive(Debug, Clone)]
pub struct SearchStats {
    pub places: usize,
    pub keystrokes: usize,
    /// Building the index (after the atlas; in the app, in the background).
    pub build_ms: f64,
    pub median_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
    /// The slowest keystroke.
    pub slowest: String,
}

/// Types every query of [`SEARCH_QUERIES`] letter by letter into the atlas's search (12
/// results, as the search box asks for), `rounds` times, and times each keystroke.
pub fn run_search(atlas: &Atlas, rounds: usize) -> SearchStats {
    let t0 = Instant::now();
    atlas.search.build();
    let build_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let mut times = Vec::new();
    let mut slowest = (0.0, String::new());
    for _ in 0..rounds.max(1) {
        for q in SEARCH_QUERIES {
            let chars: Vec<char> = q.chars().collect();
            for k in 1..=chars.len() {
                let typed: String = chars[..k].iter().collect();
                let t = Instant::now();
                std::hint::black_box(atlas.search.search(&typed, 12));
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                if ms > slowest.0 {
                    slowest = (ms, typed);
                }
                times.push(ms);
            }
        }
    }
    let keystrokes = times.len();
    let max_ms = times.iter().copied().fold(0.0, f64::max);
    SearchStats {
        places: atlas.data().places.len(),
        keystrokes,
        build_ms,
        median_ms: median(&mut times.clone()),
        p95_ms: percentile(&mut times, 0.95),
        max_ms,
        slowest: slowest.1,
    }
}

/// Prints the search table.
pub fn report_search(stats: &[SearchStats]) {
    println!(
        "{:<28} {:>8} {:>10} {:>10} {:>9} {:>8} {:>8}  slowest",
        "search (per keystroke)",
        "places",
        "keystrokes",
        "build ms",
        "median ms",
        "p95 ms",
        "max ms"
    );
    for s in stats {
        println!(
            "{:<28} {:>8} {:>10} {:>10.1} {:>9.3} {:>8.3} {:>8.3}  {:?}",
            "",
            thousands(s.places),
            s.keystrokes,
            s.build_ms,
            s.median_ms,
            s.p95_ms,
            s.max_ms,
            s.slowest
        );
    }
}

/// Runs what `options` asks for and prints the tables; returns 1 when a frame median is
/// over its budget, else 0.
pub fn run_all(options: &Options) -> Result<i32, BenchError> {
    if options.startup {
        let stats = run_startup(&options.places, options.dataset.as_deref(), options.runs)?;
        report_startup(&stats);
        println!();
    }
    if options.search {
        let mut stats = Vec::new();
        match options.dataset.as_deref() {
            Some(path) => {
                let loaded = model::load_path(path)?;
                stats.push(run_search(&Atlas::new(loaded), options.runs));
            }
            None => {
                for &n in &options.places {
                    let loaded = synthetic::generate(n, SEED)?;
                    stats.push(run_search(&Atlas::new(loaded), options.runs));
                }
            }
        }
        report_search(&stats);
        println!();
    }
    if options.frame_scenarios {
        let stats = run(
            options.frames,
            options.dataset.as_deref(),
            options.frame_places.as_deref(),
            options.runs,
        )?;
        return Ok(report(&stats, true));
    }
    Ok(0)
}

/// "3 runs: 1.52 / 1.61 / 1.70 ms", or nothing for a single run.
fn runs_of(s: &Stats) -> String {
    if s.run_medians.len() < 2 {
        return String::new();
    }
    let (min, mid, max) = spread(s.run_medians.iter().copied());
    format!(
        "{} runs: {min:.2} / {mid:.2} / {max:.2} ms",
        s.run_medians.len()
    )
}

/// Prints the frame table; the exit code is 1 when `check` is set and a median exceeds its
/// budget.
pub fn report(stats: &[Stats], check: bool) -> i32 {
    println!(
        "{:<48} {:>7} {:>9} {:>8} {:>8} {:>10} {:>9} {:>8} {:>7}    runs: min / median / max of medians",
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
            "{:<48} {:>7} {:>9.2} {:>8.2} {:>8.2} {:>10.2} {:>9} {:>8} {:>4.0} ms {:<4}  {}",
            s.name,
            s.frames,
            s.median_ms,
            s.p95_ms,
            s.ui_median_ms,
            s.tessellate_median_ms,
            s.vertices,
            s.places_drawn,
            s.budget_ms,
            if ok { "ok" } else { "OVER" },
            runs_of(s)
        );
    }
    code
}
