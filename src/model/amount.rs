//! A stated value with its unit and qualifier, put back into words the way the source says
//! it: "ruim 110.000", "zeker 40", "de helft tot tweederde" (and the English equivalents).
//! Plain text, no UI types, so any view or export can use it.

use super::{Lang, Qualifier, Unit};

/// A value as a source states it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub value: f64,
    /// Upper end of a range.
    pub max: Option<f64>,
    pub unit: Unit,
    pub qualifier: Qualifier,
    /// A share the source gives in words; `value` (and `max`) are percentages.
    pub as_fraction: bool,
}

/// Shares that have a word of their own, as (percent, Dutch, English).
const FRACTIONS: [(f64, &str, &str); 5] = [
    (25.0, "een kwart", "a quarter"),
    (100.0 / 3.0, "een derde", "a third"),
    (50.0, "de helft", "half"),
    (200.0 / 3.0, "tweederde", "two thirds"),
    (75.0, "driekwart", "three quarters"),
];

/// The word for a share given in percent, if it has one (within half a percent).
pub fn fraction_word(percent: f64, lang: Lang) -> Option<&'static str> {
    FRACTIONS
        .iter()
        .find(|(p, _, _)| (p - percent).abs() < 0.5)
        .map(|(_, nl, en)| match lang {
            Lang::Nl => *nl,
            Lang::En => *en,
        })
}

impl Qualifier {
    /// The word put before the number ("ruim ", "at least "); empty for exact values and
    /// ranges.
    pub fn prefix(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Qualifier::About, Lang::Nl) => "circa ",
            (Qualifier::About, Lang::En) => "about ",
            (Qualifier::MoreThan, Lang::Nl) => "ruim ",
            (Qualifier::MoreThan, Lang::En) => "more than ",
            (Qualifier::Almost, Lang::Nl) => "bijna ",
            (Qualifier::Almost, Lang::En) => "almost ",
            (Qualifier::AtLeast, Lang::Nl) => "zeker ",
            (Qualifier::AtLeast, Lang::En) => "at least ",
            (Qualifier::Exact | Qualifier::Range, _) => "",
        }
    }
}

impl Amount {
    /// The amount in words: "ruim 110.000", "€ 25.000–30.000", "de helft tot tweederde",
    /// "at least 40", "more than half".
    pub fn text(&self, lang: Lang) -> String {
        let prefix = self.qualifier.prefix(lang);
        if self.as_fraction
            && let Some(low) = fraction_word(self.value, lang)
        {
            return match self.max.map(|m| fraction_word(m, lang)) {
                Some(Some(high)) => {
                    let to = if lang == Lang::Nl { "tot" } else { "to" };
                    format!("{prefix}{low} {to} {high}")
                }
                Some(None) => format!("{prefix}{low}–{}%", number(self.max.unwrap_or(0.0), lang)),
                None => format!("{prefix}{low}"),
            };
        }
        let amount = match self.max {
            Some(m) => format!("{}–{}", number(self.value, lang), number(m, lang)),
            None => number(self.value, lang),
        };
        let with_unit = match self.unit {
            Unit::Percent => format!("{amount}%"),
            Unit::Eur => format!("€ {amount}"),
            Unit::Fte => format!("{amount} fte"),
            Unit::SquareMetre => format!("{amount} m²"),
            Unit::Count | Unit::Year | Unit::Ratio => amount,
        };
        format!("{prefix}{with_unit}")
    }
}

/// 110000 → "110.000" (nl) or "110,000" (en); up to two decimals with the language's mark.
pub fn number(v: f64, lang: Lang) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let (group, decimal) = match lang {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    };
    let rounded = (v.abs() * 100.0).round() / 100.0;
    let whole = rounded.trunc();
    let digits = format!("{whole:.0}");
    let mut out = String::new();
    if v < 0.0 && rounded > 0.0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(ch);
    }
    let cents = ((rounded - whole) * 100.0).round() as u32;
    if cents > 0 {
        out.push(decimal);
        let frac = format!("{cents:02}");
        out.push_str(frac.trim_end_matches('0'));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(value: f64, max: Option<f64>, unit: Unit, qualifier: Qualifier) -> Amount {
        Amount {
            value,
            max,
            unit,
            qualifier,
            as_fraction: false,
        }
    }

    #[test]
    fn qualifiers_read_as_the_source_says_them() {
        let jobs = amount(110000.0, None, Unit::Count, Qualifier::MoreThan);
        assert_eq!(jobs.text(Lang::Nl), "ruim 110.000");
        assert_eq!(jobs.text(Lang::En), "more than 110,000");
        let sites = amount(40.0, None, Unit::Count, Qualifier::AtLeast);
        assert_eq!(sites.text(Lang::Nl), "zeker 40");
        assert_eq!(sites.text(Lang::En), "at least 40");
        let budget = amount(25000.0, Some(30000.0), Unit::Eur, Qualifier::Range);
        assert_eq!(budget.text(Lang::Nl), "€ 25.000–30.000");
        assert_eq!(
            amount(2.7, None, Unit::Percent, Qualifier::About).text(Lang::Nl),
            "circa 2,7%"
        );
    }

    #[test]
    fn shares_in_words_stay_words() {
        let mut a = amount(50.0, Some(200.0 / 3.0), Unit::Percent, Qualifier::Range);
        a.as_fraction = true;
        assert_eq!(a.text(Lang::Nl), "de helft tot tweederde");
        assert_eq!(a.text(Lang::En), "half to two thirds");
        let more = Amount {
            max: None,
            qualifier: Qualifier::MoreThan,
            ..a
        };
        assert_eq!(more.text(Lang::Nl), "ruim de helft");
        assert_eq!(more.text(Lang::En), "more than half");
        let odd = Amount {
            value: 38.0,
            max: None,
            qualifier: Qualifier::Exact,
            ..a
        };
        assert_eq!(
            odd.text(Lang::En),
            "38%",
            "no word for 38%: the number is shown"
        );
    }

    #[test]
    fn numbers_group_and_round() {
        assert_eq!(number(31000.0, Lang::Nl), "31.000");
        assert_eq!(number(66.666, Lang::Nl), "66,67");
        assert_eq!(number(5.2, Lang::En), "5.2");
        assert_eq!(number(-1500.0, Lang::En), "-1,500");
    }
}
