//! The summary `innovation-atlas check` prints for a valid dataset.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::model::{AgendaKind, Dataset, Lang, LinkOrigin, LoadedDataset, PlaceKind};

/// Counts per region and kind, links, agenda records and citations per source.
pub fn summary(loaded: &LoadedDataset) -> String {
    let d = &loaded.dataset;
    let mut out = String::new();
    let name = d.dataset.as_ref().map_or_else(
        || "dataset".to_string(),
        |i| format!("{} {}", i.name, i.version),
    );
    let _ = writeln!(
        out,
        "{name} ({}, {} file(s)): valid",
        loaded.origin.describe(),
        loaded.files.len()
    );
    let _ = writeln!(out, "\nplaces: {}", d.places.len());
    for r in &d.regions {
        let here: Vec<_> = d.places.iter().filter(|p| p.region == r.id).collect();
        if here.is_empty() {
            continue;
        }
        let mut by_kind: BTreeMap<PlaceKind, usize> = BTreeMap::new();
        for p in &here {
            *by_kind.entry(p.kind).or_default() += 1;
        }
        let kinds = by_kind
            .iter()
            .map(|(k, n)| format!("{n} {}", k.key()))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            out,
            "  {:<26} {:>4}  ({kinds})",
            r.name.get(Lang::Nl),
            here.len()
        );
    }
    let mut by_origin: BTreeMap<&str, usize> = BTreeMap::new();
    for x in &d.cross_pollinations {
        let key = match x.origin {
            LinkOrigin::AgendaSection => "agenda section",
            LinkOrigin::ProfileTable => "profile table",
            LinkOrigin::Text => "text",
            LinkOrigin::ProjectSheet => "project sheet",
        };
        *by_origin.entry(key).or_default() += 1;
    }
    let origins = by_origin
        .iter()
        .map(|(k, n)| format!("{n} from {k}"))
        .collect::<Vec<_>>()
        .join(", ");
    let _ = writeln!(
        out,
        "cross-pollinations: {} ({origins})",
        d.cross_pollinations.len()
    );
    let _ = writeln!(out, "sectors: {}", d.sectors.len());
    let _ = writeln!(
        out,
        "action lines: {}, product chains: {}, project sheets: {}, accelerators: {} ({} action lines)",
        d.action_lines.len(),
        d.product_chains.len(),
        d.project_sheets.len(),
        d.accelerators.len(),
        d.accelerators.iter().map(|a| a.lines.len()).sum::<usize>()
    );
    let _ = writeln!(
        out,
        "focus themes: {}, infrastructure asks: {}, key figures: {}, stated totals: {}",
        d.focus_themes.len(),
        d.infrastructure.len(),
        d.figures.len(),
        d.totals.len()
    );
    for s in &d.surveys {
        let _ = writeln!(
            out,
            "survey {}: {} results, {} break-out discussions, {} conclusions",
            s.name,
            s.results.len(),
            s.discussions.len(),
            s.conclusions.len()
        );
    }
    agenda_lines(&mut out, d);
    let _ = writeln!(out, "\nsources: {}", d.sources.len());
    let counts = citation_counts(d);
    for s in &d.sources {
        let n = counts.get(s.id.as_str()).copied().unwrap_or(0);
        let label = s.file.as_deref().unwrap_or(&s.title);
        let _ = writeln!(out, "  {:<16} {:>5} citation(s)  {label}", s.id, n);
    }
    out
}

/// The agenda points, governance, talent initiatives and financing instruments, with counts
/// per kind and region.
fn agenda_lines(out: &mut String, d: &Dataset) {
    let region_name = |id: &str| {
        d.region(id)
            .map_or_else(|| id.to_string(), |r| r.name.get(Lang::Nl).to_string())
    };
    let _ = writeln!(out, "agenda items: {}", d.agenda_items.len());
    for kind in AgendaKind::ALL {
        let mut per_region: BTreeMap<&str, usize> = BTreeMap::new();
        for a in d.agenda_items.iter().filter(|a| a.kind == kind) {
            *per_region.entry(a.region.as_str()).or_default() += 1;
        }
        if per_region.is_empty() {
            continue;
        }
        let n: usize = per_region.values().sum();
        let regions = per_region
            .iter()
            .map(|(r, n)| format!("{} {n}", region_name(r)))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(out, "  {:<12} {n:>3}  ({regions})", kind.key());
    }
    let mut roles: BTreeMap<&str, usize> = BTreeMap::new();
    for g in &d.governance {
        *roles.entry(g.role.key()).or_default() += 1;
    }
    let _ = writeln!(
        out,
        "governance: {} ({})",
        d.governance.len(),
        counted(&roles)
    );
    let t = &d.talent_initiatives;
    let _ = writeln!(
        out,
        "talent initiatives: {} ({} networks, {} technology-promotion table rows, {} named in a survey)",
        t.len(),
        t.iter().filter(|x| x.network.is_some()).count(),
        t.iter().filter(|x| x.table_row.is_some()).count(),
        t.iter().filter(|x| x.mentioned.is_some()).count()
    );
    let mut provinces: BTreeMap<&str, usize> = BTreeMap::new();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &d.financing_instruments {
        for p in &f.provinces {
            *provinces.entry(p.as_str()).or_default() += 1;
        }
        *kinds.entry(f.kind.key()).or_default() += 1;
    }
    let _ = writeln!(
        out,
        "financing instruments: {} ({}; serving {})",
        d.financing_instruments.len(),
        counted(&kinds),
        counted(&provinces)
    );
    let conclusions: usize = d.surveys.iter().map(|s| s.conclusions.len()).sum();
    let with_status = d
        .project_sheets
        .iter()
        .filter(|s| s.status.is_some())
        .count();
    let _ = writeln!(
        out,
        "survey conclusions: {conclusions}, project sheets with a status: {with_status} of {}",
        d.project_sheets.len()
    );
}

