//! The Agenda view through the accessibility tree, at the two laptop sizes the atlas must be
//! readable at (1366×768 and 1280×720): every kind of record is reached in at most two clicks
//! from the start screen and by search, selecting a project sheet rings its partners on the
//! map, a place's details list its projects, and the routes are found by name.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use innovation_atlas::app::AtlasApp;
use innovation_atlas::state::Mode;

mod common;

const SIZES: [(f32, f32); 2] = [(1366.0, 768.0), (1280.0, 720.0)];

/// A user's clicks, counted.
struct Clicks<'h> {
    h: &'h mut Harness<'static, AtlasApp>,
    n: usize,
}

impl Clicks<'_> {
    /// Clicks the first node labelled exactly `label`, scrolling it into view first.
    fn on(&mut self, label: &str) {
        self.h
            .query_all_by_label(label)
            .next()
            .unwrap_or_else(|| panic!("nothing labelled {label:?}"))
            .scroll_to_me();
        self.h.run();
        self.h
            .query_all_by_label(label)
            .next()
            .unwrap_or_else(|| panic!("nothing labelled {label:?} after scrolling"))
            .click();
        self.h.run();
        self.n += 1;
    }

    /// Clicks the node labelled `label` that lies in the Agenda view's column (its region
    /// picker, not the tool bar's button of the same name, nor the legend's layer switch).
    fn on_in_agenda(&mut self, label: &str) {
        let area = self
            .h
            .state()
            .views
            .agenda
            .last_rect
            .expect("the agenda is on screen");
        let node = self
            .h
            .query_all_by_label(label)
            .filter(|n| {
                let c = n.rect().center();
                area.x_range().contains(c.x) && c.y < area.max.y
            })
            .max_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
            .unwrap_or_else(|| panic!("nothing labelled {label:?} in the agenda"));
        node.click();
        self.h.run();
        self.n += 1;
    }
}

fn selection(h: &Harness<'static, AtlasApp>) -> Option<String> {
    h.state().state.selection().map(str::to_string)
}

fn shows(h: &Harness<'static, AtlasApp>, text: &str) -> bool {
    common::shows(h, text)
}

/// Types `query` into the search box and clicks the result row that contains `row`.
fn search_pick(h: &mut Harness<'static, AtlasApp>, query: &str, row: &str) {
    h.state_mut().views.search.query.clear();
    h.run();
    let field = h.get_by_label("Zoeken");
    field.focus();
    field.type_text(query);
    h.run();
    h.query_all_by_label_contains(row)
        .next()
        .unwrap_or_else(|| panic!("no search result {row:?} for {query:?}"))
        .click();
    h.run();
}

#[test]
fn a_focus_theme_is_two_clicks_away_and_found_by_search() {
    for (w, ht) in SIZES {
        let mut h = common::harness(egui::vec2(w, ht));
        let mut c = Clicks { h: &mut h, n: 0 };
        c.on("Agenda");
        assert_eq!(c.h.state().state.settings.mode, Mode::Agenda);
        c.on("Leven Lang Ontwikkelen");
        assert!(c.n <= 2);
        assert_eq!(selection(&h).as_deref(), Some("zh-theme-lifelong-learning"));
        assert!(
            shows(&h, "Focusthema · Zuid-Holland"),
            "details of the theme"
        );
        // By search, from the start screen.
        let mut h = common::harness(egui::vec2(w, ht));
        search_pick(
            &mut h,
            "circulaire grondstoffen",
            "Circulaire grondstoffen en warmte · Focusthema",
        );
        assert_eq!(selection(&h).as_deref(), Some("zh-theme-circular-heat"));
        assert!(
            !h.state().state.scene.subjects.is_empty(),
            "the theme's places are ringed"
        );
    }
}

