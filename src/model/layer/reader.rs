//! Reading one row's cells: the kinds and sectors a cell may name, and the problems of a
//! row, worded in both languages.

use std::collections::HashMap;

use super::columns::{Columns, Field};
use super::table::{Cell, Row};
use super::text::{column_letter, fold, parse_decimal};
use crate::model::problem::Problem;
use crate::model::types::*;

/// What a kind cell may say, folded, and the kind it means.
pub(super) const KINDS: &[(&str, PlaceKind)] = &[
    ("bedrijf", PlaceKind::Company),
    ("company", PlaceKind::Company),
    ("onderneming", PlaceKind::Company),
    ("business", PlaceKind::Company),
    ("organisatie", PlaceKind::Network),
    ("organisation", PlaceKind::Network),
    ("organization", PlaceKind::Network),
    ("netwerk", PlaceKind::Network),
    ("network", PlaceKind::Network),
    ("clusterorganisatie", PlaceKind::Network),
    ("kennisinstelling", PlaceKind::KnowledgeInstitution),
    ("knowledgeinstitution", PlaceKind::KnowledgeInstitution),
    ("universiteit", PlaceKind::KnowledgeInstitution),
    ("university", PlaceKind::KnowledgeInstitution),
    ("hogeschool", PlaceKind::KnowledgeInstitution),
    ("campus", PlaceKind::Campus),
    ("fieldlab", PlaceKind::Fieldlab),
    ("project", PlaceKind::Project),
    ("innovatiedistrict", PlaceKind::InnovationDistrict),
    ("innovationdistrict", PlaceKind::InnovationDistrict),
];

/// Sector lookup: folded id and labels → id.
pub(super) fn sector_index(d: &Dataset) -> HashMap<String, String> {
    let mut m = HashMap::new();
    for s in &d.sectors {
        for key in [&s.id, &s.label.nl, &s.label.en] {
            m.entry(fold(key)).or_insert_with(|| s.id.clone());
        }
    }
    m
}

/// The sectors a cell names: split on `;` and `|`, then on `,` where a label does not
/// itself hold one ("Media, games & creatief"). Returns (ids, unknown parts).
pub(super) fn match_sectors(
    cell: &str,
    index: &HashMap<String, String>,
) -> (Vec<String>, Vec<String>) {
    let (mut ids, mut unknown) = (Vec::new(), Vec::new());
    let add = |id: &String, ids: &mut Vec<String>| {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    };
    for part in cell.split([';', '|']) {
        if part.trim().is_empty() {
            continue;
        }
        if let Some(id) = index.get(&fold(part)) {
            add(id, &mut ids);
            continue;
        }
        let pieces: Vec<&str> = part.split(',').collect();
        let mut i = 0;
        while i < pieces.len() {
            let found = (i + 1..=pieces.len())
                .rev()
                .find_map(|j| index.get(&fold(&pieces[i..j].join(","))).map(|id| (j, id)));
            match found {
                Some((j, id)) => {
                    add(id, &mut ids);
                    i = j;
                }
                None => {
                    if let Some(p) = pieces.get(i).filter(|p| !p.trim().is_empty()) {
                        unknown.push(p.trim().to_string());
                    }
                    i += 1;
                }
            }
        }
    }
    (ids, unknown)
}

pub(super) struct RowReader<'a> {
    pub(super) file: &'a str,
    pub(super) header: &'a [String],
    pub(super) columns: &'a Columns,
    pub(super) problems: &'a mut Vec<Problem>,
}

impl RowReader<'_> {
    pub(super) fn cell<'r>(&self, row: &'r Row, f: Field) -> Option<(usize, &'r Cell)> {
        let i = self.columns.get(f)?;
        row.cells.get(i).filter(|c| !c.is_empty()).map(|c| (i, c))
    }

    pub(super) fn text(&self, row: &Row, f: Field) -> Option<String> {
        self.cell(row, f).map(|(_, c)| c.text())
    }

    /// "column `lat` (C)" / "kolom `lat` (C)".
    fn column_name(&self, i: usize, lang: Lang) -> String {
        let h = self.header.get(i).map_or("", String::as_str);
        let word = match lang {
            Lang::Nl => "kolom",
            Lang::En => "column",
        };
        format!("{word} `{h}` ({})", column_letter(i + 1))
    }

    /// A problem with a row, worded in both languages: the window shows it in the UI's.
    pub(super) fn report(&mut self, row: &Row, col: Option<usize>, message: Text, fix: Text) {
        let place = |lang: Lang| {
            let word = match lang {
                Lang::Nl => "rij",
                Lang::En => "row",
            };
            match col {
                Some(i) => format!("{word} {}, {}: ", row.number, self.column_name(i, lang)),
                None => format!("{word} {}: ", row.number),
            }
        };
        let problem = Problem::new(
            self.file,
            format!("{}{}", place(Lang::En), message.en),
            fix.en,
        )
        .with_dutch(format!("{}{}", place(Lang::Nl), message.nl), fix.nl)
        .at(Some(row.number), col.map(|i| i + 1));
        self.problems.push(problem);
    }

    /// A coordinate cell: a finite number, or a problem.
    pub(super) fn coordinate(&mut self, row: &Row, f: Field) -> Result<Option<f64>, ()> {
        let Some((i, cell)) = self.cell(row, f) else {
            return Ok(None);
        };
        let value = match cell {
            Cell::Number(n) => Some(*n),
            Cell::Text(t) => parse_decimal(t),
            Cell::Empty => None,
        };
        match value {
            Some(v) if v.is_finite() => Ok(Some(v)),
            _ => {
                let (what, wat, example) = if f == Field::Lat {
                    ("latitude", "breedtegraad", "52,0116")
                } else {
                    ("longitude", "lengtegraad", "4,3571")
                };
                let value = cell.text();
                self.report(
                    row,
                    Some(i),
                    Text {
                        nl: format!(
                            "`{value}` is geen {wat} (een getal in graden); de rij is niet ingelezen"
                        ),
                        en: format!(
                            "`{value}` is not a {what} (a number of degrees); the row was not loaded"
                        ),
                    },
                    Text {
                        nl: format!(
                            "schrijf de {wat} in decimale graden, bijvoorbeeld {example} (met decimale komma of punt, zonder gradenteken), of laat lat en lon allebei leeg om de rij op haar plaatsnaam te zetten"
                        ),
                        en: format!(
                            "write the {what} in decimal degrees, e.g. {example} (a decimal point or comma, no degree sign), or leave both lat and lon empty to place the row by its town"
                        ),
                    },
                );
                Err(())
            }
        }
    }
}

/// What a point placed at a municipality's centre stands for, in both languages.
pub(super) fn municipality_centre(name: &str) -> Text {
    Text {
        nl: format!("midden van de gemeente {name}, geplaatst op gemeente (≈ 5 km)"),
        en: format!("centre of the municipality of {name}, placed by municipality (≈ 5 km)"),
    }
}
