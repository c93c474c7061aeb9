//! Indexes derived once from a validated dataset and shared by every view.
//!
//! Nothing here is recomputed per frame: an [`Atlas`] is built when a dataset is loaded and
//! replaced as a whole when another one is opened. Every step of the build is linear (or
//! n log n) in the size of the dataset; inside, places, sectors and regions are typed
//! indices ([`ids`]), not strings.
//!
//! What the first frame needs (positions, marker styles, children, links, region profiles)
//! is built by [`Atlas::new`]. The two heavier indexes, [`Atlas::suggestions`] and
//! [`Atlas::search`], are built on first use, or ahead of it on a thread started with
//! [`Atlas::build_background`]:
//!
//! ```no_run
//! # use std::sync::Arc;
//! # use innovation_atlas::atlas::Atlas;
//! # let loaded = innovation_atlas::model::load_embedded().map_err(|e| e.to_string())?;
//! let atlas = Arc::new(Atlas::new(loaded)); // fast: what the first frame needs
//! let building = atlas.build_background(); // suggestions and search on another thread
//! // every frame, while the app keeps working:
//! let p = building.progress(); // p.fraction from 0 to 1, p.step names the index at work
//! let hits = atlas.search.try_search("delft", 12); // None until the index is there
//! let shown = atlas.suggestions.ready().unwrap_or_default(); // empty until computed
//! let near = atlas.ready_suggestions_of(0).count(); // the same for one place
//! # let _ = (p, hits, shown, near);
//! # Ok::<(), String>(())
//! ```
//!
//! Using `atlas.search.search(…)` or dereferencing `atlas.suggestions` before they are built
//! does not fail: it waits for the background thread, or builds the index on the calling
//! thread when none was started (tests and command-line tools rely on that).

pub mod agenda;
pub mod colour;
pub mod geo;
pub mod ids;
pub mod profile;
pub mod search;
pub mod suggest;
pub mod synthetic;

use std::sync::Arc;

use crate::basemap::Basemap;
use crate::model::{Dataset, LoadedDataset, PlaceKind};

pub use ids::{FastMap, RegionId, Rows, SectorId};

/// How many places have a sector (of `dataset.sectors`, same order).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SectorStat {
    /// Places that list the sector.
    pub places: usize,
    /// Places whose main (first) sector it is: these get its colour on the map.
    pub main: usize,
}

/// A loaded dataset plus the lookups the views need.
#[derive(Debug)]
pub struct Atlas {
    pub loaded: LoadedDataset,
    /// Projected positions, marker styles, sub-region areas, routes and link ends.
    pub geo: geo::GeoIndex,
    /// Built on first use or by [`Atlas::build_background`]; see the module documentation.
    pub search: search::SearchIndex,
    /// Everything that can be compared, with sector counts.
    pub profiles: profile::Profiles,
    /// Cross-pollinations suggested by the data (never source facts): dereferences to the
    /// ranked list. Computed on first use or by [`Atlas::build_background`];
    /// [`suggest::Suggestions::ready`] does not wait.
    pub suggestions: suggest::Suggestions,
    /// The agenda records: by id, by place, and searchable.
    pub agenda: agenda::AgendaIndex,
    place_index: Arc<FastMap<String, usize>>,
    sector_index: FastMap<String, SectorId>,
    region_index: FastMap<String, RegionId>,
    /// Sectors of each place, by place index.
    place_sectors: Arc<Rows<SectorId>>,
    place_region: Vec<Option<RegionId>>,
    place_parent: Vec<Option<usize>>,
    sector_stats: Vec<SectorStat>,
    /// Each sector's colour (same order as `dataset.sectors`), parsed once.
    sector_colours: Vec<egui::Color32>,
    /// Places whose `parent` is the place, by place index, in dataset order.
    children: Arc<Rows<usize>>,
    /// Cross-pollinations (by index) that involve the key (a place or region id).
    links: FastMap<String, Vec<usize>>,
    /// (survey index, discussion index) per place id.
    discussions: FastMap<String, Vec<(usize, usize)>>,
    /// Hotspots with a company count, in map-number order (the hotspot chart's rows).
    hotspots: Vec<usize>,
}

