//! The embedded atlas holds what the seed documents say, complete and traceable.

use std::collections::BTreeSet;

use innovation_atlas::model::{self, Dataset, PlaceKind};

fn atlas() -> Dataset {
    match model::load_embedded() {
        Ok(l) => l.dataset,
        Err(e) => {
            let list: Vec<String> = e.problems.iter().map(ToString::to_string).collect();
            panic!("embedded atlas invalid:\n{}", list.join("\n"));
        }
    }
}

#[test]
fn the_nine_hidelta_hotspots_carry_their_tabel_1_values() {
    let d = atlas();
    // (id, companies, Kaart 2 number, town, an anchor, a fieldlab)
    let expected = [
        (
            "zh-nl-space-campus",
            70,
            1,
            "Noordwijk",
            "ESA-ESTEC",
            "Avatar",
        ),
        (
            "zh-unmanned-valley",
            20,
            2,
            "Katwijk",
            "TU Delft",
            "Unmanned Valley",
        ),
        ("zh-tpy", 25, 3, "Den Haag", "Airborne", "DFC"),
        ("zh-robohouse", 50, 4, "Delft", "TU Delft", "RoboHouse"),
        (
            "zh-quantum-campus",
            10,
            5,
            "Delft",
            "TNO",
            "House of Quantum",
        ),
        ("zh-makersdistrict", 125, 6, "Rotterdam", "ECE", "RAMLAB"),
        ("zh-mics", 30, 7, "Schiedam", "Schiedam", "MICS"),
        (
            "zh-smart-campus-leerpark",
            150,
            8,
            "Dordrecht",
            "Da Vinci College",
            "Duurzaamheidsfabriek",
        ),
        (
            "zh-ih-zuid-holland-oost",
            70,
            9,
            "Gouda",
            "Technolution",
            "CIV Smart Technology",
        ),
    ];
    let hotspots: Vec<_> = d
        .places
        .iter()
        .filter(|p| p.kind == PlaceKind::Hotspot && p.region == "zuid-holland")
        .collect();
    assert_eq!(hotspots.len(), 9, "Zuid-Holland has nine HIDelta hotspots");
    for (id, companies, number, town, anchor, fieldlab) in expected {
        let p = d
            .place(id)
            .unwrap_or_else(|| panic!("hotspot {id} missing"));
        assert_eq!(p.kind, PlaceKind::Hotspot, "{id}");
        assert_eq!(p.town.as_deref(), Some(town), "{id} town");
        assert!(
            p.anchors.iter().any(|a| a == anchor),
            "{id} anchors {:?}",
            p.anchors
        );
        assert!(
            p.fieldlabs.iter().any(|f| f == fieldlab),
            "{id} fieldlabs {:?}",
            p.fieldlabs
        );
        assert_eq!(p.companies, Some(companies), "{id} companies");
        assert_eq!(p.map_number, Some(number), "{id} Kaart 2 number");
        assert!(!p.example_companies.is_empty(), "{id} example companies");
        assert!(
            p.sources.iter().any(|c| c.source == "seed-001"),
            "{id} cites the ActieAgenda"
        );
    }
    let total: i64 = hotspots.iter().filter_map(|p| p.companies).sum();
    assert_eq!(total, 550, "Tabel 1 'Project totaal'");
    let t = d
        .totals
        .iter()
        .find(|t| t.id == "zh-tabel1-companies")
        .expect("Tabel 1 total");
    assert_eq!(t.value, 550);
    // The OCR traps: Deck180 is a company, not a count; Unmanned Valley has 20 companies.
    let uv = d.place("zh-unmanned-valley").expect("UV");
    assert!(
        uv.example_companies
            .iter()
            .any(|c| c.replace(' ', "") == "Deck180")
    );
}

#[test]
fn hotspots_carry_the_aliases_of_001_and_004() {
    let d = atlas();
    let has = |id: &str, alias: &str| {
        d.place(id)
            .is_some_and(|p| p.name == alias || p.aliases.iter().any(|a| a == alias))
    };
    assert!(has("zh-robohouse", "RoboValley"));
    assert!(has("zh-smart-campus-leerpark", "Leerfabriek Dordrecht"));
    assert!(has("zh-smart-campus-leerpark", "HI Campus Dordrecht"));
    assert!(has("zh-tpy", "Technology Park Ypenburg"));
    assert!(has(
        "zh-ih-zuid-holland-oost",
        "InnovatieHotspot Zuid-Holland Oost"
    ));
}

