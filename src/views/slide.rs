//! A slide on screen: the title band, the map (or a chart, or a comparison) with a legend of
//! what it shows, and the sources underneath. Presenter mode, the presenter's pictures and
//! every slide export draw slides with this one function, so they cannot differ.
//!
//! Nothing is ever cut off: the title wraps and, when it would need more than two lines,
//! shrinks; the caption and the sources wrap; the legend and the basemap credit are reserved
//! rectangles that map labels keep off.

use egui::{Color32, FontId, Rect, Ui, Vec2};

use crate::command::Command;
use crate::deck::{Slide, SlideView};
use crate::geo::camera::Insets;
use crate::geo::geometry::BBox;
use crate::i18n::tr;
use crate::map::layer::{LayerOut, Target};
use crate::map::{MapView, framing};
use crate::render::canvas::Canvas;
use crate::scene::CameraGoal;
use crate::state::AppState;
use crate::style;

/// Projector colours: black on white, nothing pale.
pub const INK: Color32 = Color32::from_gray(12);
pub const INK_SOFT: Color32 = Color32::from_gray(55);
pub const PAPER: Color32 = Color32::WHITE;

/// Title sizes tried in turn until the title fits on two lines.
const TITLE_SIZES: [f32; 5] = [26.0, 23.0, 20.5, 18.0, 16.0];

/// How the slide's map is drawn: the live, flying map of presenter mode, or a still picture
/// for a file (raster, or vector for SVG/PDF).
pub enum SlideMap<'a> {
    Live(&'a mut MapView),
    Still(Target),
}

/// What the slide is, besides its scene: its words and where it stands in the deck.
pub struct SlideWords<'a> {
    pub slide: &'a Slide,
    /// "3 / 24".
    pub counter: &'a str,
    /// Digits typed so far for a jump ("→ 12"), empty when none.
    pub typed: &'a str,
    /// The sources line, made once per slide.
    pub sources: &'a str,
}

/// Where things went, for tests that check nothing is clipped or covered.
#[derive(Debug)]
pub struct SlideLayout {
    pub header: Rect,
    pub footer: Rect,
    pub body: Rect,
    pub title_size: f32,
    pub legend: Option<Rect>,
    /// The part of a map slide its subjects are framed in: the map less the legend beside
    /// it and the band of scale bar and credits under it.
    pub map_frame: Option<Rect>,
    /// What the map's layers drew (markers, placed labels); `None` for a chart or comparison.
    pub map: Option<LayerOut>,
}

impl Default for SlideLayout {
    fn default() -> Self {
        SlideLayout {
            header: Rect::NOTHING,
            footer: Rect::NOTHING,
            body: Rect::NOTHING,
            title_size: TITLE_SIZES[0],
            legend: None,
            map_frame: None,
            map: None,
        }
    }
}

/// Sets a projector theme on a UI: light, high contrast, no faint text.
pub fn projector_style(ui: &mut Ui) {
    let style = ui.style_mut();
    style.visuals = egui::Visuals::light();
    style.visuals.override_text_color = Some(INK);
    style.visuals.panel_fill = PAPER;
    style.visuals.window_fill = PAPER;
    style.visuals.extreme_bg_color = PAPER;
    style.visuals.widgets.noninteractive.fg_stroke.color = INK;
    style.visuals.widgets.noninteractive.bg_stroke.color = Color32::from_gray(120);
    // The slide's body is disabled so nothing on it reacts to a stray mouse (no crosshairs,
    // no tooltips); it must not look faded for that.
    style.visuals.disabled_alpha = 1.0;
}

/// The largest title size at which `title` takes at most two lines of `width`.
pub fn title_size(ui: &Ui, title: &str, width: f32) -> f32 {
    for size in TITLE_SIZES {
        let rows = ui
            .painter()
            .layout(title.to_string(), style::semibold(size), INK, width)
            .rows
            .len();
        if rows <= 2 {
            return size;
        }
    }
    TITLE_SIZES[TITLE_SIZES.len() - 1]
}

/// Margins of the title band and the footer, in points.
const BAND_MARGIN: Vec2 = Vec2::new(18.0, 8.0);

/// The words of a slide laid out for a width: title (shrunk to fit two lines), caption,
/// counter and sources, and the heights of the bands they need.
struct Bands {
    counter: std::sync::Arc<egui::Galley>,
    title: std::sync::Arc<egui::Galley>,
    title_size: f32,
    caption: Option<std::sync::Arc<egui::Galley>>,
    sources: Option<std::sync::Arc<egui::Galley>>,
    header_h: f32,
    footer_h: f32,
}

