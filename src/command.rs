//! What the UI asks for. Views return [`Command`]s; the app applies them after the frame, so
//! no view changes shared state while others are still drawing, and the app's `match` over
//! them has no catch-all arm: a new command that nobody handles does not compile.
//!
//! [`Action`] is the list of things a user can do by name (rerun's `UICommand`): the menu
//! bar, the keyboard shortcuts and the command palette are all generated from it.

use std::path::PathBuf;

use crate::deck::Deck;
use crate::model::Lang;
use crate::state::recent::RecentKind;
use crate::state::{DeckChoice, LayerSettings, Mode};

/// Where the map should fly.
#[derive(Debug, Clone, PartialEq)]
pub enum FlyTarget {
    Netherlands,
    Region(String),
    Place(String),
    /// A town of the basemap's gazetteer (index into `basemap::lonlat::towns`).
    Town(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A named action (from a menu, a shortcut or the palette).
    Run(Action),
    /// Select a place or region (or clear the selection).
    Select(Option<String>),
    /// Select a place or region and fly the map to it.
    Focus(String),
    FlyTo(FlyTarget),
    SetLanguage(Lang),
    /// Add or remove one sector from the filter.
    ToggleSector(String),
    ClearSectorFilter,
    SetLayers(LayerSettings),
    /// Ask for a dataset file with the system's file dialog.
    OpenDatasetDialog,
    /// Ask for a dataset folder.
    OpenDatasetFolderDialog,
    /// Load the dataset at this path; on failure keep the current one and show problems.
    LoadDataset(PathBuf),
    /// Go back to the atlas compiled into the app.
    UseEmbedded,
    DismissProblems,
    ShowAbout(bool),
    /// Put the keyboard focus in the search box.
    FocusSearch,
    SetMode(Mode),
    /// Add a place or region to the comparison (and show it).
    AddToCompare(String),
    RemoveFromCompare(String),
    /// Compare exactly these two (from the overlap matrix).
    ComparePair(String, String),
    SetSyncView(bool),
    /// Put a text on the clipboard (coordinates from the map's menu).
    CopyText(String),
    /// Open a dataset or deck from File → Recent geopend.
    OpenRecent(RecentKind, PathBuf),
    /// Forget the recent files whose file or folder is gone.
    DropMissingRecent,
    ClearRecent,

    // Presenter mode and decks.
    /// Present the chosen deck from this slide.
    StartPresenting(usize),
    StopPresenting,
    NextSlide,
    PreviousSlide,
    /// Go to a slide (clamped to the deck).
    GotoSlide(usize),
    ToggleBlank,
    TogglePresenterView,
    ShowDeckWindow(bool),
    ChooseDeck(DeckChoice),
    /// Start an empty deck of one's own.
    NewOwnDeck,
    /// Copy the chosen built-in deck into one's own deck, to edit it.
    CopyBuiltinToOwn,
    AddCurrentViewAsSlide,
    /// Put one chart (and for survey results, one topic) into the own deck.
    AddChartAsSlide {
        chart: crate::deck::ChartKind,
        topic: Option<String>,
    },
    /// Put an agenda record (a project sheet, theme or ask) into the own deck as a map slide.
    AddAgendaSlide(String),
    MoveSlide {
        from: usize,
        to: usize,
    },
    DeleteSlide(usize),
    SetSlideText {
        index: usize,
        title: String,
        caption: String,
        notes: String,
    },
    /// Show a slide's view in normal mode (to check or edit it).
    ShowSlide(usize),
    OpenDeckDialog,
    LoadDeck(PathBuf),
    /// Save the own deck to its file, or ask where when it has none.
    SaveDeck,
    SaveDeckAsDialog,
    SaveDeckTo(PathBuf),
    /// Ask where to export a slide of the chosen deck (`None`: the current view) and export
    /// it there.
    ExportDialog {
        slide: Option<usize>,
        picture: Picture,
    },
    /// Render slide `index` of `deck` and write it to `path`.
    Export {
        deck: Box<Deck>,
        index: usize,
        picture: Picture,
        path: PathBuf,
    },
    /// Show the window that chooses a picture's format and size.
    ShowPictureExport(bool),
    /// Ask where to write the chosen deck as a PDF handout.
    HandoutDialog {
        notes: bool,
    },
    /// Write `deck` as a PDF handout to `path`.
    Handout {
        deck: Box<Deck>,
        notes: bool,
        path: PathBuf,
    },
    /// Put a picture of the current view on the clipboard.
    CopyViewImage,

    // Data in and out.
    /// Open or close the "export data" window.
    ShowDataExport(bool),
    /// Ask where to write the data (what is shown, or everything) in this format.
    ExportDataDialog(DataExport),
    /// Write the data to `path` (atomically), as `request` says.
    ExportData {
        request: DataExport,
        path: PathBuf,
    },
    /// Ask for a CSV or XLSX file of the user's own organisations.
    OpenUserLayerDialog,
    /// Read the user's organisations from this file and show them as a layer.
    LoadUserLayer(PathBuf),
    /// Remove the user's layer (and its copy in the data folder).
    RemoveUserLayer,
    /// Close the report of the last user layer read.
    DismissUserLayerReport,
}

/// A picture to export: its format, and a sheet of paper or (None) the window's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picture {
    pub format: ImageFormat,
    pub paper: Option<crate::render::Paper>,
}

