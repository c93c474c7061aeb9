//! What map layers draw: a list of plain primitives in screen points. The live window turns
//! them into egui shapes ([`Canvas::paint`]); the SVG and PDF writers turn the same list into
//! paths and text ([`VectorMap`]), so an export is real polygons with their rings, lines and
//! text, not the triangles a GPU wants.

use std::sync::Arc;

use egui::epaint::{Mesh, PathShape, PathStroke};
use egui::{Color32, FontId, Pos2, Rect, Shape, Stroke};

/// The weight of a text primitive; both are cuts of Inter embedded in the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    SemiBold,
}

/// One thing to draw, in screen points.
#[derive(Debug, Clone)]
pub enum Prim {
    /// A polygon with holes: `rings[0]` is the outer ring, the rest are holes (even-odd).
    /// `triangles` index into the rings' points taken in order, for painters that need them.
    Polygon {
        rings: Vec<Vec<Pos2>>,
        triangles: Arc<[u32]>,
        fill: Color32,
    },
    Polyline {
        points: Vec<Pos2>,
        stroke: Stroke,
        /// Dash and gap lengths; `None` for a solid line.
        dash: Option<[f32; 2]>,
    },
    Circle {
        centre: Pos2,
        radius: f32,
        fill: Color32,
        stroke: Stroke,
    },
    /// A convex polygon (marker shapes, arrow heads).
    Convex { points: Vec<Pos2>, fill: Color32 },
    Rect {
        rect: Rect,
        radius: f32,
        fill: Color32,
    },
    /// A line of text centred on `centre`, turned by `angle` (radians, clockwise on screen).
    Text {
        centre: Pos2,
        text: Arc<str>,
        size: f32,
        weight: Weight,
        colour: Color32,
        angle: f32,
        /// The width the text takes in Inter, when measured: a vector file pins the text to
        /// it, so a viewer's other font cannot make it run into its neighbours.
        width: Option<f32>,
    },
    /// Triangles already tessellated for the screen (a cached basemap). Only the live window
    /// and raster exports get these; layers drawing for a vector target never emit them.
    Mesh(Arc<Mesh>),
}

/// The primitives of one frame of the map, bottom first, clipped to `clip`.
#[derive(Debug, Clone, Default)]
pub struct Canvas {
    pub prims: Vec<Prim>,
    pub clip: Option<Rect>,
}

/// The font a text primitive is set in.
pub fn font_id(size: f32, weight: Weight) -> FontId {
    match weight {
        Weight::Regular => FontId::proportional(size),
        Weight::SemiBold => crate::style::semibold(size),
    }
}

impl Canvas {
    pub fn push(&mut self, p: Prim) {
        self.prims.push(p);
    }

    pub fn line(&mut self, points: Vec<Pos2>, stroke: Stroke) {
        if points.len() >= 2 {
            self.push(Prim::Polyline {
                points,
                stroke,
                dash: None,
            });
        }
    }

    pub fn dashed(&mut self, points: Vec<Pos2>, stroke: Stroke, dash: f32, gap: f32) {
        if points.len() >= 2 {
            self.push(Prim::Polyline {
                points,
                stroke,
                dash: Some([dash, gap]),
            });
        }
    }

    pub fn disc(&mut self, centre: Pos2, radius: f32, fill: Color32) {
        self.push(Prim::Circle {
            centre,
            radius,
            fill,
            stroke: Stroke::NONE,
        });
    }

    pub fn ring(&mut self, centre: Pos2, radius: f32, stroke: Stroke) {
        self.push(Prim::Circle {
            centre,
            radius,
            fill: Color32::TRANSPARENT,
            stroke,
        });
    }

    /// Paints the primitives with egui's painter (the live window, raster exports).
    pub fn paint(&self, painter: &egui::Painter) {
        let painter = match self.clip {
            Some(c) => painter.with_clip_rect(c),
            None => painter.clone(),
        };
        let mut shapes = Vec::with_capacity(self.prims.len());
        self.shapes_into(Some(&painter), &mut shapes);
        painter.extend(shapes);
    }

    /// The primitives as egui shapes; text needs a painter to be laid out and is left out
    /// without one.
    pub fn shapes_into(&self, painter: Option<&egui::Painter>, out: &mut Vec<Shape>) {
        for p in &self.prims {
            to_shapes(p, painter, out);
        }
    }
}

/// One primitive as egui shapes.
fn to_shapes(p: &Prim, painter: Option<&egui::Painter>, out: &mut Vec<Shape>) {
    match p {
        Prim::Polygon {
            rings,
            triangles,
            fill,
        } => {
            let mut mesh = Mesh::default();
            for ring in rings {
                for v in ring {
                    mesh.colored_vertex(*v, *fill);
                }
            }
            let n = mesh.vertices.len() as u32;
            for t in triangles.chunks_exact(3) {
                if t.iter().all(|&i| i < n) {
                    mesh.add_triangle(t[0], t[1], t[2]);
                }
            }
            out.push(Shape::mesh(mesh));
        }
        Prim::Polyline {
            points,
            stroke,
            dash,
        } => match dash {
            Some([d, g]) => out.extend(Shape::dashed_line(points, *stroke, *d, *g)),
            None => out.push(Shape::Path(PathShape::line(
                points.clone(),
                PathStroke::from(*stroke),
            ))),
        },
        Prim::Circle {
            centre,
            radius,
            fill,
            stroke,
        } => {
            if fill.a() > 0 {
                out.push(Shape::circle_filled(*centre, *radius, *fill));
            }
            if stroke.width > 0.0 && stroke.color.a() > 0 {
                out.push(Shape::circle_stroke(*centre, *radius, *stroke));
            }
        }
        Prim::Convex { points, fill } => {
            out.push(Shape::convex_polygon(points.clone(), *fill, Stroke::NONE));
        }
        Prim::Rect { rect, radius, fill } => {
            out.push(Shape::rect_filled(*rect, *radius, *fill));
        }
        Prim::Text {
            centre,
            text,
            size,
            weight,
            colour,
            angle,
            ..
        } => {
            let Some(painter) = painter else { return };
            let galley = painter.layout_no_wrap(text.to_string(), font_id(*size, *weight), *colour);
            // egui turns text about its top-left corner; turn the half-size the same way so
            // the text stays centred.
            let half = galley.size() / 2.0;
            let (s, c) = angle.sin_cos();
            let turned = egui::vec2(half.x * c - half.y * s, half.x * s + half.y * c);
            let shape =
                egui::epaint::TextShape::new(*centre - turned, galley, *colour).with_angle(*angle);
            out.push(Shape::Text(shape));
        }
        Prim::Mesh(m) => out.push(Shape::Mesh(Arc::clone(m))),
    }
}

/// A map drawn for a vector file, carried through egui's shape list as a paint callback so
/// the SVG writer finds it in its place between the shapes around it (the window never sees
/// one: the live map paints its primitives directly).
pub struct VectorMap(pub Canvas);

impl VectorMap {
    /// The callback shape standing for `canvas` inside `rect`.
    pub fn shape(rect: Rect, canvas: Canvas) -> Shape {
        Shape::Callback(egui::PaintCallback {
            rect,
            callback: Arc::new(VectorMap(canvas)),
        })
    }
}
