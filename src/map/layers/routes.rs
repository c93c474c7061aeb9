//! Routes on the map: the Oude Lijn light-rail theme and the northern infrastructure asks,
//! drawn as rail-like lines (a dark line with white ties) so they never read as a link.

use egui::{Color32, Pos2, Stroke};

use crate::geo::geometry::seg_dist2;
use crate::map::layer::{Hit, LabelCandidate, LabelStyle, LayerCtx, LayerOut, MapLayer};
use crate::render::canvas::Canvas;

pub struct RouteLayer;

/// Width of a route's line in points.
pub const ROUTE_WIDTH: f32 = 4.0;

/// A route's line: a light casing keeps it readable over borders and areas; white ties over
/// the coloured line say "rail", unlike a link's solid or dotted curve.
pub fn paint_route(c: &mut Canvas, pts: Vec<Pos2>, colour: Color32) {
    c.line(
        pts.clone(),
        Stroke::new(ROUTE_WIDTH + 3.0, Color32::from_white_alpha(210)),
    );
    c.line(pts.clone(), Stroke::new(ROUTE_WIDTH, colour));
    c.dashed(pts, Stroke::new(1.4, Color32::WHITE), 6.0, 6.0);
}

impl MapLayer for RouteLayer {
    fn paint(&self, ctx: &LayerCtx, out: &mut LayerOut) {
        if !ctx.scene.layers.routes {
            return;
        }
        for (i, r) in ctx.atlas.geo.routes.iter().enumerate() {
            if !ctx.visible.routes.get(i).copied().unwrap_or(false) {
                continue;
            }
            let pts: Vec<Pos2> = r.points.iter().map(|p| ctx.t.apply(*p)).collect();
            paint_route(&mut out.canvas, pts.clone(), r.colour);
            if let Some(mid) = pts.get(pts.len() / 2) {
                let focus = ctx.scene.selection.as_deref() == Some(r.id.as_str());
                out.labels.push(LabelCandidate {
                    text: r.name.clone(),
                    anchor: *mid,
                    gap: ROUTE_WIDTH + 3.0,
                    priority: if focus { 10_000.0 } else { 700.0 },
                    style: if focus {
                        LabelStyle::Focus
                    } else {
                        LabelStyle::Route
                    },
                });
            }
        }
    }

    fn hit(&self, ctx: &LayerCtx, _out: &LayerOut, pos: Pos2) -> Option<Hit> {
        if !ctx.scene.layers.routes {
            return None;
        }
        let p = ctx.t.invert(pos);
        // Within a few points of the line.
        let tolerance = (ROUTE_WIDTH + 3.0) / ctx.t.pixels_per_unit();
        ctx.atlas.geo.routes.iter().enumerate().find_map(|(i, r)| {
            let shown = ctx.visible.routes.get(i).copied().unwrap_or(false);
            let near = r
                .points
                .windows(2)
                .any(|w| seg_dist2(p, w[0], w[1]) <= tolerance * tolerance);
            (shown && near).then_some(Hit::Route(i))
        })
    }
}
