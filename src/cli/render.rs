//! `innovation-atlas render`: every slide of a deck as an image file, headless.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::atlas::Atlas;
use crate::command::{ImageFormat, Picture};
use crate::deck::builtin::BuiltinDeck;
use crate::deck::{self, Deck};
use crate::export::picture::{PictureError, SlideRenderer, handout_pdf};
use crate::model::Lang;
use crate::render::Paper;

/// What `render` could not do.
#[derive(Debug, thiserror::Error)]
pub enum RenderCliError {
    #[error(
        "{arg}: no such deck file, and not a built-in deck. Fix: give a deck .toml file or one of {names}."
    )]
    NoDeck { arg: String, names: String },
    #[error(transparent)]
    Deck(#[from] crate::deck::DeckError),
    #[error("--size {0}: expected WIDTHxHEIGHT in pixels, e.g. 1920x1080, each 64–8192.")]
    Size(String),
    #[error("the deck \"{0}\" has no slides")]
    Empty(String),
    #[error("{path}: cannot create the folder: {source}")]
    Folder {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("slide {slide}: {source}")]
    Slide {
        slide: usize,
        #[source]
        source: PictureError,
    },
    #[error(transparent)]
    Picture(#[from] PictureError),
    #[error(transparent)]
    Write(#[from] crate::fsio::WriteError),
}

/// A built-in deck by its region name, or a deck file checked against the atlas.
pub fn deck_from_arg(arg: &str, atlas: &Atlas, lang: Lang) -> Result<Deck, RenderCliError> {
    if let Some(b) = BuiltinDeck::ALL.iter().find(|b| b.region() == arg) {
        return Ok(b.generate(atlas.data(), lang));
    }
    let path = Path::new(arg);
    if !path.exists() {
        let names: Vec<&str> = BuiltinDeck::ALL.iter().map(|b| b.region()).collect();
        return Err(RenderCliError::NoDeck {
            arg: arg.to_string(),
            names: names.join(", "),
        });
    }
    Ok(deck::load(path, atlas.data())?)
}

/// Parses `1920x1080`.
pub fn parse_size(text: &str) -> Result<[u32; 2], RenderCliError> {
    let bad = || RenderCliError::Size(text.to_string());
    let (w, h) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let w: u32 = w.trim().parse().map_err(|_| bad())?;
    let h: u32 = h.trim().parse().map_err(|_| bad())?;
    if !(64..=8192).contains(&w) || !(64..=8192).contains(&h) {
        return Err(bad());
    }
    Ok([w, h])
}

/// How slides are drawn.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// The window the slides are laid out for (ignored on paper).
    pub size: [u32; 2],
    pub format: ImageFormat,
    /// A sheet of paper instead of a window (posters: PNG at 300 dpi, SVG and PDF in points).
    pub paper: Option<Paper>,
    pub lang: Lang,
    /// A PDF handout carries the speaker's notes under each slide.
    pub notes: bool,
}

/// Writes `slide-01.png`… into the folder `out`, or, for PDF, the whole deck as one handout
/// file `out`; returns the files written.
pub fn run(
    atlas: Arc<Atlas>,
    deck: Deck,
    out: &Path,
    opts: RenderOptions,
) -> Result<Vec<PathBuf>, RenderCliError> {
    if deck.slides.is_empty() {
        return Err(RenderCliError::Empty(deck.title));
    }
    if opts.format == ImageFormat::Pdf {
        let pdf = handout_pdf(&atlas, &deck, opts.lang, opts.notes)?;
        crate::fsio::write_atomic(out, &pdf)?;
        return Ok(vec![out.to_path_buf()]);
    }
    std::fs::create_dir_all(out).map_err(|source| RenderCliError::Folder {
        path: out.display().to_string(),
        source,
    })?;
    // One renderer for the deck: fonts are loaded once, each slide is one layout pass.
    let picture = Picture {
        format: opts.format,
        paper: opts.paper,
    };
    let mut renderer = SlideRenderer::for_picture(opts.size, picture);
    let mut written = Vec::with_capacity(deck.slides.len());
    for i in 0..deck.slides.len() {
        let rendered = renderer
            .render(&atlas, &deck, i, opts.lang, opts.format)
            .map_err(|source| RenderCliError::Slide {
                slide: i + 1,
                source,
            })?;
        let path = out.join(opts.format.slide_file_name(i));
        crate::fsio::write_atomic(&path, &rendered.bytes)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_absurd_ones_are_refused() {
        assert_eq!(parse_size("1920x1080").ok(), Some([1920, 1080]));
        assert_eq!(parse_size("800X600").ok(), Some([800, 600]));
        assert!(parse_size("1920").is_err());
        assert!(parse_size("0x0").is_err());
        assert!(parse_size("99999x10").is_err());
    }
}
