//! The basemap layer: sea, neighbouring countries, land, water, borders.

use egui::{Color32, Mesh, Response, Shape, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::{SharedOut, fill_polygon, ring_points};
use crate::basemap::Basemap;
use crate::geo::geometry::{Area, BBox, Line, Transform};

pub const SEA: Color32 = Color32::from_rgb(0xD5, 0xE6, 0xF1);
pub const LAND: Color32 = Color32::from_rgb(0xFB, 0xFA, 0xF6);
pub const NEIGHBOUR: Color32 = Color32::from_rgb(0xEC, 0xEB, 0xE6);
const NEIGHBOUR_BORDER: Color32 = Color32::from_rgb(0xC4, 0xC2, 0xBB);
const PROVINCE_BORDER: Color32 = Color32::from_rgb(0x9C, 0x97, 0x8E);
const MUNICIPAL_BORDER: Color32 = Color32::from_rgb(0xD9, 0xD5, 0xCC);
const COAST: Color32 = Color32::from_rgb(0x8F, 0xA9, 0xBA);

/// Zoom from which municipal borders are drawn.
pub const MUNICIPALITIES_FROM_ZOOM: f64 = 8.8;

pub struct BasemapLayer<'a> {
    pub basemap: &'a Basemap,
    pub cache: &'a std::cell::RefCell<crate::map::cache::TessCache>,
    pub out: SharedOut<'a>,
}

fn fill_areas(areas: &[Area], view: &BBox, t: &Transform, colour: Color32) -> Mesh {
    let mut mesh = Mesh::default();
    for a in areas.iter().filter(|a| a.bbox.intersects(view)) {
        for p in a.polygons.iter().filter(|p| p.bbox.intersects(view)) {
            fill_polygon(&mut mesh, p, t, colour);
        }
    }
    mesh
}

/// Strokes the rings of areas at the level of detail of `zoom`.
fn stroke_areas(
    shapes: &mut Vec<Shape>,
    areas: &[Area],
    view: &BBox,
    t: &Transform,
    zoom: f64,
    stroke: Stroke,
) {
    for a in areas.iter().filter(|a| a.bbox.intersects(view)) {
        for p in a.polygons.iter().filter(|p| p.bbox.intersects(view)) {
            for ring in p.rings_at(zoom) {
                shapes.push(Shape::line(ring_points(ring, t), stroke));
            }
        }
    }
}

fn stroke_lines(
    shapes: &mut Vec<Shape>,
    lines: &[Line],
    view: &BBox,
    t: &Transform,
    zoom: f64,
    stroke: Stroke,
) {
    for l in lines.iter().filter(|l| l.bbox.intersects(view)) {
        let pts = l.points_at(zoom);
        shapes.push(Shape::line(
            pts.iter().map(|p| t.apply(*p)).collect(),
            stroke,
        ));
    }
}

/// Every shape of the basemap that lies in `view`, in paint order.
fn basemap_shapes(b: &Basemap, view: &BBox, t: &Transform, zoom: f64, shapes: &mut Vec<Shape>) {
    shapes.push(Shape::mesh(fill_areas(&b.neighbours, view, t, NEIGHBOUR)));
    // Borders between neighbouring countries only from regional zoom on: at country zoom the
    // fill already shows their coasts, and the strokes would cost as much as all Dutch ones.
    if zoom >= 9.0 {
        stroke_areas(
            shapes,
            &b.neighbours,
            view,
            t,
            zoom - 1.0,
            Stroke::new(0.8, NEIGHBOUR_BORDER),
        );
    }
    shapes.push(Shape::mesh(fill_areas(&b.land, view, t, LAND)));
    shapes.push(Shape::mesh(fill_areas(&b.water, view, t, SEA)));
    if zoom >= MUNICIPALITIES_FROM_ZOOM {
        let width = if zoom >= 10.0 { 0.9 } else { 0.6 };
        stroke_lines(
            shapes,
            &b.municipal_borders,
            view,
            t,
            zoom,
            Stroke::new(width, MUNICIPAL_BORDER),
        );
    }
    stroke_lines(
        shapes,
        &b.province_borders,
        view,
        t,
        zoom,
        Stroke::new(1.1, PROVINCE_BORDER),
    );
    stroke_areas(shapes, &b.land, view, t, zoom, Stroke::new(1.0, COAST));
}

impl Plugin for BasemapLayer<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        _: &MapMemory,
    ) {
        let t = Transform::from_projector(projector);
        self.out.borrow_mut().transform = Some(t);
        let rect = response.rect;
        let view = t.view_box(rect);
        let zoom = projector.zoom();
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, SEA);
        let ppp = ui.ctx().pixels_per_point();
        let mesh = self
            .cache
            .borrow_mut()
            .get(0, &t, &view, ppp, |cover, shapes| {
                basemap_shapes(self.basemap, cover, &t, zoom, shapes);
            });
        painter.add(Shape::Mesh(mesh));
    }
}
