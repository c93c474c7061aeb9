//! Place markers: size by company count, colour by main sector, shape by kind.

use std::cell::RefCell;

use egui::{Color32, Pos2, Rect, Stroke, Vec2};

use crate::atlas::geo::{GeoIndex, MarkerShape};
use crate::map::layer::{Hit, LabelCandidate, LabelStyle, LayerCtx, LayerOut, MapLayer};
use crate::model::PlaceKind;
use crate::render::canvas::{Canvas, Prim};

/// Zoom from which companies and projects get labels.
pub const MINOR_LABELS_FROM_ZOOM: f64 = 10.0;
/// Zoom from which the other places (campuses, fieldlabs, sites…) get labels.
pub const SITE_LABELS_FROM_ZOOM: f64 = 8.3;

/// The markers; the decluttered list is kept between frames while zoom and data stay.
#[derive(Default)]
pub struct PlaceLayer {
    shown: RefCell<Shown>,
}

/// The marker's outline as a polygon (for the non-circle shapes).
pub fn shape_points(shape: MarkerShape, c: Pos2, r: f32) -> Vec<Pos2> {
    let poly = |n: usize, start: f32| -> Vec<Pos2> {
        (0..n)
            .map(|i| {
                let a = start + i as f32 * std::f32::consts::TAU / n as f32;
                c + Vec2::new(a.cos(), a.sin()) * r
            })
            .collect()
    };
    match shape {
        MarkerShape::Circle => poly(16, 0.0),
        MarkerShape::Square => poly(4, std::f32::consts::FRAC_PI_4)
            .into_iter()
            .map(|p| c + (p - c) * 0.95)
            .collect(),
        MarkerShape::Triangle => poly(3, -std::f32::consts::FRAC_PI_2)
            .into_iter()
            .map(|p| c + (p - c) * 1.2)
            .collect(),
        MarkerShape::Diamond => poly(4, 0.0)
            .into_iter()
            .map(|p| c + (p - c) * 1.15)
            .collect(),
        MarkerShape::Hexagon => poly(6, 0.0),
    }
}

/// Paints one marker as filled shapes only (an outline stroke costs ~20× more to tessellate),
/// with a darker shape behind standing in for the outline.
pub fn paint_marker(
    canvas: &mut Canvas,
    shape: MarkerShape,
    c: Pos2,
    r: f32,
    fill: Color32,
    outline: Color32,
) {
    if shape == MarkerShape::Circle {
        canvas.disc(c, r + 1.2, outline);
        canvas.disc(c, r, fill);
    } else {
        canvas.push(Prim::Convex {
            points: shape_points(shape, c, r + 1.4),
            fill: outline,
        });
        canvas.push(Prim::Convex {
            points: shape_points(shape, c, r),
            fill,
        });
    }
}

/// Above this many visible places, markers that would overlap on screen are merged: per
/// screen cell of [`DECLUTTER_CELL`] points only the most important one is drawn (with a
/// stack mark when it stands for more), as Leaflet-style clustering does.
/// What a marker of radius `r` at `c` covers, its outline and a stack mark behind it
/// included (a triangle reaches 1.2 r from its centre, the outline 1.4 points more).
pub fn marker_extent(c: Pos2, r: f32) -> Rect {
    Rect::from_center_size(
        c + Vec2::new(1.25, -1.25),
        Vec2::splat(2.0 * (1.2 * r + 1.4) + 2.5),
    )
}

pub const DECLUTTER_ABOVE: usize = 1000;
pub const DECLUTTER_CELL: f32 = 9.0;

/// Which places get a marker: every one in `cover`, or one per cell when there are many.
/// Returns (place index, how many places it stands for), lowest priority first.
pub fn declutter(
    order: &[usize],
    geo: &GeoIndex,
    cover: &crate::geo::geometry::BBox,
    scale: f32,
) -> Vec<(usize, u32)> {
    let inside = order.iter().copied().filter(|&i| {
        geo.places
            .get(i)
            .is_some_and(|g| !g.is_area && cover.contains(g.pos))
    });
    if order.len() <= DECLUTTER_ABOVE {
        return inside.map(|i| (i, 1)).collect();
    }
    let cell = DECLUTTER_CELL / scale;
    let mut cells: std::collections::HashMap<(i32, i32), (usize, usize, u32)> =
        std::collections::HashMap::new();
    for (rank, i) in inside.enumerate() {
        let Some(g) = geo.places.get(i) else { continue };
        let key = (
            (g.pos[0] / cell).floor() as i32,
            (g.pos[1] / cell).floor() as i32,
        );
        let e = cells.entry(key).or_insert((rank, i, 0));
        // `order` runs from low to high priority, so a later place wins its cell.
        e.0 = rank;
        e.1 = i;
        e.2 += 1;
    }
    let mut winners: Vec<(usize, usize, u32)> = cells.into_values().collect();
    winners.sort_unstable_by_key(|w| w.0);
    winners.into_iter().map(|(_, i, n)| (i, n)).collect()
}

