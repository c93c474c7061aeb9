//! Presentation decks: ordered slides, each a saved view of the atlas with a title, a caption
//! and the sources of what it shows. A deck is a small TOML file a presenter can read and edit
//! by hand; it is checked against the atlas when it is opened.
//!
//! This module knows nothing of egui: the app turns a slide into map and chart state.

pub mod builtin;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::geo::camera::View;
use crate::geo::geometry::{from_rel, to_rel};
use crate::model::Lang;
use crate::model::{Citation, Dataset};
use crate::scene::{CameraGoal, LayerSettings, Look, Scene};

/// What a slide shows in the middle of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum SlideView {
    #[default]
    Map,
    Chart,
    Compare,
}

/// The charts a slide can show (one at a time, sized to the screen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChartKind {
    /// Companies per Zuid-Holland hotspot, with the stated total checked.
    HotspotCompanies,
    /// Sector overlap of the MRA sub-regions.
    SubRegionOverlap,
    /// ROEM-II: registered and present.
    SurveyAttendance,
    /// ROEM-II percentages; all topics, or the slide's `topic`.
    SurveyResults,
    /// ROEM-II: which hotspot discussed which product chain or action line.
    SurveyDiscussions,
}

impl ChartKind {
    pub const ALL: [ChartKind; 5] = [
        ChartKind::HotspotCompanies,
        ChartKind::SubRegionOverlap,
        ChartKind::SurveyAttendance,
        ChartKind::SurveyResults,
        ChartKind::SurveyDiscussions,
    ];
}

/// A map view: centre and zoom (walkers' zoom levels, 0 = the whole world in 256 px).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlideCamera {
    pub lon: f64,
    pub lat: f64,
    pub zoom: f64,
    /// Width and height in points of the map the view was taken on. With them the slide
    /// shows the same area on a screen of another size (a projector at twice the type size).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<f32>,
}

/// One slide: what the atlas shows, and what the audience reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Slide {
    pub title: String,
    /// One or two sentences under the title.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub caption: String,
    /// Speaker notes: only on the presenter's screen.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    pub view: SlideView,
    /// The chart of a `view = "chart"` slide.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chart: Option<ChartKind>,
    /// For survey results: one product chain or action line id; all topics when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Place or region ids side by side in a `view = "compare"` slide.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub compare: Vec<String>,
    /// A fixed map view. Without one the map fits `fit` (or keeps its view).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub camera: Option<SlideCamera>,
    /// Place, region or route ids the map fits to the screen, whatever its size.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fit: Vec<String>,
    /// The selected place or region: its links are drawn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selection: Option<String>,
    /// Places ringed on the map.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlight: Vec<String>,
    /// Sector filter; empty shows every sector.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub sectors: BTreeSet<String>,
    #[serde(deserialize_with = "strict_layers")]
    pub layers: LayerSettings,
    /// Where the facts on the slide come from (shown small at the bottom).
    #[serde(rename = "source", skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Citation>,
}

impl SlideCamera {
    /// The camera goal this view stands for: with the size of the map it was taken on, the
    /// same area on any screen; without, the same centre and zoom.
    pub fn goal(&self) -> CameraGoal {
        match (self.width, self.height) {
            (Some(w), Some(h)) if w > 0.0 && h > 0.0 => {
                let v = View {
                    centre: to_rel(self.lon, self.lat),
                    zoom: self.zoom,
                };
                let b = v.extent(egui::vec2(w, h));
                let (west, north) = from_rel(b.min);
                let (east, south) = from_rel(b.max);
                CameraGoal::Extent {
                    west,
                    south,
                    east,
                    north,
                }
            }
            _ => CameraGoal::View {
                lon: self.lon,
                lat: self.lat,
                zoom: self.zoom,
            },
        }
    }
}

impl Slide {
    /// What the slide shows, as a scene for a projector: a slide is its scene plus its words.
    pub fn scene(&self, lang: Lang) -> Scene {
        let camera = match (&self.camera, self.view) {
            (_, SlideView::Chart | SlideView::Compare) => CameraGoal::Free,
            (Some(c), _) => c.goal(),
            (None, _) if !self.fit.is_empty() => CameraGoal::Fit(self.fit.clone()),
            (None, _) => CameraGoal::Free,
        };
        Scene {
            lang,
            filter: self.sectors.clone(),
            layers: self.layers.clone(),
            selection: self.selection.clone(),
            subjects: self.highlight.clone(),
            compare: self.compare.clone(),
            camera,
            look: Look::Projector,
        }
    }
}

