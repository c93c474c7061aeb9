//! Search over names, aliases, anchors, example companies, towns and sectors, tolerant of
//! case, accents and small typos.
//!
//! Matching rules (per indexed text, "entry"): the whole folded text equal to the query
//! scores 1, starting with it 0.92, containing it 0.8; otherwise every query word must match
//! some word of the text (equal 1, prefix 0.9, within 1 typo for 4–7 letters or 2 typos from
//! 8 letters 0.7 − 0.1 per typo), averaged × 0.85. The score is weighted by the field, and each
//! place keeps its best entry.
//!
//! The index makes a keystroke cost far less than looking at every entry: a town or a
//! sector label is one entry for all its places; the folded texts sit in one buffer that is
//! searched for the query as a substring at memory speed; the distinct words form a sorted
//! vocabulary (prefixes are a range of it) with a posting list per word, and a typo-tolerant
//! comparison runs only on vocabulary words that pass cheap length and letter-set bounds.
//! Only entries found that way are scored, with exactly the rules above.
//!
//! The texts are taken from the dataset when the atlas is built (one cheap pass); folding,
//! the vocabulary and the postings are built on first use or in the background (see
//! [`super::Atlas::build_background`]).

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::ids::{FastMap, Progress, Rows};
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

/// A place that matches a query, with the text that matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub place: usize,
    pub score: f32,
    pub field: Field,
    pub matched: String,
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

/// The mean of each query word's best score, or 0 when one of the words matches nothing:
/// a result must match every word the user typed.
pub fn every_word(best_per_word: impl Iterator<Item = f32>, words: usize) -> f32 {
    let mut total = 0.0;
    for s in best_per_word {
        if s == 0.0 {
            return 0.0;
        }
        total += s;
    }
    if words == 0 {
        0.0
    } else {
        total / words as f32
    }
}

/// Lower case, accents removed, punctuation turned into spaces, spaces collapsed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`], appended to `out`.
fn fold_into(text: &str, out: &mut String) {
    let start = out.len();
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
    if out.len() > start && out.ends_with(' ') {
        out.pop();
    }
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
pub fn word_score(q: &str, w: &str) -> f32 {
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

/// The letters of a word as a set of 64 bits (digits and other letters share bits, which
/// only makes the bound below weaker, never wrong).
fn letters(w: &str) -> u64 {
    w.chars().fold(0u64, |m, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + (c as u32 - '0' as u32),
            _ => 36 + (c as u32 % 28),
        };
        m | (1u64 << bit)
    })
}

/// A lower bound of the Damerau–Levenshtein distance of two words from their letter sets:
/// every letter one has and the other lacks takes an edit (an edit brings in or removes at
/// most one letter; swapping two changes neither set).
fn letters_bound(a: u64, b: u64) -> usize {
    ((a & !b).count_ones().max((b & !a).count_ones())) as usize
}

/// Which places an entry stands for.
#[derive(Debug, Clone, Copy)]
enum Owner {
    /// One place; `order` is the entry's position among the place's entries of its field.
    Place { place: u32, order: u16 },
    /// Every place of a town (index into the town groups).
    Town(u32),
    /// Every place with a sector (index into `dataset.sectors`), in one language.
    Sector { sector: u16, lang: u8 },
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    field: Field,
    owner: Owner,
    /// Span of the text as written in `Texts::shown`.
    shown: (u32, u32),
}

/// The texts to index, taken from the dataset in one pass.
#[derive(Debug, Default)]
struct Texts {
    entries: Vec<Entry>,
    shown: String,
    /// Places per town group, in dataset order.
    towns: Rows<u32>,
    /// Places per sector, in dataset order.
    sector_places: Rows<u32>,
    /// Sectors of each place as indices into `dataset.sectors` (resolvable ones, in order).
    place_sectors: Rows<u16>,
    /// Tie-breaker per place: hotspots and areas before companies.
    priority: Vec<f32>,
}

