//! The "export map picture" window: PNG, SVG or PDF, at the window's size (PNG at 1, 2 or 4
//! times its pixels) or on A4, A3 or A0 paper, then a file name.

use egui::{RichText, Ui};

use super::View;
use crate::command::{Command, ImageFormat, Picture};
use crate::i18n::tr;
use crate::render::Paper;
use crate::state::AppState;

pub struct PictureExport {
    pub open: bool,
    pub picture: Picture,
    /// How the last export went: the file written, or why not (true when it failed).
    pub status: Option<(String, bool)>,
}

impl Default for PictureExport {
    fn default() -> Self {
        PictureExport {
            open: false,
            picture: Picture {
                format: ImageFormat::Png { scale: 2 },
                paper: None,
            },
            status: None,
        }
    }
}

/// The format choices, by kind (PNG's scale is chosen with the size).
fn kinds() -> [(ImageFormat, &'static str); 3] {
    [
        (ImageFormat::Png { scale: 2 }, "PNG"),
        (ImageFormat::Svg, "SVG"),
        (ImageFormat::Pdf, "PDF"),
    ]
}

impl View for PictureExport {
    fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        let lang = state.settings.lang;
        let mut open = true;
        super::dialog_window(ui.ctx(), tr(lang, "picture.heading"))
            .open(&mut open)
            .collapsible(false)
            .default_width(360.0)
            .show(ui.ctx(), |ui| {
                let p = &mut self.picture;
                ui.label(RichText::new(tr(lang, "picture.format")).strong());
                ui.horizontal(|ui| {
                    for (f, name) in kinds() {
                        let same = std::mem::discriminant(&p.format) == std::mem::discriminant(&f);
                        if ui.selectable_label(same, name).clicked() && !same {
                            p.format = f;
                        }
                    }
                });
                ui.label(RichText::new(tr(lang, "picture.size")).strong());
                ui.horizontal_wrapped(|ui| {
                    let window_scales: &[u32] = match p.format {
                        ImageFormat::Png { .. } => &[1, 2, 4],
                        ImageFormat::Svg | ImageFormat::Pdf => &[1],
                    };
                    for &scale in window_scales {
                        let this = match p.format {
                            ImageFormat::Png { scale: s } => p.paper.is_none() && s == scale,
                            _ => p.paper.is_none(),
                        };
                        let label = match p.format {
                            ImageFormat::Png { .. } => {
                                format!("{} {scale}×", tr(lang, "picture.window"))
                            }
                            _ => tr(lang, "picture.window").to_string(),
                        };
                        if ui.selectable_label(this, label).clicked() {
                            p.paper = None;
                            if let ImageFormat::Png { .. } = p.format {
                                p.format = ImageFormat::Png { scale };
                            }
                        }
                    }
                    for paper in Paper::ALL {
                        if ui
                            .selectable_label(p.paper == Some(paper), paper.name())
                            .clicked()
                        {
                            p.paper = Some(paper);
                        }
                    }
                });
                ui.label(RichText::new(tr(lang, "picture.paper_hint")).small().weak());
                ui.add_space(4.0);
                if ui.button(tr(lang, "picture.export")).clicked() {
                    out.push(Command::ExportDialog {
                        slide: None,
                        picture: *p,
                    });
                }
                super::status_line(ui, self.status.as_ref());
            });
        if !open {
            out.push(Command::ShowPictureExport(false));
        }
    }
}