impl Picture {
    /// "PNG 2×", "PDF A3".
    pub fn label(self) -> String {
        match self.paper {
            Some(p) => format!("{} {}", self.format.label(), p.name()),
            None => self.format.label(),
        }
    }
}

/// The formats of a data export, as the window offers them (the `export` module, below
/// the views in the layers, writes them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    Xlsx,
    Csv,
    /// CSV for Dutch Excel: `;` and decimal commas.
    CsvNl,
    GeoJson,
    /// The whole dataset (loads back).
    Json,
}

impl DataFormat {
    pub const ALL: [DataFormat; 5] = [
        DataFormat::Xlsx,
        DataFormat::Csv,
        DataFormat::CsvNl,
        DataFormat::GeoJson,
        DataFormat::Json,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            DataFormat::Json => "json",
            DataFormat::Csv | DataFormat::CsvNl => "csv",
            DataFormat::GeoJson => "geojson",
            DataFormat::Xlsx => "xlsx",
        }
    }

    /// How the format is named in the export window.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DataFormat::Xlsx, _) => "Excel (XLSX)",
            (DataFormat::Csv, _) => "CSV",
            (DataFormat::CsvNl, Lang::Nl) => "CSV voor Excel (Nederlands)",
            (DataFormat::CsvNl, Lang::En) => "CSV for Excel (Dutch)",
            (DataFormat::GeoJson, _) => "GeoJSON (QGIS)",
            (DataFormat::Json, Lang::Nl) => "JSON (hele dataset)",
            (DataFormat::Json, Lang::En) => "JSON (whole dataset)",
        }
    }

    /// False for the JSON, which always holds the whole dataset.
    pub fn takes_subset(self) -> bool {
        self != DataFormat::Json
    }
}

/// A data export the user asked for: a format and whether to export what the window shows
/// or everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataExport {
    pub format: DataFormat,
    /// Only what the window shows (its sector filter, regions and layers).
    pub shown_only: bool,
}

impl DataExport {
    /// The file name a dialog proposes: `atlas-gegevens.xlsx`, `atlas-data.csv`.
    pub fn file_name(self, lang: Lang) -> String {
        let base = match lang {
            Lang::Nl => "atlas-gegevens",
            Lang::En => "atlas-data",
        };
        let suffix = match self.format {
            DataFormat::CsvNl => "-excel",
            _ => "",
        };
        format!("{base}{suffix}.{}", self.format.extension())
    }
}

impl Command {
    /// For a command that writes a file: the path it writes and the file's extension (the
    /// file dialogs propose them).
    pub fn output_file(&self) -> Option<(&std::path::Path, &'static str)> {
        match self {
            Command::Export { path, picture, .. } => Some((path, picture.format.extension())),
            Command::Handout { path, .. } => Some((path, "pdf")),
            Command::ExportData { path, request } => Some((path, request.format.extension())),
            _ => None,
        }
    }
}

/// Image formats for export: PNG at a multiple of the window size, or SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png { scale: u32 },
    Svg,
    Pdf,
}

