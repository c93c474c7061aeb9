//! Text as `<text>` runs: one per stretch of glyphs of one section on one baseline, set in
//! the font egui laid it out in.

use std::fmt::Write as _;

use egui::epaint::text::{FontFamily, LayoutJob, PlacedRow, TextFormat};
use egui::epaint::{Stroke, TextShape};
use egui::{Color32, Pos2};

use super::mesh::write_solids;
use super::*;

impl Svg {
    pub(super) fn text(&mut self, t: &TextShape) {
        let galley = &t.galley;
        let opacity = t.opacity_factor;
        if galley.is_empty() || !(opacity.is_finite() && opacity > 0.0) || !finite(t.pos) {
            return;
        }
        let rotated = t.angle != 0.0 && t.angle.is_finite();
        if rotated {
            self.body.push_str("<g");
            rotation(&mut self.body, t.angle, t.pos);
            self.body.push_str(">\n");
        }
        let mut sections = SectionCursor::new(&galley.job);
        for row in &galley.rows {
            let origin = t.pos + row.pos.to_vec2();
            if finite(origin) {
                self.row_decorations(row, origin, t, true);
                self.row_text(row, origin, t, &mut sections);
                self.row_decorations(row, origin, t, false);
                self.underline(row, origin, t.underline);
            } else {
                for g in &row.glyphs {
                    sections.advance(g.chr);
                }
            }
            if row.ends_with_newline {
                sections.advance('\n');
            }
        }
        if rotated {
            self.body.push_str("</g>\n");
        }
    }

    /// Backgrounds (before the glyphs) and underlines/strikethroughs (after) from the row's
    /// own mesh, so their geometry is egui's.
    fn row_decorations(&mut self, row: &PlacedRow, origin: Pos2, t: &TextShape, before: bool) {
        let glyphs = &row.visuals.glyph_vertex_range;
        let keep = |tri: [u32; 3]| {
            tri.iter().all(|&i| {
                let i = i as usize;
                if before {
                    i < glyphs.start
                } else {
                    i >= glyphs.end
                }
            })
        };
        let colour = |c: Color32| {
            let c = if c == Color32::PLACEHOLDER {
                t.fallback_color
            } else {
                c
            };
            fade(c, t.opacity_factor)
        };
        write_solids(
            &mut self.body,
            &row.visuals.mesh,
            origin.to_vec2(),
            keep,
            colour,
        );
    }

    fn row_text(
        &mut self,
        row: &PlacedRow,
        origin: Pos2,
        t: &TextShape,
        cursor: &mut SectionCursor,
    ) {
        let mut run: Option<Run> = None;
        for glyph in &row.glyphs {
            let section = cursor.advance(glyph.chr);
            let at = origin + glyph.pos.to_vec2();
            let end = at.x + glyph.advance_width;
            if glyph.chr.is_control() || !finite(at) {
                self.flush(run.take(), t, cursor.job);
                continue;
            }
            match &mut run {
                Some(r) if r.section == section && r.at.y == at.y => {
                    r.text.push(glyph.chr);
                    r.end = end;
                }
                _ => {
                    self.flush(run.take(), t, cursor.job);
                    run = Some(Run {
                        section,
                        at,
                        end,
                        text: String::from(glyph.chr),
                    });
                }
            }
        }
        self.flush(run, t, cursor.job);
    }

    fn flush(&mut self, run: Option<Run>, t: &TextShape, job: &LayoutJob) {
        let Some(run) = run else {
            return;
        };
        let Some(format) = job.sections.get(run.section).map(|s| &s.format) else {
            return;
        };
        let colour = match t.override_text_color {
            Some(c) => c,
            None if format.color == Color32::PLACEHOLDER => t.fallback_color,
            None => format.color,
        };
        let colour = fade(colour, t.opacity_factor);
        if run.text.trim().is_empty() || !visible(colour) {
            return;
        }
        let out = &mut self.body;
        out.push_str("<text");
        attr(out, "x", run.at.x);
        attr(out, "y", run.at.y);
        font(out, format);
        paint(out, "fill", colour);
        out.push_str(" xml:space=\"preserve\"");
        // Pins the run to egui's measured width, so a viewer's fallback font cannot push
        // labels into their neighbours.
        let width = run.end - run.at.x;
        if run.text.chars().count() > 1 && width.is_finite() && width > 0.0 {
            attr(out, "textLength", width);
        }
        out.push('>');
        escape(out, &run.text);
        out.push_str("</text>\n");
    }

    fn underline(&mut self, row: &PlacedRow, origin: Pos2, underline: Stroke) {
        let bounds = row.visuals.mesh_bounds;
        if underline.is_empty() || !bounds.is_positive() {
            return;
        }
        let bounds = bounds.translate(origin.to_vec2());
        self.line([bounds.left_bottom(), bounds.right_bottom()], underline);
    }
}

/// A stretch of glyphs of one section on one baseline, written as one `<text>`.
struct Run {
    section: usize,
    at: Pos2,
    end: f32,
    text: String,
}

/// Maps glyphs to their [`LayoutJob`] section. `Glyph::section_index` is private, but egui
/// keeps one glyph per char (plus one per row-ending `\n`), so walking the text byte by byte
/// alongside the glyphs finds each glyph's section.
struct SectionCursor<'a> {
    job: &'a LayoutJob,
    byte: usize,
    section: usize,
}

impl<'a> SectionCursor<'a> {
    fn new(job: &'a LayoutJob) -> Self {
        Self {
            job,
            byte: 0,
            section: 0,
        }
    }

    /// The section of the char at the cursor, then steps over `chr`.
    fn advance(&mut self, chr: char) -> usize {
        let sections = &self.job.sections;
        while self.section + 1 < sections.len()
            && sections
                .get(self.section)
                .is_some_and(|s| self.byte >= s.byte_range.end.0)
        {
            self.section += 1;
        }
        self.byte += chr.len_utf8();
        self.section
    }
}

pub(super) fn font(out: &mut String, f: &TextFormat) {
    let (family, weight) = match &f.font_id.family {
        FontFamily::Monospace => ("Hack, monospace", None),
        FontFamily::Proportional => (super::SANS, None),
        FontFamily::Name(name) => (super::SANS, weight_of(name)),
    };
    let _ = write!(out, " font-family=\"{family}\"");
    attr(out, "font-size", f.font_id.size);
    if let Some(w) = weight {
        let _ = write!(out, " font-weight=\"{w}\"");
    }
    if f.italics {
        out.push_str(" font-style=\"italic\"");
    }
}

/// The weight a named family implies ("semibold" is the app's heading face).
fn weight_of(name: &str) -> Option<u16> {
    let name = name.to_ascii_lowercase();
    [
        ("semibold", 600),
        ("bold", 700),
        ("medium", 500),
        ("light", 300),
    ]
    .into_iter()
    .find(|(key, _)| name.contains(key))
    .map(|(_, w)| w)
}

pub(super) fn fade(c: Color32, opacity: f32) -> Color32 {
    if opacity < 1.0 {
        c.gamma_multiply(opacity)
    } else {
        c
    }
}
