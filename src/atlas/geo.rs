//! Map geometry derived from the dataset: projected place positions, marker style and label
//! priority, sub-region areas, routes and link endpoints. Built once per dataset.

use std::collections::HashMap;

use egui::Color32;

use crate::atlas::colour::parse_colour;
use crate::atlas::ids::FastMap;
use crate::basemap::Basemap;
use crate::geo::geometry::{BBox, Rel, to_rel, union_outline};
use crate::model::{Dataset, PlaceKind, RegionKind};

/// The symbol a kind of place gets on the map: a second cue beside the sector colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerShape {
    Circle,
    Square,
    Triangle,
    Diamond,
    Hexagon,
}

impl MarkerShape {
    pub fn for_kind(kind: PlaceKind) -> MarkerShape {
        match kind {
            PlaceKind::Hotspot | PlaceKind::Company | PlaceKind::Site => MarkerShape::Circle,
            PlaceKind::Cluster | PlaceKind::Area => MarkerShape::Diamond,
            PlaceKind::Campus | PlaceKind::InnovationDistrict => MarkerShape::Square,
            PlaceKind::Fieldlab | PlaceKind::Project => MarkerShape::Triangle,
            PlaceKind::KnowledgeInstitution
            | PlaceKind::Network
            | PlaceKind::Infrastructure
            | PlaceKind::SubRegion => MarkerShape::Hexagon,
        }
    }
}

/// Marker radius in points for a company count: area grows with the count.
pub fn radius_for_companies(companies: i64) -> f32 {
    4.0 + 1.1 * (companies.max(0) as f32).sqrt()
}

#[derive(Debug, Clone)]
pub struct PlaceGeo {
    /// The place's name, shared for labels.
    pub name: std::sync::Arc<str>,
    pub pos: Rel,
    pub radius: f32,
    pub shape: MarkerShape,
    pub colour: Color32,
    /// Higher is labelled first.
    pub priority: f32,
    /// Sub-regions are drawn as areas, not markers.
    pub is_area: bool,
}

#[derive(Debug, Clone)]
pub struct SubRegionGeo {
    /// Index of the sub-region in `dataset.places`.
    pub place: usize,
    /// Indices into `basemap.municipalities`.
    pub municipalities: Vec<usize>,
    pub outline: Vec<Vec<Rel>>,
    pub bbox: BBox,
}

#[derive(Debug, Clone)]
pub struct RouteGeo {
    /// Id of the focus theme or infrastructure ask.
    pub id: String,
    /// Its name in Dutch and in English (an infrastructure ask's name is one proper name).
    pub names: [std::sync::Arc<str>; 2],
    pub points: Vec<Rel>,
    pub colour: Color32,
    pub region: String,
}

impl RouteGeo {
    /// The route's name in `lang`: labels and legends follow the language of the slide.
    pub fn name(&self, lang: crate::model::Lang) -> &std::sync::Arc<str> {
        match lang {
            crate::model::Lang::Nl => &self.names[0],
            crate::model::Lang::En => &self.names[1],
        }
    }
}

#[derive(Debug, Clone)]
pub struct LinkGeo {
    /// Endpoint positions (places at their point, regions at their centre).
    pub ends: Vec<Rel>,
    pub optional: Vec<Rel>,
    pub colour: Color32,
    /// Index into `ends` of the end that states the link, if the source gives a direction.
    pub from: Option<usize>,
}

/// All map geometry of one dataset.
#[derive(Debug, Default)]
pub struct GeoIndex {
    /// Parallel to `dataset.places`.
    pub places: Vec<PlaceGeo>,
    pub sub_regions: Vec<SubRegionGeo>,
    /// Extent per region id (places and sub-region areas).
    pub region_boxes: HashMap<String, BBox>,
    /// Centre used when a region is a link endpoint.
    pub region_centres: HashMap<String, Rel>,
    pub routes: Vec<RouteGeo>,
    /// Parallel to `dataset.cross_pollinations`.
    pub links: Vec<LinkGeo>,
    /// (cluster, site) place index pairs: a northern cluster and each of its sites.
    pub spokes: Vec<(usize, usize)>,
    /// Extent of the whole atlas.
    pub all: BBox,
}