impl ImageFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png { .. } => "png",
            ImageFormat::Svg => "svg",
            ImageFormat::Pdf => "pdf",
        }
    }

    /// File name of slide `index` (0-based): `slide-03.png`.
    pub fn slide_file_name(self, index: usize) -> String {
        format!("slide-{:02}.{}", index + 1, self.extension())
    }

    /// Pixels per window pixel.
    pub fn scale(self) -> f32 {
        match self {
            ImageFormat::Png { scale } => scale as f32,
            ImageFormat::Svg | ImageFormat::Pdf => 1.0,
        }
    }

    pub fn label(self) -> String {
        match self {
            ImageFormat::Png { scale } => format!("PNG {scale}×"),
            ImageFormat::Svg => "SVG".to_string(),
            ImageFormat::Pdf => "PDF".to_string(),
        }
    }
}

/// The menus of the menu bar, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    File,
    View,
    Present,
    Help,
}

impl Menu {
    pub const ALL: [Menu; 4] = [Menu::File, Menu::View, Menu::Present, Menu::Help];

    /// The i18n key of the menu's name.
    pub fn key(self) -> &'static str {
        match self {
            Menu::File => "menu.file",
            Menu::View => "menu.view",
            Menu::Present => "menu.present",
            Menu::Help => "menu.help",
        }
    }
}

/// Everything a user can do by name. Each has a label (i18n key `action.<name>`), maybe a
/// shortcut, and a menu; the menu bar, the shortcuts and the palette come from this list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    OpenDataset,
    OpenDatasetFolder,
    UseEmbedded,
    OpenDeck,
    SaveDeck,
    SaveDeckAs,
    ExportView,
    ExportHandout,
    CopyImage,
    ExportData,
    OpenUserLayer,
    RemoveUserLayer,
    ShowMap,
    ShowCompare,
    ShowCharts,
    ShowAgenda,
    FlyNetherlands,
    Find,
    CommandPalette,
    ClearSelection,
    ClearFilter,
    ToggleAllLinks,
    ToggleAllLabels,
    ToggleRoutes,
    ToggleMinorPlaces,
    ToggleSuggestions,
    ToggleFullscreen,
    SwitchLanguage,
    Present,
    ShowDecks,
    AddViewAsSlide,
    Undo,
    Redo,
    About,
}

impl Action {
    pub const ALL: [Action; 34] = [
        Action::OpenDataset,
        Action::OpenDatasetFolder,
        Action::UseEmbedded,
        Action::OpenUserLayer,
        Action::RemoveUserLayer,
        Action::OpenDeck,
        Action::SaveDeck,
        Action::SaveDeckAs,
        Action::ExportView,
        Action::ExportHandout,
        Action::CopyImage,
        Action::ExportData,
        Action::ShowMap,
        Action::ShowCompare,
        Action::ShowCharts,
        Action::ShowAgenda,
        Action::FlyNetherlands,
        Action::Find,
        Action::CommandPalette,
        Action::ClearSelection,
        Action::ClearFilter,
        Action::ToggleAllLinks,
        Action::ToggleAllLabels,
        Action::ToggleRoutes,
        Action::ToggleMinorPlaces,
        Action::ToggleSuggestions,
        Action::ToggleFullscreen,
        Action::SwitchLanguage,
        Action::Present,
        Action::ShowDecks,
        Action::AddViewAsSlide,
        Action::Undo,
        Action::Redo,
        Action::About,
    ];

