//! Checks a parsed dataset against the rules an atlas must meet, collecting every problem.
//!
//! One file per concern: places, links, the agenda, figures and surveys, agenda points and
//! governance, talent and financing programmes. This file holds the shared [`Checker`] with
//! its reference and citation helpers, the id rules and the entry point [`validate`].

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::files::{Locator, SourceFile, field_line, record_ids};
use super::problem::Problem;
use super::types::*;

mod agenda;
mod figures;
mod links;
mod places;
mod points;
mod programmes;

/// More companies than any place can have (the Netherlands has about 2.3 million).
pub const MAX_COMPANIES: i64 = 10_000_000;

/// The Netherlands' bounding box (WGS84), with a small margin for the coast and islands.
pub const NL_LAT: (f64, f64) = (50.70, 53.70);
pub const NL_LON: (f64, f64) = (3.20, 7.30);

pub(super) struct Checker<'a> {
    files: &'a [SourceFile],
    locator: &'a Locator,
    problems: Vec<Problem>,
    sources: BTreeSet<&'a str>,
    sectors: BTreeSet<&'a str>,
    regions: BTreeMap<&'a str, &'a Region>,
    places: BTreeMap<&'a str, &'a Place>,
    action_numbers: BTreeSet<&'a str>,
    topics: BTreeSet<&'a str>,
    product_chains: BTreeSet<&'a str>,
    agenda_items: BTreeSet<&'a str>,
    surveys: BTreeSet<&'a str>,
    accelerators: BTreeSet<&'a str>,
    /// Ids an agenda item's `related` may name.
    agenda_records: BTreeSet<&'a str>,
}

impl<'a> Checker<'a> {
    /// Reports a problem in record `id`, pointing at `field` when it can be found.
    fn report(&mut self, id: &str, field: Option<&str>, message: String, fix: impl Into<String>) {
        let (file, line) = match self.locator.first(id) {
            Some((index, line)) => {
                let file = self.files.get(index);
                let line = match (file, field) {
                    (Some(f), Some(field)) => field_line(&f.text, line, field).unwrap_or(line),
                    _ => line,
                };
                (file.map_or_else(String::new, |f| f.name.clone()), line)
            }
            None => (
                self.files
                    .first()
                    .map_or_else(String::new, |f| f.name.clone()),
                0,
            ),
        };
        let mut p = Problem::new(file, message, fix);
        if line > 0 {
            p = p.at(Some(line), None);
        }
        if !id.is_empty() {
            p = p.in_record(id);
        }
        self.problems.push(p);
    }

    fn text(&mut self, id: &str, field: &str, t: &Text) {
        if t.nl.trim().is_empty() || t.en.trim().is_empty() {
            self.report(
                id,
                Some(field),
                format!("`{field}` needs both a Dutch (nl) and an English (en) text"),
                format!("fill in `{field} = {{ nl = \"…\", en = \"…\" }}`"),
            );
        }
    }

