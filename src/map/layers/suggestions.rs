//! Suggested cross-pollinations (computed from the data, not named by a source): dotted grey
//! curves, so they never read as the sources' solid, coloured links.

use egui::{Color32, Pos2};

use super::links::curve;
use crate::map::layer::{LayerCtx, LayerOut, MapLayer};
use crate::render::canvas::Canvas;

/// The colour of suggestions on the map and in the legend.
pub const SUGGESTION: Color32 = Color32::from_rgb(90, 90, 90);

pub struct SuggestionLayer;

/// Dots along a line, every `gap` points.
pub fn dotted(line: &[Pos2], gap: f32, radius: f32, colour: Color32, c: &mut Canvas) {
    let mut carry = 0.0;
    for w in line.windows(2) {
        let (a, b) = (w[0], w[1]);
        let len = a.distance(b);
        let mut t = carry;
        while t < len {
            c.disc(a + (b - a) * (t / len), radius, colour);
            t += gap;
        }
        carry = t - len;
    }
}

impl MapLayer for SuggestionLayer {
    fn paint(&self, ctx: &LayerCtx, out: &mut LayerOut) {
        if !ctx.scene.layers.suggestions {
            return;
        }
        let geo = &ctx.atlas.geo;
        let selected = ctx.selected_place();
        // Drawn once computed (in the background); never waited for in a frame.
        for s in ctx.atlas.suggestions.ready().unwrap_or_default() {
            let (Some(a), Some(b)) = (geo.places.get(s.a), geo.places.get(s.b)) else {
                continue;
            };
            if !(ctx.visible.place_shown(s.a) && ctx.visible.place_shown(s.b)) {
                continue;
            }
            let strong = selected == Some(s.a) || selected == Some(s.b);
            let line = curve(ctx.t.apply(a.pos), ctx.t.apply(b.pos), 24);
            let (gap, r) = if strong { (7.0, 2.2) } else { (8.0, 1.6) };
            dotted(
                &line,
                gap,
                r + 1.2,
                Color32::from_white_alpha(200),
                &mut out.canvas,
            );
            dotted(&line, gap, r, SUGGESTION, &mut out.canvas);
        }
    }
}
