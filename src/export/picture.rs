//! Slides as pictures (PNG, SVG), drawn from their scene in one layout pass: no app, no
//! flights, no frames to settle. The same [`slide_ui`] draws them as presenter mode does, at
//! the projector's zoom, so a file looks like the room's screen.

use std::sync::Arc;

use crate::atlas::Atlas;
use crate::command::ImageFormat;
use crate::deck::{Deck, unique_sources};
use crate::map::layer::Target;
use crate::model::Lang;
use crate::render::Image;
use crate::render::raster::{self, Textures};
use crate::render::svg;
use crate::state::AppState;
use crate::state::presentation::projector_zoom;
use crate::views::compare::CompareView;
use crate::views::slide::{SlideLayout, SlideMap, SlideWords, slide_ui};

#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    #[error("the deck has no slide {0}")]
    NoSlide(usize),
    #[error("could not encode the picture: {0}")]
    Encode(#[from] crate::render::RenderError),
}

/// A slide could not be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportSlideError {
    #[error(transparent)]
    Render(#[from] PictureError),
    #[error("{0}. Fix: choose a folder that exists and that you can write to")]
    Write(#[from] crate::fsio::WriteError),
}

/// Renders slide `index` of `deck` for a window of `size` pixels and writes it to `path`
/// atomically.
pub fn export_slide(
    atlas: &Arc<Atlas>,
    deck: &Deck,
    index: usize,
    lang: Lang,
    size: [u32; 2],
    format: ImageFormat,
    path: &std::path::Path,
) -> Result<(), ExportSlideError> {
    let rendered =
        SlideRenderer::new(size, format.scale()).render(atlas, deck, index, lang, format)?;
    crate::fsio::write_atomic(path, &rendered.bytes)?;
    Ok(())
}

/// Where everything went on a slide, without drawing it to a file: for the checks that no
/// text is cut off or covered.
pub struct Laid {
    pub layout: SlideLayout,
    /// Every text as laid out: its rectangle, the clip rectangle it is drawn in, its text.
    pub texts: Vec<(egui::Rect, egui::Rect, String)>,
    /// The slide's size in points.
    pub size_points: egui::Vec2,
}

/// What one render produced: the file's bytes and where things went on the slide.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub laid: Laid,
}

/// Every text shape of a frame: its rectangle, its clip rectangle and its text.
fn texts_of(out: &egui::FullOutput) -> Vec<(egui::Rect, egui::Rect, String)> {
    out.shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Text(t) => Some((
                t.visual_bounding_rect(),
                c.clip_rect,
                t.galley.text().to_string(),
            )),
            _ => None,
        })
        .collect()
}

/// Draws slides to files. Keeps one egui context, so fonts are loaded once per deck rather
/// than once per slide.
pub struct SlideRenderer {
    ctx: egui::Context,
    textures: Textures,
    /// Physical pixels per window pixel (1, 2, 4 for posters).
    scale: f32,
    /// The projector's zoom for this window size.
    zoom: f32,
    /// The window size in pixels the slide is drawn for.
    size_px: [u32; 2],
    warm: bool,
}

impl SlideRenderer {
    pub fn new(size_px: [u32; 2], scale: f32) -> Self {
        let ctx = egui::Context::default();
        crate::style::install(&ctx);
        let zoom = projector_zoom(size_px[1] as f32);
        ctx.set_zoom_factor(zoom);
        SlideRenderer {
            ctx,
            textures: Textures::default(),
            zoom,
            scale: if scale.is_finite() && scale > 0.0 {
                scale
            } else {
                1.0
            },
            size_px: [size_px[0].max(1), size_px[1].max(1)],
            warm: false,
        }
    }

