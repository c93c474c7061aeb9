//! Tessellated layers kept between frames. A layer's shapes only change when the zoom, the
//! data or the filter change; panning just moves them. So a layer is tessellated once into a
//! mesh (with a margin around the view) and then translated, which is far cheaper than
//! tessellating thousands of feathered lines and discs every frame.

use std::sync::Arc;

use egui::epaint::{Mesh, Shape, TessellationOptions, Tessellator};
use egui::{Rect, Vec2};

use crate::geo::geometry::{BBox, Transform};

/// Share of the view added on every side of a cached mesh.
const MARGIN: f32 = 0.15;

/// One cached layer: what it was built for and the mesh.
#[derive(Default)]
pub struct TessCache {
    key: Option<(u64, u64)>,
    /// Part of the world the mesh covers.
    coverage: Option<BBox>,
    /// Transform offset the mesh was built (or last moved) with.
    base: [f64; 2],
    mesh: Arc<Mesh>,
    pub rebuilds: u64,
}

impl TessCache {
    /// Returns the layer as one mesh for this frame's transform, rebuilding it with `build`
    /// when the key changed or the view left the covered area. `build` gets the world box to
    /// cover and pushes shapes in screen space.
    pub fn get(
        &mut self,
        key: u64,
        t: &Transform,
        view: &BBox,
        pixels_per_point: f32,
        build: impl FnOnce(&BBox, &mut Vec<Shape>),
    ) -> Arc<Mesh> {
        let full_key = (
            key,
            t.scale.to_bits() ^ u64::from(pixels_per_point.to_bits()),
        );
        let covered = self.coverage.is_some_and(|c| {
            c.min[0] <= view.min[0]
                && c.min[1] <= view.min[1]
                && c.max[0] >= view.max[0]
                && c.max[1] >= view.max[1]
        });
        if self.key != Some(full_key) || !covered {
            // Cover the view plus a margin, so small pans reuse the mesh.
            let w = (view.max[0] - view.min[0]) * MARGIN;
            let h = (view.max[1] - view.min[1]) * MARGIN;
            let coverage = BBox {
                min: [view.min[0] - w, view.min[1] - h],
                max: [view.max[0] + w, view.max[1] + h],
            };
            let mut shapes = Vec::new();
            build(&coverage, &mut shapes);
            let mut tess = Tessellator::new(
                pixels_per_point,
                TessellationOptions::default(),
                [1, 1],
                Vec::new(),
            );
            tess.set_clip_rect(Rect::EVERYTHING);
            let mut mesh = Mesh::default();
            for s in shapes {
                tess.tessellate_shape(s, &mut mesh);
            }
            self.mesh = Arc::new(mesh);
            self.coverage = Some(coverage);
            self.key = Some(full_key);
            self.base = t.base;
            self.rebuilds += 1;
        } else if self.base != t.base {
            let delta = Vec2::new(
                (t.base[0] - self.base[0]) as f32,
                (t.base[1] - self.base[1]) as f32,
            );
            Arc::make_mut(&mut self.mesh).translate(delta);
            self.base = t.base;
        }
        Arc::clone(&self.mesh)
    }
}
