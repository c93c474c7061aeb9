//! What a record says, drawn the same way in the Agenda view's cards and in the details
//! panel: compact (the facts that matter at a glance) or in full.

use egui::{RichText, Ui};

use super::{Cx, fact, place_links, record_links, sources, sources_line};
use crate::atlas::agenda::{Record, RecordRef, budget_text};
use crate::command::Command;
use crate::model::{
    Accelerator, ActionLine, AgendaItem, Citation, FinancingInstrument, FocusTheme, Governance,
    GovernanceRole, InfrastructureAsk, InfrastructureKind, InstrumentKind, PartyRole, ProductChain,
    ProjectSheet, PromotionFocus, PromotionGroup, TalentInitiative,
};

/// The record's body; `full` adds what a card leaves out.
pub(crate) fn body(ui: &mut Ui, cx: &Cx, rec: &Record, full: bool, out: &mut Vec<Command>) {
    let Some(data) = rec.data(cx.d) else { return };
    match data {
        RecordRef::ActionLine(a) => action_line(ui, cx, a, full, out),
        RecordRef::ProductChain(c) => chain(ui, cx, c, full, out),
        RecordRef::ProjectSheet(s) => sheet(ui, cx, s, full, out),
        RecordRef::FocusTheme(t) => theme(ui, cx, t, full, out),
        RecordRef::Item(i) => item(ui, cx, i, full, out),
        RecordRef::Governance(g) => governance(ui, cx, g, full, out),
        RecordRef::Accelerator(a) => accelerator(ui, cx, a, full, out),
        RecordRef::Infrastructure(x) => infrastructure(ui, cx, x, full, out),
        RecordRef::Talent(t) => talent(ui, cx, t, full, out),
        RecordRef::Instrument(f) => instrument(ui, cx, f, full, out),
    }
}

/// The sources in full (details panel, selected card) or in one line (a card in a list).
fn cite(ui: &mut Ui, cx: &Cx, full: bool, cites: &[Citation]) {
    if full {
        sources(ui, cx, cites);
    } else {
        sources_line(ui, cx, cites);
    }
}

/// Citations that back any of `fields` (or the whole record), each once.
fn cites_for<'a>(cites: &'a [Citation], fields: &[&str]) -> Vec<Citation> {
    let mut out: Vec<&'a Citation> = Vec::new();
    for f in fields {
        for c in crate::views::details::covering(cites, f) {
            if !out.iter().any(|x| std::ptr::eq(*x, c)) {
                out.push(c);
            }
        }
    }
    out.into_iter().cloned().collect()
}

fn bullets(ui: &mut Ui, cx: &Cx, items: &[crate::model::Text]) {
    for t in items {
        ui.label(format!("• {}", t.get(cx.lang)));
    }
}

fn heading(ui: &mut Ui, cx: &Cx, key: &'static str) {
    ui.add_space(2.0);
    ui.label(RichText::new(cx.tr(key)).strong());
}

fn sheets_of<'a>(cx: &Cx<'a>, keep: impl Fn(&ProjectSheet) -> bool) -> Vec<&'a str> {
    cx.d.project_sheets
        .iter()
        .filter(|s| keep(s))
        .map(|s| s.id.as_str())
        .collect()
}

fn action_line(ui: &mut Ui, cx: &Cx, a: &ActionLine, full: bool, out: &mut Vec<Command>) {
    ui.label(a.goal.get(cx.lang));
    if full {
        heading(ui, cx, "agenda.actions");
        for x in &a.actions {
            ui.label(format!("{} {}", x.number, x.title.get(cx.lang)));
        }
        let prefix = format!("2.{}.", a.number);
        let sheets = sheets_of(cx, |s| {
            s.region == a.region && s.actions.iter().any(|n| n.starts_with(&prefix))
        });
        record_links(ui, cx, "agenda.sheets", &sheets, out);
        cite(ui, cx, full, &a.sources);
    } else {
        cite(ui, cx, full, &cites_for(&a.sources, &["goal"]));
    }
}

