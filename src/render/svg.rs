//! egui's shapes (before tessellation) as a vector SVG whose user units are points.
//!
//! Shapes become their SVG counterparts; text becomes real `<text>` (selectable, searchable)
//! set in Inter; meshes become filled paths. egui pre-tessellated meshes carry anti-aliasing
//! "feathering" triangles whose alpha fades out over a pixel; SVG renderers anti-alias
//! themselves, so each such triangle is cut at half its peak alpha, which is where egui's
//! geometric edge lies, and filled solid.

use std::collections::HashMap;
use std::fmt::Write as _;

use egui::emath::TSTransform;
use egui::epaint::text::{FontFamily, LayoutJob, PlacedRow, TextFormat};
use egui::epaint::{
    BandShape, CircleShape, ClippedShape, ColorMode, EllipseShape, Mesh, PathShape, PathStroke,
    RectShape, Shape, Stroke, StrokeKind, TextShape, WHITE_UV,
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
    let size = Vec2::new(non_negative(size_points.x), non_negative(size_points.y));
    let ppp = if pixels_per_point.is_finite() && pixels_per_point > 0.0 {
        pixels_per_point
    } else {
        1.0
    };
    let canvas = Rect::from_min_size(Pos2::ZERO, size);
    let mut svg = Svg {
        body: String::with_capacity(1 << 16),
        ..Svg::default()
    };
    for group in shapes.chunk_by(|a, b| bits(a.clip_rect) == bits(b.clip_rect)) {
        svg.clip_group(group, canvas);
    }
    svg.finish(size, ppp, background)
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
        if !self.defs.is_empty() {
            out.push_str("<defs>\n");
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
            Shape::Noop | Shape::Callback(_) => {}
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

    fn text(&mut self, t: &TextShape) {
        let galley = &t.galley;
        let opacity = t.opacity_factor;
        if galley.is_empty() || !(opacity.is_finite() && opacity > 0.0) || !finite(t.pos) {
            return;
        }
        let rotated = t.angle != 0.0 && t.angle.is_finite();
        if rotated {
            self.body.push_str("<g");
            rotation(&mut self.body, t.angle, t.pos);
            self.body.push_str(">\n");
        }
        let mut sections = SectionCursor::new(&galley.job);
        for row in &galley.rows {
            let origin = t.pos + row.pos.to_vec2();
            if finite(origin) {
                self.row_decorations(row, origin, t, true);
                self.row_text(row, origin, t, &mut sections);
                self.row_decorations(row, origin, t, false);
                self.underline(row, origin, t.underline);
            } else {
                for g in &row.glyphs {
                    sections.advance(g.chr);
                }
            }
            if row.ends_with_newline {
                sections.advance('\n');
            }
        }
        if rotated {
            self.body.push_str("</g>\n");
        }
    }

    /// Backgrounds (before the glyphs) and underlines/strikethroughs (after) from the row's
    /// own mesh, so their geometry is egui's.
    fn row_decorations(&mut self, row: &PlacedRow, origin: Pos2, t: &TextShape, before: bool) {
        let glyphs = &row.visuals.glyph_vertex_range;
        let keep = |tri: [u32; 3]| {
            tri.iter().all(|&i| {
                let i = i as usize;
                if before {
                    i < glyphs.start
                } else {
                    i >= glyphs.end
                }
            })
        };
        let colour = |c: Color32| {
            let c = if c == Color32::PLACEHOLDER {
                t.fallback_color
            } else {
                c
            };
            fade(c, t.opacity_factor)
        };
        write_solids(
            &mut self.body,
            &row.visuals.mesh,
            origin.to_vec2(),
            keep,
            colour,
        );
    }

    fn row_text(
        &mut self,
        row: &PlacedRow,
        origin: Pos2,
        t: &TextShape,
        cursor: &mut SectionCursor,
    ) {
        let mut run: Option<Run> = None;
        for glyph in &row.glyphs {
            let section = cursor.advance(glyph.chr);
            let at = origin + glyph.pos.to_vec2();
            let end = at.x + glyph.advance_width;
            if glyph.chr.is_control() || !finite(at) {
                self.flush(run.take(), t, cursor.job);
                continue;
            }
            match &mut run {
                Some(r) if r.section == section && r.at.y == at.y => {
                    r.text.push(glyph.chr);
                    r.end = end;
                }
                _ => {
                    self.flush(run.take(), t, cursor.job);
                    run = Some(Run {
                        section,
                        at,
                        end,
                        text: String::from(glyph.chr),
                    });
                }
            }
        }
        self.flush(run, t, cursor.job);
    }

    fn flush(&mut self, run: Option<Run>, t: &TextShape, job: &LayoutJob) {
        let Some(run) = run else {
            return;
        };
        let Some(format) = job.sections.get(run.section).map(|s| &s.format) else {
            return;
        };
        let colour = match t.override_text_color {
            Some(c) => c,
            None if format.color == Color32::PLACEHOLDER => t.fallback_color,
            None => format.color,
        };
        let colour = fade(colour, t.opacity_factor);
        if run.text.trim().is_empty() || !visible(colour) {
            return;
        }
        let out = &mut self.body;
        out.push_str("<text");
        attr(out, "x", run.at.x);
        attr(out, "y", run.at.y);
        font(out, format);
        paint(out, "fill", colour);
        out.push_str(" xml:space=\"preserve\"");
        // Pins the run to egui's measured width, so a viewer's fallback font cannot push
        // labels into their neighbours.
        let width = run.end - run.at.x;
        if run.text.chars().count() > 1 && width.is_finite() && width > 0.0 {
            attr(out, "textLength", width);
        }
        out.push('>');
        escape(out, &run.text);
        out.push_str("</text>\n");
    }

    fn underline(&mut self, row: &PlacedRow, origin: Pos2, underline: Stroke) {
        let bounds = row.visuals.mesh_bounds;
        if underline.is_empty() || !bounds.is_positive() {
            return;
        }
        let bounds = bounds.translate(origin.to_vec2());
        self.line([bounds.left_bottom(), bounds.right_bottom()], underline);
    }
}

/// A stretch of glyphs of one section on one baseline, written as one `<text>`.
struct Run {
    section: usize,
    at: Pos2,
    end: f32,
    text: String,
}

/// Maps glyphs to their [`LayoutJob`] section. `Glyph::section_index` is private, but egui
/// keeps one glyph per char (plus one per row-ending `\n`), so walking the text byte by byte
/// alongside the glyphs finds each glyph's section.
struct SectionCursor<'a> {
    job: &'a LayoutJob,
    byte: usize,
    section: usize,
}

