//! A software renderer for egui's tessellated meshes, matching egui_glow's output closely
//! enough that a PNG looks like the window: premultiplied colours blended in gamma space,
//! the scissor rounded as egui_glow rounds it, textures sampled as OpenGL samples them.
//!
//! Coverage is decided at pixel centres with edge functions in `f64`, evaluated in a
//! canonical edge order, so two triangles sharing an edge get exactly opposite values there
//! and the top-left rule hands every pixel on it to exactly one of them: no seams, no double
//! blending. egui feathers its own edges with alpha, so one sample per pixel is enough.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use egui::epaint::textures::{TextureFilter, TextureOptions, TextureWrapMode, TexturesDelta};
use egui::epaint::{ClippedPrimitive, ImageData, ImageDelta, Mesh, Primitive, Vertex};
use egui::{Color32, TextureId};

use super::Image;

/// The textures egui has asked for, kept across frames (apply every frame's `textures_delta`).
#[derive(Default)]
pub struct Textures {
    map: HashMap<TextureId, Texture>,
    /// egui frees textures "after painting": the frame that announces a free may still draw
    /// with the texture, so frees wait for the next [`Textures::apply`].
    pending_free: Vec<TextureId>,
}

struct Texture {
    size: [usize; 2],
    texels: Vec<Color32>,
    options: TextureOptions,
}

impl Textures {
    /// Applies one frame's delta: new and patched textures now, frees on the next call.
    ///
    /// Takes `&mut` to clear the delta once applied: epaint debug-asserts that a
    /// `TexturesDelta` (and so a `FullOutput`) is never dropped with unapplied changes.
    pub fn apply(&mut self, delta: &mut TexturesDelta) {
        for id in self.pending_free.drain(..) {
            self.map.remove(&id);
        }
        for (id, deltas) in &delta.set {
            for image_delta in deltas {
                self.set(*id, image_delta);
            }
        }
        self.pending_free.extend(delta.free.iter().copied());
        delta.clear();
    }

    /// Whether egui has uploaded this texture (the font atlas is `TextureId::default()`).
    pub fn contains(&self, id: TextureId) -> bool {
        self.map.contains_key(&id)
    }

    fn get(&self, id: TextureId) -> Option<&Texture> {
        self.map.get(&id)
    }

    fn set(&mut self, id: TextureId, delta: &ImageDelta) {
        let ImageData::Color(image) = &delta.image;
        let [w, h] = image.size;
        if image.pixels.len() != w * h {
            log::warn!(
                "texture {id:?}: {w}×{h} image with {} texels",
                image.pixels.len()
            );
            return;
        }
        match delta.pos {
            None => {
                self.map.insert(
                    id,
                    Texture {
                        size: [w, h],
                        texels: image.pixels.clone(),
                        options: delta.options,
                    },
                );
            }
            Some(pos) => match self.map.get_mut(&id) {
                Some(texture) => {
                    texture.options = delta.options;
                    texture.patch(pos, [w, h], &image.pixels);
                }
                None => log::warn!("texture {id:?}: a patch for a texture never uploaded"),
            },
        }
    }
}

impl Texture {
    /// Copies a sub-image in, clipped to the texture (egui never sends one out of bounds,
    /// but a bad patch must not panic).
    fn patch(&mut self, [x0, y0]: [usize; 2], [w, h]: [usize; 2], pixels: &[Color32]) {
        let [tw, th] = self.size;
        let cols = w.min(tw.saturating_sub(x0));
        for row in 0..h.min(th.saturating_sub(y0)) {
            let src = row * w;
            let dst = (y0 + row) * tw + x0;
            if let (Some(s), Some(d)) = (
                pixels.get(src..src + cols),
                self.texels.get_mut(dst..dst + cols),
            ) {
                d.copy_from_slice(s);
            }
        }
    }

