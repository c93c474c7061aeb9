//! The list of regions and their places, filtered by sector.

use egui::RichText;

use super::View;
use crate::command::Command;
use crate::i18n::{self, tr};
use crate::model::RegionKind;
use crate::state::AppState;

/// Places listed per region before the list says how many more there are: the search finds
/// the rest, and a frame never lays out tens of thousands of rows.
pub const LIST_CAP: usize = 300;

/// The list; per region the places passing the filter, derived when the filter changes.
#[derive(Default)]
pub struct PlaceListView {
    /// `Visible::generation` the lists were made for, and per atlas region its places.
    lists: Option<(u64, Vec<Vec<usize>>)>,
}

impl PlaceListView {
    fn lists(&mut self, state: &AppState) -> &[Vec<usize>] {
        let generation = state.visible.generation;
        if self.lists.as_ref().is_none_or(|(g, _)| *g != generation) {
            let d = state.atlas.data();
            let lists = d
                .regions
                .iter()
                .filter(|r| r.kind == RegionKind::Atlas)
                .map(|r| {
                    state
                        .atlas
                        .profiles
                        .get(&r.id)
                        .map(|p| {
                            p.places
                                .iter()
                                .copied()
                                .filter(|&i| {
                                    d.places
                                        .get(i)
                                        .is_some_and(|p| state.passes_filter(&p.sectors))
                                })
                                .collect()
                        })
                        .unwrap_or_default()
                })
                .collect();
            self.lists = Some((generation, lists));
        }
        self.lists.as_ref().map_or(&[], |(_, l)| l.as_slice())
    }
}

impl View for PlaceListView {
    fn ui(&mut self, ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
        let lang = state.lang();
        let d = state.atlas.data();
        ui.heading(tr(lang, "regions.heading"));
        let lists = self.lists(state);
        egui::ScrollArea::vertical()
            .id_salt("place-list")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let regions = d.regions.iter().filter(|r| r.kind == RegionKind::Atlas);
                for (region, places) in regions.zip(lists) {
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
                            for p in places
                                .iter()
                                .take(LIST_CAP)
                                .filter_map(|&i| d.places.get(i))
                            {
                                let selected = state.selection() == Some(p.id.as_str());
                                let text = RichText::new(&p.name);
                                let r = ui
                                    .selectable_label(selected, text)
                                    .on_hover_text(i18n::kind(lang, p.kind));
                                if r.clicked() {
                                    out.push(Command::Focus(p.id.clone()));
                                }
                            }
                            if places.len() > LIST_CAP {
                                let more = crate::i18n::group_digits(places.len() - LIST_CAP, lang);
                                ui.weak(tr(lang, "places.more").replace("{n}", &more));
                            }
                        });
                }
            });
    }
}
