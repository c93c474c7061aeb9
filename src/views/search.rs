//! The search box and its result list: type, move with the arrow keys, Enter to go. Places
//! and agenda records (project sheets, themes, asks, instruments, networks, routes) are found
//! together, ranked by one score.

use egui::{Key, RichText};

use super::View;
use crate::atlas::agenda::{AgendaHit, Field, RecordKind};
use crate::atlas::search::Hit;
use crate::atlas::search::fold;
use crate::atlas::search::towns::{TownHit, town_label, towns_matching};
use crate::command::{Command, FlyTarget};
use crate::i18n::{self, tr};
use crate::model::{AgendaKind, Lang};
use crate::state::AppState;

const MAX_RESULTS: usize = 12;
/// Agenda records keep at least this many rows when places would fill the list.
const MIN_AGENDA_RESULTS: usize = 4;

/// One row of the result list: a place or an agenda record.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    Place(Hit),
    Record(AgendaHit),
    /// A town of the gazetteer: choosing it flies the map there.
    Town(TownHit),
}

impl Found {
    pub fn score(&self) -> f32 {
        match self {
            Found::Place(h) => h.score,
            Found::Record(h) => h.score,
            // A town named exactly leads the list, as in any map's search box; one that
            // only starts with the query comes after every other hit.
            Found::Town(h) if h.exact => f32::INFINITY,
            Found::Town(_) => 0.0,
        }
    }

    /// The id a click on the row selects (none for a town, which is only flown to).
    pub fn id(&self, atlas: &crate::atlas::Atlas) -> Option<String> {
        match self {
            Found::Place(h) => atlas.data().places.get(h.place).map(|p| p.id.clone()),
            Found::Record(h) => atlas.agenda.records.get(h.record).map(|r| r.id.clone()),
            Found::Town(_) => None,
        }
    }

    /// What choosing the row does: select and fly to a place or record, or fly to a town.
    pub fn command(&self, atlas: &crate::atlas::Atlas) -> Option<Command> {
        match self {
            Found::Town(h) => Some(Command::FlyTo(FlyTarget::Town(h.town))),
            _ => self.id(atlas).map(Command::Focus),
        }
    }
}

/// Towns shown at most: the exact one and a few that start with the query.
const MAX_TOWNS: usize = 2;

/// Places and agenda records for `query`, best first; agenda records are not crowded out.
/// Waits for the place index if it is still being built (tests, tools).
pub fn find(atlas: &crate::atlas::Atlas, query: &str, limit: usize) -> Vec<Found> {
    merge(atlas.search.search(query, limit), atlas, query, limit)
}

/// As [`find`], without waiting: `None` for the places while their index is being built in
/// the background (the records are there from the start).
pub fn find_now(atlas: &crate::atlas::Atlas, query: &str, limit: usize) -> (Vec<Found>, bool) {
    match atlas.search.try_search(query, limit) {
        Some(places) => (merge(places, atlas, query, limit), true),
        None => (merge(Vec::new(), atlas, query, limit), false),
    }
}

fn merge(
    places: Vec<crate::atlas::search::Hit>,
    atlas: &crate::atlas::Atlas,
    query: &str,
    limit: usize,
) -> Vec<Found> {
    let mut records = atlas.agenda.search(query, limit);
    for hit in kind_hits(atlas, query) {
        if !records.iter().any(|r| r.record == hit.record) {
            records.push(hit);
        }
    }
    let keep_records = records.len().min(MIN_AGENDA_RESULTS);
    let keep_places = places.len().min(limit.saturating_sub(keep_records));
    let mut all: Vec<Found> = places.into_iter().map(Found::Place).collect();
    let extra_places = all.split_off(keep_places);
    all.extend(records.into_iter().map(Found::Record));
    all.sort_by(|a, b| b.score().total_cmp(&a.score()));
    all.truncate(limit);
    // Room left (few records): the places that were held back.
    let room = limit.saturating_sub(all.len());
    all.extend(extra_places.into_iter().take(room));
    all.sort_by(|a, b| b.score().total_cmp(&a.score()));
    let towns = towns_matching(query, MAX_TOWNS);
    if let Some(exact) = towns.iter().find(|t| t.exact) {
        all.insert(0, Found::Town(*exact));
        all.truncate(limit);
    }
    let room = limit.saturating_sub(all.len());
    all.extend(
        towns
            .into_iter()
            .filter(|t| !t.exact)
            .take(room)
            .map(Found::Town),
    );
    all
}

