//! Figures: key figures, stated totals and surveys, each value with the qualifier the source
//! gives it ("ruim 110.000", "zeker 40", "de helft tot tweederde").

use serde::{Deserialize, Serialize};

use super::{Citation, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Count,
    Percent,
    Eur,
    Fte,
    SquareMetre,
    Year,
    Ratio,
}

/// How exact a stated figure is, in the source's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The source gives the number plainly ("110.000 mensen", "driekwart").
    #[default]
    Exact,
    /// "circa", "ongeveer", "zo'n", "grofweg", "een veertigtal".
    About,
    /// "ruim", "meer dan", "250+".
    MoreThan,
    /// "bijna".
    Almost,
    /// "zeker", "minimaal", "minstens": at least this many.
    AtLeast,
    /// From `value` to `value_max` ("25-30.000 euro", "de helft tot tweederde").
    Range,
}

/// `skip_serializing_if` helper: leave `false` flags out of exports.
fn is_false(b: &bool) -> bool {
    !*b
}

/// A key figure: companies, jobs, turnover, shares, targets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFigure {
    pub id: String,
    /// A region or place id.
    pub subject: String,
    pub label: Text,
    pub value: f64,
    /// Upper end when the qualifier is `range`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    pub unit: Unit,
    #[serde(default)]
    pub qualifier: Qualifier,
    /// True when the source states a share in words ("de helft", "driekwart"); the value is
    /// then the percentage and is shown as those words. Needs `unit = "percent"`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub as_fraction: bool,
    /// True for an ambition rather than a measured value.
    #[serde(default)]
    pub target: bool,
    /// Year the figure refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    pub sources: Vec<Citation>,
}

/// A total the source states, checked against its parts on load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedTotal {
    pub id: String,
    pub label: Text,
    pub value: i64,
    /// The place field that is summed; only `companies` exists today.
    pub field: String,
    /// Place ids whose values make up the total.
    pub parts: Vec<String>,
    pub sources: Vec<Citation>,
}

/// A single survey outcome (a Mentimeter percentage, a vote count).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyResult {
    pub id: String,
    /// An action-line or product-chain id, or the survey id for general questions.
    pub topic: String,
    pub question: Text,
    pub value: f64,
    /// Upper end when the qualifier is `range`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    pub unit: Unit,
    #[serde(default)]
    pub qualifier: Qualifier,
    /// True when the report states the share in words ("de helft", "driekwart").
    #[serde(default, skip_serializing_if = "is_false")]
    pub as_fraction: bool,
    /// Number of people who answered, where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondents: Option<u32>,
    pub sources: Vec<Citation>,
}

/// Which hotspot discussed which product chain or action line in a break-out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyDiscussion {
    pub place: String,
    /// A product-chain or action-line id.
    pub topic: String,
    /// How the assignment was read from the flattened table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<Text>,
    pub sources: Vec<Citation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    pub registered: u32,
    pub attended: u32,
    /// Percentage as stated; checked against attended/registered.
    pub percent: f64,
}

/// A survey held at an event, such as the ROEM-II meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    pub id: String,
    pub region: String,
    pub name: String,
    pub description: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendance: Option<Attendance>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<SurveyResult>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discussions: Vec<SurveyDiscussion>,
    /// What participants said, in words rather than percentages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conclusions: Vec<SurveyConclusion>,
    pub sources: Vec<Citation>,
}

/// What kind of remark a [`SurveyConclusion`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConclusionKind {
    /// What participants think or what the report concludes.
    Finding,
    /// A question or worry participants raised.
    Question,
    /// Advice, a tip or a suggestion for the agenda.
    Advice,
}

/// A qualitative outcome of a survey or its break-outs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyConclusion {
    pub id: String,
    /// An action-line, product-chain or agenda-item id, or the survey id for the meeting as a
    /// whole.
    pub topic: String,
    pub kind: ConclusionKind,
    /// The point, in the atlas's own words.
    pub text: Text,
    /// Hotspots (break-outs) the remark comes from, where the report says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    pub sources: Vec<Citation>,
}

impl KeyFigure {
    /// The value with its unit and qualifier, ready to be put in words.
    pub fn amount(&self) -> crate::model::Amount {
        crate::model::Amount {
            value: self.value,
            max: self.value_max,
            unit: self.unit,
            qualifier: self.qualifier,
            as_fraction: self.as_fraction,
        }
    }
}

impl SurveyResult {
    /// The value with its unit and qualifier, ready to be put in words.
    pub fn amount(&self) -> crate::model::Amount {
        crate::model::Amount {
            value: self.value,
            max: self.value_max,
            unit: self.unit,
            qualifier: self.qualifier,
            as_fraction: self.as_fraction,
        }
    }
}
