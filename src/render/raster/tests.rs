//! Tests of the rasteriser.

use std::time::Instant;

use egui::epaint::textures::{TextureOptions, TexturesDelta};
use egui::epaint::{ColorImage, ImageDelta, Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Rect, TextureId, pos2};

use super::*;

const RED: Color32 = Color32::from_rgb(255, 0, 0);

/// The font texture as egui keeps it for solid shapes: a white texel at uv (0, 0).
fn white_texture() -> Textures {
    let mut textures = Textures::default();
    textures.apply(&mut delta(
        TextureId::default(),
        ImageDelta::full(
            ColorImage::filled([4, 4], Color32::WHITE),
            TextureOptions::LINEAR,
        ),
    ));
    textures
}

fn delta(id: TextureId, image: ImageDelta) -> TexturesDelta {
    let mut d = TexturesDelta::default();
    d.set.entry(id).or_default().push(image);
    d
}

fn vertex(x: f32, y: f32, color: Color32) -> Vertex {
    Vertex {
        pos: pos2(x, y),
        uv: WHITE_UV,
        color,
    }
}

fn mesh(vertices: Vec<Vertex>, indices: Vec<u32>) -> Mesh {
    Mesh {
        indices,
        vertices,
        texture_id: TextureId::default(),
    }
}

fn prim(mesh: Mesh) -> ClippedPrimitive {
    ClippedPrimitive {
        clip_rect: Rect::EVERYTHING,
        primitive: Primitive::Mesh(mesh),
    }
}

fn quad(min: Pos2, max: Pos2, color: Color32) -> Mesh {
    let v = [
        (min.x, min.y),
        (max.x, min.y),
        (max.x, max.y),
        (min.x, max.y),
    ]
    .map(|(x, y)| vertex(x, y, color));
    mesh(v.to_vec(), vec![0, 1, 2, 0, 2, 3])
}

fn draw(prims: &[ClippedPrimitive], size: u32, ppp: f32) -> Image {
    rasterise(prims, &white_texture(), [size, size], ppp, Color32::WHITE)
}

fn count(image: &Image, colour: [u8; 4]) -> usize {
    image
        .pixels
        .chunks_exact(4)
        .filter(|p| *p == colour)
        .count()
}

#[test]
fn an_opaque_triangle_covers_the_pixel_centres_inside_it() {
    let tri = mesh(
        vec![
            vertex(10.0, 10.0, RED),
            vertex(50.0, 10.0, RED),
            vertex(10.0, 50.0, RED),
        ],
        vec![0, 1, 2],
    );
    let image = draw(&[prim(tri)], 64, 1.0);
    assert_eq!(image.pixel(15, 15), Some([255, 0, 0, 255]));
    assert_eq!(image.pixel(10, 10), Some([255, 0, 0, 255]));
    assert_eq!(image.pixel(30, 12), Some([255, 0, 0, 255]));
    assert_eq!(image.pixel(9, 20), Some([255; 4]));
    assert_eq!(image.pixel(45, 45), Some([255; 4]));
    assert_eq!(
        image.pixel(30, 30),
        Some([255; 4]),
        "centre on the hypotenuse: not ours"
    );
    // Centres (x + ½, y + ½) with x, y ≥ 10 and x + y + 1 < 60: 39 + 38 + … + 1 + … = 780.
    assert_eq!(count(&image, [255, 0, 0, 255]), 780);
}

#[test]
fn winding_order_does_not_matter() {
    let v = vec![
        vertex(10.0, 10.0, RED),
        vertex(50.0, 10.0, RED),
        vertex(10.0, 50.0, RED),
    ];
    let a = draw(&[prim(mesh(v.clone(), vec![0, 1, 2]))], 64, 1.0);
    let b = draw(&[prim(mesh(v, vec![0, 2, 1]))], 64, 1.0);
    assert!(a == b);
}

