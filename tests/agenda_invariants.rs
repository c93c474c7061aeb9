//! The whole agenda is in the atlas (issue 13): the Zuid-Holland asks, leadership topics,
//! governance and talent initiatives, the MRA challenges, pillars and financing instruments,
//! the northern asks, the ROEM-II conclusions, the corrections, the qualifiers of figures and
//! the line between user texts and maintainer notes.

use innovation_atlas::model::{
    self, AgendaKind, ConclusionKind, Dataset, GovernanceRole, InstrumentKind, Lang, PartyRole,
    PlaceKind, PromotionGroup, Qualifier,
};

fn atlas() -> Dataset {
    match model::load_embedded() {
        Ok(l) => l.dataset,
        Err(e) => {
            let list: Vec<String> = e.problems.iter().map(ToString::to_string).collect();
            panic!("embedded atlas invalid:\n{}", list.join("\n"));
        }
    }
}

/// (number, a word of the Dutch title) of the agenda items of one kind in one region.
fn items(d: &Dataset, region: &str, kind: AgendaKind) -> Vec<(String, String)> {
    let mut v: Vec<_> = d
        .agenda_items
        .iter()
        .filter(|a| a.region == region && a.kind == kind)
        .map(|a| (a.number.clone(), a.title.nl.clone()))
        .collect();
    v.sort();
    v
}

fn assert_titles(found: &[(String, String)], expected: &[(&str, &str)]) {
    assert_eq!(found.len(), expected.len(), "{found:?}");
    for ((n, title), (en, word)) in found.iter().zip(expected) {
        assert_eq!(n, en);
        assert!(title.contains(word), "{n}: `{title}` lacks `{word}`");
    }
}

#[test]
fn zuid_holland_asks_five_things_of_national_government_and_names_five_leadership_topics() {
    let d = atlas();
    assert_titles(
        &items(&d, "zuid-holland", AgendaKind::Ask),
        &[
            ("3.1", "bekostiging zonder baan"),
            ("3.2", "digitaal"),
            ("3.3", "overheidsaankopen"),
            ("3.4", "innovatie-infrastructuur"),
            ("3.5", "DeepTech"),
        ],
    );
    assert_titles(
        &items(&d, "zuid-holland", AgendaKind::Leadership),
        &[
            ("4.1", "Ruimte"),
            ("4.2", "ketens"),
            ("4.3", "start-"),
            ("4.4", "Alumni"),
            ("4.5", "onderwijs"),
        ],
    );
    for a in d.agenda_items.iter().filter(|a| a.region == "zuid-holland") {
        assert!(
            a.question.is_some(),
            "{}: every point ends in a question",
            a.id
        );
    }
}

#[test]
fn the_taskforce_its_support_and_the_funders_are_in() {
    let d = atlas();
    let role = |r: GovernanceRole| {
        d.governance
            .iter()
            .find(|g| g.role == r)
            .unwrap_or_else(|| panic!("no {r:?}"))
    };
    let tf = role(GovernanceRole::Taskforce);
    assert_eq!(tf.founded.as_deref(), Some("2019-09"));
    for m in ["EBZ", "HI", "InnovationQuarter"] {
        assert!(tf.members.iter().any(|x| x.starts_with(m)), "{m}");
    }
    assert!(tf.description.en.contains("twelve") && tf.description.en.contains("two months"));
    assert!(tf.tasks.len() >= 4);
    assert!(
        role(GovernanceRole::Support)
            .description
            .nl
            .contains("directeur")
    );
    assert_eq!(
        role(GovernanceRole::Funders).members,
        ["MRDH", "PZH", "EBZ"]
    );
}

