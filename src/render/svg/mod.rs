//! egui's shapes (before tessellation) as a vector SVG whose user units are points.
//!
//! Shapes become their SVG counterparts; text becomes real `<text>` (selectable, searchable)
//! set in Inter; meshes become filled paths. egui pre-tessellated meshes carry anti-aliasing
//! "feathering" triangles whose alpha fades out over a pixel; SVG renderers anti-alias
//! themselves, so each such triangle is cut at half its peak alpha, which is where egui's
//! geometric edge lies, and filled solid.

mod mesh;
use mesh::write_solids;
mod prims;
mod text;

use std::collections::HashMap;
use std::fmt::Write as _;

use egui::emath::TSTransform;
use egui::epaint::{
    BandShape, CircleShape, ClippedShape, ColorMode, EllipseShape, Mesh, PathShape, PathStroke,
    RectShape, Shape, Stroke, StrokeKind, WHITE_UV,
};
use egui::{Color32, Pos2, Rect, TextureId, Vec2};

/// Writes the frame's shapes (before tessellation: `FullOutput.shapes`) as an SVG document whose
/// user units are points; width/height attributes are size_points × pixels_per_point px.
pub fn shapes_to_svg(
    shapes: &[ClippedShape],
    size_points: Vec2,
    pixels_per_point: f32,
    background: Color32,
) -> String {
    write_svg(shapes, size_points, pixels_per_point, background, false)
}

/// As [`shapes_to_svg`], with Inter embedded: for files people open elsewhere.
pub fn shapes_to_svg_with_fonts(
    shapes: &[ClippedShape],
    size_points: Vec2,
    pixels_per_point: f32,
    background: Color32,
) -> String {
    write_svg(shapes, size_points, pixels_per_point, background, true)
}

fn write_svg(
    shapes: &[ClippedShape],
    size_points: Vec2,
    pixels_per_point: f32,
    background: Color32,
    embed_fonts: bool,
) -> String {
    let size = Vec2::new(non_negative(size_points.x), non_negative(size_points.y));
    let ppp = if pixels_per_point.is_finite() && pixels_per_point > 0.0 {
        pixels_per_point
    } else {
        1.0
    };
    let canvas = Rect::from_min_size(Pos2::ZERO, size);
    let mut svg = Svg {
        embed_fonts,
        body: String::with_capacity(1 << 16),
        ..Svg::default()
    };
    for group in shapes.chunk_by(|a, b| bits(a.clip_rect) == bits(b.clip_rect)) {
        svg.clip_group(group, canvas);
    }
    svg.finish(size, ppp, background)
}

/// The sans-serif stack of every text. Inter comes first and is embedded, but some viewers
/// (librsvg's rsvg-convert, older Illustrator) ignore `@font-face`: the fallbacks are
/// faces no wider than Inter (Arial and its metric twins, DejaVu's condensed cut), so text
/// laid out for Inter still fits its box instead of running out of it in DejaVu Sans.
pub(crate) const SANS: &str =
    "Inter, Arial, 'Liberation Sans', Arimo, Helvetica, 'DejaVu Sans Condensed', sans-serif";

/// `@font-face` rules for the weights of Inter the document uses, the fonts as data URLs.
fn font_faces(body: &str) -> String {
    use base64::Engine as _;
    let mut css = String::new();
    let weights = [
        (400, crate::style::INTER_REGULAR, true),
        (
            600,
            crate::style::INTER_SEMIBOLD,
            body.contains("font-weight=\"600\""),
        ),
    ];
    for (weight, data, used) in weights {
        if used && body.contains("<text") {
            let b64 = base64::engine::general_purpose::STANDARD.encode(data);
            let _ = writeln!(
                css,
                "@font-face{{font-family:\"Inter\";font-weight:{weight};src:url(data:font/otf;base64,{b64}) format(\"opentype\");}}"
            );
        }
    }
    if css.is_empty() {
        css
    } else {
        format!("<style>\n{css}</style>\n")
    }
}

/// Rects and transforms compared bit for bit: emath's `==` debug-asserts on NaN, and
/// identical bits is what "the same clip" means here anyway.
fn bits(r: Rect) -> [u32; 4] {
    [r.min.x, r.min.y, r.max.x, r.max.y].map(f32::to_bits)
}

fn transform_bits(t: TSTransform) -> [u32; 3] {
    [t.scaling, t.translation.x, t.translation.y].map(f32::to_bits)
}

fn non_negative(v: f32) -> f32 {
    if v.is_finite() { v.max(0.0) } else { 0.0 }
}