/// A convex polygon cut into a fan around an off-centre point, at awkward coordinates: every
/// pixel must be blended exactly once (no white seam, no darker double blend).
#[test]
fn shared_edges_are_neither_skipped_nor_drawn_twice() {
    let half_blue = Color32::from_rgba_premultiplied(0, 0, 128, 128);
    let centre = pos2(31.37, 29.11);
    let ring: Vec<Pos2> = (0..13)
        .map(|i| {
            let a = i as f32 / 13.0 * std::f32::consts::TAU + 0.3;
            pos2(32.0 + 25.3 * a.cos(), 32.0 + 24.7 * a.sin())
        })
        .collect();
    let mut vertices = vec![vertex(centre.x, centre.y, half_blue)];
    vertices.extend(ring.iter().map(|p| vertex(p.x, p.y, half_blue)));
    let indices = (0..13u32)
        .flat_map(|i| [0, 1 + i, 1 + (i + 1) % 13])
        .collect();
    // Plus a quad split along its diagonal, the tessellator's usual case.
    let q = quad(pos2(2.3, 58.6), pos2(61.7, 63.4), half_blue);
    let image = draw(&[prim(mesh(vertices, indices)), prim(q)], 64, 1.0);

    let once = [127, 127, 255, 255];
    let mut blended = 0;
    for p in image.pixels.chunks_exact(4) {
        assert!(
            p == once || p == [255; 4],
            "pixel blended other than once: {p:?}"
        );
        blended += usize::from(p == once);
    }
    // Everything well inside the polygon is covered.
    for y in 14..50 {
        for x in 14..50 {
            let d = pos2(x as f32 + 0.5, y as f32 + 0.5) - pos2(32.0, 32.0);
            if d.length() < 20.0 {
                assert_eq!(image.pixel(x, y), Some(once), "seam at {x},{y}");
            }
        }
    }
    assert!(blended > 1800, "{blended}");
    assert_eq!(
        image.pixel(30, 61),
        Some(once),
        "the split quad has no seam"
    );
}

/// Integer corners put pixel centres exactly on the diagonal both triangles share: only
/// the tie rule decides who draws them.
#[test]
fn pixel_centres_on_a_shared_edge_are_drawn_once() {
    let half_blue = Color32::from_rgba_premultiplied(0, 0, 128, 128);
    let q = quad(pos2(10.0, 10.0), pos2(50.0, 50.0), half_blue);
    let image = draw(&[prim(q)], 64, 1.0);
    for i in 10..50 {
        assert_eq!(
            image.pixel(i, i),
            Some([127, 127, 255, 255]),
            "diagonal at {i}"
        );
    }
    assert_eq!(count(&image, [127, 127, 255, 255]), 1600);
}

#[test]
fn the_clip_rect_crops() {
    let mut p = prim(quad(pos2(0.0, 0.0), pos2(64.0, 64.0), RED));
    p.clip_rect = Rect::from_min_max(pos2(10.0, 10.0), pos2(20.0, 30.0));
    let image = draw(&[p], 64, 1.0);
    assert_eq!(count(&image, [255, 0, 0, 255]), 200);
    assert_eq!(image.pixel(10, 10), Some([255, 0, 0, 255]));
    assert_eq!(image.pixel(19, 29), Some([255, 0, 0, 255]));
    assert_eq!(image.pixel(20, 29), Some([255; 4]));
    assert_eq!(image.pixel(19, 30), Some([255; 4]));
}

#[test]
fn two_pixels_per_point_double_the_footprint() {
    let q = || prim(quad(pos2(10.0, 10.0), pos2(20.0, 20.0), RED));
    let one = draw(&[q()], 64, 1.0);
    let two = draw(&[q()], 128, 2.0);
    assert_eq!(count(&one, [255, 0, 0, 255]), 100);
    assert_eq!(count(&two, [255, 0, 0, 255]), 400);
    assert_eq!(two.pixel(20, 20), Some([255, 0, 0, 255]));
    assert_eq!(two.pixel(39, 39), Some([255, 0, 0, 255]));
    assert_eq!(two.pixel(40, 40), Some([255; 4]));
    assert_eq!(two.pixel(19, 19), Some([255; 4]));
}

