//! The About window: what the atlas is, its sources and the basemap's attribution.

use egui::RichText;

use super::View;
use crate::basemap;
use crate::command::Command;
use crate::i18n::tr;
use crate::model::{Lang, SourceKind};
use crate::state::AppState;

#[derive(Default)]
pub struct AboutView {
    pub open: bool,
}

impl View for AboutView {
    fn ui(&mut self, ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        let lang = state.lang();
        let d = state.atlas.data();
        let mut open = true;
        super::dialog_window(ui.ctx(), tr(lang, "about.heading"))
            .id(egui::Id::unique("about-window"))
            .open(&mut open)
            .default_width(560.0)
            .show(ui.ctx(), |ui| {
                egui::ScrollArea::vertical()
                    .max_height(520.0)
                    .show(ui, |ui| {
                        ui.label(tr(lang, "about.text"));
                        ui.add_space(6.0);
                        ui.label(RichText::new(tr(lang, "about.sources")).strong());
                        for s in d.sources.iter().filter(|s| s.kind == SourceKind::Seed) {
                            let file = s.file.as_deref().unwrap_or_default();
                            ui.label(format!("{} — {file}", s.title));
                        }
                        ui.add_space(6.0);
                        ui.label(RichText::new(tr(lang, "about.external")).strong());
                        for s in d.sources.iter().filter(|s| s.kind == SourceKind::External) {
                            ui.label(format!("{}: {}", s.title, s.note.get(lang)));
                        }
                        ui.add_space(6.0);
                        ui.label(RichText::new(tr(lang, "about.map")).strong());
                        ui.label(match lang {
                            Lang::Nl => basemap::ATTRIBUTION_LONG_NL,
                            Lang::En => basemap::ATTRIBUTION_LONG_EN,
                        });
                        ui.label(format!("GeoNames: CC BY 4.0 — {}", basemap::CC_BY_URL));
                        ui.label(match lang {
                            Lang::Nl => basemap::RIVERS_NOTICE_NL,
                            Lang::En => basemap::RIVERS_NOTICE_EN,
                        });
                        ui.label(format!(
                            "GSHHG: {} — LGPL: {}",
                            basemap::GSHHG_URL,
                            basemap::LGPL_URL
                        ));
                        ui.label(tr(lang, "about.fonts"));
                        ui.label(tr(lang, "about.offline"));
                    });
            });
        if !open {
            out.push(Command::ShowAbout(false));
        }
    }
}
