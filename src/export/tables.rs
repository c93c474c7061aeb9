//! The dataset as tables for spreadsheets: places, sub-regions with their municipalities,
//! cross-pollinations with their endpoints, project sheets, key figures and sources. The
//! XLSX writes one sheet per table, the CSVs one table per file.
//!
//! Column headers follow `--lang` (Dutch by default, English on request) and are stable:
//! scripts may rely on them. Values that are numbers (lat, lon, companies, figures,
//! budgets) are numbers; ids (sectors, regions, endpoints) sit beside the names.

use super::scope::Subset;
use crate::model::{Citation, Dataset, Lang, Place, PlaceKind};

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

/// The source columns: readable citation, the first citation's file and its lines.
pub fn source_values(d: &Dataset, cites: &[Citation]) -> [Value; 3] {
    let readable = d.cite_all_readable(cites);
    let first = cites.first();
    let file = first
        .and_then(|c| d.source(&c.source))
        .map(|s| s.file.clone().unwrap_or_else(|| s.title.clone()))
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

fn names(d: &Dataset, ids: &[String], lang: Lang) -> String {
    ids.iter()
        .map(|id| d.label_of(id, lang).unwrap_or_else(|| id.clone()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn sector_names(d: &Dataset, ids: &[String], lang: Lang) -> String {
    ids.iter()
        .map(|id| {
            d.sector(id)
                .map_or_else(|| id.clone(), |s| s.label.get(lang).to_string())
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn region_name(d: &Dataset, id: &str, lang: Lang) -> String {
    d.region(id)
        .map_or_else(|| id.to_string(), |r| r.name.get(lang).to_string())
}

fn place_row(d: &Dataset, p: &Place, lang: Lang) -> Vec<Value> {
    let [source, file, lines] = source_values(d, &p.sources);
    vec![
        p.id.as_str().into(),
        p.name.as_str().into(),
        region_name(d, &p.region, lang).into(),
        p.kind.key().into(),
        Value::Number(p.position.lat),
        Value::Number(p.position.lon),
        p.sectors.join(";").into(),
        p.companies.into(),
        source,
        file,
        lines,
        p.town.clone().unwrap_or_default().into(),
        sector_names(d, &p.sectors, lang).into(),
        p.position.represents.get(lang).into(),
        Value::Int(i64::from(p.position.accuracy_m)),
        p.parent
            .as_deref()
            .and_then(|q| d.label_of(q, lang))
            .unwrap_or_default()
            .into(),
        p.description.get(lang).into(),
    ]
}

/// One table of what `subset` holds.
pub fn table(d: &Dataset, subset: &Subset, kind: TableKind, lang: Lang) -> Table {
    let rows: Vec<Vec<Value>> = match kind {
        TableKind::Places => d
            .places
            .iter()
            .enumerate()
            .filter(|(i, p)| subset.place(*i) && p.kind != PlaceKind::SubRegion)
            .map(|(_, p)| place_row(d, p, lang))
            .collect(),
        TableKind::SubRegions => subset
            .sub_regions(d)
            .map(|p| {
                let [source, file, lines] = source_values(d, &p.sources);
                let members_source = p
                    .members_source
                    .as_ref()
                    .map(|c| d.cite_readable(c))
                    .unwrap_or_default();
                vec![
                    p.id.as_str().into(),
                    p.name.as_str().into(),
                    region_name(d, &p.region, lang).into(),
                    p.sectors.join(";").into(),
                    Value::Int(p.members.len() as i64),
                    p.members
                        .iter()
                        .map(|m| m.name.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                        .into(),
                    p.members
                        .iter()
                        .map(|m| m.cbs.as_str())
                        .collect::<Vec<_>>()
                        .join(";")
                        .into(),
                    Value::Number(p.position.lat),
                    Value::Number(p.position.lon),
                    source,
                    file,
                    lines,
                    members_source.into(),
                ]
            })
            .collect(),
        TableKind::CrossPollinations => d
            .cross_pollinations
            .iter()
            .zip(&subset.links)
            .filter(|(_, on)| **on)
            .map(|(x, _)| {
                let [source, file, lines] = source_values(d, &x.sources);
                vec![
                    x.id.as_str().into(),
                    x.theme.get(lang).into(),
                    names(d, &x.endpoints, lang).into(),
                    x.endpoints.join(";").into(),
                    x.from
                        .as_deref()
                        .and_then(|f| d.label_of(f, lang))
                        .unwrap_or_default()
                        .into(),
                    names(d, &x.optional_endpoints, lang).into(),
                    x.all_sub_regions_of
                        .as_deref()
                        .map(|r| region_name(d, r, lang))
                        .unwrap_or_default()
                        .into(),
                    names(d, &x.via, lang).into(),
                    x.named_partners.join("; ").into(),
                    x.sectors.join(";").into(),
                    serde_key(&x.origin).into(),
                    source,
                    file,
                    lines,
                ]
            })
            .collect(),
        TableKind::ProjectSheets => d
            .project_sheets
            .iter()
            .zip(&subset.sheets)
            .filter(|(_, on)| **on)
            .map(|(s, _)| {
                let [source, file, lines] = source_values(d, &s.sources);
                let partners: Vec<&str> = s
                    .partners
                    .iter()
                    .flat_map(|g| g.names.iter().map(String::as_str))
                    .collect();
                vec![
                    s.id.as_str().into(),
                    region_name(d, &s.region, lang).into(),
                    s.actions.join("; ").into(),
                    s.title.get(lang).into(),
                    s.owner.as_str().into(),
                    s.product_chain
                        .as_deref()
                        .and_then(|c| d.survey_topic_name(c, lang))
                        .unwrap_or_default()
                        .into(),
                    s.core_team.join("; ").into(),
                    partners.join("; ").into(),
                    names(d, &s.hotspots, lang).into(),
                    s.budget.as_ref().and_then(|b| b.total_eur).into(),
                    s.budget.as_ref().and_then(|b| b.total_max_eur).into(),
                    s.timeline
                        .as_ref()
                        .map(|t| t.get(lang).to_string())
                        .unwrap_or_default()
                        .into(),
                    s.status
                        .as_ref()
                        .map(|t| t.get(lang).to_string())
                        .unwrap_or_default()
                        .into(),
                    source,
                    file,
                    lines,
                ]
            })
            .collect(),
        TableKind::Figures => d
            .figures
            .iter()
            .zip(&subset.figures)
            .filter(|(_, on)| **on)
            .map(|(f, _)| {
                let [source, file, lines] = source_values(d, &f.sources);
                let yes_no = match (f.target, lang) {
                    (true, Lang::Nl) => "ja",
                    (false, Lang::Nl) => "nee",
                    (true, Lang::En) => "yes",
                    (false, Lang::En) => "no",
                };
                vec![
                    f.id.as_str().into(),
                    d.label_of(&f.subject, lang).unwrap_or_default().into(),
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
                ]
            })
            .collect(),
        TableKind::Sources => d
            .sources
            .iter()
            .filter(|s| subset.sources.contains(&s.id))
            .map(|s| {
                vec![
                    s.id.as_str().into(),
                    serde_key(&s.kind).into(),
                    s.title.as_str().into(),
                    s.publisher.clone().unwrap_or_default().into(),
                    s.date.clone().unwrap_or_default().into(),
                    s.file.clone().unwrap_or_default().into(),
                    s.url.clone().unwrap_or_default().into(),
                    s.note.get(lang).into(),
                ]
            })
            .collect(),
    };
    let columns = match kind {
        TableKind::Places => PLACE_COLUMNS,
        TableKind::SubRegions => SUB_REGION_COLUMNS,
        TableKind::CrossPollinations => LINK_COLUMNS,
        TableKind::ProjectSheets => SHEET_COLUMNS,
        TableKind::Figures => FIGURE_COLUMNS,
        TableKind::Sources => SOURCE_TABLE_COLUMNS,
    };
    Table {
        kind,
        columns,
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
