//! Exports read back into the same model, and the CLI writes them atomically.

use std::process::Command;

use innovation_atlas::export;
use innovation_atlas::model;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_innovation-atlas"))
}

#[test]
fn json_export_loads_back_identical() {
    let original = model::load_embedded().expect("embedded").dataset;
    let json = export::to_json(&original).expect("json");
    let dir = std::env::temp_dir().join(format!("atlas-rt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("atlas.json");
    std::fs::write(&path, &json).expect("write");
    let back = model::load_path(&path)
        .expect("the export is a valid dataset")
        .dataset;
    assert_eq!(back, original);
    // The agenda kinds travel with it.
    for key in [
        "\"agenda_item\"",
        "\"governance\"",
        "\"talent_initiative\"",
        "\"financing_instrument\"",
        "\"conclusions\"",
        "\"reading\"",
        "\"owner_places\"",
        "\"at_least\"",
        "\"as_fraction\"",
    ] {
        assert!(json.contains(key), "the JSON export lacks {key}");
    }
    assert_eq!(back.agenda_items.len(), 22);
    assert_eq!(
        back.talent_initiatives.len(),
        original.talent_initiatives.len()
    );
    assert_eq!(back.financing_instruments.len(), 11);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn csv_has_one_row_per_place_with_the_documented_columns() {
    let d = model::load_embedded().expect("embedded").dataset;
    let csv = export::to_csv(&d).expect("csv");
    let body = csv
        .strip_prefix('\u{feff}')
        .expect("a UTF-8 byte-order mark for Excel");
    let mut lines = body.lines();
    assert!(
        lines.next().is_some_and(|h| h.starts_with(
            "id,name,region,kind,lat,lon,sectors,companies,source,source_file,source_lines,"
        )),
        "stable English headers"
    );
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let places = d
        .places
        .iter()
        .filter(|p| p.kind != model::PlaceKind::SubRegion)
        .count();
    assert_eq!(rows.len(), places, "sub-regions have their own table");
    let tpy = rows.iter().find(|r| &r[0] == "zh-tpy").expect("TPY row");
    assert_eq!(&tpy[7], "25");
    assert!(tpy[8].contains("ActieAgenda"), "{}", &tpy[8]);
    assert_eq!(&tpy[9], "001_683bde24a5de3812.txt");
}

#[test]
fn geojson_has_points_sub_region_areas_and_lines_in_lon_lat() {
    let d = model::load_embedded().expect("embedded").dataset;
    let text = export::to_geojson(&d).expect("geojson");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().expect("features");
    let mut kinds = std::collections::BTreeMap::new();
    let mut check = |c: &serde_json::Value| {
        let (lon, lat) = (c[0].as_f64().expect("lon"), c[1].as_f64().expect("lat"));
        assert!(
            (3.0..8.0).contains(&lon) && (50.5..54.0).contains(&lat),
            "{c}"
        );
    };
    for f in features {
        let g = &f["geometry"];
        let t = g["type"].as_str().expect("type").to_string();
        let c = &g["coordinates"];
        match t.as_str() {
            "Point" => check(c),
            "LineString" => c.as_array().expect("line").iter().for_each(&mut check),
            "MultiLineString" | "Polygon" => c
                .as_array()
                .expect("lines")
                .iter()
                .flat_map(|l| l.as_array().expect("line"))
                .for_each(&mut check),
            "MultiPolygon" => c
                .as_array()
                .expect("polys")
                .iter()
                .flat_map(|p| p.as_array().expect("rings"))
                .flat_map(|r| r.as_array().expect("ring"))
                .for_each(&mut check),
            other => panic!("unexpected geometry {other}"),
        }
        let p = &f["properties"];
        for key in [
            "layer",
            "id",
            "name",
            "kind",
            "region",
            "sectors",
            "source",
            "source_file",
            "source_lines",
        ] {
            assert!(p.get(key).is_some(), "{key} missing in {}", p["id"]);
        }
        *kinds.entry(t).or_insert(0) += 1;
    }
    let places = d
        .places
        .iter()
        .filter(|p| p.kind != model::PlaceKind::SubRegion)
        .count();
    assert_eq!(kinds.get("Point"), Some(&places));
    assert_eq!(
        kinds.get("MultiPolygon"),
        Some(&7),
        "the seven MRA sub-regions"
    );
    let lines = kinds.get("LineString").copied().unwrap_or(0)
        + kinds.get("MultiLineString").copied().unwrap_or(0);
    assert!(lines > 20, "cross-pollinations and routes: {kinds:?}");
    let ijmond = features
        .iter()
        .find(|f| f["properties"]["id"] == "mra-ijmond")
        .expect("IJmond");
    assert!(
        ijmond["properties"]["municipalities"]
            .as_str()
            .is_some_and(|m| m.contains("Velsen"))
    );
}

#[test]
fn cli_export_writes_the_file_and_leaves_it_alone_on_failure() {
    let dir = std::env::temp_dir().join(format!("atlas-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let out = dir.join("places.geojson");
    let status = bin()
        .args(["export", "--format", "geojson", "--out"])
        .arg(&out)
        .status()
        .expect("run");
    assert!(status.success());
    let written = std::fs::read_to_string(&out).expect("written");
    assert!(written.contains("FeatureCollection"));

    // A broken dataset must not touch the existing output file.
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[[place]]\nid = 3\n").expect("write");
    let o = bin()
        .args(["export", "--format", "csv", "--dataset"])
        .arg(&bad)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad.toml:2"));
    assert_eq!(std::fs::read_to_string(&out).expect("still there"), written);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());

    // Printing JSON to stdout gives the whole atlas.
    let o = bin()
        .args(["export", "--format", "json"])
        .output()
        .expect("run");
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json on stdout");
    assert!(v["place"].as_array().is_some_and(|a| a.len() > 50));
    std::fs::remove_dir_all(&dir).ok();
}

/// The exports are streamed (rows and features written one at a time). Each must be the
/// bytes the whole-document way gives: the CSV of the collected table written at once, the
/// GeoJSON as `to_string_pretty` of the whole collection, the JSON of the whole dataset;
/// and a file written through `--out`'s path the same bytes as the stream.
#[test]
fn streamed_exports_are_the_bytes_of_the_whole_document_way() {
    use export::delimited::{BOM, Dialect, number_text};
    use export::tables::{TableKind, Value, table};
    use export::{Format, Request, Subset};
    use innovation_atlas::model::Lang;

    let embedded = model::load_embedded().expect("embedded").dataset;
    let generated = innovation_atlas::atlas::synthetic::generate(2_000, 3)
        .expect("generate")
        .dataset;
    let dir = std::env::temp_dir().join(format!("atlas-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    for d in [&embedded, &generated] {
        let all = Subset::all(d);
        for (format, dialect) in [
            (Format::Csv, Dialect::Plain),
            (Format::CsvNl, Dialect::ExcelNl),
        ] {
            for kind in TableKind::ALL {
                for lang in [Lang::Nl, Lang::En] {
                    // The previous way: the whole table, then the whole text.
                    let t = table(d, &all, kind, lang);
                    let mut b = csv::WriterBuilder::new();
                    if dialect == Dialect::ExcelNl {
                        b.delimiter(b';').terminator(csv::Terminator::CRLF);
                    }
                    let mut w = b.from_writer(Vec::new());
                    w.write_record(t.columns.iter().map(|c| c.header(lang)))
                        .expect("header");
                    for row in &t.rows {
                        let fields: Vec<String> = row
                            .iter()
                            .map(|v| match v {
                                Value::Empty => String::new(),
                                Value::Text(t) => t.clone(),
                                Value::Int(n) => n.to_string(),
                                Value::Number(n) => number_text(*n, dialect),
                            })
                            .collect();
                        w.write_record(&fields).expect("row");
                    }
                    let mut expected = BOM.as_bytes().to_vec();
                    expected.extend(w.into_inner().expect("bytes"));
                    let req = Request {
                        format,
                        lang,
                        table: kind,
                    };
                    let streamed = export::render(d, &all, &req).expect("streamed");
                    assert!(
                        streamed == expected,
                        "{format:?} {kind:?} {lang:?}: the streamed CSV differs"
                    );
                }
            }
        }
        let geo = export::render(d, &all, &Request::new(Format::GeoJson, Lang::Nl)).expect("geo");
        // The previous way: the whole collection as one value, then its pretty text.
        let names = export::tables::Names::new(d);
        let whole = export::geojson::collection(&names, &all, Lang::Nl).expect("collection");
        assert!(whole["features"].as_array().is_some_and(|f| !f.is_empty()));
        assert!(
            serde_json::to_string_pretty(&whole)
                .expect("pretty")
                .as_bytes()
                == geo.as_slice(),
            "the streamed GeoJSON is not the pretty JSON of the whole collection"
        );
        let json = export::to_json(d).expect("json");
        assert!(json == serde_json::to_string_pretty(d).expect("whole"));
        // Through a file: the same bytes as the stream.
        for format in [Format::Csv, Format::GeoJson] {
            let req = Request::new(format, Lang::En);
            let path = dir.join(format!("x.{}", format.extension()));
            export::write_to(&path, d, &all, &req).expect("written");
            let file = std::fs::read(&path).expect("read");
            assert!(
                file == export::render(d, &all, &req).expect("render"),
                "{format:?}"
            );
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The workbook opens in calamine: one sheet per table, every place a row, coordinates
/// and counts as numbers, and its sheet XML keeps the frozen header, the autofilter over
/// the rows and the column widths that constant-memory mode writes after the rows.
#[test]
fn the_streamed_workbook_opens_with_its_header_frozen_and_numbers_as_numbers() {
    use calamine::{Data, Reader as _};
    use export::{Format, Request, Subset};
    use innovation_atlas::model::Lang;
    use std::io::Read as _;

    let d = innovation_atlas::atlas::synthetic::generate(3_000, 2)
        .expect("generate")
        .dataset;
    let dir = std::env::temp_dir().join(format!("atlas-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("atlas.xlsx");
    export::write_to(
        &path,
        &d,
        &Subset::all(&d),
        &Request::new(Format::Xlsx, Lang::En),
    )
    .expect("written");
    let mut book = calamine::open_workbook_auto(&path).expect("an xlsx calamine reads");
    assert_eq!(
        book.sheet_names(),
        [
            "Places",
            "Sub-regions",
            "Cross-pollinations",
            "Project sheets",
            "Key figures",
            "Sources"
        ]
    );
    let places = book.worksheet_range("Places").expect("places");
    let rows: Vec<&[Data]> = places.rows().collect();
    let header: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (lat, lon, companies, id) = (col("lat"), col("lon"), col("companies"), col("id"));
    let expected = d
        .places
        .iter()
        .filter(|p| p.kind != model::PlaceKind::SubRegion)
        .count();
    assert_eq!(rows.len() - 1, expected, "one row per place, in order");
    let mut counted = 0;
    for (r, p) in rows[1..].iter().zip(
        d.places
            .iter()
            .filter(|p| p.kind != model::PlaceKind::SubRegion),
    ) {
        assert_eq!(r[id].to_string(), p.id);
        assert!(
            matches!(r[lat], Data::Float(x) if x == p.position.lat),
            "{:?}",
            r[lat]
        );
        assert!(
            matches!(r[lon], Data::Float(x) if x == p.position.lon),
            "{:?}",
            r[lon]
        );
        match (&r[companies], p.companies) {
            (Data::Float(x), Some(n)) => {
                assert_eq!(*x, n as f64);
                counted += 1;
            }
            (Data::Int(x), Some(n)) => {
                assert_eq!(*x, n);
                counted += 1;
            }
            (Data::Empty, None) => {}
            (cell, n) => panic!("companies {cell:?} for {n:?}"),
        }
    }
    assert!(counted > 0, "some places have a number of companies");

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).expect("open")).expect("a zip");
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .expect("the first sheet")
        .read_to_string(&mut sheet)
        .expect("xml");
    assert!(
        sheet.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "header row frozen"
    );
    assert!(
        sheet.contains(&format!(r#"<autoFilter ref="A1:Q{}"/>"#, expected + 1)),
        "autofilter over every row"
    );
    assert!(
        sheet.contains("<cols>") && sheet.contains("customWidth=\"1\""),
        "column widths"
    );
    std::fs::remove_dir_all(&dir).ok();
}
