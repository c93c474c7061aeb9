//! Charts: companies per Zuid-Holland hotspot (with the Tabel 1 total checked), the sector
//! overlap of the MRA sub-regions (click a cell to compare the pair) and the ROEM-II survey.
//! Type is set large so the charts read on a projector.

use egui::{Align2, Color32, FontId, RichText, Sense, Ui, Vec2};
use egui_plot::{AxisHints, Bar, BarChart, GridMark, Plot, PlotPoint, Text};

use super::View;
use crate::command::Command;
use crate::deck::ChartKind;
use crate::i18n::tr;
use crate::model::{Dataset, Lang, Survey, Unit};
use crate::state::{AppState, Mode};

#[derive(Default)]
pub struct ChartsView;

/// Text size of chart labels: large enough for the back of a room.
const CHART_TEXT: f32 = 16.0;

/// The smallest type of a table's column headers on a slide: 11 points, which a slide laid
/// out 540 points tall shows at 14.7 px on a 1280×720 projector.
const HEADER_MIN_TEXT: f32 = 11.0;

/// One grid mark per bar, so every bar gets its label.
pub fn integer_marks(n: usize) -> impl Fn(egui_plot::GridInput) -> Vec<GridMark> {
    move |_| {
        (0..n)
            .map(|i| GridMark {
                value: i as f64,
                step_size: 1.0,
            })
            .collect()
    }
}

/// Makes a UI's text large for a projector (charts are read from the back of the room).
pub fn projector_text(ui: &mut Ui) {
    use egui::TextStyle;
    let style = ui.style_mut();
    for (ts, size) in [
        (TextStyle::Body, 17.0),
        (TextStyle::Small, 14.5),
        (TextStyle::Button, 17.0),
        (TextStyle::Monospace, 15.0),
    ] {
        if let Some(f) = style.text_styles.get_mut(&ts) {
            f.size = size;
        }
    }
}

/// A small button that puts this chart into one's own deck.
fn add_as_slide(
    ui: &mut Ui,
    lang: Lang,
    chart: ChartKind,
    topic: Option<&str>,
    out: &mut Vec<Command>,
) {
    if ui
        .small_button(tr(lang, "present.add_chart"))
        .on_hover_text(tr(lang, "present.add_chart_hint"))
        .clicked()
    {
        out.push(Command::AddChartAsSlide {
            chart,
            topic: topic.map(str::to_string),
        });
    }
}

fn section(ui: &mut Ui, title: &str, subtitle: &str) {
    ui.add_space(14.0);
    ui.label(RichText::new(title).size(22.0).strong());
    if !subtitle.is_empty() {
        ui.label(RichText::new(subtitle).size(14.0).weak());
    }
    ui.add_space(4.0);
}