/// An ordered list of slides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Deck {
    pub title: String,
    #[serde(default, rename = "slide", skip_serializing_if = "Vec::is_empty")]
    pub slides: Vec<Slide>,
}

#[derive(Debug, thiserror::Error)]
pub enum DeckError {
    /// Missing, unreadable, not a regular file, or larger than a deck can be.
    #[error(transparent)]
    File(#[from] crate::fsio::ReadError),
    #[error("{path}:{line}:{column}: {message}. Fix: {fix}.")]
    Parse {
        path: String,
        line: usize,
        column: usize,
        message: String,
        fix: &'static str,
    },
    #[error("{path}: the deck does not fit this atlas:\n{}", problems.join("\n"))]
    Invalid { path: String, problems: Vec<String> },
    #[error("{path}: the deck could not be written as TOML: {message}")]
    Encode { path: String, message: String },
    /// The deck itself stays in the app (and in its own-deck file).
    #[error("{0} The deck itself is kept.")]
    Write(#[from] crate::fsio::WriteError),
}

/// At most this many ids side by side in a `view = "compare"` slide (as in the app).
pub const MAX_COMPARED: usize = 4;

/// One step on the way to a value in a deck file: a key, or a position in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(&'static str),
    Index(usize),
    /// The element of a list with this text (sets are kept sorted, not in file order).
    Item(String),
}

/// Something in a deck the atlas cannot show: which slide, where in it, and what (with
/// the fix).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckProblem {
    /// 0-based slide index.
    pub slide: usize,
    /// The value at fault inside the slide, e.g. `layers`, `hidden_regions`, 2.
    pub at: Vec<Step>,
    pub text: String,
}

/// The fix for a TOML or serde error in a deck file.
fn parse_fix(message: &str) -> &'static str {
    if message.contains("unknown field") {
        "remove the key or correct its spelling; the message lists the keys allowed here"
    } else if message.contains("unknown variant") {
        "use one of the values the message lists"
    } else if message.contains("invalid type") {
        "give the value the type the message asks for (text in quotes, numbers and true/false without, lists in [ ])"
    } else {
        "correct the TOML there (a deck has `title` and `[[slide]]` tables; see README, \"Presenting\")"
    }
}

/// `[slide.layers]` as a deck file may write it: like [`LayerSettings`], but a key that is
/// not a layer (a typo such as `all_link`) is an error instead of being ignored.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
struct DeckLayers {
    hidden_regions: BTreeSet<String>,
    all_links: bool,
    all_labels: bool,
    routes: bool,
    minor_places: bool,
    suggestions: bool,
}

impl Default for DeckLayers {
    fn default() -> Self {
        let LayerSettings {
            hidden_regions,
            all_links,
            all_labels,
            routes,
            minor_places,
            suggestions,
        } = LayerSettings::default();
        DeckLayers {
            hidden_regions,
            all_links,
            all_labels,
            routes,
            minor_places,
            suggestions,
        }
    }
}

/// Reads `[slide.layers]` strictly (see [`DeckLayers`]). Listing every field here, without
/// `..`, makes a new layer a compile error until the deck learns it.
fn strict_layers<'de, D: serde::Deserializer<'de>>(d: D) -> Result<LayerSettings, D::Error> {
    let DeckLayers {
        hidden_regions,
        all_links,
        all_labels,
        routes,
        minor_places,
        suggestions,
    } = DeckLayers::deserialize(d)?;
    Ok(LayerSettings {
        hidden_regions,
        all_links,
        all_labels,
        routes,
        minor_places,
        suggestions,
    })
}

impl Deck {
    /// Parses a deck from TOML; `path` names the file in messages.
    pub fn from_toml(text: &str, path: &str) -> Result<Deck, DeckError> {
        toml::from_str::<Deck>(text).map_err(|e| {
            let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
            let message = e.message().trim().to_string();
            DeckError::Parse {
                path: path.to_string(),
                line,
                column,
                fix: parse_fix(&message),
                message,
            }
        })
    }

    pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
        let body = toml::to_string_pretty(self)?;
        Ok(format!(
            "# Innovation Atlas deck: one [[slide]] table per slide, in order.\n{body}"
        ))
    }

    /// What in this deck does not exist in the atlas or cannot be shown, one line each.
    pub fn problems(&self, d: &Dataset) -> Vec<String> {
        self.check(d).into_iter().map(|p| p.text).collect()
    }

    /// The same problems, each after `file:line:` of the value at fault in `source`, the
    /// text this deck was read from.
    pub fn problems_in_file(&self, d: &Dataset, file: &str, source: &str) -> Vec<String> {
        let doc = toml::de::DeTable::parse(source)
            .ok()
            .map(|t| toml::de::DeValue::Table(t.into_inner()));
        self.check(d)
            .into_iter()
            .map(|p| {
                let line = doc
                    .as_ref()
                    .and_then(|doc| locate(doc, p.slide, &p.at))
                    .map(|offset| line_col(source, offset).0);
                match line {
                    Some(line) => format!("{file}:{line}: {}", p.text),
                    None => format!("{file}: {}", p.text),
                }
            })
            .collect()
    }

    /// What in this deck does not exist in the atlas or cannot be shown, with where.
    pub fn check(&self, d: &Dataset) -> Vec<DeckProblem> {
        let mut out = Vec::new();
        for (i, s) in self.slides.iter().enumerate() {
            let at = format!("slide {} (\"{}\")", i + 1, s.title);
            let mut push = |place: Vec<Step>, text: String| {
                out.push(DeckProblem {
                    slide: i,
                    at: place,
                    text,
                });
            };
            let is_id = |id: &str| d.place(id).is_some() || d.region(id).is_some();
            // The map fits a route as well as a place (a line such as the Lelylijn is what
            // some slides are about); the other lists name places and regions only.
            let is_route = |id: &str| {
                d.focus_themes
                    .iter()
                    .any(|t| t.id == id && t.route.is_some())
                    || d.infrastructure
                        .iter()
                        .any(|a| a.id == id && a.route.is_some())
            };
            let lists: [(&'static str, Vec<&String>); 4] = [
                ("selection", s.selection.iter().collect()),
                ("highlight", s.highlight.iter().collect()),
                ("fit", s.fit.iter().collect()),
                ("compare", s.compare.iter().collect()),
            ];
            for (field, ids) in lists {
                for (k, id) in ids.into_iter().enumerate() {
                    if field == "fit" && is_route(id) {
                        continue;
                    }
                    if !is_id(id) {
                        let place = if field == "selection" {
                            vec![Step::Key(field)]
                        } else {
                            vec![Step::Key(field), Step::Index(k)]
                        };
                        push(
                            place,
                            if field == "fit" {
                                format!(
                                    "{at}, {field}: \"{id}\" is no place, region or route of this atlas. Fix: use an id from `innovation-atlas export --format csv`, or remove it."
                                )
                            } else {
                                format!(
                                    "{at}, {field}: \"{id}\" is no place or region of this atlas. Fix: use an id from `innovation-atlas export --format csv`, or remove it."
                                )
                            },
                        );
                    }
                }
            }
            if s.compare.len() > MAX_COMPARED {
                push(
                    vec![Step::Key("compare"), Step::Index(MAX_COMPARED)],
                    format!(
                        "{at}, compare: {} ids, but at most {MAX_COMPARED} profiles fit side by side. Fix: keep four ids and make a second slide for the others.",
                        s.compare.len()
                    ),
                );
            }
            for sector in &s.sectors {
                if d.sector(sector).is_none() {
                    push(
                        vec![Step::Key("sectors"), Step::Item(sector.clone())],
                        format!(
                            "{at}, sectors: \"{sector}\" is no sector of this atlas. Fix: use a sector id from seeds/sectors.toml, or remove it."
                        ),
                    );
                }
            }
            for region in &s.layers.hidden_regions {
                if d.region(region).is_none() {
                    let ids: Vec<&str> = d.regions.iter().map(|r| r.id.as_str()).collect();
                    push(
                        vec![
                            Step::Key("layers"),
                            Step::Key("hidden_regions"),
                            Step::Item(region.clone()),
                        ],
                        format!(
                            "{at}, layers.hidden_regions: \"{region}\" is no region of this atlas. Fix: use one of {}, or remove it.",
                            ids.join(", ")
                        ),
                    );
                }
            }
            if let Some(c) = &s.camera {
                // `contains` is false for NaN, so this also refuses non-numbers.
                let bad = [
                    ("lon", (2.0..=8.5).contains(&c.lon)),
                    ("lat", (50.0..=54.5).contains(&c.lat)),
                    ("zoom", (4.0..=17.0).contains(&c.zoom)),
                ]
                .into_iter()
                .find(|(_, ok)| !ok);
                if let Some((key, _)) = bad {
                    push(
                        vec![Step::Key("camera"), Step::Key(key)],
                        format!(
                            "{at}, camera: lon {}, lat {}, zoom {} is not a view of the Netherlands. Fix: lon 2–8.5, lat 50–54.5, zoom 4–17.",
                            c.lon, c.lat, c.zoom
                        ),
                    );
                }
                let size_ok = |v: Option<f32>| {
                    v.is_none_or(|x| x.is_finite() && (50.0..=20_000.0).contains(&x))
                };
                if !size_ok(c.width) || !size_ok(c.height) {
                    let key = if size_ok(c.width) { "height" } else { "width" };
                    push(
                        vec![Step::Key("camera"), Step::Key(key)],
                        format!(
                            "{at}, camera: width and height are the map's size in points, 50–20000. Fix: correct them or leave both out."
                        ),
                    );
                }
            }
            match (s.view, s.chart) {
                (SlideView::Chart, None) => push(
                    vec![Step::Key("view")],
                    format!(
                        "{at}: view = \"chart\" needs a chart. Fix: add chart = \"hotspot-companies\" (or sub-region-overlap, survey-attendance, survey-results, survey-discussions)."
                    ),
                ),
                (SlideView::Compare, _) if s.compare.len() < 2 => push(
                    vec![Step::Key("view")],
                    format!(
                        "{at}: view = \"compare\" needs two to four ids in compare. Fix: add them, or set view = \"map\"."
                    ),
                ),
                _ => {}
            }
            if let Some(t) = &s.topic {
                let known = d.product_chains.iter().any(|c| &c.id == t)
                    || d.action_lines.iter().any(|a| &a.id == t)
                    || d.surveys.iter().any(|x| &x.id == t);
                if !known {
                    push(
                        vec![Step::Key("topic")],
                        format!(
                            "{at}, topic: \"{t}\" is no product chain, action line or survey. Fix: use an id from seeds/zuid-holland/agenda.toml, or remove it."
                        ),
                    );
                }
            }
            for (k, c) in s.sources.iter().enumerate() {
                if d.source(&c.source).is_none() {
                    push(
                        vec![Step::Key("source"), Step::Index(k), Step::Key("source")],
                        format!(
                            "{at}, source: \"{}\" is no source of this atlas. Fix: use an id from seeds/sources.toml.",
                            c.source
                        ),
                    );
                }
            }
        }
        out
    }
}

