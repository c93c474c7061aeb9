//! The application shell: state, commands, persistence and the window.

pub mod persist;
pub mod snapshot;
pub mod thumbnails;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

use crate::command::{Command, FlyTarget, ImageFormat};
use crate::i18n::tr;
use crate::state::presentation::{PROJECTOR_ZOOM, Presentation, Restore, SLIDE_FLIGHT_SECONDS};
use crate::state::{self as state, AppState, DeckChoice, Settings};
use crate::style;

use crate::atlas::Atlas;
use crate::deck::{self, Deck, Slide, SlideView};
use crate::map::MapView;
use crate::model::{self, Lang, LoadError, LoadedDataset, Problem};
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

/// What a file dialog was opened for.
#[derive(Debug, Clone, PartialEq)]
enum DialogPurpose {
    Dataset,
    OpenDeck,
    SaveDeck,
    Export {
        deck: Box<Deck>,
        index: usize,
        /// File name proposed in the dialog.
        name: String,
        format: ImageFormat,
    },
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
    pending_dialog: Option<(DialogPurpose, Receiver<Option<PathBuf>>)>,
    decks: DeckWindow,
    /// The deck on screen in presenter mode.
    presentation: Option<Presentation>,
    /// Whether the last frame was presenting, to switch full screen and zoom once.
    was_presenting: bool,
    /// The UI zoom before presenting, restored after.
    zoom_before: f32,
    /// Whether the window was full screen before presenting.
    fullscreen_before: bool,
    /// Autosave waits for an edit in this session, so a deck file edited by hand is not
    /// overwritten by an older copy kept with the settings.
    autosave_armed: bool,
    /// The presenter was warned that their unsaved deck would be replaced.
    replace_confirmed: bool,
    /// Input time of the first unsaved change to an own deck that has a file.
    dirty_since: Option<f64>,
    /// Pictures of slides for the presenter's window.
    thumbnails: thumbnails::Thumbnails,
    /// Exports running on a thread: what they write and how it went.
    exports: Vec<Receiver<Result<PathBuf, String>>>,
    /// Title last sent to the window, so it is only sent when it changes.
    shown_title: String,
    started: Option<Instant>,
    /// The window's size in physical pixels, for exports "at 1× the window".
    window_size: [u32; 2],
    /// Slides jump instead of flying (rendering to files, where no one watches a flight).
    pub instant_flights: bool,
}

impl AtlasApp {
    pub fn new(atlas: Arc<Atlas>, settings: Settings, dialogs: Dialogs) -> Self {
        let mut app = Self::with_settings(atlas, settings, dialogs);
        app.reopen_last_deck();
        app
    }

    /// The deck file last used is the truth at start (it may have been edited by hand); the
    /// copy kept with the settings is used when the file is gone or has unsaved changes.
    fn reopen_last_deck(&mut self) {
        let s = &self.state.settings;
        let Some(path) = s.own_deck_path.clone() else {
            return;
        };
        if s.own_deck_dirty && s.own_deck.is_some() {
            return;
        }
        match deck::load(&path, self.state.atlas.data()) {
            Ok(d) => self.state.settings.own_deck = Some(d),
            Err(e) => {
                let lang = self.state.lang();
                self.set_status(format!("{}: {e}", tr(lang, "present.not_opened")), true);
                // The kept copy no longer matches a file: saving must ask where.
                self.state.settings.own_deck_dirty = true;
                self.state.settings.own_deck_path = None;
            }
        }
    }