/// Companies per Zuid-Holland hotspot, in Kaart 2 order, coloured by main sector; `height`
/// fits the chart to a slide, otherwise each bar gets room for its label.
fn hotspot_companies(ui: &mut Ui, state: &AppState, height: Option<f32>) {
    let lang = state.lang();
    let d = state.atlas.data();
    let hotspots: Vec<_> = state
        .atlas
        .hotspots()
        .iter()
        .filter_map(|&i| d.places.get(i))
        .filter(|p| state.passes_filter(&p.sectors))
        .collect();
    let n = hotspots.len();
    // The first hotspot (Kaart 2 number 1) at the top.
    let row = |i: usize| (n - 1 - i) as f64;
    let bars: Vec<Bar> = hotspots
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let colour = p
                .sectors
                .first()
                .and_then(|s| d.sector(s))
                .map_or(Color32::GRAY, |s| state.atlas.sector_colour(&s.id));
            Bar::new(row(i), p.companies.unwrap_or(0) as f64)
                .width(0.7)
                .fill(colour)
                .name(&p.name)
        })
        .collect();
    // Horizontal bars: the hotspot names fit beside them at projector size; the axis is as
    // wide as the longest name, measured now (a plot only learns it from an earlier frame).
    let names: Vec<String> = hotspots.iter().rev().map(|p| p.name.clone()).collect();
    let body = egui::TextStyle::Body.resolve(ui.style());
    let axis_width = names
        .iter()
        .map(|n| {
            ui.painter()
                .layout_no_wrap(n.clone(), body.clone(), Color32::BLACK)
                .size()
                .x
        })
        .fold(0.0_f32, f32::max)
        + 14.0;
    let values: Vec<(f64, i64)> = hotspots
        .iter()
        .enumerate()
        .map(|(i, p)| (row(i), p.companies.unwrap_or(0)))
        .collect();
    Plot::new("chart-hotspot-companies")
        .height(height.unwrap_or(44.0 * n.max(2) as f32 + 40.0))
        .y_grid_spacer(integer_marks(n))
        .allow_drag(false)
        .allow_scroll(false)
        .allow_zoom(false)
        .show_grid([true, false])
        // One name per bar: shown however close the bars are (a slide on a small projector).
        .custom_y_axes(vec![
            AxisHints::new_y()
                .min_thickness(axis_width)
                .label_spacing(6.0..=8.0)
                .formatter(move |mark, _| {
                    let i = mark.value.round();
                    if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                        names.get(i as usize).cloned().unwrap_or_default()
                    } else {
                        String::new()
                    }
                }),
        ])
        .include_x(175.0)
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(tr(lang, "map.companies"), bars).horizontal());
            for (y, v) in values {
                let label = RichText::new(v.to_string()).size(CHART_TEXT).strong();
                plot.text(
                    Text::new("", PlotPoint::new(v as f64 + 3.0, y), label)
                        .anchor(Align2::LEFT_CENTER),
                );
            }
        });
    // The stated total, checked against the bars (all hotspots, whatever the filter).
    for t in d.totals.iter().filter(|t| t.field == "companies") {
        let sum: i64 = t
            .parts
            .iter()
            .filter_map(|id| d.place(id))
            .filter_map(|p| p.companies)
            .sum();
        let verdict = if sum == t.value {
            tr(lang, "chart.total_ok")
        } else {
            tr(lang, "chart.total_bad")
        };
        ui.label(
            RichText::new(format!(
                "{}: {} — {} {sum} — {verdict}",
                t.label.get(lang),
                t.value,
                tr(lang, "chart.sum_of_bars")
            ))
            .size(CHART_TEXT),
        );
        // As an audience reads a source (document, publisher, year, section); the file and
        // lines are one hover away in the app. A slide cites it in its footer already.
        if let Some(c) = t.sources.first().filter(|_| height.is_none()) {
            super::details::sources_ui(ui, d, &[c], lang);
        }
    }
}

/// Cells of the overlap matrix: square, between these sizes.
const MIN_CELL: f32 = 24.0;
const MAX_CELL: f32 = 64.0;

/// Blue scale from white (0) to dark (1).
fn heat(v: f32) -> Color32 {
    let v = v.clamp(0.0, 1.0);
    let lerp = |a: f32, b: f32| (a + (b - a) * v) as u8;
    Color32::from_rgb(lerp(247.0, 8.0), lerp(251.0, 69.0), lerp(255.0, 148.0))
}

