//! The search box and its result list: type, move with the arrow keys, Enter to go.

use egui::{Key, RichText};

use super::View;
use crate::atlas::search::Hit;
use crate::command::Command;
use crate::i18n::{self, tr};
use crate::state::AppState;

const MAX_RESULTS: usize = 12;

#[derive(Default)]
pub struct SearchView {
    pub query: String,
    /// The query the results belong to, so they are only recomputed when it changes.
    searched: String,
    atlas: usize,
    results: Vec<Hit>,
    /// Highlighted row of the result list.
    row: usize,
    focus_requested: bool,
    /// A result was chosen: the list folds away until the query changes.
    chosen: bool,
}

impl SearchView {
    pub fn request_focus(&mut self) {
        self.focus_requested = true;
    }

    pub fn results(&self) -> &[Hit] {
        &self.results
    }
}

impl View for SearchView {
    fn ui(&mut self, ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
        let lang = state.lang();
        let atlas = &state.atlas;
        let edit = egui::TextEdit::singleline(&mut self.query)
            .hint_text(tr(lang, "search.hint"))
            .desired_width(f32::INFINITY);
        let label = ui.label(egui::RichText::new(tr(lang, "search.label")).strong());
        let response = ui.add(edit).labelled_by(label.id);
        if self.focus_requested {
            response.request_focus();
            self.focus_requested = false;
        }
        let atlas_id = std::sync::Arc::as_ptr(atlas) as usize;
        if self.query != self.searched || self.atlas != atlas_id {
            self.results = atlas.search.search(&self.query, MAX_RESULTS);
            self.searched = self.query.clone();
            self.atlas = atlas_id;
            self.row = 0;
            self.chosen = false;
        }
        if response.has_focus() || response.lost_focus() {
            let (down, up, enter, escape) = ui.input(|i| {
                (
                    i.key_pressed(Key::ArrowDown),
                    i.key_pressed(Key::ArrowUp),
                    i.key_pressed(Key::Enter),
                    i.key_pressed(Key::Escape),
                )
            });
            if down && self.row + 1 < self.results.len() {
                self.row += 1;
            }
            if up {
                self.row = self.row.saturating_sub(1);
            }
            if enter
                && let Some(hit) = self.results.get(self.row)
                && let Some(p) = atlas.data().places.get(hit.place)
            {
                out.push(Command::Focus(p.id.clone()));
                self.chosen = true;
            }
            if escape {
                self.query.clear();
            }
        }
        if self.query.trim().is_empty() || self.chosen {
            return;
        }
        if self.results.is_empty() {
            ui.label(RichText::new(tr(lang, "search.none")).weak());
            return;
        }
        let d = atlas.data();
        for (row, hit) in self.results.iter().enumerate() {
            let Some(p) = d.places.get(hit.place) else {
                continue;
            };
            let mut text = p.name.clone();
            if hit.matched != p.name {
                text.push_str(&format!(
                    "  ({}: {})",
                    tr(lang, hit.field.key()),
                    hit.matched
                ));
            }
            let r = ui
                .selectable_label(row == self.row, text)
                .on_hover_text(i18n::kind(lang, p.kind));
            if r.clicked() {
                out.push(Command::Focus(p.id.clone()));
                self.chosen = true;
            }
        }
    }
}
