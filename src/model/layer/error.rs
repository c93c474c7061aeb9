//! Why a user's file could not be read as a table at all, worded for `check` (English) and
//! for the window (Dutch too).

use super::table::TableError;
use crate::model::problem::Problem;
use crate::model::types::{Lang, Text};

/// The file could not be read as a table at all (as opposed to rows with problems).
#[derive(Debug, thiserror::Error)]
pub enum LayerError {
    #[error("{0}")]
    Read(#[from] crate::fsio::ReadError),
    #[error("{file}: {source}. Fix: {}.", source.fix())]
    Table {
        file: String,
        #[source]
        source: TableError,
    },
    #[error("{file}: {}. Fix: {}.", message.en, fix.en)]
    Columns {
        file: String,
        message: Text,
        fix: Text,
    },
    #[error(
        "{file}: not a CSV or workbook file. Fix: open a .csv, .xlsx, .xls or .ods file of organisations."
    )]
    Kind { file: String },
}

impl LayerError {
    /// The error as a problem, for the lists the dataset check prints.
    pub fn to_problem(&self) -> Problem {
        match self {
            LayerError::Read(e) => {
                let (nl, nl_fix) = read_error_dutch(e);
                Problem::new(e.path(), e.problem(), e.fix()).with_dutch(nl, nl_fix)
            }
            LayerError::Table { file, source } => {
                let (nl, nl_fix) = source.dutch();
                let p = Problem::new(file, source.to_string(), source.fix()).with_dutch(nl, nl_fix);
                match source {
                    TableError::Csv { line, .. } => p.at(Some(*line), None),
                    _ => p,
                }
            }
            LayerError::Columns { file, message, fix } => {
                Problem::new(file, &message.en, &fix.en).with_dutch(&message.nl, &fix.nl)
            }
            LayerError::Kind { file } => Problem::new(
                file,
                "not a CSV or workbook file",
                "open a .csv, .xlsx, .xls or .ods file of organisations",
            )
            .with_dutch(
                "geen CSV-bestand of werkmap",
                "open een .csv-, .xlsx-, .xls- of .ods-bestand met organisaties",
            ),
        }
    }

    /// One line for the top of the window: which file could not be read.
    pub fn headline(&self, lang: Lang) -> String {
        let file = match self {
            LayerError::Read(e) => e.path(),
            LayerError::Table { file, .. }
            | LayerError::Columns { file, .. }
            | LayerError::Kind { file } => file.as_str(),
        };
        match lang {
            Lang::Nl => format!("{file} kon niet als lijst van organisaties worden ingelezen."),
            Lang::En => format!("{file} could not be read as a list of organisations."),
        }
    }
}

/// A read error's message and fix in Dutch (`ReadError` words them in English for `check`).
fn read_error_dutch(e: &crate::fsio::ReadError) -> (String, String) {
    use crate::fsio::ReadError;
    match e {
        ReadError::Open { source, .. } => (
            format!("het bestand kan niet worden geopend: {source}"),
            "controleer het pad en of u het bestand mag lezen".into(),
        ),
        ReadError::NotAFile { kind, .. } => (
            format!("dit is geen gewoon bestand ({kind})"),
            "kies een gewoon bestand, geen map, pijp of apparaat".into(),
        ),
        ReadError::TooLarge { limit, .. } => (
            format!(
                "het bestand is groter dan {} MB, het meeste dat een lijst van organisaties mag zijn",
                limit / (1024 * 1024)
            ),
            "controleer of dit het goede bestand is".into(),
        ),
        ReadError::Read { source, .. } => (
            format!("het bestand kan niet worden gelezen: {source}"),
            "controleer of het bestand leesbaar is en de schijf in orde".into(),
        ),
    }
}
