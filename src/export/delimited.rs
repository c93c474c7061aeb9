//! CSV for spreadsheets. Both variants start with a UTF-8 byte-order mark, so Excel reads
//! the accents right:
//!
//! - plain CSV: `,` between fields, a decimal point (any program, Excel in English);
//! - "Excel (Nederlands)": `;` between fields, decimal commas and CRLF line ends, which is
//!   what Dutch Excel expects when a file is opened with a double click.

use super::ExportError;
use super::tables::{Table, Value};
use crate::model::Lang;

/// The byte-order mark that tells Excel the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// Which CSV dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// `,` and a decimal point.
    Plain,
    /// `;`, decimal commas, CRLF.
    ExcelNl,
}

/// A number as text: as short as it can be exactly, with a comma for Dutch Excel.
pub fn number_text(n: f64, dialect: Dialect) -> String {
    let s = if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    };
    match dialect {
        Dialect::Plain => s,
        Dialect::ExcelNl => s.replace('.', ","),
    }
}

/// One table as CSV text, byte-order mark first.
pub fn write(table: &Table, lang: Lang, dialect: Dialect) -> Result<String, ExportError> {
    let mut builder = csv::WriterBuilder::new();
    if dialect == Dialect::ExcelNl {
        builder.delimiter(b';').terminator(csv::Terminator::CRLF);
    }
    let mut w = builder.from_writer(Vec::new());
    let enc = |e: csv::Error| ExportError::Encode(e.to_string());
    w.write_record(table.columns.iter().map(|c| c.header(lang)))
        .map_err(enc)?;
    for row in &table.rows {
        let fields: Vec<String> = row
            .iter()
            .map(|v| match v {
                Value::Empty => String::new(),
                Value::Text(t) => t.clone(),
                Value::Int(n) => n.to_string(),
                Value::Number(n) => number_text(*n, dialect),
            })
            .collect();
        w.write_record(&fields).map_err(enc)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ExportError::Encode(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| ExportError::Encode(e.to_string()))?;
    Ok(format!("{BOM}{text}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_excel_gets_semicolons_and_decimal_commas() {
        assert_eq!(number_text(52.0116, Dialect::ExcelNl), "52,0116");
        assert_eq!(number_text(52.0116, Dialect::Plain), "52.0116");
        assert_eq!(number_text(25.0, Dialect::ExcelNl), "25");
    }
}