fn chain(ui: &mut Ui, cx: &Cx, c: &ProductChain, full: bool, out: &mut Vec<Command>) {
    ui.label(c.description.get(cx.lang));
    place_links(ui, cx, "agenda.hotspots", &c.hotspots, out);
    if full {
        crate::views::details::sector_chips(ui, cx.d, &c.sectors, cx.lang, out);
        let sheets = sheets_of(cx, |s| s.product_chain.as_deref() == Some(c.id.as_str()));
        record_links(ui, cx, "agenda.sheets", &sheets, out);
        if !c.aliases.is_empty() {
            fact(ui, cx, "details.aliases", &c.aliases.join(" · "));
        }
        cite(ui, cx, full, &c.sources);
    } else {
        cite(ui, cx, full, &cites_for(&c.sources, &["description"]));
    }
}

fn sheet(ui: &mut Ui, cx: &Cx, s: &ProjectSheet, full: bool, out: &mut Vec<Command>) {
    let lang = cx.lang;
    if full {
        fact(ui, cx, "agenda.actions", &s.actions.join(", "));
        if let Some(c) = &s.product_chain {
            record_links(ui, cx, "agenda.kind.product_chain", &[c.as_str()], out);
        }
    }
    fact(ui, cx, "agenda.owner", &s.owner);
    match (budget_text(s, lang), &s.budget) {
        (Some(total), _) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{}:", cx.tr("agenda.budget"))).weak());
                ui.label(RichText::new(total).strong());
            });
            if full && let Some(b) = &s.budget {
                ui.label(RichText::new(b.summary.get(lang)).small());
            }
        }
        (None, Some(b)) => fact(ui, cx, "agenda.budget", b.summary.get(lang)),
        (None, None) => {}
    }
    if let Some(t) = &s.timeline {
        fact(ui, cx, "agenda.timeline", t.get(lang));
    }
    if let Some(t) = &s.status {
        fact(ui, cx, "agenda.status", t.get(lang));
    }
    if !full {
        sources(
            ui,
            cx,
            &cites_for(&s.sources, &["owner", "budget", "timeline", "status"]),
        );
        return;
    }
    if !s.core_team.is_empty() {
        fact(ui, cx, "agenda.core_team", &s.core_team.join(", "));
    }
    for g in &s.partners {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "{} ({}):",
                    cx.tr("agenda.partners"),
                    lower_first(g.label.get(lang))
                ))
                .weak(),
            );
            ui.label(g.names.join(", "));
        });
    }
    let mut places = s.owner_places.clone();
    for p in &s.partner_places {
        if !places.contains(p) {
            places.push(p.clone());
        }
    }
    place_links(ui, cx, "agenda.on_map", &places, out);
    if !s.goals.is_empty() {
        heading(ui, cx, "agenda.goals");
        bullets(ui, cx, &s.goals);
    }
    if let Some(b) = &s.budget
        && !b.items.is_empty()
    {
        heading(ui, cx, "agenda.budget_items");
        for item in &b.items {
            let amount = crate::model::Amount {
                value: item.eur,
                max: None,
                unit: crate::model::Unit::Eur,
                qualifier: crate::model::Qualifier::Exact,
                as_fraction: false,
            };
            ui.label(format!("• {}: {}", item.label.get(lang), amount.text(lang)));
        }
    }
    cite(ui, cx, full, &s.sources);
}

fn theme(ui: &mut Ui, cx: &Cx, t: &FocusTheme, full: bool, out: &mut Vec<Command>) {
    crate::views::details::sector_chips(ui, cx.d, &t.sectors, cx.lang, out);
    ui.label(t.description.get(cx.lang));
    if t.route.is_some() {
        ui.label(RichText::new(cx.tr("agenda.route_drawn")).small().italics());
    }
    place_links(ui, cx, "agenda.places", &t.places, out);
    cite(ui, cx, full, &t.sources);
}

/// The heading over an item's points: talent actions, infrastructure wishes, or parts.
fn points_heading(cx: &Cx, i: &AgendaItem) -> &'static str {
    if i.sectors.iter().any(|s| s == "education-talent") {
        "agenda.talent_actions"
    } else if i
        .related
        .iter()
        .any(|r| cx.d.infrastructure.iter().any(|x| &x.id == r))
    {
        "agenda.infra_wishes"
    } else {
        "agenda.points"
    }
}

