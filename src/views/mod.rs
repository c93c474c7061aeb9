//! One module per view. Each view draws from the [`AppState`] and returns [`Command`]s.

pub mod about;
pub mod agenda;
pub mod charts;
pub mod clicker;
pub mod compare;
pub mod data_export;
pub mod decks;
pub mod details;
pub mod legend;
pub mod palette;
pub mod path_prompt;
pub mod picture_export;
pub mod place_list;
pub mod presenter;
pub mod problems;
pub mod search;
pub mod slide;

use crate::command::Command;
use crate::state::AppState;

/// Below this window width (points) the details panel only opens for a selection in the map.
pub const NARROW_WIDTH: f32 = 1100.0;

/// Below this window width (points: a 1366×768 laptop) charts and comparisons get the room
/// the details panel would take.
pub const LAPTOP_WIDTH: f32 = 1400.0;

/// A view draws itself and says what should change; it never mutates the state.
pub trait View {
    fn ui(&mut self, ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>);
}

/// A key figure as the source says it: "ruim 31.000", "circa 15%", "zeker 40", "de helft".
pub fn format_figure(f: &crate::model::KeyFigure, lang: crate::model::Lang) -> String {
    format_amount(&f.amount(), lang)
}

/// A stated value in words, with its qualifier and shares as words ("de helft tot tweederde").
pub fn format_amount(a: &crate::model::Amount, lang: crate::model::Lang) -> String {
    a.text(lang)
}

/// Formats a value with its unit and qualifier in the UI language's number style.
pub fn format_value(
    value: f64,
    max: Option<f64>,
    unit: crate::model::Unit,
    q: crate::model::Qualifier,
    lang: crate::model::Lang,
) -> String {
    let amount = crate::model::Amount {
        value,
        max,
        unit,
        qualifier: q,
        as_fraction: false,
    };
    format_amount(&amount, lang)
}

/// 31000 → "31.000" (nl) or "31,000" (en); up to two decimals, with a comma in Dutch,
/// trailing zeros dropped ("5,2", not "5,20").
pub fn format_number(v: f64, lang: crate::model::Lang) -> String {
    format_digits(v, 2, false, lang)
}

/// A value with exactly `decimals` decimals in the language's style, trailing zeros kept:
/// 0.4 → "0,40" (nl), so a column of figures with two decimals lines up and reads alike.
pub fn format_decimals(v: f64, decimals: u32, lang: crate::model::Lang) -> String {
    format_digits(v, decimals.min(6), true, lang)
}

/// Rounds to whole units of 10^-`decimals` once, in integers: the whole part and the
/// decimals come from the same rounded integer, so no float remainder is formatted twice
/// and nothing saturates at the size of a machine word.
fn format_digits(v: f64, decimals: u32, keep_zeros: bool, lang: crate::model::Lang) -> String {
    use crate::model::Lang;
    if !v.is_finite() {
        return v.to_string();
    }
    let (group, decimal) = match lang {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    };
    let unit = 10u128.pow(decimals);
    // `as` saturates a value beyond u128; the atlas's figures are far below that.
    let scaled = (v.abs() * unit as f64).round() as u128;
    let digits = (scaled / unit).to_string();
    let mut out = String::with_capacity(digits.len() + 8);
    // "-0" is not a number anyone writes: the sign only when something is left after rounding.
    if v < 0.0 && scaled > 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    if decimals > 0 {
        let frac = format!("{:0width$}", scaled % unit, width = decimals as usize);
        let frac = if keep_zeros {
            frac.as_str()
        } else {
            frac.trim_end_matches('0')
        };
        if !frac.is_empty() {
            out.push(decimal);
            out.push_str(frac);
        }
    }
    out
}

/// How the last job of a window went: what was written, or (in the error colour) why not.
pub fn status_line(ui: &mut egui::Ui, status: Option<&(String, bool)>) {
    if let Some((text, failed)) = status {
        ui.add_space(4.0);
        let t = egui::RichText::new(text);
        ui.label(if *failed {
            t.color(ui.visuals().error_fg_color)
        } else {
            t
        });
    }
}

/// A dialog window (export, problems, about, path field): centred below the menu bar when it
/// first opens, never on top of the menus, movable from there.
pub fn dialog_window(ctx: &egui::Context, title: &str) -> egui::Window<'static> {
    let area = ctx.content_rect();
    egui::Window::new(title.to_string())
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(egui::pos2(area.center().x, area.top() + 90.0))
        .collapsible(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lang, Qualifier, Unit};

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(format_number(31000.0, Lang::Nl), "31.000");
        assert_eq!(format_number(31000.0, Lang::En), "31,000");
        assert_eq!(format_number(5.2, Lang::Nl), "5,2");
        assert_eq!(format_number(550.0, Lang::En), "550");
        assert_eq!(format_number(9.999, Lang::Nl), "10");
        assert_eq!(format_number(0.004, Lang::Nl), "0");
        assert_eq!(format_number(1234.5, Lang::Nl), "1.234,5");
        assert_eq!(format_number(-0.004, Lang::En), "0");
        assert_eq!(format_number(-1.5, Lang::Nl), "-1,5");
        // Zeros inside the decimals stay, only trailing ones go; none after a whole number.
        assert_eq!(format_number(2.05, Lang::Nl), "2,05");
        assert_eq!(format_number(0.5, Lang::En), "0.5");
        assert_eq!(format_number(100.0, Lang::Nl), "100");
        assert_eq!(format_number(1_000_000.1, Lang::Nl), "1.000.000,1");
        // Beyond a 64-bit word the digits are still right (no saturation at usize::MAX).
        assert_eq!(format_number(1e20, Lang::En), "100,000,000,000,000,000,000");
        // A column of figures keeps its trailing zeros.
        assert_eq!(format_decimals(0.4, 2, Lang::Nl), "0,40");
        assert_eq!(format_decimals(0.456, 2, Lang::En), "0.46");
        assert_eq!(format_decimals(3.0, 2, Lang::Nl), "3,00");
        assert_eq!(format_decimals(-0.001, 2, Lang::Nl), "0,00");
        assert_eq!(format_decimals(0.999, 2, Lang::Nl), "1,00");
        assert_eq!(
            format_value(15.0, None, Unit::Percent, Qualifier::About, Lang::Nl),
            "circa 15%"
        );
        assert_eq!(
            format_value(
                25000.0,
                Some(30000.0),
                Unit::Eur,
                Qualifier::Range,
                Lang::En
            ),
            "€ 25,000–30,000"
        );
    }

    #[test]
    fn qualifiers_and_shares_read_as_the_source_says_them() {
        assert_eq!(
            format_value(40.0, None, Unit::Count, Qualifier::AtLeast, Lang::Nl),
            "zeker 40"
        );
        assert_eq!(
            format_value(40.0, None, Unit::Count, Qualifier::AtLeast, Lang::En),
            "at least 40"
        );
        let d = crate::model::load_embedded()
            .expect("the embedded atlas loads")
            .dataset;
        let figures: Vec<String> = d
            .figures
            .iter()
            .map(|f| format_figure(f, Lang::Nl))
            .collect();
        assert!(figures.iter().any(|t| t == "ruim 110.000"), "{figures:?}");
        let shares: Vec<String> = d
            .surveys
            .iter()
            .flat_map(|s| &s.results)
            .filter(|r| r.as_fraction)
            .map(|r| format_amount(&r.amount(), Lang::Nl))
            .collect();
        assert!(!shares.is_empty());
        assert!(
            shares.iter().all(|t| !t.contains('%')),
            "shares in words keep their words: {shares:?}"
        );
    }
}
