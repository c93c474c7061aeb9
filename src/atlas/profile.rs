//! Profiles for comparison: a place or a whole region with the sectors of everything in it,
//! and the sector overlap between profiles.
//!
//! Region profiles and the sub-region overlap are built with the atlas; the profile of a
//! place is made the first time it is asked for (most of 100,000 places are never compared)
//! from typed tables, and kept.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

use super::ids::{FastMap, Rows, SectorId};
use crate::model::{Dataset, PlaceKind, RegionKind};

/// What can be compared: a place (with what lies in it) or a whole region.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// Place or region id.
    pub id: String,
    pub is_region: bool,
    /// Sector id → number of places in the profile (the place itself and everything under
    /// it, or every place of the region) that have the sector.
    pub sector_counts: BTreeMap<String, usize>,
    /// Place indices the profile covers (itself first for a place).
    pub places: Vec<usize>,
}

impl Profile {
    pub fn sectors(&self) -> BTreeSet<&str> {
        self.sector_counts.keys().map(String::as_str).collect()
    }
}

/// Kinds of place that are offered as profiles to compare.
pub fn is_profile_kind(kind: PlaceKind) -> bool {
    matches!(
        kind,
        PlaceKind::Hotspot | PlaceKind::SubRegion | PlaceKind::Cluster
    )
}

/// Jaccard overlap of two sector sets: shared / in either (0 when both are empty).
pub fn jaccard(a: &BTreeSet<&str>, b: &BTreeSet<&str>) -> f32 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f32 / union as f32
}

/// The typed tables a place profile is made from (shared with the atlas).
#[derive(Debug, Clone, Default)]
pub struct Tables {
    /// Place id → index.
    pub index: Arc<FastMap<String, usize>>,
    /// Children of each place, by index.
    pub children: Arc<Rows<usize>>,
    /// Sectors of each place, by index (unknown sector ids left out).
    pub sectors: Arc<Rows<SectorId>>,
    /// Sector id strings by [`SectorId`].
    pub sector_names: Arc<[String]>,
}

#[derive(Debug, Default)]
pub struct Profiles {
    regions: FastMap<String, Profile>,
    tables: Tables,
    /// One per place, made on first use.
    places: Vec<OnceLock<Profile>>,
    /// Ids of the profiles offered in the picker, grouped: regions, then per region its
    /// sub-regions, hotspots and clusters.
    pub offered: Vec<String>,
    /// The sub-regions, in dataset order, and their pairwise sector overlap (for the chart).
    pub sub_region_ids: Vec<String>,
    pub sub_region_overlap: Vec<Vec<f32>>,
}

fn counts(tables: &Tables, places: &[usize]) -> BTreeMap<String, usize> {
    let mut per_sector = vec![0usize; tables.sector_names.len()];
    for &i in places {
        for s in tables.sectors.row(i) {
            if let Some(c) = per_sector.get_mut(s.index()) {
                *c += 1;
            }
        }
    }
    per_sector
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .filter_map(|(s, n)| Some((tables.sector_names.get(s)?.clone(), *n)))
        .collect()
}

impl Profiles {
    pub fn new(d: &Dataset, tables: Tables) -> Profiles {
        let mut regions = FastMap::default();
        let mut offered = Vec::new();
        let atlas_regions: Vec<&str> = d
            .regions
            .iter()
            .filter(|r| r.kind == RegionKind::Atlas)
            .map(|r| r.id.as_str())
            .collect();
        let mut in_region: FastMap<&str, Vec<usize>> =
            atlas_regions.iter().map(|r| (*r, Vec::new())).collect();
        for (i, p) in d.places.iter().enumerate() {
            if let Some(list) = in_region.get_mut(p.region.as_str()) {
                list.push(i);
            }
        }
        for r in atlas_regions {
            let places = in_region.remove(r).unwrap_or_default();
            offered.push(r.to_string());
            regions.insert(
                r.to_string(),
                Profile {
                    id: r.to_string(),
                    is_region: true,
                    sector_counts: counts(&tables, &places),
                    places,
                },
            );
        }
        offered.extend(
            d.places
                .iter()
                .filter(|p| is_profile_kind(p.kind))
                .map(|p| p.id.clone()),
        );
        let sub_region_ids: Vec<String> = d
            .places
            .iter()
            .filter(|p| p.kind == PlaceKind::SubRegion)
            .map(|p| p.id.clone())
            .collect();
        let mut profiles = Profiles {
            regions,
            places: (0..d.places.len()).map(|_| OnceLock::new()).collect(),
            tables,
            offered,
            sub_region_ids,
            sub_region_overlap: Vec::new(),
        };
        profiles.sub_region_overlap = profiles.overlap_matrix(&profiles.sub_region_ids);
        profiles
    }

    /// The profile of a region or place id.
    pub fn get(&self, id: &str) -> Option<&Profile> {
        if let Some(r) = self.regions.get(id) {
            return Some(r);
        }
        let &i = self.tables.index.get(id)?;
        let cell = self.places.get(i)?;
        Some(cell.get_or_init(|| self.place_profile(id, i)))
    }

    /// The place and all its descendants.
    fn place_profile(&self, id: &str, i: usize) -> Profile {
        let mut places = vec![i];
        let mut seen: BTreeSet<usize> = BTreeSet::from([i]);
        let mut k = 0;
        while let Some(&at) = places.get(k) {
            // Validation rejects parent cycles; `seen` keeps this finite regardless.
            for &child in self.tables.children.row(at) {
                if seen.insert(child) {
                    places.push(child);
                }
            }
            k += 1;
        }
        Profile {
            id: id.to_string(),
            is_region: false,
            sector_counts: counts(&self.tables, &places),
            places,
        }
    }

    /// Sector overlap (Jaccard) between every pair of `ids`, row by row.
    pub fn overlap_matrix(&self, ids: &[String]) -> Vec<Vec<f32>> {
        let sets: Vec<BTreeSet<&str>> = ids
            .iter()
            .map(|id| self.get(id).map(Profile::sectors).unwrap_or_default())
            .collect();
        sets.iter()
            .map(|a| sets.iter().map(|b| jaccard(a, b)).collect())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaccard_counts_shared_over_union() {
        let a: BTreeSet<&str> = ["hydrogen", "energy"].into();
        let b: BTreeSet<&str> = ["hydrogen", "food", "energy", "media"].into();
        assert!((jaccard(&a, &b) - 0.5).abs() < 1e-6);
        assert_eq!(jaccard(&BTreeSet::new(), &BTreeSet::new()), 0.0);
    }
}
