//! The side panel: everything the atlas knows about the selected place or region, with the
//! source of every fact beneath it.

use egui::{RichText, Ui};

use super::View;
use crate::atlas::colour::parse_colour;
use crate::command::Command;
use crate::i18n::{self, tr};
use crate::model::{Citation, Dataset, Lang, Place, Region};
use crate::state::AppState;

#[derive(Default)]
pub struct DetailsView;

impl View for DetailsView {
    fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        let lang = state.lang();
        let d = state.atlas.data();
        let Some(id) = state.selection() else {
            ui.add_space(8.0);
            ui.label(RichText::new(tr(lang, "details.none")).weak());
            agenda_entry_ui(ui, state, out);
            return;
        };
        egui::ScrollArea::vertical()
            .id_salt("details")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if let Some(p) = d.place(id) {
                    place_ui(ui, state, p, out);
                } else if let Some(r) = d.region(id) {
                    region_ui(ui, state, r, out);
                }
            });
    }
}

/// A citation in the UI language: document, section and line range.
pub fn cite_text(d: &Dataset, c: &Citation, lang: Lang) -> String {
    d.cite_in(c, lang)
}

/// Citations that back `field`: those naming it and those covering the whole record.
pub fn covering<'a>(cites: &'a [Citation], field: &str) -> Vec<&'a Citation> {
    let named: Vec<_> = cites
        .iter()
        .filter(|c| c.fields.iter().any(|f| f == field))
        .collect();
    if named.is_empty() {
        cites.iter().filter(|c| c.fields.is_empty()).collect()
    } else {
        named
    }
}

/// The small "Source: …" lines under a fact: the document's title and section. The file and
/// lines, and how an ambiguous passage was read, are one hover away.
pub fn sources_ui(ui: &mut Ui, d: &Dataset, cites: &[&Citation], lang: Lang) {
    for c in cites {
        let mut text = format!("{}: {}", tr(lang, "details.source"), d.cite_readable(c));
        if c.reading.is_some() {
            text.push_str(&format!("  ({})", tr(lang, "details.reading")));
        }
        let r = ui.label(RichText::new(text).small().color(crate::style::SOURCE_INK));
        r.on_hover_ui(|ui| {
            ui.label(RichText::new(cite_text(d, c, lang)).small());
            if let Some(reading) = &c.reading {
                ui.label(reading.get(lang));
            }
        });
    }
}

pub fn heading(ui: &mut Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(text).strong());
}

fn list_fact(
    ui: &mut Ui,
    d: &Dataset,
    p: &Place,
    field: &str,
    label: &str,
    items: &[String],
    lang: Lang,
) {
    if items.is_empty() {
        return;
    }
    heading(ui, label);
    ui.label(items.join(", "));
    sources_ui(ui, d, &covering(&p.sources, field), lang);
}

/// A coloured chip per sector; clicking one filters the map by it.
pub fn sector_chips(
    ui: &mut Ui,
    d: &Dataset,
    sectors: &[String],
    lang: Lang,
    out: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        for s in sectors {
            let Some(sector) = d.sector(s) else { continue };
            let colour = parse_colour(&sector.color);
            let text = RichText::new(sector.label.get(lang)).color(text_on(colour));
            let button = egui::Button::new(text).fill(colour).corner_radius(8.0);
            if ui.add(button).clicked() {
                out.push(Command::ToggleSector(s.clone()));
            }
        }
    });
}

/// Black or white text, whichever reads better on `bg`.
pub fn text_on(bg: egui::Color32) -> egui::Color32 {
    crate::style::ink_on(bg)
}

/// The name as the panel's title, wrapping when it is long (so a long name does not widen
/// the panel), and the close button, which a screen reader announces by its name.
fn title_row(ui: &mut Ui, name: &str, lang: Lang, out: &mut Vec<Command>) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| {
        let close = tr(lang, "details.close");
        let response = ui.small_button("×").on_hover_text(close);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, close));
        if response.clicked() {
            out.push(Command::Select(None));
        }
        // What is left of the row, left to right, for the name.
        ui.with_layout(egui::Layout::left_to_right(egui::Align::TOP), |ui| {
            ui.add(egui::Label::new(RichText::new(name).heading()).wrap());
        });
    });
}

