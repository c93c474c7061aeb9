//! The agenda records as one index, built once per atlas: every action line, product chain,
//! project sheet, focus theme, agenda point, governance body, accelerator, infrastructure ask,
//! talent initiative and financing instrument by id, with its kind, region, title and the
//! mapped places it involves; per place the records it takes part in; and search entries
//! folded like the place search (case, accents, small typos).

use std::collections::HashMap;

use super::search::{every_word, fold, word_score};
use crate::model::{
    Accelerator, ActionLine, AgendaItem, AgendaKind, Citation, Dataset, FinancingInstrument,
    FocusTheme, Governance, InfrastructureAsk, Lang, ProductChain, ProjectSheet, TalentInitiative,
    Text,
};

/// What an agenda record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    ActionLine,
    ProductChain,
    ProjectSheet,
    FocusTheme,
    /// An ask to national government, a leadership topic, an MRA challenge or pillar.
    Item(AgendaKind),
    Governance,
    Accelerator,
    Infrastructure,
    Talent,
    Instrument,
}

impl RecordKind {
    /// The i18n key of the kind's name.
    pub fn key(self) -> &'static str {
        match self {
            RecordKind::ActionLine => "agenda.kind.action_line",
            RecordKind::ProductChain => "agenda.kind.product_chain",
            RecordKind::ProjectSheet => "agenda.kind.project_sheet",
            RecordKind::FocusTheme => "agenda.kind.focus_theme",
            RecordKind::Item(AgendaKind::Ask) => "agenda.kind.ask",
            RecordKind::Item(AgendaKind::Leadership) => "agenda.kind.leadership",
            RecordKind::Item(AgendaKind::Challenge) => "agenda.kind.challenge",
            RecordKind::Item(AgendaKind::Pillar) => "agenda.kind.pillar",
            RecordKind::Governance => "agenda.kind.governance",
            RecordKind::Accelerator => "agenda.kind.accelerator",
            RecordKind::Infrastructure => "agenda.kind.infrastructure",
            RecordKind::Talent => "agenda.kind.talent",
            RecordKind::Instrument => "agenda.kind.instrument",
        }
    }

    /// Whether a slide can be made of it: project sheets, themes and asks.
    pub fn makes_slide(self) -> bool {
        matches!(
            self,
            RecordKind::ProjectSheet
                | RecordKind::FocusTheme
                | RecordKind::Item(AgendaKind::Ask)
                | RecordKind::Infrastructure
        )
    }
}

/// The order kinds are listed in (a place's records, search hints).
pub const KIND_ORDER: [RecordKind; 13] = [
    RecordKind::ProjectSheet,
    RecordKind::ProductChain,
    RecordKind::FocusTheme,
    RecordKind::Item(AgendaKind::Ask),
    RecordKind::Item(AgendaKind::Leadership),
    RecordKind::Item(AgendaKind::Challenge),
    RecordKind::Item(AgendaKind::Pillar),
    RecordKind::Accelerator,
    RecordKind::Infrastructure,
    RecordKind::Governance,
    RecordKind::Talent,
    RecordKind::Instrument,
    RecordKind::ActionLine,
];

/// One agenda record in the index.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    pub kind: RecordKind,
    pub region: String,
    /// Position in its list of the dataset (`project_sheets`, `focus_themes`, …).
    pub index: usize,
    /// Mapped places it involves, each once, in the order the record names them.
    pub places: Vec<String>,
    /// It has a line of its own on the map (the route's id is the record's id).
    pub route: bool,
}

