//! Opening the window: the dataset is prepared on a second thread while the window shows a
//! loading screen, and the settings are restored.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::thread::JoinHandle;
use std::time::Instant;

use super::{AtlasApp, Dialogs, persist};
use crate::atlas::Atlas;
use crate::i18n::tr;
use crate::model::{self, Lang, LoadError, Problem};
use crate::state::Settings;
use crate::style;

/// The app could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("the embedded atlas is invalid:\n{0}")]
    EmbeddedInvalid(String),
    #[error("preparing the atlas failed")]
    Preparing,
}

impl AtlasApp {
    /// The settings as they should be saved: with the map view the user left (while
    /// presenting, the one Esc returns to).
    pub fn settings_to_save(&self) -> Settings {
        let mut settings = self.state.settings.clone();
        let v = match &self.presentation {
            Some(p) => p.restore.view,
            None => self.map.current_view(),
        };
        let (lon, lat) = crate::geo::geometry::from_rel(v.centre);
        settings.view = Some((lon, lat, v.zoom));
        settings
    }
}

/// How far the preparing thread is, for the loading screen.
const STAGE_LOADING: u8 = 0;
const STAGE_BUILDING: u8 = 1;

/// Loads the dataset and builds the derived indexes (basemap geometry, search, links).
/// A bad dataset named on the command line still opens the app, on the embedded atlas, with
/// its problems listed.
fn prepare(
    dataset: Option<PathBuf>,
    timings: bool,
    started: Instant,
    stage: &AtomicU8,
) -> Prepared {
    let (loaded, startup_error) = match dataset.as_deref().map(model::load_path) {
        None => (model::load_embedded(), None),
        Some(Ok(l)) => (Ok(l), None),
        Some(Err(e)) => (model::load_embedded(), Some(e)),
    };
    let loaded = loaded.map_err(|e| {
        let list: Vec<String> = e.problems.iter().map(Problem::to_string).collect();
        StartError::EmbeddedInvalid(list.join("\n"))
    })?;
    let ms = || started.elapsed().as_secs_f64() * 1000.0;
    if timings {
        eprintln!(
            "timings: dataset loaded and validated {:.1} ms after process start",
            ms()
        );
    }
    stage.store(STAGE_BUILDING, Ordering::Relaxed);
    let atlas = Arc::new(Atlas::new(loaded));
    if timings {
        eprintln!(
            "timings: basemap and indexes built {:.1} ms after process start",
            ms()
        );
    }
    Ok((atlas, startup_error))
}

type Prepared = Result<(Arc<Atlas>, Option<LoadError>), StartError>;

/// The window's app: a loading screen while the data is prepared on its thread, then the
/// atlas. The window opens at once whatever the data's size; the app is made when the data
/// is there.
struct Launcher {
    /// Process start, while the first frame has not been logged (`--timings`).
    first_frame: Option<Instant>,
    phase: Phase,
}

enum Phase {
    Waiting {
        preparing: Option<JoinHandle<Prepared>>,
        stage: Arc<AtomicU8>,
        settings: Box<Settings>,
        /// Process start, for the frame that first shows the data (`--timings`).
        data_shown: Option<Instant>,
        /// When the loading screen appeared (for the seconds it shows).
        since: Option<f64>,
    },
    Ready(Box<AtlasApp>),
    /// The embedded atlas itself is broken (a build error): said in the window, not a panic.
    Failed {
        text: String,
        lang: Lang,
    },
}

impl Phase {
    /// Takes the prepared data when the thread is done and makes the app.
    fn poll(&mut self) {
        let Phase::Waiting {
            preparing,
            settings,
            data_shown,
            ..
        } = self
        else {
            return;
        };
        if !preparing.as_ref().is_some_and(JoinHandle::is_finished) {
            return;
        }
        let Some(handle) = preparing.take() else {
            return;
        };
        let next = match handle.join().map_err(|_| StartError::Preparing) {
            Ok(Ok((atlas, startup_error))) => {
                let settings = std::mem::take(settings.as_mut());
                let mut app = AtlasApp::new(atlas, settings, Dialogs::Native);
                app.state.load_error = startup_error;
                // The user's own organisations, from their copy in the data folder.
                app.data.dir = crate::fsio::data_dir();
                app.reopen_user_layer();
                if let Some(started) = *data_shown {
                    eprintln!(
                        "timings: app made {:.1} ms after process start",
                        started.elapsed().as_secs_f64() * 1000.0
                    );
                    app = app.log_data_shown_from(started);
                }
                Phase::Ready(Box::new(app))
            }
            Ok(Err(e)) | Err(e) => {
                log::error!("{e}");
                eprintln!("{e}");
                Phase::Failed {
                    text: e.to_string(),
                    lang: settings.lang,
                }
            }
        };
        *self = next;
    }
}