    fn required(&mut self, id: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(
                id,
                Some(field),
                format!("`{field}` is empty"),
                format!("give `{field}` a value"),
            );
        }
    }

    fn sector_refs(&mut self, id: &str, sectors: &[String]) {
        for s in sectors {
            if !self.sectors.contains(s.as_str()) {
                let known = self.sectors.iter().copied().collect::<Vec<_>>().join(", ");
                self.report(
                    id,
                    Some("sectors"),
                    format!("unknown sector `{s}`"),
                    format!("use one of the sector ids in sectors.toml: {known}"),
                );
            }
        }
    }

    fn place_refs(&mut self, id: &str, field: &str, refs: &[String]) {
        for r in refs {
            if !self.places.contains_key(r.as_str()) {
                self.report(
                    id,
                    Some(field),
                    format!("`{field}` names `{r}`, which is not a place id"),
                    "use the id of a [[place]] record, or add that place",
                );
            }
        }
    }

    fn place_or_region_refs(&mut self, id: &str, field: &str, refs: &[String]) {
        for r in refs {
            if !self.places.contains_key(r.as_str()) && !self.regions.contains_key(r.as_str()) {
                self.report(
                    id,
                    Some(field),
                    format!("`{field}` names `{r}`, which is neither a place nor a region id"),
                    "use the id of a [[place]] or [[region]] record",
                );
            }
        }
    }

    fn region_ref(&mut self, id: &str, region: &str) {
        if !self.regions.contains_key(region) {
            let known = self.regions.keys().copied().collect::<Vec<_>>().join(", ");
            self.report(
                id,
                Some("region"),
                format!("unknown region `{region}`"),
                format!("use one of the region ids: {known}"),
            );
        }
    }

    /// Every text in a list needs both languages.
    fn texts(&mut self, id: &str, field: &str, texts: &[Text]) {
        for t in texts {
            self.text(id, field, t);
        }
    }

    /// Ids of other agenda records (action lines, accelerators, infrastructure asks, …).
    fn agenda_refs(&mut self, id: &str, field: &str, refs: &[String]) {
        for r in refs {
            if r == id {
                self.report(
                    id,
                    Some(field),
                    format!("`{field}` names the record itself"),
                    "remove the record's own id from the list",
                );
            } else if !self.agenda_records.contains(r.as_str()) {
                self.report(
                    id,
                    Some(field),
                    format!("`{field}` names `{r}`, which is not an agenda record"),
                    "use the id of an action line, product chain, project sheet, accelerator, focus theme, infrastructure ask, agenda item, governance body, talent initiative or financing instrument",
                );
            }
        }
    }

    fn accelerator_ref(&mut self, id: &str, field: &str, r: &str) {
        if !self.accelerators.contains(r) {
            let known = self
                .accelerators
                .iter()
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            self.report(
                id,
                Some(field),
                format!("unknown accelerator `{r}`"),
                format!("use the id of an [[accelerator]]: {known}"),
            );
        }
    }

    fn survey_ref(&mut self, id: &str, field: &str, r: &str) {
        if !self.surveys.contains(r) {
            self.report(
                id,
                Some(field),
                format!("unknown survey `{r}`"),
                "use the id of a [[survey]] record, e.g. \"zh-roem-ii\"",
            );
        }
    }

    /// Names in a list must not be empty or repeated.
    fn names(&mut self, id: &str, field: &str, names: &[String]) {
        let mut seen = BTreeSet::new();
        for n in names {
            if n.trim().is_empty() {
                self.report(
                    id,
                    Some(field),
                    format!("`{field}` holds an empty name"),
                    "remove the empty entry or fill it in",
                );
            } else if !seen.insert(n.as_str()) {
                self.report(
                    id,
                    Some(field),
                    format!("`{n}` is listed twice in `{field}`"),
                    "list each name once",
                );
            }
        }
    }

    fn citations(&mut self, id: &str, cites: &[Citation], allowed_fields: &[&str]) {
        if cites.is_empty() {
            self.report(
                id,
                Some("sources"),
                "the record cites no source".to_string(),
                "add `sources = [{ source = \"seed-00N\", section = \"…\", lines = [a, b] }]`",
            );
        }
        for c in cites {
            self.citation(id, c, allowed_fields);
        }
    }

    fn citation(&mut self, id: &str, c: &Citation, allowed_fields: &[&str]) {
        if !self.sources.contains(c.source.as_str()) {
            self.report(
                id,
                Some("sources"),
                format!("cites unknown source `{}`", c.source),
                "use the id of a [[source]] record (see sources.toml)",
            );
        }
        if let Some([a, b]) = c.lines
            && (a == 0 || b < a)
        {
            self.report(
                id,
                Some("sources"),
                format!("line range [{a}, {b}] is not a range"),
                "write `lines = [first, last]` with 1 <= first <= last",
            );
        }
        if let Some(r) = &c.reading
            && (r.nl.trim().is_empty() || r.en.trim().is_empty())
        {
            self.report(
                id,
                Some("sources"),
                "a citation's `reading` needs both a Dutch (nl) and an English (en) text"
                    .to_string(),
                "write how the passage was read for users in both languages, or leave `reading` out (maintainer remarks go in `note`)",
            );
        }
        for f in &c.fields {
            if !allowed_fields.contains(&f.as_str()) {
                self.report(
                    id,
                    Some("sources"),
                    format!("a citation covers field `{f}`, which this record does not have"),
                    format!("use one of: {}", allowed_fields.join(", ")),
                );
            }
        }
    }

    fn position(&mut self, id: &str, field: &str, lat: f64, lon: f64) {
        let inside = lat.is_finite()
            && lon.is_finite()
            && (NL_LAT.0..=NL_LAT.1).contains(&lat)
            && (NL_LON.0..=NL_LON.1).contains(&lon);
        if !inside {
            self.report(
                id,
                Some(field),
                format!("position lat {lat}, lon {lon} lies outside the Netherlands"),
                format!(
                    "give WGS84 degrees with lat between {} and {} and lon between {} and {} (lat first; did you swap them?)",
                    NL_LAT.0, NL_LAT.1, NL_LON.0, NL_LON.1
                ),
            );
        }
    }

    fn basis(&mut self, id: &str, field: &str, basis: &str) {
        if !self.sources.contains(basis) {
            self.report(
                id,
                Some(field),
                format!("position basis `{basis}` is not a source id"),
                "name the [[source]] the position rests on, e.g. `ext-positions`",
            );
        }
    }

    fn route(&mut self, id: &str, route: &Route) {
        self.basis(id, "route", &route.basis);
        if route.points.len() < 2 {
            self.report(
                id,
                Some("route"),
                "a route needs at least two points".to_string(),
                "list the points the line passes, in order",
            );
        }
        for p in &route.points {
            self.position(id, "route", p.lat, p.lon);
        }
    }
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_hex_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c.bytes().skip(1).all(|b| b.is_ascii_hexdigit())
}

