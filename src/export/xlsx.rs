//! An Excel workbook (rust_xlsxwriter): one sheet per table, the header row frozen and
//! filterable, columns as wide as their content (within limits), numbers as numbers.

use rust_xlsxwriter::{Format, FormatBorder, Workbook, XlsxError};

use super::ExportError;
use super::tables::{Table, Value};
use crate::model::Lang;

/// Column widths (in characters) a column is kept within.
const MIN_WIDTH: f64 = 6.0;
const MAX_WIDTH: f64 = 60.0;

fn enc(e: XlsxError) -> ExportError {
    ExportError::Encode(e.to_string())
}

/// The tables as one workbook's bytes.
pub fn write(tables: &[Table], lang: Lang) -> Result<Vec<u8>, ExportError> {
    let mut book = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color("DDEBF7")
        .set_border_bottom(FormatBorder::Thin);
    let wrap_limit = Format::new();
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(table.kind.sheet_name(lang)).map_err(enc)?;
        let formats: Vec<Format> = table
            .columns
            .iter()
            .map(|c| match c.decimals {
                Some(0) => Format::new().set_num_format("0"),
                Some(n) => Format::new().set_num_format(format!("0.{}", "0".repeat(n.into()))),
                None => wrap_limit.clone(),
            })
            .collect();
        let mut widths: Vec<usize> = table
            .columns
            .iter()
            .map(|c| c.header(lang).chars().count() + 3)
            .collect();
        for (col, c) in table.columns.iter().enumerate() {
            sheet
                .write_string_with_format(0, col as u16, c.header(lang), &header)
                .map_err(enc)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (col, v) in row.iter().enumerate() {
                let c = col as u16;
                let format = formats.get(col).unwrap_or(&wrap_limit);
                let len = match v {
                    Value::Empty => 0,
                    Value::Text(t) => {
                        sheet.write_string(r, c, t).map_err(enc)?;
                        t.chars().count()
                    }
                    Value::Number(n) => {
                        sheet
                            .write_number_with_format(r, c, *n, format)
                            .map_err(enc)?;
                        10
                    }
                    Value::Int(n) => {
                        sheet
                            .write_number_with_format(r, c, *n as f64, format)
                            .map_err(enc)?;
                        n.to_string().len() + 1
                    }
                };
                if let Some(w) = widths.get_mut(col) {
                    *w = (*w).max(len + 1);
                }
            }
        }
        for (col, w) in widths.iter().enumerate() {
            let w = (*w as f64).clamp(MIN_WIDTH, MAX_WIDTH);
            sheet.set_column_width(col as u16, w).map_err(enc)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(enc)?;
        let last_col = table.columns.len().saturating_sub(1) as u16;
        sheet
            .autofilter(0, 0, table.rows.len() as u32, last_col)
            .map_err(enc)?;
    }
    book.save_to_buffer().map_err(enc)
}