fn place_ui(ui: &mut Ui, state: &AppState, p: &Place, out: &mut Vec<Command>) {
    let lang = state.lang();
    let atlas = &state.atlas;
    let d = atlas.data();
    title_row(ui, &p.name, lang, out);
    if crate::atlas::profile::is_profile_kind(p.kind)
        && ui.button(tr(lang, "compare.action")).clicked()
    {
        out.push(Command::AddToCompare(p.id.clone()));
    }
    let region = d
        .region(&p.region)
        .map_or(p.region.as_str(), |r| r.name.get(lang));
    let mut line = format!("{} · {region}", i18n::kind(lang, p.kind));
    if let Some(t) = &p.town {
        line.push_str(" · ");
        line.push_str(t);
    }
    ui.label(RichText::new(line).weak());
    if !p.aliases.is_empty() {
        ui.label(format!(
            "{}: {}",
            tr(lang, "details.aliases"),
            p.aliases.join(" · ")
        ));
    }
    ui.add_space(4.0);
    ui.label(p.description.get(lang));
    sources_ui(ui, d, &covering(&p.sources, "description"), lang);

    if !p.sectors.is_empty() {
        heading(ui, tr(lang, "details.sectors"));
        sector_chips(ui, d, &p.sectors, lang, out);
    }
    if let Some(n) = p.companies {
        heading(ui, tr(lang, "details.companies"));
        ui.label(
            RichText::new(crate::i18n::count(
                lang,
                usize::try_from(n).unwrap_or(0),
                "map.companies",
            ))
            .size(18.0)
            .strong(),
        );
        sources_ui(ui, d, &covering(&p.sources, "companies"), lang);
    }
    list_fact(
        ui,
        d,
        p,
        "anchors",
        tr(lang, "details.anchors"),
        &p.anchors,
        lang,
    );
    list_fact(
        ui,
        d,
        p,
        "fieldlabs",
        tr(lang, "details.fieldlabs"),
        &p.fieldlabs,
        lang,
    );
    list_fact(
        ui,
        d,
        p,
        "example_companies",
        tr(lang, "details.examples"),
        &p.example_companies,
        lang,
    );
    list_fact(
        ui,
        d,
        p,
        "programmes",
        tr(lang, "details.programmes"),
        &p.programmes,
        lang,
    );
    for (field, label, texts) in [
        ("clusters", "details.clusters", &p.clusters),
        ("needs", "details.needs", &p.needs),
    ] {
        if texts.is_empty() {
            continue;
        }
        heading(ui, tr(lang, label));
        for t in texts {
            ui.label(format!("• {}", t.get(lang)));
        }
        sources_ui(ui, d, &covering(&p.sources, field), lang);
    }
    if !p.members.is_empty() {
        heading(ui, tr(lang, "details.members"));
        let names: Vec<_> = p.members.iter().map(|m| m.name.as_str()).collect();
        ui.label(names.join(", "));
        if let Some(c) = &p.members_source {
            sources_ui(ui, d, &[c], lang);
        }
    }
    if let Some(parent) = p.parent.as_deref().and_then(|id| d.place(id)) {
        heading(ui, tr(lang, "details.parent"));
        if ui.link(&parent.name).clicked() {
            out.push(Command::Focus(parent.id.clone()));
        }
    }
    let children = atlas.children_of(&p.id);
    if !children.is_empty() {
        heading(ui, tr(lang, "details.children"));
        for &i in children {
            if let Some(c) = d.places.get(i)
                && state.passes_filter(&c.sectors)
                && ui.link(&c.name).clicked()
            {
                out.push(Command::Focus(c.id.clone()));
            }
        }
    }
    agenda_ui(ui, state, &p.id, out);
    discussions_ui(ui, state, &p.id);
    links_ui(ui, state, &p.id, out);
    suggestions_ui(ui, state, &p.id, out);
    figures_ui(ui, d, &p.id, lang);

    heading(ui, tr(lang, "details.position"));
    ui.label(format!(
        "{:.4}° N, {:.4}° E — {} ({} {} m)",
        p.position.lat,
        p.position.lon,
        p.position.represents.get(lang),
        tr(lang, "details.accuracy"),
        p.position.accuracy_m
    ));
    if let Some(src) = d.source(&p.position.basis) {
        ui.label(
            RichText::new(format!("{}: {}", tr(lang, "details.source"), src.title))
                .small()
                .color(crate::style::SOURCE_INK),
        )
        .on_hover_text(src.note.get(lang));
    }
}

