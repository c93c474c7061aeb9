//! The dataset as tables for spreadsheets: places, sub-regions with their municipalities,
//! cross-pollinations with their endpoints, project sheets, key figures and sources. The
//! XLSX writes one sheet per table, the CSVs one table per file.
//!
//! Column headers follow `--lang` (Dutch by default, English on request) and are stable:
//! scripts may rely on them. Values that are numbers (lat, lon, companies, figures,
//! budgets) are numbers; ids (sectors, regions, endpoints) sit beside the names.

use std::collections::HashMap;

use super::scope::Subset;
use crate::model::{Citation, Dataset, Lang, Place, PlaceKind, Region, Sector, Source};

/// A cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Int(i64),
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        if s.is_empty() {
            Value::Empty
        } else {
            Value::Text(s.to_string())
        }
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        if s.is_empty() {
            Value::Empty
        } else {
            Value::Text(s)
        }
    }
}

impl From<Option<i64>> for Value {
    fn from(n: Option<i64>) -> Self {
        n.map_or(Value::Empty, Value::Int)
    }
}

impl From<Option<f64>> for Value {
    fn from(n: Option<f64>) -> Self {
        n.map_or(Value::Empty, Value::Number)
    }
}

/// Which table; `--table` on the command line for the CSVs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Places,
    SubRegions,
    CrossPollinations,
    ProjectSheets,
    Figures,
    Sources,
}

impl TableKind {
    pub const ALL: [TableKind; 6] = [
        TableKind::Places,
        TableKind::SubRegions,
        TableKind::CrossPollinations,
        TableKind::ProjectSheets,
        TableKind::Figures,
        TableKind::Sources,
    ];

    /// The sheet's name (at most 31 characters, none Excel forbids).
    pub fn sheet_name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (TableKind::Places, Lang::Nl) => "Plaatsen",
            (TableKind::Places, Lang::En) => "Places",
            (TableKind::SubRegions, Lang::Nl) => "Deelregio's",
            (TableKind::SubRegions, Lang::En) => "Sub-regions",
            (TableKind::CrossPollinations, Lang::Nl) => "Kruisbestuivingen",
            (TableKind::CrossPollinations, Lang::En) => "Cross-pollinations",
            (TableKind::ProjectSheets, Lang::Nl) => "Projectfiches",
            (TableKind::ProjectSheets, Lang::En) => "Project sheets",
            (TableKind::Figures, Lang::Nl) => "Kerncijfers",
            (TableKind::Figures, Lang::En) => "Key figures",
            (TableKind::Sources, Lang::Nl) => "Bronnen",
            (TableKind::Sources, Lang::En) => "Sources",
        }
    }
}

/// A column: its header in both languages and, for numbers, how many decimals to show.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub nl: &'static str,
    pub en: &'static str,
    /// Decimals shown for a number column (None: text, or a number as it comes).
    pub decimals: Option<u8>,
}

const fn text(nl: &'static str, en: &'static str) -> Column {
    Column {
        nl,
        en,
        decimals: None,
    }
}

const fn number(nl: &'static str, en: &'static str, decimals: u8) -> Column {
    Column {
        nl,
        en,
        decimals: Some(decimals),
    }
}

