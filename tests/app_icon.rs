//! The app icon: one SVG drawn for the project (`assets/icons/innovation-atlas.svg`), and
//! the PNG sizes desktops ask for plus a Windows `.ico`, all rendered from it here. The test
//! fails when a PNG no longer matches the SVG; `UPDATE_ICONS=1 cargo test --test app_icon`
//! writes them again.

use std::path::{Path, PathBuf};

const SVG: &str = "assets/icons/innovation-atlas.svg";
/// The sizes of the freedesktop icon theme (`hicolor/<n>x<n>/apps`).
const SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];
/// The sizes in the Windows icon (PNG-compressed entries, Windows Vista and later).
const ICO_SIZES: [u32; 5] = [16, 24, 32, 48, 256];
const ICO: &str = "assets/windows/innovation-atlas.ico";

fn png_path(size: u32) -> PathBuf {
    PathBuf::from(format!(
        "assets/icons/hicolor/{size}x{size}/apps/innovation-atlas.png"
    ))
}

fn updating() -> bool {
    std::env::var_os("UPDATE_ICONS").is_some()
}

/// The SVG at `size` × `size` pixels, as straight (not premultiplied) RGBA.
fn render(size: u32) -> Vec<u8> {
    let svg = std::fs::read_to_string(SVG).expect("the icon's SVG");
    let tree =
        resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).expect("a valid SVG");
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size, size).expect("a pixmap");
    let scale = size as f32 / tree.size().width();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect()
}

fn encode(size: u32, rgba: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, size, size);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::High);
        let mut writer = encoder.write_header().expect("png header");
        writer.write_image_data(rgba).expect("png data");
    }
    out
}

fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    assert_eq!(info.color_type, png::ColorType::Rgba);
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

/// An `.ico` holding PNG images (allowed since Windows Vista): a 6-byte header, a 16-byte
/// directory entry per image, then the PNG files.
fn ico(images: &[(u32, Vec<u8>)]) -> Vec<u8> {
    let mut out = vec![0, 0, 1, 0];
    out.extend((images.len() as u16).to_le_bytes());
    let mut offset = 6 + 16 * images.len();
    for (size, png) in images {
        let side = if *size >= 256 { 0 } else { *size as u8 };
        out.extend([side, side, 0, 0]);
        out.extend(1u16.to_le_bytes()); // colour planes
        out.extend(32u16.to_le_bytes()); // bits per pixel
        out.extend((png.len() as u32).to_le_bytes());
        out.extend((offset as u32).to_le_bytes());
        offset += png.len();
    }
    for (_, png) in images {
        out.extend(png);
    }
    out
}

#[test]
fn every_png_size_is_the_svg_rendered_at_that_size() {
    for size in SIZES {
        let rgba = render(size);
        let path = png_path(size);
        if updating() {
            write(&path, &encode(size, &rgba));
        }
        let bytes = std::fs::read(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; run UPDATE_ICONS=1 cargo test --test app_icon",
                path.display()
            )
        });
        let (w, h, pixels) = decode(&bytes);
        assert_eq!((w, h), (size, size), "{}", path.display());
        let worst = pixels
            .iter()
            .zip(&rgba)
            .map(|(a, b)| a.abs_diff(*b))
            .max()
            .unwrap_or(0);
        assert!(
            worst <= 2,
            "{} differs from the SVG by up to {worst}; run UPDATE_ICONS=1 cargo test --test app_icon",
            path.display()
        );
        // Transparent corners, an opaque middle: a tile, not a square.
        assert_eq!(pixels[3], 0, "{size}: the corner is transparent");
        let middle = ((size / 2 * size + size / 2) * 4 + 3) as usize;
        assert_eq!(pixels[middle], 255, "{size}: the middle is opaque");
    }
}

/// The images of an `.ico`: (side, PNG bytes) per directory entry.
fn ico_images(bytes: &[u8]) -> Vec<(u32, Vec<u8>)> {
    assert!(
        bytes.len() >= 6 && bytes[..4] == [0, 0, 1, 0],
        "an icon header"
    );
    let count = u16::from_le_bytes([bytes[4], bytes[5]]) as usize;
    (0..count)
        .map(|i| {
            let e = &bytes[6 + 16 * i..6 + 16 * (i + 1)];
            let side = if e[0] == 0 { 256 } else { u32::from(e[0]) };
            let len = u32::from_le_bytes([e[8], e[9], e[10], e[11]]) as usize;
            let at = u32::from_le_bytes([e[12], e[13], e[14], e[15]]) as usize;
            (side, bytes[at..at + len].to_vec())
        })
        .collect()
}

#[test]
fn the_windows_icon_holds_the_pngs() {
    let images: Vec<(u32, Vec<u8>)> = ICO_SIZES
        .iter()
        .map(|&s| (s, encode(s, &render(s))))
        .collect();
    if updating() {
        write(Path::new(ICO), &ico(&images));
    }
    let actual = std::fs::read(ICO).expect("the .ico");
    let held = ico_images(&actual);
    let sides: Vec<u32> = held.iter().map(|(s, _)| *s).collect();
    assert_eq!(sides, ICO_SIZES, "{ICO}: the sizes it holds");
    // Pixels, not bytes: another version of the PNG encoder compresses differently.
    for (size, png) in held {
        let (w, h, pixels) = decode(&png);
        assert_eq!((w, h), (size, size));
        let worst = pixels
            .iter()
            .zip(&render(size))
            .map(|(a, b)| a.abs_diff(*b))
            .max()
            .unwrap_or(0);
        assert!(
            worst <= 2,
            "{ICO} at {size}: differs from the SVG by up to {worst}; run UPDATE_ICONS=1 cargo test --test app_icon"
        );
    }
}

#[test]
fn the_icon_is_drawn_in_the_palettes_colours() {
    let svg = std::fs::read_to_string(SVG).expect("the icon's SVG");
    // Okabe-Ito orange, sky blue and bluish green: distinct for every kind of colour vision.
    for colour in ["#E69F00", "#56B4E9", "#009E73"] {
        assert!(svg.contains(colour), "{colour}");
    }
    assert!(!svg.contains("<image"), "no embedded bitmaps");
    assert!(!svg.contains("<text"), "no text, which would need a font");
}
