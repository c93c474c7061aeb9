//! What the app knows between frames: the atlas in use and the user's choices.

pub mod presentation;
pub mod recent;

use std::collections::BTreeSet;

pub use crate::deck::DeckChoice;
pub use crate::scene::LayerSettings;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::atlas::Atlas;
use crate::deck::Deck;
use crate::deck::builtin::BuiltinDeck;
use crate::model::{Lang, LoadError};
use crate::scene::{Scene, Visible};

/// What the central area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Mode {
    #[default]
    Map,
    Compare,
    Charts,
    /// The regional agendas: projects, themes, asks, instruments.
    Agenda,
}

/// At most this many profiles are compared side by side.
pub const MAX_COMPARED: usize = 4;

/// Choices that survive a restart (stored through eframe's storage).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    /// Sector ids to show; empty means all sectors.
    pub sector_filter: BTreeSet<String>,
    /// The place or region last selected.
    pub selection: Option<String>,
    pub layers: LayerSettings,
    /// The last map view: longitude, latitude, zoom.
    pub view: Option<(f64, f64, f64)>,
    pub mode: Mode,
    /// Place or region ids being compared (up to [`MAX_COMPARED`]).
    pub compare: Vec<String>,
    /// Keep the map fitted to the compared profiles.
    pub sync_view: bool,
    /// The deck F5 presents.
    pub deck: DeckChoice,
    /// The presenter's own deck, kept here too so an unsaved deck survives a restart.
    pub own_deck: Option<Deck>,
    /// Where the own deck was last opened or saved; it is reopened from there at start.
    pub own_deck_path: Option<std::path::PathBuf>,
    /// The own deck has changes the file does not have yet.
    pub own_deck_dirty: bool,
    /// Datasets and deck files opened last (File → Recent geopend).
    #[serde(skip_serializing_if = "recent::RecentFiles::is_empty")]
    pub recent: recent::RecentFiles,
    /// The user's own organisations shown as a layer (a copy is kept in the data folder).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_layer: Option<UserLayerSettings>,
}

/// Which file of the user's organisations is on, and where its copy is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct UserLayerSettings {
    /// The file's name as the user chose it ("organisaties.xlsx"), for the source record.
    pub name: String,
    /// The copy's file name in the data folder ("user-layer.xlsx").
    pub copy: String,
    /// When it was read (YYYY-MM-DD).
    pub date: String,
}

/// The app's state: the atlas (read-only truth) and the settings views act on.
pub struct AppState {
    pub atlas: Arc<Atlas>,
    pub settings: Settings,
    /// Problems of the last dataset that failed to open; the atlas in use is unchanged.
    pub load_error: Option<LoadError>,
    /// What is on screen this frame: the user's view made from the settings, or the slide
    /// being presented. Views read the scene, never the settings, for what to show.
    pub scene: Scene,
    /// What the scene's filter and layers let through, derived once per change.
    pub visible: Visible,
    /// The built-in decks for this atlas and language (regenerated when either changes).
    pub builtin_decks: Vec<(BuiltinDeck, Deck)>,
    builtin_for: Option<(usize, Lang)>,
    /// Bumped when the own deck is replaced by another (new, copied, opened), so an editor
    /// holding one slide's texts lets go of them.
    pub own_deck_revision: u64,
}

impl AppState {
    pub fn new(atlas: Arc<Atlas>, settings: Settings) -> Self {
        let mut state = AppState {
            atlas,
            settings,
            load_error: None,
            scene: Scene::default(),
            visible: Visible::default(),
            builtin_decks: Vec::new(),
            builtin_for: None,
            own_deck_revision: 0,
        };
        state.forget_dangling_selection();
        state.show(state.live_scene());
        state
    }

    /// A state that shows one scene (a slide rendered to a file), with default settings.
    pub fn showing(atlas: Arc<Atlas>, scene: Scene) -> Self {
        let mut state = AppState::new(atlas, Settings::default());
        state.show(scene);
        state
    }