impl<'a> SectionCursor<'a> {
    fn new(job: &'a LayoutJob) -> Self {
        Self {
            job,
            byte: 0,
            section: 0,
        }
    }

    /// The section of the char at the cursor, then steps over `chr`.
    fn advance(&mut self, chr: char) -> usize {
        let sections = &self.job.sections;
        while self.section + 1 < sections.len()
            && sections
                .get(self.section)
                .is_some_and(|s| self.byte >= s.byte_range.end.0)
        {
            self.section += 1;
        }
        self.byte += chr.len_utf8();
        self.section
    }
}

/// Writes a mesh's solid triangles (those `keep` accepts) as filled paths, one `<path>` per
/// run of triangles of one colour, each triangle wound the same way so the non-zero fill
/// leaves no seams between neighbours.
fn write_solids(
    out: &mut String,
    mesh: &Mesh,
    offset: Vec2,
    keep: impl Fn([u32; 3]) -> bool,
    colour: impl Fn(Color32) -> Color32,
) {
    let mut open: Option<Color32> = None;
    for tri in mesh.indices.chunks_exact(3) {
        let tri = [tri[0], tri[1], tri[2]];
        if !keep(tri) {
            continue;
        }
        let v = tri.map(|i| mesh.vertices.get(i as usize));
        let [Some(a), Some(b), Some(c)] = v else {
            continue;
        };
        let p = [a.pos + offset, b.pos + offset, c.pos + offset];
        if !p.iter().all(|&q| finite(q)) {
            continue;
        }
        let colours = [a.color, b.color, c.color].map(&colour);
        let Some((polygon, fill)) = solid_polygon(p, colours) else {
            continue;
        };
        let Some(polygon) = wound(polygon) else {
            continue;
        };
        if open != Some(fill) {
            if open.is_some() {
                out.push_str("\"/>\n");
            }
            out.push_str("<path");
            paint(out, "fill", fill);
            out.push_str(" d=\"");
            open = Some(fill);
        }
        subpath(out, &polygon);
    }
    if open.is_some() {
        out.push_str("\"/>\n");
    }
}

/// Up to four corners of a convex polygon.
#[derive(Clone, Copy)]
struct Polygon {
    p: [Pos2; 4],
    n: usize,
}