    /// Premultiplied RGBA in 0..1 at texture coordinates `uv`, as OpenGL samples it.
    #[inline]
    fn sample(&self, uv: [f32; 2], filter: TextureFilter) -> [f32; 4] {
        let [w, h] = self.size;
        let wrap = self.options.wrap_mode;
        match filter {
            TextureFilter::Nearest => {
                let x = wrap_index((uv[0] * w as f32).floor() as i64, w, wrap);
                let y = wrap_index((uv[1] * h as f32).floor() as i64, h, wrap);
                self.texel(x, y)
            }
            TextureFilter::Linear => {
                let fx = uv[0] * w as f32 - 0.5;
                let fy = uv[1] * h as f32 - 0.5;
                let (x0, y0) = (fx.floor(), fy.floor());
                let (tx, ty) = (fx - x0, fy - y0);
                let (x0, y0) = (x0 as i64, y0 as i64);
                let (xa, xb) = (wrap_index(x0, w, wrap), wrap_index(x0 + 1, w, wrap));
                let (ya, yb) = (wrap_index(y0, h, wrap), wrap_index(y0 + 1, h, wrap));
                let top = lerp4(self.texel(xa, ya), self.texel(xb, ya), tx);
                let bottom = lerp4(self.texel(xa, yb), self.texel(xb, yb), tx);
                lerp4(top, bottom, ty)
            }
        }
    }

    #[inline]
    fn texel(&self, x: usize, y: usize) -> [f32; 4] {
        let c = self
            .texels
            .get(y * self.size[0] + x)
            .copied()
            .unwrap_or_default();
        let [r, g, b, a] = c.to_array();
        [r, g, b, a].map(|v| f32::from(v) * INV_255)
    }

    /// OpenGL picks the minification filter when a pixel covers more than one texel.
    fn filter_for(&self, texel_area: f32, pixel_area: f32) -> TextureFilter {
        if texel_area > pixel_area {
            self.options.minification
        } else {
            self.options.magnification
        }
    }
}

const INV_255: f32 = 1.0 / 255.0;

#[inline]
fn wrap_index(i: i64, n: usize, mode: TextureWrapMode) -> usize {
    let n = n.max(1) as i64;
    let i = match mode {
        TextureWrapMode::ClampToEdge => i.clamp(0, n - 1),
        TextureWrapMode::Repeat => i.rem_euclid(n),
        TextureWrapMode::MirroredRepeat => {
            let m = i.rem_euclid(2 * n);
            if m >= n { 2 * n - 1 - m } else { m }
        }
    };
    i as usize
}

#[inline]
fn lerp4(a: [f32; 4], b: [f32; 4], t: f32) -> [f32; 4] {
    [0, 1, 2, 3].map(|i| a[i] + (b[i] - a[i]) * t)
}

/// Rasterises tessellated primitives into an image of `size_px`, over an opaque `background`.
///
/// Meshes whose texture was never uploaded are skipped (as egui_glow skips them), so apply
/// the frame's `textures_delta` to `textures` first. Paint callbacks are skipped. A size
/// whose buffer cannot be allocated gives a 0×0 image (which `encode_png` refuses).
pub fn rasterise(
    prims: &[ClippedPrimitive],
    textures: &Textures,
    size_px: [u32; 2],
    pixels_per_point: f32,
    background: Color32,
) -> Image {
    let [width, height] = size_px;
    let Some(mut pixels) = canvas(width, height, background) else {
        return Image {
            width: 0,
            height: 0,
            pixels: Vec::new(),
        };
    };
    let ppp = if pixels_per_point.is_finite() && pixels_per_point > 0.0 {
        pixels_per_point
    } else {
        1.0
    };
    let scene = Scene {
        prims,
        textures,
        width: width as usize,
        height: height as usize,
        ppp,
    };
    scene.draw_in_bands(&mut pixels);
    unpremultiply(&mut pixels);
    Image {
        width,
        height,
        pixels,
    }
}

/// The pixel buffer filled with `background`, or `None` if it cannot be allocated: a typo
/// in an export size must fail, not abort the app.
fn canvas(width: u32, height: u32, background: Color32) -> Option<Vec<u8>> {
    let len = (width as usize)
        .checked_mul(height as usize)?
        .checked_mul(4)?;
    let mut pixels = Vec::new();
    pixels.try_reserve_exact(len).ok()?;
    pixels.resize(len, 0);
    let bg = background.to_array();
    for p in pixels.chunks_exact_mut(4) {
        p.copy_from_slice(&bg);
    }
    Some(pixels)
}

fn unpremultiply(pixels: &mut [u8]) {
    for p in pixels.chunks_exact_mut(4) {
        let a = p[3];
        if a == 255 {
            continue;
        }
        if a == 0 {
            p.fill(0);
            continue;
        }
        let scale = 255.0 / f32::from(a);
        for c in &mut p[..3] {
            *c = (f32::from(*c) * scale + 0.5).min(255.0) as u8;
        }
    }
}

