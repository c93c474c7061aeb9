//! Meshes as filled paths: egui's anti-aliasing feather triangles are cut at half their
//! peak alpha, where egui's geometric edge lies, and filled solid.

use egui::epaint::Mesh;
use egui::{Color32, Pos2, Vec2};

use super::*;

/// Writes a mesh's solid triangles (those `keep` accepts) as filled paths, one `<path>` per
/// run of triangles of one colour, each triangle wound the same way so the non-zero fill
/// leaves no seams between neighbours.
pub(super) fn write_solids(
    out: &mut String,
    mesh: &Mesh,
    offset: Vec2,
    keep: impl Fn([u32; 3]) -> bool,
    colour: impl Fn(Color32) -> Color32,
) {
    let mut open: Option<Color32> = None;
    for tri in mesh.indices.chunks_exact(3) {
        let tri = [tri[0], tri[1], tri[2]];
        if !keep(tri) {
            continue;
        }
        let v = tri.map(|i| mesh.vertices.get(i as usize));
        let [Some(a), Some(b), Some(c)] = v else {
            continue;
        };
        let p = [a.pos + offset, b.pos + offset, c.pos + offset];
        if !p.iter().all(|&q| finite(q)) {
            continue;
        }
        let colours = [a.color, b.color, c.color].map(&colour);
        let Some((polygon, fill)) = solid_polygon(p, colours) else {
            continue;
        };
        let Some(polygon) = wound(polygon) else {
            continue;
        };
        if open != Some(fill) {
            if open.is_some() {
                out.push_str("\"/>\n");
            }
            out.push_str("<path");
            paint(out, "fill", fill);
            out.push_str(" d=\"");
            open = Some(fill);
        }
        subpath(out, &polygon);
    }
    if open.is_some() {
        out.push_str("\"/>\n");
    }
}

/// Up to four corners of a convex polygon.
#[derive(Clone, Copy)]
struct Polygon {
    p: [Pos2; 4],
    n: usize,
}

impl Polygon {
    fn corners(&self) -> &[Pos2] {
        self.p.get(..self.n).unwrap_or(&[])
    }
}

/// The part of a triangle that egui means as solid, and its colour. Triangles of one colour
/// are solid throughout; a feathering triangle (alpha fading to zero across it) is cut where
/// alpha crosses half its peak, which is the shape's true edge.
fn solid_polygon(p: [Pos2; 3], c: [Color32; 3]) -> Option<(Polygon, Color32)> {
    let alpha = c.map(|c| f32::from(c.a()));
    let top = (1..3).fold(0, |t, i| if alpha[i] > alpha[t] { i } else { t });
    if alpha[top] == 0.0 {
        return None;
    }
    if alpha[0] == alpha[1] && alpha[1] == alpha[2] {
        let polygon = Polygon {
            p: [p[0], p[1], p[2], p[2]],
            n: 3,
        };
        return Some((polygon, c[top]));
    }
    let threshold = alpha[top] * 0.5;
    let mut polygon = Polygon {
        p: [Pos2::ZERO; 4],
        n: 0,
    };
    let mut push = |q: Pos2| {
        if let Some(slot) = polygon.p.get_mut(polygon.n) {
            *slot = q;
            polygon.n += 1;
        }
    };
    for i in 0..3 {
        let j = (i + 1) % 3;
        let (inside_i, inside_j) = (alpha[i] >= threshold, alpha[j] >= threshold);
        if inside_i {
            push(p[i]);
        }
        if inside_i != inside_j {
            push(crossing((p[i], alpha[i]), (p[j], alpha[j]), threshold));
        }
    }
    (polygon.n >= 3).then_some((polygon, c[top]))
}

/// Where alpha crosses `threshold` along an edge, computed from the endpoints in a fixed
/// order so the triangle on the other side of the edge gets the very same point.
fn crossing(a: (Pos2, f32), b: (Pos2, f32), threshold: f32) -> Pos2 {
    let ((s, sa), (t, ta)) = if (a.0.x, a.0.y) <= (b.0.x, b.0.y) {
        (a, b)
    } else {
        (b, a)
    };
    let k = (threshold - sa) / (ta - sa);
    s + (t - s) * k
}

/// The polygon as written (rounded), counter-clockwise on screen; `None` if it collapsed.
fn wound(mut polygon: Polygon) -> Option<Polygon> {
    for q in polygon.p.iter_mut() {
        *q = Pos2::new(round2(q.x), round2(q.y));
    }
    let corners = polygon.corners();
    let area2: f32 = (0..corners.len())
        .map(|i| {
            let (a, b) = (corners[i], corners[(i + 1) % corners.len()]);
            a.x * b.y - b.x * a.y
        })
        .sum();
    if area2 == 0.0 || !area2.is_finite() {
        return None;
    }
    // With y pointing down, a positive shoelace sum is clockwise on screen.
    if area2 > 0.0 {
        let n = polygon.n;
        polygon.p.get_mut(..n)?.reverse();
    }
    Some(polygon)
}

fn subpath(out: &mut String, polygon: &Polygon) {
    for (i, q) in polygon.corners().iter().enumerate() {
        out.push_str(if i == 0 { "M" } else { "L" });
        xy(out, *q);
    }
    out.push('Z');
}