    /// The scene of the user's own view: their filter, layers, selection and language.
    pub fn live_scene(&self) -> Scene {
        let s = &self.settings;
        Scene {
            lang: s.lang,
            filter: s.sector_filter.clone(),
            layers: s.layers.clone(),
            selection: s.selection.clone(),
            subjects: if s.mode == Mode::Compare {
                s.compare.clone()
            } else {
                // An agenda record rings the places it involves.
                let id = s.selection.as_deref().unwrap_or_default();
                self.atlas.agenda.places_of(id).to_vec()
            },
            compare: s.compare.clone(),
            camera: crate::scene::CameraGoal::Free,
            look: crate::scene::Look::Screen,
        }
    }

    /// Puts a scene on screen for this frame, deriving what it shows when that changed.
    pub fn show(&mut self, scene: Scene) {
        self.visible.refresh(&self.atlas, &scene);
        self.scene = scene;
    }

    /// The language of what is on screen.
    pub fn lang(&self) -> Lang {
        self.scene.lang
    }

    /// The place or region in focus on screen.
    pub fn selection(&self) -> Option<&str> {
        self.scene.selection.as_deref()
    }

    /// True when a place with these sectors passes the sector filter on screen.
    pub fn passes_filter(&self, sectors: &[String]) -> bool {
        self.scene.passes(sectors)
    }

    /// Regenerates the built-in decks when the atlas or the language changed.
    pub fn refresh_builtin_decks(&mut self) {
        let key = (Arc::as_ptr(&self.atlas) as usize, self.settings.lang);
        if self.builtin_for == Some(key) {
            return;
        }
        let d = self.atlas.data();
        self.builtin_decks = BuiltinDeck::ALL
            .iter()
            .map(|b| (*b, b.generate(d, self.settings.lang)))
            .collect();
        self.builtin_for = Some(key);
    }

    /// The deck F5 would present.
    pub fn chosen_deck(&self) -> Option<&Deck> {
        match self.settings.deck {
            DeckChoice::Builtin(b) => self
                .builtin_decks
                .iter()
                .find(|(x, _)| *x == b)
                .map(|(_, d)| d),
            DeckChoice::Own => self.settings.own_deck.as_ref(),
        }
    }

    /// Drops a stored selection the current dataset does not have.
    pub fn forget_dangling_selection(&mut self) {
        if let Some(id) = &self.settings.selection {
            let d = self.atlas.data();
            if d.place(id).is_none()
                && d.region(id).is_none()
                && self.atlas.agenda.get(id).is_none()
            {
                self.settings.selection = None;
            }
        }
        let d = self.atlas.data();
        self.settings
            .sector_filter
            .retain(|s| d.sector(s).is_some());
        self.settings
            .compare
            .retain(|id| d.place(id).is_some() || d.region(id).is_some());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(selection: &str) -> AppState {
        let loaded = crate::model::load_embedded().expect("the embedded atlas loads");
        let settings = Settings {
            selection: Some(selection.to_string()),
            ..Settings::default()
        };
        AppState::new(Arc::new(Atlas::new(loaded)), settings)
    }

    #[test]
    fn a_selected_agenda_record_is_kept_and_rings_its_places() {
        let s = state("zh-ps-2-1-2-lasersatcom");
        assert_eq!(s.selection(), Some("zh-ps-2-1-2-lasersatcom"));
        let subjects = s.live_scene().subjects;
        for p in ["zh-tno-delft", "zh-nl-space-campus", "zh-isispace"] {
            assert!(subjects.iter().any(|x| x == p), "{p}: {subjects:?}");
        }
        // A place rings nothing of its own; an unknown id is forgotten.
        assert!(state("zh-robohouse").live_scene().subjects.is_empty());
        assert_eq!(state("zh-no-such-sheet").selection(), None);
    }
}
