//! Labels, placed greedily by priority so they never overlap: the selected and hovered place
//! first, then areas and hotspots by size, then other places, then towns. What does not fit is
//! left out, unless the user asks for all labels.

use egui::{Align2, Color32, FontId, Pos2, Rect, Response, Ui, Vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::{LabelCandidate, LabelStyle, SharedOut};
use crate::basemap::Basemap;
use crate::style::semibold;

/// At most this many labels are tried per frame; the rest would not fit anyway.
const MAX_TRIES: usize = 2500;

pub struct LabelLayer<'a> {
    pub basemap: &'a Basemap,
    /// Region names with the point their label hangs from (west edge, middle height).
    pub regions: Vec<(std::sync::Arc<str>, crate::geo::geometry::Rel)>,
    pub show_all: bool,
    /// Extra scale for type (presenter mode).
    pub scale: f32,
    pub out: SharedOut<'a>,
}

/// Uniform grid over the screen holding placed rectangles, for quick overlap tests.
pub struct Board {
    cell: f32,
    origin: Pos2,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<Rect>>,
}

impl Board {
    pub fn new(area: Rect, cell: f32) -> Board {
        let cols = ((area.width() / cell).ceil() as usize).max(1);
        let rows = ((area.height() / cell).ceil() as usize).max(1);
        Board {
            cell,
            origin: area.min,
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
        }
    }

    fn span(&self, r: Rect) -> (usize, usize, usize, usize) {
        let c = |x: f32, n: usize| ((x / self.cell).floor().max(0.0) as usize).min(n - 1);
        (
            c(r.min.x - self.origin.x, self.cols),
            c(r.max.x - self.origin.x, self.cols),
            c(r.min.y - self.origin.y, self.rows),
            c(r.max.y - self.origin.y, self.rows),
        )
    }

    pub fn free(&self, r: Rect) -> bool {
        let (x0, x1, y0, y1) = self.span(r);
        for y in y0..=y1 {
            for x in x0..=x1 {
                if self.cells[y * self.cols + x]
                    .iter()
                    .any(|o| o.intersects(r))
                {
                    return false;
                }
            }
        }
        true
    }

    pub fn insert(&mut self, r: Rect) {
        let (x0, x1, y0, y1) = self.span(r);
        for y in y0..=y1 {
            for x in x0..=x1 {
                self.cells[y * self.cols + x].push(r);
            }
        }
    }
}

fn font_for(style: LabelStyle, scale: f32) -> FontId {
    match style {
        LabelStyle::Focus => semibold(15.0 * scale),
        LabelStyle::Area => semibold(14.0 * scale),
        LabelStyle::Place => semibold(12.0 * scale),
        LabelStyle::Town => FontId::proportional(11.0 * scale),
        LabelStyle::Region => semibold(17.0 * scale),
    }
}

/// Rough text size without laying the text out; good enough to test for room first.
fn estimate(text: &str, font: &FontId) -> Vec2 {
    Vec2::new(
        text.chars().count() as f32 * font.size * 0.56 + 6.0,
        font.size * 1.3 + 2.0,
    )
}

/// Where a label may go around its anchor: right, left, above, below.
fn candidates(c: &LabelCandidate, size: Vec2) -> [Rect; 4] {
    let a = c.anchor;
    let g = c.gap;
    if c.style == LabelStyle::Region {
        let left = Rect::from_min_size(Pos2::new(a.x - g - size.x, a.y - size.y / 2.0), size);
        return [
            left,
            left.translate(Vec2::new(0.0, size.y)),
            left.translate(Vec2::new(0.0, -size.y)),
            left,
        ];
    }
    if c.style == LabelStyle::Area {
        let centred = Rect::from_center_size(a, size);
        return [
            centred,
            centred.translate(Vec2::new(0.0, size.y)),
            centred.translate(Vec2::new(0.0, -size.y)),
            centred,
        ];
    }
    [
        Rect::from_min_size(Pos2::new(a.x + g, a.y - size.y / 2.0), size),
        Rect::from_min_size(Pos2::new(a.x - g - size.x, a.y - size.y / 2.0), size),
        Rect::from_min_size(Pos2::new(a.x - size.x / 2.0, a.y - g - size.y), size),
        Rect::from_min_size(Pos2::new(a.x - size.x / 2.0, a.y + g), size),
    ]
}

