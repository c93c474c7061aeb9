//! The app's settings and the presenter's own deck between runs, kept by us rather than by
//! eframe, in the data folder ([`crate::fsio::data_dir`]):
//!
//! - `settings.toml`: [`Settings`] (without the deck) and the UI zoom. TOML because the app's
//!   other hand-editable files (datasets, decks) are TOML, the parser is already built in and
//!   says where a file is wrong, and it writes NaN as `nan` (JSON would turn a NaN into
//!   `null` and fail to read it back).
//! - `own-deck.toml`: the presenter's own deck, in the deck file format, so it can also be
//!   opened with "Open deck".
//!
//! Both are written with [`crate::fsio::write_atomic`] (temporary file, fsync, rename): a
//! crash or a kill leaves the previous file or the new one. A file that cannot be read is
//! moved aside as `settings.toml.broken-<YYYYMMDD-HHMMSS>`, the app starts with defaults and
//! says so in the window. Every restored value is checked ([`sanitize`]); the selection,
//! filter and comparison are checked against the atlas by
//! [`crate::state::AppState::forget_dangling_selection`].
//!
//! eframe's own persistence is off: it restored egui's memory unchecked (a zoom of 0, NaN
//! or 1000 in it panicked at every start, before any code of ours ran) and rewrote its
//! `app.ron` in place. The window's size, maximised and full-screen state and the UI zoom
//! are kept here instead, checked like the rest. Saving happens every few seconds after a
//! change ([`after_frame`]) and when the window closes.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use crate::deck::{self, DeckChoice};
use crate::model::Lang;
use crate::state::{MAX_COMPARED, Settings};

use super::AtlasApp;

pub const SETTINGS_FILE: &str = "settings.toml";
pub const OWN_DECK_FILE: &str = "own-deck.toml";
/// The file eframe kept everything in before; read once to carry the settings over.
/// (Split so `tests/i18n_keys.rs` does not take it for a UI text key.)
const OLD_EFRAME_FILE: &str = concat!("app", ".ron");
const OLD_SETTINGS_KEY: &str = "innovation-atlas/settings";
/// Largest settings file read: it is a few hundred bytes.
const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;
/// The UI zoom (Ctrl+ and Ctrl−) is restored within this range.
pub const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.5..=3.0;

/// Window sizes restored: at least the window's minimum, at most a very large screen.
pub const WINDOW_WIDTH: std::ops::RangeInclusive<f32> = 720.0..=16_384.0;
pub const WINDOW_HEIGHT: std::ops::RangeInclusive<f32> = 480.0..=16_384.0;

/// What the window looked like, beside the settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WindowState {
    /// egui's zoom factor (Ctrl+ / Ctrl−), the one Esc returns to after presenting.
    pub zoom: f32,
    /// Full screen chosen by the user (not the one presenting switches on).
    pub fullscreen: bool,
    pub maximized: bool,
    /// Inner size in logical pixels when neither maximised nor full screen. The position is
    /// left to the window manager: a saved one may lie on a screen no longer attached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<[f32; 2]>,
}

impl Default for WindowState {
    fn default() -> Self {
        WindowState {
            zoom: 1.0,
            fullscreen: false,
            maximized: false,
            size: None,
        }
    }
}

/// `settings.toml`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct SettingsFile {
    window: WindowState,
    settings: Settings,
}

/// What was read at start: the settings to use and what to tell the user.
#[derive(Debug, Clone, Default)]
pub struct Restored {
    pub settings: Settings,
    pub window: WindowState,
    /// A file that could not be read, what was done about it, in the user's language.
    pub notice: Option<String>,
}

/// The settings and deck files in one folder.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    /// The texts last written, so an unchanged file is not written again.
    written: Mutex<(Option<String>, Option<String>)>,
}

