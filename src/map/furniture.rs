//! Map furniture for pictures that leave the app (slides, posters, exports): a scale bar in
//! the bottom-left corner and a north arrow in the top-left. Their rectangles are reserved
//! before the labels are placed, so no label hides under them.

use egui::{Color32, Pos2, Rect, Stroke, Vec2};

use crate::geo::geometry::{Transform, from_rel};
use crate::render::canvas::{Canvas, Prim, Weight};

const INK: Color32 = Color32::from_gray(30);
const MARGIN: f32 = 10.0;
const SCALE_BAR_HEIGHT: f32 = 26.0;

/// The height of the band along a picture's bottom edge that the scale bar takes (the
/// basemap credit beside it may take more): subjects are framed above it.
pub const BOTTOM_BAND: f32 = MARGIN + SCALE_BAR_HEIGHT;

/// Metres on the ground per screen point at the middle of `rect`.
fn metres_per_point(t: &Transform, rect: Rect) -> f64 {
    let (_, lat) = from_rel(t.invert(rect.center()));
    // Web Mercator: the equator's 40,075 km over the world's width, shrunk by cos(latitude).
    40_075_016.686 * lat.to_radians().cos() / t.scale
}

/// A round length in metres close to `target`: 1, 2 or 5 times a power of ten.
fn round_length(target: f64) -> f64 {
    if !(target.is_finite() && target > 0.0) {
        return 1000.0;
    }
    let p = 10f64.powf(target.log10().floor());
    [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * p)
        .find(|l| *l <= target)
        .unwrap_or(p)
}

fn length_text(metres: f64) -> String {
    if metres >= 1000.0 {
        format!("{} km", metres / 1000.0)
    } else {
        format!("{metres} m")
    }
}

/// The scale bar: its rectangle, and what it draws.
pub fn scale_bar(t: &Transform, rect: Rect) -> (Rect, Canvas) {
    let m_per_pt = metres_per_point(t, rect);
    let metres = round_length(m_per_pt * 110.0);
    let len = (metres / m_per_pt) as f32;
    let text = length_text(metres);
    let size = 10.5;
    let frame = Rect::from_min_size(
        Pos2::new(
            rect.left() + MARGIN,
            rect.bottom() - MARGIN - SCALE_BAR_HEIGHT,
        ),
        Vec2::new(len + 16.0, SCALE_BAR_HEIGHT),
    );
    let mut c = Canvas::default();
    c.push(Prim::Rect {
        rect: frame,
        radius: 3.0,
        fill: Color32::from_white_alpha(215),
    });
    let y = frame.bottom() - 7.0;
    let (x0, x1) = (frame.left() + 8.0, frame.left() + 8.0 + len);
    let stroke = Stroke::new(1.5, INK);
    c.line(
        vec![
            Pos2::new(x0, y - 5.0),
            Pos2::new(x0, y),
            Pos2::new(x1, y),
            Pos2::new(x1, y - 5.0),
        ],
        stroke,
    );
    c.push(Prim::Text {
        centre: Pos2::new((x0 + x1) / 2.0, frame.top() + 9.0),
        text: text.into(),
        size,
        weight: Weight::Regular,
        colour: INK,
        angle: 0.0,
        width: None,
    });
    (frame, c)
}

/// The north arrow: its rectangle, and what it draws.
pub fn north_arrow(rect: Rect) -> (Rect, Canvas) {
    let frame = Rect::from_min_size(rect.left_top() + Vec2::splat(MARGIN), Vec2::new(24.0, 34.0));
    let mut c = Canvas::default();
    c.push(Prim::Rect {
        rect: frame,
        radius: 3.0,
        fill: Color32::from_white_alpha(215),
    });
    let tip = Pos2::new(frame.center().x, frame.top() + 4.0);
    let base = frame.top() + 22.0;
    c.push(Prim::Convex {
        points: vec![
            tip,
            Pos2::new(frame.center().x + 6.0, base),
            Pos2::new(frame.center().x, base - 4.0),
            Pos2::new(frame.center().x - 6.0, base),
        ],
        fill: INK,
    });
    c.push(Prim::Text {
        centre: Pos2::new(frame.center().x, frame.bottom() - 6.0),
        // 11 points: 14.7 px on a 720p projector, like every other text on a slide.
        text: "N".into(),
        size: 11.0,
        weight: Weight::SemiBold,
        colour: INK,
        angle: 0.0,
        width: None,
    });
    (frame, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_round() {
        assert_eq!(round_length(7300.0), 5000.0);
        assert_eq!(round_length(2100.0), 2000.0);
        assert_eq!(round_length(999.0), 500.0);
        assert_eq!(round_length(f64::NAN), 1000.0);
        assert_eq!(length_text(5000.0), "5 km");
        assert_eq!(length_text(500.0), "500 m");
    }

    #[test]
    fn the_bar_measures_the_ground_at_the_map_s_latitude() {
        // Zoom 10 over the Netherlands: about 90 m per point at 52° N.
        let rect = Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0));
        let t = Transform::centred(crate::geo::geometry::to_rel(5.0, 52.0), 10.0, rect);
        let m = metres_per_point(&t, rect);
        assert!((85.0..100.0).contains(&m), "{m}");
    }
}
