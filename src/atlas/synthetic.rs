//! Synthetic datasets shaped like `seeds/`, for measuring and testing the atlas at scale.
//!
//! A synthetic dataset is the embedded atlas plus generated places shaped like its own: the
//! kinds in the proportions the seeds have them (never sub-regions or areas), each near a
//! town of the basemap gazetteer (`plaatsen.json`) and inside that town's municipality, in
//! the atlas region of its province, with 1–3 sectors drawn as often as the seeds' places
//! have them, hotspots and clusters with anchors, hotspots with company counts, about a
//! third of the others with a generated hotspot or cluster of their region as parent, every
//! one citing the [`SOURCE_ID`] source the generator adds. The same `places` and `seed` always give the same
//! dataset, so measurements can be repeated.
//!
//! [`generate`] builds the dataset in memory (for tests and benches); [`files`] renders it
//! as the files of a dataset folder that `innovation-atlas check` accepts (the seed files
//! unchanged, the generated places in `synthetic/places-NNN.toml`).

use crate::basemap::lonlat::{self, TownPoint};
use crate::basemap::{Basemap, municipalities};
use crate::geo::geometry::to_rel;
use crate::model::{
    Citation, Dataset, LoadedDataset, Origin, Place, PlaceKind, Position, Source, SourceFile,
    SourceKind, Text, load::EMBEDDED,
};

/// Id of the source every generated record cites.
pub const SOURCE_ID: &str = "synthetic";

/// Generated places per file: a file stays a few megabytes, well under the loader's limit.
pub const PLACES_PER_FILE: usize = 5_000;

/// Kinds that are never generated: a sub-region needs municipalities no other sub-region
/// has, and areas are partners outside the map.
const NOT_GENERATED: &[PlaceKind] = &[PlaceKind::SubRegion, PlaceKind::Area];

/// Organisations generated hotspots and clusters name as anchors.
const ANCHORS: &[&str] = &[
    "TU Delft",
    "TNO",
    "Universiteit Leiden",
    "Erasmus Universiteit",
    "Rijksuniversiteit Groningen",
    "Universiteit van Amsterdam",
    "Vrije Universiteit",
    "Hogeschool Rotterdam",
    "Hanzehogeschool",
    "Haagse Hogeschool",
    "Port of Rotterdam",
    "Schiphol",
    "Gasunie",
    "Deltares",
    "ESA-ESTEC",
    "Naturalis",
    "Inholland",
    "NHL Stenden",
    "Wageningen Plant Research",
    "Marin",
];

/// Syllables of the invented company names: many distinct words, as a real list has.
const SYLLABLES: &[&str] = &[
    "ka", "ve", "lo", "ri", "ta", "no", "me", "sa", "du", "fi", "ro", "ze", "pa", "li", "mo", "ne",
    "ga", "ti", "vo", "ra", "be", "xa", "qu", "de", "ho", "la", "ni", "so", "ke", "wa",
];

const SUFFIXES: &[&str] = &[
    "",
    "",
    " BV",
    " Labs",
    " Systems",
    " Group",
    " NL",
    " Technologies",
];

/// The atlas region a province's places belong to; `None` outside the three regions.
fn region_of_province(province: &str) -> Option<&'static str> {
    match province {
        "Zuid-Holland" => Some("zuid-holland"),
        "Noord-Holland" | "Flevoland" => Some("mra"),
        "Groningen" | "Fryslân" | "Drenthe" => Some("noord-nederland"),
        _ => None,
    }
}

/// A deterministic generator (SplitMix64): the same seed gives the same dataset everywhere.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5EED_0FA7_1A5E)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// An index drawn with the given cumulative weights (last = total).
    fn weighted(&mut self, cumulative: &[f64]) -> usize {
        let total = cumulative.last().copied().unwrap_or(0.0);
        let x = self.unit() * total;
        cumulative
            .partition_point(|&c| c <= x)
            .min(cumulative.len().saturating_sub(1))
    }
}

struct TownSite {
    town: &'static TownPoint,
    region: &'static str,
}

