//! Checks a parsed dataset against the rules an atlas must meet, collecting every problem.
//!
//! One file per concern: places, links, the agenda, figures and surveys, agenda points and
//! governance, talent and financing programmes. This file holds the shared [`Checker`] with
//! its reference and citation helpers, the id rules and the entry point [`validate`].

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::files::{At, Locator, Seg, SourceFile, field_line, line_in, record_ids};
use super::problem::Problem;
use super::types::*;

mod agenda;
mod figures;
mod links;
mod places;
mod points;
mod programmes;
pub mod values;

/// More companies than any place can have (the Netherlands has about 2.3 million).
pub const MAX_COMPANIES: i64 = 10_000_000;

/// The Netherlands' bounding box (WGS84), with a small margin for the coast and islands.
pub const NL_LAT: (f64, f64) = (50.70, 53.70);
pub const NL_LON: (f64, f64) = (3.20, 7.30);

pub(super) struct Checker<'a> {
    files: &'a [SourceFile],
    locator: &'a Locator,
    found: Vec<Found>,
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

/// A problem found, with where in its record it is, before its line is looked up.
struct Found {
    problem: Problem,
    /// The record's file, its `id` line and the path to the problem in the file's tree.
    place: Option<(usize, usize, Vec<Seg>)>,
    /// The record's field, for files without a tree (JSON): its line is searched for.
    field: Option<String>,
}

impl<'a> Checker<'a> {
    /// Reports a problem in record `id`, pointing at `field` when it can be found.
    fn report(&mut self, id: &str, field: Option<&str>, message: String, fix: impl Into<String>) {
        let at = field.map_or_else(At::record, At::field);
        self.report_at(id, at, message, fix);
    }

    /// Reports a problem at a place inside record `id`: a nested table, a list entry, a key
    /// in an inline table. Its line is looked up in the parsed file once all are found.
    fn report_at(&mut self, id: &str, at: At, message: String, fix: impl Into<String>) {
        let field = at.first_key().map(str::to_string);
        let (file, place) = match self.locator.first_at(id) {
            Some(r) => {
                let name = self
                    .files
                    .get(r.file)
                    .map_or_else(String::new, |f| f.name.clone());
                let mut path = r.path.clone();
                path.extend(at.0);
                (name, Some((r.file, r.line, path)))
            }
            None => (
                self.files
                    .first()
                    .map_or_else(String::new, |f| f.name.clone()),
                None,
            ),
        };
        let mut p = Problem::new(file, message, fix);
        if !id.is_empty() {
            p = p.in_record(id);
        }
        self.found.push(Found {
            problem: p,
            place,
            field,
        });
    }

    /// Every problem with its line: the line the parser saw the nested key or list entry on,
    /// or (a file that is not TOML) the line of the field below the record's `id`.
    fn into_problems(self) -> Vec<Problem> {
        let mut trees: HashMap<usize, Option<toml::Spanned<toml::de::DeTable<'a>>>> =
            HashMap::new();
        let files = self.files;
        self.found
            .into_iter()
            .map(|f| {
                let Some((index, record_line, path)) = f.place else {
                    return f.problem;
                };
                let Some(file) = files.get(index) else {
                    return f.problem;
                };
                let tree = trees
                    .entry(index)
                    .or_insert_with(|| toml::de::DeTable::parse(&file.text).ok());
                let line = match tree {
                    Some(t) => line_in(&file.text, t.get_ref(), &path).map(|(l, _)| l),
                    None => f
                        .field
                        .as_deref()
                        .and_then(|k| field_line(&file.text, record_line, k)),
                }
                .unwrap_or(record_line);
                if line > 0 {
                    f.problem.at(Some(line), None)
                } else {
                    f.problem
                }
            })
            .collect()
    }

    /// A text in both languages; `at` names the field or the nested place it is in.
    fn text(&mut self, id: &str, at: impl Into<At>, t: &Text) {
        if t.nl.trim().is_empty() || t.en.trim().is_empty() {
            let at = at.into();
            let field = at.last_key().to_string();
            self.report_at(
                id,
                at,
                format!("`{field}` needs both a Dutch (nl) and an English (en) text"),
                format!("fill in `{field} = {{ nl = \"…\", en = \"…\" }}`"),
            );
        }
    }