#[test]
fn all_seven_talent_networks_and_the_34_table_rows_are_in() {
    let d = atlas();
    let t = &d.talent_initiatives;
    let networks: Vec<&str> = t
        .iter()
        .filter(|x| x.network.is_some())
        .map(|x| x.name.as_str())
        .collect();
    assert_eq!(
        networks,
        [
            "Platform Talent voor Technologie",
            "Sterk Techniek Onderwijs",
            "Servicepunt Techniek Rotterdam",
            "MBO-aanpak Drechtsteden",
            "Techniek overleg regio Rijnstreek",
            "Innovatie- en afstudeercentrum Regio Gorinchem",
            "Masterplan Techniek Zuid-Holland",
        ]
    );
    let mut rows: Vec<(u32, &str)> = t
        .iter()
        .filter_map(|x| x.table_row.as_ref().map(|r| (r.row, x.name.as_str())))
        .collect();
    rows.sort();
    assert_eq!(rows.len(), 34, "Bijlage 5 lists 34 initiatives");
    assert_eq!(
        rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        (1..=34).collect::<Vec<_>>()
    );
    assert_eq!(rows[0].1, "ECP, Expertisecentrum Precisietechniek");
    assert_eq!(rows[33].1, "Nederland innoveert");
    let group = |g: PromotionGroup| {
        t.iter()
            .filter(|x| x.table_row.as_ref().is_some_and(|r| r.groups.contains(&g)))
            .count()
    };
    assert_eq!(group(PromotionGroup::RegionalActivity), 24);
    assert_eq!(group(PromotionGroup::CompanySchool), 3);
    assert_eq!(group(PromotionGroup::OtherInitiative), 3);
    assert_eq!(
        group(PromotionGroup::Festival),
        5,
        "Game on is also a festival"
    );
    // The nine rows the atlas already had as places link to them.
    for place in [
        "zh-maak-o-theek",
        "zh-iac-gorinchem",
        "zh-techniekhuis-nieuwkoop",
        "zh-open-bedrijvendag-nieuwkoop",
        "zh-techmission-010",
        "zh-smart-industrie-schiedistrict",
        "zh-delft-on-stage",
        "zh-zoetermeer-on-stage",
        "zh-open-bedrijvenweekend-den-haag",
    ] {
        assert!(
            t.iter()
                .any(|x| x.table_row.is_some() && x.place.as_deref() == Some(place)),
            "{place}"
        );
    }
}

#[test]
fn the_local_initiatives_named_at_roem_ii_carry_their_break_out() {
    let d = atlas();
    let expected = [
        ("Techmission 010", Some("zh-makersdistrict")),
        ("E-Xperiences", Some("zh-makersdistrict")),
        ("TechGrounds Charlois", Some("zh-makersdistrict")),
        ("Game on", Some("zh-smart-campus-leerpark")),
        ("Techniektour", Some("zh-smart-campus-leerpark")),
        ("Sterk Techniek Onderwijs", Some("zh-ih-zuid-holland-oost")),
        ("Techniekpunt", Some("zh-ih-zuid-holland-oost")),
        ("Technolab", Some("zh-unmanned-valley")),
        ("Terra Technica", Some("zh-unmanned-valley")),
        ("Girls Day", Some("zh-tpy")),
        ("HI-Connect", None),
    ];
    let named: Vec<_> = d
        .talent_initiatives
        .iter()
        .filter(|x| x.mentioned.is_some())
        .collect();
    assert_eq!(named.len(), expected.len());
    for (name, breakout) in expected {
        let x = named
            .iter()
            .find(|x| x.name == name)
            .unwrap_or_else(|| panic!("{name} missing"));
        let m = x.mentioned.as_ref().expect("mentioned");
        assert_eq!(m.survey, "zh-roem-ii");
        assert_eq!(m.breakouts.first().map(String::as_str), breakout, "{name}");
    }
}

