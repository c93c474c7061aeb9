//! The window shell: the frame's layout (menu bar, tool bar, side panels, the main view),
//! the order of a frame, and where each concern lives:
//!
//! - [`apply`]: every [`Command`] is applied here, after the frame, by one exhaustive match;
//! - [`menus`]: the menu bar, the shortcuts and the command palette, all made from
//!   [`Action::ALL`](crate::command::Action::ALL);
//! - [`decks`]: the presenter's own deck (edits, undo, files, autosave);
//! - [`presenting`]: presenter mode (slides, clicker keys, the presenter's window);
//! - [`dialogs`]: file dialogs and exports, run as [`jobs`];
//! - [`run`]: opening the window.

pub mod apply;
pub mod data;
pub mod decks;
pub mod dialogs;
pub mod jobs;
pub mod menus;
pub mod persist;
pub mod presenting;
pub mod run;
pub mod snapshot;
pub mod thumbnails;

use std::sync::Arc;
use std::time::Instant;

pub use run::run;

use crate::atlas::Atlas;
use crate::command::Command;
use crate::i18n::tr;
use crate::map::MapView;
use crate::model::{self, LoadError};
use crate::state::presentation::Presentation;
use crate::state::{AppState, Mode, Settings};
use crate::style;
use crate::views::View;
use crate::views::about::AboutView;
use crate::views::charts::ChartsView;
use crate::views::compare::CompareView;
use crate::views::decks::{DeckWindow, Status};
use crate::views::details::DetailsView;
use crate::views::legend::LegendView;
use crate::views::place_list::PlaceListView;
use crate::views::problems::ProblemsView;
use crate::views::search::SearchView;

/// Whether the app may open the system's file dialog (tests must not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialogs {
    Native,
    Disabled,
}

/// The views of the window, one struct each.
#[derive(Default)]
pub struct Views {
    pub search: SearchView,
    list: PlaceListView,
    legend: LegendView,
    details: DetailsView,
    problems: ProblemsView,
    about: AboutView,
    compare: CompareView,
    charts: ChartsView,
    pub agenda: crate::views::agenda::AgendaView,
    agenda_record: crate::views::agenda::RecordView,
    pub decks: DeckWindow,
    pub palette: crate::views::palette::Palette,
    pub path_prompt: crate::views::path_prompt::PathPrompt,
    pub picture_export: crate::views::picture_export::PictureExport,
    pub data_export: crate::views::data_export::DataExportView,
    pub user_layer: crate::views::data_export::UserLayerReport,
}

/// The whole app: the state the views read, the live map, the views and the work in flight.
pub struct AtlasApp {
    pub state: AppState,
    pub map: MapView,
    pub views: Views,
    /// The compared set the map was last fitted to (for "sync view").
    synced: Vec<String>,
    /// Fonts and theme are installed on the first frame's context.
    styled: bool,
    dialogs: dialogs::DialogState,
    /// The presenter's own deck: undo history, autosave timing.
    deck_edits: decks::DeckEdits,
    /// The deck on screen in presenter mode.
    presentation: Option<Presentation>,
    /// Whether the last frame was presenting, to switch full screen and zoom once.
    was_presenting: bool,
    /// Pictures of slides for the presenter's window.
    thumbnails: thumbnails::Thumbnails,
    /// Title last sent to the window, so it is only sent when it changes.
    shown_title: String,
    started: Option<Instant>,
    /// The window's size in physical pixels, for exports "at 1× the window".
    window_size: [u32; 2],
    /// Slides jump instead of flying (the soak test and tests that do not watch a flight).
    pub instant_flights: bool,
    /// F11 was pressed: switch full screen at the start of the next frame.
    toggle_fullscreen: bool,
    /// Zoom and full screen to put back when presenting ends.
    restore_look: Option<crate::state::presentation::Restore>,
    /// Where things went on the last slide presented (for tests of clipping and covering).
    pub last_slide: Option<crate::views::slide::SlideLayout>,
    /// Text to put on the clipboard with the next frame.
    clipboard: Option<String>,
    /// The search index and the suggestions, built on a thread after the first frame.
    building: Option<crate::atlas::BackgroundBuild>,
    /// The selection the details panel shows, and a number bumped when it changes: the
    /// panel's contents live under that number, so a new selection starts scrolled to the top.
    details_for: Option<String>,
    details_generation: u64,
    /// Where the details panel was drawn last (for tests of its width).
    pub details_panel: Option<egui::Rect>,
    /// Data exports in flight and the user's own layer.
    pub data: data::DataState,
}