    fn required(&mut self, id: &str, at: impl Into<At>, value: &str) {
        if value.trim().is_empty() {
            let at = at.into();
            let field = at.last_key().to_string();
            self.report_at(
                id,
                at,
                format!("`{field}` is empty"),
                format!("give `{field}` a value"),
            );
        }
    }

    fn sector_refs(&mut self, id: &str, sectors: &[String]) {
        for (i, s) in sectors.iter().enumerate() {
            if !self.sectors.contains(s.as_str()) {
                let known = self.sectors.iter().copied().collect::<Vec<_>>().join(", ");
                self.report_at(
                    id,
                    At::field("sectors").index(i),
                    format!("unknown sector `{s}`"),
                    format!("use one of the sector ids in sectors.toml: {known}"),
                );
            }
        }
    }

    /// Place ids in a list (or a single id: `std::slice::from_ref`).
    fn place_refs(&mut self, id: &str, at: impl Into<At>, refs: &[String]) {
        let at = at.into();
        let field = at.last_key().to_string();
        for (i, r) in refs.iter().enumerate() {
            if !self.places.contains_key(r.as_str()) {
                self.report_at(
                    id,
                    at.clone().index(i),
                    format!("`{field}` names `{r}`, which is not a place id"),
                    "use the id of a [[place]] record, or add that place",
                );
            }
        }
    }

