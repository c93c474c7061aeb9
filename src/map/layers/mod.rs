//! One walkers plugin per map layer. They share the frame's [`FrameOut`], in which the place
//! layer records markers and label candidates and every layer records what the pointer hits.

pub mod basemap;
pub mod labels;
pub mod links;
pub mod places;
pub mod routes;
pub mod sub_regions;
pub mod suggestions;

use std::cell::RefCell;

use egui::{Color32, Mesh, Pos2};

use crate::geo::geometry::{Polygon, Rel, Transform};

/// A label the label layer may place.
#[derive(Debug, Clone)]
pub struct LabelCandidate {
    /// Shared with the place record's derived data, so offering a label costs no allocation.
    pub text: std::sync::Arc<str>,
    /// Point the label belongs to.
    pub anchor: Pos2,
    /// Distance to keep from the anchor (the marker's radius).
    pub gap: f32,
    pub priority: f32,
    pub style: LabelStyle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelStyle {
    /// The selected or hovered place: always shown, emphasised.
    Focus,
    Place,
    /// A sub-region's or cluster's name, centred on its point.
    Area,
    /// A town from the gazetteer.
    Town,
    /// A whole region's name at country zoom, set beside the region (in the sea for the
    /// coastal ones) so it does not cover its places.
    Region,
}

/// What the layers of one frame found out, read by the map view afterwards.
#[derive(Debug, Default)]
pub struct FrameOut {
    pub transform: Option<Transform>,
    /// Place index under the pointer (markers win over areas).
    pub marker_hit: Option<usize>,
    /// Sub-region place index under the pointer.
    pub area_hit: Option<usize>,
    /// A marker clicked through its accessible node.
    pub clicked: Option<usize>,
    /// Markers drawn this frame: place index, centre, radius.
    pub markers: Vec<(usize, Pos2, f32)>,
    pub labels: Vec<LabelCandidate>,
}

pub type SharedOut<'a> = &'a RefCell<FrameOut>;

/// Adds a polygon's triangles to `mesh` in screen space.
pub fn fill_polygon(mesh: &mut Mesh, poly: &Polygon, t: &Transform, colour: Color32) {
    let base = mesh.vertices.len() as u32;
    for v in &poly.vertices {
        mesh.colored_vertex(t.apply(*v), colour);
    }
    for tri in poly.triangles.chunks_exact(3) {
        mesh.add_triangle(base + tri[0], base + tri[1], base + tri[2]);
    }
}

/// A closed ring as an open polyline (first point repeated), in screen space. egui's closed
/// paths use unlimited miters, which paint needles at very sharp corners; open ones do not.
pub fn ring_points(ring: &[Rel], t: &Transform) -> Vec<Pos2> {
    let mut pts: Vec<Pos2> = ring.iter().map(|p| t.apply(*p)).collect();
    if let Some(first) = pts.first().copied() {
        pts.push(first);
    }
    pts
}