struct Scene<'a> {
    prims: &'a [ClippedPrimitive],
    textures: &'a Textures,
    width: usize,
    height: usize,
    ppp: f32,
}

/// A horizontal strip of the image: rows `y0..y1`.
struct Band<'a> {
    pixels: &'a mut [u8],
    width: usize,
    y0: usize,
    y1: usize,
}

impl Scene<'_> {
    /// Splits the image into more bands than threads so an uneven frame (a dense map in one
    /// part, empty panels elsewhere) still keeps every core busy; each band walks all
    /// primitives in order, so blending order is preserved.
    fn draw_in_bands(&self, pixels: &mut [u8]) {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let row_bytes = self.width * 4;
        if threads == 1 || self.height < 64 || row_bytes == 0 {
            self.draw_band(Band {
                pixels,
                width: self.width,
                y0: 0,
                y1: self.height,
            });
            return;
        }
        let rows_per_band = self.height.div_ceil(threads * 8).max(16);
        let bands: Vec<Band> = pixels
            .chunks_mut(rows_per_band * row_bytes)
            .enumerate()
            .map(|(i, chunk)| Band {
                y0: i * rows_per_band,
                y1: i * rows_per_band + chunk.len() / row_bytes,
                pixels: chunk,
                width: self.width,
            })
            .collect();
        let queue = Mutex::new(bands.into_iter());
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| {
                    loop {
                        let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
                        match next {
                            Some(band) => self.draw_band(band),
                            None => break,
                        }
                    }
                });
            }
        });
    }

    fn draw_band(&self, mut band: Band) {
        for prim in self.prims {
            let Primitive::Mesh(mesh) = &prim.primitive else {
                continue;
            };
            let Some(texture) = self.textures.get(mesh.texture_id) else {
                continue;
            };
            let clip = self.scissor(prim.clip_rect);
            let clip = Clip {
                y0: clip.y0.max(band.y0),
                y1: clip.y1.min(band.y1),
                ..clip
            };
            if clip.x0 < clip.x1 && clip.y0 < clip.y1 {
                draw_mesh(&mut band, clip, mesh, texture, self.ppp);
            }
        }
    }

    /// The clip rect in pixels, rounded and clamped exactly as egui_glow sets its scissor.
    fn scissor(&self, rect: egui::Rect) -> Clip {
        let round = |v: f32, max: usize| (v * self.ppp).round().clamp(0.0, max as f32) as usize;
        let x0 = round(rect.min.x, self.width);
        let y0 = round(rect.min.y, self.height);
        Clip {
            x0,
            y0,
            x1: round(rect.max.x, self.width).max(x0),
            y1: round(rect.max.y, self.height).max(y0),
        }
    }
}

/// Pixels `x0..x1` × `y0..y1`.
#[derive(Clone, Copy)]
struct Clip {
    x0: usize,
    y0: usize,
    x1: usize,
    y1: usize,
}

fn draw_mesh(band: &mut Band, clip: Clip, mesh: &Mesh, texture: &Texture, ppp: f32) {
    for tri in mesh.indices.chunks_exact(3) {
        let vertex = |i: u32| mesh.vertices.get(i as usize);
        if let (Some(a), Some(b), Some(c)) = (vertex(tri[0]), vertex(tri[1]), vertex(tri[2])) {
            draw_triangle(band, clip, [a, b, c], texture, ppp);
        }
    }
}

/// `w(x, y) = a·x + b·y + c`, positive inside the triangle.
#[derive(Clone, Copy)]
struct Edge {
    a: f64,
    b: f64,
    c: f64,
    /// Top-left rule: whether pixel centres exactly on this edge belong to this triangle.
    owns: bool,
}

impl Edge {
    /// The edge through `p` and `q`, computed from the endpoints in a fixed order so that
    /// the neighbour sharing this edge computes exactly the negated function.
    fn new(p: [f32; 2], q: [f32; 2]) -> Self {
        let swapped = (p[0], p[1]) > (q[0], q[1]);
        let (s, t) = if swapped { (q, p) } else { (p, q) };
        let [sx, sy, tx, ty] = [s[0], s[1], t[0], t[1]].map(f64::from);
        let (a, b, c) = (sy - ty, tx - sx, sx * ty - sy * tx);
        let sign = if swapped { -1.0 } else { 1.0 };
        Self {
            a: a * sign,
            b: b * sign,
            c: c * sign,
            owns: false,
        }
        .with_owner()
    }

