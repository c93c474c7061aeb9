use super::*;
use crate::model::load_embedded;

fn atlas() -> LoadedDataset {
    load_embedded().expect("embedded atlas")
}

fn read_csv(text: &str, d: &Dataset) -> Layer {
    read_bytes(text.as_bytes(), FileKind::Csv, "orgs.csv", d, "2026-01-02").expect("layer")
}

/// The case: a bad latitude on the third data row (line 4).
const BAD: &str = "naam;plaats;lat;lon;sectoren;soort;bedrijven;bron;website
Delft Robotics;Delft;52,0116;4,3571;Robotica;bedrijf;12;KvK 2024;https://example.nl
Groen Lab;;52.16;4.49;tuinbouw & sierteelt, Chemie;organisatie;;;
Kapotte Rij BV;Leiden;abc;4,49;robotics;bedrijf;;;
Alleen Plaats BV;Zwolle;;;Quantumtechnologie;;3;;
";

#[test]
fn a_bad_latitude_on_the_third_data_row_names_that_row_and_the_column() {
    let l = atlas();
    let layer = read_csv(BAD, &l.dataset);
    assert_eq!(layer.rows, 4);
    assert_eq!(layer.places.len(), 3, "the other rows load");
    assert_eq!(layer.problems.len(), 1, "{:?}", layer.problems);
    let p = &layer.problems[0];
    assert_eq!(p.file, "orgs.csv");
    assert_eq!(p.line, Some(4), "line 4 = the third data row");
    assert_eq!(p.column, Some(3));
    assert!(p.message.contains("row 4"), "{}", p.message);
    assert!(p.message.contains("column `lat` (C)"), "{}", p.message);
    assert!(p.message.contains("`abc`"), "{}", p.message);
    assert!(p.fix.contains("decimal degrees"), "{}", p.fix);
    assert!(!layer.places.iter().any(|p| p.name == "Kapotte Rij BV"));
}

#[test]
fn once_fixed_every_row_loads_and_one_is_placed_by_its_town_alone() {
    let l = atlas();
    let fixed = BAD.replace("Leiden;abc;", "Leiden;52,16;");
    let layer = read_csv(&fixed, &l.dataset);
    assert!(layer.problems.is_empty(), "{:?}", layer.problems);
    assert_eq!(layer.places.len(), 4);
    assert_eq!(
        layer.placed,
        Placed {
            by_coordinates: 3,
            by_town: 1,
            by_municipality: 0
        }
    );
    let zwolle = layer
        .places
        .iter()
        .find(|p| p.name == "Alleen Plaats BV")
        .expect("placed by town");
    assert_eq!(zwolle.position.accuracy_m, 2_000);
    assert!(zwolle.position.represents.nl.contains("Zwolle"));
    assert!(
        (zwolle.position.lat - 52.5).abs() < 0.1,
        "{:?}",
        zwolle.position
    );
    assert_eq!(zwolle.sectors, ["quantum"]);
    assert_eq!(zwolle.companies, Some(3));
    let delft = &layer.places[0];
    assert_eq!(delft.id, "user-delft-robotics");
    assert_eq!(delft.sectors, ["robotics"]);
    assert_eq!(delft.kind, PlaceKind::Company);
    assert_eq!(delft.sources[0].section.as_deref(), Some("KvK 2024"));
    assert_eq!(delft.sources[0].lines, Some([2, 2]));
    let groen = &layer.places[1];
    assert_eq!(groen.sectors, ["horticulture", "chemistry"]);
    assert_eq!(groen.kind, PlaceKind::Network);
    // The merged dataset validates and keeps the atlas.
    let merged = merge(&l, &layer).expect("merged");
    let d = &merged.dataset;
    assert_eq!(d.places.len(), l.dataset.places.len() + 4);
    assert_eq!(
        d.source(USER_SOURCE).map(|s| s.kind),
        Some(SourceKind::External)
    );
    assert_eq!(d.cite(&delft.sources[0]), "orgs.csv, KvK 2024, line 2");
    // Merging again replaces the layer rather than doubling it.
    let again = merge(&merged, &layer).expect("merged twice");
    assert_eq!(again.dataset.places.len(), d.places.len());
    assert_eq!(without_layer(&again).dataset, l.dataset);
}