/// Replaces every restored value that cannot be right; returns what was replaced.
pub fn sanitize(settings: &mut Settings, window: &mut WindowState) -> Vec<&'static str> {
    use crate::geo::camera::{CENTRE_LAT, CENTRE_LON, MAX_ZOOM, MIN_ZOOM};
    let mut replaced = Vec::new();
    if !(window.zoom.is_finite() && ZOOM_RANGE.contains(&window.zoom)) {
        window.zoom = 1.0;
        replaced.push("window.zoom");
    }
    if let Some([w, h]) = window.size
        && !(WINDOW_WIDTH.contains(&w) && WINDOW_HEIGHT.contains(&h))
    {
        window.size = None;
        replaced.push("window.size");
    }
    if let Some((lon, lat, zoom)) = settings.view {
        // `contains` is false for NaN.
        let inside = (CENTRE_LON.0..=CENTRE_LON.1).contains(&lon)
            && (CENTRE_LAT.0..=CENTRE_LAT.1).contains(&lat)
            && (MIN_ZOOM..=MAX_ZOOM).contains(&zoom);
        if !inside {
            settings.view = None;
            replaced.push("settings.view");
        }
    }
    let before = settings.compare.len();
    let mut seen = std::collections::BTreeSet::new();
    settings.compare.retain(|id| seen.insert(id.clone()));
    settings.compare.truncate(MAX_COMPARED);
    if settings.compare.len() != before {
        replaced.push("settings.compare");
    }
    if settings.deck == DeckChoice::Own && settings.own_deck.is_none() {
        settings.deck = DeckChoice::default();
        replaced.push("settings.deck");
    }
    if settings.recent.sanitize() {
        replaced.push("settings.recent");
    }
    // The user layer's copy is a plain file name inside the data folder, nothing else.
    if settings.user_layer.as_ref().is_some_and(|l| {
        let copy = std::path::Path::new(&l.copy);
        copy.file_name() != Some(copy.as_os_str()) || l.copy.starts_with('.')
    }) {
        settings.user_layer = None;
        replaced.push("settings.user_layer");
    }
    if settings
        .own_deck_path
        .as_ref()
        .is_some_and(|p| !p.is_absolute())
    {
        // A relative path would depend on the folder the app was started from.
        settings.own_deck_path = None;
        settings.own_deck_dirty = true;
        replaced.push("settings.own_deck_path");
    }
    replaced
}

/// `settings.toml` → `settings.toml.broken-20260101-120000` (a free name).
fn broken_name(path: &Path) -> PathBuf {
    let stamp = crate::fsio::timestamp();
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".broken-{stamp}"));
    let mut candidate = PathBuf::from(&name);
    let mut n = 2;
    while candidate.exists() && n < 100 {
        let mut numbered = name.clone();
        numbered.push(format!("-{n}"));
        candidate = PathBuf::from(numbered);
        n += 1;
    }
    candidate
}

/// Moves a file that could not be read out of the way; the sentence saying where it went.
fn move_aside(path: &Path, lang: Lang) -> String {
    let aside = broken_name(path);
    match std::fs::rename(path, &aside) {
        Ok(()) => {
            log::warn!("{} moved aside to {}", path.display(), aside.display());
            match lang {
                Lang::Nl => format!("Een kopie staat in {}.", aside.display()),
                Lang::En => format!("A copy was kept as {}.", aside.display()),
            }
        }
        Err(e) => {
            log::warn!("{} could not be moved aside: {e}", path.display());
            match lang {
                Lang::Nl => format!(
                    "Het bestand kon niet opzij worden gezet ({e}); het wordt bij het opslaan vervangen."
                ),
                Lang::En => format!(
                    "The file could not be moved aside ({e}); it will be replaced when the settings are saved."
                ),
            }
        }
    }
}

