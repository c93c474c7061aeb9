//! The basemap as drawable geometry: Web-Mercator coordinates, triangulated fills and
//! simplified outlines, all computed once when the app starts.
//!
//! Coordinates are stored as offsets from [`ORIGIN`] in normalised Web-Mercator units (the
//! whole world is 1×1), as `f32`. Relative to a Dutch origin the values stay small, so `f32`
//! keeps sub-pixel precision at every zoom the map allows; per frame a point only needs one
//! multiply-add to reach the screen (see [`Transform`]).

use std::f64::consts::PI;

use serde_json::Value;

/// Reference point of the relative coordinates: 3.0° E, 54.0° N (north-west of the country).
pub const ORIGIN_LON: f64 = 3.0;
pub const ORIGIN_LAT: f64 = 54.0;

/// Normalised Web-Mercator (0..1 over the world, y down), as walkers uses it.
pub fn mercator(lon: f64, lat: f64) -> (f64, f64) {
    let x = (1.0 + lon.to_radians() / PI) / 2.0;
    let y = (1.0 - lat.to_radians().tan().asinh() / PI) / 2.0;
    (x, y)
}

/// Inverse of [`mercator`].
pub fn inverse_mercator(x: f64, y: f64) -> (f64, f64) {
    let lon = (x * 2.0 - 1.0) * 180.0;
    let lat = ((1.0 - y * 2.0) * PI).sinh().atan().to_degrees();
    (lon, lat)
}

fn origin() -> (f64, f64) {
    mercator(ORIGIN_LON, ORIGIN_LAT)
}

/// A point in relative Mercator units.
pub type Rel = [f32; 2];

/// lon/lat → relative Mercator.
pub fn to_rel(lon: f64, lat: f64) -> Rel {
    let (x, y) = mercator(lon, lat);
    let (ox, oy) = origin();
    [(x - ox) as f32, (y - oy) as f32]
}

/// Relative Mercator → lon/lat.
pub fn from_rel(p: Rel) -> (f64, f64) {
    let (ox, oy) = origin();
    inverse_mercator(f64::from(p[0]) + ox, f64::from(p[1]) + oy)
}

/// Axis-aligned box in relative units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    pub min: Rel,
    pub max: Rel,
}

impl Default for BBox {
    fn default() -> Self {
        BBox::EMPTY
    }
}

impl BBox {
    pub const EMPTY: BBox = BBox {
        min: [f32::INFINITY, f32::INFINITY],
        max: [f32::NEG_INFINITY, f32::NEG_INFINITY],
    };

    pub fn add(&mut self, p: Rel) {
        self.min[0] = self.min[0].min(p[0]);
        self.min[1] = self.min[1].min(p[1]);
        self.max[0] = self.max[0].max(p[0]);
        self.max[1] = self.max[1].max(p[1]);
    }

    pub fn union(&mut self, o: &BBox) {
        self.add(o.min);
        self.add(o.max);
    }

    pub fn intersects(&self, o: &BBox) -> bool {
        self.min[0] <= o.max[0]
            && o.min[0] <= self.max[0]
            && self.min[1] <= o.max[1]
            && o.min[1] <= self.max[1]
    }

    pub fn contains(&self, p: Rel) -> bool {
        (self.min[0]..=self.max[0]).contains(&p[0]) && (self.min[1]..=self.max[1]).contains(&p[1])
    }

    pub fn is_empty(&self) -> bool {
        self.min[0] > self.max[0]
    }

    pub fn center(&self) -> Rel {
        [
            (self.min[0] + self.max[0]) / 2.0,
            (self.min[1] + self.max[1]) / 2.0,
        ]
    }
}

/// From relative Mercator units to screen points for one frame: `screen = rel * scale + base`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    pub scale: f64,
    pub base: [f64; 2],
}

impl Transform {
    /// Built from walkers' projector: its scale is 256·2^zoom pixels per world, and the
    /// origin's screen position fixes the offset.
    pub fn from_projector(projector: &walkers::Projector) -> Self {
        let scale = 256.0 * 2f64.powf(projector.zoom());
        let o = projector.project(walkers::lon_lat(ORIGIN_LON, ORIGIN_LAT));
        Transform {
            scale,
            base: [f64::from(o.x), f64::from(o.y)],
        }
    }

