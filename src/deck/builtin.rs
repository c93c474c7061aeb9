//! The decks that come with the app, generated from the dataset: whatever the data says is
//! what the slides say, so a corrected dataset gives corrected slides without editing them.

use crate::atlas::agenda::{AgendaIndex, RecordRef, budget_text};
use crate::i18n::{count, tr};
use crate::model::{Citation, Dataset, Lang, Place, PlaceKind, Unit};
use crate::scene::LayerSettings;

use super::{ChartKind, Deck, Slide, SlideView, unique_sources};

/// The built-in decks, one per atlas region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BuiltinDeck {
    /// The Zuid-Holland story told at ROEM: hotspots, product chains, the survey.
    ZuidHolland,
    /// The MRA sub-regions and their accelerators.
    Mra,
    /// The northern clusters and the infrastructure they ask for.
    NoordNederland,
}

impl BuiltinDeck {
    pub const ALL: [BuiltinDeck; 3] = [
        BuiltinDeck::ZuidHolland,
        BuiltinDeck::Mra,
        BuiltinDeck::NoordNederland,
    ];

    /// The region the deck is about.
    pub fn region(self) -> &'static str {
        match self {
            BuiltinDeck::ZuidHolland => "zuid-holland",
            BuiltinDeck::Mra => "mra",
            BuiltinDeck::NoordNederland => "noord-nederland",
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            BuiltinDeck::ZuidHolland => tr(lang, "deck.zh.title"),
            BuiltinDeck::Mra => tr(lang, "deck.mra.title"),
            BuiltinDeck::NoordNederland => tr(lang, "deck.nn.title"),
        }
    }

    /// The deck for the data as it is now, in `lang`.
    pub fn generate(self, d: &Dataset, lang: Lang) -> Deck {
        let slides = match self {
            BuiltinDeck::ZuidHolland => zuid_holland(d, lang),
            BuiltinDeck::Mra => mra(d, lang),
            BuiltinDeck::NoordNederland => noord_nederland(d, lang),
        };
        Deck {
            title: self.title(lang).to_string(),
            slides,
        }
    }
}

/// Citations of a record that back any of `fields` (or the whole record), first few only:
/// a slide shows its sources in one small line.
fn cites_for(sources: &[Citation], fields: &[&str]) -> Vec<Citation> {
    let mut out: Vec<Citation> = sources
        .iter()
        .filter(|c| c.fields.is_empty() || c.fields.iter().any(|f| fields.contains(&f.as_str())))
        .cloned()
        .collect();
    if out.is_empty() {
        out = sources.to_vec();
    }
    out.truncate(3);
    out
}

fn region_name(d: &Dataset, id: &str, lang: Lang) -> String {
    d.region(id)
        .map_or_else(|| id.to_string(), |r| r.name.get(lang).to_string())
}

fn sector_names(d: &Dataset, ids: &[String], lang: Lang, max: usize) -> String {
    let names: Vec<&str> = ids
        .iter()
        .take(max)
        .filter_map(|s| d.sector(s))
        .map(|s| s.label.get(lang))
        .collect();
    names.join(", ")
}

/// `a, b and c` in the UI language.
fn list(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), tr(lang, "deck.and")),
    }
}

/// The text up to and including its first full stop (or all of it).
fn first_sentence(text: &str) -> String {
    match text.find(". ") {
        Some(i) => text[..=i].to_string(),
        None => text.to_string(),
    }
}

fn map_slide(title: String, caption: String) -> Slide {
    Slide {
        title,
        caption,
        view: SlideView::Map,
        layers: LayerSettings::default(),
        ..Default::default()
    }
}

fn chart_slide(title: String, caption: String, chart: ChartKind) -> Slide {
    Slide {
        title,
        caption,
        view: SlideView::Chart,
        chart: Some(chart),
        ..Default::default()
    }
}

fn places_of<'a>(d: &'a Dataset, region: &str, kind: PlaceKind) -> Vec<&'a Place> {
    let mut v: Vec<&Place> = d
        .places
        .iter()
        .filter(|p| p.region == region && p.kind == kind)
        .collect();
    v.sort_by_key(|p| (p.map_number.unwrap_or(u32::MAX), p.name.clone()));
    v
}

