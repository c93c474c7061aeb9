//! A user's own organisations, read from a CSV or XLSX file, as a layer of the atlas.
//!
//! The rows become [`Place`]s of one region, [`USER_REGION`], citing one [`Source`] for the
//! file (kind external, the file's name and the date it was read), and are merged into the
//! dataset ([`merge`]), which is validated again: from there on the map, search, details,
//! compare, charts and exports treat them as any other place.
//!
//! Reading is linear in the rows: headers are matched once ([`columns`]), towns and
//! municipalities are looked up in hash maps ([`gazetteer`]), ids are made unique with a
//! hash map. Every problem names the file, the row, the column and the fix; a row with a
//! problem that leaves it without a name or a position is not loaded, one with an unknown
//! sector, kind or count is loaded without that value; nothing is dropped without a word.

pub mod columns;
mod error;
pub mod gazetteer;
mod reader;
pub mod table;
pub mod text;

pub use error::LayerError;
use reader::{KINDS, RowReader, match_sectors, municipality_centre, sector_index};

use std::collections::HashMap;
use std::path::Path;

use columns::{Columns, Field};
use table::{Cell, FileKind, Table};
use text::{column_letter, fold, parse_count, slug};

use super::load::LoadedDataset;
use super::problem::{LoadError, Problem};
use super::types::*;
use super::validate::{MAX_COMPANIES, NL_LAT, NL_LON};

/// The region every user row belongs to.
pub const USER_REGION: &str = "user";
/// The source every user row cites: the user's file.
pub const USER_SOURCE: &str = "user-layer";
/// Ids of user places start with this.
pub const ID_PREFIX: &str = "user-";
/// Largest file read: 100,000 rows of a wide sheet stay well under this.
pub const MAX_LAYER_BYTES: u64 = 256 * 1024 * 1024;
/// Longest name a row may give: the longest in the seeds is under 100 characters.
pub const MAX_NAME_CHARS: usize = 300;
/// Accuracy stated for coordinates the user gives.
pub const GIVEN_ACCURACY_M: u32 = 50;

/// True for a place that came from the user's file.
pub fn is_user_place(p: &Place) -> bool {
    p.region == USER_REGION
}

/// How the rows were placed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Placed {
    pub by_coordinates: usize,
    pub by_town: usize,
    pub by_municipality: usize,
}

/// A user's file read as places, with every problem found.
#[derive(Debug, Clone)]
pub struct Layer {
    /// The file's name as shown (without its folder).
    pub file_name: String,
    /// The region the places belong to.
    pub region: Region,
    /// The file as a source.
    pub source: Source,
    /// The rows that loaded.
    pub places: Vec<Place>,
    /// Problems by row: rows not loaded, and values left out of rows that were.
    pub problems: Vec<Problem>,
    /// Data rows in the file (empty rows not counted).
    pub rows: usize,
    /// Rows without any value, skipped.
    pub empty_rows: usize,
    pub placed: Placed,
    /// How the file was read, and the headers not used.
    pub how: Text,
    pub unused_columns: Vec<String>,
}

impl Layer {
    /// Rows that were not loaded.
    pub fn rejected(&self) -> usize {
        self.rows - self.places.len()
    }