/// The decluttered marker list, kept while the zoom and the visible places stay the same.
#[derive(Default)]
pub struct Shown {
    key: Option<(u64, u64)>,
    coverage: Option<crate::geo::geometry::BBox>,
    /// (place index, places it stands for), lowest priority first.
    pub winners: Vec<(usize, u32)>,
}

impl Shown {
    fn refresh(&mut self, ctx: &LayerCtx) {
        let (t, view) = (&ctx.t, &ctx.view);
        let key = (ctx.visible.generation, t.scale.to_bits());
        let covered = self.coverage.is_some_and(|c| {
            c.min[0] <= view.min[0]
                && c.min[1] <= view.min[1]
                && c.max[0] >= view.max[0]
                && c.max[1] >= view.max[1]
        });
        if self.key == Some(key) && covered {
            return;
        }
        let w = (view.max[0] - view.min[0]) * 0.25;
        let h = (view.max[1] - view.min[1]) * 0.25;
        let cover = crate::geo::geometry::BBox {
            min: [view.min[0] - w, view.min[1] - h],
            max: [view.max[0] + w, view.max[1] + h],
        };
        self.winners = declutter(
            &ctx.visible.places,
            &ctx.atlas.geo,
            &cover,
            t.pixels_per_unit(),
        );
        self.coverage = Some(cover);
        self.key = Some(key);
    }
}