impl Polygon {
    fn corners(&self) -> &[Pos2] {
        self.p.get(..self.n).unwrap_or(&[])
    }
}

/// The part of a triangle that egui means as solid, and its colour. Triangles of one colour
/// are solid throughout; a feathering triangle (alpha fading to zero across it) is cut where
/// alpha crosses half its peak, which is the shape's true edge.
fn solid_polygon(p: [Pos2; 3], c: [Color32; 3]) -> Option<(Polygon, Color32)> {
    let alpha = c.map(|c| f32::from(c.a()));
    let top = (1..3).fold(0, |t, i| if alpha[i] > alpha[t] { i } else { t });
    if alpha[top] == 0.0 {
        return None;
    }
    if alpha[0] == alpha[1] && alpha[1] == alpha[2] {
        let polygon = Polygon {
            p: [p[0], p[1], p[2], p[2]],
            n: 3,
        };
        return Some((polygon, c[top]));
    }
    let threshold = alpha[top] * 0.5;
    let mut polygon = Polygon {
        p: [Pos2::ZERO; 4],
        n: 0,
    };
    let mut push = |q: Pos2| {
        if let Some(slot) = polygon.p.get_mut(polygon.n) {
            *slot = q;
            polygon.n += 1;
        }
    };
    for i in 0..3 {
        let j = (i + 1) % 3;
        let (inside_i, inside_j) = (alpha[i] >= threshold, alpha[j] >= threshold);
        if inside_i {
            push(p[i]);
        }
        if inside_i != inside_j {
            push(crossing((p[i], alpha[i]), (p[j], alpha[j]), threshold));
        }
    }
    (polygon.n >= 3).then_some((polygon, c[top]))
}

/// Where alpha crosses `threshold` along an edge, computed from the endpoints in a fixed
/// order so the triangle on the other side of the edge gets the very same point.
fn crossing(a: (Pos2, f32), b: (Pos2, f32), threshold: f32) -> Pos2 {
    let ((s, sa), (t, ta)) = if (a.0.x, a.0.y) <= (b.0.x, b.0.y) {
        (a, b)
    } else {
        (b, a)
    };
    let k = (threshold - sa) / (ta - sa);
    s + (t - s) * k
}

/// The polygon as written (rounded), counter-clockwise on screen; `None` if it collapsed.
fn wound(mut polygon: Polygon) -> Option<Polygon> {
    for q in polygon.p.iter_mut() {
        *q = Pos2::new(round2(q.x), round2(q.y));
    }
    let corners = polygon.corners();
    let area2: f32 = (0..corners.len())
        .map(|i| {
            let (a, b) = (corners[i], corners[(i + 1) % corners.len()]);
            a.x * b.y - b.x * a.y
        })
        .sum();
    if area2 == 0.0 || !area2.is_finite() {
        return None;
    }
    // With y pointing down, a positive shoelace sum is clockwise on screen.
    if area2 > 0.0 {
        let n = polygon.n;
        polygon.p.get_mut(..n)?.reverse();
    }
    Some(polygon)
}

