//! Cross-pollinations as curved links between their endpoints. A link with three or more
//! endpoints fans out from one named endpoint (the one that states it, or the selection) to
//! the others: no computed point on the map pretends to be a place.

use egui::{Color32, Pos2, Stroke, Vec2};

use crate::map::layer::{LayerCtx, LayerOut, MapLayer};
use crate::render::canvas::Canvas;

pub struct LinkLayer;

/// Points along a quadratic curve from `a` to `b`, bowed to the left by a fifth of its length.
pub fn curve(a: Pos2, b: Pos2, segments: usize) -> Vec<Pos2> {
    let d = b - a;
    let normal = Vec2::new(-d.y, d.x) * 0.2;
    let c = a + d * 0.5 + normal;
    (0..=segments)
        .map(|i| {
            let t = i as f32 / segments as f32;
            let u = 1.0 - t;
            Pos2::new(
                u * u * a.x + 2.0 * u * t * c.x + t * t * b.x,
                u * u * a.y + 2.0 * u * t * c.y + t * t * b.y,
            )
        })
        .collect()
}

fn arrow_head(c: &mut Canvas, line: &[Pos2], colour: Color32) {
    let n = line.len();
    if n < 2 {
        return;
    }
    let tip = line[n - 1];
    let dir = (tip - line[n - 2]).normalized();
    let side = Vec2::new(-dir.y, dir.x);
    let back = tip - dir * 10.0;
    c.push(crate::render::canvas::Prim::Convex {
        points: vec![tip, back + side * 5.0, back - side * 5.0],
        fill: colour,
    });
}

impl MapLayer for LinkLayer {
    fn paint(&self, ctx: &LayerCtx, out: &mut LayerOut) {
        let atlas = ctx.atlas;
        let geo = &atlas.geo;
        let touching: &[usize] = ctx
            .scene
            .selection
            .as_deref()
            .map_or(&[], |id| atlas.links_of(id));
        let passes = |i: usize| ctx.visible.links.get(i).copied().unwrap_or(false);
        let links: Vec<(usize, bool)> = if ctx.scene.layers.all_links {
            (0..geo.links.len())
                .filter(|&i| passes(i))
                .map(|i| (i, touching.contains(&i)))
                .collect()
        } else {
            touching
                .iter()
                .filter(|&&i| passes(i))
                .map(|&i| (i, true))
                .collect()
        };
        let selected_pos = ctx
            .selected_place()
            .and_then(|i| geo.places.get(i))
            .map(|g| ctx.t.apply(g.pos));
        for (i, strong) in links {
            let Some(link) = geo.links.get(i) else {
                continue;
            };
            let colour = if strong {
                link.colour
            } else {
                link.colour.gamma_multiply(0.55)
            };
            let width = if strong { 3.0 } else { 1.8 };
            let stroke = Stroke::new(width, colour);
            let casing = Stroke::new(
                width + 2.5,
                Color32::from_white_alpha(if strong { 210 } else { 120 }),
            );
            let ends: Vec<Pos2> = link.ends.iter().map(|p| ctx.t.apply(*p)).collect();
            let optional: Vec<Pos2> = link.optional.iter().map(|p| ctx.t.apply(*p)).collect();
            let c = &mut out.canvas;
            let mut draw = |line: Vec<Pos2>, dashed: bool| {
                c.line(line.clone(), casing);
                if dashed {
                    c.dashed(line, stroke, 6.0, 4.0);
                } else {
                    c.line(line, stroke);
                }
            };
            // The end the others hang from: the stated one, else the selection, else the
            // first; always a real endpoint, never a computed centre.
            let hub = link
                .from
                .or_else(|| {
                    selected_pos.and_then(|s| ends.iter().position(|e| e.distance(s) < 0.5))
                })
                .unwrap_or(0);
            let Some(&a) = ends.get(hub) else {
                continue;
            };
            let mut last = None;
            for (k, e) in ends.iter().enumerate() {
                if k != hub {
                    let line = curve(a, *e, 20);
                    draw(line.clone(), false);
                    last = Some(line);
                }
            }
            for o in &optional {
                draw(curve(a, *o, 16), true);
            }
            if link.from.is_some()
                && ends.len() == 2
                && let Some(line) = last
            {
                arrow_head(&mut out.canvas, &line, colour);
            }
        }
    }
}
