//! The text files a dataset was read from, and where in them each record was written.
//!
//! Shared by loading (which fills it) and validation (which points problems into it), so
//! neither has to know about the other's internals: `load` uses `validate`, both use this.

use std::collections::HashMap;

use super::types::Dataset;

/// One file of a dataset, kept so problems found after parsing can point into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// Where each record was written: file index and line of its `id`.
#[derive(Debug, Default, Clone)]
pub struct Locator {
    records: HashMap<String, Vec<(usize, usize)>>,
}

impl Locator {
    /// Records the position of every id the file defines.
    pub fn add_file(&mut self, index: usize, file: &SourceFile, part: &Dataset) {
        let lines = id_lines(&file.text);
        for id in record_ids(part) {
            let line = lines.get(id).copied().unwrap_or(0);
            self.records
                .entry(id.to_string())
                .or_default()
                .push((index, line));
        }
    }

    /// File index and line of the first record with this id.
    pub fn first(&self, id: &str) -> Option<(usize, usize)> {
        self.records.get(id).and_then(|v| v.first().copied())
    }

    /// Every (file index, line) at which this id is defined.
    pub fn all(&self, id: &str) -> &[(usize, usize)] {
        self.records.get(id).map_or(&[], Vec::as_slice)
    }
}

/// Maps `id = "x"` (TOML) and `"id": "x"` (JSON) to their first line.
fn id_lines(text: &str) -> HashMap<&str, usize> {
    let mut out = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let t = line.trim_start();
        let rest = t
            .strip_prefix("id")
            .map(str::trim_start)
            .and_then(|r| r.strip_prefix('='))
            .or_else(|| {
                t.strip_prefix("\"id\"")
                    .map(str::trim_start)
                    .and_then(|r| r.strip_prefix(':'))
            });
        if let Some(rest) = rest {
            let rest = rest.trim_start();
            if let Some(v) = rest.strip_prefix('"').and_then(|r| r.split('"').next()) {
                out.entry(v).or_insert(n + 1);
            }
        }
    }
    out
}

/// Every id a dataset defines, in file order.
pub fn record_ids(d: &Dataset) -> Vec<&str> {
    let mut ids: Vec<&str> = Vec::new();
    ids.extend(d.sources.iter().map(|r| r.id.as_str()));
    ids.extend(d.sectors.iter().map(|r| r.id.as_str()));
    ids.extend(d.regions.iter().map(|r| r.id.as_str()));
    ids.extend(d.places.iter().map(|r| r.id.as_str()));
    ids.extend(d.cross_pollinations.iter().map(|r| r.id.as_str()));
    ids.extend(d.action_lines.iter().map(|r| r.id.as_str()));
    ids.extend(d.product_chains.iter().map(|r| r.id.as_str()));
    ids.extend(d.project_sheets.iter().map(|r| r.id.as_str()));
    ids.extend(d.accelerators.iter().map(|r| r.id.as_str()));
    ids.extend(d.focus_themes.iter().map(|r| r.id.as_str()));
    ids.extend(d.infrastructure.iter().map(|r| r.id.as_str()));
    ids.extend(d.figures.iter().map(|r| r.id.as_str()));
    ids.extend(d.totals.iter().map(|r| r.id.as_str()));
    ids.extend(d.agenda_items.iter().map(|r| r.id.as_str()));
    ids.extend(d.governance.iter().map(|r| r.id.as_str()));
    ids.extend(d.talent_initiatives.iter().map(|r| r.id.as_str()));
    ids.extend(d.financing_instruments.iter().map(|r| r.id.as_str()));
    for s in &d.surveys {
        ids.push(s.id.as_str());
        ids.extend(s.results.iter().map(|r| r.id.as_str()));
        ids.extend(s.conclusions.iter().map(|r| r.id.as_str()));
    }
    ids
}

/// Finds the line of `field = …` inside the record that starts at `start_line`.
pub fn field_line(text: &str, start_line: usize, field: &str) -> Option<usize> {
    if start_line == 0 {
        return None;
    }
    for (n, line) in text.lines().enumerate().skip(start_line - 1) {
        let t = line.trim_start();
        if n + 1 > start_line && t.starts_with("[[") {
            return None;
        }
        let key_match = t
            .strip_prefix(field)
            .is_some_and(|r| r.trim_start().starts_with('='))
            || t.strip_prefix(&format!("\"{field}\""))
                .is_some_and(|r| r.trim_start().starts_with(':'));
        if key_match {
            return Some(n + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_in_toml_and_json() {
        let t = "[[place]]\nid = \"a-b\"\n  \"id\": \"c\",\n";
        let m = id_lines(t);
        assert_eq!(m.get("a-b"), Some(&2));
        assert_eq!(m.get("c"), Some(&3));
    }

    #[test]
    fn field_line_stays_inside_the_record() {
        let t = "[[place]]\nid = \"a\"\nname = \"x\"\n[[place]]\nid = \"b\"\nsectors = []\n";
        assert_eq!(field_line(t, 2, "name"), Some(3));
        assert_eq!(field_line(t, 2, "sectors"), None);
        assert_eq!(field_line(t, 5, "sectors"), Some(6));
    }
}