/// The sector overlap (Jaccard) of every pair of MRA sub-regions; a cell click compares them.
/// `height` fits the whole matrix, its column numbers included, into that height (a slide);
/// otherwise cells are `MAX_CELL` square.
fn overlap_matrix(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>, height: Option<f32>) {
    let lang = state.lang();
    let atlas = &state.atlas;
    let ids = &atlas.profiles.sub_region_ids;
    let m = &atlas.profiles.sub_region_overlap;
    if ids.is_empty() {
        return;
    }
    let names: Vec<String> = ids.iter().map(|id| atlas.name_of(id, lang)).collect();
    let font = FontId::proportional(CHART_TEXT);
    // The row names' column is as wide as the longest "name  7", measured (a fixed width
    // cut off a long name in the other language).
    let label_w = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            ui.painter()
                .layout_no_wrap(format!("{n}  {}", i + 1), font.clone(), Color32::BLACK)
                .size()
                .x
        })
        .fold(0.0_f32, f32::max)
        + 16.0;
    let header_h = 24.0;
    let gap = ui.spacing().item_spacing.y;
    let n = ids.len() as f32;
    // Rows and the header row are separated by the item spacing: counted, so the last row
    // is not cut off at the bottom of a slide.
    let cell = height.map_or(MAX_CELL, |h| {
        ((h - header_h - n * gap) / n).clamp(MIN_CELL, MAX_CELL)
    });
    // Column headers, rotated text is not available: numbered columns with a key.
    ui.horizontal(|ui| {
        ui.add_space(label_w);
        for (j, _) in names.iter().enumerate() {
            let (r, _) = ui.allocate_exact_size(Vec2::new(cell, header_h), Sense::hover());
            ui.painter().text(
                r.center(),
                Align2::CENTER_CENTER,
                format!("{}", j + 1),
                font.clone(),
                Color32::from_gray(40),
            );
        }
    });
    for (i, row) in m.iter().enumerate() {
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(Vec2::new(label_w, cell), Sense::hover());
            ui.painter().text(
                r.right_center() - Vec2::new(8.0, 0.0),
                Align2::RIGHT_CENTER,
                format!("{}  {}", names[i], i + 1),
                font.clone(),
                Color32::from_gray(20),
            );
            for (j, v) in row.iter().enumerate() {
                let (r, resp) = ui.allocate_exact_size(Vec2::splat(cell), Sense::click());
                let value = crate::views::format_decimals(f64::from(*v), 2, lang);
                let label = format!("{} × {}: {value}", names[i], names[j]);
                resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, i != j, &label));
                let fill = if i == j {
                    Color32::from_gray(225)
                } else {
                    heat(*v)
                };
                ui.painter().rect_filled(r.shrink(1.5), 3.0, fill);
                if i != j {
                    // The ink follows the cell's colour, not its value: readable on any shade.
                    ui.painter().text(
                        r.center(),
                        Align2::CENTER_CENTER,
                        value,
                        font.clone(),
                        crate::style::ink_on(fill),
                    );
                    let resp =
                        resp.on_hover_text(format!("{label}\n{}", tr(lang, "chart.overlap_click")));
                    if resp.clicked() {
                        out.push(Command::ComparePair(ids[i].clone(), ids[j].clone()));
                    }
                }
            }
        });
    }
}

/// Padding between a bar's end (or the track's edges) and its value label.
const LABEL_PAD: f32 = 6.0;

/// Where a bar's value label goes in its track: inside the bar in white when it fits there,
/// else right of the bar in dark ink; `None` when it fits neither (the track is too narrow).
fn value_label_place(track: egui::Rect, fill_w: f32, label: Vec2) -> Option<(egui::Pos2, Color32)> {
    let y = track.center().y - label.y / 2.0;
    if label.x + 2.0 * LABEL_PAD <= fill_w {
        Some((egui::pos2(track.left() + LABEL_PAD, y), Color32::WHITE))
    } else if fill_w + label.x + 2.0 * LABEL_PAD <= track.width() {
        Some((
            egui::pos2(track.left() + fill_w + LABEL_PAD, y),
            Color32::from_gray(20),
        ))
    } else {
        None
    }
}

/// The narrowest track in which a label of width `label_w` fits beside or inside a bar
/// filling `frac` of it (the inverse of [`value_label_place`]).
fn track_for_label(frac: f32, label_w: f32) -> f32 {
    let need = label_w + 2.0 * LABEL_PAD;
    let frac = frac.clamp(0.0, 0.95);
    // Inside the bar when T·frac ≥ need, beside it when T·(1 − frac) ≥ need.
    (need / frac.max(f32::EPSILON)).min(need / (1.0 - frac))
}

/// How a set of percentage bars is laid out: row height, track width and value type size.
struct BarsPlan {
    bar_h: f32,
    track_w: f32,
    value_size: f32,
    /// The height all rows take, wrapped questions included.
    height: f32,
}

