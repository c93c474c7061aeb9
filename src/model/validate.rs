//! Checks a parsed dataset against the rules an atlas must meet, collecting every problem.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::load::SourceFile;
use super::problem::Problem;
use super::types::*;
use crate::basemap::municipalities;

/// More companies than any place can have (the Netherlands has about 2.3 million).
pub const MAX_COMPANIES: i64 = 10_000_000;

/// The Netherlands' bounding box (WGS84), with a small margin for the coast and islands.
pub const NL_LAT: (f64, f64) = (50.70, 53.70);
pub const NL_LON: (f64, f64) = (3.20, 7.30);

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

    fn first(&self, id: &str) -> Option<(usize, usize)> {
        self.records.get(id).and_then(|v| v.first().copied())
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
    for s in &d.surveys {
        ids.push(s.id.as_str());
        ids.extend(s.results.iter().map(|r| r.id.as_str()));
    }
    ids
}

struct Checker<'a> {
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

/// Finds the line of `field = …` inside the record that starts at `start_line`.
fn field_line(text: &str, start_line: usize, field: &str) -> Option<usize> {
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

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_hex_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c.bytes().skip(1).all(|b| b.is_ascii_hexdigit())
}

const PLACE_FIELDS: &[&str] = &[
    "name",
    "aliases",
    "town",
    "position",
    "description",
    "sectors",
    "anchors",
    "fieldlabs",
    "companies",
    "example_companies",
    "programmes",
    "clusters",
    "needs",
    "parent",
    "map_number",
    "members",
    "kind",
];

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
        product_chains: d.product_chains.iter().map(|p| p.id.as_str()).collect(),
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
    check_places(&mut c, d);
    check_cross_pollinations(&mut c, d);
    check_agenda(&mut c, d);
    check_figures(&mut c, d);
    check_surveys(&mut c, d);
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
            .records
            .get(id)
            .map(|v| {
                v.iter()
                    .map(|(i, l)| {
                        let f = c.files.get(*i).map_or("?", |f| f.name.as_str());
                        format!("{f}:{l}")
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
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

fn check_places(c: &mut Checker, d: &Dataset) {
    let register = municipalities::register();
    let mut member_of: HashMap<&str, &str> = HashMap::new();
    for p in &d.places {
        let id = p.id.as_str();
        c.required(id, "name", &p.name);
        c.text(id, "description", &p.description);
        c.region_ref(id, &p.region);
        c.sector_refs(id, &p.sectors);
        c.position(id, "position", p.position.lat, p.position.lon);
        c.basis(id, "position", &p.position.basis);
        c.required(id, "position", &p.position.represents);
        if p.position.accuracy_m == 0 {
            c.report(
                id,
                Some("position"),
                "position accuracy is 0 m; no map position is that exact".to_string(),
                "give `accuracy_m` as the radius in metres within which the site lies",
            );
        }
        if let Some(n) = p.companies
            && !(0..=MAX_COMPANIES).contains(&n)
        {
            c.report(
                id,
                Some("companies"),
                format!("company count {n} is not between 0 and {MAX_COMPANIES}"),
                "give the number of companies in the place, or leave `companies` out",
            );
        }
        if let Some(parent) = &p.parent {
            if parent == &p.id {
                c.report(
                    id,
                    Some("parent"),
                    "a place cannot be its own parent".to_string(),
                    "name the place this one lies in",
                );
            } else {
                c.place_refs(id, "parent", std::slice::from_ref(parent));
            }
        }
        for t in p.clusters.iter().chain(&p.needs) {
            c.text(id, "clusters", t);
        }
        if p.kind == PlaceKind::SubRegion && p.members.is_empty() {
            c.report(
                id,
                Some("members"),
                "a sub-region needs its member municipalities to be drawn".to_string(),
                "add `members = [{ cbs = \"GM0363\", name = \"Amsterdam\" }, …]`",
            );
        }
        if !p.members.is_empty() {
            if p.kind != PlaceKind::SubRegion {
                c.report(
                    id,
                    Some("members"),
                    "only a sub_region has member municipalities".to_string(),
                    "remove `members`, or set `kind = \"sub_region\"`",
                );
            }
            match &p.members_source {
                Some(cite) => c.citation(id, cite, &[]),
                None => c.report(
                    id,
                    Some("members"),
                    "the membership has no source".to_string(),
                    "add `members_source = { source = \"ext-mra-members\" }` or another source",
                ),
            }
        }
        for m in &p.members {
            match register.get(&m.cbs) {
                None => c.report(
                    id,
                    Some("members"),
                    format!("municipality code `{}` ({}) is not in the 2024 register", m.cbs, m.name),
                    "use the CBS code GMnnnn of a 2024 municipality (see assets/basemap/gemeenten.geojson)",
                ),
                Some(info) if info.name != m.name => c.report(
                    id,
                    Some("members"),
                    format!("code `{}` is {}, not {}", m.cbs, info.name, m.name),
                    format!("write `{{ cbs = \"{}\", name = \"{}\" }}` or correct the code", m.cbs, info.name),
                ),
                Some(_) => {}
            }
            if let Some(other) = member_of.insert(m.cbs.as_str(), id)
                && other != id
            {
                c.report(
                    id,
                    Some("members"),
                    format!("{} ({}) is also a member of `{other}`", m.name, m.cbs),
                    "a municipality belongs to one sub-region; remove it from one of them",
                );
            }
        }
        c.citations(id, &p.sources, PLACE_FIELDS);
        check_fact_coverage(c, p);
    }
    check_parent_cycles(c, d);
}

/// A place may not lie, through its parents, inside itself.
fn check_parent_cycles(c: &mut Checker, d: &Dataset) {
    let parent: HashMap<&str, &str> = d
        .places
        .iter()
        .filter_map(|p| p.parent.as_deref().map(|q| (p.id.as_str(), q)))
        .collect();
    for p in &d.places {
        let mut seen = BTreeSet::from([p.id.as_str()]);
        let mut at = p.id.as_str();
        while let Some(&up) = parent.get(at) {
            if up == p.id {
                let chain = seen.iter().copied().collect::<Vec<_>>().join(", ");
                c.report(
                    &p.id,
                    Some("parent"),
                    format!(
                        "the parents of `{}` lead back to it (through {chain})",
                        p.id
                    ),
                    "give one of these places another `parent`, or remove it",
                );
                break;
            }
            if !seen.insert(up) {
                // A cycle further up; it is reported for the places on it.
                break;
            }
            at = up;
        }
    }
}

/// Every listed fact of a place must rest on a citation.
fn check_fact_coverage(c: &mut Checker, p: &Place) {
    let covers_all = p.sources.iter().any(|s| s.fields.is_empty());
    if covers_all {
        return;
    }
    let covered: BTreeSet<&str> = p
        .sources
        .iter()
        .flat_map(|s| s.fields.iter().map(String::as_str))
        .collect();
    let facts: [(&str, bool); 5] = [
        ("anchors", !p.anchors.is_empty()),
        ("fieldlabs", !p.fieldlabs.is_empty()),
        ("companies", p.companies.is_some()),
        ("example_companies", !p.example_companies.is_empty()),
        ("programmes", !p.programmes.is_empty()),
    ];
    for (field, present) in facts {
        if present && !covered.contains(field) {
            c.report(
                &p.id,
                Some(field),
                format!("`{field}` is not backed by any citation"),
                format!("add `\"{field}\"` to the `fields` of the citation it comes from"),
            );
        }
    }
}

fn check_cross_pollinations(c: &mut Checker, d: &Dataset) {
    for x in &d.cross_pollinations {
        let id = x.id.as_str();
        c.text(id, "theme", &x.theme);
        c.place_or_region_refs(id, "endpoints", &x.endpoints);
        c.place_or_region_refs(id, "optional_endpoints", &x.optional_endpoints);
        c.place_refs(id, "via", &x.via);
        c.sector_refs(id, &x.sectors);
        if let Some(r) = &x.all_sub_regions_of {
            c.region_ref(id, r);
        }
        if let Some(from) = &x.from
            && !x.endpoints.contains(from)
        {
            c.report(
                id,
                Some("from"),
                format!("`from` is `{from}`, which is not one of the endpoints"),
                "set `from` to the endpoint whose profile states the link, or leave it out",
            );
        }
        let mut seen = BTreeSet::new();
        for e in x.endpoints.iter().chain(&x.optional_endpoints) {
            if !seen.insert(e.as_str()) {
                c.report(
                    id,
                    Some("endpoints"),
                    format!("endpoint `{e}` is listed twice"),
                    "list each endpoint once",
                );
            }
        }
        c.citations(
            id,
            &x.sources,
            &[
                "endpoints",
                "optional_endpoints",
                "theme",
                "sectors",
                "via",
                "named_partners",
                "from",
            ],
        );
    }
}

fn check_budget(c: &mut Checker, id: &str, b: &Budget) {
    c.text(id, "budget", &b.summary);
    let amounts = b
        .total_eur
        .iter()
        .chain(b.total_max_eur.iter())
        .chain(b.items.iter().map(|i| &i.eur));
    for &v in amounts {
        if !v.is_finite() || v < 0.0 {
            c.report(
                id,
                Some("budget"),
                format!("budget amount {v} is not a non-negative number of euros"),
                "write amounts in whole euros, e.g. 100000",
            );
        }
    }
    if let (Some(lo), Some(hi)) = (b.total_eur, b.total_max_eur)
        && hi < lo
    {
        c.report(
            id,
            Some("budget"),
            format!("budget range {lo}–{hi} runs backwards"),
            "put the lower bound in `total_eur` and the upper in `total_max_eur`",
        );
    }
    if b.items_sum_to_total {
        let sum: f64 = b.items.iter().map(|i| i.eur).sum();
        match b.total_eur {
            Some(total) if (sum - total).abs() > 0.5 => c.report(
                id,
                Some("budget"),
                format!("the budget items add up to €{sum}, but the stated total is €{total}"),
                "correct the item or the total; if the source itself does not add up, set `items_sum_to_total = false` and explain in the summary",
            ),
            None => c.report(
                id,
                Some("budget"),
                "`items_sum_to_total` is set but there is no `total_eur`".to_string(),
                "add the stated total, or remove `items_sum_to_total`",
            ),
            _ => {}
        }
    }
}

fn check_agenda(c: &mut Checker, d: &Dataset) {
    for a in &d.action_lines {
        let id = a.id.as_str();
        c.region_ref(id, &a.region);
        c.text(id, "name", &a.name);
        c.text(id, "goal", &a.goal);
        for act in &a.actions {
            c.required(id, "actions", &act.number);
            c.text(id, "actions", &act.title);
        }
        c.citations(id, &a.sources, &["name", "goal", "actions"]);
    }
    for p in &d.product_chains {
        let id = p.id.as_str();
        c.region_ref(id, &p.region);
        c.text(id, "name", &p.name);
        c.text(id, "description", &p.description);
        c.sector_refs(id, &p.sectors);
        c.place_refs(id, "hotspots", &p.hotspots);
        if !c.action_numbers.contains(p.action.as_str()) {
            c.report(
                id,
                Some("action"),
                format!("action `{}` is not an action of any action line", p.action),
                "use an action number listed under an [[action_line]], e.g. \"2.1.1\"",
            );
        }
        c.citations(
            id,
            &p.sources,
            &[
                "name",
                "aliases",
                "description",
                "sectors",
                "hotspots",
                "action",
            ],
        );
    }
    for s in &d.project_sheets {
        let id = s.id.as_str();
        c.region_ref(id, &s.region);
        c.text(id, "title", &s.title);
        c.required(id, "owner", &s.owner);
        for g in &s.goals {
            c.text(id, "goals", g);
        }
        for g in &s.partners {
            c.text(id, "partners", &g.label);
        }
        if let Some(t) = &s.timeline {
            c.text(id, "timeline", t);
        }
        if let Some(pc) = &s.product_chain
            && !c.product_chains.contains(pc.as_str())
        {
            c.report(
                id,
                Some("product_chain"),
                format!("unknown product chain `{pc}`"),
                "use the id of a [[product_chain]] record",
            );
        }
        c.place_refs(id, "hotspots", &s.hotspots);
        if let Some(b) = &s.budget {
            check_budget(c, id, b);
        }
        c.citations(
            id,
            &s.sources,
            &[
                "title",
                "owner",
                "core_team",
                "partners",
                "goals",
                "budget",
                "timeline",
                "hotspots",
                "actions",
            ],
        );
    }
    for a in &d.accelerators {
        let id = a.id.as_str();
        c.region_ref(id, &a.region);
        c.text(id, "name", &a.name);
        c.text(id, "goal", &a.goal);
        for l in &a.lines {
            c.required(id, "lines", &l.title);
            c.text(id, "lines", &l.summary);
            c.place_refs(id, "lines", &l.initiator_places);
            for cite in &l.sources {
                c.citation(id, cite, &["title", "summary", "initiators", "partners"]);
            }
            if l.sources.is_empty() {
                c.report(
                    id,
                    Some("lines"),
                    format!("action line {} cites no source", l.letter),
                    "add `sources = [...]` to the action line",
                );
            }
        }
        c.citations(id, &a.sources, &["name", "goal", "lines"]);
    }
    for t in &d.focus_themes {
        let id = t.id.as_str();
        c.region_ref(id, &t.region);
        c.text(id, "name", &t.name);
        c.text(id, "description", &t.description);
        c.sector_refs(id, &t.sectors);
        c.place_refs(id, "places", &t.places);
        if let Some(r) = &t.route {
            c.route(id, r);
        }
        c.citations(
            id,
            &t.sources,
            &["name", "description", "sectors", "places", "route"],
        );
    }
    for i in &d.infrastructure {
        let id = i.id.as_str();
        c.region_ref(id, &i.region);
        c.required(id, "name", &i.name);
        c.text(id, "ask", &i.ask);
        c.place_or_region_refs(id, "connects", &i.connects);
        if let Some(r) = &i.route {
            c.route(id, r);
        }
        if let Some(p) = &i.position {
            c.position(id, "position", p.lat, p.lon);
            c.basis(id, "position", &p.basis);
        }
        c.citations(
            id,
            &i.sources,
            &["name", "ask", "connects", "route", "position"],
        );
    }
}

fn check_value(c: &mut Checker, id: &str, value: f64, max: Option<f64>, unit: Unit, q: Qualifier) {
    if !value.is_finite() || max.is_some_and(|m| !m.is_finite()) {
        c.report(
            id,
            Some("value"),
            "the value is not a number".to_string(),
            "write a plain number, e.g. 31000",
        );
        return;
    }
    let non_negative = matches!(
        unit,
        Unit::Count | Unit::Eur | Unit::Fte | Unit::SquareMetre | Unit::Year
    );
    if non_negative && value < 0.0 {
        c.report(
            id,
            Some("value"),
            format!("a count or amount cannot be negative ({value})"),
            "give the value as 0 or more",
        );
    }
    match (q, max) {
        (Qualifier::Range, None) => c.report(
            id,
            Some("value_max"),
            "a range needs `value_max`".to_string(),
            "add the upper end as `value_max`, or change the qualifier",
        ),
        (_, Some(m)) if m < value => c.report(
            id,
            Some("value_max"),
            format!("`value_max` {m} is below `value` {value}"),
            "put the lower end in `value` and the upper end in `value_max`",
        ),
        _ => {}
    }
}

fn check_figures(c: &mut Checker, d: &Dataset) {
    for f in &d.figures {
        let id = f.id.as_str();
        c.text(id, "label", &f.label);
        c.place_or_region_refs(id, "subject", std::slice::from_ref(&f.subject));
        check_value(c, id, f.value, f.value_max, f.unit, f.qualifier);
        c.citations(
            id,
            &f.sources,
            &["label", "value", "value_max", "year", "target"],
        );
    }
    for t in &d.totals {
        let id = t.id.as_str();
        c.text(id, "label", &t.label);
        c.place_refs(id, "parts", &t.parts);
        if t.field != "companies" {
            c.report(
                id,
                Some("field"),
                format!("cannot total field `{}`", t.field),
                "use `field = \"companies\"`",
            );
        } else {
            let mut sum = 0i64;
            let mut missing = Vec::new();
            for part in &t.parts {
                if let Some(p) = c.places.get(part.as_str()) {
                    match p.companies {
                        // Counts are bounded above, so saturating never hides a real sum.
                        Some(n) => sum = sum.saturating_add(n),
                        None => missing.push(part.as_str()),
                    }
                }
            }
            if !missing.is_empty() {
                c.report(
                    id,
                    Some("parts"),
                    format!("parts without a company count: {}", missing.join(", ")),
                    "give those places `companies`, or remove them from `parts`",
                );
            } else if sum != t.value {
                c.report(
                    id,
                    Some("value"),
                    format!(
                        "the parts add up to {sum}, but the source states a total of {}",
                        t.value
                    ),
                    "check each part's `companies` against the source table",
                );
            }
        }
        c.citations(id, &t.sources, &["value", "parts", "label"]);
    }
}

fn check_surveys(c: &mut Checker, d: &Dataset) {
    for s in &d.surveys {
        let id = s.id.as_str();
        c.region_ref(id, &s.region);
        c.required(id, "name", &s.name);
        c.text(id, "description", &s.description);
        if let Some(a) = &s.attendance {
            if a.attended > a.registered {
                c.report(
                    id,
                    Some("attendance"),
                    format!(
                        "{} attended but only {} registered",
                        a.attended, a.registered
                    ),
                    "check both numbers against the report",
                );
            } else if a.registered > 0 {
                let pct = f64::from(a.attended) * 100.0 / f64::from(a.registered);
                if (pct - a.percent).abs() > 1.0 {
                    c.report(
                        id,
                        Some("attendance"),
                        format!(
                            "{} of {} is {pct:.1}%, not the stated {}%",
                            a.attended, a.registered, a.percent
                        ),
                        "check the numbers and the percentage against the report",
                    );
                }
            }
        }
        for r in &s.results {
            let rid = r.id.as_str();
            c.text(rid, "question", &r.question);
            if !c.topics.contains(r.topic.as_str()) {
                c.report(
                    rid,
                    Some("topic"),
                    format!(
                        "topic `{}` is not an action line, product chain or survey",
                        r.topic
                    ),
                    "use the id of an [[action_line]], [[product_chain]] or the survey itself",
                );
            }
            check_value(c, rid, r.value, None, r.unit, r.qualifier);
            if r.unit == Unit::Percent && !(0.0..=100.0).contains(&r.value) {
                c.report(
                    rid,
                    Some("value"),
                    format!("a survey share of {}% is impossible", r.value),
                    "give the percentage between 0 and 100",
                );
            }
            c.citations(rid, &r.sources, &["question", "value", "respondents"]);
        }
        for x in &s.discussions {
            c.place_refs(id, "discussions", std::slice::from_ref(&x.place));
            if !c.topics.contains(x.topic.as_str()) {
                c.report(
                    id,
                    Some("discussions"),
                    format!(
                        "discussion topic `{}` is not an action line or product chain",
                        x.topic
                    ),
                    "use the id of an [[action_line]] or [[product_chain]]",
                );
            }
            if x.sources.is_empty() {
                c.report(
                    id,
                    Some("discussions"),
                    format!(
                        "the discussion of {} at {} cites no source",
                        x.topic, x.place
                    ),
                    "add `sources = [...]`",
                );
            }
            for cite in &x.sources {
                c.citation(id, cite, &["place", "topic", "reading"]);
            }
        }
        c.citations(id, &s.sources, &["name", "description", "attendance"]);
    }
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

    #[test]
    fn id_rules() {
        assert!(is_valid_id("zh-tpy-2"));
        assert!(!is_valid_id("ZH"));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id(""));
    }
}
