//! Search over names, aliases, anchors, example companies, towns and sectors, tolerant of
//! case, accents and small typos. Built once per dataset.

use unicode_normalization::UnicodeNormalization;

use crate::model::{Dataset, Lang};

/// Which fact of a place a search hit matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Name,
    Alias,
    Anchor,
    Fieldlab,
    Company,
    Town,
    Sector,
}

impl Field {
    fn weight(self) -> f32 {
        match self {
            Field::Name => 1.0,
            Field::Alias => 0.95,
            Field::Anchor | Field::Fieldlab => 0.8,
            Field::Company => 0.75,
            Field::Town => 0.65,
            Field::Sector => 0.6,
        }
    }

    /// i18n key of the field's name.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "search.field.name",
            Field::Alias => "search.field.alias",
            Field::Anchor => "search.field.anchor",
            Field::Fieldlab => "search.field.fieldlab",
            Field::Company => "search.field.company",
            Field::Town => "search.field.town",
            Field::Sector => "search.field.sector",
        }
    }
}

#[derive(Debug, Clone)]
struct Entry {
    place: usize,
    field: Field,
    folded: String,
    words: Vec<String>,
    shown: String,
}

/// A place that matches a query, with the text that matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub place: usize,
    pub score: f32,
    pub field: Field,
    pub matched: String,
}

#[derive(Debug, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
    /// Tie-breaker per place: hotspots and areas before companies.
    priority: Vec<f32>,
}

/// Letters that Unicode does not split into a base letter and an accent, written the way
/// people type them without the key: "Ørsted" is searched as "Orsted", "Straße" as
/// "Strasse". (`å`, `é`, `ü` and the like lose their accent through decomposition.)
fn plain_letters(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' | 'Ø' => "o",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ß' | 'ẞ' => "ss",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ħ' | 'Ħ' => "h",
        'ŧ' | 'Ŧ' => "t",
        'ı' => "i",
        'ĳ' | 'Ĳ' => "ij",
        _ => return None,
    })
}

/// Lower case, accents removed, punctuation turned into spaces, spaces collapsed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if let Some(plain) = plain_letters(c) {
            out.push_str(plain);
            space = false;
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Typos allowed for a query word of this length.
fn tolerance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// How well one query word matches one text word: 0 = no match.
fn word_score(q: &str, w: &str) -> f32 {
    if w == q {
        return 1.0;
    }
    if w.starts_with(q) {
        return 0.9;
    }
    let tol = tolerance(q.chars().count());
    if tol == 0 {
        return 0.0;
    }
    // Compare with the whole word and with its prefix of the query's length, so "robohou"
    // and "robohuose" both find "robohouse".
    let prefix: String = w.chars().take(q.chars().count()).collect();
    let d = strsim::damerau_levenshtein(q, w).min(strsim::damerau_levenshtein(q, &prefix) + 1);
    if d <= tol { 0.7 - 0.1 * d as f32 } else { 0.0 }
}

impl SearchIndex {
    pub fn new(d: &Dataset, priorities: &[f32]) -> SearchIndex {
        let mut entries = Vec::new();
        let mut add = |place: usize, field: Field, text: &str| {
            let folded = fold(text);
            if folded.is_empty() {
                return;
            }
            let words = folded.split(' ').map(str::to_string).collect();
            entries.push(Entry {
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
        SearchIndex {
            entries,
            priority: priorities.to_vec(),
        }
    }

    /// The best hit per place, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = fold(query);
        if q.is_empty() {
            return Vec::new();
        }
        let q_words: Vec<&str> = q.split(' ').collect();
        let mut best: std::collections::HashMap<usize, Hit> = std::collections::HashMap::new();
        for e in &self.entries {
            let base = if e.folded == q {
                1.0
            } else if e.folded.starts_with(&q) {
                0.92
            } else if e.folded.contains(&q) {
                0.8
            } else {
                // Every query word must match some word of the text.
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
            let better = best.get(&e.place).is_none_or(|h| score > h.score);
            if better {
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
        let prio = |i: usize| self.priority.get(i).copied().unwrap_or(0.0);
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(prio(b.place).total_cmp(&prio(a.place)))
                .then(a.place.cmp(&b.place))
        });
        hits.truncate(limit);
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_accents_and_punctuation() {
        assert_eq!(fold("Fryslân"), "fryslan");
        assert_eq!(fold("  Boers&Co  "), "boers co");
        assert_eq!(fold("ESA-ESTEC"), "esa estec");
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

    #[test]
    fn typos_are_tolerated_on_longer_words() {
        assert!(word_score("robohuose", "robohouse") > 0.0);
        assert!(word_score("technolutoin", "technolution") > 0.0);
        assert_eq!(word_score("abc", "abd"), 0.0);
        assert!(word_score("leerf", "leerfabriek") > 0.8);
    }
}