    fn with_settings(atlas: Arc<Atlas>, settings: Settings, dialogs: Dialogs) -> Self {
        AtlasApp {
            state: AppState::new(atlas, settings),
            map: MapView::default(),
            search: SearchView::default(),
            list: PlaceListView,
            legend: LegendView,
            details: DetailsView,
            problems: ProblemsView,
            about: AboutView::default(),
            compare: CompareView::default(),
            charts: ChartsView,
            synced: Vec::new(),
            styled: false,
            dialogs,
            pending_dialog: None,
            decks: DeckWindow::default(),
            presentation: None,
            was_presenting: false,
            zoom_before: 1.0,
            fullscreen_before: false,
            autosave_armed: false,
            replace_confirmed: false,
            dirty_since: None,
            exports: Vec::new(),
            thumbnails: thumbnails::Thumbnails::default(),
            shown_title: String::new(),
            started: None,
            window_size: [1920, 1080],
            instant_flights: false,
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
        self.state.refresh_builtin_decks();
        let (rect, ppp) = ui.ctx().input(|i| (i.content_rect(), i.pixels_per_point));
        self.window_size = [
            (rect.width() * ppp).round().max(1.0) as u32,
            (rect.height() * ppp).round().max(1.0) as u32,
        ];
        let mut out = Vec::new();
        self.poll_dialog(&mut out);
        self.poll_exports();
        if !self.exports.is_empty() || self.pending_dialog.is_some() {
            // Threads report through channels, not input: look again soon.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(150));
        }
        self.autosave_deck(ui.ctx());
        self.switch_presenting_look(ui.ctx());
        if self.presentation.is_some() {
            self.presenting_ui(ui, &mut out);
            for cmd in out {
                self.apply(cmd);
            }
            return;
        }
        collect_dropped_files(ui.ctx(), &mut out);
        let find = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::F);
        if ui.ctx().input_mut(|i| i.consume_shortcut(&find)) {
            out.push(Command::FocusSearch);
        }
        let f5 = egui::KeyboardShortcut::new(egui::Modifiers::NONE, egui::Key::F5);
        if ui.ctx().input_mut(|i| i.consume_shortcut(&f5)) {
            out.push(Command::StartPresenting(0));
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
                ui.separator();
                if ui
                    .selectable_label(self.decks.open, tr(lang, "present.menu"))
                    .clicked()
                {
                    out.push(Command::ShowDeckWindow(!self.decks.open));
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
        self.decks.ui(ui, &self.state, &mut out);

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
            Command::Select(id) => {
                s.settings.selection = id;
                s.highlight.clear();
            }
            Command::Focus(id) => {
                s.highlight.clear();
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
            Command::OpenDatasetDialog => self.open_dialog(DialogPurpose::Dataset),
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
            other => self.apply_deck_command(other),
        }
    }

    /// Presenter-mode and deck commands.
    fn apply_deck_command(&mut self, cmd: Command) {
        let lang = self.state.lang();
        match cmd {
            Command::StartPresenting(from) => {
                let Some(deck) = self.state.chosen_deck().filter(|d| !d.slides.is_empty()) else {
                    self.set_status(tr(lang, "present.empty").to_string(), true);
                    return;
                };
                let restore = Restore {
                    settings: self.state.settings.clone(),
                    view: self.map.current_view(),
                };
                let p = Presentation::new(deck.clone(), from, restore);
                self.thumbnails = thumbnails::Thumbnails::default();
                let index = p.index;
                self.presentation = Some(p);
                self.map.presenting = true;
                self.show_slide(index, self.slide_flight());
            }
            Command::StopPresenting => {
                if let Some(p) = self.presentation.take() {
                    // Only what slides change is put back: a deck saved or opened meanwhile
                    // stays as it is now.
                    restore_view(&mut self.state.settings, &p.restore.settings);
                    self.state.forget_dangling_selection();
                    self.state.highlight.clear();
                    self.map.presenting = false;
                    let (lon, lat) = crate::geo::geometry::from_rel(p.restore.view.centre);
                    self.map.jump_to(lon, lat, p.restore.view.zoom);
                }
            }
            Command::NextSlide => self.goto_slide(|i| i.saturating_add(1)),
            Command::PreviousSlide => self.goto_slide(|i| i.saturating_sub(1)),
            Command::GotoSlide(n) => self.goto_slide(|_| n),
            Command::ToggleBlank => {
                if let Some(p) = &mut self.presentation {
                    p.blank = !p.blank;
                }
            }
            Command::TogglePresenterView => {
                if let Some(p) = &mut self.presentation {
                    p.presenter_view = !p.presenter_view;
                }
            }
            Command::ShowDeckWindow(open) => self.decks.open = open,
            Command::ChooseDeck(choice) => {
                self.state.settings.deck = choice;
                if choice == DeckChoice::Own && self.state.settings.own_deck.is_none() {
                    self.state.settings.own_deck = Some(Deck {
                        title: tr(lang, "present.own").to_string(),
                        slides: Vec::new(),
                    });
                }
            }
            Command::NewOwnDeck => {
                if !self.may_replace_own_deck() {
                    return;
                }
                self.state.own_deck_revision += 1;
                let s = &mut self.state.settings;
                s.own_deck = Some(Deck {
                    title: tr(lang, "present.own").to_string(),
                    slides: Vec::new(),
                });
                s.own_deck_path = None;
                s.own_deck_dirty = true;
                s.deck = DeckChoice::Own;
            }
            Command::CopyBuiltinToOwn => {
                if !self.may_replace_own_deck() {
                    return;
                }
                if let Some(deck) = self.state.chosen_deck().cloned() {
                    self.state.own_deck_revision += 1;
                    let s = &mut self.state.settings;
                    s.own_deck = Some(deck);
                    s.own_deck_path = None;
                    s.own_deck_dirty = true;
                    s.deck = DeckChoice::Own;
                }
            }
            Command::AddCurrentViewAsSlide => {
                let slide = self.slide_from_view();
                self.edit_own_deck(|d| d.slides.push(slide));
            }
            Command::AddChartAsSlide { chart, topic } => {
                let slide = crate::deck::builtin::chart_slide_for(
                    self.state.atlas.data(),
                    lang,
                    chart,
                    topic.as_deref(),
                );
                if let Some(slide) = slide {
                    let title = slide.title.clone();
                    self.edit_own_deck(|d| d.slides.push(slide));
                    self.set_status(format!("{} {title}", tr(lang, "present.added")), false);
                }
            }
            Command::MoveSlide { from, to } => self.edit_own_deck(|d| {
                if from < d.slides.len() && to < d.slides.len() {
                    let s = d.slides.remove(from);
                    d.slides.insert(to, s);
                }
            }),
            Command::DeleteSlide(i) => self.edit_own_deck(|d| {
                if i < d.slides.len() {
                    d.slides.remove(i);
                }
            }),
            Command::SetSlideText {
                index,
                title,
                caption,
                notes,
            } => self.edit_own_deck(|d| {
                if let Some(s) = d.slides.get_mut(index) {
                    s.title = title;
                    s.caption = caption;
                    s.notes = notes;
                }
            }),
            Command::ShowSlide(i) => {
                if let Some(slide) = self
                    .state
                    .chosen_deck()
                    .and_then(|d| d.slides.get(i))
                    .cloned()
                {
                    self.apply_slide(&slide, crate::geo::camera::FLIGHT_SECONDS);
                }
            }
            Command::OpenDeckDialog => self.open_deck_dialog(),
            Command::LoadDeck(path) => match deck::load(&path, self.state.atlas.data()) {
                Ok(d) => {
                    self.state.own_deck_revision += 1;
                    let s = &mut self.state.settings;
                    s.own_deck = Some(d);
                    s.own_deck_path = Some(path.clone());
                    s.own_deck_dirty = false;
                    s.deck = DeckChoice::Own;
                    self.set_status(
                        format!("{} {}", tr(lang, "present.deck"), path.display()),
                        false,
                    );
                }
                Err(e) => self.set_status(format!("{}: {e}", tr(lang, "present.not_opened")), true),
            },
            Command::SaveDeck => match self.state.settings.own_deck_path.clone() {
                Some(path) => self.apply(Command::SaveDeckTo(path)),
                None => self.open_dialog(DialogPurpose::SaveDeck),
            },
            Command::SaveDeckAsDialog => self.open_dialog(DialogPurpose::SaveDeck),
            Command::SaveDeckTo(path) => {
                let path = deck::with_toml_extension(path);
                let s = &mut self.state.settings;
                let Some(d) = &s.own_deck else { return };
                match deck::save(&path, d) {
                    Ok(()) => {
                        s.own_deck_path = Some(path.clone());
                        s.own_deck_dirty = false;
                        self.dirty_since = None;
                        self.set_status(
                            format!("{} {}", tr(lang, "present.saved"), path.display()),
                            false,
                        );
                    }
                    Err(e) => self.set_status(format!("{} {e}", tr(lang, "present.failed")), true),
                }
            }
            Command::ExportDialog { slide, format } => {
                // The deck is taken now: it may change while the dialog is open.
                let picked = match slide {
                    Some(i) => self
                        .state
                        .chosen_deck()
                        .filter(|d| i < d.slides.len())
                        .map(|d| (d.clone(), i)),
                    None => Some((
                        Deck {
                            title: String::new(),
                            slides: vec![self.slide_from_view()],
                        },
                        0,
                    )),
                };
                if let Some((deck, index)) = picked {
                    let name = match slide {
                        Some(i) => format.slide_file_name(i),
                        None => format!("atlas.{}", format.extension()),
                    };
                    self.open_dialog(DialogPurpose::Export {
                        deck: Box::new(deck),
                        index,
                        name,
                        format,
                    });
                }
            }
            Command::Export {
                deck,
                index,
                format,
                path,
            } => self.start_export(*deck, index, format, path),
            _ => {}
        }
    }

    fn set_status(&mut self, text: String, error: bool) {
        if error {
            log::warn!("{text}");
        }
        self.decks.status = Some(Status { text, error });
    }

    fn open_deck_dialog(&mut self) {
        if self.may_replace_own_deck() {
            self.open_dialog(DialogPurpose::OpenDeck);
        }
    }

    /// True when the own deck may be replaced by another: it is saved, empty, saved now to
    /// its file, or the presenter clicked a second time after being warned.
    fn may_replace_own_deck(&mut self) -> bool {
        let s = &self.state.settings;
        let unsaved = s.own_deck_dirty && s.own_deck.as_ref().is_some_and(|d| !d.slides.is_empty());
        if unsaved && s.own_deck_path.is_some() {
            self.apply(Command::SaveDeck);
        }
        if !self.state.settings.own_deck_dirty || !unsaved || self.replace_confirmed {
            self.replace_confirmed = false;
            return true;
        }
        self.replace_confirmed = true;
        let lang = self.state.lang();
        self.set_status(tr(lang, "present.replace_unsaved").to_string(), true);
        false
    }

    /// Changes the own deck (making one if needed) and marks it unsaved.
    fn edit_own_deck(&mut self, change: impl FnOnce(&mut Deck)) {
        let lang = self.state.lang();
        let s = &mut self.state.settings;
        let deck = s.own_deck.get_or_insert_with(|| Deck {
            title: tr(lang, "present.own").to_string(),
            slides: Vec::new(),
        });
        change(deck);
        s.own_deck_dirty = true;
        s.deck = DeckChoice::Own;
        self.autosave_armed = true;
        self.replace_confirmed = false;
    }

    /// A slide of what the atlas shows now: the map's view, filter, layers and selection.
    pub fn slide_from_view(&self) -> Slide {
        let s = &self.state.settings;
        let lang = self.state.lang();
        let d = self.state.atlas.data();
        let v = self.map.current_view();
        let (lon, lat) = crate::geo::geometry::from_rel(v.centre);
        let title = s.selection.as_deref().map_or_else(
            || {
                let n = s.own_deck.as_ref().map_or(0, |d| d.slides.len()) + 1;
                format!("{} {n}", tr(lang, "present.slide_title"))
            },
            |id| self.state.atlas.name_of(id, lang),
        );
        let sources = s.selection.as_deref().map_or_else(Vec::new, |id| {
            let cites = d
                .place(id)
                .map(|p| p.sources.clone())
                .or_else(|| d.region(id).map(|r| r.sources.clone()))
                .unwrap_or_default();
            cites.into_iter().take(3).collect()
        });
        let comparing = s.mode == state::Mode::Compare && s.compare.len() >= 2;
        Slide {
            title,
            view: if comparing {
                SlideView::Compare
            } else {
                SlideView::Map
            },
            compare: if comparing {
                s.compare.clone()
            } else {
                Vec::new()
            },
            camera: Some(deck::SlideCamera {
                lon,
                lat,
                zoom: v.zoom,
                width: Some(self.map.size().x),
                height: Some(self.map.size().y),
            }),
            selection: s.selection.clone(),
            highlight: self.state.highlight.clone(),
            sectors: s.sector_filter.clone(),
            layers: s.layers.clone(),
            sources,
            ..Default::default()
        }
    }

    /// Puts a slide's view on screen: selection, filter, layers, mode and the map's camera.
    fn apply_slide(&mut self, slide: &Slide, seconds: f64) {
        let s = &mut self.state;
        s.settings.selection = slide.selection.clone();
        s.settings.sector_filter = slide.sectors.clone();
        s.settings.layers = slide.layers.clone();
        s.highlight = slide.highlight.clone();
        s.settings.mode = match slide.view {
            SlideView::Map => state::Mode::Map,
            SlideView::Chart => state::Mode::Charts,
            SlideView::Compare => state::Mode::Compare,
        };
        if slide.view == SlideView::Compare {
            s.settings.compare = slide.compare.clone();
        }
        s.forget_dangling_selection();
        self.map.cancel_flights();
        if slide.view != SlideView::Map {
            // Charts and comparisons have no map to fly.
            return;
        }
        if let Some(c) = slide.camera {
            match (c.width, c.height) {
                (Some(w), Some(h)) => {
                    let captured = crate::geo::camera::View {
                        centre: crate::geo::geometry::to_rel(c.lon, c.lat),
                        zoom: c.zoom,
                    };
                    let bbox = captured.extent(egui::vec2(w, h));
                    self.map.fly_to_extent_later(bbox, seconds);
                }
                _ => self.map.fly_to_view_later(c.lon, c.lat, c.zoom, seconds),
            }
        } else if !slide.fit.is_empty() {
            self.map.fly_to_fit_later(slide.fit.clone(), seconds);
        }
    }

    fn show_slide(&mut self, index: usize, seconds: f64) {
        let Some(slide) = self
            .presentation
            .as_ref()
            .and_then(|p| p.deck.slides.get(index))
            .cloned()
        else {
            return;
        };
        self.apply_slide(&slide, seconds);
    }

    fn goto_slide(&mut self, step: impl FnOnce(usize) -> usize) {
        let Some(p) = &mut self.presentation else {
            return;
        };
        let target = p.clamp(step(p.index));
        p.blank = false;
        if target == p.index {
            return;
        }
        p.index = target;
        self.show_slide(target, self.slide_flight());
    }

    fn slide_flight(&self) -> f64 {
        if self.instant_flights {
            0.0
        } else {
            SLIDE_FLIGHT_SECONDS
        }
    }

    /// The deck on screen, if presenting (for tests and the render command).
    pub fn presentation(&self) -> Option<&Presentation> {
        self.presentation.as_ref()
    }

    /// Full screen and the projector's zoom while presenting; the window as it was after.
    fn switch_presenting_look(&mut self, ctx: &egui::Context) {
        let presenting = self.presentation.is_some();
        if presenting == self.was_presenting {
            return;
        }
        if presenting {
            self.zoom_before = ctx.zoom_factor();
            self.fullscreen_before = ctx.input(|i| i.viewport().fullscreen).unwrap_or(false);
            ctx.set_zoom_factor(PROJECTOR_ZOOM);
            // Ctrl+0 and Ctrl± would undo the projector's zoom.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        } else {
            ctx.set_zoom_factor(self.zoom_before);
            ctx.options_mut(|o| o.zoom_with_keyboard = true);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.fullscreen_before));
        }
        self.was_presenting = presenting;
    }

