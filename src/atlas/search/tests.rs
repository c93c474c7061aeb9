use super::*;

#[test]
fn folding_drops_case_accents_and_punctuation() {
    assert_eq!(fold("Fryslân"), "fryslan");
    assert_eq!(fold("  Boers&Co  "), "boers co");
    assert_eq!(fold("ESA-ESTEC"), "esa estec");
}

#[test]
fn typos_are_tolerated_on_longer_words() {
    assert!(word_score("robohuose", "robohouse") > 0.0);
    assert!(word_score("technolutoin", "technolution") > 0.0);
    assert_eq!(word_score("abc", "abd"), 0.0);
    assert!(word_score("leerf", "leerfabriek") > 0.8);
}

#[test]
fn the_letter_bound_never_exceeds_the_distance() {
    let words = [
        "robohouse",
        "robohuose",
        "robo",
        "delft",
        "deflt",
        "technolution",
        "technolutoin",
        "ab",
        "ba",
        "abc",
        "ca",
        "fryslan",
        "leerfabriek",
        "leerf",
        "x1",
        "1x",
        "quantum",
        "kwantum",
        "ëe",
        "",
    ];
    for a in words {
        for b in words {
            let d = strsim::damerau_levenshtein(a, b);
            assert!(letters_bound(letters(a), letters(b)) <= d, "{a} {b}");
            assert!(a.chars().count().abs_diff(b.chars().count()) <= d);
        }
    }
}

/// The search as it was: every entry of every place scored for every query.
fn reference(d: &Dataset, priorities: &[f32], query: &str, limit: usize) -> Vec<Hit> {
    struct E {
        place: usize,
        field: Field,
        folded: String,
        words: Vec<String>,
        shown: String,
    }
    let mut entries = Vec::new();
    let mut add = |place: usize, field: Field, text: &str| {
        let folded = fold(text);
        if folded.is_empty() {
            return;
        }
        let words = folded.split(' ').map(str::to_string).collect();
        entries.push(E {
            place,
            field,
            folded,
            words,
            shown: text.to_string(),
        });
    };
    for (i, p) in d.places.iter().enumerate() {
        add(i, Field::Name, &p.name);
        for a in &p.aliases {
            add(i, Field::Alias, a);
        }
        for a in &p.anchors {
            add(i, Field::Anchor, a);
        }
        for f in &p.fieldlabs {
            add(i, Field::Fieldlab, f);
        }
        for c in &p.example_companies {
            add(i, Field::Company, c);
        }
        if let Some(t) = &p.town {
            add(i, Field::Town, t);
        }
        for s in p.sectors.iter().filter_map(|s| d.sector(s)) {
            add(i, Field::Sector, s.label.get(Lang::Nl));
            add(i, Field::Sector, s.label.get(Lang::En));
        }
    }
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let q_words: Vec<&str> = q.split(' ').collect();
    let mut best: std::collections::HashMap<usize, Hit> = Default::default();
    for e in &entries {
        let base = if e.folded == q {
            1.0
        } else if e.folded.starts_with(&q) {
            0.92
        } else if e.folded.contains(&q) {
            0.8
        } else {
            let mut total = 0.0;
            for qw in &q_words {
                let s = e
                    .words
                    .iter()
                    .map(|w| word_score(qw, w))
                    .fold(0.0, f32::max);
                if s == 0.0 {
                    total = 0.0;
                    break;
                }
                total += s;
            }
            total / q_words.len() as f32 * 0.85
        };
        if base <= 0.0 {
            continue;
        }
        let score = base * e.field.weight();
        if best.get(&e.place).is_none_or(|h| score > h.score) {
            best.insert(
                e.place,
                Hit {
                    place: e.place,
                    score,
                    field: e.field,
                    matched: e.shown.clone(),
                },
            );
        }
    }
    let mut hits: Vec<Hit> = best.into_values().collect();
    let prio = |i: usize| priorities.get(i).copied().unwrap_or(0.0);
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(prio(b.place).total_cmp(&prio(a.place)))
            .then(a.place.cmp(&b.place))
    });
    hits.truncate(limit);
    hits
}

const QUERIES: &[&str] = &[
    "robohuose",
    "robohou",
    "robo",
    "r",
    "ro",
    "delft",
    "tu delft",
    "Delft",
    "den haag",
    "technolutoin",
    "leerf",
    "waterstof",
    "hydrogen",
    "quantum",
    "kwantum",
    "ai",
    "ai &",
    "leiden bio",
    "rotterdam haven",
    "fryslân",
    "campus",
    "tno",
    "esa estec",
    "x",
    "zzzz",
    "universiteit",
    "universitiet",
    "hotspot",
    "kavelo",
    "gabekax",
    "health",
    "ëe",
    "1",
    "energy transition",
    "a",
    "e",
    "t",
    "l",
    "de",
    "s ",
    " ",
    "h2",
    "drones",
];

fn same_as_reference(d: &Dataset) {
    let priorities: Vec<f32> = (0..d.places.len()).map(|i| (i % 7) as f32).collect();
    let index = SearchIndex::new(d, &priorities);
    for q in QUERIES {
        for limit in [1, 12, 200] {
            assert_eq!(
                index.search(q, limit),
                reference(d, &priorities, q, limit),
                "query {q:?}, limit {limit}"
            );
        }
    }
}

#[test]
fn the_index_finds_what_looking_at_every_entry_finds() {
    let loaded = crate::model::load_embedded().expect("seeds");
    same_as_reference(&loaded.dataset);
    let loaded = crate::atlas::synthetic::generate(1_500, 4).expect("generate");
    same_as_reference(&loaded.dataset);
}

#[test]
fn an_index_not_built_yet_is_searched_after_building() {
    let loaded = crate::model::load_embedded().expect("seeds");
    let index = SearchIndex::deferred(&loaded.dataset, &[]);
    assert!(!index.is_ready());
    assert!(index.try_search("delft", 5).is_none());
    assert!(!index.search("delft", 5).is_empty());
    assert!(index.is_ready());
    assert_eq!(index.progress(), 1.0);
    assert!(index.try_search("delft", 5).is_some_and(|h| !h.is_empty()));
}

#[test]
fn letters_without_a_decomposition_fold_as_people_type_them() {
    assert_eq!(fold("Ørsted"), fold("Orsted"));
    assert_eq!(fold("Ørsted"), "orsted");
    assert_eq!(fold("Ærø Å"), "aero a");
    assert_eq!(fold("Straße"), "strasse");
    assert_eq!(fold("Łódź"), "lodz");
    assert_eq!(fold("Œuvre Þór Đakovo"), "oeuvre thor dakovo");
    assert_eq!(fold("Ĳsselmeer"), fold("IJsselmeer"));
}

#[test]
fn orsted_finds_orsted_with_its_stroke() {
    let mut d = crate::model::load_embedded()
        .expect("the embedded atlas loads")
        .dataset;
    d.places[0].example_companies.push("Ørsted".to_string());
    let index = SearchIndex::new(&d, &vec![0.0; d.places.len()]);
    let hits = index.search("Orsted", 5);
    assert!(
        hits.iter().any(|h| h.place == 0 && h.matched == "Ørsted"),
        "{hits:?}"
    );
}