impl Record {
    /// The record's data in `d` (the dataset the index was built from).
    pub fn data<'a>(&self, d: &'a Dataset) -> Option<RecordRef<'a>> {
        let i = self.index;
        Some(match self.kind {
            RecordKind::ActionLine => RecordRef::ActionLine(d.action_lines.get(i)?),
            RecordKind::ProductChain => RecordRef::ProductChain(d.product_chains.get(i)?),
            RecordKind::ProjectSheet => RecordRef::ProjectSheet(d.project_sheets.get(i)?),
            RecordKind::FocusTheme => RecordRef::FocusTheme(d.focus_themes.get(i)?),
            RecordKind::Item(_) => RecordRef::Item(d.agenda_items.get(i)?),
            RecordKind::Governance => RecordRef::Governance(d.governance.get(i)?),
            RecordKind::Accelerator => RecordRef::Accelerator(d.accelerators.get(i)?),
            RecordKind::Infrastructure => RecordRef::Infrastructure(d.infrastructure.get(i)?),
            RecordKind::Talent => RecordRef::Talent(d.talent_initiatives.get(i)?),
            RecordKind::Instrument => RecordRef::Instrument(d.financing_instruments.get(i)?),
        })
    }
}

/// A record of the dataset, typed.
#[derive(Debug, Clone, Copy)]
pub enum RecordRef<'a> {
    ActionLine(&'a ActionLine),
    ProductChain(&'a ProductChain),
    ProjectSheet(&'a ProjectSheet),
    FocusTheme(&'a FocusTheme),
    Item(&'a AgendaItem),
    Governance(&'a Governance),
    Accelerator(&'a Accelerator),
    Infrastructure(&'a InfrastructureAsk),
    Talent(&'a TalentInitiative),
    Instrument(&'a FinancingInstrument),
}

impl<'a> RecordRef<'a> {
    /// The record's name as the agenda prints it, with its number where it has one:
    /// "3.1 Geen bekostiging zonder baan", "Actielijn 2: Digitaal Verbinden".
    pub fn title(&self, lang: Lang) -> String {
        match self {
            RecordRef::ActionLine(a) => {
                let word = if lang == Lang::Nl {
                    "Actielijn"
                } else {
                    "Action line"
                };
                format!("{word} {}: {}", a.number, a.name.get(lang))
            }
            RecordRef::ProductChain(c) => c.name.get(lang).to_string(),
            RecordRef::ProjectSheet(s) => s.title.get(lang).to_string(),
            RecordRef::FocusTheme(t) => t.name.get(lang).to_string(),
            RecordRef::Item(i) => {
                let n = if i.number.contains('.') {
                    i.number.clone()
                } else {
                    format!("{}.", i.number)
                };
                format!("{n} {}", i.title.get(lang))
            }
            RecordRef::Governance(g) => g.name.clone(),
            RecordRef::Accelerator(a) => {
                let word = if lang == Lang::Nl {
                    "Versneller"
                } else {
                    "Accelerator"
                };
                format!("{word} {}: {}", a.number, a.name.get(lang))
            }
            RecordRef::Infrastructure(x) => x.name.clone(),
            RecordRef::Talent(t) => t.name.clone(),
            RecordRef::Instrument(f) => f.name.clone(),
        }
    }

    /// The record's main text: its goal, description, summary or ask.
    pub fn summary(&self) -> &'a Text {
        match self {
            RecordRef::ActionLine(a) => &a.goal,
            RecordRef::ProductChain(c) => &c.description,
            RecordRef::ProjectSheet(s) => s.goals.first().unwrap_or(&s.title),
            RecordRef::FocusTheme(t) => &t.description,
            RecordRef::Item(i) => &i.summary,
            RecordRef::Governance(g) => &g.description,
            RecordRef::Accelerator(a) => &a.goal,
            RecordRef::Infrastructure(x) => &x.ask,
            RecordRef::Talent(t) => &t.description,
            RecordRef::Instrument(f) => &f.description,
        }
    }

    pub fn sources(&self) -> &'a [Citation] {
        match self {
            RecordRef::ActionLine(a) => &a.sources,
            RecordRef::ProductChain(c) => &c.sources,
            RecordRef::ProjectSheet(s) => &s.sources,
            RecordRef::FocusTheme(t) => &t.sources,
            RecordRef::Item(i) => &i.sources,
            RecordRef::Governance(g) => &g.sources,
            RecordRef::Accelerator(a) => &a.sources,
            RecordRef::Infrastructure(x) => &x.sources,
            RecordRef::Talent(t) => &t.sources,
            RecordRef::Instrument(f) => &f.sources,
        }
    }
}

/// Which text of a record a search hit matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Alias,
    Owner,
    Partner,
    Budget,
    RunBy,
    Line,
    /// Words of the description; only matched as a whole phrase ("Oude Lijn").
    Text,
    /// The name of the record's kind ("focusthema", "vraag aan het Rijk"), matched by the
    /// search view, which knows the names.
    Kind,
}

impl Field {
    pub fn weight(self) -> f32 {
        match self {
            Field::Title => 1.0,
            Field::Alias => 0.95,
            Field::Owner => 0.9,
            Field::Budget => 0.85,
            Field::Line => 0.8,
            Field::Partner | Field::RunBy => 0.75,
            Field::Text => 0.6,
            Field::Kind => 0.78,
        }
    }

    /// i18n key of the field's name.
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "search.field.name",
            Field::Alias => "search.field.alias",
            Field::Owner => "search.field.owner",
            Field::Partner => "search.field.partner",
            Field::Budget => "search.field.budget",
            Field::RunBy => "search.field.runner",
            Field::Line => "search.field.line",
            Field::Text => "search.field.text",
            Field::Kind => "search.field.kind",
        }
    }
}

#[derive(Debug, Clone)]
struct Entry {
    record: usize,
    field: Field,
    folded: String,
    words: Vec<String>,
    shown: String,
}

/// A record that matches a query, with the text that matched.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaHit {
    /// Index into [`AgendaIndex::records`].
    pub record: usize,
    pub score: f32,
    pub field: Field,
    pub matched: String,
}

/// Every agenda record of one dataset, by id and by place, and its search entries.
#[derive(Debug, Default)]
pub struct AgendaIndex {
    pub records: Vec<Record>,
    by_id: HashMap<String, usize>,
    /// Records (by index) that a place takes part in; aggregates (action lines) left out.
    by_place: HashMap<String, Vec<usize>>,
    entries: Vec<Entry>,
}

/// Pushes `ids` that are places of `d` onto `out`, each once.
fn add_places<'a>(d: &Dataset, out: &mut Vec<String>, ids: impl IntoIterator<Item = &'a String>) {
    for id in ids {
        if d.place(id).is_some() && !out.contains(id) {
            out.push(id.clone());
        }
    }
}

/// The budget of a sheet in words, in both languages: "€ 450.000", "€ 5.000.000–40.000.000".
pub fn budget_text(s: &ProjectSheet, lang: Lang) -> Option<String> {
    let b = s.budget.as_ref()?;
    let value = b.total_eur?;
    let amount = crate::model::Amount {
        value,
        max: b.total_max_eur,
        unit: crate::model::Unit::Eur,
        qualifier: if b.total_max_eur.is_some() {
            crate::model::Qualifier::Range
        } else {
            crate::model::Qualifier::Exact
        },
        as_fraction: false,
    };
    Some(amount.text(lang))
}

impl AgendaIndex {
    pub fn new(d: &Dataset) -> AgendaIndex {
        let mut ix = AgendaIndex::default();
        let push = |ix: &mut AgendaIndex,
                    id: &str,
                    kind: RecordKind,
                    region: &str,
                    index: usize,
                    places: Vec<String>| {
            let route = match kind {
                RecordKind::FocusTheme => {
                    d.focus_themes.get(index).is_some_and(|t| t.route.is_some())
                }
                RecordKind::Infrastructure => d
                    .infrastructure
                    .get(index)
                    .is_some_and(|x| x.route.is_some()),
                _ => false,
            };
            ix.by_id.insert(id.to_string(), ix.records.len());
            ix.records.push(Record {
                id: id.to_string(),
                kind,
                region: region.to_string(),
                index,
                places,
                route,
            });
        };
        for (i, s) in d.project_sheets.iter().enumerate() {
            let mut places = Vec::new();
            add_places(d, &mut places, &s.owner_places);
            add_places(d, &mut places, &s.partner_places);
            add_places(d, &mut places, &s.hotspots);
            push(
                &mut ix,
                &s.id,
                RecordKind::ProjectSheet,
                &s.region,
                i,
                places,
            );
        }
        for (i, a) in d.action_lines.iter().enumerate() {
            // An action line involves whatever its sheets involve.
            let prefix = format!("2.{}.", a.number);
            let mut places = Vec::new();
            for s in d.project_sheets.iter().filter(|s| {
                s.region == a.region && s.actions.iter().any(|n| n.starts_with(&prefix))
            }) {
                add_places(d, &mut places, &s.owner_places);
                add_places(d, &mut places, &s.partner_places);
            }
            push(&mut ix, &a.id, RecordKind::ActionLine, &a.region, i, places);
        }
        for (i, c) in d.product_chains.iter().enumerate() {
            let mut places = Vec::new();
            add_places(d, &mut places, &c.hotspots);
            push(
                &mut ix,
                &c.id,
                RecordKind::ProductChain,
                &c.region,
                i,
                places,
            );
        }
        for (i, t) in d.focus_themes.iter().enumerate() {
            let mut places = Vec::new();
            add_places(d, &mut places, &t.places);
            push(&mut ix, &t.id, RecordKind::FocusTheme, &t.region, i, places);
        }
        for (i, item) in d.agenda_items.iter().enumerate() {
            let mut places = Vec::new();
            add_places(d, &mut places, &item.places);
            for x in d
                .infrastructure
                .iter()
                .filter(|x| item.related.contains(&x.id))
            {
                add_places(d, &mut places, &x.connects);
            }
            let kind = RecordKind::Item(item.kind);
            push(&mut ix, &item.id, kind, &item.region, i, places);
        }
        for (i, g) in d.governance.iter().enumerate() {
            let mut places = Vec::new();
            add_places(d, &mut places, &g.member_places);
            push(&mut ix, &g.id, RecordKind::Governance, &g.region, i, places);
        }
        for (i, a) in d.accelerators.iter().enumerate() {
            let mut places = Vec::new();
            for line in &a.lines {
                add_places(d, &mut places, &line.initiator_places);
            }
            push(
                &mut ix,
                &a.id,
                RecordKind::Accelerator,
                &a.region,
                i,
                places,
            );
        }
        for (i, x) in d.infrastructure.iter().enumerate() {
            let mut places = Vec::new();
            add_places(d, &mut places, &x.connects);
            push(
                &mut ix,
                &x.id,
                RecordKind::Infrastructure,
                &x.region,
                i,
                places,
            );
        }
        for (i, t) in d.talent_initiatives.iter().enumerate() {
            let mut places = Vec::new();
            add_places(d, &mut places, &t.place);
            push(&mut ix, &t.id, RecordKind::Talent, &t.region, i, places);
        }
        for (i, f) in d.financing_instruments.iter().enumerate() {
            // Parties that are mapped places (by name or alias), if any.
            let mut places = Vec::new();
            for party in &f.parties {
                let name = fold(&party.name);
                let found = d
                    .places
                    .iter()
                    .find(|p| fold(&p.name) == name || p.aliases.iter().any(|a| fold(a) == name));
                if let Some(p) = found {
                    add_places(d, &mut places, [&p.id]);
                }
            }
            push(&mut ix, &f.id, RecordKind::Instrument, &f.region, i, places);
        }
        for (r, rec) in ix.records.iter().enumerate() {
            if rec.kind == RecordKind::ActionLine {
                continue;
            }
            for p in &rec.places {
                ix.by_place.entry(p.clone()).or_default().push(r);
            }
        }
        ix.entries = entries(d, &ix.records);
        ix
    }

    /// The record with this id.
    pub fn get(&self, id: &str) -> Option<&Record> {
        self.by_id.get(id).and_then(|&i| self.records.get(i))
    }

    /// The record's data in `d` (the dataset the index was built from).
    pub fn resolve<'a>(&self, d: &'a Dataset, r: &Record) -> Option<RecordRef<'a>> {
        r.data(d)
    }

    /// The places a record involves (empty for an unknown id).
    pub fn places_of(&self, id: &str) -> &[String] {
        self.get(id).map_or(&[], |r| r.places.as_slice())
    }

    /// What the map fits to show a record: its places and its route, else its region.
    pub fn fit_ids(&self, id: &str) -> Vec<String> {
        let Some(r) = self.get(id) else {
            return Vec::new();
        };
        let mut ids = r.places.clone();
        if r.route {
            ids.push(r.id.clone());
        }
        if ids.is_empty() {
            ids.push(r.region.clone());
        }
        ids
    }

    /// The records a place takes part in, in index order.
    pub fn of_place(&self, place: &str) -> impl Iterator<Item = &Record> {
        self.by_place
            .get(place)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|&i| self.records.get(i))
    }

    /// The best hit per record, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<AgendaHit> {
        let q = fold(query);
        if q.is_empty() {
            return Vec::new();
        }
        let q_words: Vec<&str> = q.split(' ').collect();
        let mut best: HashMap<usize, AgendaHit> = HashMap::new();
        for e in &self.entries {
            let base = if e.folded == q {
                1.0
            } else if e.folded.starts_with(&q) {
                0.92
            } else if e.folded.contains(&q) {
                // A phrase inside a longer text: whole words only ("oude lijn", not "ude l").
                let padded = format!(" {} ", e.folded);
                if padded.contains(&format!(" {q} ")) || e.field != Field::Text {
                    0.8
                } else {
                    0.0
                }
            } else if e.field == Field::Text {
                0.0
            } else {
                let best = q_words.iter().map(|qw| {
                    e.words
                        .iter()
                        .map(|w| word_score(qw, w))
                        .fold(0.0, f32::max)
                });
                every_word(best, q_words.len()) * 0.85
            };
            if base <= 0.0 {
                continue;
            }
            let score = base * e.field.weight();
            if best.get(&e.record).is_none_or(|h| score > h.score) {
                best.insert(
                    e.record,
                    AgendaHit {
                        record: e.record,
                        score,
                        field: e.field,
                        matched: e.shown.clone(),
                    },
                );
            }
        }
        let mut hits: Vec<AgendaHit> = best.into_values().collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.record.cmp(&b.record)));
        hits.truncate(limit);
        hits
    }
}