fn discussions_ui(ui: &mut Ui, state: &AppState, id: &str) {
    let lang = state.lang();
    let d = state.atlas.data();
    let found = state.atlas.discussions_at(id);
    if found.is_empty() {
        return;
    }
    heading(ui, tr(lang, "details.chains"));
    for &(si, di) in found {
        let Some(x) = d.surveys.get(si).and_then(|s| s.discussions.get(di)) else {
            continue;
        };
        let topic = d
            .product_chains
            .iter()
            .find(|c| c.id == x.topic)
            .map(|c| c.name.get(lang).to_string())
            .or_else(|| {
                d.action_lines
                    .iter()
                    .find(|a| a.id == x.topic)
                    .map(|a| a.name.get(lang).to_string())
            })
            .unwrap_or_else(|| x.topic.clone());
        ui.label(format!("• {topic}"));
        if let Some(r) = &x.reading {
            ui.label(RichText::new(r.get(lang)).small().italics());
        }
        let cites: Vec<_> = x.sources.iter().collect();
        sources_ui(ui, d, &cites, lang);
    }
}

/// The cross-pollinations that involve `id`; each other end is a link that selects it.
pub fn links_ui(ui: &mut Ui, state: &AppState, id: &str, out: &mut Vec<Command>) {
    let lang = state.lang();
    let d = state.atlas.data();
    let links = state.atlas.links_of(id);
    if links.is_empty() {
        return;
    }
    heading(ui, tr(lang, "details.links"));
    for &i in links {
        let Some(x) = d.cross_pollinations.get(i) else {
            continue;
        };
        ui.group(|ui| {
            ui.label(RichText::new(x.theme.get(lang)).strong());
            ui.horizontal_wrapped(|ui| {
                for e in x.endpoints.iter().filter(|e| e.as_str() != id) {
                    let name = d.label_of(e, lang).unwrap_or_else(|| e.clone());
                    let button = ui
                        .link(format!("→ {name}"))
                        .on_hover_text(format!("{} {name}", tr(lang, "link.go")));
                    if button.clicked() {
                        out.push(Command::Focus(e.clone()));
                    }
                }
                for e in x.optional_endpoints.iter().filter(|e| e.as_str() != id) {
                    let name = d.label_of(e, lang).unwrap_or_else(|| e.clone());
                    if ui
                        .link(format!("→ {name} ({})", tr(lang, "link.possibly")))
                        .clicked()
                    {
                        out.push(Command::Focus(e.clone()));
                    }
                }
                if x.all_sub_regions_of.is_some() {
                    ui.label(RichText::new(tr(lang, "link.all_sub_regions")).italics());
                } else if x.endpoints.is_empty() {
                    ui.label(RichText::new(tr(lang, "link.none_named")).italics());
                }
            });
            if !x.named_partners.is_empty() {
                ui.label(RichText::new(x.named_partners.join(", ")).small());
            }
            let cites: Vec<_> = x.sources.iter().collect();
            sources_ui(ui, d, &cites, lang);
        });
    }
}

pub fn figures_ui(ui: &mut Ui, d: &Dataset, subject: &str, lang: Lang) {
    let figures: Vec<_> = d.figures.iter().filter(|f| f.subject == subject).collect();
    if figures.is_empty() {
        return;
    }
    heading(ui, tr(lang, "details.figures"));
    for f in figures {
        ui.label(format!(
            "• {}: {}",
            f.label.get(lang),
            crate::views::format_figure(f, lang)
        ));
        let cites: Vec<_> = f.sources.iter().collect();
        sources_ui(ui, d, &cites, lang);
    }
}