fn zuid_holland(d: &Dataset, lang: Lang) -> Vec<Slide> {
    let region = BuiltinDeck::ZuidHolland.region();
    let hotspots = places_of(d, region, PlaceKind::Hotspot);
    let mut slides = Vec::new();

    // Overview: where the hotspots are and how many companies they hold together.
    let total = d.totals.iter().find(|t| t.field == "companies");
    let mut s = map_slide(
        format!(
            "{} — {}",
            region_name(d, region, lang),
            tr(lang, "deck.zh.hotspots")
        ),
        match total {
            Some(t) => format!(
                "{} · {} {}",
                count(lang, hotspots.len(), "deck.hotspots_word"),
                t.value,
                tr(lang, "deck.companies_together")
            ),
            None => count(lang, hotspots.len(), "deck.hotspots_word"),
        },
    );
    s.fit = vec![region.to_string()];
    s.highlight = hotspots.iter().map(|p| p.id.clone()).collect();
    s.layers.minor_places = false;
    s.sources = total.map(|t| t.sources.clone()).unwrap_or_default();
    s.notes = d
        .region(region)
        .map(|r| r.description.get(lang).to_string())
        .unwrap_or_default();
    slides.push(s);

    // Each hotspot: anchors, fieldlabs, companies.
    for p in &hotspots {
        let mut parts = Vec::new();
        if !p.anchors.is_empty() {
            parts.push(format!(
                "{}: {}",
                tr(lang, "details.anchors"),
                p.anchors.join(", ")
            ));
        }
        if !p.fieldlabs.is_empty() {
            parts.push(format!(
                "{}: {}",
                tr(lang, "details.fieldlabs"),
                p.fieldlabs.join(", ")
            ));
        }
        if let Some(n) = p.companies {
            let mut c = count(lang, usize::try_from(n).unwrap_or(0), "map.companies");
            if !p.example_companies.is_empty() {
                let ex: Vec<String> = p.example_companies.iter().take(3).cloned().collect();
                c.push_str(&format!(", {} {}", tr(lang, "deck.such_as"), ex.join(", ")));
            }
            parts.push(c);
        }
        let title = match p.map_number {
            Some(n) => format!("{n}. {}", p.name),
            None => p.name.clone(),
        };
        let mut s = map_slide(title, parts.join(" · "));
        s.fit = vec![p.id.clone()];
        s.selection = Some(p.id.clone());
        s.notes = p.description.get(lang).to_string();
        s.sources = cites_for(&p.sources, &["anchors", "fieldlabs", "companies"]);
        slides.push(s);
    }

    if !hotspots.is_empty() {
        slides.extend(chart_slide_for(d, lang, ChartKind::HotspotCompanies, None));
    }

    // Product chains, and the hotspots whose break-outs discussed them.
    for chain in d.product_chains.iter().filter(|c| c.region == region) {
        let mut where_ids: Vec<String> = Vec::new();
        let mut sources = chain.sources.clone();
        for survey in &d.surveys {
            for x in survey.discussions.iter().filter(|x| x.topic == chain.id) {
                if !where_ids.contains(&x.place) {
                    where_ids.push(x.place.clone());
                }
                if let Some(c) = x.sources.first() {
                    sources.push(c.clone());
                }
            }
        }
        let names: Vec<String> = where_ids
            .iter()
            .filter_map(|id| d.place(id))
            .map(|p| p.name.clone())
            .collect();
        // The first sentence fits a slide; the whole description goes to the notes.
        let mut caption = first_sentence(chain.description.get(lang));
        if !names.is_empty() {
            caption.push_str(&format!(
                " {} {}.",
                tr(lang, "deck.discussed_at"),
                list(&names, lang)
            ));
        }
        let mut s = map_slide(
            format!("{}: {}", tr(lang, "deck.chain"), chain.name.get(lang)),
            caption,
        );
        s.highlight = where_ids.clone();
        s.fit = if where_ids.is_empty() {
            vec![region.to_string()]
        } else {
            where_ids
        };
        s.notes = chain.description.get(lang).to_string();
        s.layers.minor_places = false;
        sources.truncate(3);
        s.sources = sources;
        slides.push(s);
    }

    // The ROEM-II survey: attendance, results per topic, who discussed what.
    if d.surveys.iter().any(|x| x.region == region) {
        slides.extend(chart_slide_for(d, lang, ChartKind::SurveyAttendance, None));
        for survey in d.surveys.iter().filter(|x| x.region == region) {
            for id in d.survey_topics(survey) {
                slides.extend(chart_slide_for(d, lang, ChartKind::SurveyResults, Some(id)));
            }
        }
        slides.extend(chart_slide_for(d, lang, ChartKind::SurveyDiscussions, None));
    }
    slides
}