fn item(ui: &mut Ui, cx: &Cx, i: &AgendaItem, full: bool, out: &mut Vec<Command>) {
    ui.label(i.summary.get(cx.lang));
    if let Some(q) = &i.question {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}:", cx.tr("agenda.question"))).weak());
            ui.label(RichText::new(q.get(cx.lang)).italics());
        });
    }
    if !i.points.is_empty() {
        heading(ui, cx, points_heading(cx, i));
        bullets(ui, cx, &i.points);
    }
    let related: Vec<&str> = i.related.iter().map(String::as_str).collect();
    record_links(ui, cx, "agenda.related", &related, out);
    place_links(ui, cx, "agenda.places", &i.places, out);
    cite(ui, cx, full, &i.sources);
}

fn role_key(role: GovernanceRole) -> &'static str {
    match role {
        GovernanceRole::Taskforce => "agenda.role.taskforce",
        GovernanceRole::Support => "agenda.role.support",
        GovernanceRole::Funders => "agenda.role.funders",
    }
}

fn governance(ui: &mut Ui, cx: &Cx, g: &Governance, full: bool, out: &mut Vec<Command>) {
    let mut line = cx.tr(role_key(g.role)).to_string();
    if let Some(f) = &g.founded {
        line.push_str(&format!(" · {} {f}", cx.tr("agenda.founded")));
    }
    ui.label(RichText::new(line).weak());
    ui.label(g.description.get(cx.lang));
    if !g.members.is_empty() {
        fact(ui, cx, "agenda.members", &g.members.join(", "));
    }
    place_links(ui, cx, "agenda.on_map", &g.member_places, out);
    if !g.tasks.is_empty() && full {
        heading(ui, cx, "agenda.tasks");
        bullets(ui, cx, &g.tasks);
    }
    cite(ui, cx, full, &g.sources);
}

fn accelerator(ui: &mut Ui, cx: &Cx, a: &Accelerator, full: bool, out: &mut Vec<Command>) {
    ui.label(a.goal.get(cx.lang));
    cite(ui, cx, full, &cites_for(&a.sources, &["goal"]));
    for line in &a.lines {
        ui.add_space(4.0);
        ui.label(RichText::new(format!("{}. {}", line.letter, line.title)).strong());
        ui.label(line.summary.get(cx.lang));
        if !line.initiators.is_empty() {
            fact(ui, cx, "agenda.initiators", &line.initiators.join(", "));
        }
        place_links(ui, cx, "agenda.on_map", &line.initiator_places, out);
        if !line.partners.is_empty() {
            fact(ui, cx, "agenda.partners", &line.partners.join(", "));
        }
        cite(ui, cx, full, &line.sources);
    }
    let instruments: Vec<&str> =
        cx.d.financing_instruments
            .iter()
            .filter(|f| f.accelerator.as_deref() == Some(a.id.as_str()))
            .map(|f| f.id.as_str())
            .collect();
    record_links(ui, cx, "agenda.instruments", &instruments, out);
}

fn infra_key(kind: InfrastructureKind) -> &'static str {
    match kind {
        InfrastructureKind::Rail => "agenda.infra.rail",
        InfrastructureKind::Airport => "agenda.infra.airport",
        InfrastructureKind::Energy => "agenda.infra.energy",
        InfrastructureKind::Road => "agenda.infra.road",
    }
}

fn infrastructure(ui: &mut Ui, cx: &Cx, x: &InfrastructureAsk, full: bool, out: &mut Vec<Command>) {
    ui.label(RichText::new(cx.tr(infra_key(x.kind))).weak());
    ui.label(x.ask.get(cx.lang));
    if x.route.is_some() {
        ui.label(RichText::new(cx.tr("agenda.route_drawn")).small().italics());
    }
    place_links(ui, cx, "agenda.connects", &x.connects, out);
    cite(ui, cx, full, &x.sources);
}

pub(crate) fn group_key(g: PromotionGroup) -> &'static str {
    match g {
        PromotionGroup::RegionalActivity => "agenda.group.regional_activity",
        PromotionGroup::CompanySchool => "agenda.group.company_school",
        PromotionGroup::OtherInitiative => "agenda.group.other_initiative",
        PromotionGroup::Festival => "agenda.group.festival",
    }
}

