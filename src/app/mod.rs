//! The application shell: state, commands, persistence and the window.

pub mod command;
pub mod i18n;
pub mod state;
pub mod style;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

use command::Command;
use i18n::tr;
use state::{AppState, Settings};

use crate::derive::Atlas;
use crate::map::MapView;
use crate::model::{self, Lang, LoadError, LoadedDataset, Problem};
use crate::views::View;
use crate::views::about::AboutView;
use crate::views::charts::ChartsView;
use crate::views::compare::CompareView;
use crate::views::details::DetailsView;
use crate::views::legend::LegendView;
use crate::views::place_list::PlaceListView;
use crate::views::problems::ProblemsView;
use crate::views::search::SearchView;
use command::FlyTarget;

/// Key under which settings live in eframe's storage.
pub const SETTINGS_KEY: &str = "innovation-atlas/settings";

/// Whether the app may open the system's file dialog (tests must not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialogs {
    Native,
    Disabled,
}

/// The whole app: state plus one struct per view.
pub struct AtlasApp {
    pub state: AppState,
    pub map: MapView,
    pub search: SearchView,
    list: PlaceListView,
    legend: LegendView,
    details: DetailsView,
    problems: ProblemsView,
    about: AboutView,
    compare: CompareView,
    charts: ChartsView,
    /// The compared set the map was last fitted to (for "sync view").
    synced: Vec<String>,
    /// Fonts and theme are installed on the first frame's context.
    styled: bool,
    dialogs: Dialogs,
    pending_dialog: Option<Receiver<Option<PathBuf>>>,
    /// Title last sent to the window, so it is only sent when it changes.
    shown_title: String,
    started: Option<Instant>,
}

impl AtlasApp {
    pub fn new(atlas: Arc<Atlas>, settings: Settings, dialogs: Dialogs) -> Self {
        AtlasApp {
            state: AppState::new(atlas, settings),
            map: MapView::default(),
            search: SearchView::default(),
            list: PlaceListView,
            legend: LegendView,
            details: DetailsView,
            problems: ProblemsView,
            about: AboutView::default(),
            compare: CompareView,
            charts: ChartsView,
            synced: Vec::new(),
            styled: false,
            dialogs,
            pending_dialog: None,
            shown_title: String::new(),
            started: None,
        }
    }

    /// An app on the embedded atlas with default settings (used by tests).
    pub fn embedded() -> Result<Self, LoadError> {
        let loaded = model::load_embedded()?;
        Ok(Self::new(
            Arc::new(Atlas::new(loaded)),
            Settings::default(),
            Dialogs::Disabled,
        ))
    }

    /// Logs the time from `started` to the first frame on stderr.
    pub fn log_first_frame_from(mut self, started: Instant) -> Self {
        self.started = Some(started);
        self
    }

    /// Title for the window: app name and the dataset in use.
    pub fn window_title(&self) -> String {
        format!(
            "{} — {}",
            tr(self.state.lang(), "app.title"),
            self.state.atlas.title()
        )
    }

