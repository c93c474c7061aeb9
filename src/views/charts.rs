//! Charts: companies per Zuid-Holland hotspot (with the Tabel 1 total checked), the sector
//! overlap of the MRA sub-regions (click a cell to compare the pair) and the ROEM-II survey.
//! Type is set large so the charts read on a projector.

use egui::{Align2, Color32, FontId, RichText, Sense, Ui, Vec2};
use egui_plot::{AxisHints, Bar, BarChart, GridMark, Plot, PlotPoint, Text};

use super::View;
use crate::command::Command;
use crate::deck::ChartKind;
use crate::i18n::tr;
use crate::model::{Dataset, Lang, PlaceKind, Survey, Unit};
use crate::state::{AppState, Mode};

#[derive(Default)]
pub struct ChartsView;

/// Text size of chart labels: large enough for the back of a room.
const CHART_TEXT: f32 = 16.0;

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
    let mut hotspots: Vec<_> = d
        .places
        .iter()
        .filter(|p| {
            p.kind == PlaceKind::Hotspot && p.companies.is_some() && state.passes_filter(&p.sectors)
        })
        .collect();
    hotspots.sort_by_key(|p| (p.map_number.unwrap_or(u32::MAX), p.name.clone()));
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
        if let Some(c) = t.sources.first() {
            ui.label(
                RichText::new(super::details::cite_text(d, c, lang))
                    .small()
                    .weak(),
            );
        }
    }
}

/// Blue scale from white (0) to dark (1).
fn heat(v: f32) -> Color32 {
    let v = v.clamp(0.0, 1.0);
    let lerp = |a: f32, b: f32| (a + (b - a) * v) as u8;
    Color32::from_rgb(lerp(247.0, 8.0), lerp(251.0, 69.0), lerp(255.0, 148.0))
}

/// The sector overlap (Jaccard) of every pair of MRA sub-regions; a cell click compares them.
fn overlap_matrix(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>, cell: f32) {
    let lang = state.lang();
    let atlas = &state.atlas;
    let ids = &atlas.profiles.sub_region_ids;
    let m = &atlas.profiles.sub_region_overlap;
    if ids.is_empty() {
        return;
    }
    let names: Vec<String> = ids.iter().map(|id| atlas.name_of(id, lang)).collect();
    let label_w = 210.0;
    let font = FontId::proportional(CHART_TEXT);
    // Column headers, rotated text is not available: numbered columns with a key.
    ui.horizontal(|ui| {
        ui.add_space(label_w);
        for (j, _) in names.iter().enumerate() {
            let (r, _) = ui.allocate_exact_size(Vec2::new(cell, 24.0), Sense::hover());
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
                let label = format!("{} × {}: {:.2}", names[i], names[j], v);
                resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, i != j, &label));
                let fill = if i == j {
                    Color32::from_gray(225)
                } else {
                    heat(*v)
                };
                ui.painter().rect_filled(r.shrink(1.5), 3.0, fill);
                if i != j {
                    let text_colour = if *v > 0.45 {
                        Color32::WHITE
                    } else {
                        Color32::BLACK
                    };
                    ui.painter().text(
                        r.center(),
                        Align2::CENTER_CENTER,
                        format!("{:.2}", v),
                        font.clone(),
                        text_colour,
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

/// Horizontal percentage bars of `bar` size with their full question as the label.
fn percent_bars(ui: &mut Ui, d: &Dataset, topic: &str, lang: Lang, bar: Vec2) {
    let results: Vec<_> = d
        .surveys
        .iter()
        .flat_map(|s| &s.results)
        .filter(|r| r.topic == topic && r.unit == Unit::Percent)
        .collect();
    let font = FontId::proportional(bar.y * 0.7);
    for r in results {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(bar, Sense::hover());
            let painter = ui.painter();
            painter.rect_filled(rect, 3.0, Color32::from_gray(235));
            let w = rect.width() * (r.value as f32 / 100.0).clamp(0.0, 1.0);
            painter.rect_filled(
                egui::Rect::from_min_size(rect.min, Vec2::new(w, rect.height())),
                3.0,
                Color32::from_rgb(0, 114, 178),
            );
            let text = crate::views::format_amount(&r.amount(), lang);
            let galley = painter.layout_no_wrap(text, font.clone(), Color32::WHITE);
            // White inside a bar wide enough for it, dark beside a short one.
            let (pos, colour) = if galley.size().x + 12.0 <= w {
                (rect.left_center() + Vec2::new(6.0, 0.0), Color32::WHITE)
            } else {
                (
                    egui::pos2(rect.left() + w + 6.0, rect.center().y),
                    Color32::from_gray(20),
                )
            };
            painter.galley_with_override_text_color(
                pos - Vec2::new(0.0, galley.size().y / 2.0),
                galley,
                colour,
            );
            ui.add(egui::Label::new(RichText::new(r.question.get(lang)).size(bar.y * 0.6)).wrap());
        });
    }
}

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

/// Percentages per topic; only `only` when given (a slide shows one topic).
fn results(
    ui: &mut Ui,
    d: &Dataset,
    s: &Survey,
    lang: Lang,
    only: Option<&str>,
    bar: Vec2,
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
        percent_bars(ui, d, &id, lang, bar);
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
    // On a slide every column must fit the width: the header cells share what the names
    // column leaves.
    let header_w = if fit {
        ((ui.available_width() - 260.0) / cols.len().max(1) as f32 - 10.0).clamp(50.0, 140.0)
    } else {
        140.0
    };
    let header_size = if header_w < 100.0 {
        CHART_TEXT - 6.0
    } else {
        CHART_TEXT - 3.0
    };
    egui::Grid::new(("chart-discussions", &s.id))
        .striped(true)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label("");
            for (_, name) in &cols {
                // Topic names are long: wrap them in a narrow header cell.
                ui.vertical(|ui| {
                    ui.set_max_width(header_w);
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
        results(ui, d, s, lang, None, Vec2::new(340.0, 24.0), Some(out));
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
        // Room under the bars for the total's check (up to two lines) and its source.
        ChartKind::HotspotCompanies => {
            hotspot_companies(ui, state, Some(height - 3.6 * CHART_TEXT - 12.0))
        }
        ChartKind::SubRegionOverlap => {
            let n = state.atlas.profiles.sub_region_ids.len().max(1) as f32;
            let cell = ((height - 30.0) / n).clamp(24.0, 64.0);
            overlap_matrix(ui, state, out, cell);
        }
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
            let h = ((height - 20.0) / rows - 6.0).clamp(14.0, 34.0);
            let bar = Vec2::new((ui.available_width() * 0.32).clamp(200.0, 480.0), h);
            for s in &d.surveys {
                // A slide has no buttons.
                results(ui, d, s, lang, topic, bar, None);
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
                overlap_matrix(ui, state, out, 64.0);
                roem(ui, state, out);
                ui.add_space(20.0);
            });
    }
}
