//! Talent initiatives (networks, technology-promotion table rows, initiatives named at a
//! survey) and financing instruments.

use std::collections::BTreeMap;

use super::{At, Checker};
use crate::model::types::*;

pub(super) fn check_talent(c: &mut Checker, d: &Dataset) {
    let mut rows: BTreeMap<(&str, u32), &str> = BTreeMap::new();
    for t in &d.talent_initiatives {
        let id = t.id.as_str();
        c.region_ref(id, &t.region);
        c.required(id, "name", &t.name);
        c.text(id, "description", &t.description);
        c.names(id, "aliases", &t.aliases);
        if t.network.is_none() && t.table_row.is_none() && t.mentioned.is_none() {
            c.report(
                id,
                Some("name"),
                "the initiative says nowhere which list names it".to_string(),
                "add `network` (talent-section list), `table_row` (technology-promotion table) or `mentioned` (survey report)",
            );
        }
        if let Some(n) = &t.network {
            let at = At::field("network");
            c.text(id, at.clone().key("scope"), &n.scope);
            if let Some(who) = &n.led_by {
                c.required(id, at.key("led_by"), who);
            }
        }
        if let Some(r) = &t.table_row {
            check_row(c, id, r);
            if let Some(other) = rows.insert((t.region.as_str(), r.row), id) {
                c.report_at(
                    id,
                    At::field("table_row").key("row"),
                    format!("table row {} is also given to `{other}`", r.row),
                    "number the rows in the order the table prints them, each once",
                );
            }
        }
        if let Some(m) = &t.mentioned {
            let at = At::field("mentioned");
            c.survey_ref(id, at.clone().key("survey"), &m.survey);
            c.place_refs(id, at.key("breakouts"), &m.breakouts);
        }
        if let Some(p) = &t.place {
            c.place_refs(id, "place", std::slice::from_ref(p));
        }
        c.citations(
            id,
            &t.sources,
            &[
                "name",
                "aliases",
                "description",
                "network",
                "table_row",
                "mentioned",
                "place",
            ],
        );
    }
}

fn check_row(c: &mut Checker, id: &str, r: &PromotionRow) {
    let at = At::field("table_row");
    if r.row == 0 {
        c.report_at(
            id,
            at.clone().key("row"),
            "table rows count from 1".to_string(),
            "give the row's position in the printed table, starting at 1",
        );
    }
    if r.groups.is_empty() {
        c.report_at(
            id,
            at.clone().key("groups"),
            "the row names no table section".to_string(),
            "set `groups`, e.g. [\"regional_activity\"]",
        );
    }
    for (key, t) in [
        ("activity", &r.activity),
        ("partners", &r.partners),
        ("area", &r.area),
    ] {
        if let Some(t) = t {
            c.text(id, at.clone().key(key), t);
        }
    }
    if let Some(w) = &r.website
        && (w.trim().is_empty() || w.contains(char::is_whitespace))
    {
        c.report_at(
            id,
            at.key("website"),
            format!("website `{w}` is not a web address"),
            "write the address as printed, e.g. \"www.ecpzh.nl\", or leave `website` out",
        );
    }
}

pub(super) fn check_instruments(c: &mut Checker, d: &Dataset) {
    for f in &d.financing_instruments {
        let id = f.id.as_str();
        c.region_ref(id, &f.region);
        c.required(id, "name", &f.name);
        c.names(id, "aliases", &f.aliases);
        c.text(id, "description", &f.description);
        if let Some(o) = &f.offers {
            c.text(id, "offers", o);
        }
        if f.provinces.is_empty() {
            c.report(
                id,
                Some("provinces"),
                "the instrument names no province".to_string(),
                "list the provinces it serves, e.g. `provinces = [\"Flevoland\"]`",
            );
        }
        c.names(id, "provinces", &f.provinces);
        if f.parties.is_empty() {
            c.report(
                id,
                Some("parties"),
                "nobody is said to run the instrument".to_string(),
                "add `parties = [{ name = \"Provincie Flevoland\", role = \"runs\" }]`",
            );
        }
        for (i, p) in f.parties.iter().enumerate() {
            c.required(id, At::field("parties").index(i).key("name"), &p.name);
        }
        if let Some([a, b]) = f.years
            && (b < a || !(1900..=2100).contains(&a) || !(1900..=2100).contains(&b))
        {
            c.report(
                id,
                Some("years"),
                format!("years [{a}, {b}] are not a period"),
                "write `years = [first, last]` with the first year not after the last",
            );
        }
        if let Some(a) = &f.accelerator {
            c.accelerator_ref(id, "accelerator", a);
        }
        c.citations(
            id,
            &f.sources,
            &[
                "name",
                "aliases",
                "kind",
                "provinces",
                "description",
                "offers",
                "parties",
                "years",
                "accelerator",
            ],
        );
    }
}