impl Column {
    pub fn header(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.nl,
            Lang::En => self.en,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Table {
    pub kind: TableKind,
    pub columns: &'static [Column],
    pub rows: Vec<Vec<Value>>,
}

const SOURCE_COLUMNS: [Column; 3] = [
    text("bron", "source"),
    text("bronbestand", "source_file"),
    text("bronregels", "source_lines"),
];

const PLACE_COLUMNS: &[Column] = &[
    text("id", "id"),
    text("naam", "name"),
    text("regio", "region"),
    text("soort", "kind"),
    number("lat", "lat", 5),
    number("lon", "lon", 5),
    text("sectoren", "sectors"),
    number("bedrijven", "companies", 0),
    SOURCE_COLUMNS[0],
    SOURCE_COLUMNS[1],
    SOURCE_COLUMNS[2],
    text("plaats", "town"),
    text("sectornamen", "sector_names"),
    text("positie", "position"),
    number("nauwkeurigheid_m", "accuracy_m", 0),
    text("onderdeel_van", "part_of"),
    text("omschrijving", "description"),
];

const SUB_REGION_COLUMNS: &[Column] = &[
    text("id", "id"),
    text("naam", "name"),
    text("regio", "region"),
    text("sectoren", "sectors"),
    number("aantal_gemeenten", "municipality_count", 0),
    text("gemeenten", "municipalities"),
    text("gemeentecodes", "municipality_codes"),
    number("lat", "lat", 5),
    number("lon", "lon", 5),
    SOURCE_COLUMNS[0],
    SOURCE_COLUMNS[1],
    SOURCE_COLUMNS[2],
    text("bron_gemeenten", "municipalities_source"),
];

const LINK_COLUMNS: &[Column] = &[
    text("id", "id"),
    text("thema", "theme"),
    text("eindpunten", "endpoints"),
    text("eindpunt_ids", "endpoint_ids"),
    text("van", "from"),
    text("mogelijke_eindpunten", "optional_endpoints"),
    text("alle_deelregio_s_van", "all_sub_regions_of"),
    text("via", "via"),
    text("partners", "partners"),
    text("sectoren", "sectors"),
    text("herkomst", "origin"),
    SOURCE_COLUMNS[0],
    SOURCE_COLUMNS[1],
    SOURCE_COLUMNS[2],
];

const SHEET_COLUMNS: &[Column] = &[
    text("id", "id"),
    text("regio", "region"),
    text("acties", "actions"),
    text("titel", "title"),
    text("eigenaar", "owner"),
    text("productketen", "product_chain"),
    text("kernteam", "core_team"),
    text("partners", "partners"),
    text("hotspots", "hotspots"),
    number("budget_eur", "budget_eur", 0),
    number("budget_max_eur", "budget_max_eur", 0),
    text("looptijd", "timeline"),
    text("status", "status"),
    SOURCE_COLUMNS[0],
    SOURCE_COLUMNS[1],
    SOURCE_COLUMNS[2],
];

const FIGURE_COLUMNS: &[Column] = &[
    text("id", "id"),
    text("onderwerp", "subject"),
    text("onderwerp_id", "subject_id"),
    text("omschrijving", "label"),
    number("waarde", "value", 2),
    number("waarde_max", "value_max", 2),
    text("eenheid", "unit"),
    text("kwalificatie", "qualifier"),
    text("doel", "target"),
    number("jaar", "year", 0),
    SOURCE_COLUMNS[0],
    SOURCE_COLUMNS[1],
    SOURCE_COLUMNS[2],
];

const SOURCE_TABLE_COLUMNS: &[Column] = &[
    text("id", "id"),
    text("soort", "kind"),
    text("titel", "title"),
    text("uitgever", "publisher"),
    text("datum", "date"),
    text("bestand", "file"),
    text("url", "url"),
    text("toelichting", "note"),
];

/// `serde`'s name of a unit enum value ("percent", "more_than").
fn serde_key<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Names by id for one export, from hash maps built once: the dataset's own lookups scan
/// their lists, which for the parent of each of 100,000 places made the places table
/// quadratic (4.6 s for an XLSX of 100,000 places, most of it in those scans).
pub struct Names<'a> {
    pub d: &'a Dataset,
    places: HashMap<&'a str, &'a Place>,
    regions: HashMap<&'a str, &'a Region>,
    sectors: HashMap<&'a str, &'a Sector>,
    sources: HashMap<&'a str, &'a Source>,
}

impl<'a> Names<'a> {
    pub fn new(d: &'a Dataset) -> Names<'a> {
        // The first of a duplicated id wins, as the dataset's own `find` lookups do.
        fn index<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, &'a T> {
            let mut m = HashMap::with_capacity(items.len());
            for x in items {
                m.entry(id(x)).or_insert(x);
            }
            m
        }
        Names {
            d,
            places: index(&d.places, |p| p.id.as_str()),
            regions: index(&d.regions, |r| r.id.as_str()),
            sectors: index(&d.sectors, |s| s.id.as_str()),
            sources: index(&d.sources, |s| s.id.as_str()),
        }
    }

    pub fn place(&self, id: &str) -> Option<&'a Place> {
        self.places.get(id).copied()
    }

    /// A place's name, or else a region's ([`Dataset::label_of`]).
    pub fn label_of(&self, id: &str, lang: Lang) -> Option<&'a str> {
        self.place(id)
            .map(|p| p.name.as_str())
            .or_else(|| self.regions.get(id).map(|r| r.name.get(lang)))
    }

    fn region_name(&self, id: &'a str, lang: Lang) -> &'a str {
        self.regions.get(id).map_or(id, |r| r.name.get(lang))
    }

    fn source(&self, id: &str) -> Option<&'a Source> {
        self.sources.get(id).copied()
    }

    fn names(&self, ids: &[String], lang: Lang) -> String {
        join(
            ids.iter().map(|id| self.label_of(id, lang).unwrap_or(id)),
            "; ",
        )
    }

    fn sector_names(&self, ids: &[String], lang: Lang) -> String {
        join(
            ids.iter().map(|id| {
                self.sectors
                    .get(id.as_str())
                    .map_or(id.as_str(), |s| s.label.get(lang))
            }),
            "; ",
        )
    }

    /// The source columns: readable citation, the first citation's file and its lines.
    pub fn source_values(&self, cites: &[Citation]) -> [Value; 3] {
        let readable = self.d.cite_all_readable(cites);
        let first = cites.first();
        let file = first
            .and_then(|c| self.source(&c.source))
            .map(|s| s.file.as_deref().unwrap_or(&s.title))
            .unwrap_or_default();
        let lines = first
            .and_then(|c| c.lines)
            .map(|[a, b]| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}-{b}")
                }
            })
            .unwrap_or_default();
        [readable.into(), file.into(), lines.into()]
    }
}

