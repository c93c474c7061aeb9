//! Data in and out from the window: exporting the data (what is shown, or everything) as a
//! job written atomically, and the user's own organisations as a layer merged into the
//! atlas, with a copy kept in the data folder so the layer is back at the next start.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::AtlasApp;
use super::jobs::Jobs;
use crate::atlas::Atlas;
use crate::command::{Command, DataExport, DataFormat, FlyTarget};
use crate::export::{self, ExportError, Format, Request, Subset};
use crate::i18n::tr;
use crate::model::LoadedDataset;
use crate::model::layer::{self, Layer, table::FileKind};
use crate::state::UserLayerSettings;
use crate::views::path_prompt::PathPurpose;

/// Exports in flight, the user's layer and where its copy is kept.
#[derive(Default)]
pub struct DataState {
    /// The app's data folder, where the layer's copy is kept; `None` keeps nothing (tests,
    /// a machine without a home folder).
    pub dir: Option<PathBuf>,
    /// The layer in use, as read, to merge it into another dataset the user opens.
    layer: Option<Layer>,
    exports: Jobs<Result<PathBuf, ExportError>>,
}

impl DataState {
    pub fn is_busy(&self) -> bool {
        self.exports.is_busy()
    }
}

fn export_format(f: DataFormat) -> Format {
    match f {
        DataFormat::Xlsx => Format::Xlsx,
        DataFormat::Csv => Format::Csv,
        DataFormat::CsvNl => Format::CsvNl,
        DataFormat::GeoJson => Format::GeoJson,
        DataFormat::Json => Format::Json,
    }
}

/// The copy's file name in the data folder: `user-layer.csv`, `user-layer.xlsx`.
fn copy_name(path: &Path) -> String {
    let ext = path.extension().map_or_else(
        || "csv".to_string(),
        |e| e.to_string_lossy().to_ascii_lowercase(),
    );
    format!("user-layer.{ext}")
}

impl AtlasApp {
    /// Asks where to write the data export.
    pub(super) fn export_data_dialog(&mut self, request: DataExport) {
        let name = request.file_name(self.state.settings.lang);
        let cmd = Command::ExportData {
            request,
            path: PathBuf::from(name),
        };
        self.ask_path(PathPurpose::Export(Box::new(cmd)));
    }

    /// Writes the data export on a thread: what the window shows (the places `visible`
    /// lets through, the scene's filter and regions), or everything.
    pub(super) fn export_data(&mut self, request: DataExport, path: PathBuf) {
        let atlas = Arc::clone(&self.state.atlas);
        let d = atlas.data();
        let subset = if request.shown_only {
            let scene = &self.state.scene;
            let hidden = &scene.layers.hidden_regions;
            Subset::from_shown(d, self.state.visible.shown.clone(), &scene.filter, |r| {
                !hidden.contains(r)
            })
        } else {
            Subset::all(d)
        };
        let req = Request::new(export_format(request.format), self.state.settings.lang);
        self.data.exports.spawn("data export", move || {
            export::write_to(&path, atlas.data(), &subset, &req).map(|()| path)
        });
    }