    /// A few lines for `check` and the window: rows loaded and how they were placed.
    pub fn summary(&self, lang: Lang) -> String {
        let p = self.placed;
        let problems = self.problems.len();
        let mut s = match lang {
            Lang::Nl => format!(
                "{}: {} van {} rijen ingelezen ({}): {} met coördinaten, {} op het centrum van hun plaats (≈ 2 km), {} op het midden van hun gemeente (≈ 5 km); {problems} {}.",
                self.file_name,
                self.places.len(),
                self.rows,
                self.how.nl,
                p.by_coordinates,
                p.by_town,
                p.by_municipality,
                if problems == 1 {
                    "probleem"
                } else {
                    "problemen"
                }
            ),
            Lang::En => format!(
                "{}: {} of {} rows loaded ({}): {} by their coordinates, {} at their town's centre (≈ 2 km), {} at their municipality's centre (≈ 5 km); {problems} {}.",
                self.file_name,
                self.places.len(),
                self.rows,
                self.how.en,
                p.by_coordinates,
                p.by_town,
                p.by_municipality,
                if problems == 1 { "problem" } else { "problems" }
            ),
        };
        if self.empty_rows > 0 {
            s.push_str(&match lang {
                Lang::Nl => format!(" {} lege rijen overgeslagen.", self.empty_rows),
                Lang::En => format!(" {} empty rows skipped.", self.empty_rows),
            });
        }
        if !self.unused_columns.is_empty() {
            s.push_str(&match lang {
                Lang::Nl => format!(
                    " Kolommen niet gebruikt: {}.",
                    self.unused_columns.join(", ")
                ),
                Lang::En => format!(" Columns not used: {}.", self.unused_columns.join(", ")),
            });
        }
        s
    }

    /// The problems as a load error (for the window's and `check`'s problem lists).
    pub fn load_error(&self) -> Option<LoadError> {
        (!self.problems.is_empty()).then(|| LoadError {
            origin: self.file_name.clone(),
            problems: self.problems.clone(),
        })
    }
}

/// Today's date as `YYYY-MM-DD` (UTC).
pub fn today() -> String {
    let (y, m, d, ..) = crate::fsio::utc_now();
    format!("{y:04}-{m:02}-{d:02}")
}

/// Reads a user's file (through [`crate::fsio::read_capped`]) against the dataset's
/// sectors. `shown_name` is how problems name the file.
pub fn read_path(
    path: &Path,
    shown_name: &str,
    d: &Dataset,
    date: &str,
) -> Result<Layer, LayerError> {
    let kind = FileKind::of(path).ok_or_else(|| LayerError::Kind {
        file: shown_name.to_string(),
    })?;
    let bytes = crate::fsio::read_capped(path, MAX_LAYER_BYTES)?;
    read_bytes(&bytes, kind, shown_name, d, date)
}

/// Reads a user's file from its bytes.
pub fn read_bytes(
    bytes: &[u8],
    kind: FileKind,
    shown_name: &str,
    d: &Dataset,
    date: &str,
) -> Result<Layer, LayerError> {
    let table_err = |source| LayerError::Table {
        file: shown_name.to_string(),
        source,
    };
    let table = match kind {
        FileKind::Csv => {
            let (text, encoding) = table::decode(bytes);
            table::read_csv(&text, encoding).map_err(table_err)?
        }
        FileKind::Workbook => table::read_workbook(bytes).map_err(table_err)?,
    };
    from_table(&table, shown_name, d, date)
}

