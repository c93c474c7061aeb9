//! Slides as pictures (PNG, SVG), drawn from their scene in one layout pass: no app, no
//! flights, no frames to settle. The same [`slide_ui`] draws them as presenter mode does, at
//! the projector's zoom, so a file looks like the room's screen.

use std::sync::Arc;

use crate::atlas::Atlas;
use crate::command::{ImageFormat, Picture};
use crate::deck::{Deck, unique_sources};
use crate::map::layer::Target;
use crate::model::Lang;
use crate::render::raster::{self, Textures};
use crate::render::svg;
use crate::render::{Image, Paper};
use crate::state::AppState;
use crate::state::presentation::projector_zoom;
use crate::views::compare::CompareView;
use crate::views::slide::{SlideLayout, SlideMap, SlideWords, handout_ui, slide_ui};

#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    #[error("the deck has no slide {0}")]
    NoSlide(usize),
    #[error("could not encode the picture: {0}")]
    Encode(#[from] crate::render::RenderError),
    #[error(transparent)]
    Pdf(#[from] crate::render::pdf::PdfError),
}

/// A slide could not be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportSlideError {
    #[error(transparent)]
    Render(#[from] PictureError),
    #[error(transparent)]
    Pdf(#[from] crate::render::pdf::PdfError),
    #[error("{0}. Fix: choose a folder that exists and that you can write to")]
    Write(#[from] crate::fsio::WriteError),
}

impl ExportSlideError {
    /// The message for the window, in its language where it has one.
    pub fn localized(&self, lang: Lang) -> String {
        match self {
            ExportSlideError::Write(w) => crate::i18n::write_error(lang, w),
            other => other.to_string(),
        }
    }
}

/// Renders slide `index` of `deck` as `picture` (for a window of `size` pixels, or on its
/// paper) and writes it to `path` atomically.
pub fn export_slide(
    atlas: &Arc<Atlas>,
    deck: &Deck,
    index: usize,
    lang: Lang,
    size: [u32; 2],
    picture: Picture,
    path: &std::path::Path,
) -> Result<(), ExportSlideError> {
    let rendered = SlideRenderer::for_picture(size, picture).render(
        atlas,
        deck,
        index,
        lang,
        picture.format,
    )?;
    crate::fsio::write_atomic(path, &rendered.bytes)?;
    Ok(())
}

/// A deck as a PDF handout: one landscape A4 page per slide, vector, with Inter embedded and,
/// when `notes`, the speaker's notes under each slide.
pub fn handout_pdf(
    atlas: &Arc<Atlas>,
    deck: &Deck,
    lang: Lang,
    notes: bool,
) -> Result<Vec<u8>, PictureError> {
    if deck.slides.is_empty() {
        return Err(PictureError::NoSlide(0));
    }
    let mut r = SlideRenderer::for_paper(Paper::A4, 1.0);
    let pages = (0..deck.slides.len())
        .map(|i| r.handout_page(atlas, deck, i, lang, notes))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(crate::render::pdf::svgs_to_pdf(&pages, &deck.title)?)
}

/// Where everything went on a slide, without drawing it to a file: for the checks that no
/// text is cut off or covered.
pub struct Laid {
    pub layout: SlideLayout,
    /// Every text as laid out: its rectangle, the clip rectangle it is drawn in, its text.
    pub texts: Vec<(egui::Rect, egui::Rect, String)>,
    /// The smallest type size (points) in each of `texts`, in the same order: for the
    /// check that every text reads from the back of the room.
    pub text_sizes: Vec<f32>,
    /// Every other shape: its bounding rectangle and the clip rectangle it is drawn in, for
    /// the check that no bar or cell of a chart is cut off.
    pub shapes: Vec<(egui::Rect, egui::Rect)>,
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

/// The smallest type size of every text shape of a frame, in the order of [`texts_of`].
fn text_sizes_of(out: &egui::FullOutput) -> Vec<f32> {
    out.shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Text(t) => Some(
                t.galley
                    .job
                    .sections
                    .iter()
                    .map(|s| s.format.font_id.size)
                    .fold(f32::INFINITY, f32::min),
            ),
            _ => None,
        })
        .collect()
}

/// Print resolution of posters in PNG.
pub const POSTER_DPI: f32 = 300.0;

/// Draws slides to files. Keeps one egui context, so fonts are loaded once per deck rather
/// than once per slide.
pub struct SlideRenderer {
    ctx: egui::Context,
    textures: Textures,
    /// The size the slide is laid out at, in points.
    points: egui::Vec2,
    /// Pixels of the picture per point.
    px_per_point: f32,
    warm: bool,
}

impl SlideRenderer {
    /// For a window of `size_px` pixels at the projector's zoom (as presenter mode shows it
    /// there), drawn at `scale` times its pixels.
    pub fn new(size_px: [u32; 2], scale: f32) -> Self {
        let size = egui::vec2(size_px[0].max(1) as f32, size_px[1].max(1) as f32);
        let zoom = projector_zoom(size.y);
        let scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        Self::laid_out(size / zoom, zoom * scale)
    }

    /// For a sheet of paper, laid out in real points (type keeps its printed size; a larger
    /// sheet shows more map), drawn at `px_per_point`.
    pub fn for_paper(paper: Paper, px_per_point: f32) -> Self {
        Self::laid_out(paper.points(), px_per_point)
    }

    /// For `picture`: on its paper (PNG at [`POSTER_DPI`], vectors in points), or for a
    /// window of `size_px` pixels.
    pub fn for_picture(size_px: [u32; 2], picture: Picture) -> Self {
        match picture.paper {
            Some(p) => {
                let ppp = match picture.format {
                    ImageFormat::Png { .. } => POSTER_DPI / 72.0,
                    ImageFormat::Svg | ImageFormat::Pdf => 1.0,
                };
                SlideRenderer::for_paper(p, ppp)
            }
            None => SlideRenderer::new(size_px, picture.format.scale()),
        }
    }

    fn laid_out(points: egui::Vec2, px_per_point: f32) -> Self {
        let ctx = egui::Context::default();
        crate::style::install(&ctx);
        SlideRenderer {
            ctx,
            textures: Textures::default(),
            points,
            px_per_point: if px_per_point.is_finite() && px_per_point > 0.0 {
                px_per_point
            } else {
                1.0
            },
            warm: false,
        }
    }

    fn input(&self) -> egui::RawInput {
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, self.points)),
            max_texture_side: Some(16_384),
            ..Default::default()
        };
        if let Some(v) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
            v.native_pixels_per_point = Some(self.px_per_point);
        }
        input
    }

    /// The picture's size in pixels.
    fn size_px(&self) -> [u32; 2] {
        [
            (self.points.x * self.px_per_point).round().max(1.0) as u32,
            (self.points.y * self.px_per_point).round().max(1.0) as u32,
        ]
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
        self.draw_page(atlas, deck, index, lang, target, None)
    }

    /// Lays out and draws slide `index` of `deck`, with its notes under it when `notes`.
    fn draw_page(
        &mut self,
        atlas: &Arc<Atlas>,
        deck: &Deck,
        index: usize,
        lang: Lang,
        target: Target,
        notes: Option<&str>,
    ) -> Result<(egui::FullOutput, SlideLayout), PictureError> {
        let slide = deck.slides.get(index).ok_or(PictureError::NoSlide(index))?;
        self.warm_up();
        let state = AppState::showing(Arc::clone(atlas), slide.scene(lang));
        // A picture of one view is no slide of a deck: no page number.
        let counter = if deck.slides.len() > 1 {
            format!("{} / {}", index + 1, deck.slides.len())
        } else {
            String::new()
        };
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
            layout = match notes {
                Some(n) => handout_ui(ui, &state, &words, n, &mut compare),
                None => slide_ui(ui, &state, &words, SlideMap::Still(target), &mut compare),
            };
        });
        self.textures.apply(&mut out.textures_delta);
        // A chart slide takes two passes (its axes are measured in the first). egui counts
        // frames that did so in a row and, in a debug build, paints a warning onto the
        // picture from the third on: every slide is a frame of its own here, so an empty
        // frame after such a slide starts the count again.
        if out.platform_output.num_completed_passes > 1 {
            let mut rest = self.ctx.run_ui(self.input(), |_| {});
            self.textures.apply(&mut rest.textures_delta);
        }
        Ok((out, layout))
    }

    fn laid(&self, out: &egui::FullOutput, layout: SlideLayout) -> Laid {
        Laid {
            layout,
            texts: texts_of(out),
            text_sizes: text_sizes_of(out),
            shapes: out
                .shapes
                .iter()
                .filter(|c| !matches!(c.shape, egui::Shape::Text(_) | egui::Shape::Callback(_)))
                .map(|c| (c.shape.visual_bounding_rect(), c.clip_rect))
                .collect(),
            size_points: self.points,
        }
    }

    fn pixels(&self, out: egui::FullOutput) -> Image {
        let ppp = out.pixels_per_point;
        let prims = self.ctx.tessellate(out.shapes, ppp);
        raster::rasterise(
            &prims,
            &self.textures,
            self.size_px(),
            ppp,
            egui::Color32::WHITE,
        )
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
            ImageFormat::Svg | ImageFormat::Pdf => Target::Vector,
            ImageFormat::Png { .. } => Target::Screen,
        };
        let (out, layout) = self.draw(atlas, deck, index, lang, target)?;
        let laid = self.laid(&out, layout);
        let ppp = out.pixels_per_point;
        let paper = egui::Color32::WHITE;
        let bytes = match format {
            ImageFormat::Svg => {
                svg::shapes_to_svg_with_fonts(&out.shapes, self.points, ppp, paper).into_bytes()
            }
            // A PDF page measures in points: the drawing's user units.
            ImageFormat::Pdf => {
                let page = svg::shapes_to_svg(&out.shapes, self.points, 1.0, paper);
                crate::render::pdf::svgs_to_pdf(&[page], &deck.title)?
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

    /// One handout page as an SVG in points: the slide, with its notes when `notes`.
    fn handout_page(
        &mut self,
        atlas: &Arc<Atlas>,
        deck: &Deck,
        index: usize,
        lang: Lang,
        notes: bool,
    ) -> Result<String, PictureError> {
        let text = deck
            .slides
            .get(index)
            .map(|s| s.notes.clone())
            .unwrap_or_default();
        let notes = notes.then_some(text.as_str());
        let (out, _) = self.draw_page(atlas, deck, index, lang, Target::Vector, notes)?;
        Ok(svg::shapes_to_svg(
            &out.shapes,
            self.points,
            1.0,
            egui::Color32::WHITE,
        ))
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