fn region_ui(ui: &mut Ui, state: &AppState, r: &Region, out: &mut Vec<Command>) {
    let lang = state.lang();
    let d = state.atlas.data();
    title_row(ui, r.name.get(lang), lang, out);
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr(lang, "compare.action")).clicked() {
            out.push(Command::AddToCompare(r.id.clone()));
        }
        if state.atlas.agenda.records.iter().any(|x| x.region == r.id)
            && ui.button(tr(lang, "agenda.open_region")).clicked()
        {
            out.push(Command::SetMode(crate::state::Mode::Agenda));
        }
    });
    ui.label(r.description.get(lang));
    let cites: Vec<_> = r.sources.iter().collect();
    sources_ui(ui, d, &cites, lang);
    // The region's profile lists its places, derived once: no walk over every place per frame.
    let count = state
        .atlas
        .profiles
        .get(&r.id)
        .map_or(0, |p| p.places.len());
    ui.label(crate::i18n::count(lang, count, "places.count"));
    links_ui(ui, state, &r.id, out);
    figures_ui(ui, d, &r.id, lang);
}

/// "In de agenda": the projects, chains, themes, asks and initiatives a place takes part in,
/// grouped by kind, as links that select them (the app shows a selected record in this panel
/// through the Agenda view's record view).
fn agenda_ui(ui: &mut Ui, state: &AppState, place: &str, out: &mut Vec<Command>) {
    let lang = state.lang();
    let agenda = &state.atlas.agenda;
    let d = state.atlas.data();
    let mut records: Vec<_> = agenda.of_place(place).collect();
    if records.is_empty() {
        return;
    }
    records.sort_by_key(|r| {
        crate::atlas::agenda::KIND_ORDER
            .iter()
            .position(|k| *k == r.kind)
    });
    heading(ui, tr(lang, "agenda.in_agenda"));
    let mut kind = None;
    for r in records {
        if kind != Some(r.kind) {
            ui.label(RichText::new(tr(lang, r.kind.key())).weak());
            kind = Some(r.kind);
        }
        let Some(data) = r.data(d) else { continue };
        if ui
            .link(format!("→ {}", data.title(lang)))
            .on_hover_text(tr(lang, "agenda.select_hint"))
            .clicked()
        {
            out.push(Command::Focus(r.id.clone()));
        }
    }
}

/// With nothing selected: the agenda of each region, one click away.
fn agenda_entry_ui(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.lang();
    let d = state.atlas.data();
    let regions: Vec<&Region> = d
        .regions
        .iter()
        .filter(|r| state.atlas.agenda.records.iter().any(|x| x.region == r.id))
        .collect();
    if regions.is_empty() {
        return;
    }
    heading(ui, tr(lang, "agenda.per_region"));
    for r in regions {
        if ui.link(format!("→ {}", r.name.get(lang))).clicked() {
            out.push(Command::Focus(r.id.clone()));
            out.push(Command::SetMode(crate::state::Mode::Agenda));
        }
    }
}

/// Cross-pollinations the data suggests for this place: computed, labelled as such, and set
/// apart from the named ones.
fn suggestions_ui(ui: &mut Ui, state: &AppState, id: &str, out: &mut Vec<Command>) {
    let lang = state.lang();
    let atlas = &state.atlas;
    let d = atlas.data();
    let Some(i) = atlas.place_idx(id) else { return };
    let list: Vec<_> = atlas.ready_suggestions_of(i).take(5).collect();
    if list.is_empty() {
        return;
    }
    heading(ui, tr(lang, "suggest.heading"));
    ui.label(
        RichText::new(tr(lang, "suggest.not_a_source"))
            .small()
            .italics(),
    );
    for s in list {
        let other = if s.a == i { s.b } else { s.a };
        let Some(o) = d.places.get(other) else {
            continue;
        };
        if ui
            .link(RichText::new(format!("≈ {}", o.name)).italics())
            .on_hover_text(format!("{} {}", tr(lang, "link.go"), o.name))
            .clicked()
        {
            out.push(Command::Focus(o.id.clone()));
        }
        ui.label(RichText::new(s.explain(d, lang)).small());
    }
}