    /// Draws one frame and applies what the views asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        if !self.styled {
            style::install(ui.ctx());
            self.styled = true;
        }
        if let Some(started) = self.started.take() {
            eprintln!(
                "timings: first frame {:.1} ms after process start",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
        let mut out = Vec::new();
        self.poll_dialog(&mut out);
        collect_dropped_files(ui.ctx(), &mut out);
        let find = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::F);
        if ui.ctx().input_mut(|i| i.consume_shortcut(&find)) {
            out.push(Command::FocusSearch);
        }

        let lang = self.state.lang();
        egui::Panel::top("top-bar").show(ui, |ui| {
            ui.add_space(2.0);
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(tr(lang, "app.title")).font(style::semibold(16.0)));
                ui.separator();
                for (mode, key) in [
                    (state::Mode::Map, "mode.map"),
                    (state::Mode::Compare, "mode.compare"),
                    (state::Mode::Charts, "mode.charts"),
                ] {
                    if ui
                        .selectable_label(self.state.settings.mode == mode, tr(lang, key))
                        .clicked()
                    {
                        out.push(Command::SetMode(mode));
                    }
                }
                ui.separator();
                if ui.button(tr(lang, "nav.netherlands")).clicked() {
                    out.push(Command::FlyTo(FlyTarget::Netherlands));
                }
                for (id, nl, en) in crate::map::region_buttons(&self.state.atlas) {
                    let name = match lang {
                        Lang::Nl => nl,
                        Lang::En => en,
                    };
                    if ui.button(name).clicked() {
                        out.push(Command::FlyTo(FlyTarget::Region(id)));
                    }
                }
                ui.separator();
                if ui.button(tr(lang, "menu.open_dataset")).clicked() {
                    out.push(Command::OpenDatasetDialog);
                }
                if matches!(self.state.atlas.loaded.origin, model::Origin::Path(_))
                    && ui.button(tr(lang, "menu.embedded")).clicked()
                {
                    out.push(Command::UseEmbedded);
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let other = match lang {
                        Lang::Nl => Lang::En,
                        Lang::En => Lang::Nl,
                    };
                    if ui.button(tr(lang, "lang.switch")).clicked() {
                        out.push(Command::SetLanguage(other));
                    }
                    if ui.button(tr(lang, "menu.about")).clicked() {
                        out.push(Command::ShowAbout(true));
                    }
                    ui.label(egui::RichText::new(self.state.atlas.title()).weak());
                });
            });
            ui.add_space(2.0);
        });
        egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(290.0)
            .min_size(230.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                self.search.ui(ui, &self.state, &mut out);
                ui.separator();
                egui::ScrollArea::vertical()
                    .id_salt("sidebar-scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        self.legend.ui(ui, &self.state, &mut out);
                        ui.add_space(8.0);
                        egui::CollapsingHeader::new(tr(lang, "places.heading"))
                            .id_salt("places-list")
                            .default_open(false)
                            .show(ui, |ui| self.list.ui(ui, &self.state, &mut out));
                    });
            });
        egui::Panel::right("details")
            .resizable(true)
            .default_size(370.0)
            .min_size(260.0)
            .show(ui, |ui| self.details.ui(ui, &self.state, &mut out));
        match self.state.settings.mode {
            state::Mode::Map => {
                egui::CentralPanel::default()
                    .frame(egui::Frame::NONE)
                    .show(ui, |ui| self.map.ui(ui, &self.state, &mut out));
            }
            state::Mode::Compare => {
                let compared = &self.state.settings.compare;
                if self.state.settings.sync_view && *compared != self.synced && !compared.is_empty()
                {
                    self.map.fly_to_all(&self.state.atlas, compared);
                    self.synced = compared.clone();
                }
                egui::Panel::bottom("compare-map")
                    .resizable(true)
                    .default_size(280.0)
                    .min_size(160.0)
                    .frame(egui::Frame::NONE)
                    .show(ui, |ui| self.map.ui(ui, &self.state, &mut out));
                egui::CentralPanel::default()
                    .show(ui, |ui| self.compare.ui(ui, &self.state, &mut out));
            }
            state::Mode::Charts => {
                egui::CentralPanel::default()
                    .show(ui, |ui| self.charts.ui(ui, &self.state, &mut out));
            }
        }
        self.problems.ui(ui, &self.state, &mut out);
        self.about.ui(ui, &self.state, &mut out);

        for cmd in out {
            self.apply(cmd);
        }
        let title = self.window_title();
        if title != self.shown_title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// Changes the state as a command asks.
    pub fn apply(&mut self, cmd: Command) {
        let s = &mut self.state;
        match cmd {
            Command::Select(id) => s.settings.selection = id,
            Command::Focus(id) => {
                let target = if s.atlas.data().region(&id).is_some() {
                    FlyTarget::Region(id.clone())
                } else {
                    FlyTarget::Place(id.clone())
                };
                self.map.fly_to(&s.atlas, &target);
                s.settings.selection = Some(id);
            }
            Command::FlyTo(target) => self.map.fly_to(&s.atlas, &target),
            Command::SetLanguage(lang) => s.settings.lang = lang,
            Command::ToggleSector(id) => {
                if !s.settings.sector_filter.remove(&id) {
                    s.settings.sector_filter.insert(id);
                }
            }
            Command::ClearSectorFilter => s.settings.sector_filter.clear(),
            Command::SetLayers(layers) => s.settings.layers = layers,
            Command::OpenDatasetDialog => self.open_dialog(),
            Command::LoadDataset(path) => {
                let result = model::load_path(&path);
                self.switch_to(result);
            }
            Command::UseEmbedded => {
                let result = model::load_embedded();
                self.switch_to(result);
            }
            Command::DismissProblems => s.load_error = None,
            Command::ShowAbout(open) => self.about.open = open,
            Command::FocusSearch => self.search.request_focus(),
            Command::SetMode(mode) => s.settings.mode = mode,
            Command::AddToCompare(id) => {
                if !s.settings.compare.contains(&id) {
                    if s.settings.compare.len() >= state::MAX_COMPARED {
                        s.settings.compare.remove(0);
                    }
                    s.settings.compare.push(id);
                }
                s.settings.mode = state::Mode::Compare;
            }
            Command::RemoveFromCompare(id) => s.settings.compare.retain(|x| x != &id),
            Command::ComparePair(a, b) => {
                s.settings.compare = vec![a, b];
                s.settings.mode = state::Mode::Compare;
            }
            Command::SetSyncView(on) => s.settings.sync_view = on,
        }
    }

    /// The settings as they should be saved: with the current map view.
    pub fn settings_to_save(&self) -> Settings {
        let mut settings = self.state.settings.clone();
        let v = self.map.current_view();
        let (lon, lat) = crate::map::geometry::from_rel(v.centre);
        settings.view = Some((lon, lat, v.zoom));
        settings
    }

    /// Uses a newly loaded dataset, or keeps the current one and shows why not.
    fn switch_to(&mut self, result: Result<LoadedDataset, LoadError>) {
        match result {
            Ok(loaded) => {
                self.state.atlas = Arc::new(Atlas::new(loaded));
                self.state.load_error = None;
                self.state.forget_dangling_selection();
            }
            Err(e) => self.state.load_error = Some(e),
        }
    }

    fn open_dialog(&mut self) {
        if self.dialogs == Dialogs::Disabled || self.pending_dialog.is_some() {
            return;
        }
        let (tx, rx) = channel();
        // rfd's dialog blocks until closed, so it runs on its own thread.
        std::thread::spawn(move || {
            let picked = rfd::FileDialog::new()
                .add_filter("Atlas dataset", &["toml", "json"])
                .pick_file();
            tx.send(picked).ok();
        });
        self.pending_dialog = Some(rx);
    }

    fn poll_dialog(&mut self, out: &mut Vec<Command>) {
        let Some(rx) = &self.pending_dialog else {
            return;
        };
        match rx.try_recv() {
            Ok(Some(path)) => {
                out.push(Command::LoadDataset(path));
                self.pending_dialog = None;
            }
            Ok(None) | Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.pending_dialog = None;
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
    }
}

