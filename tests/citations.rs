//! Citations point at real lines of the seed documents in `../shared/seeds`.

use std::path::PathBuf;

use innovation_atlas::model::{self, Amount, Citation, Dataset, Lang, Qualifier, SourceKind};

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
        v.extend(s.sources.iter().map(|c| (s.id.as_str(), c)));
        v.extend(
            s.results
                .iter()
                .flat_map(|r| r.sources.iter().map(move |c| (r.id.as_str(), c))),
        );
        v.extend(
            s.discussions
                .iter()
                .flat_map(|r| r.sources.iter().map(move |c| (r.place.as_str(), c))),
        );
        v.extend(
            s.conclusions
                .iter()
                .flat_map(|r| r.sources.iter().map(move |c| (r.id.as_str(), c))),
        );
    }
    macro_rules! each {
        ($($list:ident),*) => {
            $(for x in &d.$list {
                v.extend(x.sources.iter().map(|c| (x.id.as_str(), c)));
            })*
        };
    }
    each!(
        regions,
        action_lines,
        product_chains,
        focus_themes,
        infrastructure,
        totals,
        agenda_items,
        governance,
        talent_initiatives,
        financing_instruments
    );
    v
}

#[test]
fn every_new_agenda_record_cites_a_seed_line_range() {
    let d = model::load_embedded().expect("embedded atlas").dataset;
    let mut ids: Vec<(&str, &[Citation])> = Vec::new();
    ids.extend(
        d.agenda_items
            .iter()
            .map(|x| (x.id.as_str(), x.sources.as_slice())),
    );
    ids.extend(
        d.governance
            .iter()
            .map(|x| (x.id.as_str(), x.sources.as_slice())),
    );
    ids.extend(
        d.talent_initiatives
            .iter()
            .map(|x| (x.id.as_str(), x.sources.as_slice())),
    );
    ids.extend(
        d.financing_instruments
            .iter()
            .map(|x| (x.id.as_str(), x.sources.as_slice())),
    );
    for s in &d.surveys {
        ids.extend(
            s.conclusions
                .iter()
                .map(|x| (x.id.as_str(), x.sources.as_slice())),
        );
    }
    assert!(ids.len() > 120, "{}", ids.len());
    for (id, cites) in ids {
        assert!(
            cites.iter().any(|c| {
                c.lines.is_some()
                    && d.source(&c.source)
                        .is_some_and(|s| s.kind == SourceKind::Seed)
            }),
            "{id}: no seed line range"
        );
    }
}

/// The words a source puts before a number, and the qualifier they mean.
const QUALIFIER_WORDS: [(&str, Qualifier); 14] = [
    ("ruim", Qualifier::MoreThan),
    ("meer dan", Qualifier::MoreThan),
    ("groter dan", Qualifier::MoreThan),
    ("boven", Qualifier::MoreThan),
    ("zeker", Qualifier::AtLeast),
    ("minimaal", Qualifier::AtLeast),
    ("minstens", Qualifier::AtLeast),
    ("circa", Qualifier::About),
    ("ongeveer", Qualifier::About),
    ("grofweg", Qualifier::About),
    ("zo'n", Qualifier::About),
    ("rond de", Qualifier::About),
    ("ca", Qualifier::About),
    ("bijna", Qualifier::Almost),
];

/// The ways a seed may print a value: "110.000" and "110000", "2,7", or the word for a share.
fn spellings(a: &Amount) -> Vec<String> {
    if a.as_fraction {
        return [a.text(Lang::Nl)]
            .iter()
            .map(|t| {
                let prefix = a.qualifier.prefix(Lang::Nl);
                t.strip_prefix(prefix).unwrap_or(t).to_string()
            })
            .collect();
    }
    let v = a.value;
    let mut out = vec![model::amount::number(v, Lang::Nl)];
    if v.fract() == 0.0 {
        out.push(format!("{v:.0}"));
    }
    out
}

