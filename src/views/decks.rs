//! The deck window: choose a deck, start it, build one's own from the current view (add,
//! reorder, retitle, delete), open and save deck files, and export slides as images.

use egui::{RichText, Ui};

use super::View;
use crate::command::{Command, ImageFormat, Picture};
use crate::i18n::tr;
use crate::state::{AppState, DeckChoice};

/// Export formats offered for slides, in menu order.
pub const FORMATS: [Picture; 5] = [
    Picture {
        format: ImageFormat::Png { scale: 1 },
        paper: None,
    },
    Picture {
        format: ImageFormat::Png { scale: 2 },
        paper: None,
    },
    Picture {
        format: ImageFormat::Png { scale: 4 },
        paper: None,
    },
    Picture {
        format: ImageFormat::Svg,
        paper: None,
    },
    Picture {
        format: ImageFormat::Pdf,
        paper: None,
    },
];

/// Something the app tells the presenter (a save, an export, a failure).
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct DeckWindow {
    pub open: bool,
    /// The slide whose texts are being edited, with the edit buffers.
    editing: Option<usize>,
    title: String,
    caption: String,
    notes: String,
    pub format: Picture,
    /// Handouts carry the speaker's notes.
    pub handout_notes: bool,
    pub status: Option<Status>,
    /// The own deck's revision the editor's buffers belong to.
    revision: u64,
}

impl Default for DeckWindow {
    fn default() -> Self {
        DeckWindow {
            open: false,
            editing: None,
            title: String::new(),
            caption: String::new(),
            notes: String::new(),
            format: FORMATS[1],
            handout_notes: true,
            status: None,
            revision: 0,
        }
    }
}

impl View for DeckWindow {
    fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        let lang = state.lang();
        let mut open = true;
        egui::Window::new(tr(lang, "present.window"))
            .open(&mut open)
            .default_width(460.0)
            .default_pos(ui.ctx().content_rect().right_top() + egui::vec2(-500.0, 110.0))
            .default_height(560.0)
            .show(ui.ctx(), |ui| self.contents(ui, state, out));
        if !open {
            out.push(Command::ShowDeckWindow(false));
        }
    }
}

impl DeckWindow {
    /// The slide being edited keeps its buffers when it, or its neighbour, moves.
    fn follow_move(&mut self, from: usize, to: usize) {
        if self.editing == Some(from) {
            self.editing = Some(to);
        } else if self.editing == Some(to) {
            self.editing = Some(from);
        }
    }

