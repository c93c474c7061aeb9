//! Place markers: size by company count, colour by main sector, shape by kind.

use egui::{Color32, Pos2, Rect, Response, Sense, Shape, Stroke, Ui, Vec2, WidgetInfo};
use walkers::{MapMemory, Plugin, Projector};

use super::{LabelCandidate, LabelStyle, SharedOut};
use crate::derive::geo::{GeoIndex, MarkerShape};
use crate::model::{Place, PlaceKind};

/// Zoom from which companies and projects get labels.
pub const MINOR_LABELS_FROM_ZOOM: f64 = 10.0;
/// Zoom from which the other places (campuses, fieldlabs, sites…) get labels.
pub const SITE_LABELS_FROM_ZOOM: f64 = 8.3;
/// At most this many markers get a node in the accessibility tree per frame.
pub const ACCESSIBLE_MARKERS: usize = 600;

pub struct PlaceLayer<'a> {
    pub geo: &'a GeoIndex,
    pub places: &'a [Place],
    /// Drawing order (low priority first), only the places that pass filter and layers.
    pub order: &'a [usize],
    pub selected: Option<usize>,
    pub hovered: Option<usize>,
    /// Indices of places at the other end of the selection's links.
    pub related: &'a [usize],
    pub all_labels: bool,
    pub out: SharedOut<'a>,
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
    shapes: &mut Vec<Shape>,
    shape: MarkerShape,
    c: Pos2,
    r: f32,
    fill: Color32,
    outline: Color32,
) {
    if shape == MarkerShape::Circle {
        shapes.push(Shape::circle_filled(c, r + 1.2, outline));
        shapes.push(Shape::circle_filled(c, r, fill));
    } else {
        shapes.push(Shape::convex_polygon(
            shape_points(shape, c, r + 1.4),
            outline,
            Stroke::NONE,
        ));
        shapes.push(Shape::convex_polygon(
            shape_points(shape, c, r),
            fill,
            Stroke::NONE,
        ));
    }
}

impl Plugin for PlaceLayer<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        _: &MapMemory,
    ) {
        let Some(t) = self.out.borrow().transform else {
            return;
        };
        let rect = response.rect;
        let painter = ui.painter_at(rect);
        let zoom = projector.zoom();
        let pointer = response.hover_pos();
        let mut shapes = Vec::with_capacity(self.order.len() * 2);
        let mut markers = Vec::with_capacity(self.order.len());
        let mut labels = Vec::new();
        let mut hit: Option<(usize, f32)> = None;
        let outline = Color32::from_rgba_unmultiplied(30, 30, 30, 200);
        // Clusters are drawn with thin spokes to their sites, so the cluster marker (a label
        // point) reads as the hub of places it stands for.
        for &(cluster, site) in &self.geo.spokes {
            let (Some(a), Some(b)) = (self.geo.places.get(cluster), self.geo.places.get(site))
            else {
                continue;
            };
            if !(self.order.contains(&cluster) && self.order.contains(&site)) {
                continue;
            }
            let (pa, pb) = (t.apply(a.pos), t.apply(b.pos));
            if rect.intersects(Rect::from_two_pos(pa, pb)) {
                shapes.push(Shape::line_segment(
                    [pa, pb],
                    Stroke::new(1.5, a.colour.gamma_multiply(0.6)),
                ));
            }
        }
        for &i in self.order {
            let (Some(g), Some(p)) = (self.geo.places.get(i), self.places.get(i)) else {
                continue;
            };
            if g.is_area {
                continue;
            }
            let c = t.apply(g.pos);
            let focus = self.selected == Some(i) || self.hovered == Some(i);
            let r = if focus { g.radius + 2.0 } else { g.radius };
            if !rect.expand(r + 2.0).contains(c) {
                continue;
            }
            if self.selected == Some(i) {
                shapes.push(Shape::circle_filled(
                    c,
                    r + 6.0,
                    Color32::from_rgba_unmultiplied(255, 200, 0, 150),
                ));
            } else if self.related.contains(&i) {
                shapes.push(Shape::circle_filled(
                    c,
                    r + 5.0,
                    Color32::from_rgba_unmultiplied(255, 255, 255, 200),
                ));
            }
            paint_marker(&mut shapes, g.shape, c, r, g.colour, outline);
            markers.push((i, c, r));
            if let Some(ptr) = pointer
                && ptr.distance(c) <= r + 3.0
            {
                hit = Some((i, r));
            }
            let label_from = match p.kind {
                PlaceKind::Hotspot | PlaceKind::Cluster => 0.0,
                PlaceKind::Company | PlaceKind::Project => MINOR_LABELS_FROM_ZOOM,
                _ => SITE_LABELS_FROM_ZOOM,
            };
            if focus || self.all_labels || zoom >= label_from {
                labels.push(LabelCandidate {
                    text: p.name.clone(),
                    anchor: c,
                    gap: r + 3.0,
                    priority: if focus {
                        10_000.0 + g.priority
                    } else {
                        g.priority
                    },
                    style: if focus {
                        LabelStyle::Focus
                    } else {
                        LabelStyle::Place
                    },
                });
            }
        }
        painter.extend(shapes);

        // Accessible nodes: each visible marker is a button named after its place, so screen
        // readers and tests can find and press it.
        let mut clicked = None;
        let step = markers.len().div_ceil(ACCESSIBLE_MARKERS).max(1);
        // Registered in drawing order, so the marker drawn on top also takes the click.
        for &(i, c, r) in markers.iter().step_by(step) {
            let Some(p) = self.places.get(i) else {
                continue;
            };
            let id = ui.scope_id().with(("marker", &p.id));
            let area = Rect::from_center_size(c, Vec2::splat(2.0 * r + 4.0));
            let resp = ui.interact(area, id, Sense::click());
            resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &p.name));
            if resp.clicked() {
                clicked = Some(i);
            }
        }

        let mut out = self.out.borrow_mut();
        out.marker_hit = hit.map(|(i, _)| i);
        out.clicked = clicked;
        out.markers = markers;
        out.labels.extend(labels);
    }
}