impl Texts {
    fn new(d: &Dataset, priorities: &[f32]) -> Texts {
        let mut t = Texts {
            priority: priorities.to_vec(),
            ..Texts::default()
        };
        let sector_index: FastMap<&str, u16> = d
            .sectors
            .iter()
            .enumerate()
            .rev()
            .map(|(i, s)| (s.id.as_str(), u16::try_from(i).unwrap_or(u16::MAX)))
            .collect();
        let mut town_ids: FastMap<&str, u32> = FastMap::default();
        let mut town_pairs: Vec<(usize, u32)> = Vec::new();
        let mut sector_pairs: Vec<(usize, u32)> = Vec::new();
        for (i, p) in d.places.iter().enumerate() {
            let place = i as u32;
            t.push(Field::Name, Owner::Place { place, order: 0 }, &p.name);
            for (field, list) in [
                (Field::Alias, &p.aliases),
                (Field::Anchor, &p.anchors),
                (Field::Fieldlab, &p.fieldlabs),
                (Field::Company, &p.example_companies),
            ] {
                for (k, text) in list.iter().enumerate() {
                    let order = u16::try_from(k).unwrap_or(u16::MAX);
                    t.push(field, Owner::Place { place, order }, text);
                }
            }
            if let Some(town) = &p.town {
                let next = town_ids.len() as u32;
                let id = *town_ids.entry(town.as_str()).or_insert_with(|| {
                    t.push(Field::Town, Owner::Town(next), town);
                    next
                });
                town_pairs.push((id as usize, place));
            }
            let own: Vec<u16> = p
                .sectors
                .iter()
                .filter_map(|s| sector_index.get(s.as_str()).copied())
                .collect();
            let mut distinct = own.clone();
            distinct.sort_unstable();
            distinct.dedup();
            for s in distinct {
                sector_pairs.push((usize::from(s), place));
            }
            t.place_sectors.push_row(own);
        }
        t.towns = Rows::group(town_ids.len(), &town_pairs);
        t.sector_places = Rows::group(d.sectors.len(), &sector_pairs);
        for (k, s) in d.sectors.iter().enumerate() {
            let sector = u16::try_from(k).unwrap_or(u16::MAX);
            for (lang, l) in [(0u8, Lang::Nl), (1u8, Lang::En)] {
                t.push(
                    Field::Sector,
                    Owner::Sector { sector, lang },
                    s.label.get(l),
                );
            }
        }
        t
    }

    fn push(&mut self, field: Field, owner: Owner, text: &str) {
        let start = self.shown.len() as u32;
        self.shown.push_str(text);
        self.entries.push(Entry {
            field,
            owner,
            shown: (start, self.shown.len() as u32),
        });
    }

    fn shown(&self, e: &Entry) -> &str {
        self.shown
            .get(e.shown.0 as usize..e.shown.1 as usize)
            .unwrap_or("")
    }

    /// The places of an entry.
    fn places_of<'a>(&'a self, e: &'a Entry) -> &'a [u32] {
        match e.owner {
            Owner::Place { ref place, .. } => std::slice::from_ref(place),
            Owner::Town(t) => self.towns.row(t as usize),
            Owner::Sector { sector, .. } => self.sector_places.row(usize::from(sector)),
        }
    }

    /// Where the entry comes among the place's entries, for ties: the order in which the
    /// place's facts are listed (name, aliases, anchors, fieldlabs, companies, town, then
    /// per sector its Dutch and English label).
    fn rank(&self, e: &Entry, place: u32) -> (Field, u32) {
        let k = match e.owner {
            Owner::Place { order, .. } => u32::from(order),
            Owner::Town(_) => 0,
            Owner::Sector { sector, lang } => {
                let pos = self
                    .place_sectors
                    .row(place as usize)
                    .iter()
                    .position(|&s| s == sector)
                    .unwrap_or(0) as u32;
                2 * pos + u32::from(lang)
            }
        };
        (e.field, k)
    }
}

/// The word index, built from [`Texts`].
#[derive(Debug, Default)]
struct Built {
    /// Every entry's folded text, each followed by a newline (never part of a folded text).
    folded: String,
    /// Start of each entry's folded text in `folded` (its end is the next newline).
    starts: Vec<u32>,
    /// Vocabulary ids of each entry's words, in order.
    words: Rows<u32>,
    /// The distinct words, sorted.
    vocab: Vec<Box<str>>,
    vocab_chars: Vec<u16>,
    vocab_letters: Vec<u64>,
    /// Entries per word, ascending.
    postings: Rows<u32>,
}

