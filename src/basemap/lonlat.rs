//! The municipalities and the gazetteer in WGS84 degrees, as the embedded files give them:
//! for exports that write real coordinates (GeoJSON) and for placing a user's rows by town
//! or municipality. The drawing code uses the projected copies in [`super::Basemap`].

use std::sync::OnceLock;

use serde::Deserialize;

use super::{MUNICIPALITIES, TOWNS};

/// A ring of (lon, lat) points, closed (first point repeated), as GeoJSON writes it.
pub type Ring = Vec<[f64; 2]>;

/// One municipality: its polygons (outer ring first, then holes) and its centre.
#[derive(Debug, Clone)]
pub struct MunicipalityShape {
    /// CBS code, `GMnnnn`.
    pub cbs: String,
    pub name: String,
    pub polygons: Vec<Vec<Ring>>,
    /// Area-weighted centroid (lon, lat) of the outer rings; for a municipality that wraps
    /// round water it may lie in that water, which is why it is stated as ≈ 5 km.
    pub centroid: [f64; 2],
}

/// A town of the gazetteer (`plaatsen.json`), largest first.
#[derive(Debug, Clone)]
pub struct TownPoint {
    pub name: String,
    pub lon: f64,
    pub lat: f64,
    pub cbs: String,
    pub population: u32,
}

#[derive(Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Properties {
    cbs_code: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Vec<Ring>),
    MultiPolygon(Vec<Vec<Ring>>),
}

#[derive(Deserialize)]
struct RawTown {
    name: String,
    lat: f64,
    lon: f64,
    cbs_code: String,
    population: Option<u32>,
}

/// Signed area (shoelace, in degrees²) and centroid of a ring.
fn ring_area_centroid(ring: &[[f64; 2]]) -> (f64, [f64; 2]) {
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for w in ring.windows(2) {
        let ([x0, y0], [x1, y1]) = (w[0], w[1]);
        let cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if a.abs() < 1e-15 {
        let n = ring.len().max(1) as f64;
        let sx: f64 = ring.iter().map(|p| p[0]).sum();
        let sy: f64 = ring.iter().map(|p| p[1]).sum();
        return (0.0, [sx / n, sy / n]);
    }
    (a / 2.0, [cx / (3.0 * a), cy / (3.0 * a)])
}

fn centroid(polygons: &[Vec<Ring>]) -> [f64; 2] {
    let (mut total, mut x, mut y) = (0.0, 0.0, 0.0);
    for outer in polygons.iter().filter_map(|p| p.first()) {
        let (a, c) = ring_area_centroid(outer);
        let a = a.abs();
        total += a;
        x += c[0] * a;
        y += c[1] * a;
    }
    if total > 0.0 {
        [x / total, y / total]
    } else {
        polygons
            .first()
            .and_then(|p| p.first())
            .map_or([0.0, 0.0], |r| ring_area_centroid(r).1)
    }
}

/// Every municipality of the embedded basemap, sorted by CBS code; read once. The files
/// are compiled in and tested, so an unreadable one (a broken build) yields an empty list.
pub fn municipalities() -> &'static [MunicipalityShape] {
    static SHAPES: OnceLock<Vec<MunicipalityShape>> = OnceLock::new();
    SHAPES.get_or_init(|| {
        let Ok(c) = serde_json::from_str::<Collection>(MUNICIPALITIES) else {
            log::error!("assets/basemap/gemeenten.geojson could not be read");
            return Vec::new();
        };
        let mut out: Vec<MunicipalityShape> = c
            .features
            .into_iter()
            .map(|f| {
                let polygons = match f.geometry {
                    Geometry::Polygon(rings) => vec![rings],
                    Geometry::MultiPolygon(polys) => polys,
                };
                MunicipalityShape {
                    centroid: centroid(&polygons),
                    cbs: f.properties.cbs_code,
                    name: f.properties.name,
                    polygons,
                }
            })
            .collect();
        out.sort_by(|a, b| a.cbs.cmp(&b.cbs));
        out
    })
}

/// The municipality with this CBS code.
pub fn municipality(cbs: &str) -> Option<&'static MunicipalityShape> {
    let all = municipalities();
    all.binary_search_by(|m| m.cbs.as_str().cmp(cbs))
        .ok()
        .and_then(|i| all.get(i))
}

/// The gazetteer's towns, largest first; read once.
pub fn towns() -> &'static [TownPoint] {
    static TOWN_POINTS: OnceLock<Vec<TownPoint>> = OnceLock::new();
    TOWN_POINTS.get_or_init(|| match serde_json::from_str::<Vec<RawTown>>(TOWNS) {
        Ok(raw) => raw
            .into_iter()
            .map(|t| TownPoint {
                name: t.name,
                lon: t.lon,
                lat: t.lat,
                cbs: t.cbs_code,
                population: t.population.unwrap_or(0),
            })
            .collect(),
        Err(e) => {
            log::error!("assets/basemap/plaatsen.json could not be read: {e}");
            Vec::new()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipalities_have_rings_and_a_centre_inside_their_box() {
        let all = municipalities();
        assert_eq!(all.len(), 342);
        let utrecht = municipality("GM0344").expect("Utrecht");
        assert_eq!(utrecht.name, "Utrecht");
        let [lon, lat] = utrecht.centroid;
        assert!(
            (5.0..5.25).contains(&lon) && (52.0..52.2).contains(&lat),
            "{lon} {lat}"
        );
        for m in all {
            for p in &m.polygons {
                for r in p {
                    assert!(
                        r.len() >= 4 && r.first() == r.last(),
                        "{} ring closed",
                        m.name
                    );
                }
            }
        }
    }

    #[test]
    fn the_gazetteer_has_its_towns_largest_first() {
        let t = towns();
        assert_eq!(t.len(), 1573);
        assert_eq!(t[0].name, "Rotterdam");
        assert!(t.iter().any(|x| x.name == "Delft" && x.cbs == "GM0503"));
    }
}
