//! Pictures of the current and next slide for the presenter's window, rendered on a thread
//! with the same slide renderer as exports, so the presenter sees what the room sees.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::jobs::Jobs;
use crate::atlas::Atlas;
use crate::deck::Deck;
use crate::export::picture::{PictureError, SlideRenderer};
use crate::model::Lang;

/// Half the window's pixels: text stays legible in a thumbnail, rendering stays quick.
const THUMBNAIL_SCALE: f32 = 0.5;

type Rendered = (usize, Result<egui::ColorImage, PictureError>);

#[derive(Default)]
pub struct Thumbnails {
    textures: HashMap<usize, egui::TextureHandle>,
    pending: HashSet<usize>,
    failed: HashSet<usize>,
    jobs: Jobs<Rendered>,
}

impl Thumbnails {
    /// Starts rendering slide `index` of `deck` unless it is drawn, failed, or another
    /// picture is on its way (it is asked again next frame).
    pub fn request(
        &mut self,
        deck: &Deck,
        index: usize,
        atlas: &Arc<Atlas>,
        lang: Lang,
        window_px: [u32; 2],
    ) {
        // One at a time: a presenter paging quickly must not start a renderer per slide.
        if index >= deck.slides.len()
            || !self.pending.is_empty()
            || self.textures.contains_key(&index)
            || self.failed.contains(&index)
        {
            return;
        }
        self.pending.insert(index);
        let (atlas, deck) = (Arc::clone(atlas), deck.clone());
        self.jobs.spawn("slide picture", move || {
            let mut r = SlideRenderer::new(window_px, THUMBNAIL_SCALE);
            let image = r.image(&atlas, &deck, index, lang).map(|img| {
                egui::ColorImage::from_rgba_unmultiplied(
                    [img.width as usize, img.height as usize],
                    &img.pixels,
                )
            });
            (index, image)
        });
    }

    /// Takes finished pictures into textures; true when one arrived.
    pub fn poll(&mut self, ctx: &egui::Context) -> bool {
        let mut arrived = false;
        for (index, result) in self.jobs.poll() {
            self.pending.remove(&index);
            match result {
                Ok(image) => {
                    let texture = ctx.load_texture(
                        format!("slide-thumbnail-{index}"),
                        image,
                        egui::TextureOptions::LINEAR,
                    );
                    self.textures.insert(index, texture);
                    arrived = true;
                }
                Err(e) => {
                    log::warn!("slide {} thumbnail: {e}", index + 1);
                    self.failed.insert(index);
                }
            }
        }
        // A renderer that died is not waited for.
        if !self.jobs.is_busy() {
            self.pending.clear();
        }
        arrived
    }

    /// Frees the pictures of slides far from `index` (a long deck would hold them all).
    pub fn keep_near(&mut self, index: usize) {
        self.textures
            .retain(|&i, _| i + 2 >= index && i <= index + 2);
    }

    pub fn is_waiting(&self) -> bool {
        !self.pending.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&egui::TextureHandle> {
        self.textures.get(&index)
    }
}