    /// The transform that puts `centre` (relative units) in the middle of `rect` at `zoom`,
    /// as walkers' projector does for the live map.
    pub fn centred(centre: Rel, zoom: f64, rect: egui::Rect) -> Self {
        let scale = 256.0 * 2f64.powf(zoom);
        Transform {
            scale,
            base: [
                f64::from(rect.center().x) - f64::from(centre[0]) * scale,
                f64::from(rect.center().y) - f64::from(centre[1]) * scale,
            ],
        }
    }

    pub fn apply(&self, p: Rel) -> egui::Pos2 {
        egui::pos2(
            (f64::from(p[0]) * self.scale + self.base[0]) as f32,
            (f64::from(p[1]) * self.scale + self.base[1]) as f32,
        )
    }

    pub fn invert(&self, s: egui::Pos2) -> Rel {
        [
            ((f64::from(s.x) - self.base[0]) / self.scale) as f32,
            ((f64::from(s.y) - self.base[1]) / self.scale) as f32,
        ]
    }

    /// The part of the world a screen rectangle shows.
    pub fn view_box(&self, rect: egui::Rect) -> BBox {
        let mut b = BBox::EMPTY;
        b.add(self.invert(rect.min));
        b.add(self.invert(rect.max));
        b
    }

    /// Screen pixels per relative unit.
    pub fn pixels_per_unit(&self) -> f32 {
        self.scale as f32
    }
}

/// One polygon: outer ring plus holes, triangulated, with a simplified copy of its rings.
#[derive(Debug, Clone, Default)]
pub struct Polygon {
    /// Rings without the closing duplicate point; the first is the outer ring.
    pub rings: Vec<Vec<Rel>>,
    /// The same rings simplified for each level of [`LOD_ZOOMS`].
    pub lods: Vec<Vec<Vec<Rel>>>,
    /// All ring vertices in order, for the fill.
    pub vertices: Vec<Rel>,
    /// Triangles as indices into `vertices` (shared: every frame's drawing refers to them).
    pub triangles: std::sync::Arc<[u32]>,
    pub bbox: BBox,
}

impl Polygon {
    /// Even-odd point-in-polygon test over all rings (holes included).
    pub fn contains(&self, p: Rel) -> bool {
        if !self.bbox.contains(p) {
            return false;
        }
        let mut inside = false;
        for ring in &self.rings {
            let n = ring.len();
            for i in 0..n {
                let a = ring[i];
                let b = ring[(i + 1) % n];
                if (a[1] > p[1]) != (b[1] > p[1]) {
                    let x = a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
                    if p[0] < x {
                        inside = !inside;
                    }
                }
            }
        }
        inside
    }
}

/// A named area of the basemap (municipality, province, water body, country).
#[derive(Debug, Clone, Default)]
pub struct Area {
    pub name: String,
    /// CBS code (`GM0363`, `PV27`), ISO code for countries, or the water kind.
    pub code: String,
    pub polygons: Vec<Polygon>,
    pub bbox: BBox,
}

impl Area {
    pub fn contains(&self, p: Rel) -> bool {
        self.bbox.contains(p) && self.polygons.iter().any(|poly| poly.contains(p))
    }
}

/// An embedded GeoJSON or gazetteer file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum GeoJsonError {
    #[error("not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("no `features` array")]
    NoFeatures,
}

/// A town from the gazetteer.
#[derive(Debug, Clone)]
pub struct Town {
    pub name: String,
    pub pos: Rel,
    pub population: u32,
}

/// Zooms for which simplified copies of rings and lines are kept. Between one level and the
/// next, the simplification error stays between 0.8 and 1.6 px; from the zoom after the last
/// level on, full detail is drawn.
pub const LOD_ZOOMS: [f64; 4] = [6.5, 7.5, 8.5, 9.5];

