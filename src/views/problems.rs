//! The readable list of problems of a dataset that failed to open.

use super::View;
use crate::command::Command;
use crate::i18n::tr;
use crate::state::AppState;

#[derive(Default)]
pub struct ProblemsView;

impl View for ProblemsView {
    fn ui(&mut self, ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
        let Some(err) = &state.load_error else {
            return;
        };
        let lang = state.lang();
        let mut open = true;
        super::dialog_window(ui.ctx(), tr(lang, "problems.heading"))
            .id(egui::Id::unique("dataset-problems"))
            .open(&mut open)
            .default_width(640.0)
            .show(ui.ctx(), |ui| {
                ui.label(tr(lang, "problems.kept"));
                ui.label(egui::RichText::new(err.to_string()).strong());
                ui.separator();
                egui::ScrollArea::vertical()
                    .max_height(420.0)
                    .show(ui, |ui| {
                        for p in &err.problems {
                            let head = match &p.record {
                                Some(id) => format!("{}  [{id}]", p.location()),
                                None => p.location(),
                            };
                            ui.label(egui::RichText::new(head).monospace());
                            ui.label(p.message_in(lang));
                            ui.label(
                                egui::RichText::new(format!(
                                    "{}: {}",
                                    tr(lang, "problems.fix"),
                                    p.fix_in(lang)
                                ))
                                .weak(),
                            );
                            ui.add_space(6.0);
                        }
                    });
                if ui.button(tr(lang, "problems.dismiss")).clicked() {
                    out.push(Command::DismissProblems);
                }
            });
        if !open {
            out.push(Command::DismissProblems);
        }
    }
}
