//! Where the map looks, and the short flight from one view to the next.

use super::geometry::{BBox, Rel, from_rel, to_rel};

/// Zoom limits: below 6.5 the neighbouring countries' cut edges show; above 13 the basemap's
/// 150 m accuracy shows.
pub const MIN_ZOOM: f64 = 6.5;
pub const MAX_ZOOM: f64 = 13.0;
/// Seconds a flight takes.
pub const FLIGHT_SECONDS: f64 = 0.6;
/// The map centre stays within this box (lon, lat), so the country never drifts off screen.
pub const CENTRE_LON: (f64, f64) = (2.5, 8.0);
pub const CENTRE_LAT: (f64, f64) = (50.3, 54.0);

/// Room taken from the sides of a map (in points) by something drawn over it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Insets {
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

/// A view: centre (relative Mercator) and zoom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub centre: Rel,
    pub zoom: f64,
}

impl View {
    /// The view that shows `bbox` inside a map of `size` points, with a margin.
    pub fn fit(bbox: BBox, size: egui::Vec2, margin: f32) -> View {
        View::fit_in(bbox, size, margin, Insets::default())
    }

    /// The view that shows `bbox` in the part of a map of `size` points left free by
    /// `insets` (a legend along one side), with a margin.
    pub fn fit_in(bbox: BBox, size: egui::Vec2, margin: f32, insets: Insets) -> View {
        if bbox.is_empty() || !bbox.min[0].is_finite() || !bbox.max[1].is_finite() {
            // Nothing to show (a dataset without mapped places): the middle of the country.
            return View {
                centre: to_rel(5.3, 52.2),
                zoom: 7.5,
            };
        }
        let w = f64::from((bbox.max[0] - bbox.min[0]).max(1e-6));
        let h = f64::from((bbox.max[1] - bbox.min[1]).max(1e-6));
        let free_w = size.x - insets.left - insets.right;
        let free_h = size.y - insets.top - insets.bottom;
        let avail_w = f64::from((free_w - 2.0 * margin).max(50.0));
        let avail_h = f64::from((free_h - 2.0 * margin).max(50.0));
        // Pixels per world at zoom z is 256·2^z; the box must fit both ways.
        let zoom = (avail_w / (w * 256.0))
            .log2()
            .min((avail_h / (h * 256.0)).log2())
            .clamp(MIN_ZOOM, MAX_ZOOM);
        // The box's centre goes to the centre of the free part, not of the whole map.
        let per_pt = (1.0 / (256.0 * 2f64.powf(zoom))) as f32;
        let shift = [
            (insets.left - insets.right) / 2.0 * per_pt,
            (insets.top - insets.bottom) / 2.0 * per_pt,
        ];
        let c = bbox.center();
        View {
            centre: [c[0] - shift[0], c[1] - shift[1]],
            zoom,
        }
        .clamped()
    }

    /// The area this view shows on a map of `size` points.
    pub fn extent(&self, size: egui::Vec2) -> BBox {
        let per_pt = (1.0 / (256.0 * 2f64.powf(self.zoom))) as f32;
        let half = [size.x * per_pt / 2.0, size.y * per_pt / 2.0];
        BBox {
            min: [self.centre[0] - half[0], self.centre[1] - half[1]],
            max: [self.centre[0] + half[0], self.centre[1] + half[1]],
        }
    }

    /// Keeps the centre and zoom inside the allowed range.
    pub fn clamped(self) -> View {
        let (lon, lat) = from_rel(self.centre);
        let finite = |v: f64, fallback: f64| if v.is_finite() { v } else { fallback };
        let lon = finite(lon, 5.3).clamp(CENTRE_LON.0, CENTRE_LON.1);
        let lat = finite(lat, 52.2).clamp(CENTRE_LAT.0, CENTRE_LAT.1);
        View {
            centre: to_rel(lon, lat),
            zoom: finite(self.zoom, 7.5).clamp(MIN_ZOOM, MAX_ZOOM),
        }
    }

    pub fn position(&self) -> walkers::Position {
        let (lon, lat) = from_rel(self.centre);
        walkers::lon_lat(lon, lat)
    }
}

/// A flight in progress.
#[derive(Debug, Clone, Copy)]
struct Flight {
    from: View,
    to: View,
    start: f64,
    seconds: f64,
}

/// Drives `MapMemory` during flights; idle otherwise.
#[derive(Debug, Default)]
pub struct Camera {
    flight: Option<Flight>,
}

