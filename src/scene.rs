//! What is on screen, as a plain value: the layers, the filter, the selection, the camera's
//! goal and the words around the map. The live map, slides and exports all draw scenes.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// Which map layers are on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LayerSettings {
    /// Region ids whose places and areas are hidden.
    pub hidden_regions: BTreeSet<String>,
    /// Show every cross-pollination, not just the selection's.
    pub all_links: bool,
    /// Show every label, even where they overlap.
    pub all_labels: bool,
    /// The Oude Lijn, the northern rail lines and the hydrogen backbone.
    pub routes: bool,
    /// Companies and projects (the small markers).
    pub minor_places: bool,
    /// Cross-pollinations suggested by the data, drawn dotted.
    pub suggestions: bool,
}

impl Default for LayerSettings {
    fn default() -> Self {
        LayerSettings {
            hidden_regions: BTreeSet::new(),
            all_links: false,
            all_labels: false,
            routes: true,
            minor_places: true,
            suggestions: false,
        }
    }
}