/// Validates the whole dataset; returns every problem found.
pub fn validate(d: &Dataset, files: &[SourceFile], locator: &Locator) -> Vec<Problem> {
    let mut c = Checker {
        files,
        locator,
        problems: Vec::new(),
        sources: d.sources.iter().map(|s| s.id.as_str()).collect(),
        sectors: d.sectors.iter().map(|s| s.id.as_str()).collect(),
        regions: d.regions.iter().map(|r| (r.id.as_str(), r)).collect(),
        places: d.places.iter().map(|p| (p.id.as_str(), p)).collect(),
        action_numbers: d
            .action_lines
            .iter()
            .flat_map(|a| a.actions.iter().map(|x| x.number.as_str()))
            .collect(),
        topics: d
            .action_lines
            .iter()
            .map(|a| a.id.as_str())
            .chain(d.product_chains.iter().map(|p| p.id.as_str()))
            .chain(d.surveys.iter().map(|s| s.id.as_str()))
            .collect(),
        agenda_items: d.agenda_items.iter().map(|a| a.id.as_str()).collect(),
        product_chains: d.product_chains.iter().map(|p| p.id.as_str()).collect(),
        surveys: d.surveys.iter().map(|s| s.id.as_str()).collect(),
        accelerators: d.accelerators.iter().map(|a| a.id.as_str()).collect(),
        agenda_records: d
            .action_lines
            .iter()
            .map(|r| r.id.as_str())
            .chain(d.product_chains.iter().map(|r| r.id.as_str()))
            .chain(d.project_sheets.iter().map(|r| r.id.as_str()))
            .chain(d.accelerators.iter().map(|r| r.id.as_str()))
            .chain(d.focus_themes.iter().map(|r| r.id.as_str()))
            .chain(d.infrastructure.iter().map(|r| r.id.as_str()))
            .chain(d.agenda_items.iter().map(|r| r.id.as_str()))
            .chain(d.governance.iter().map(|r| r.id.as_str()))
            .chain(d.talent_initiatives.iter().map(|r| r.id.as_str()))
            .chain(d.financing_instruments.iter().map(|r| r.id.as_str()))
            .collect(),
    };

    check_ids(&mut c, d);

    if d.places.is_empty() {
        let file = files.first().map_or_else(String::new, |f| f.name.clone());
        c.problems.push(Problem::new(
            file,
            "the dataset has no places, so there is nothing to map",
            "add at least one [[place]] record (see seeds/README.md), or open the folder that holds the place files",
        ));
    }

    for s in &d.sources {
        c.required(&s.id, "title", &s.title);
        c.text(&s.id, "note", &s.note);
        if s.kind == SourceKind::Seed && s.file.as_deref().is_none_or(|f| f.trim().is_empty()) {
            c.report(
                &s.id,
                Some("file"),
                "a seed source needs the seed's file name".to_string(),
                "add `file = \"00N_….txt\"`",
            );
        }
    }
    for s in &d.sectors {
        c.text(&s.id, "label", &s.label);
        c.text(&s.id, "description", &s.description);
        if !is_hex_colour(&s.color) {
            c.report(
                &s.id,
                Some("color"),
                format!("colour `{}` is not of the form #rrggbb", s.color),
                "write the colour as # followed by six hexadecimal digits, e.g. \"#0072B2\"",
            );
        }
    }
    for r in &d.regions {
        c.text(&r.id, "name", &r.name);
        c.text(&r.id, "description", &r.description);
        for doc in &r.documents {
            if !c.sources.contains(doc.as_str()) {
                c.report(
                    &r.id,
                    Some("documents"),
                    format!("unknown document `{doc}`"),
                    "use a [[source]] id",
                );
            }
        }
        c.citations(&r.id, &r.sources, &["name", "description", "documents"]);
    }
    places::check_places(&mut c, d);
    links::check_cross_pollinations(&mut c, d);
    agenda::check_agenda(&mut c, d);
    figures::check_figures(&mut c, d);
    figures::check_surveys(&mut c, d);
    points::check_agenda_items(&mut c, d);
    points::check_governance(&mut c, d);
    programmes::check_talent(&mut c, d);
    programmes::check_instruments(&mut c, d);
    c.problems
}

fn check_ids(c: &mut Checker, d: &Dataset) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for id in record_ids(d) {
        *seen.entry(id).or_default() += 1;
    }
    let mut dup: Vec<_> = seen.into_iter().filter(|(_, n)| *n > 1).collect();
    dup.sort();
    for (id, n) in dup {
        let where_ = c
            .locator
            .all(id)
            .iter()
            .map(|(i, l)| {
                let f = c.files.get(*i).map_or("?", |f| f.name.as_str());
                format!("{f}:{l}")
            })
            .collect::<Vec<_>>()
            .join(", ");
        c.report(
            id,
            None,
            format!("id `{id}` is used by {n} records ({where_})"),
            "give every record its own id",
        );
    }
    for id in record_ids(d) {
        if !is_valid_id(id) {
            c.report(
                id,
                Some("id"),
                format!("id `{id}` may only hold lower-case letters, digits and hyphens"),
                "rename the id, e.g. `zh-my-place`",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_rules() {
        assert!(is_valid_id("zh-tpy-2"));
        assert!(!is_valid_id("ZH"));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id(""));
    }
}
