//! Talent and technology promotion: the regional networks and the initiatives of the
//! technology-promotion table (Bijlage 5), filterable by area, kind and focus.

use egui::{RichText, Ui};

use super::body::{focus_key, group_key};
use super::{Cx, card};
use crate::atlas::agenda::{Record, RecordKind};
use crate::command::Command;
use crate::model::{Dataset, Lang, PromotionFocus, PromotionGroup, TalentInitiative};

/// What kind of initiative the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TalentKind {
    #[default]
    All,
    /// The networks and cooperations of the talent section.
    Network,
    /// A section of the technology-promotion table.
    Group(PromotionGroup),
    /// Named by ROEM-II participants.
    Mentioned,
}

impl TalentKind {
    fn key(self) -> &'static str {
        match self {
            TalentKind::All => "agenda.filter.all",
            TalentKind::Network => "agenda.talent.network",
            TalentKind::Group(g) => group_key(g),
            TalentKind::Mentioned => "agenda.talent.mentioned",
        }
    }

    fn passes(self, t: &TalentInitiative) -> bool {
        match self {
            TalentKind::All => true,
            TalentKind::Network => t.network.is_some(),
            TalentKind::Group(g) => t.table_row.as_ref().is_some_and(|r| r.groups.contains(&g)),
            TalentKind::Mentioned => t.mentioned.is_some(),
        }
    }
}

/// The kinds the list can be narrowed to.
const KINDS: [TalentKind; 7] = [
    TalentKind::All,
    TalentKind::Network,
    TalentKind::Group(PromotionGroup::RegionalActivity),
    TalentKind::Group(PromotionGroup::CompanySchool),
    TalentKind::Group(PromotionGroup::OtherInitiative),
    TalentKind::Group(PromotionGroup::Festival),
    TalentKind::Mentioned,
];

/// The filters of the talent list (kept while the app runs).
#[derive(Debug, Clone, Default)]
pub struct TalentFilter {
    pub kind: TalentKind,
    /// An area as printed (in the UI language); `None` for all.
    pub area: Option<String>,
    pub focus: Option<PromotionFocus>,
}

/// The areas an initiative works in, as printed.
fn areas(t: &TalentInitiative, lang: Lang) -> Vec<&str> {
    t.network
        .iter()
        .map(|n| n.scope.get(lang))
        .chain(
            t.table_row
                .iter()
                .filter_map(|r| r.area.as_ref())
                .map(|a| a.get(lang)),
        )
        .collect()
}

impl TalentFilter {
    fn passes(&self, t: &TalentInitiative, lang: Lang) -> bool {
        self.kind.passes(t)
            && self
                .area
                .as_deref()
                .is_none_or(|a| areas(t, lang).contains(&a))
            && self
                .focus
                .is_none_or(|f| t.table_row.as_ref().and_then(|r| r.focus) == Some(f))
    }

    /// A talent record about to be revealed is let through: filters that hide it are cleared.
    pub fn reveal(&mut self, d: &Dataset, r: &Record) {
        if r.kind != RecordKind::Talent {
            return;
        }
        let Some(t) = d.talent_initiatives.get(r.index) else {
            return;
        };
        let hidden = |f: &TalentFilter, lang| !f.passes(t, lang);
        if hidden(self, Lang::Nl) || hidden(self, Lang::En) {
            *self = TalentFilter::default();
        }
    }
}

pub(super) fn ui(
    ui: &mut Ui,
    cx: &Cx,
    region: &str,
    filter: &mut TalentFilter,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let all: Vec<&TalentInitiative> =
        cx.d.talent_initiatives
            .iter()
            .filter(|t| t.region == region)
            .collect();
    ui.label(RichText::new(cx.tr("agenda.talent_intro")).weak());
    let mut area_list: Vec<&str> = all.iter().flat_map(|t| areas(t, lang)).collect();
    area_list.sort_unstable_by_key(|a| a.to_lowercase());
    area_list.dedup();
    let all_text = cx.tr("agenda.filter.all");
    ui.horizontal_wrapped(|ui| {
        // Each label stays beside its list when the row wraps.
        ui.horizontal(|ui| {
            let label = ui.label(format!("{}:", cx.tr("agenda.filter.kind")));
            egui::ComboBox::from_id_salt("talent-kind")
                .selected_text(cx.tr(filter.kind.key()))
                .show_ui(ui, |ui| {
                    for k in KINDS {
                        ui.selectable_value(&mut filter.kind, k, cx.tr(k.key()));
                    }
                })
                .response
                .labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            let label = ui.label(format!("{}:", cx.tr("agenda.filter.area")));
            egui::ComboBox::from_id_salt("talent-area")
                .selected_text(filter.area.as_deref().unwrap_or(all_text))
                .height(400.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.area, None, all_text);
                    for a in &area_list {
                        ui.selectable_value(&mut filter.area, Some(a.to_string()), *a);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            let label = ui.label(format!("{}:", cx.tr("agenda.filter.focus")));
            let focus_text = filter.focus.map_or(all_text, |f| cx.tr(focus_key(f)));
            egui::ComboBox::from_id_salt("talent-focus")
                .selected_text(focus_text)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.focus, None, all_text);
                    for f in [
                        PromotionFocus::Technical,
                        PromotionFocus::Broad,
                        PromotionFocus::NatureAndTechnology,
                    ] {
                        ui.selectable_value(&mut filter.focus, Some(f), cx.tr(focus_key(f)));
                    }
                })
                .response
                .labelled_by(label.id);
        });
    });
    // The networks first, then the table in its printed order, then the rest.
    let mut shown: Vec<&TalentInitiative> =
        all.into_iter().filter(|t| filter.passes(t, lang)).collect();
    shown.sort_by_key(|t| {
        (
            t.network.is_none(),
            t.table_row.as_ref().map_or(u32::MAX, |r| r.row),
        )
    });
    ui.label(
        RichText::new(format!(
            "{} {}",
            shown.len(),
            cx.tr("agenda.initiatives_count")
        ))
        .weak(),
    );
    if shown.is_empty() && ui.button(cx.tr("agenda.filter.clear")).clicked() {
        *filter = TalentFilter::default();
    }
    for t in shown {
        card(ui, cx, &t.id, out);
    }
}
