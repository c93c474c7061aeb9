//! The basemap layer: sea, neighbouring countries, land, water, borders.

use std::cell::RefCell;

use egui::{Color32, Stroke};

use super::{polygon_prim, ring_points};
use crate::basemap::Basemap;
use crate::geo::geometry::{Area, BBox, Line, Transform};
use crate::map::cache::TessCache;
use crate::map::layer::{LayerCtx, LayerOut, MapLayer, Target};
use crate::render::canvas::{Canvas, Prim};

pub const SEA: Color32 = Color32::from_rgb(0xD5, 0xE6, 0xF1);
pub const LAND: Color32 = Color32::from_rgb(0xFB, 0xFA, 0xF6);
pub const NEIGHBOUR: Color32 = Color32::from_rgb(0xEC, 0xEB, 0xE6);
const NEIGHBOUR_BORDER: Color32 = Color32::from_rgb(0xC4, 0xC2, 0xBB);
const PROVINCE_BORDER: Color32 = Color32::from_rgb(0x9C, 0x97, 0x8E);
const MUNICIPAL_BORDER: Color32 = Color32::from_rgb(0xD9, 0xD5, 0xCC);
const COAST: Color32 = Color32::from_rgb(0x8F, 0xA9, 0xBA);
/// A little deeper than the sea fill, so a river reads as water on the pale land.
const RIVER: Color32 = Color32::from_rgb(0xA9, 0xC9, 0xDF);

/// Zoom from which municipal borders are drawn.
pub const MUNICIPALITIES_FROM_ZOOM: f64 = 8.8;

/// The basemap; on screen its tessellation is kept between frames and only moved while
/// panning (see [`TessCache`]).
#[derive(Default)]
pub struct BasemapLayer {
    cache: RefCell<TessCache>,
}

fn fill_areas(c: &mut Canvas, areas: &[Area], view: &BBox, t: &Transform, colour: Color32) {
    for a in areas.iter().filter(|a| a.bbox.intersects(view)) {
        for p in a.polygons.iter().filter(|p| p.bbox.intersects(view)) {
            c.push(polygon_prim(p, t, colour));
        }
    }
}

/// Strokes the rings of areas at the level of detail of `zoom`.
fn stroke_areas(c: &mut Canvas, areas: &[Area], view: &BBox, t: &Transform, zoom: f64, s: Stroke) {
    for a in areas.iter().filter(|a| a.bbox.intersects(view)) {
        for p in a.polygons.iter().filter(|p| p.bbox.intersects(view)) {
            for ring in p.rings_at(zoom) {
                c.line(ring_points(ring, t), s);
            }
        }
    }
}

fn stroke_lines(c: &mut Canvas, lines: &[Line], view: &BBox, t: &Transform, zoom: f64, s: Stroke) {
    for l in lines.iter().filter(|l| l.bbox.intersects(view)) {
        c.line(l.points_at(zoom).iter().map(|p| t.apply(*p)).collect(), s);
    }
}

/// Everything of the basemap that lies in `view`, in paint order.
fn draw(b: &Basemap, view: &BBox, t: &Transform, zoom: f64, c: &mut Canvas) {
    fill_areas(c, &b.neighbours, view, t, NEIGHBOUR);
    // Borders between neighbouring countries only from regional zoom on: at country zoom the
    // fill already shows their coasts, and the strokes would cost as much as all Dutch ones.
    if zoom >= 9.0 {
        let s = Stroke::new(0.8, NEIGHBOUR_BORDER);
        stroke_areas(c, &b.neighbours, view, t, zoom - 1.0, s);
    }
    fill_areas(c, &b.land, view, t, LAND);
    fill_areas(c, &b.water, view, t, SEA);
    // Rivers as water-coloured centre lines, wider for the main ones; the smaller ones from
    // regional zoom on.
    for r in b.rivers.iter().filter(|r| r.line.bbox.intersects(view)) {
        let (from_zoom, width) = match r.rank {
            1 => (0.0, if zoom >= 9.5 { 3.5 } else { 2.4 }),
            2 => (7.6, if zoom >= 9.5 { 2.6 } else { 1.7 }),
            _ => (8.8, 1.2),
        };
        if zoom >= from_zoom {
            let pts = r.line.points_at(zoom).iter().map(|p| t.apply(*p)).collect();
            c.line(pts, Stroke::new(width, RIVER));
        }
    }
    if zoom >= MUNICIPALITIES_FROM_ZOOM {
        let width = if zoom >= 10.0 { 0.9 } else { 0.6 };
        let s = Stroke::new(width, MUNICIPAL_BORDER);
        stroke_lines(c, &b.municipal_borders, view, t, zoom, s);
    }
    let s = Stroke::new(1.1, PROVINCE_BORDER);
    stroke_lines(c, &b.province_borders, view, t, zoom, s);
    stroke_areas(c, &b.land, view, t, zoom, Stroke::new(1.0, COAST));
}

impl MapLayer for BasemapLayer {
    fn paint(&self, ctx: &LayerCtx, out: &mut LayerOut) {
        let basemap = Basemap::shared();
        out.canvas.push(Prim::Rect {
            rect: ctx.rect,
            radius: 0.0,
            fill: SEA,
        });
        match ctx.target {
            Target::Vector => draw(basemap, &ctx.view, &ctx.t, ctx.zoom, &mut out.canvas),
            Target::Screen => {
                let mesh = self.cache.borrow_mut().get(
                    0,
                    &ctx.t,
                    &ctx.view,
                    ctx.pixels_per_point,
                    |cover, shapes| {
                        let mut c = Canvas::default();
                        draw(basemap, cover, &ctx.t, ctx.zoom, &mut c);
                        c.shapes_into(None, shapes);
                    },
                );
                out.canvas.push(Prim::Mesh(mesh));
            }
        }
    }
}
