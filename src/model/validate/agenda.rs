//! The agenda: action lines, product chains, project sheets and their budgets, accelerators,
//! focus themes and infrastructure asks.

use super::{At, Checker};
use crate::model::types::*;

fn check_budget(c: &mut Checker, id: &str, b: &Budget) {
    let budget = At::field("budget");
    c.text(id, budget.clone().key("summary"), &b.summary);
    let amounts = [
        (budget.clone().key("total_eur"), b.total_eur),
        (budget.clone().key("total_max_eur"), b.total_max_eur),
    ]
    .into_iter()
    .chain(b.items.iter().enumerate().map(|(i, item)| {
        (
            budget.clone().key("items").index(i).key("eur"),
            Some(item.eur),
        )
    }));
    for (at, v) in amounts {
        if let Some(v) = v
            && (!v.is_finite() || v < 0.0)
        {
            c.report_at(
                id,
                at,
                format!("budget amount {v} is not a non-negative number of euros"),
                "write amounts in whole euros, e.g. 100000",
            );
        }
    }
    for (i, item) in b.items.iter().enumerate() {
        c.text(
            id,
            budget.clone().key("items").index(i).key("label"),
            &item.label,
        );
    }
    if let (Some(lo), Some(hi)) = (b.total_eur, b.total_max_eur)
        && hi < lo
    {
        c.report_at(
            id,
            budget.clone().key("total_max_eur"),
            format!("budget range {lo}–{hi} runs backwards"),
            "put the lower bound in `total_eur` and the upper in `total_max_eur`",
        );
    }
    if b.items_sum_to_total {
        let sum: f64 = b.items.iter().map(|i| i.eur).sum();
        match b.total_eur {
            Some(total) if (sum - total).abs() > 0.5 => c.report_at(
                id,
                budget.key("total_eur"),
                format!("the budget items add up to €{sum}, but the stated total is €{total}"),
                "correct the item or the total; if the source itself does not add up, set `items_sum_to_total = false` and explain in the summary",
            ),
            None => c.report_at(
                id,
                budget.key("items_sum_to_total"),
                "`items_sum_to_total` is set but there is no `total_eur`".to_string(),
                "add the stated total, or remove `items_sum_to_total`",
            ),
            _ => {}
        }
    }
}

pub(super) fn check_agenda(c: &mut Checker, d: &Dataset) {
    for a in &d.action_lines {
        let id = a.id.as_str();
        c.region_ref(id, &a.region);
        c.text(id, "name", &a.name);
        c.text(id, "goal", &a.goal);
        for (i, act) in a.actions.iter().enumerate() {
            let at = At::field("actions").index(i);
            c.required(id, at.clone().key("number"), &act.number);
            c.text(id, at.clone().key("title"), &act.title);
            if let Some(f) = &act.funding {
                c.text(id, at.key("funding"), f);
            }
        }
        c.citations(id, &a.sources, &["name", "goal", "actions"]);
    }
    for p in &d.product_chains {
        let id = p.id.as_str();
        c.region_ref(id, &p.region);
        c.text(id, "name", &p.name);
        c.text(id, "description", &p.description);
        c.sector_refs(id, &p.sectors);
        c.place_refs(id, "hotspots", &p.hotspots);
        if !c.action_numbers.contains(p.action.as_str()) {
            c.report(
                id,
                Some("action"),
                format!("action `{}` is not an action of any action line", p.action),
                "use an action number listed under an [[action_line]], e.g. \"2.1.1\"",
            );
        }
        c.citations(
            id,
            &p.sources,
            &[
                "name",
                "aliases",
                "description",
                "sectors",
                "hotspots",
                "action",
            ],
        );
    }
    for s in &d.project_sheets {
        let id = s.id.as_str();
        c.region_ref(id, &s.region);
        c.text(id, "title", &s.title);
        c.required(id, "owner", &s.owner);
        c.texts(id, "goals", &s.goals);
        for (i, g) in s.partners.iter().enumerate() {
            let at = At::field("partners").index(i);
            c.text(id, at.clone().key("label"), &g.label);
            c.names(id, at.key("names"), &g.names);
        }
        c.names(id, "core_team", &s.core_team);
        for (i, a) in s.actions.iter().enumerate() {
            c.required(id, At::field("actions").index(i), a);
        }
        if let Some(t) = &s.timeline {
            c.text(id, "timeline", t);
        }
        if let Some(t) = &s.status {
            c.text(id, "status", t);
        }
        if s.goals.is_empty() {
            c.report(
                id,
                Some("goals"),
                "the sheet lists no goals".to_string(),
                "add the sheet's goals as `goals = [{ nl = \"…\", en = \"…\" }]`",
            );
        }
        if let Some(pc) = &s.product_chain
            && !c.product_chains.contains(pc.as_str())
        {
            c.report(
                id,
                Some("product_chain"),
                format!("unknown product chain `{pc}`"),
                "use the id of a [[product_chain]] record",
            );
        }
        c.place_refs(id, "hotspots", &s.hotspots);
        c.place_refs(id, "owner_places", &s.owner_places);
        c.place_refs(id, "partner_places", &s.partner_places);
        if let Some(b) = &s.budget {
            check_budget(c, id, b);
        }
        c.citations(
            id,
            &s.sources,
            &[
                "title",
                "owner",
                "core_team",
                "partners",
                "goals",
                "budget",
                "timeline",
                "hotspots",
                "actions",
                "status",
                "owner_places",
                "partner_places",
            ],
        );
    }
    for a in &d.accelerators {
        let id = a.id.as_str();
        c.region_ref(id, &a.region);
        c.text(id, "name", &a.name);
        c.text(id, "goal", &a.goal);
        for (i, l) in a.lines.iter().enumerate() {
            let at = At::field("lines").index(i);
            c.required(id, at.clone().key("letter"), &l.letter);
            c.required(id, at.clone().key("title"), &l.title);
            c.text(id, at.clone().key("summary"), &l.summary);
            c.names(id, at.clone().key("initiators"), &l.initiators);
            c.names(id, at.clone().key("partners"), &l.partners);
            c.place_refs(id, at.clone().key("initiator_places"), &l.initiator_places);
            if l.sources.is_empty() {
                c.report_at(
                    id,
                    at.clone(),
                    format!("action line {} cites no source", l.letter),
                    "add `sources = [...]` to the action line",
                );
            }
            for (j, cite) in l.sources.iter().enumerate() {
                c.citation(
                    id,
                    at.clone().key("sources").index(j),
                    cite,
                    &["title", "summary", "initiators", "partners"],
                );
            }
        }
        c.citations(id, &a.sources, &["name", "goal", "lines"]);
    }
    for t in &d.focus_themes {
        let id = t.id.as_str();
        c.region_ref(id, &t.region);
        c.text(id, "name", &t.name);
        c.text(id, "description", &t.description);
        c.sector_refs(id, &t.sectors);
        c.place_refs(id, "places", &t.places);
        if let Some(r) = &t.route {
            c.route(id, r);
        }
        c.citations(
            id,
            &t.sources,
            &["name", "description", "sectors", "places", "route"],
        );
    }
    for i in &d.infrastructure {
        let id = i.id.as_str();
        c.region_ref(id, &i.region);
        c.required(id, "name", &i.name);
        c.text(id, "ask", &i.ask);
        c.place_or_region_refs(id, "connects", &i.connects);
        if let Some(r) = &i.route {
            c.route(id, r);
        }
        if let Some(p) = &i.position {
            c.full_position(id, At::field("position"), p);
        }
        c.citations(
            id,
            &i.sources,
            &["name", "ask", "connects", "route", "position"],
        );
    }
}