/// Why a synthetic dataset could not be made: the embedded data it starts from is broken
/// (a build problem, not the user's).
#[derive(Debug, thiserror::Error)]
pub enum SyntheticError {
    #[error("the embedded atlas does not load: {0}")]
    Embedded(#[from] crate::model::LoadError),
    #[error("the gazetteer has no towns in the atlas regions")]
    NoTowns,
    #[error("the dataset has no sectors to give places")]
    NoSectors,
    #[error("a generated file could not be written as TOML: {0}")]
    Encode(#[from] toml::ser::Error),
}

/// Towns of the gazetteer inside the atlas regions, with cumulative weights (√population).
fn towns() -> Result<(Vec<TownSite>, Vec<f64>), SyntheticError> {
    let register = municipalities::register();
    let mut sites = Vec::new();
    let mut cumulative = Vec::new();
    let mut total = 0.0;
    for town in lonlat::towns() {
        let Some(region) = register
            .get(&town.cbs)
            .and_then(|m| region_of_province(&m.province))
        else {
            continue;
        };
        total += f64::from(town.population.max(100)).sqrt();
        cumulative.push(total);
        sites.push(TownSite { town, region });
    }
    if sites.is_empty() {
        return Err(SyntheticError::NoTowns);
    }
    Ok((sites, cumulative))
}

fn invented_word(rng: &mut Rng) -> String {
    let n = 2 + rng.below(3);
    let mut w = String::new();
    for _ in 0..n {
        w.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    if rng.below(3) == 0 {
        w.push(['x', 'n', 'r', 's', 'l'][rng.below(5)]);
    }
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => w,
    }
}

fn cite() -> Vec<Citation> {
    vec![Citation {
        source: SOURCE_ID.into(),
        section: None,
        lines: None,
        fields: Vec::new(),
        note: None,
        reading: None,
    }]
}

/// The source record generated places cite.
pub fn source() -> Source {
    Source {
        id: SOURCE_ID.into(),
        kind: SourceKind::External,
        title: "Synthetic places (innovation-atlas generate)".into(),
        file: None,
        publisher: None,
        date: None,
        url: None,
        note: Text {
            nl: "Gegenereerde plaatsen om de atlas op schaal te meten; geen echte organisaties."
                .into(),
            en: "Generated places for measuring the atlas at scale; not real organisations.".into(),
        },
    }
}

/// `n` generated places for dataset `d` (which provides the sectors), deterministic in
/// `seed`. Ids are `syn-000001`, … and never clash with the seeds' ids.
pub fn places(d: &Dataset, n: usize, seed: u64) -> Result<Vec<Place>, SyntheticError> {
    let basemap = Basemap::shared();
    let (towns, town_weights) = towns()?;
    let sectors: Vec<&crate::model::Sector> = d.sectors.iter().collect();
    if sectors.is_empty() {
        return Err(SyntheticError::NoSectors);
    }
    let mut rng = Rng::new(seed);
    // Sectors and kinds as often as the dataset's own places have them (+1, so that every
    // sector and kind occurs).
    let mut sector_weights = Vec::with_capacity(sectors.len());
    let mut total = 0.0;
    for s in &sectors {
        let n = d
            .places
            .iter()
            .filter(|p| p.sectors.contains(&s.id))
            .count();
        total += 1.0 + n as f64;
        sector_weights.push(total);
    }
    let kinds: Vec<PlaceKind> = PlaceKind::ALL
        .into_iter()
        .filter(|k| !NOT_GENERATED.contains(k))
        .collect();
    let mut kind_weights = Vec::with_capacity(kinds.len());
    let mut total = 0.0;
    for k in &kinds {
        total += 1.0 + d.places.iter().filter(|p| p.kind == *k).count() as f64;
        kind_weights.push(total);
    }
    // Generated profile places per region, for parents.
    let mut profiles: Vec<(&'static str, usize)> = Vec::new();
    let mut out: Vec<Place> = Vec::with_capacity(n);
    for k in 0..n {
        let site = &towns[rng.weighted(&town_weights)];
        let (town, town_region) = (site.town, site.region);
        let area = basemap.municipality(&town.cbs);
        // Within about 2 km of the town centre and inside its municipality.
        let (mut lat, mut lon) = (town.lat, town.lon);
        for _ in 0..16 {
            let la = town.lat + (rng.unit() - 0.5) * 0.036;
            let lo = town.lon + (rng.unit() - 0.5) * 0.06;
            if area.is_none_or(|a| a.contains(to_rel(lo, la))) {
                (lat, lon) = (la, lo);
                break;
            }
        }
        let kind = kinds[rng.weighted(&kind_weights)];
        let count = 1 + rng.below(3);
        let mut own: Vec<usize> = Vec::with_capacity(count);
        while own.len() < count.min(sectors.len()) {
            let s = rng.weighted(&sector_weights);
            if !own.contains(&s) {
                own.push(s);
            }
        }
        let sector_ids: Vec<String> = own.iter().map(|&s| sectors[s].id.clone()).collect();
        let main = sectors[own[0]];
        let profile = matches!(kind, PlaceKind::Hotspot | PlaceKind::Cluster);
        let anchors = if profile {
            (0..rng.below(4))
                .map(|_| ANCHORS[rng.below(ANCHORS.len())].to_string())
                .fold(Vec::new(), |mut v: Vec<String>, a| {
                    if !v.contains(&a) {
                        v.push(a);
                    }
                    v
                })
        } else {
            Vec::new()
        };
        let parent = if !profile && rng.below(10) < 3 {
            let here: Vec<usize> = profiles
                .iter()
                .rev()
                .filter(|(r, _)| *r == town_region)
                .take(32)
                .map(|(_, i)| *i)
                .collect();
            (!here.is_empty()).then(|| out[here[rng.below(here.len())]].id.clone())
        } else {
            None
        };
        let word = invented_word(&mut rng);
        let suffix = SUFFIXES[rng.below(SUFFIXES.len())];
        let name = match kind {
            PlaceKind::Hotspot => format!("{word} {} hotspot {}", main.label.en, town.name),
            PlaceKind::Cluster => format!("{} cluster {word}", main.label.en),
            PlaceKind::Fieldlab => format!("Fieldlab {word}"),
            PlaceKind::Campus => format!("{word} Campus"),
            _ => format!("{word} {}{suffix}", main.label.en),
        };
        let id = format!("syn-{:06}", k + 1);
        if profile {
            profiles.push((town_region, out.len()));
        }
        out.push(Place {
            id,
            region: town_region.into(),
            kind,
            name,
            aliases: Vec::new(),
            town: Some(town.name.clone()),
            position: Position {
                lat,
                lon,
                represents: Text {
                    nl: format!("gegenereerd bij {}", town.name),
                    en: format!("generated near {}", town.name),
                },
                accuracy_m: 2_000,
                basis: SOURCE_ID.into(),
            },
            description: Text {
                nl: format!(
                    "Gegenereerde plaats in {} ({}).",
                    town.name,
                    main.label.get(crate::model::Lang::Nl)
                ),
                en: format!("Generated place in {} ({}).", town.name, main.label.en),
            },
            sectors: sector_ids,
            anchors,
            fieldlabs: Vec::new(),
            companies: (kind == PlaceKind::Hotspot).then(|| 5 + rng.below(400) as i64),
            example_companies: Vec::new(),
            programmes: Vec::new(),
            clusters: Vec::new(),
            needs: Vec::new(),
            parent,
            map_number: None,
            members: Vec::new(),
            members_source: None,
            sources: cite(),
        });
    }
    Ok(out)
}

/// The embedded atlas grown to `total_places` places (its own 175 included; no places are
/// added when it already has that many), in memory and not validated again.
pub fn generate(total_places: usize, seed: u64) -> Result<LoadedDataset, SyntheticError> {
    let mut loaded = crate::model::load_embedded()?;
    let n = total_places.saturating_sub(loaded.dataset.places.len());
    let extra = places(&loaded.dataset, n, seed)?;
    loaded.dataset.sources.push(source());
    loaded.dataset.places.extend(extra);
    loaded.origin = Origin::Path(format!("synthetic-{total_places}").into());
    Ok(loaded)
}

/// The files of a dataset folder with `total_places` places: the embedded seed files as
/// they are (paths relative to the folder) and the generated places, [`PLACES_PER_FILE`] to
/// a file. Names use `/`; the caller joins them to the folder.
pub fn files(total_places: usize, seed: u64) -> Result<Vec<SourceFile>, SyntheticError> {
    let loaded = crate::model::load_embedded()?;
    let n = total_places.saturating_sub(loaded.dataset.places.len());
    let extra = places(&loaded.dataset, n, seed)?;
    let mut out: Vec<SourceFile> = EMBEDDED
        .iter()
        .map(|(name, text)| SourceFile {
            name: name.strip_prefix("seeds/").unwrap_or(name).to_string(),
            text: (*text).to_string(),
        })
        .collect();
    let header = "# Generated by `innovation-atlas generate`: synthetic places for measuring the\n\
                  # atlas at scale. Not real organisations.\n\n";
    let sources = Dataset {
        sources: vec![source()],
        ..Dataset::default()
    };
    out.push(SourceFile {
        name: "synthetic/source.toml".into(),
        text: format!("{header}{}", toml::to_string(&sources)?),
    });
    for (i, chunk) in extra.chunks(PLACES_PER_FILE).enumerate() {
        let part = Dataset {
            places: chunk.to_vec(),
            ..Dataset::default()
        };
        out.push(SourceFile {
            name: format!("synthetic/places-{:03}.toml", i + 1),
            text: format!("{header}{}", toml::to_string(&part)?),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_valid() {
        let a = generate(600, 7).expect("generate");
        let b = generate(600, 7).expect("generate");
        assert_eq!(a.dataset, b.dataset);
        assert_eq!(a.dataset.places.len(), 600);
        let problems = crate::model::validate::validate(
            &a.dataset,
            &[],
            &crate::model::files::Locator::default(),
        );
        assert!(problems.is_empty(), "{problems:?}");
        let c = generate(600, 8).expect("generate");
        assert_ne!(a.dataset, c.dataset);
    }

    #[test]
    fn generated_files_load_as_a_dataset() {
        let files = files(400, 1).expect("files");
        assert!(files.iter().any(|f| f.name == "synthetic/places-001.toml"));
        let loaded = crate::model::load_files(files, Origin::Path("synthetic".into()))
            .map_err(|e| format!("{e}: {:?}", e.problems))
            .expect("the generated files load");
        assert_eq!(loaded.dataset.places.len(), 400);
        let syn = loaded
            .dataset
            .places
            .iter()
            .filter(|p| p.id.starts_with("syn-"))
            .count();
        assert_eq!(
            syn,
            400 - crate::model::load_embedded()
                .expect("seeds")
                .dataset
                .places
                .len()
        );
    }
}
