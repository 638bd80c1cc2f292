//! The presenter's keys: the one table the key handler, the buttons'
//! `aria-keyshortcuts` and the help list (`?`) all come from.

/// What a key does on the shared screen (and in the console).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Next,
    Back,
    Timer,
    Reset,
    Plus,
    Minus,
    Another,
    Harvest,
    Blank,
    Fullscreen,
    Help,
    Leave,
}

/// How a key is printed in the help list and on its button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Printed {
    /// As it is on the keyboard: "→", "T", "Esc".
    Key(&'static str),
    /// The space bar, named in the user's language.
    Space,
}

/// One action with its keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    pub action: Action,
    /// The `KeyboardEvent.key` values that do it.
    pub keys: &'static [&'static str],
    /// For `aria-keyshortcuts` (its own syntax).
    pub shortcut: &'static str,
    /// As printed, in the help list and on buttons.
    pub printed: &'static [Printed],
}

const fn bind(
    action: Action,
    keys: &'static [&'static str],
    shortcut: &'static str,
    printed: &'static [Printed],
) -> Binding {
    Binding {
        action,
        keys,
        shortcut,
        printed,
    }
}

/// Every key, in the order the help list shows them.
pub const KEYS: [Binding; 12] = [
    bind(
        Action::Next,
        &["ArrowRight", "PageDown", " ", "Spacebar"],
        "ArrowRight Space",
        &[Printed::Key("→"), Printed::Space],
    ),
    bind(
        Action::Back,
        &["ArrowLeft", "PageUp"],
        "ArrowLeft",
        &[Printed::Key("←")],
    ),
    bind(Action::Timer, &["t", "T"], "T", &[Printed::Key("T")]),
    bind(Action::Reset, &["r", "R"], "R", &[Printed::Key("R")]),
    bind(Action::Plus, &["+", "="], "+", &[Printed::Key("+")]),
    bind(Action::Minus, &["-", "_", "−"], "-", &[Printed::Key("−")]),
    bind(Action::Another, &["n", "N"], "N", &[Printed::Key("N")]),
    bind(Action::Harvest, &["h", "H"], "H", &[Printed::Key("H")]),
    bind(Action::Blank, &["b", "B", "."], "B", &[Printed::Key("B")]),
    bind(Action::Fullscreen, &["f", "F"], "F", &[Printed::Key("F")]),
    bind(Action::Help, &["?"], "?", &[Printed::Key("?")]),
    bind(Action::Leave, &["Escape"], "Escape", &[Printed::Key("Esc")]),
];

/// The action of a key, if it has one. `on_button`: focus is on a button
/// or link, where the space bar presses it instead.
pub fn action_of(key: &str, on_button: bool) -> Option<Action> {
    if on_button && matches!(key, " " | "Spacebar") {
        return None;
    }
    KEYS.iter()
        .find(|b| b.keys.contains(&key))
        .map(|b| b.action)
}

/// The binding of an action.
pub fn binding(action: Action) -> &'static Binding {
    KEYS.iter().find(|b| b.action == action).unwrap_or(&KEYS[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_one_binding_and_keys_find_it() {
        for b in KEYS {
            assert_eq!(binding(b.action), &b);
            for k in b.keys {
                assert_eq!(action_of(k, false), Some(b.action), "{k}");
            }
            assert!(!b.printed.is_empty() && !b.shortcut.is_empty());
        }
        assert_eq!(action_of(" ", true), None, "space presses the button");
        assert_eq!(action_of("ArrowRight", true), Some(Action::Next));
        assert_eq!(action_of("q", false), None);
        let keys: Vec<&str> = KEYS.iter().flat_map(|b| b.keys.iter().copied()).collect();
        let mut unique = keys.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "no key does two things");
    }
}