    /// The i18n key of the action's label.
    pub fn key(self) -> &'static str {
        match self {
            Action::OpenDataset => "action.open_dataset",
            Action::OpenDatasetFolder => "action.open_dataset_folder",
            Action::UseEmbedded => "action.use_embedded",
            Action::OpenDeck => "action.open_deck",
            Action::SaveDeck => "action.save_deck",
            Action::SaveDeckAs => "action.save_deck_as",
            Action::ExportView => "action.export_view",
            Action::ExportHandout => "action.export_handout",
            Action::CopyImage => "action.copy_image",
            Action::ExportData => "action.export_data",
            Action::OpenUserLayer => "action.open_user_layer",
            Action::RemoveUserLayer => "action.remove_user_layer",
            Action::ShowMap => "action.show_map",
            Action::ShowCompare => "action.show_compare",
            Action::ShowCharts => "action.show_charts",
            Action::ShowAgenda => "action.show_agenda",
            Action::FlyNetherlands => "action.fly_netherlands",
            Action::Find => "action.find",
            Action::CommandPalette => "action.command_palette",
            Action::ClearSelection => "action.clear_selection",
            Action::ClearFilter => "action.clear_filter",
            Action::ToggleAllLinks => "action.toggle_all_links",
            Action::ToggleAllLabels => "action.toggle_all_labels",
            Action::ToggleRoutes => "action.toggle_routes",
            Action::ToggleMinorPlaces => "action.toggle_minor_places",
            Action::ToggleSuggestions => "action.toggle_suggestions",
            Action::ToggleFullscreen => "action.toggle_fullscreen",
            Action::SwitchLanguage => "action.switch_language",
            Action::Present => "action.present",
            Action::ShowDecks => "action.show_decks",
            Action::AddViewAsSlide => "action.add_view_as_slide",
            Action::Undo => "action.undo",
            Action::Redo => "action.redo",
            Action::About => "action.about",
        }
    }

    pub fn menu(self) -> Menu {
        match self {
            Action::OpenDataset
            | Action::OpenDatasetFolder
            | Action::UseEmbedded
            | Action::OpenDeck
            | Action::SaveDeck
            | Action::SaveDeckAs
            | Action::ExportView
            | Action::ExportHandout
            | Action::CopyImage => Menu::File,
            Action::ExportData | Action::OpenUserLayer | Action::RemoveUserLayer => Menu::File,
            Action::ShowMap
            | Action::ShowCompare
            | Action::ShowCharts
            | Action::ShowAgenda
            | Action::FlyNetherlands
            | Action::Find
            | Action::CommandPalette
            | Action::ClearSelection
            | Action::ClearFilter
            | Action::ToggleAllLinks
            | Action::ToggleAllLabels
            | Action::ToggleRoutes
            | Action::ToggleMinorPlaces
            | Action::ToggleSuggestions
            | Action::ToggleFullscreen
            | Action::SwitchLanguage => Menu::View,
            Action::Present
            | Action::ShowDecks
            | Action::AddViewAsSlide
            | Action::Undo
            | Action::Redo => Menu::Present,
            Action::About => Menu::Help,
        }
    }

    /// A second shortcut some actions have (Ctrl+P presents too, as in other programs).
    pub fn alt_shortcut(self) -> Option<egui::KeyboardShortcut> {
        use egui::{Key, KeyboardShortcut as K, Modifiers as M};
        match self {
            Action::Present => Some(K::new(M::COMMAND, Key::P)),
            Action::ToggleFullscreen => None,
            _ => None,
        }
    }

    /// The keyboard shortcut, if the action has one.
    pub fn shortcut(self) -> Option<egui::KeyboardShortcut> {
        use egui::{Key, KeyboardShortcut as K, Modifiers as M};
        let ctrl_shift = M::COMMAND | M::SHIFT;
        Some(match self {
            Action::OpenDataset => K::new(M::COMMAND, Key::O),
            Action::SaveDeck => K::new(M::COMMAND, Key::S),
            Action::SaveDeckAs => K::new(ctrl_shift, Key::S),
            Action::ExportView => K::new(ctrl_shift, Key::E),
            Action::CopyImage => K::new(ctrl_shift, Key::C),
            Action::Find => K::new(M::COMMAND, Key::F),
            Action::CommandPalette => K::new(M::COMMAND, Key::K),
            Action::ClearSelection => K::new(M::NONE, Key::Escape),
            Action::ToggleFullscreen => K::new(M::NONE, Key::F11),
            Action::Present => K::new(M::NONE, Key::F5),
            Action::Undo => K::new(M::COMMAND, Key::Z),
            Action::Redo => K::new(ctrl_shift, Key::Z),
            Action::ShowMap => K::new(M::COMMAND, Key::Num1),
            Action::ShowCompare => K::new(M::COMMAND, Key::Num2),
            Action::ShowCharts => K::new(M::COMMAND, Key::Num3),
            Action::ShowAgenda => K::new(M::COMMAND, Key::Num4),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_listed_once_with_its_own_label_and_shortcut() {
        let mut keys = std::collections::HashSet::new();
        let mut shortcuts = Vec::new();
        for a in Action::ALL {
            assert!(keys.insert(a.key()), "{a:?} shares its label key");
            for s in a.shortcut().into_iter().chain(a.alt_shortcut()) {
                assert!(!shortcuts.contains(&s), "{a:?} shares its shortcut");
                shortcuts.push(s);
            }
        }
        assert_eq!(keys.len(), Action::ALL.len());
    }
}