impl AtlasApp {
    pub fn new(atlas: Arc<Atlas>, settings: Settings, dialogs: Dialogs) -> Self {
        let mut app = AtlasApp {
            state: AppState::new(atlas, settings),
            map: MapView::default(),
            views: Views::default(),
            synced: Vec::new(),
            styled: false,
            dialogs: dialogs::DialogState::new(dialogs),
            deck_edits: decks::DeckEdits::default(),
            presentation: None,
            was_presenting: false,
            thumbnails: thumbnails::Thumbnails::default(),
            shown_title: String::new(),
            started: None,
            window_size: [1920, 1080],
            instant_flights: false,
            toggle_fullscreen: false,
            restore_look: None,
            last_slide: None,
            clipboard: None,
            building: None,
            details_for: None,
            details_generation: 0,
            details_panel: None,
            data: data::DataState::default(),
        };
        app.building = Some(app.state.atlas.build_background());
        app.state.refresh_builtin_decks();
        app.reopen_last_deck();
        // A dataset named on the command line is one the user opened too.
        if let model::Origin::Path(path) = &app.state.atlas.loaded.origin {
            let path = path.clone();
            app.state
                .settings
                .recent
                .remember(crate::state::recent::RecentKind::Dataset, &path);
        }
        app
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

    /// Logs the time from `started` to the first frame with the data on stderr.
    pub fn log_data_shown_from(mut self, started: Instant) -> Self {
        self.started = Some(started);
        self
    }

    /// Title for the window: app name and the dataset in use.
    pub fn window_title(&self) -> String {
        format!(
            "{} — {}",
            tr(self.state.settings.lang, "app.title"),
            self.state.atlas.title()
        )
    }

    /// The deck on screen, if presenting (for tests and the render command).
    pub fn presentation(&self) -> Option<&Presentation> {
        self.presentation.as_ref()
    }

    /// Shows a message in the deck window's status line (saves, exports, failures).
    fn set_status(&mut self, text: String, error: bool) {
        if error {
            log::warn!("{text}");
        }
        self.views.decks.status = Some(Status { text, error });
    }

    /// Draws one frame and applies what the views asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        if !self.styled {
            style::install(ui.ctx());
            self.styled = true;
        }
        if let Some(started) = self.started.take() {
            eprintln!(
                "timings: data shown {:.1} ms after process start",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
        self.state.refresh_builtin_decks();
        let (rect, ppp) = ui.ctx().input(|i| (i.content_rect(), i.pixels_per_point));
        self.window_size = [
            (rect.width() * ppp).round().max(1.0) as u32,
            (rect.height() * ppp).round().max(1.0) as u32,
        ];
        let mut out = Vec::new();
        if let Some(text) = self.clipboard.take() {
            ui.ctx().copy_text(text);
        }
        self.poll_jobs(ui.ctx(), &mut out);
        if self.building.as_ref().is_some_and(|b| b.is_done()) {
            self.building = None;
        } else if self.building.is_some() {
            // Results arrive from a thread, not from input: look again soon.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(150));
        }
        self.poll_data_jobs(ui.ctx());
        self.autosave_deck(ui.ctx());
        self.switch_presenting_look(ui.ctx());
        // The scene of this frame: the slide on screen, or the user's own view.
        let scene = match &mut self.presentation {
            Some(p) => {
                p.scene.lang = self.state.settings.lang;
                p.scene.clone()
            }
            None => self.state.live_scene(),
        };
        self.state.show(scene);
        if self.presentation.is_some() {
            self.presenting_ui(ui, &mut out);
        } else {
            self.window_ui(ui, &mut out);
        }
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

    /// The normal window: menus and tool bar, side panels and the main view.
    fn window_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        dialogs::collect_dropped_files(ui.ctx(), out);
        menus::shortcuts(ui.ctx(), out);
        menus::top_bar(
            ui,
            &self.state,
            &self.views,
            self.presentation.is_some(),
            out,
        );
        let narrow = ui.ctx().content_rect().width() < crate::views::NARROW_WIDTH;
        let lang = self.state.lang();
        egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(if narrow { 250.0 } else { 290.0 })
            .min_size(220.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                self.views.search.ui(ui, &self.state, out);
                ui.separator();
                egui::ScrollArea::vertical()
                    .id_salt("sidebar-scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        self.views.legend.ui(ui, &self.state, out);
                        ui.add_space(8.0);
                        egui::CollapsingHeader::new(tr(lang, "places.heading"))
                            .id_salt("places-list")
                            .default_open(false)
                            .show(ui, |ui| self.views.list.ui(ui, &self.state, out));
                    });
            });
        // On a small window the details panel only opens for a selection in the map.
        let mode = self.state.settings.mode;
        // Charts and comparisons need the width on a laptop: the details panel makes room.
        let laptop = ui.ctx().content_rect().width() < crate::views::LAPTOP_WIDTH;
        let wide_view = matches!(mode, Mode::Compare | Mode::Charts);
        let details = if narrow {
            mode == Mode::Map && self.state.selection().is_some()
        } else {
            !(laptop && wide_view)
        };
        self.details_panel = None;
        if details {
            let selection = self.state.selection();
            if selection != self.details_for.as_deref() {
                self.details_for = selection.map(str::to_string);
                self.details_generation += 1;
            }
            let generation = self.details_generation;
            let panel = egui::Panel::right("details")
                .resizable(true)
                .default_size(if narrow { 300.0 } else { 370.0 })
                .min_size(240.0)
                .show(ui, |ui| {
                    ui.push_id(("details-of", generation), |ui| {
                        // A selected agenda record is shown by the Agenda view's record view.
                        let s = &self.state;
                        if s.selection()
                            .is_some_and(|id| s.atlas.agenda.get(id).is_some())
                        {
                            self.views.agenda_record.ui(ui, s, out);
                        } else {
                            self.views.details.ui(ui, s, out);
                        }
                    });
                });
            self.details_panel = Some(panel.response.rect);
        }
        let saved_view = self.state.settings.view;
        match mode {
            Mode::Map => {
                egui::CentralPanel::default()
                    .frame(egui::Frame::NONE)
                    .show(ui, |ui| {
                        let s = &self.state;
                        self.map
                            .ui(ui, &s.atlas, &s.scene, &s.visible, saved_view, &[], out);
                    });
            }
            Mode::Compare => {
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
                    .show(ui, |ui| {
                        let s = &self.state;
                        self.map
                            .ui(ui, &s.atlas, &s.scene, &s.visible, saved_view, &[], out);
                    });
                egui::CentralPanel::default()
                    .show(ui, |ui| self.views.compare.ui(ui, &self.state, out));
            }
            Mode::Charts => {
                egui::CentralPanel::default()
                    .show(ui, |ui| self.views.charts.ui(ui, &self.state, out));
            }
            Mode::Agenda => {
                // The map below rings what the selected record involves.
                egui::Panel::bottom("agenda-map")
                    .resizable(true)
                    .default_size(220.0)
                    .min_size(120.0)
                    .frame(egui::Frame::NONE)
                    .show(ui, |ui| {
                        let s = &self.state;
                        self.map
                            .ui(ui, &s.atlas, &s.scene, &s.visible, saved_view, &[], out);
                    });
                egui::CentralPanel::default()
                    .show(ui, |ui| self.views.agenda.ui(ui, &self.state, out));
            }
        }
        let v = &mut self.views;
        let windows: [&mut dyn View; 8] = [
            &mut v.problems,
            &mut v.about,
            &mut v.decks,
            &mut v.palette,
            &mut v.data_export,
            &mut v.user_layer,
            &mut v.path_prompt,
            &mut v.picture_export,
        ];
        for w in windows {
            w.ui(ui, &self.state, out);
        }
    }
}