/// A slide of one chart with its title, caption and sources; `None` when the data has
/// nothing for it (no survey, no results on that topic).
pub fn chart_slide_for(
    d: &Dataset,
    lang: Lang,
    kind: ChartKind,
    topic: Option<&str>,
) -> Option<Slide> {
    let mut s = match kind {
        ChartKind::HotspotCompanies => {
            let mut s = chart_slide(
                tr(lang, "chart.companies").to_string(),
                tr(lang, "chart.companies_sub").to_string(),
                kind,
            );
            s.sources = d
                .totals
                .iter()
                .find(|t| t.field == "companies")
                .map(|t| t.sources.clone())
                .unwrap_or_default();
            s
        }
        ChartKind::SubRegionOverlap => {
            let mut s = chart_slide(
                tr(lang, "chart.overlap").to_string(),
                tr(lang, "deck.overlap_caption").to_string(),
                kind,
            );
            s.sources = d
                .places
                .iter()
                .filter(|p| p.kind == PlaceKind::SubRegion)
                // Every sub-region's sectors make the matrix: every one is cited.
                .filter_map(|p| cites_for(&p.sources, &["sectors"]).into_iter().next())
                .collect();
            s
        }
        ChartKind::SurveyAttendance => {
            let survey = d.surveys.iter().find(|x| x.attendance.is_some())?;
            let a = survey.attendance.as_ref()?;
            let mut s = chart_slide(
                format!("{} — {}", survey.name, tr(lang, "chart.attendance")),
                format!(
                    "{} {} {} {} ({}%)",
                    a.attended,
                    tr(lang, "deck.of"),
                    a.registered,
                    tr(lang, "deck.registered_came"),
                    a.percent
                ),
                kind,
            );
            s.sources = survey.sources.iter().take(2).cloned().collect();
            s
        }
        ChartKind::SurveyResults => {
            let results: Vec<_> = d
                .surveys
                .iter()
                .flat_map(|x| &x.results)
                .filter(|r| topic.is_none_or(|t| r.topic == t) && r.unit == Unit::Percent)
                .collect();
            let survey = d.surveys.first()?;
            if results.is_empty() {
                return None;
            }
            let name = match topic {
                Some(t) => d
                    .survey_topic_name(t, lang)
                    .unwrap_or(tr(lang, "chart.general")),
                None => tr(lang, "chart.survey"),
            };
            let mut s = chart_slide(
                format!("{} — {name}", survey.name),
                count(lang, results.len(), "deck.results_word"),
                kind,
            );
            s.topic = topic.map(str::to_string);
            let all: Vec<Citation> = results.iter().flat_map(|r| r.sources.clone()).collect();
            s.sources = unique_sources(&all).into_iter().take(3).cloned().collect();
            s
        }
        ChartKind::SurveyDiscussions => {
            let survey = d.surveys.iter().find(|x| !x.discussions.is_empty())?;
            let mut s = chart_slide(
                format!("{} — {}", survey.name, tr(lang, "chart.discussions")),
                String::new(),
                kind,
            );
            // The table shows every discussion, so every one is cited (the footer names each
            // document once, with its sections).
            s.sources = survey
                .discussions
                .iter()
                .filter_map(|x| x.sources.first().cloned())
                .collect();
            s
        }
    };
    s.view = SlideView::Chart;
    Some(s)
}