#[test]
fn a_project_sheet_is_found_by_its_owner_and_its_budget() {
    for (w, ht) in SIZES {
        let mut h = common::harness(egui::vec2(w, ht));
        let mut c = Clicks { h: &mut h, n: 0 };
        c.on("Agenda");
        // The card shows the owner and the budget as the sheet states them.
        assert!(shows(
            c.h,
            "Stichting RoboValley (handelsnamen RoboHouse en FRAIM)"
        ));
        c.h.get_by_label("€ 450.000");
        c.on("FRAIM: werkproces symbiotisch robotiseren");
        assert!(c.n <= 2);
        assert_eq!(selection(&h).as_deref(), Some("zh-ps-2-1-3-fraim"));
        assert!(shows(&h, "Projectfiche · Zuid-Holland"));
        assert!(shows(&h, "Kernteam:"), "the selected sheet opens in full");
        // By search: the owner, a partner, the budget.
        let mut h = common::harness(egui::vec2(w, ht));
        search_pick(
            &mut h,
            "RoboValley",
            "FRAIM: werkproces symbiotisch robotiseren · Projectfiche",
        );
        assert_eq!(selection(&h).as_deref(), Some("zh-ps-2-1-3-fraim"));
        search_pick(&mut h, "930.000", "· Projectfiche");
        assert_eq!(selection(&h).as_deref(), Some("zh-ps-2-4-3-hotspots-brand"));
        search_pick(&mut h, "Technolution", "LaserSatCom · Projectfiche");
        assert_eq!(selection(&h).as_deref(), Some("zh-ps-2-1-2-lasersatcom"));
    }
}

#[test]
fn an_mra_financing_instrument_is_two_clicks_away_and_found_by_search() {
    for (w, ht) in SIZES {
        // From the start screen's "agenda per region" list.
        let mut h = common::harness(egui::vec2(w, ht));
        let mut c = Clicks { h: &mut h, n: 0 };
        c.on("→ Metropoolregio Amsterdam");
        c.on("Innovatiefonds Noord-Holland");
        assert!(c.n <= 2);
        assert_eq!(selection(&h).as_deref(), Some("mra-fin-inh"));
        assert!(
            shows(&h, "Provincie Noord-Holland (opdrachtgever)"),
            "who runs it"
        );
        // Through the tab and the region picker the instrument and who runs it are on screen.
        let mut h = common::harness(egui::vec2(w, ht));
        let mut c = Clicks { h: &mut h, n: 0 };
        c.on("Agenda");
        c.on_in_agenda("Metropoolregio Amsterdam");
        assert_eq!(c.n, 2);
        assert!(shows(c.h, "Groeifonds Flevoland"));
        assert!(shows(c.h, "ROM Horizon"));
        // By search, by name and by abbreviation.
        let mut h = common::harness(egui::vec2(w, ht));
        search_pick(
            &mut h,
            "innovatiefonds",
            "Innovatiefonds Noord-Holland · Financieringsinstrument",
        );
        assert_eq!(selection(&h).as_deref(), Some("mra-fin-inh"));
        search_pick(
            &mut h,
            "EFRO",
            "EFRO (Kansen voor West) · Financieringsinstrument",
        );
        assert_eq!(
            selection(&h).as_deref(),
            Some("mra-fin-efro-kansen-voor-west")
        );
    }
}

#[test]
fn a_northern_ask_is_two_clicks_away_and_found_by_search() {
    for (w, ht) in SIZES {
        let mut h = common::harness(egui::vec2(w, ht));
        let mut c = Clicks { h: &mut h, n: 0 };
        c.on("→ Noord-Nederland");
        c.on("4. Talent");
        assert!(c.n <= 2);
        assert_eq!(selection(&h).as_deref(), Some("nn-ask-4"));
        assert!(shows(&h, "Talentacties"), "the talent actions under ask 4");
        let mut h = common::harness(egui::vec2(w, ht));
        search_pick(
            &mut h,
            "beleids- en investeringslogica",
            "Ontwikkel een nieuwe beleids- en investeringslogica · Vraag aan het Rijk",
        );
        assert_eq!(selection(&h).as_deref(), Some("nn-ask-2"));
    }
}