#[test]
fn a_textured_quad_takes_the_texture_colour() {
    let id = TextureId::Managed(7);
    let mut textures = white_texture();
    let (red, blue) = (RED, Color32::from_rgb(0, 0, 255));
    let image = ColorImage::new([2, 1], vec![red, blue]);
    textures.apply(&mut delta(
        id,
        ImageDelta::full(image, TextureOptions::NEAREST),
    ));

    let mut q = quad(pos2(0.0, 0.0), pos2(40.0, 20.0), Color32::WHITE);
    q.texture_id = id;
    for (v, uv) in q
        .vertices
        .iter_mut()
        .zip([(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)])
    {
        v.uv = pos2(uv.0, uv.1);
    }
    let out = rasterise(&[prim(q.clone())], &textures, [40, 20], 1.0, Color32::BLACK);
    assert_eq!(out.pixel(5, 10), Some([255, 0, 0, 255]));
    assert_eq!(out.pixel(19, 10), Some([255, 0, 0, 255]));
    assert_eq!(out.pixel(20, 10), Some([0, 0, 255, 255]));
    assert_eq!(out.pixel(39, 19), Some([0, 0, 255, 255]));

    // The vertex colour tints (multiplies) the texture; linear filtering blends texels.
    let mut tinted = q;
    tinted
        .vertices
        .iter_mut()
        .for_each(|v| v.color = Color32::from_gray(128));
    let linear = ColorImage::new([2, 1], vec![red, blue]);
    textures.apply(&mut delta(
        id,
        ImageDelta::full(linear, TextureOptions::LINEAR),
    ));
    let out = rasterise(&[prim(tinted)], &textures, [40, 20], 1.0, Color32::BLACK);
    assert_eq!(
        out.pixel(0, 10),
        Some([128, 0, 0, 255]),
        "clamped to the edge texel"
    );
    let [r, g, b, _] = out.pixel(20, 10).unwrap_or_default();
    assert!(
        (60..=68).contains(&r) && g == 0 && (60..=68).contains(&b),
        "{r} {b}"
    );
}

#[test]
fn texture_patches_apply_and_frees_wait_a_frame() {
    let id = TextureId::Managed(3);
    let mut textures = Textures::default();
    let full = ImageDelta::full(ColorImage::filled([4, 4], RED), TextureOptions::NEAREST);
    textures.apply(&mut delta(id, full));
    let patch = ColorImage::filled([2, 1], Color32::GREEN);
    textures.apply(&mut delta(
        id,
        ImageDelta::partial([3, 3], patch, TextureOptions::NEAREST),
    ));
    let t = textures
        .get(id)
        .map(|t| t.texels.clone())
        .unwrap_or_default();
    assert_eq!(t[15], Color32::GREEN);
    assert_eq!(t[14], RED);
    assert_eq!(
        t.iter().filter(|c| **c == Color32::GREEN).count(),
        1,
        "patch clipped"
    );

    let mut free = TexturesDelta::default();
    free.free.insert(id);
    textures.apply(&mut free);
    assert!(
        textures.contains(id),
        "still drawable in the frame that frees it"
    );
    textures.apply(&mut TexturesDelta::default());
    assert!(!textures.contains(id));
}

#[test]
fn a_missing_texture_skips_the_mesh() {
    let mut q = quad(pos2(0.0, 0.0), pos2(8.0, 8.0), RED);
    q.texture_id = TextureId::User(1);
    let image = draw(&[prim(q)], 8, 1.0);
    assert_eq!(count(&image, [255; 4]), 64);
}

#[test]
fn odd_input_does_not_panic() {
    let bad = mesh(
        vec![
            vertex(f32::NAN, 1.0, RED),
            vertex(1.0, f32::INFINITY, RED),
            vertex(5.0, 5.0, RED),
            vertex(1e30, -1e30, RED),
            vertex(3.0, 3.0, RED),
        ],
        vec![0, 1, 2, 2, 3, 4, 2, 4, 99, 2, 2, 2, 1],
    );
    let degenerate = mesh(
        vec![
            vertex(1.0, 1.0, RED),
            vertex(2.0, 2.0, RED),
            vertex(3.0, 3.0, RED),
        ],
        vec![0, 1, 2],
    );
    let mut nan_clip = prim(quad(pos2(0.0, 0.0), pos2(8.0, 8.0), RED));
    nan_clip.clip_rect = Rect::from_min_max(pos2(f32::NAN, 0.0), pos2(4.0, f32::NAN));
    let prims = [prim(bad), prim(degenerate), prim(Mesh::default()), nan_clip];
    let textures = white_texture();
    for size in [[0, 0], [0, 10], [10, 0], [1, 1], [16, 16]] {
        for ppp in [1.0, 0.0, -1.0, f32::NAN, 3.7] {
            let image = rasterise(&prims, &textures, size, ppp, Color32::WHITE);
            assert_eq!(image.pixels.len(), size[0] as usize * size[1] as usize * 4);
        }
    }
    let empty = rasterise(&[], &textures, [0, 0], 1.0, Color32::WHITE);
    assert!(empty.encode_png().is_err());
}

