//! Suggested cross-pollinations (computed from the data, not named by a source): dotted grey
//! curves, so they never read as the sources' solid, coloured links.

use egui::{Color32, Pos2, Response, Shape, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::SharedOut;
use super::links::curve;
use crate::geo::geometry::Rel;

/// The colour of suggestions on the map and in the legend.
pub const SUGGESTION: Color32 = Color32::from_rgb(90, 90, 90);

pub struct SuggestionLayer<'a> {
    /// Both ends of each suggestion, and whether it touches the selection.
    pub pairs: Vec<(Rel, Rel, bool)>,
    pub out: SharedOut<'a>,
}

/// Dots along a line, every `gap` points.
pub fn dotted(line: &[Pos2], gap: f32, radius: f32, colour: Color32, shapes: &mut Vec<Shape>) {
    let mut carry = 0.0;
    for w in line.windows(2) {
        let (a, b) = (w[0], w[1]);
        let len = a.distance(b);
        let mut t = carry;
        while t < len {
            shapes.push(Shape::circle_filled(
                a + (b - a) * (t / len),
                radius,
                colour,
            ));
            t += gap;
        }
        carry = t - len;
    }
}

impl Plugin for SuggestionLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, response: &Response, _: &Projector, _: &MapMemory) {
        let Some(t) = self.out.borrow().transform else {
            return;
        };
        let painter = ui.painter_at(response.rect);
        let mut shapes = Vec::new();
        for (a, b, strong) in &self.pairs {
            let line = curve(t.apply(*a), t.apply(*b), 24);
            let (gap, r) = if *strong { (7.0, 2.2) } else { (8.0, 1.6) };
            dotted(
                &line,
                gap,
                r + 1.2,
                Color32::from_white_alpha(200),
                &mut shapes,
            );
            dotted(&line, gap, r, SUGGESTION, &mut shapes);
        }
        painter.extend(shapes);
    }
}
