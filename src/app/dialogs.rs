//! File dialogs and exports, run as jobs so no frame waits. Where no system file dialog can
//! be shown (no desktop portal and no zenity, or in tests), the app asks for a path in its
//! own window instead of silently doing nothing.

use std::path::PathBuf;
use std::sync::Arc;

use super::jobs::Jobs;
use super::{AtlasApp, Dialogs};
use crate::command::{Command, Picture};
use crate::deck::Deck;
use crate::export::picture::{
    ExportSlideError, PictureError, SlideRenderer, export_slide, handout_pdf,
};
use crate::i18n::tr;
use crate::views::path_prompt::{PathPurpose, command_for};

/// The dialogs and exports in flight.
pub struct DialogState {
    mode: Dialogs,
    /// A system dialog open: what it was for and, when it closes, the path picked.
    dialogs: Jobs<(PathPurpose, Option<PathBuf>)>,
    exports: Jobs<Result<PathBuf, ExportSlideError>>,
    /// Pictures for the clipboard.
    pictures: Jobs<Result<crate::render::Image, PictureError>>,
}

impl DialogState {
    pub fn new(mode: Dialogs) -> Self {
        DialogState {
            mode,
            dialogs: Jobs::default(),
            exports: Jobs::default(),
            pictures: Jobs::default(),
        }
    }

    pub fn is_busy(&self) -> bool {
        self.dialogs.is_busy() || self.exports.is_busy() || self.pictures.is_busy()
    }
}

/// True when a system file dialog can be shown: a desktop portal on the session bus, or
/// zenity for rfd to fall back to.
fn system_dialog_available() -> bool {
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
    };
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() || on_path("zenity")
}

/// The file name a dialog proposes.
fn proposal(purpose: &PathPurpose, deck_name: &str) -> String {
    match purpose {
        PathPurpose::Dataset
        | PathPurpose::DatasetFolder
        | PathPurpose::OpenDeck
        | PathPurpose::UserLayer => String::new(),
        PathPurpose::SaveDeck => deck_name.to_string(),
        PathPurpose::Export(cmd) => cmd
            .output_file()
            .map_or_else(String::new, |(path, _)| path.display().to_string()),
    }
}

fn pick(purpose: &PathPurpose, name: String) -> Option<PathBuf> {
    match purpose {
        PathPurpose::Dataset => rfd::FileDialog::new()
            .add_filter("Atlas dataset", &["toml", "json"])
            .pick_file(),
        PathPurpose::DatasetFolder => rfd::FileDialog::new().pick_folder(),
        PathPurpose::OpenDeck => rfd::FileDialog::new()
            .add_filter("Deck", &["toml"])
            .pick_file(),
        PathPurpose::SaveDeck => rfd::FileDialog::new()
            .add_filter("Deck", &["toml"])
            .set_file_name(name)
            .save_file(),
        PathPurpose::UserLayer => rfd::FileDialog::new()
            .add_filter("CSV, Excel", &["csv", "xlsx", "xls", "ods", "tsv", "txt"])
            .pick_file(),
        PathPurpose::Export(cmd) => {
            let ext = cmd.output_file().map_or("png", |(_, ext)| ext);
            rfd::FileDialog::new()
                .add_filter(ext.to_uppercase(), &[ext])
                .set_file_name(name)
                .save_file()
        }
    }
}

impl AtlasApp {
    /// Asks for a path: the system's dialog on a thread, or the app's own path field.
    pub(super) fn ask_path(&mut self, purpose: PathPurpose) {
        if self.dialogs.dialogs.is_busy() {
            return;
        }
        let deck_name = self
            .state
            .settings
            .own_deck_path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || "deck.toml".to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
        let name = proposal(&purpose, &deck_name);
        if self.dialogs.mode == Dialogs::Disabled || !system_dialog_available() {
            self.views.path_prompt.ask(purpose, name);
            return;
        }
        let file_name = PathBuf::from(&name)
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        self.dialogs.dialogs.spawn("file dialog", move || {
            let picked = pick(&purpose, file_name);
            (purpose, picked)
        });
    }