#[test]
fn coordinates_that_are_nan_text_swapped_or_outside_are_each_a_problem() {
    let l = atlas();
    let text = "name,lat,lon
A,NaN,4.3
B,4.3571,52.0116
C,48.85,2.35
D,446000,85000
E,52.0,
F,inf,4.3
";
    let layer = read_csv(text, &l.dataset);
    assert!(layer.places.is_empty());
    let msgs: Vec<String> = layer.problems.iter().map(ToString::to_string).collect();
    assert_eq!(msgs.len(), 6, "{msgs:#?}");
    assert!(msgs[0].contains("`NaN` is not a latitude"), "{}", msgs[0]);
    assert!(msgs[1].contains("look swapped"), "{}", msgs[1]);
    assert!(msgs[1].contains("lat 52.0116, lon 4.3571"), "{}", msgs[1]);
    assert!(msgs[2].contains("lat 48.85 lies outside"), "{}", msgs[2]);
    assert!(msgs[3].contains("RD metres"), "{}", msgs[3]);
    assert!(msgs[4].contains("no coordinates"), "{}", msgs[4]);
    assert!(msgs[5].contains("`inf` is not a latitude"), "{}", msgs[5]);
    for p in &layer.problems {
        assert!(p.line.is_some() && p.column.is_some(), "{p}");
    }
}

#[test]
fn municipality_towns_kinds_sectors_and_counts_are_reported_but_do_not_drop_a_row() {
    let l = atlas();
    let text = "Name;Town;Municipality;Sector(s);Kind;Companies
A;Atlantis;;;;
B;;Súdwest Fryslân;Onbekend;robot;veel
C;Hengelo;;ENERGY;KNOWLEDGE INSTITUTION;1.200
D;Nergensdorp;Delft;;;
";
    let layer = read_csv(text, &l.dataset);
    assert_eq!(layer.places.len(), 3, "{:#?}", layer.problems);
    let msgs: Vec<String> = layer.problems.iter().map(ToString::to_string).collect();
    assert!(msgs[0].contains("town `Atlantis`"), "{msgs:#?}");
    assert!(msgs.iter().any(|m| m.contains("unknown sector `Onbekend`")));
    assert!(msgs.iter().any(|m| m.contains("unknown kind `robot`")));
    assert!(msgs.iter().any(|m| m.contains("`veel` is not a number")));
    let b = &layer.places[0];
    assert_eq!(b.position.accuracy_m, 5_000);
    assert!(b.position.represents.nl.contains("Súdwest-Fryslân"));
    let c = &layer.places[1];
    assert_eq!(c.kind, PlaceKind::KnowledgeInstitution);
    assert_eq!(c.companies, Some(1200));
    assert_eq!(c.sectors, ["energy"]);
    assert!(
        c.position.represents.nl.contains("de grootste van"),
        "{}",
        c.position.represents.nl
    );
    assert!(
        c.position.represents.en.contains("the largest of"),
        "{}",
        c.position.represents.en
    );
    let d = &layer.places[2];
    assert!(d.position.represents.nl.contains("gemeente Delft"));
    assert!(d.position.represents.en.contains("municipality of Delft"));
    assert_eq!(layer.placed.by_municipality, 2);
}

#[test]
fn a_file_without_a_name_or_a_way_to_place_rows_is_refused_whole() {
    let l = atlas();
    let no_name = read_bytes(b"plaats\nDelft\n", FileKind::Csv, "x.csv", &l.dataset, "d");
    let e = no_name.expect_err("no name column");
    assert!(e.to_string().contains("no column for the name"), "{e}");
    let no_place = read_bytes(b"naam\nA\n", FileKind::Csv, "x.csv", &l.dataset, "d");
    assert!(no_place.is_err());
    let half = read_bytes(b"naam,lat\nA,52\n", FileKind::Csv, "x.csv", &l.dataset, "d");
    assert!(
        half.expect_err("lat only")
            .to_string()
            .contains("not the other")
    );
}

