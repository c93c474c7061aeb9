//! Fonts and visuals: Inter for text (readable on a laptop and a projector), a light theme
//! that keeps the map's colours true.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

pub const INTER_REGULAR: &[u8] = include_bytes!("../assets/fonts/Inter-Regular.otf");
pub const INTER_SEMIBOLD: &[u8] = include_bytes!("../assets/fonts/Inter-SemiBold.otf");

/// Family name of the semi-bold face, for map labels and headings.
pub const SEMIBOLD: &str = "semibold";

pub fn semibold(size: f32) -> egui::FontId {
    egui::FontId::new(size, FontFamily::Name(SEMIBOLD.into()))
}

/// Text that cites a source: quieter than the facts, yet dark enough to read (contrast
/// above 4.5:1 on the panel, WCAG AA), unlike egui's weak grey.
pub const SOURCE_INK: egui::Color32 = egui::Color32::from_rgb(88, 88, 88);

/// WCAG relative luminance of an opaque colour (0 = black, 1 = white).
pub fn luminance(c: egui::Color32) -> f32 {
    let lin = |v: u8| {
        let v = f32::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

/// Black or white, whichever contrasts more with `bg` (WCAG contrast ratio), for text
/// drawn on a coloured cell or chip: a fixed threshold on the value a colour stands for
/// breaks as soon as the colour scale changes.
pub fn ink_on(bg: egui::Color32) -> egui::Color32 {
    let l = luminance(bg);
    // Contrast with black is (l + 0.05) / 0.05, with white 1.05 / (l + 0.05).
    if (l + 0.05) * (l + 0.05) >= 0.05 * 1.05 {
        egui::Color32::BLACK
    } else {
        egui::Color32::WHITE
    }
}

/// Installs the fonts and the theme on a context (the window's, or a test harness's).
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "inter".into(),
        Arc::new(FontData::from_static(INTER_REGULAR)),
    );
    fonts.font_data.insert(
        SEMIBOLD.into(),
        Arc::new(FontData::from_static(INTER_SEMIBOLD)),
    );
    let fallbacks = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    fonts
        .families
        .entry(FontFamily::Proportional)
        .or_default()
        .insert(0, "inter".into());
    let mut bold = vec![SEMIBOLD.to_string()];
    bold.extend(fallbacks);
    fonts
        .families
        .insert(FontFamily::Name(SEMIBOLD.into()), bold);
    ctx.set_fonts(fonts);
    ctx.set_theme(egui::Theme::Light);
    // egui's small text (9 px) is too small for sources and hints on a laptop screen.
    ctx.all_styles_mut(|style| {
        style.text_styles.insert(
            egui::TextStyle::Small,
            egui::FontId::new(11.0, FontFamily::Proportional),
        );
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Color32;

    #[test]
    fn text_on_a_cell_takes_the_ink_that_contrasts_more() {
        assert_eq!(ink_on(Color32::WHITE), Color32::BLACK);
        assert_eq!(ink_on(Color32::from_rgb(8, 69, 148)), Color32::WHITE);
        assert_eq!(ink_on(Color32::from_rgb(0, 114, 178)), Color32::WHITE);
        assert_eq!(ink_on(Color32::from_rgb(198, 219, 239)), Color32::BLACK);
        assert!((luminance(Color32::WHITE) - 1.0).abs() < 1e-4);
    }
}
