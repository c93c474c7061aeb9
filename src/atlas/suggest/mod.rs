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
//!
//! **Bounded work.** A pair without a shared or complementary sector is never kept, so only
//! pairs that meet in a sector bucket are scored: for each candidate, the candidates that
//! share one of its sectors or have a complement of one. A bucket of at most
//! [`FULL_BUCKET`] candidates is taken whole (so the atlas's own few dozen profiles are
//! scored exactly as "every pair"); from a larger one a candidate scores the [`WINDOW`]
//! candidates nearest to it in the bucket's order, which keeps candidates with the same
//! sectors together. So the work grows linearly with the candidates, whatever the data.
//! Named links are not expanded into pairs of places either: each candidate (and its parent)
//! gets the list of (link, end) keys it belongs to, and a pair is named when the two lists
//! share a link through two different ends.

use std::collections::BinaryHeap;
use std::sync::OnceLock;

use crate::model::{Dataset, Lang, PlaceKind};

use super::ids::{FastMap, Progress, Rows};
use super::profile::is_profile_kind;

/// A bucket this small is paired whole; larger ones through a window.
pub const FULL_BUCKET: usize = 128;
/// Partners a candidate scores in each larger bucket (half before it, half after).
pub const WINDOW: usize = 64;

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

const _: () = assert!(COMPLEMENTS.len() <= 64, "complement sets are 64-bit masks");

/// Work done computing suggestions, for tests that bound it (no timing involved).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SuggestStats {
    /// Profiles with at least one sector.
    pub candidates: usize,
    /// Pairs scored (each at most twice, once from each side).
    pub pairs_scored: usize,
    /// Bucket members looked at, including repeats skipped before scoring.
    pub partners_seen: usize,
    /// (link, end) keys of named links held for the candidates and their parents.
    pub link_keys: usize,
}

/// What suggestions are computed from: the candidates with typed ids, taken from the dataset
/// in one linear pass so the (longer) computation needs no dataset and can run on another
/// thread.
#[derive(Debug, Default)]
struct Input {
    /// Place index per candidate, in dataset order.
    place: Vec<u32>,
    /// Parent place index, `u32::MAX` when none or unknown.
    parent: Vec<u32>,
    town: Vec<Option<u32>>,
    region: Vec<u32>,
    /// Sector ranks (by id, so in the order the old string sets had them), sorted, unique.
    sectors: Rows<u16>,
    /// Lower-cased anchor ids in the candidate's order (repeats kept).
    anchors: Rows<u32>,
    /// The same, sorted and unique, for lookups.
    anchor_set: Rows<u32>,
    /// The anchors as written, for the explanation.
    anchor_text: Rows<String>,
    /// Complement pairs where the candidate has the first sector and not the second (bit k
    /// for `COMPLEMENTS[k]`), and the reverse.
    first_only: Vec<u64>,
    second_only: Vec<u64>,
    /// Named-link keys (link index, end index) of the candidate and of its parent, sorted.
    keys: Rows<(u32, u32)>,
    parent_keys: Rows<(u32, u32)>,
    /// Sector id strings by rank; weight `0.5 + ln(N / n)` by rank.
    sector_names: Vec<String>,
    weight: Vec<f32>,
    /// Per sector rank: the candidates that have it, in bucket order.
    buckets: Rows<u32>,
    /// Per complement pair: ranks of its two sectors (when both occur).
    complement_ranks: Vec<Option<(u16, u16)>>,
}

/// The named-link keys of places: which end of which cross-pollination covers a place.
struct LinkKeys<'a> {
    d: &'a Dataset,
    /// Place id → (link, end) for ends that name the place.
    direct: FastMap<&'a str, Vec<(u32, u32)>>,
    /// Region id → (link, end) for ends that name the region.
    region_ends: FastMap<&'a str, Vec<(u32, u32)>>,
    /// Region id → links that concern all its sub-regions, with their number of ends.
    all_sub_regions: FastMap<&'a str, Vec<(u32, u32)>>,
}

