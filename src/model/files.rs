//! The text files a dataset was read from, and where in them each record was written.
//!
//! Shared by loading (which fills it) and validation (which points problems into it), so
//! neither has to know about the other's internals: `load` uses `validate`, both use this.
//!
//! A record is found by its path in the file's TOML tree (`place`, 12), and a problem inside
//! it by a path below that (`discussions`, 3, `place`); [`line_of`] turns such a path into
//! the line the parser saw it on, so a problem in a nested table names the nested line.

use std::collections::HashMap;

use super::problem::line_col;
use super::types::Dataset;

/// One step of a path into a TOML document: a key of a table or an index into an array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// Where inside a record a problem is: `At::field("sources").index(2).key("lines")`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct At(pub Vec<Seg>);

impl At {
    /// The record itself.
    pub fn record() -> At {
        At(Vec::new())
    }

    /// A field of the record.
    pub fn field(name: &str) -> At {
        At(vec![Seg::Key(name.to_string())])
    }

    /// A key below this place.
    pub fn key(mut self, name: &str) -> At {
        self.0.push(Seg::Key(name.to_string()));
        self
    }

    /// An entry of the list at this place.
    pub fn index(mut self, i: usize) -> At {
        self.0.push(Seg::Index(i));
        self
    }

    /// The last key of the path: the name of what is wrong (`lines`, `represents`).
    pub fn last_key(&self) -> &str {
        self.0
            .iter()
            .rev()
            .find_map(|s| match s {
                Seg::Key(k) => Some(k.as_str()),
                Seg::Index(_) => None,
            })
            .unwrap_or("")
    }

    /// The first key of the path: the record's field the problem is in.
    pub fn first_key(&self) -> Option<&str> {
        self.0.iter().find_map(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Index(_) => None,
        })
    }
}

impl From<&str> for At {
    fn from(field: &str) -> At {
        At::field(field)
    }
}

/// Where one record was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordAt {
    /// Index of the file in the dataset's file list.
    pub file: usize,
    /// Line of the record's `id`, 0 when it was not found.
    pub line: usize,
    /// The record's path from the file's root: `[place, 12]`, `[survey, 0, results, 7]`.
    pub path: Vec<Seg>,
}

/// One file of a dataset, kept so problems found after parsing can point into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// Where each record was written: file index, line of its `id` and its path in the file.
#[derive(Debug, Default, Clone)]
pub struct Locator {
    records: HashMap<String, Vec<RecordAt>>,
}

impl Locator {
    /// Records the position of every id the file defines.
    pub fn add_file(&mut self, index: usize, file: &SourceFile, part: &Dataset) {
        let lines = id_lines(&file.text);
        for (id, path) in record_paths(part) {
            let line = lines.get(id).copied().unwrap_or(0);
            self.records
                .entry(id.to_string())
                .or_default()
                .push(RecordAt {
                    file: index,
                    line,
                    path,
                });
        }
    }

    /// File index and line of the first record with this id.
    pub fn first(&self, id: &str) -> Option<(usize, usize)> {
        self.first_at(id).map(|r| (r.file, r.line))
    }

    /// Where the first record with this id was written.
    pub fn first_at(&self, id: &str) -> Option<&RecordAt> {
        self.records.get(id).and_then(|v| v.first())
    }