/// Horizontal percentage bars with their full question as the label. Each bar's value sits
/// inside its track: in the bar when it fits, else right of it; the track widens (up to half
/// the row) and then the value's type shrinks (down to 12 points) so that it always fits.
/// The question wraps in what is left of the row. With `fit_height` (a slide) the rows get
/// lower until all of them, wrapped questions included, fit that height.
fn percent_bars(
    ui: &mut Ui,
    d: &Dataset,
    topic: &str,
    lang: Lang,
    bar: Vec2,
    fit_height: Option<f32>,
) {
    let results: Vec<_> = d
        .surveys
        .iter()
        .flat_map(|s| &s.results)
        .filter(|r| r.topic == topic && r.unit == Unit::Percent)
        .collect();
    let texts: Vec<String> = results
        .iter()
        .map(|r| crate::views::format_amount(&r.amount(), lang))
        .collect();
    let frac = |v: f64| (v as f32 / 100.0).clamp(0.0, 1.0);
    let row_w = ui.available_width();
    let gap = ui.spacing().item_spacing;
    let max_track = (row_w * 0.5).max(bar.x);
    let min_text = CHART_TEXT - 4.0;
    let painter = ui.painter().clone();
    let plan = |bar_h: f32| -> BarsPlan {
        let needed = |size: f32| {
            results
                .iter()
                .zip(&texts)
                .map(|(r, t)| {
                    let w = painter
                        .layout_no_wrap(t.clone(), FontId::proportional(size), Color32::WHITE)
                        .size()
                        .x;
                    track_for_label(frac(r.value), w)
                })
                .fold(bar.x, f32::max)
        };
        // The largest value type (up to 70 % of the bar's height) whose labels all fit.
        let mut value_size = (bar_h * 0.7).clamp(min_text, 22.0);
        while value_size > min_text && needed(value_size) > max_track {
            value_size = (value_size - 1.0).max(min_text);
        }
        let track_w = needed(value_size).min(max_track);
        let question_w = (row_w - track_w - gap.x).max(60.0);
        let height = results
            .iter()
            .map(|r| {
                let q = painter.layout(
                    r.question.get(lang).to_string(),
                    FontId::proportional(bar_h * 0.6),
                    Color32::BLACK,
                    question_w,
                );
                q.size().y.max(bar_h) + gap.y
            })
            .sum();
        BarsPlan {
            bar_h,
            track_w,
            value_size,
            height,
        }
    };
    let mut p = plan(bar.y);
    if let Some(h) = fit_height {
        while p.height > h && p.bar_h > MIN_BAR {
            p = plan((p.bar_h - 1.0).max(MIN_BAR));
        }
    }
    let font = FontId::proportional(p.value_size);
    for (r, text) in results.iter().zip(texts) {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(Vec2::new(p.track_w, p.bar_h), Sense::hover());
            let painter = ui.painter();
            painter.rect_filled(rect, 3.0, Color32::from_gray(235));
            let w = rect.width() * frac(r.value);
            painter.rect_filled(
                egui::Rect::from_min_size(rect.min, Vec2::new(w, rect.height())),
                3.0,
                Color32::from_rgb(0, 114, 178),
            );
            // Wraps rather than leave the track, should even the smallest type not fit.
            let galley = painter.layout(text, font.clone(), Color32::WHITE, rect.width());
            let (pos, colour) = value_label_place(rect, w, galley.size()).unwrap_or((
                egui::pos2(rect.left() + LABEL_PAD, rect.top()),
                Color32::from_gray(20),
            ));
            painter.galley_with_override_text_color(pos, galley, colour);
            ui.add(
                egui::Label::new(RichText::new(r.question.get(lang)).size(p.bar_h * 0.6)).wrap(),
            );
        });
    }
}

/// The lowest bar of a survey chart on a slide: its question's type is 60 % of it, 11
/// points (14.7 px on a 720p projector).
const MIN_BAR: f32 = 18.5;

