//! Layer switches and the legend: sector colours (click to filter), marker sizes and shapes,
//! link styles.

use egui::{Color32, RichText, Sense, Shape, Vec2};

use super::View;
use crate::atlas::geo::{MarkerShape, radius_for_companies};
use crate::command::Command;
use crate::i18n::{self, tr};
use crate::map::layers::places::paint_marker;
use crate::model::{PlaceKind, RegionKind};
use crate::render::canvas::Canvas;
use crate::state::AppState;

#[derive(Default)]
pub struct LegendView;

impl View for LegendView {
    fn ui(&mut self, ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
        let lang = state.lang();
        let d = state.atlas.data();
        let layers = &state.settings.layers;

        ui.label(RichText::new(tr(lang, "layers.heading")).strong());
        for r in d.regions.iter().filter(|r| r.kind == RegionKind::Atlas) {
            let mut on = !layers.hidden_regions.contains(&r.id);
            if ui.checkbox(&mut on, r.name.get(lang)).changed() {
                let mut l = layers.clone();
                if on {
                    l.hidden_regions.remove(&r.id);
                } else {
                    l.hidden_regions.insert(r.id.clone());
                }
                out.push(Command::SetLayers(l));
            }
        }
        type Setter = fn(&mut crate::state::LayerSettings, bool);
        let toggles: [(&str, bool, Setter); 5] = [
            ("layers.minor_places", layers.minor_places, |l, v| {
                l.minor_places = v
            }),
            ("layers.routes", layers.routes, |l, v| l.routes = v),
            ("layers.all_links", layers.all_links, |l, v| l.all_links = v),
            ("layers.suggestions", layers.suggestions, |l, v| {
                l.suggestions = v
            }),
            ("layers.all_labels", layers.all_labels, |l, v| {
                l.all_labels = v
            }),
        ];
        for (key, value, set) in toggles {
            let mut v = value;
            if ui.checkbox(&mut v, tr(lang, key)).changed() {
                let mut l = layers.clone();
                set(&mut l, v);
                out.push(Command::SetLayers(l));
            }
        }

        ui.add_space(8.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(tr(lang, "legend.sectors")).strong());
            if !state.settings.sector_filter.is_empty()
                && ui.small_button(tr(lang, "legend.clear")).clicked()
            {
                out.push(Command::ClearSectorFilter);
            }
        });
        ui.label(
            RichText::new(tr(lang, "legend.sectors_hint"))
                .small()
                .weak(),
        );
        let filtering = !state.settings.sector_filter.is_empty();
        for s in &d.sectors {
            let active = state.settings.sector_filter.contains(&s.id);
            let colour = state.atlas.sector_colour(&s.id);
            let label = s.label.get(lang);
            let text = if active {
                RichText::new(label).strong()
            } else if filtering {
                RichText::new(label).weak()
            } else {
                RichText::new(label)
            };
            let r = ui
                .horizontal(|ui| {
                    let (rect, _) = ui.allocate_exact_size(Vec2::splat(14.0), Sense::hover());
                    let fill = if filtering && !active {
                        colour.gamma_multiply(0.35)
                    } else {
                        colour
                    };
                    ui.painter().rect_filled(rect, 3.0, fill);
                    if state.atlas.sector_stat(&s.id).main == 0 {
                        ui.painter().rect_stroke(
                            rect,
                            3.0,
                            (1.0, Color32::GRAY),
                            egui::StrokeKind::Inside,
                        );
                    }
                    ui.selectable_label(active, text)
                })
                .inner;
            if r.clicked() {
                out.push(Command::ToggleSector(s.id.clone()));
            }
        }

        ui.add_space(8.0);
        ui.label(RichText::new(tr(lang, "legend.size")).strong());
        ui.horizontal(|ui| {
            for n in [10, 50, 150] {
                let r = radius_for_companies(n);
                let (rect, _) =
                    ui.allocate_exact_size(Vec2::new(2.0 * r + 6.0, 40.0), Sense::hover());
                let mut shapes = Canvas::default();
                paint_marker(
                    &mut shapes,
                    MarkerShape::Circle,
                    rect.center(),
                    r,
                    Color32::from_gray(170),
                    Color32::from_gray(60),
                );
                shapes.paint(ui.painter());
                ui.label(n.to_string());
            }
        });
        ui.label(RichText::new(tr(lang, "legend.size_hint")).small().weak());

        ui.add_space(6.0);
        ui.label(RichText::new(tr(lang, "legend.shapes")).strong());
        let kinds = [
            (
                MarkerShape::Circle,
                vec![PlaceKind::Hotspot, PlaceKind::Company, PlaceKind::Site],
            ),
            (
                MarkerShape::Diamond,
                vec![PlaceKind::Cluster, PlaceKind::Area],
            ),
            (
                MarkerShape::Square,
                vec![PlaceKind::Campus, PlaceKind::InnovationDistrict],
            ),
            (
                MarkerShape::Triangle,
                vec![PlaceKind::Fieldlab, PlaceKind::Project],
            ),
            (
                MarkerShape::Hexagon,
                vec![
                    PlaceKind::KnowledgeInstitution,
                    PlaceKind::Network,
                    PlaceKind::Infrastructure,
                ],
            ),
        ];
        for (shape, ks) in kinds {
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(Vec2::splat(16.0), Sense::hover());
                let mut shapes = Canvas::default();
                paint_marker(
                    &mut shapes,
                    shape,
                    rect.center(),
                    5.5,
                    Color32::from_gray(170),
                    Color32::from_gray(60),
                );
                shapes.paint(ui.painter());
                let names: Vec<&str> = ks.iter().map(|k| i18n::kind(lang, *k)).collect();
                ui.label(names.join(", "));
            });
        }
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(Vec2::new(16.0, 16.0), Sense::hover());
            ui.painter().rect_filled(
                rect.shrink(1.0),
                2.0,
                Color32::from_rgba_unmultiplied(0, 114, 178, 70),
            );
            ui.label(i18n::kind(lang, PlaceKind::SubRegion));
        });
        ui.add_space(6.0);
        ui.label(RichText::new(tr(lang, "legend.links")).strong());
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(Vec2::new(34.0, 14.0), Sense::hover());
            ui.painter().add(Shape::line_segment(
                [rect.left_center(), rect.right_center()],
                (3.0, Color32::from_gray(80)),
            ));
            ui.label(tr(lang, "legend.link_named"));
        });
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(Vec2::new(34.0, 14.0), Sense::hover());
            ui.painter().extend(Shape::dashed_line(
                &[rect.left_center(), rect.right_center()],
                (3.0, Color32::from_gray(80)),
                6.0,
                4.0,
            ));
            ui.label(tr(lang, "legend.link_possibly"));
        });
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(Vec2::new(34.0, 14.0), Sense::hover());
            let mut shapes = Canvas::default();
            crate::map::layers::suggestions::dotted(
                &[rect.left_center(), rect.right_center()],
                7.0,
                2.0,
                crate::map::layers::suggestions::SUGGESTION,
                &mut shapes,
            );
            shapes.paint(ui.painter());
            ui.label(tr(lang, "legend.link_suggested"));
        });
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(Vec2::new(34.0, 14.0), Sense::hover());
            let mut shapes = Canvas::default();
            crate::map::layers::routes::paint_route(
                &mut shapes,
                vec![rect.left_center(), rect.right_center()],
                Color32::from_gray(80),
            );
            shapes.paint(ui.painter());
            ui.label(tr(lang, "legend.route"));
        });
    }
}
