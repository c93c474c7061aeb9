//! A user's spreadsheet as a plain table: a header and rows of cells, each row with the
//! number a spreadsheet program shows for it (CSV: the line it starts on).

use std::io::Cursor;

/// One cell: numbers from a workbook stay numbers; everything in a CSV is text.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }

    /// The cell as text, trimmed (a number as Rust writes it).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) => n.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based row (workbook) or line (CSV) the row starts on.
    pub number: usize,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub header: Vec<String>,
    /// 1-based row or line of the header.
    pub header_row: usize,
    pub rows: Vec<Row>,
    /// How the file was read, for the summary ("CSV, separated by ';', Windows-1252").
    pub how: crate::model::Text,
}

/// The kind of file, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Csv,
    Workbook,
}

impl FileKind {
    /// `.csv`, `.tsv`, `.txt` → CSV; `.xlsx`, `.xlsm`, `.xls`, `.ods` → workbook.
    pub fn of(path: &std::path::Path) -> Option<FileKind> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "tsv" | "txt" => Some(FileKind::Csv),
            "xlsx" | "xlsm" | "xls" | "ods" => Some(FileKind::Workbook),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum TableError {
    #[error("the workbook cannot be read: {0}")]
    Workbook(String),
    #[error("the workbook has no sheets")]
    NoSheet,
    #[error("the file has no header row (it is empty)")]
    Empty,
    #[error("the CSV cannot be read at line {line}: {message}")]
    Csv { line: usize, message: String },
}

impl TableError {
    /// The message and the fix in Dutch, for the window.
    pub fn dutch(&self) -> (String, String) {
        let message = match self {
            TableError::Workbook(e) => format!("de werkmap kan niet worden gelezen: {e}"),
            TableError::NoSheet => "de werkmap heeft geen bladen".to_string(),
            TableError::Empty => "het bestand heeft geen kopregel (het is leeg)".to_string(),
            TableError::Csv { line, message } => {
                format!("de CSV kan niet worden gelezen op regel {line}: {message}")
            }
        };
        let fix = match self {
            TableError::Workbook(_) => {
                "sla het bestand opnieuw op als Excel-werkmap (.xlsx) of als CSV, en controleer dat het niet met een wachtwoord is beveiligd"
            }
            TableError::NoSheet | TableError::Empty => {
                "zet op het eerste blad een kopregel (naam, plaats, lat, lon, …) en één rij per organisatie"
            }
            TableError::Csv { .. } => {
                "controleer de aanhalingstekens op die regel: een veld met het scheidingsteken of een regeleinde moet tussen dubbele aanhalingstekens staan"
            }
        };
        (message, fix.to_string())
    }

    pub fn fix(&self) -> &'static str {
        match self {
            TableError::Workbook(_) => {
                "save the file again as an Excel workbook (.xlsx) or as CSV, and check that it is not password-protected"
            }
            TableError::NoSheet | TableError::Empty => {
                "put a header row (naam, plaats, lat, lon, …) and one row per organisation on the first sheet"
            }
            TableError::Csv { .. } => {
                "check the quotes on that line: a field that holds the separator or a line break must be in double quotes"
            }
        }
    }
}

/// Text of a CSV file: UTF-8 (a byte-order mark is dropped), or else Windows-1252, which
/// Excel writes for "CSV (gescheiden door lijstscheidingsteken)".
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), "Windows-1252")
        }
    }
}

/// The separator of a CSV: whichever of `;`, `,` and tab occurs most in its first line
/// (outside quotes). Dutch Excel writes `;`.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in first.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(c) = counts.iter_mut().find(|(d, _)| *d == b) {
            c.1 += 1;
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d)
}