/// Douglas–Peucker tolerance (relative units) for a level: 0.8 px at its zoom.
pub fn lod_tolerance(level: usize) -> f32 {
    let zoom = LOD_ZOOMS.get(level).copied().unwrap_or(20.0);
    (0.8 / (256.0 * 2f64.powf(zoom))) as f32
}

/// The simplified level to draw at `zoom`, or `None` for full detail.
pub fn lod_level(zoom: f64) -> Option<usize> {
    if zoom >= LOD_ZOOMS[LOD_ZOOMS.len() - 1] + 1.0 {
        return None;
    }
    Some(LOD_ZOOMS.iter().rposition(|&z| z <= zoom).unwrap_or(0))
}

impl Polygon {
    /// The rings to stroke at `zoom`.
    pub fn rings_at(&self, zoom: f64) -> &[Vec<Rel>] {
        lod_level(zoom)
            .and_then(|l| self.lods.get(l))
            .map_or(&self.rings, |r| r.as_slice())
    }
}

/// Douglas–Peucker over `points`, starting from the given spans (index pairs whose ends are
/// kept); returns which points to keep.
fn douglas_peucker(points: &[Rel], spans: Vec<(usize, usize)>, tolerance: f32) -> Vec<bool> {
    let mut keep = vec![false; points.len()];
    for &(a, b) in &spans {
        keep[a] = true;
        keep[b] = true;
    }
    let mut stack = spans;
    let tol2 = tolerance * tolerance;
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut best, mut best_d) = (a, -1.0f32);
        for i in a + 1..b {
            let d = seg_dist2(points[i], points[a], points[b]);
            if d > best_d {
                best = i;
                best_d = d;
            }
        }
        if best_d > tol2 {
            keep[best] = true;
            stack.push((a, best));
            stack.push((best, b));
        }
    }
    keep
}

fn kept(points: &[Rel], keep: &[bool]) -> Vec<Rel> {
    points
        .iter()
        .zip(keep)
        .filter(|(_, k)| **k)
        .map(|(p, _)| *p)
        .collect()
}

/// Simplifies a closed ring with Douglas–Peucker, keeping at least four points.
pub fn simplify_ring(ring: &[Rel], tolerance: f32) -> Vec<Rel> {
    if ring.len() <= 4 {
        return ring.to_vec();
    }
    let last = ring.len() - 1;
    // Split the closed ring at its farthest point from the start so both halves are open.
    let far = (1..ring.len())
        .max_by(|&a, &b| dist2(ring[0], ring[a]).total_cmp(&dist2(ring[0], ring[b])))
        .unwrap_or(last);
    let out = kept(
        ring,
        &douglas_peucker(ring, vec![(0, far), (far, last)], tolerance),
    );
    if out.len() < 4 { ring.to_vec() } else { out }
}

fn dist2(a: Rel, b: Rel) -> f32 {
    let dx = a[0] - b[0];
    let dy = a[1] - b[1];
    dx * dx + dy * dy
}

/// Squared distance from `p` to the segment `a`–`b`.
pub fn seg_dist2(p: Rel, a: Rel, b: Rel) -> f32 {
    let ab = [b[0] - a[0], b[1] - a[1]];
    let len2 = ab[0] * ab[0] + ab[1] * ab[1];
    if len2 <= f32::EPSILON {
        return dist2(p, a);
    }
    let t = (((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1]) / len2).clamp(0.0, 1.0);
    dist2(p, [a[0] + t * ab[0], a[1] + t * ab[1]])
}