/// Builds the layer from a table read from `file`.
pub fn from_table(table: &Table, file: &str, d: &Dataset, date: &str) -> Result<Layer, LayerError> {
    let columns = Columns::new(&table.header);
    let header_row = table.header_row;
    let col_err = |message: Text, fix: Text| LayerError::Columns {
        file: file.to_string(),
        message: Text {
            nl: format!("kopregel {header_row}: {}", message.nl),
            en: format!("header row {header_row}: {}", message.en),
        },
        fix,
    };
    if columns.get(Field::Name).is_none() {
        let found = table.header.join(", ");
        return Err(col_err(
            Text {
                nl: format!("geen kolom voor de naam (gevonden: {found})"),
                en: format!("no column for the name (found: {found})"),
            },
            Text {
                nl: "noem de kolom met de namen van de organisaties `naam` of `name`".into(),
                en: "name the column with the organisations' names `naam` or `name`".into(),
            },
        ));
    }
    let has_lat = columns.get(Field::Lat).is_some();
    let has_lon = columns.get(Field::Lon).is_some();
    if has_lat != has_lon {
        return Err(col_err(
            Text {
                nl: "er is een kolom voor de ene coördinaat maar niet voor de andere".into(),
                en: "there is a column for one coordinate but not the other".into(),
            },
            Text {
                nl: "voeg de kolommen `lat` en `lon` allebei toe (WGS84-graden), of geen van beide en plaats de rijen met `plaats` of `gemeente`".into(),
                en: "add both `lat` and `lon` columns (WGS84 degrees), or neither and place the rows by `plaats` or `gemeente`".into(),
            },
        ));
    }
    let can_place_by_name =
        columns.get(Field::Town).is_some() || columns.get(Field::Municipality).is_some();
    if !has_lat && !can_place_by_name {
        return Err(col_err(
            Text {
                nl: "er is geen kolom om de rijen mee te plaatsen (lat en lon, plaats of gemeente)".into(),
                en: "there is no column to place the rows by (lat and lon, plaats or gemeente)".into(),
            },
            Text {
                nl: "voeg de kolommen `lat` en `lon` toe, of een kolom `plaats` of `gemeente`".into(),
                en: "add `lat` and `lon` columns, or a `plaats` (town) or `gemeente` (municipality) column".into(),
            },
        ));
    }
    let file_name = Path::new(file)
        .file_name()
        .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned());
    let mut problems = Vec::new();
    for (f, first, second) in &columns.repeated {
        let (a, b) = (column_letter(first + 1), column_letter(second + 1));
        problems.push(
            Problem::new(
                file,
                format!(
                    "header row {header_row}: columns {a} and {b} both hold `{}`; the first is used",
                    f.header()
                ),
                "rename or remove one of the two columns",
            )
            .with_dutch(
                format!(
                    "kopregel {header_row}: de kolommen {a} en {b} bevatten allebei `{}`; de eerste wordt gebruikt",
                    f.header()
                ),
                "geef een van de twee kolommen een andere naam of verwijder haar",
            )
            .at(Some(header_row), Some(second + 1)),
        );
    }
    let sectors = sector_index(d);
    let source_cite = |row: usize, bron: Option<String>| Citation {
        source: USER_SOURCE.to_string(),
        section: bron,
        lines: Some([row as u32, row as u32]),
        fields: Vec::new(),
        note: None,
        reading: None,
    };
    let mut places = Vec::with_capacity(table.rows.len());
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut placed = Placed::default();
    let (mut rows, mut empty_rows) = (0, 0);
    let mut r = RowReader {
        file,
        header: &table.header,
        columns: &columns,
        problems: &mut problems,
    };
    for row in &table.rows {
        if row.cells.iter().all(Cell::is_empty) {
            empty_rows += 1;
            continue;
        }
        rows += 1;
        let Some(name) = r.text(row, Field::Name) else {
            let col = columns.get(Field::Name);
            r.report(
                row,
                col,
                Text {
                    nl: "de naam is leeg; de rij is niet ingelezen".into(),
                    en: "the name is empty; the row was not loaded".into(),
                },
                Text {
                    nl: "vul de naam van de organisatie in, of verwijder de rij".into(),
                    en: "fill in the organisation's name, or delete the row".into(),
                },
            );
            continue;
        };
        let name_chars = name.chars().count();
        if name_chars > MAX_NAME_CHARS {
            // A cell this long is a pasted text or a broken file, not a name: it would
            // swamp the map's labels, the lists and every export.
            r.report(
                row,
                columns.get(Field::Name),
                Text {
                    nl: format!(
                        "de naam is {name_chars} tekens lang, meer dan de {MAX_NAME_CHARS} die een naam kan hebben; de rij is niet ingelezen"
                    ),
                    en: format!(
                        "the name is {name_chars} characters long, more than the {MAX_NAME_CHARS} a name can have; the row was not loaded"
                    ),
                },
                Text {
                    nl: "zet alleen de naam van de organisatie in deze kolom; een beschrijving hoort in een eigen kolom".into(),
                    en: "put only the organisation's name in this column; a description belongs in a column of its own".into(),
                },
            );
            continue;
        }
        // Position: coordinates, else town, else municipality.
        let lat = r.coordinate(row, Field::Lat);
        let lon = r.coordinate(row, Field::Lon);
        let (Ok(lat), Ok(lon)) = (lat, lon) else {
            continue;
        };
        let town = r.text(row, Field::Town);
        let municipality_name = r.text(row, Field::Municipality);
        let position = match (lat, lon) {
            (Some(lat), Some(lon)) => {
                let inside = |v: f64, (a, b): (f64, f64)| (a..=b).contains(&v);
                let lat_col = columns.get(Field::Lat);
                let lon_col = columns.get(Field::Lon);
                if !inside(lat, NL_LAT) || !inside(lon, NL_LON) {
                    let swapped = inside(lat, NL_LON) && inside(lon, NL_LAT);
                    let (col, message, fix) = if swapped {
                        (
                            lat_col,
                            Text {
                                nl: format!(
                                    "lat {lat} en lon {lon} lijken verwisseld (Nederland ligt op lat {}–{}, lon {}–{}); de rij is niet ingelezen",
                                    NL_LAT.0, NL_LAT.1, NL_LON.0, NL_LON.1
                                ),
                                en: format!(
                                    "lat {lat} and lon {lon} look swapped (the Netherlands lie at lat {}–{}, lon {}–{}); the row was not loaded",
                                    NL_LAT.0, NL_LAT.1, NL_LON.0, NL_LON.1
                                ),
                            },
                            Text {
                                nl: format!("verwissel de twee waarden: lat {lon}, lon {lat}"),
                                en: format!("swap the two values: lat {lon}, lon {lat}"),
                            },
                        )
                    } else {
                        let (col, what, value, range) = if inside(lat, NL_LAT) {
                            (lon_col, "lon", lon, NL_LON)
                        } else {
                            (lat_col, "lat", lat, NL_LAT)
                        };
                        let (rd_en, rd_nl) = if value.abs() > 1000.0 {
                            (
                                " (this looks like RD metres, not degrees)",
                                " (dit lijken RD-meters, geen graden)",
                            )
                        } else {
                            ("", "")
                        };
                        (
                            col,
                            Text {
                                nl: format!(
                                    "{what} {value} ligt buiten Nederland{rd_nl}; de rij is niet ingelezen"
                                ),
                                en: format!(
                                    "{what} {value} lies outside the Netherlands{rd_en}; the row was not loaded"
                                ),
                            },
                            Text {
                                nl: format!(
                                    "geef WGS84-graden met decimalen: {what} tussen {} en {}",
                                    range.0, range.1
                                ),
                                en: format!(
                                    "give WGS84 decimal degrees: {what} between {} and {}",
                                    range.0, range.1
                                ),
                            },
                        )
                    };
                    r.report(row, col, message, fix);
                    continue;
                }
                placed.by_coordinates += 1;
                Position {
                    lat,
                    lon,
                    represents: Text {
                        nl: "coördinaten uit het bestand".into(),
                        en: "coordinates from the file".into(),
                    },
                    accuracy_m: GIVEN_ACCURACY_M,
                    basis: USER_SOURCE.to_string(),
                }
            }
            _ => {
                let m = municipality_name
                    .as_deref()
                    .map(|n| (n, gazetteer::municipality(n)));
                if let Some((n, None)) = m {
                    let col = columns.get(Field::Municipality);
                    r.report(
                        row,
                        col,
                        Text {
                            nl: format!("`{n}` is geen Nederlandse gemeente (2024); de rij is niet ingelezen"),
                            en: format!("`{n}` is not a Dutch municipality (2024); the row was not loaded"),
                        },
                        Text {
                            nl: "schrijf de gemeente zoals het CBS haar noemt (bijvoorbeeld `Den Haag`, `Súdwest-Fryslân`) of haar code GMnnnn, of geef lat en lon".into(),
                            en: "write the municipality as CBS names it (e.g. `Den Haag`, `Súdwest-Fryslân`) or its code GMnnnn, or give lat and lon".into(),
                        },
                    );
                    continue;
                }
                let within = m.and_then(|(_, m)| m);
                match (town.as_deref(), within) {
                    (Some(t), _) if gazetteer::town(t, within).is_some() => {
                        let Some((tp, same)) = gazetteer::town(t, within) else {
                            continue;
                        };
                        placed.by_town += 1;
                        let (note_nl, note_en) = if same > 1 && within.is_none() {
                            (
                                format!(" (de grootste van {same} plaatsen met die naam)"),
                                format!(" (the largest of {same} places of that name)"),
                            )
                        } else {
                            (String::new(), String::new())
                        };
                        Position {
                            lat: tp.lat,
                            lon: tp.lon,
                            represents: Text {
                                nl: format!(
                                    "centrum van {}{note_nl}, geplaatst op plaatsnaam (≈ 2 km)",
                                    tp.name
                                ),
                                en: format!(
                                    "centre of {}{note_en}, placed by town name (≈ 2 km)",
                                    tp.name
                                ),
                            },
                            accuracy_m: gazetteer::TOWN_ACCURACY_M,
                            basis: USER_SOURCE.to_string(),
                        }
                    }
                    (_, Some(ms)) => {
                        // No town, or one the gazetteer lacks, inside a known municipality.
                        placed.by_municipality += 1;
                        Position {
                            lat: ms.centroid[1],
                            lon: ms.centroid[0],
                            represents: municipality_centre(&ms.name),
                            accuracy_m: gazetteer::MUNICIPALITY_ACCURACY_M,
                            basis: USER_SOURCE.to_string(),
                        }
                    }
                    (Some(t), None) => {
                        // Perhaps the town column names a municipality.
                        if let Some(ms) = gazetteer::municipality(t) {
                            placed.by_municipality += 1;
                            Position {
                                lat: ms.centroid[1],
                                lon: ms.centroid[0],
                                represents: municipality_centre(&ms.name),
                                accuracy_m: gazetteer::MUNICIPALITY_ACCURACY_M,
                                basis: USER_SOURCE.to_string(),
                            }
                        } else {
                            let col = columns.get(Field::Town);
                            r.report(
                                row,
                                col,
                                Text {
                                    nl: format!("plaats `{t}` staat niet in de lijst van 1.573 Nederlandse plaatsen; de rij is niet ingelezen"),
                                    en: format!("town `{t}` is not in the gazetteer of 1,573 Dutch places; the row was not loaded"),
                                },
                                Text {
                                    nl: "controleer de spelling (bijvoorbeeld `Den Haag`, `'s-Hertogenbosch`), voeg een kolom `gemeente` toe, of geef lat en lon".into(),
                                    en: "check the spelling (e.g. `Den Haag`, `'s-Hertogenbosch`), add a `gemeente` column, or give lat and lon".into(),
                                },
                            );
                            continue;
                        }
                    }
                    (None, None) => {
                        let col = columns.get(Field::Lat).or(columns.get(Field::Town));
                        r.report(
                            row,
                            col,
                            Text {
                                nl: "de rij heeft geen coördinaten, plaats of gemeente; de rij is niet ingelezen".into(),
                                en: "the row has no coordinates, town or municipality; the row was not loaded".into(),
                            },
                            Text {
                                nl: "geef lat en lon, of een plaats (`plaats`) of gemeente (`gemeente`)".into(),
                                en: "give lat and lon, or a town (`plaats`) or municipality (`gemeente`)".into(),
                            },
                        );
                        continue;
                    }
                }
            }
        };
        // Values a row can do without: reported, and left out.
        let mut sector_ids = Vec::new();
        if let Some((i, cell)) = r.cell(row, Field::Sectors) {
            let (found, unknown) = match_sectors(&cell.text(), &sectors);
            sector_ids = found;
            for u in unknown {
                let known: Vec<&str> = d.sectors.iter().map(|s| s.id.as_str()).collect();
                r.report(
                    row,
                    Some(i),
                    Text {
                        nl: format!("onbekende sector `{u}`; de rij is zonder die sector ingelezen"),
                        en: format!("unknown sector `{u}`; the row was loaded without it"),
                    },
                    Text {
                        nl: format!(
                            "gebruik een sector van de atlas, met id of Nederlandse of Engelse naam, gescheiden door `;`: {}",
                            known.join(", ")
                        ),
                        en: format!(
                            "use a sector of the atlas by id or Dutch or English label, separated by `;`: {}",
                            known.join(", ")
                        ),
                    },
                );
            }
        }
        let mut kind = PlaceKind::Company;
        if let Some((i, cell)) = r.cell(row, Field::Kind) {
            let k = fold(&cell.text());
            match KINDS.iter().find(|(w, _)| *w == k) {
                Some((_, found)) => kind = *found,
                None => r.report(
                    row,
                    Some(i),
                    Text {
                        nl: format!(
                            "onbekende soort `{}`; de rij is als bedrijf ingelezen",
                            cell.text()
                        ),
                        en: format!(
                            "unknown kind `{}`; the row was loaded as a company",
                            cell.text()
                        ),
                    },
                    Text {
                        nl: "schrijf bedrijf, organisatie, kennisinstelling, netwerk, campus, fieldlab of project".into(),
                        en: "write company, organisation, knowledge institution, network, campus, fieldlab or project (or their Dutch names)".into(),
                    },
                ),
            }
        }
        let mut companies = None;
        if let Some((i, cell)) = r.cell(row, Field::Companies) {
            let n = match cell {
                Cell::Number(f) if f.fract() == 0.0 && f.is_finite() => Some(*f as i64),
                Cell::Number(_) | Cell::Empty => None,
                Cell::Text(t) => parse_count(t),
            };
            match n {
                Some(n) if (0..=MAX_COMPANIES).contains(&n) => companies = Some(n),
                _ => r.report(
                    row,
                    Some(i),
                    Text {
                        nl: format!(
                            "`{}` is geen aantal bedrijven; de rij is zonder dat aantal ingelezen",
                            cell.text()
                        ),
                        en: format!(
                            "`{}` is not a number of companies; the row was loaded without it",
                            cell.text()
                        ),
                    },
                    Text {
                        nl: "schrijf een heel getal (bijvoorbeeld 120 of 1.200), of laat de cel leeg".into(),
                        en: "write a whole number (e.g. 120, 1200 or 1.200), or leave the cell empty".into(),
                    },
                ),
            }
        }
        let bron = r.text(row, Field::Source);
        let website = r.text(row, Field::Website);
        let mut base = slug(&name, 48);
        if base.is_empty() {
            base = format!("row-{}", row.number);
        }
        let n = ids.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 {
            format!("{ID_PREFIX}{base}")
        } else {
            format!("{ID_PREFIX}{base}-{n}")
        };
        let web_nl = website
            .as_deref()
            .map_or_else(String::new, |w| format!(" Website: {w}."));
        let description = Text {
            nl: format!(
                "Eigen organisatie uit {file_name} (rij {}).{web_nl}",
                row.number
            ),
            en: format!(
                "Own organisation from {file_name} (row {}).{web_nl}",
                row.number
            ),
        };
        places.push(Place {
            id,
            region: USER_REGION.to_string(),
            kind,
            name,
            aliases: Vec::new(),
            town: town.or(municipality_name),
            position,
            description,
            sectors: sector_ids,
            anchors: Vec::new(),
            fieldlabs: Vec::new(),
            companies,
            example_companies: Vec::new(),
            programmes: Vec::new(),
            clusters: Vec::new(),
            needs: Vec::new(),
            parent: None,
            map_number: None,
            members: Vec::new(),
            members_source: None,
            sources: vec![source_cite(row.number, bron)],
        });
    }
    // Second and later duplicates got a suffix; a suffixed id may collide with a name that
    // slugs to it ("A 2" → user-a-2): make those unique too, still in one pass.
    let mut seen: HashMap<String, ()> = HashMap::with_capacity(places.len());
    for p in &mut places {
        let mut k = 2;
        let base = p.id.clone();
        while seen.contains_key(&p.id) {
            p.id = format!("{base}-x{k}");
            k += 1;
        }
        seen.insert(p.id.clone(), ());
    }
    let source = Source {
        id: USER_SOURCE.to_string(),
        kind: SourceKind::External,
        title: file_name.clone(),
        file: Some(file_name.clone()),
        publisher: None,
        date: Some(date.to_string()),
        url: None,
        note: Text {
            nl: format!("Eigen lijst van organisaties, ingelezen op {date}."),
            en: format!("The user's own list of organisations, read on {date}."),
        },
    };
    let region = Region {
        id: USER_REGION.to_string(),
        name: Text {
            nl: "Eigen organisaties".to_string(),
            en: "Own organisations".to_string(),
        },
        kind: RegionKind::Atlas,
        description: Text {
            nl: format!("Organisaties uit {file_name}, ingelezen op {date}."),
            en: format!("Organisations from {file_name}, read on {date}."),
        },
        documents: vec![USER_SOURCE.to_string()],
        sources: vec![source_cite(table.header_row, None)],
    };
    Ok(Layer {
        file_name,
        region,
        source,
        places,
        problems,
        rows,
        empty_rows,
        placed,
        how: table.how.clone(),
        unused_columns: columns.unused.clone(),
    })
}

