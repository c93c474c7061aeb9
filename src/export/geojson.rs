//! GeoJSON for GIS (QGIS, GDAL): one FeatureCollection with
//!
//! - places as `Point`s;
//! - sub-regions as `MultiPolygon`s: the polygons of their member municipalities from the
//!   embedded basemap, one polygon (with its holes) per municipality part;
//! - cross-pollinations as `LineString`s (two ends) or `MultiLineString`s (from the end that
//!   states the link, or the first, to each other end); a region as an end stands at the
//!   centre of its places' extent;
//! - routes (focus themes, infrastructure asks) as `LineString`s.
//!
//! Every feature has `layer` (place, sub_region, cross_pollination, route), `id`, `name`,
//! `kind`, `region`, `sectors`, `source` (document title and section) and `source_file` /
//! `source_lines` for checking. QGIS opens the mixed collection as point, polygon and line
//! layers. Coordinates are lon, lat (WGS84), as GeoJSON requires.

use std::collections::HashMap;
use std::io::Write;

use serde_json::{Map, Value, json};

use super::ExportError;
use super::scope::Subset;
use super::tables::Names;
use crate::basemap::lonlat;
use crate::model::{Citation, Dataset, Lang, PlaceKind, RegionKind};

fn text(v: super::tables::Value) -> Value {
    match v {
        super::tables::Value::Text(t) => Value::String(t),
        _ => Value::Null,
    }
}

/// The properties every feature has.
#[allow(clippy::too_many_arguments)]
fn props(
    n: &Names,
    layer: &str,
    id: &str,
    name: &str,
    kind: &str,
    region: &str,
    sectors: &[String],
    cites: &[Citation],
) -> Map<String, Value> {
    let [source, file, lines] = n.source_values(cites);
    let mut m = Map::new();
    m.insert("layer".into(), layer.into());
    m.insert("id".into(), id.into());
    m.insert("name".into(), name.into());
    m.insert("kind".into(), kind.into());
    m.insert("region".into(), region.into());
    m.insert("sectors".into(), sectors.join(";").into());
    m.insert("source".into(), text(source));
    m.insert("source_file".into(), text(file));
    m.insert("source_lines".into(), text(lines));
    m
}

fn feature(id: &str, geometry: Value, properties: Map<String, Value>) -> Value {
    json!({
        "type": "Feature",
        "id": id,
        "geometry": geometry,
        "properties": properties,
    })
}