impl<'a> LinkKeys<'a> {
    fn new(d: &'a Dataset) -> Self {
        let regions: FastMap<&str, ()> = d.regions.iter().map(|r| (r.id.as_str(), ())).collect();
        let mut keys = LinkKeys {
            d,
            direct: FastMap::default(),
            region_ends: FastMap::default(),
            all_sub_regions: FastMap::default(),
        };
        for (x, link) in d.cross_pollinations.iter().enumerate() {
            let x = x as u32;
            let ends = link
                .endpoints
                .iter()
                .chain(&link.optional_endpoints)
                .chain(&link.via);
            let mut n = 0u32;
            for (g, e) in ends.enumerate() {
                let key = (x, g as u32);
                if regions.contains_key(e.as_str()) {
                    keys.region_ends.entry(e.as_str()).or_default().push(key);
                } else {
                    keys.direct.entry(e.as_str()).or_default().push(key);
                }
                n = g as u32 + 1;
            }
            if let Some(r) = &link.all_sub_regions_of {
                keys.all_sub_regions
                    .entry(r.as_str())
                    .or_default()
                    .push((x, n));
            }
        }
        keys
    }

    /// The sorted keys of place `i`: an end names it, or names its region and shares a
    /// sector with the link (or the link names none), or the link concerns all sub-regions
    /// of its region and it is one (each sub-region its own end).
    fn of(&self, i: usize) -> Vec<(u32, u32)> {
        let Some(p) = self.d.places.get(i) else {
            return Vec::new();
        };
        let mut out: Vec<(u32, u32)> = self
            .direct
            .get(p.id.as_str())
            .map_or(Vec::new(), Clone::clone);
        for &(x, g) in self
            .region_ends
            .get(p.region.as_str())
            .into_iter()
            .flatten()
        {
            let link = &self.d.cross_pollinations[x as usize];
            if link.sectors.is_empty() || p.sectors.iter().any(|s| link.sectors.contains(s)) {
                out.push((x, g));
            }
        }
        if p.kind == PlaceKind::SubRegion {
            for &(x, n) in self
                .all_sub_regions
                .get(p.region.as_str())
                .into_iter()
                .flatten()
            {
                out.push((x, n.saturating_add(i as u32)));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Whether two key lists share a link through two different ends.
fn linked(a: &[(u32, u32)], b: &[(u32, u32)]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (xa, xb) = (a[i].0, b[j].0);
        if xa < xb {
            i += 1;
        } else if xb < xa {
            j += 1;
        } else {
            let ea = a[i..].iter().take_while(|k| k.0 == xa).count();
            let eb = b[j..].iter().take_while(|k| k.0 == xa).count();
            if ea > 1 || eb > 1 || a[i].1 != b[j].1 {
                return true;
            }
            i += ea;
            j += eb;
        }
    }
    false
}

/// Shared items of two sorted lists, in order.
fn shared_sorted<'x, T: Ord + Copy>(a: &'x [T], b: &'x [T]) -> impl Iterator<Item = T> + 'x {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(a[i - 1]);
                }
            }
        }
        None
    })
}

