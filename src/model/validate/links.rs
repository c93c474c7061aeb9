//! Cross-pollinations: endpoints, direction and the places that carry them.

use std::collections::BTreeSet;

use super::Checker;
use crate::model::types::*;

pub(super) fn check_cross_pollinations(c: &mut Checker, d: &Dataset) {
    for x in &d.cross_pollinations {
        let id = x.id.as_str();
        c.text(id, "theme", &x.theme);
        c.place_or_region_refs(id, "endpoints", &x.endpoints);
        c.place_or_region_refs(id, "optional_endpoints", &x.optional_endpoints);
        c.place_refs(id, "via", &x.via);
        c.sector_refs(id, &x.sectors);
        if let Some(r) = &x.all_sub_regions_of {
            c.region_ref(id, r);
        }
        if let Some(from) = &x.from
            && !x.endpoints.contains(from)
        {
            c.report(
                id,
                Some("from"),
                format!("`from` is `{from}`, which is not one of the endpoints"),
                "set `from` to the endpoint whose profile states the link, or leave it out",
            );
        }
        let mut seen = BTreeSet::new();
        for e in x.endpoints.iter().chain(&x.optional_endpoints) {
            if !seen.insert(e.as_str()) {
                c.report(
                    id,
                    Some("endpoints"),
                    format!("endpoint `{e}` is listed twice"),
                    "list each endpoint once",
                );
            }
        }
        c.citations(
            id,
            &x.sources,
            &[
                "endpoints",
                "optional_endpoints",
                "theme",
                "sectors",
                "via",
                "named_partners",
                "from",
            ],
        );
    }
}