fn collect_dropped_files(ctx: &egui::Context, out: &mut Vec<Command>) {
    let dropped = ctx.input(|i| i.raw.dropped_files.clone());
    for file in dropped {
        let path = file.path();
        if !path.as_os_str().is_empty() {
            out.push(Command::LoadDataset(path.to_path_buf()));
        }
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        AtlasApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings_to_save());
    }
}

/// Loads the dataset and builds the derived indexes (basemap geometry, search, links).
/// A bad dataset named on the command line still opens the app, on the embedded atlas, with
/// its problems listed.
fn prepare(
    dataset: Option<PathBuf>,
    timings: bool,
    started: Instant,
) -> Result<(Arc<Atlas>, Option<LoadError>), String> {
    let (loaded, startup_error) = match dataset.as_deref().map(model::load_path) {
        None => (model::load_embedded(), None),
        Some(Ok(l)) => (Ok(l), None),
        Some(Err(e)) => (model::load_embedded(), Some(e)),
    };
    let loaded = loaded.map_err(|e| {
        let list: Vec<String> = e.problems.iter().map(Problem::to_string).collect();
        format!("the embedded atlas is invalid:\n{}", list.join("\n"))
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
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Innovatie-atlas")
            .with_app_id("innovation-atlas")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "innovation-atlas",
        options,
        Box::new(move |cc| {
            style::install(&cc.egui_ctx);
            let (atlas, startup_error) = preparing
                .join()
                .map_err(|_| "preparing the atlas failed".to_string())??;
            let settings = cc
                .storage
                .and_then(|s| eframe::get_value::<Settings>(s, SETTINGS_KEY))
                .unwrap_or_default();
            let mut app = AtlasApp::new(atlas, settings, Dialogs::Native);
            app.state.load_error = startup_error;
            if timings {
                app = app.log_first_frame_from(started);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