/// Byte offset of the value a problem names in a parsed deck file: slide `slide`, then the
/// steps as far as the file has them (a missing value points at its slide).
fn locate(doc: &toml::de::DeValue<'_>, slide: usize, at: &[Step]) -> Option<usize> {
    let mut node = doc.get("slide")?.get_ref().get(slide)?;
    for step in at {
        let next = match step {
            Step::Key(k) => node.get_ref().get(*k),
            Step::Index(i) => node.get_ref().get(*i),
            Step::Item(text) => node
                .get_ref()
                .as_array()
                .and_then(|a| a.iter().find(|v| v.get_ref().as_str() == Some(text))),
        };
        match next {
            Some(n) => node = n,
            None => break,
        }
    }
    Some(node.span().start)
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Largest deck file read: a deck of a few hundred slides is ~100 kB.
const MAX_DECK_BYTES: u64 = 4 * 1024 * 1024;

/// Reads a deck file's text: a regular file of at most 4 MB, in UTF-8.
fn read_text(path: &Path) -> Result<String, DeckError> {
    let bytes = crate::fsio::read_capped(path, MAX_DECK_BYTES)?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes());
        let (line, column) = line_col(&text, offset);
        DeckError::Parse {
            path: path.display().to_string(),
            line,
            column,
            message: "the file is not UTF-8 text".into(),
            fix: "save the file as UTF-8 text (most editors offer this under 'Save as' or 'Encoding')",
        }
    })
}

/// Reads and parses a deck file without checking it against an atlas (the presenter's own
/// deck kept by the app; it is checked when it is shown).
pub fn read(path: &Path) -> Result<Deck, DeckError> {
    let text = read_text(path)?;
    Deck::from_toml(&text, &path.display().to_string())
}

/// Reads, parses and checks a deck file against the atlas.
pub fn load(path: &Path, d: &Dataset) -> Result<Deck, DeckError> {
    let name = path.display().to_string();
    let text = read_text(path)?;
    let deck = Deck::from_toml(&text, &name)?;
    let problems = deck.problems_in_file(d, &name, &text);
    if problems.is_empty() {
        Ok(deck)
    } else {
        Err(DeckError::Invalid {
            path: name,
            problems,
        })
    }
}

/// Writes a deck atomically: the file on disk is always the old or the whole new deck.
pub fn save(path: &Path, deck: &Deck) -> Result<(), DeckError> {
    let text = deck.to_toml().map_err(|e| DeckError::Encode {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    Ok(crate::fsio::write_atomic(path, text.as_bytes())?)
}

/// Gives a deck path the `.toml` extension if it has none (file dialogs often drop it).
pub fn with_toml_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension("toml")
    }
}

