//! Lines on the map: the Oude Lijn light-rail theme and the northern infrastructure asks.

use egui::{Response, Shape, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::{LabelCandidate, LabelStyle, SharedOut};
use crate::atlas::geo::RouteGeo;

pub struct RouteLayer<'a> {
    /// Routes to draw (already filtered by the region layers).
    pub routes: Vec<&'a RouteGeo>,
    pub out: SharedOut<'a>,
}

impl Plugin for RouteLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, response: &Response, _: &Projector, _: &MapMemory) {
        let Some(t) = self.out.borrow().transform else {
            return;
        };
        let painter = ui.painter_at(response.rect);
        let mut shapes = Vec::new();
        for r in &self.routes {
            let pts: Vec<egui::Pos2> = r.points.iter().map(|p| t.apply(*p)).collect();
            // A light casing under the line keeps it readable over borders and areas.
            shapes.push(Shape::line(
                pts.clone(),
                Stroke::new(6.0, egui::Color32::from_white_alpha(200)),
            ));
            shapes.extend(Shape::dashed_line(
                &pts,
                Stroke::new(3.0, r.colour),
                10.0,
                5.0,
            ));
            if let Some(mid) = pts.get(pts.len() / 2) {
                self.out.borrow_mut().labels.push(LabelCandidate {
                    text: r.name.clone(),
                    anchor: *mid,
                    gap: 4.0,
                    priority: 500.0,
                    style: LabelStyle::Place,
                });
            }
        }
        painter.extend(shapes);
    }
}
