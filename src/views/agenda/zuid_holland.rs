//! Zuid-Holland: action lines → actions → product chains → project sheets, the six focus
//! themes, the asks to national government, leadership and governance, talent and technology
//! promotion, and what ROEM-II participants said per action line and product chain.

use egui::{RichText, Ui};

use super::{Cx, Section, card, section};
use crate::command::Command;
use crate::model::{ActionLine, AgendaKind, ConclusionKind, ProjectSheet};

const REGION: &str = "zuid-holland";

/// The sections, as (key, i18n key of the title, open at first), for the table of contents.
pub(super) const SECTIONS: &[Section] = &[
    ("zh-lines", "agenda.sec.lines", true),
    ("zh-themes", "agenda.sec.themes", true),
    ("zh-asks", "agenda.sec.asks", true),
    ("zh-leadership", "agenda.sec.leadership", false),
    ("zh-talent", "agenda.sec.talent", false),
    ("zh-roem", "agenda.sec.roem", false),
];

pub(super) fn ui(
    ui: &mut Ui,
    cx: &Cx,
    talent: &mut super::talent::TalentFilter,
    out: &mut Vec<Command>,
) {
    let d = cx.d;
    let mut lines: Vec<&ActionLine> = d
        .action_lines
        .iter()
        .filter(|a| a.region == REGION)
        .collect();
    lines.sort_by_key(|a| a.number);
    let mut ids: Vec<&str> = lines.iter().map(|a| a.id.as_str()).collect();
    ids.extend(
        d.product_chains
            .iter()
            .filter(|c| c.region == REGION)
            .map(|c| c.id.as_str()),
    );
    ids.extend(
        d.project_sheets
            .iter()
            .filter(|s| s.region == REGION)
            .map(|s| s.id.as_str()),
    );
    section(ui, cx, SECTIONS[0], &ids, |ui| {
        for a in &lines {
            line_block(ui, cx, a, out);
        }
    });

    let mut themes: Vec<_> = d
        .focus_themes
        .iter()
        .filter(|t| t.region == REGION)
        .collect();
    themes.sort_by_key(|t| t.number);
    let ids: Vec<&str> = themes.iter().map(|t| t.id.as_str()).collect();
    section(ui, cx, SECTIONS[1], &ids, |ui| {
        ui.label(RichText::new(cx.tr("agenda.themes_intro")).weak());
        for id in &ids {
            card(ui, cx, id, out);
        }
    });

    let ids = items(cx, AgendaKind::Ask);
    section(ui, cx, SECTIONS[2], &ids, |ui| {
        for id in &ids {
            card(ui, cx, id, out);
        }
    });

    let mut ids = items(cx, AgendaKind::Leadership);
    let leadership = ids.len();
    ids.extend(
        d.governance
            .iter()
            .filter(|g| g.region == REGION)
            .map(|g| g.id.as_str()),
    );
    section(ui, cx, SECTIONS[3], &ids, |ui| {
        for (i, id) in ids.iter().enumerate() {
            if i == leadership {
                ui.add_space(4.0);
                ui.label(RichText::new(cx.tr("agenda.governance")).strong());
            }
            card(ui, cx, id, out);
        }
    });

    let ids: Vec<&str> = d
        .talent_initiatives
        .iter()
        .filter(|t| t.region == REGION)
        .map(|t| t.id.as_str())
        .collect();
    section(ui, cx, SECTIONS[4], &ids, |ui| {
        super::talent::ui(ui, cx, REGION, talent, out);
    });

    section(ui, cx, SECTIONS[5], &[], |ui| conclusions(ui, cx, out));
}

/// Agenda items of one kind in this region, in their printed order.
fn items<'a>(cx: &Cx<'a>, kind: AgendaKind) -> Vec<&'a str> {
    let mut v: Vec<_> =
        cx.d.agenda_items
            .iter()
            .filter(|i| i.region == REGION && i.kind == kind)
            .collect();
    v.sort_by(|a, b| a.number.cmp(&b.number));
    v.into_iter().map(|i| i.id.as_str()).collect()
}

