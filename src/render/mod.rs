//! Turning a headless egui frame into files: a software rasteriser for PNG (no GPU, no
//! window) and a vector SVG writer working from the shapes before tessellation.

pub mod canvas;
pub mod pdf;
pub mod raster;
pub mod svg;

/// A sheet of paper for posters and handouts, landscape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    A3,
    A0,
}

impl Paper {
    pub const ALL: [Paper; 3] = [Paper::A4, Paper::A3, Paper::A0];

    /// Width and height in points (1/72 inch), landscape.
    pub fn points(self) -> egui::Vec2 {
        let mm = match self {
            Paper::A4 => (297.0, 210.0),
            Paper::A3 => (420.0, 297.0),
            Paper::A0 => (1189.0, 841.0),
        };
        egui::vec2(mm.0 * 72.0 / 25.4, mm.1 * 72.0 / 25.4)
    }

    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
            Paper::A0 => "A0",
        }
    }
}

/// An RGBA8 image, straight (not premultiplied) alpha, sRGB, row-major, top row first.
#[derive(Clone, PartialEq, Eq)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

impl std::fmt::Debug for Image {
    // The pixel buffer can be hundreds of megabytes; a failing assert must not print it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Image")
            .field("width", &self.width)
            .field("height", &self.height)
            .field("bytes", &self.pixels.len())
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the image is empty ({width}×{height})")]
    Empty { width: u32, height: u32 },
    #[error("the image holds {actual} bytes, but {width}×{height} RGBA needs {expected}")]
    SizeMismatch {
        width: u32,
        height: u32,
        expected: usize,
        actual: usize,
    },
    #[error("could not encode the PNG: {0}")]
    Png(#[from] png::EncodingError),
}

impl Image {
    /// Encodes as an 8-bit RGBA PNG.
    pub fn encode_png(&self) -> Result<Vec<u8>, RenderError> {
        let (width, height) = (self.width, self.height);
        if width == 0 || height == 0 {
            return Err(RenderError::Empty { width, height });
        }
        let expected = width as usize * height as usize * 4;
        if self.pixels.len() != expected {
            return Err(RenderError::SizeMismatch {
                width,
                height,
                expected,
                actual: self.pixels.len(),
            });
        }
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        // Flat UI colours compress well with the fast deflate; Balanced costs seconds at 4×.
        encoder.set_compression(png::Compression::Fast);
        // The pixels are sRGB already; saying so stops viewers from guessing a gamma.
        encoder.set_source_srgb(png::SrgbRenderingIntent::Perceptual);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&self.pixels)?;
        writer.finish()?;
        Ok(out)
    }

    /// The RGBA of the pixel at (`x`, `y`), or `None` outside the image.
    pub fn pixel(&self, x: u32, y: u32) -> Option<[u8; 4]> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let i = (y as usize * self.width as usize + x as usize) * 4;
        let p = self.pixels.get(i..i + 4)?;
        Some([p[0], p[1], p[2], p[3]])
    }
}

#[cfg(test)]
mod tests {
    use egui::epaint::{ClippedPrimitive, ClippedShape};
    use egui::{Color32, Pos2, RawInput, Rect, ViewportId, vec2};

    use super::raster::{Textures, rasterise};
    use super::svg::shapes_to_svg;
    use super::*;

    struct Frame {
        prims: Vec<ClippedPrimitive>,
        shapes: Vec<ClippedShape>,
        ppp: f32,
        textures: Textures,
        label: Rect,
    }

    fn light_context() -> egui::Context {
        let ctx = egui::Context::default();
        // The app's theme; egui's default dark text (grey 140) would not count as ink.
        ctx.set_theme(egui::Theme::Light);
        ctx
    }

