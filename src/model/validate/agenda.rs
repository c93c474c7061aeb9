//! The agenda: action lines, product chains, project sheets and their budgets, accelerators,
//! focus themes and infrastructure asks.

use super::Checker;
use crate::model::types::*;

fn check_budget(c: &mut Checker, id: &str, b: &Budget) {
    c.text(id, "budget", &b.summary);
    let amounts = b
        .total_eur
        .iter()
        .chain(b.total_max_eur.iter())
        .chain(b.items.iter().map(|i| &i.eur));
    for &v in amounts {
        if !v.is_finite() || v < 0.0 {
            c.report(
                id,
                Some("budget"),
                format!("budget amount {v} is not a non-negative number of euros"),
                "write amounts in whole euros, e.g. 100000",
            );
        }
    }
    if let (Some(lo), Some(hi)) = (b.total_eur, b.total_max_eur)
        && hi < lo
    {
        c.report(
            id,
            Some("budget"),
            format!("budget range {lo}–{hi} runs backwards"),
            "put the lower bound in `total_eur` and the upper in `total_max_eur`",
        );
    }
    if b.items_sum_to_total {
        let sum: f64 = b.items.iter().map(|i| i.eur).sum();
        match b.total_eur {
            Some(total) if (sum - total).abs() > 0.5 => c.report(
                id,
                Some("budget"),
                format!("the budget items add up to €{sum}, but the stated total is €{total}"),
                "correct the item or the total; if the source itself does not add up, set `items_sum_to_total = false` and explain in the summary",
            ),
            None => c.report(
                id,
                Some("budget"),
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
        for act in &a.actions {
            c.required(id, "actions", &act.number);
            c.text(id, "actions", &act.title);
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
        for g in &s.goals {
            c.text(id, "goals", g);
        }
        for g in &s.partners {
            c.text(id, "partners", &g.label);
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
        for g in &s.partners {
            c.names(id, "partners", &g.names);
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
        for l in &a.lines {
            c.required(id, "lines", &l.title);
            c.text(id, "lines", &l.summary);
            c.place_refs(id, "lines", &l.initiator_places);
            for cite in &l.sources {
                c.citation(id, cite, &["title", "summary", "initiators", "partners"]);
            }
            if l.sources.is_empty() {
                c.report(
                    id,
                    Some("lines"),
                    format!("action line {} cites no source", l.letter),
                    "add `sources = [...]` to the action line",
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
            c.position(id, "position", p.lat, p.lon);
            c.basis(id, "position", &p.basis);
        }
        c.citations(
            id,
            &i.sources,
            &["name", "ask", "connects", "route", "position"],
        );
    }
}
