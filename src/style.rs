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
