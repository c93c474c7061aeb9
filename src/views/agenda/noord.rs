//! Noord-Nederland: the clusters with their sites, the five asks to national government (the
//! talent actions under ask 4) and the infrastructure asks.

use egui::{RichText, Ui};

use super::{Cx, Section, card, place_links, section};
use crate::command::Command;
use crate::model::{AgendaKind, PlaceKind};

const REGION: &str = "noord-nederland";

/// The sections, as (key, i18n key of the title, open at first), for the table of contents.
pub(super) const SECTIONS: &[Section] = &[
    ("nn-clusters", "agenda.sec.clusters", true),
    ("nn-asks", "agenda.sec.asks", true),
    ("nn-infra", "agenda.sec.infra", true),
];

pub(super) fn ui(ui: &mut Ui, cx: &Cx, out: &mut Vec<Command>) {
    let d = cx.d;
    section(ui, cx, SECTIONS[0], &[], |ui| {
        for c in d
            .places
            .iter()
            .filter(|p| p.region == REGION && p.kind == PlaceKind::Cluster)
        {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let selected = cx.selected == Some(c.id.as_str());
                let title = RichText::new(&c.name).strong().size(15.0);
                if ui
                    .selectable_label(selected, title)
                    .on_hover_text(cx.tr("agenda.place_hint"))
                    .clicked()
                {
                    out.push(Command::Focus(c.id.clone()));
                }
                crate::views::details::sector_chips(ui, d, &c.sectors, cx.lang, out);
                ui.label(c.description.get(cx.lang));
                let sites: Vec<String> = cx
                    .atlas
                    .children_of(&c.id)
                    .iter()
                    .filter_map(|&i| d.places.get(i))
                    .map(|p| p.id.clone())
                    .collect();
                place_links(ui, cx, "agenda.sites", &sites, out);
                let cites: Vec<_> = crate::views::details::covering(&c.sources, "description")
                    .into_iter()
                    .cloned()
                    .collect();
                super::sources_line(ui, cx, &cites);
            });
        }
    });
    let mut asks: Vec<_> = d
        .agenda_items
        .iter()
        .filter(|i| i.region == REGION && i.kind == AgendaKind::Ask)
        .collect();
    asks.sort_by(|a, b| a.number.cmp(&b.number));
    let ids: Vec<&str> = asks.iter().map(|i| i.id.as_str()).collect();
    section(ui, cx, SECTIONS[1], &ids, |ui| {
        for id in &ids {
            card(ui, cx, id, out);
        }
    });
    let ids: Vec<&str> = d
        .infrastructure
        .iter()
        .filter(|x| x.region == REGION)
        .map(|x| x.id.as_str())
        .collect();
    section(ui, cx, SECTIONS[2], &ids, |ui| {
        for id in &ids {
            card(ui, cx, id, out);
        }
    });
}