pub(crate) fn focus_key(f: PromotionFocus) -> &'static str {
    match f {
        PromotionFocus::Technical => "agenda.focus.technical",
        PromotionFocus::Broad => "agenda.focus.broad",
        PromotionFocus::NatureAndTechnology => "agenda.focus.nature_technology",
    }
}

fn talent(ui: &mut Ui, cx: &Cx, t: &TalentInitiative, full: bool, out: &mut Vec<Command>) {
    let lang = cx.lang;
    let mut tags: Vec<String> = Vec::new();
    if t.network.is_some() {
        tags.push(cx.tr("agenda.talent.network").to_string());
    }
    if let Some(row) = &t.table_row {
        tags.extend(row.groups.iter().map(|g| cx.tr(group_key(*g)).to_string()));
        if let Some(f) = row.focus {
            tags.push(cx.tr(focus_key(f)).to_string());
        }
    }
    if t.mentioned.is_some() {
        tags.push(cx.tr("agenda.talent.mentioned").to_string());
    }
    ui.label(RichText::new(tags.join(" · ")).weak());
    ui.label(t.description.get(lang));
    if let Some(n) = &t.network {
        fact(ui, cx, "agenda.scope", n.scope.get(lang));
        if let Some(who) = &n.led_by {
            fact(ui, cx, "agenda.led_by", who);
        }
    }
    if let Some(row) = &t.table_row {
        if let Some(area) = &row.area {
            fact(ui, cx, "agenda.area", area.get(lang));
        }
        if let Some(a) = &row.activity {
            fact(ui, cx, "agenda.activity", a.get(lang));
        }
        if let Some(p) = &row.partners {
            fact(ui, cx, "agenda.involved_parties", p.get(lang));
        }
        if full {
            fact(ui, cx, "agenda.table_row", &row.row.to_string());
            if let Some(w) = &row.website {
                fact(ui, cx, "agenda.website", w);
            }
        }
    }
    if let Some(m) = &t.mentioned {
        place_links(ui, cx, "agenda.mentioned_at", &m.breakouts, out);
    }
    place_links(
        ui,
        cx,
        "agenda.on_map",
        &t.place.iter().cloned().collect::<Vec<_>>(),
        out,
    );
    cite(ui, cx, full, &t.sources);
}

fn instrument_kind_key(k: InstrumentKind) -> &'static str {
    match k {
        InstrumentKind::Fund => "agenda.instrument.fund",
        InstrumentKind::Subsidy => "agenda.instrument.subsidy",
        InstrumentKind::Programme => "agenda.instrument.programme",
        InstrumentKind::EuProgramme => "agenda.instrument.eu_programme",
    }
}

fn party_role_key(r: PartyRole) -> &'static str {
    match r {
        PartyRole::Commissions => "agenda.party.commissions",
        PartyRole::Runs => "agenda.party.runs",
        PartyRole::CoRuns => "agenda.party.co_runs",
        PartyRole::Shareholder => "agenda.party.shareholder",
        PartyRole::HelpDesk => "agenda.party.help_desk",
    }
}

fn instrument(ui: &mut Ui, cx: &Cx, f: &FinancingInstrument, full: bool, out: &mut Vec<Command>) {
    let mut line = format!(
        "{} · {}",
        cx.tr(instrument_kind_key(f.kind)),
        f.provinces.join(", ")
    );
    if let Some([a, b]) = f.years {
        line.push_str(&format!(" · {a}–{b}"));
    }
    ui.label(RichText::new(line).weak());
    if !f.aliases.is_empty() {
        fact(ui, cx, "details.aliases", &f.aliases.join(" · "));
    }
    ui.label(f.description.get(cx.lang));
    if let Some(o) = &f.offers {
        fact(ui, cx, "agenda.offers", o.get(cx.lang));
    }
    let parties: Vec<String> = f
        .parties
        .iter()
        .map(|p| format!("{} ({})", p.name, cx.tr(party_role_key(p.role))))
        .collect();
    fact(ui, cx, "agenda.who", &parties.join(", "));
    if let Some(a) = &f.accelerator {
        record_links(ui, cx, "agenda.kind.accelerator", &[a.as_str()], out);
    }
    cite(ui, cx, full, &f.sources);
}

/// "Bevestigd" → "bevestigd" inside a sentence; "TU Delft" stays as it is (an abbreviation
/// or a name: the second letter is a capital too, or there is none).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}
