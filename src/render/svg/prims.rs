//! A map drawn for a vector file ([`VectorMap`]): polygons with their rings as one path each
//! (even-odd, so holes stay holes), lines as paths, markers as circles and polygons, labels
//! as text.

use std::fmt::Write as _;

use egui::{Color32, Pos2, Rect};

use super::*;
use crate::render::canvas::{Canvas, Prim, VectorMap, Weight};

/// The text's baseline below its centre, as a share of the font size (Inter's ascent 0.97 em
/// and descent 0.24 em put the middle of the box 0.365 em above the baseline).
const BASELINE_BELOW_CENTRE: f32 = 0.365;

impl Svg {
    /// Writes the primitives a paint callback carries, if it is a [`VectorMap`].
    pub(super) fn callback(&mut self, cb: &egui::PaintCallback) {
        if let Some(map) = cb.callback.downcast_ref::<VectorMap>() {
            self.canvas(&map.0, cb.rect);
        }
    }

    fn canvas(&mut self, canvas: &Canvas, rect: Rect) {
        let clip = canvas.clip.unwrap_or(rect);
        let clipped = self.open_clip(clip, Rect::EVERYTHING).unwrap_or(false);
        for p in &canvas.prims {
            self.prim(p);
        }
        if clipped {
            self.body.push_str("</g>\n");
        }
    }

    fn prim(&mut self, p: &Prim) {
        let out = &mut self.body;
        match p {
            Prim::Polygon { rings, fill, .. } => {
                if !visible(*fill) || rings.is_empty() {
                    return;
                }
                out.push_str("<path d=\"");
                for ring in rings.iter().filter(|r| r.len() >= 3) {
                    let mut first = true;
                    for pt in ring.iter().filter(|p| finite(**p)) {
                        out.push(if first { 'M' } else { 'L' });
                        xy(out, *pt);
                        first = false;
                    }
                    out.push('Z');
                }
                out.push('"');
                out.push_str(" fill-rule=\"evenodd\"");
                paint(out, "fill", *fill);
                out.push_str("/>\n");
            }
            Prim::Polyline {
                points: pts,
                stroke: s,
                dash,
            } => {
                if pts.len() < 2 || !stroke_visible(s.width, s.color) {
                    return;
                }
                out.push_str("<polyline");
                out.push_str(" points=\"");
                points(out, pts.iter().copied().filter(|p| finite(*p)));
                out.push('"');
                out.push_str(" fill=\"none\"");
                stroke(out, s.width, s.color);
                out.push_str(" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
                if let Some([d, g]) = dash {
                    out.push_str(" stroke-dasharray=\"");
                    num(out, *d);
                    out.push(' ');
                    num(out, *g);
                    out.push('"');
                }
                out.push_str("/>\n");
            }
            Prim::Circle {
                centre,
                radius,
                fill,
                stroke: s,
            } => {
                if !(finite(*centre) && radius.is_finite() && *radius > 0.0) {
                    return;
                }
                out.push_str("<circle");
                attr(out, "cx", centre.x);
                attr(out, "cy", centre.y);
                attr(out, "r", *radius);
                paint(out, "fill", *fill);
                stroke(out, s.width, s.color);
                out.push_str("/>\n");
            }
            Prim::Convex { points: pts, fill } => {
                if pts.len() < 3 || !visible(*fill) {
                    return;
                }
                out.push_str("<polygon points=\"");
                points(out, pts.iter().copied().filter(|p| finite(*p)));
                out.push('"');
                paint(out, "fill", *fill);
                out.push_str("/>\n");
            }
            Prim::Rect { rect, radius, fill } => {
                if !visible(*fill) || !rect.is_finite() {
                    return;
                }
                out.push_str("<rect");
                attr(out, "x", rect.min.x);
                attr(out, "y", rect.min.y);
                attr(out, "width", rect.width().max(0.0));
                attr(out, "height", rect.height().max(0.0));
                if *radius > 0.0 {
                    attr(out, "rx", *radius);
                }
                paint(out, "fill", *fill);
                out.push_str("/>\n");
            }
            Prim::Text {
                centre,
                text,
                size,
                weight,
                colour,
                angle,
                width,
            } => text_prim(
                out,
                *centre,
                text,
                (*size, *weight, *width),
                *colour,
                *angle,
            ),
            // Cached triangles are for the screen; a vector map never carries them.
            Prim::Mesh(_) => {}
        }
    }
}

fn text_prim(
    out: &mut String,
    centre: Pos2,
    text: &str,
    (size, weight, width): (f32, Weight, Option<f32>),
    c: Color32,
    angle: f32,
) {
    if text.trim().is_empty() || !visible(c) || !finite(centre) || !size.is_finite() || size <= 0.0
    {
        return;
    }
    out.push_str("<text");
    attr(out, "x", centre.x);
    attr(out, "y", centre.y + size * BASELINE_BELOW_CENTRE);
    let _ = write!(
        out,
        " text-anchor=\"middle\" font-family=\"{}\"",
        super::SANS
    );
    attr(out, "font-size", size);
    if weight == Weight::SemiBold {
        let _ = write!(out, " font-weight=\"600\"");
    }
    paint(out, "fill", c);
    if let Some(w) = width.filter(|w| w.is_finite() && *w > 0.0)
        && text.chars().count() > 1
    {
        attr(out, "textLength", w);
    }
    if angle != 0.0 && angle.is_finite() {
        rotation(out, angle, centre);
    }
    out.push('>');
    escape(out, text);
    out.push_str("</text>\n");
}
