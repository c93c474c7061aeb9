//! Placing a row without coordinates: by its town (the gazetteer's centre, ≈ 2 km) or its
//! municipality (the centroid of its area, ≈ 5 km), offline, from the embedded basemap.
//! Lookups are hash maps built once, so placing 100,000 rows is linear.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::text::fold;
use crate::basemap::lonlat::{self, MunicipalityShape, TownPoint};

/// How far from the real site a town centre may be.
pub const TOWN_ACCURACY_M: u32 = 2_000;
/// How far from the real site a municipality's centroid may be.
pub const MUNICIPALITY_ACCURACY_M: u32 = 5_000;

/// Names people use that the gazetteer spells otherwise (folded → gazetteer's folded).
const ALIASES: &[(&str, &str)] = &[
    ("sgravenhage", "denhaag"),
    ("thehague", "denhaag"),
    ("denbosch", "shertogenbosch"),
    ("almere", "almerestad"),
];

struct Index {
    /// Folded town name → indices into `lonlat::towns()`, largest first.
    towns: HashMap<String, Vec<usize>>,
    /// Folded municipality name → index into `lonlat::municipalities()`.
    municipalities: HashMap<String, usize>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut towns: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in lonlat::towns().iter().enumerate() {
            towns.entry(fold(&t.name)).or_default().push(i);
        }
        let mut municipalities = HashMap::new();
        for (i, m) in lonlat::municipalities().iter().enumerate() {
            municipalities.entry(fold(&m.name)).or_insert(i);
            // "Bergen (NH.)" can be written "Bergen NH" or found by its code.
            municipalities.entry(fold(&m.cbs)).or_insert(i);
        }
        Index {
            towns,
            municipalities,
        }
    })
}

fn alias(folded: String) -> String {
    ALIASES
        .iter()
        .find(|(a, _)| *a == folded)
        .map_or(folded, |(_, b)| (*b).to_string())
}

/// The municipality with this name or CBS code.
pub fn municipality(name: &str) -> Option<&'static MunicipalityShape> {
    let i = *index().municipalities.get(&alias(fold(name)))?;
    lonlat::municipalities().get(i)
}

/// The town with this name; where several towns share it, the one in `within` (a
/// municipality) if given, else the largest. Also returns how many towns have the name.
pub fn town(name: &str, within: Option<&MunicipalityShape>) -> Option<(&'static TownPoint, usize)> {
    let all = lonlat::towns();
    let list = index().towns.get(&alias(fold(name)))?;
    let pick = within
        .and_then(|m| {
            list.iter()
                .copied()
                .find(|&i| all.get(i).is_some_and(|t| t.cbs == m.cbs))
        })
        .or_else(|| list.first().copied())?;
    all.get(pick).map(|t| (t, list.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn towns_and_municipalities_are_found_without_case_and_accents() {
        let (delft, n) = town("delft", None).expect("Delft");
        assert_eq!((delft.name.as_str(), n), ("Delft", 1));
        assert!(town("DEN HAAG", None).is_some());
        assert_eq!(
            town("'s-Gravenhage", None).map(|t| t.0.name.as_str()),
            Some("Den Haag")
        );
        let m = municipality("sudwest fryslan").expect("Súdwest-Fryslân");
        assert_eq!(m.cbs, "GM1900");
        assert_eq!(
            municipality("GM0503").map(|m| m.name.as_str()),
            Some("Delft")
        );
        assert!(town("Atlantis", None).is_none());
    }
}