    /// Asks where to export a slide of the chosen deck (`None`: the current view).
    pub(super) fn export_dialog(&mut self, slide: Option<usize>, picture: Picture) {
        let format = picture.format;
        // The deck is taken now: it may change while the dialog is open.
        let picked = match slide {
            Some(i) => self
                .state
                .chosen_deck()
                .filter(|d| i < d.slides.len())
                .map(|d| (d.clone(), i)),
            None => Some((
                Deck {
                    title: String::new(),
                    slides: vec![self.picture_of_view()],
                },
                0,
            )),
        };
        let Some((deck, index)) = picked else {
            return;
        };
        let name = match slide {
            Some(i) => format.slide_file_name(i),
            None => format!("atlas.{}", format.extension()),
        };
        let cmd = Command::Export {
            deck: Box::new(deck),
            index,
            picture,
            path: PathBuf::from(name),
        };
        self.ask_path(PathPurpose::Export(Box::new(cmd)));
    }

    /// Asks where to write the chosen deck as a PDF handout.
    pub(super) fn handout_dialog(&mut self, notes: bool) {
        let Some(deck) = self
            .state
            .chosen_deck()
            .filter(|d| !d.slides.is_empty())
            .cloned()
        else {
            let lang = self.state.settings.lang;
            self.set_status(tr(lang, "present.empty").to_string(), true);
            return;
        };
        let cmd = Command::Handout {
            deck: Box::new(deck),
            notes,
            path: PathBuf::from("handout.pdf"),
        };
        self.ask_path(PathPurpose::Export(Box::new(cmd)));
    }

    /// Writes a handout on a thread.
    pub(super) fn start_handout(&mut self, deck: Deck, notes: bool, path: PathBuf) {
        let atlas = Arc::clone(&self.state.atlas);
        let lang = self.state.settings.lang;
        self.dialogs.exports.spawn("handout", move || {
            let pdf = handout_pdf(&atlas, &deck, lang, notes)?;
            crate::fsio::write_atomic(&path, &pdf)?;
            Ok(path)
        });
    }

    /// Renders the current view at the window's size and puts it on the clipboard.
    pub(super) fn copy_view_image(&mut self) {
        let atlas = Arc::clone(&self.state.atlas);
        let lang = self.state.settings.lang;
        let size = self.window_size;
        let deck = Deck {
            title: String::new(),
            slides: vec![self.picture_of_view()],
        };
        self.dialogs.pictures.spawn("copy picture", move || {
            SlideRenderer::new(size, 1.0).image(&atlas, &deck, 0, lang)
        });
    }

    /// Renders a slide (or the current view) on a thread and writes it atomically.
    pub(super) fn start_export(
        &mut self,
        deck: Deck,
        index: usize,
        picture: Picture,
        path: PathBuf,
    ) {
        let atlas = Arc::clone(&self.state.atlas);
        let lang = self.state.settings.lang;
        let size = self.window_size;
        self.dialogs.exports.spawn("export", move || {
            export_slide(&atlas, &deck, index, lang, size, picture, &path).map(|()| path)
        });
    }

    /// Takes what dialogs and exports finished; asks for frames while any runs.
    pub(super) fn poll_jobs(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        for (purpose, picked) in self.dialogs.dialogs.poll() {
            if let Some(path) = picked {
                out.push(command_for(purpose, path));
            }
        }
        let lang = self.state.settings.lang;
        for done in self.dialogs.exports.poll() {
            match done {
                Ok(path) => {
                    let text = format!("{} {}", tr(lang, "present.exported"), path.display());
                    self.views.picture_export.status = Some((text.clone(), false));
                    self.set_status(text, false);
                }
                Err(e) => {
                    let text = format!("{} {}", tr(lang, "present.failed"), e.localized(lang));
                    self.views.picture_export.status = Some((text.clone(), true));
                    self.set_status(text, true);
                }
            }
        }
        for done in self.dialogs.pictures.poll() {
            match done {
                Ok(img) => {
                    let size = [img.width as usize, img.height as usize];
                    ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(size, &img.pixels));
                    self.set_status(tr(lang, "picture.copied").to_string(), false);
                }
                Err(e) => self.set_status(format!("{} {e}", tr(lang, "present.failed")), true),
            }
        }
        if self.dialogs.is_busy() {
            // Threads report through channels, not input: look again soon.
            ctx.request_repaint_after(std::time::Duration::from_millis(150));
        }
    }
}

/// Files dropped on the window: a deck opens as a deck, anything else as a dataset.
pub fn collect_dropped_files(ctx: &egui::Context, out: &mut Vec<Command>) {
    let dropped = ctx.input(|i| i.raw.dropped_files.clone());
    for file in dropped {
        let path = file.path();
        if !path.as_os_str().is_empty() {
            out.push(Command::LoadDataset(path.to_path_buf()));
        }
    }
}
