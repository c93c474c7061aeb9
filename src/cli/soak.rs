//! `innovation-atlas soak`: presents a built-in deck in a loop, headless, for a while and
//! reports the process's memory, to show that presenting for hours does not grow it.

use std::time::{Duration, Instant};

use crate::app::snapshot;
use crate::atlas::Atlas;
use crate::command::Command;
use crate::deck::Deck;
use crate::state::Settings;

/// Resident memory of this process in bytes (Linux; `None` elsewhere).
pub fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// One memory sample.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub seconds: f64,
    pub slides: usize,
    pub rss: u64,
}

pub struct Soak {
    pub samples: Vec<Sample>,
    pub frames: usize,
    pub slides: usize,
    pub loops: usize,
}

impl Soak {
    /// Growth from the end of the first loop (caches and fonts are warm by then) to the end.
    pub fn growth(&self) -> i64 {
        let after_first = self
            .samples
            .iter()
            .find(|s| s.slides >= self.slides / self.loops.max(1))
            .or(self.samples.first());
        match (after_first, self.samples.last()) {
            (Some(a), Some(b)) => b.rss as i64 - a.rss as i64,
            _ => 0,
        }
    }
}

/// Presents `deck` at 1920×1080 with real 1 s flights, a slide every `slide_frames` frames of
/// 1/60 s, as fast as the machine runs, for `duration` of wall time.
pub fn run(
    atlas: std::sync::Arc<Atlas>,
    deck: Deck,
    duration: Duration,
    slide_frames: usize,
) -> Soak {
    let n = deck.slides.len().max(1);
    let mut h = snapshot::presenting(atlas, Settings::default(), deck, [1920, 1080], 1.0);
    h.app.instant_flights = false;
    let started = Instant::now();
    let mut samples = Vec::new();
    let mut last_sample = Duration::ZERO;
    let (mut frames, mut slides) = (0usize, 0usize);
    while started.elapsed() < duration {
        h.frame(1.0 / 60.0);
        h.tessellate();
        frames += 1;
        if frames % slide_frames.max(1) == 0 {
            slides += 1;
            h.app.apply(Command::GotoSlide(slides % n));
        }
        let t = started.elapsed();
        if t - last_sample >= Duration::from_secs(5) || samples.is_empty() {
            last_sample = t;
            samples.push(Sample {
                seconds: t.as_secs_f64(),
                slides,
                rss: resident_bytes().unwrap_or(0),
            });
        }
    }
    samples.push(Sample {
        seconds: started.elapsed().as_secs_f64(),
        slides,
        rss: resident_bytes().unwrap_or(0),
    });
    Soak {
        samples,
        frames,
        slides,
        loops: slides / n,
    }
}

/// Prints the samples and the verdict; exit code 1 when memory grew more than `limit_mb`.
pub fn report(s: &Soak, limit_mb: f64) -> i32 {
    let mb = |b: u64| b as f64 / (1024.0 * 1024.0);
    let mut text = format!("{:>8}  {:>7}  {:>9}\n", "seconds", "slides", "RSS (MB)");
    let step = (s.samples.len() / 20).max(1);
    for (i, x) in s.samples.iter().enumerate() {
        if i % step == 0 || i + 1 == s.samples.len() {
            text.push_str(&format!(
                "{:>8.0}  {:>7}  {:>9.1}\n",
                x.seconds,
                x.slides,
                mb(x.rss)
            ));
        }
    }
    let growth = s.growth() as f64 / (1024.0 * 1024.0);
    let min = s.samples.iter().map(|x| x.rss).min().unwrap_or(0);
    let max = s.samples.iter().map(|x| x.rss).max().unwrap_or(0);
    text.push_str(&format!(
        "{} frames, {} slide changes, {} loops of the deck; RSS {:.1}–{:.1} MB; growth after the first loop {growth:+.1} MB (limit {limit_mb} MB)\n",
        s.frames,
        s.slides,
        s.loops,
        mb(min),
        mb(max)
    ));
    let grew = growth > limit_mb;
    text.push_str(if grew {
        "soak: memory grew\n"
    } else {
        "soak: memory flat\n"
    });
    super::output::print_then(&text, i32::from(grew))
}
