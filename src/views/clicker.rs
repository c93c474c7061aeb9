//! The clicker's keyboard: a clicker sends Right/PageDown/Space and Left/PageUp; every key is
//! consumed here so nothing else can act on it while a deck runs.

use egui::{Event, InputState, Key};

use crate::command::Command;

/// Takes every key event of this frame and turns the deck's keys into commands; `typed`
/// collects the digits of a slide number.
pub fn take_keys(input: &mut InputState, typed: &mut String) -> Vec<Command> {
    let mut out = Vec::new();
    for event in &input.events {
        let Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } = event
        else {
            continue;
        };
        // Ctrl/Alt combinations belong to the system, not to the deck.
        if modifiers.ctrl || modifiers.alt || modifiers.command || modifiers.mac_cmd {
            continue;
        }
        if let Some(digit) = digit_of(*key) {
            if typed.len() < 4 {
                typed.push(digit);
            }
            continue;
        }
        let cmd = match key {
            Key::ArrowRight | Key::PageDown | Key::Space | Key::ArrowDown | Key::N => {
                Some(Command::NextSlide)
            }
            Key::ArrowLeft | Key::PageUp | Key::ArrowUp => Some(Command::PreviousSlide),
            Key::Backspace if typed.is_empty() => Some(Command::PreviousSlide),
            Key::Backspace => {
                typed.pop();
                None
            }
            Key::Home => Some(Command::GotoSlide(0)),
            Key::End => Some(Command::GotoSlide(usize::MAX)),
            Key::Enter => match typed.parse::<usize>() {
                Ok(n) if n >= 1 => Some(Command::GotoSlide(n - 1)),
                _ => Some(Command::NextSlide),
            },
            Key::B | Key::Period => Some(Command::ToggleBlank),
            Key::P => Some(Command::TogglePresenterView),
            Key::Escape => Some(Command::StopPresenting),
            _ => None,
        };
        if !matches!(key, Key::Backspace) {
            typed.clear();
        }
        out.extend(cmd);
    }
    // Nothing else (the map's arrow keys, egui's focus keys) sees these keys.
    input
        .events
        .retain(|e| !matches!(e, Event::Key { .. } | Event::Text(_)));
    out
}

fn digit_of(key: Key) -> Option<char> {
    let d = match key {
        Key::Num0 => '0',
        Key::Num1 => '1',
        Key::Num2 => '2',
        Key::Num3 => '3',
        Key::Num4 => '4',
        Key::Num5 => '5',
        Key::Num6 => '6',
        Key::Num7 => '7',
        Key::Num8 => '8',
        Key::Num9 => '9',
        _ => return None,
    };
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Modifiers;

    fn press(input: &mut InputState, key: Key) {
        input.events.push(Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        });
    }

    #[test]
    fn clicker_keys_step_through_the_deck() {
        let mut input = InputState::default();
        let mut typed = String::new();
        for k in [Key::ArrowRight, Key::PageDown, Key::Space, Key::PageUp] {
            press(&mut input, k);
        }
        let cmds = take_keys(&mut input, &mut typed);
        assert_eq!(
            cmds,
            vec![
                Command::NextSlide,
                Command::NextSlide,
                Command::NextSlide,
                Command::PreviousSlide
            ]
        );
        assert!(input.events.is_empty(), "keys are consumed");
    }

    #[test]
    fn a_number_then_enter_jumps() {
        let mut input = InputState::default();
        let mut typed = String::new();
        for k in [Key::Num1, Key::Num2, Key::Enter] {
            press(&mut input, k);
        }
        assert_eq!(
            take_keys(&mut input, &mut typed),
            vec![Command::GotoSlide(11)]
        );
        assert!(typed.is_empty());
    }

    #[test]
    fn ctrl_combinations_are_not_deck_keys() {
        let mut input = InputState::default();
        let mut typed = String::new();
        input.events.push(Event::Key {
            key: Key::B,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::CTRL,
        });
        assert!(take_keys(&mut input, &mut typed).is_empty());
    }
}