/// The action a sheet is shown under: the first one it names that the line has.
fn home_action<'a>(a: &ActionLine, s: &'a ProjectSheet) -> Option<&'a str> {
    s.actions
        .iter()
        .find(|n| a.actions.iter().any(|x| &x.number == *n))
        .map(String::as_str)
}

/// One action line: its goal, then per action its funding, product chain and project sheets.
fn line_block(ui: &mut Ui, cx: &Cx, a: &ActionLine, out: &mut Vec<Command>) {
    let d = cx.d;
    card(ui, cx, &a.id, out);
    let sheets: Vec<&ProjectSheet> = d
        .project_sheets
        .iter()
        .filter(|s| s.region == a.region && home_action(a, s).is_some())
        .collect();
    ui.indent(("agenda-line", a.id.as_str()), |ui| {
        for x in &a.actions {
            ui.add_space(4.0);
            // An action that is a product chain is named once, on the chain's card.
            let chains: Vec<_> = d
                .product_chains
                .iter()
                .filter(|c| c.region == a.region && c.action == x.number)
                .collect();
            let heading = if chains.iter().any(|c| c.name == x.title) {
                format!("{} · {}", x.number, cx.tr("agenda.kind.product_chain"))
            } else {
                format!("{} {}", x.number, x.title.get(cx.lang))
            };
            ui.label(RichText::new(heading).strong());
            if let Some(f) = &x.funding {
                ui.label(
                    RichText::new(format!("{}: {}", cx.tr("agenda.funding"), f.get(cx.lang)))
                        .small()
                        .weak(),
                );
            }
            for c in chains {
                card(ui, cx, &c.id, out);
            }
            for s in sheets
                .iter()
                .filter(|s| home_action(a, s) == Some(x.number.as_str()))
            {
                card(ui, cx, &s.id, out);
            }
        }
    });
    ui.add_space(8.0);
}

fn conclusion_key(k: ConclusionKind) -> &'static str {
    match k {
        ConclusionKind::Finding => "agenda.conclusion.finding",
        ConclusionKind::Question => "agenda.conclusion.question",
        ConclusionKind::Advice => "agenda.conclusion.advice",
    }
}

/// What participants said, per action line, product chain and agenda point.
fn conclusions(ui: &mut Ui, cx: &Cx, out: &mut Vec<Command>) {
    let d = cx.d;
    for survey in d.surveys.iter().filter(|s| s.region == REGION) {
        ui.label(RichText::new(&survey.name).strong());
        ui.label(RichText::new(survey.description.get(cx.lang)).weak());
        let mut topics: Vec<&str> = d
            .action_lines
            .iter()
            .map(|a| a.id.as_str())
            .chain(d.product_chains.iter().map(|c| c.id.as_str()))
            .chain(d.agenda_items.iter().map(|i| i.id.as_str()))
            .chain(std::iter::once(survey.id.as_str()))
            .collect();
        topics.retain(|t| survey.conclusions.iter().any(|c| c.topic == *t));
        for topic in topics {
            ui.add_space(6.0);
            match cx.record(topic).and_then(|r| r.data(d)) {
                Some(data) => {
                    let title = RichText::new(data.title(cx.lang))
                        .strong()
                        .color(ui.visuals().hyperlink_color);
                    if ui.link(title).clicked() {
                        out.push(Command::Focus(topic.to_string()));
                    }
                }
                None => {
                    ui.label(RichText::new(cx.tr("agenda.meeting_as_whole")).strong());
                }
            }
            for c in survey.conclusions.iter().filter(|c| c.topic == topic) {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(format!("{}:", cx.tr(conclusion_key(c.kind)))).weak());
                    ui.label(c.text.get(cx.lang));
                });
                super::place_links(ui, cx, "agenda.breakouts", &c.places, out);
                super::sources_line(ui, cx, &c.sources);
            }
        }
    }
}