#[derive(Default)]
struct Svg {
    /// Put Inter into the document (`@font-face` with the font as a data URL), so browsers
    /// and editors show the text as the app drew it whether or not Inter is installed.
    embed_fonts: bool,
    body: String,
    defs: String,
    clips: HashMap<[u32; 4], usize>,
    blurs: HashMap<u32, usize>,
}

impl Svg {
    fn finish(self, size: Vec2, ppp: f32, background: Color32) -> String {
        let mut out = String::with_capacity(self.body.len() + self.defs.len() + 512);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
        attr(&mut out, "width", size.x * ppp);
        attr(&mut out, "height", size.y * ppp);
        out.push_str(" viewBox=\"0 0 ");
        num(&mut out, size.x);
        out.push(' ');
        num(&mut out, size.y);
        out.push_str("\">\n");
        let fonts = if self.embed_fonts {
            font_faces(&self.body)
        } else {
            String::new()
        };
        if !self.defs.is_empty() || !fonts.is_empty() {
            out.push_str("<defs>\n");
            out.push_str(&fonts);
            out.push_str(&self.defs);
            out.push_str("</defs>\n");
        }
        if background.a() > 0 {
            out.push_str("<rect");
            attr(&mut out, "width", size.x);
            attr(&mut out, "height", size.y);
            paint(&mut out, "fill", background);
            out.push_str("/>\n");
        }
        out.push_str(&self.body);
        out.push_str("</svg>\n");
        out
    }

    /// Shapes sharing a clip rect, in runs sharing a transform. The clip rect is in the space
    /// the transform maps to, so the transform's group goes inside the clip's.
    fn clip_group(&mut self, group: &[ClippedShape], canvas: Rect) {
        let Some(first) = group.first() else {
            return;
        };
        let Some(clipped) = self.open_clip(first.clip_rect, canvas) else {
            return;
        };
        let same_transform = |a: &ClippedShape, b: &ClippedShape| {
            transform_bits(a.transform_after_tessellation)
                == transform_bits(b.transform_after_tessellation)
        };
        for run in group.chunk_by(same_transform) {
            self.transform_group(run);
        }
        if clipped {
            self.body.push_str("</g>\n");
        }
    }

    fn transform_group(&mut self, run: &[ClippedShape]) {
        let Some(first) = run.first() else {
            return;
        };
        let Some(moved) = self.open_transform(first.transform_after_tessellation) else {
            return;
        };
        for clipped_shape in run {
            self.shape(&clipped_shape.shape);
        }
        if moved {
            self.body.push_str("</g>\n");
        }
    }

    /// Opens a clipped group if the clip cuts into the canvas: `Some(true)` if a `<g>` was
    /// opened, `Some(false)` if no clipping is needed, `None` if nothing can show.
    fn open_clip(&mut self, clip: Rect, canvas: Rect) -> Option<bool> {
        let clip = clip.intersect(canvas);
        if !(clip.width() > 0.0 && clip.height() > 0.0) {
            return None;
        }
        if clip.contains_rect(canvas) {
            return Some(false);
        }
        let key = bits(clip);
        let next = self.clips.len();
        let id = *self.clips.entry(key).or_insert(next);
        if id == next {
            let _ = write!(self.defs, "<clipPath id=\"c{id}\"><rect");
            attr(&mut self.defs, "x", clip.min.x);
            attr(&mut self.defs, "y", clip.min.y);
            attr(&mut self.defs, "width", clip.width());
            attr(&mut self.defs, "height", clip.height());
            self.defs.push_str("/></clipPath>\n");
        }
        let _ = writeln!(self.body, "<g clip-path=\"url(#c{id})\">");
        Some(true)
    }

    /// Opens a group for a popup's scale-in animation: `Some(true)` if a `<g>` was opened,
    /// `None` if the transform is broken and its shapes cannot be placed.
    fn open_transform(&mut self, t: TSTransform) -> Option<bool> {
        if transform_bits(t) == transform_bits(TSTransform::IDENTITY) {
            return Some(false);
        }
        if !(t.scaling.is_finite() && finite(t.translation.to_pos2())) {
            return None;
        }
        // Full precision for the scale: two decimals would visibly shift a scaled popup.
        let s = t.scaling;
        let _ = write!(self.body, "<g transform=\"matrix({s} 0 0 {s} ");
        xy(&mut self.body, t.translation.to_pos2());
        self.body.push_str(")\">\n");
        Some(true)
    }