/// The names a kind of record goes by, in both languages: the kind ("Vraag aan het Rijk")
/// and the agenda section that lists them ("Vragen aan het Rijk").
fn kind_names(kind: RecordKind) -> Vec<&'static str> {
    let section = match kind {
        RecordKind::ActionLine | RecordKind::ProductChain | RecordKind::ProjectSheet => {
            "agenda.sec.lines"
        }
        RecordKind::FocusTheme => "agenda.sec.themes",
        RecordKind::Item(AgendaKind::Ask) => "agenda.sec.asks",
        RecordKind::Item(AgendaKind::Leadership) | RecordKind::Governance => {
            "agenda.sec.leadership"
        }
        RecordKind::Item(AgendaKind::Challenge) => "agenda.sec.challenges",
        RecordKind::Item(AgendaKind::Pillar) => "agenda.sec.pillars",
        RecordKind::Accelerator => "agenda.sec.accelerators",
        RecordKind::Infrastructure => "agenda.sec.infra",
        RecordKind::Talent => "agenda.sec.talent",
        RecordKind::Instrument => "agenda.sec.instruments",
    };
    [Lang::Nl, Lang::En]
        .into_iter()
        .flat_map(|lang| [tr(lang, kind.key()), tr(lang, section)])
        .collect()
}