/// The search entries of every record: titles and aliases, owners and partners, budgets, who
/// runs an instrument, accelerator lines, and the descriptions of records with a route.
fn entries(d: &Dataset, records: &[Record]) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut add = |record: usize, field: Field, text: &str| {
        let folded = fold(text);
        if folded.is_empty() {
            return;
        }
        let words = folded.split(' ').map(str::to_string).collect();
        out.push(Entry {
            record,
            field,
            folded,
            words,
            shown: text.to_string(),
        });
    };
    for (r, rec) in records.iter().enumerate() {
        let Some(data) = rec.data(d) else {
            continue;
        };
        for lang in [Lang::Nl, Lang::En] {
            add(r, Field::Title, &data.title(lang));
        }
        match data {
            RecordRef::ActionLine(a) => {
                for x in &a.actions {
                    add(r, Field::Line, x.title.get(Lang::Nl));
                }
            }
            RecordRef::ProductChain(c) => c.aliases.iter().for_each(|a| add(r, Field::Alias, a)),
            RecordRef::ProjectSheet(s) => {
                add(r, Field::Owner, &s.owner);
                for n in &s.core_team {
                    add(r, Field::Partner, n);
                }
                for n in s.partners.iter().flat_map(|g| &g.names) {
                    add(r, Field::Partner, n);
                }
                for lang in [Lang::Nl, Lang::En] {
                    if let Some(b) = budget_text(s, lang) {
                        add(r, Field::Budget, &b);
                    }
                }
            }
            RecordRef::FocusTheme(t) => {
                if t.route.is_some() {
                    add(r, Field::Text, &t.description.nl);
                    add(r, Field::Text, &t.description.en);
                }
            }
            RecordRef::Item(_) => {}
            RecordRef::Governance(g) => {
                g.aliases.iter().for_each(|a| add(r, Field::Alias, a));
                g.members.iter().for_each(|m| add(r, Field::Partner, m));
            }
            RecordRef::Accelerator(a) => {
                for line in &a.lines {
                    add(r, Field::Line, &line.title);
                }
            }
            RecordRef::Infrastructure(x) => {
                if x.route.is_some() {
                    add(r, Field::Text, &x.ask.nl);
                    add(r, Field::Text, &x.ask.en);
                }
            }
            RecordRef::Talent(t) => t.aliases.iter().for_each(|a| add(r, Field::Alias, a)),
            RecordRef::Instrument(f) => {
                f.aliases.iter().for_each(|a| add(r, Field::Alias, a));
                f.parties.iter().for_each(|p| add(r, Field::RunBy, &p.name));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> (Dataset, AgendaIndex) {
        let d = crate::model::load_embedded()
            .expect("the embedded atlas loads")
            .dataset;
        let ix = AgendaIndex::new(&d);
        (d, ix)
    }

    fn top(ix: &AgendaIndex, q: &str) -> Vec<String> {
        ix.search(q, 5)
            .iter()
            .filter_map(|h| ix.records.get(h.record))
            .map(|r| r.id.clone())
            .collect()
    }

    #[test]
    fn every_agenda_record_is_indexed_once() {
        let (d, ix) = index();
        let n = d.project_sheets.len()
            + d.action_lines.len()
            + d.product_chains.len()
            + d.focus_themes.len()
            + d.agenda_items.len()
            + d.governance.len()
            + d.accelerators.len()
            + d.infrastructure.len()
            + d.talent_initiatives.len()
            + d.financing_instruments.len();
        assert_eq!(ix.records.len(), n);
        for r in &ix.records {
            assert_eq!(ix.get(&r.id), Some(r), "{} is shadowed", r.id);
            let data = ix.resolve(&d, r).expect("resolves");
            assert!(!data.title(Lang::Nl).is_empty());
        }
    }

    #[test]
    fn a_sheet_involves_its_owner_and_partners_and_they_list_it() {
        let (_, ix) = index();
        let places = ix.places_of("zh-ps-2-1-2-lasersatcom");
        for p in ["zh-tno-delft", "zh-nl-space-campus"] {
            assert!(places.iter().any(|x| x == p), "{p} not in {places:?}");
            assert!(
                ix.of_place(p).any(|r| r.id == "zh-ps-2-1-2-lasersatcom"),
                "{p} does not list the sheet"
            );
        }
        // Aggregates are not listed per place.
        assert!(
            ix.of_place("zh-tno-delft")
                .all(|r| r.kind != RecordKind::ActionLine)
        );
    }

    #[test]
    fn routes_themes_instruments_and_owners_are_found() {
        let (_, ix) = index();
        assert_eq!(
            top(&ix, "Lelylijn").first().map(String::as_str),
            Some("nn-infra-lelylijn")
        );
        assert_eq!(
            top(&ix, "nedersaksenlijn").first().map(String::as_str),
            Some("nn-infra-nedersaksenlijn")
        );
        assert!(top(&ix, "Oude Lijn").contains(&"zh-theme-light-rail".to_string()));
        assert!(top(&ix, "innovatiefonds noord holand").contains(&"mra-fin-inh".to_string()));
        assert!(top(&ix, "RoboValley").contains(&"zh-ps-2-1-3-fraim".to_string()));
        assert!(top(&ix, "450.000").contains(&"zh-ps-2-1-3-fraim".to_string()));
        assert!(top(&ix, "Lifelong learning").contains(&"zh-theme-lifelong-learning".to_string()));
        // A phrase inside a description only matches whole words.
        assert!(top(&ix, "ude lij").is_empty());
    }

    #[test]
    fn fitting_falls_back_to_the_route_or_the_region() {
        let (_, ix) = index();
        assert!(
            ix.fit_ids("zh-theme-light-rail")
                .contains(&"zh-theme-light-rail".to_string())
        );
        assert_eq!(
            ix.fit_ids("nn-infra-bestaand-spoor"),
            vec!["noord-nederland".to_string()]
        );
        assert!(ix.fit_ids("no-such-id").is_empty());
    }
}
