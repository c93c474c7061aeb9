//! The command palette (Ctrl+K): every action of the menus, found by typing part of its name,
//! run with Enter. Made from [`Action::ALL`], like the menus and shortcuts.

use egui::{Key, RichText, Ui};

use super::View;
use crate::command::{Action, Command};
use crate::i18n::tr;
use crate::state::AppState;

#[derive(Default)]
pub struct Palette {
    pub open: bool,
    query: String,
    /// The highlighted entry among the matches.
    chosen: usize,
    focus: bool,
}

impl Palette {
    pub fn show(&mut self) {
        self.open = true;
        self.query.clear();
        self.chosen = 0;
        self.focus = true;
    }
}

/// Lower case without accents, for matching what people type.
fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The actions whose label contains every word typed.
pub fn matches(state: &AppState, query: &str) -> Vec<Action> {
    let lang = state.settings.lang;
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_string).collect();
    Action::ALL
        .into_iter()
        .filter(|a| *a != Action::CommandPalette)
        .filter(|a| {
            let label = fold(tr(lang, a.key()));
            words.iter().all(|w| label.contains(w.as_str()))
        })
        .collect()
}

impl View for Palette {
    fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        let lang = state.settings.lang;
        let found = matches(state, &self.query);
        self.chosen = self.chosen.min(found.len().saturating_sub(1));
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("command-palette")).show(ui.ctx(), |ui| {
            ui.set_width(420.0);
            ui.label(RichText::new(tr(lang, "palette.heading")).strong());
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text(tr(lang, "palette.hint"))
                    .desired_width(f32::INFINITY),
            );
            if self.focus {
                field.request_focus();
                self.focus = false;
            }
            let (down, up, enter) = ui.input(|i| {
                (
                    i.key_pressed(Key::ArrowDown),
                    i.key_pressed(Key::ArrowUp),
                    i.key_pressed(Key::Enter),
                )
            });
            if down {
                self.chosen = (self.chosen + 1).min(found.len().saturating_sub(1));
            }
            if up {
                self.chosen = self.chosen.saturating_sub(1);
            }
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for (k, a) in found.iter().enumerate() {
                        let mut button =
                            egui::Button::selectable(k == self.chosen, tr(lang, a.key()));
                        // Every entry gets a shortcut column (empty when it has none): a
                        // sized button without one centres its label.
                        let shortcut = a
                            .shortcut()
                            .map(|s| ui.ctx().format_shortcut(&s))
                            .unwrap_or_default();
                        button = button.shortcut_text(shortcut);
                        if ui.add_sized([ui.available_width(), 22.0], button).clicked() {
                            out.push(Command::Run(*a));
                            close = true;
                        }
                    }
                    if found.is_empty() {
                        ui.label(RichText::new(tr(lang, "palette.none")).weak());
                    }
                });
            if enter && let Some(a) = found.get(self.chosen) {
                out.push(Command::Run(*a));
                close = true;
            }
        });
        // Escape (whether or not the field has the focus) or a click beside the palette.
        if close || modal.should_close() {
            self.open = false;
        }
    }
}
