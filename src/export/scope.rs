//! Which records an export holds: everything, or what a view shows (its sector filter and
//! regions). One rule for the command line and the window: places by the scene's rule
//! ([`crate::scene::Visible`]'s `shown`), everything else by its region and the filter.

use std::collections::BTreeSet;

use crate::model::{Citation, Dataset, PlaceKind};
use crate::scene::passes_filter;

/// What to export, per record of the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Subset {
    /// Per place: exported.
    pub places: Vec<bool>,
    /// Per cross-pollination.
    pub links: Vec<bool>,
    /// Per project sheet.
    pub sheets: Vec<bool>,
    /// Per key figure.
    pub figures: Vec<bool>,
    /// Per focus theme and per infrastructure ask (their routes).
    pub themes: Vec<bool>,
    pub asks: Vec<bool>,
    /// Source ids cited by what is exported.
    pub sources: BTreeSet<String>,
    /// True when nothing was left out.
    pub everything: bool,
}

impl Subset {
    /// Every record.
    pub fn all(d: &Dataset) -> Subset {
        Subset {
            places: vec![true; d.places.len()],
            links: vec![true; d.cross_pollinations.len()],
            sheets: vec![true; d.project_sheets.len()],
            figures: vec![true; d.figures.len()],
            themes: vec![true; d.focus_themes.len()],
            asks: vec![true; d.infrastructure.len()],
            sources: d.sources.iter().map(|s| s.id.clone()).collect(),
            everything: true,
        }
    }

    /// What a sector filter and a set of regions let through (the command line's
    /// `--sectors` and `--regions`; empty means all). Companies and projects are included.
    pub fn filtered(d: &Dataset, sectors: &BTreeSet<String>, regions: &BTreeSet<String>) -> Subset {
        let region_on = |r: &str| regions.is_empty() || regions.contains(r);
        let shown: Vec<bool> = d
            .places
            .iter()
            .map(|p| region_on(&p.region) && passes_filter(sectors, &p.sectors))
            .collect();
        Subset::from_shown(d, shown, sectors, region_on)
    }

    /// What a view shows: the places it shows (`Visible::shown`), its sector filter and the
    /// regions it has on.
    pub fn from_shown(
        d: &Dataset,
        shown: Vec<bool>,
        filter: &BTreeSet<String>,
        region_on: impl Fn(&str) -> bool,
    ) -> Subset {
        let mut shown = shown;
        shown.resize(d.places.len(), false);
        let index: std::collections::HashMap<&str, usize> = d
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let end_on = |id: &str| match index.get(id) {
            Some(&i) => shown.get(i).copied().unwrap_or(false),
            None => d.region(id).is_some() && region_on(id),
        };
        let links: Vec<bool> = d
            .cross_pollinations
            .iter()
            .map(|x| {
                let ends_on = x.endpoints.iter().any(|e| end_on(e))
                    || x.all_sub_regions_of.as_deref().is_some_and(&region_on);
                passes_filter(filter, &x.sectors) && ends_on
            })
            .collect();
        let sheets: Vec<bool> = d
            .project_sheets
            .iter()
            .map(|s| {
                let chain_sectors = s
                    .product_chain
                    .as_deref()
                    .and_then(|c| d.product_chains.iter().find(|p| p.id == c))
                    .map_or(&[][..], |c| c.sectors.as_slice());
                region_on(&s.region) && passes_filter(filter, chain_sectors)
            })
            .collect();
        let figures: Vec<bool> = d.figures.iter().map(|f| end_on(&f.subject)).collect();
        let themes: Vec<bool> = d
            .focus_themes
            .iter()
            .map(|t| region_on(&t.region))
            .collect();
        let asks: Vec<bool> = d
            .infrastructure
            .iter()
            .map(|a| region_on(&a.region))
            .collect();
        let mut sources = BTreeSet::new();
        let mut cite = |cs: &[Citation]| {
            for c in cs {
                // Most places cite a source already in the set: no copy of its id for those.
                if !sources.contains(&c.source) {
                    sources.insert(c.source.clone());
                }
            }
        };
        for (p, _) in d.places.iter().zip(&shown).filter(|(_, on)| **on) {
            cite(&p.sources);
            if let Some(m) = &p.members_source {
                cite(std::slice::from_ref(m));
            }
        }
        for (x, _) in d
            .cross_pollinations
            .iter()
            .zip(&links)
            .filter(|(_, on)| **on)
        {
            cite(&x.sources);
        }
        for (s, _) in d.project_sheets.iter().zip(&sheets).filter(|(_, on)| **on) {
            cite(&s.sources);
        }
        for (f, _) in d.figures.iter().zip(&figures).filter(|(_, on)| **on) {
            cite(&f.sources);
        }
        for (t, _) in d.focus_themes.iter().zip(&themes).filter(|(_, on)| **on) {
            cite(&t.sources);
        }
        for (a, _) in d.infrastructure.iter().zip(&asks).filter(|(_, on)| **on) {
            cite(&a.sources);
        }
        let everything = shown.iter().all(|x| *x)
            && links.iter().all(|x| *x)
            && sheets.iter().all(|x| *x)
            && figures.iter().all(|x| *x);
        Subset {
            places: shown,
            links,
            sheets,
            figures,
            themes,
            asks,
            sources,
            everything,
        }
    }

    pub fn place(&self, i: usize) -> bool {
        self.places.get(i).copied().unwrap_or(false)
    }

    /// Number of places exported, sub-regions counted.
    pub fn place_count(&self) -> usize {
        self.places.iter().filter(|x| **x).count()
    }

    /// Exported places that are sub-regions.
    pub fn sub_regions<'a>(
        &'a self,
        d: &'a Dataset,
    ) -> impl Iterator<Item = &'a crate::model::Place> + 'a {
        d.places
            .iter()
            .enumerate()
            .filter(move |(i, p)| self.place(*i) && p.kind == PlaceKind::SubRegion)
            .map(|(_, p)| p)
    }
}

/// Splits `a,b` (command-line lists) into a set, trimming and dropping empty parts.
pub fn parse_list(s: &str) -> BTreeSet<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// Ids in `asked` that the dataset lacks, with the ones it has (for a message).
pub fn unknown_ids(asked: &BTreeSet<String>, known: &[&str]) -> Option<(Vec<String>, String)> {
    let unknown: Vec<String> = asked
        .iter()
        .filter(|a| !known.contains(&a.as_str()))
        .cloned()
        .collect();
    (!unknown.is_empty()).then(|| (unknown, known.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_keeps_what_the_map_would_show() {
        let d = crate::model::load_embedded().expect("atlas").dataset;
        let all = Subset::all(&d);
        assert!(all.everything);
        let robotics = Subset::filtered(
            &d,
            &parse_list("robotics,quantum"),
            &parse_list("zuid-holland"),
        );
        assert!(!robotics.everything);
        let n = robotics.place_count();
        assert!(n > 0 && n < d.places.len(), "{n}");
        for (i, p) in d.places.iter().enumerate() {
            let expect = p.region == "zuid-holland"
                && p.sectors.iter().any(|s| s == "robotics" || s == "quantum");
            assert_eq!(robotics.place(i), expect, "{}", p.id);
        }
        assert!(robotics.sources.len() < all.sources.len());
        assert!(robotics.links.iter().any(|x| *x));
        assert!(!robotics.links.iter().all(|x| *x));
    }
}