    /// A headless frame as the export harness will make it: "Hello" on a white 400×200 pt
    /// panel, after `passes` passes at `ppp`, every pass's texture delta applied to `textures`.
    fn hello_on(ctx: &egui::Context, textures: &mut Textures, ppp: f32, passes: usize) -> Frame {
        let mut label = Rect::NOTHING;
        let mut last = None;
        for _ in 0..passes {
            let mut input = RawInput {
                screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(400.0, 200.0))),
                ..Default::default()
            };
            // Takes effect in this very pass (`Context::set_pixels_per_point` would wait a pass,
            // rescale the screen rect once, and persist as the zoom factor).
            input
                .viewports
                .entry(ViewportId::ROOT)
                .or_default()
                .native_pixels_per_point = Some(ppp);
            let mut out = ctx.run_ui(input, |ui| {
                egui::CentralPanel::default()
                    .frame(egui::Frame::NONE.fill(Color32::WHITE))
                    .show(ui, |ui| label = ui.label("Hello").rect);
            });
            textures.apply(&mut out.textures_delta);
            last = Some(out);
        }
        let out = last.expect("at least one pass");
        let prims = ctx.tessellate(out.shapes.clone(), out.pixels_per_point);
        Frame {
            prims,
            shapes: out.shapes,
            ppp: out.pixels_per_point,
            textures: std::mem::take(textures),
            label,
        }
    }

    fn hello(ppp: f32) -> Frame {
        hello_on(&light_context(), &mut Textures::default(), ppp, 2)
    }

    fn render(frame: &Frame) -> Image {
        let size = (vec2(400.0, 200.0) * frame.ppp).round();
        rasterise(
            &frame.prims,
            &frame.textures,
            [size.x as u32, size.y as u32],
            frame.ppp,
            Color32::from_gray(200),
        )
    }

    fn check_label_only(image: &Image, label: Rect, ppp: f32) {
        let ink = label.expand(1.0);
        let (mut dark, mut inside) = (0, 0);
        for y in 0..image.height {
            for x in 0..image.width {
                let p = Pos2::new(x as f32 + 0.5, y as f32 + 0.5) / ppp;
                let px = image.pixel(x, y).expect("in range");
                if ink.contains(p) {
                    inside += 1;
                    dark += usize::from(px[0] < 160 && px[1] < 160 && px[2] < 160);
                } else {
                    assert_eq!(px, [255; 4], "non-white at {x},{y} outside the label");
                }
            }
        }
        // Glyphs, not nothing and not solid blocks (a misplaced atlas lookup gives either).
        assert!(dark * 10 > inside, "too little ink: {dark} of {inside}");
        assert!(dark * 2 < inside, "too much ink: {dark} of {inside}");
    }

    #[test]
    fn a_label_renders_dark_on_white_at_1x_and_2x() {
        let one = hello(1.0);
        let two = hello(2.0);
        assert_eq!(one.ppp, 1.0);
        assert_eq!(two.ppp, 2.0);
        assert!(
            one.label.is_positive() && one.label.width() < 60.0,
            "{:?}",
            one.label
        );
        assert!(one.textures.contains(egui::TextureId::default()));

        let a = render(&one);
        let b = render(&two);
        assert_eq!((a.width, a.height), (400, 200));
        assert_eq!((b.width, b.height), (800, 400));
        check_label_only(&a, one.label, 1.0);
        check_label_only(&b, two.label, 2.0);

        let png = b.encode_png().expect("encodes");
        assert_eq!(&png[1..4], b"PNG");
    }

    #[test]
    fn the_first_pass_is_already_drawable() {
        let frame = hello_on(&light_context(), &mut Textures::default(), 1.0, 1);
        check_label_only(&render(&frame), frame.label, 1.0);
    }

    #[test]
    fn one_context_can_change_scale_between_exports() {
        let ctx = light_context();
        let mut textures = Textures::default();
        let one = hello_on(&ctx, &mut textures, 1.0, 1);
        textures = one.textures;
        let four = hello_on(&ctx, &mut textures, 4.0, 1);
        assert_eq!(four.ppp, 4.0);
        check_label_only(&render(&four), four.label, 4.0);
    }

    #[test]
    fn a_label_exports_as_svg_text() {
        let frame = hello(2.0);
        let svg = shapes_to_svg(&frame.shapes, vec2(400.0, 200.0), frame.ppp, Color32::WHITE);
        let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default())
            .unwrap_or_else(|e| panic!("{e}\n{svg}"));
        assert_eq!(tree.size().width(), 800.0);
        assert!(svg.contains("width=\"800\" height=\"400\""), "{svg}");
        let text = svg.find("<text").map(|i| &svg[i..]).unwrap_or_default();
        assert!(text.contains(">Hello</text>"), "{svg}");

        // The SVG baseline is where the raster's "H" stands, its x where the ink starts.
        let attr = |name: &str| -> f32 {
            let value = text
                .split(&format!(" {name}=\""))
                .nth(1)
                .unwrap_or_default();
            value
                .split('"')
                .next()
                .unwrap_or_default()
                .parse()
                .unwrap_or(f32::NAN)
        };
        let image = render(&frame);
        let ink = |x: u32, y: u32| image.pixel(x, y).is_some_and(|p| p[0] < 160);
        let bottom = (0..image.height)
            .filter(|&y| (0..image.width).any(|x| ink(x, y)))
            .max()
            .unwrap_or_default();
        let left = (0..image.width)
            .find(|&x| (0..image.height).any(|y| ink(x, y)))
            .unwrap_or_default();
        let (baseline, start) = ((bottom + 1) as f32 / frame.ppp, left as f32 / frame.ppp);
        assert!(
            (baseline - attr("y")).abs() <= 0.5,
            "{baseline} vs {}",
            attr("y")
        );
        assert!(
            (0.0..=1.5).contains(&(start - attr("x"))),
            "{start} vs {}",
            attr("x")
        );
    }
}