    /// Every (file index, line) at which this id is defined.
    pub fn all(&self, id: &str) -> Vec<(usize, usize)> {
        self.records
            .get(id)
            .map(|v| v.iter().map(|r| (r.file, r.line)).collect())
            .unwrap_or_default()
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

/// Every id a file's records define, with the record's path in that file (the keys are the
/// table names a dataset file uses: `[[place]]`, `[[survey.results]]`).
pub fn record_paths(d: &Dataset) -> Vec<(&str, Vec<Seg>)> {
    fn top<'a, T>(
        out: &mut Vec<(&'a str, Vec<Seg>)>,
        key: &str,
        records: &'a [T],
        id: impl Fn(&'a T) -> &'a str,
    ) {
        for (i, r) in records.iter().enumerate() {
            out.push((id(r), vec![Seg::Key(key.to_string()), Seg::Index(i)]));
        }
    }
    let mut out = Vec::new();
    top(&mut out, "source", &d.sources, |r| r.id.as_str());
    top(&mut out, "sector", &d.sectors, |r| r.id.as_str());
    top(&mut out, "region", &d.regions, |r| r.id.as_str());
    top(&mut out, "place", &d.places, |r| r.id.as_str());
    top(&mut out, "cross_pollination", &d.cross_pollinations, |r| {
        r.id.as_str()
    });
    top(&mut out, "action_line", &d.action_lines, |r| r.id.as_str());
    top(&mut out, "product_chain", &d.product_chains, |r| {
        r.id.as_str()
    });
    top(&mut out, "project_sheet", &d.project_sheets, |r| {
        r.id.as_str()
    });
    top(&mut out, "accelerator", &d.accelerators, |r| r.id.as_str());
    top(&mut out, "focus_theme", &d.focus_themes, |r| r.id.as_str());
    top(&mut out, "infrastructure", &d.infrastructure, |r| {
        r.id.as_str()
    });
    top(&mut out, "figure", &d.figures, |r| r.id.as_str());
    top(&mut out, "total", &d.totals, |r| r.id.as_str());
    top(&mut out, "agenda_item", &d.agenda_items, |r| r.id.as_str());
    top(&mut out, "governance", &d.governance, |r| r.id.as_str());
    top(&mut out, "talent_initiative", &d.talent_initiatives, |r| {
        r.id.as_str()
    });
    top(
        &mut out,
        "financing_instrument",
        &d.financing_instruments,
        |r| r.id.as_str(),
    );
    for (i, s) in d.surveys.iter().enumerate() {
        let survey = || vec![Seg::Key("survey".to_string()), Seg::Index(i)];
        out.push((s.id.as_str(), survey()));
        for (j, r) in s.results.iter().enumerate() {
            let mut p = survey();
            p.extend([Seg::Key("results".to_string()), Seg::Index(j)]);
            out.push((r.id.as_str(), p));
        }
        for (j, r) in s.conclusions.iter().enumerate() {
            let mut p = survey();
            p.extend([Seg::Key("conclusions".to_string()), Seg::Index(j)]);
            out.push((r.id.as_str(), p));
        }
    }
    out
}

/// The line and column at which a path into a TOML text was written, as the parser saw it:
/// the deepest key or list entry of the path that exists (a key where it is written, a list
/// entry where it begins: a `[[table]]` header or an inline table). `None` when the text is
/// not TOML (a JSON dataset) or not even the path's first step exists.
pub fn line_of(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    let root = toml::de::DeTable::parse(text).ok()?;
    line_in(text, root.get_ref(), path)
}

/// [`line_of`] in a tree parsed once (for many problems in one file).
pub fn line_in(text: &str, root: &toml::de::DeTable<'_>, path: &[Seg]) -> Option<(usize, usize)> {
    use toml::de::DeValue;
    let mut best: Option<usize> = None;
    let mut table = Some(root);
    let mut value: Option<&DeValue<'_>> = None;
    for seg in path {
        match seg {
            Seg::Key(k) => {
                let Some((key, v)) = table
                    .or_else(|| value.and_then(DeValue::as_table))
                    .and_then(|t| t.iter().find(|(key, _)| key.get_ref() == k))
                else {
                    break;
                };
                best = Some(key.span().start);
                value = Some(v.get_ref());
                table = None;
            }
            Seg::Index(i) => {
                let Some(item) = value.and_then(DeValue::as_array).and_then(|a| a.get(*i)) else {
                    break;
                };
                best = Some(item.span().start);
                value = Some(item.get_ref());
                table = None;
            }
        }
    }
    best.map(|offset| line_col(text, offset))
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
    fn paths_find_nested_tables_and_list_entries() {
        let t = "[[survey]]\nid = \"s\"\nsources = [\n  { source = \"a\" },\n  { source = \"b\", lines = [1, 2] },\n]\n\n[survey.attendance]\npercent = 82.0\n\n[[survey.discussions]]\nplace = \"p\"\n\n[[survey.discussions]]\nplace = \"q\"\n";
        let at = |segs: &[Seg]| line_of(t, segs).map(|(l, _)| l);
        let k = |s: &str| Seg::Key(s.to_string());
        let survey = [k("survey"), Seg::Index(0)];
        let with = |rest: &[Seg]| [&survey[..], rest].concat();
        assert_eq!(at(&survey), Some(1));
        assert_eq!(at(&with(&[k("attendance"), k("percent")])), Some(9));
        assert_eq!(
            at(&with(&[k("discussions"), Seg::Index(1), k("place")])),
            Some(15)
        );
        assert_eq!(at(&with(&[k("discussions"), Seg::Index(1)])), Some(14));
        assert_eq!(
            at(&with(&[k("sources"), Seg::Index(1), k("lines")])),
            Some(5)
        );
        // A step that does not exist stops at the deepest one that does.
        assert_eq!(
            at(&with(&[k("discussions"), Seg::Index(7), k("place")])),
            Some(11)
        );
        assert_eq!(at(&with(&[k("nothing")])), Some(1));
        assert_eq!(line_of("{\"place\": []}", &survey), None);
    }

    #[test]
    fn field_line_stays_inside_the_record() {
        let t = "[[place]]\nid = \"a\"\nname = \"x\"\n[[place]]\nid = \"b\"\nsectors = []\n";
        assert_eq!(field_line(t, 2, "name"), Some(3));
        assert_eq!(field_line(t, 2, "sectors"), None);
        assert_eq!(field_line(t, 5, "sectors"), Some(6));
    }
}
