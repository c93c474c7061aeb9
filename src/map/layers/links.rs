//! Cross-pollinations as curved links between their endpoints; a link with three or more
//! endpoints is drawn as a star from their centre.

use egui::{Color32, Pos2, Response, Shape, Stroke, Ui, Vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::SharedOut;
use crate::atlas::geo::LinkGeo;

pub struct LinkLayer<'a> {
    /// Links to draw, with whether each is emphasised (it touches the selection).
    pub links: Vec<(&'a LinkGeo, bool)>,
    pub out: SharedOut<'a>,
}

/// Points along a quadratic curve from `a` to `b`, bowed to the left by a fifth of its length.
pub fn curve(a: Pos2, b: Pos2, segments: usize) -> Vec<Pos2> {
    let d = b - a;
    let normal = Vec2::new(-d.y, d.x) * 0.2;
    let c = a + d * 0.5 + normal;
    (0..=segments)
        .map(|i| {
            let t = i as f32 / segments as f32;
            let u = 1.0 - t;
            Pos2::new(
                u * u * a.x + 2.0 * u * t * c.x + t * t * b.x,
                u * u * a.y + 2.0 * u * t * c.y + t * t * b.y,
            )
        })
        .collect()
}

fn arrow_head(shapes: &mut Vec<Shape>, line: &[Pos2], colour: Color32) {
    let n = line.len();
    if n < 2 {
        return;
    }
    let tip = line[n - 1];
    let dir = (tip - line[n - 2]).normalized();
    let side = Vec2::new(-dir.y, dir.x);
    let back = tip - dir * 10.0;
    shapes.push(Shape::convex_polygon(
        vec![tip, back + side * 5.0, back - side * 5.0],
        colour,
        Stroke::NONE,
    ));
}

impl Plugin for LinkLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, response: &Response, _: &Projector, _: &MapMemory) {
        let Some(t) = self.out.borrow().transform else {
            return;
        };
        let painter = ui.painter_at(response.rect);
        let mut shapes = Vec::new();
        for (link, strong) in &self.links {
            let colour = if *strong {
                link.colour
            } else {
                link.colour.gamma_multiply(0.55)
            };
            let width = if *strong { 3.0 } else { 1.8 };
            let stroke = Stroke::new(width, colour);
            let casing = Stroke::new(
                width + 2.5,
                Color32::from_white_alpha(if *strong { 210 } else { 120 }),
            );
            let ends: Vec<Pos2> = link.ends.iter().map(|p| t.apply(*p)).collect();
            let optional: Vec<Pos2> = link.optional.iter().map(|p| t.apply(*p)).collect();
            let draw = |line: Vec<Pos2>, dashed: bool, shapes: &mut Vec<Shape>| {
                shapes.push(Shape::line(line.clone(), casing));
                if dashed {
                    shapes.extend(Shape::dashed_line(&line, stroke, 6.0, 4.0));
                } else {
                    shapes.push(Shape::line(line, stroke));
                }
            };
            match ends.len() {
                0 | 1 => {
                    // A single named end with optional partners: link them to it.
                    if let Some(a) = ends.first() {
                        for o in &optional {
                            draw(curve(*a, *o, 16), true, &mut shapes);
                        }
                    }
                }
                2 => {
                    let (a, b) = match link.from {
                        Some(1) => (ends[1], ends[0]),
                        _ => (ends[0], ends[1]),
                    };
                    let line = curve(a, b, 20);
                    draw(line.clone(), false, &mut shapes);
                    if link.from.is_some() {
                        arrow_head(&mut shapes, &line, colour);
                    }
                    for o in &optional {
                        draw(curve(a.lerp(b, 0.5), *o, 16), true, &mut shapes);
                    }
                }
                n => {
                    let hub = ends.iter().fold(Vec2::ZERO, |s, p| s + p.to_vec2()) / n as f32;
                    let hub = hub.to_pos2();
                    for e in &ends {
                        draw(curve(hub, *e, 12), false, &mut shapes);
                    }
                    for o in &optional {
                        draw(curve(hub, *o, 12), true, &mut shapes);
                    }
                    shapes.push(Shape::circle_filled(hub, width + 3.0, colour));
                }
            }
        }
        painter.extend(shapes);
    }
}