/// Reads a CSV's text: the first non-empty record is the header.
pub fn read_csv(text: &str, encoding: &str) -> Result<Table, TableError> {
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut table = Table {
        how: {
            let (nl, en) = match delimiter {
                b';' => ("';'", "';'"),
                b'\t' => ("tabs", "tabs"),
                _ => ("','", "','"),
            };
            crate::model::Text {
                nl: format!("CSV, gescheiden door {nl}, {encoding}"),
                en: format!("CSV, separated by {en}, {encoding}"),
            }
        },
        ..Table::default()
    };
    let mut record = csv::StringRecord::new();
    // The reader's own line count skips blank lines; count newlines up to each record's
    // first byte instead (once over the text, so still linear).
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0usize, 1usize);
    let mut line_at = |byte: usize| {
        // A record's position may point at the blank lines before it.
        let mut byte = byte.min(bytes.len());
        while bytes.get(byte).is_some_and(|b| *b == b'\n' || *b == b'\r') {
            byte += 1;
        }
        if byte > counted_to {
            line += bytes[counted_to..byte]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            counted_to = byte;
        }
        line
    };
    loop {
        let before = reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let at = e.position().map_or(before, |p| p.byte() as usize);
                return Err(TableError::Csv {
                    line: line_at(at),
                    message: e.to_string(),
                });
            }
        }
        let number = line_at(record.position().map_or(before, |p| p.byte() as usize));
        if table.header.is_empty() {
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            table.header = record.iter().map(|f| f.trim().to_string()).collect();
            table.header_row = number;
            continue;
        }
        table.rows.push(Row {
            number,
            cells: record
                .iter()
                .map(|f| {
                    if f.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(f.to_string())
                    }
                })
                .collect(),
        });
    }
    if table.header.is_empty() {
        return Err(TableError::Empty);
    }
    Ok(table)
}

/// Reads the first sheet of a workbook (.xlsx, .xls, .ods) from its bytes.
pub fn read_workbook(bytes: &[u8]) -> Result<Table, TableError> {
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| TableError::Workbook(e.to_string()))?;
    let sheet = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or(TableError::NoSheet)?;
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| TableError::Workbook(e.to_string()))?;
    let (row0, _) = range.start().ok_or(TableError::Empty)?;
    let mut table = Table {
        how: crate::model::Text {
            nl: format!("werkmap, blad '{sheet}'"),
            en: format!("workbook, sheet '{sheet}'"),
        },
        ..Table::default()
    };
    for (i, cells) in range.rows().enumerate() {
        let number = row0 as usize + i + 1;
        let cells: Vec<Cell> = cells
            .iter()
            .map(|c| match c {
                Data::Empty => Cell::Empty,
                Data::Int(n) => Cell::Number(*n as f64),
                Data::Float(f) => Cell::Number(*f),
                Data::String(s) if s.trim().is_empty() => Cell::Empty,
                Data::String(s) => Cell::Text(s.clone()),
                other => Cell::Text(other.to_string()),
            })
            .collect();
        if table.header.is_empty() {
            if cells.iter().all(Cell::is_empty) {
                continue;
            }
            table.header = cells.iter().map(Cell::text).collect();
            table.header_row = number;
            continue;
        }
        table.rows.push(Row { number, cells });
    }
    if table.header.is_empty() {
        return Err(TableError::Empty);
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_separators_are_sniffed_and_rows_keep_their_line() {
        let t = read_csv("naam;lat\n\"A; B\";52,1\n\nC;52\n", "UTF-8").expect("csv");
        assert_eq!(t.header, ["naam", "lat"]);
        assert_eq!(t.header_row, 1);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].number, 2);
        assert_eq!(t.rows[0].cells[0], Cell::Text("A; B".into()));
        assert_eq!(t.rows[1].number, 4);
        let t = read_csv("name,lat\nA,52.1\n", "UTF-8").expect("csv");
        assert_eq!(t.rows[0].cells[1], Cell::Text("52.1".into()));
    }

    #[test]
    fn a_byte_order_mark_goes_and_windows_text_is_read() {
        let (t, enc) = decode(b"\xEF\xBB\xBFnaam\nCaf\xC3\xA9\n");
        assert_eq!((t.as_str(), enc), ("naam\nCafé\n", "UTF-8"));
        let (t, enc) = decode(b"naam\nCaf\xE9\n");
        assert_eq!((t.as_str(), enc), ("naam\nCafé\n", "Windows-1252"));
    }

    #[test]
    fn empty_files_and_broken_workbooks_are_errors() {
        assert_eq!(read_csv("\n\n", "UTF-8"), Err(TableError::Empty));
        assert!(matches!(
            read_workbook(b"not a zip"),
            Err(TableError::Workbook(_))
        ));
    }
}