impl Store {
    pub fn new(dir: &Path) -> Store {
        Store {
            dir: dir.to_path_buf(),
            written: Mutex::new((None, None)),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn settings_path(&self) -> PathBuf {
        self.dir.join(SETTINGS_FILE)
    }

    pub fn own_deck_path(&self) -> PathBuf {
        self.dir.join(OWN_DECK_FILE)
    }

    /// Reads the settings and the own deck. Never fails: what cannot be read is moved aside
    /// and replaced by defaults, with a notice saying so.
    pub fn load(&self) -> Restored {
        let mut notes: Vec<(String, String)> = Vec::new();
        let path = self.settings_path();
        let mut file = match crate::fsio::read_capped(&path, MAX_SETTINGS_BYTES) {
            Ok(bytes) => match String::from_utf8(bytes)
                .map_err(|e| format!("not UTF-8 text ({e})"))
                .and_then(|text| parse_settings(&text).map_err(|e| e.to_string()))
            {
                Ok(f) => f,
                Err(why) => {
                    notes.push((path.display().to_string(), why));
                    SettingsFile::default()
                }
            },
            Err(e) if e.is_not_found() => self.import_old_eframe_file().unwrap_or_default(),
            Err(e) => {
                notes.push((path.display().to_string(), e.problem()));
                SettingsFile::default()
            }
        };
        let lang = file.settings.lang;
        let mut notice_parts = Vec::new();
        for (file_name, why) in &notes {
            log::warn!("{file_name}: {why}");
            notice_parts.push(match lang {
                Lang::Nl => format!(
                    "De instellingen in {file_name} konden niet worden gelezen ({why}); de atlas begint met de standaardinstellingen. {}",
                    move_aside(Path::new(file_name), lang)
                ),
                Lang::En => format!(
                    "The settings in {file_name} could not be read ({why}); the atlas starts with the default settings. {}",
                    move_aside(Path::new(file_name), lang)
                ),
            });
        }
        let deck_path = self.own_deck_path();
        match deck::read(&deck_path) {
            Ok(d) => file.settings.own_deck = Some(d),
            Err(deck::DeckError::File(e)) if e.is_not_found() => {}
            Err(e) => {
                log::warn!("{e}");
                let aside = move_aside(&deck_path, lang);
                notice_parts.push(match lang {
                    Lang::Nl => format!(
                        "Uw eigen presentatie in {} kon niet worden gelezen ({e}). {aside}",
                        deck_path.display()
                    ),
                    Lang::En => format!(
                        "Your own deck in {} could not be read ({e}). {aside}",
                        deck_path.display()
                    ),
                });
            }
        }
        let replaced = sanitize(&mut file.settings, &mut file.window);
        if !replaced.is_empty() {
            log::warn!(
                "{}: replaced values that cannot be right: {}",
                path.display(),
                replaced.join(", ")
            );
        }
        crate::fsio::remove_stale_temp_files(&self.dir, std::time::Duration::from_secs(60));
        Restored {
            settings: file.settings,
            window: file.window,
            notice: (!notice_parts.is_empty()).then(|| notice_parts.join("\n\n")),
        }
    }

    /// The settings eframe kept in `app.ron` before this file existed (read once; egui's
    /// memory in it is ignored). The old file is renamed `app.ron.imported`.
    fn import_old_eframe_file(&self) -> Option<SettingsFile> {
        let old = self.dir.join(OLD_EFRAME_FILE);
        let bytes = crate::fsio::read_capped(&old, 64 * 1024 * 1024).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let settings = ron::from_str::<std::collections::HashMap<String, String>>(&text)
            .ok()
            .and_then(|kv| ron::from_str::<Settings>(kv.get(OLD_SETTINGS_KEY)?).ok());
        let Some(settings) = settings else {
            log::warn!(
                "{}: the settings of an earlier version could not be read; starting with defaults",
                old.display()
            );
            return None;
        };
        let mut imported = old.clone().into_os_string();
        imported.push(".imported");
        std::fs::rename(&old, imported).ok();
        log::info!("settings carried over from {}", old.display());
        Some(SettingsFile {
            window: WindowState::default(),
            settings,
        })
    }

    /// Writes the settings and the own deck, each only if it changed since the last write.
    /// The files on disk are always whole: the old ones or the new ones.
    pub fn save(&self, settings: &Settings, window: &WindowState) -> Result<(), SaveError> {
        let mut settings = settings.clone();
        let own_deck = settings.own_deck.take();
        let file = SettingsFile {
            window: *window,
            settings,
        };
        let body = toml::to_string_pretty(&file)?;
        let settings_text = format!(
            "# Innovation Atlas settings, written by the app (a copy of a broken file is kept beside it).\n{body}"
        );
        let deck_text = match &own_deck {
            Some(d) => Some(d.to_toml()?),
            None => None,
        };
        let Ok(mut written) = self.written.lock() else {
            return Err(SaveError::Poisoned);
        };
        std::fs::create_dir_all(&self.dir).map_err(|source| SaveError::Folder {
            dir: self.dir.clone(),
            source,
        })?;
        if let Some(text) = &deck_text
            && written.1.as_ref() != Some(text)
        {
            crate::fsio::write_atomic(&self.own_deck_path(), text.as_bytes())?;
            written.1 = Some(text.clone());
        }
        if written.0.as_ref() != Some(&settings_text) {
            crate::fsio::write_atomic(&self.settings_path(), settings_text.as_bytes())?;
            written.0 = Some(settings_text);
        }
        Ok(())
    }
}

/// Why the settings could not be written; the window shows it and the log keeps it.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("the settings could not be written as TOML: {0}")]
    Encode(#[from] toml::ser::Error),
    #[error("the settings store is unusable after a crash in another thread")]
    Poisoned,
    #[error(
        "{}: cannot create the folder for the settings: {source}. Fix: check that you can write in it.",
        dir.display()
    )]
    Folder {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Write(#[from] crate::fsio::WriteError),
}

/// A settings file that is not valid: the line (when the parser knows it) and why.
#[derive(Debug, PartialEq, thiserror::Error)]
#[error("{}{message}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
struct SettingsParseError {
    line: Option<usize>,
    message: String,
}

fn parse_settings(text: &str) -> Result<SettingsFile, SettingsParseError> {
    toml::from_str::<SettingsFile>(text).map_err(|e| SettingsParseError {
        line: e
            .span()
            .map(|s| text.get(..s.start).unwrap_or("").matches('\n').count() + 1),
        message: e.message().trim().to_string(),
    })
}

/// The store of the running window, its egui context and what to tell the user.
struct Active {
    store: Store,
    ctx: egui::Context,
    notices: Mutex<Notices>,
    /// When the settings were last saved, and the window as last seen in normal state.
    last: Mutex<(std::time::Instant, WindowState)>,
}

static ACTIVE: OnceLock<Active> = OnceLock::new();

/// How often the running window saves; only files whose text changed are written.
pub const SAVE_INTERVAL: std::time::Duration = std::time::Duration::from_secs(5);

/// What was read before the window opens: the settings, the window's state, the notice.
pub struct Startup {
    store: Option<Store>,
    restored: Restored,
}

/// Reads the settings of the data folder (before the window exists, so its size can be
/// restored). Never fails; without a home folder nothing is kept.
pub fn load() -> Startup {
    let Some(dir) = crate::fsio::data_dir() else {
        log::warn!("no home folder: settings and the own deck are not kept between runs");
        return Startup {
            store: None,
            restored: Restored::default(),
        };
    };
    let store = Store::new(&dir);
    let restored = store.load();
    Startup {
        store: Some(store),
        restored,
    }
}

impl Startup {
    /// The window as the user left it: size (within the screen; eframe clamps it to the
    /// largest monitor), maximised, full screen.
    pub fn window(&self, builder: egui::ViewportBuilder) -> egui::ViewportBuilder {
        let w = &self.restored.window;
        let builder = match w.size {
            Some(size) => builder.with_inner_size(size),
            None => builder,
        };
        builder
            .with_maximized(w.maximized)
            .with_fullscreen(w.fullscreen)
    }
}

/// The settings to start the window with; puts the UI zoom back and keeps the store for
/// [`after_frame`] and [`save`].
pub fn start(ctx: &egui::Context, startup: Startup) -> Settings {
    let Startup { store, restored } = startup;
    ctx.set_zoom_factor(restored.window.zoom);
    let Some(store) = store else {
        return restored.settings;
    };
    let notices = Notices {
        problem: restored.notice.clone(),
        crash_report: crate::diagnostics::pending_crash_report_in(store.dir()),
        report_text: None,
    };
    ACTIVE
        .set(Active {
            store,
            ctx: ctx.clone(),
            notices: Mutex::new(notices),
            last: Mutex::new((std::time::Instant::now(), restored.window)),
        })
        .ok();
    restored.settings
}

/// What the window looks like now, for saving: as it will be after Esc when presenting,
/// and its normal size even while maximised or full screen.
fn window_state(app: &AtlasApp, ctx: &egui::Context, before: &WindowState) -> WindowState {
    let zoom = ctx.zoom_factor();
    let (inner, maximized, fullscreen) = ctx.input(|i| {
        let vp = i.viewport();
        (vp.inner_rect, vp.maximized, vp.fullscreen)
    });
    if let Some(r) = app.restore_look {
        return WindowState {
            zoom: r.zoom_factor,
            fullscreen: r.fullscreen,
            ..*before
        };
    }
    let fullscreen = fullscreen.unwrap_or(false);
    let maximized = maximized.unwrap_or(false);
    let size = match inner {
        // Points at this zoom → logical pixels, the unit a new window is made in.
        Some(r) if !fullscreen && !maximized => Some([r.width() * zoom, r.height() * zoom]),
        _ => before.size,
    };
    WindowState {
        zoom,
        fullscreen,
        maximized,
        size,
    }
}

/// Saves the settings and the own deck of the running window now (at exit, and from
/// [`after_frame`]). A failure is logged and shown once; the next save tries again.
pub fn save(app: &AtlasApp) {
    let Some(active) = ACTIVE.get() else {
        return;
    };
    let Ok(mut last) = active.last.lock() else {
        return;
    };
    let window = window_state(app, &active.ctx, &last.1);
    *last = (std::time::Instant::now(), window);
    drop(last);
    if let Err(e) = active.store.save(&app.settings_to_save(), &window) {
        log::warn!("settings not saved: {e}");
        if let Ok(mut n) = active.notices.lock()
            && n.problem.is_none()
        {
            n.problem = Some(e.to_string());
        }
    }
}

/// After each frame of the window: saves when [`SAVE_INTERVAL`] has passed, makes sure a
/// frame comes that soon even when the user does nothing more (so a change is on disk
/// seconds after it was made), and draws the notices (not while presenting: the audience
/// would see them).
pub fn after_frame(app: &AtlasApp, ui: &egui::Ui) {
    let Some(active) = ACTIVE.get() else {
        return;
    };
    let due = active
        .last
        .lock()
        .is_ok_and(|last| last.0.elapsed() >= SAVE_INTERVAL);
    if due {
        save(app);
    }
    ui.ctx()
        .request_repaint_after(SAVE_INTERVAL + std::time::Duration::from_millis(100));
    if app.presentation.is_some() {
        return;
    }
    if let Ok(mut n) = active.notices.lock() {
        n.ui(ui.ctx(), app.state.lang());
    }
}

/// A problem with the settings files, or a crash report from the last run, for the window.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notices {
    /// A settings or deck file that could not be read (and where its copy is), or a save
    /// that failed.
    pub problem: Option<String>,
    /// A crash report of an earlier run not yet dismissed.
    pub crash_report: Option<PathBuf>,
    /// The report's text, once the user asked to see it.
    pub report_text: Option<String>,
}

/// The notices of the running window (for a status line elsewhere).
pub fn notices() -> Notices {
    ACTIVE
        .get()
        .and_then(|a| a.notices.lock().ok().map(|n| n.clone()))
        .unwrap_or_default()
}

/// The newest crash report not yet dismissed, and its text.
pub fn pending_crash_report() -> Option<(PathBuf, String)> {
    let path = notices().crash_report?;
    let text = crate::diagnostics::read_crash_report(&path).ok()?;
    Some((path, text))
}

impl Notices {
    pub fn is_empty(&self) -> bool {
        self.problem.is_none() && self.crash_report.is_none()
    }