fn smoothstep(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

impl Camera {
    pub fn fly(&mut self, from: View, to: View, now: f64) {
        self.fly_for(from, to, now, FLIGHT_SECONDS);
    }

    /// A flight of a chosen length (slides fly slower, so an audience can follow).
    pub fn fly_for(&mut self, from: View, to: View, now: f64, seconds: f64) {
        self.flight = Some(Flight {
            from,
            to: to.clamped(),
            start: now,
            seconds: seconds.max(0.05),
        });
    }

    /// Where the flight under way ends.
    pub fn destination(&self) -> Option<View> {
        self.flight.map(|f| f.to)
    }

    pub fn is_flying(&self) -> bool {
        self.flight.is_some()
    }

    /// The view at time `now`, or `None` when no flight is going on.
    pub fn step(&mut self, now: f64) -> Option<View> {
        let f = self.flight?;
        let t = ((now - f.start) / f.seconds).clamp(0.0, 1.0);
        let e = smoothstep(t);
        let lerp = |a: f32, b: f32| a + (b - a) * e as f32;
        // Zoom out a little mid-flight when the hop is long, so the user sees where it goes.
        let dx = f64::from(f.to.centre[0] - f.from.centre[0]);
        let dy = f64::from(f.to.centre[1] - f.from.centre[1]);
        let hop_px = (dx * dx + dy * dy).sqrt() * 256.0 * 2f64.powf(f.from.zoom.min(f.to.zoom));
        let bump = (hop_px / 800.0).min(1.5) * (std::f64::consts::PI * t).sin();
        let view = View {
            centre: [
                lerp(f.from.centre[0], f.to.centre[0]),
                lerp(f.from.centre[1], f.to.centre[1]),
            ],
            zoom: (f.from.zoom + (f.to.zoom - f.from.zoom) * e - bump).max(MIN_ZOOM),
        };
        if t >= 1.0 {
            self.flight = None;
            return Some(f.to);
        }
        Some(view)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_the_netherlands_gives_a_country_zoom() {
        let mut b = BBox::EMPTY;
        b.add(to_rel(3.36, 50.75));
        b.add(to_rel(7.23, 53.55));
        let v = View::fit(b, egui::vec2(1920.0, 1080.0), 20.0);
        assert!((7.0..9.0).contains(&v.zoom), "{}", v.zoom);
    }

    #[test]
    fn an_empty_extent_gives_a_sane_view() {
        let v = View::fit(BBox::EMPTY, egui::vec2(800.0, 600.0), 20.0);
        assert!(v.centre[0].is_finite() && v.zoom.is_finite());
        let nan = View {
            centre: [f32::NAN, f32::NAN],
            zoom: f64::NAN,
        }
        .clamped();
        assert!(nan.centre[0].is_finite() && nan.zoom.is_finite());
    }

    #[test]
    fn a_legend_on_the_right_moves_the_subject_left() {
        let b = BBox {
            min: [0.01, 0.01],
            max: [0.011, 0.011],
        };
        let size = egui::vec2(1000.0, 600.0);
        let plain = View::fit(b, size, 0.0);
        let inset = Insets {
            right: 300.0,
            ..Insets::default()
        };
        let v = View::fit_in(b, size, 0.0, inset);
        // The centre of the view lies right of the box's centre: the box sits left.
        assert!(v.centre[0] > plain.centre[0]);
        assert!(v.zoom <= plain.zoom);
        // The box's right edge stays left of the inset.
        let per_pt = 1.0 / (256.0 * 2f64.powf(v.zoom)) as f32;
        let right_edge_px = (b.max[0] - v.centre[0]) / per_pt + 500.0;
        assert!(right_edge_px <= 700.5, "{right_edge_px}");
    }

    #[test]
    fn a_flight_ends_exactly_at_its_target() {
        let mut c = Camera::default();
        let a = View {
            centre: to_rel(4.3, 52.0),
            zoom: 8.0,
        };
        let b = View {
            centre: to_rel(6.5, 53.2),
            zoom: 9.0,
        };
        c.fly(a, b, 10.0);
        let mid = c.step(10.3).expect("flying");
        assert!(mid.zoom < 9.0);
        let end = c.step(11.0).expect("last step");
        assert_eq!(end.zoom, b.zoom);
        assert!(c.step(11.1).is_none());
    }
}
