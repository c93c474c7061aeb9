//! `innovation-atlas render` through the binary, headless: one image per slide, of the size
//! asked for, showing the slide (not a blank page); a broken deck is refused with its line.

use std::path::{Path, PathBuf};
use std::process::Command;

const DECK: &str = r#"
title = "Test"

[[slide]]
title = "RoboHouse in Delft"
caption = "Een kaartdia"
selection = "zh-robohouse"
fit = ["zh-robohouse"]
[[slide.source]]
source = "seed-001"
lines = [1489, 1494]

[[slide]]
title = "Bedrijven per hotspot"
view = "chart"
chart = "hotspot-companies"

[[slide]]
title = "Twee deelregio's"
view = "compare"
compare = ["mra-ijmond", "mra-zaanstreek-waterland"]

[[slide]]
title = "Een vastgelegde kaartweergave"
[slide.camera]
lon = 4.9
lat = 52.4
zoom = 9.5
width = 900.0
height = 700.0
"#;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-render-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn render(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_innovation-atlas"))
        .arg("render")
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Width, height and RGBA pixels of a PNG file.
fn decode(path: &Path) -> (u32, u32, Vec<u8>) {
    let file = std::fs::File::open(path).expect("png exists");
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    buf.truncate(info.buffer_size());
    assert_eq!(info.color_type, png::ColorType::Rgba);
    (info.width, info.height, buf)
}

/// Share of pixels in a horizontal band that are dark (text).
fn dark_share(w: u32, pixels: &[u8], rows: std::ops::Range<u32>) -> f64 {
    let mut dark = 0usize;
    let mut all = 0usize;
    for y in rows {
        for x in 0..w {
            let i = ((y * w + x) * 4) as usize;
            all += 1;
            if pixels[i] < 90 && pixels[i + 1] < 90 && pixels[i + 2] < 90 {
                dark += 1;
            }
        }
    }
    dark as f64 / all.max(1) as f64
}

#[test]
fn a_deck_renders_as_one_png_per_slide_at_the_asked_size() {
    let dir = temp_dir("png");
    let deck = dir.join("deck.toml");
    std::fs::write(&deck, DECK).expect("write deck");
    let out = dir.join("slides");
    let o = render(&[
        "--deck",
        deck.to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
        "--size",
        "1280x720",
        "--scale",
        "2",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut files: Vec<_> = std::fs::read_dir(&out)
        .expect("out dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    let names: Vec<_> = files
        .iter()
        .filter_map(|p| p.file_name()?.to_str().map(str::to_string))
        .collect();
    assert_eq!(
        names,
        [
            "slide-01.png",
            "slide-02.png",
            "slide-03.png",
            "slide-04.png"
        ]
    );
    for f in &files {
        let (w, h, pixels) = decode(f);
        assert_eq!((w, h), (2560, 1440), "{}", f.display());
        // The title band has type in it; the slide is not one flat colour.
        assert!(
            dark_share(w, &pixels, 20..120) > 0.02,
            "{}: no title",
            f.display()
        );
        // Between the bands: the map, the bars or the comparison, not a blank page.
        let content = (300..1200)
            .flat_map(|y| (0..w).map(move |x| ((y * w + x) * 4) as usize))
            .filter(|&i| pixels[i] < 235 || pixels[i + 1] < 235 || pixels[i + 2] < 235)
            .count();
        assert!(
            content > 100_000,
            "{}: the slide's content is blank ({content} px)",
            f.display()
        );
    }
    // The map slide shows the basemap: sea blue and land in the middle band.
    let (w, _, pixels) = decode(&files[0]);
    let blueish = (300..1300)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .filter(|(x, y)| {
            let i = ((y * w + x) * 4) as usize;
            u16::from(pixels[i + 2]) > u16::from(pixels[i]) + 15
        })
        .count();
    assert!(blueish > 10_000, "no water on the map slide ({blueish} px)");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_deck_renders_as_svg() {
    let dir = temp_dir("svg");
    let o = render(&[
        "--deck",
        "noord-nederland",
        "--out",
        dir.to_str().expect("utf-8 path"),
        "--svg",
        "--size",
        "640x360",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let first = dir.join("slide-01.svg");
    let text = std::fs::read_to_string(&first).expect("svg written");
    let tree =
        resvg::usvg::Tree::from_str(&text, &resvg::usvg::Options::default()).expect("valid SVG");
    assert_eq!(tree.size().width(), 640.0);
    assert!(
        text.contains("Noord-Nederland"),
        "the title is text in the SVG"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_broken_deck_is_refused_with_its_line_and_nothing_is_written() {
    let dir = temp_dir("bad");
    let deck = dir.join("kapot.toml");
    std::fs::write(&deck, "title = \"x\"\n[[slide]]\ntitle = \n").expect("write");
    let out = dir.join("slides");
    let o = render(&[
        "--deck",
        deck.to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("kapot.toml:3"), "{err}");
    assert!(!out.exists(), "slides were written for a broken deck");
    let o = render(&["--deck", "atlantis", "--out", out.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("zuid-holland"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_unknown_language_is_refused_not_replaced_by_dutch() {
    for args in [
        vec!["suggestions", "--lang", "fr"],
        vec![
            "render",
            "--deck",
            "mra",
            "--out",
            "/tmp/never-written",
            "--lang",
            "fr",
        ],
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_innovation-atlas"))
            .args(&args)
            .output()
            .expect("run the binary");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("'fr'") && err.contains("nl, en"), "{err}");
    }
    assert!(!std::path::Path::new("/tmp/never-written").exists());
}
