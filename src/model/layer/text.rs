//! How a user's cells are compared and read: names without case and accents, numbers with a
//! decimal point or comma.

use unicode_normalization::UnicodeNormalization;

/// Lower case, accents removed, only letters and digits kept: `Súdwest-Fryslân` →
/// `sudwestfryslan`, `Sector(en)` → `sectoren`.
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// A number as people type it in a cell: `52.0116`, `52,0116` (decimal comma), ` 4.36 `.
/// Thousands separators are not accepted in coordinates, so `52.011.6` is refused.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    // Only digits, one sign in front, one decimal separator: "NaN", "inf" and "1e5" are
    // not coordinates anyone types, and Rust's parser would take them.
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    let separators = body.chars().filter(|c| *c == '.' || *c == ',').count();
    if separators > 1
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    if !body.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    t.replace(',', ".").parse::<f64>().ok()
}

/// A whole number as people type it: `1234`, `1.234` or `1 234` (Dutch grouping).
pub fn parse_count(s: &str) -> Option<i64> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().ok();
    }
    // Groups of three after the first: 1.234.567 or 1 234 567.
    for sep in ['.', ' ', '\u{a0}'] {
        let parts: Vec<&str> = t.split(sep).collect();
        let grouped = parts.len() > 1
            && parts.first().is_some_and(|p| (1..=3).contains(&p.len()))
            && parts.iter().skip(1).all(|p| p.len() == 3)
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if grouped {
            return parts.concat().parse().ok();
        }
    }
    None
}

/// `A`, `B`, … `Z`, `AA`: a spreadsheet's name for a 1-based column.
pub fn column_letter(mut n: usize) -> String {
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A lower-case id part made of a name: `Delft Robotics B.V.` → `delft-robotics-b-v`.
pub fn slug(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
    {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= max {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_without_case_accents_or_punctuation() {
        assert_eq!(fold("Súdwest-Fryslân"), "sudwestfryslan");
        assert_eq!(fold(" Sector(en) "), "sectoren");
        assert_eq!(fold("'s-Hertogenbosch"), "shertogenbosch");
    }

    #[test]
    fn decimals_take_a_point_or_a_comma_and_nothing_else() {
        assert_eq!(parse_decimal("52.0116"), Some(52.0116));
        assert_eq!(parse_decimal(" 52,0116 "), Some(52.0116));
        assert_eq!(parse_decimal("-3,5"), Some(-3.5));
        for bad in [
            "NaN", "nan", "inf", "1e5", "52.011.6", "abc", "", "-", ",", "52°",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_take_dutch_grouping() {
        assert_eq!(parse_count("1234"), Some(1234));
        assert_eq!(parse_count("1.234"), Some(1234));
        assert_eq!(parse_count("1 234 567"), Some(1_234_567));
        for bad in ["12.34", "1,5", "veel", "-3", "1.2345"] {
            assert_eq!(parse_count(bad), None, "{bad}");
        }
    }

    #[test]
    fn letters_and_slugs() {
        assert_eq!(column_letter(1), "A");
        assert_eq!(column_letter(26), "Z");
        assert_eq!(column_letter(27), "AA");
        assert_eq!(slug("Delft Robotics B.V.", 40), "delft-robotics-b-v");
        assert_eq!(slug("Café Ôl", 40), "cafe-ol");
        assert_eq!(slug("!!!", 40), "");
    }
}
