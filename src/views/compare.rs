//! Profiles side by side: rows aligned across columns, shared sectors first, every fact with
//! its source, a sector profile per column on linked axes, and the computed suggestions.

use std::collections::BTreeSet;

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Plot};

use super::View;
use super::details::{covering, sources_ui, text_on};
use crate::atlas::colour::parse_colour;
use crate::atlas::profile::Profile;
use crate::command::Command;
use crate::i18n::{self, tr};
use crate::model::{Dataset, Lang, PlaceKind, RegionKind};
use crate::state::{AppState, MAX_COMPARED};
use crate::views::format_figure;

/// Narrowest a compared column gets, in points (wider when there is room).
const MIN_COLUMN_WIDTH: f32 = 220.0;
/// Width of the row-heading column.
const HEADING_WIDTH: f32 = 150.0;

#[derive(Default)]
pub struct CompareView {
    /// On a slide only the comparison shows: no picker, no hints.
    pub on_slide: bool,
}

/// Name, kind and region line of a profile.
fn title(d: &Dataset, id: &str, lang: Lang) -> (String, String) {
    if let Some(p) = d.place(id) {
        let region = d
            .region(&p.region)
            .map_or(p.region.as_str(), |r| r.name.get(lang));
        (
            p.name.clone(),
            format!("{} · {region}", i18n::kind(lang, p.kind)),
        )
    } else if let Some(r) = d.region(id) {
        (
            r.name.get(lang).to_string(),
            tr(lang, "compare.whole_region").to_string(),
        )
    } else {
        (id.to_string(), String::new())
    }
}

/// The picker: every offered profile, grouped by region.
fn picker(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.lang();
    let atlas = &state.atlas;
    let d = atlas.data();
    let chosen = &state.scene.compare;
    egui::ComboBox::from_label(tr(lang, "compare.add"))
        .selected_text(tr(lang, "compare.choose"))
        .height(600.0)
        .show_ui(ui, |ui| {
            for r in d.regions.iter().filter(|r| r.kind == RegionKind::Atlas) {
                ui.label(RichText::new(r.name.get(lang)).strong());
                let mut ids: Vec<&String> = vec![&r.id];
                ids.extend(
                    atlas
                        .profiles
                        .offered
                        .iter()
                        .filter(|id| d.place(id).is_some_and(|p| p.region == r.id)),
                );
                for id in ids {
                    let (name, kind) = title(d, id, lang);
                    let on = chosen.contains(id);
                    if ui
                        .selectable_label(on, format!("{name}  ({kind})"))
                        .clicked()
                    {
                        out.push(if on {
                            Command::RemoveFromCompare(id.clone())
                        } else {
                            Command::AddToCompare(id.clone())
                        });
                    }
                }
                ui.separator();
            }
        });
}

/// A row of the comparison: a heading cell, then one cell per profile.
fn row(ui: &mut Ui, label: &str, columns: usize, width: f32, mut cell: impl FnMut(&mut Ui, usize)) {
    ui.label(RichText::new(label).strong());
    for c in 0..columns {
        ui.vertical(|ui| {
            ui.set_width(width);
            cell(ui, c);
        });
    }
    ui.end_row();
}

fn list_cell(
    ui: &mut Ui,
    d: &Dataset,
    id: &str,
    field: &str,
    lang: Lang,
    items: impl FnOnce(&crate::model::Place) -> Vec<String>,
) {
    let Some(p) = d.place(id) else {
        ui.label(RichText::new("—").weak());
        return;
    };
    let values = items(p);
    if values.is_empty() {
        ui.label(RichText::new("—").weak());
        return;
    }
    ui.label(values.join(", "));
    sources_ui(ui, d, &covering(&p.sources, field), lang);
}

