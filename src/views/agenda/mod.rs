//! The Agenda view: per region what its agenda says (Zuid-Holland's action lines, projects,
//! focus themes, asks, leadership and talent; the MRA's challenges, pillars, accelerators and
//! financing instruments; the northern clusters, asks and infrastructure asks), every fact
//! with its source. Clicking a record selects it: the map rings the places it involves and
//! the details panel shows it; selecting a record elsewhere (search, the details panel)
//! brings its region here and scrolls to it.

mod body;
mod mra;
mod noord;
pub mod record;
mod talent;
mod zuid_holland;

use egui::{Align, Color32, RichText, Ui};

use super::View;
use crate::atlas::Atlas;
use crate::atlas::agenda::Record;
use crate::command::{Command, FlyTarget};
use crate::i18n::tr;
use crate::model::{Citation, Dataset, Lang, RegionKind};
use crate::state::AppState;

pub use record::{RecordView, record_ui};

/// The region shown when nothing is selected.
pub const DEFAULT_REGION: &str = "zuid-holland";

/// Background of the selected record's card (the map's selection colour, lighter).
const SELECTED_FILL: Color32 = Color32::from_rgb(255, 243, 205);
/// Background of records the selected place takes part in.
const INVOLVED_FILL: Color32 = Color32::from_rgb(236, 243, 250);

#[derive(Default)]
pub struct AgendaView {
    /// The region picked (or followed from the selection); `None` until the first frame.
    pub region: Option<String>,
    /// The selection last seen, to follow changes made elsewhere.
    seen_selection: Option<String>,
    /// A record to scroll to (and open the section of), for a few frames while its section
    /// opens.
    reveal: Option<String>,
    reveal_frames: u8,
    /// A section to scroll to, from the table of contents.
    jump: Option<&'static str>,
    pub talent: talent::TalentFilter,
    /// The map was brought to the region shown (once, when the view first opens).
    flown: bool,
    /// The area the view drew in last, and the size of what it drew there (for tests that
    /// check nothing is wider than the column, so nothing is clipped).
    pub last_rect: Option<egui::Rect>,
    pub last_content: Option<egui::Vec2>,
}

/// A section of a region's page: key, i18n key of its title, open at first.
pub(crate) type Section = (&'static str, &'static str, bool);

/// What every part of the view reads.
pub(crate) struct Cx<'a> {
    pub atlas: &'a Atlas,
    pub d: &'a Dataset,
    pub lang: Lang,
    pub selected: Option<&'a str>,
    /// Record ids that the selected place takes part in.
    pub involved: Vec<&'a str>,
    pub reveal: Option<&'a str>,
    pub jump: Option<&'static str>,
    /// The chosen record's card opens in full (when no details panel shows it beside).
    pub expand_selected: bool,
}

impl Cx<'_> {
    pub fn tr(&self, key: &'static str) -> &'static str {
        tr(self.lang, key)
    }

    pub fn record(&self, id: &str) -> Option<&Record> {
        self.atlas.agenda.get(id)
    }
}

/// The region an id belongs to: an agenda record's, a place's, or the region itself.
pub fn region_of(atlas: &Atlas, id: &str) -> Option<String> {
    let d = atlas.data();
    atlas
        .agenda
        .get(id)
        .map(|r| r.region.clone())
        .or_else(|| d.place(id).map(|p| p.region.clone()))
        .or_else(|| d.region(id).map(|r| r.id.clone()))
}

/// The regions that have agenda records, in the dataset's order.
fn agenda_regions(atlas: &Atlas) -> Vec<String> {
    let d = atlas.data();
    d.regions
        .iter()
        .filter(|r| r.kind == RegionKind::Atlas)
        .filter(|r| atlas.agenda.records.iter().any(|x| x.region == r.id))
        .map(|r| r.id.clone())
        .collect()
}

impl AgendaView {
    /// Follows a selection made elsewhere: its region comes on screen and it is scrolled to.
    fn follow_selection(&mut self, state: &AppState) {
        let sel = state.selection().map(str::to_string);
        if sel == self.seen_selection && self.region.is_some() {
            return;
        }
        if let Some(id) = &sel {
            if let Some(region) = region_of(&state.atlas, id)
                && state
                    .atlas
                    .agenda
                    .records
                    .iter()
                    .any(|r| r.region == region)
            {
                self.region = Some(region);
            }
            if let Some(r) = state.atlas.agenda.get(id) {
                self.reveal = Some(r.id.clone());
                self.reveal_frames = 3;
                self.talent.reveal(state.atlas.data(), r);
            }
        }
        if self.region.is_none() {
            self.region = Some(DEFAULT_REGION.to_string());
        }
        self.seen_selection = sel;
    }
}

