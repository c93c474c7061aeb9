//! The presenter's own deck: choosing and replacing it, editing it (with undo and redo),
//! opening and saving its file, and saving it a second after each edit.

use std::path::PathBuf;

use egui::util::undoer::Undoer;

use super::AtlasApp;
use crate::command::Command;
use crate::deck::{self, ChartKind, Deck, Slide, SlideView};
use crate::geo::geometry::from_rel;
use crate::i18n::tr;
use crate::state::recent::RecentKind;
use crate::state::{DeckChoice, Mode};

/// Edits of the own deck in flight: undo history and autosave timing.
pub struct DeckEdits {
    undoer: Undoer<Option<Deck>>,
    /// Autosave waits for an edit in this session, so a deck file edited by hand is not
    /// overwritten by an older copy kept with the settings.
    autosave_armed: bool,
    /// The presenter was warned that their unsaved deck would be replaced.
    replace_confirmed: bool,
    /// Input time of the first unsaved change to an own deck that has a file.
    dirty_since: Option<f64>,
}

impl Default for DeckEdits {
    fn default() -> Self {
        DeckEdits {
            // Every edit is its own undo step; typing is grouped by the editor's buffers.
            undoer: Undoer::with_settings(egui::util::undoer::Settings {
                max_undos: 200,
                stable_time: f32::INFINITY,
                auto_save_interval: f32::INFINITY,
            }),
            autosave_armed: false,
            replace_confirmed: false,
            dirty_since: None,
        }
    }
}