#[test]
fn positions_are_at_the_campus_not_the_town_centre() {
    let d = atlas();
    let km = |a: (f64, f64), b: (f64, f64)| {
        let dy = (a.0 - b.0) * 111.2;
        let dx = (a.1 - b.1) * 111.2 * (a.0.to_radians()).cos();
        (dx * dx + dy * dy).sqrt()
    };
    let tpy = d.place("zh-tpy").expect("TPY");
    // Den Haag centre is 52.078, 4.310; Ypenburg lies some 5 km south-east.
    assert!(km((tpy.position.lat, tpy.position.lon), (52.078, 4.310)) > 3.0);
    let uv = d.place("zh-unmanned-valley").expect("UV");
    // Katwijk centre 52.203, 4.399; the former Valkenburg air base is ~4 km away.
    assert!(km((uv.position.lat, uv.position.lon), (52.203, 4.399)) > 2.5);
    let rh = d.place("zh-robohouse").expect("RH");
    let qc = d.place("zh-quantum-campus").expect("QC");
    assert!(
        km(
            (rh.position.lat, rh.position.lon),
            (qc.position.lat, qc.position.lon)
        ) > 0.3
    );
}

#[test]
fn the_seven_mra_sub_regions_have_their_thirty_municipalities() {
    let d = atlas();
    let subs: Vec<_> = d
        .places
        .iter()
        .filter(|p| p.kind == PlaceKind::SubRegion)
        .collect();
    assert_eq!(subs.len(), 7);
    let expected = [
        ("mra-almere-lelystad", 2),
        ("mra-amstelland-meerlanden", 6),
        ("mra-amsterdam", 1),
        ("mra-gooi-vechtstreek", 6),
        ("mra-ijmond", 4),
        ("mra-zaanstreek-waterland", 7),
        ("mra-zuid-kennemerland", 4),
    ];
    let mut all = BTreeSet::new();
    for (id, n) in expected {
        let p = d.place(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(p.region, "mra");
        assert_eq!(p.members.len(), n, "{id} members");
        assert!(p.members_source.is_some(), "{id} cites its membership");
        for m in &p.members {
            assert!(all.insert(m.cbs.clone()), "{} in two sub-regions", m.name);
        }
    }
    assert_eq!(all.len(), 30, "the MRA has 30 municipalities");
    assert!(all.contains("GM0450"), "Uitgeest is in the IJmond");
    assert!(!all.contains("GM0317"), "Eemnes is not an MRA member");
}

#[test]
fn the_northern_clusters_and_their_sites_are_mapped() {
    let d = atlas();
    for id in [
        "nn-cleantech",
        "nn-life-sciences-health",
        "nn-ai-digital",
        "nn-defence-security",
        "nn-agrofood",
    ] {
        let p = d.place(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(p.kind, PlaceKind::Cluster);
        assert_eq!(p.region, "noord-nederland");
    }
    let sites = d
        .places
        .iter()
        .filter(|p| p.region == "noord-nederland" && p.kind != PlaceKind::Cluster)
        .count();
    assert!(sites >= 10, "northern sites: {sites}");
    let names: Vec<_> = ["Lelylijn", "Nedersaksenlijn"]
        .iter()
        .map(|n| d.infrastructure.iter().any(|i| i.name.contains(n)))
        .collect();
    assert_eq!(names, [true, true]);
    assert!(d.infrastructure.iter().any(|i| i.name.contains("Eelde")));
    assert!(
        d.infrastructure
            .iter()
            .any(|i| i.name.to_lowercase().contains("waterstof")
                || i.name.to_lowercase().contains("hydrogen"))
    );
}

#[test]
fn every_place_has_a_position_a_description_and_a_source() {
    let d = atlas();
    assert!(d.places.len() >= 100, "places: {}", d.places.len());
    for p in &d.places {
        assert!(!p.sources.is_empty(), "{} has no source", p.id);
        assert!(
            !p.description.nl.is_empty() && !p.description.en.is_empty(),
            "{}",
            p.id
        );
        assert!(
            !p.position.represents.nl.is_empty() && !p.position.represents.en.is_empty(),
            "{}",
            p.id
        );
        assert!(d.source(&p.position.basis).is_some(), "{}", p.id);
    }
}

#[test]
fn every_cross_pollination_resolves_and_the_agenda_section_is_complete() {
    let d = atlas();
    let known = |id: &str| d.place(id).is_some() || d.region(id).is_some();
    for x in &d.cross_pollinations {
        for e in x
            .endpoints
            .iter()
            .chain(&x.optional_endpoints)
            .chain(&x.via)
        {
            assert!(known(e), "{} names unknown {e}", x.id);
        }
        assert!(!x.sources.is_empty(), "{}", x.id);
    }
    use innovation_atlas::model::LinkOrigin;
    let section: Vec<_> = d
        .cross_pollinations
        .iter()
        .filter(|x| x.origin == LinkOrigin::AgendaSection)
        .collect();
    assert_eq!(
        section.len(),
        6,
        "MRA section 4.2 names six cross-pollinations"
    );
    assert!(
        section.iter().any(|x| x.endpoints.len() == 3),
        "some name three sub-regions"
    );
    assert!(
        section
            .iter()
            .any(|x| x.all_sub_regions_of.as_deref() == Some("mra"))
    );
    assert!(
        section
            .iter()
            .any(|x| x.endpoints.is_empty() && x.all_sub_regions_of.is_none()),
        "one names none"
    );
    // The hydrogen chain of Zuid-Holland reaches north.
    assert!(d.cross_pollinations.iter().any(|x| {
        let ends: Vec<&str> = x.endpoints.iter().map(String::as_str).collect();
        ends.contains(&"noord-nederland") && x.sectors.iter().any(|s| s == "hydrogen")
    }));
}

#[test]
fn agenda_accelerators_survey_and_themes_are_complete() {
    let d = atlas();
    assert_eq!(
        d.action_lines
            .iter()
            .filter(|a| a.region == "zuid-holland")
            .count(),
        4
    );
    let actions: usize = d.action_lines.iter().map(|a| a.actions.len()).sum();
    assert_eq!(
        actions, 15,
        "2.1.1–2.1.4, 2.2.1–2.2.3, 2.3.1–2.3.5, 2.4.1–2.4.3"
    );
    assert_eq!(d.product_chains.len(), 4);
    assert_eq!(d.project_sheets.len(), 13);
    assert_eq!(d.accelerators.len(), 5);
    let lines: usize = d.accelerators.iter().map(|a| a.lines.len()).sum();
    assert_eq!(lines, 16, "the five accelerators have 16 action lines");
    assert_eq!(d.focus_themes.len(), 6);
    let light_rail = d
        .focus_themes
        .iter()
        .find(|t| t.route.is_some())
        .expect("the Oude Lijn has a route");
    assert!(
        light_rail
            .route
            .as_ref()
            .is_some_and(|r| r.points.len() >= 5)
    );
    let roem = d
        .surveys
        .iter()
        .find(|s| s.id == "zh-roem-ii")
        .expect("ROEM-II");
    let a = roem.attendance.as_ref().expect("attendance");
    assert_eq!((a.registered, a.attended), (292, 240));
    // Break-outs: hydrogen 3, LaserSatCom 2, robotics 1, 3D printing 3, Digitaal Verbinden 5.
    let count = |topic: &str| roem.discussions.iter().filter(|x| x.topic == topic).count();
    assert_eq!(count("zh-pc-hydrogen"), 3);
    assert_eq!(count("zh-pc-lasersatcom"), 2);
    assert_eq!(count("zh-pc-robotics"), 1);
    assert_eq!(count("zh-pc-3d-printing"), 3);
    assert_eq!(count("zh-al-2"), 5);
    assert!(d.figures.len() >= 30, "key figures: {}", d.figures.len());
}

#[test]
fn suggestions_are_explained_and_never_repeat_a_named_link() {
    let loaded = model::load_embedded().expect("embedded");
    let atlas = innovation_atlas::atlas::Atlas::new(loaded);
    let d = atlas.data();
    assert!(atlas.suggestions.len() >= 5, "{}", atlas.suggestions.len());
    for s in &atlas.suggestions {
        let (a, b) = (&d.places[s.a], &d.places[s.b]);
        assert!(s.score >= innovation_atlas::atlas::suggest::MIN_SCORE);
        assert!(
            a.town.is_none() || a.town != b.town,
            "{} and {} share a town",
            a.id,
            b.id
        );
        let named = d.cross_pollinations.iter().any(|x| {
            let ends: Vec<&String> = x.endpoints.iter().chain(&x.via).collect();
            ends.contains(&&a.id) && ends.contains(&&b.id)
        });
        assert!(!named, "{} - {} is already a named link", a.id, b.id);
        let why = s.explain(d, model::Lang::En);
        assert!(why.contains("score"), "{why}");
        assert!(!s.shared_sectors.is_empty() || !s.complements.is_empty());
    }
    // Section 4.2 links all sub-regions on digitalisation, so no pair of sub-regions may be
    // suggested for a shared AI & digital sector alone.
    for s in &atlas.suggestions {
        let (a, b) = (&d.places[s.a], &d.places[s.b]);
        let both_sub = a.kind == PlaceKind::SubRegion && b.kind == PlaceKind::SubRegion;
        assert!(
            !both_sub,
            "{} - {} is linked by the MRA-wide section 4.2 item",
            a.id, b.id
        );
        for (x, y) in &s.complements {
            assert!(!s.shared_sectors.contains(x) || !s.shared_sectors.contains(y));
        }
    }
    let ranked: Vec<f32> = atlas.suggestions.iter().map(|s| s.score).collect();
    assert!(ranked.windows(2).all(|w| w[0] >= w[1]));
}
