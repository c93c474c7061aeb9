//! The embedded vector basemap of the Netherlands (see assets/basemap/README.md), parsed
//! and triangulated once.

pub mod lonlat;
pub mod municipalities;

use std::sync::OnceLock;

use crate::geo::geometry::{
    Area, BBox, GeoJsonError, Line, NamedLine, Town, internal_borders, parse_areas, parse_lines,
    parse_towns,
};

pub const LAND: &str = include_str!("../../assets/basemap/land.geojson");
pub const PROVINCES: &str = include_str!("../../assets/basemap/provincies.geojson");
pub const MUNICIPALITIES: &str = include_str!("../../assets/basemap/gemeenten.geojson");
pub const WATER: &str = include_str!("../../assets/basemap/water.geojson");
pub const NEIGHBOURS: &str = include_str!("../../assets/basemap/buurlanden.geojson");
pub const TOWNS: &str = include_str!("../../assets/basemap/plaatsen.json");
pub const RIVERS: &str = include_str!("../../assets/basemap/rivers.geojson");

/// Short attribution for the map corner (the long form is in the About window).
pub const ATTRIBUTION_NL: &str = "© CBS, Kadaster, Rijkswaterstaat, GSHHG (LGPL), GeoNames (CC BY 4.0), Natural Earth · geen officiële grenzen";
pub const ATTRIBUTION_EN: &str = "© CBS, Kadaster, Rijkswaterstaat, GSHHG (LGPL), GeoNames (CC BY 4.0), Natural Earth · not official boundaries";
pub const ATTRIBUTION_LONG_NL: &str = "Kaartgegevens: gemeente- en provinciegrenzen © CBS en Kadaster (afgeleid van 'Nederland gemeenten 2024.svg', Wikimedia Commons, via het pakket nl-maps; door Innovation Atlas gevectoriseerd en vereenvoudigd, geen officiële grenzen) · water: Rijkswaterstaat (KRW-waterlichamen, via nlmod) · rivieren: GSHHG 2.3.7 (Wessel en Smith, uit CIA World Data Bank II; LGPL-3.0 of later; door Innovation Atlas geselecteerd, benoemd en vereenvoudigd) · plaatsnamen: GeoNames (CC BY 4.0, bewerkt) · buurlanden: Natural Earth.";
pub const ATTRIBUTION_LONG_EN: &str = "Map data: municipal and provincial boundaries © CBS and Kadaster (derived from 'Nederland gemeenten 2024.svg', Wikimedia Commons, via the nl-maps package; vectorised and simplified by Innovation Atlas, not official boundaries) · water: Rijkswaterstaat (WFD water bodies, via nlmod) · rivers: GSHHG 2.3.7 (Wessel and Smith, from CIA World Data Bank II; LGPL-3.0 or later; selected, named and simplified by Innovation Atlas) · place names: GeoNames (CC BY 4.0, modified) · neighbouring countries: Natural Earth.";
pub const CC_BY_URL: &str = "https://creativecommons.org/licenses/by/4.0/";
pub const LGPL_URL: &str = "https://www.gnu.org/licenses/lgpl-3.0.html";
pub const GSHHG_URL: &str = "https://www.soest.hawaii.edu/pwessel/gshhg/";
/// What the LGPL asks the About window to say about the river lines.
pub const RIVERS_NOTICE_NL: &str = "De rivierlijnen (rivers.geojson) zijn een bewerkt uittreksel van GSHHG en vallen onder de GNU LGPL 3.0 of later; licentieteksten en bouwscript staan in assets/basemap/.";
pub const RIVERS_NOTICE_EN: &str = "The river lines (rivers.geojson) are a modified extract of GSHHG under the GNU LGPL 3.0 or later; licence texts and the build script are in assets/basemap/.";

/// An embedded basemap file that cannot be read (only a broken build can cause this: the
/// files are compiled in and tested).
#[derive(Debug, thiserror::Error)]
#[error("assets/basemap/{file}: {source}")]
pub struct BasemapError {
    pub file: &'static str,
    #[source]
    pub source: GeoJsonError,
}

/// Every layer of the basemap.
#[derive(Debug, Default)]
pub struct Basemap {
    pub land: Vec<Area>,
    pub provinces: Vec<Area>,
    /// Sorted by CBS code.
    pub municipalities: Vec<Area>,
    /// `code` holds the kind: `zee`, `meer` or `kanaal`.
    pub water: Vec<Area>,
    pub neighbours: Vec<Area>,
    /// Sorted by population, largest first.
    pub towns: Vec<Town>,
    /// The main rivers as centre lines (GSHHG), with their rank.
    pub rivers: Vec<NamedLine>,
    /// Borders between provinces, each drawn once.
    pub province_borders: Vec<Line>,
    /// Borders between municipalities, each drawn once.
    pub municipal_borders: Vec<Line>,
    /// Extent of the Dutch land.
    pub netherlands: BBox,
}

impl Basemap {
    /// Parses the embedded files. An error names the file; the assets are tested, so this
    /// only fails on a broken build.
    pub fn load() -> Result<Basemap, BasemapError> {
        fn with_name(file: &'static str) -> impl Fn(GeoJsonError) -> BasemapError {
            move |source| BasemapError { file, source }
        }
        let land = parse_areas(LAND, "name", "name").map_err(with_name("land.geojson"))?;
        let provinces = parse_areas(PROVINCES, "name", "province_code")
            .map_err(with_name("provincies.geojson"))?;
        let mut municipalities = parse_areas(MUNICIPALITIES, "name", "cbs_code")
            .map_err(with_name("gemeenten.geojson"))?;
        municipalities.sort_by(|a, b| a.code.cmp(&b.code));
        let water = parse_areas(WATER, "name", "kind").map_err(with_name("water.geojson"))?;
        let neighbours =
            parse_areas(NEIGHBOURS, "name", "iso").map_err(with_name("buurlanden.geojson"))?;
        let towns = parse_towns(TOWNS).map_err(with_name("plaatsen.json"))?;
        let rivers = parse_lines(RIVERS).map_err(with_name("rivers.geojson"))?;
        let mut netherlands = BBox::EMPTY;
        for a in &land {
            netherlands.union(&a.bbox);
        }
        let province_borders = internal_borders(&provinces)
            .into_iter()
            .map(Line::new)
            .collect();
        let municipal_borders = internal_borders(&municipalities)
            .into_iter()
            .map(Line::new)
            .collect();
        Ok(Basemap {
            province_borders,
            municipal_borders,
            land,
            provinces,
            municipalities,
            water,
            neighbours,
            towns,
            rivers,
            netherlands,
        })
    }

    /// The shared basemap, built on first use.
    pub fn shared() -> &'static Basemap {
        static BASEMAP: OnceLock<Basemap> = OnceLock::new();
        BASEMAP.get_or_init(|| {
            Basemap::load().unwrap_or_else(|e| {
                log::error!("basemap unavailable: {e}");
                Basemap::default()
            })
        })
    }

    pub fn municipality(&self, cbs: &str) -> Option<&Area> {
        self.municipalities
            .binary_search_by(|a| a.code.as_str().cmp(cbs))
            .ok()
            .and_then(|i| self.municipalities.get(i))
    }
}
