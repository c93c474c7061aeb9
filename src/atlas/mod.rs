//! Indexes derived once from a validated dataset and shared by every view.
//!
//! Nothing here is recomputed per frame: an [`Atlas`] is built when a dataset is loaded and
//! replaced as a whole when another one is opened.

pub mod colour;
pub mod geo;
pub mod ids;
pub mod profile;
pub mod search;
pub mod suggest;
pub mod synthetic;

use std::collections::HashMap;

use crate::basemap::Basemap;
use crate::model::{Dataset, LoadedDataset, PlaceKind};

/// A loaded dataset plus the lookups the views need.
#[derive(Debug)]
pub struct Atlas {
    pub loaded: LoadedDataset,
    /// Projected positions, marker styles, sub-region areas, routes and link ends.
    pub geo: geo::GeoIndex,
    pub search: search::SearchIndex,
    /// Everything that can be compared, with sector counts.
    pub profiles: profile::Profiles,
    /// Cross-pollinations suggested by the data (never source facts).
    pub suggestions: Vec<suggest::Suggestion>,
    place_index: HashMap<String, usize>,
    /// Places whose `parent` is the key, in dataset order.
    children: HashMap<String, Vec<usize>>,
    /// Cross-pollinations (by index) that involve the key (a place or region id).
    links: HashMap<String, Vec<usize>>,
    /// (survey index, discussion index) per place id.
    discussions: HashMap<String, Vec<(usize, usize)>>,
}

impl Atlas {
    pub fn new(loaded: LoadedDataset) -> Self {
        let d = &loaded.dataset;
        let place_index = d
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        let mut children: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in d.places.iter().enumerate() {
            if let Some(parent) = &p.parent {
                children.entry(parent.clone()).or_default().push(i);
            }
        }
        let mut links: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, x) in d.cross_pollinations.iter().enumerate() {
            let mut ids: Vec<&str> = x
                .endpoints
                .iter()
                .chain(&x.optional_endpoints)
                .chain(&x.via)
                .map(String::as_str)
                .collect();
            if let Some(region) = &x.all_sub_regions_of {
                ids.extend(
                    d.places
                        .iter()
                        .filter(|p| p.kind == PlaceKind::SubRegion && &p.region == region)
                        .map(|p| p.id.as_str()),
                );
            }
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                links.entry(id.to_string()).or_default().push(i);
            }
        }
        let mut discussions: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (si, s) in d.surveys.iter().enumerate() {
            for (di, x) in s.discussions.iter().enumerate() {
                discussions
                    .entry(x.place.clone())
                    .or_default()
                    .push((si, di));
            }
        }
        let geo = geo::GeoIndex::new(&loaded.dataset, Basemap::shared());
        let priorities: Vec<f32> = geo.places.iter().map(|g| g.priority).collect();
        let search = search::SearchIndex::new(&loaded.dataset, &priorities);
        let profiles = profile::Profiles::new(&loaded.dataset, &children);
        let suggestions = suggest::suggest(&loaded.dataset);
        Atlas {
            geo,
            search,
            profiles,
            suggestions,
            loaded,
            place_index,
            children,
            links,
            discussions,
        }
    }

    pub fn data(&self) -> &Dataset {
        &self.loaded.dataset
    }

    pub fn place_idx(&self, id: &str) -> Option<usize> {
        self.place_index.get(id).copied()
    }

    pub fn children_of(&self, id: &str) -> &[usize] {
        self.children.get(id).map_or(&[], Vec::as_slice)
    }

    pub fn links_of(&self, id: &str) -> &[usize] {
        self.links.get(id).map_or(&[], Vec::as_slice)
    }

    /// Suggestions that involve the place with index `i`.
    pub fn suggestions_of(&self, i: usize) -> impl Iterator<Item = &suggest::Suggestion> {
        self.suggestions
            .iter()
            .filter(move |s| s.a == i || s.b == i)
    }

    /// Name of a place or region in the UI language.
    pub fn name_of(&self, id: &str, lang: crate::model::Lang) -> String {
        self.data()
            .label_of(id, lang)
            .unwrap_or_else(|| id.to_string())
    }

    pub fn discussions_at(&self, id: &str) -> &[(usize, usize)] {
        self.discussions.get(id).map_or(&[], Vec::as_slice)
    }

    /// The dataset's name for the title bar: its own name, or the path it came from.
    pub fn title(&self) -> String {
        match &self.loaded.origin {
            crate::model::Origin::Embedded => self
                .data()
                .dataset
                .as_ref()
                .map_or_else(String::new, |i| format!("{} {}", i.name, i.version)),
            crate::model::Origin::Path(p) => p.display().to_string(),
        }
    }
}
