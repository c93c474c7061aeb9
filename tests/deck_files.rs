//! Deck files through the public API: a saved deck opens as the same deck, a broken one is
//! refused with its file and line and nothing else changes, saving again never corrupts.

use innovation_atlas::deck::builtin::BuiltinDeck;
use innovation_atlas::deck::{self, Deck, DeckError};
use innovation_atlas::model::{self, Dataset, Lang};

fn data() -> Dataset {
    model::load_embedded().expect("embedded atlas").dataset
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-decks-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn every_built_in_deck_round_trips_through_a_file() {
    let d = data();
    let dir = temp_dir("round");
    for b in BuiltinDeck::ALL {
        for lang in [Lang::Nl, Lang::En] {
            let original = b.generate(&d, lang);
            let path = dir.join(format!("{}-{lang:?}.toml", b.region()));
            deck::save(&path, &original).expect("saves");
            let back = deck::load(&path, &d).expect("opens");
            assert_eq!(back, original, "{b:?} {lang:?}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn saving_twice_leaves_one_whole_file_and_no_temporary_files() {
    let d = data();
    let dir = temp_dir("twice");
    let path = dir.join("deck.toml");
    let long = BuiltinDeck::ZuidHolland.generate(&d, Lang::Nl);
    let short = Deck {
        title: "kort".into(),
        slides: long.slides[..2].to_vec(),
    };
    deck::save(&path, &long).expect("first save");
    deck::save(&path, &short).expect("second save");
    assert_eq!(deck::load(&path, &d).expect("opens"), short);
    let files: Vec<_> = std::fs::read_dir(&dir)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_truncated_deck_file_is_refused_with_file_and_line() {
    let d = data();
    let dir = temp_dir("trunc");
    let path = dir.join("deck.toml");
    let text = BuiltinDeck::Mra
        .generate(&d, Lang::Nl)
        .to_toml()
        .expect("serialises");
    // Cut inside a string: the kind of file a crash mid-write would leave without renames.
    let cut = text
        .char_indices()
        .filter(|(_, c)| *c == '"')
        .map(|(i, _)| i + 1)
        .nth(40)
        .expect("quotes");
    std::fs::write(&path, &text[..cut]).expect("write");
    let err = deck::load(&path, &d).expect_err("truncated");
    let msg = err.to_string();
    assert!(matches!(err, DeckError::Parse { .. }), "{msg}");
    assert!(msg.starts_with(&format!("{}:", path.display())), "{msg}");
    assert!(msg.contains("Fix:"), "{msg}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn wrong_ids_name_the_slide_and_the_field() {
    let d = data();
    let text = r#"
title = "x"
[[slide]]
title = "Eerste"
selection = "no-such-place"
sectors = ["no-such-sector"]
[slide.camera]
lon = 120.0
lat = 52.0
zoom = 9.0
[[slide]]
title = "Tweede"
view = "chart"
"#;
    let deck = Deck::from_toml(text, "x.toml").expect("parses");
    let problems = deck.problems(&d);
    assert_eq!(problems.len(), 4, "{problems:#?}");
    assert!(problems[0].contains("slide 1") && problems[0].contains("selection"));
    assert!(problems.iter().any(|p| p.contains("sectors")));
    assert!(problems.iter().any(|p| p.contains("camera")));
    assert!(
        problems
            .iter()
            .any(|p| p.contains("slide 2") && p.contains("chart"))
    );
}

#[test]
fn files_that_are_not_decks_are_refused_clearly() {
    let d = data();
    let dir = temp_dir("junk");
    let missing = dir.join("missing.toml");
    let e = deck::load(&missing, &d).expect_err("missing");
    assert!(e.to_string().contains("missing.toml"), "{e}");
    let binary = dir.join("binary.toml");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x41]).expect("write");
    let e = deck::load(&binary, &d).expect_err("binary");
    assert!(e.to_string().contains("UTF-8"), "{e}");
    let dataset = dir.join("dataset.toml");
    std::fs::write(&dataset, "[[place]]\nid = \"x\"\n").expect("write");
    let e = deck::load(&dataset, &d).expect_err("a dataset, not a deck");
    assert!(e.to_string().contains("dataset.toml:1"), "{e}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_deck_example_in_the_readme_opens() {
    let readme = include_str!("../README.md");
    let start = readme
        .find("```toml\ntitle = ")
        .expect("a deck example in the README");
    let body = &readme[start + "```toml\n".len()..];
    let end = body.find("```").expect("the example ends");
    let deck = Deck::from_toml(&body[..end], "README.md").expect("the example parses");
    assert_eq!(deck.problems(&data()), Vec::<String>::new());
    assert_eq!(deck.slides.len(), 1);
}

/// Writes `text` as a deck file and opens it; the error message.
fn refused(name: &str, text: &str) -> String {
    let dir = temp_dir(name);
    let path = dir.join("deck.toml");
    std::fs::write(&path, text).expect("write");
    let msg = deck::load(&path, &data())
        .expect_err("the deck is refused")
        .to_string();
    std::fs::remove_dir_all(&dir).ok();
    msg
}

#[test]
fn a_typo_in_slide_layers_is_an_error_with_file_line_and_fix() {
    let text = "title = \"x\"\n\n[[slide]]\ntitle = \"a\"\n\n[slide.layers]\nroutes = false\nall_link = true\n";
    let msg = refused("layers-typo", text);
    assert!(msg.contains("deck.toml:8:"), "{msg}");
    assert!(
        msg.contains("all_link") && msg.contains("all_links"),
        "{msg}"
    );
    assert!(
        msg.contains("Fix: remove the key or correct its spelling"),
        "{msg}"
    );
    // The same layers without the typo open.
    let good = text.replace("all_link = true", "all_links = true");
    let deck = Deck::from_toml(&good, "good.toml").expect("parses");
    assert!(deck.slides[0].layers.all_links && !deck.slides[0].layers.routes);
    // Inline tables are held to the same rule.
    let inline = "title = \"x\"\n[[slide]]\ntitle = \"a\"\nlayers = { labels = true }\n";
    let msg = refused("layers-inline", inline);
    assert!(
        msg.contains("deck.toml:4:") && msg.contains("labels"),
        "{msg}"
    );
}

#[test]
fn hidden_regions_must_name_regions() {
    let text = "title = \"x\"\n[[slide]]\ntitle = \"a\"\n[slide.layers]\nhidden_regions = [\n  \"mra\",\n  \"zh-robohouse\",\n]\n";
    let msg = refused("hidden", text);
    assert!(msg.contains("deck.toml:7: slide 1"), "{msg}");
    assert!(
        msg.contains("layers.hidden_regions: \"zh-robohouse\" is no region"),
        "{msg}"
    );
    assert!(msg.contains("Fix: use one of zuid-holland, mra"), "{msg}");
    let ok = text.replace("  \"zh-robohouse\",\n", "");
    let deck = Deck::from_toml(&ok, "ok.toml").expect("parses");
    assert_eq!(deck.problems(&data()), Vec::<String>::new());
}

#[test]
fn compare_takes_at_most_four_ids() {
    let ids = [
        "mra",
        "zuid-holland",
        "noord-nederland",
        "zh-robohouse",
        "zh-mics",
    ];
    let list = ids.map(|i| format!("\"{i}\"")).join(",\n  ");
    let text = format!(
        "title = \"x\"\n[[slide]]\ntitle = \"vijf\"\nview = \"compare\"\ncompare = [\n  {list},\n]\n"
    );
    let msg = refused("compare", &text);
    // Line 10 holds the fifth id, the first that does not fit.
    assert!(
        msg.contains("deck.toml:10: slide 1 (\"vijf\"), compare: 5 ids"),
        "{msg}"
    );
    assert!(msg.contains("Fix: keep four ids"), "{msg}");
    assert_eq!(
        innovation_atlas::deck::MAX_COMPARED,
        innovation_atlas::state::MAX_COMPARED
    );
    let four = text.replace(",\n  \"zh-mics\"", "");
    let deck = Deck::from_toml(&four, "four.toml").expect("parses");
    assert_eq!(deck.problems(&data()), Vec::<String>::new());
}

#[test]
fn every_problem_of_an_opened_deck_names_its_line() {
    let text = r#"title = "x"

[[slide]]
title = "Eerste"
selection = "no-such-place"
sectors = ["robotics", "no-such-sector"]

[slide.camera]
lon = 120.0
lat = 52.0
zoom = 9.0

[[slide]]
title = "Tweede"
view = "chart"

[[slide.source]]
source = "no-such-source"
"#;
    let msg = refused("lines", text);
    for line in [
        "deck.toml:5: slide 1 (\"Eerste\"), selection",
        "deck.toml:6: slide 1 (\"Eerste\"), sectors",
        "deck.toml:9: slide 1 (\"Eerste\"), camera",
        "deck.toml:15: slide 2 (\"Tweede\"): view = \"chart\"",
        "deck.toml:18: slide 2 (\"Tweede\"), source",
    ] {
        assert!(msg.contains(line), "{line} in\n{msg}");
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_or_device_as_deck_is_refused_at_once() {
    let d = data();
    let dir = temp_dir("fifo");
    let fifo = dir.join("deck.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    assert!(made, "mkfifo");
    // On a thread, so a read that waits for a writer fails the test instead of hanging it.
    let (tx, rx) = std::sync::mpsc::channel();
    let (path, data) = (fifo.clone(), d.clone());
    std::thread::spawn(move || tx.send(deck::load(&path, &data).map(|_| ())).ok());
    let result = rx
        .recv_timeout(std::time::Duration::from_secs(1))
        .expect("refused within a second");
    let e = result.expect_err("a fifo");
    assert!(e.to_string().contains("named pipe"), "{e}");
    let e = deck::load(std::path::Path::new("/dev/zero"), &d).expect_err("a device");
    assert!(e.to_string().contains("/dev/zero: this is a device"), "{e}");
    std::fs::remove_dir_all(&dir).ok();
}
