//! Values no record may hold, found in a TOML file's tree before it becomes records, so the
//! problem names the exact line and column: a number that is not a number (`nan`, `inf`, or
//! `1e999`, which is infinite once read) and a text that is empty or only spaces.
//!
//! Both would otherwise pass: a survey's `percent = nan` reaches a slide as "NaN%", and an
//! empty `represents`, budget label or reading shows as a blank where people expect words.

use toml::de::{DeTable, DeValue};

use super::super::problem::{Problem, line_col};

/// Every non-finite number and every empty text in the file's tree, with its line, column
/// and the `id` of the record it is in.
pub fn scan(file_name: &str, text: &str, root: &DeTable<'_>) -> Vec<Problem> {
    let mut scan = Scan {
        file_name,
        text,
        problems: Vec::new(),
    };
    scan.table(root, None, None);
    scan.problems.sort_by_key(|p| (p.line, p.column));
    scan.problems
}

struct Scan<'t> {
    file_name: &'t str,
    text: &'t str,
    problems: Vec<Problem>,
}

/// The `id` of a table, when it has one.
fn id_of<'a>(table: &'a DeTable<'_>) -> Option<&'a str> {
    table
        .iter()
        .find(|(k, _)| k.get_ref() == "id")
        .and_then(|(_, v)| v.get_ref().as_str())
}

/// A float as TOML writes it (`1_000.5`, `+inf`, `nan`), read as Rust reads it.
fn float_value(raw: &str) -> f64 {
    let cleaned: String = raw.chars().filter(|c| *c != '_').collect();
    let unsigned = cleaned.trim_start_matches(['+', '-']);
    match unsigned {
        "nan" => f64::NAN,
        "inf" => f64::INFINITY,
        _ => cleaned.parse::<f64>().unwrap_or(f64::NAN),
    }
}

impl Scan<'_> {
    /// `parent` is the key the table is the value of (`title` for `title = { nl, en }`).
    fn table(&mut self, table: &DeTable<'_>, parent: Option<&str>, record: Option<&str>) {
        let record = id_of(table).or(record);
        for (key, value) in table.iter() {
            self.value(key.get_ref(), parent, value, record);
        }
    }

    fn value(
        &mut self,
        key: &str,
        parent: Option<&str>,
        value: &toml::Spanned<DeValue<'_>>,
        record: Option<&str>,
    ) {
        match value.get_ref() {
            DeValue::Float(f) => {
                let raw = f.as_str();
                if !float_value(raw).is_finite() {
                    self.report(
                        value.span().start,
                        record,
                        format!("`{key}` is `{raw}`, which is not a number a reader can use"),
                        format!(
                            "write the number the source gives, e.g. `{key} = 82.0`; `nan`, `inf` and numbers beyond 1e308 are not allowed"
                        ),
                    );
                }
            }
            DeValue::String(s) if s.trim().is_empty() => {
                let (message, fix) = match (key, parent) {
                    ("nl" | "en", Some(text)) => (
                        format!(
                            "`{text}` needs both a Dutch (nl) and an English (en) text; its `{key}` is empty"
                        ),
                        format!("fill in `{text} = {{ nl = \"…\", en = \"…\" }}`"),
                    ),
                    _ => (
                        format!("`{key}` holds an empty text"),
                        format!(
                            "write the text for `{key}`, or leave out what is optional; an empty text shows as a blank on screen"
                        ),
                    ),
                };
                self.report(value.span().start, record, message, fix);
            }
            DeValue::Array(items) => {
                for item in items.iter() {
                    self.value(key, parent, item, record);
                }
            }
            DeValue::Table(t) => self.table(t, Some(key), record),
            _ => {}
        }
    }

    fn report(&mut self, offset: usize, record: Option<&str>, message: String, fix: String) {
        let (line, column) = line_col(self.text, offset);
        let mut p = Problem::new(self.file_name, message, fix).at(Some(line), Some(column));
        if let Some(id) = record {
            p = p.in_record(id);
        }
        self.problems.push(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        let root = DeTable::parse(text).expect("parses");
        scan("f.toml", text, root.get_ref())
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn numbers_that_are_not_numbers_are_found_where_they_are() {
        let t = "[[x]]\nid = \"a\"\nv = 1.5\nw = nan\n[x.y]\nz = [1.0, -inf]\nbig = 1e999\nok = 1_000.5\n";
        let found = problems(t);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found[0].starts_with("f.toml:4:5: [a] `w` is `nan`"),
            "{found:?}"
        );
        assert!(
            found[1].starts_with("f.toml:6:11: [a] `z` is `-inf`"),
            "{found:?}"
        );
        assert!(
            found[2].starts_with("f.toml:7:7: [a] `big` is `1e999`"),
            "{found:?}"
        );
    }

    #[test]
    fn empty_texts_are_found_in_nested_tables_and_lists() {
        let t = "[[x]]\nid = \"a\"\nn = [\"ok\", \" \"]\nt = { nl = \"\", en = \"x\" }\n";
        let found = problems(t);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with("f.toml:3:12: [a] `n` holds an empty text"));
        assert!(found[1].starts_with("f.toml:4:12: [a] `t` needs both a Dutch (nl) and an English (en) text; its `nl` is empty"));
    }
}
