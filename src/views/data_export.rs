//! Data in and out from the File menu: the "export data" window (format and scope, then a
//! path) and the report of the user's own organisations (how many rows were read, and every
//! row with a problem, with its row, column and fix).

use egui::{RichText, Ui};

use super::View;
use crate::command::{Command, DataExport, DataFormat as Format};
use crate::i18n::tr;
use crate::model::Problem;
use crate::state::AppState;

/// The export window: open or not, the choices, and the last result.
pub struct DataExportView {
    pub open: bool,
    pub format: Format,
    pub shown_only: bool,
    /// The last export's result (text, failed).
    pub status: Option<(String, bool)>,
}

impl Default for DataExportView {
    fn default() -> Self {
        DataExportView {
            open: false,
            format: Format::Xlsx,
            shown_only: true,
            status: None,
        }
    }
}

impl View for DataExportView {
    fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        let lang = state.settings.lang;
        let mut open = true;
        super::dialog_window(ui.ctx(), tr(lang, "data.heading"))
            .id(egui::Id::unique("data-export"))
            .open(&mut open)
            .collapsible(false)
            .default_width(380.0)
            .show(ui.ctx(), |ui| {
                ui.label(RichText::new(tr(lang, "data.format")).strong());
                for f in Format::ALL {
                    ui.radio_value(&mut self.format, f, f.label(lang));
                }
                ui.add_space(6.0);
                ui.label(RichText::new(tr(lang, "data.scope")).strong());
                ui.add_enabled_ui(self.format.takes_subset(), |ui| {
                    ui.radio_value(&mut self.shown_only, true, tr(lang, "data.shown"));
                    ui.radio_value(&mut self.shown_only, false, tr(lang, "data.everything"));
                });
                if !self.format.takes_subset() {
                    ui.label(RichText::new(tr(lang, "data.json_whole")).weak());
                }
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    if ui.button(tr(lang, "data.export")).clicked() {
                        out.push(Command::ExportDataDialog(DataExport {
                            format: self.format,
                            shown_only: self.shown_only && self.format.takes_subset(),
                        }));
                    }
                    if ui.button(tr(lang, "data.close")).clicked() {
                        out.push(Command::ShowDataExport(false));
                    }
                });
                super::status_line(ui, self.status.as_ref());
            });
        if !open {
            out.push(Command::ShowDataExport(false));
        }
    }
}

/// What reading the user's file found, shown until dismissed.
#[derive(Default)]
pub struct UserLayerReport {
    /// The summary line and the problems by row.
    pub report: Option<(String, Vec<Problem>, bool)>,
}

impl UserLayerReport {
    /// Shows a report: the summary, the problems, and whether any row was loaded.
    pub fn show(&mut self, summary: String, problems: Vec<Problem>, loaded: bool) {
        self.report = Some((summary, problems, loaded));
    }
}

impl View for UserLayerReport {
    fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        let Some((summary, problems, loaded)) = &self.report else {
            return;
        };
        let lang = state.settings.lang;
        let mut open = true;
        super::dialog_window(ui.ctx(), tr(lang, "layer.heading"))
            .id(egui::Id::unique("user-layer-report"))
            .open(&mut open)
            .default_width(620.0)
            .show(ui.ctx(), |ui| {
                ui.label(RichText::new(summary).strong());
                if !loaded {
                    ui.label(tr(lang, "layer.none_loaded"));
                }
                if !problems.is_empty() {
                    if *loaded {
                        ui.label(tr(lang, "layer.loaded"));
                    }
                    ui.separator();
                    egui::ScrollArea::vertical()
                        .max_height(380.0)
                        .show(ui, |ui| {
                            // 100,000 rows may all have a problem: draw the visible ones only.
                            ui.set_min_width(560.0);
                            for p in problems.iter().take(2000) {
                                ui.label(RichText::new(p.location()).monospace());
                                ui.label(p.message_in(lang));
                                ui.label(
                                    RichText::new(format!(
                                        "{}: {}",
                                        tr(lang, "problems.fix"),
                                        p.fix_in(lang)
                                    ))
                                    .weak(),
                                );
                                ui.add_space(4.0);
                            }
                            if problems.len() > 2000 {
                                ui.label(format!("… +{}", problems.len() - 2000));
                            }
                        });
                }
                if ui.button(tr(lang, "problems.dismiss")).clicked() {
                    out.push(Command::DismissUserLayerReport);
                }
            });
        if !open {
            out.push(Command::DismissUserLayerReport);
        }
    }
}