/// The qualifier each appearance of `word` in `text` carries (Exact when none precedes it).
fn qualifiers_before(text: &str, word: &str) -> Vec<Qualifier> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(word).map(|i| i + from) {
        from = i + word.len();
        let before = text[..i].chars().last();
        let after = text[from..].chars().next();
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c.is_alphabetic());
        let decimal_after = text[from..].len() > 1
            && matches!(after, Some('.' | ','))
            && text[from + 1..].starts_with(|c: char| c.is_ascii_digit());
        if glued(before) || glued(after) || decimal_after || matches!(before, Some('.' | ',')) {
            continue;
        }
        if after == Some('+') {
            found.push(Qualifier::MoreThan);
            continue;
        }
        let head = text[..i].trim_end();
        let q = QUALIFIER_WORDS
            .iter()
            .find(|(w, _)| {
                head.strip_suffix(w)
                    .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric()))
            })
            .map_or(Qualifier::Exact, |(_, q)| *q);
        found.push(q);
    }
    found
}

#[test]
fn every_stated_figure_carries_a_qualifier_the_source_uses() {
    let d = model::load_embedded().expect("embedded atlas").dataset;
    let mut amounts: Vec<(&str, Amount, &[Citation])> = Vec::new();
    amounts.extend(
        d.figures
            .iter()
            .map(|f| (f.id.as_str(), f.amount(), f.sources.as_slice())),
    );
    for s in &d.surveys {
        amounts.extend(
            s.results
                .iter()
                .map(|r| (r.id.as_str(), r.amount(), r.sources.as_slice())),
        );
    }
    let mut checked = 0;
    for (id, a, cites) in amounts {
        if a.qualifier == Qualifier::Range {
            continue;
        }
        let mut seen = Vec::new();
        for c in cites {
            let (Some(lines), Some([first, last])) = (seed_lines(&d, c), c.lines) else {
                continue;
            };
            let text = lines[(first as usize - 1)..(last as usize).min(lines.len())]
                .join(" ")
                .to_lowercase()
                .replace('’', "'")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            for sp in spellings(&a) {
                seen.extend(qualifiers_before(&text, &sp.to_lowercase()));
            }
        }
        if seen.is_empty() {
            continue;
        }
        checked += 1;
        assert!(
            seen.contains(&a.qualifier),
            "{id}: stored as {:?}, but the cited lines say {seen:?}",
            a.qualifier
        );
    }
    assert!(
        checked > 100,
        "only {checked} figures found in their cited lines"
    );
}

#[test]
fn qualifier_words_are_found_where_they_stand() {
    let t = "in zuid-holland zijn zeker 40 campussen en 140 andere; ruim 110.000 banen";
    assert_eq!(qualifiers_before(t, "40"), [Qualifier::AtLeast]);
    assert_eq!(qualifiers_before(t, "110.000"), [Qualifier::MoreThan]);
    assert_eq!(
        qualifiers_before("werk aan 110.000 mensen", "110.000"),
        [Qualifier::Exact]
    );
    assert_eq!(
        qualifiers_before("ruim de helft van", "de helft"),
        [Qualifier::MoreThan]
    );
    assert!(qualifiers_before("2,75 en 27.5", "2,7").is_empty());
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

/// A document's name as an audience reads it: one pair of brackets at most at its end, and
/// no file name (those are one hover away, in the note and the checking exports).
#[test]
fn document_titles_read_as_titles() {
    let loaded = model::load_embedded().expect("the embedded atlas loads");
    let d = &loaded.dataset;
    for s in &d.sources {
        let title = d.document_title(&s.id);
        assert!(
            !title.contains(") ("),
            "{}: two brackets in a row: {title}",
            s.id
        );
        for ext in [".txt", ".json", ".geojson", ".toml", ".csv"] {
            assert!(
                !title.contains(ext),
                "{}: a file name in the title: {title}",
                s.id
            );
        }
    }
    let mra = d
        .sources
        .iter()
        .find(|s| s.title.ends_with(')') && s.publisher.is_some())
        .expect("a title ending in its own bracket");
    let title = d.document_title(&mra.id);
    assert!(
        title.ends_with(')') && title.matches('(').count() == 1,
        "{title}"
    );
}
