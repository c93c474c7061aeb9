//! Labels, placed last and greedily by priority so they never overlap each other, a marker
//! or a reserved rectangle (legend, attribution): the focus (selection, hovered place, a
//! slide's subjects) first, then areas and hotspots by size, then other places, then towns.
//! What does not fit is left out, unless the user asks for all labels.

use egui::{Color32, Pos2, Rect, Vec2};

use crate::basemap::Basemap;
use crate::map::layer::{LabelCandidate, LabelStyle, LayerCtx, LayerOut, MapLayer};
use crate::map::layers::sub_regions::SUB_REGION_LABELS_FROM_ZOOM;
use crate::model::RegionKind;
use crate::render::canvas::{Prim, Weight};

/// At most this many labels are tried per frame; the rest would not fit anyway.
const MAX_TRIES: usize = 2500;

pub struct LabelLayer;

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

/// Type size and weight of a label style.
pub fn font_for(style: LabelStyle) -> (f32, Weight) {
    match style {
        LabelStyle::Focus => (15.0, Weight::SemiBold),
        LabelStyle::Area => (14.0, Weight::SemiBold),
        LabelStyle::Subject => (13.0, Weight::SemiBold),
        LabelStyle::Place | LabelStyle::Route => (12.0, Weight::SemiBold),
        LabelStyle::Town => (11.0, Weight::Regular),
        LabelStyle::Region => (17.0, Weight::SemiBold),
    }
}

/// The box a text of `size` covers when centred on `centre` and turned by `angle`.
fn turned_box(centre: Pos2, size: Vec2, angle: f32) -> Rect {
    let (s, c) = angle.sin_cos();
    let w = (size.x * c).abs() + (size.y * s).abs();
    let h = (size.x * s).abs() + (size.y * c).abs();
    Rect::from_center_size(centre, Vec2::new(w, h))
}