#[test]
fn selecting_a_project_sheet_rings_its_partners_on_the_map() {
    for (w, ht) in SIZES {
        let mut h = common::harness(egui::vec2(w, ht));
        let mut c = Clicks { h: &mut h, n: 0 };
        c.on("Agenda");
        let before = c.h.state().map.current_view().zoom;
        c.on("Programmastructuur voor regionale aansluiting bij en versterking van LaserSatCom");
        h.run();
        let app = h.state();
        let after = app.map.current_view().zoom;
        assert!(
            after > before + 0.5,
            "the map zooms in on the partners: {before} → {after}"
        );
        assert_eq!(app.state.selection(), Some("zh-ps-2-1-2-lasersatcom"));
        let subjects = &app.state.scene.subjects;
        for p in [
            "zh-tno-delft",
            "zh-nl-space-campus",
            "zh-airbus-ds",
            "zh-isispace",
        ] {
            assert!(
                subjects.iter().any(|s| s == p),
                "{p} not ringed: {subjects:?}"
            );
        }
        // The map below the agenda flew to them and drew each one's marker.
        let drawn: Vec<usize> = app.map.last_frame.markers.iter().map(|m| m.0).collect();
        for p in subjects {
            let i = app.state.atlas.place_idx(p).expect("a place");
            assert!(drawn.contains(&i), "{p} is not drawn on the map");
        }
        let subject_labels = app
            .map
            .last_frame
            .placed_labels
            .iter()
            .filter(|l| l.1 == innovation_atlas::map::layer::LabelStyle::Subject)
            .count();
        assert!(subject_labels >= 1, "the ringed places are labelled first");
    }
}

#[test]
fn a_places_details_list_its_projects_and_lead_to_them() {
    for (w, ht) in SIZES {
        let mut h = common::harness(egui::vec2(w, ht));
        common::search(&mut h, "NL Space Campus");
        assert_eq!(selection(&h).as_deref(), Some("zh-nl-space-campus"));
        assert!(shows(&h, "In de agenda"));
        let mut c = Clicks { h: &mut h, n: 0 };
        c.on("→ Programmastructuur voor regionale aansluiting bij en versterking van LaserSatCom");
        assert_eq!(selection(&h).as_deref(), Some("zh-ps-2-1-2-lasersatcom"));
        // And back: the sheet's details link to its places.
        assert!(shows(&h, "Op de kaart:"));
        h.query_all_by_label("TNO")
            .next()
            .expect("a link to the owner");
    }
}

#[test]
fn the_routes_are_found_by_search() {
    for (w, ht) in SIZES {
        let mut h = common::harness(egui::vec2(w, ht));
        common::search(&mut h, "Lelylijn");
        assert_eq!(selection(&h).as_deref(), Some("nn-infra-lelylijn"));
        assert!(shows(&h, "Infrastructuurwens · Noord-Nederland"));
        search_pick(
            &mut h,
            "Nedersaksenlijn",
            "Nedersaksenlijn · Infrastructuurwens",
        );
        assert_eq!(selection(&h).as_deref(), Some("nn-infra-nedersaksenlijn"));
        search_pick(
            &mut h,
            "Oude Lijn",
            "Lightrail Leiden - Dordrecht · Focusthema",
        );
        assert_eq!(selection(&h).as_deref(), Some("zh-theme-light-rail"));
    }
}

#[test]
fn a_sheet_a_theme_and_an_ask_become_slides_of_ones_own_deck() {
    let mut h = common::harness(egui::vec2(1366.0, 768.0));
    for (query, row, id) in [
        (
            "RoboValley",
            "FRAIM: werkproces symbiotisch robotiseren · Projectfiche",
            "zh-ps-2-1-3-fraim",
        ),
        (
            "Oude Lijn",
            "Lightrail Leiden - Dordrecht · Focusthema",
            "zh-theme-light-rail",
        ),
        (
            "Nationaal digitaal",
            "3.2 Nationaal digitaal · Vraag aan het Rijk",
            "zh-ask-3-2",
        ),
    ] {
        search_pick(&mut h, query, row);
        assert_eq!(selection(&h).as_deref(), Some(id));
        // The details panel has the one button.
        h.get_by_label("Als dia toevoegen").click();
        h.run();
    }
    let app = h.state();
    let deck = app.state.settings.own_deck.as_ref().expect("an own deck");
    assert_eq!(deck.slides.len(), 3);
    let sheet = &deck.slides[0];
    assert_eq!(sheet.title, "FRAIM: werkproces symbiotisch robotiseren");
    assert!(
        sheet.caption.contains("Eigenaar: Stichting RoboValley"),
        "{}",
        sheet.caption
    );
    assert!(
        sheet.caption.contains("Budget: € 450.000"),
        "{}",
        sheet.caption
    );
    assert!(sheet.caption.contains("Tijdlijn:"), "{}", sheet.caption);
    assert_eq!(
        sheet.highlight,
        app.state.atlas.agenda.places_of("zh-ps-2-1-3-fraim")
    );
    assert!(sheet.highlight.iter().any(|p| p == "zh-robohouse"));
    assert!(!sheet.sources.is_empty());
    assert_eq!(deck.problems(app.state.atlas.data()), Vec::<String>::new());
}