    fn place_or_region_refs(&mut self, id: &str, field: &str, refs: &[String]) {
        for (i, r) in refs.iter().enumerate() {
            if !self.places.contains_key(r.as_str()) && !self.regions.contains_key(r.as_str()) {
                self.report_at(
                    id,
                    At::field(field).index(i),
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
        for (i, t) in texts.iter().enumerate() {
            self.text(id, At::field(field).index(i), t);
        }
    }

    /// Ids of other agenda records (action lines, accelerators, infrastructure asks, …).
    fn agenda_refs(&mut self, id: &str, field: &str, refs: &[String]) {
        for (i, r) in refs.iter().enumerate() {
            let at = At::field(field).index(i);
            if r == id {
                self.report_at(
                    id,
                    at,
                    format!("`{field}` names the record itself"),
                    "remove the record's own id from the list",
                );
            } else if !self.agenda_records.contains(r.as_str()) {
                self.report_at(
                    id,
                    at,
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

    fn survey_ref(&mut self, id: &str, at: impl Into<At>, r: &str) {
        if !self.surveys.contains(r) {
            self.report_at(
                id,
                at.into(),
                format!("unknown survey `{r}`"),
                "use the id of a [[survey]] record, e.g. \"zh-roem-ii\"",
            );
        }
    }

    /// Names in a list must not be empty or repeated.
    fn names(&mut self, id: &str, at: impl Into<At>, names: &[String]) {
        let at = at.into();
        let field = at.last_key().to_string();
        let mut seen = BTreeSet::new();
        for (i, n) in names.iter().enumerate() {
            if n.trim().is_empty() {
                self.report_at(
                    id,
                    at.clone().index(i),
                    format!("`{field}` holds an empty name"),
                    "remove the empty entry or fill it in",
                );
            } else if !seen.insert(n.as_str()) {
                self.report_at(
                    id,
                    at.clone().index(i),
                    format!("`{n}` is listed twice in `{field}`"),
                    "list each name once",
                );
            }
        }
    }

    /// The record's `sources`: at least one, each checked where it is written.
    fn citations(&mut self, id: &str, cites: &[Citation], allowed_fields: &[&str]) {
        self.citations_at(id, At::field("sources"), cites, allowed_fields);
    }

    /// A `sources` list nested in the record (an accelerator's action line, a discussion).
    fn citations_at(&mut self, id: &str, at: At, cites: &[Citation], allowed_fields: &[&str]) {
        if cites.is_empty() {
            self.report_at(
                id,
                at.clone(),
                "the record cites no source".to_string(),
                "add `sources = [{ source = \"seed-00N\", section = \"…\", lines = [a, b] }]`",
            );
        }
        for (i, c) in cites.iter().enumerate() {
            self.citation(id, at.clone().index(i), c, allowed_fields);
        }
    }

    fn citation(&mut self, id: &str, at: At, c: &Citation, allowed_fields: &[&str]) {
        if !self.sources.contains(c.source.as_str()) {
            self.report_at(
                id,
                at.clone().key("source"),
                format!("cites unknown source `{}`", c.source),
                "use the id of a [[source]] record (see sources.toml)",
            );
        }
        if let Some([a, b]) = c.lines
            && (a == 0 || b < a)
        {
            self.report_at(
                id,
                at.clone().key("lines"),
                format!("line range [{a}, {b}] is not a range"),
                "write `lines = [first, last]` with 1 <= first <= last",
            );
        }
        if let Some(r) = &c.reading
            && (r.nl.trim().is_empty() || r.en.trim().is_empty())
        {
            self.report_at(
                id,
                at.clone().key("reading"),
                "a citation's `reading` needs both a Dutch (nl) and an English (en) text"
                    .to_string(),
                "write how the passage was read for users in both languages, or leave `reading` out (maintainer remarks go in `note`)",
            );
        }
        if let Some(n) = &c.note
            && n.trim().is_empty()
        {
            self.report_at(
                id,
                at.clone().key("note"),
                "a citation's `note` is empty".to_string(),
                "write the maintainer's remark, or leave `note` out",
            );
        }
        if let Some(s) = &c.section
            && s.trim().is_empty()
        {
            self.report_at(
                id,
                at.clone().key("section"),
                "a citation's `section` is empty".to_string(),
                "name the section, table or paragraph as the document does, or leave `section` out",
            );
        }
        for (i, f) in c.fields.iter().enumerate() {
            if !allowed_fields.contains(&f.as_str()) {
                self.report_at(
                    id,
                    at.clone().key("fields").index(i),
                    format!("a citation covers field `{f}`, which this record does not have"),
                    format!("use one of: {}", allowed_fields.join(", ")),
                );
            }
        }
    }

    /// A WGS84 point inside the Netherlands; `at` is the table or route point it is in.
    fn position(&mut self, id: &str, at: impl Into<At>, lat: f64, lon: f64) {
        let inside = lat.is_finite()
            && lon.is_finite()
            && (NL_LAT.0..=NL_LAT.1).contains(&lat)
            && (NL_LON.0..=NL_LON.1).contains(&lon);
        if !inside {
            self.report_at(
                id,
                at.into(),
                format!("position lat {lat}, lon {lon} lies outside the Netherlands"),
                format!(
                    "give WGS84 degrees with lat between {} and {} and lon between {} and {} (lat first; did you swap them?)",
                    NL_LAT.0, NL_LAT.1, NL_LON.0, NL_LON.1
                ),
            );
        }
    }

    /// A map position: inside the Netherlands, resting on a source, saying what it marks
    /// and how exact it is.
    fn full_position(&mut self, id: &str, at: At, p: &Position) {
        self.position(id, at.clone().key("lat"), p.lat, p.lon);
        self.basis(id, at.clone().key("basis"), &p.basis);
        self.text(id, at.clone().key("represents"), &p.represents);
        if p.accuracy_m == 0 {
            self.report_at(
                id,
                at.key("accuracy_m"),
                "position accuracy is 0 m; no map position is that exact".to_string(),
                "give `accuracy_m` as the radius in metres within which the site lies",
            );
        }
    }

    fn basis(&mut self, id: &str, at: impl Into<At>, basis: &str) {
        if !self.sources.contains(basis) {
            self.report_at(
                id,
                at.into(),
                format!("position basis `{basis}` is not a source id"),
                "name the [[source]] the position rests on, e.g. `ext-positions`",
            );
        }
    }

    fn route(&mut self, id: &str, route: &Route) {
        let at = At::field("route");
        self.basis(id, at.clone().key("basis"), &route.basis);
        if route.points.len() < 2 {
            self.report_at(
                id,
                at.clone().key("points"),
                "a route needs at least two points".to_string(),
                "list the points the line passes, in order",
            );
        }
        for (i, p) in route.points.iter().enumerate() {
            let point = at.clone().key("points").index(i);
            self.required(id, point.clone().key("name"), &p.name);
            self.position(id, point, p.lat, p.lon);
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
        found: Vec::new(),
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
        c.found.push(Found {
            problem: Problem::new(
                file,
                "the dataset has no places, so there is nothing to map",
                "add at least one [[place]] record (see seeds/README.md), or open the folder that holds the place files",
            ),
            place: None,
            field: None,
        });
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
    c.into_problems()
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