/// Every record of a kind the query names as whole words: "focusthema" lists the six
/// themes, "Rijk" the asks to national government.
fn kind_hits(atlas: &crate::atlas::Atlas, query: &str) -> Vec<AgendaHit> {
    let q = fold(query);
    if q.chars().count() < 4 {
        return Vec::new();
    }
    let q = format!(" {q} ");
    let mut named: Vec<(RecordKind, Option<&'static str>)> = Vec::new();
    let mut out = Vec::new();
    for (i, r) in atlas.agenda.records.iter().enumerate() {
        let name = match named.iter().find(|(k, _)| *k == r.kind) {
            Some((_, name)) => *name,
            None => {
                let name = kind_names(r.kind)
                    .into_iter()
                    .find(|n| format!(" {} ", fold(n)).contains(&q));
                named.push((r.kind, name));
                name
            }
        };
        if let Some(name) = name {
            out.push(AgendaHit {
                record: i,
                score: Field::Kind.weight(),
                field: Field::Kind,
                matched: name.to_string(),
            });
        }
    }
    out
}

#[derive(Default)]
pub struct SearchView {
    pub query: String,
    /// The query the results belong to, so they are only recomputed when it changes.
    searched: String,
    atlas: usize,
    results: Vec<Found>,
    /// Highlighted row of the result list.
    row: usize,
    focus_requested: bool,
    /// A result was chosen: the list folds away until the query changes.
    chosen: bool,
    /// The results include places (their index was ready when they were made).
    complete: bool,
}

impl SearchView {
    pub fn request_focus(&mut self) {
        self.focus_requested = true;
    }

    pub fn results(&self) -> &[Found] {
        &self.results
    }
}

impl View for SearchView {
    fn ui(&mut self, ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
        let lang = state.lang();
        let atlas = &state.atlas;
        let edit = egui::TextEdit::singleline(&mut self.query)
            .hint_text(tr(lang, "search.hint"))
            .desired_width(f32::INFINITY);
        let label = ui.label(egui::RichText::new(tr(lang, "search.label")).strong());
        let response = ui.add(edit).labelled_by(label.id);
        if self.focus_requested {
            response.request_focus();
            self.focus_requested = false;
        }
        let atlas_id = std::sync::Arc::as_ptr(atlas) as usize;
        let changed = self.query != self.searched || self.atlas != atlas_id;
        if changed || !self.complete {
            // Never waits: while the place index is built in the background, the agenda
            // records show, and the places join as soon as the index is there.
            let (results, complete) = find_now(atlas, &self.query, MAX_RESULTS);
            self.results = results;
            self.complete = complete;
            if !complete {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(100));
            }
            if changed {
                self.searched = self.query.clone();
                self.atlas = atlas_id;
                self.row = 0;
                self.chosen = false;
            }
        }
        if response.has_focus() || response.lost_focus() {
            let (down, up, enter, escape) = ui.input(|i| {
                (
                    i.key_pressed(Key::ArrowDown),
                    i.key_pressed(Key::ArrowUp),
                    i.key_pressed(Key::Enter),
                    i.key_pressed(Key::Escape),
                )
            });
            if down && self.row + 1 < self.results.len() {
                self.row += 1;
            }
            if up {
                self.row = self.row.saturating_sub(1);
            }
            if enter && !self.complete {
                // Enter means "go": wait for the place index rather than go to a record
                // only because the places were not there yet.
                self.results = find(atlas, &self.query, MAX_RESULTS);
                self.complete = true;
            }
            if enter
                && let Some(command) = self.results.get(self.row).and_then(|f| f.command(atlas))
            {
                out.push(command);
                self.chosen = true;
            }
            if escape {
                self.query.clear();
            }
        }
        if self.query.trim().is_empty() || self.chosen {
            return;
        }
        if !self.complete {
            ui.label(RichText::new(tr(lang, "search.building")).weak());
        }
        if self.results.is_empty() {
            if self.complete {
                ui.label(RichText::new(tr(lang, "search.none")).weak());
            }
            return;
        }
        let d = atlas.data();
        for (row, found) in self.results.iter().enumerate() {
            let (text, kind) = match found {
                Found::Place(hit) => {
                    let Some(p) = d.places.get(hit.place) else {
                        continue;
                    };
                    let mut text = p.name.clone();
                    if hit.matched != p.name {
                        text.push_str(&format!(
                            "  ({}: {})",
                            tr(lang, hit.field.key()),
                            hit.matched
                        ));
                    }
                    (text, i18n::kind(lang, p.kind))
                }
                Found::Record(hit) => {
                    let Some(r) = atlas.agenda.records.get(hit.record) else {
                        continue;
                    };
                    let Some(data) = r.data(d) else { continue };
                    let title = data.title(lang);
                    let kind = tr(lang, r.kind.key());
                    let mut text = format!("{title} · {kind}");
                    if hit.matched != title && hit.field != crate::atlas::agenda::Field::Title {
                        let shown = if hit.field == crate::atlas::agenda::Field::Text {
                            self.query.trim().to_string()
                        } else {
                            hit.matched.clone()
                        };
                        text.push_str(&format!("  ({}: {shown})", tr(lang, hit.field.key())));
                    }
                    (text, kind)
                }
                Found::Town(hit) => {
                    let Some(name) = town_label(hit.town) else {
                        continue;
                    };
                    (
                        format!("{name} · {}", tr(lang, "search.town")),
                        tr(lang, "search.town_hint"),
                    )
                }
            };
            let r = ui
                .selectable_label(row == self.row, text)
                .on_hover_text(kind);
            if r.clicked()
                && let Some(command) = found.command(atlas)
            {
                out.push(command);
                self.chosen = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_agenda_records_are_found_together() {
        let loaded = crate::model::load_embedded().expect("the embedded atlas loads");
        let atlas = crate::atlas::Atlas::new(loaded);
        let ids = |q: &str| -> Vec<String> {
            find(&atlas, q, MAX_RESULTS)
                .iter()
                .filter_map(|f| f.id(&atlas))
                .collect()
        };
        // TNO is a place and owns sheets: both show, the exact place first.
        let tno = ids("TNO");
        assert_eq!(tno.first().map(String::as_str), Some("zh-tno-delft"));
        assert!(
            tno.iter().any(|id| id == "zh-ps-2-1-2-lasersatcom"),
            "{tno:?}"
        );
        // "campus" fills the list with places that score higher than any record, yet the
        // records keep their rows.
        let hits = find(&atlas, "campus", MAX_RESULTS);
        assert!(hits.len() <= MAX_RESULTS);
        let scores: Vec<f32> = hits.iter().map(Found::score).collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
        assert!(
            hits.iter().any(|f| matches!(f, Found::Record(_))),
            "the records are crowded out"
        );
        assert_eq!(
            ids("Lelylijn").first().map(String::as_str),
            Some("nn-infra-lelylijn")
        );
    }

    #[test]
    fn a_town_named_exactly_leads_and_flies_the_map() {
        let loaded = crate::model::load_embedded().expect("the embedded atlas loads");
        let atlas = crate::atlas::Atlas::new(loaded);
        let hits = find(&atlas, "Delft", MAX_RESULTS);
        assert!(hits.len() <= MAX_RESULTS);
        match hits.first() {
            Some(Found::Town(t)) => assert!(t.exact),
            other => panic!("the town Delft does not lead: {other:?}"),
        }
        assert!(matches!(
            hits.first().and_then(|f| f.command(&atlas)),
            Some(Command::FlyTo(FlyTarget::Town(_)))
        ));
        assert!(
            hits.iter().any(|f| matches!(f, Found::Place(_))),
            "the places in Delft follow"
        );
    }

    #[test]
    fn a_kind_of_record_is_found_by_its_name() {
        let loaded = crate::model::load_embedded().expect("the embedded atlas loads");
        let atlas = crate::atlas::Atlas::new(loaded);
        let of_kind = |q: &str, kind: RecordKind| -> usize {
            find(&atlas, q, MAX_RESULTS)
                .iter()
                .filter(|f| match f {
                    Found::Record(h) => atlas.agenda.records[h.record].kind == kind,
                    Found::Place(_) | Found::Town(_) => false,
                })
                .count()
        };
        let asks = RecordKind::Item(AgendaKind::Ask);
        let themes = RecordKind::FocusTheme;
        let all_asks = atlas
            .agenda
            .records
            .iter()
            .filter(|r| r.kind == asks)
            .count();
        assert!(all_asks >= 5, "{all_asks}");
        assert!(of_kind("vragen aan het rijk", asks) >= 5);
        assert_eq!(of_kind("focusthema", themes), 6);
        assert_eq!(of_kind("focus themes", themes), 6);
        // One word of the name: places named Schiphol-Rijk may come first, the asks follow.
        assert!(of_kind("Rijk", asks) >= MIN_AGENDA_RESULTS);
        // Short fragments do not list whole kinds.
        assert_eq!(of_kind("vra", asks), 0);
    }
}