    fn input(&self) -> egui::RawInput {
        let ppp = self.scale * self.zoom;
        let points = egui::vec2(
            self.size_px[0] as f32 * self.scale / ppp,
            self.size_px[1] as f32 * self.scale / ppp,
        );
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, points)),
            max_texture_side: Some(16_384),
            ..Default::default()
        };
        if let Some(v) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
            v.native_pixels_per_point = Some(self.scale);
        }
        input
    }

    /// egui loads fonts set on a context at the start of its next pass; this empty pass
    /// does that once, before the first slide.
    fn warm_up(&mut self) {
        if !self.warm {
            let mut out = self.ctx.run_ui(self.input(), |_| {});
            self.textures.apply(&mut out.textures_delta);
            self.warm = true;
        }
    }

    /// Lays out and draws slide `index` of `deck` in one pass.
    fn draw(
        &mut self,
        atlas: &Arc<Atlas>,
        deck: &Deck,
        index: usize,
        lang: Lang,
        target: Target,
    ) -> Result<(egui::FullOutput, SlideLayout), PictureError> {
        let slide = deck.slides.get(index).ok_or(PictureError::NoSlide(index))?;
        self.warm_up();
        let state = AppState::showing(Arc::clone(atlas), slide.scene(lang));
        let counter = format!("{} / {}", index + 1, deck.slides.len());
        let sources = atlas
            .data()
            .cite_all_readable(unique_sources(&slide.sources));
        let words = SlideWords {
            slide,
            counter: &counter,
            typed: "",
            sources: &sources,
        };
        let mut compare = CompareView::default();
        let mut layout = SlideLayout::default();
        let mut out = self.ctx.run_ui(self.input(), |ui| {
            layout = slide_ui(ui, &state, &words, SlideMap::Still(target), &mut compare);
        });
        self.textures.apply(&mut out.textures_delta);
        Ok((out, layout))
    }

    fn laid(&self, out: &egui::FullOutput, layout: SlideLayout) -> Laid {
        let ppp = out.pixels_per_point;
        Laid {
            layout,
            texts: texts_of(out),
            size_points: egui::vec2(
                self.size_px[0] as f32 * self.scale / ppp,
                self.size_px[1] as f32 * self.scale / ppp,
            ),
        }
    }

    fn pixels(&self, out: egui::FullOutput) -> Image {
        let ppp = out.pixels_per_point;
        let prims = self.ctx.tessellate(out.shapes, ppp);
        let size = [
            (self.size_px[0] as f32 * self.scale).round() as u32,
            (self.size_px[1] as f32 * self.scale).round() as u32,
        ];
        raster::rasterise(&prims, &self.textures, size, ppp, egui::Color32::WHITE)
    }

    /// Renders slide `index` of `deck` in `format`.
    pub fn render(
        &mut self,
        atlas: &Arc<Atlas>,
        deck: &Deck,
        index: usize,
        lang: Lang,
        format: ImageFormat,
    ) -> Result<Rendered, PictureError> {
        let target = match format {
            ImageFormat::Svg => Target::Vector,
            ImageFormat::Png { .. } => Target::Screen,
        };
        let (out, layout) = self.draw(atlas, deck, index, lang, target)?;
        let laid = self.laid(&out, layout);
        let ppp = out.pixels_per_point;
        let size_points = laid.size_points;
        let bytes = match format {
            ImageFormat::Svg => {
                svg::shapes_to_svg(&out.shapes, size_points, ppp, egui::Color32::WHITE).into_bytes()
            }
            ImageFormat::Png { .. } => self.pixels(out).encode_png()?,
        };
        Ok(Rendered { bytes, laid })
    }

    /// Lays slide `index` out as a raster render would, and reports where everything went.
    pub fn lay_out(
        &mut self,
        atlas: &Arc<Atlas>,
        deck: &Deck,
        index: usize,
        lang: Lang,
    ) -> Result<Laid, PictureError> {
        let (out, layout) = self.draw(atlas, deck, index, lang, Target::Screen)?;
        Ok(self.laid(&out, layout))
    }

    /// Renders slide `index` as pixels (the presenter's pictures).
    pub fn image(
        &mut self,
        atlas: &Arc<Atlas>,
        deck: &Deck,
        index: usize,
        lang: Lang,
    ) -> Result<Image, PictureError> {
        let (out, _) = self.draw(atlas, deck, index, lang, Target::Screen)?;
        Ok(self.pixels(out))
    }
}