/// Horizontal bars of a profile's sector counts; rows are the union of the compared sectors in
/// the same order for every column, and all plots share their axes.
fn sector_plot(
    ui: &mut Ui,
    d: &Dataset,
    profile: &Profile,
    order: &[String],
    lang: Lang,
    column: usize,
    width: f32,
) {
    let bars: Vec<Bar> = order
        .iter()
        .enumerate()
        .filter_map(|(row, s)| {
            let n = profile.sector_counts.get(s).copied().unwrap_or(0);
            let sector = d.sector(s)?;
            Some(
                Bar::new(row as f64, n as f64)
                    .width(0.7)
                    .fill(parse_colour(&sector.color))
                    .name(sector.label.get(lang)),
            )
        })
        .collect();
    let labels: Vec<String> = order
        .iter()
        .map(|s| {
            d.sector(s)
                .map_or(s.clone(), |x| x.label.get(lang).to_string())
        })
        .collect();
    let chart = BarChart::new(tr(lang, "compare.sector_profile"), bars).horizontal();
    Plot::new(("compare-sectors", column))
        .height(22.0 * order.len().max(3) as f32 + 30.0)
        .width(width)
        .link_axis(egui::Id::unique("compare-sectors"), [true, true])
        .allow_drag(false)
        .allow_scroll(false)
        .allow_zoom(false)
        .show_grid([true, false])
        .y_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_grid_spacer(crate::views::charts::integer_marks(order.len()))
        .y_axis_min_width(if column == 0 { 120.0 } else { 0.0 })
        .show(ui, |plot| plot.bar_chart(chart));
}

impl View for CompareView {
    fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        let lang = state.lang();
        let atlas = &state.atlas;
        let d = atlas.data();
        let ids: Vec<String> = state.scene.compare.clone();
        if !self.on_slide {
            ui.horizontal_wrapped(|ui| {
                ui.heading(tr(lang, "compare.heading"));
                picker(ui, state, out);
                let mut sync = state.settings.sync_view;
                if ui.checkbox(&mut sync, tr(lang, "compare.sync")).changed() {
                    out.push(Command::SetSyncView(sync));
                }
            });
            if ids.len() < 2 {
                ui.label(RichText::new(tr(lang, "compare.hint")).weak());
            }
        }
        if ids.is_empty() {
            return;
        }
        if ids.len() >= MAX_COMPARED && !self.on_slide {
            ui.label(RichText::new(tr(lang, "compare.max")).small().weak());
        }

