//! Marker clusters by zoom, the way Leaflet.markercluster and supercluster make them: per
//! zoom level the visible places fall into a grid of [`CELL_PX`]-point cells, and a cell
//! holding more than one place is drawn as one bubble with its count. A level is built the
//! first time the map shows that zoom after the data or the filter changed, in one pass over
//! the places (linear, no sorting of all places), and the same grid is the spatial index the
//! map culls and hit-tests with, so a frame only touches the cells it shows.

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::atlas::geo::GeoIndex;
use crate::geo::geometry::{BBox, Rel};
use crate::scene::Visible;

/// Datasets with at most this many visible places never cluster (the real atlas has 175):
/// below it every marker is drawn as it always was.
pub const CLUSTER_ABOVE: usize = 500;
/// The coarsest level; views zoomed further out use it too.
pub const MIN_LEVEL: u8 = 5;
/// The finest level. From the next zoom on every place gets its own marker again (Leaflet's
/// `disableClusteringAtZoom`); the grid of this level still culls them.
pub const MAX_LEVEL: u8 = 13;
/// A cell's size in screen points at its own zoom.
pub const CELL_PX: f32 = 64.0;

/// One cell of a level: the places in it.
#[derive(Debug, Clone)]
pub struct Cluster {
    /// The mean position of its places, where the bubble goes.
    pub pos: Rel,
    pub count: u32,
    /// Where its places lie (a click zooms to it).
    pub bounds: BBox,
    /// Its places in `Level::members`, from `first`, `count` of them.
    first: u32,
}

/// The grid of one zoom level.
#[derive(Debug, Default)]
pub struct Level {
    /// The cell size in relative Mercator units.
    pub cell: f32,
    pub clusters: Vec<Cluster>,
    /// Cell → index into `clusters`.
    cells: HashMap<(i32, i32), u32>,
    /// Place indices grouped by cluster.
    members: Vec<u32>,
}

fn key(p: Rel, cell: f32) -> (i32, i32) {
    ((p[0] / cell).floor() as i32, (p[1] / cell).floor() as i32)
}

impl Level {
    /// Groups `places` (indices into `geo.places`) into cells of `cell` units: one pass to
    /// count per cell, one to place each member (a counting sort), both linear.
    fn build(places: &[usize], geo: &GeoIndex, cell: f32) -> Level {
        let mut cells: HashMap<(i32, i32), u32> = HashMap::new();
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut sums: Vec<[f64; 2]> = Vec::new();
        let mut of_place: Vec<u32> = Vec::with_capacity(places.len());
        for &i in places {
            let Some(g) = geo.places.get(i) else {
                of_place.push(u32::MAX);
                continue;
            };
            let k = *cells.entry(key(g.pos, cell)).or_insert_with(|| {
                clusters.push(Cluster {
                    pos: g.pos,
                    count: 0,
                    bounds: BBox::EMPTY,
                    first: 0,
                });
                sums.push([0.0; 2]);
                (clusters.len() - 1) as u32
            });
            if let (Some(c), Some(s)) = (clusters.get_mut(k as usize), sums.get_mut(k as usize)) {
                c.count += 1;
                c.bounds.add(g.pos);
                s[0] += f64::from(g.pos[0]);
                s[1] += f64::from(g.pos[1]);
            }
            of_place.push(k);
        }
        let mut next = 0u32;
        for (c, s) in clusters.iter_mut().zip(&sums) {
            c.first = next;
            next += c.count;
            let n = f64::from(c.count.max(1));
            c.pos = [(s[0] / n) as f32, (s[1] / n) as f32];
        }
        let mut fill: Vec<u32> = clusters.iter().map(|c| c.first).collect();
        let mut members = vec![0u32; next as usize];
        for (&i, &k) in places.iter().zip(&of_place) {
            if let Some(slot) = fill.get_mut(k as usize) {
                if let Some(m) = members.get_mut(*slot as usize) {
                    *m = i as u32;
                }
                *slot += 1;
            }
        }
        Level {
            cell,
            clusters,
            cells,
            members,
        }
    }

    /// The places of a cluster (indices into the dataset's places).
    pub fn members(&self, c: &Cluster) -> impl Iterator<Item = usize> + '_ {
        let from = c.first as usize;
        self.members
            .get(from..from + c.count as usize)
            .unwrap_or(&[])
            .iter()
            .map(|&i| i as usize)
    }

    /// Clusters whose bubble point lies in `view`: the view's cells are looked up when they
    /// are fewer than the clusters, so the work follows the screen, not the data.
    pub fn in_view(&self, view: &BBox) -> Vec<usize> {
        let (lo, hi) = (key(view.min, self.cell), key(view.max, self.cell));
        let span = (i64::from(hi.0 - lo.0) + 1) * (i64::from(hi.1 - lo.1) + 1);
        if span > 0 && (span as usize) < self.clusters.len() {
            let mut out = Vec::new();
            for y in lo.1..=hi.1 {
                for x in lo.0..=hi.0 {
                    if let Some(&k) = self.cells.get(&(x, y))
                        && self
                            .clusters
                            .get(k as usize)
                            .is_some_and(|c| view.contains(c.pos))
                    {
                        out.push(k as usize);
                    }
                }
            }
            out
        } else {
            (0..self.clusters.len())
                .filter(|&k| self.clusters.get(k).is_some_and(|c| view.contains(c.pos)))
                .collect()
        }
    }

    /// Clusters in the cell of `p` and the eight around it: every bubble that can cover `p`
    /// (a bubble is smaller than a cell).
    pub fn near(&self, p: Rel) -> impl Iterator<Item = usize> + '_ {
        let (x, y) = key(p, self.cell);
        (-1..=1)
            .flat_map(move |dy| (-1..=1).map(move |dx| (x + dx, y + dy)))
            .filter_map(|k| self.cells.get(&k).map(|&i| i as usize))
    }
}

