//! Actions the UI asks for. Views return them; the app applies them after the frame, so no
//! view changes shared state while others are still drawing.

use std::path::PathBuf;

use super::state::{LayerSettings, Mode};
use crate::model::Lang;

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
}