impl Input {
    fn new(d: &Dataset, index: &FastMap<String, usize>) -> Input {
        let candidates: Vec<usize> = d
            .places
            .iter()
            .enumerate()
            .filter(|(_, p)| is_profile_kind(p.kind) && !p.sectors.is_empty())
            .map(|(i, _)| i)
            .collect();
        // Sector ranks: every sector string a candidate names, sorted.
        let mut names: Vec<&str> = candidates
            .iter()
            .flat_map(|&i| d.places[i].sectors.iter().map(String::as_str))
            .collect();
        names.sort_unstable();
        names.dedup();
        let rank: FastMap<&str, u16> = names
            .iter()
            .enumerate()
            .map(|(r, s)| (*s, u16::try_from(r).unwrap_or(u16::MAX)))
            .collect();
        let n = candidates.len() as f32;
        let mut df = vec![0usize; names.len()];
        for &i in &candidates {
            for s in &d.places[i].sectors {
                if let Some(&r) = rank.get(s.as_str()) {
                    df[usize::from(r)] += 1;
                }
            }
        }
        let weight: Vec<f32> = df
            .iter()
            .map(|&k| 0.5 + (n / k.max(1) as f32).ln())
            .collect();
        let complement_ranks: Vec<Option<(u16, u16)>> = COMPLEMENTS
            .iter()
            .map(|(x, y)| Some((*rank.get(x)?, *rank.get(y)?)))
            .collect();
        let mut towns: FastMap<&str, u32> = FastMap::default();
        let mut regions: FastMap<&str, u32> = FastMap::default();
        let mut anchor_ids: FastMap<String, u32> = FastMap::default();
        let keys = LinkKeys::new(d);
        let mut input = Input {
            sector_names: names.iter().map(|s| s.to_string()).collect(),
            weight,
            complement_ranks,
            ..Input::default()
        };
        let mut by_sector: Vec<(usize, u32)> = Vec::new();
        for (c, &i) in candidates.iter().enumerate() {
            let p = &d.places[i];
            input.place.push(i as u32);
            let parent = p.parent.as_deref().and_then(|id| index.get(id).copied());
            input.parent.push(parent.map_or(u32::MAX, |q| q as u32));
            let next = towns.len() as u32;
            input
                .town
                .push(p.town.as_deref().map(|t| *towns.entry(t).or_insert(next)));
            let next = regions.len() as u32;
            input
                .region
                .push(*regions.entry(p.region.as_str()).or_insert(next));
            let mut own: Vec<u16> = p
                .sectors
                .iter()
                .filter_map(|s| rank.get(s.as_str()).copied())
                .collect();
            own.sort_unstable();
            own.dedup();
            let (mut first, mut second) = (0u64, 0u64);
            for (k, pair) in input.complement_ranks.iter().enumerate() {
                if let Some((x, y)) = pair {
                    let (hx, hy) = (own.binary_search(x).is_ok(), own.binary_search(y).is_ok());
                    if hx && !hy {
                        first |= 1 << k;
                    }
                    if hy && !hx {
                        second |= 1 << k;
                    }
                }
            }
            input.first_only.push(first);
            input.second_only.push(second);
            for &s in &own {
                by_sector.push((usize::from(s), c as u32));
            }
            input.sectors.push_row(own);
            let lower: Vec<u32> = p
                .anchors
                .iter()
                .map(|a| {
                    let next = anchor_ids.len() as u32;
                    *anchor_ids.entry(a.to_lowercase()).or_insert(next)
                })
                .collect();
            let mut set = lower.clone();
            set.sort_unstable();
            set.dedup();
            input.anchors.push_row(lower);
            input.anchor_set.push_row(set);
            input.anchor_text.push_row(p.anchors.iter().cloned());
            input.keys.push_row(keys.of(i));
            input
                .parent_keys
                .push_row(parent.map_or_else(Vec::new, |q| keys.of(q)));
        }
        // Buckets in an order that keeps candidates with the same sectors (then region)
        // together, so a window holds the most alike.
        let mut buckets = Rows::group(names.len(), &by_sector);
        let mut sorted: Rows<u32> = Rows::with_capacity(names.len(), by_sector.len());
        for s in 0..buckets.len() {
            let mut row = buckets.row(s).to_vec();
            row.sort_by(|&a, &b| input.order(a, b));
            sorted.push_row(row);
        }
        buckets = sorted;
        input.buckets = buckets;
        input
    }

    fn len(&self) -> usize {
        self.place.len()
    }

    /// Bucket order: sectors, then region, then dataset order.
    fn order(&self, a: u32, b: u32) -> std::cmp::Ordering {
        let (a, b) = (a as usize, b as usize);
        self.sectors
            .row(a)
            .cmp(self.sectors.row(b))
            .then(self.region[a].cmp(&self.region[b]))
            .then(a.cmp(&b))
    }

    /// The score of candidates `a < b` when it is high enough and they have a sector or a
    /// complement in common ([`Input::excluded`] is checked apart: it costs more).
    fn score(&self, a: usize, b: usize) -> Option<f32> {
        let (sa, sb) = (self.sectors.row(a), self.sectors.row(b));
        let complements =
            (self.first_only[a] & self.second_only[b]) | (self.first_only[b] & self.second_only[a]);
        let mut shared = shared_sorted(sa, sb).peekable();
        let any_shared = shared.peek().is_some();
        if !any_shared && complements == 0 {
            return None;
        }
        let mut score: f32 = shared.map(|s| self.weight[usize::from(s)]).sum();
        let set_b = self.anchor_set.row(b);
        let anchors = self
            .anchors
            .row(a)
            .iter()
            .filter(|x| set_b.binary_search(x).is_ok())
            .count();
        score += anchors as f32;
        score += (0.5 * complements.count_ones() as f32).min(2.0);
        if self.region[a] != self.region[b] {
            score += 0.3;
        }
        (score >= MIN_SCORE).then_some(score)
    }

