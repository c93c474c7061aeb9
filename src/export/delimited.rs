//! CSV for spreadsheets. Both variants start with a UTF-8 byte-order mark, so Excel reads
//! the accents right:
//!
//! - plain CSV: `,` between fields, a decimal point (any program, Excel in English);
//! - "Excel (Nederlands)": `;` between fields, decimal commas and CRLF line ends, which is
//!   what Dutch Excel expects when a file is opened with a double click.

use std::fmt::Write as _;

use super::ExportError;
use super::scope::Subset;
use super::tables::{Names, TableKind, Value, columns, for_each_row};
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
    let mut s = String::new();
    push_number(&mut s, n, dialect);
    s
}

/// [`number_text`] appended to `out`.
fn push_number(out: &mut String, n: f64, dialect: Dialect) {
    let start = out.len();
    if n.fract() == 0.0 && n.abs() < 1e15 {
        write!(out, "{}", n as i64).ok();
    } else {
        write!(out, "{n}").ok();
    }
    if dialect == Dialect::ExcelNl
        && let Some(dot) = out[start..].find('.')
    {
        out.replace_range(start + dot..start + dot + 1, ",");
    }
}

/// One table as CSV, byte-order mark first, written row by row into `out` (a buffered
/// file or standard output): no row is kept once written.
pub fn write<W: std::io::Write>(
    out: W,
    names: &Names,
    subset: &Subset,
    kind: TableKind,
    lang: Lang,
    dialect: Dialect,
) -> Result<(), ExportError> {
    let mut out = out;
    out.write_all(BOM.as_bytes()).map_err(csv::Error::from)?;
    let mut builder = csv::WriterBuilder::new();
    if dialect == Dialect::ExcelNl {
        builder.delimiter(b';').terminator(csv::Terminator::CRLF);
    }
    let mut w = builder.from_writer(out);
    w.write_record(columns(kind).iter().map(|c| c.header(lang)))?;
    // Numbers are formatted into one reused buffer; text goes to the writer as it is.
    let mut number = String::new();
    for_each_row(
        names,
        subset,
        kind,
        lang,
        |row| -> Result<(), ExportError> {
            for v in &row {
                match v {
                    Value::Empty => w.write_field("")?,
                    Value::Text(t) => w.write_field(t)?,
                    Value::Int(n) => {
                        number.clear();
                        write!(number, "{n}").ok();
                        w.write_field(&number)?;
                    }
                    Value::Number(n) => {
                        number.clear();
                        push_number(&mut number, *n, dialect);
                        w.write_field(&number)?;
                    }
                }
            }
            w.write_record(None::<&[u8]>)?;
            Ok(())
        },
    )?;
    w.flush().map_err(csv::Error::from)?;
    Ok(())
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