#[test]
fn a_translucent_background_comes_out_straight() {
    let bg = Color32::from_rgba_premultiplied(50, 0, 0, 100);
    let image = rasterise(&[], &white_texture(), [2, 2], 1.0, bg);
    assert_eq!(image.pixel(0, 0), Some([128, 0, 0, 100]));
}

#[test]
fn bands_agree_with_a_single_pass() {
    // Tall enough to be split into bands across threads; triangles straddle the bands.
    let colours = [
        RED,
        Color32::from_rgba_premultiplied(0, 60, 0, 90),
        Color32::TRANSPARENT,
    ];
    let mut m = Mesh::default();
    for i in 0..300u32 {
        let (x, y) = ((i * 37 % 61) as f32 + 0.3, (i * 53 % 317) as f32 + 0.7);
        let base = m.vertices.len() as u32;
        for (k, (dx, dy)) in [(0.0, 0.0), (9.3, 41.7), (-4.1, 77.2)]
            .into_iter()
            .enumerate()
        {
            m.vertices
                .push(vertex(x + dx, y + dy, colours[(i as usize + k) % 3]));
        }
        m.indices.extend([base, base + 1, base + 2]);
    }
    let prims = [prim(m)];
    let textures = white_texture();
    let banded = rasterise(&prims, &textures, [64, 320], 1.0, Color32::WHITE);
    let mut single = vec![255u8; 64 * 320 * 4];
    let scene = Scene {
        prims: &prims,
        textures: &textures,
        width: 64,
        height: 320,
        ppp: 1.0,
    };
    scene.draw_band(Band {
        pixels: &mut single,
        width: 64,
        y0: 0,
        y1: 320,
    });
    unpremultiply(&mut single);
    assert!(banded.pixels == single);
    assert!(
        count(&banded, [255; 4]) < 64 * 320 / 2,
        "the test draws something"
    );
}

/// `cargo test --release -- --ignored --nocapture raster::tests::timing`
#[test]
#[ignore = "timing, run in release"]
fn timing_100k_triangles_at_4x() {
    let (w, h) = (1920.0_f32, 1080.0_f32);
    let mut m = Mesh::default();
    // A basemap-like layer: two big triangles under a 100k-triangle field of small
    // feathered discs/segments.
    m.add_colored_rect(
        Rect::from_min_max(pos2(0.0, 0.0), pos2(w, h)),
        Color32::from_rgb(230, 235, 240),
    );
    let mut i = 0u32;
    while m.indices.len() / 3 < 100_000 {
        let x = (i.wrapping_mul(7919) % 1900) as f32 + 0.37;
        let y = (i.wrapping_mul(104_729) % 1060) as f32 + 0.61;
        let c = Color32::from_rgba_premultiplied(200, 80, 40, 220);
        let base = m.vertices.len() as u32;
        m.vertices.push(vertex(x, y, c));
        m.vertices.push(vertex(x + 6.0, y + 1.0, c));
        m.vertices
            .push(vertex(x + 2.0, y + 5.0, Color32::TRANSPARENT));
        m.indices.extend([base, base + 1, base + 2]);
        i += 1;
    }
    let prims = [prim(m)];
    let textures = white_texture();
    let t0 = Instant::now();
    let image = rasterise(&prims, &textures, [7680, 4320], 4.0, Color32::WHITE);
    let raster = t0.elapsed();
    let t1 = Instant::now();
    let png = image.encode_png().unwrap_or_default();
    let encode = t1.elapsed();
    println!(
        "rasterise 7680×4320, 100k triangles: {raster:?}; PNG encode: {encode:?} ({} MB)",
        png.len() / 1_000_000
    );
}
