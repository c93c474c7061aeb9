//! The app without a window: a driver that runs frames on its own egui context, used to
//! export slides as PNG or SVG at any size (no GPU needed) and by the soak test.
//!
//! A slide is rendered exactly as presenter mode shows it: the same views, the projector's
//! zoom, at `scale` times the pixels of the window size asked for.

use std::sync::Arc;

use super::{AtlasApp, Dialogs};
use crate::atlas::Atlas;
use crate::command::{Command, ImageFormat};
use crate::deck::Deck;
use crate::render::Image;
use crate::render::raster::{self, Textures};
use crate::render::svg;
use crate::state::presentation::PROJECTOR_ZOOM;
use crate::state::{DeckChoice, Settings};
use crate::style;

/// Frames after which a slide is taken as it is, even if something still moves.
const MAX_SETTLE_FRAMES: usize = 240;

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

    /// Runs frames until the map stands still (at most [`MAX_SETTLE_FRAMES`]), then two more
    /// so labels and glyphs that appeared late are laid out and in the font texture.
    pub fn settle(&mut self) {
        for _ in 0..MAX_SETTLE_FRAMES {
            self.frame(1.0 / 60.0);
            if !self.app.map.is_moving() {
                break;
            }
        }
        self.frame(1.0 / 60.0);
        self.frame(1.0 / 60.0);
    }

    /// The last frame as a PNG file's bytes.
    pub fn png(&self) -> Result<Vec<u8>, String> {
        self.image()?.encode_png().map_err(|e| e.to_string())
    }

    /// The last frame as pixels.
    pub fn image(&self) -> Result<Image, String> {
        let out = self.last.as_ref().ok_or("no frame was drawn")?;
        let prims = self
            .ctx
            .tessellate(out.shapes.clone(), out.pixels_per_point);
        let size = [
            (self.size_px[0] as f32 * self.scale).round() as u32,
            (self.size_px[1] as f32 * self.scale).round() as u32,
        ];
        Ok(raster::rasterise(
            &prims,
            &self.textures,
            size,
            out.pixels_per_point,
            egui::Color32::WHITE,
        ))
    }

    /// The last frame as an SVG document.
    pub fn svg(&self) -> Result<Vec<u8>, String> {
        let out = self.last.as_ref().ok_or("no frame was drawn")?;
        let ppp = out.pixels_per_point;
        let points = egui::vec2(
            self.size_px[0] as f32 * self.scale / ppp,
            self.size_px[1] as f32 * self.scale / ppp,
        );
        Ok(svg::shapes_to_svg(&out.shapes, points, ppp, egui::Color32::WHITE).into_bytes())
    }

    pub fn picture(&self, format: ImageFormat) -> Result<Vec<u8>, String> {
        match format {
            ImageFormat::Png { .. } => self.png(),
            ImageFormat::Svg => self.svg(),
        }
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
    h.ctx.set_zoom_factor(PROJECTOR_ZOOM);
    h.frame(1.0 / 60.0);
    h.app.instant_flights = true;
    h.app.apply(Command::StartPresenting(0));
    h
}

/// A headless app showing slide `index` of `deck` (numbered as in the deck), settled; take
/// its `picture` or `image`.
pub fn deck_slide(
    atlas: Arc<Atlas>,
    settings: Settings,
    deck: Deck,
    index: usize,
    size_px: [u32; 2],
    scale: f32,
) -> Headless {
    let mut h = presenting(atlas, settings, deck, size_px, scale);
    h.app.apply(Command::GotoSlide(index));
    h.settle();
    h
}

/// Renders a slide as presenter mode shows it on a window of `size_px`.
pub fn render_slide(
    atlas: Arc<Atlas>,
    settings: Settings,
    deck: Deck,
    index: usize,
    size_px: [u32; 2],
    format: ImageFormat,
) -> Result<Vec<u8>, String> {
    deck_slide(atlas, settings, deck, index, size_px, format.scale()).picture(format)
}
