//! The MRA sub-regions as filled areas (their municipalities) with one outline each.

use egui::{Color32, Pos2, Stroke};

use super::polygon_prim;
use crate::basemap::Basemap;
use crate::map::layer::{Hit, LabelCandidate, LabelStyle, LayerCtx, LayerOut, MapLayer};

/// Zoom from which sub-regions are labelled.
pub const SUB_REGION_LABELS_FROM_ZOOM: f64 = 8.6;

pub struct SubRegionLayer;

/// Sub-regions outside the filter are dimmed, not hidden; only their region's switch hides
/// them.
fn region_shown(ctx: &LayerCtx, place: usize) -> bool {
    ctx.atlas
        .data()
        .places
        .get(place)
        .is_some_and(|p| !ctx.scene.layers.hidden_regions.contains(&p.region))
}

impl MapLayer for SubRegionLayer {
    fn paint(&self, ctx: &LayerCtx, out: &mut LayerOut) {
        let basemap = Basemap::shared();
        let geo = &ctx.atlas.geo;
        let selected = ctx.selected_place();
        let subjects: Vec<usize> = ctx
            .scene
            .subjects
            .iter()
            .filter_map(|id| ctx.atlas.place_idx(id))
            .collect();
        let mut outlines = Vec::new();
        for (i, sr) in geo.sub_regions.iter().enumerate() {
            if !sr.bbox.intersects(&ctx.view) || !region_shown(ctx, sr.place) {
                continue;
            }
            let Some(g) = geo.places.get(sr.place) else {
                continue;
            };
            let subject = subjects.contains(&sr.place);
            let focus = selected == Some(sr.place) || subject;
            let hovered = ctx.hovered == Some(sr.place);
            let matches = ctx
                .visible
                .sub_region_matches
                .get(i)
                .copied()
                .unwrap_or(true);
            let alpha = match (focus, hovered, matches) {
                (true, _, _) => 110,
                (_, true, true) => 85,
                (_, _, true) => 55,
                (_, _, false) => 14,
            };
            let [r, gr, b, _] = g.colour.to_array();
            let colour = Color32::from_rgba_unmultiplied(r, gr, b, alpha);
            for area in sr
                .municipalities
                .iter()
                .filter_map(|&m| basemap.municipalities.get(m))
            {
                for poly in area
                    .polygons
                    .iter()
                    .filter(|p| p.bbox.intersects(&ctx.view))
                {
                    out.canvas.push(polygon_prim(poly, &ctx.t, colour));
                }
            }
            let stroke = if focus {
                Stroke::new(3.0, Color32::from_rgb(30, 30, 30))
            } else if matches {
                Stroke::new(1.6, g.colour.gamma_multiply(0.8))
            } else {
                Stroke::new(1.0, Color32::from_gray(190))
            };
            for line in &sr.outline {
                outlines.push((line.iter().map(|p| ctx.t.apply(*p)).collect(), stroke));
            }
            // Sub-region names from regional zoom; at country zoom the region names show.
            if ctx.zoom >= SUB_REGION_LABELS_FROM_ZOOM || focus {
                out.labels.push(LabelCandidate {
                    text: g.name.clone(),
                    anchor: ctx.t.apply(g.pos),
                    gap: 0.0,
                    priority: if focus { 9_500.0 } else { g.priority },
                    style: if selected == Some(sr.place) {
                        LabelStyle::Focus
                    } else {
                        LabelStyle::Area
                    },
                    along: Vec::new(),
                });
            }
        }
        for (points, stroke) in outlines {
            out.canvas.line(points, stroke);
        }
    }

    fn hit(&self, ctx: &LayerCtx, _out: &LayerOut, pos: Pos2) -> Option<Hit> {
        let basemap = Basemap::shared();
        let p = ctx.t.invert(pos);
        ctx.atlas
            .geo
            .sub_regions
            .iter()
            .filter(|sr| region_shown(ctx, sr.place) && sr.bbox.contains(p))
            .find(|sr| {
                sr.municipalities
                    .iter()
                    .filter_map(|&m| basemap.municipalities.get(m))
                    .any(|a| a.contains(p))
            })
            .map(|sr| Hit::Place(sr.place))
    }
}