    /// The id of a blur filter of this width, defined once.
    fn blur(&mut self, width: f32) -> usize {
        let next = self.blurs.len();
        let id = *self.blurs.entry(width.to_bits()).or_insert(next);
        if id == next {
            // egui blurs with a linear ramp `width` wide; a Gaussian with the same slope at
            // the edge has σ = width / √(2π).
            let _ = write!(
                self.defs,
                "<filter id=\"b{id}\" x=\"-100%\" y=\"-100%\" width=\"300%\" height=\"300%\"><feGaussianBlur"
            );
            attr(&mut self.defs, "stdDeviation", width * 0.4);
            self.defs.push_str("/></filter>\n");
        }
        id
    }

    fn shape(&mut self, shape: &Shape) {
        match shape {
            Shape::Noop => {}
            Shape::Callback(cb) => self.callback(cb),
            Shape::Vec(shapes) => shapes.iter().for_each(|s| self.shape(s)),
            Shape::Circle(c) => self.circle(c),
            Shape::Ellipse(e) => self.ellipse(e),
            Shape::LineSegment { points, stroke } => self.line(*points, *stroke),
            Shape::Path(p) => self.path(p),
            Shape::Band(b) => self.band(b),
            Shape::Rect(r) => self.rect(r),
            Shape::Text(t) => self.text(t),
            Shape::Mesh(m) => self.mesh(m),
            Shape::QuadraticBezier(q) => self.bezier(&q.points, q.closed, q.fill, &q.stroke),
            Shape::CubicBezier(c) => self.bezier(&c.points, c.closed, c.fill, &c.stroke),
        }
    }

    fn circle(&mut self, c: &CircleShape) {
        if !(finite(c.center) && c.radius.is_finite() && c.radius > 0.0) {
            return;
        }
        if !(visible(c.fill) || stroke_visible(c.stroke.width, c.stroke.color)) {
            return;
        }
        let out = &mut self.body;
        out.push_str("<circle");
        attr(out, "cx", c.center.x);
        attr(out, "cy", c.center.y);
        attr(out, "r", c.radius);
        paint(out, "fill", c.fill);
        stroke(out, c.stroke.width, c.stroke.color);
        out.push_str("/>\n");
    }

    fn ellipse(&mut self, e: &EllipseShape) {
        if !(finite(e.center) && finite(e.radius.to_pos2()) && e.radius.min_elem() > 0.0) {
            return;
        }
        if !(visible(e.fill) || stroke_visible(e.stroke.width, e.stroke.color)) {
            return;
        }
        let out = &mut self.body;
        out.push_str("<ellipse");
        attr(out, "cx", e.center.x);
        attr(out, "cy", e.center.y);
        attr(out, "rx", e.radius.x);
        attr(out, "ry", e.radius.y);
        rotation(out, e.angle, e.center);
        paint(out, "fill", e.fill);
        stroke(out, e.stroke.width, e.stroke.color);
        out.push_str("/>\n");
    }

    fn line(&mut self, [a, b]: [Pos2; 2], s: Stroke) {
        if !(finite(a) && finite(b) && stroke_visible(s.width, s.color)) {
            return;
        }
        let out = &mut self.body;
        out.push_str("<line");
        attr(out, "x1", a.x);
        attr(out, "y1", a.y);
        attr(out, "x2", b.x);
        attr(out, "y2", b.y);
        stroke(out, s.width, s.color);
        out.push_str("/>\n");
    }

    /// Stroke kinds on paths are drawn as `Middle`: offsetting a polygon is out of scope and
    /// the difference is half a stroke width.
    fn path(&mut self, p: &PathShape) {
        if p.points.len() < 2 || !p.points.iter().all(|&q| finite(q)) {
            return;
        }
        let fill = if p.closed {
            p.fill
        } else {
            Color32::TRANSPARENT
        };
        let stroke_colour = path_stroke_colour(&p.stroke, &p.points);
        if !(visible(fill) || stroke_visible(p.stroke.width, stroke_colour)) {
            return;
        }
        let out = &mut self.body;
        out.push_str(if p.closed { "<polygon" } else { "<polyline" });
        out.push_str(" points=\"");
        points(out, p.points.iter().copied());
        out.push('"');
        paint(out, "fill", fill);
        stroke(out, p.stroke.width, stroke_colour);
        out.push_str("/>\n");
    }

