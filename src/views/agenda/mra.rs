//! The Metropoolregio Amsterdam: the four challenges, the three pillars, the five accelerators
//! with their action lines, initiators and partners, and the financing instruments of
//! Noord-Holland and Flevoland with who runs them.

use egui::Ui;

use super::{Cx, Section, card, section};
use crate::command::Command;
use crate::model::AgendaKind;

const REGION: &str = "mra";

/// The sections, as (key, i18n key of the title, open at first), for the table of contents.
pub(super) const SECTIONS: &[Section] = &[
    ("mra-challenges", "agenda.sec.challenges", true),
    ("mra-pillars", "agenda.sec.pillars", true),
    ("mra-accelerators", "agenda.sec.accelerators", true),
    ("mra-instruments", "agenda.sec.instruments", true),
];

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

fn cards(ui: &mut Ui, cx: &Cx, ids: &[&str], out: &mut Vec<Command>) {
    for id in ids {
        card(ui, cx, id, out);
    }
}

pub(super) fn ui(ui: &mut Ui, cx: &Cx, out: &mut Vec<Command>) {
    let d = cx.d;
    let ids = items(cx, AgendaKind::Challenge);
    section(ui, cx, SECTIONS[0], &ids, |ui| cards(ui, cx, &ids, out));
    let ids = items(cx, AgendaKind::Pillar);
    section(ui, cx, SECTIONS[1], &ids, |ui| cards(ui, cx, &ids, out));
    let mut accelerators: Vec<_> = d
        .accelerators
        .iter()
        .filter(|a| a.region == REGION)
        .collect();
    accelerators.sort_by_key(|a| a.number);
    let ids: Vec<&str> = accelerators.iter().map(|a| a.id.as_str()).collect();
    section(ui, cx, SECTIONS[2], &ids, |ui| cards(ui, cx, &ids, out));
    let ids: Vec<&str> = d
        .financing_instruments
        .iter()
        .filter(|f| f.region == REGION)
        .map(|f| f.id.as_str())
        .collect();
    section(ui, cx, SECTIONS[3], &ids, |ui| {
        ui.label(egui::RichText::new(cx.tr("agenda.instruments_intro")).weak());
        cards(ui, cx, &ids, out)
    });
}