/// Removes a user layer from a dataset (its places, region and source).
pub fn strip(d: &mut Dataset) {
    d.places.retain(|p| !is_user_place(p));
    d.regions.retain(|r| r.id != USER_REGION);
    d.sources.retain(|s| s.id != USER_SOURCE);
}

/// The dataset with the layer's places (any earlier layer replaced), validated again.
/// Problems of the merge (none are expected: the rows were checked) name the layer's file.
pub fn merge(loaded: &LoadedDataset, layer: &Layer) -> Result<LoadedDataset, LoadError> {
    let mut dataset = loaded.dataset.clone();
    strip(&mut dataset);
    if layer.places.is_empty() {
        return Err(LoadError {
            origin: layer.file_name.clone(),
            problems: vec![
                Problem::new(
                    &layer.file_name,
                    "no row could be loaded, so there is no layer to show",
                    "correct the problems listed for the rows and open the file again",
                )
                .with_dutch(
                    "geen enkele rij kon worden ingelezen, dus er is geen laag om te tonen",
                    "los de problemen op die bij de rijen staan en open het bestand opnieuw",
                ),
            ],
        });
    }
    dataset.sources.push(layer.source.clone());
    dataset.regions.push(layer.region.clone());
    dataset.places.extend(layer.places.iter().cloned());
    let files = [super::SourceFile {
        name: layer.file_name.clone(),
        text: String::new(),
    }];
    let problems = super::validate::validate(&dataset, &files, &super::files::Locator::default());
    if problems.is_empty() {
        Ok(LoadedDataset {
            dataset,
            origin: loaded.origin.clone(),
            files: loaded.files.clone(),
        })
    } else {
        Err(LoadError {
            origin: layer.file_name.clone(),
            problems,
        })
    }
}

/// The dataset without a user layer (when the layer is removed).
pub fn without_layer(loaded: &LoadedDataset) -> LoadedDataset {
    let mut dataset = loaded.dataset.clone();
    strip(&mut dataset);
    LoadedDataset {
        dataset,
        origin: loaded.origin.clone(),
        files: loaded.files.clone(),
    }
}

/// Whether a dataset holds a user layer.
pub fn has_layer(d: &Dataset) -> bool {
    d.regions.iter().any(|r| r.id == USER_REGION)
}

#[cfg(test)]
mod tests;