#[test]
fn mra_challenges_pillars_and_financing_instruments_are_complete() {
    let d = atlas();
    assert_titles(
        &items(&d, "mra", AgendaKind::Challenge),
        &[
            ("1", "Concurrentiekracht"),
            ("2", "Kansengelijkheid"),
            ("3", "Woonwerkbalans"),
            ("4", "Ruimte voor economie"),
        ],
    );
    assert_titles(
        &items(&d, "mra", AgendaKind::Pillar),
        &[
            ("1", "innovatie-ecosystemen"),
            ("2", "vestigingsklimaat"),
            ("3", "helix"),
        ],
    );
    let pillar2 = d
        .agenda_items
        .iter()
        .find(|a| a.id == "mra-pillar-2")
        .expect("pillar 2");
    assert_eq!(
        pillar2.related,
        ["mra-v1", "mra-v2", "mra-v3", "mra-v4", "mra-v5"]
    );

    let f = &d.financing_instruments;
    assert_eq!(f.len(), 11);
    let in_province = |p: &str| f.iter().filter(|x| x.provinces == [p]).count();
    assert_eq!(in_province("Noord-Holland"), 4, "INH, MIT, PIM, GO!-NH");
    assert_eq!(
        in_province("Flevoland"),
        6,
        "LEADER, MIT, POC, Groeifonds, MKB Fonds, Technofonds"
    );
    for x in f {
        assert!(!x.parties.is_empty(), "{}: who runs it?", x.id);
        assert_eq!(x.accelerator.as_deref(), Some("mra-v1"));
    }
    let leader = f
        .iter()
        .find(|x| x.id == "mra-fin-leader-flevoland")
        .expect("LEADER");
    assert_eq!(
        leader.kind,
        InstrumentKind::EuProgramme,
        "LEADER is not a provincial fund"
    );
    assert_eq!(leader.parties[0].name, "Provincie Flevoland");
    assert_eq!(leader.parties[0].role, PartyRole::Runs);
    assert_eq!(leader.years, Some([2023, 2027]));
    let horizon_funds = f
        .iter()
        .filter(|x| x.parties.iter().any(|p| p.name.starts_with("ROM Horizon")))
        .count();
    assert_eq!(horizon_funds, 4);
    let fig = d
        .figures
        .iter()
        .find(|x| x.id == "mra-fig-leader-flevoland-period")
        .expect("LEADER figure");
    assert!(
        fig.label
            .en
            .contains("European programme run by the province")
    );
}

#[test]
fn the_northern_asks_one_to_five_with_the_talent_actions() {
    let d = atlas();
    assert_titles(
        &items(&d, "noord-nederland", AgendaKind::Ask),
        &[
            ("1", "investeringsagenda"),
            ("2", "investeringslogica"),
            ("3", "Europese fondsen"),
            ("4", "Talent"),
            ("5", "vestigingsklimaat"),
        ],
    );
    let ask = |n: &str| {
        d.agenda_items
            .iter()
            .find(|a| a.region == "noord-nederland" && a.number == n)
            .expect("ask")
    };
    assert_eq!(ask("4").points.len(), 3, "three talent actions");
    assert_eq!(ask("1").points.len(), 4, "four specialisations");
    assert_eq!(ask("5").points.len(), 5);
    let infra: Vec<&str> = d.infrastructure.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ask("5").related,
        infra,
        "ask 5 ties to every infrastructure ask"
    );
}

#[test]
fn roem_ii_conclusions_cover_every_action_line_and_product_chain() {
    let d = atlas();
    let s = d
        .surveys
        .iter()
        .find(|s| s.id == "zh-roem-ii")
        .expect("ROEM-II");
    for topic in d
        .action_lines
        .iter()
        .map(|a| a.id.as_str())
        .chain(d.product_chains.iter().map(|p| p.id.as_str()))
        .chain([
            "zh-ask-3-1",
            "zh-ask-3-2",
            "zh-ask-3-3",
            "zh-ask-3-4",
            "zh-ask-3-5",
        ])
    {
        assert!(
            s.conclusions.iter().any(|c| c.topic == topic),
            "no conclusion about {topic}"
        );
    }
    for kind in [
        ConclusionKind::Finding,
        ConclusionKind::Question,
        ConclusionKind::Advice,
    ] {
        assert!(s.conclusions.iter().any(|c| c.kind == kind), "{kind:?}");
    }
    let quantum = s
        .conclusions
        .iter()
        .find(|c| c.id == "roem-c-lasersatcom-too-remote-quantum")
        .expect("quantum remark");
    assert_eq!(quantum.places, ["zh-quantum-campus"]);
}

