//! Citations point at real lines of the seed documents in `../shared/seeds`.

use std::path::PathBuf;

use innovation_atlas::model::{self, Citation, Dataset, SourceKind};

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds")
}

fn seed_lines(d: &Dataset, c: &Citation) -> Option<Vec<String>> {
    let s = d.source(&c.source)?;
    if s.kind != SourceKind::Seed {
        return None;
    }
    let file = s.file.as_ref()?;
    let path = seeds_dir().join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("seed {} must sit in ../shared/seeds: {e}", path.display()));
    Some(text.lines().map(str::to_string).collect())
}

fn all_citations(d: &Dataset) -> Vec<(&str, &Citation)> {
    let mut v: Vec<(&str, &Citation)> = Vec::new();
    for p in &d.places {
        v.extend(p.sources.iter().map(|c| (p.id.as_str(), c)));
    }
    for x in &d.cross_pollinations {
        v.extend(x.sources.iter().map(|c| (x.id.as_str(), c)));
    }
    for x in &d.project_sheets {
        v.extend(x.sources.iter().map(|c| (x.id.as_str(), c)));
    }
    for x in &d.figures {
        v.extend(x.sources.iter().map(|c| (x.id.as_str(), c)));
    }
    for a in &d.accelerators {
        v.extend(a.sources.iter().map(|c| (a.id.as_str(), c)));
        for l in &a.lines {
            v.extend(l.sources.iter().map(|c| (a.id.as_str(), c)));
        }
    }
    for s in &d.surveys {
        v.extend(
            s.results
                .iter()
                .flat_map(|r| r.sources.iter().map(move |c| (r.id.as_str(), c))),
        );
    }
    v
}

#[test]
fn every_seed_citation_lies_inside_its_file() {
    let d = model::load_embedded().expect("embedded atlas").dataset;
    let mut checked = 0;
    for (id, c) in all_citations(&d) {
        let (Some(lines), Some([a, b])) = (seed_lines(&d, c), c.lines) else {
            continue;
        };
        assert!(
            (a as usize) >= 1 && (b as usize) <= lines.len(),
            "{id}: lines {a}-{b} outside {} ({} lines)",
            c.source,
            lines.len()
        );
        checked += 1;
    }
    assert!(checked > 300, "only {checked} seed citations with lines");
}

#[test]
fn company_counts_appear_in_the_cited_lines() {
    let d = model::load_embedded().expect("embedded atlas").dataset;
    for p in d.places.iter().filter(|p| p.companies.is_some()) {
        let n = p.companies.unwrap_or_default().to_string();
        let found = p
            .sources
            .iter()
            .filter(|c| c.fields.is_empty() || c.fields.iter().any(|f| f == "companies"))
            .any(|c| {
                let (Some(lines), Some([a, b])) = (seed_lines(&d, c), c.lines) else {
                    return false;
                };
                lines[(a as usize - 1)..(b as usize).min(lines.len())]
                    .iter()
                    .any(|l| l.split(|ch: char| !ch.is_ascii_digit()).any(|t| t == n))
            });
        assert!(
            found,
            "{}: the count {n} is not in the lines its citation names",
            p.id
        );
    }
}