/// Builds a polygon from GeoJSON rings (lon/lat, closed), triangulating it.
pub fn polygon_from_rings(
    rings_lonlat: &[Vec<[f64; 2]>],
    earcut: &mut earcut::Earcut<f64>,
) -> Polygon {
    let mut poly = Polygon {
        bbox: BBox::EMPTY,
        ..Polygon::default()
    };
    let mut flat: Vec<[f64; 2]> = Vec::new();
    let mut holes: Vec<u32> = Vec::new();
    let (ox, oy) = origin();
    for (i, ring) in rings_lonlat.iter().enumerate() {
        let mut pts: Vec<[f64; 2]> = ring
            .iter()
            .map(|p| {
                let (x, y) = mercator(p[0], p[1]);
                [x - ox, y - oy]
            })
            .collect();
        if pts.len() > 1 && pts.first() == pts.last() {
            pts.pop();
        }
        if pts.len() < 3 {
            continue;
        }
        if i > 0 {
            holes.push(flat.len() as u32);
        }
        let rel: Vec<Rel> = pts.iter().map(|p| [p[0] as f32, p[1] as f32]).collect();
        for p in &rel {
            poly.bbox.add(*p);
        }
        for level in 0..LOD_ZOOMS.len() {
            if poly.lods.len() <= level {
                poly.lods.push(Vec::new());
            }
            poly.lods[level].push(simplify_ring(&rel, lod_tolerance(level)));
        }
        flat.extend_from_slice(&pts);
        poly.rings.push(rel);
    }
    if poly.rings.is_empty() {
        return poly;
    }
    let mut triangles = Vec::new();
    earcut.earcut_slice(&flat, &holes, &mut triangles);
    poly.triangles = triangles.into();
    poly.vertices = flat.iter().map(|p| [p[0] as f32, p[1] as f32]).collect();
    poly
}