fn subpath(out: &mut String, polygon: &Polygon) {
    for (i, q) in polygon.corners().iter().enumerate() {
        out.push_str(if i == 0 { "M" } else { "L" });
        xy(out, *q);
    }
    out.push('Z');
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

fn font(out: &mut String, f: &TextFormat) {
    let (family, weight) = match &f.font_id.family {
        FontFamily::Monospace => ("Hack, monospace", None),
        FontFamily::Proportional => ("Inter, sans-serif", None),
        FontFamily::Name(name) => ("Inter, sans-serif", weight_of(name)),
    };
    let _ = write!(out, " font-family=\"{family}\"");
    attr(out, "font-size", f.font_id.size);
    if let Some(w) = weight {
        let _ = write!(out, " font-weight=\"{w}\"");
    }
    if f.italics {
        out.push_str(" font-style=\"italic\"");
    }
}

/// The weight a named family implies ("semibold" is the app's heading face).
fn weight_of(name: &str) -> Option<u16> {
    let name = name.to_ascii_lowercase();
    [
        ("semibold", 600),
        ("bold", 700),
        ("medium", 500),
        ("light", 300),
    ]
    .into_iter()
    .find(|(key, _)| name.contains(key))
    .map(|(_, w)| w)
}

fn fade(c: Color32, opacity: f32) -> Color32 {
    if opacity < 1.0 {
        c.gamma_multiply(opacity)
    } else {
        c
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
mod tests {
    use std::sync::Arc;

    use egui::epaint::text::{LayoutJob, TextFormat};
    use egui::epaint::{BandPoint, CornerRadius, CubicBezierShape, QuadraticBezierShape, Vertex};
    use egui::{FontId, RawInput, pos2, vec2};

    use super::*;

    const SIZE: Vec2 = Vec2::new(200.0, 100.0);

    fn everywhere(shape: Shape) -> ClippedShape {
        ClippedShape::new(Rect::EVERYTHING, shape)
    }

    fn svg_of(shapes: Vec<Shape>) -> String {
        let shapes: Vec<_> = shapes.into_iter().map(everywhere).collect();
        let svg = shapes_to_svg(&shapes, SIZE, 1.0, Color32::WHITE);
        parse(&svg);
        svg
    }

    fn parse(svg: &str) {
        if let Err(e) = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()) {
            panic!("invalid SVG ({e}):\n{svg}");
        }
    }

    /// Lays text out with egui's default fonts, as a frame would.
    fn galley(job: LayoutJob) -> Arc<egui::Galley> {
        let ctx = egui::Context::default();
        let mut out = ctx.run_ui(RawInput::default(), |_| {});
        out.textures_delta.clear();
        ctx.fonts_mut(|f| f.layout_job(job))
    }

    fn elements<'a>(svg: &'a str, tag: &str) -> Vec<&'a str> {
        let open = format!("<{tag} ");
        svg.match_indices(&open)
            .map(|(i, _)| &svg[i..i + svg[i..].find('>').map_or(0, |e| e + 1)])
            .collect()
    }

    #[test]
    fn text_is_escaped() {
        let mut s = String::new();
        escape(&mut s, "a&b<c>\"d'e\u{1}\u{FFFF}ü");
        assert_eq!(s, "a&amp;b&lt;c&gt;&quot;d&apos;eü");

        let g = galley(LayoutJob::simple_singleline(
            "R&D <AI> \"quotes\" 'n'".into(),
            FontId::proportional(14.0),
            Color32::BLACK,
        ));
        let svg = svg_of(vec![Shape::galley(pos2(10.0, 10.0), g, Color32::BLACK)]);
        assert!(
            svg.contains(">R&amp;D &lt;AI&gt; &quot;quotes&quot; &apos;n&apos;</text>"),
            "{svg}"
        );
    }

    #[test]
    fn sections_become_separate_runs_with_their_own_style() {
        let mut job = LayoutJob::default();
        job.append(
            "Plain ",
            0.0,
            TextFormat::simple(FontId::proportional(12.0), Color32::BLACK),
        );
        job.append(
            "red italic",
            0.0,
            TextFormat {
                italics: true,
                ..TextFormat::simple(FontId::proportional(16.0), Color32::RED)
            },
        );
        job.append(
            "\ncode",
            0.0,
            TextFormat::simple(FontId::monospace(10.0), Color32::BLUE),
        );
        let g = galley(job);
        let svg = svg_of(vec![Shape::galley(pos2(5.0, 5.0), g, Color32::BLACK)]);
        let texts = elements(&svg, "text");
        assert_eq!(texts.len(), 3, "{svg}");
        assert!(texts[0].contains("font-size=\"12\"") && texts[0].contains("rgb(0,0,0)"));
        assert!(texts[1].contains("font-style=\"italic\"") && texts[1].contains("rgb(255,0,0)"));
        assert!(texts[2].contains("monospace") && texts[2].contains("rgb(0,0,255)"));
        assert!(svg.contains(">Plain </text>") && svg.contains(">red italic</text>"));
        assert!(svg.contains(">code</text>"));
        // Same baseline on the first row, the second row lower.
        let y = |t: &str| {
            t.split(" y=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .map(String::from)
        };
        assert_eq!(y(texts[0]), y(texts[1]));
        assert_ne!(y(texts[0]), y(texts[2]));
    }

    #[test]
    fn text_colour_overrides_fade_and_rotation() {
        let g = galley(LayoutJob::simple_singleline(
            "Turned".into(),
            FontId::proportional(14.0),
            Color32::PLACEHOLDER,
        ));
        let mut text = egui::epaint::TextShape::new(pos2(50.0, 50.0), g, Color32::GREEN);
        text.angle = std::f32::consts::FRAC_PI_2;
        text.opacity_factor = 0.5;
        let svg = svg_of(vec![Shape::Text(text)]);
        assert!(svg.contains("<g transform=\"rotate(90 50 50)\">"), "{svg}");
        let t = elements(&svg, "text");
        assert!(
            t[0].contains("fill=\"rgb(0,255,0)\" fill-opacity=\"0.502\""),
            "{svg}"
        );
    }

    #[test]
    fn rects_place_their_stroke_by_kind() {
        let r = Rect::from_min_size(pos2(10.0, 10.0), vec2(40.0, 20.0));
        let shape = |kind| {
            Shape::Rect(RectShape::new(
                r,
                4.0,
                Color32::YELLOW,
                Stroke::new(2.0, Color32::BLUE),
                kind,
            ))
        };
        let middle = svg_of(vec![shape(StrokeKind::Middle)]);
        assert!(middle.contains(
            "<rect x=\"10\" y=\"10\" width=\"40\" height=\"20\" rx=\"4\" fill=\"rgb(255,255,0)\" stroke=\"rgb(0,0,255)\" stroke-width=\"2\"/>"
        ), "{middle}");
        let inside = svg_of(vec![shape(StrokeKind::Inside)]);
        assert!(inside.contains("<rect x=\"10\" y=\"10\" width=\"40\" height=\"20\" rx=\"4\" fill=\"rgb(255,255,0)\"/>"), "{inside}");
        assert!(
            inside.contains(
                "<rect x=\"11\" y=\"11\" width=\"38\" height=\"18\" rx=\"3\" fill=\"none\" stroke="
            ),
            "{inside}"
        );
        let outside = svg_of(vec![shape(StrokeKind::Outside)]);
        assert!(
            outside.contains(
                "<rect x=\"9\" y=\"9\" width=\"42\" height=\"22\" rx=\"5\" fill=\"none\" stroke="
            ),
            "{outside}"
        );

        let mixed = RectShape::filled(
            r,
            CornerRadius {
                nw: 0,
                ne: 4,
                se: 0,
                sw: 8,
            },
            Color32::RED,
        );
        let svg = svg_of(vec![Shape::Rect(mixed)]);
        assert!(
            svg.contains(
                "<path d=\"M10 10 L46 10 A4 4 0 0 1 50 14 L50 30 L18 30 A8 8 0 0 1 10 22 L10 10 Z\""
            ),
            "{svg}"
        );
    }

    #[test]
    fn colours_are_written_straight_with_opacity() {
        let half = Color32::from_rgba_unmultiplied(200, 100, 0, 128);
        let svg = svg_of(vec![Shape::circle_filled(pos2(5.0, 5.0), 3.0, half)]);
        // Premultiplied (100, 50, 0, 128) un-premultiplies to (199, 100, 0).
        assert!(
            svg.contains("fill=\"rgb(199,100,0)\" fill-opacity=\"0.502\""),
            "{svg}"
        );
        let none = svg_of(vec![Shape::circle_filled(
            pos2(5.0, 5.0),
            3.0,
            Color32::TRANSPARENT,
        )]);
        assert!(!none.contains("<circle"), "invisible shapes are skipped");
    }

    /// Parses `M x y L x y … Z` subpaths out of the first `<path d="…">`.
    fn subpaths(svg: &str) -> Vec<Vec<Pos2>> {
        let d = svg
            .split(" d=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or("");
        d.split('Z')
            .filter(|s| !s.is_empty())
            .map(|s| {
                let nums: Vec<f32> = s
                    .split(['M', 'L', ' '])
                    .filter(|t| !t.is_empty())
                    .filter_map(|t| t.parse().ok())
                    .collect();
                nums.chunks_exact(2).map(|c| pos2(c[0], c[1])).collect()
            })
            .collect()
    }

    fn shoelace(p: &[Pos2]) -> f32 {
        (0..p.len())
            .map(|i| p[i].x * p[(i + 1) % p.len()].y - p[(i + 1) % p.len()].x * p[i].y)
            .sum()
    }

    fn solid(x: f32, y: f32, color: Color32) -> Vertex {
        Vertex {
            pos: pos2(x, y),
            uv: WHITE_UV,
            color,
        }
    }

    #[test]
    fn mesh_triangles_share_one_path_and_one_winding() {
        let c = Color32::from_rgb(10, 20, 30);
        let mesh = Mesh {
            // Clockwise, then counter-clockwise on screen; a third of another colour.
            indices: vec![0, 1, 2, 0, 2, 3, 4, 5, 6],
            vertices: vec![
                solid(10.0, 10.0, c),
                solid(20.0, 10.0, c),
                solid(20.0, 20.0, c),
                solid(10.0, 20.0, c),
                solid(30.0, 30.0, Color32::RED),
                solid(40.0, 30.0, Color32::RED),
                solid(30.0, 40.0, Color32::RED),
            ],
            texture_id: TextureId::default(),
        };
        let svg = svg_of(vec![Shape::mesh(mesh)]);
        assert_eq!(elements(&svg, "path").len(), 2, "{svg}");
        let first = subpaths(&svg);
        assert_eq!(first.len(), 2, "{svg}");
        assert!(
            first.iter().all(|p| p.len() == 3 && shoelace(p) < 0.0),
            "{first:?}"
        );
    }

    #[test]
    fn feathering_is_cut_at_half_alpha_and_textured_triangles_are_left_out() {
        let c = Color32::from_rgb(0, 0, 0);
        let mut mesh = Mesh {
            indices: vec![0, 1, 2, 0, 2, 3],
            vertices: vec![
                solid(0.0, 0.0, c),
                solid(10.0, 0.0, Color32::TRANSPARENT),
                solid(10.0, 10.0, Color32::TRANSPARENT),
                solid(0.0, 10.0, c),
            ],
            texture_id: TextureId::default(),
        };
        let svg = svg_of(vec![Shape::mesh(mesh.clone())]);
        let polys = subpaths(&svg);
        let all: Vec<Pos2> = polys.concat();
        assert!(all.iter().all(|p| p.x <= 5.0), "cut at x = 5: {all:?}");
        let area: f32 = polys.iter().map(|p| shoelace(p).abs() / 2.0).sum();
        assert!((area - 50.0).abs() < 1e-3, "{area}");

        mesh.vertices[1].uv = pos2(0.5, 0.5);
        let svg = svg_of(vec![Shape::mesh(mesh.clone())]);
        assert_eq!(
            subpaths(&svg).len(),
            1,
            "the glyph-like triangle is left out"
        );
        mesh.texture_id = TextureId::User(3);
        assert!(!svg_of(vec![Shape::mesh(mesh)]).contains("<path"));
    }

    #[test]
    fn clip_rects_are_defined_once_and_skipped_when_harmless() {
        let clip = Rect::from_min_max(pos2(10.0, 10.0), pos2(50.0, 50.0));
        let dot = |clip_rect| {
            ClippedShape::new(
                clip_rect,
                Shape::circle_filled(pos2(20.0, 20.0), 5.0, Color32::RED),
            )
        };
        let shapes = [
            dot(clip),
            dot(Rect::EVERYTHING),
            dot(clip),
            dot(Rect::from_min_max(pos2(300.0, 300.0), pos2(400.0, 400.0))),
            dot(Rect::from_min_max(pos2(f32::NAN, 0.0), pos2(5.0, 5.0))),
        ];
        let svg = shapes_to_svg(&shapes, SIZE, 1.0, Color32::WHITE);
        parse(&svg);
        assert_eq!(svg.matches("clip-path=\"url(#c0)\"").count(), 2, "{svg}");
        assert_eq!(svg.matches("<clipPath id=\"c0\"").count(), 1, "{svg}");
        // A NaN edge falls back to the canvas edge, as egui_glow's scissor cast makes it 0.
        assert!(
            svg.contains("<clipPath id=\"c1\"><rect x=\"0\" y=\"0\" width=\"5\" height=\"5\"/>")
        );
        assert_eq!(svg.matches("<clipPath").count(), 2, "{svg}");
        assert_eq!(
            svg.matches("<circle").count(),
            4,
            "off-canvas clips drop their shapes"
        );
    }

    #[test]
    fn popup_transforms_wrap_their_shapes() {
        let mut popup = everywhere(Shape::circle_filled(pos2(20.0, 20.0), 5.0, Color32::RED));
        popup.transform_after_tessellation = TSTransform::new(vec2(3.0, 4.5), 0.875);
        let mut broken = popup.clone();
        broken.transform_after_tessellation.scaling = f32::NAN;
        let shapes = [popup.clone(), popup, broken];
        let svg = shapes_to_svg(&shapes, SIZE, 1.0, Color32::WHITE);
        parse(&svg);
        assert_eq!(
            svg.matches("<g transform=\"matrix(0.875 0 0 0.875 3 4.5)\">")
                .count(),
            1,
            "{svg}"
        );
        assert_eq!(svg.matches("<circle").count(), 2, "{svg}");
    }

    #[test]
    fn every_shape_kind_and_odd_input_stays_valid_svg() {
        let stroke = Stroke::new(1.5, Color32::DARK_GRAY);
        let nan = pos2(f32::NAN, 1.0);
        let shapes = vec![
            Shape::Noop,
            Shape::Vec(vec![Shape::circle_stroke(pos2(5.0, 5.0), 4.0, stroke)]),
            Shape::ellipse_filled(pos2(30.0, 30.0), vec2(10.0, 5.0), Color32::BLUE),
            Shape::line_segment([pos2(0.0, 0.0), pos2(50.0, 50.0)], stroke),
            Shape::line(vec![pos2(1.0, 1.0), pos2(9.0, 3.0), pos2(4.0, 8.0)], stroke),
            Shape::convex_polygon(
                vec![pos2(1.0, 1.0), pos2(9.0, 3.0), pos2(4.0, 8.0)],
                Color32::GREEN,
                stroke,
            ),
            Shape::Band(BandShape {
                points: vec![
                    BandPoint::new(0.0, 1.0..=3.0),
                    BandPoint::new(10.0, 2.0..=6.0),
                ],
                fill: Color32::RED,
                stroke,
                stroke_kind: StrokeKind::Middle,
                angle: 0.1,
            }),
            Shape::QuadraticBezier(QuadraticBezierShape::from_points_stroke(
                [pos2(0.0, 0.0), pos2(5.0, 10.0), pos2(10.0, 0.0)],
                true,
                Color32::YELLOW,
                stroke,
            )),
            Shape::CubicBezier(CubicBezierShape::from_points_stroke(
                [
                    pos2(0.0, 0.0),
                    pos2(3.0, 10.0),
                    pos2(7.0, -10.0),
                    pos2(10.0, 0.0),
                ],
                false,
                Color32::YELLOW,
                stroke,
            )),
            Shape::Rect(RectShape::filled(
                Rect::EVERYTHING,
                3.0,
                Color32::LIGHT_BLUE,
            )),
            Shape::Rect(RectShape::filled(Rect::NOTHING, 3.0, Color32::LIGHT_BLUE)),
            Shape::Rect(RectShape {
                blur_width: 8.0,
                angle: 0.3,
                ..RectShape::filled(
                    Rect::from_min_size(pos2(20.0, 20.0), vec2(30.0, 30.0)),
                    3.0,
                    Color32::BLACK,
                )
            }),
            Shape::circle_filled(nan, 3.0, Color32::RED),
            Shape::line(vec![nan, pos2(1.0, 1.0)], stroke),
            Shape::line_segment([nan, nan], stroke),
            Shape::ellipse_filled(nan, vec2(f32::INFINITY, 1.0), Color32::RED),
            Shape::Rect(RectShape::filled(
                Rect::from_min_max(nan, nan),
                2.0,
                Color32::RED,
            )),
            Shape::Mesh(Arc::new(Mesh {
                indices: vec![0, 1, 2, 0, 1, 7, 2],
                vertices: vec![
                    solid(f32::NAN, 0.0, Color32::RED),
                    solid(1.0, 1.0, Color32::RED),
                    solid(2.0, 0.0, Color32::RED),
                ],
                texture_id: TextureId::default(),
            })),
            Shape::Mesh(Arc::default()),
        ];
        let svg = svg_of(shapes);
        for tag in [
            "<circle",
            "<ellipse",
            "<line",
            "<polyline",
            "<polygon",
            "<path",
            "<rect",
            "filter=\"url(#b0)\"",
        ] {
            assert!(svg.contains(tag), "{tag} missing:\n{svg}");
        }
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
        // An empty canvas is well-formed but has no size a viewer accepts; it must not panic.
        for size in [
            vec2(0.0, 0.0),
            vec2(f32::NAN, 10.0),
            vec2(-5.0, f32::INFINITY),
        ] {
            let svg = shapes_to_svg(&[everywhere(Shape::Noop)], size, f32::NAN, Color32::WHITE);
            assert!(svg.ends_with("</svg>\n"));
        }
        parse(&shapes_to_svg(&[], SIZE, f32::NAN, Color32::WHITE));
    }
}
