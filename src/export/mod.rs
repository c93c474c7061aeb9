//! Exports of the dataset: JSON (everything), CSV (one row per place) and GeoJSON (places as
//! points, for QGIS).

pub mod picture;

use serde_json::{Value, json};

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
pub fn to_geojson(d: &Dataset) -> Result<String, ExportError> {
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
    serde_json::to_string_pretty(&fc).map_err(|e| ExportError::Encode(e.to_string()))
}
