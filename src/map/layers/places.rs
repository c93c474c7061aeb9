//! Place markers: size by company count, colour by main sector, shape by kind.

use egui::{Color32, Pos2, Rect, Response, Sense, Shape, Stroke, Ui, Vec2, WidgetInfo};
use walkers::{MapMemory, Plugin, Projector};

use super::{LabelCandidate, LabelStyle, SharedOut};
use crate::atlas::geo::{GeoIndex, MarkerShape};
use crate::model::{Place, PlaceKind};

/// Zoom from which companies and projects get labels.
pub const MINOR_LABELS_FROM_ZOOM: f64 = 10.0;
/// Zoom from which the other places (campuses, fieldlabs, sites…) get labels.
pub const SITE_LABELS_FROM_ZOOM: f64 = 8.3;
/// At most this many markers get a node in the accessibility tree per frame.
pub const ACCESSIBLE_MARKERS: usize = 400;

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
    /// Changes whenever the visible places change (invalidates `shown`).
    pub generation: u64,
    /// The places that get a marker (after decluttering), kept between frames.
    pub shown: &'a std::cell::RefCell<Shown>,
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

/// Above this many visible places, markers that would overlap on screen are merged: per
/// screen cell of [`DECLUTTER_CELL`] points only the most important one is drawn (with a
/// stack mark when it stands for more), as Leaflet-style clustering does.
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
    fn refresh(
        &mut self,
        layer: &PlaceLayer,
        t: &crate::geo::geometry::Transform,
        view: &crate::geo::geometry::BBox,
    ) {
        let key = (layer.generation, t.scale.to_bits());
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
        self.winners = declutter(layer.order, layer.geo, &cover, t.pixels_per_unit());
        self.coverage = Some(cover);
        self.key = Some(key);
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
        let view = t.view_box(rect);
        self.shown.borrow_mut().refresh(&self, &t, &view);
        let shown = self.shown.borrow();
        let outline = Color32::from_rgba_unmultiplied(30, 30, 30, 200);
        let mut shapes = Vec::with_capacity(2 * shown.winners.len() + self.geo.spokes.len());
        // Clusters get thin spokes to their sites, so the cluster marker (a label point)
        // reads as the hub of the places it stands for.
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

        let pointer = response.hover_pos();
        let mut markers = Vec::with_capacity(shown.winners.len());
        let mut labels = Vec::new();
        let mut hit = None;
        // When markers are merged, sizes stop meaning anything; small ones also draw as
        // pre-rasterised discs, which are far cheaper than tessellated circles.
        let dense = self.order.len() > DECLUTTER_ABOVE;
        for &(i, n) in shown.winners.iter() {
            let (Some(g), Some(p)) = (self.geo.places.get(i), self.places.get(i)) else {
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
            if n > 1 {
                // A stack mark: the same shape offset behind, for "more places here".
                paint_marker(
                    &mut shapes,
                    g.shape,
                    c + Vec2::new(2.5, -2.5),
                    r,
                    Color32::WHITE,
                    outline,
                );
            }
            paint_marker(&mut shapes, g.shape, c, r, g.colour, outline);
            markers.push((i, c, r));
            if let Some(ptr) = pointer
                && ptr.distance_sq(c) <= (r + 3.0) * (r + 3.0)
            {
                hit = Some(i);
            }
            let label_from = match p.kind {
                PlaceKind::Hotspot | PlaceKind::Cluster => 0.0,
                PlaceKind::Company | PlaceKind::Project => MINOR_LABELS_FROM_ZOOM,
                _ => SITE_LABELS_FROM_ZOOM,
            };
            let focus = self.selected == Some(i) || self.hovered == Some(i);
            if focus || self.all_labels || zoom >= label_from {
                labels.push(LabelCandidate {
                    text: g.name.clone(),
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

        // On top: the selection, the hovered marker and the other ends of the selection's links.
        for &i in self.related {
            if let Some(g) = self.geo.places.get(i).filter(|g| !g.is_area) {
                let c = t.apply(g.pos);
                shapes.push(Shape::circle_stroke(
                    c,
                    g.radius + 4.0,
                    Stroke::new(2.5, Color32::from_gray(40)),
                ));
            }
        }
        for (i, halo) in [
            (self.hovered, None),
            (
                self.selected,
                Some(Color32::from_rgba_unmultiplied(255, 200, 0, 170)),
            ),
        ] {
            let Some(g) = i
                .and_then(|i| self.geo.places.get(i))
                .filter(|g| !g.is_area)
            else {
                continue;
            };
            let c = t.apply(g.pos);
            if let Some(h) = halo {
                shapes.push(Shape::circle_filled(c, g.radius + 7.0, h));
            }
            paint_marker(&mut shapes, g.shape, c, g.radius + 2.0, g.colour, outline);
        }
        painter.extend(shapes);

        // Accessible nodes: each visible marker is a button named after its place, so screen
        // readers and tests can find and press it. Registered in drawing order, so the marker
        // drawn on top also takes the click.
        let mut clicked = None;
        let step = markers.len().div_ceil(ACCESSIBLE_MARKERS).max(1);
        for &(i, c, r) in markers.iter().step_by(step) {
            let Some(p) = self.places.get(i) else {
                continue;
            };
            let id = ui.scope_id().with(("marker", i));
            let area = Rect::from_center_size(c, Vec2::splat(2.0 * r + 4.0));
            let resp = ui.interact(area, id, Sense::click());
            resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &p.name));
            if resp.clicked() {
                clicked = Some(i);
            }
        }

        let mut out = self.out.borrow_mut();
        out.marker_hit = hit;
        out.clicked = clicked;
        out.markers = markers;
        out.labels.extend(labels);
    }
}