/// Registered and present, as bars and as a fraction.
fn attendance(ui: &mut Ui, s: &Survey, lang: Lang, height: f32) {
    let Some(a) = &s.attendance else {
        return;
    };
    let bars = vec![
        Bar::new(0.0, f64::from(a.registered))
            .width(0.6)
            .fill(Color32::from_gray(150))
            .name(tr(lang, "chart.registered")),
        Bar::new(1.0, f64::from(a.attended))
            .width(0.6)
            .fill(Color32::from_rgb(0, 114, 178))
            .name(tr(lang, "chart.attended")),
    ];
    let labels = [
        tr(lang, "chart.registered").to_string(),
        tr(lang, "chart.attended").to_string(),
    ];
    ui.horizontal(|ui| {
        Plot::new(("chart-attendance", &s.id))
            .height(height)
            .x_grid_spacer(integer_marks(2))
            .width(360.0)
            .y_axis_min_width(44.0)
            .allow_drag(false)
            .allow_scroll(false)
            .allow_zoom(false)
            .x_axis_formatter(move |mark, _| {
                let i = mark.value.round();
                if (mark.value - i).abs() < 1e-6 && (0.0..2.0).contains(&i) {
                    labels[i as usize].clone()
                } else {
                    String::new()
                }
            })
            .show(ui, |plot| {
                plot.bar_chart(BarChart::new(tr(lang, "chart.attendance"), bars))
            });
        ui.label(
            RichText::new(format!(
                "{} / {} = {}%",
                a.attended, a.registered, a.percent
            ))
            .size(24.0)
            .strong(),
        );
    });
}

/// The survey's topics in order: product chains, action lines, then general questions.
fn survey_topics(d: &Dataset, s: &Survey, lang: Lang) -> Vec<(String, String)> {
    d.survey_topics(s)
        .into_iter()
        .map(|id| {
            let name = d
                .survey_topic_name(id, lang)
                .unwrap_or(tr(lang, "chart.general"));
            (id.to_string(), name.to_string())
        })
        .collect()
}

/// The size of survey bars: each bar's, and on a slide the height all of them must fit.
#[derive(Clone, Copy)]
struct BarsSize {
    bar: Vec2,
    fit_height: Option<f32>,
}

/// Percentages per topic; only `only` when given (a slide shows one topic).
fn results(
    ui: &mut Ui,
    d: &Dataset,
    s: &Survey,
    lang: Lang,
    only: Option<&str>,
    size: BarsSize,
    out: Option<&mut Vec<Command>>,
) {
    let mut out = out;
    for (id, name) in survey_topics(d, s, lang) {
        if only.is_some_and(|t| t != id) {
            continue;
        }
        let any = s
            .results
            .iter()
            .any(|r| r.topic == id && r.unit == Unit::Percent);
        if !any {
            continue;
        }
        if only.is_none() {
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.label(RichText::new(name).size(18.0).strong());
                if let Some(out) = out.as_deref_mut() {
                    add_as_slide(ui, lang, ChartKind::SurveyResults, Some(&id), out);
                }
            });
        }
        percent_bars(ui, d, &id, lang, size.bar, size.fit_height);
    }
}

