//! The atlas's domain model: plain data, no UI types.
//!
//! Every record type is what one `[[table]]` in a dataset file holds. Field names here are
//! the keys officials write in the TOML files under `seeds/`, so they are short and Dutch-free
//! (the values carry the Dutch). Unknown keys are rejected so that a typo never silently
//! drops a fact.

use serde::{Deserialize, Serialize};

mod agenda;
mod figures;
mod programmes;

pub use agenda::*;
pub use figures::*;
pub use programmes::*;

/// Reads a pair written `[a, b]`, refusing a list of any other length. (A `[T; 2]` reads two
/// entries and stops, and the TOML reader then drops whatever follows without a word:
/// `lines = [290, 294, "x", {a = 1}]` became `[290, 294]`.)
pub(crate) fn exact_pair<'de, D, T>(d: D) -> Result<Option<[T; 2]>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Copy,
{
    struct Pair<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de> + Copy> serde::de::Visitor<'de> for Pair<T> {
        type Value = [T; 2];

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("two values, [first, last]")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<[T; 2], A::Error> {
            let mut items = Vec::with_capacity(2);
            while let Some(item) = seq.next_element::<T>()? {
                items.push(item);
            }
            match items.as_slice() {
                [a, b] => Ok([*a, *b]),
                _ => Err(serde::de::Error::invalid_length(items.len(), &self)),
            }
        }
    }
    struct Exact<T>([T; 2]);
    impl<'de, T: Deserialize<'de> + Copy> Deserialize<'de> for Exact<T> {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            // A tuple, not a list: RON (the settings of earlier versions) writes `(a, b)`.
            d.deserialize_tuple(2, Pair(std::marker::PhantomData))
                .map(Exact)
        }
    }
    // Through `Option`, so RON's `Some((a, b))` reads as TOML's and JSON's plain pair.
    Option::<Exact<T>>::deserialize(d).map(|pair| pair.map(|p| p.0))
}

/// A text in both UI languages. Descriptions are written for the atlas, not copied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub nl: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

/// Reads a `Text` written either as `{ nl = "…", en = "…" }` or as one plain string, which
/// then stands for both languages.
fn text_or_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    // A visitor rather than an untagged enum, so that a mistake inside the table (an
    // unknown language key, a number) keeps serde's own message and the file's position.
    struct TextOrString;
    impl<'de> serde::de::Visitor<'de> for TextOrString {
        type Value = Text;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a text, or a table { nl = \"…\", en = \"…\" }")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Text, E> {
            Ok(Text {
                nl: s.to_string(),
                en: s.to_string(),
            })
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Text, A::Error> {
            Text::deserialize(serde::de::value::MapAccessDeserializer::new(map))
        }
    }
    d.deserialize_any(TextOrString)
}

/// The two languages of the atlas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

/// Where a fact comes from: a document (seed or external) and the place in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Id of a `[[source]]` record.
    pub source: String,
    /// Section, table or paragraph as the document names it, e.g. "Bijlage 2, Tabel 1".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// First and last line (1-based, inclusive) in the seed file.
    #[serde(
        default,
        deserialize_with = "exact_pair",
        skip_serializing_if = "Option::is_none"
    )]
    pub lines: Option<[u32; 2]>,
    /// Which fields of the record this citation backs; empty means the whole record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// For maintainers only: how an ambiguous passage was read and why, with line numbers
    /// and trap names. Never shown to users as a fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For users: how the passage (a flattened table, an ambiguous sentence) was read, in both
    /// languages. Only where the reading matters to someone using the atlas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// One of the seed documents in `../shared/seeds`.
    Seed,
    /// A public source outside the seeds (a register, a website, general geography).
    External,
}

/// A document the atlas cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub kind: SourceKind,
    pub title: String,
    /// The seed's file name, e.g. `001_683bde24a5de3812.txt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// For reference only: the atlas never fetches it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What the source is and how it was used.
    pub note: Text,
}

