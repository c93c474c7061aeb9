//! Every control a screen reader meets has a name and can be reached with the keyboard
//! (EN 301 549 / WCAG 4.1.2 and 2.1.1), in the window's main states and both languages.
//! The tree checked is AccessKit's, the one a screen reader gets (the app is built with
//! AccessKit by default).

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use innovation_atlas::app::AtlasApp;
use innovation_atlas::command::{Action, Command};
use innovation_atlas::model::Lang;
use innovation_atlas::state::Mode;

mod common;

/// Roles a user acts on.
fn is_control(role: Role) -> bool {
    matches!(
        role,
        Role::Button
            | Role::CheckBox
            | Role::RadioButton
            | Role::Switch
            | Role::ComboBox
            | Role::TextInput
            | Role::MultilineTextInput
            | Role::SearchInput
            | Role::Slider
            | Role::SpinButton
            | Role::Link
            | Role::MenuItem
            | Role::MenuItemCheckBox
            | Role::MenuItemRadio
            | Role::Tab
    )
}

/// The controls on screen without a name or that the keyboard cannot reach.
fn unnamed_or_unreachable(h: &Harness<'static, AtlasApp>) -> (usize, Vec<String>) {
    let mut controls = 0;
    let mut bad = Vec::new();
    for node in h.root().children_recursive() {
        let n = node.accesskit_node();
        if !is_control(n.role()) || n.is_hidden() {
            continue;
        }
        controls += 1;
        let name = n.label().unwrap_or_default();
        let value = n.value().unwrap_or_default();
        let named = !name.trim().is_empty()
            || (matches!(n.role(), Role::TextInput | Role::MultilineTextInput)
                && !value.trim().is_empty());
        // A name that is only a symbol ("×", "▶") tells a screen-reader user nothing.
        let meaningful =
            name.chars().any(char::is_alphanumeric) || value.chars().any(char::is_alphanumeric);
        if !named || !meaningful {
            bad.push(format!(
                "{:?} without a name (value {value:?}) at {:?}",
                n.role(),
                n.bounding_box()
            ));
        } else if !n.data().supports_action(egui::accesskit::Action::Focus) && !n.is_disabled() {
            bad.push(format!(
                "{:?} {name:?} cannot be reached with the keyboard",
                n.role()
            ));
        }
    }
    (controls, bad)
}

fn check(h: &Harness<'static, AtlasApp>, what: &str) {
    let (controls, bad) = unnamed_or_unreachable(h);
    assert!(controls > 5, "{what}: only {controls} controls found");
    assert!(bad.is_empty(), "{what}:\n{}", bad.join("\n"));
}

#[test]
fn every_control_of_the_main_views_has_a_name_and_takes_the_focus() {
    for lang in [Lang::Nl, Lang::En] {
        let mut h = common::harness(egui::vec2(1600.0, 900.0));
        h.state_mut().apply(Command::SetLanguage(lang));
        h.run();
        check(&h, &format!("{lang:?} map"));
        h.state_mut()
            .apply(Command::Select(Some("zh-robohouse".into())));
        h.run();
        check(&h, &format!("{lang:?} map with a selection"));
        h.state_mut()
            .apply(Command::AddToCompare("mra-ijmond".into()));
        h.state_mut()
            .apply(Command::AddToCompare("zh-robohouse".into()));
        h.run();
        check(&h, &format!("{lang:?} compare"));
        h.state_mut().apply(Command::SetMode(Mode::Charts));
        h.run();
        check(&h, &format!("{lang:?} charts"));
        h.state_mut().apply(Command::SetMode(Mode::Map));
        h.state_mut().apply(Command::ShowDeckWindow(true));
        h.run();
        check(&h, &format!("{lang:?} deck window"));
        h.state_mut().apply(Command::Run(Action::About));
        h.run();
        check(&h, &format!("{lang:?} about"));
    }
}

#[test]
fn every_menu_entry_has_a_name() {
    let mut h = common::harness(egui::vec2(1366.0, 768.0));
    for menu in ["Bestand", "Beeld", "Presentatie", "Help"] {
        h.get(egui_kittest::kittest::by().label(menu).role(Role::Button))
            .click();
        h.run();
        check(&h, menu);
        h.key_press(egui::Key::Escape);
        h.run();
    }
}

#[test]
fn the_keyboard_reaches_the_search_box_and_the_tool_bar() {
    let mut h = common::harness(egui::vec2(1366.0, 768.0));
    // Tab moves the focus through the controls; the first presses reach the menu bar and
    // the tool bar, then the search box.
    let mut seen = Vec::new();
    for _ in 0..40 {
        h.key_press(egui::Key::Tab);
        h.run();
        if let Some(n) = h
            .root()
            .children_recursive()
            .find(|n| n.accesskit_node().is_focused())
        {
            seen.push(n.accesskit_node().label().unwrap_or_default());
        }
    }
    for label in ["Bestand", "Kaart", "Zuid-Holland", "English"] {
        assert!(
            seen.iter().any(|s| s == label),
            "Tab never reached {label}: {seen:?}"
        );
    }
}