#[test]
fn the_current_view_with_a_record_selected_makes_a_valid_slide() {
    let mut h = common::harness(egui::vec2(1366.0, 768.0));
    search_pick(&mut h, "Lelylijn", "Lelylijn · Infrastructuurwens");
    h.state_mut()
        .apply(innovation_atlas::command::Command::AddCurrentViewAsSlide);
    h.run();
    let app = h.state();
    let deck = app.state.settings.own_deck.as_ref().expect("an own deck");
    let slide = deck.slides.last().expect("a slide");
    assert_eq!(slide.title, "Lelylijn");
    assert_eq!(
        slide.selection, None,
        "an agenda id is no place for a slide"
    );
    assert!(slide.highlight.iter().any(|p| p == "nn-lsh-groningen"));
    assert!(!slide.sources.is_empty());
    assert_eq!(deck.problems(app.state.atlas.data()), Vec::<String>::new());
}

#[test]
fn every_region_fits_the_column_at_laptop_sizes() {
    for (w, ht) in SIZES {
        let mut h = common::harness(egui::vec2(w, ht));
        let mut c = Clicks { h: &mut h, n: 0 };
        c.on("Agenda");
        for region in [
            "Zuid-Holland",
            "Metropoolregio Amsterdam",
            "Noord-Nederland",
        ] {
            c.on_in_agenda(region);
            // Open the sections that start closed, so their lists are measured too.
            for section in [
                "Leiderschap en organisatie",
                "Talent en techniekpromotie",
                "ROEM-II: wat deelnemers zeiden",
            ] {
                if c.h.query_all_by_label(section).next().is_some() {
                    c.on(section);
                }
            }
            let view = &c.h.state().views.agenda;
            let (area, content) = (
                view.last_rect.expect("drawn"),
                view.last_content.expect("drawn"),
            );
            assert!(
                content.x <= area.width() + 0.5,
                "{region} at {w}×{ht}: content {content:?} is wider than the column {area:?}"
            );
            assert!(
                area.width() >= 500.0,
                "{region} at {w}×{ht}: column {area:?}"
            );
        }
    }
}

#[test]
fn the_talent_initiatives_filter_by_kind_and_area() {
    use egui::accesskit::Role;
    let mut h = common::harness(egui::vec2(1366.0, 768.0));
    let mut c = Clicks { h: &mut h, n: 0 };
    c.on("Agenda");
    c.on("Talent en techniekpromotie");
    assert!(shows(c.h, "Platform Talent voor Technologie"));
    assert!(shows(c.h, "Game on"));
    let all = c.h.state().state.atlas.data().talent_initiatives.len();
    assert!(shows(c.h, &format!("{all} initiatieven")));
    c.h.get_by_role_and_label(Role::ComboBox, "Soort:").click();
    c.h.run();
    c.on("Techniekfestival");
    assert!(shows(c.h, "Game on"), "a festival");
    assert!(!shows(c.h, &format!("{all} initiatieven")));
    assert!(
        !shows(c.h, "Platform Talent voor Technologie"),
        "a network is no festival"
    );
    c.h.get_by_role_and_label(Role::ComboBox, "Soort:").click();
    c.h.run();
    c.on("Alle");
    c.h.get_by_role_and_label(Role::ComboBox, "Gebied:").click();
    c.h.run();
    c.on("Westland en omgeving");
    let d = c.h.state().state.atlas.data();
    let westland = d
        .talent_initiatives
        .iter()
        .filter(|t| {
            let area = t.table_row.as_ref().and_then(|r| r.area.as_ref());
            let scope = t.network.as_ref().map(|n| &n.scope);
            area.into_iter()
                .chain(scope)
                .any(|a| a.nl == "Westland en omgeving")
        })
        .count();
    assert!((2..all).contains(&westland), "{westland}");
    assert!(shows(c.h, &format!("{westland} initiatieven")));
    assert!(shows(c.h, "Westland on Stage"));
    assert!(!shows(c.h, "Game on"), "another area");
}

