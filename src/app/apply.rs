//! Every command is applied here, after the frame, by one match with no catch-all arm: a
//! command nobody handles does not compile.

use std::sync::Arc;

use super::AtlasApp;
use crate::atlas::Atlas;
use crate::command::{Action, Command, FlyTarget};
use crate::map::framing::target_of;
use crate::model::{self, Lang, LoadError, LoadedDataset};
use crate::state::recent::RecentKind;
use crate::state::{MAX_COMPARED, Mode};
use crate::views::path_prompt::PathPurpose;

impl AtlasApp {
    /// Changes the state as a command asks.
    pub fn apply(&mut self, cmd: Command) {
        let s = &mut self.state;
        match cmd {
            Command::Run(action) => self.run_action(action),
            Command::Select(id) => s.settings.selection = id,
            Command::Focus(id) => {
                let fit = s.atlas.agenda.fit_ids(&id);
                if fit.is_empty() {
                    let target = target_of(&s.atlas, &id);
                    self.map.fly_to(&s.atlas, &target);
                } else {
                    // An agenda record: show the places it involves (or its route or region).
                    self.map.fly_to_all(&s.atlas, &fit);
                }
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
            Command::OpenDatasetDialog => self.ask_path(PathPurpose::Dataset),
            Command::OpenDatasetFolderDialog => self.ask_path(PathPurpose::DatasetFolder),
            Command::LoadDataset(path) => {
                // A deck dropped on the window is opened as a deck, not as a dataset.
                if crate::deck::looks_like_deck(&path) {
                    self.apply(Command::LoadDeck(path));
                } else if model::layer::table::FileKind::of(&path).is_some() {
                    // A spreadsheet is the user's own organisations, not a dataset.
                    self.apply(Command::LoadUserLayer(path));
                } else {
                    let result = model::load_path(&path);
                    self.switch_to(result);
                }
            }
            Command::UseEmbedded => {
                let result = model::load_embedded();
                self.switch_to(result);
            }
            Command::DismissProblems => s.load_error = None,
            Command::ShowAbout(open) => self.views.about.open = open,
            Command::FocusSearch => self.views.search.request_focus(),
            Command::SetMode(mode) => s.settings.mode = mode,
            Command::AddToCompare(id) => {
                if !s.settings.compare.contains(&id) {
                    if s.settings.compare.len() >= MAX_COMPARED {
                        s.settings.compare.remove(0);
                    }
                    s.settings.compare.push(id);
                }
                s.settings.mode = Mode::Compare;
            }
            Command::RemoveFromCompare(id) => s.settings.compare.retain(|x| x != &id),
            Command::ComparePair(a, b) => {
                s.settings.compare = vec![a, b];
                s.settings.mode = Mode::Compare;
            }
            Command::SetSyncView(on) => s.settings.sync_view = on,
            Command::CopyText(text) => self.clipboard = Some(text),
            Command::OpenRecent(RecentKind::Dataset, path) => {
                self.apply(Command::LoadDataset(path));
            }
            Command::OpenRecent(RecentKind::Deck, path) => {
                if self.may_replace_own_deck() {
                    self.load_deck(path);
                }
            }
            Command::DropMissingRecent => {
                s.settings.recent.drop_missing();
            }
            Command::ClearRecent => s.settings.recent.clear(),
            Command::StartPresenting(from) => self.start_presenting(from),
            Command::StopPresenting => self.stop_presenting(),
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
            Command::ShowDeckWindow(open) => self.views.decks.open = open,
            Command::ChooseDeck(choice) => self.choose_deck(choice),
            Command::NewOwnDeck => self.new_own_deck(),
            Command::CopyBuiltinToOwn => self.copy_builtin_to_own(),
            Command::AddCurrentViewAsSlide => {
                let slide = self.slide_from_view();
                self.edit_own_deck(|d| d.slides.push(slide));
            }
            Command::AddChartAsSlide { chart, topic } => self.add_chart_slide(chart, topic),
            Command::AddAgendaSlide(id) => self.add_agenda_slide(&id),
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
            Command::ShowSlide(i) => self.show_slide_in_window(i),
            Command::OpenDeckDialog => {
                if self.may_replace_own_deck() {
                    self.ask_path(PathPurpose::OpenDeck);
                }
            }
            Command::LoadDeck(path) => self.load_deck(path),
            Command::SaveDeck => match self.state.settings.own_deck_path.clone() {
                Some(path) => self.apply(Command::SaveDeckTo(path)),
                None => self.ask_path(PathPurpose::SaveDeck),
            },
            Command::SaveDeckAsDialog => self.ask_path(PathPurpose::SaveDeck),
            Command::SaveDeckTo(path) => self.save_deck_to(path),
            Command::ExportDialog { slide, picture } => self.export_dialog(slide, picture),
            Command::Export {
                deck,
                index,
                picture,
                path,
            } => self.start_export(*deck, index, picture, path),
            Command::ShowPictureExport(open) => self.views.picture_export.open = open,
            Command::HandoutDialog { notes } => self.handout_dialog(notes),
            Command::Handout { deck, notes, path } => self.start_handout(*deck, notes, path),
            Command::CopyViewImage => self.copy_view_image(),
            Command::ShowDataExport(open) => self.views.data_export.open = open,
            Command::ExportDataDialog(request) => self.export_data_dialog(request),
            Command::ExportData { request, path } => self.export_data(request, path),
            Command::OpenUserLayerDialog => self.ask_path(PathPurpose::UserLayer),
            Command::LoadUserLayer(path) => self.load_user_layer(path),
            Command::RemoveUserLayer => self.remove_user_layer(),
            Command::DismissUserLayerReport => self.views.user_layer.report = None,
        }
    }

    /// A named action from a menu, a shortcut or the palette.
    fn run_action(&mut self, action: Action) {
        let layers = self.state.settings.layers.clone();
        let toggle = |f: fn(&mut crate::scene::LayerSettings)| {
            let mut l = layers.clone();
            f(&mut l);
            Command::SetLayers(l)
        };
        let cmd = match action {
            Action::OpenDataset => Command::OpenDatasetDialog,
            Action::OpenDatasetFolder => Command::OpenDatasetFolderDialog,
            Action::UseEmbedded => Command::UseEmbedded,
            Action::OpenDeck => Command::OpenDeckDialog,
            Action::SaveDeck => Command::SaveDeck,
            Action::SaveDeckAs => Command::SaveDeckAsDialog,
            Action::ExportView => Command::ShowPictureExport(true),
            Action::ExportHandout => Command::HandoutDialog {
                notes: self.views.decks.handout_notes,
            },
            Action::CopyImage => Command::CopyViewImage,
            Action::ExportData => Command::ShowDataExport(true),
            Action::OpenUserLayer => Command::OpenUserLayerDialog,
            Action::RemoveUserLayer => Command::RemoveUserLayer,
            Action::ShowMap => Command::SetMode(Mode::Map),
            Action::ShowCompare => Command::SetMode(Mode::Compare),
            Action::ShowCharts => Command::SetMode(Mode::Charts),
            Action::ShowAgenda => Command::SetMode(Mode::Agenda),
            Action::FlyNetherlands => Command::FlyTo(FlyTarget::Netherlands),
            Action::Find => Command::FocusSearch,
            Action::CommandPalette => {
                self.views.palette.show();
                return;
            }
            Action::ClearSelection => Command::Select(None),
            Action::ClearFilter => Command::ClearSectorFilter,
            Action::ToggleAllLinks => toggle(|l| l.all_links = !l.all_links),
            Action::ToggleAllLabels => toggle(|l| l.all_labels = !l.all_labels),
            Action::ToggleRoutes => toggle(|l| l.routes = !l.routes),
            Action::ToggleMinorPlaces => toggle(|l| l.minor_places = !l.minor_places),
            Action::ToggleSuggestions => toggle(|l| l.suggestions = !l.suggestions),
            Action::ToggleFullscreen => {
                self.toggle_fullscreen = true;
                return;
            }
            Action::SwitchLanguage => Command::SetLanguage(match self.state.settings.lang {
                Lang::Nl => Lang::En,
                Lang::En => Lang::Nl,
            }),
            Action::Present => Command::StartPresenting(0),
            Action::ShowDecks => Command::ShowDeckWindow(!self.views.decks.open),
            Action::AddViewAsSlide => Command::AddCurrentViewAsSlide,
            Action::Undo => {
                self.undo_deck_edit();
                return;
            }
            Action::Redo => {
                self.redo_deck_edit();
                return;
            }
            Action::About => Command::ShowAbout(true),
        };
        self.apply(cmd);
    }

    /// Uses a newly loaded dataset, or keeps the current one and shows why not.
    fn switch_to(&mut self, result: Result<LoadedDataset, LoadError>) {
        match result {
            Ok(loaded) => {
                if let model::Origin::Path(path) = &loaded.origin {
                    let recent = &mut self.state.settings.recent;
                    recent.remember(RecentKind::Dataset, path);
                }
                let loaded = self.with_user_layer(loaded);
                self.use_atlas(Atlas::new(loaded));
                self.state.load_error = None;
            }
            Err(e) => self.state.load_error = Some(e),
        }
    }

    /// Shows `atlas` from now on: its search index and suggestions are built on a thread,
    /// and a selection it does not have is dropped.
    pub(super) fn use_atlas(&mut self, atlas: Atlas) {
        self.state.atlas = Arc::new(atlas);
        self.building = Some(self.state.atlas.build_background());
        self.state.forget_dangling_selection();
    }
}