/// Reads the polygons of a GeoJSON geometry (Polygon or MultiPolygon).
fn geometry_polygons(geometry: &Value, earcut: &mut earcut::Earcut<f64>) -> Vec<Polygon> {
    let rings_of = |v: &Value| -> Vec<Vec<[f64; 2]>> {
        v.as_array()
            .map(|rings| {
                rings
                    .iter()
                    .map(|ring| {
                        ring.as_array()
                            .map(|pts| {
                                pts.iter()
                                    .filter_map(|p| {
                                        let a = p.as_array()?;
                                        Some([a.first()?.as_f64()?, a.get(1)?.as_f64()?])
                                    })
                                    .collect()
                            })
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let coords = &geometry["coordinates"];
    match geometry["type"].as_str() {
        Some("Polygon") => vec![polygon_from_rings(&rings_of(coords), earcut)],
        Some("MultiPolygon") => coords
            .as_array()
            .map(|polys| {
                polys
                    .iter()
                    .map(|p| polygon_from_rings(&rings_of(p), earcut))
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Parses a GeoJSON FeatureCollection into areas, naming them by two properties.
pub fn parse_areas(
    geojson: &str,
    name_key: &str,
    code_key: &str,
) -> Result<Vec<Area>, GeoJsonError> {
    let v: Value = serde_json::from_str(geojson)?;
    let features = v["features"].as_array().ok_or(GeoJsonError::NoFeatures)?;
    let mut earcut = earcut::Earcut::new();
    Ok(features
        .iter()
        .map(|f| {
            let polygons = geometry_polygons(&f["geometry"], &mut earcut);
            let mut bbox = BBox::EMPTY;
            for p in &polygons {
                bbox.union(&p.bbox);
            }
            let prop = |k: &str| f["properties"][k].as_str().unwrap_or_default().to_string();
            Area {
                name: prop(name_key),
                code: prop(code_key),
                polygons,
                bbox,
            }
        })
        .collect())
}

#[derive(serde::Deserialize)]
struct RawTown {
    name: String,
    lat: f64,
    lon: f64,
    population: Option<u32>,
}

pub fn parse_towns(json: &str) -> Result<Vec<Town>, GeoJsonError> {
    let raw: Vec<RawTown> = serde_json::from_str(json)?;
    Ok(raw
        .into_iter()
        .map(|t| Town {
            pos: to_rel(t.lon, t.lat),
            name: t.name,
            population: t.population.unwrap_or(0),
        })
        .collect())
}

/// A named line of the basemap (a river), with its importance.
#[derive(Debug, Clone)]
pub struct NamedLine {
    pub name: String,
    /// 1 is the most important (drawn from country zoom on).
    pub rank: u8,
    pub line: Line,
}

/// Parses a GeoJSON FeatureCollection of (Multi)LineStrings with `name` and `rank`.
pub fn parse_lines(geojson: &str) -> Result<Vec<NamedLine>, GeoJsonError> {
    let v: Value = serde_json::from_str(geojson)?;
    let features = v["features"].as_array().ok_or(GeoJsonError::NoFeatures)?;
    let points_of = |coords: &Value| -> Vec<Rel> {
        coords
            .as_array()
            .map(|pts| {
                pts.iter()
                    .filter_map(|p| {
                        let a = p.as_array()?;
                        Some(to_rel(a.first()?.as_f64()?, a.get(1)?.as_f64()?))
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for f in features {
        let name = f["properties"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let rank = f["properties"]["rank"].as_u64().unwrap_or(3).min(9) as u8;
        let g = &f["geometry"];
        let parts: Vec<Vec<Rel>> = match g["type"].as_str() {
            Some("LineString") => vec![points_of(&g["coordinates"])],
            Some("MultiLineString") => g["coordinates"]
                .as_array()
                .map(|ls| ls.iter().map(points_of).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        for pts in parts.into_iter().filter(|p| p.len() >= 2) {
            out.push(NamedLine {
                name: name.clone(),
                rank,
                line: Line::new(pts),
            });
        }
    }
    Ok(out)
}

/// Stitches undirected edges into polylines; used for outlines of unions of areas.
pub fn stitch(edges: &[(Rel, Rel)]) -> Vec<Vec<Rel>> {
    use std::collections::HashMap;
    let key = |p: Rel| (p[0].to_bits(), p[1].to_bits());
    let mut adj: HashMap<(u32, u32), Vec<usize>> = HashMap::new();
    for (i, (a, b)) in edges.iter().enumerate() {
        adj.entry(key(*a)).or_default().push(i);
        adj.entry(key(*b)).or_default().push(i);
    }
    let mut used = vec![false; edges.len()];
    let mut lines = Vec::new();
    for start in 0..edges.len() {
        if used[start] {
            continue;
        }
        used[start] = true;
        let (a, b) = edges[start];
        let mut line = vec![a, b];
        let mut end = b;
        loop {
            let next = adj
                .get(&key(end))
                .and_then(|v| v.iter().copied().find(|&e| !used[e]));
            let Some(e) = next else { break };
            used[e] = true;
            let (p, q) = edges[e];
            end = if key(p) == key(end) { q } else { p };
            line.push(end);
        }
        lines.push(line);
    }
    lines
}

/// Edges of the areas' rings that appear in exactly (`shared == false`: one) or at least
/// (`shared == true`: two) rings, stitched into polylines. With areas that share their borders
/// exactly, as the basemap's municipalities do, one-time edges form the outline of the union
/// and shared edges the internal borders.
fn edges_by_count<'a>(areas: impl IntoIterator<Item = &'a Area>, shared: bool) -> Vec<Vec<Rel>> {
    use std::collections::HashMap;
    let key = |p: Rel| (p[0].to_bits(), p[1].to_bits());
    // Edge key (both end points as bits, smaller first) → (how often seen, the two ends).
    type EdgeKey = ((u32, u32), (u32, u32));
    let mut count: HashMap<EdgeKey, (usize, Rel, Rel)> = HashMap::new();
    for area in areas {
        for poly in &area.polygons {
            for ring in &poly.rings {
                let n = ring.len();
                for i in 0..n {
                    let (a, b) = (ring[i], ring[(i + 1) % n]);
                    let (ka, kb) = (key(a), key(b));
                    let k = if ka <= kb { (ka, kb) } else { (kb, ka) };
                    count.entry(k).or_insert((0, a, b)).0 += 1;
                }
            }
        }
    }
    let mut edges: Vec<(Rel, Rel)> = count
        .into_values()
        .filter(|(n, _, _)| if shared { *n >= 2 } else { *n == 1 })
        .map(|(_, a, b)| (a, b))
        .collect();
    // HashMap order is random; sort so the result is the same on every run.
    edges.sort_by(|x, y| {
        (x.0[0], x.0[1], x.1[0], x.1[1])
            .partial_cmp(&(y.0[0], y.0[1], y.1[0], y.1[1]))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    stitch(&edges)
}

/// The outline of a union of areas that share their borders exactly.
pub fn union_outline<'a>(areas: impl IntoIterator<Item = &'a Area>) -> Vec<Vec<Rel>> {
    edges_by_count(areas, false)
}

/// The borders between areas (each drawn once), without the outer edge.
pub fn internal_borders<'a>(areas: impl IntoIterator<Item = &'a Area>) -> Vec<Vec<Rel>> {
    edges_by_count(areas, true)
}

/// Simplifies an open polyline with Douglas–Peucker, keeping both ends.
pub fn simplify_line(line: &[Rel], tolerance: f32) -> Vec<Rel> {
    if line.len() <= 2 {
        return line.to_vec();
    }
    kept(
        line,
        &douglas_peucker(line, vec![(0, line.len() - 1)], tolerance),
    )
}

/// A border line with its simplified copy and extent.
#[derive(Debug, Clone)]
pub struct Line {
    pub points: Vec<Rel>,
    /// Simplified copies, one per level of [`LOD_ZOOMS`].
    pub lods: Vec<Vec<Rel>>,
    pub bbox: BBox,
}

impl Line {
    pub fn new(points: Vec<Rel>) -> Line {
        let mut bbox = BBox::EMPTY;
        for p in &points {
            bbox.add(*p);
        }
        Line {
            lods: (0..LOD_ZOOMS.len())
                .map(|l| simplify_line(&points, lod_tolerance(l)))
                .collect(),
            points,
            bbox,
        }
    }

    /// The points to stroke at `zoom`.
    pub fn points_at(&self, zoom: f64) -> &[Rel] {
        lod_level(zoom)
            .and_then(|l| self.lods.get(l))
            .map_or(&self.points, |p| p.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mercator_round_trips() {
        for (lon, lat) in [(4.9, 52.37), (3.3, 50.75), (7.2, 53.5)] {
            let r = to_rel(lon, lat);
            let (lo, la) = from_rel(r);
            assert!(
                (lo - lon).abs() < 1e-5 && (la - lat).abs() < 1e-5,
                "{lon},{lat}"
            );
        }
    }

    #[test]
    fn square_triangulates_and_contains() {
        let mut e = earcut::Earcut::new();
        let ring = vec![
            [4.0, 52.0],
            [5.0, 52.0],
            [5.0, 53.0],
            [4.0, 53.0],
            [4.0, 52.0],
        ];
        let p = polygon_from_rings(&[ring], &mut e);
        assert_eq!(p.rings[0].len(), 4);
        assert_eq!(p.triangles.len(), 6);
        assert!(p.contains(to_rel(4.5, 52.5)));
        assert!(!p.contains(to_rel(5.5, 52.5)));
    }

    #[test]
    fn simplification_keeps_the_shape() {
        let ring: Vec<Rel> = (0..100)
            .map(|i| {
                let a = i as f32 / 100.0 * std::f32::consts::TAU;
                [a.cos() * 0.01, a.sin() * 0.01]
            })
            .collect();
        let s = simplify_ring(&ring, 1e-4);
        assert!(s.len() >= 4 && s.len() < 40, "{}", s.len());
    }

    #[test]
    fn union_of_two_adjacent_squares_is_one_ring() {
        let mut e = earcut::Earcut::new();
        let a = parse_square(&mut e, 4.0);
        let b = parse_square(&mut e, 5.0);
        let outline = union_outline([&a, &b]);
        assert_eq!(outline.len(), 1);
        // 6 corners, closed: first point repeated at the end.
        assert_eq!(outline[0].len(), 7);
    }

    fn parse_square(e: &mut earcut::Earcut<f64>, x: f64) -> Area {
        let ring = vec![
            [x, 52.0],
            [x + 1.0, 52.0],
            [x + 1.0, 53.0],
            [x, 53.0],
            [x, 52.0],
        ];
        let poly = polygon_from_rings(&[ring], e);
        Area {
            bbox: poly.bbox,
            polygons: vec![poly],
            ..Area::default()
        }
    }
}
