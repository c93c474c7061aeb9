//! Problems found while loading a dataset, phrased for the official who edits the files.

use std::fmt;

/// One thing wrong with a dataset: where it is, what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user named it (or `seeds/…` for the embedded atlas).
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// The id of the record the problem is in, when there is one.
    pub record: Option<String>,
    pub message: String,
    /// What to change, in plain language.
    pub fix: String,
    /// The message and fix in Dutch, for problems an official meets in the window (a user
    /// layer's rows); `check` and the dataset's own problems speak English.
    pub dutch: Option<Box<(String, String)>>,
}

impl Problem {
    pub fn new(
        file: impl Into<String>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Problem {
            file: file.into(),
            line: None,
            column: None,
            record: None,
            message: message.into(),
            fix: fix.into(),
            dutch: None,
        }
    }

    /// Adds the Dutch wording of the message and the fix.
    pub fn with_dutch(mut self, message: impl Into<String>, fix: impl Into<String>) -> Self {
        self.dutch = Some(Box::new((message.into(), fix.into())));
        self
    }

    /// The message in `lang`, English when no Dutch wording was given.
    pub fn message_in(&self, lang: crate::model::Lang) -> &str {
        match (&self.dutch, lang) {
            (Some(d), crate::model::Lang::Nl) => &d.0,
            _ => &self.message,
        }
    }

    /// The fix in `lang`, English when no Dutch wording was given.
    pub fn fix_in(&self, lang: crate::model::Lang) -> &str {
        match (&self.dutch, lang) {
            (Some(d), crate::model::Lang::Nl) => &d.1,
            _ => &self.fix,
        }
    }

    pub fn at(mut self, line: Option<usize>, column: Option<usize>) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    pub fn in_record(mut self, id: impl Into<String>) -> Self {
        self.record = Some(id.into());
        self
    }

    /// `file:line:column`, leaving out what is unknown.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            (Some(l), None) => format!("{}:{l}", self.file),
            _ => self.file.clone(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.location())?;
        if let Some(id) = &self.record {
            write!(f, "[{id}] ")?;
        }
        write!(f, "{}\n    fix: {}", self.message, self.fix)
    }
}

/// Why a dataset could not be used. Holds every problem found, not just the first.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{} {} in dataset {origin}",
    problems.len(),
    if problems.len() == 1 { "problem" } else { "problems" }
)]
pub struct LoadError {
    /// The dataset as the user named it.
    pub origin: String,
    pub problems: Vec<Problem>,
}

/// Turns a byte offset into a 1-based (line, column) pair, counting columns in characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut line = 1;
    let mut line_start = 0;
    for (i, b) in text.bytes().enumerate().take(offset) {
        if b == b'\n' {
            line += 1;
            line_start = i + 1;
        }
    }
    let column = text
        .get(line_start..offset)
        .map_or(offset - line_start, |s| s.chars().count())
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one() {
        let t = "ab\ncdé\nf";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, 8), (3, 1));
        assert_eq!(line_col(t, 1000), (3, 2));
    }

    #[test]
    fn display_names_file_line_record_and_fix() {
        let p = Problem::new("seeds/x.toml", "bad", "do this")
            .at(Some(3), Some(7))
            .in_record("zh-a");
        assert_eq!(
            p.to_string(),
            "seeds/x.toml:3:7: [zh-a] bad\n    fix: do this"
        );
    }
}
