//! `innovation-atlas render`: every slide of a deck as an image file, headless.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::atlas::Atlas;
use crate::command::ImageFormat;
use crate::deck::builtin::BuiltinDeck;
use crate::deck::{self, Deck};
use crate::export::picture::SlideRenderer;
use crate::model::Lang;

/// A built-in deck by its region name, or a deck file checked against the atlas.
pub fn deck_from_arg(arg: &str, atlas: &Atlas, lang: Lang) -> Result<Deck, String> {
    if let Some(b) = BuiltinDeck::ALL.iter().find(|b| b.region() == arg) {
        return Ok(b.generate(atlas.data(), lang));
    }
    let path = Path::new(arg);
    if !path.exists() {
        let names: Vec<&str> = BuiltinDeck::ALL.iter().map(|b| b.region()).collect();
        return Err(format!(
            "{arg}: no such deck file, and not a built-in deck. Fix: give a deck .toml file or one of {}.",
            names.join(", ")
        ));
    }
    deck::load(path, atlas.data()).map_err(|e| e.to_string())
}

/// Parses `1920x1080`.
pub fn parse_size(text: &str) -> Result<[u32; 2], String> {
    let bad =
        || format!("--size {text}: expected WIDTHxHEIGHT in pixels, e.g. 1920x1080, each 64–8192.");
    let (w, h) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let w: u32 = w.trim().parse().map_err(|_| bad())?;
    let h: u32 = h.trim().parse().map_err(|_| bad())?;
    if !(64..=8192).contains(&w) || !(64..=8192).contains(&h) {
        return Err(bad());
    }
    Ok([w, h])
}

/// Writes `slide-01.png`… into `out`; returns the files written.
pub fn run(
    atlas: Arc<Atlas>,
    deck: Deck,
    out: &Path,
    size: [u32; 2],
    format: ImageFormat,
    lang: Lang,
) -> Result<Vec<PathBuf>, String> {
    if deck.slides.is_empty() {
        return Err(format!("the deck \"{}\" has no slides", deck.title));
    }
    std::fs::create_dir_all(out)
        .map_err(|e| format!("{}: cannot create the folder: {e}", out.display()))?;
    let n = deck.slides.len();
    // One renderer for the deck: fonts are loaded once, each slide is one layout pass.
    let mut renderer = SlideRenderer::new(size, format.scale());
    let mut written = Vec::with_capacity(n);
    for i in 0..n {
        let rendered = renderer
            .render(&atlas, &deck, i, lang, format)
            .map_err(|e| format!("slide {}: {e}", i + 1))?;
        let path = out.join(format.slide_file_name(i));
        crate::fsio::write_atomic(&path, &rendered.bytes).map_err(|e| e.to_string())?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_absurd_ones_are_refused() {
        assert_eq!(parse_size("1920x1080"), Ok([1920, 1080]));
        assert_eq!(parse_size("800X600"), Ok([800, 600]));
        assert!(parse_size("1920").is_err());
        assert!(parse_size("0x0").is_err());
        assert!(parse_size("99999x10").is_err());
    }
}
