//! Presenter mode's screen furniture: the slide's title band, its sources, a legend of what
//! the map shows, the black screen, and the presenter's own window (notes, next slide, timer).
//! The map, charts and comparison themselves are the normal views, drawn without chrome.

use egui::{Color32, FontId, Frame, Margin, RichText, Ui};

use crate::atlas::colour::parse_colour;
use crate::command::Command;
use crate::deck::Slide;
use crate::i18n::tr;
use crate::map::layers::FrameOut;
use crate::model::Lang;
use crate::state::AppState;
use crate::state::presentation::{self, Presentation};
use crate::style;

/// Projector colours: black on white, nothing pale.
pub const INK: Color32 = Color32::from_gray(12);
pub const INK_SOFT: Color32 = Color32::from_gray(55);
pub const PAPER: Color32 = Color32::WHITE;

/// Sets a projector theme on a UI: light, high contrast, no faint text.
pub fn projector_style(ui: &mut Ui) {
    let style = ui.style_mut();
    style.visuals = egui::Visuals::light();
    style.visuals.override_text_color = Some(INK);
    style.visuals.panel_fill = PAPER;
    style.visuals.window_fill = PAPER;
    style.visuals.extreme_bg_color = PAPER;
    style.visuals.widgets.noninteractive.fg_stroke.color = INK;
    style.visuals.widgets.noninteractive.bg_stroke.color = Color32::from_gray(120);
}

/// The frame of the title band and the footer.
pub fn band_frame() -> Frame {
    Frame::NONE
        .fill(PAPER)
        .inner_margin(Margin::symmetric(18, 8))
}

/// Title, caption and slide number.
pub fn header(ui: &mut Ui, slide: &Slide, counter: &str, typed: &str) {
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(&slide.title)
                .font(style::semibold(26.0))
                .color(INK),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(counter).size(13.0).color(INK_SOFT));
            if !typed.is_empty() {
                ui.label(
                    RichText::new(format!("→ {typed}"))
                        .size(13.0)
                        .strong()
                        .color(INK),
                );
            }
        });
    });
    if !slide.caption.is_empty() {
        ui.add(egui::Label::new(RichText::new(&slide.caption).size(15.0).color(INK)).wrap());
    }
}

/// The slide's sources in one small line (always on screen while the slide is).
pub fn footer(ui: &mut Ui, lang: Lang, sources: &str) {
    if sources.is_empty() {
        return;
    }
    ui.add(
        egui::Label::new(
            RichText::new(format!("{}: {sources}", tr(lang, "present.sources")))
                .size(9.5)
                .color(INK_SOFT),
        )
        .wrap(),
    );
}

/// A legend of the main sectors of the markers on screen, in the map's top-right corner.
pub fn legend(ui: &mut Ui, rect: egui::Rect, state: &AppState, drawn: &FrameOut) {
    let lang = state.lang();
    let d = state.atlas.data();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (i, _, _) in &drawn.markers {
        let Some(sector) = d.places.get(*i).and_then(|p| p.sectors.first()) else {
            continue;
        };
        match counts.iter_mut().find(|(s, _)| *s == sector.as_str()) {
            Some(entry) => entry.1 += 1,
            None => counts.push((sector.as_str(), 1)),
        }
    }
    if counts.is_empty() {
        return;
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts.truncate(7);
    let font = FontId::proportional(11.0);
    let row_h = 15.0;
    let width = counts
        .iter()
        .filter_map(|(s, _)| d.sector(s))
        .map(|s| {
            ui.painter()
                .layout_no_wrap(s.label.get(lang).to_string(), font.clone(), INK)
                .size()
                .x
        })
        .fold(0.0_f32, f32::max)
        + 30.0;
    let height = row_h * counts.len() as f32 + 8.0;
    let r = egui::Rect::from_min_size(
        rect.right_top() + egui::vec2(-width - 8.0, 8.0),
        egui::vec2(width, height),
    );
    let painter = ui.painter_at(rect);
    painter.rect_filled(r, 4.0, Color32::from_white_alpha(235));
    painter.rect_stroke(
        r,
        4.0,
        egui::Stroke::new(0.5, Color32::from_gray(150)),
        egui::StrokeKind::Inside,
    );
    for (k, (id, _)) in counts.iter().enumerate() {
        let Some(s) = d.sector(id) else { continue };
        let y = r.top() + 4.0 + row_h * (k as f32 + 0.5);
        painter.circle_filled(egui::pos2(r.left() + 11.0, y), 4.5, parse_colour(&s.color));
        painter.text(
            egui::pos2(r.left() + 21.0, y),
            egui::Align2::LEFT_CENTER,
            s.label.get(lang),
            font.clone(),
            INK,
        );
    }
}

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