impl AtlasApp {
    /// The deck file last used is the truth at start (it may have been edited by hand); the
    /// copy kept with the settings is used when the file is gone or has unsaved changes.
    pub(super) fn reopen_last_deck(&mut self) {
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
                let lang = self.state.settings.lang;
                self.set_status(format!("{}: {e}", tr(lang, "present.not_opened")), true);
                // The kept copy no longer matches a file: saving must ask where.
                self.state.settings.own_deck_dirty = true;
                self.state.settings.own_deck_path = None;
            }
        }
    }

    fn empty_own_deck(&self) -> Deck {
        Deck {
            title: tr(self.state.settings.lang, "present.own").to_string(),
            slides: Vec::new(),
        }
    }

    pub(super) fn choose_deck(&mut self, choice: DeckChoice) {
        self.state.settings.deck = choice;
        if choice == DeckChoice::Own && self.state.settings.own_deck.is_none() {
            self.state.settings.own_deck = Some(self.empty_own_deck());
        }
    }

    /// Replaces the own deck by another (new, copied), remembering the old one for undo.
    fn replace_own_deck(&mut self, deck: Deck) {
        self.deck_edits
            .undoer
            .add_undo(&self.state.settings.own_deck);
        self.state.own_deck_revision += 1;
        let s = &mut self.state.settings;
        s.own_deck = Some(deck);
        s.own_deck_path = None;
        s.own_deck_dirty = true;
        s.deck = DeckChoice::Own;
    }

    pub(super) fn new_own_deck(&mut self) {
        if self.may_replace_own_deck() {
            let d = self.empty_own_deck();
            self.replace_own_deck(d);
        }
    }

    pub(super) fn copy_builtin_to_own(&mut self) {
        if !self.may_replace_own_deck() {
            return;
        }
        if let Some(deck) = self.state.chosen_deck().cloned() {
            self.replace_own_deck(deck);
        }
    }

    /// True when the own deck may be replaced by another: it is saved, empty, saved now to
    /// its file, or the presenter clicked a second time after being warned.
    pub(super) fn may_replace_own_deck(&mut self) -> bool {
        let s = &self.state.settings;
        let unsaved = s.own_deck_dirty && s.own_deck.as_ref().is_some_and(|d| !d.slides.is_empty());
        if unsaved && s.own_deck_path.is_some() {
            self.apply(Command::SaveDeck);
        }
        let e = &mut self.deck_edits;
        if !self.state.settings.own_deck_dirty || !unsaved || e.replace_confirmed {
            e.replace_confirmed = false;
            return true;
        }
        e.replace_confirmed = true;
        let lang = self.state.settings.lang;
        self.set_status(tr(lang, "present.replace_unsaved").to_string(), true);
        false
    }

    /// Changes the own deck (making one if needed), marks it unsaved and keeps the state
    /// before the change for undo.
    pub(super) fn edit_own_deck(&mut self, change: impl FnOnce(&mut Deck)) {
        let empty = self.empty_own_deck();
        let before = self.state.settings.own_deck.clone();
        let s = &mut self.state.settings;
        let deck = s.own_deck.get_or_insert(empty);
        change(deck);
        if s.own_deck != before {
            self.deck_edits.undoer.add_undo(&before);
        }
        s.own_deck_dirty = true;
        s.deck = DeckChoice::Own;
        self.deck_edits.autosave_armed = true;
        self.deck_edits.replace_confirmed = false;
    }

    pub(super) fn undo_deck_edit(&mut self) {
        let current = self.state.settings.own_deck.clone();
        if let Some(before) = self.deck_edits.undoer.undo(&current).cloned() {
            self.put_back(before);
        }
    }

    pub(super) fn redo_deck_edit(&mut self) {
        let current = self.state.settings.own_deck.clone();
        if let Some(after) = self.deck_edits.undoer.redo(&current).cloned() {
            self.put_back(after);
        }
    }

    fn put_back(&mut self, deck: Option<Deck>) {
        self.state.own_deck_revision += 1;
        let s = &mut self.state.settings;
        s.own_deck = deck;
        s.own_deck_dirty = true;
        s.deck = DeckChoice::Own;
        self.deck_edits.autosave_armed = true;
    }

    pub(super) fn add_chart_slide(&mut self, chart: ChartKind, topic: Option<String>) {
        let lang = self.state.settings.lang;
        let slide =
            deck::builtin::chart_slide_for(self.state.atlas.data(), lang, chart, topic.as_deref());
        if let Some(slide) = slide {
            let title = slide.title.clone();
            self.edit_own_deck(|d| d.slides.push(slide));
            self.set_status(format!("{} {title}", tr(lang, "present.added")), false);
        }
    }

    pub(super) fn add_agenda_slide(&mut self, id: &str) {
        let lang = self.state.settings.lang;
        let atlas = &self.state.atlas;
        if let Some(slide) = deck::builtin::agenda_slide(atlas.data(), &atlas.agenda, id, lang) {
            let title = slide.title.clone();
            self.edit_own_deck(|d| d.slides.push(slide));
            self.set_status(format!("{} {title}", tr(lang, "present.added")), false);
        }
    }

    pub(super) fn load_deck(&mut self, path: PathBuf) {
        let lang = self.state.settings.lang;
        match deck::load(&path, self.state.atlas.data()) {
            Ok(d) => {
                self.deck_edits
                    .undoer
                    .add_undo(&self.state.settings.own_deck);
                self.state.own_deck_revision += 1;
                let s = &mut self.state.settings;
                s.own_deck = Some(d);
                s.own_deck_path = Some(path.clone());
                s.own_deck_dirty = false;
                s.deck = DeckChoice::Own;
                s.recent.remember(RecentKind::Deck, &path);
                let text = format!("{} {}", tr(lang, "present.deck"), path.display());
                self.set_status(text, false);
            }
            Err(e) => self.set_status(format!("{}: {e}", tr(lang, "present.not_opened")), true),
        }
    }

    pub(super) fn save_deck_to(&mut self, path: PathBuf) {
        let lang = self.state.settings.lang;
        let path = deck::with_toml_extension(path);
        let s = &mut self.state.settings;
        let Some(d) = &s.own_deck else { return };
        match deck::save(&path, d) {
            Ok(()) => {
                s.own_deck_path = Some(path.clone());
                s.own_deck_dirty = false;
                s.recent.remember(RecentKind::Deck, &path);
                self.deck_edits.dirty_since = None;
                self.set_status(
                    format!("{} {}", tr(lang, "present.saved"), path.display()),
                    false,
                );
            }
            Err(deck::DeckError::Write(w)) => {
                let text = format!(
                    "{} {} {}",
                    tr(lang, "present.failed"),
                    crate::i18n::write_error(lang, &w),
                    tr(lang, "present.deck_kept")
                );
                self.set_status(text, true);
            }
            Err(e) => self.set_status(format!("{} {e}", tr(lang, "present.failed")), true),
        }
    }

    /// Saves an own deck that has a file a second after its last change, so a deck is never
    /// lost and typing does not write a file per key.
    pub(super) fn autosave_deck(&mut self, ctx: &egui::Context) {
        let s = &self.state.settings;
        let e = &mut self.deck_edits;
        if !(e.autosave_armed && s.own_deck_dirty && s.own_deck_path.is_some()) {
            e.dirty_since = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        let since = *e.dirty_since.get_or_insert(now);
        if now - since >= 1.0 {
            self.apply(Command::SaveDeck);
            if self.state.settings.own_deck_dirty {
                // The save failed (and said why): try again in half a minute, not every frame.
                self.deck_edits.dirty_since = Some(now + 30.0);
            }
        } else {
            ctx.request_repaint_after(std::time::Duration::from_millis(300));
        }
    }

    /// A picture of what the atlas shows now (the map picture export, the copy to the
    /// clipboard): the view's slide, titled by the selection or else by the regions and
    /// sectors shown, and citing them.
    pub fn picture_of_view(&self) -> Slide {
        let mut slide = self.slide_from_view();
        let s = &self.state.settings;
        if s.selection.is_some() {
            return slide;
        }
        let lang = s.lang;
        let d = self.state.atlas.data();
        let shown: Vec<&crate::model::Region> = d
            .regions
            .iter()
            .filter(|r| r.kind == crate::model::RegionKind::Atlas)
            .filter(|r| !s.layers.hidden_regions.contains(&r.id))
            .filter(|r| d.places.iter().any(|p| p.region == r.id))
            .collect();
        let mut title = crate::i18n::and_list(
            lang,
            &shown.iter().map(|r| r.name.get(lang)).collect::<Vec<_>>(),
        );
        if !s.sector_filter.is_empty() {
            let sectors: Vec<&str> = s
                .sector_filter
                .iter()
                .filter_map(|id| d.sector(id))
                .map(|x| x.label.get(lang))
                .collect();
            title = format!("{title} · {}", sectors.join(", "));
        }
        if !title.is_empty() {
            slide.title = title;
        }
        slide.sources = shown
            .iter()
            .filter_map(|r| r.sources.first().cloned())
            .take(3)
            .collect();
        slide
    }

    /// A slide of what the atlas shows now: the map's view, filter, layers and selection.
    pub fn slide_from_view(&self) -> Slide {
        let s = &self.state.settings;
        let lang = s.lang;
        let d = self.state.atlas.data();
        let v = self.map.current_view();
        let (lon, lat) = from_rel(v.centre);
        // An agenda record is no place: the slide rings its places and cites the record.
        let record = s
            .selection
            .as_deref()
            .and_then(|id| self.state.atlas.agenda.get(id))
            .and_then(|r| r.data(d));
        let title = s.selection.as_deref().map_or_else(
            || {
                let n = s.own_deck.as_ref().map_or(0, |d| d.slides.len()) + 1;
                format!("{} {n}", tr(lang, "present.slide_title"))
            },
            |id| match record {
                Some(r) => r.title(lang),
                None => self.state.atlas.name_of(id, lang),
            },
        );
        let sources = s.selection.as_deref().map_or_else(Vec::new, |id| {
            let cites = d
                .place(id)
                .map(|p| p.sources.clone())
                .or_else(|| d.region(id).map(|r| r.sources.clone()))
                .or_else(|| record.map(|r| r.sources().to_vec()))
                .unwrap_or_default();
            cites.into_iter().take(3).collect()
        });
        let comparing = s.mode == Mode::Compare && s.compare.len() >= 2;
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
            selection: if record.is_some() {
                None
            } else {
                s.selection.clone()
            },
            highlight: self.state.scene.subjects.clone(),
            sectors: s.sector_filter.clone(),
            layers: s.layers.clone(),
            sources,
            ..Default::default()
        }
    }
}