/// Centre (lon, lat) of each atlas region: the middle of its places' extent.
fn region_centres(d: &Dataset) -> HashMap<&str, [f64; 2]> {
    let mut boxes: HashMap<&str, [f64; 4]> = HashMap::new();
    for p in &d.places {
        let atlas = d
            .region(&p.region)
            .is_some_and(|r| r.kind == RegionKind::Atlas);
        if !atlas {
            continue;
        }
        let b = boxes.entry(p.region.as_str()).or_insert([
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ]);
        b[0] = b[0].min(p.position.lon);
        b[1] = b[1].min(p.position.lat);
        b[2] = b[2].max(p.position.lon);
        b[3] = b[3].max(p.position.lat);
    }
    boxes
        .into_iter()
        .map(|(r, b)| (r, [(b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0]))
        .collect()
}

/// The collection as pretty JSON, written to `out` one feature at a time: the bytes are
/// those of `serde_json::to_string_pretty` of the whole collection, without holding it
/// (100,000 features as `Value`s and their text took most of the export's memory).
pub fn write<W: Write>(out: W, n: &Names, subset: &Subset, lang: Lang) -> Result<(), ExportError> {
    let mut out = out;
    // The collection's own keys, in the order serde_json writes them, around an empty list
    // of features; the features go where the list is.
    let frame = serde_json::to_string_pretty(&json!({
        "type": "FeatureCollection",
        "name": "innovation-atlas",
        "features": [],
    }))?;
    let at = frame
        .find("\"features\": [")
        .map_or(0, |i| i + "\"features\": [".len());
    let (head, tail) = frame.split_at(at);
    out.write_all(head.as_bytes())
        .map_err(serde_json::Error::io)?;
    let mut count = 0usize;
    let mut text = Vec::new();
    features(n, subset, lang, |f| {
        text.clear();
        serde_json::to_writer_pretty(&mut text, &f)?;
        // A feature sits two levels deep: four spaces before each of its lines (a JSON
        // string holds no raw line break, so every '\n' is between lines).
        out.write_all(if count == 0 { b"\n    " } else { b",\n    " })
            .map_err(serde_json::Error::io)?;
        for (i, line) in text.split(|b| *b == b'\n').enumerate() {
            if i > 0 {
                out.write_all(b"\n    ").map_err(serde_json::Error::io)?;
            }
            out.write_all(line).map_err(serde_json::Error::io)?;
        }
        count += 1;
        Ok(())
    })?;
    if count > 0 {
        out.write_all(b"\n  ").map_err(serde_json::Error::io)?;
    }
    out.write_all(tail.as_bytes())
        .map_err(serde_json::Error::io)?;
    out.flush().map_err(serde_json::Error::io)?;
    Ok(())
}

/// The whole collection as one value: what [`write`] streams, held at once (tests compare
/// the two; an export never builds it).
pub fn collection(n: &Names, subset: &Subset, lang: Lang) -> Result<Value, ExportError> {
    let mut all = Vec::new();
    features(n, subset, lang, |f| {
        all.push(f);
        Ok(())
    })?;
    Ok(json!({
        "type": "FeatureCollection",
        "name": "innovation-atlas",
        "features": all,
    }))
}

/// Each feature of the collection, in order, handed to `emit`.
fn features(
    n: &Names,
    subset: &Subset,
    lang: Lang,
    mut emit: impl FnMut(Value) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let d = n.d;
    let centres = region_centres(d);
    let end = |id: &str| {
        n.place(id)
            .map(|p| [p.position.lon, p.position.lat])
            .or_else(|| centres.get(id).copied())
    };
    // The sub-regions of each region, for links to "all sub-regions of" one, found once
    // instead of scanning every place per link.
    let mut sub_regions: HashMap<&str, Vec<(&str, [f64; 2])>> = HashMap::new();
    for p in d.places.iter().filter(|p| p.kind == PlaceKind::SubRegion) {
        sub_regions
            .entry(p.region.as_str())
            .or_default()
            .push((p.id.as_str(), [p.position.lon, p.position.lat]));
    }
    for (i, p) in d.places.iter().enumerate() {
        if !subset.place(i) {
            continue;
        }
        let mut m = props(
            n,
            if p.kind == PlaceKind::SubRegion {
                "sub_region"
            } else {
                "place"
            },
            &p.id,
            &p.name,
            p.kind.key(),
            &p.region,
            &p.sectors,
            &p.sources,
        );
        m.insert("companies".into(), p.companies.into());
        m.insert("town".into(), p.town.clone().into());
        m.insert("description".into(), p.description.get(lang).into());
        m.insert("position".into(), p.position.represents.get(lang).into());
        m.insert("accuracy_m".into(), p.position.accuracy_m.into());
        let geometry = if p.kind == PlaceKind::SubRegion {
            let polygons: Vec<&Vec<lonlat::Ring>> = p
                .members
                .iter()
                .filter_map(|m| lonlat::municipality(&m.cbs))
                .flat_map(|m| m.polygons.iter())
                .collect();
            m.insert(
                "municipalities".into(),
                p.members
                    .iter()
                    .map(|x| x.name.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
                    .into(),
            );
            m.insert(
                "municipality_codes".into(),
                p.members
                    .iter()
                    .map(|x| x.cbs.as_str())
                    .collect::<Vec<_>>()
                    .join(";")
                    .into(),
            );
            if polygons.is_empty() {
                json!({ "type": "Point", "coordinates": [p.position.lon, p.position.lat] })
            } else {
                json!({ "type": "MultiPolygon", "coordinates": polygons })
            }
        } else {
            json!({ "type": "Point", "coordinates": [p.position.lon, p.position.lat] })
        };
        emit(feature(&p.id, geometry, m))?;
    }
    for (x, _) in d
        .cross_pollinations
        .iter()
        .zip(&subset.links)
        .filter(|(_, on)| **on)
    {
        let mut ends: Vec<(&str, [f64; 2])> = x
            .endpoints
            .iter()
            .filter_map(|e| end(e).map(|p| (e.as_str(), p)))
            .collect();
        if let Some(subs) = x
            .all_sub_regions_of
            .as_deref()
            .and_then(|r| sub_regions.get(r))
        {
            ends.extend(subs.iter().copied());
        }
        let hub = x
            .from
            .as_deref()
            .and_then(|f| ends.iter().position(|(e, _)| *e == f))
            .unwrap_or(0);
        let Some(&(_, a)) = ends.get(hub) else {
            continue;
        };
        let lines: Vec<Vec<[f64; 2]>> = ends
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != hub)
            .map(|(_, (_, b))| vec![a, *b])
            .collect();
        let geometry = match lines.as_slice() {
            [] => continue,
            [one] => json!({ "type": "LineString", "coordinates": one }),
            many => json!({ "type": "MultiLineString", "coordinates": many }),
        };
        let mut m = props(
            n,
            "cross_pollination",
            &x.id,
            x.theme.get(lang),
            "cross_pollination",
            "",
            &x.sectors,
            &x.sources,
        );
        m.insert("endpoints".into(), x.endpoints.join(";").into());
        m.insert(
            "from".into(),
            x.from.clone().map_or(Value::Null, Value::String),
        );
        emit(feature(&x.id, geometry, m))?;
    }
    let themes = d
        .focus_themes
        .iter()
        .zip(&subset.themes)
        .filter(|(_, on)| **on)
        .filter_map(|(t, _)| {
            t.route.as_ref().map(|r| {
                (
                    t.id.as_str(),
                    t.name.get(lang),
                    "focus_theme",
                    t.region.as_str(),
                    t.sectors.as_slice(),
                    r,
                    t.sources.as_slice(),
                )
            })
        });
    let asks = d
        .infrastructure
        .iter()
        .zip(&subset.asks)
        .filter(|(_, on)| **on)
        .filter_map(|(a, _)| {
            a.route.as_ref().map(|r| {
                (
                    a.id.as_str(),
                    a.name.as_str(),
                    "infrastructure",
                    a.region.as_str(),
                    &[][..],
                    r,
                    a.sources.as_slice(),
                )
            })
        });
    for (id, name, kind, region, sectors, route, cites) in themes.chain(asks) {
        let coords: Vec<[f64; 2]> = route.points.iter().map(|p| [p.lon, p.lat]).collect();
        if coords.len() < 2 {
            continue;
        }
        let mut m = props(n, "route", id, name, kind, region, sectors, cites);
        m.insert(
            "stops".into(),
            route
                .points
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join("; ")
                .into(),
        );
        emit(feature(
            id,
            json!({ "type": "LineString", "coordinates": coords }),
            m,
        ))?;
    }
    Ok(())
}