impl Built {
    fn new(t: &Texts, progress: &Progress) -> Built {
        let n = t.entries.len();
        progress.start(n + n / 4);
        let mut b = Built {
            folded: String::with_capacity(t.shown.len() + n),
            starts: Vec::with_capacity(n),
            ..Built::default()
        };
        let mut ids: FastMap<&str, u32> = FastMap::default();
        let mut entry_words: Vec<(usize, u32)> = Vec::new();
        let mut texts: Vec<(u32, u32)> = Vec::with_capacity(n);
        for (i, e) in t.entries.iter().enumerate() {
            if i % 4096 == 0 {
                progress.set(i);
            }
            let start = b.folded.len();
            fold_into(t.shown(e), &mut b.folded);
            texts.push((start as u32, b.folded.len() as u32));
            b.starts.push(start as u32);
            b.folded.push('\n');
        }
        // Words: borrowed from the buffer, numbered by first appearance, then by rank.
        for (i, &(s, e)) in texts.iter().enumerate() {
            let text = b.folded.get(s as usize..e as usize).unwrap_or("");
            if text.is_empty() {
                continue;
            }
            for w in text.split(' ') {
                let next = ids.len() as u32;
                let id = *ids.entry(w).or_insert(next);
                entry_words.push((i, id));
            }
        }
        let mut vocab: Vec<(&str, u32)> = ids.into_iter().collect();
        vocab.sort_unstable();
        let mut rank = vec![0u32; vocab.len()];
        for (r, (_, id)) in vocab.iter().enumerate() {
            if let Some(slot) = rank.get_mut(*id as usize) {
                *slot = r as u32;
            }
        }
        for pair in &mut entry_words {
            pair.1 = rank.get(pair.1 as usize).copied().unwrap_or(0);
        }
        b.vocab_chars = vocab
            .iter()
            .map(|(w, _)| u16::try_from(w.chars().count()).unwrap_or(u16::MAX))
            .collect();
        b.vocab_letters = vocab.iter().map(|(w, _)| letters(w)).collect();
        b.vocab = vocab.iter().map(|(w, _)| Box::from(*w)).collect();
        b.words = Rows::group(n, &entry_words);
        let by_word: Vec<(usize, u32)> = entry_words
            .iter()
            .map(|&(e, w)| (w as usize, e as u32))
            .collect();
        let mut postings = Rows::group(b.vocab.len(), &by_word);
        // An entry with a word twice is listed twice; keep one.
        let mut dedup: Rows<u32> = Rows::with_capacity(b.vocab.len(), by_word.len());
        for w in 0..postings.len() {
            let mut row = postings.row(w).to_vec();
            row.dedup();
            dedup.push_row(row);
        }
        postings = dedup;
        b.postings = postings;
        progress.finish();
        b
    }

    /// Byte span of an entry's folded text in `folded` (the newline after it excluded).
    fn span(&self, entry: usize) -> (usize, usize) {
        let start = self.starts.get(entry).copied().unwrap_or(0) as usize;
        let end = self
            .starts
            .get(entry + 1)
            .map_or(self.folded.len(), |&s| s as usize);
        (start, end.saturating_sub(1).max(start))
    }

    /// The entry whose folded text holds byte `pos` of the buffer.
    fn entry_at(&self, pos: usize) -> usize {
        self.starts
            .partition_point(|&s| s as usize <= pos)
            .saturating_sub(1)
    }

    /// `word_score(q, w)` for every vocabulary word `w`, as (word, score > 0).
    fn matches(&self, q: &str) -> Vec<(u32, f32)> {
        let mut out = Vec::new();
        // Equal or prefix: one range of the sorted vocabulary.
        let lo = self.vocab.partition_point(|w| &**w < q);
        let hi = lo + self.vocab[lo..].partition_point(|w| w.starts_with(q));
        for (k, w) in self.vocab[lo..hi].iter().enumerate() {
            out.push(((lo + k) as u32, if &**w == q { 1.0 } else { 0.9 }));
        }
        let m = q.chars().count();
        let tol = tolerance(m);
        if tol == 0 {
            return out;
        }
        let ql = letters(q);
        for (k, w) in self.vocab.iter().enumerate() {
            if (lo..hi).contains(&k) {
                continue;
            }
            let chars = usize::from(self.vocab_chars[k]);
            // Whole word within `tol`, or its prefix of the query's length within `tol - 1`
            // (the prefix is at most `m` characters long).
            let whole = chars.abs_diff(m) <= tol && letters_bound(ql, self.vocab_letters[k]) <= tol;
            // With one typo allowed the prefix would have to equal the query: a prefix match.
            let prefix =
                tol >= 2 && chars + (tol - 1) >= m && letters_bound(ql, letters_prefix(w, m)) < tol;
            if !whole && !prefix {
                continue;
            }
            let s = word_score(q, w);
            if s > 0.0 {
                out.push((k as u32, s));
            }
        }
        out
    }
}

