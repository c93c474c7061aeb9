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

/// How a scene is dressed: for a screen at arm's length, or for a room (projector: larger
/// type and markers, no hover, paper colours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Look {
    #[default]
    Screen,
    Projector,
}

/// What the map's camera should show. The live map keeps the user's view; a slide fits its
/// subjects or shows the area it captured, whatever the screen's size.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum CameraGoal {
    /// Wherever the map is now (the user pans and zooms).
    #[default]
    Free,
    /// Fit these places or regions, keeping their surroundings in view.
    Fit(Vec<String>),
    /// A centre and zoom (lon, lat, zoom).
    View { lon: f64, lat: f64, zoom: f64 },
    /// An area (lon/lat corners) to show whole, as captured from a map of another size.
    Extent {
        west: f64,
        south: f64,
        east: f64,
        north: f64,
    },
}

/// Everything that decides what the map shows: the live window, a slide, a thumbnail and an
/// export all draw one. It holds ids as the dataset names them; [`Visible`] resolves the
/// filter and layers against an atlas once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    pub lang: crate::model::Lang,
    /// Sector ids to show; empty shows every sector.
    pub filter: BTreeSet<String>,
    pub layers: LayerSettings,
    /// The place or region in focus: its links are drawn, its label comes first.
    pub selection: Option<String>,
    /// Places ringed on the map: a slide's subjects, the compared profiles.
    pub subjects: Vec<String>,
    /// Profiles side by side, when the scene is a comparison.
    pub compare: Vec<String>,
    pub camera: CameraGoal,
    pub look: Look,
}

impl Scene {
    /// True when something with these sectors passes the sector filter (the one rule for
    /// the map, lists, charts, compare, search and export).
    pub fn passes(&self, sectors: &[String]) -> bool {
        passes_filter(&self.filter, sectors)
    }
}

/// The sector filter's rule: an empty filter passes everything; otherwise one shared sector.
pub fn passes_filter(filter: &BTreeSet<String>, sectors: &[String]) -> bool {
    filter.is_empty() || sectors.iter().any(|s| filter.contains(s))
}

/// What passes a scene's filter and layers in one atlas, derived once per (atlas, filter,
/// layers) and shared by everything that lists or draws places.
#[derive(Debug, Clone, Default)]
pub struct Visible {
    /// Places with a marker (not sub-regions), lowest label priority first.
    pub places: Vec<usize>,
    /// Per place index: shown on the map (marker or area).
    pub shown: Vec<bool>,
    /// Per entry of `atlas.geo.sub_regions`: whether it matches the filter (others dim).
    pub sub_region_matches: Vec<bool>,
    /// Per cross-pollination: whether it passes the filter.
    pub links: Vec<bool>,
    /// Per route of `atlas.geo.routes`: whether its region is shown.
    pub routes: Vec<bool>,
    /// Different for every derivation, so caches built from one know when it changed.
    pub generation: u64,
    /// What this was derived from.
    key: Option<VisibleKey>,
}

#[derive(Debug, Clone, PartialEq)]
struct VisibleKey {
    atlas: usize,
    filter: BTreeSet<String>,
    layers: LayerSettings,
}

impl Visible {
    /// Derives what a scene shows in `atlas`.
    pub fn new(atlas: &crate::atlas::Atlas, scene: &Scene) -> Visible {
        use crate::model::PlaceKind;
        let d = atlas.data();
        let layers = &scene.layers;
        let region_on = |r: &str| !layers.hidden_regions.contains(r);
        let shown: Vec<bool> = d
            .places
            .iter()
            .map(|p| {
                let minor = matches!(p.kind, PlaceKind::Company | PlaceKind::Project);
                region_on(&p.region) && (layers.minor_places || !minor) && scene.passes(&p.sectors)
            })
            .collect();
        let mut places: Vec<usize> = (0..d.places.len())
            .filter(|&i| {
                shown.get(i).copied().unwrap_or(false)
                    && d.places
                        .get(i)
                        .is_some_and(|p| p.kind != PlaceKind::SubRegion)
            })
            .collect();
        let priority = |i: usize| atlas.geo.places.get(i).map_or(0.0, |g| g.priority);
        places.sort_by(|&a, &b| priority(a).total_cmp(&priority(b)));
        let sub_region_matches = atlas
            .geo
            .sub_regions
            .iter()
            .map(|sr| {
                d.places
                    .get(sr.place)
                    .is_some_and(|p| scene.passes(&p.sectors))
            })
            .collect();
        let links = d
            .cross_pollinations
            .iter()
            .map(|x| x.sectors.is_empty() || scene.passes(&x.sectors))
            .collect();
        let routes = atlas
            .geo
            .routes
            .iter()
            .map(|r| region_on(&r.region))
            .collect();
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Visible {
            generation: NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            places,
            shown,
            sub_region_matches,
            links,
            routes,
            key: Some(VisibleKey {
                atlas: atlas as *const _ as usize,
                filter: scene.filter.clone(),
                layers: scene.layers.clone(),
            }),
        }
    }

    /// Derives again only when the atlas, the filter or the layers changed; true if it did.
    pub fn refresh(&mut self, atlas: &crate::atlas::Atlas, scene: &Scene) -> bool {
        let same = self.key.as_ref().is_some_and(|k| {
            k.atlas == atlas as *const _ as usize
                && k.filter == scene.filter
                && k.layers == scene.layers
        });
        if !same {
            *self = Visible::new(atlas, scene);
        }
        !same
    }

    pub fn place_shown(&self, i: usize) -> bool {
        self.shown.get(i).copied().unwrap_or(false)
    }
}