    /// Saves an own deck that has a file a second after its last change, so a deck is never
    /// lost and typing does not write a file per key.
    fn autosave_deck(&mut self, ctx: &egui::Context) {
        let s = &self.state.settings;
        if !(self.autosave_armed && s.own_deck_dirty && s.own_deck_path.is_some()) {
            self.dirty_since = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        let since = *self.dirty_since.get_or_insert(now);
        if now - since >= 1.0 {
            self.apply(Command::SaveDeck);
            if self.state.settings.own_deck_dirty {
                // The save failed (and said why): try again in half a minute, not every frame.
                self.dirty_since = Some(now + 30.0);
            }
        } else {
            ctx.request_repaint_after(std::time::Duration::from_millis(300));
        }
    }

    /// Draws the slide on screen without any chrome.
    fn presenting_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        // Taken out for the frame so the slide is borrowed, not cloned, beside the views.
        let Some(mut p) = self.presentation.take() else {
            return;
        };
        self.draw_presentation(ui, &mut p, out);
        self.presentation = Some(p);
    }

    fn draw_presentation(
        &mut self,
        ui: &mut egui::Ui,
        p: &mut Presentation,
        out: &mut Vec<Command>,
    ) {
        use crate::views::presenter;
        let ctx = ui.ctx().clone();
        let lang = self.state.lang();
        let now = ctx.input(|i| i.time);
        out.extend(ctx.input_mut(|i| crate::views::clicker::take_keys(i, &mut p.typed)));
        p.started_at.get_or_insert(now);
        if p.presenter_view {
            for i in [p.index, p.index + 1] {
                let (atlas, settings) = (&self.state.atlas, &self.state.settings);
                self.thumbnails
                    .request(&p.deck, i, atlas, settings, self.window_size);
            }
            self.thumbnails.poll(&ctx);
            self.thumbnails.keep_near(p.index);
            let pictures = [
                self.thumbnails.get(p.index),
                self.thumbnails.get(p.index + 1),
            ];
            out.extend(presenter::presenter_window(&ctx, p, lang, now, pictures));
            // The timer ticks; pictures arrive from their thread.
            let wait = if self.thumbnails.is_waiting() {
                100
            } else {
                500
            };
            ctx.request_repaint_after(std::time::Duration::from_millis(wait));
        }
        presenter::projector_style(ui);
        if p.blank {
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE.fill(egui::Color32::BLACK))
                .show(ui, |_| {});
            return;
        }
        let sources = p.sources_line(self.state.atlas.data(), lang);
        let Some(slide) = p.deck.slides.get(p.index) else {
            return;
        };
        let counter = format!("{} / {}", p.index + 1, p.len());
        egui::Panel::top("slide-header")
            .frame(presenter::band_frame())
            .show(ui, |ui| presenter::header(ui, slide, &counter, &p.typed));
        egui::Panel::bottom("slide-footer")
            .frame(presenter::band_frame())
            .show(ui, |ui| presenter::footer(ui, lang, &sources));
        // Commands from the slide's content are dropped: a slide is shown, not used.
        let mut ignored = Vec::new();
        match (slide.view, slide.chart) {
            (SlideView::Chart, Some(kind)) => {
                egui::CentralPanel::default()
                    .frame(presenter::band_frame())
                    .show(ui, |ui| {
                        crate::views::charts::show_chart(
                            ui,
                            &self.state,
                            kind,
                            slide.topic.as_deref(),
                            &mut ignored,
                        )
                    });
            }
            (SlideView::Compare, _) => {
                egui::CentralPanel::default()
                    .frame(presenter::band_frame())
                    .show(ui, |ui| {
                        self.compare.on_slide = true;
                        self.compare.ui(ui, &self.state, &mut ignored);
                        self.compare.on_slide = false;
                    });
            }
            _ => {
                egui::CentralPanel::default()
                    .frame(egui::Frame::NONE.fill(presenter::PAPER))
                    .show(ui, |ui| {
                        let rect = ui.max_rect();
                        self.map.ui(ui, &self.state, &mut ignored);
                        presenter::legend(ui, rect, &self.state, &self.map.last_frame);
                    });
            }
        }
    }

    /// The settings as they should be saved: with the current map view.
    pub fn settings_to_save(&self) -> Settings {
        // While presenting, the slide's view is not the user's: save what Esc returns to.
        let mut settings = self.state.settings.clone();
        let v = match &self.presentation {
            Some(p) => {
                restore_view(&mut settings, &p.restore.settings);
                p.restore.view
            }
            None => self.map.current_view(),
        };
        let (lon, lat) = crate::geo::geometry::from_rel(v.centre);
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

    fn open_dialog(&mut self, purpose: DialogPurpose) {
        if self.dialogs == Dialogs::Disabled || self.pending_dialog.is_some() {
            return;
        }
        let (tx, rx) = channel();
        let asked = purpose.clone();
        let deck_name = self
            .state
            .settings
            .own_deck_path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || "deck.toml".to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
        // rfd's dialog blocks until closed, so it runs on its own thread.
        std::thread::spawn(move || {
            let picked = match asked {
                DialogPurpose::Dataset => rfd::FileDialog::new()
                    .add_filter("Atlas dataset", &["toml", "json"])
                    .pick_file(),
                DialogPurpose::OpenDeck => rfd::FileDialog::new()
                    .add_filter("Deck", &["toml"])
                    .pick_file(),
                DialogPurpose::SaveDeck => rfd::FileDialog::new()
                    .add_filter("Deck", &["toml"])
                    .set_file_name(deck_name)
                    .save_file(),
                DialogPurpose::Export { name, format, .. } => rfd::FileDialog::new()
                    .add_filter(format.label(), &[format.extension()])
                    .set_file_name(name)
                    .save_file(),
            };
            tx.send(picked).ok();
        });
        self.pending_dialog = Some((purpose, rx));
    }

    fn poll_dialog(&mut self, out: &mut Vec<Command>) {
        let Some((purpose, rx)) = &self.pending_dialog else {
            return;
        };
        match rx.try_recv() {
            Ok(Some(path)) => {
                out.push(match purpose.clone() {
                    DialogPurpose::Dataset => Command::LoadDataset(path),
                    DialogPurpose::OpenDeck => Command::LoadDeck(path),
                    DialogPurpose::SaveDeck => Command::SaveDeckTo(path),
                    DialogPurpose::Export {
                        deck,
                        index,
                        format,
                        ..
                    } => Command::Export {
                        deck,
                        index,
                        format,
                        path,
                    },
                });
                self.pending_dialog = None;
            }
            Ok(None) | Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.pending_dialog = None;
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
    }

    /// Renders a slide (or the current view) on a thread and writes it atomically.
    fn start_export(&mut self, deck: Deck, index: usize, format: ImageFormat, path: PathBuf) {
        let atlas = Arc::clone(&self.state.atlas);
        let settings = self.state.settings.clone();
        let size = self.window_size;
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let result = snapshot::render_slide(atlas, settings, deck, index, size, format)
                .and_then(|bytes| {
                    crate::fsio::write_atomic(&path, &bytes).map_err(|e| {
                        format!("{e}. Fix: choose a folder that exists and that you can write to")
                    })
                })
                .map(|()| path);
            tx.send(result).ok();
        });
        self.exports.push(rx);
    }

    fn poll_exports(&mut self) {
        let lang = self.state.lang();
        let mut done = Vec::new();
        self.exports.retain(|rx| match rx.try_recv() {
            Ok(r) => {
                done.push(r);
                false
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => true,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => false,
        });
        for r in done {
            match r {
                Ok(path) => self.set_status(
                    format!("{} {}", tr(lang, "present.exported"), path.display()),
                    false,
                ),
                Err(e) => self.set_status(format!("{} {e}", tr(lang, "present.failed")), true),
            }
        }
    }
}

/// Puts back what slides change (selection, filter, layers, mode, comparison) and nothing
/// else: a deck saved or opened while presenting stays as it is now.
fn restore_view(settings: &mut Settings, before: &Settings) {
    settings.selection.clone_from(&before.selection);
    settings.sector_filter.clone_from(&before.sector_filter);
    settings.layers.clone_from(&before.layers);
    settings.mode = before.mode;
    settings.compare.clone_from(&before.compare);
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
        persist::after_frame(self, ui);
    }

    /// Settings and the own deck are saved by `persist`, not eframe's storage.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        persist::save(self);
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
    let startup = persist::load();
    let mut options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Innovatie-atlas")
            .with_app_id("innovation-atlas")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
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
            let (atlas, startup_error) = preparing
                .join()
                .map_err(|_| "preparing the atlas failed".to_string())??;
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