/// Which hotspot discussed which topic in the break-outs.
fn discussions(ui: &mut Ui, state: &AppState, s: &Survey, out: &mut Vec<Command>, fit: bool) {
    let lang = state.lang();
    let d = state.atlas.data();
    let topics = survey_topics(d, s, lang);
    let mut places: Vec<&String> = Vec::new();
    for x in &s.discussions {
        if !places.contains(&&x.place) {
            places.push(&x.place);
        }
    }
    let cols: Vec<&(String, String)> = topics
        .iter()
        .filter(|(id, _)| s.discussions.iter().any(|x| &x.topic == id))
        .collect();
    let spacing = 10.0;
    let widest = |texts: &mut dyn Iterator<Item = &str>, size: f32| {
        texts
            .map(|t| {
                ui.painter()
                    .layout_no_wrap(t.to_string(), FontId::proportional(size), Color32::BLACK)
                    .size()
                    .x
            })
            .fold(0.0_f32, f32::max)
    };
    // A header wraps between words, never inside one: each column is at least as wide as
    // its longest word. On a slide the type shrinks (not below 11 points, 14 px on a 720p
    // projector) until the longest words of all columns fit beside the names.
    let place_names: Vec<String> = places
        .iter()
        .map(|p| state.atlas.name_of(p, lang))
        .collect();
    let names_w = widest(&mut place_names.iter().map(String::as_str), CHART_TEXT) + spacing;
    let avail = if fit {
        ui.available_width() - names_w - spacing * cols.len() as f32
    } else {
        f32::INFINITY
    };
    // A word and the space after it: egui breaks a line after the space, so a cell as wide
    // as the bare word pushes the space onto a line of its own.
    let words_w = |size: f32| -> Vec<f32> {
        let space = widest(&mut std::iter::once(" "), size) + 1.0;
        cols.iter()
            .map(|(_, name)| widest(&mut name.split_whitespace(), size) + space)
            .collect()
    };
    let mut header_size = CHART_TEXT - 3.0;
    let mut min_w = words_w(header_size);
    while fit && header_size > HEADER_MIN_TEXT && min_w.iter().sum::<f32>() > avail {
        header_size = (header_size - 0.5).max(HEADER_MIN_TEXT);
        min_w = words_w(header_size);
    }
    // What is left is shared out, up to a comfortable 140 points a column.
    let extra = if fit {
        ((avail - min_w.iter().sum::<f32>()) / cols.len().max(1) as f32).max(0.0)
    } else {
        f32::INFINITY
    };
    let header_w: Vec<f32> = min_w
        .iter()
        .map(|w| (w + extra).min(140.0_f32.max(*w)))
        .collect();
    egui::Grid::new(("chart-discussions", &s.id))
        .striped(true)
        .spacing([spacing, 6.0])
        .show(ui, |ui| {
            ui.label("");
            for ((_, name), w) in cols.iter().zip(&header_w) {
                // Topic names are long: wrap them in a narrow header cell.
                ui.vertical(|ui| {
                    ui.set_max_width(*w);
                    ui.add(egui::Label::new(RichText::new(name).size(header_size).strong()).wrap());
                });
            }
            ui.end_row();
            for p in places {
                let name = state.atlas.name_of(p, lang);
                if ui.link(RichText::new(&name).size(CHART_TEXT)).clicked() {
                    out.push(Command::Focus(p.clone()));
                    out.push(Command::SetMode(Mode::Map));
                }
                for (id, _) in &cols {
                    let hit = s
                        .discussions
                        .iter()
                        .any(|x| &x.place == p && &x.topic == id);
                    ui.label(
                        RichText::new(if hit { "●" } else { "" })
                            .size(CHART_TEXT)
                            .color(Color32::from_rgb(0, 114, 178)),
                    );
                }
                ui.end_row();
            }
        });
}

/// The ROEM-II survey: attendance, results per product chain and action line, and which
/// hotspot discussed which topic.
fn roem(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.lang();
    let d = state.atlas.data();
    for s in &d.surveys {
        section(
            ui,
            &format!("{} — {}", s.name, tr(lang, "chart.survey")),
            s.description.get(lang),
        );
        add_as_slide(ui, lang, ChartKind::SurveyAttendance, None, out);
        attendance(ui, s, lang, 220.0);
        let size = BarsSize {
            bar: Vec2::new(340.0, 24.0),
            fit_height: None,
        };
        results(ui, d, s, lang, None, size, Some(out));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(tr(lang, "chart.discussions"))
                    .size(18.0)
                    .strong(),
            );
            add_as_slide(ui, lang, ChartKind::SurveyDiscussions, None, out);
        });
        discussions(ui, state, s, out, false);
    }
}

