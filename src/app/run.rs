//! Opening the window: the dataset is prepared on a second thread while the window and its
//! GL context are made, and the settings are restored.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use super::{AtlasApp, Dialogs, persist};
use crate::atlas::Atlas;
use crate::model::{self, LoadError, Problem};
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

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        AtlasApp::ui(self, ui);
        persist::after_frame(self, ui);
    }

    /// Settings and the own deck are saved by `persist`, not eframe's storage.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        persist::save(self);
    }
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

/// Loads the dataset and builds the derived indexes (basemap geometry, search, links).
/// A bad dataset named on the command line still opens the app, on the embedded atlas, with
/// its problems listed.
fn prepare(
    dataset: Option<PathBuf>,
    timings: bool,
    started: Instant,
) -> Result<(Arc<Atlas>, Option<LoadError>), StartError> {
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
    let atlas = Arc::new(Atlas::new(loaded));
    if timings {
        eprintln!(
            "timings: basemap and indexes built {:.1} ms after process start",
            ms()
        );
    }
    Ok((atlas, startup_error))
}

/// Opens the window on the embedded atlas or the dataset at `dataset`.
pub fn run(dataset: Option<PathBuf>, timings: bool, started: Instant) -> anyhow::Result<()> {
    // The data is prepared on a second thread while the window and its GL context are made,
    // which takes about as long; the app waits for it only when it is created.
    let preparing = std::thread::spawn(move || prepare(dataset, timings, started));
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
            let (atlas, startup_error) = preparing.join().map_err(|_| StartError::Preparing)??;
            let mut app = AtlasApp::new(atlas, settings, Dialogs::Native);
            app.state.load_error = startup_error;
            // The user's own organisations, from their copy in the data folder.
            app.data.dir = crate::fsio::data_dir();
            app.reopen_user_layer();
            if timings {
                app = app.log_first_frame_from(started);
            }
            Ok(Box::new(app))
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
