//! The MRA sub-regions as filled areas (their municipalities) with one outline each.

use egui::{Color32, Mesh, Response, Shape, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::{LabelCandidate, LabelStyle, SharedOut, fill_polygon};
use crate::atlas::geo::GeoIndex;
use crate::basemap::Basemap;

/// Zoom from which sub-regions are labelled.
pub const SUB_REGION_LABELS_FROM_ZOOM: f64 = 8.6;

pub struct SubRegionLayer<'a> {
    pub zoom: f64,
    pub geo: &'a GeoIndex,
    pub basemap: &'a Basemap,
    /// Names, parallel to `geo.sub_regions`.
    pub names: Vec<&'a str>,
    /// Whether each sub-region matches the sector filter (others are dimmed).
    pub matches: Vec<bool>,
    pub selected: Option<usize>,
    /// Sub-regions drawn as selected too (the compared ones).
    pub highlighted: Vec<usize>,
    pub hovered: Option<usize>,
    pub out: SharedOut<'a>,
}

impl Plugin for SubRegionLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, response: &Response, _: &Projector, _: &MapMemory) {
        let Some(t) = self.out.borrow().transform else {
            return;
        };
        let rect = response.rect;
        let view = t.view_box(rect);
        let painter = ui.painter_at(rect);
        let pointer = response.hover_pos().map(|p| t.invert(p));
        let mut fills = Mesh::default();
        let mut outlines = Vec::new();
        let mut area_hit = None;
        for (i, sr) in self.geo.sub_regions.iter().enumerate() {
            if !sr.bbox.intersects(&view) {
                continue;
            }
            let Some(g) = self.geo.places.get(sr.place) else {
                continue;
            };
            let selected = self.selected == Some(sr.place) || self.highlighted.contains(&sr.place);
            let hovered = self.hovered == Some(sr.place);
            let matches = self.matches.get(i).copied().unwrap_or(true);
            let alpha = match (selected, hovered, matches) {
                (true, _, _) => 110,
                (_, true, true) => 85,
                (_, _, true) => 55,
                (_, _, false) => 14,
            };
            let colour =
                Color32::from_rgba_unmultiplied(g.colour.r(), g.colour.g(), g.colour.b(), alpha);
            for &m in &sr.municipalities {
                let Some(area) = self.basemap.municipalities.get(m) else {
                    continue;
                };
                if let Some(p) = pointer
                    && area.contains(p)
                {
                    area_hit = Some(sr.place);
                }
                for poly in area.polygons.iter().filter(|p| p.bbox.intersects(&view)) {
                    fill_polygon(&mut fills, poly, &t, colour);
                }
            }
            let stroke = if selected {
                Stroke::new(3.0, Color32::from_rgb(30, 30, 30))
            } else if matches {
                Stroke::new(1.6, g.colour.gamma_multiply(0.8))
            } else {
                Stroke::new(1.0, Color32::from_gray(190))
            };
            for line in &sr.outline {
                outlines.push(Shape::line(
                    line.iter().map(|p| t.apply(*p)).collect(),
                    stroke,
                ));
            }
            // Sub-region names from regional zoom; at country zoom the region names show.
            if let Some(name) = self
                .names
                .get(i)
                .filter(|_| self.zoom >= SUB_REGION_LABELS_FROM_ZOOM || selected)
            {
                self.out.borrow_mut().labels.push(LabelCandidate {
                    text: (*name).into(),
                    anchor: t.apply(g.pos),
                    gap: 0.0,
                    priority: if selected { 10_000.0 } else { g.priority },
                    style: if selected {
                        LabelStyle::Focus
                    } else {
                        LabelStyle::Area
                    },
                });
            }
        }
        painter.add(Shape::mesh(fills));
        painter.extend(outlines);
        self.out.borrow_mut().area_hit = area_hit;
    }
}
