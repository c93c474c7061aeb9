//! Colours of the dataset (`#rrggbb` strings), turned into paint once.

/// Parses `#rrggbb` into a colour; grey when the text is not a colour.
pub fn parse_colour(hex: &str) -> egui::Color32 {
    let h = hex.trim_start_matches('#');
    let byte = |i: usize| h.get(i..i + 2).and_then(|s| u8::from_str_radix(s, 16).ok());
    match (byte(0), byte(2), byte(4)) {
        (Some(r), Some(g), Some(b)) => egui::Color32::from_rgb(r, g, b),
        _ => egui::Color32::GRAY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse() {
        assert_eq!(
            parse_colour("#0072B2"),
            egui::Color32::from_rgb(0, 0x72, 0xB2)
        );
        assert_eq!(parse_colour("nope"), egui::Color32::GRAY);
    }
}