    fn contents(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        let lang = state.lang();
        let s = &state.settings;
        let own = s.deck == DeckChoice::Own;
        ui.horizontal(|ui| {
            let chosen = state
                .chosen_deck()
                .map_or(tr(lang, "present.own").to_string(), |d| d.title.clone());
            egui::ComboBox::new("deck-choice", tr(lang, "present.deck"))
                .selected_text(chosen)
                .width(300.0)
                .show_ui(ui, |ui| {
                    for (b, deck) in &state.builtin_decks {
                        let choice = DeckChoice::Builtin(*b);
                        if ui.selectable_label(s.deck == choice, &deck.title).clicked() {
                            out.push(Command::ChooseDeck(choice));
                        }
                    }
                    if ui.selectable_label(own, tr(lang, "present.own")).clicked() {
                        out.push(Command::ChooseDeck(DeckChoice::Own));
                    }
                });
        });
        ui.horizontal_wrapped(|ui| {
            let has_slides = state.chosen_deck().is_some_and(|d| !d.slides.is_empty());
            if ui
                .add_enabled(has_slides, egui::Button::new(tr(lang, "present.start")))
                .clicked()
            {
                out.push(Command::StartPresenting(0));
            }
            if ui.button(tr(lang, "present.add_view")).clicked() {
                out.push(Command::AddCurrentViewAsSlide);
            }
        });
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr(lang, "present.new")).clicked() {
                out.push(Command::NewOwnDeck);
            }
            if ui.button(tr(lang, "present.open")).clicked() {
                out.push(Command::OpenDeckDialog);
            }
            if own {
                if ui.button(tr(lang, "present.save")).clicked() {
                    out.push(Command::SaveDeck);
                }
                if ui.button(tr(lang, "present.save_as")).clicked() {
                    out.push(Command::SaveDeckAsDialog);
                }
            } else if ui.button(tr(lang, "present.copy_builtin")).clicked() {
                out.push(Command::CopyBuiltinToOwn);
            }
        });
        if own {
            let mut line = s
                .own_deck_path
                .as_ref()
                .map_or_else(String::new, |p| p.display().to_string());
            if s.own_deck_dirty {
                line = format!("{line} ({})", tr(lang, "present.unsaved"));
            }
            ui.label(RichText::new(line.trim()).small().weak());
        }
        ui.horizontal(|ui| {
            egui::ComboBox::new("export-format", tr(lang, "present.format"))
                .selected_text(self.format.label())
                .show_ui(ui, |ui| {
                    for f in FORMATS {
                        ui.selectable_value(&mut self.format, f, f.label());
                    }
                });
            if ui.button(tr(lang, "present.export_view")).clicked() {
                out.push(Command::ExportDialog {
                    slide: None,
                    picture: self.format,
                });
            }
        });
        ui.horizontal(|ui| {
            ui.checkbox(&mut self.handout_notes, tr(lang, "picture.notes"));
            if ui.button(tr(lang, "action.export_handout")).clicked() {
                out.push(Command::HandoutDialog {
                    notes: self.handout_notes,
                });
            }
        });
        if let Some(st) = &self.status {
            let text = RichText::new(&st.text).small();
            ui.label(if st.error {
                text.color(ui.visuals().error_fg_color)
            } else {
                text
            });
        }
        ui.separator();
        let Some(deck) = state.chosen_deck() else {
            ui.label(RichText::new(tr(lang, "present.empty")).weak());
            return;
        };
        if deck.slides.is_empty() {
            ui.label(RichText::new(tr(lang, "present.empty")).weak());
        }
        if self.editing.is_some_and(|i| i >= deck.slides.len() || !own)
            || self.revision != state.own_deck_revision
        {
            self.editing = None;
            self.revision = state.own_deck_revision;
        }
        let n = deck.slides.len();
        egui::ScrollArea::vertical()
            .id_salt("deck-slides")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (i, slide) in deck.slides.iter().enumerate() {
                    ui.horizontal(|ui| {
                        let start = ui
                            .small_button("▶")
                            .on_hover_text(tr(lang, "present.start"));
                        // Named for a screen reader: "Presenteren vanaf dia 3".
                        start.widget_info(|| {
                            let label = format!("{} {}", tr(lang, "present.from_slide"), i + 1);
                            egui::WidgetInfo::labeled(egui::Role::Button, true, label)
                        });
                        if start.clicked() {
                            out.push(Command::StartPresenting(i));
                        }
                        if ui.small_button(tr(lang, "present.export")).clicked() {
                            out.push(Command::ExportDialog {
                                slide: Some(i),
                                picture: self.format,
                            });
                        }
                        if own {
                            if ui
                                .add_enabled(
                                    i > 0,
                                    egui::Button::new(tr(lang, "present.up")).small(),
                                )
                                .clicked()
                            {
                                out.push(Command::MoveSlide { from: i, to: i - 1 });
                                self.follow_move(i, i - 1);
                            }
                            if ui
                                .add_enabled(
                                    i + 1 < n,
                                    egui::Button::new(tr(lang, "present.down")).small(),
                                )
                                .clicked()
                            {
                                out.push(Command::MoveSlide { from: i, to: i + 1 });
                                self.follow_move(i, i + 1);
                            }
                            if ui.small_button(tr(lang, "present.delete")).clicked() {
                                out.push(Command::DeleteSlide(i));
                                self.editing = None;
                            }
                        }
                        // The number stands apart, in grey: many titles carry a number of
                        // their own ("1. NL Space Campus", the source map's), and "2. 1. …"
                        // reads as nonsense. A screen reader hears "Dia 2: 1. NL Space Campus".
                        ui.label(
                            egui::RichText::new(format!("{:>2}", i + 1))
                                .weak()
                                .monospace(),
                        );
                        let editing = self.editing == Some(i);
                        let entry = ui.selectable_label(editing, &slide.title);
                        entry.widget_info(|| {
                            let label =
                                format!("{} {}: {}", tr(lang, "present.slide"), i + 1, slide.title);
                            egui::WidgetInfo::selected(egui::Role::Button, true, editing, label)
                        });
                        if entry.clicked() {
                            out.push(Command::ShowSlide(i));
                            if own {
                                self.editing = Some(i);
                                self.title = slide.title.clone();
                                self.caption = slide.caption.clone();
                                self.notes = slide.notes.clone();
                            }
                        }
                    });
                    if self.editing == Some(i) {
                        self.editor(ui, i, lang, out);
                    }
                }
            });
    }

    /// Title, caption and notes of one slide of the own deck.
    fn editor(
        &mut self,
        ui: &mut Ui,
        index: usize,
        lang: crate::model::Lang,
        out: &mut Vec<Command>,
    ) {
        let mut changed = false;
        egui::Grid::new(("slide-editor", index))
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                let label = ui.label(tr(lang, "present.title"));
                changed |= ui
                    .add(
                        egui::TextEdit::singleline(&mut self.title)
                            .desired_width(300.0)
                            .hint_text(tr(lang, "present.title")),
                    )
                    .labelled_by(label.id)
                    .changed();
                ui.end_row();
                let label = ui.label(tr(lang, "present.caption"));
                changed |= ui
                    .add(
                        egui::TextEdit::multiline(&mut self.caption)
                            .desired_rows(2)
                            .desired_width(300.0)
                            .hint_text(tr(lang, "present.caption")),
                    )
                    .labelled_by(label.id)
                    .changed();
                ui.end_row();
                let label = ui.label(tr(lang, "present.notes"));
                changed |= ui
                    .add(
                        egui::TextEdit::multiline(&mut self.notes)
                            .desired_rows(3)
                            .desired_width(300.0)
                            .hint_text(tr(lang, "present.notes")),
                    )
                    .labelled_by(label.id)
                    .changed();
                ui.end_row();
            });
        if changed {
            out.push(Command::SetSlideText {
                index,
                title: self.title.clone(),
                caption: self.caption.clone(),
                notes: self.notes.clone(),
            });
        }
    }
}
