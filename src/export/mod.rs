//! Exports of the dataset: JSON (the whole dataset; it loads back), CSV (one table per
//! file, with a UTF-8 byte-order mark; plain or for Dutch Excel), XLSX (one sheet per table)
//! and GeoJSON (places, sub-region areas, cross-pollinations and routes, for QGIS). All but
//! the JSON export what a [`Subset`] holds: everything, or what a view shows.

pub mod delimited;
pub mod geojson;
pub mod picture;
pub mod scope;
pub mod tables;
pub mod xlsx;

pub use scope::Subset;
pub use tables::TableKind;

use crate::model::{Dataset, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    /// `,`-separated, decimal points, UTF-8 with a byte-order mark.
    Csv,
    /// "Excel (Nederlands)": `;`-separated, decimal commas, UTF-8 with a byte-order mark.
    CsvNl,
    GeoJson,
    Xlsx,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Xlsx,
        Format::Csv,
        Format::CsvNl,
        Format::GeoJson,
        Format::Json,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv | Format::CsvNl => "csv",
            Format::GeoJson => "geojson",
            Format::Xlsx => "xlsx",
        }
    }
}

/// What to write: the format, the language of headers and names, and for a CSV the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    pub format: Format,
    pub lang: Lang,
    pub table: TableKind,
}

impl Request {
    pub fn new(format: Format, lang: Lang) -> Request {
        Request {
            format,
            lang,
            table: TableKind::Places,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("could not encode the export: {0}")]
    Encode(String),
    #[error(transparent)]
    Write(#[from] crate::fsio::WriteError),
}

impl ExportError {
    /// The message for the window, in its language where it has one.
    pub fn localized(&self, lang: Lang) -> String {
        match self {
            ExportError::Write(w) => crate::i18n::write_error(lang, w),
            other => other.to_string(),
        }
    }
}

/// The export's bytes.
pub fn render(d: &Dataset, subset: &Subset, req: &Request) -> Result<Vec<u8>, ExportError> {
    let lang = req.lang;
    match req.format {
        Format::Json => to_json(d).map(String::into_bytes),
        Format::Csv | Format::CsvNl => {
            let dialect = if req.format == Format::CsvNl {
                delimited::Dialect::ExcelNl
            } else {
                delimited::Dialect::Plain
            };
            let t = tables::table(d, subset, req.table, lang);
            delimited::write(&t, lang, dialect).map(String::into_bytes)
        }
        Format::GeoJson => geojson::write(d, subset, lang).map(String::into_bytes),
        Format::Xlsx => {
            let all: Vec<tables::Table> = TableKind::ALL
                .iter()
                .map(|k| tables::table(d, subset, *k, lang))
                .collect();
            xlsx::write(&all, lang)
        }
    }
}

/// Renders and writes atomically ([`crate::fsio::write_atomic`]): a failure leaves any
/// file that was there as it was.
pub fn write_to(
    path: &std::path::Path,
    d: &Dataset,
    subset: &Subset,
    req: &Request,
) -> Result<(), ExportError> {
    let bytes = render(d, subset, req)?;
    crate::fsio::write_atomic(path, &bytes)?;
    Ok(())
}

/// The whole dataset as pretty JSON; `load_path` reads it back into an identical model.
pub fn to_json(d: &Dataset) -> Result<String, ExportError> {
    serde_json::to_string_pretty(d).map_err(|e| ExportError::Encode(e.to_string()))
}

/// Every place as plain CSV with English headers (byte-order mark first).
pub fn to_csv(d: &Dataset) -> Result<String, ExportError> {
    let t = tables::table(d, &Subset::all(d), TableKind::Places, Lang::En);
    delimited::write(&t, Lang::En, delimited::Dialect::Plain)
}

/// Everything as GeoJSON with Dutch names.
pub fn to_geojson(d: &Dataset) -> Result<String, ExportError> {
    geojson::write(d, &Subset::all(d), Lang::Nl)
}
