//! The menu bar (Bestand, Beeld, Presentatie, Help), the tool bar under it (views, regions,
//! language) and the keyboard shortcuts, all made from [`Action::ALL`], so a menu entry, its
//! shortcut and its palette entry cannot drift apart.

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::Views;
use crate::command::{Action, Command, FlyTarget, Menu};
use crate::i18n::tr;
use crate::model::{Lang, Origin};
use crate::state::recent::RecentKind;
use crate::state::{AppState, DeckChoice, Mode};
use crate::style;

/// Whether an action can run now, and for switches whether it is on.
pub fn action_state(state: &AppState, views: &Views, a: Action) -> (bool, Option<bool>) {
    let s = &state.settings;
    let layers = &s.layers;
    let own = s.own_deck.as_ref();
    match a {
        Action::UseEmbedded => (matches!(state.atlas.loaded.origin, Origin::Path(_)), None),
        Action::SaveDeck | Action::SaveDeckAs => (own.is_some(), None),
        Action::RemoveUserLayer => (crate::model::layer::has_layer(state.atlas.data()), None),
        Action::ShowMap => (true, Some(s.mode == Mode::Map)),
        Action::ShowCompare => (true, Some(s.mode == Mode::Compare)),
        Action::ShowCharts => (true, Some(s.mode == Mode::Charts)),
        Action::ShowAgenda => (true, Some(s.mode == Mode::Agenda)),
        Action::ClearSelection => (s.selection.is_some(), None),
        Action::ClearFilter => (!s.sector_filter.is_empty(), None),
        Action::ToggleAllLinks => (true, Some(layers.all_links)),
        Action::ToggleAllLabels => (true, Some(layers.all_labels)),
        Action::ToggleRoutes => (true, Some(layers.routes)),
        Action::ToggleMinorPlaces => (true, Some(layers.minor_places)),
        Action::ToggleSuggestions => (true, Some(layers.suggestions)),
        Action::ShowDecks => (true, Some(views.decks.open)),
        Action::Present => (
            state.chosen_deck().is_some_and(|d| !d.slides.is_empty()),
            None,
        ),
        Action::Undo | Action::Redo => (s.deck == DeckChoice::Own && own.is_some(), None),
        Action::ExportHandout => (
            state.chosen_deck().is_some_and(|d| !d.slides.is_empty()),
            None,
        ),
        Action::OpenDataset
        | Action::OpenDatasetFolder
        | Action::OpenDeck
        | Action::ExportView
        | Action::CopyImage
        | Action::ExportData
        | Action::OpenUserLayer
        | Action::FlyNetherlands
        | Action::Find
        | Action::CommandPalette
        | Action::ToggleFullscreen
        | Action::SwitchLanguage
        | Action::AddViewAsSlide
        | Action::About => (true, None),
    }
}

/// The shortcut as people read it: "Ctrl+Shift+S", "F5".
pub fn shortcut_text(ctx: &egui::Context, s: &KeyboardShortcut) -> String {
    ctx.format_shortcut(s)
}

/// One menu entry: the action's label and shortcut, greyed out when it cannot run.
fn entry(ui: &mut Ui, state: &AppState, views: &Views, a: Action, out: &mut Vec<Command>) {
    let lang = state.settings.lang;
    let (enabled, checked) = action_state(state, views, a);
    let label = tr(lang, a.key());
    let mut button = match checked {
        Some(on) => egui::Button::selectable(on, label),
        None => egui::Button::new(label),
    };
    if let Some(s) = a.shortcut() {
        button = button.shortcut_text(shortcut_text(ui.ctx(), &s));
    }
    if ui.add_enabled(enabled, button).clicked() {
        out.push(Command::Run(a));
        ui.close();
    }
}

/// The menu bar and the tool bar. The tool bar wraps onto a second line on a narrow window
/// rather than drawing over itself.
pub fn top_bar(
    ui: &mut Ui,
    state: &AppState,
    views: &Views,
    _presenting: bool,
    out: &mut Vec<Command>,
) {
    let lang = state.settings.lang;
    egui::Panel::top("top-bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in Menu::ALL {
                ui.menu_button(tr(lang, menu.key()), |ui| {
                    for a in Action::ALL.into_iter().filter(|a| a.menu() == menu) {
                        entry(ui, state, views, a, out);
                    }
                    if menu == Menu::File {
                        ui.separator();
                        recent_menu(ui, state, out);
                    }
                    if menu == Menu::View {
                        ui.separator();
                        regions(ui, state, out);
                    }
                });
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr(lang, "app.title")).font(style::semibold(16.0)));
            ui.separator();
            for (mode, a) in [
                (Mode::Map, Action::ShowMap),
                (Mode::Compare, Action::ShowCompare),
                (Mode::Charts, Action::ShowCharts),
                (Mode::Agenda, Action::ShowAgenda),
            ] {
                if ui
                    .selectable_label(state.settings.mode == mode, tr(lang, mode_key(mode)))
                    .clicked()
                {
                    out.push(Command::Run(a));
                }
            }
            ui.separator();
            regions(ui, state, out);
            ui.separator();
            if ui
                .selectable_label(views.decks.open, tr(lang, "present.menu"))
                .clicked()
            {
                out.push(Command::ShowDeckWindow(!views.decks.open));
            }
            if ui.button(tr(lang, "lang.switch")).clicked() {
                out.push(Command::Run(Action::SwitchLanguage));
            }
        });
        ui.add_space(2.0);
    });
}