/// Places along a line: on either side of it, `gap` from its middle.
fn along_candidates(c: &LabelCandidate, size: Vec2) -> Vec<(Rect, Pos2, f32)> {
    let mut out = Vec::new();
    for &(mid, angle) in &c.along {
        let normal = Vec2::new(-angle.sin(), angle.cos());
        for side in [-1.0, 1.0] {
            let centre = mid + normal * side * (c.gap + size.y / 2.0);
            out.push((turned_box(centre, size, angle), centre, angle));
        }
    }
    out
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
    if matches!(c.style, LabelStyle::Area) {
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

/// More places for a label that must be shown: stepping away from its anchor above and
/// below, right and left; a leader line then ties it to its point.
fn far_candidates(c: &LabelCandidate, size: Vec2) -> Vec<Rect> {
    let a = c.anchor;
    let g = c.gap;
    let mut out = Vec::with_capacity(16);
    for k in 1..=4 {
        let dy = k as f32 * (size.y + 2.0);
        for sign in [-1.0, 1.0] {
            out.push(Rect::from_min_size(
                Pos2::new(a.x + g, a.y - size.y / 2.0 + sign * dy),
                size,
            ));
            out.push(Rect::from_min_size(
                Pos2::new(a.x - g - size.x, a.y - size.y / 2.0 + sign * dy),
                size,
            ));
        }
    }
    out
}

/// True for labels that are always shown.
fn must_show(style: LabelStyle) -> bool {
    matches!(style, LabelStyle::Focus | LabelStyle::Subject)
}

/// A placed label: which candidate, the box it covers, its centre and its angle.
pub struct Placed {
    pub index: usize,
    pub rect: Rect,
    pub centre: Pos2,
    pub angle: f32,
}

/// Picks rectangles for labels, best first. Nothing
/// placed overlaps another label, leaves `area` or touches `reserved`; place labels also keep
/// off markers (area names, centred in their area, may run over them). A focus label takes
/// the first free spot around its anchor, or its first spot when none is free.
pub fn place(
    candidates_in: &[LabelCandidate],
    area: Rect,
    markers: &[Rect],
    reserved: &[Rect],
    show_all: bool,
    measure: &dyn Fn(&str, f32, Weight) -> Vec2,
) -> Vec<Placed> {
    let mut order: Vec<usize> = (0..candidates_in.len()).collect();
    order.sort_by(|&a, &b| {
        candidates_in[b]
            .priority
            .total_cmp(&candidates_in[a].priority)
    });
    let mut board = Board::new(area, 64.0);
    let mut marker_board = Board::new(area, 64.0);
    // Town names keep off all a marker covers: its outline, a triangle's tips (beyond its
    // radius) and a stack mark; a basemap name half under a marker reads as neither.
    let mut town_board = Board::new(area, 64.0);
    for o in markers {
        marker_board.insert(*o);
        town_board.insert(crate::map::layers::places::marker_extent(
            o.center(),
            o.width() / 2.0,
        ));
    }
    let outside_reserved = |r: &Rect| reserved.iter().all(|x| !x.intersects(*r));
    let mut placed = Vec::new();
    for &i in order
        .iter()
        .take(if show_all { usize::MAX } else { MAX_TRIES })
    {
        let c = &candidates_in[i];
        let (size, weight) = font_for(c.style);
        // The text's box with room for its halo.
        let size_now = measure(&c.text, size, weight) + Vec2::new(6.0, 2.0);
        if !c.along.is_empty() {
            // Along its line, on the first side with room, or not at all.
            let spot = along_candidates(c, size_now).into_iter().find(|(r, _, _)| {
                area.contains_rect(*r)
                    && outside_reserved(r)
                    && board.free(*r)
                    && marker_board.free(*r)
            });
            if let Some((rect, centre, angle)) = spot {
                board.insert(rect);
                placed.push(Placed {
                    index: i,
                    rect,
                    centre,
                    angle,
                });
            }
            continue;
        }
        let options = candidates(c, size_now);
        let fits = |r: &Rect| {
            area.contains_rect(*r)
                && outside_reserved(r)
                && board.free(*r)
                && match c.style {
                    LabelStyle::Area | LabelStyle::Region => true,
                    LabelStyle::Town => town_board.free(*r),
                    _ => marker_board.free(*r),
                }
        };
        let spot = if must_show(c.style) {
            // Near first, then farther away; off other labels and the legend always, off
            // markers when there is room.
            let far = far_candidates(c, size_now);
            let all = || options.iter().chain(far.iter()).copied();
            all()
                .find(|r| fits(r))
                .or_else(|| {
                    all().find(|r| area.contains_rect(*r) && outside_reserved(r) && board.free(*r))
                })
                .or(Some(options[0]))
        } else if show_all {
            Some(options[0])
        } else {
            options.into_iter().find(|r| fits(r))
        };
        if let Some(r) = spot {
            board.insert(r);
            placed.push(Placed {
                index: i,
                rect: r,
                centre: r.center(),
                angle: 0.0,
            });
        }
    }
    placed
}

impl MapLayer for LabelLayer {
    fn paint(&self, ctx: &LayerCtx, out: &mut LayerOut) {
        let t = &ctx.t;
        let zoom = ctx.zoom;
        let basemap = Basemap::shared();
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
        for town in &basemap.towns {
            if town.population < min_population {
                break;
            }
            if ctx.view.contains(town.pos) {
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
                    along: Vec::new(),
                });
            }
        }
        if zoom < SUB_REGION_LABELS_FROM_ZOOM {
            // Region names at country zoom, hung from the region's west edge.
            let layers = &ctx.scene.layers;
            let lang = ctx.scene.lang;
            for r in &ctx.atlas.data().regions {
                // A user's organisations spread over the country: a name hung from their
                // west edge would float in the North Sea and name no area.
                if r.kind != RegionKind::Atlas
                    || r.id == crate::model::layer::USER_REGION
                    || layers.hidden_regions.contains(&r.id)
                {
                    continue;
                }
                if let Some(b) = ctx.atlas.geo.region_boxes.get(&r.id) {
                    out.labels.push(LabelCandidate {
                        text: r.name.get(lang).into(),
                        anchor: t.apply([b.min[0], (b.min[1] + b.max[1]) / 2.0]),
                        gap: 14.0,
                        priority: 5_000.0,
                        style: LabelStyle::Region,
                        along: Vec::new(),
                    });
                }
            }
        }
        let markers: Vec<Rect> = out
            .markers
            .iter()
            .map(|(_, c, r)| Rect::from_center_size(*c, Vec2::splat(2.0 * r)))
            .chain(
                out.bubbles
                    .iter()
                    .map(|b| Rect::from_center_size(b.centre, Vec2::splat(2.0 * b.radius))),
            )
            .collect();
        let labels = std::mem::take(&mut out.labels);
        let placed = place(
            &labels,
            ctx.rect.shrink(2.0),
            &markers,
            ctx.reserved,
            ctx.scene.layers.all_labels,
            ctx.measure,
        );
        for Placed {
            index,
            rect: r,
            centre,
            angle,
        } in placed
        {
            let Some(c) = labels.get(index) else { continue };
            let (size, weight) = font_for(c.style);
            // A label set away from its point gets a thin leader line to it.
            let near = !c.along.is_empty() || r.expand(c.gap + 2.0).contains(c.anchor);
            if !near {
                let end = Pos2::new(
                    c.anchor.x.clamp(r.left(), r.right()),
                    c.anchor.y.clamp(r.top(), r.bottom()),
                );
                out.canvas.line(
                    vec![c.anchor, end],
                    egui::Stroke::new(1.0, Color32::from_gray(60)),
                );
            }
            let (colour, halo) = match c.style {
                // A light halo: a route or an outline through a town's name (the Lelylijn
                // ends at Lelystad) passes under it instead of striking it through.
                LabelStyle::Town => (Color32::from_gray(95), Some(Color32::from_white_alpha(215))),
                LabelStyle::Focus => (
                    Color32::BLACK,
                    Some(Color32::from_rgba_unmultiplied(255, 236, 170, 235)),
                ),
                LabelStyle::Area => (Color32::from_gray(25), Some(Color32::from_white_alpha(170))),
                LabelStyle::Region => (Color32::from_rgb(30, 50, 80), None),
                LabelStyle::Route => (Color32::from_gray(30), None),
                LabelStyle::Subject | LabelStyle::Place => {
                    (Color32::from_gray(20), Some(Color32::from_white_alpha(205)))
                }
            };
            if let Some(bg) = halo.filter(|_| angle == 0.0) {
                out.canvas.push(Prim::Rect {
                    rect: r.shrink2(Vec2::new(0.0, 1.0)),
                    radius: 3.0,
                    fill: bg,
                });
            }
            out.canvas.push(Prim::Text {
                centre,
                text: c.text.clone(),
                size,
                weight,
                colour,
                angle,
                width: Some((ctx.measure)(&c.text, size, weight).x),
            });
            out.placed_labels.push((r, c.style, c.text.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rough text size, as if every character were 0.56 em wide.
    fn rough(text: &str, size: f32, _: Weight) -> Vec2 {
        Vec2::new(text.chars().count() as f32 * size * 0.56, size * 1.3)
    }

    fn cand(text: &str, x: f32, priority: f32) -> LabelCandidate {
        LabelCandidate {
            text: text.into(),
            anchor: Pos2::new(x, 100.0),
            gap: 5.0,
            priority,
            style: LabelStyle::Place,
            along: Vec::new(),
        }
    }

    #[test]
    fn overlapping_labels_keep_the_higher_priority_one() {
        let area = Rect::from_min_size(Pos2::ZERO, Vec2::new(400.0, 200.0));
        let c = vec![
            cand("Low priority place", 100.0, 1.0),
            cand("High priority place", 102.0, 9.0),
        ];
        let placed = place(&c, area, &[], &[], false, &rough);
        assert!(placed.iter().any(|p| p.index == 1));
        for a in &placed {
            for b in &placed {
                assert!(a.index == b.index || !a.rect.intersects(b.rect));
            }
        }
    }

    #[test]
    fn show_all_places_every_label() {
        let area = Rect::from_min_size(Pos2::ZERO, Vec2::new(400.0, 200.0));
        let c: Vec<_> = (0..6).map(|i| cand("Same spot", 100.0, i as f32)).collect();
        assert_eq!(place(&c, area, &[], &[], true, &rough).len(), 6);
        assert!(place(&c, area, &[], &[], false, &rough).len() <= 4);
    }
}