    /// A small window with the notices; nothing when there are none.
    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang) {
        if self.is_empty() {
            return;
        }
        let (title, close, show, hide, crashed, kept) = match lang {
            Lang::Nl => (
                "Let op",
                "Sluiten",
                "Verslag tonen",
                "Verslag verbergen",
                "De atlas is de vorige keer onverwacht gestopt.",
                "Er is een verslag bewaard",
            ),
            Lang::En => (
                "Please note",
                "Close",
                "Show report",
                "Hide report",
                "The atlas stopped unexpectedly last time.",
                "A report was kept",
            ),
        };
        let mut close_problem = false;
        let mut close_report = false;
        egui::Window::new(title)
            .id(egui::Id::unique("persist-notices"))
            .collapsible(false)
            .resizable(true)
            .default_width(520.0)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
            .show(ctx, |ui| {
                if let Some(text) = &self.problem {
                    ui.label(text);
                    if ui.button(close).clicked() {
                        close_problem = true;
                    }
                }
                if let Some(path) = &self.crash_report {
                    if self.problem.is_some() {
                        ui.separator();
                    }
                    ui.label(crashed);
                    ui.label(format!("{kept}: {}", path.display()));
                    ui.horizontal(|ui| {
                        let label = if self.report_text.is_some() {
                            hide
                        } else {
                            show
                        };
                        if ui.button(label).clicked() {
                            self.report_text = match self.report_text {
                                Some(_) => None,
                                None => Some(
                                    crate::diagnostics::read_crash_report(path)
                                        .unwrap_or_else(|e| e.to_string()),
                                ),
                            };
                        }
                        if ui.button(close).clicked() {
                            close_report = true;
                        }
                    });
                    if let Some(text) = &mut self.report_text {
                        egui::ScrollArea::vertical()
                            .max_height(320.0)
                            .show(ui, |ui| {
                                // Selectable, so it can be copied into an e-mail.
                                ui.add(
                                    egui::TextEdit::multiline(&mut text.as_str())
                                        .font(egui::TextStyle::Monospace)
                                        .desired_width(f32::INFINITY),
                                );
                            });
                    }
                }
            });
        if close_problem {
            self.problem = None;
        }
        if close_report {
            if let Some(dir) = self.crash_report.as_deref().and_then(Path::parent) {
                crate::diagnostics::dismiss_crash_reports(dir);
            }
            self.crash_report = None;
            self.report_text = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_a_round_trip_through_toml() {
        let mut s = Settings {
            lang: Lang::En,
            view: Some((4.4, 52.0, 9.5)),
            compare: vec!["mra".into(), "zuid-holland".into()],
            deck: DeckChoice::Builtin(crate::deck::builtin::BuiltinDeck::Mra),
            own_deck_path: Some(PathBuf::from("/tmp/deck.toml")),
            ..Settings::default()
        };
        s.sector_filter.insert("robotics".into());
        s.layers.hidden_regions.insert("mra".into());
        let file = SettingsFile {
            window: WindowState {
                zoom: 1.25,
                fullscreen: true,
                maximized: false,
                size: Some([1366.0, 768.0]),
            },
            settings: s.clone(),
        };
        let text = toml::to_string_pretty(&file).expect("serialises");
        let back = parse_settings(&text).expect("parses");
        assert_eq!(back.settings, s);
        assert_eq!(back.window, file.window);
        // The own deck choice, a unit variant, too.
        let own = SettingsFile {
            settings: Settings {
                deck: DeckChoice::Own,
                ..Settings::default()
            },
            ..SettingsFile::default()
        };
        let text = toml::to_string_pretty(&own).expect("serialises");
        assert_eq!(
            parse_settings(&text).map(|f| f.settings.deck),
            Ok(DeckChoice::Own)
        );
    }

    #[test]
    fn values_that_cannot_be_right_are_replaced() {
        for zoom in [0.0, f32::NAN, 1000.0, -1.0, f32::INFINITY] {
            let mut s = Settings::default();
            let mut w = WindowState {
                zoom,
                ..WindowState::default()
            };
            assert_eq!(sanitize(&mut s, &mut w), ["window.zoom"], "{zoom}");
            assert_eq!(w.zoom, 1.0);
        }
        for view in [
            (f64::NAN, 52.0, 8.0),
            (5.0, f64::INFINITY, 8.0),
            (5.0, 52.0, 1000.0),
            (120.0, 52.0, 8.0),
        ] {
            let mut s = Settings {
                view: Some(view),
                ..Settings::default()
            };
            sanitize(&mut s, &mut WindowState::default());
            assert_eq!(s.view, None, "{view:?}");
        }
        for size in [
            [0.0, 600.0],
            [f32::NAN, 800.0],
            [1e9, 900.0],
            [1280.0, -5.0],
        ] {
            let mut w = WindowState {
                size: Some(size),
                ..WindowState::default()
            };
            assert_eq!(sanitize(&mut Settings::default(), &mut w), ["window.size"]);
            assert_eq!(w.size, None);
        }
        let mut s = Settings {
            view: Some((5.0, 52.0, 8.0)),
            compare: ["a", "b", "a", "c", "d", "e"].map(String::from).to_vec(),
            deck: DeckChoice::Own,
            ..Settings::default()
        };
        sanitize(&mut s, &mut WindowState::default());
        assert_eq!(s.view, Some((5.0, 52.0, 8.0)));
        assert_eq!(s.compare, ["a", "b", "c", "d"]);
        assert_eq!(s.deck, DeckChoice::default());
    }
}