fn lay_out_bands(ui: &Ui, words: &SlideWords, lang: crate::model::Lang, width: f32) -> Bands {
    let painter = ui.painter();
    let inner = (width - 2.0 * BAND_MARGIN.x).max(120.0);
    let counter_text = if words.typed.is_empty() {
        words.counter.to_string()
    } else {
        format!("→ {}   {}", words.typed, words.counter)
    };
    let counter = painter.layout_no_wrap(counter_text, FontId::proportional(13.0), INK_SOFT);
    let title_w = (inner - counter.size().x - 24.0).max(120.0);
    let title_size = title_size(ui, &words.slide.title, title_w);
    let title = painter.layout(
        words.slide.title.clone(),
        style::semibold(title_size),
        INK,
        title_w,
    );
    let caption = (!words.slide.caption.is_empty()).then(|| {
        painter.layout(
            words.slide.caption.clone(),
            FontId::proportional(15.0),
            INK,
            inner,
        )
    });
    let sources = (!words.sources.is_empty()).then(|| {
        painter.layout(
            format!("{}: {}", tr(lang, "present.sources"), words.sources),
            FontId::proportional(11.0),
            INK_SOFT,
            inner,
        )
    });
    let header_h = 2.0 * BAND_MARGIN.y
        + title.size().y.max(counter.size().y)
        + caption.as_ref().map_or(0.0, |c| 4.0 + c.size().y);
    let footer_h = sources
        .as_ref()
        .map_or(0.0, |g| 2.0 * BAND_MARGIN.y + g.size().y);
    Bands {
        counter,
        title,
        title_size,
        caption,
        sources,
        header_h,
        footer_h,
    }
}

/// Paints a laid-out text and gives it a node for screen readers and tests.
fn text_at(ui: &mut Ui, pos: egui::Pos2, galley: std::sync::Arc<egui::Galley>, colour: Color32) {
    let rect = Rect::from_min_size(pos, galley.size());
    let text = galley.text().to_string();
    let id = ui
        .scope_id()
        .with(("slide-text", pos.x.to_bits(), pos.y.to_bits()));
    let resp = ui.interact(rect, id, egui::Sense::hover());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
    ui.painter().galley(pos, galley, colour);
}

/// One row of a slide's legend.
enum LegendRow {
    Sector(Color32, String),
    Route(Color32, String),
    More(usize),
}

const LEGEND_ROW: f32 = 15.0;
/// The widest a slide's legend gets, as a share of the map's width.
const LEGEND_MAX_SHARE: f32 = 0.45;
/// The most rows a slide's legend has, its "+N more" row included.
const MAX_LEGEND_ROWS: usize = 12;
const LEGEND_FONT: f32 = 11.0;

