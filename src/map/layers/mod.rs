//! The map's overlays, one [`MapLayer`](super::layer::MapLayer) each, bottom to top:
//! basemap, sub-regions, routes, suggestions, links, cluster bubbles, places, the user's
//! places' rings, labels.

pub mod basemap;
pub mod clusters;
pub mod labels;
pub mod links;
pub mod places;
pub mod routes;
pub mod sub_regions;
pub mod suggestions;
pub mod user;

use egui::{Color32, Pos2};

use crate::geo::geometry::{Polygon, Rel, Transform};
use crate::render::canvas::Prim;

/// A polygon (outer ring and holes) in screen space.
pub fn polygon_prim(poly: &Polygon, t: &Transform, fill: Color32) -> Prim {
    Prim::Polygon {
        rings: poly
            .rings
            .iter()
            .map(|r| r.iter().map(|p| t.apply(*p)).collect())
            .collect(),
        triangles: std::sync::Arc::clone(&poly.triangles),
        fill,
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

/// The layers of the map, bottom first. The label layer comes last: it places the labels
/// the others offered around every marker and reserved rectangle.
pub fn all() -> Vec<Box<dyn super::layer::MapLayer>> {
    vec![
        Box::new(basemap::BasemapLayer::default()),
        Box::new(sub_regions::SubRegionLayer),
        Box::new(routes::RouteLayer),
        Box::new(suggestions::SuggestionLayer),
        Box::new(links::LinkLayer),
        Box::new(clusters::ClusterLayer::default()),
        Box::new(places::PlaceLayer::default()),
        Box::new(user::UserLayer),
        Box::new(labels::LabelLayer),
    ]
}