    fn negated(self) -> Self {
        Self {
            a: -self.a,
            b: -self.b,
            c: -self.c,
            owns: false,
        }
        .with_owner()
    }

    /// Left edges (inside lies to the right) and top edges (inside lies below) own their
    /// pixels; the neighbour's negated edge is then neither, so exactly one side draws.
    fn with_owner(mut self) -> Self {
        self.owns = self.a > 0.0 || (self.a == 0.0 && self.b > 0.0);
        self
    }

    #[inline(always)]
    fn covers(&self, w: f64) -> bool {
        if self.owns { w >= 0.0 } else { w > 0.0 }
    }
}

/// A triangle ready to scan: edges opposite each vertex, so `w_i / area2` is vertex i's
/// barycentric weight.
struct Setup {
    edges: [Edge; 3],
    inv_area2: f64,
    /// Candidate pixels (bounding box ∩ clip), inclusive.
    x0: f32,
    x1: f32,
    y0: usize,
    y1: usize,
}

fn setup(p: [[f32; 2]; 3], clip: Clip) -> Option<Setup> {
    let [min_x, max_x, min_y, max_y] = [
        p[0][0].min(p[1][0]).min(p[2][0]),
        p[0][0].max(p[1][0]).max(p[2][0]),
        p[0][1].min(p[1][1]).min(p[2][1]),
        p[0][1].max(p[1][1]).max(p[2][1]),
    ];
    // Pixel centres inside the closed bounding box, clamped before any integer conversion.
    let y0 = (min_y - 0.5).ceil().max(clip.y0 as f32);
    let y1 = (max_y - 0.5).floor().min(clip.y1 as f32 - 1.0);
    let x0 = (min_x - 0.5).ceil().max(clip.x0 as f32);
    let x1 = (max_x - 0.5).floor().min(clip.x1 as f32 - 1.0);
    if !(y0 <= y1 && x0 <= x1) {
        return None;
    }
    let mut edges = [
        Edge::new(p[1], p[2]),
        Edge::new(p[2], p[0]),
        Edge::new(p[0], p[1]),
    ];
    let e = edges[0];
    let area2 = e.a * f64::from(p[0][0]) + e.b * f64::from(p[0][1]) + e.c;
    if area2 == 0.0 || !area2.is_finite() {
        return None;
    }
    if area2 < 0.0 {
        edges = edges.map(Edge::negated);
    }
    Some(Setup {
        edges,
        inv_area2: 1.0 / area2.abs(),
        x0,
        x1,
        y0: y0 as usize,
        y1: y1 as usize,
    })
}

impl Setup {
    /// Calls `f(pixel, [l0, l1, l2])` for every covered pixel, with the barycentric weights.
    #[inline(always)]
    fn scan(&self, band: &mut Band, mut f: impl FnMut(&mut [u8], [f32; 3])) {
        let [e0, e1, e2] = self.edges;
        let row_bytes = band.width * 4;
        for y in self.y0.max(band.y0)..=self.y1.min(band.y1.saturating_sub(1)) {
            let py = y as f64 + 0.5;
            let r = [e0.b * py + e0.c, e1.b * py + e1.c, e2.b * py + e2.c];
            let Some((xs, xe)) = self.span(r) else {
                continue;
            };
            let start = (y - band.y0) * row_bytes + xs * 4;
            let Some(row) = band.pixels.get_mut(start..start + (xe + 1 - xs) * 4) else {
                continue;
            };
            for (i, pixel) in row.chunks_exact_mut(4).enumerate() {
                let px = (xs + i) as f64 + 0.5;
                let w = [e0.a * px + r[0], e1.a * px + r[1], e2.a * px + r[2]];
                if e0.covers(w[0]) && e1.covers(w[1]) && e2.covers(w[2]) {
                    let l = w.map(|w| (w * self.inv_area2) as f32);
                    f(pixel, l);
                }
            }
        }
    }

