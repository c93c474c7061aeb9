//! Agenda points (asks, leadership topics, challenges, pillars) and governance bodies.

use std::collections::BTreeMap;

use super::Checker;
use crate::model::types::*;

pub(super) fn check_agenda_items(c: &mut Checker, d: &Dataset) {
    let mut numbers: BTreeMap<(&str, AgendaKind, &str), &str> = BTreeMap::new();
    for a in &d.agenda_items {
        let id = a.id.as_str();
        c.region_ref(id, &a.region);
        c.required(id, "number", &a.number);
        c.text(id, "title", &a.title);
        c.text(id, "summary", &a.summary);
        if let Some(q) = &a.question {
            c.text(id, "question", q);
        }
        c.texts(id, "points", &a.points);
        c.sector_refs(id, &a.sectors);
        c.place_refs(id, "places", &a.places);
        c.agenda_refs(id, "related", &a.related);
        let key = (a.region.as_str(), a.kind, a.number.trim());
        if let Some(other) = numbers.insert(key, id) {
            c.report(
                id,
                Some("number"),
                format!(
                    "{} number {} in {} is also used by `{other}`",
                    a.kind.key(),
                    a.number,
                    a.region
                ),
                "give every point of the same kind in a region its own number, as the source numbers them",
            );
        }
        c.citations(
            id,
            &a.sources,
            &[
                "number", "title", "summary", "question", "points", "sectors", "places", "related",
            ],
        );
    }
}

/// `YYYY` or `YYYY-MM` with a real month.
fn is_year_month(s: &str) -> bool {
    let mut parts = s.split('-');
    let year_ok = parts
        .next()
        .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    let month_ok = match parts.next() {
        None => true,
        Some(m) => m.len() == 2 && m.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m)),
    };
    year_ok && month_ok && parts.next().is_none()
}

pub(super) fn check_governance(c: &mut Checker, d: &Dataset) {
    for g in &d.governance {
        let id = g.id.as_str();
        c.region_ref(id, &g.region);
        c.required(id, "name", &g.name);
        c.text(id, "description", &g.description);
        c.names(id, "members", &g.members);
        c.place_refs(id, "member_places", &g.member_places);
        c.texts(id, "tasks", &g.tasks);
        if g.role == GovernanceRole::Funders && g.members.is_empty() {
            c.report(
                id,
                Some("members"),
                "a funders record names no funder".to_string(),
                "list who pays in `members = [\"…\"]`",
            );
        }
        if let Some(f) = &g.founded
            && !is_year_month(f)
        {
            c.report(
                id,
                Some("founded"),
                format!("`founded` is `{f}`, not a year or year and month"),
                "write `founded = \"2019\"` or `founded = \"2019-09\"`",
            );
        }
        c.citations(
            id,
            &g.sources,
            &[
                "name",
                "aliases",
                "description",
                "members",
                "member_places",
                "tasks",
                "founded",
            ],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn founding_dates() {
        assert!(is_year_month("2019"));
        assert!(is_year_month("2019-09"));
        assert!(!is_year_month("2019-13"));
        assert!(!is_year_month("sept 2019"));
        assert!(!is_year_month("2019-09-01"));
    }
}
