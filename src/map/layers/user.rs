//! The user's own organisations get their own style: every marker of a user place is
//! ringed (white, then a dark dashed-looking double ring), so they stand apart from the
//! atlas's places whatever their sector colour. Drawn over the markers the place layer
//! placed this frame (it reads them from [`LayerOut::markers`]), under the labels.

use egui::{Color32, Stroke};

use crate::map::layer::{LayerCtx, LayerOut, MapLayer};
use crate::model::layer::is_user_place;

/// The ring around a user place's marker.
pub const USER_RING: Color32 = Color32::from_rgb(200, 0, 110);

pub struct UserLayer;

impl MapLayer for UserLayer {
    fn paint(&self, ctx: &LayerCtx, out: &mut LayerOut) {
        let d = ctx.atlas.data();
        let rings: Vec<(egui::Pos2, f32)> = out
            .markers
            .iter()
            .filter(|(i, _, _)| d.places.get(*i).is_some_and(is_user_place))
            .map(|(_, c, r)| (*c, *r))
            .collect();
        for (c, r) in rings {
            out.canvas
                .ring(c, r + 2.2, Stroke::new(2.2, Color32::WHITE));
            out.canvas.ring(c, r + 3.2, Stroke::new(1.6, USER_RING));
        }
    }
}