    /// Pairs never suggested: in one town, one inside the other, or already linked by a
    /// source.
    fn excluded(&self, a: usize, b: usize) -> bool {
        if self.town[a].is_some() && self.town[a] == self.town[b] {
            return true;
        }
        let (pa, pb) = (self.place[a], self.place[b]);
        self.parent[a] == pb || self.parent[b] == pa || self.named(a, b)
    }

    /// Whether a source already links the pair: directly, through their parents, or one to
    /// the other's parent.
    fn named(&self, a: usize, b: usize) -> bool {
        let (ka, kb) = (self.keys.row(a), self.keys.row(b));
        let has_up = |c: usize| self.parent[c] != u32::MAX;
        let (ua, ub) = (
            if has_up(a) {
                self.parent_keys.row(a)
            } else {
                ka
            },
            if has_up(b) {
                self.parent_keys.row(b)
            } else {
                kb
            },
        );
        let (pa, pb) = (self.parent_or_self(a), self.parent_or_self(b));
        let (ia, ib) = (self.place[a], self.place[b]);
        (ia != ib && linked(ka, kb))
            || (pa != pb && linked(ua, ub))
            || (ia != pb && linked(ka, ub))
            || (pa != ib && linked(ua, kb))
    }

    fn parent_or_self(&self, c: usize) -> u32 {
        if self.parent[c] == u32::MAX {
            self.place[c]
        } else {
            self.parent[c]
        }
    }

    /// The suggestion for a pair that scored, with its explanation.
    fn suggestion(&self, a: usize, b: usize, score: f32) -> Suggestion {
        let (sa, sb) = (self.sectors.row(a), self.sectors.row(b));
        let shared_sectors = shared_sorted(sa, sb)
            .map(|s| self.sector_names[usize::from(s)].clone())
            .collect();
        let set_b = self.anchor_set.row(b);
        let shared_anchors = self
            .anchors
            .row(a)
            .iter()
            .zip(self.anchor_text.row(a))
            .filter(|(x, _)| set_b.binary_search(x).is_ok())
            .map(|(_, t)| t.clone())
            .collect();
        let bits =
            (self.first_only[a] & self.second_only[b]) | (self.first_only[b] & self.second_only[a]);
        let complements = COMPLEMENTS
            .iter()
            .enumerate()
            .filter(|(k, _)| bits & (1 << k) != 0)
            .map(|(_, (x, y))| (x.to_string(), y.to_string()))
            .collect();
        Suggestion {
            a: self.place[a] as usize,
            b: self.place[b] as usize,
            score,
            shared_sectors,
            shared_anchors,
            complements,
            cross_region: self.region[a] != self.region[b],
        }
    }

