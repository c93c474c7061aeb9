//! Cross-pollinations suggested by the data, beside the ones the sources name.
//!
//! A suggestion is a pair of profiles (a Zuid-Holland hotspot, an MRA sub-region or a northern
//! cluster) in different towns that no source links, scored by what they have in common:
//!
//! * each shared sector counts `0.5 + ln(N / n)`, where N is the number of candidates and n
//!   the number that have the sector, so a rare shared sector (quantum) weighs more than a
//!   common one (AI & digital);
//! * each shared anchor organisation counts 1;
//! * each pair of complementary sectors (one side has one, the other side the other, e.g.
//!   hydrogen and offshore energy) counts 0.5, at most 2;
//! * a pair across two regions gets 0.3 more, since linking regions is what the atlas is for.
//!
//! Only pairs scoring at least [`MIN_SCORE`] with at least one shared or complementary sector
//! are kept. Suggestions are computed, never source facts, and the UI always says so.

use std::collections::{BTreeSet, HashMap};

use crate::model::{Dataset, Lang, PlaceKind};

use super::profile::is_profile_kind;

pub const MIN_SCORE: f32 = 2.0;
pub const MAX_SUGGESTIONS: usize = 40;

/// Sector pairs that form a chain: what one side makes or knows, the other uses.
pub const COMPLEMENTS: &[(&str, &str)] = &[
    ("hydrogen", "energy"),
    ("hydrogen", "maritime-offshore"),
    ("hydrogen", "chemistry"),
    ("energy", "maritime-offshore"),
    ("additive-manufacturing", "high-tech-manufacturing"),
    ("robotics", "high-tech-manufacturing"),
    ("robotics", "horticulture"),
    ("robotics", "ai-digital"),
    ("ai-digital", "life-sciences-health"),
    ("ai-digital", "media"),
    ("space", "ai-digital"),
    ("space", "defence-security"),
    ("quantum", "space"),
    ("quantum", "ai-digital"),
    ("drones", "defence-security"),
    ("drones", "aviation-mobility"),
    ("circular-economy", "chemistry"),
    ("circular-economy", "construction"),
    ("water-technology", "circular-economy"),
    ("horticulture", "food"),
    ("food", "logistics"),
    ("logistics", "maritime-offshore"),
    ("education-talent", "high-tech-manufacturing"),
];

#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Place indices of the two profiles.
    pub a: usize,
    pub b: usize,
    pub score: f32,
    pub shared_sectors: Vec<String>,
    pub shared_anchors: Vec<String>,
    pub complements: Vec<(String, String)>,
    pub cross_region: bool,
}

impl Suggestion {
    /// Why the pair is suggested, in plain words.
    pub fn explain(&self, d: &Dataset, lang: Lang) -> String {
        let label = |s: &str| {
            d.sector(s)
                .map_or(s.to_string(), |x| x.label.get(lang).to_string())
        };
        let join = |items: Vec<String>| -> String {
            let and = if lang == Lang::Nl { " en " } else { " and " };
            match items.len() {
                0 => String::new(),
                1 => items[0].clone(),
                n => format!("{}{and}{}", items[..n - 1].join(", "), items[n - 1]),
            }
        };
        let mut parts = Vec::new();
        if !self.shared_sectors.is_empty() {
            let s = join(self.shared_sectors.iter().map(|s| label(s)).collect());
            parts.push(match lang {
                Lang::Nl => format!("deelt {s}"),
                Lang::En => format!("shares {s}"),
            });
        }
        if !self.shared_anchors.is_empty() {
            let n = self.shared_anchors.len();
            let names = self.shared_anchors.join(", ");
            parts.push(match (lang, n) {
                (Lang::Nl, 1) => format!("1 anker gemeen ({names})"),
                (Lang::Nl, _) => format!("{n} ankers gemeen ({names})"),
                (Lang::En, 1) => format!("1 anchor in common ({names})"),
                (Lang::En, _) => format!("{n} anchors in common ({names})"),
            });
        }
        if !self.complements.is_empty() {
            let pairs = join(
                self.complements
                    .iter()
                    .map(|(x, y)| format!("{} + {}", label(x), label(y)))
                    .collect(),
            );
            parts.push(match lang {
                Lang::Nl => format!("vult aan: {pairs}"),
                Lang::En => format!("complementary: {pairs}"),
            });
        }
        if self.cross_region {
            parts.push(match lang {
                Lang::Nl => "over de regiogrens".to_string(),
                Lang::En => "across regions".to_string(),
            });
        }
        format!("{} — score {:.1}", parts.join("; "), self.score)
    }
}

/// Pairs of ids a named cross-pollination already links. Each endpoint counts for what it
/// covers: a place for itself, a region for its places that share a sector with the link (all
/// of them when the link names no sector), "all sub-regions" for each sub-region.
fn named_pairs(d: &Dataset) -> BTreeSet<(String, String)> {
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
                            x.sectors.is_empty() || p.sectors.iter().any(|s| x.sectors.contains(s))
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

pub fn suggest(d: &Dataset) -> Vec<Suggestion> {
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
            let anchors_b: BTreeSet<String> = b.anchors.iter().map(|x| x.to_lowercase()).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complements_are_distinct_known_pairs() {
        let mut seen = BTreeSet::new();
        for (a, b) in COMPLEMENTS {
            assert_ne!(a, b);
            assert!(seen.insert((a, b)), "{a}/{b} twice");
        }
    }
}