/// "2 fund, 1 subsidy" from a count per key.
fn counted(m: &BTreeMap<&str, usize>) -> String {
    m.iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How often each source is cited (positions count for their basis).
pub fn citation_counts(d: &Dataset) -> BTreeMap<&str, usize> {
    let mut n: BTreeMap<&str, usize> = BTreeMap::new();
    let mut add = |id: &'_ str| {
        // Sources are few; a linear search keeps the key borrowed from the dataset.
        if let Some(s) = d.sources.iter().find(|s| s.id == id) {
            *n.entry(s.id.as_str()).or_default() += 1;
        }
    };
    let cites = d
        .regions
        .iter()
        .flat_map(|r| &r.sources)
        .chain(
            d.places
                .iter()
                .flat_map(|p| p.sources.iter().chain(&p.members_source)),
        )
        .chain(d.cross_pollinations.iter().flat_map(|x| &x.sources))
        .chain(d.action_lines.iter().flat_map(|x| &x.sources))
        .chain(d.product_chains.iter().flat_map(|x| &x.sources))
        .chain(d.project_sheets.iter().flat_map(|x| &x.sources))
        .chain(d.accelerators.iter().flat_map(|x| {
            x.sources
                .iter()
                .chain(x.lines.iter().flat_map(|l| &l.sources))
        }))
        .chain(d.focus_themes.iter().flat_map(|x| &x.sources))
        .chain(d.infrastructure.iter().flat_map(|x| &x.sources))
        .chain(d.figures.iter().flat_map(|x| &x.sources))
        .chain(d.totals.iter().flat_map(|x| &x.sources))
        .chain(d.surveys.iter().flat_map(|s| {
            s.sources
                .iter()
                .chain(s.results.iter().flat_map(|r| &r.sources))
                .chain(s.discussions.iter().flat_map(|r| &r.sources))
                .chain(s.conclusions.iter().flat_map(|r| &r.sources))
        }))
        .chain(d.agenda_items.iter().flat_map(|x| &x.sources))
        .chain(d.governance.iter().flat_map(|x| &x.sources))
        .chain(d.talent_initiatives.iter().flat_map(|x| &x.sources))
        .chain(d.financing_instruments.iter().flat_map(|x| &x.sources));
    for c in cites {
        add(&c.source);
    }
    for p in &d.places {
        add(&p.position.basis);
    }
    let routes = d
        .focus_themes
        .iter()
        .filter_map(|t| t.route.as_ref())
        .chain(d.infrastructure.iter().filter_map(|i| i.route.as_ref()));
    for r in routes {
        add(&r.basis);
    }
    for i in &d.infrastructure {
        if let Some(p) = &i.position {
            add(&p.basis);
        }
    }
    n
}
/// `check orgs.csv`: reads a user's file of organisations against the atlas (or
/// `--dataset`), prints every problem (file, row, column, fix) and exits 1, or prints how
/// the rows were placed and exits 0.
pub fn check_layer(path: &std::path::Path, dataset: Option<&std::path::Path>) -> i32 {
    let loaded = match super::load(dataset) {
        Ok(l) => l,
        Err(e) => {
            super::print_problems(&e);
            return 1;
        }
    };
    let name = path.display().to_string();
    let date = crate::model::layer::today();
    let layer = match crate::model::layer::read_path(path, &name, &loaded.dataset, &date) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    let summary = layer.summary(Lang::En);
    if let Some(e) = layer.load_error() {
        super::print_problems(&e);
        eprintln!("\n{summary}");
        return 1;
    }
    if let Err(e) = crate::model::layer::merge(&loaded, &layer) {
        super::print_problems(&e);
        return 1;
    }
    super::output::print_then(&format!("{summary}\nvalid\n"), 0)
}