    /// The buckets candidate `c` looks for partners in: its sectors' and those of the
    /// complements of its sectors.
    fn buckets_of(&self, c: usize) -> Vec<u16> {
        let mut out: Vec<u16> = self.sectors.row(c).to_vec();
        for (k, pair) in self.complement_ranks.iter().enumerate() {
            if let Some((x, y)) = pair {
                if self.first_only[c] & (1 << k) != 0 {
                    out.push(*y);
                }
                if self.second_only[c] & (1 << k) != 0 {
                    out.push(*x);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    fn compute(&self, progress: &Progress) -> (Vec<Suggestion>, SuggestStats) {
        let n = self.len();
        progress.start(n);
        let mut stats = SuggestStats {
            candidates: n,
            link_keys: self.keys.items().len() + self.parent_keys.items().len(),
            ..SuggestStats::default()
        };
        let mut best: BinaryHeap<Ranked> = BinaryHeap::new();
        let mut seen = vec![u32::MAX; n];
        for a in 0..n {
            if a % 256 == 0 {
                progress.set(a);
            }
            seen[a] = a as u32;
            for s in self.buckets_of(a) {
                let bucket = self.buckets.row(usize::from(s));
                let len = bucket.len();
                // The whole bucket, or the window around where `a` sits (or would) in it.
                let (from, count) = if len <= FULL_BUCKET {
                    (0, len)
                } else {
                    let at = bucket.partition_point(|&m| self.order(m, a as u32).is_lt());
                    (at + len - WINDOW / 2, WINDOW + 1)
                };
                for k in 0..count {
                    let m = bucket[(from + k) % len];
                    stats.partners_seen += 1;
                    let m = m as usize;
                    if seen[m] == a as u32 {
                        continue;
                    }
                    seen[m] = a as u32;
                    let (x, y) = if a < m { (a, m) } else { (m, a) };
                    stats.pairs_scored += 1;
                    if let Some(score) = self.score(x, y) {
                        let r = Ranked { score, a: x, b: y };
                        if wanted(&best, &r) && !self.excluded(x, y) {
                            offer(&mut best, r);
                        }
                    }
                }
            }
        }
        let mut kept = best.into_vec();
        kept.sort();
        let out = kept
            .into_iter()
            .map(|r| self.suggestion(r.a, r.b, r.score))
            .collect();
        progress.finish();
        (out, stats)
    }
}

/// A scored pair, ordered best first: higher score, then lower place indices.
#[derive(Debug, Clone, Copy)]
struct Ranked {
    score: f32,
    a: usize,
    b: usize,
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then((self.a, self.b).cmp(&(other.a, other.b)))
    }
}

/// Whether a pair would be among the best [`MAX_SUGGESTIONS`] kept so far (and is not kept
/// already).
fn wanted(best: &BinaryHeap<Ranked>, r: &Ranked) -> bool {
    let worse_than_all = best.len() >= MAX_SUGGESTIONS && best.peek().is_some_and(|w| r >= w);
    let kept = best.iter().any(|k| k.a == r.a && k.b == r.b);
    !worse_than_all && !kept
}

/// Keeps the best [`MAX_SUGGESTIONS`] in a heap whose top is the worst kept.
fn offer(best: &mut BinaryHeap<Ranked>, r: Ranked) {
    if !wanted(best, &r) {
        return;
    }
    best.push(r);
    if best.len() > MAX_SUGGESTIONS {
        best.pop();
    }
}

/// The suggestions of a dataset, computed on first use (or by a background thread, see
/// [`super::Atlas::build_background`]); dereferences to the ranked list.
///
/// Dereferencing blocks until the list is there: it computes it on the calling thread when
/// nobody has started, and waits when another thread is computing it. [`Suggestions::ready`]
/// never blocks.
#[derive(Debug)]
pub struct Suggestions {
    input: Input,
    done: OnceLock<(Vec<Suggestion>, SuggestStats)>,
    progress: Progress,
}

impl Suggestions {
    /// Takes what the computation needs from the dataset (one linear pass); computes nothing.
    pub fn new(d: &Dataset) -> Suggestions {
        let index: FastMap<String, usize> = d
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        Suggestions::with_index(d, &index)
    }

    /// [`Suggestions::new`] with the atlas's index of place ids.
    pub fn with_index(d: &Dataset, index: &FastMap<String, usize>) -> Suggestions {
        Suggestions {
            input: Input::new(d, index),
            done: OnceLock::new(),
            progress: Progress::default(),
        }
    }

    /// The ranked list, computing it now if nobody has.
    pub fn build(&self) -> &[Suggestion] {
        &self
            .done
            .get_or_init(|| self.input.compute(&self.progress))
            .0
    }

    /// The ranked list if it is computed; never blocks.
    pub fn ready(&self) -> Option<&[Suggestion]> {
        self.done.get().map(|(s, _)| s.as_slice())
    }

    pub fn is_ready(&self) -> bool {
        self.done.get().is_some()
    }

    /// From 0 to 1 while computing; 1 when done.
    pub fn progress(&self) -> f32 {
        if self.is_ready() {
            1.0
        } else {
            self.progress.fraction()
        }
    }

    /// The work the computation did (once computed).
    pub fn stats(&self) -> Option<SuggestStats> {
        self.done.get().map(|(_, s)| *s)
    }
}

impl std::ops::Deref for Suggestions {
    type Target = [Suggestion];

    fn deref(&self) -> &[Suggestion] {
        self.build()
    }
}

impl<'a> IntoIterator for &'a Suggestions {
    type Item = &'a Suggestion;
    type IntoIter = std::slice::Iter<'a, Suggestion>;

    fn into_iter(self) -> Self::IntoIter {
        self.build().iter()
    }
}

/// The ranked suggestions of a dataset, computed now.
pub fn suggest(d: &Dataset) -> Vec<Suggestion> {
    Suggestions::new(d).build().to_vec()
}

#[cfg(test)]
mod tests;
