//! Exported SVGs are real vector documents that draw like the PNG export: an SVG of a slide,
//! rendered by resvg (another renderer than the app's), matches the PNG of the same slide;
//! its map is polygons with rings and text, not triangles; the PDF of a slide embeds Inter.

use std::sync::Arc;

use innovation_atlas::atlas::Atlas;
use innovation_atlas::command::ImageFormat;
use innovation_atlas::deck::builtin::BuiltinDeck;
use innovation_atlas::export::picture::SlideRenderer;
use innovation_atlas::model::{self, Lang};

const SIZE: [u32; 2] = [1280, 720];

fn atlas() -> Arc<Atlas> {
    Arc::new(Atlas::new(model::load_embedded().expect("embedded atlas")))
}

fn decode_png(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// The share of pixels whose colour differs by more than `tolerance` in some channel.
fn differing(a: &[u8], b: &[u8], tolerance: u8) -> f64 {
    let n = a.len().min(b.len()) / 4;
    let off = (0..n)
        .filter(|i| (0..3).any(|c| a[i * 4 + c].abs_diff(b[i * 4 + c]) > tolerance))
        .count();
    off as f64 / n.max(1) as f64
}

#[test]
fn an_exported_svg_drawn_by_resvg_matches_the_png_export() {
    let atlas = atlas();
    let deck = BuiltinDeck::ZuidHolland.generate(atlas.data(), Lang::Nl);
    // The hotspot overview: basemap, areas, markers, labels, legend, bands.
    let index = 0;
    let mut r = SlideRenderer::new(SIZE, 1.0);
    let png = r
        .render(
            &atlas,
            &deck,
            index,
            Lang::Nl,
            ImageFormat::Png { scale: 1 },
        )
        .expect("png");
    let svg = r
        .render(&atlas, &deck, index, Lang::Nl, ImageFormat::Svg)
        .expect("svg");
    let svg = String::from_utf8(svg.bytes).expect("utf-8 svg");

    // A vector document: the map is paths with rings and text, Inter travels with it.
    assert!(svg.contains("fill-rule=\"evenodd\""), "polygons with rings");
    assert!(
        svg.contains("@font-face{font-family:\"Inter\""),
        "Inter embedded"
    );
    assert!(
        svg.contains(">Smart Campus Leerpark</text>"),
        "labels are text"
    );
    assert!(
        svg.len() < 1_500_000,
        "no triangle soup: {} bytes (3 MB before)",
        svg.len()
    );

    let tree = innovation_atlas::render::pdf::parse_svg(&svg).expect("usvg parses it");
    let (w, h, png_pixels) = decode_png(&png.bytes);
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h).expect("pixmap");
    let scale = w as f32 / tree.size().width();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // Anti-aliasing and text rasterisation differ between renderers; the drawing must not.
    let share = differing(pixmap.data(), &png_pixels, 60);
    eprintln!("differing share {share:.4}, svg {} bytes", svg.len());
    assert!(
        share < 0.04,
        "{:.1}% of the pixels differ between resvg's drawing of the SVG and the PNG",
        share * 100.0
    );
}

#[test]
fn a_pdf_of_a_slide_is_one_page_with_inter_embedded() {
    let atlas = atlas();
    let deck = BuiltinDeck::Mra.generate(atlas.data(), Lang::En);
    let mut r = SlideRenderer::new(SIZE, 1.0);
    let pdf = r
        .render(&atlas, &deck, 0, Lang::En, ImageFormat::Pdf)
        .expect("pdf");
    let text = String::from_utf8_lossy(&pdf.bytes);
    assert!(text.starts_with("%PDF-"));
    assert!(text.contains("/FontFile3") || text.contains("/FontFile2"));
    assert!(text.contains("Inter-Regular") && text.contains("Inter-SemiBold"));
}
