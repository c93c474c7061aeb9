//! Where no system file dialog can be shown (no desktop portal, no zenity), the app asks for
//! a path in a small window instead of doing nothing.

use egui::{RichText, Ui};

use super::View;
use crate::command::Command;
use crate::i18n::tr;
use crate::state::AppState;

/// What a path is asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum PathPurpose {
    Dataset,
    /// A dataset folder (such as `seeds/`).
    DatasetFolder,
    OpenDeck,
    SaveDeck,
    /// A CSV or XLSX file of the user's own organisations.
    UserLayer,
    /// An export; the command to run with the path.
    Export(Box<Command>),
}

#[derive(Default)]
pub struct PathPrompt {
    pub asking: Option<PathPurpose>,
    pub path: String,
    focus: bool,
}

impl PathPrompt {
    pub fn ask(&mut self, purpose: PathPurpose, proposal: String) {
        self.asking = Some(purpose);
        self.path = proposal;
        self.focus = true;
    }
}

/// The command a typed path answers.
pub fn command_for(purpose: PathPurpose, path: std::path::PathBuf) -> Command {
    match purpose {
        PathPurpose::Dataset | PathPurpose::DatasetFolder => Command::LoadDataset(path),
        PathPurpose::OpenDeck => Command::LoadDeck(path),
        PathPurpose::SaveDeck => Command::SaveDeckTo(path),
        PathPurpose::UserLayer => Command::LoadUserLayer(path),
        PathPurpose::Export(cmd) => match *cmd {
            Command::Export {
                deck,
                index,
                picture,
                ..
            } => Command::Export {
                deck,
                index,
                picture,
                path,
            },
            Command::Handout { deck, notes, .. } => Command::Handout { deck, notes, path },
            Command::ExportData { request, .. } => Command::ExportData { request, path },
            other => other,
        },
    }
}

impl View for PathPrompt {
    fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        let Some(purpose) = self.asking.clone() else {
            return;
        };
        let lang = state.settings.lang;
        let mut done = false;
        super::dialog_window(ui.ctx(), tr(lang, "path.heading"))
            .collapsible(false)
            .default_width(520.0)
            .show(ui.ctx(), |ui| {
                ui.label(RichText::new(tr(lang, "path.no_dialog")).weak());
                let field = ui.add(
                    egui::TextEdit::singleline(&mut self.path)
                        .desired_width(f32::INFINITY)
                        .hint_text(tr(lang, "path.hint")),
                );
                if self.focus {
                    field.request_focus();
                    self.focus = false;
                }
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    let ok = ui.button(tr(lang, "path.ok")).clicked() || enter;
                    if ok && !self.path.trim().is_empty() {
                        let path = std::path::PathBuf::from(self.path.trim());
                        out.push(command_for(purpose.clone(), path));
                        done = true;
                    }
                    if ui.button(tr(lang, "path.cancel")).clicked() {
                        done = true;
                    }
                });
            });
        if done {
            self.asking = None;
        }
    }
}