    /// The columns a row can touch: each edge bounds x on one side. Solved approximately and
    /// widened by a pixel; the exact test in `scan` decides. Thin diagonal triangles (line
    /// feathering) would otherwise scan their whole bounding box.
    #[inline(always)]
    fn span(&self, r: [f64; 3]) -> Option<(usize, usize)> {
        let (mut lo, mut hi) = (f64::from(self.x0), f64::from(self.x1));
        for (e, r) in self.edges.iter().zip(r) {
            if e.a == 0.0 {
                if !e.covers(r) {
                    return None;
                }
                continue;
            }
            let x = -r / e.a - 0.5;
            if e.a > 0.0 {
                lo = lo.max(x.ceil() - 1.0);
            } else {
                hi = hi.min(x.floor() + 1.0);
            }
        }
        (lo <= hi).then_some((lo as usize, hi as usize))
    }
}

fn draw_triangle(band: &mut Band, clip: Clip, v: [&Vertex; 3], texture: &Texture, ppp: f32) {
    let p = v.map(|v| [v.pos.x * ppp, v.pos.y * ppp]);
    if !p.iter().flatten().all(|c| c.is_finite()) {
        return;
    }
    if v.iter().all(|v| v.color == Color32::TRANSPARENT) {
        return;
    }
    let Some(setup) = setup(p, clip) else {
        return;
    };
    let colour = v.map(|v| v.color.to_array().map(f32::from));
    let uv = v.map(|v| [v.uv.x, v.uv.y]);
    let filter = texture.filter_for(texel_area(uv, texture.size), (0.5 / setup.inv_area2) as f32);
    let flat_colour = v[0].color == v[1].color && v[1].color == v[2].color;
    let flat_uv = uv[0] == uv[1] && uv[1] == uv[2];
    if flat_colour && flat_uv {
        let t = texture.sample(uv[0], filter);
        let src = [0, 1, 2, 3].map(|i| colour[0][i] * t[i]);
        fill_flat(band, &setup, src);
        return;
    }
    let flat_texel = flat_uv.then(|| texture.sample(uv[0], filter));
    setup.scan(band, |pixel, l| {
        let c =
            [0, 1, 2, 3].map(|i| colour[0][i] * l[0] + colour[1][i] * l[1] + colour[2][i] * l[2]);
        let t = match flat_texel {
            Some(t) => t,
            None => {
                let u = uv[0][0] * l[0] + uv[1][0] * l[1] + uv[2][0] * l[2];
                let v = uv[0][1] * l[0] + uv[1][1] * l[1] + uv[2][1] * l[2];
                texture.sample([u, v], filter)
            }
        };
        blend(pixel, [0, 1, 2, 3].map(|i| c[i] * t[i]));
    });
}

/// The common case (solid fills, the text quads' white texel): one colour for every pixel.
fn fill_flat(band: &mut Band, setup: &Setup, src: [f32; 4]) {
    if src[3] >= 254.5 {
        let opaque = src.map(|c| (c + 0.5) as u8);
        setup.scan(band, |pixel, _| pixel.copy_from_slice(&opaque));
    } else if src.iter().any(|&c| c >= 0.5) {
        setup.scan(band, |pixel, _| blend(pixel, src));
    }
}

/// The triangle's area in texels, for the minification/magnification choice.
fn texel_area(uv: [[f32; 2]; 3], [w, h]: [usize; 2]) -> f32 {
    let (du1, dv1) = (uv[1][0] - uv[0][0], uv[1][1] - uv[0][1]);
    let (du2, dv2) = (uv[2][0] - uv[0][0], uv[2][1] - uv[0][1]);
    0.5 * (du1 * dv2 - du2 * dv1).abs() * w as f32 * h as f32
}

/// egui_glow's blend: colour ONE, ONE_MINUS_SRC_ALPHA; alpha ONE_MINUS_DST_ALPHA, ONE.
/// `src` is premultiplied, in 0..255; the framebuffer is 8-bit like a window's.
#[inline(always)]
fn blend(pixel: &mut [u8], src: [f32; 4]) {
    let keep = 1.0 - src[3] * INV_255;
    let dst_a = f32::from(pixel[3]);
    for (d, s) in pixel[..3].iter_mut().zip(src) {
        *d = (s + f32::from(*d) * keep + 0.5) as u8;
    }
    pixel[3] = (src[3] * (1.0 - dst_a * INV_255) + dst_a + 0.5) as u8;
}

#[cfg(test)]
mod tests;