#[test]
fn corrections_of_issue_13() {
    let d = atlas();
    let place = |id: &str| d.place(id).unwrap_or_else(|| panic!("{id}"));
    // World Horti Centre is the fourth column of the ROEM-II table, not the tenth.
    let whc = place("zh-world-horti-centre");
    assert!(
        whc.description.nl.contains("vierde kolom") && whc.description.en.contains("fourth column")
    );
    assert!(!whc.description.nl.contains("tiende") && !whc.description.en.contains("tenth"));
    // LaserSatCom was discussed at NL Space Campus and at Quantum Campus.
    let s = &d.surveys[0];
    let mut laser: Vec<&str> = s
        .discussions
        .iter()
        .filter(|x| x.topic == "zh-pc-lasersatcom")
        .map(|x| x.place.as_str())
        .collect();
    laser.sort_unstable();
    assert_eq!(laser, ["zh-nl-space-campus", "zh-quantum-campus"]);
    // V5b: one comma run, four initiators, no partners.
    let v5 = d
        .accelerators
        .iter()
        .find(|a| a.id == "mra-v5")
        .expect("V5");
    let b = v5.lines.iter().find(|l| l.letter == "b").expect("V5b");
    assert_eq!(
        b.initiators,
        ["MRA", "Provincie Flevoland", "Boards", "ROM's"]
    );
    assert!(b.partners.is_empty());
    // "de Greenports" is a plural, not another name of Greenport West-Holland.
    assert!(place("zh-greenport-west-holland").aliases.is_empty());
    // The robotics break-out reading speaks to users, not to maintainers.
    let robo = s
        .discussions
        .iter()
        .find(|x| x.topic == "zh-pc-robotics")
        .and_then(|x| x.reading.as_ref())
        .expect("robotics reading");
    assert!(!robo.nl.contains("tabelrij luidt") && robo.nl.contains("vierde kolom"));
}

