//! An Excel workbook (rust_xlsxwriter): one sheet per table, the header row frozen and
//! filterable, columns as wide as their content (within limits), numbers as numbers.
//!
//! Sheets are written in rust_xlsxwriter's constant-memory mode: each row goes to a
//! temporary file as it is written, so 100,000 places take a few MB instead of every cell
//! held until the workbook is saved (667 MB before). Rows must then come in order, which
//! [`for_each_row`] gives; strings are written inline rather than shared. The column widths,
//! the frozen header and the autofilter are kept by the worksheet and written when it is
//! saved, so they can follow the rows.

use rust_xlsxwriter::{Format, FormatBorder, Workbook};

use super::ExportError;
use super::scope::Subset;
use super::tables::{Names, TableKind, Value, columns, for_each_row};
use crate::model::Lang;

/// Column widths (in characters) a column is kept within.
const MIN_WIDTH: f64 = 6.0;
const MAX_WIDTH: f64 = 60.0;

/// Every table of what `subset` holds as one workbook, written to `out`.
pub fn write<W: std::io::Write + Send>(
    out: W,
    names: &Names,
    subset: &Subset,
    lang: Lang,
) -> Result<(), ExportError> {
    let mut book = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color("DDEBF7")
        .set_border_bottom(FormatBorder::Thin);
    let plain = Format::new();
    for kind in TableKind::ALL {
        let sheet = book.add_worksheet_with_constant_memory()?;
        sheet.set_name(kind.sheet_name(lang))?;
        let cols = columns(kind);
        let formats: Vec<Format> = cols
            .iter()
            .map(|c| match c.decimals {
                Some(0) => Format::new().set_num_format("0"),
                Some(n) => Format::new().set_num_format(format!("0.{}", "0".repeat(n.into()))),
                None => plain.clone(),
            })
            .collect();
        let mut widths: Vec<usize> = cols
            .iter()
            .map(|c| c.header(lang).chars().count() + 3)
            .collect();
        for (col, c) in cols.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, c.header(lang), &header)?;
        }
        let mut r: u32 = 0;
        for_each_row(
            names,
            subset,
            kind,
            lang,
            |row| -> Result<(), ExportError> {
                r += 1;
                for (col, v) in row.iter().enumerate() {
                    let c = col as u16;
                    let format = formats.get(col).unwrap_or(&plain);
                    let len = match v {
                        Value::Empty => 0,
                        Value::Text(t) => {
                            sheet.write_string(r, c, t)?;
                            t.chars().count()
                        }
                        Value::Number(n) => {
                            sheet.write_number_with_format(r, c, *n, format)?;
                            10
                        }
                        Value::Int(n) => {
                            sheet.write_number_with_format(r, c, *n as f64, format)?;
                            n.to_string().len() + 1
                        }
                    };
                    if let Some(w) = widths.get_mut(col) {
                        *w = (*w).max(len + 1);
                    }
                }
                Ok(())
            },
        )?;
        for (col, w) in widths.iter().enumerate() {
            let w = (*w as f64).clamp(MIN_WIDTH, MAX_WIDTH);
            sheet.set_column_width(col as u16, w)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        let last_col = cols.len().saturating_sub(1) as u16;
        sheet.autofilter(0, 0, r, last_col)?;
    }
    book.save_to_writer(out)?;
    Ok(())
}