/// Colour of the first sector of a list (grey without one), through a table made once.
struct Colours<'a>(FastMap<&'a str, Color32>);

impl<'a> Colours<'a> {
    fn new(d: &'a Dataset) -> Self {
        let mut map = FastMap::default();
        for s in &d.sectors {
            // The first sector with an id wins, as `Dataset::sector` finds it.
            map.entry(s.id.as_str())
                .or_insert_with(|| parse_colour(&s.color));
        }
        Colours(map)
    }

    fn of(&self, sectors: &[String]) -> Color32 {
        sectors
            .first()
            .and_then(|s| self.0.get(s.as_str()).copied())
            .unwrap_or(Color32::from_gray(110))
    }
}

fn kind_priority(kind: PlaceKind) -> f32 {
    match kind {
        PlaceKind::SubRegion => 900.0,
        PlaceKind::Cluster => 850.0,
        PlaceKind::Hotspot => 800.0,
        PlaceKind::InnovationDistrict | PlaceKind::Campus => 300.0,
        PlaceKind::Site | PlaceKind::Fieldlab => 250.0,
        PlaceKind::KnowledgeInstitution | PlaceKind::Network | PlaceKind::Infrastructure => 200.0,
        PlaceKind::Project | PlaceKind::Area => 150.0,
        PlaceKind::Company => 100.0,
    }
}

impl GeoIndex {
    pub fn new(d: &Dataset, basemap: &Basemap) -> GeoIndex {
        let index: FastMap<String, usize> = d
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        GeoIndex::with_index(d, basemap, &index)
    }