#[test]
fn figures_carry_the_qualifier_the_source_uses_and_read_as_it_says() {
    let d = atlas();
    let fig = |id: &str| {
        d.figures
            .iter()
            .find(|f| f.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let sites = fig("zh-fig-ti-relevant-sites");
    assert_eq!(sites.qualifier, Qualifier::AtLeast, "'zeker 40'");
    assert_eq!(sites.amount().text(Lang::Nl), "zeker 40");
    assert_eq!(sites.amount().text(Lang::En), "at least 40");
    let jobs = fig("zh-fig-000-manufacturing-employees");
    assert_eq!(jobs.amount().text(Lang::Nl), "ruim 110.000");
    assert_eq!(
        fig("zh-fig-ti-companies").amount().text(Lang::En),
        "more than 31,000"
    );
    assert_eq!(
        fig("zh-fig-firms-held-back-by-shortage")
            .amount()
            .text(Lang::Nl),
        "een kwart"
    );
    let results: Vec<_> = d.surveys.iter().flat_map(|s| &s.results).collect();
    let result = |id: &str| {
        results
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let own = result("roem-al4-own-hotspot-organise");
    assert_eq!(own.qualifier, Qualifier::Range);
    assert_eq!(own.amount().text(Lang::Nl), "de helft tot tweederde");
    assert_eq!(own.amount().text(Lang::En), "half to two thirds");
    assert_eq!(
        result("roem-al4-search-engine").amount().text(Lang::Nl),
        "ruim de helft"
    );
    assert_eq!(
        result("roem-hydrogen-positive").amount().text(Lang::Nl),
        "driekwart"
    );
    assert_eq!(
        result("roem-3d-sees-role").amount().text(Lang::En),
        "about three quarters"
    );
    assert_eq!(
        result("roem-agenda-entirely-new").amount().text(Lang::Nl),
        "bijna een kwart"
    );
}

/// Every text in both languages anywhere in the dataset: objects with exactly `nl` and `en`.
fn user_texts(v: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(m) => {
            if m.len() == 2
                && let (Some(nl), Some(en)) = (m.get("nl"), m.get("en"))
            {
                for t in [nl, en] {
                    out.push((path.to_string(), t.as_str().unwrap_or_default().to_string()));
                }
                return;
            }
            for (k, x) in m {
                // Maintainer notes are plain strings, not texts; they are not looked at.
                user_texts(x, &format!("{path}.{k}"), out);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                user_texts(x, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn user_facing_texts_hold_no_maintainer_notes() {
    let d = atlas();
    let json = serde_json::to_value(&d).expect("json");
    let mut texts = Vec::new();
    user_texts(&json, "", &mut texts);
    assert!(texts.len() > 2000, "{} texts", texts.len());
    let line_ref = |t: &str| {
        t.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
            w.len() >= 3 && w.starts_with('L') && w[1..].bytes().all(|b| b.is_ascii_digit())
        })
    };
    for (path, t) in &texts {
        for jargon in [
            "Trap H",
            "trap H",
            "hard case",
            "Hard case",
            "tabelrij luidt",
            "table row reads",
        ] {
            assert!(
                !t.contains(jargon),
                "{path}: `{jargon}` in a user text: {t}"
            );
        }
        assert!(!line_ref(t), "{path}: a line reference in a user text: {t}");
    }
    // Where a reading matters to users, it is there in both languages, beside the citation.
    let readings = json.to_string().matches("\"reading\"").count();
    let on_discussions = d
        .surveys
        .iter()
        .flat_map(|s| &s.discussions)
        .filter(|x| x.reading.is_some())
        .count();
    assert!(
        readings - on_discussions >= 50,
        "only {} citation readings for users",
        readings - on_discussions
    );
}

#[test]
fn project_sheets_name_their_owner_and_partners_on_the_map() {
    let d = atlas();
    for s in &d.project_sheets {
        assert!(s.status.is_some(), "{}: status", s.id);
        assert!(
            !s.partner_places.is_empty(),
            "{}: partners on the map",
            s.id
        );
        let listed: Vec<String> = std::iter::once(&s.owner)
            .chain(&s.core_team)
            .chain(s.partners.iter().flat_map(|g| &g.names))
            .map(|n| n.to_lowercase())
            .collect();
        let owner_is_the_hotspots = s.owner.contains("hotspots");
        for (field, ids) in [
            ("owner_places", &s.owner_places),
            ("partner_places", &s.partner_places),
        ] {
            for id in ids {
                let p = d.place(id).unwrap_or_else(|| panic!("{}: {id}", s.id));
                if field == "owner_places" && owner_is_the_hotspots {
                    assert_eq!(p.kind, PlaceKind::Hotspot, "{}: {id}", s.id);
                    continue;
                }
                let named = std::iter::once(&p.name)
                    .chain(&p.aliases)
                    .map(|n| n.to_lowercase())
                    .any(|n| listed.iter().any(|l| l == &n || l.contains(&n)));
                assert!(
                    named,
                    "{}: {field} has {id}, which the sheet does not name",
                    s.id
                );
            }
        }
    }
    let laser = d
        .project_sheets
        .iter()
        .find(|s| s.id == "zh-ps-2-1-2-lasersatcom")
        .expect("LaserSatCom sheet");
    assert_eq!(laser.owner_places, ["zh-tno-delft"]);
    assert!(
        laser
            .partner_places
            .contains(&"zh-nl-space-campus".to_string())
    );
}
