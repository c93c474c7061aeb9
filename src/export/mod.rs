//! Exports of the dataset: JSON (everything), CSV (one row per place) and GeoJSON (places as
//! points, for QGIS).

pub mod picture;

use serde::Serialize;

use crate::model::{Dataset, Lang, Place};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    GeoJson,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("could not encode the export: {0}")]
    Encode(String),
    #[error(transparent)]
    Write(#[from] crate::fsio::WriteError),
}

/// Renders the dataset in the given format.
pub fn render(d: &Dataset, format: Format) -> Result<String, ExportError> {
    match format {
        Format::Json => to_json(d),
        Format::Csv => to_csv(d),
        Format::GeoJson => to_geojson(d),
    }
}

/// The whole dataset as pretty JSON; `load_path` reads it back into an identical model.
pub fn to_json(d: &Dataset) -> Result<String, ExportError> {
    serde_json::to_string_pretty(d).map_err(|e| ExportError::Encode(e.to_string()))
}

fn first_source(d: &Dataset, p: &Place) -> String {
    p.sources.first().map(|c| d.cite(c)).unwrap_or_default()
}

/// One row per place: id, name, region, kind, lat, lon, sectors, companies, source.
pub fn to_csv(d: &Dataset) -> Result<String, ExportError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let enc = |e: csv::Error| ExportError::Encode(e.to_string());
    w.write_record([
        "id",
        "name",
        "region",
        "kind",
        "lat",
        "lon",
        "sectors",
        "companies",
        "source",
    ])
    .map_err(enc)?;
    for p in &d.places {
        w.write_record([
            p.id.as_str(),
            p.name.as_str(),
            p.region.as_str(),
            p.kind.key(),
            &p.position.lat.to_string(),
            &p.position.lon.to_string(),
            &p.sectors.join(";"),
            &p.companies.map(|n| n.to_string()).unwrap_or_default(),
            &first_source(d, p),
        ])
        .map_err(enc)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ExportError::Encode(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Encode(e.to_string()))
}

/// Places as a GeoJSON FeatureCollection of points (lon, lat order, as GeoJSON requires).
///
/// Written straight from the places, feature by feature, with keys in alphabetical order
/// (as a JSON object tree would give them); no tree of the whole collection is built, so
/// memory stays at the dataset plus the text.
pub fn to_geojson(d: &Dataset) -> Result<String, ExportError> {
    let mut out = Vec::with_capacity(d.places.len() * 1024);
    write_geojson(d, &mut out)?;
    String::from_utf8(out).map_err(|e| ExportError::Encode(e.to_string()))
}

/// [`to_geojson`] into any writer.
pub fn write_geojson(d: &Dataset, out: &mut impl std::io::Write) -> Result<(), ExportError> {
    let fc = FeatureCollection {
        features: Features(d),
        name: "innovation-atlas-places",
        kind: "FeatureCollection",
    };
    serde_json::to_writer_pretty(out, &fc).map_err(|e| ExportError::Encode(e.to_string()))
}

#[derive(Serialize)]
struct FeatureCollection<'a> {
    features: Features<'a>,
    name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// The places as features, made one at a time while writing.
struct Features<'a>(&'a Dataset);

impl Serialize for Features<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let d = self.0;
        let mut seq = s.serialize_seq(Some(d.places.len()))?;
        for p in &d.places {
            seq.serialize_element(&Feature {
                geometry: Geometry {
                    coordinates: [p.position.lon, p.position.lat],
                    kind: "Point",
                },
                id: &p.id,
                properties: Properties {
                    companies: p.companies,
                    description_en: p.description.get(Lang::En),
                    description_nl: p.description.get(Lang::Nl),
                    id: &p.id,
                    kind: p.kind.key(),
                    name: &p.name,
                    parent: p.parent.as_deref(),
                    position_accuracy_m: p.position.accuracy_m,
                    position_represents: &p.position.represents,
                    region: &p.region,
                    sectors: p.sectors.join(";"),
                    source: first_source(d, p),
                },
                kind: "Feature",
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct Feature<'a> {
    geometry: Geometry,
    id: &'a str,
    properties: Properties<'a>,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct Geometry {
    coordinates: [f64; 2],
    #[serde(rename = "type")]
    kind: &'static str,
}

/// In alphabetical order of the keys.
#[derive(Serialize)]
struct Properties<'a> {
    companies: Option<i64>,
    description_en: &'a str,
    description_nl: &'a str,
    id: &'a str,
    kind: &'static str,
    name: &'a str,
    parent: Option<&'a str>,
    position_accuracy_m: u32,
    position_represents: &'a str,
    region: &'a str,
    sectors: String,
    source: String,
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    /// The GeoJSON as it was built before: a JSON tree of the whole collection.
    fn geojson_from_a_tree(d: &Dataset) -> String {
        let features: Vec<Value> = d
            .places
            .iter()
            .map(|p| {
                json!({
                    "type": "Feature",
                    "id": p.id,
                    "geometry": { "type": "Point", "coordinates": [p.position.lon, p.position.lat] },
                    "properties": {
                        "id": p.id,
                        "name": p.name,
                        "region": p.region,
                        "kind": p.kind.key(),
                        "sectors": p.sectors.join(";"),
                        "companies": p.companies,
                        "description_nl": p.description.get(Lang::Nl),
                        "description_en": p.description.get(Lang::En),
                        "position_represents": p.position.represents,
                        "position_accuracy_m": p.position.accuracy_m,
                        "parent": p.parent,
                        "source": first_source(d, p),
                    }
                })
            })
            .collect();
        let fc = json!({
            "type": "FeatureCollection",
            "name": "innovation-atlas-places",
            "features": features,
        });
        serde_json::to_string_pretty(&fc).unwrap_or_default()
    }

    #[test]
    fn geojson_is_written_as_the_tree_would_be() {
        let loaded = crate::model::load_embedded().expect("seeds");
        let written = to_geojson(&loaded.dataset).expect("geojson");
        assert_eq!(written, geojson_from_a_tree(&loaded.dataset));
    }
}