/// A map slide of an agenda record (a project sheet, focus theme or ask): its title, a caption
/// with owner, budget and timeline (or the ask's question, or the first sentence of its text),
/// its places ringed and fitted, and its sources. `None` for an unknown id or another kind.
pub fn agenda_slide(d: &Dataset, agenda: &AgendaIndex, id: &str, lang: Lang) -> Option<Slide> {
    let rec = agenda.get(id).filter(|r| r.kind.makes_slide())?;
    let data = rec.data(d)?;
    let caption = match data {
        RecordRef::ProjectSheet(sheet) => {
            let mut parts = vec![format!("{}: {}", tr(lang, "agenda.owner"), sheet.owner)];
            let budget = budget_text(sheet, lang).or_else(|| {
                let b = sheet.budget.as_ref()?;
                Some(first_sentence(b.summary.get(lang)))
            });
            if let Some(b) = budget {
                parts.push(format!("{}: {b}", tr(lang, "agenda.budget")));
            }
            if let Some(t) = &sheet.timeline {
                parts.push(format!("{}: {}", tr(lang, "agenda.timeline"), t.get(lang)));
            }
            parts.join(" · ")
        }
        RecordRef::Item(item) => item.question.as_ref().map_or_else(
            || first_sentence(item.summary.get(lang)),
            |q| q.get(lang).to_string(),
        ),
        other => first_sentence(other.summary().get(lang)),
    };
    let mut s = map_slide(data.title(lang), caption);
    s.notes = match data {
        RecordRef::ProjectSheet(sheet) => sheet
            .goals
            .iter()
            .map(|g| format!("• {}", g.get(lang)))
            .collect::<Vec<_>>()
            .join("\n"),
        other => other.summary().get(lang).to_string(),
    };
    s.highlight = rec.places.clone();
    s.fit = if rec.places.is_empty() {
        vec![rec.region.clone()]
    } else {
        rec.places.clone()
    };
    s.layers.routes = true;
    s.sources = unique_sources(data.sources())
        .into_iter()
        .take(3)
        .cloned()
        .collect();
    Some(s)
}

fn mra(d: &Dataset, lang: Lang) -> Vec<Slide> {
    let region = BuiltinDeck::Mra.region();
    let subs = places_of(d, region, PlaceKind::SubRegion);
    let mut slides = Vec::new();
    let members: usize = subs.iter().map(|p| p.members.len()).sum();
    let mut s = map_slide(
        format!(
            "{} — {}",
            region_name(d, region, lang),
            tr(lang, "deck.mra.sub_regions")
        ),
        format!(
            "{} {} · {} {}",
            subs.len(),
            tr(lang, "deck.sub_regions_word"),
            members,
            tr(lang, "deck.municipalities_word")
        ),
    );
    s.fit = vec![region.to_string()];
    s.layers.minor_places = false;
    s.sources = d
        .region(region)
        .map(|r| r.sources.iter().take(2).cloned().collect())
        .unwrap_or_default();
    slides.push(s);

    for p in &subs {
        let links = d
            .cross_pollinations
            .iter()
            .filter(|x| x.endpoints.contains(&p.id) || x.optional_endpoints.contains(&p.id))
            .count();
        let mut caption = format!(
            "{}: {}",
            tr(lang, "details.sectors"),
            sector_names(d, &p.sectors, lang, 6)
        );
        if links > 0 {
            caption.push_str(&format!(
                " · {links} {}",
                tr(lang, "deck.links_word").to_lowercase()
            ));
        }
        let mut s = map_slide(p.name.clone(), caption);
        s.fit = vec![p.id.clone()];
        s.selection = Some(p.id.clone());
        s.notes = p.description.get(lang).to_string();
        s.sources = cites_for(&p.sources, &["sectors"]);
        slides.push(s);
    }

    if subs.len() >= 2 {
        slides.extend(chart_slide_for(d, lang, ChartKind::SubRegionOverlap, None));
    }

    let mut accelerators: Vec<_> = d
        .accelerators
        .iter()
        .filter(|a| a.region == region)
        .collect();
    accelerators.sort_by_key(|a| a.number);
    for a in accelerators {
        let mut places: Vec<String> = Vec::new();
        for line in &a.lines {
            for id in &line.initiator_places {
                if !places.contains(id) {
                    places.push(id.clone());
                }
            }
        }
        let lines: Vec<String> = a.lines.iter().map(|l| l.title.clone()).collect();
        let mut s = map_slide(
            format!(
                "{} {}: {}",
                tr(lang, "deck.accelerator"),
                a.number,
                a.name.get(lang)
            ),
            first_sentence(a.goal.get(lang)),
        );
        s.notes = format!("{}\n\n{}", a.goal.get(lang), lines.join("\n"));
        s.highlight = places.clone();
        s.fit = if places.is_empty() {
            vec![region.to_string()]
        } else {
            places
        };
        s.layers.minor_places = false;
        s.sources = a.sources.iter().take(2).cloned().collect();
        slides.push(s);
    }

    let mut s = map_slide(
        tr(lang, "deck.links_word").to_string(),
        tr(lang, "deck.all_links_caption").to_string(),
    );
    s.fit = vec![region.to_string()];
    s.layers.all_links = true;
    s.layers.minor_places = false;
    s.sources = d
        .cross_pollinations
        .iter()
        .filter(|x| x.endpoints.iter().any(|e| subs.iter().any(|p| &p.id == e)))
        .filter_map(|x| x.sources.first().cloned())
        .take(3)
        .collect();
    slides.push(s);
    slides
}