    /// A band's outline: along the top boundary, back along the bottom.
    fn band(&mut self, b: &BandShape) {
        if b.points.len() < 2 || !b.points.iter().all(|p| p.is_finite()) {
            return;
        }
        if !(visible(b.fill) || stroke_visible(b.stroke.width, b.stroke.color)) {
            return;
        }
        let top = b.points.iter().map(|p| Pos2::new(p.x, p.y.min));
        let bottom = b.points.iter().rev().map(|p| Pos2::new(p.x, p.y.max));
        let out = &mut self.body;
        out.push_str("<polygon points=\"");
        points(out, top.chain(bottom));
        out.push('"');
        rotation(out, b.angle, Pos2::ZERO);
        paint(out, "fill", b.fill);
        stroke(out, b.stroke.width, b.stroke.color);
        out.push_str("/>\n");
    }

    fn bezier(&mut self, p: &[Pos2], closed: bool, fill: Color32, s: &PathStroke) {
        if !p.iter().all(|&q| finite(q)) {
            return;
        }
        let fill = if closed { fill } else { Color32::TRANSPARENT };
        let stroke_colour = path_stroke_colour(s, p);
        if !(visible(fill) || stroke_visible(s.width, stroke_colour)) {
            return;
        }
        let out = &mut self.body;
        out.push_str("<path d=\"");
        for (i, q) in p.iter().enumerate() {
            out.push_str(match (i, p.len()) {
                (0, _) => "M",
                (1, 3) => " Q",
                (1, _) => " C",
                _ => " ",
            });
            xy(out, *q);
        }
        if closed {
            out.push_str(" Z");
        }
        out.push('"');
        paint(out, "fill", fill);
        stroke(out, s.width, stroke_colour);
        out.push_str("/>\n");
    }

    fn rect(&mut self, r: &RectShape) {
        // egui clamps "infinite" rects the same way before tessellating.
        let (lo, hi) = (Pos2::new(-1e7, -1e7), Pos2::new(1e7, 1e7));
        let rect = Rect::from_min_max(r.rect.min.clamp(lo, hi), r.rect.max.clamp(lo, hi));
        if !(finite(rect.min) && finite(rect.max)) || rect.width() < 0.0 || rect.height() < 0.0 {
            return;
        }
        let textured = r
            .brush
            .as_ref()
            .is_some_and(|b| b.fill_texture_id != TextureId::default());
        // Images are not embedded; their rect is left empty rather than painted with the tint.
        let fill = if textured {
            Color32::TRANSPARENT
        } else {
            r.fill
        };
        let (width, colour) = (r.stroke.width, r.stroke.color);
        let has_stroke = stroke_visible(width, colour);
        let radii = radii(r);
        let blur =
            (r.blur_width.is_finite() && r.blur_width > 0.0).then(|| self.blur(r.blur_width));
        let spin = (r.angle, rect.center());
        if has_stroke && r.stroke_kind == StrokeKind::Middle {
            self.rounded_rect(rect, radii, spin, fill, Stroke::new(width, colour), blur);
            return;
        }
        if visible(fill) {
            self.rounded_rect(rect, radii, spin, fill, Stroke::NONE, blur);
        }
        if has_stroke {
            // The stroke's centre line runs half a width inside or outside the rect.
            let d = if r.stroke_kind == StrokeKind::Inside {
                -0.5
            } else {
                0.5
            } * width;
            let line = rect.expand(d);
            let radii = radii.map(|c| (c + d).max(0.0));
            let s = Stroke::new(width, colour);
            self.rounded_rect(line, radii, spin, Color32::TRANSPARENT, s, None);
        }
    }

    fn rounded_rect(
        &mut self,
        rect: Rect,
        radii: [f32; 4],
        (angle, centre): (f32, Pos2),
        fill: Color32,
        s: Stroke,
        blur: Option<usize>,
    ) {
        let rect = if rect.width() < 0.0 || rect.height() < 0.0 {
            Rect::from_center_size(rect.center(), Vec2::ZERO)
        } else {
            rect
        };
        let out = &mut self.body;
        rect_geometry(out, rect, radii);
        rotation(out, angle, centre);
        paint(out, "fill", fill);
        stroke(out, s.width, s.color);
        if let Some(id) = blur {
            let _ = write!(out, " filter=\"url(#b{id})\"");
        }
        out.push_str("/>\n");
    }

    fn mesh(&mut self, mesh: &Mesh) {
        if mesh.texture_id != TextureId::default() {
            return;
        }
        let white = |i: u32| {
            mesh.vertices
                .get(i as usize)
                .is_some_and(|v| v.uv.x == WHITE_UV.x && v.uv.y == WHITE_UV.y)
        };
        let keep = |t: [u32; 3]| t.iter().all(|&i| white(i));
        write_solids(&mut self.body, mesh, Vec2::ZERO, keep, |c| c);
    }
}

