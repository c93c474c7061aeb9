//! The presenter's own window: where they are, pictures of this slide and the next, their
//! notes and the time. The slide itself is drawn by [`super::slide`].

use egui::{Color32, RichText, Ui};

use crate::command::Command;
use crate::i18n::tr;
use crate::model::Lang;
use crate::state::presentation::{self, Presentation};

/// The presenter's window: where they are, pictures of this slide and the next, their notes
/// and the time.
pub fn presenter_window(
    ctx: &egui::Context,
    p: &mut Presentation,
    lang: Lang,
    now: f64,
    pictures: [Option<&egui::TextureHandle>; 2],
) -> Vec<Command> {
    let mut out = Vec::new();
    let builder = egui::ViewportBuilder::default()
        .with_title(tr(lang, "present.presenter_view"))
        .with_inner_size([640.0, 440.0]);
    ctx.show_viewport_immediate(
        egui::ViewportId::from_hash_of("presenter-view"),
        builder,
        |ui, _class| {
            out.extend(
                ui.ctx()
                    .input_mut(|i| crate::views::clicker::take_keys(i, &mut p.typed)),
            );
            if ui.ctx().input(|i| i.viewport().close_requested()) {
                out.push(Command::TogglePresenterView);
            }
            egui::CentralPanel::default()
                .show(ui, |ui| notes_ui(ui, p, lang, now, pictures, &mut out));
        },
    );
    out
}

/// A slide's picture scaled to `width`, or a grey box while it is being drawn.
fn picture(ui: &mut Ui, texture: Option<&egui::TextureHandle>, width: f32, caption: &str) {
    ui.vertical(|ui| {
        ui.label(RichText::new(caption).small().weak());
        match texture {
            Some(t) => {
                let aspect = t.size_vec2().y / t.size_vec2().x.max(1.0);
                let size = egui::vec2(width, width * aspect);
                ui.add(
                    egui::Image::new(t)
                        .fit_to_exact_size(size)
                        .alt_text(caption),
                );
            }
            None => {
                let size = egui::vec2(width, width * 9.0 / 16.0);
                let (r, _) = ui.allocate_exact_size(size, egui::Sense::hover());
                ui.painter().rect_filled(r, 2.0, Color32::from_gray(225));
            }
        }
    });
}

fn notes_ui(
    ui: &mut Ui,
    p: &Presentation,
    lang: Lang,
    now: f64,
    pictures: [Option<&egui::TextureHandle>; 2],
    out: &mut Vec<Command>,
) {
    let elapsed = now - p.started_at.unwrap_or(now);
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!(
                "{} {} / {}",
                tr(lang, "present.slide"),
                p.index + 1,
                p.len()
            ))
            .size(18.0)
            .strong(),
        );
        ui.separator();
        ui.label(
            RichText::new(format!(
                "{} {}",
                tr(lang, "present.timer"),
                presentation::clock(elapsed)
            ))
            .size(18.0)
            .monospace(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(tr(lang, "present.next")).clicked() {
                out.push(Command::NextSlide);
            }
            if ui.button(tr(lang, "present.previous")).clicked() {
                out.push(Command::PreviousSlide);
            }
        });
    });
    ui.separator();
    let next_title = p
        .deck
        .slides
        .get(p.index + 1)
        .map_or(tr(lang, "present.end"), |s| s.title.as_str());
    ui.horizontal_top(|ui| {
        let w = ui.available_width();
        picture(ui, pictures[0], w * 0.58, tr(lang, "present.now"));
        if p.index + 1 < p.len() {
            let caption = format!("{}: {next_title}", tr(lang, "present.next"));
            picture(ui, pictures[1], w * 0.38, &caption);
        }
    });
    if let Some(s) = p.deck.slides.get(p.index) {
        ui.label(RichText::new(&s.title).size(16.0).strong());
        ui.label(RichText::new(tr(lang, "present.notes")).strong());
        egui::ScrollArea::vertical()
            .max_height((ui.available_height() - 40.0).max(40.0))
            .show(ui, |ui| {
                let notes = if s.notes.is_empty() {
                    tr(lang, "present.no_notes")
                } else {
                    s.notes.as_str()
                };
                ui.label(RichText::new(notes).size(14.0));
            });
    }
    ui.separator();
    ui.label(
        RichText::new(format!("{}: {next_title}", tr(lang, "present.next")))
            .size(13.0)
            .weak(),
    );
    ui.label(RichText::new(tr(lang, "present.keys")).small().weak());
}
