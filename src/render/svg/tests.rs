//! Tests of the SVG writer.

use std::sync::Arc;

use egui::epaint::text::{LayoutJob, TextFormat};
use egui::epaint::{BandPoint, CornerRadius, CubicBezierShape, QuadraticBezierShape, Vertex};
use egui::{FontId, RawInput, pos2, vec2};

use super::*;

const SIZE: Vec2 = Vec2::new(200.0, 100.0);

fn everywhere(shape: Shape) -> ClippedShape {
    ClippedShape::new(Rect::EVERYTHING, shape)
}

fn svg_of(shapes: Vec<Shape>) -> String {
    let shapes: Vec<_> = shapes.into_iter().map(everywhere).collect();
    let svg = shapes_to_svg(&shapes, SIZE, 1.0, Color32::WHITE);
    parse(&svg);
    svg
}

fn parse(svg: &str) {
    if let Err(e) = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()) {
        panic!("invalid SVG ({e}):\n{svg}");
    }
}

/// Lays text out with egui's default fonts, as a frame would.
fn galley(job: LayoutJob) -> Arc<egui::Galley> {
    let ctx = egui::Context::default();
    let mut out = ctx.run_ui(RawInput::default(), |_| {});
    out.textures_delta.clear();
    ctx.fonts_mut(|f| f.layout_job(job))
}

fn elements<'a>(svg: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag} ");
    svg.match_indices(&open)
        .map(|(i, _)| &svg[i..i + svg[i..].find('>').map_or(0, |e| e + 1)])
        .collect()
}

#[test]
fn text_is_escaped() {
    let mut s = String::new();
    escape(&mut s, "a&b<c>\"d'e\u{1}\u{FFFF}ü");
    assert_eq!(s, "a&amp;b&lt;c&gt;&quot;d&apos;eü");

    let g = galley(LayoutJob::simple_singleline(
        "R&D <AI> \"quotes\" 'n'".into(),
        FontId::proportional(14.0),
        Color32::BLACK,
    ));
    let svg = svg_of(vec![Shape::galley(pos2(10.0, 10.0), g, Color32::BLACK)]);
    assert!(
        svg.contains(">R&amp;D &lt;AI&gt; &quot;quotes&quot; &apos;n&apos;</text>"),
        "{svg}"
    );
}