#[test]
fn on_a_narrow_window_the_chosen_card_opens_in_place() {
    // Below 1100 points the details panel stays closed outside the map, so the card opens.
    let mut h = common::harness(egui::vec2(1024.0, 700.0));
    let mut c = Clicks { h: &mut h, n: 0 };
    c.on("Agenda");
    assert!(!shows(c.h, "Kernteam:"));
    c.on("FRAIM: werkproces symbiotisch robotiseren");
    assert_eq!(selection(&h).as_deref(), Some("zh-ps-2-1-3-fraim"));
    assert!(shows(&h, "Kernteam:"), "the chosen sheet in full");
    assert!(
        !shows(&h, "Projectfiche · Zuid-Holland"),
        "no details panel"
    );
    let view = &h.state().views.agenda;
    let (area, content) = (
        view.last_rect.expect("drawn"),
        view.last_content.expect("drawn"),
    );
    assert!(content.x <= area.width() + 0.5, "{content:?} in {area:?}");
}

/// Every node label of the Agenda view (each region with its closed sections opened) and of
/// the details of a chosen record of each kind.
fn agenda_labels(lang_button: Option<&str>) -> Vec<String> {
    use egui_kittest::kittest::NodeT as _;
    use innovation_atlas::i18n::tr;
    let mut h = common::harness(egui::vec2(1366.0, 768.0));
    let mut c = Clicks { h: &mut h, n: 0 };
    if let Some(b) = lang_button {
        c.on(b);
    }
    c.on("Agenda");
    let lang = c.h.state().state.lang();
    let pages: [(&str, &[&str], &[&str]); 3] = [
        (
            "zuid-holland",
            &[
                "agenda.sec.leadership",
                "agenda.sec.talent",
                "agenda.sec.roem",
            ],
            &[
                "zh-ps-2-1-3-fraim",
                "zh-gov-taskforce",
                "zh-talent-game-on",
                "zh-ask-3-1",
            ],
        ),
        ("mra", &[], &["mra-fin-inh", "mra-v2", "mra-pillar-1"]),
        ("noord-nederland", &[], &["nn-ask-4", "nn-infra-lelylijn"]),
    ];
    let mut labels = Vec::new();
    for (region, closed, records) in pages {
        let name = c.h.state().state.atlas.name_of(region, lang);
        c.on_in_agenda(&name);
        for key in closed {
            // The table of contents comes first: it opens the section.
            c.on(tr(lang, key));
        }
        for id in records {
            c.h.state_mut()
                .apply(innovation_atlas::command::Command::Focus(id.to_string()));
            c.h.run();
            // A plain label keeps its text as the node's value.
            labels.extend(c.h.query_all(egui_kittest::kittest::by()).filter_map(|n| {
                let node = n.accesskit_node();
                let text = if node.role() == egui::accesskit::Role::Label {
                    node.value()
                } else {
                    node.label()
                };
                text.map(|l| l.to_string())
            }));
        }
    }
    labels
}

/// UI strings of `lang` that the other language says differently.
fn ui_strings_only_in(lang: innovation_atlas::model::Lang) -> Vec<&'static str> {
    use innovation_atlas::i18n::{keys, tr};
    use innovation_atlas::model::Lang;
    let other = match lang {
        Lang::Nl => Lang::En,
        Lang::En => Lang::Nl,
    };
    keys(lang)
        .into_iter()
        .filter(|k| k.starts_with("agenda.") || k.starts_with("search.field."))
        .map(|k| (tr(lang, k), tr(other, k)))
        .filter(|(a, b)| a != b && a.chars().count() >= 3)
        .map(|(a, _)| a)
        .collect()
}

#[test]
fn no_english_in_the_dutch_agenda_and_no_dutch_in_the_english_one() {
    use innovation_atlas::model::Lang;
    for (button, foreign) in [(None, Lang::En), (Some("English"), Lang::Nl)] {
        let labels = agenda_labels(button);
        assert!(labels.len() > 500, "{} labels", labels.len());
        let strings = ui_strings_only_in(foreign);
        for l in &labels {
            for s in &strings {
                let hit = l == s
                    || l.starts_with(&format!("{s}:"))
                    || l.contains(&format!(" · {s}"))
                    || l.ends_with(&format!("({s})"));
                assert!(!hit, "{foreign:?} UI text {s:?} in {l:?}");
            }
        }
    }
}
