//! What a view should frame: a region, a place, a set of subjects, or a scene's camera goal,
//! turned into a centre and zoom for a map of a given size.

use egui::Vec2;

use crate::atlas::Atlas;
use crate::basemap::Basemap;
use crate::command::FlyTarget;
use crate::geo::camera::{self, Insets, View};
use crate::geo::geometry::{BBox, to_rel};
use crate::scene::CameraGoal;

/// Margin in points around fitted subjects.
pub const FIT_MARGIN: f32 = 40.0;
/// A single place is not zoomed in further than street-block level.
pub const PLACE_MAX_ZOOM: f64 = 11.5;

/// The extent a fly target shows.
pub fn target_extent(atlas: &Atlas, target: &FlyTarget) -> Option<BBox> {
    let geo = &atlas.geo;
    match target {
        FlyTarget::Netherlands => {
            let mut b = Basemap::shared().netherlands;
            if b.is_empty() {
                b = geo.all;
            }
            Some(b)
        }
        FlyTarget::Region(id) => geo.region_boxes.get(id).copied(),
        FlyTarget::Town(i) => {
            let t = crate::basemap::lonlat::towns().get(*i)?;
            let c = crate::geo::geometry::to_rel(t.lon, t.lat);
            // A town and its edges: a few kilometres around its centre.
            let half = 0.000_05_f32;
            Some(BBox {
                min: [c[0] - half, c[1] - half],
                max: [c[0] + half, c[1] + half],
            })
        }
        FlyTarget::Place(id) => {
            if let Some(r) = geo.routes.iter().find(|r| &r.id == id) {
                let mut b = BBox::EMPTY;
                r.points.iter().for_each(|p| b.add(*p));
                return Some(b);
            }
            let i = atlas.place_idx(id)?;
            if let Some(sr) = geo.sub_regions.iter().find(|s| s.place == i) {
                return Some(sr.bbox);
            }
            let g = geo.places.get(i)?;
            // About 20 km around the point: the town and its neighbours stay in view.
            let half = 0.000_2_f32;
            Some(BBox {
                min: [g.pos[0] - half, g.pos[1] - half],
                max: [g.pos[0] + half, g.pos[1] + half],
            })
        }
    }
}

/// The target an id stands for: a region, or a place or route.
pub fn target_of(atlas: &Atlas, id: &str) -> FlyTarget {
    if atlas.data().region(id).is_some() {
        FlyTarget::Region(id.to_string())
    } else {
        FlyTarget::Place(id.to_string())
    }
}

/// The extent that shows all of `ids` (places, routes or regions); `None` when none is on
/// the map.
pub fn fit_extent(atlas: &Atlas, ids: &[String]) -> Option<BBox> {
    let mut b = BBox::EMPTY;
    for id in ids {
        if let Some(e) = target_extent(atlas, &target_of(atlas, id)) {
            b.union(&e);
        }
    }
    (!b.is_empty()).then_some(b)
}

/// An area to keep framed: refitted when the map's size changes (the window going full
/// screen after a slide was fitted).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Framing {
    pub bbox: BBox,
    pub margin: f32,
    pub max_zoom: f64,
}

impl Framing {
    pub fn view(&self, size: Vec2) -> View {
        self.view_in(size, Insets::default())
    }

    /// The view in the part of the map that `insets` leave free.
    pub fn view_in(&self, size: Vec2, insets: Insets) -> View {
        let v = View::fit_in(self.bbox, size, self.margin, insets);
        if v.zoom <= self.max_zoom {
            return v;
        }
        // Zoomed out to the limit: fit again at that zoom, so the centre shift matches it.
        let per_pt = (1.0 / (256.0 * 2f64.powf(self.max_zoom))) as f32;
        let c = self.bbox.center();
        View {
            centre: [
                c[0] - (insets.left - insets.right) / 2.0 * per_pt,
                c[1] - (insets.top - insets.bottom) / 2.0 * per_pt,
            ],
            zoom: self.max_zoom,
        }
        .clamped()
    }

    /// The framing of a fly target: one place keeps its surroundings in view.
    pub fn of_target(atlas: &Atlas, target: &FlyTarget) -> Option<Framing> {
        let bbox = target_extent(atlas, target)?;
        let max_zoom = match target {
            FlyTarget::Place(_) | FlyTarget::Town(_) => PLACE_MAX_ZOOM,
            _ => camera::MAX_ZOOM,
        };
        Some(Framing {
            bbox,
            margin: FIT_MARGIN,
            max_zoom,
        })
    }
}

/// How a camera goal is met on a map of any size: a framing to keep, or a fixed view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Goal {
    Frame(Framing),
    Fixed(View),
}

impl Goal {
    /// The goal of a scene's camera; `None` for a free camera or subjects not on the map.
    pub fn of(atlas: &Atlas, goal: &CameraGoal) -> Option<Goal> {
        match goal {
            CameraGoal::Free => None,
            CameraGoal::Fit(ids) => fit_extent(atlas, ids).map(|bbox| {
                Goal::Frame(Framing {
                    bbox,
                    margin: FIT_MARGIN,
                    max_zoom: PLACE_MAX_ZOOM,
                })
            }),
            CameraGoal::View { lon, lat, zoom } => Some(Goal::Fixed(
                View {
                    centre: to_rel(*lon, *lat),
                    zoom: *zoom,
                }
                .clamped(),
            )),
            CameraGoal::Extent {
                west,
                south,
                east,
                north,
            } => {
                let mut bbox = BBox::EMPTY;
                bbox.add(to_rel(*west, *south));
                bbox.add(to_rel(*east, *north));
                Some(Goal::Frame(Framing {
                    bbox,
                    margin: 0.0,
                    max_zoom: camera::MAX_ZOOM,
                }))
            }
        }
    }

    /// The view that meets the goal on a map of `size` points, `insets` kept free.
    pub fn view(&self, size: Vec2, insets: Insets) -> View {
        match self {
            Goal::Frame(f) => f.view_in(size, insets),
            Goal::Fixed(v) => *v,
        }
    }
}

/// The view a still picture of a scene shows: its goal, or the whole country.
pub fn still_view(atlas: &Atlas, goal: &CameraGoal, size: Vec2, insets: Insets) -> View {
    Goal::of(atlas, goal)
        .or_else(|| Framing::of_target(atlas, &FlyTarget::Netherlands).map(Goal::Frame))
        .map_or_else(
            || View::fit(BBox::EMPTY, size, 0.0),
            |g| g.view(size, insets),
        )
}