/// Which index a background build is working on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildStep {
    Suggestions,
    Search,
    Done,
}

/// How far the indexes built after the first frame are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BuildProgress {
    /// From 0 to 1 over both indexes.
    pub fraction: f32,
    /// The first index not yet built.
    pub step: BuildStep,
}

/// A running [`Atlas::build_background`]. Poll it each frame; dropping it lets the thread
/// finish on its own.
#[derive(Debug)]
pub struct BackgroundBuild {
    atlas: Arc<Atlas>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl BackgroundBuild {
    pub fn progress(&self) -> BuildProgress {
        self.atlas.build_progress()
    }

    /// Both indexes are built (they are usable without waiting).
    pub fn is_done(&self) -> bool {
        self.atlas.is_built()
    }

    /// Waits until both indexes are built (builds them here if the thread could not start).
    pub fn wait(mut self) {
        if let Some(t) = self.thread.take() {
            // A panic on the thread leaves the index unbuilt; building it below reports it
            // again on this thread rather than hiding it.
            let _ = t.join();
        }
        self.atlas.build_all();
    }
}

impl Atlas {
    pub fn new(loaded: LoadedDataset) -> Self {
        let d = &loaded.dataset;
        let n = d.places.len();
        let place_index: FastMap<String, usize> = d
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        let sector_index: FastMap<String, SectorId> = d
            .sectors
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), SectorId(u16::try_from(i).unwrap_or(u16::MAX))))
            .collect();
        let region_index: FastMap<String, RegionId> = d
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), RegionId(u16::try_from(i).unwrap_or(u16::MAX))))
            .collect();
        let mut place_sectors = Rows::with_capacity(n, 2 * n);
        let mut sector_stats = vec![SectorStat::default(); d.sectors.len()];
        let mut place_region = Vec::with_capacity(n);
        let mut place_parent = Vec::with_capacity(n);
        let mut child_pairs: Vec<(usize, usize)> = Vec::new();
        for (i, p) in d.places.iter().enumerate() {
            let ids: Vec<SectorId> = p
                .sectors
                .iter()
                .filter_map(|s| sector_index.get(s).copied())
                .collect();
            if let Some(first) = p.sectors.first().and_then(|s| sector_index.get(s))
                && let Some(stat) = sector_stats.get_mut(first.index())
            {
                stat.main += 1;
            }
            for (k, s) in ids.iter().enumerate() {
                if !ids[..k].contains(s)
                    && let Some(stat) = sector_stats.get_mut(s.index())
                {
                    stat.places += 1;
                }
            }
            place_sectors.push_row(ids);
            place_region.push(region_index.get(&p.region).copied());
            let parent = p
                .parent
                .as_deref()
                .and_then(|id| place_index.get(id).copied());
            if let Some(parent) = parent {
                child_pairs.push((parent, i));
            }
            place_parent.push(parent);
        }
        let children = Arc::new(Rows::group(n, &child_pairs));
        let place_sectors = Arc::new(place_sectors);
        let mut hotspots: Vec<usize> = (0..n)
            .filter(|&i| {
                d.places
                    .get(i)
                    .is_some_and(|p| p.kind == PlaceKind::Hotspot && p.companies.is_some())
            })
            .collect();
        hotspots.sort_by_key(|&i| {
            let p = &d.places[i];
            (p.map_number.unwrap_or(u32::MAX), p.name.clone())
        });
        let place_index = Arc::new(place_index);

        let mut sub_regions_of: FastMap<&str, Vec<&str>> = FastMap::default();
        for p in d.places.iter().filter(|p| p.kind == PlaceKind::SubRegion) {
            sub_regions_of
                .entry(p.region.as_str())
                .or_default()
                .push(p.id.as_str());
        }
        let mut links: FastMap<String, Vec<usize>> = FastMap::default();
        for (i, x) in d.cross_pollinations.iter().enumerate() {
            let mut ids: Vec<&str> = x
                .endpoints
                .iter()
                .chain(&x.optional_endpoints)
                .chain(&x.via)
                .map(String::as_str)
                .collect();
            if let Some(region) = &x.all_sub_regions_of {
                ids.extend(sub_regions_of.get(region.as_str()).into_iter().flatten());
            }
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                links.entry(id.to_string()).or_default().push(i);
            }
        }
        let mut discussions: FastMap<String, Vec<(usize, usize)>> = FastMap::default();
        for (si, s) in d.surveys.iter().enumerate() {
            for (di, x) in s.discussions.iter().enumerate() {
                discussions
                    .entry(x.place.clone())
                    .or_default()
                    .push((si, di));
            }
        }
        let geo = geo::GeoIndex::with_index(&loaded.dataset, Basemap::shared(), &place_index);
        let priorities: Vec<f32> = geo.places.iter().map(|g| g.priority).collect();
        let search = search::SearchIndex::deferred(&loaded.dataset, &priorities);
        let tables = profile::Tables {
            index: place_index.clone(),
            children: children.clone(),
            sectors: place_sectors.clone(),
            sector_names: d.sectors.iter().map(|s| s.id.clone()).collect(),
        };
        let profiles = profile::Profiles::new(&loaded.dataset, tables);
        let suggestions = suggest::Suggestions::with_index(&loaded.dataset, &place_index);
        let agenda = agenda::AgendaIndex::new(&loaded.dataset);
        let sector_colours = d
            .sectors
            .iter()
            .map(|s| colour::parse_colour(&s.color))
            .collect();
        Atlas {
            agenda,
            geo,
            search,
            profiles,
            suggestions,
            loaded,
            place_index,
            sector_index,
            region_index,
            place_sectors,
            place_region,
            place_parent,
            sector_stats,
            sector_colours,
            children,
            links,
            discussions,
            hotspots,
        }
    }

    pub fn data(&self) -> &Dataset {
        &self.loaded.dataset
    }

    pub fn place_idx(&self, id: &str) -> Option<usize> {
        self.place_index.get(id).copied()
    }

    /// The place with this id, through the index ([`Dataset::place`] looks at every place,
    /// which is slow in a loop over 100,000 places).
    pub fn place(&self, id: &str) -> Option<&crate::model::Place> {
        self.place_idx(id).and_then(|i| self.data().places.get(i))
    }

    /// Hotspots with a company count, by index, in map-number order: found once, so the
    /// hotspot chart does not look at every place each frame.
    pub fn hotspots(&self) -> &[usize] {
        &self.hotspots
    }

    pub fn children_of(&self, id: &str) -> &[usize] {
        self.place_idx(id).map_or(&[], |i| self.children.row(i))
    }

    /// Children of the place with index `i`, in dataset order.
    pub fn children_at(&self, i: usize) -> &[usize] {
        self.children.row(i)
    }

    /// Index of the parent of the place with index `i`.
    pub fn parent_of(&self, i: usize) -> Option<usize> {
        self.place_parent.get(i).copied().flatten()
    }

    pub fn links_of(&self, id: &str) -> &[usize] {
        self.links.get(id).map_or(&[], Vec::as_slice)
    }

    /// The typed id of a sector id string.
    pub fn sector_id(&self, id: &str) -> Option<SectorId> {
        self.sector_index.get(id).copied()
    }

    /// The typed id of a region id string.
    pub fn region_id(&self, id: &str) -> Option<RegionId> {
        self.region_index.get(id).copied()
    }

    /// Sectors of the place with index `i`, main one first.
    pub fn sectors_at(&self, i: usize) -> &[SectorId] {
        self.place_sectors.row(i)
    }

    /// Region of the place with index `i`.
    pub fn region_at(&self, i: usize) -> Option<RegionId> {
        self.place_region.get(i).copied().flatten()
    }

    /// Per sector of `data().sectors` (same order, index = [`SectorId`]): how many places
    /// list it and how many have it as main sector. Counted once per dataset, for the legend.
    /// A sector's colour, parsed once at load; grey for an unknown id.
    pub fn sector_colour(&self, id: &str) -> egui::Color32 {
        self.sector_id(id)
            .and_then(|s| self.sector_colours.get(s.index()))
            .copied()
            .unwrap_or(egui::Color32::GRAY)
    }

    pub fn sector_stats(&self) -> &[SectorStat] {
        &self.sector_stats
    }

    /// The stats of one sector id.
    pub fn sector_stat(&self, id: &str) -> SectorStat {
        self.sector_id(id)
            .and_then(|s| self.sector_stats.get(s.index()))
            .copied()
            .unwrap_or_default()
    }

    /// Sectors that are some place's main sector (so have a colour on the map), in the
    /// dataset's order.
    pub fn sectors_in_use(&self) -> impl Iterator<Item = SectorId> + '_ {
        self.sector_stats
            .iter()
            .enumerate()
            .filter(|(_, s)| s.main > 0)
            .map(|(i, _)| SectorId(u16::try_from(i).unwrap_or(u16::MAX)))
    }

    /// Suggestions that involve the place with index `i` (waits for the suggestions; see
    /// [`suggest::Suggestions::ready`] for a check that does not).
    pub fn suggestions_of(&self, i: usize) -> impl Iterator<Item = &suggest::Suggestion> {
        self.suggestions
            .iter()
            .filter(move |s| s.a == i || s.b == i)
    }

    /// [`Atlas::suggestions_of`] without waiting: nothing until the suggestions are computed.
    pub fn ready_suggestions_of(&self, i: usize) -> impl Iterator<Item = &suggest::Suggestion> {
        self.suggestions
            .ready()
            .unwrap_or_default()
            .iter()
            .filter(move |s| s.a == i || s.b == i)
    }

    /// Starts building the indexes not needed for the first frame (suggestions, then the
    /// search index) on a thread; returns a handle to poll for progress. The atlas is fully
    /// usable meanwhile: what is not built yet is waited for (or built) where it is used.
    /// Calling it again, or after the indexes are built, costs nothing.
    pub fn build_background(self: &Arc<Self>) -> BackgroundBuild {
        let atlas = self.clone();
        let thread = if self.is_built() {
            None
        } else {
            let worker = self.clone();
            std::thread::Builder::new()
                .name("atlas-indexes".into())
                .spawn(move || worker.build_all())
                .ok()
        };
        BackgroundBuild { atlas, thread }
    }

    /// Builds every index now, on this thread (or waits for the thread building them).
    pub fn build_all(&self) {
        self.suggestions.build();
        self.search.build();
    }

    /// Both indexes built after the first frame are there.
    pub fn is_built(&self) -> bool {
        self.suggestions.is_ready() && self.search.is_ready()
    }

    /// Progress of the indexes built after the first frame (suggestions count for a third).
    pub fn build_progress(&self) -> BuildProgress {
        let (s, q) = (self.suggestions.progress(), self.search.progress());
        let step = if !self.suggestions.is_ready() {
            BuildStep::Suggestions
        } else if !self.search.is_ready() {
            BuildStep::Search
        } else {
            BuildStep::Done
        };
        BuildProgress {
            fraction: (s + 2.0 * q) / 3.0,
            step,
        }
    }

    /// Name of a place or region in the UI language.
    pub fn name_of(&self, id: &str, lang: crate::model::Lang) -> String {
        if let Some(p) = self.place(id) {
            return p.name.clone();
        }
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
