//! The agenda records: Zuid-Holland action lines, product chains and project sheets, MRA
//! accelerators, focus themes, infrastructure asks, and the agenda points, governance bodies,
//! talent initiatives and financing instruments around them.

use serde::{Deserialize, Serialize};

use super::{Citation, Position, Text};

/// One numbered action inside an action line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// As numbered in the source, e.g. "2.1.1".
    pub number: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<Text>,
}

/// A Zuid-Holland action line (actielijn) of the ActieAgenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionLine {
    pub id: String,
    pub region: String,
    pub number: u32,
    pub name: Text,
    pub goal: Text,
    pub actions: Vec<Action>,
    pub sources: Vec<Citation>,
}

/// A new product chain (productketen) of action line 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductChain {
    pub id: String,
    pub region: String,
    /// Action number, e.g. "2.1.1".
    pub action: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub description: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    /// Hotspots the sheets name as partners.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hotspots: Vec<String>,
    pub sources: Vec<Citation>,
}

/// A named group of partners on a project sheet, e.g. "printer suppliers".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerGroup {
    pub label: Text,
    pub names: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetItem {
    pub label: Text,
    pub eur: f64,
}

/// A budget as a sheet states it. Amounts in euros.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// The stated total, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_eur: Option<f64>,
    /// Upper bound when the source gives a range ("5-40 MEUR").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_max_eur: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<BudgetItem>,
    /// True when the source presents the items as adding up to the total; then they must.
    #[serde(default)]
    pub items_sum_to_total: bool,
    pub summary: Text,
}

/// A project sheet (projectfiche) from the ActieAgenda's appendices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectSheet {
    pub id: String,
    pub region: String,
    /// Action numbers the sheet belongs to, as printed.
    pub actions: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_chain: Option<String>,
    pub title: Text,
    pub owner: String,
    /// The owner as places in the atlas, where it is one (or several, for a joint owner).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owner_places: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub core_team: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<PartnerGroup>,
    /// Core-team members and partners that are places in the atlas, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partner_places: Vec<String>,
    pub goals: Vec<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Text>,
    /// Where the action stood when the agenda was written (already running, owner still to
    /// be confirmed, …), where the sheet or the text says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Text>,
    /// Hotspots the sheet involves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hotspots: Vec<String>,
    pub sources: Vec<Citation>,
}

/// One action line of an MRA accelerator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceleratorLine {
    /// "a", "b", …
    pub letter: String,
    /// Title as printed (Dutch).
    pub title: String,
    pub summary: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub initiators: Vec<String>,
    /// Sub-regions among the initiators, by place id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub initiator_places: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    pub sources: Vec<Citation>,
}

/// An MRA accelerator (versneller).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accelerator {
    pub id: String,
    pub region: String,
    pub number: u32,
    pub name: Text,
    pub goal: Text,
    pub lines: Vec<AcceleratorLine>,
    pub sources: Vec<Citation>,
}

/// A named point on a drawn route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoutePoint {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

/// A line on the map, with the basis for its geometry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub points: Vec<RoutePoint>,
    /// Source id for the geometry (the seeds give only the towns).
    pub basis: String,
}

/// One of the six Zuid-Holland focus themes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FocusTheme {
    pub id: String,
    pub region: String,
    pub number: u32,
    pub name: Text,
    pub description: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    /// Places the theme names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<Route>,
    pub sources: Vec<Citation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InfrastructureKind {
    Rail,
    Airport,
    Energy,
    Road,
}

/// An infrastructure ask (Lelylijn, airport, hydrogen backbone…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InfrastructureAsk {
    pub id: String,
    pub region: String,
    pub name: String,
    pub kind: InfrastructureKind,
    pub ask: Text,
    /// Places the ask connects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub connects: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<Route>,
    /// A single point (an airport).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    pub sources: Vec<Citation>,
}

/// What kind of point an [`AgendaItem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgendaKind {
    /// Something a region asks of national government (Zuid-Holland chapter 3, the northern
    /// "gezamenlijke inzet richting het Rijk").
    Ask,
    /// A topic that needs someone to take the lead (Zuid-Holland chapter 4, "Leiderschap").
    Leadership,
    /// A challenge the agenda answers (MRA section 1.2).
    Challenge,
    /// A pillar of the agenda's approach (MRA chapter 3, "Onze insteek").
    Pillar,
}

impl AgendaKind {
    pub const ALL: [AgendaKind; 4] = [
        AgendaKind::Ask,
        AgendaKind::Leadership,
        AgendaKind::Challenge,
        AgendaKind::Pillar,
    ];

    pub fn key(self) -> &'static str {
        match self {
            AgendaKind::Ask => "ask",
            AgendaKind::Leadership => "leadership",
            AgendaKind::Challenge => "challenge",
            AgendaKind::Pillar => "pillar",
        }
    }
}

/// A numbered point of a regional agenda that is not an action line: an ask to national
/// government, a leadership topic, an MRA challenge or pillar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub id: String,
    pub region: String,
    pub kind: AgendaKind,
    /// As numbered in the source: "3.1", "4.5", "2".
    pub number: String,
    pub title: Text,
    pub summary: Text,
    /// The open question the point puts ("could the Netherlands do this too?"), where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<Text>,
    /// Concrete sub-points, in the order printed (the talent actions under the northern ask 4,
    /// the infrastructure wishes under ask 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    /// Mapped places the point names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// Ids of other agenda records it builds on or works out: action lines, accelerators,
    /// infrastructure asks, other agenda items, governance bodies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    pub sources: Vec<Citation>,
}

/// The part a [`Governance`] body plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GovernanceRole {
    /// Owns the agenda and steers its execution.
    Taskforce,
    /// Runs the day-to-day support: project management, monitoring, network.
    Support,
    /// Pays for drawing up or running the agenda.
    Funders,
}

impl GovernanceRole {
    pub fn key(self) -> &'static str {
        match self {
            GovernanceRole::Taskforce => "taskforce",
            GovernanceRole::Support => "support",
            GovernanceRole::Funders => "funders",
        }
    }
}

/// Who owns, supports or funds a regional agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Governance {
    pub id: String,
    pub region: String,
    pub role: GovernanceRole,
    /// As printed (Dutch), e.g. "Taskforce Technologische Industrie".
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub description: Text,
    /// The organisations that form or fund it, as the source names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// Those members that are places in the atlas, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub member_places: Vec<String>,
    /// What it does, one task per entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<Text>,
    /// When it was set up, `YYYY` or `YYYY-MM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<String>,
    pub sources: Vec<Citation>,
}