#[test]
fn sections_become_separate_runs_with_their_own_style() {
    let mut job = LayoutJob::default();
    job.append(
        "Plain ",
        0.0,
        TextFormat::simple(FontId::proportional(12.0), Color32::BLACK),
    );
    job.append(
        "red italic",
        0.0,
        TextFormat {
            italics: true,
            ..TextFormat::simple(FontId::proportional(16.0), Color32::RED)
        },
    );
    job.append(
        "\ncode",
        0.0,
        TextFormat::simple(FontId::monospace(10.0), Color32::BLUE),
    );
    let g = galley(job);
    let svg = svg_of(vec![Shape::galley(pos2(5.0, 5.0), g, Color32::BLACK)]);
    let texts = elements(&svg, "text");
    assert_eq!(texts.len(), 3, "{svg}");
    assert!(texts[0].contains("font-size=\"12\"") && texts[0].contains("rgb(0,0,0)"));
    assert!(texts[1].contains("font-style=\"italic\"") && texts[1].contains("rgb(255,0,0)"));
    assert!(texts[2].contains("monospace") && texts[2].contains("rgb(0,0,255)"));
    assert!(svg.contains(">Plain </text>") && svg.contains(">red italic</text>"));
    assert!(svg.contains(">code</text>"));
    // Same baseline on the first row, the second row lower.
    let y = |t: &str| {
        t.split(" y=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .map(String::from)
    };
    assert_eq!(y(texts[0]), y(texts[1]));
    assert_ne!(y(texts[0]), y(texts[2]));
}

#[test]
fn text_colour_overrides_fade_and_rotation() {
    let g = galley(LayoutJob::simple_singleline(
        "Turned".into(),
        FontId::proportional(14.0),
        Color32::PLACEHOLDER,
    ));
    let mut text = egui::epaint::TextShape::new(pos2(50.0, 50.0), g, Color32::GREEN);
    text.angle = std::f32::consts::FRAC_PI_2;
    text.opacity_factor = 0.5;
    let svg = svg_of(vec![Shape::Text(text)]);
    assert!(svg.contains("<g transform=\"rotate(90 50 50)\">"), "{svg}");
    let t = elements(&svg, "text");
    assert!(
        t[0].contains("fill=\"rgb(0,255,0)\" fill-opacity=\"0.502\""),
        "{svg}"
    );
}

#[test]
fn rects_place_their_stroke_by_kind() {
    let r = Rect::from_min_size(pos2(10.0, 10.0), vec2(40.0, 20.0));
    let shape = |kind| {
        Shape::Rect(RectShape::new(
            r,
            4.0,
            Color32::YELLOW,
            Stroke::new(2.0, Color32::BLUE),
            kind,
        ))
    };
    let middle = svg_of(vec![shape(StrokeKind::Middle)]);
    assert!(middle.contains(
        "<rect x=\"10\" y=\"10\" width=\"40\" height=\"20\" rx=\"4\" fill=\"rgb(255,255,0)\" stroke=\"rgb(0,0,255)\" stroke-width=\"2\"/>"
    ), "{middle}");
    let inside = svg_of(vec![shape(StrokeKind::Inside)]);
    assert!(
        inside.contains(
            "<rect x=\"10\" y=\"10\" width=\"40\" height=\"20\" rx=\"4\" fill=\"rgb(255,255,0)\"/>"
        ),
        "{inside}"
    );
    assert!(
        inside.contains(
            "<rect x=\"11\" y=\"11\" width=\"38\" height=\"18\" rx=\"3\" fill=\"none\" stroke="
        ),
        "{inside}"
    );
    let outside = svg_of(vec![shape(StrokeKind::Outside)]);
    assert!(
        outside.contains(
            "<rect x=\"9\" y=\"9\" width=\"42\" height=\"22\" rx=\"5\" fill=\"none\" stroke="
        ),
        "{outside}"
    );

    let mixed = RectShape::filled(
        r,
        CornerRadius {
            nw: 0,
            ne: 4,
            se: 0,
            sw: 8,
        },
        Color32::RED,
    );
    let svg = svg_of(vec![Shape::Rect(mixed)]);
    assert!(
        svg.contains(
            "<path d=\"M10 10 L46 10 A4 4 0 0 1 50 14 L50 30 L18 30 A8 8 0 0 1 10 22 L10 10 Z\""
        ),
        "{svg}"
    );
}

#[test]
fn colours_are_written_straight_with_opacity() {
    let half = Color32::from_rgba_unmultiplied(200, 100, 0, 128);
    let svg = svg_of(vec![Shape::circle_filled(pos2(5.0, 5.0), 3.0, half)]);
    // Premultiplied (100, 50, 0, 128) un-premultiplies to (199, 100, 0).
    assert!(
        svg.contains("fill=\"rgb(199,100,0)\" fill-opacity=\"0.502\""),
        "{svg}"
    );
    let none = svg_of(vec![Shape::circle_filled(
        pos2(5.0, 5.0),
        3.0,
        Color32::TRANSPARENT,
    )]);
    assert!(!none.contains("<circle"), "invisible shapes are skipped");
}

/// Parses `M x y L x y … Z` subpaths out of the first `<path d="…">`.
fn subpaths(svg: &str) -> Vec<Vec<Pos2>> {
    let d = svg
        .split(" d=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or("");
    d.split('Z')
        .filter(|s| !s.is_empty())
        .map(|s| {
            let nums: Vec<f32> = s
                .split(['M', 'L', ' '])
                .filter(|t| !t.is_empty())
                .filter_map(|t| t.parse().ok())
                .collect();
            nums.chunks_exact(2).map(|c| pos2(c[0], c[1])).collect()
        })
        .collect()
}

fn shoelace(p: &[Pos2]) -> f32 {
    (0..p.len())
        .map(|i| p[i].x * p[(i + 1) % p.len()].y - p[(i + 1) % p.len()].x * p[i].y)
        .sum()
}

fn solid(x: f32, y: f32, color: Color32) -> Vertex {
    Vertex {
        pos: pos2(x, y),
        uv: WHITE_UV,
        color,
    }
}

#[test]
fn mesh_triangles_share_one_path_and_one_winding() {
    let c = Color32::from_rgb(10, 20, 30);
    let mesh = Mesh {
        // Clockwise, then counter-clockwise on screen; a third of another colour.
        indices: vec![0, 1, 2, 0, 2, 3, 4, 5, 6],
        vertices: vec![
            solid(10.0, 10.0, c),
            solid(20.0, 10.0, c),
            solid(20.0, 20.0, c),
            solid(10.0, 20.0, c),
            solid(30.0, 30.0, Color32::RED),
            solid(40.0, 30.0, Color32::RED),
            solid(30.0, 40.0, Color32::RED),
        ],
        texture_id: TextureId::default(),
    };
    let svg = svg_of(vec![Shape::mesh(mesh)]);
    assert_eq!(elements(&svg, "path").len(), 2, "{svg}");
    let first = subpaths(&svg);
    assert_eq!(first.len(), 2, "{svg}");
    assert!(
        first.iter().all(|p| p.len() == 3 && shoelace(p) < 0.0),
        "{first:?}"
    );
}

#[test]
fn feathering_is_cut_at_half_alpha_and_textured_triangles_are_left_out() {
    let c = Color32::from_rgb(0, 0, 0);
    let mut mesh = Mesh {
        indices: vec![0, 1, 2, 0, 2, 3],
        vertices: vec![
            solid(0.0, 0.0, c),
            solid(10.0, 0.0, Color32::TRANSPARENT),
            solid(10.0, 10.0, Color32::TRANSPARENT),
            solid(0.0, 10.0, c),
        ],
        texture_id: TextureId::default(),
    };
    let svg = svg_of(vec![Shape::mesh(mesh.clone())]);
    let polys = subpaths(&svg);
    let all: Vec<Pos2> = polys.concat();
    assert!(all.iter().all(|p| p.x <= 5.0), "cut at x = 5: {all:?}");
    let area: f32 = polys.iter().map(|p| shoelace(p).abs() / 2.0).sum();
    assert!((area - 50.0).abs() < 1e-3, "{area}");

    mesh.vertices[1].uv = pos2(0.5, 0.5);
    let svg = svg_of(vec![Shape::mesh(mesh.clone())]);
    assert_eq!(
        subpaths(&svg).len(),
        1,
        "the glyph-like triangle is left out"
    );
    mesh.texture_id = TextureId::User(3);
    assert!(!svg_of(vec![Shape::mesh(mesh)]).contains("<path"));
}

#[test]
fn clip_rects_are_defined_once_and_skipped_when_harmless() {
    let clip = Rect::from_min_max(pos2(10.0, 10.0), pos2(50.0, 50.0));
    let dot = |clip_rect| {
        ClippedShape::new(
            clip_rect,
            Shape::circle_filled(pos2(20.0, 20.0), 5.0, Color32::RED),
        )
    };
    let shapes = [
        dot(clip),
        dot(Rect::EVERYTHING),
        dot(clip),
        dot(Rect::from_min_max(pos2(300.0, 300.0), pos2(400.0, 400.0))),
        dot(Rect::from_min_max(pos2(f32::NAN, 0.0), pos2(5.0, 5.0))),
    ];
    let svg = shapes_to_svg(&shapes, SIZE, 1.0, Color32::WHITE);
    parse(&svg);
    assert_eq!(svg.matches("clip-path=\"url(#c0)\"").count(), 2, "{svg}");
    assert_eq!(svg.matches("<clipPath id=\"c0\"").count(), 1, "{svg}");
    // A NaN edge falls back to the canvas edge, as egui_glow's scissor cast makes it 0.
    assert!(svg.contains("<clipPath id=\"c1\"><rect x=\"0\" y=\"0\" width=\"5\" height=\"5\"/>"));
    assert_eq!(svg.matches("<clipPath").count(), 2, "{svg}");
    assert_eq!(
        svg.matches("<circle").count(),
        4,
        "off-canvas clips drop their shapes"
    );
}

#[test]
fn popup_transforms_wrap_their_shapes() {
    let mut popup = everywhere(Shape::circle_filled(pos2(20.0, 20.0), 5.0, Color32::RED));
    popup.transform_after_tessellation = TSTransform::new(vec2(3.0, 4.5), 0.875);
    let mut broken = popup.clone();
    broken.transform_after_tessellation.scaling = f32::NAN;
    let shapes = [popup.clone(), popup, broken];
    let svg = shapes_to_svg(&shapes, SIZE, 1.0, Color32::WHITE);
    parse(&svg);
    assert_eq!(
        svg.matches("<g transform=\"matrix(0.875 0 0 0.875 3 4.5)\">")
            .count(),
        1,
        "{svg}"
    );
    assert_eq!(svg.matches("<circle").count(), 2, "{svg}");
}

#[test]
fn every_shape_kind_and_odd_input_stays_valid_svg() {
    let stroke = Stroke::new(1.5, Color32::DARK_GRAY);
    let nan = pos2(f32::NAN, 1.0);
    let shapes = vec![
        Shape::Noop,
        Shape::Vec(vec![Shape::circle_stroke(pos2(5.0, 5.0), 4.0, stroke)]),
        Shape::ellipse_filled(pos2(30.0, 30.0), vec2(10.0, 5.0), Color32::BLUE),
        Shape::line_segment([pos2(0.0, 0.0), pos2(50.0, 50.0)], stroke),
        Shape::line(vec![pos2(1.0, 1.0), pos2(9.0, 3.0), pos2(4.0, 8.0)], stroke),
        Shape::convex_polygon(
            vec![pos2(1.0, 1.0), pos2(9.0, 3.0), pos2(4.0, 8.0)],
            Color32::GREEN,
            stroke,
        ),
        Shape::Band(BandShape {
            points: vec![
                BandPoint::new(0.0, 1.0..=3.0),
                BandPoint::new(10.0, 2.0..=6.0),
            ],
            fill: Color32::RED,
            stroke,
            stroke_kind: StrokeKind::Middle,
            angle: 0.1,
        }),
        Shape::QuadraticBezier(QuadraticBezierShape::from_points_stroke(
            [pos2(0.0, 0.0), pos2(5.0, 10.0), pos2(10.0, 0.0)],
            true,
            Color32::YELLOW,
            stroke,
        )),
        Shape::CubicBezier(CubicBezierShape::from_points_stroke(
            [
                pos2(0.0, 0.0),
                pos2(3.0, 10.0),
                pos2(7.0, -10.0),
                pos2(10.0, 0.0),
            ],
            false,
            Color32::YELLOW,
            stroke,
        )),
        Shape::Rect(RectShape::filled(
            Rect::EVERYTHING,
            3.0,
            Color32::LIGHT_BLUE,
        )),
        Shape::Rect(RectShape::filled(Rect::NOTHING, 3.0, Color32::LIGHT_BLUE)),
        Shape::Rect(RectShape {
            blur_width: 8.0,
            angle: 0.3,
            ..RectShape::filled(
                Rect::from_min_size(pos2(20.0, 20.0), vec2(30.0, 30.0)),
                3.0,
                Color32::BLACK,
            )
        }),
        Shape::circle_filled(nan, 3.0, Color32::RED),
        Shape::line(vec![nan, pos2(1.0, 1.0)], stroke),
        Shape::line_segment([nan, nan], stroke),
        Shape::ellipse_filled(nan, vec2(f32::INFINITY, 1.0), Color32::RED),
        Shape::Rect(RectShape::filled(
            Rect::from_min_max(nan, nan),
            2.0,
            Color32::RED,
        )),
        Shape::Mesh(Arc::new(Mesh {
            indices: vec![0, 1, 2, 0, 1, 7, 2],
            vertices: vec![
                solid(f32::NAN, 0.0, Color32::RED),
                solid(1.0, 1.0, Color32::RED),
                solid(2.0, 0.0, Color32::RED),
            ],
            texture_id: TextureId::default(),
        })),
        Shape::Mesh(Arc::default()),
    ];
    let svg = svg_of(shapes);
    for tag in [
        "<circle",
        "<ellipse",
        "<line",
        "<polyline",
        "<polygon",
        "<path",
        "<rect",
        "filter=\"url(#b0)\"",
    ] {
        assert!(svg.contains(tag), "{tag} missing:\n{svg}");
    }
    assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    // An empty canvas is well-formed but has no size a viewer accepts; it must not panic.
    for size in [
        vec2(0.0, 0.0),
        vec2(f32::NAN, 10.0),
        vec2(-5.0, f32::INFINITY),
    ] {
        let svg = shapes_to_svg(&[everywhere(Shape::Noop)], size, f32::NAN, Color32::WHITE);
        assert!(svg.ends_with("</svg>\n"));
    }
    parse(&shapes_to_svg(&[], SIZE, f32::NAN, Color32::WHITE));
}
