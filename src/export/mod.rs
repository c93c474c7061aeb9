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

use std::io::Write;

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

/// Why an export could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// rust_xlsxwriter could not build the workbook (in constant-memory mode most likely:
    /// its temporary files could not be written).
    #[error("could not build the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("could not write the JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("could not write the CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("the export is not UTF-8 text: {0}")]
    Text(#[from] std::string::FromUtf8Error),
    /// Writing to something other than a file (standard output) failed.
    #[error("could not write to {target}: {source}")]
    Io {
        target: String,
        #[source]
        source: std::io::Error,
    },
    /// Writing the file failed; the file that was there is unchanged.
    #[error(transparent)]
    Write(#[from] crate::fsio::WriteError),
}

impl ExportError {
    /// The message for the window, in its language where it has one.
    pub fn localized(&self, lang: Lang) -> String {
        match self {
            ExportError::Write(w) => crate::i18n::write_error(lang, w),
            ExportError::Xlsx(e) => {
                crate::i18n::tr(lang, "data.failed.workbook").replace("{detail}", &e.to_string())
            }
            other => {
                crate::i18n::tr(lang, "data.failed.encode").replace("{detail}", &other.to_string())
            }
        }
    }
}

/// Writes the export into `out` as it is made: rows and features one at a time, never the
/// whole export in memory (100,000 places). I/O errors come back wrapped in the encoder's
/// error; [`write_to`] and [`write_stream`] report them with the file or stream's name.
pub fn stream<W: Write + Send>(
    out: W,
    d: &Dataset,
    subset: &Subset,
    req: &Request,
) -> Result<(), ExportError> {
    let lang = req.lang;
    let names = tables::Names::new(d);
    match req.format {
        Format::Json => {
            let mut out = out;
            serde_json::to_writer_pretty(&mut out, d)?;
            out.flush().map_err(serde_json::Error::io)?;
            Ok(())
        }
        Format::Csv | Format::CsvNl => {
            let dialect = if req.format == Format::CsvNl {
                delimited::Dialect::ExcelNl
            } else {
                delimited::Dialect::Plain
            };
            delimited::write(out, &names, subset, req.table, lang, dialect)
        }
        Format::GeoJson => geojson::write(out, &names, subset, lang),
        Format::Xlsx => xlsx::write(out, &names, subset, lang),
    }
}

/// The export's bytes (small exports and tests; files and standard output are streamed).
pub fn render(d: &Dataset, subset: &Subset, req: &Request) -> Result<Vec<u8>, ExportError> {
    let mut bytes = Vec::new();
    stream(&mut bytes, d, subset, req)?;
    Ok(bytes)
}

/// Writes the export atomically ([`crate::fsio::write_atomic_with`]) as it is made: a
/// failure leaves any file that was there as it was.
pub fn write_to(
    path: &std::path::Path,
    d: &Dataset,
    subset: &Subset,
    req: &Request,
) -> Result<(), ExportError> {
    crate::fsio::write_atomic_with(path, |file| stream(file, d, subset, req))
}

/// Writes the export to `out` (standard output) through a buffer as it is made; an I/O
/// error names `target`.
pub fn write_stream<W: Write + Send>(
    out: W,
    target: &str,
    d: &Dataset,
    subset: &Subset,
    req: &Request,
) -> Result<(), ExportError> {
    let mut out = crate::fsio::KeepError::new(std::io::BufWriter::with_capacity(256 * 1024, out));
    let result = stream(&mut out, d, subset, req).and_then(|()| {
        out.flush().map_err(|source| ExportError::Io {
            target: target.to_string(),
            source,
        })
    });
    // The encoder wraps an I/O error in its own; the error the stream kept says it plainly.
    result.map_err(|e| match out.take_error() {
        Some(source) => ExportError::Io {
            target: target.to_string(),
            source,
        },
        None => e,
    })
}

/// The whole dataset as pretty JSON; `load_path` reads it back into an identical model.
pub fn to_json(d: &Dataset) -> Result<String, ExportError> {
    let bytes = render(d, &Subset::all(d), &Request::new(Format::Json, Lang::En))?;
    Ok(String::from_utf8(bytes)?)
}

/// Every place as plain CSV with English headers (byte-order mark first).
pub fn to_csv(d: &Dataset) -> Result<String, ExportError> {
    let bytes = render(d, &Subset::all(d), &Request::new(Format::Csv, Lang::En))?;
    Ok(String::from_utf8(bytes)?)
}

/// Everything as GeoJSON with Dutch names.
pub fn to_geojson(d: &Dataset) -> Result<String, ExportError> {
    let bytes = render(d, &Subset::all(d), &Request::new(Format::GeoJson, Lang::Nl))?;
    Ok(String::from_utf8(bytes)?)
}
