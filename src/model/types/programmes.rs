//! Programmes around the agendas: talent networks and technology-promotion initiatives
//! (Zuid-Holland), and the financing instruments of Noord-Holland and Flevoland (MRA).

use serde::{Deserialize, Serialize};

use super::{Citation, Text};

/// The section of the technology-promotion table (Bijlage 5, "Tabel 1") a row sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PromotionGroup {
    /// "Regionale activiteiten Techniekpromotie".
    RegionalActivity,
    /// "Bedrijfsscholen, die aan techniek promotie doen".
    CompanySchool,
    /// "Andere initiatieven".
    OtherInitiative,
    /// "Techniek festivals".
    Festival,
}

impl PromotionGroup {
    pub const ALL: [PromotionGroup; 4] = [
        PromotionGroup::RegionalActivity,
        PromotionGroup::CompanySchool,
        PromotionGroup::OtherInitiative,
        PromotionGroup::Festival,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PromotionGroup::RegionalActivity => "regional_activity",
            PromotionGroup::CompanySchool => "company_school",
            PromotionGroup::OtherInitiative => "other_initiative",
            PromotionGroup::Festival => "festival",
        }
    }
}

/// The table's "Techniek of breed" column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PromotionFocus {
    /// "Techniek": technical jobs and education.
    Technical,
    /// "Breed": all sectors.
    Broad,
    /// "Natuur & Techniek": science and technology education.
    NatureAndTechnology,
}

/// A row of the technology-promotion table (Bijlage 5, "Tabel 1").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromotionRow {
    /// Position in the table, 1-based, in printed order (an initiative printed twice keeps
    /// its first position).
    pub row: u32,
    /// The table sections it is printed in, first one first.
    pub groups: Vec<PromotionGroup>,
    /// The "Wat" column: what it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<Text>,
    /// The "Betrokken partijen" column: who takes part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partners: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<PromotionFocus>,
    /// The "Regio" column: the area it covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Text>,
    /// As printed, e.g. "www.ecpzh.nl". For reference only: the atlas never fetches it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// A regional talent network or cooperation named in the talent section's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TalentNetwork {
    /// The area it works in.
    pub scope: Text,
    /// Who leads it, as printed, where the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub led_by: Option<String>,
}

/// Where a survey report names an initiative (participants pointing to existing activity).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyMention {
    /// Id of the [[survey]].
    pub survey: String,
    /// Hotspots whose break-out named it; empty when it was named in general.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakouts: Vec<String>,
}

/// A talent network, technology-promotion activity or other initiative to attract and keep
/// technical talent. One record per initiative, however many lists name it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TalentInitiative {
    pub id: String,
    pub region: String,
    /// As printed (Dutch).
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub description: Text,
    /// Set when the talent section names it as a regional network or cooperation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<TalentNetwork>,
    /// Set when it is a row of the technology-promotion table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table_row: Option<PromotionRow>,
    /// Set when a survey report names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentioned: Option<SurveyMention>,
    /// The initiative's own place on the map, where the atlas has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    pub sources: Vec<Citation>,
}

/// What a [`FinancingInstrument`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstrumentKind {
    /// An investment fund (loans, equity).
    Fund,
    /// A subsidy or voucher scheme.
    Subsidy,
    /// A programme of support (coaching, readiness, acceleration).
    Programme,
    /// A European programme or fund that a region runs or gives access to.
    EuProgramme,
}

impl InstrumentKind {
    pub fn key(self) -> &'static str {
        match self {
            InstrumentKind::Fund => "fund",
            InstrumentKind::Subsidy => "subsidy",
            InstrumentKind::Programme => "programme",
            InstrumentKind::EuProgramme => "eu_programme",
        }
    }
}

/// The part a party plays in running an instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    /// Offers it and has it carried out ("in opdracht van").
    Commissions,
    /// Carries it out.
    Runs,
    /// Carries it out together with the one who commissions it.
    CoRuns,
    /// Owns shares in it (a fund).
    Shareholder,
    /// Has a help desk for applicants.
    HelpDesk,
}

/// A party involved in an instrument, with its role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentParty {
    /// As the source names it, e.g. "Provincie Flevoland", "ROM Horizon".
    pub name: String,
    pub role: PartyRole,
}

/// A fund, subsidy or programme through which innovative firms get money or support.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinancingInstrument {
    pub id: String,
    pub region: String,
    /// As printed (Dutch).
    pub name: String,
    /// Abbreviations and other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub kind: InstrumentKind,
    /// The provinces it serves, e.g. "Noord-Holland".
    pub provinces: Vec<String>,
    pub description: Text,
    /// What a firm can get from it (loans, subsidies, vouchers…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offers: Option<Text>,
    /// Who offers, runs or co-runs it.
    pub parties: Vec<InstrumentParty>,
    /// First and last year, where given.
    #[serde(
        default,
        deserialize_with = "super::exact_pair",
        skip_serializing_if = "Option::is_none"
    )]
    pub years: Option<[i32; 2]>,
    /// The accelerator whose text lists it, e.g. "mra-v1".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accelerator: Option<String>,
    pub sources: Vec<Citation>,
}