        let profiles: Vec<Option<&Profile>> = ids.iter().map(|id| atlas.profiles.get(id)).collect();
        // Shared sectors first, then the rest, within the sector filter.
        let sets: Vec<BTreeSet<&str>> = profiles
            .iter()
            .map(|p| {
                p.map(Profile::sectors)
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|s| state.scene.filter.is_empty() || state.scene.filter.contains(*s))
                    .collect()
            })
            .collect();
        let shared: BTreeSet<&str> = sets
            .iter()
            .skip(1)
            .fold(sets.first().cloned().unwrap_or_default(), |acc, s| {
                acc.intersection(s).copied().collect()
            });
        let mut order: Vec<String> = d
            .sectors
            .iter()
            .filter(|s| shared.contains(s.id.as_str()))
            .map(|s| s.id.clone())
            .collect();
        order.extend(
            d.sectors
                .iter()
                .filter(|s| {
                    !shared.contains(s.id.as_str())
                        && sets.iter().any(|set| set.contains(s.id.as_str()))
                })
                .map(|s| s.id.clone()),
        );

        // Columns share the width, but not below a readable minimum (then the grid scrolls).
        let spacing = 14.0;
        let width = ((ui.available_width() - HEADING_WIDTH - spacing * ids.len() as f32 - 20.0)
            / ids.len() as f32)
            .max(MIN_COLUMN_WIDTH);
        egui::ScrollArea::both()
            .id_salt("compare-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Grid::new("compare-grid")
                    .striped(true)
                    .spacing([spacing, 10.0])
                    .min_col_width(HEADING_WIDTH.min(110.0))
                    .show(ui, |ui| {
                        let n = ids.len();
                        let on_slide = self.on_slide;
                        row(ui, "", n, width, |ui, c| {
                            let (name, kind) = title(d, &ids[c], lang);
                            ui.horizontal(|ui| {
                                ui.label(RichText::new(&name).size(18.0).strong());
                                if on_slide {
                                    return;
                                }
                                let remove = ui
                                    .small_button("×")
                                    .on_hover_text(tr(lang, "compare.remove"));
                                // Named for a screen reader: what it does, and to which column.
                                remove.widget_info(|| {
                                    let label = format!("{}: {name}", tr(lang, "compare.remove"));
                                    egui::WidgetInfo::labeled(egui::Role::Button, true, label)
                                });
                                if remove.clicked() {
                                    out.push(Command::RemoveFromCompare(ids[c].clone()));
                                }
                            });
                            ui.label(RichText::new(kind).weak());
                            if !on_slide && ui.link(tr(lang, "compare.show_on_map")).clicked() {
                                out.push(Command::Focus(ids[c].clone()));
                                out.push(Command::SetMode(crate::state::Mode::Map));
                            }
                        });
                        row(ui, tr(lang, "details.sectors"), n, width, |ui, c| {
                            let Some(p) = profiles[c] else { return };
                            ui.horizontal_wrapped(|ui| {
                                for s in order.iter().filter(|s| sets[c].contains(s.as_str())) {
                                    let Some(sector) = d.sector(s) else { continue };
                                    let colour = state.atlas.sector_colour(&sector.id);
                                    let count = p.sector_counts.get(s).copied().unwrap_or(0);
                                    let text = format!("{} ({count})", sector.label.get(lang));
                                    if shared.contains(s.as_str()) {
                                        let chip = egui::Button::new(
                                            RichText::new(text).color(text_on(colour)).strong(),
                                        )
                                        .fill(colour)
                                        .corner_radius(8.0);
                                        ui.add(chip).on_hover_text(tr(lang, "compare.shared"));
                                    } else {
                                        let chip = egui::Button::new(
                                            RichText::new(text).color(Color32::from_gray(40)),
                                        )
                                        .fill(colour.gamma_multiply(0.25))
                                        .corner_radius(8.0);
                                        ui.add(chip).on_hover_text(tr(lang, "compare.unique"));
                                    }
                                }
                            });
                            ui.label(
                                RichText::new(tr(lang, "compare.sector_basis"))
                                    .small()
                                    .weak(),
                            );
                        });
                        row(ui, tr(lang, "details.anchors"), n, width, |ui, c| {
                            list_cell(ui, d, &ids[c], "anchors", lang, |p| p.anchors.clone());
                        });
                        row(ui, tr(lang, "details.fieldlabs"), n, width, |ui, c| {
                            list_cell(ui, d, &ids[c], "fieldlabs", lang, |p| p.fieldlabs.clone());
                        });
                        row(ui, tr(lang, "details.companies"), n, width, |ui, c| {
                            companies_cell(ui, state, &ids[c]);
                        });
                        row(ui, tr(lang, "details.programmes"), n, width, |ui, c| {
                            list_cell(ui, d, &ids[c], "programmes", lang, |p| p.programmes.clone());
                        });
                        row(ui, tr(lang, "details.children"), n, width, |ui, c| {
                            children_cell(ui, state, profiles[c], &ids[c], out);
                        });
                        row(ui, tr(lang, "details.links"), n, width, |ui, c| {
                            links_cell(ui, state, &ids[c], out);
                        });
                        row(ui, tr(lang, "details.figures"), n, width, |ui, c| {
                            let figures: Vec<_> =
                                d.figures.iter().filter(|f| f.subject == ids[c]).collect();
                            if figures.is_empty() {
                                ui.label(RichText::new("—").weak());
                            }
                            for f in figures {
                                ui.label(format!(
                                    "{}: {}",
                                    f.label.get(lang),
                                    format_figure(f, lang)
                                ));
                                let cites: Vec<_> = f.sources.iter().collect();
                                sources_ui(ui, d, &cites, lang);
                            }
                        });
                        row(ui, tr(lang, "compare.sector_profile"), n, width, |ui, c| {
                            if let Some(p) = profiles[c] {
                                sector_plot(ui, d, p, &order, lang, c, width);
                            }
                        });
                        row(ui, tr(lang, "suggest.heading"), n, width, |ui, c| {
                            suggestions_cell(ui, state, &ids[c], out);
                        });
                    });
            });
    }
}