/// The loading screen, in the language of the user's settings.
fn loading_ui(ui: &mut egui::Ui, lang: Lang, stage: u8, seconds: f64) {
    let text = match stage {
        STAGE_LOADING => tr(lang, "loading.dataset"),
        _ => tr(lang, "loading.atlas"),
    };
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() * 0.4);
            ui.heading(tr(lang, "app.title"));
            ui.add_space(12.0);
            ui.add(egui::Spinner::new().size(28.0));
            ui.add_space(8.0);
            ui.label(text);
            // After a moment, how long it has taken so far: a large dataset takes seconds.
            if seconds >= 1.0 {
                ui.weak(format!("{seconds:.0} s"));
            }
        });
    });
}

impl eframe::App for Launcher {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // Whether the loading screen or (small data, ready at once) the atlas.
        if let Some(started) = self.first_frame.take() {
            eprintln!(
                "timings: first frame {:.1} ms after process start",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
        self.phase.poll();
        match &mut self.phase {
            Phase::Ready(app) => {
                AtlasApp::ui(app, ui);
                persist::after_frame(app, ui);
            }
            Phase::Waiting {
                stage,
                settings,
                since,
                ..
            } => {
                let now = ui.input(|i| i.time);
                let since = *since.get_or_insert(now);
                loading_ui(
                    ui,
                    settings.lang,
                    stage.load(Ordering::Relaxed),
                    now - since,
                );
                // The data arrives from a thread, not from input: look again soon.
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(30));
            }
            Phase::Failed { text, lang } => {
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.heading(tr(*lang, "loading.failed"));
                    ui.label(text.as_str());
                });
            }
        }
    }

    /// Settings and the own deck are saved by `persist`, not eframe's storage.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Phase::Ready(app) = &self.phase {
            persist::save(app);
        }
    }
}

/// Opens the window on the embedded atlas or the dataset at `dataset`.
pub fn run(dataset: Option<PathBuf>, timings: bool, started: Instant) -> anyhow::Result<()> {
    // The data is prepared on a second thread; the window opens with a loading screen and
    // shows the atlas when the data is ready, however long that takes.
    let stage = Arc::new(AtomicU8::new(STAGE_LOADING));
    let preparing = {
        let stage = Arc::clone(&stage);
        std::thread::spawn(move || prepare(dataset, timings, started, &stage))
    };
    let startup = persist::load();
    let mut options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Innovatie-atlas")
            .with_app_id("innovation-atlas")
            .with_inner_size([1280.0, 760.0])
            .with_min_inner_size([640.0, 480.0])
            .with_drag_and_drop(true)
            .with_icon(window_icon().unwrap_or_default()),
        ..Default::default()
    };
    options.viewport = startup.window(options.viewport);
    eframe::run_native(
        "innovation-atlas",
        options,
        Box::new(move |cc| {
            style::install(&cc.egui_ctx);
            // Read, checked, with the UI zoom and full screen as the user left them.
            let settings = persist::start(&cc.egui_ctx, startup);
            Ok(Box::new(Launcher {
                first_frame: timings.then_some(started),
                phase: Phase::Waiting {
                    preparing: Some(preparing),
                    stage,
                    settings: Box::new(settings),
                    data_shown: timings.then_some(started),
                    since: None,
                },
            }))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}

/// The app icon for the title bar and the task switcher (X11, Windows). Wayland and the
/// desktop's menus take it from the installed icon theme (`assets/linux`, `cargo deb`).
fn window_icon() -> Option<egui::IconData> {
    let bytes: &[u8] = include_bytes!("../../assets/icons/hicolor/64x64/apps/innovation-atlas.png");
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .ok()?;
    let mut rgba = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut rgba).ok()?;
    if info.color_type != png::ColorType::Rgba || info.bit_depth != png::BitDepth::Eight {
        return None;
    }
    rgba.truncate(info.buffer_size());
    Some(egui::IconData {
        rgba,
        width: info.width,
        height: info.height,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_has_the_app_icon() {
        let icon = super::window_icon().expect("the icon decodes");
        assert_eq!((icon.width, icon.height), (64, 64));
        assert_eq!(icon.rgba.len(), 64 * 64 * 4);
    }
}