/// One entry of the shared sector taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    pub id: String,
    pub label: Text,
    /// `#rrggbb`.
    pub color: String,
    pub description: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    /// One of the regions the atlas maps and profiles.
    #[default]
    Atlas,
    /// Areas outside the mapped regions that a source names as a partner.
    Elsewhere,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub kind: RegionKind,
    pub description: Text,
    /// The documents this region's content comes from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
    pub sources: Vec<Citation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A HIDelta hotspot of the Zuid-Holland technology industry.
    Hotspot,
    /// An MRA sub-region (deelregio), drawn as the union of its municipalities.
    SubRegion,
    /// A northern specialisation cluster.
    Cluster,
    InnovationDistrict,
    Campus,
    /// A fieldlab, skillslab or living lab.
    Fieldlab,
    Project,
    /// A cluster organisation, network or helix partnership.
    Network,
    KnowledgeInstitution,
    Company,
    /// A site of a northern cluster.
    Site,
    /// A station, airport, port or other piece of infrastructure.
    Infrastructure,
    /// A named area (province, greenport, region outside the atlas) used as a partner.
    Area,
}

impl PlaceKind {
    pub const ALL: [PlaceKind; 13] = [
        PlaceKind::Hotspot,
        PlaceKind::SubRegion,
        PlaceKind::Cluster,
        PlaceKind::InnovationDistrict,
        PlaceKind::Campus,
        PlaceKind::Fieldlab,
        PlaceKind::Project,
        PlaceKind::Network,
        PlaceKind::KnowledgeInstitution,
        PlaceKind::Company,
        PlaceKind::Site,
        PlaceKind::Infrastructure,
        PlaceKind::Area,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PlaceKind::Hotspot => "hotspot",
            PlaceKind::SubRegion => "sub_region",
            PlaceKind::Cluster => "cluster",
            PlaceKind::InnovationDistrict => "innovation_district",
            PlaceKind::Campus => "campus",
            PlaceKind::Fieldlab => "fieldlab",
            PlaceKind::Project => "project",
            PlaceKind::Network => "network",
            PlaceKind::KnowledgeInstitution => "knowledge_institution",
            PlaceKind::Company => "company",
            PlaceKind::Site => "site",
            PlaceKind::Infrastructure => "infrastructure",
            PlaceKind::Area => "area",
        }
    }
}

/// A WGS84 point and what it stands for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub lat: f64,
    pub lon: f64,
    /// What the point marks, e.g. "ESA-ESTEC gate, Keplerlaan" or "town centre", in both
    /// languages: a user reads it beside the coordinates. A plain string is read as the
    /// same words in both (older datasets and user-written files).
    #[serde(deserialize_with = "text_or_string")]
    pub represents: Text,
    /// Rough radius in metres within which the real site lies.
    pub accuracy_m: u32,
    /// Id of the source the position rests on (usually an external one).
    pub basis: String,
}

/// A municipality that belongs to a sub-region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    /// CBS code, `GMnnnn`.
    pub cbs: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    pub region: String,
    pub kind: PlaceKind,
    pub name: String,
    /// Every other name the documents use for this place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<String>,
    pub position: Position,
    pub description: Text,
    /// Sector ids, the main one first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<String>,
    /// Fieldlabs and skillslabs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fieldlabs: Vec<String>,
    /// Number of companies, where a source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub companies: Option<i64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub example_companies: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<String>,
    /// Clusters and ecosystems as the profile names them (sub-regions and clusters).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clusters: Vec<Text>,
    /// What the place asks for, in the source's terms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Text>,
    /// The place this one lies in or belongs to (a sub-region, a cluster, a hotspot).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Number on the source's map (Kaart 2 for the HIDelta hotspots).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_number: Option<u32>,
    /// Member municipalities (sub-regions only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Municipality>,
    /// Where the membership list comes from (sub-regions only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_source: Option<Citation>,
    pub sources: Vec<Citation>,
}

/// The direction a source gives a link, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum LinkOrigin {
    /// MRA agenda section 4.2, the list of cross-pollinations between sub-regions.
    AgendaSection,
    /// The "mogelijke kruisbestuivingen" column of a sub-region's profile table.
    ProfileTable,
    /// A link stated in running text.
    #[default]
    Text,
    /// A partner or cooperation named on a project sheet.
    ProjectSheet,
}

