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

/// Where a label can sit along a line on screen: the middles of its longest pieces inside
/// `rect`, with their angles, the longest first (the name reads along the line, never on a
/// marker that happens to lie at the line's middle).
pub fn along_line(pts: &[Pos2], rect: egui::Rect) -> Vec<(Pos2, f32)> {
    let mut pieces: Vec<(f32, Pos2, f32)> = pts
        .windows(2)
        .filter_map(|w| {
            let (a, b) = (w[0], w[1]);
            let mid = a.lerp(b, 0.5);
            if !rect.contains(mid) {
                return None;
            }
            let d = b - a;
            let mut angle = d.y.atan2(d.x);
            // Keep text upright: never upside down.
            if angle > std::f32::consts::FRAC_PI_2 {
                angle -= std::f32::consts::PI;
            } else if angle < -std::f32::consts::FRAC_PI_2 {
                angle += std::f32::consts::PI;
            }
            Some((d.length(), mid, angle))
        })
        .collect();
    pieces.sort_by(|a, b| b.0.total_cmp(&a.0));
    pieces.into_iter().take(6).map(|(_, m, a)| (m, a)).collect()
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
            let along = along_line(&pts, ctx.rect);
            if let Some(&(anchor, _)) = along.first() {
                let focus = ctx.scene.selection.as_deref() == Some(r.id.as_str());
                out.labels.push(LabelCandidate {
                    text: r.name(ctx.scene.lang).clone(),
                    anchor,
                    gap: ROUTE_WIDTH + 3.0,
                    priority: if focus { 10_000.0 } else { 700.0 },
                    style: LabelStyle::Route,
                    along,
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
