//! Places: names, positions, members, parents and the citations behind their facts.

use std::collections::{BTreeSet, HashMap};

use super::{At, Checker, MAX_COMPANIES};
use crate::basemap::municipalities;
use crate::model::types::*;

const PLACE_FIELDS: &[&str] = &[
    "name",
    "aliases",
    "town",
    "position",
    "description",
    "sectors",
    "anchors",
    "fieldlabs",
    "companies",
    "example_companies",
    "programmes",
    "clusters",
    "needs",
    "parent",
    "map_number",
    "members",
    "kind",
];

pub(super) fn check_places(c: &mut Checker, d: &Dataset) {
    let register = municipalities::register();
    let mut member_of: HashMap<&str, &str> = HashMap::new();
    for p in &d.places {
        let id = p.id.as_str();
        c.required(id, "name", &p.name);
        c.text(id, "description", &p.description);
        c.region_ref(id, &p.region);
        c.sector_refs(id, &p.sectors);
        c.full_position(id, At::field("position"), &p.position);
        c.names(id, "aliases", &p.aliases);
        if let Some(t) = &p.town {
            c.required(id, "town", t);
        }
        for (field, list) in [
            ("anchors", &p.anchors),
            ("fieldlabs", &p.fieldlabs),
            ("example_companies", &p.example_companies),
            ("programmes", &p.programmes),
        ] {
            c.names(id, field, list);
        }
        if let Some(n) = p.companies
            && !(0..=MAX_COMPANIES).contains(&n)
        {
            c.report(
                id,
                Some("companies"),
                format!("company count {n} is not between 0 and {MAX_COMPANIES}"),
                "give the number of companies in the place, or leave `companies` out",
            );
        }
        if let Some(parent) = &p.parent {
            if parent == &p.id {
                c.report(
                    id,
                    Some("parent"),
                    "a place cannot be its own parent".to_string(),
                    "name the place this one lies in",
                );
            } else {
                c.place_refs(id, "parent", std::slice::from_ref(parent));
            }
        }
        c.texts(id, "clusters", &p.clusters);
        c.texts(id, "needs", &p.needs);
        if p.kind == PlaceKind::SubRegion && p.members.is_empty() {
            c.report(
                id,
                Some("members"),
                "a sub-region needs its member municipalities to be drawn".to_string(),
                "add `members = [{ cbs = \"GM0363\", name = \"Amsterdam\" }, …]`",
            );
        }
        if !p.members.is_empty() {
            if p.kind != PlaceKind::SubRegion {
                c.report(
                    id,
                    Some("members"),
                    "only a sub_region has member municipalities".to_string(),
                    "remove `members`, or set `kind = \"sub_region\"`",
                );
            }
            match &p.members_source {
                Some(cite) => c.citation(id, At::field("members_source"), cite, &[]),
                None => c.report(
                    id,
                    Some("members"),
                    "the membership has no source".to_string(),
                    "add `members_source = { source = \"ext-mra-members\" }` or another source",
                ),
            }
        }
        for (i, m) in p.members.iter().enumerate() {
            let at = At::field("members").index(i);
            match register.get(&m.cbs) {
                None => c.report_at(
                    id,
                    at.clone(),
                    format!("municipality code `{}` ({}) is not in the 2024 register", m.cbs, m.name),
                    "use the CBS code GMnnnn of a 2024 municipality (see assets/basemap/gemeenten.geojson)",
                ),
                Some(info) if info.name != m.name => c.report_at(
                    id,
                    at.clone(),
                    format!("code `{}` is {}, not {}", m.cbs, info.name, m.name),
                    format!("write `{{ cbs = \"{}\", name = \"{}\" }}` or correct the code", m.cbs, info.name),
                ),
                Some(_) => {}
            }
            if let Some(other) = member_of.insert(m.cbs.as_str(), id)
                && other != id
            {
                c.report_at(
                    id,
                    at,
                    format!("{} ({}) is also a member of `{other}`", m.name, m.cbs),
                    "a municipality belongs to one sub-region; remove it from one of them",
                );
            }
        }
        c.citations(id, &p.sources, PLACE_FIELDS);
        check_fact_coverage(c, p);
    }
    check_parent_cycles(c, d);
}

/// A place may not lie, through its parents, inside itself.
fn check_parent_cycles(c: &mut Checker, d: &Dataset) {
    let parent: HashMap<&str, &str> = d
        .places
        .iter()
        .filter_map(|p| p.parent.as_deref().map(|q| (p.id.as_str(), q)))
        .collect();
    for p in &d.places {
        let mut seen = BTreeSet::from([p.id.as_str()]);
        let mut at = p.id.as_str();
        while let Some(&up) = parent.get(at) {
            if up == p.id {
                let chain = seen.iter().copied().collect::<Vec<_>>().join(", ");
                c.report(
                    &p.id,
                    Some("parent"),
                    format!(
                        "the parents of `{}` lead back to it (through {chain})",
                        p.id
                    ),
                    "give one of these places another `parent`, or remove it",
                );
                break;
            }
            if !seen.insert(up) {
                // A cycle further up; it is reported for the places on it.
                break;
            }
            at = up;
        }
    }
}

/// Every listed fact of a place must rest on a citation.
fn check_fact_coverage(c: &mut Checker, p: &Place) {
    let covers_all = p.sources.iter().any(|s| s.fields.is_empty());
    if covers_all {
        return;
    }
    let covered: BTreeSet<&str> = p
        .sources
        .iter()
        .flat_map(|s| s.fields.iter().map(String::as_str))
        .collect();
    let facts: [(&str, bool); 5] = [
        ("anchors", !p.anchors.is_empty()),
        ("fieldlabs", !p.fieldlabs.is_empty()),
        ("companies", p.companies.is_some()),
        ("example_companies", !p.example_companies.is_empty()),
        ("programmes", !p.programmes.is_empty()),
    ];
    for (field, present) in facts {
        if present && !covered.contains(field) {
            c.report(
                &p.id,
                Some(field),
                format!("`{field}` is not backed by any citation"),
                format!("add `\"{field}\"` to the `fields` of the citation it comes from"),
            );
        }
    }
}