/// Letters of the first `n` characters of `w`.
fn letters_prefix(w: &str, n: usize) -> u64 {
    let end = w.char_indices().nth(n).map_or(w.len(), |(i, _)| i);
    letters(w.get(..end).unwrap_or(w))
}

/// The search index of a dataset; see the module documentation.
#[derive(Debug, Default)]
pub struct SearchIndex {
    texts: Texts,
    built: OnceLock<Built>,
    progress: Progress,
}

/// A place's best entry so far.
#[derive(Debug, Clone, Copy)]
struct Best {
    score: f32,
    rank: (Field, u32),
    entry: u32,
}

impl SearchIndex {
    /// An index built now.
    pub fn new(d: &Dataset, priorities: &[f32]) -> SearchIndex {
        let index = SearchIndex::deferred(d, priorities);
        index.build();
        index
    }

    /// Takes the texts from the dataset (one linear pass) and builds the rest on first use
    /// or when [`SearchIndex::build`] is called (on any thread).
    pub fn deferred(d: &Dataset, priorities: &[f32]) -> SearchIndex {
        SearchIndex {
            texts: Texts::new(d, priorities),
            built: OnceLock::new(),
            progress: Progress::default(),
        }
    }

    /// Builds the index if nobody has (waits if another thread is building it).
    pub fn build(&self) {
        self.index();
    }

    fn index(&self) -> &Built {
        self.built
            .get_or_init(|| Built::new(&self.texts, &self.progress))
    }

    /// The index can be searched without waiting.
    pub fn is_ready(&self) -> bool {
        self.built.get().is_some()
    }

    /// From 0 to 1 while building; 1 when built.
    pub fn progress(&self) -> f32 {
        if self.is_ready() {
            1.0
        } else {
            self.progress.fraction()
        }
    }

    /// [`SearchIndex::search`] when the index is built; `None` (without waiting) before.
    pub fn try_search(&self, query: &str, limit: usize) -> Option<Vec<Hit>> {
        self.built.get().map(|b| self.search_in(b, query, limit))
    }