    /// Reports finished exports in the status lines (the export window's and the deck
    /// window's, as slide exports are).
    pub(super) fn poll_data_jobs(&mut self, ctx: &egui::Context) {
        let lang = self.state.settings.lang;
        for done in self.data.exports.poll() {
            let (text, failed) = match done {
                Ok(path) => (
                    format!("{} {}", tr(lang, "data.exported"), path.display()),
                    false,
                ),
                Err(e) => (
                    format!("{} {}", tr(lang, "data.failed"), e.localized(lang)),
                    true,
                ),
            };
            self.views.data_export.status = Some((text.clone(), failed));
            self.set_status(text, failed);
        }
        if self.data.is_busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(150));
        }
    }

    /// Reads the user's organisations from `path`, shows them as a layer and keeps a copy
    /// in the data folder. Rows with problems are listed; the rest load. When no row loads,
    /// the atlas stays as it was.
    pub(super) fn load_user_layer(&mut self, path: PathBuf) {
        let shown = path.display().to_string();
        let name = path
            .file_name()
            .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
        let date = layer::today();
        let bytes = FileKind::of(&path)
            .ok_or_else(|| layer::LayerError::Kind {
                file: shown.clone(),
            })
            .and_then(|kind| {
                crate::fsio::read_capped(&path, layer::MAX_LAYER_BYTES)
                    .map(|b| (kind, b))
                    .map_err(layer::LayerError::from)
            });
        let (kind, bytes) = match bytes {
            Ok(x) => x,
            Err(e) => {
                self.views.user_layer.show(
                    e.headline(self.state.lang()),
                    vec![e.to_problem()],
                    false,
                );
                return;
            }
        };
        if self.use_layer_bytes(&bytes, kind, &shown, &date) {
            let settings = UserLayerSettings {
                name,
                copy: copy_name(&path),
                date,
            };
            self.keep_copy(&bytes, &settings);
            self.state.settings.user_layer = Some(settings);
            self.state
                .settings
                .layers
                .hidden_regions
                .remove(layer::USER_REGION);
            self.map.fly_to(
                &self.state.atlas,
                &FlyTarget::Region(layer::USER_REGION.to_string()),
            );
        }
    }

    /// Reads a layer's bytes against the atlas (without any earlier layer) and uses it;
    /// returns whether any row loaded. The report lists what was found.
    fn use_layer_bytes(&mut self, bytes: &[u8], kind: FileKind, shown: &str, date: &str) -> bool {
        let lang = self.state.settings.lang;
        let base = layer::without_layer(&self.state.atlas.loaded);
        let read = layer::read_bytes(bytes, kind, shown, &base.dataset, date);
        let l = match read {
            Ok(l) => l,
            Err(e) => {
                self.views.user_layer.show(
                    e.headline(self.state.lang()),
                    vec![e.to_problem()],
                    false,
                );
                return false;
            }
        };
        match layer::merge(&base, &l) {
            Ok(merged) => {
                self.views
                    .user_layer
                    .show(l.summary(lang), l.problems.clone(), true);
                self.use_atlas(Atlas::new(merged));
                self.data.layer = Some(l);
                true
            }
            Err(e) => {
                let mut problems = l.problems.clone();
                problems.extend(e.problems);
                self.views.user_layer.show(l.summary(lang), problems, false);
                false
            }
        }
    }

    /// Writes the copy of the user's file into the data folder (atomically) and removes a
    /// copy of another kind.
    fn keep_copy(&mut self, bytes: &[u8], settings: &UserLayerSettings) {
        let Some(dir) = self.data.dir.clone() else {
            return;
        };
        let lang = self.state.settings.lang;
        if let Some(old) = &self.state.settings.user_layer
            && old.copy != settings.copy
        {
            std::fs::remove_file(dir.join(&old.copy)).ok();
        }
        let written = std::fs::create_dir_all(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))
            .and_then(|()| {
                crate::fsio::write_atomic(&dir.join(&settings.copy), bytes)
                    .map_err(|e| crate::i18n::write_error(lang, &e))
            });
        if let Err(e) = written {
            self.set_status(format!("{} {e}", tr(lang, "data.failed")), true);
        }
    }

    /// At start: the layer the settings say is on, from its copy in the data folder.
    pub fn reopen_user_layer(&mut self) {
        let (Some(dir), Some(s)) = (
            self.data.dir.clone(),
            self.state.settings.user_layer.clone(),
        ) else {
            return;
        };
        let path = dir.join(&s.copy);
        let Some(kind) = FileKind::of(&path) else {
            return;
        };
        match crate::fsio::read_capped(&path, layer::MAX_LAYER_BYTES) {
            Ok(bytes) => {
                self.use_layer_bytes(&bytes, kind, &s.name, &s.date);
                // Shown only when something is wrong: the user saw the summary when they
                // opened the file.
                if self
                    .views
                    .user_layer
                    .report
                    .as_ref()
                    .is_some_and(|(_, problems, loaded)| *loaded && problems.is_empty())
                {
                    self.views.user_layer.report = None;
                }
            }
            Err(e) => {
                let e = layer::LayerError::from(e);
                self.views.user_layer.show(
                    e.headline(self.state.lang()),
                    vec![e.to_problem()],
                    false,
                );
            }
        }
    }

    /// Takes the layer off the map and out of the data folder.
    pub(super) fn remove_user_layer(&mut self) {
        let lang = self.state.settings.lang;
        let without = layer::without_layer(&self.state.atlas.loaded);
        self.use_atlas(Atlas::new(without));
        if let (Some(dir), Some(s)) = (&self.data.dir, &self.state.settings.user_layer) {
            std::fs::remove_file(dir.join(&s.copy)).ok();
        }
        self.state.settings.user_layer = None;
        self.state
            .settings
            .layers
            .hidden_regions
            .remove(layer::USER_REGION);
        self.data.layer = None;
        self.views.user_layer.report = None;
        self.set_status(tr(lang, "layer.removed").to_string(), false);
    }

    /// Another dataset was opened: the user's layer goes along, when it fits.
    pub(super) fn with_user_layer(&mut self, loaded: LoadedDataset) -> LoadedDataset {
        let Some(l) = &self.data.layer else {
            return loaded;
        };
        match layer::merge(&loaded, l) {
            Ok(merged) => merged,
            Err(e) => {
                let lang = self.state.settings.lang;
                self.views
                    .user_layer
                    .show(l.summary(lang), e.problems, false);
                loaded
            }
        }
    }
}