/// One chart filling the space it is given, without its heading (a slide has its own title).
pub fn show_chart(
    ui: &mut Ui,
    state: &AppState,
    kind: ChartKind,
    topic: Option<&str>,
    out: &mut Vec<Command>,
) {
    projector_text(ui);
    let lang = state.lang();
    let d = state.atlas.data();
    let height = ui.available_height().max(120.0);
    match kind {
        // Room under the bars for the total's check (up to two lines); the slide's footer
        // cites its source.
        ChartKind::HotspotCompanies => {
            hotspot_companies(ui, state, Some(height - 2.6 * CHART_TEXT - 12.0))
        }
        ChartKind::SubRegionOverlap => overlap_matrix(ui, state, out, Some(height)),
        ChartKind::SurveyAttendance => {
            for s in &d.surveys {
                // Room under the bars for their names.
                attendance(ui, s, lang, (height - 2.0 * CHART_TEXT).min(420.0));
            }
        }
        ChartKind::SurveyResults => {
            // A topic that is a survey's id means its general questions.
            // Rows as tall as the slide allows, up to twice the normal size.
            let rows = d
                .surveys
                .iter()
                .flat_map(|s| &s.results)
                .filter(|r| topic.is_none_or(|t| r.topic == t) && r.unit == Unit::Percent)
                .count()
                .max(1) as f32;
            let h = ((height - 20.0) / rows - 6.0).clamp(MIN_BAR, 34.0);
            let bar = Vec2::new((ui.available_width() * 0.32).clamp(200.0, 480.0), h);
            for s in &d.surveys {
                // A slide has no buttons.
                let size = BarsSize {
                    bar,
                    fit_height: Some(height),
                };
                results(ui, d, s, lang, topic, size, None);
            }
        }
        ChartKind::SurveyDiscussions => {
            for s in &d.surveys {
                discussions(ui, state, s, out, true);
            }
        }
    }
}

impl View for ChartsView {
    fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        let lang = state.lang();
        egui::ScrollArea::both()
            .id_salt("charts")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                projector_text(ui);
                section(
                    ui,
                    tr(lang, "chart.companies"),
                    tr(lang, "chart.companies_sub"),
                );
                add_as_slide(ui, lang, ChartKind::HotspotCompanies, None, out);
                hotspot_companies(ui, state, None);
                section(ui, tr(lang, "chart.overlap"), tr(lang, "chart.overlap_sub"));
                add_as_slide(ui, lang, ChartKind::SubRegionOverlap, None, out);
                overlap_matrix(ui, state, out, None);
                roem(ui, state, out);
                ui.add_space(20.0);
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_label_sits_in_its_bar_or_right_of_it_and_never_leaves_the_track() {
        let track = egui::Rect::from_min_size(egui::pos2(10.0, 0.0), Vec2::new(300.0, 30.0));
        let label = Vec2::new(60.0, 20.0);
        // Wide bar: inside it, in white.
        let (pos, colour) = value_label_place(track, 200.0, label).expect("fits");
        assert_eq!(colour, Color32::WHITE);
        assert!(pos.x + label.x <= track.left() + 200.0);
        // Short bar: right of it, dark, still inside the track.
        let (pos, colour) = value_label_place(track, 20.0, label).expect("fits");
        assert_ne!(colour, Color32::WHITE);
        assert!(pos.x >= track.left() + 20.0 && pos.x + label.x <= track.right());
        // A half-full track too narrow for a long label either way: no place.
        let long = Vec2::new(200.0, 20.0);
        assert!(value_label_place(track, 150.0, long).is_none());
        // The track it asks for is wide enough, and no wider than needed.
        for frac in [0.0, 0.3, 0.5, 0.7, 1.0] {
            let w = track_for_label(frac, long.x);
            let t = egui::Rect::from_min_size(egui::Pos2::ZERO, Vec2::new(w + 0.01, 30.0));
            assert!(value_label_place(t, w * frac, long).is_some(), "{frac}");
            assert!(w < 2.0 * (long.x + 2.0 * LABEL_PAD) + 1.0, "{frac}: {w}");
        }
    }
}
