//! The towns of the basemap's gazetteer (1,573 Dutch places) as search results, so a user
//! can fly the map to "Zoetermeer" as in any map's search box, whether or not a place of
//! the atlas lies there.

use std::sync::OnceLock;

use super::fold;
use crate::basemap::lonlat;

/// A town whose name matches the query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TownHit {
    /// Index into [`lonlat::towns`].
    pub town: usize,
    /// The folded name equals the query (not only starts with it).
    pub exact: bool,
}

/// The towns' folded names, in gazetteer order, each with how many towns share it; worked
/// out once, so a result row does not compare its name with every town each frame.
fn folded() -> &'static [(String, usize)] {
    static FOLDED: OnceLock<Vec<(String, usize)>> = OnceLock::new();
    FOLDED.get_or_init(|| {
        let names: Vec<String> = lonlat::towns().iter().map(|t| fold(&t.name)).collect();
        let mut counts: std::collections::HashMap<&str, usize> = Default::default();
        for n in &names {
            *counts.entry(n.as_str()).or_default() += 1;
        }
        names
            .iter()
            .map(|n| (n.clone(), counts.get(n.as_str()).copied().unwrap_or(1)))
            .collect()
    })
}

/// Towns whose name equals or starts with `query` (at least three letters), exact ones
/// first, then the most populous; at most `limit`. A scan of 1,573 short names costs
/// microseconds, far below a keystroke's budget, so no index is kept.
pub fn towns_matching(query: &str, limit: usize) -> Vec<TownHit> {
    let q = fold(query);
    if q.chars().count() < 3 {
        return Vec::new();
    }
    let towns = lonlat::towns();
    let mut hits: Vec<TownHit> = folded()
        .iter()
        .enumerate()
        .filter(|(_, (name, _))| name.starts_with(&q))
        .map(|(town, (name, _))| TownHit {
            town,
            exact: *name == q,
        })
        .collect();
    let population = |h: &TownHit| towns.get(h.town).map_or(0, |t| t.population);
    hits.sort_by(|a, b| {
        b.exact
            .cmp(&a.exact)
            .then_with(|| population(b).cmp(&population(a)))
    });
    hits.truncate(limit);
    hits
}

/// The town's name with its municipality when another town has the same name
/// ("Hengelo (Bronckhorst)"), as people tell them apart.
pub fn town_label(town: usize) -> Option<String> {
    let towns = lonlat::towns();
    let t = towns.get(town)?;
    let same = folded().get(town).map_or(1, |(_, same)| *same);
    match lonlat::municipality(&t.cbs) {
        Some(m) if same > 1 && m.name != t.name => Some(format!("{} ({})", t.name, m.name)),
        _ => Some(t.name.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_town_is_found_by_its_name_or_its_beginning() {
        let delft = towns_matching("Delft", 3);
        let first = delft.first().expect("Delft is a town of the gazetteer");
        assert!(first.exact);
        assert_eq!(lonlat::towns()[first.town].name, "Delft");
        let zoe = towns_matching("zoeterm", 3);
        assert!(
            zoe.iter()
                .any(|h| lonlat::towns()[h.town].name == "Zoetermeer"),
            "{zoe:?}"
        );
        assert!(
            towns_matching("de", 3).is_empty(),
            "two letters list nothing"
        );
        assert!(towns_matching("Qqqxz", 3).is_empty());
    }

    #[test]
    fn towns_of_the_same_name_are_told_apart_by_their_municipality() {
        let hits = towns_matching("Hengelo", 5);
        let labels: Vec<String> = hits.iter().filter_map(|h| town_label(h.town)).collect();
        if hits.iter().filter(|h| h.exact).count() > 1 {
            assert!(labels.iter().any(|l| l.contains('(')), "{labels:?}");
        }
        assert!(!labels.is_empty());
    }
}