/// The legend of a map slide: the sectors of what the slide is about first, then the
/// sectors of the other markers in view by how many there are, then the routes in view; as
/// many rows as fit in `max_height`.
fn legend_rows(state: &AppState, extent: &BBox, max_height: f32) -> Vec<LegendRow> {
    let d = state.atlas.data();
    let geo = &state.atlas.geo;
    let lang = state.lang();
    let scene = &state.scene;
    let mut first: Vec<&str> = Vec::new();
    for id in scene.subjects.iter().chain(scene.selection.iter()) {
        if let Some(p) = d.place(id) {
            for s in &p.sectors {
                if scene.passes(std::slice::from_ref(s)) && !first.contains(&s.as_str()) {
                    first.push(s);
                }
            }
        }
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for &i in &state.visible.places {
        let (Some(g), Some(p)) = (geo.places.get(i), d.places.get(i)) else {
            continue;
        };
        if !extent.contains(g.pos) {
            continue;
        }
        let Some(sector) = p.sectors.first() else {
            continue;
        };
        match counts.iter_mut().find(|(s, _)| *s == sector.as_str()) {
            Some(e) => e.1 += 1,
            None => counts.push((sector.as_str(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut sectors = first;
    for (s, _) in counts {
        if !sectors.contains(&s) {
            sectors.push(s);
        }
    }
    let mut rows: Vec<LegendRow> = sectors
        .iter()
        .filter_map(|id| d.sector(id))
        .map(|s| {
            LegendRow::Sector(
                state.atlas.sector_colour(&s.id),
                s.label.get(lang).to_string(),
            )
        })
        .collect();
    let mut routes = Vec::new();
    if scene.layers.routes {
        for (i, r) in geo.routes.iter().enumerate() {
            let shown = state.visible.routes.get(i).copied().unwrap_or(false);
            // A line through the view counts even with no point of it inside.
            let crosses = r
                .points
                .windows(2)
                .any(|w| segment_meets_box(w[0], w[1], extent));
            if shown && crosses {
                routes.push(LegendRow::Route(r.colour, r.name(lang).to_string()));
            }
        }
    }
    // A legend longer than a dozen rows is not read in a room: the sectors are cut (the
    // subjects' come first, so theirs stay), with a "+N more" row; the routes in view are
    // always listed.
    let fit = (((max_height - 8.0) / LEGEND_ROW).floor() as usize)
        .clamp(1, MAX_LEGEND_ROWS)
        .max(routes.len() + 1);
    let sector_room = fit - routes.len();
    if rows.len() > sector_room {
        let hidden = rows.len() - (sector_room - 1);
        rows.truncate(sector_room - 1);
        rows.push(LegendRow::More(hidden));
    }
    rows.extend(routes);
    rows
}

/// Whether the segment from `a` to `b` passes through `b0` (Liang–Barsky clipping): a
/// diagonal segment's bounding box can overlap a view the segment itself misses.
fn segment_meets_box(a: [f32; 2], b: [f32; 2], b0: &BBox) -> bool {
    let (mut t0, mut t1) = (0.0_f32, 1.0_f32);
    let d = [b[0] - a[0], b[1] - a[1]];
    for k in 0..2 {
        for (p, q) in [(-d[k], a[k] - b0.min[k]), (d[k], b0.max[k] - a[k])] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
    }
    t0 <= t1
}

/// Lays out the legend in the map's top-right corner; returns its rectangle and rows.
fn legend_rect(ui: &Ui, map: Rect, rows: &[LegendRow], lang: crate::model::Lang) -> Option<Rect> {
    if rows.is_empty() {
        return None;
    }
    let font = FontId::proportional(LEGEND_FONT);
    let width = rows
        .iter()
        .map(|r| {
            let text = row_text(r, lang);
            ui.painter()
                .layout_no_wrap(text, font.clone(), INK)
                .size()
                .x
        })
        .fold(0.0_f32, f32::max)
        + 36.0;
    let width = width.min(map.width() * LEGEND_MAX_SHARE);
    let height = LEGEND_ROW * rows.len() as f32 + 8.0;
    Some(Rect::from_min_size(
        map.right_top() + Vec2::new(-width - 8.0, 8.0),
        Vec2::new(width, height),
    ))
}

fn row_text(row: &LegendRow, lang: crate::model::Lang) -> String {
    match row {
        LegendRow::Sector(_, t) | LegendRow::Route(_, t) => t.clone(),
        LegendRow::More(n) => format!("+{n} {}", tr(lang, "present.legend_more")),
    }
}

fn paint_legend(ui: &Ui, r: Rect, rows: &[LegendRow], lang: crate::model::Lang) {
    let painter = ui.painter().clone();
    painter.rect_filled(r, 4.0, Color32::from_white_alpha(240));
    painter.rect_stroke(
        r,
        4.0,
        egui::Stroke::new(0.5, Color32::from_gray(150)),
        egui::StrokeKind::Inside,
    );
    let font = FontId::proportional(LEGEND_FONT);
    for (k, row) in rows.iter().enumerate() {
        let y = r.top() + 4.0 + LEGEND_ROW * (k as f32 + 0.5);
        let mark = egui::pos2(r.left() + 13.0, y);
        match row {
            LegendRow::Sector(c, _) => {
                painter.circle_filled(mark, 4.5, *c);
            }
            LegendRow::Route(c, _) => {
                let mut canvas = Canvas::default();
                crate::map::layers::routes::paint_route(
                    &mut canvas,
                    vec![mark - Vec2::new(8.0, 0.0), mark + Vec2::new(8.0, 0.0)],
                    *c,
                );
                canvas.paint(&painter);
            }
            LegendRow::More(_) => {}
        }
        let text_w = (r.width() - 30.0).max(20.0);
        let galley = painter.layout(row_text(row, lang), font.clone(), INK, text_w);
        painter.galley(
            egui::pos2(r.left() + 25.0, y - galley.size().y / 2.0),
            galley,
            INK,
        );
    }
}

/// The map of a slide with its legend; returns the legend's rectangle, the part of the map
/// the subjects are framed in and what was drawn.
fn map_body(
    ui: &mut Ui,
    state: &AppState,
    map: SlideMap,
    out: &mut Vec<Command>,
) -> (Option<Rect>, Rect, LayerOut) {
    let rect = ui.max_rect();
    let lang = state.lang();
    let camera = &state.scene.camera;
    // The subjects are framed in the part of the map the legend leaves free, above the
    // bottom band of scale bar and basemap credit (a subject near the bottom edge would
    // otherwise sit under them).
    let (credit, _) = crate::map::attribution_rect(ui, rect, lang);
    let band_top = credit
        .top()
        .min(rect.bottom() - crate::map::furniture::BOTTOM_BAND);
    // What the legend lists: what the slide's camera will show (or shows, when free). The
    // legend's own width is not known yet, so it is first laid out for the view with the
    // widest legend there can be (framing in less room only zooms out, so that view shows
    // at least what the map will); the map is framed beside that legend, and the legend is
    // then cut down to what this view really shows (fewer rows, never more, so it stays
    // inside the room the framing left it).
    let widest = Insets {
        right: rect.width() * LEGEND_MAX_SHARE + 16.0,
        bottom: rect.bottom() - band_top + 4.0,
        ..Insets::default()
    };
    let extent = match (&map, camera) {
        (SlideMap::Live(m), CameraGoal::Free) => m.destination().extent(m.size()),
        _ => framing::still_view(&state.atlas, camera, rect.size(), widest).extent(rect.size()),
    };
    let rows = legend_rows(state, &extent, rect.height() * 0.8);
    let first = legend_rect(ui, rect, &rows, lang);
    let insets = Insets {
        right: first.map_or(0.0, |l| rect.right() - l.left() + 8.0),
        bottom: rect.bottom() - band_top + 4.0,
        ..Insets::default()
    };
    let rows = match (&map, camera) {
        (SlideMap::Live(_), CameraGoal::Free) => rows,
        _ => {
            let shown = framing::still_view(&state.atlas, camera, rect.size(), insets);
            legend_rows(state, &shown.extent(rect.size()), rect.height() * 0.8)
        }
    };
    let legend = legend_rect(ui, rect, &rows, lang);
    let reserved: Vec<Rect> = legend.iter().copied().collect();
    let frame = Rect::from_min_max(
        rect.min + Vec2::new(insets.left, insets.top),
        rect.max - Vec2::new(insets.right, insets.bottom),
    );
    let drawn = match map {
        SlideMap::Live(m) => {
            m.insets = insets;
            m.ui(
                ui,
                &state.atlas,
                &state.scene,
                &state.visible,
                None,
                &reserved,
                out,
            );
            std::mem::take(&mut m.last_frame)
        }
        SlideMap::Still(target) => crate::map::paint_still(
            ui,
            rect,
            &state.atlas,
            &state.scene,
            &state.visible,
            &reserved,
            insets,
            target,
        ),
    };
    if let Some(r) = legend {
        paint_legend(ui, r, &rows, lang);
    }
    (legend, frame, drawn)
}

/// Draws a whole slide in `ui`: title band, body and sources, laid out in one pass from
/// measured text (no panel remembers a size from an earlier frame). Commands from the body
/// (a chart's or comparison's buttons) are dropped: a slide is shown, not used.
pub fn slide_ui(
    ui: &mut Ui,
    state: &AppState,
    words: &SlideWords,
    map: SlideMap,
    compare: &mut super::compare::CompareView,
) -> SlideLayout {
    projector_style(ui);
    let lang = state.lang();
    let full = ui.max_rect();
    ui.painter().rect_filled(full, 0.0, PAPER);
    let bands = lay_out_bands(ui, words, lang, full.width());
    let header = Rect::from_min_size(full.min, Vec2::new(full.width(), bands.header_h));
    let footer = Rect::from_min_max(
        egui::pos2(full.left(), full.bottom() - bands.footer_h),
        full.max,
    );
    let body = Rect::from_min_max(
        egui::pos2(full.left(), header.bottom()),
        egui::pos2(full.right(), footer.top()),
    );
    let inner = header.shrink2(BAND_MARGIN);
    let counter_pos = egui::pos2(inner.right() - bands.counter.size().x, inner.top());
    text_at(ui, counter_pos, bands.counter, INK_SOFT);
    let title_h = bands.title.size().y;
    text_at(ui, inner.min, bands.title, INK);
    if let Some(c) = bands.caption {
        text_at(ui, inner.min + Vec2::new(0.0, title_h + 4.0), c, INK);
    }
    if let Some(g) = bands.sources {
        text_at(ui, footer.shrink2(BAND_MARGIN).min, g, INK_SOFT);
    }
    ui.painter().hline(
        full.x_range(),
        header.bottom() - 0.5,
        egui::Stroke::new(1.0, Color32::from_gray(120)),
    );
    let mut layout = SlideLayout {
        header,
        footer,
        body,
        title_size: bands.title_size,
        legend: None,
        map_frame: None,
        map: None,
    };
    let mut ignored = Vec::new();
    let slide = words.slide;
    // Plots and grids size their axes and columns from an earlier pass; a still picture has
    // none, so egui is asked for a second pass of this same frame before it is drawn.
    let still = matches!(map, SlideMap::Still(_));
    if still && slide.view != SlideView::Map && ui.ctx().current_pass_index() == 0 {
        ui.ctx()
            .request_discard("a chart's axes are measured in a first pass");
    }
    let body_ui = |ui: &mut Ui, rect: Rect, f: &mut dyn FnMut(&mut Ui)| {
        ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
            ui.set_clip_rect(rect);
            // A slide is shown, not used: nothing on it hovers or clicks.
            ui.disable();
            f(ui);
        });
    };
    match (slide.view, slide.chart) {
        (SlideView::Chart, Some(kind)) => body_ui(ui, body.shrink2(BAND_MARGIN), &mut |ui| {
            super::charts::show_chart(ui, state, kind, slide.topic.as_deref(), &mut ignored)
        }),
        (SlideView::Compare, _) => body_ui(ui, body.shrink2(BAND_MARGIN), &mut |ui| {
            compare.on_slide = true;
            super::View::ui(compare, ui, state, &mut ignored);
            compare.on_slide = false;
        }),
        _ => {
            let mut map = Some(map);
            body_ui(ui, body, &mut |ui| {
                if let Some(m) = map.take() {
                    let (legend, frame, drawn) = map_body(ui, state, m, &mut ignored);
                    layout.legend = legend;
                    layout.map_frame = Some(frame);
                    layout.map = Some(drawn);
                }
            });
        }
    }
    layout
}

/// A handout page: the slide on top and, under a rule, the speaker's notes (type shrinks a
/// little for long notes, down to 8 points; the slide never gets less than half the page).
pub fn handout_ui(
    ui: &mut Ui,
    state: &AppState,
    words: &SlideWords,
    notes: &str,
    compare: &mut super::compare::CompareView,
) -> SlideLayout {
    let lang = state.lang();
    let full = ui.max_rect();
    ui.painter().rect_filled(full, 0.0, PAPER);
    let inner_w = (full.width() - 2.0 * BAND_MARGIN.x).max(120.0);
    let text = if notes.trim().is_empty() {
        tr(lang, "present.no_notes").to_string()
    } else {
        notes.to_string()
    };
    let heading = ui.painter().layout_no_wrap(
        tr(lang, "present.notes").to_string(),
        style::semibold(11.0),
        INK,
    );
    let room = full.height() * 0.5 - heading.size().y - 3.0 * BAND_MARGIN.y;
    let mut body = ui
        .painter()
        .layout(text.clone(), FontId::proportional(11.0), INK, inner_w);
    for size in [10.0, 9.0, 8.0] {
        if body.size().y <= room {
            break;
        }
        body = ui
            .painter()
            .layout(text.clone(), FontId::proportional(size), INK, inner_w);
    }
    let band_h = heading.size().y + body.size().y + 3.0 * BAND_MARGIN.y;
    let slide_rect = Rect::from_min_max(
        full.min,
        egui::pos2(full.right(), (full.bottom() - band_h).max(full.center().y)),
    );
    let layout = ui
        .scope_builder(egui::UiBuilder::new().max_rect(slide_rect), |ui| {
            slide_ui(ui, state, words, SlideMap::Still(Target::Vector), compare)
        })
        .inner;
    ui.painter().hline(
        full.x_range(),
        slide_rect.bottom(),
        egui::Stroke::new(1.0, Color32::from_gray(120)),
    );
    let x = full.left() + BAND_MARGIN.x;
    let mut y = slide_rect.bottom() + BAND_MARGIN.y;
    let heading_h = heading.size().y;
    text_at(ui, egui::pos2(x, y), heading, INK);
    y += heading_h + BAND_MARGIN.y;
    text_at(ui, egui::pos2(x, y), body, INK);
    layout
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_is_in_view_when_a_segment_crosses_it_not_when_its_box_does() {
        let view = BBox {
            min: [0.0, 0.0],
            max: [1.0, 1.0],
        };
        // Across the view with no end inside it.
        assert!(segment_meets_box([-1.0, 0.5], [2.0, 0.5], &view));
        assert!(segment_meets_box([0.5, 0.5], [0.6, 0.6], &view));
        // A diagonal past a corner: its bounding box covers the view, the line does not.
        assert!(!segment_meets_box([-1.0, 1.5], [1.5, 3.0], &view));
        assert!(!segment_meets_box([1.2, -1.0], [3.0, 2.0], &view));
    }
}