#[test]
fn equal_names_get_their_own_ids() {
    let l = atlas();
    let layer = read_csv("naam,plaats\nA,Delft\nA,Delft\nA 2,Delft\n", &l.dataset);
    let ids: Vec<&str> = layer.places.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["user-a", "user-a-2", "user-a-2-x2"]);
    assert!(merge(&l, &layer).is_ok());
}

#[test]
fn a_workbook_keeps_numbers_as_numbers() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["Naam", "Lat", "Lon", "Bedrijven"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("write");
    }
    sheet.write_string(1, 0, "Werkplaats").expect("write");
    sheet.write_number(1, 1, 52.0116).expect("write");
    sheet.write_number(1, 2, 4.3571).expect("write");
    sheet.write_number(1, 3, 7.0).expect("write");
    sheet.write_string(2, 0, "Tekstbreedte").expect("write");
    sheet.write_string(2, 1, "noord").expect("write");
    sheet.write_number(2, 2, 4.3571).expect("write");
    let bytes = book.save_to_buffer().expect("xlsx");
    let l = atlas();
    let layer = read_bytes(
        &bytes,
        FileKind::Workbook,
        "orgs.xlsx",
        &l.dataset,
        "2026-01-02",
    )
    .expect("xlsx");
    assert_eq!(layer.places.len(), 1);
    assert_eq!(layer.places[0].companies, Some(7));
    assert_eq!(layer.problems.len(), 1);
    assert_eq!(layer.problems[0].line, Some(3));
    assert_eq!(layer.problems[0].column, Some(2));
    assert!(layer.how.en.contains("workbook"));
    assert!(layer.how.nl.contains("werkmap"));
}

#[test]
fn reading_is_linear_a_hundred_thousand_rows_in_well_under_a_few_seconds() {
    let l = atlas();
    let towns = ["Delft", "Leiden", "Zwolle", "Groningen", "Den Haag"];
    let mut text = String::from("naam;plaats;lat;lon;sector\n");
    for i in 0..100_000 {
        if i % 2 == 0 {
            text.push_str(&format!("Org {i};{};;;robotica\n", towns[i % 5]));
        } else {
            text.push_str(&format!(
                "Org {i};;52,{:04};4,{:04};energy\n",
                i % 9999,
                i % 9999
            ));
        }
    }
    let started = std::time::Instant::now();
    let layer = read_csv(&text, &l.dataset);
    let took = started.elapsed();
    assert_eq!(layer.places.len(), 100_000);
    assert!(layer.problems.is_empty());
    // Debug build, shared 2-core machine: a quadratic step would take minutes here.
    assert!(took.as_secs() < 20, "{took:?}");
}

/// A cell of a million characters is a pasted text or a broken file, not a name: the row
/// is refused with the reason, in both languages, and the other rows load.
#[test]
fn a_name_longer_than_a_name_can_be_is_refused() {
    let l = atlas();
    let long = "x".repeat(MAX_NAME_CHARS + 1);
    let text = format!("naam;plaats\n{long};Delft\nGewoon BV;Leiden\n");
    let layer = read_csv(&text, &l.dataset);
    assert_eq!(layer.places.len(), 1);
    assert_eq!(layer.problems.len(), 1);
    let p = &layer.problems[0];
    assert!(p.message.contains("301 characters"), "{}", p.message);
    assert!(
        p.message_in(Lang::Nl)
            .starts_with("rij 2, kolom `naam` (A): de naam is 301 tekens"),
        "{}",
        p.message_in(Lang::Nl)
    );
    let fitting = "y".repeat(MAX_NAME_CHARS);
    let layer = read_csv(&format!("naam;plaats\n{fitting};Delft\n"), &l.dataset);
    assert_eq!(layer.places.len(), 1, "a name of exactly the limit loads");
}
