//! Actions the UI asks for. Views return them; the app applies them after the frame, so no
//! view changes shared state while others are still drawing.

use std::path::PathBuf;

use crate::deck::Deck;
use crate::model::Lang;
use crate::state::{DeckChoice, LayerSettings, Mode};

/// Where the map should fly.
#[derive(Debug, Clone, PartialEq)]
pub enum FlyTarget {
    Netherlands,
    Region(String),
    Place(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Select a place or region (or clear the selection).
    Select(Option<String>),
    /// Select a place or region and fly the map to it.
    Focus(String),
    FlyTo(FlyTarget),
    SetLanguage(Lang),
    /// Add or remove one sector from the filter.
    ToggleSector(String),
    ClearSectorFilter,
    SetLayers(LayerSettings),
    /// Ask for a dataset file with the system's file dialog.
    OpenDatasetDialog,
    /// Load the dataset at this path; on failure keep the current one and show problems.
    LoadDataset(PathBuf),
    /// Go back to the atlas compiled into the app.
    UseEmbedded,
    DismissProblems,
    ShowAbout(bool),
    /// Put the keyboard focus in the search box.
    FocusSearch,
    SetMode(Mode),
    /// Add a place or region to the comparison (and show it).
    AddToCompare(String),
    RemoveFromCompare(String),
    /// Compare exactly these two (from the overlap matrix).
    ComparePair(String, String),
    SetSyncView(bool),

    // Presenter mode and decks.
    /// Present the chosen deck from this slide.
    StartPresenting(usize),
    StopPresenting,
    NextSlide,
    PreviousSlide,
    /// Go to a slide (clamped to the deck).
    GotoSlide(usize),
    ToggleBlank,
    TogglePresenterView,
    ShowDeckWindow(bool),
    ChooseDeck(DeckChoice),
    /// Start an empty deck of one's own.
    NewOwnDeck,
    /// Copy the chosen built-in deck into one's own deck, to edit it.
    CopyBuiltinToOwn,
    AddCurrentViewAsSlide,
    /// Put one chart (and for survey results, one topic) into the own deck.
    AddChartAsSlide {
        chart: crate::deck::ChartKind,
        topic: Option<String>,
    },
    MoveSlide {
        from: usize,
        to: usize,
    },
    DeleteSlide(usize),
    SetSlideText {
        index: usize,
        title: String,
        caption: String,
        notes: String,
    },
    /// Show a slide's view in normal mode (to check or edit it).
    ShowSlide(usize),
    OpenDeckDialog,
    LoadDeck(PathBuf),
    /// Save the own deck to its file, or ask where when it has none.
    SaveDeck,
    SaveDeckAsDialog,
    SaveDeckTo(PathBuf),
    /// Ask where to export a slide of the chosen deck (`None`: the current view) and export
    /// it there.
    ExportDialog {
        slide: Option<usize>,
        format: ImageFormat,
    },
    /// Render slide `index` of `deck` and write it to `path`.
    Export {
        deck: Box<Deck>,
        index: usize,
        format: ImageFormat,
        path: PathBuf,
    },
}

/// Image formats for export: PNG at a multiple of the window size, or SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png { scale: u32 },
    Svg,
}

impl ImageFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png { .. } => "png",
            ImageFormat::Svg => "svg",
        }
    }

    /// File name of slide `index` (0-based): `slide-03.png`.
    pub fn slide_file_name(self, index: usize) -> String {
        format!("slide-{:02}.{}", index + 1, self.extension())
    }

    /// Pixels per window pixel.
    pub fn scale(self) -> f32 {
        match self {
            ImageFormat::Png { scale } => scale as f32,
            ImageFormat::Svg => 1.0,
        }
    }

    pub fn label(self) -> String {
        match self {
            ImageFormat::Png { scale } => format!("PNG {scale}×"),
            ImageFormat::Svg => "SVG".to_string(),
        }
    }
}
