//! The sector colours stay apart for colour-blind readers (simulated with the Machado et al.
//! 2009 matrices at full severity) and stand out from the land colour.

use innovation_atlas::model;

type Rgb = [f64; 3];

fn to_linear(c: f64) -> f64 {
    let c = c / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn to_srgb(c: f64) -> f64 {
    let c = c.clamp(0.0, 1.0);
    255.0
        * if c <= 0.003_130_8 {
            12.92 * c
        } else {
            1.055 * c.powf(1.0 / 2.4) - 0.055
        }
}

fn lab(rgb: Rgb) -> Rgb {
    let [r, g, b] = rgb.map(to_linear);
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.950_47;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.088_83;
    let f = |t: f64| {
        if t > 0.008_856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    [
        116.0 * f(y) - 16.0,
        500.0 * (f(x) - f(y)),
        200.0 * (f(y) - f(z)),
    ]
}

const DEUTERANOPIA: [Rgb; 3] = [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.011820, 0.042940, 0.968881],
];
const PROTANOPIA: [Rgb; 3] = [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
];
const TRITANOPIA: [Rgb; 3] = [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.303900],
];

fn simulate(rgb: Rgb, m: &[Rgb; 3]) -> Rgb {
    let l = rgb.map(to_linear);
    let row = |r: &Rgb| to_srgb(r[0] * l[0] + r[1] * l[1] + r[2] * l[2]);
    [row(&m[0]), row(&m[1]), row(&m[2])]
}

fn hex(s: &str) -> Rgb {
    let c = |i: usize| f64::from(u8::from_str_radix(&s[i..i + 2], 16).expect("hex colour"));
    [c(1), c(3), c(5)]
}

fn delta(a: Rgb, b: Rgb) -> f64 {
    let (a, b) = (lab(a), lab(b));
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

#[test]
fn every_pair_of_sector_colours_stays_distinct_for_colour_blind_readers() {
    let d = model::load_embedded().expect("embedded").dataset;
    let colours: Vec<(&str, Rgb)> = d
        .sectors
        .iter()
        .map(|s| (s.id.as_str(), hex(&s.color)))
        .collect();
    let identity = |c: Rgb| c;
    let modes: [(&str, &dyn Fn(Rgb) -> Rgb); 4] = [
        ("normal", &identity),
        ("deuteranopia", &|c| simulate(c, &DEUTERANOPIA)),
        ("protanopia", &|c| simulate(c, &PROTANOPIA)),
        ("tritanopia", &|c| simulate(c, &TRITANOPIA)),
    ];
    for (mode, f) in modes {
        for (i, (a, ca)) in colours.iter().enumerate() {
            for (b, cb) in &colours[i + 1..] {
                let de = delta(f(*ca), f(*cb));
                assert!(
                    de >= 12.0,
                    "{a} and {b} are only ΔE {de:.1} apart under {mode}"
                );
            }
        }
    }
}

#[test]
fn sector_colours_stand_out_from_the_land() {
    let d = model::load_embedded().expect("embedded").dataset;
    let land = [251.0, 250.0, 246.0];
    for s in &d.sectors {
        let de = delta(hex(&s.color), land);
        assert!(
            de >= 25.0,
            "{} is too close to the land colour (ΔE {de:.1})",
            s.id
        );
    }
}
