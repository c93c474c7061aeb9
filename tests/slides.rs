//! Every slide of every built-in deck, in Dutch and English, on the screens a presenter
//! meets (1280×720, 1366×768, 1920×1080, 3840×2160), laid out as presenter mode and the
//! exports draw it, is checked from the laid-out shapes:
//! - no text is cut off: every text lies inside the screen and inside its clip rectangle;
//! - no map label lies on another label, under the legend or under the basemap credit;
//! - what the slide is about (its ringed places) is labelled.

use std::sync::Arc;

use innovation_atlas::atlas::Atlas;
use innovation_atlas::deck::builtin::BuiltinDeck;
use innovation_atlas::deck::{Deck, SlideView};
use innovation_atlas::export::picture::{Laid, SlideRenderer};
use innovation_atlas::model::{self, Lang};

const SIZES: [[u32; 2]; 4] = [[1280, 720], [1366, 768], [1920, 1080], [3840, 2160]];

/// Half a point of slack for anti-aliasing and rounding.
const SLACK: f32 = 0.5;

fn atlas() -> Arc<Atlas> {
    Arc::new(Atlas::new(model::load_embedded().expect("embedded atlas")))
}

/// What is wrong with one laid-out slide, if anything.
fn problems(deck: &Deck, index: usize, laid: &Laid, atlas: &Atlas) -> Vec<String> {
    let mut out = Vec::new();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, laid.size_points).expand(SLACK);
    for (rect, clip, text) in laid.texts.iter().filter(|(_, _, t)| !t.trim().is_empty()) {
        let short: String = text.chars().take(40).collect();
        if !screen.contains_rect(*rect) {
            out.push(format!("text off the screen: {short:?} at {rect:?}"));
        } else if !clip.expand(SLACK).contains_rect(*rect) {
            out.push(format!(
                "text cut off: {short:?} at {rect:?} in clip {clip:?}"
            ));
        }
    }
    let Some(map) = &laid.layout.map else {
        return out;
    };
    let labels = &map.placed_labels;
    for (i, (a, _, ta)) in labels.iter().enumerate() {
        for (b, _, tb) in &labels[i + 1..] {
            if a.shrink(SLACK).intersects(b.shrink(SLACK)) {
                out.push(format!("label {ta:?} lies on label {tb:?}"));
            }
        }
        let covers = [
            ("the legend", laid.layout.legend),
            ("the basemap credit", map.attribution),
        ]
        .into_iter()
        .chain(
            map.furniture
                .iter()
                .map(|r| ("the scale bar or north arrow", Some(*r))),
        );
        for (what, r) in covers {
            if let Some(r) = r
                && a.shrink(SLACK).intersects(r)
            {
                out.push(format!("label {ta:?} lies under {what}"));
            }
        }
        if !laid.layout.body.expand(SLACK).contains_rect(*a) {
            out.push(format!("label {ta:?} leaves the map"));
        }
    }
    let slide = &deck.slides[index];
    if slide.view == SlideView::Map {
        for id in &slide.highlight {
            let Some(name) = atlas.data().place(id).map(|p| p.name.as_str()) else {
                continue;
            };
            if !labels.iter().any(|(_, _, t)| t.as_ref() == name) {
                out.push(format!("the slide's subject {name:?} has no label"));
            }
        }
    }
    out
}

fn check_size(size: [u32; 2]) -> Vec<String> {
    let atlas = atlas();
    let mut failures = Vec::new();
    let mut renderer = SlideRenderer::new(size, 1.0);
    for lang in [Lang::Nl, Lang::En] {
        for b in BuiltinDeck::ALL {
            let deck = b.generate(atlas.data(), lang);
            for i in 0..deck.slides.len() {
                let laid = match renderer.lay_out(&atlas, &deck, i, lang) {
                    Ok(l) => l,
                    Err(e) => {
                        failures.push(format!(
                            "{}×{} {lang:?} {} slide {}: {e}",
                            size[0],
                            size[1],
                            b.region(),
                            i + 1
                        ));
                        continue;
                    }
                };
                for p in problems(&deck, i, &laid, &atlas) {
                    failures.push(format!(
                        "{}×{} {lang:?} {} slide {} ({}): {p}",
                        size[0],
                        size[1],
                        b.region(),
                        i + 1,
                        deck.slides[i].title
                    ));
                }
            }
        }
    }
    failures
}

#[test]
fn every_built_in_slide_fits_every_screen_with_nothing_cut_off_or_covered() {
    // Two screen sizes per thread: the machine has two cores.
    let handles: Vec<_> = SIZES
        .chunks(2)
        .map(|sizes| {
            let sizes = sizes.to_vec();
            std::thread::spawn(move || sizes.into_iter().flat_map(check_size).collect::<Vec<_>>())
        })
        .collect();
    let mut failures = Vec::new();
    for h in handles {
        failures.extend(h.join().expect("checking thread"));
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
