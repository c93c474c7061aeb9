//! Presenter mode's state: the deck on screen, the slide, the black screen and what to
//! return to on Esc.

use crate::deck::{Deck, unique_sources};
use crate::geo::camera::View;
use crate::model::{Dataset, Lang};
use crate::state::Settings;

/// UI zoom while presenting: twice the normal size for type, lines and markers.
pub const PROJECTOR_ZOOM: f32 = 2.0;
/// Length of the flight between slides, in seconds.
pub const SLIDE_FLIGHT_SECONDS: f64 = 1.0;

/// What normal mode looked like before the deck started, to come back to it on Esc.
#[derive(Debug, Clone)]
pub struct Restore {
    pub settings: Settings,
    pub view: View,
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
    /// The sources line of the slide on screen, made once per slide and language.
    sources: Option<(usize, Lang, String)>,
}

impl Presentation {
    pub fn new(deck: Deck, index: usize, restore: Restore) -> Self {
        let index = index.min(deck.slides.len().saturating_sub(1));
        Presentation {
            deck,
            index,
            blank: false,
            typed: String::new(),
            started_at: None,
            presenter_view: false,
            restore,
            sources: None,
        }
    }

    /// "file, section, lines · …" for the slide on screen.
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
            .map(|s| {
                unique_sources(&s.sources)
                    .into_iter()
                    .map(|c| d.cite_in(c, lang))
                    .collect::<Vec<_>>()
                    .join(" · ")
            })
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
