//! Presenter mode: F5 puts the chosen deck on screen in full screen at the projector's zoom;
//! the clicker's keys move through it; the map flies to each slide's camera with no input
//! at all; Esc puts the window back as it was. Presenting never writes the user's settings:
//! a slide is drawn from its own scene.

use super::AtlasApp;
use crate::command::Command;
use crate::geo::geometry::from_rel;
use crate::i18n::tr;
use crate::state::presentation::{Presentation, Restore, SLIDE_FLIGHT_SECONDS, projector_zoom};
use crate::views::presenter;
use crate::views::slide::{PAPER, SlideMap, SlideWords, projector_style, slide_ui};

impl AtlasApp {
    pub(super) fn start_presenting(&mut self, from: usize) {
        let lang = self.state.settings.lang;
        let Some(deck) = self.state.chosen_deck().filter(|d| !d.slides.is_empty()) else {
            self.set_status(tr(lang, "present.empty").to_string(), true);
            return;
        };
        let restore = Restore {
            view: self.map.current_view(),
            zoom_factor: 1.0,
            fullscreen: false,
        };
        let p = Presentation::new(deck.clone(), from, restore, lang);
        self.thumbnails = super::thumbnails::Thumbnails::default();
        let goal = p.scene.camera.clone();
        self.presentation = Some(p);
        self.map.presenting = true;
        self.map
            .follow(&self.state.atlas, &goal, self.slide_flight());
    }

    pub(super) fn stop_presenting(&mut self) {
        if let Some(p) = self.presentation.take() {
            self.map.presenting = false;
            let (lon, lat) = from_rel(p.restore.view.centre);
            self.map.jump_to(lon, lat, p.restore.view.zoom);
        }
    }

    pub(super) fn goto_slide(&mut self, step: impl FnOnce(usize) -> usize) {
        let lang = self.state.settings.lang;
        let Some(p) = &mut self.presentation else {
            return;
        };
        let target = step(p.index);
        if p.goto(target, lang).is_some() {
            let goal = p.scene.camera.clone();
            let seconds = self.slide_flight();
            self.map.follow(&self.state.atlas, &goal, seconds);
        }
    }

    fn slide_flight(&self) -> f64 {
        if self.instant_flights {
            0.0
        } else {
            SLIDE_FLIGHT_SECONDS
        }
    }

    /// Puts a slide's view into the window (to check or edit it): its filter, layers,
    /// selection and mode become the user's, and the map flies to its camera.
    pub(super) fn show_slide_in_window(&mut self, i: usize) {
        let Some(slide) = self
            .state
            .chosen_deck()
            .and_then(|d| d.slides.get(i))
            .cloned()
        else {
            return;
        };
        let s = &mut self.state.settings;
        s.selection = slide.selection.clone();
        s.sector_filter = slide.sectors.clone();
        s.layers = slide.layers.clone();
        s.mode = match slide.view {
            crate::deck::SlideView::Map => crate::state::Mode::Map,
            crate::deck::SlideView::Chart => crate::state::Mode::Charts,
            crate::deck::SlideView::Compare => crate::state::Mode::Compare,
        };
        if slide.view == crate::deck::SlideView::Compare {
            s.compare = slide.compare.clone();
        }
        self.state.forget_dangling_selection();
        let goal = slide.scene(self.state.settings.lang).camera;
        self.map
            .follow(&self.state.atlas, &goal, crate::geo::camera::FLIGHT_SECONDS);
    }

    /// Full screen and the projector's zoom while presenting; the window as it was after.
    pub(super) fn switch_presenting_look(&mut self, ctx: &egui::Context) {
        if std::mem::take(&mut self.toggle_fullscreen) {
            let on = ctx.input(|i| i.viewport().fullscreen).unwrap_or(false);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!on));
        }
        let presenting = self.presentation.is_some();
        if presenting && self.was_presenting {
            // The slide fills the screen whatever its size (the window going full screen, a
            // projector of another resolution).
            let height = ctx.content_rect().height() * ctx.zoom_factor();
            let zoom = projector_zoom(height);
            if (zoom - ctx.zoom_factor()).abs() > 0.01 {
                ctx.set_zoom_factor(zoom);
            }
        }
        if presenting == self.was_presenting {
            return;
        }
        if let Some(p) = &mut self.presentation {
            p.restore.zoom_factor = ctx.zoom_factor();
            p.restore.fullscreen = ctx.input(|i| i.viewport().fullscreen).unwrap_or(false);
            self.restore_look = Some(p.restore);
            let height = ctx.content_rect().height() * ctx.zoom_factor();
            ctx.set_zoom_factor(projector_zoom(height));
            // Ctrl+0 and Ctrl± would undo the projector's zoom.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        } else if let Some(r) = self.restore_look.take() {
            ctx.set_zoom_factor(r.zoom_factor);
            ctx.options_mut(|o| o.zoom_with_keyboard = true);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(r.fullscreen));
        }
        self.was_presenting = presenting;
    }

    /// Draws the slide on screen without any chrome.
    pub(super) fn presenting_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        // Taken out for the frame so the slide is borrowed, not cloned, beside the views.
        let Some(mut p) = self.presentation.take() else {
            return;
        };
        self.draw_presentation(ui, &mut p, out);
        self.presentation = Some(p);
    }

    fn draw_presentation(
        &mut self,
        ui: &mut egui::Ui,
        p: &mut Presentation,
        out: &mut Vec<Command>,
    ) {
        let ctx = ui.ctx().clone();
        let lang = self.state.lang();
        let now = ctx.input(|i| i.time);
        out.extend(ctx.input_mut(|i| crate::views::clicker::take_keys(i, &mut p.typed)));
        p.started_at.get_or_insert(now);
        if p.presenter_view {
            for i in [p.index, p.index + 1] {
                self.thumbnails
                    .request(&p.deck, i, &self.state.atlas, lang, self.window_size);
            }
            self.thumbnails.poll(&ctx);
            self.thumbnails.keep_near(p.index);
            let pictures = [
                self.thumbnails.get(p.index),
                self.thumbnails.get(p.index + 1),
            ];
            out.extend(presenter::presenter_window(&ctx, p, lang, now, pictures));
            // The timer ticks; pictures arrive from their thread.
            let wait = if self.thumbnails.is_waiting() {
                100
            } else {
                500
            };
            ctx.request_repaint_after(std::time::Duration::from_millis(wait));
        }
        projector_style(ui);
        if p.blank {
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE.fill(egui::Color32::BLACK))
                .show(ui, |_| {});
            return;
        }
        let sources = p.sources_line(self.state.atlas.data(), lang);
        let Some(slide) = p.deck.slides.get(p.index) else {
            return;
        };
        let counter = format!("{} / {}", p.index + 1, p.len());
        let words = SlideWords {
            slide,
            counter: &counter,
            typed: &p.typed,
            sources: &sources,
        };
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(PAPER))
            .show(ui, |ui| {
                self.last_slide = Some(slide_ui(
                    ui,
                    &self.state,
                    &words,
                    SlideMap::Live(&mut self.map),
                    &mut self.views.compare,
                ));
            });
    }
}