    /// The best hit per place, best first (builds the index first if needed).
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_in(self.index(), query, limit)
    }

    fn search_in(&self, b: &Built, query: &str, limit: usize) -> Vec<Hit> {
        let q = fold(query);
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let t = &self.texts;
        let q_words: Vec<&str> = q.split(' ').collect();
        let n_entries = t.entries.len();

        // Candidate entries: those containing the query, and those with a word that matches
        // the query word whose matches are listed least often (every query word must match).
        // The kind of match: 0 none (yet), 1 a word matches, then contains, starts with and
        // equals the query (whose scores are known from where the query was found).
        const WORDS: u8 = 1;
        const CONTAINS: u8 = 2;
        const STARTS: u8 = 3;
        const EQUALS: u8 = 4;
        let mut found = vec![0u8; n_entries];
        let mut candidates: Vec<u32> = Vec::new();
        let hay = b.folded.as_bytes();
        let finder = memchr::memmem::Finder::new(q.as_bytes());
        let mut from = 0;
        while let Some(k) = hay.get(from..).and_then(|rest| finder.find(rest)) {
            let (e, at) = (b.entry_at(from + k), from + k);
            let (start, end) = b.span(e);
            if let Some(f) = found.get_mut(e) {
                *f = if at != start {
                    CONTAINS
                } else if end - start == q.len() {
                    EQUALS
                } else {
                    STARTS
                };
                candidates.push(e as u32);
            }
            // The first occurrence is enough: go on with the next entry's text.
            from = end + 1;
        }
        let matched: Vec<Vec<(u32, f32)>> = q_words.iter().map(|w| b.matches(w)).collect();
        let listed = |m: &Vec<(u32, f32)>| -> usize {
            m.iter()
                .map(|&(w, _)| b.postings.row(w as usize).len())
                .sum()
        };
        if let Some(rarest) = matched.iter().min_by_key(|m| listed(m)) {
            for &(w, _) in rarest {
                for &e in b.postings.row(w as usize) {
                    if let Some(f) = found.get_mut(e as usize)
                        && *f == 0
                    {
                        *f = WORDS;
                        candidates.push(e);
                    }
                }
            }
        }
        // Word scores per query word, by vocabulary id (0 = no match).
        let scores: Vec<Vec<f32>> = matched
            .iter()
            .map(|m| {
                let mut dense = vec![0.0f32; b.vocab.len()];
                for &(w, s) in m {
                    if let Some(slot) = dense.get_mut(w as usize) {
                        *slot = s;
                    }
                }
                dense
            })
            .collect();
        let base_of = |e: u32| -> f32 {
            match found.get(e as usize).copied().unwrap_or(0) {
                EQUALS => 1.0,
                STARTS => 0.92,
                CONTAINS => 0.8,
                _ => {
                    let words = b.words.row(e as usize);
                    let best = scores.iter().map(|m| {
                        words
                            .iter()
                            .map(|&w| m.get(w as usize).copied().unwrap_or(0.0))
                            .fold(0.0, f32::max)
                    });
                    every_word(best, q_words.len()) * 0.85
                }
            }
        };
        // The most an entry can score: exact when it contains the query; a word match
        // averages at most 1 × 0.85.
        let bound_of = |e: u32| -> f32 {
            let weight = t.entries.get(e as usize).map_or(0.0, |x| x.field.weight());
            let base = match found.get(e as usize).copied().unwrap_or(0) {
                EQUALS => 1.0,
                STARTS => 0.92,
                CONTAINS => 0.8,
                _ => 0.85,
            };
            base * weight
        };

        // Entries by their bound, best first (a few distinct bounds: kind of match × field).
        let mut bounds: Vec<f32> = candidates.iter().map(|&e| bound_of(e)).collect();
        let mut levels = bounds.clone();
        levels.sort_by(|a, b| b.total_cmp(a));
        levels.dedup();
        let level_of = |x: f32| levels.partition_point(|&l| l > x);
        let by_level = Rows::group(
            levels.len(),
            &candidates
                .iter()
                .zip(&bounds)
                .map(|(&e, &x)| (level_of(x), e))
                .collect::<Vec<_>>(),
        );
        bounds.clear();

        // Scores level by level; stop once `limit` places score above every entry left.
        let mut best: FastMap<u32, Best> = FastMap::default();
        let mut uncounted: Vec<u32> = Vec::new();
        let mut above = 0usize;
        for level in 0..levels.len() {
            for &e in by_level.row(level) {
                let Some(entry) = t.entries.get(e as usize) else {
                    continue;
                };
                let base = base_of(e);
                if base <= 0.0 {
                    continue;
                }
                let score = base * entry.field.weight();
                for &p in t.places_of(entry) {
                    let rank = t.rank(entry, p);
                    match best.get_mut(&p) {
                        None => {
                            uncounted.push(p);
                            best.insert(
                                p,
                                Best {
                                    score,
                                    rank,
                                    entry: e,
                                },
                            );
                        }
                        Some(h) => {
                            if score > h.score || (score == h.score && rank < h.rank) {
                                *h = Best {
                                    score,
                                    rank,
                                    entry: e,
                                };
                            }
                        }
                    }
                }
            }
            let next = levels.get(level + 1).copied().unwrap_or(0.0);
            uncounted.retain(|p| {
                let over = best.get(p).is_some_and(|h| h.score > next);
                above += usize::from(over);
                !over
            });
            if above >= limit {
                break;
            }
        }
        let touched: Vec<u32> = best.keys().copied().collect();

        let prio = |i: u32| t.priority.get(i as usize).copied().unwrap_or(0.0);
        let mut hits: Vec<(u32, Best)> = touched
            .iter()
            .filter_map(|&p| Some((p, *best.get(&p)?)))
            .collect();
        let order = |a: &(u32, Best), b: &(u32, Best)| {
            b.1.score
                .total_cmp(&a.1.score)
                .then(prio(b.0).total_cmp(&prio(a.0)))
                .then(a.0.cmp(&b.0))
        };
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, order);
            hits.truncate(limit);
        }
        hits.sort_by(order);
        hits.into_iter()
            .filter_map(|(p, h)| {
                let entry = t.entries.get(h.entry as usize)?;
                Some(Hit {
                    place: p as usize,
                    score: h.score,
                    field: entry.field,
                    matched: t.shown(entry).to_string(),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
pub mod towns;
