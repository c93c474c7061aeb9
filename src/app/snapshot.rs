//! The whole app without a window: a driver that runs frames on its own egui context, for
//! the benchmark and the memory soak (which measure the live app, flights and all). Slides
//! for files are drawn by [`crate::export::picture`], without an app.

use std::sync::Arc;

use super::{AtlasApp, Dialogs};
use crate::atlas::Atlas;
use crate::command::Command;
use crate::deck::Deck;
use crate::render::raster::Textures;
use crate::state::presentation::projector_zoom;
use crate::state::{DeckChoice, Settings};
use crate::style;

/// Runs an [`AtlasApp`] headless at a fixed size.
pub struct Headless {
    pub app: AtlasApp,
    ctx: egui::Context,
    textures: Textures,
    /// Size in physical pixels of the "window" at 1×.
    size_px: [u32; 2],
    /// Physical pixels per window pixel (1, 2, 4 for posters).
    scale: f32,
    time: f64,
    last: Option<egui::FullOutput>,
}

impl Headless {
    pub fn new(app: AtlasApp, size_px: [u32; 2], scale: f32) -> Self {
        let ctx = egui::Context::default();
        style::install(&ctx);
        Headless {
            app,
            ctx,
            textures: Textures::default(),
            size_px: [size_px[0].max(1), size_px[1].max(1)],
            scale: scale.max(0.1),
            time: 0.0,
            last: None,
        }
    }

    fn input(&self) -> egui::RawInput {
        // Points depend on the UI zoom, which presenter mode changes.
        let ppp = self.scale * self.ctx.zoom_factor();
        let points = egui::vec2(
            self.size_px[0] as f32 * self.scale / ppp,
            self.size_px[1] as f32 * self.scale / ppp,
        );
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, points)),
            time: Some(self.time),
            max_texture_side: Some(16_384),
            ..Default::default()
        };
        if let Some(v) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
            v.native_pixels_per_point = Some(self.scale);
        }
        input
    }

    /// Runs one frame of `dt` seconds; keeps textures and the output for a picture.
    pub fn frame(&mut self, dt: f64) {
        self.time += dt;
        let input = self.input();
        let app = &mut self.app;
        let mut out = self.ctx.run_ui(input, |ui| app.ui(ui));
        self.textures.apply(&mut out.textures_delta);
        self.last = Some(out);
    }

    /// Tessellates the last frame, as a window would before drawing it; returns the vertices.
    pub fn tessellate(&self) -> usize {
        let Some(out) = &self.last else { return 0 };
        self.ctx
            .tessellate(out.shapes.clone(), out.pixels_per_point)
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum()
    }
}

/// A headless app presenting `deck` from its first slide, with flights of no length.
pub fn presenting(
    atlas: Arc<Atlas>,
    mut settings: Settings,
    deck: Deck,
    size_px: [u32; 2],
    scale: f32,
) -> Headless {
    settings.own_deck = Some(deck);
    settings.own_deck_path = None;
    settings.deck = DeckChoice::Own;
    let app = AtlasApp::new(atlas, settings, Dialogs::Disabled);
    let mut h = Headless::new(app, size_px, scale);
    h.ctx.set_zoom_factor(projector_zoom(size_px[1] as f32));
    h.frame(1.0 / 60.0);
    h.app.instant_flights = true;
    h.app.apply(Command::StartPresenting(0));
    h
}
