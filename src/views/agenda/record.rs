//! A selected agenda record in the details panel, in full. (A place's own details list the
//! records it takes part in; see `views::details`.)

use egui::{RichText, Ui};

use super::{Cx, body, slide_button};
use crate::atlas::agenda::{Record, RecordKind};
use crate::command::Command;
use crate::state::{AppState, Mode};
use crate::views::View;

/// The details panel when an agenda record is selected.
#[derive(Default)]
pub struct RecordView;

impl View for RecordView {
    fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        let Some(rec) = state.selection().and_then(|id| state.atlas.agenda.get(id)) else {
            return;
        };
        egui::ScrollArea::vertical()
            .id_salt("agenda-details")
            .auto_shrink([false, false])
            .show(ui, |ui| record_ui(ui, state, rec, out));
    }
}

fn cx(state: &AppState) -> Cx<'_> {
    Cx {
        atlas: &state.atlas,
        d: state.atlas.data(),
        lang: state.lang(),
        selected: state.selection(),
        involved: Vec::new(),
        reveal: None,
        jump: None,
        expand_selected: true,
    }
}

/// The selected agenda record: title, kind and region, everything it says, its places as
/// links, its sources; a slide can be made of sheets, themes and asks.
pub fn record_ui(ui: &mut Ui, state: &AppState, rec: &Record, out: &mut Vec<Command>) {
    let cx = cx(state);
    let Some(data) = rec.data(cx.d) else { return };
    ui.horizontal_wrapped(|ui| {
        ui.heading(data.title(cx.lang));
        if ui
            .small_button("×")
            .on_hover_text(cx.tr("details.close"))
            .clicked()
        {
            out.push(Command::Select(None));
        }
    });
    let region = cx.atlas.name_of(&rec.region, cx.lang);
    ui.label(RichText::new(format!("{} · {region}", cx.tr(rec.kind.key()))).weak());
    ui.horizontal_wrapped(|ui| {
        if rec.kind.makes_slide() {
            slide_button(ui, &cx, &rec.id, out);
        }
        if state.settings.mode != Mode::Agenda
            && ui.small_button(cx.tr("agenda.show_in_agenda")).clicked()
        {
            out.push(Command::SetMode(Mode::Agenda));
        }
    });
    ui.add_space(4.0);
    body::body(ui, &cx, rec, true, out);
    // The other kinds list their places in their own words (partners, connects, sites…).
    if matches!(rec.kind, RecordKind::ActionLine | RecordKind::Instrument) {
        super::place_links(ui, &cx, "agenda.involves", &rec.places, out);
    }
}
