//! Profiles for comparison: a place or a whole region with the sectors of everything in it,
//! and the sector overlap between profiles. Built once per dataset.

use std::collections::{BTreeMap, BTreeSet, HashMap};

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

#[derive(Debug, Default)]
pub struct Profiles {
    by_id: HashMap<String, Profile>,
    /// Ids of the profiles offered in the picker, grouped: regions, then per region its
    /// sub-regions, hotspots and clusters.
    pub offered: Vec<String>,
    /// The sub-regions, in dataset order, and their pairwise sector overlap (for the chart).
    pub sub_region_ids: Vec<String>,
    pub sub_region_overlap: Vec<Vec<f32>>,
}

impl Profiles {
    /// `children` maps a place id to the indices of the places whose parent it is (the
    /// index [`super::Atlas`] keeps).
    pub fn new(d: &Dataset, children: &HashMap<String, Vec<usize>>) -> Profiles {
        let count = |places: &[usize]| {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for &i in places {
                if let Some(p) = d.places.get(i) {
                    for s in &p.sectors {
                        *counts.entry(s.clone()).or_default() += 1;
                    }
                }
            }
            counts
        };
        let mut by_id = HashMap::new();
        let mut offered = Vec::new();
        for r in d.regions.iter().filter(|r| r.kind == RegionKind::Atlas) {
            let places: Vec<usize> = d
                .places
                .iter()
                .enumerate()
                .filter(|(_, p)| p.region == r.id)
                .map(|(i, _)| i)
                .collect();
            offered.push(r.id.clone());
            by_id.insert(
                r.id.clone(),
                Profile {
                    id: r.id.clone(),
                    is_region: true,
                    sector_counts: count(&places),
                    places,
                },
            );
        }
        for (i, p) in d.places.iter().enumerate() {
            // The place and all its descendants.
            let mut places = vec![i];
            let mut seen: BTreeSet<usize> = BTreeSet::from([i]);
            let mut k = 0;
            while let Some(&at) = places.get(k) {
                // Validation rejects parent cycles; `seen` keeps this finite regardless.
                let kids = d.places.get(at).and_then(|p| children.get(&p.id));
                for &child in kids.into_iter().flatten() {
                    if seen.insert(child) {
                        places.push(child);
                    }
                }
                k += 1;
            }
            if is_profile_kind(p.kind) {
                offered.push(p.id.clone());
            }
            by_id.insert(
                p.id.clone(),
                Profile {
                    id: p.id.clone(),
                    is_region: false,
                    sector_counts: count(&places),
                    places,
                },
            );
        }
        let sub_region_ids: Vec<String> = d
            .places
            .iter()
            .filter(|p| p.kind == PlaceKind::SubRegion)
            .map(|p| p.id.clone())
            .collect();
        let mut profiles = Profiles {
            by_id,
            offered,
            sub_region_ids,
            sub_region_overlap: Vec::new(),
        };
        profiles.sub_region_overlap = profiles.overlap_matrix(&profiles.sub_region_ids);
        profiles
    }

    pub fn get(&self, id: &str) -> Option<&Profile> {
        self.by_id.get(id)
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
