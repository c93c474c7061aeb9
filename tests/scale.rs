//! The atlas at scale: a generated dataset of 30,000 places (generated here, not committed)
//! builds completely, and the work of the step that used to be quadratic (suggestions over
//! pairs of profiles, named links expanded into pairs of places) grows linearly. No timing
//! is asserted: the bound is on counted work, so it holds on any machine.

use std::sync::Arc;

use innovation_atlas::atlas::suggest::{FULL_BUCKET, MIN_SCORE, SuggestStats, WINDOW};
use innovation_atlas::atlas::{Atlas, BuildStep, synthetic};

fn build(places: usize) -> (Arc<Atlas>, SuggestStats) {
    let loaded = synthetic::generate(places, 1).expect("generate");
    assert_eq!(loaded.dataset.places.len(), places);
    let atlas = Arc::new(Atlas::new(loaded));
    let building = atlas.build_background();
    building.wait();
    assert!(atlas.is_built());
    assert_eq!(atlas.build_progress().step, BuildStep::Done);
    assert_eq!(atlas.build_progress().fraction, 1.0);
    let stats = atlas.suggestions.stats().expect("computed");
    (atlas, stats)
}

#[test]
fn thirty_thousand_places_build_with_linear_work() {
    let (small, s10) = build(10_000);
    let (large, s30) = build(30_000);
    eprintln!("10,000 places: {s10:?}\n30,000 places: {s30:?}");

    // Three times the places, three times the candidates…
    let candidates = s30.candidates as f64 / s10.candidates as f64;
    assert!((2.5..=3.5).contains(&candidates), "{candidates}");
    // …and at most about three times the work (all pairs would be nine times).
    for (what, a, b) in [
        ("pairs scored", s10.pairs_scored, s30.pairs_scored),
        ("partners seen", s10.partners_seen, s30.partners_seen),
        ("named-link keys", s10.link_keys, s30.link_keys),
    ] {
        let ratio = b as f64 / a.max(1) as f64;
        assert!(ratio <= 4.0, "{what}: {a} → {b} (×{ratio:.1})");
    }
    // Each candidate scores a bounded number of partners per bucket it looks in.
    let per_candidate = s30.partners_seen as f64 / s30.candidates as f64;
    let buckets = large.data().sectors.len() as f64;
    assert!(
        per_candidate <= buckets * (FULL_BUCKET.max(WINDOW + 1)) as f64,
        "{per_candidate}"
    );

    for atlas in [&small, &large] {
        let s = &atlas.suggestions;
        assert!(!s.is_empty());
        assert!(s.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(s.iter().all(|x| x.score >= MIN_SCORE));
        // Search is ready and finds a generated place by its name.
        let d = atlas.data();
        let last = d.places.last().expect("places");
        let hits = atlas.search.try_search(&last.name, 5).expect("built");
        assert!(
            hits.iter().any(|h| h.place == d.places.len() - 1),
            "{}",
            last.name
        );
    }
    // Sector counts for the legend cover every place with a known main sector.
    let main: usize = large.sector_stats().iter().map(|s| s.main).sum();
    let with_sector = large
        .data()
        .places
        .iter()
        .filter(|p| !p.sectors.is_empty())
        .count();
    assert_eq!(main, with_sector);
}