impl View for AgendaView {
    fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        self.follow_selection(state);
        let lang = state.lang();
        let atlas = &state.atlas;
        let d = atlas.data();
        let regions = agenda_regions(atlas);
        if regions.is_empty() {
            ui.label(RichText::new(tr(lang, "agenda.empty")).weak());
            return;
        }
        let region = match &self.region {
            Some(r) if regions.contains(r) => r.clone(),
            _ => regions.first().cloned().unwrap_or_default(),
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr(lang, "agenda.region")).strong());
            for id in &regions {
                let name = atlas.name_of(id, lang);
                if ui.selectable_label(*id == region, name).clicked() {
                    self.region = Some(id.clone());
                    out.push(Command::FlyTo(FlyTarget::Region(id.clone())));
                }
            }
        });
        if !self.flown {
            // The map below starts on the region shown, unless a selection put it elsewhere.
            if state.selection().is_none() {
                out.push(Command::FlyTo(FlyTarget::Region(region.clone())));
            }
            self.flown = true;
        }
        let sections = match region.as_str() {
            "zuid-holland" => zuid_holland::SECTIONS,
            "mra" => mra::SECTIONS,
            "noord-nederland" => noord::SECTIONS,
            _ => &[][..],
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr(lang, "agenda.contents")).weak());
            for &(key, label, _) in sections {
                if ui.small_button(tr(lang, label)).clicked() {
                    self.jump = Some(key);
                }
            }
        });
        ui.label(RichText::new(tr(lang, "agenda.hint")).small().weak());
        ui.separator();
        let selected = state.selection();
        let involved: Vec<&str> = selected
            .filter(|id| d.place(id).is_some())
            .map(|id| atlas.agenda.of_place(id).map(|r| r.id.as_str()).collect())
            .unwrap_or_default();
        let cx = Cx {
            atlas,
            d,
            lang,
            selected,
            involved,
            reveal: self.reveal.as_deref(),
            jump: self.jump,
            expand_selected: ui.ctx().content_rect().width() < super::NARROW_WIDTH,
        };
        let talent = &mut self.talent;
        let shown = egui::ScrollArea::vertical()
            .id_salt(("agenda-scroll", region.as_str()))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width());
                match region.as_str() {
                    "zuid-holland" => zuid_holland::ui(ui, &cx, talent, out),
                    "mra" => mra::ui(ui, &cx, out),
                    "noord-nederland" => noord::ui(ui, &cx, out),
                    _ => {
                        ui.label(RichText::new(tr(lang, "agenda.empty")).weak());
                    }
                }
            });
        self.last_rect = Some(shown.inner_rect);
        self.last_content = Some(shown.content_size);
        self.reveal_frames = self.reveal_frames.saturating_sub(1);
        if self.reveal_frames == 0 {
            self.reveal = None;
        } else {
            ui.ctx().request_repaint();
        }
        self.jump = None;
    }
}

/// A top-level section: collapsible (long lists start closed), opened and scrolled to when
/// the table of contents asks, or when a record inside it is to be revealed.
pub(crate) fn section(
    ui: &mut Ui,
    cx: &Cx,
    (key, title, open): (&'static str, &'static str, bool),
    ids: &[&str],
    add: impl FnOnce(&mut Ui),
) {
    let jump = cx.jump == Some(key);
    let reveal = cx.reveal.is_some_and(|id| ids.contains(&id));
    let r = egui::CollapsingHeader::new(RichText::new(cx.tr(title)).heading())
        .id_salt(("agenda-section", key))
        .default_open(open)
        .open((jump || reveal).then_some(true))
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width());
            add(ui);
        });
    if jump {
        r.header_response.scroll_to_me(Some(Align::TOP));
    }
    ui.add_space(6.0);
}

/// A record as a card: its title (clicking selects it and flies the map to its places), its
/// body and the slide button where it makes one. The selected record is highlighted; so
/// are the records the selected place takes part in.
pub(crate) fn card(ui: &mut Ui, cx: &Cx, id: &str, out: &mut Vec<Command>) {
    let Some(rec) = cx.record(id) else { return };
    let Some(data) = rec.data(cx.d) else { return };
    let selected = cx.selected == Some(id);
    let involved = cx.involved.contains(&id);
    let fill = if selected {
        SELECTED_FILL
    } else if involved {
        INVOLVED_FILL
    } else {
        ui.visuals().extreme_bg_color
    };
    egui::Frame::group(ui.style()).fill(fill).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let title = RichText::new(data.title(cx.lang)).strong().size(15.0);
        let r = ui.horizontal_wrapped(|ui| {
            let r = ui
                .selectable_label(selected, title)
                .on_hover_text(cx.tr("agenda.select_hint"));
            if r.clicked() {
                out.push(Command::Focus(id.to_string()));
            }
            if involved {
                ui.label(RichText::new(cx.tr("agenda.involved")).small().italics());
            }
            r
        });
        if cx.reveal == Some(id) {
            r.inner.scroll_to_me(Some(Align::TOP));
        }
        // Cards show what matters at a glance; the details panel shows the chosen one in
        // full, or, on a narrow window without that panel, the card itself opens.
        body::body(ui, cx, rec, selected && cx.expand_selected, out);
        if rec.kind.makes_slide() {
            slide_button(ui, cx, id, out);
        }
    });
}

