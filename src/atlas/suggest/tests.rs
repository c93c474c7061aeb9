use std::collections::BTreeSet;

use super::*;

#[test]
fn complements_are_distinct_known_pairs() {
    let mut seen = BTreeSet::new();
    for (a, b) in COMPLEMENTS {
        assert_ne!(a, b);
        assert!(seen.insert((a, b)), "{a}/{b} twice");
    }
}

#[test]
fn link_keys_need_two_ends() {
    assert!(linked(&[(1, 0)], &[(1, 1)]));
    assert!(!linked(&[(1, 0)], &[(1, 0)]));
    assert!(linked(&[(1, 0), (1, 2)], &[(1, 0)]));
    assert!(!linked(&[(1, 0)], &[(2, 1)]));
    assert!(!linked(&[], &[(2, 1)]));
}

/// The computation as it was: every pair of candidates, links expanded into id pairs.
mod reference {
    use std::collections::{BTreeSet, HashMap};

    use super::super::{COMPLEMENTS, MAX_SUGGESTIONS, MIN_SCORE, Suggestion};
    use crate::atlas::profile::is_profile_kind;
    use crate::model::{Dataset, PlaceKind};

    /// Pairs of ids a named cross-pollination already links. Each endpoint counts for what it
    /// covers: a place for itself, a region for its places that share a sector with the link (all
    /// of them when the link names no sector), "all sub-regions" for each sub-region.
    pub(super) fn named_pairs(d: &Dataset) -> BTreeSet<(String, String)> {
        let mut pairs = BTreeSet::new();
        for x in &d.cross_pollinations {
            let mut groups: Vec<Vec<&str>> = Vec::new();
            for e in x
                .endpoints
                .iter()
                .chain(&x.optional_endpoints)
                .chain(&x.via)
            {
                let mut group = vec![e.as_str()];
                if d.region(e).is_some() {
                    group.extend(
                        d.places
                            .iter()
                            .filter(|p| &p.region == e)
                            .filter(|p| {
                                x.sectors.is_empty()
                                    || p.sectors.iter().any(|s| x.sectors.contains(s))
                            })
                            .map(|p| p.id.as_str()),
                    );
                }
                groups.push(group);
            }
            if let Some(r) = &x.all_sub_regions_of {
                for p in d
                    .places
                    .iter()
                    .filter(|p| p.kind == PlaceKind::SubRegion && &p.region == r)
                {
                    groups.push(vec![p.id.as_str()]);
                }
            }
            for (i, ga) in groups.iter().enumerate() {
                for gb in &groups[i + 1..] {
                    for a in ga {
                        for b in gb {
                            if a != b {
                                pairs.insert((a.to_string(), b.to_string()));
                                pairs.insert((b.to_string(), a.to_string()));
                            }
                        }
                    }
                }
            }
        }
        pairs
    }

    pub(super) fn suggest(d: &Dataset) -> Vec<Suggestion> {
        let candidates: Vec<usize> = d
            .places
            .iter()
            .enumerate()
            .filter(|(_, p)| is_profile_kind(p.kind) && !p.sectors.is_empty())
            .map(|(i, _)| i)
            .collect();
        let n = candidates.len() as f32;
        let mut df: HashMap<&str, usize> = HashMap::new();
        for &i in &candidates {
            for s in &d.places[i].sectors {
                *df.entry(s.as_str()).or_default() += 1;
            }
        }
        let named = named_pairs(d);
        let linked = |a: &str, b: &str| named.contains(&(a.to_string(), b.to_string()));
        let mut out = Vec::new();
        for (k, &ia) in candidates.iter().enumerate() {
            for &ib in &candidates[k + 1..] {
                let (a, b) = (&d.places[ia], &d.places[ib]);
                let same_town = a.town.is_some() && a.town == b.town;
                let family = a.parent.as_deref() == Some(b.id.as_str())
                    || b.parent.as_deref() == Some(a.id.as_str());
                // Already named by a source: directly, or between their sub-regions.
                let up = |p: &crate::model::Place| p.parent.clone().unwrap_or_else(|| p.id.clone());
                let (ua, ub) = (up(a), up(b));
                let named = linked(&a.id, &b.id)
                    || linked(&ua, &ub)
                    || linked(&a.id, &ub)
                    || linked(&ua, &b.id);
                if same_town || family || named {
                    continue;
                }
                let sa: BTreeSet<&str> = a.sectors.iter().map(String::as_str).collect();
                let sb: BTreeSet<&str> = b.sectors.iter().map(String::as_str).collect();
                let shared: Vec<String> = sa.intersection(&sb).map(|s| s.to_string()).collect();
                let mut score: f32 = shared
                    .iter()
                    .map(|s| 0.5 + (n / df.get(s.as_str()).copied().unwrap_or(1) as f32).ln())
                    .sum();
                let anchors_b: BTreeSet<String> =
                    b.anchors.iter().map(|x| x.to_lowercase()).collect();
                let shared_anchors: Vec<String> = a
                    .anchors
                    .iter()
                    .filter(|x| anchors_b.contains(&x.to_lowercase()))
                    .cloned()
                    .collect();
                score += shared_anchors.len() as f32;
                let complements: Vec<(String, String)> = COMPLEMENTS
                    .iter()
                    // One side has one sector of the pair and not the other; the other side the
                    // reverse. A sector both share is counted as shared, not as complementary.
                    .filter(|(x, y)| {
                        let one_way = |p: &BTreeSet<&str>, q: &BTreeSet<&str>| {
                            p.contains(x) && !p.contains(y) && q.contains(y) && !q.contains(x)
                        };
                        one_way(&sa, &sb) || one_way(&sb, &sa)
                    })
                    .map(|(x, y)| (x.to_string(), y.to_string()))
                    .collect();
                score += (0.5 * complements.len() as f32).min(2.0);
                let cross_region = a.region != b.region;
                if cross_region {
                    score += 0.3;
                }
                if score >= MIN_SCORE && (!shared.is_empty() || !complements.is_empty()) {
                    out.push(Suggestion {
                        a: ia,
                        b: ib,
                        score,
                        shared_sectors: shared,
                        shared_anchors,
                        complements,
                        cross_region,
                    });
                }
            }
        }
        out.sort_by(|x, y| {
            y.score
                .total_cmp(&x.score)
                .then((x.a, x.b).cmp(&(y.a, y.b)))
        });
        out.truncate(MAX_SUGGESTIONS);
        out
    }
}

fn same(d: &Dataset) {
    let new = suggest(d);
    let old = reference::suggest(d);
    assert_eq!(new, old);
}

#[test]
fn the_atlas_gets_the_same_suggestions_as_from_every_pair() {
    let loaded = crate::model::load_embedded().expect("seeds");
    let s = Suggestions::new(&loaded.dataset);
    assert!(s.len() >= 5);
    let stats = s.stats().expect("computed");
    // Every bucket is whole for the atlas's few dozen profiles.
    assert!(stats.candidates < FULL_BUCKET);
    same(&loaded.dataset);
}

#[test]
fn small_generated_datasets_get_the_same_suggestions_as_from_every_pair() {
    for (n, seed) in [(400, 1), (900, 2), (1_200, 3)] {
        let loaded = crate::atlas::synthetic::generate(n, seed).expect("generate");
        let s = Suggestions::new(&loaded.dataset);
        assert!(!s.is_empty());
        same(&loaded.dataset);
    }
}