/// Picks rectangles for labels, best first; returns (candidate index, rectangle).
pub fn place(
    candidates_in: &[LabelCandidate],
    area: Rect,
    obstacles: &[Rect],
    show_all: bool,
    scale: f32,
) -> Vec<(usize, Rect)> {
    let mut order: Vec<usize> = (0..candidates_in.len()).collect();
    order.sort_by(|&a, &b| {
        candidates_in[b]
            .priority
            .total_cmp(&candidates_in[a].priority)
    });
    // Labels never overlap each other; place labels also keep off markers, while area
    // names (centred in their area) may run over them.
    let mut board = Board::new(area, 64.0);
    let mut markers = Board::new(area, 64.0);
    for o in obstacles {
        markers.insert(*o);
    }
    let mut placed = Vec::new();
    for &i in order
        .iter()
        .take(if show_all { usize::MAX } else { MAX_TRIES })
    {
        let c = &candidates_in[i];
        let size = estimate(&c.text, &font_for(c.style, scale));
        let options = candidates(c, size);
        let spot = if show_all || c.style == LabelStyle::Focus {
            Some(options[0])
        } else {
            options.into_iter().find(|r| {
                area.contains_rect(*r)
                    && board.free(*r)
                    && (c.style == LabelStyle::Area || markers.free(*r))
            })
        };
        if let Some(r) = spot {
            board.insert(r);
            placed.push((i, r));
        }
    }
    placed
}

impl Plugin for LabelLayer<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        _: &MapMemory,
    ) {
        let rect = response.rect;
        let zoom = projector.zoom();
        let mut out = self.out.borrow_mut();
        let Some(t) = out.transform else {
            return;
        };
        // Towns fill the gaps: the larger ones at country zoom, more as the user zooms in.
        let min_population = if zoom < 8.0 {
            150_000
        } else if zoom < 9.0 {
            60_000
        } else if zoom < 10.0 {
            20_000
        } else {
            5_000
        };
        let view = t.view_box(rect);
        for town in &self.basemap.towns {
            if town.population < min_population {
                break;
            }
            if view.contains(town.pos) {
                out.labels.push(LabelCandidate {
                    text: town.name.as_str().into(),
                    anchor: t.apply(town.pos),
                    gap: 7.0,
                    // Large towns orient the reader, so they outrank the minor places.
                    priority: if town.population >= 50_000 {
                        260.0 + town.population as f32 / 100_000.0
                    } else {
                        town.population as f32 / 1_000_000.0
                    },
                    style: LabelStyle::Town,
                });
            }
        }
        if zoom < crate::map::layers::sub_regions::SUB_REGION_LABELS_FROM_ZOOM {
            for (name, anchor) in &self.regions {
                out.labels.push(LabelCandidate {
                    text: name.clone(),
                    anchor: t.apply(*anchor),
                    gap: 14.0,
                    priority: 5_000.0,
                    style: LabelStyle::Region,
                });
            }
        }
        let obstacles: Vec<Rect> = out
            .markers
            .iter()
            .map(|(_, c, r)| Rect::from_center_size(*c, Vec2::splat(2.0 * r)))
            .collect();
        let labels = std::mem::take(&mut out.labels);
        let placed = place(
            &labels,
            rect.shrink(2.0),
            &obstacles,
            self.show_all,
            self.scale,
        );
        let painter = ui.painter_at(rect);
        for (i, r) in placed {
            let Some(c) = labels.get(i) else { continue };
            let font = font_for(c.style, self.scale);
            let (text_colour, halo) = match c.style {
                LabelStyle::Town => (Color32::from_gray(95), None),
                LabelStyle::Focus => (
                    Color32::BLACK,
                    Some(Color32::from_rgba_unmultiplied(255, 236, 170, 235)),
                ),
                LabelStyle::Area => (Color32::from_gray(25), Some(Color32::from_white_alpha(170))),
                LabelStyle::Region => (Color32::from_rgb(30, 50, 80), None),
                LabelStyle::Place => (Color32::from_gray(20), Some(Color32::from_white_alpha(205))),
            };
            let galley = painter.layout_no_wrap(c.text.to_string(), font, text_colour);
            let text_rect = Align2::CENTER_CENTER.anchor_size(r.center(), galley.size());
            if let Some(bg) = halo {
                painter.rect_filled(text_rect.expand2(Vec2::new(3.0, 1.0)), 3.0, bg);
            }
            painter.galley(text_rect.min, galley, text_colour);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(text: &str, x: f32, priority: f32) -> LabelCandidate {
        LabelCandidate {
            text: text.into(),
            anchor: Pos2::new(x, 100.0),
            gap: 5.0,
            priority,
            style: LabelStyle::Place,
        }
    }

    #[test]
    fn overlapping_labels_keep_the_higher_priority_one() {
        let area = Rect::from_min_size(Pos2::ZERO, Vec2::new(400.0, 200.0));
        let c = vec![
            cand("Low priority place", 100.0, 1.0),
            cand("High priority place", 102.0, 9.0),
        ];
        let placed = place(&c, area, &[], false, 1.0);
        assert!(placed.iter().any(|(i, _)| *i == 1));
        for (a, ra) in &placed {
            for (b, rb) in &placed {
                assert!(a == b || !ra.intersects(*rb));
            }
        }
    }

    #[test]
    fn show_all_places_every_label() {
        let area = Rect::from_min_size(Pos2::ZERO, Vec2::new(400.0, 200.0));
        let c: Vec<_> = (0..6).map(|i| cand("Same spot", 100.0, i as f32)).collect();
        assert_eq!(place(&c, area, &[], true, 1.0).len(), 6);
        assert!(place(&c, area, &[], false, 1.0).len() <= 4);
    }
}