/// The parts with `sep` between them, into one string (no Vec of the parts first).
fn join<'s>(parts: impl Iterator<Item = &'s str>, sep: &str) -> String {
    let mut out = String::new();
    for (i, p) in parts.enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p);
    }
    out
}

fn place_row(n: &Names, p: &Place, lang: Lang) -> Vec<Value> {
    let [source, file, lines] = n.source_values(&p.sources);
    vec![
        p.id.as_str().into(),
        p.name.as_str().into(),
        n.region_name(&p.region, lang).into(),
        p.kind.key().into(),
        Value::Number(p.position.lat),
        Value::Number(p.position.lon),
        p.sectors.join(";").into(),
        p.companies.into(),
        source,
        file,
        lines,
        p.town.as_deref().unwrap_or_default().into(),
        n.sector_names(&p.sectors, lang).into(),
        p.position.represents.get(lang).into(),
        Value::Int(i64::from(p.position.accuracy_m)),
        p.parent
            .as_deref()
            .and_then(|q| n.label_of(q, lang))
            .unwrap_or_default()
            .into(),
        p.description.get(lang).into(),
    ]
}

/// The columns of a table.
pub fn columns(kind: TableKind) -> &'static [Column] {
    match kind {
        TableKind::Places => PLACE_COLUMNS,
        TableKind::SubRegions => SUB_REGION_COLUMNS,
        TableKind::CrossPollinations => LINK_COLUMNS,
        TableKind::ProjectSheets => SHEET_COLUMNS,
        TableKind::Figures => FIGURE_COLUMNS,
        TableKind::Sources => SOURCE_TABLE_COLUMNS,
    }
}