fn noord_nederland(d: &Dataset, lang: Lang) -> Vec<Slide> {
    let region = BuiltinDeck::NoordNederland.region();
    let clusters = places_of(d, region, PlaceKind::Cluster);
    let mut slides = Vec::new();
    let mut s = map_slide(
        format!(
            "{} — {}",
            region_name(d, region, lang),
            tr(lang, "deck.nn.clusters")
        ),
        format!(
            "{} {}: {}",
            clusters.len(),
            tr(lang, "deck.clusters_word"),
            list(
                &clusters.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
                lang
            )
        ),
    );
    s.fit = vec![region.to_string()];
    s.highlight = clusters.iter().map(|p| p.id.clone()).collect();
    s.sources = d
        .region(region)
        .map(|r| r.sources.iter().take(2).cloned().collect())
        .unwrap_or_default();
    slides.push(s);

    // Sites by parent in one pass: a scan per cluster grows with clusters × places, which
    // took seconds at 100,000 places before the window could show them.
    let mut sites_of: std::collections::HashMap<&str, Vec<&Place>> =
        std::collections::HashMap::new();
    for p in &d.places {
        if let Some(parent) = p.parent.as_deref() {
            sites_of.entry(parent).or_default().push(p);
        }
    }
    for c in &clusters {
        let sites: Vec<&Place> = sites_of.get(c.id.as_str()).cloned().unwrap_or_default();
        let mut caption = format!(
            "{}: {}",
            tr(lang, "details.sectors"),
            sector_names(d, &c.sectors, lang, 5)
        );
        if !sites.is_empty() {
            let names: Vec<String> = sites.iter().map(|p| p.name.clone()).collect();
            caption.push_str(&format!(
                " · {}: {}",
                tr(lang, "deck.sites"),
                list(&names, lang)
            ));
        }
        let mut s = map_slide(c.name.clone(), caption);
        s.selection = Some(c.id.clone());
        s.fit = std::iter::once(c.id.clone())
            .chain(sites.iter().map(|p| p.id.clone()))
            .collect();
        s.highlight = sites.iter().map(|p| p.id.clone()).collect();
        s.notes = c.description.get(lang).to_string();
        s.sources = cites_for(&c.sources, &["sectors"]);
        slides.push(s);
    }

    for ask in d.infrastructure.iter().filter(|a| a.region == region) {
        let places: Vec<String> = ask
            .connects
            .iter()
            .filter(|id| d.place(id).is_some())
            .cloned()
            .collect();
        let mut s = map_slide(
            format!("{}: {}", tr(lang, "deck.ask"), ask.name),
            ask.ask.get(lang).to_string(),
        );
        s.highlight = places.clone();
        s.fit = if places.is_empty() {
            vec![region.to_string()]
        } else {
            places
        };
        // A line such as the Lelylijn is what the ask is about: the map shows all of it.
        if ask.route.is_some() {
            s.fit.push(ask.id.clone());
        }
        s.layers.routes = true;
        s.layers.minor_places = false;
        s.sources = ask.sources.iter().take(2).cloned().collect();
        slides.push(s);
    }
    slides
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        crate::model::load_embedded()
            .expect("the embedded atlas loads")
            .dataset
    }

    #[test]
    fn every_built_in_deck_fits_the_atlas_in_both_languages() {
        let d = data();
        for deck in BuiltinDeck::ALL {
            for lang in [Lang::Nl, Lang::En] {
                let generated = deck.generate(&d, lang);
                assert!(generated.slides.len() >= 5, "{deck:?}");
                assert_eq!(generated.problems(&d), Vec::<String>::new(), "{deck:?}");
                for s in &generated.slides {
                    assert!(!s.title.is_empty());
                    assert!(
                        !s.sources.is_empty(),
                        "{deck:?} slide {:?} has no source",
                        s.title
                    );
                }
            }
        }
    }

    #[test]
    fn the_zuid_holland_deck_walks_the_nine_hotspots_in_map_order() {
        let d = data();
        let deck = BuiltinDeck::ZuidHolland.generate(&d, Lang::Nl);
        let hotspot_slides: Vec<&Slide> = deck
            .slides
            .iter()
            .filter(|s| {
                s.selection
                    .as_deref()
                    .and_then(|id| d.place(id))
                    .is_some_and(|p| p.kind == PlaceKind::Hotspot)
            })
            .collect();
        assert_eq!(hotspot_slides.len(), 9);
        assert!(hotspot_slides[0].title.starts_with("1. "));
        assert!(hotspot_slides[8].title.starts_with("9. "));
        // Company counts come from the data.
        for s in hotspot_slides {
            let p = s.selection.as_deref().and_then(|id| d.place(id));
            let n = p.and_then(|p| p.companies).expect("hotspots have counts");
            assert!(
                s.caption.contains(&format!("{n} bedrijven")),
                "{}",
                s.caption
            );
        }
        let charts: Vec<ChartKind> = deck.slides.iter().filter_map(|s| s.chart).collect();
        for kind in [
            ChartKind::HotspotCompanies,
            ChartKind::SurveyAttendance,
            ChartKind::SurveyResults,
            ChartKind::SurveyDiscussions,
        ] {
            assert!(charts.contains(&kind), "{kind:?} missing");
        }
    }

    #[test]
    fn a_changed_dataset_changes_the_slides() {
        let mut d = data();
        let hotspot = d
            .places
            .iter_mut()
            .find(|p| p.kind == PlaceKind::Hotspot)
            .expect("a hotspot");
        hotspot.companies = Some(777);
        let id = hotspot.id.clone();
        let deck = BuiltinDeck::ZuidHolland.generate(&d, Lang::En);
        let s = deck
            .slides
            .iter()
            .find(|s| s.selection.as_deref() == Some(id.as_str()))
            .expect("a slide for the hotspot");
        assert!(s.caption.contains("777 companies"), "{}", s.caption);
    }

    #[test]
    fn a_project_sheet_becomes_a_slide_of_its_places_budget_and_timeline() {
        let d = data();
        let agenda = AgendaIndex::new(&d);
        let s = agenda_slide(&d, &agenda, "zh-ps-2-1-3-fraim", Lang::Nl).expect("a slide");
        assert!(s.caption.contains("Stichting RoboValley"), "{}", s.caption);
        assert!(s.caption.contains("€ 450.000"), "{}", s.caption);
        assert!(s.caption.contains("2,5 jaar"), "{}", s.caption);
        assert!(s.highlight.contains(&"zh-robohouse".to_string()));
        assert_eq!(s.fit, s.highlight);
        assert!(!s.sources.is_empty());
        let deck = Deck {
            title: "t".into(),
            slides: vec![s],
        };
        assert_eq!(deck.problems(&d), Vec::<String>::new());
        // A route without places fits its region; an instrument makes no slide.
        let rail = agenda_slide(&d, &agenda, "nn-infra-bestaand-spoor", Lang::En).expect("ask");
        assert_eq!(rail.fit, vec!["noord-nederland".to_string()]);
        assert!(agenda_slide(&d, &agenda, "mra-fin-inh", Lang::Nl).is_none());
    }

    #[test]
    fn a_caption_keeps_the_first_sentence() {
        assert_eq!(first_sentence("One. Two."), "One.");
        assert_eq!(first_sentence("Only one"), "Only one");
    }

    #[test]
    fn lists_read_naturally() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(list(&v(&["a"]), Lang::En), "a");
        assert_eq!(list(&v(&["a", "b", "c"]), Lang::En), "a, b and c");
        assert_eq!(list(&v(&["a", "b"]), Lang::Nl), "a en b");
    }
}