/// The clusters of one [`Visible`]: its marker places and a grid per level, each built when
/// first asked for.
#[derive(Debug, Default)]
pub struct ClusterIndex {
    /// The `Visible::generation` and atlas it was made for.
    key: Option<(u64, usize)>,
    /// Visible places with a marker (not areas).
    places: Vec<usize>,
    levels: Vec<OnceCell<Level>>,
}

impl ClusterIndex {
    /// An index over what `visible` shows in the atlas whose places are `geo`.
    pub fn new(geo: &GeoIndex, visible: &Visible) -> ClusterIndex {
        let places = visible
            .places
            .iter()
            .copied()
            .filter(|&i| geo.places.get(i).is_some_and(|g| !g.is_area))
            .collect();
        ClusterIndex {
            key: Some((visible.generation, geo as *const GeoIndex as usize)),
            places,
            levels: (MIN_LEVEL..=MAX_LEVEL).map(|_| OnceCell::new()).collect(),
        }
    }

    /// Builds again only when the visible places or the atlas changed.
    pub fn refresh(&mut self, geo: &GeoIndex, visible: &Visible) {
        if self.key != Some((visible.generation, geo as *const GeoIndex as usize)) {
            *self = ClusterIndex::new(geo, visible);
        }
    }

    /// Whether this many places cluster at all.
    pub fn active(&self) -> bool {
        self.places.len() > CLUSTER_ABOVE
    }

    /// The level a map at `zoom` uses (zooms between levels use the one below, as
    /// supercluster does).
    pub fn level_of(zoom: f64) -> u8 {
        let z = if zoom.is_finite() { zoom.floor() } else { 0.0 };
        z.clamp(f64::from(MIN_LEVEL), f64::from(MAX_LEVEL)) as u8
    }

    /// The grid of `level` (clamped to the levels there are), built on first use.
    pub fn level(&self, geo: &GeoIndex, level: u8) -> Option<&Level> {
        let l = level.clamp(MIN_LEVEL, MAX_LEVEL);
        let cell = CELL_PX / (256.0 * 2f32.powi(i32::from(l)));
        self.levels
            .get(usize::from(l - MIN_LEVEL))
            .map(|once| once.get_or_init(|| Level::build(&self.places, geo, cell)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::geo::{MarkerShape, PlaceGeo};

    fn geo(points: &[Rel]) -> GeoIndex {
        let mut g = GeoIndex::default();
        for (i, p) in points.iter().enumerate() {
            g.places.push(PlaceGeo {
                name: format!("p{i}").into(),
                pos: *p,
                radius: 4.0,
                shape: MarkerShape::Circle,
                colour: egui::Color32::RED,
                priority: i as f32,
                is_area: false,
            });
        }
        g
    }

    #[test]
    fn a_level_keeps_every_place_once_and_finds_it_by_cell() {
        let pts: Vec<Rel> = (0..1000)
            .map(|i| [0.5 + (i % 37) as f32 * 1e-4, 0.3 + (i % 91) as f32 * 7e-5])
            .collect();
        let g = geo(&pts);
        let places: Vec<usize> = (0..pts.len()).collect();
        let level = Level::build(&places, &g, 5e-4);
        let total: u32 = level.clusters.iter().map(|c| c.count).sum();
        assert_eq!(total, 1000);
        let mut seen: Vec<usize> = level
            .clusters
            .iter()
            .flat_map(|c| level.members(c))
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, places);
        for (k, c) in level.clusters.iter().enumerate() {
            assert!(level.near(c.pos).any(|n| n == k));
            assert!(level.members(c).all(|i| c.bounds.contains(pts[i])));
        }
        let all = BBox {
            min: [0.0, 0.0],
            max: [1.0, 1.0],
        };
        assert_eq!(level.in_view(&all).len(), level.clusters.len());
        let small = BBox {
            min: [0.5, 0.3],
            max: [0.5006, 0.3006],
        };
        let seen = level.in_view(&small);
        assert!(!seen.is_empty() && seen.len() < level.clusters.len());
        assert!(seen.iter().all(|&k| small.contains(level.clusters[k].pos)));
    }
}
