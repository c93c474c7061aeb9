//! Exports of the dataset: JSON (everything), CSV (one row per place) and GeoJSON (places as
//! points, for QGIS), and the atomic file write they share.

use std::io::Write;
use std::path::Path;

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
    #[error("could not write {path}: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
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

/// Writes `contents` to `path` so that the file is either the old one or the complete new
/// one: write a temporary file beside it, flush it to disk, then rename it into place.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), ExportError> {
    let err = |source: std::io::Error| ExportError::Write {
        path: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| err(std::io::Error::other("the path names no file")))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(file_name);
    // Process and a per-process counter: two writes of one path at once (an export and an
    // autosave, two exports) each get their own temporary file.
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    tmp_name.push(format!(".{}-{n}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        // Persist the rename itself; not every platform can open a directory, so a failure
        // here is not an error for the caller.
        if let Ok(d) = std::fs::File::open(&dir) {
            d.sync_all().ok();
        }
        Ok(())
    })();
    if result.is_err() {
        std::fs::remove_file(&tmp).ok();
    }
    result.map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_whole_file_and_leaves_no_temp() {
        let dir = std::env::temp_dir().join(format!("atlas-aw-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok();
        let path = dir.join("out.csv");
        assert!(write_atomic(&path, b"first").is_ok());
        assert!(write_atomic(&path, b"second, longer").is_ok());
        assert_eq!(
            std::fs::read_to_string(&path).ok().as_deref(),
            Some("second, longer")
        );
        let leftovers = std::fs::read_dir(&dir).map(|r| r.count()).unwrap_or(0);
        assert_eq!(leftovers, 1);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn atomic_write_into_missing_folder_fails_cleanly() {
        let path = std::env::temp_dir().join("atlas-no-such-dir-xyz/out.json");
        assert!(write_atomic(&path, b"x").is_err());
    }
}
