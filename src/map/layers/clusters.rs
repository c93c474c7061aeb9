//! Cluster bubbles: when many places are in view, the places sharing a cell of the zoom's
//! grid ([`crate::map::cluster`]) are drawn as one bubble with their count. The layer also
//! culls: it tells the place layer which places to draw (those in view and alone in their
//! cell), so no frame walks every place. With few places (the real atlas) it draws nothing
//! and leaves the place layer to itself.

use std::cell::RefCell;
use std::sync::Arc;

use egui::{Color32, Pos2};

use crate::geo::geometry::BBox;
use crate::i18n;
use crate::map::cluster::{CLUSTER_ABOVE, ClusterIndex, MAX_LEVEL};
use crate::map::layer::{Bubble, Hit, LayerCtx, LayerOut, MapLayer};
use crate::render::canvas::{Prim, Weight};

/// The largest bubble's radius in points.
pub const MAX_RADIUS: f32 = 24.0;

/// The bubbles; the grid is kept between frames while the visible places stay the same.
#[derive(Default)]
pub struct ClusterLayer {
    index: RefCell<ClusterIndex>,
}

/// A bubble's radius: growing with the order of magnitude of its count, as in Leaflet.
pub fn radius(count: u32) -> f32 {
    (11.0 + 4.0 * (count.max(1) as f32).log10()).min(MAX_RADIUS)
}

/// A bubble's fill: darker for more places, in the blues of the water so it reads as "many
/// places here" and not as a sector colour.
fn fill(count: u32) -> Color32 {
    match count {
        0..100 => Color32::from_rgb(70, 140, 170),
        100..1000 => Color32::from_rgb(40, 105, 150),
        _ => Color32::from_rgb(25, 65, 120),
    }
}

fn grown(b: &BBox, by: f32) -> BBox {
    BBox {
        min: [b.min[0] - by, b.min[1] - by],
        max: [b.max[0] + by, b.max[1] + by],
    }
}

impl MapLayer for ClusterLayer {
    fn paint(&self, ctx: &LayerCtx, out: &mut LayerOut) {
        let geo = &ctx.atlas.geo;
        let mut index = self.index.borrow_mut();
        index.refresh(geo, ctx.visible);
        if !index.active() {
            return;
        }
        let Some(level) = index.level(geo, ClusterIndex::level_of(ctx.zoom)) else {
            return;
        };
        let per_pt = 1.0 / ctx.t.pixels_per_unit();
        // Cells reaching into the view may hold places in it while their mean lies outside.
        let cells = level.in_view(&grown(&ctx.view, level.cell));
        let in_view: u32 = cells
            .iter()
            .filter_map(|&k| level.clusters.get(k))
            .filter(|c| ctx.view.contains(c.pos))
            .map(|c| c.count)
            .sum();
        let cluster = ctx.zoom < f64::from(MAX_LEVEL) + 1.0 && in_view as usize > CLUSTER_ABOVE;
        let bubble_view = grown(&ctx.view, MAX_RADIUS * per_pt);
        let marker_view = grown(&ctx.view, 16.0 * per_pt);
        let lang = ctx.scene.lang;
        let mut singles = Vec::new();
        for &k in &cells {
            let Some(c) = level.clusters.get(k) else {
                continue;
            };
            if !(cluster && c.count > 1) {
                singles.extend(level.members(c).filter(|&i| {
                    geo.places
                        .get(i)
                        .is_some_and(|g| marker_view.contains(g.pos))
                }));
                continue;
            }
            if !bubble_view.contains(c.pos) {
                continue;
            }
            let centre = ctx.t.apply(c.pos);
            let r = radius(c.count);
            let colour = fill(c.count);
            let canvas = &mut out.canvas;
            // A light halo, then the disc: the bubble stands out from markers and basemap.
            canvas.disc(centre, r + 4.0, colour.gamma_multiply(0.35));
            canvas.disc(centre, r, colour);
            let text: Arc<str> = i18n::group_digits(c.count as usize, lang).into();
            let size = if c.count >= 10_000 { 10.5 } else { 11.5 };
            let width = (ctx.measure)(&text, size, Weight::SemiBold).x;
            canvas.push(Prim::Text {
                centre,
                text,
                size,
                weight: Weight::SemiBold,
                colour: Color32::WHITE,
                angle: 0.0,
                width: Some(width),
            });
            out.bubbles.push(Bubble {
                cluster: k,
                centre,
                radius: r,
                count: c.count,
                bounds: c.bounds,
            });
        }
        // The place layer draws lowest priority first, so the important ones end on top.
        singles.sort_by(|&a, &b| {
            let p = |i: usize| geo.places.get(i).map_or(0.0, |g| g.priority);
            p(a).total_cmp(&p(b))
        });
        out.singles = Some(singles);
    }

    fn hit(&self, ctx: &LayerCtx, out: &LayerOut, pos: Pos2) -> Option<Hit> {
        if out.bubbles.is_empty() {
            return None;
        }
        // The grid finds the few cells around the pointer, whatever the number of places.
        let index = self.index.borrow();
        let level = index.level(&ctx.atlas.geo, ClusterIndex::level_of(ctx.zoom))?;
        level.near(ctx.t.invert(pos)).find_map(|k| {
            let c = level.clusters.get(k).filter(|c| c.count > 1)?;
            let r = radius(c.count);
            (pos.distance_sq(ctx.t.apply(c.pos)) <= r * r).then_some(Hit::Cluster(k))
        })
    }
}