    /// [`GeoIndex::new`] with the atlas's index of place ids.
    pub fn with_index(d: &Dataset, basemap: &Basemap, idx: &FastMap<String, usize>) -> GeoIndex {
        let mut index = GeoIndex {
            all: BBox::EMPTY,
            places: Vec::with_capacity(d.places.len()),
            ..GeoIndex::default()
        };
        let colours = Colours::new(d);
        let atlas_regions: FastMap<&str, ()> = d
            .regions
            .iter()
            .filter(|r| r.kind == RegionKind::Atlas)
            .map(|r| (r.id.as_str(), ()))
            .collect();
        for p in &d.places {
            let pos = to_rel(p.position.lon, p.position.lat);
            let radius = match (p.kind, p.companies) {
                (PlaceKind::Cluster, _) => 11.0,
                (PlaceKind::Hotspot, Some(n)) => radius_for_companies(n),
                (PlaceKind::Hotspot, None) => 8.0,
                (PlaceKind::Company, _) => 3.5,
                _ => 5.0,
            };
            let priority = kind_priority(p.kind) + p.companies.unwrap_or(0) as f32 / 10.0;
            index.places.push(PlaceGeo {
                name: p.name.as_str().into(),
                pos,
                radius,
                shape: MarkerShape::for_kind(p.kind),
                colour: colours.of(&p.sectors),
                priority,
                is_area: p.kind == PlaceKind::SubRegion,
            });
            if atlas_regions.contains_key(p.region.as_str()) {
                match index.region_boxes.get_mut(&p.region) {
                    Some(b) => b.add(pos),
                    None => {
                        let mut b = BBox::EMPTY;
                        b.add(pos);
                        index.region_boxes.insert(p.region.clone(), b);
                    }
                }
                index.all.add(pos);
            }
        }
        for (i, p) in d.places.iter().enumerate() {
            if p.kind != PlaceKind::SubRegion {
                continue;
            }
            let municipalities: Vec<usize> = p
                .members
                .iter()
                .filter_map(|m| {
                    basemap
                        .municipalities
                        .binary_search_by(|a| a.code.as_str().cmp(&m.cbs))
                        .ok()
                })
                .collect();
            let areas = municipalities
                .iter()
                .filter_map(|&m| basemap.municipalities.get(m));
            let mut bbox = BBox::EMPTY;
            for a in areas.clone() {
                bbox.union(&a.bbox);
            }
            let outline = union_outline(areas);
            if !bbox.is_empty() {
                index
                    .region_boxes
                    .entry(p.region.clone())
                    .or_insert(BBox::EMPTY)
                    .union(&bbox);
                index.all.union(&bbox);
            }
            index.sub_regions.push(SubRegionGeo {
                place: i,
                municipalities,
                outline,
                bbox,
            });
        }
        for (id, b) in &index.region_boxes {
            index.region_centres.insert(id.clone(), b.center());
        }
        for t in &d.focus_themes {
            if let Some(r) = &t.route {
                index.routes.push(RouteGeo {
                    id: t.id.clone(),
                    names: [t.name.nl.as_str().into(), t.name.en.as_str().into()],
                    points: r.points.iter().map(|p| to_rel(p.lon, p.lat)).collect(),
                    colour: colours.of(&t.sectors),
                    region: t.region.clone(),
                });
            }
        }
        for a in &d.infrastructure {
            if let Some(r) = &a.route {
                let colour = match a.kind {
                    crate::model::InfrastructureKind::Energy => parse_colour("#0072B2"),
                    _ => Color32::from_rgb(70, 70, 70),
                };
                index.routes.push(RouteGeo {
                    id: a.id.clone(),
                    names: [a.name.as_str().into(), a.name.as_str().into()],
                    points: r.points.iter().map(|p| to_rel(p.lon, p.lat)).collect(),
                    colour,
                    region: a.region.clone(),
                });
            }
        }
        let end_pos = |id: &str| -> Option<Rel> {
            idx.get(id)
                .and_then(|&i| index.places.get(i))
                .map(|g| g.pos)
                .or_else(|| index.region_centres.get(id).copied())
        };
        let mut sub_region_pos: FastMap<&str, Vec<Rel>> = FastMap::default();
        for (p, g) in d.places.iter().zip(&index.places) {
            if p.kind == PlaceKind::SubRegion {
                sub_region_pos
                    .entry(p.region.as_str())
                    .or_default()
                    .push(g.pos);
            }
        }
        let links: Vec<LinkGeo> = d
            .cross_pollinations
            .iter()
            .map(|x| {
                // Ends without a position (a region outside the atlas) are left out; the
                // direction is looked up among the ends that remain.
                let placed: Vec<(&String, Rel)> = x
                    .endpoints
                    .iter()
                    .filter_map(|e| end_pos(e).map(|p| (e, p)))
                    .collect();
                let from = x
                    .from
                    .as_ref()
                    .and_then(|f| placed.iter().position(|(e, _)| *e == f));
                let mut ends: Vec<Rel> = placed.iter().map(|(_, p)| *p).collect();
                if let Some(r) = &x.all_sub_regions_of {
                    ends.extend(sub_region_pos.get(r.as_str()).into_iter().flatten());
                }
                LinkGeo {
                    optional: x
                        .optional_endpoints
                        .iter()
                        .filter_map(|e| end_pos(e))
                        .collect(),
                    colour: colours.of(&x.sectors),
                    from,
                    ends,
                }
            })
            .collect();
        index.links = links;
        for (i, p) in d.places.iter().enumerate() {
            if let Some(&parent) = p.parent.as_deref().and_then(|id| idx.get(id))
                && d.places
                    .get(parent)
                    .is_some_and(|c| c.kind == PlaceKind::Cluster)
            {
                index.spokes.push((parent, i));
            }
        }
        index
    }

    /// The extent to show for a region id, or the whole atlas.
    pub fn extent(&self, region: Option<&str>) -> BBox {
        region
            .and_then(|r| self.region_boxes.get(r).copied())
            .unwrap_or(self.all)
    }
}