/// Hands each row of one table of what `subset` holds to `row`, in order, one at a time:
/// a table of 100,000 places is never held whole. Stops at the first error of `row`.
pub fn for_each_row<E>(
    n: &Names,
    subset: &Subset,
    kind: TableKind,
    lang: Lang,
    mut row: impl FnMut(Vec<Value>) -> Result<(), E>,
) -> Result<(), E> {
    let d = n.d;
    match kind {
        TableKind::Places => {
            for (i, p) in d.places.iter().enumerate() {
                if subset.place(i) && p.kind != PlaceKind::SubRegion {
                    row(place_row(n, p, lang))?;
                }
            }
        }
        TableKind::SubRegions => {
            for p in subset.sub_regions(d) {
                let [source, file, lines] = n.source_values(&p.sources);
                let members_source = p
                    .members_source
                    .as_ref()
                    .map(|c| d.cite_readable(c))
                    .unwrap_or_default();
                row(vec![
                    p.id.as_str().into(),
                    p.name.as_str().into(),
                    n.region_name(&p.region, lang).into(),
                    p.sectors.join(";").into(),
                    Value::Int(p.members.len() as i64),
                    join(p.members.iter().map(|m| m.name.as_str()), "; ").into(),
                    join(p.members.iter().map(|m| m.cbs.as_str()), ";").into(),
                    Value::Number(p.position.lat),
                    Value::Number(p.position.lon),
                    source,
                    file,
                    lines,
                    members_source.into(),
                ])?;
            }
        }
        TableKind::CrossPollinations => {
            for (x, _) in d
                .cross_pollinations
                .iter()
                .zip(&subset.links)
                .filter(|(_, on)| **on)
            {
                let [source, file, lines] = n.source_values(&x.sources);
                row(vec![
                    x.id.as_str().into(),
                    x.theme.get(lang).into(),
                    n.names(&x.endpoints, lang).into(),
                    x.endpoints.join(";").into(),
                    x.from
                        .as_deref()
                        .and_then(|f| n.label_of(f, lang))
                        .unwrap_or_default()
                        .into(),
                    n.names(&x.optional_endpoints, lang).into(),
                    x.all_sub_regions_of
                        .as_deref()
                        .map(|r| n.region_name(r, lang))
                        .unwrap_or_default()
                        .into(),
                    n.names(&x.via, lang).into(),
                    x.named_partners.join("; ").into(),
                    x.sectors.join(";").into(),
                    serde_key(&x.origin).into(),
                    source,
                    file,
                    lines,
                ])?;
            }
        }
        TableKind::ProjectSheets => {
            for (s, _) in d
                .project_sheets
                .iter()
                .zip(&subset.sheets)
                .filter(|(_, on)| **on)
            {
                let [source, file, lines] = n.source_values(&s.sources);
                let partners = join(
                    s.partners
                        .iter()
                        .flat_map(|g| g.names.iter().map(String::as_str)),
                    "; ",
                );
                row(vec![
                    s.id.as_str().into(),
                    n.region_name(&s.region, lang).into(),
                    s.actions.join("; ").into(),
                    s.title.get(lang).into(),
                    s.owner.as_str().into(),
                    s.product_chain
                        .as_deref()
                        .and_then(|c| d.survey_topic_name(c, lang))
                        .unwrap_or_default()
                        .into(),
                    s.core_team.join("; ").into(),
                    partners.into(),
                    n.names(&s.hotspots, lang).into(),
                    s.budget.as_ref().and_then(|b| b.total_eur).into(),
                    s.budget.as_ref().and_then(|b| b.total_max_eur).into(),
                    s.timeline
                        .as_ref()
                        .map(|t| t.get(lang))
                        .unwrap_or_default()
                        .into(),
                    s.status
                        .as_ref()
                        .map(|t| t.get(lang))
                        .unwrap_or_default()
                        .into(),
                    source,
                    file,
                    lines,
                ])?;
            }
        }
        TableKind::Figures => {
            for (f, _) in d.figures.iter().zip(&subset.figures).filter(|(_, on)| **on) {
                let [source, file, lines] = n.source_values(&f.sources);
                let yes_no = match (f.target, lang) {
                    (true, Lang::Nl) => "ja",
                    (false, Lang::Nl) => "nee",
                    (true, Lang::En) => "yes",
                    (false, Lang::En) => "no",
                };
                row(vec![
                    f.id.as_str().into(),
                    n.label_of(&f.subject, lang).unwrap_or_default().into(),
                    f.subject.as_str().into(),
                    f.label.get(lang).into(),
                    Value::Number(f.value),
                    f.value_max.into(),
                    serde_key(&f.unit).into(),
                    serde_key(&f.qualifier).into(),
                    yes_no.into(),
                    f.year.map(i64::from).into(),
                    source,
                    file,
                    lines,
                ])?;
            }
        }
        TableKind::Sources => {
            for s in d.sources.iter().filter(|s| subset.sources.contains(&s.id)) {
                row(vec![
                    s.id.as_str().into(),
                    serde_key(&s.kind).into(),
                    s.title.as_str().into(),
                    s.publisher.as_deref().unwrap_or_default().into(),
                    s.date.as_deref().unwrap_or_default().into(),
                    s.file.as_deref().unwrap_or_default().into(),
                    s.url.as_deref().unwrap_or_default().into(),
                    s.note.get(lang).into(),
                ])?;
            }
        }
    }
    Ok(())
}

/// One whole table of what `subset` holds, for small exports and tests; the exports
/// themselves go row by row ([`for_each_row`]).
pub fn table(d: &Dataset, subset: &Subset, kind: TableKind, lang: Lang) -> Table {
    let mut rows = Vec::new();
    let collected: Result<(), std::convert::Infallible> =
        for_each_row(&Names::new(d), subset, kind, lang, |r| {
            rows.push(r);
            Ok(())
        });
    let Ok(()) = collected;
    Table {
        kind,
        columns: columns(kind),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_a_value_per_column_and_numbers_are_numbers() {
        let d = crate::model::load_embedded().expect("atlas").dataset;
        let all = Subset::all(&d);
        for kind in TableKind::ALL {
            for lang in [Lang::Nl, Lang::En] {
                let t = table(&d, &all, kind, lang);
                assert!(!t.rows.is_empty(), "{kind:?}");
                assert!(kind.sheet_name(lang).len() <= 31);
                for r in &t.rows {
                    assert_eq!(r.len(), t.columns.len(), "{kind:?}");
                    for (v, c) in r.iter().zip(t.columns) {
                        if c.decimals.is_some() {
                            assert!(
                                matches!(v, Value::Number(_) | Value::Int(_) | Value::Empty),
                                "{kind:?} {}: {v:?}",
                                c.en
                            );
                        }
                    }
                }
            }
        }
        let places = table(&d, &all, TableKind::Places, Lang::En);
        let tpy = places
            .rows
            .iter()
            .find(|r| r[0] == Value::Text("zh-tpy".into()))
            .expect("TPY");
        assert_eq!(tpy[7], Value::Int(25));
        assert_eq!(tpy[9], Value::Text("001_683bde24a5de3812.txt".into()));
        let subs = table(&d, &all, TableKind::SubRegions, Lang::Nl);
        assert_eq!(subs.rows.len(), 7, "the seven MRA sub-regions");
    }
}