fn companies_cell(ui: &mut Ui, state: &AppState, id: &str) {
    let lang = state.lang();
    let d = state.atlas.data();
    if let Some(p) = d.place(id) {
        match p.companies {
            Some(n) => {
                let text =
                    crate::i18n::count(lang, usize::try_from(n).unwrap_or(0), "map.companies");
                ui.label(RichText::new(text).strong());
                sources_ui(ui, d, &covering(&p.sources, "companies"), lang);
            }
            None => {
                ui.label(RichText::new("—").weak());
            }
        }
        return;
    }
    // A region: the stated totals whose parts lie in it (Tabel 1 for Zuid-Holland).
    let totals: Vec<_> = d
        .totals
        .iter()
        .filter(|t| {
            t.parts
                .iter()
                .all(|part| d.place(part).is_some_and(|p| p.region == id))
        })
        .collect();
    if totals.is_empty() {
        ui.label(RichText::new("—").weak());
    }
    for t in totals {
        let text = crate::i18n::count(lang, usize::try_from(t.value).unwrap_or(0), "map.companies");
        ui.label(RichText::new(text).strong());
        ui.label(RichText::new(t.label.get(lang)).small());
        let cites: Vec<_> = t.sources.iter().collect();
        sources_ui(ui, d, &cites, lang);
    }
}

fn children_cell(
    ui: &mut Ui,
    state: &AppState,
    profile: Option<&Profile>,
    id: &str,
    out: &mut Vec<Command>,
) {
    let d = state.atlas.data();
    let Some(profile) = profile else { return };
    let mut shown = 0;
    for &i in profile
        .places
        .iter()
        .filter(|&&i| d.places.get(i).is_some_and(|p| p.id != id))
    {
        let Some(p) = d.places.get(i) else { continue };
        let is_profile_level = matches!(
            p.kind,
            PlaceKind::Hotspot | PlaceKind::SubRegion | PlaceKind::Cluster
        );
        let relevant = if profile.is_region {
            is_profile_level
        } else {
            true
        };
        if relevant && state.passes_filter(&p.sectors) && ui.link(&p.name).clicked() {
            out.push(Command::Focus(p.id.clone()));
            out.push(Command::SetMode(crate::state::Mode::Map));
        }
        if relevant {
            shown += 1;
        }
    }
    if shown == 0 {
        ui.label(RichText::new("—").weak());
    }
}

fn links_cell(ui: &mut Ui, state: &AppState, id: &str, out: &mut Vec<Command>) {
    let lang = state.lang();
    let d = state.atlas.data();
    let links = state.atlas.links_of(id);
    if links.is_empty() {
        ui.label(RichText::new("—").weak());
    }
    for &i in links {
        let Some(x) = d.cross_pollinations.get(i) else {
            continue;
        };
        let others: Vec<String> = x
            .endpoints
            .iter()
            .filter(|e| e.as_str() != id)
            .map(|e| state.atlas.name_of(e, lang))
            .collect();
        let text = if others.is_empty() {
            x.theme.get(lang).to_string()
        } else {
            format!("{} → {}", x.theme.get(lang), others.join(", "))
        };
        if ui.link(text).clicked()
            && let Some(other) = x.endpoints.iter().find(|e| e.as_str() != id)
        {
            out.push(Command::AddToCompare(other.clone()));
        }
        // Read by an audience on a slide: document and section, the file one hover away.
        if let Some(c) = x.sources.first() {
            sources_ui(ui, d, &[c], lang);
        }
    }
}

fn suggestions_cell(ui: &mut Ui, state: &AppState, id: &str, out: &mut Vec<Command>) {
    let lang = state.lang();
    let atlas = &state.atlas;
    let d = atlas.data();
    let Some(i) = atlas.place_idx(id) else {
        ui.label(RichText::new("—").weak());
        return;
    };
    let mut any = false;
    for s in atlas.ready_suggestions_of(i).take(5) {
        any = true;
        let other = if s.a == i { s.b } else { s.a };
        let Some(o) = d.places.get(other) else {
            continue;
        };
        if ui
            .link(RichText::new(format!("≈ {}", o.name)).italics())
            .clicked()
        {
            out.push(Command::AddToCompare(o.id.clone()));
        }
        ui.label(RichText::new(s.explain(d, lang)).small());
    }
    if any {
        ui.label(
            RichText::new(tr(lang, "suggest.not_a_source"))
                .small()
                .weak(),
        );
    } else {
        ui.label(RichText::new("—").weak());
    }
}