/// The citations of a slide without repeats, in order.
pub fn unique_sources(sources: &[Citation]) -> Vec<&Citation> {
    let mut seen: Vec<&Citation> = Vec::new();
    for c in sources {
        if !seen
            .iter()
            .any(|s| s.source == c.source && s.lines == c.lines)
        {
            seen.push(c);
        }
    }
    seen
}

/// Which deck is chosen for presenting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeckChoice {
    Builtin(builtin::BuiltinDeck),
    Own,
}

impl Default for DeckChoice {
    fn default() -> Self {
        DeckChoice::Builtin(builtin::BuiltinDeck::ZuidHolland)
    }
}

/// True when `path` is a deck file rather than a dataset: a `.toml` file whose tables are
/// slides. Dropping a deck on the window opens it as a deck.
pub fn looks_like_deck(path: &Path) -> bool {
    use std::io::Read;
    let is_toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    let regular = std::fs::metadata(path).is_ok_and(|m| m.is_file());
    if !(is_toml && regular) {
        return false;
    }
    let mut head = String::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(64 * 1024).read_to_string(&mut head));
    read.is_ok()
        && head
            .lines()
            .any(|l| l.trim_start().starts_with("[[slide]]"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slide(title: &str) -> Slide {
        Slide {
            title: title.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_deck_survives_a_round_trip_through_toml() {
        let mut s = slide("Delft");
        s.caption = "Drones & \"quotes\"\nsecond line".into();
        s.camera = Some(SlideCamera {
            lon: 4.37,
            lat: 52.0,
            zoom: 10.5,
            width: Some(800.0),
            height: Some(600.0),
        });
        s.sectors.insert("robotics".into());
        s.layers.all_links = true;
        s.sources.push(Citation {
            source: "001".into(),
            section: Some("Tabel 1".into()),
            lines: Some([10, 12]),
            fields: vec![],
            note: None,
            reading: None,
        });
        let mut c = slide("Chart");
        c.view = SlideView::Chart;
        c.chart = Some(ChartKind::SurveyResults);
        c.topic = Some("zh-pc-robotics".into());
        let deck = Deck {
            title: "Mine".into(),
            slides: vec![s, c],
        };
        let text = deck.to_toml().expect("serialises");
        let back = Deck::from_toml(&text, "mine.toml").expect("parses");
        assert_eq!(back, deck);
    }

    #[test]
    fn a_truncated_deck_names_its_line() {
        let text = "title = \"x\"\n[[slide]]\ntitle = \"a\"\ncaption = \"unterminated\n";
        match Deck::from_toml(text, "d.toml") {
            Err(DeckError::Parse { line, path, .. }) => {
                assert_eq!(path, "d.toml");
                assert_eq!(line, 4);
            }
            other => panic!("expected a parse error, got {other:?}"),
        }
    }

    #[test]
    fn unknown_fields_are_refused_with_their_place() {
        let text = "title = \"x\"\n[[slide]]\ntitle = \"a\"\ncolour = 3\n";
        let e = Deck::from_toml(text, "d.toml").expect_err("unknown field");
        let msg = e.to_string();
        assert!(msg.starts_with("d.toml:4:"), "{msg}");
        assert!(msg.contains("colour"), "{msg}");
    }

    #[test]
    fn line_and_column_count_from_one() {
        assert_eq!(line_col("ab\ncd", 0), (1, 1));
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("ab", 99), (1, 3));
    }

    #[test]
    fn a_slide_may_fit_a_route_but_not_select_one() {
        let Ok(d) = crate::model::load_embedded() else {
            panic!("the embedded atlas loads");
        };
        let mut s = slide("Lelylijn");
        s.fit = vec!["nn-infra-lelylijn".into(), "nn-no-such-line".into()];
        s.highlight = vec!["nn-infra-lelylijn".into()];
        let deck = Deck {
            title: "Routes".into(),
            slides: vec![s],
        };
        let problems: Vec<String> = deck.check(&d.dataset).into_iter().map(|p| p.text).collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.contains("fit: \"nn-no-such-line\""))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("highlight: \"nn-infra-lelylijn\""))
        );
    }

    #[test]
    fn repeated_sources_are_shown_once() {
        let c = Citation {
            source: "001".into(),
            section: None,
            lines: Some([1, 2]),
            fields: vec![],
            note: None,
            reading: None,
        };
        let list = vec![c.clone(), c.clone()];
        assert_eq!(unique_sources(&list).len(), 1);
    }
}
