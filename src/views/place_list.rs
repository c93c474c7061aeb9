//! The list of regions and their places, filtered by sector.

use egui::RichText;

use super::View;
use crate::command::Command;
use crate::i18n::{self, tr};
use crate::model::RegionKind;
use crate::state::AppState;

#[derive(Default)]
pub struct PlaceListView;

impl View for PlaceListView {
    fn ui(&mut self, ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
        let lang = state.lang();
        let d = state.atlas.data();
        ui.heading(tr(lang, "regions.heading"));
        egui::ScrollArea::vertical()
            .id_salt("place-list")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for region in d.regions.iter().filter(|r| r.kind == RegionKind::Atlas) {
                    let places: Vec<_> = d
                        .places
                        .iter()
                        .filter(|p| p.region == region.id && state.passes_filter(&p.sectors))
                        .collect();
                    let header = format!(
                        "{} ({})",
                        region.name.get(lang),
                        crate::i18n::count(lang, places.len(), "places.count")
                    );
                    egui::CollapsingHeader::new(header)
                        .id_salt(("region", &region.id))
                        .default_open(true)
                        .show(ui, |ui| {
                            let selected = state.selection() == Some(region.id.as_str());
                            if ui
                                .selectable_label(selected, region.name.get(lang))
                                .clicked()
                            {
                                out.push(Command::Focus(region.id.clone()));
                            }
                            for p in places {
                                let selected = state.selection() == Some(p.id.as_str());
                                let text = RichText::new(&p.name);
                                let r = ui
                                    .selectable_label(selected, text)
                                    .on_hover_text(i18n::kind(lang, p.kind));
                                if r.clicked() {
                                    out.push(Command::Focus(p.id.clone()));
                                }
                            }
                        });
                }
            });
    }
}