/// Corner radii as nw, ne, se, sw, limited to half the shorter side as egui limits them.
fn radii(r: &RectShape) -> [f32; 4] {
    let c = r.corner_radius;
    let max = 0.5 * r.rect.width().min(r.rect.height()).max(0.0);
    [c.nw, c.ne, c.se, c.sw].map(|v| f32::from(v).min(max))
}

/// Opens a `<rect>` (equal corners) or `<path>` (mixed corners) element.
fn rect_geometry(out: &mut String, rect: Rect, [nw, ne, se, sw]: [f32; 4]) {
    if nw == ne && ne == se && se == sw {
        out.push_str("<rect");
        attr(out, "x", rect.min.x);
        attr(out, "y", rect.min.y);
        attr(out, "width", rect.width());
        attr(out, "height", rect.height());
        if nw > 0.0 {
            attr(out, "rx", nw);
        }
        return;
    }
    let (x0, y0, x1, y1) = (rect.min.x, rect.min.y, rect.max.x, rect.max.y);
    out.push_str("<path d=\"M");
    xy(out, Pos2::new(x0 + nw, y0));
    let corners = [
        (Pos2::new(x1 - ne, y0), ne, Pos2::new(x1, y0 + ne)),
        (Pos2::new(x1, y1 - se), se, Pos2::new(x1 - se, y1)),
        (Pos2::new(x0 + sw, y1), sw, Pos2::new(x0, y1 - sw)),
        (Pos2::new(x0, y0 + nw), nw, Pos2::new(x0 + nw, y0)),
    ];
    for (start, r, end) in corners {
        out.push_str(" L");
        xy(out, start);
        if r > 0.0 {
            out.push_str(" A");
            xy(out, Pos2::new(r, r));
            out.push_str(" 0 0 1 ");
            xy(out, end);
        }
    }
    out.push_str(" Z\"");
}

fn path_stroke_colour(s: &PathStroke, points: &[Pos2]) -> Color32 {
    match &s.color {
        ColorMode::Solid(c) => *c,
        // A colour that varies along the path: take the one at its middle.
        ColorMode::UV(f) => {
            let bounds = Rect::from_points(points);
            f(bounds, bounds.center())
        }
    }
}

fn finite(p: Pos2) -> bool {
    p.x.is_finite() && p.y.is_finite()
}

/// Additive colours (alpha 0, colour > 0) have no SVG equivalent and are dropped too.
fn visible(c: Color32) -> bool {
    c.a() > 0
}

fn stroke_visible(width: f32, c: Color32) -> bool {
    width.is_finite() && width > 0.0 && visible(c)
}

/// ` fill="rgb(…)" fill-opacity="…"` (or `none`) from a premultiplied colour.
fn paint(out: &mut String, what: &str, c: Color32) {
    if !visible(c) {
        let _ = write!(out, " {what}=\"none\"");
        return;
    }
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    let _ = write!(out, " {what}=\"rgb({r},{g},{b})\"");
    if a < 255 {
        let _ = write!(out, " {what}-opacity=\"{}\"", round3(f32::from(a) / 255.0));
    }
}

fn stroke(out: &mut String, width: f32, c: Color32) {
    if stroke_visible(width, c) {
        paint(out, "stroke", c);
        attr(out, "stroke-width", width);
    }
}

fn rotation(out: &mut String, angle: f32, pivot: Pos2) {
    if angle != 0.0 && angle.is_finite() && finite(pivot) {
        out.push_str(" transform=\"rotate(");
        num(out, angle.to_degrees());
        out.push(' ');
        xy(out, pivot);
        out.push_str(")\"");
    }
}

fn points(out: &mut String, pts: impl Iterator<Item = Pos2>) {
    for (i, p) in pts.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        num(out, p.x);
        out.push(',');
        num(out, p.y);
    }
}

fn xy(out: &mut String, p: Pos2) {
    num(out, p.x);
    out.push(' ');
    num(out, p.y);
}

fn attr(out: &mut String, name: &str, v: f32) {
    let _ = write!(out, " {name}=\"");
    num(out, v);
    out.push('"');
}

/// Two decimals: a hundredth of a point is invisible at any export scale, and the basemap
/// has tens of thousands of coordinates.
fn num(out: &mut String, v: f32) {
    let _ = write!(out, "{}", round2(v));
}

fn round2(v: f32) -> f32 {
    // `+ 0.0` turns -0 into 0.
    if v.is_finite() {
        (v * 100.0).round() / 100.0 + 0.0
    } else {
        0.0
    }
}

fn round3(v: f32) -> f32 {
    (v * 1000.0).round() / 1000.0
}

/// XML-escapes `text`, dropping characters XML 1.0 does not allow.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests;