/// A possible cross-pollination between places or regions that a source names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrossPollination {
    pub id: String,
    /// Ids of places or regions the link joins. Empty when the source names none.
    #[serde(default)]
    pub endpoints: Vec<String>,
    /// Endpoints the source adds as "possibly".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub optional_endpoints: Vec<String>,
    /// When the link concerns every sub-region of a region: that region's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_sub_regions_of: Option<String>,
    /// The endpoint whose profile states the link, when the source gives a direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    pub theme: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    /// Concrete places the source names as carriers of the link.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
    /// Partners the source names that are not mapped places.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub named_partners: Vec<String>,
    pub origin: LinkOrigin,
    pub sources: Vec<Citation>,
}

/// Name and version of a dataset, shown in the title bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetInfo {
    pub name: String,
    pub version: String,
    pub description: Text,
}

/// Everything one dataset file may hold. A dataset is one such file or a folder of them;
/// the loader concatenates the lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dataset: Option<DatasetInfo>,
    #[serde(default, rename = "source", skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, rename = "sector", skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<Sector>,
    #[serde(default, rename = "region", skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<Region>,
    #[serde(default, rename = "place", skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    #[serde(
        default,
        rename = "cross_pollination",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub cross_pollinations: Vec<CrossPollination>,
    #[serde(default, rename = "action_line", skip_serializing_if = "Vec::is_empty")]
    pub action_lines: Vec<ActionLine>,
    #[serde(
        default,
        rename = "product_chain",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub product_chains: Vec<ProductChain>,
    #[serde(
        default,
        rename = "project_sheet",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub project_sheets: Vec<ProjectSheet>,
    #[serde(default, rename = "accelerator", skip_serializing_if = "Vec::is_empty")]
    pub accelerators: Vec<Accelerator>,
    #[serde(default, rename = "focus_theme", skip_serializing_if = "Vec::is_empty")]
    pub focus_themes: Vec<FocusTheme>,
    #[serde(
        default,
        rename = "infrastructure",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub infrastructure: Vec<InfrastructureAsk>,
    #[serde(default, rename = "figure", skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<KeyFigure>,
    #[serde(default, rename = "total", skip_serializing_if = "Vec::is_empty")]
    pub totals: Vec<StatedTotal>,
    #[serde(default, rename = "survey", skip_serializing_if = "Vec::is_empty")]
    pub surveys: Vec<Survey>,
    #[serde(default, rename = "agenda_item", skip_serializing_if = "Vec::is_empty")]
    pub agenda_items: Vec<AgendaItem>,
    #[serde(default, rename = "governance", skip_serializing_if = "Vec::is_empty")]
    pub governance: Vec<Governance>,
    #[serde(
        default,
        rename = "talent_initiative",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub talent_initiatives: Vec<TalentInitiative>,
    #[serde(
        default,
        rename = "financing_instrument",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub financing_instruments: Vec<FinancingInstrument>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Datasets written before `represents` had two languages, and users' own files, give
    /// one string: it stands for both languages rather than being refused.
    #[test]
    fn a_position_reads_one_string_or_both_languages() {
        let plain: Position = toml::from_str(
            "lat = 52.0\nlon = 4.3\nrepresents = \"Delft station\"\naccuracy_m = 100\nbasis = \"x\"",
        )
        .expect("a plain string reads");
        assert_eq!(plain.represents.nl, "Delft station");
        assert_eq!(plain.represents.en, "Delft station");
        let both: Position = toml::from_str(
            "lat = 52.0\nlon = 4.3\nrepresents = { nl = \"station Delft\", en = \"Delft station\" }\naccuracy_m = 100\nbasis = \"x\"",
        )
        .expect("both languages read");
        assert_eq!(both.represents.get(Lang::Nl), "station Delft");
        assert_eq!(both.represents.get(Lang::En), "Delft station");
        let wrong = toml::from_str::<Position>(
            "lat = 52.0\nlon = 4.3\nrepresents = { nl = \"x\", fr = \"y\" }\naccuracy_m = 100\nbasis = \"x\"",
        );
        assert!(wrong.is_err(), "an unknown language key is refused");
    }
}