/// "Als dia toevoegen": the record as a map slide in one's own deck.
pub(crate) fn slide_button(ui: &mut Ui, cx: &Cx, id: &str, out: &mut Vec<Command>) {
    if ui
        .small_button(cx.tr("agenda.add_slide"))
        .on_hover_text(cx.tr("agenda.add_slide_hint"))
        .clicked()
    {
        out.push(Command::AddAgendaSlide(id.to_string()));
    }
}

/// Places as links that select them and fly the map there, after a label.
pub(crate) fn place_links(
    ui: &mut Ui,
    cx: &Cx,
    label: &'static str,
    ids: &[String],
    out: &mut Vec<Command>,
) {
    let ids: Vec<&String> = ids.iter().filter(|id| cx.d.place(id).is_some()).collect();
    if ids.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}:", cx.tr(label))).weak());
        for id in ids {
            let name = cx.atlas.name_of(id, cx.lang);
            if ui
                .link(name)
                .on_hover_text(cx.tr("agenda.place_hint"))
                .clicked()
            {
                out.push(Command::Focus(id.clone()));
            }
        }
    });
}

/// Links to other agenda records (related items, a chain's sheets).
pub(crate) fn record_links(
    ui: &mut Ui,
    cx: &Cx,
    label: &'static str,
    ids: &[&str],
    out: &mut Vec<Command>,
) {
    let found: Vec<(&str, String)> = ids
        .iter()
        .filter_map(|id| {
            let r = cx.record(id)?;
            Some((*id, r.data(cx.d)?.title(cx.lang)))
        })
        .collect();
    if found.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}:", cx.tr(label))).weak());
        for (id, title) in found {
            if ui.link(title).clicked() {
                out.push(Command::Focus(id.to_string()));
            }
        }
    });
}

/// "Label: text" on one wrapped line.
pub(crate) fn fact(ui: &mut Ui, cx: &Cx, label: &'static str, text: &str) {
    if text.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}:", cx.tr(label))).weak());
        ui.label(text);
    });
}

/// The sources under a record, like the details panel's: document title and section, the
/// file and lines and how a passage was read one hover away.
pub(crate) fn sources(ui: &mut Ui, cx: &Cx, cites: &[Citation]) {
    let all: Vec<&Citation> = cites.iter().collect();
    super::details::sources_ui(ui, cx.d, &all, cx.lang);
}

/// The same in one line for a card in a list: one entry per document with its sections
/// ("Title (Publisher, 2021), Bijlage 3; Bijlage 3-6"); each citation on hover.
pub(crate) fn sources_line(ui: &mut Ui, cx: &Cx, cites: &[Citation]) {
    if cites.len() <= 1 {
        return sources(ui, cx, cites);
    }
    let mut text = format!(
        "{}: {}",
        cx.tr("details.sources"),
        cx.d.cite_all_readable(cites)
    );
    let readings = cites.iter().any(|c| c.reading.is_some());
    if readings {
        text.push_str(&format!("  ({})", cx.tr("details.reading")));
    }
    ui.label(RichText::new(text).small().weak())
        .on_hover_ui(|ui| {
            for c in cites {
                ui.label(RichText::new(super::details::cite_text(cx.d, c, cx.lang)).small());
                if let Some(reading) = &c.reading {
                    ui.label(reading.get(cx.lang));
                }
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_brings_its_region() {
        let loaded = crate::model::load_embedded().expect("the embedded atlas loads");
        let atlas = Atlas::new(loaded);
        assert_eq!(region_of(&atlas, "mra-fin-inh").as_deref(), Some("mra"));
        assert_eq!(
            region_of(&atlas, "nn-ask-4").as_deref(),
            Some("noord-nederland")
        );
        assert_eq!(
            region_of(&atlas, "zh-robohouse").as_deref(),
            Some("zuid-holland")
        );
        assert_eq!(region_of(&atlas, "mra").as_deref(), Some("mra"));
        assert_eq!(
            agenda_regions(&atlas),
            ["zuid-holland", "mra", "noord-nederland"]
        );
    }
}
