//! Presenter mode's state: the deck on screen, the slide, the black screen and what to
//! return to on Esc.

use crate::deck::{Deck, Slide, unique_sources};
use crate::geo::camera::View;
use crate::model::{Dataset, Lang};
use crate::scene::Scene;

/// Height of a slide in points: every screen shows a slide as if it were this tall, so a
/// slide looks the same on a 1280×720 projector, a full-HD screen and a 4K wall (twice the
/// type size of the laptop UI on full HD).
pub const SLIDE_HEIGHT_POINTS: f32 = 540.0;

/// The UI zoom that makes a screen of `height` points (at zoom 1) show a slide's height.
pub fn projector_zoom(height: f32) -> f32 {
    if height.is_finite() && height > 0.0 {
        (height / SLIDE_HEIGHT_POINTS).clamp(1.0, 4.0)
    } else {
        2.0
    }
}
/// Length of the flight between slides, in seconds.
pub const SLIDE_FLIGHT_SECONDS: f64 = 1.0;

/// What the window looked like before the deck started, to come back to it on Esc. The
/// user's settings need no copy: presenting never changes them.
#[derive(Debug, Clone, Copy)]
pub struct Restore {
    pub view: View,
    pub zoom_factor: f32,
    pub fullscreen: bool,
}

/// A deck being presented.
#[derive(Debug, Clone)]
pub struct Presentation {
    pub deck: Deck,
    pub index: usize,
    /// The screen is black (B), as between talks.
    pub blank: bool,
    /// Digits typed so far for "number, Enter" jumps.
    pub typed: String,
    /// Input time when the deck started, for the presenter's timer.
    pub started_at: Option<f64>,
    /// The second window with notes, the next slide and the timer.
    pub presenter_view: bool,
    pub restore: Restore,
    /// What the slide on screen shows.
    pub scene: Scene,
    /// The sources line of the slide on screen, made once per slide and language.
    sources: Option<(usize, Lang, String)>,
}

impl Presentation {
    pub fn new(deck: Deck, index: usize, restore: Restore, lang: Lang) -> Self {
        let index = index.min(deck.slides.len().saturating_sub(1));
        let scene = deck
            .slides
            .get(index)
            .map(|s| s.scene(lang))
            .unwrap_or_default();
        Presentation {
            deck,
            index,
            blank: false,
            typed: String::new(),
            started_at: None,
            presenter_view: false,
            restore,
            scene,
            sources: None,
        }
    }

    /// Goes to slide `target` (kept inside the deck); returns the slide when it changed.
    pub fn goto(&mut self, target: usize, lang: Lang) -> Option<&Slide> {
        let target = self.clamp(target);
        self.blank = false;
        if target == self.index {
            return None;
        }
        self.index = target;
        self.scene = self.deck.slides.get(target)?.scene(lang);
        self.deck.slides.get(target)
    }

    /// The slide on screen.
    pub fn slide(&self) -> Option<&Slide> {
        self.deck.slides.get(self.index)
    }

    /// The documents and sections the slide on screen rests on, as an audience reads them.
    pub fn sources_line(&mut self, d: &Dataset, lang: Lang) -> String {
        if let Some((i, l, text)) = &self.sources
            && *i == self.index
            && *l == lang
        {
            return text.clone();
        }
        let text = self
            .deck
            .slides
            .get(self.index)
            .map(|s| d.cite_all_readable(unique_sources(&s.sources)))
            .unwrap_or_default();
        self.sources = Some((self.index, lang, text.clone()));
        text
    }

    pub fn len(&self) -> usize {
        self.deck.slides.len()
    }

    pub fn is_empty(&self) -> bool {
        self.deck.slides.is_empty()
    }

    /// The slide index `target` asks for, kept inside the deck.
    pub fn clamp(&self, target: usize) -> usize {
        target.min(self.len().saturating_sub(1))
    }
}

/// Minutes and seconds, for the presenter's timer.
pub fn clock(seconds: f64) -> String {
    let s = seconds.max(0.0) as u64;
    format!("{:02}:{:02}", s / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timer_reads_minutes_and_seconds() {
        assert_eq!(clock(0.0), "00:00");
        assert_eq!(clock(754.9), "12:34");
    }
}