impl MapLayer for PlaceLayer {
    fn paint(&self, ctx: &LayerCtx, out: &mut LayerOut) {
        let geo = &ctx.atlas.geo;
        let d = ctx.atlas.data();
        let t = &ctx.t;
        let rect = ctx.rect;
        // Many places: the cluster layer culled them with its grid and left the ones alone in
        // their cell; otherwise the decluttered list kept while zoom and data stay.
        let singles = out.singles.take();
        let from_singles;
        let shown_guard;
        let winners: &[(usize, u32)] = match &singles {
            Some(list) => {
                let m = 16.0 / t.pixels_per_unit();
                let v = ctx.view;
                let cover = crate::geo::geometry::BBox {
                    min: [v.min[0] - m, v.min[1] - m],
                    max: [v.max[0] + m, v.max[1] + m],
                };
                from_singles = declutter(list, geo, &cover, t.pixels_per_unit());
                &from_singles
            }
            None => {
                self.shown.borrow_mut().refresh(ctx);
                shown_guard = self.shown.borrow();
                &shown_guard.winners
            }
        };
        let selected = ctx.selected_place();
        let subjects: Vec<usize> = ctx
            .scene
            .subjects
            .iter()
            .filter_map(|id| ctx.atlas.place_idx(id))
            .collect();
        let outline = Color32::from_rgba_unmultiplied(30, 30, 30, 200);
        let canvas = &mut out.canvas;
        // Clusters get thin spokes to their sites, so the cluster marker (a label point)
        // reads as the hub of the places it stands for.
        // Not among cluster bubbles: a spoke would run to a place drawn inside one.
        let spokes: &[(usize, usize)] = if out.bubbles.is_empty() {
            &geo.spokes
        } else {
            &[]
        };
        for &(cluster, site) in spokes {
            let (Some(a), Some(b)) = (geo.places.get(cluster), geo.places.get(site)) else {
                continue;
            };
            if !(ctx.visible.place_shown(cluster) && ctx.visible.place_shown(site)) {
                continue;
            }
            let (pa, pb) = (t.apply(a.pos), t.apply(b.pos));
            if rect.intersects(Rect::from_two_pos(pa, pb)) {
                canvas.line(vec![pa, pb], Stroke::new(1.5, a.colour.gamma_multiply(0.6)));
            }
        }
        // When markers are merged, sizes stop meaning anything.
        let dense = match &singles {
            Some(list) => list.len() > DECLUTTER_ABOVE,
            None => ctx.visible.places.len() > DECLUTTER_ABOVE,
        };
        for &(i, n) in winners {
            let (Some(g), Some(p)) = (geo.places.get(i), d.places.get(i)) else {
                continue;
            };
            if g.is_area {
                continue;
            }
            let r = if dense { g.radius.min(5.0) } else { g.radius };
            let c = t.apply(g.pos);
            if !rect.expand(r + 4.0).contains(c) {
                continue;
            }
            let focus = selected == Some(i) || ctx.hovered == Some(i);
            let subject = subjects.contains(&i);
            let extent = marker_extent(c, r);
            if !(focus || subject) && ctx.keep_clear.iter().any(|k| k.intersects(extent)) {
                continue;
            }
            if n > 1 {
                // A stack mark: the same shape offset behind, for "more places here".
                let behind = c + Vec2::new(2.5, -2.5);
                paint_marker(canvas, g.shape, behind, r, Color32::WHITE, outline);
            }
            paint_marker(canvas, g.shape, c, r, g.colour, outline);
            out.markers.push((i, c, r));
            let label_from = match p.kind {
                PlaceKind::Hotspot | PlaceKind::Cluster => 0.0,
                PlaceKind::Company | PlaceKind::Project => MINOR_LABELS_FROM_ZOOM,
                _ => SITE_LABELS_FROM_ZOOM,
            };
            // The selection, the hovered place and a scene's subjects are always labelled
            // first; the rest by importance as room allows.
            if focus || subject || ctx.scene.layers.all_labels || ctx.zoom >= label_from {
                let (priority, style) = if focus {
                    (10_000.0 + g.priority, LabelStyle::Focus)
                } else if subject {
                    (9_000.0 + g.priority, LabelStyle::Subject)
                } else {
                    (g.priority, LabelStyle::Place)
                };
                out.labels.push(LabelCandidate {
                    text: g.name.clone(),
                    anchor: c,
                    gap: r + 3.0,
                    priority,
                    style,
                    along: Vec::new(),
                });
            }
        }
        // On top: rings round the subjects (or the other ends of the selection's links), then
        // the hovered marker and the selection.
        let ringed: Vec<usize> = if subjects.is_empty() {
            related_by_links(ctx, selected)
        } else {
            subjects
        };
        // Only round a marker that was drawn: a ring round a place just off the map, or
        // kept out from under the legend or scale bar, would stand there alone.
        for &i in &ringed {
            if let Some(g) = geo.places.get(i).filter(|g| !g.is_area)
                && ctx.visible.place_shown(i)
                && out.markers.iter().any(|m| m.0 == i)
            {
                canvas.ring(
                    t.apply(g.pos),
                    g.radius + 4.0,
                    Stroke::new(2.5, Color32::from_gray(40)),
                );
            }
        }
        for (i, halo) in [
            (ctx.hovered, None),
            (
                selected,
                Some(Color32::from_rgba_unmultiplied(255, 200, 0, 170)),
            ),
        ] {
            let Some(g) = i.and_then(|i| geo.places.get(i)).filter(|g| !g.is_area) else {
                continue;
            };
            let c = t.apply(g.pos);
            if let Some(h) = halo {
                canvas.disc(c, g.radius + 7.0, h);
            }
            paint_marker(canvas, g.shape, c, g.radius + 2.0, g.colour, outline);
        }
        out.singles = singles;
    }

    fn hit(&self, _ctx: &LayerCtx, out: &LayerOut, pos: Pos2) -> Option<Hit> {
        // The marker drawn last is on top.
        out.markers
            .iter()
            .rev()
            .find(|(_, c, r)| pos.distance_sq(*c) <= (r + 3.0) * (r + 3.0))
            .map(|(i, _, _)| Hit::Place(*i))
    }
}

/// The places at the other ends of the selection's cross-pollinations.
fn related_by_links(ctx: &LayerCtx, selected: Option<usize>) -> Vec<usize> {
    let atlas = ctx.atlas;
    let d = atlas.data();
    ctx.scene
        .selection
        .as_deref()
        .map(|id| atlas.links_of(id))
        .unwrap_or_default()
        .iter()
        .filter_map(|&i| d.cross_pollinations.get(i))
        .flat_map(|x| x.endpoints.iter().chain(&x.optional_endpoints))
        .filter_map(|e| atlas.place_idx(e))
        .filter(|&i| Some(i) != selected)
        .collect()
}