/// File → Recent geopend: the datasets and decks opened last, newest first. An entry whose
/// file or folder is gone is greyed out and says so (the disk may come back); "Remove
/// missing" drops those, "Clear list" all.
fn recent_menu(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.settings.lang;
    let recent = &state.settings.recent;
    ui.menu_button(tr(lang, "recent.menu"), |ui| {
        if recent.is_empty() {
            ui.label(RichText::new(tr(lang, "recent.none")).weak());
            return;
        }
        let mut missing = 0;
        for (kind, heading) in [
            (RecentKind::Dataset, "recent.datasets"),
            (RecentKind::Deck, "recent.decks"),
        ] {
            let list = recent.list(kind);
            if list.is_empty() {
                continue;
            }
            ui.label(RichText::new(tr(lang, heading)).weak().small());
            for path in list {
                let exists = path.exists();
                let mut label = recent_label(path);
                if !exists {
                    missing += 1;
                    label = format!("{label} — {}", tr(lang, "recent.missing"));
                }
                let response = ui
                    .add_enabled(exists, egui::Button::new(label))
                    .on_hover_text(path.display().to_string())
                    .on_disabled_hover_text(format!(
                        "{}: {}",
                        tr(lang, "recent.not_found"),
                        path.display()
                    ));
                if response.clicked() {
                    out.push(Command::OpenRecent(kind, path.clone()));
                    ui.close();
                }
            }
        }
        ui.separator();
        if ui
            .add_enabled(
                missing > 0,
                egui::Button::new(tr(lang, "recent.drop_missing")),
            )
            .clicked()
        {
            out.push(Command::DropMissingRecent);
        }
        if ui.button(tr(lang, "recent.clear")).clicked() {
            out.push(Command::ClearRecent);
            ui.close();
        }
    });
}

/// "my-atlas.toml (data)": the file or folder name and the folder it is in.
fn recent_label(path: &std::path::Path) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    match path
        .parent()
        .and_then(std::path::Path::file_name)
        .map(|n| n.to_string_lossy())
    {
        Some(folder) => format!("{name} ({folder})"),
        None => name,
    }
}

fn mode_key(mode: Mode) -> &'static str {
    match mode {
        Mode::Map => "mode.map",
        Mode::Compare => "mode.compare",
        Mode::Charts => "mode.charts",
        Mode::Agenda => "mode.agenda",
    }
}

/// A button per region that flies the map there.
fn regions(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.settings.lang;
    if ui.button(tr(lang, "nav.netherlands")).clicked() {
        out.push(Command::FlyTo(FlyTarget::Netherlands));
        ui.close();
    }
    for (id, nl, en) in crate::map::region_buttons(&state.atlas) {
        let name = match lang {
            Lang::Nl => nl,
            Lang::En => en,
        };
        if ui.button(name).clicked() {
            out.push(Command::FlyTo(FlyTarget::Region(id)));
            ui.close();
        }
    }
}

/// The shortcuts of every action. Those with more modifiers are tried first, so Ctrl+Shift+S
/// is not taken for Ctrl+S. Escape only clears the selection when no field has the focus.
pub fn shortcuts(ctx: &egui::Context, out: &mut Vec<Command>) {
    let mut list: Vec<(Action, KeyboardShortcut)> = Action::ALL
        .into_iter()
        .flat_map(|a| {
            a.shortcut()
                .into_iter()
                .chain(a.alt_shortcut())
                .map(move |s| (a, s))
        })
        .collect();
    list.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
    // A field being typed in, or a modal window (the palette, a path prompt), takes Escape
    // for itself: it closes that first.
    let typing = ctx.memory(|m| m.focused().is_some() || m.top_modal_layer().is_some());
    for (a, s) in list {
        if s.logical_key == Key::Escape && (typing || ctx.egui_wants_keyboard_input()) {
            continue;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&s)) {
            out.push(Command::Run(a));
        }
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.ctrl || m.command || m.mac_cmd)
}
