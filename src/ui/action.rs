//! What the reader can be asked to do, and the one key table that says which key asks for what.
//!
//! Input becomes a closed [`Action`]; keys reach actions only through [`BINDINGS`] (patched by the
//! user's overrides into a [`Keymap`]), and the help overlay is generated from that same keymap,
//! so the help cannot drift from the real keys.

use std::collections::HashMap;
use std::fmt;

/// A key press, independent of the terminal library (so tests and `shot` can name keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character; the space bar is `Char(' ')`.
    Char(char),
    /// A character typed with Control held.
    Ctrl(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Backspace,
}

/// Names of the keys that are not plain characters, as written in `--keys` and config files.
const KEY_NAMES: &[(&str, Key)] = &[
    ("Enter", Key::Enter),
    ("Esc", Key::Esc),
    ("Tab", Key::Tab),
    ("BackTab", Key::BackTab),
    ("Space", Key::Char(' ')),
    ("Up", Key::Up),
    ("Down", Key::Down),
    ("Left", Key::Left),
    ("Right", Key::Right),
    ("PageUp", Key::PageUp),
    ("PageDown", Key::PageDown),
    ("Home", Key::Home),
    ("End", Key::End),
    ("Backspace", Key::Backspace),
];

impl Key {
    /// The key a name stands for (`Enter`, `PageDown`, `C-c`, or a single character).
    pub fn from_name(name: &str) -> Option<Key> {
        if let Some((_, key)) = KEY_NAMES.iter().find(|(n, _)| *n == name) {
            return Some(*key);
        }
        let mut chars = name.chars();
        match (chars.next(), chars.next(), chars.next(), chars.next()) {
            (Some(c), None, _, _) => Some(Key::Char(c)),
            (Some('C'), Some('-'), Some(c), None) => Some(Key::Ctrl(c)),
            _ => None,
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Char(' ') => f.write_str("Space"),
            Key::Char(c) => write!(f, "{c}"),
            Key::Ctrl(c) => write!(f, "C-{c}"),
            other => {
                let name = KEY_NAMES.iter().find(|(_, k)| k == other).map(|(n, _)| *n);
                f.write_str(name.unwrap_or("?"))
            }
        }
    }
}

/// Turns a `--keys` script into key presses: space-separated tokens, each a key name
/// (`Enter`, `Down`…) or text typed character by character (`/ الرقة Enter n`).
pub fn parse_keys(script: &str) -> Vec<Key> {
    let mut keys = Vec::new();
    for token in script.split_whitespace() {
        match KEY_NAMES.iter().find(|(n, _)| *n == token) {
            Some((_, key)) => keys.push(*key),
            None => keys.extend(token.chars().map(Key::Char)),
        }
    }
    keys
}

/// Everything the reader can do. `update` handles each; nothing else changes the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Move by lines (positive: down); in a panel, move the selection.
    ScrollLines(i32),
    /// Move by whole screens.
    ScrollPages(i32),
    /// Move by half screens.
    ScrollHalfPages(i32),
    Top,
    Bottom,
    NextSection,
    PrevSection,
    /// Jump to the N-th section heading (1-based).
    Section(u8),
    ToggleOutline,
    NextBox,
    PrevBox,
    StartSearch,
    NextMatch,
    PrevMatch,
    ToggleEntities,
    ToggleEntityPanel,
    /// The links panel.
    ToggleLinks,
    /// Hand the selected link to the system opener.
    OpenExternal,
    NextTheme,
    /// Justified or ragged paragraphs.
    ToggleJustify,
    /// Show or hide bidi controls and invisible characters as labels.
    ToggleReveal,
    ToggleHelp,
    /// Jump to the selected panel entry.
    Confirm,
    /// Close the overlay or prompt, else quit.
    Back,
    Quit,
    /// Stop the process as Ctrl-Z does in a shell (the terminal's event loop does it).
    Suspend,
    /// A character typed into the search prompt.
    Type(char),
    /// Delete the last character of the search prompt.
    DeleteChar,
    /// The terminal changed size (columns, rows).
    Resize(u16, u16),
    /// A mouse click at (column, row) on a panel.
    Click(u16, u16),
    /// The left button went down on the text at (column, row): the first, second (a word) or
    /// third (a paragraph) click in a row at that place.
    Press(u16, u16, u8),
    /// The pointer moved to (column, row) with the left button down.
    Drag(u16, u16),
    /// The left button came up: the selection is copied.
    Release,
    /// Copy the selection, else the paragraph at the top of the view.
    Copy,
    /// Copy the section at the top of the view.
    CopySection,
}

/// One row of the key table: the keys, what they do, and the line the help overlay shows.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// The action's name in config files (`[keys]` overrides).
    pub name: &'static str,
    pub help: &'static str,
}

use Key::Char as C;

/// The reader's keys (DESIGN.md "Reader keys"); the help overlay lists exactly these.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    Binding { keys: &[C('j'), Key::Down], action: Action::ScrollLines(1), name: "line-down", help: "line down (mouse wheel too)" },
    Binding { keys: &[C('k'), Key::Up], action: Action::ScrollLines(-1), name: "line-up", help: "line up" },
    Binding { keys: &[C(' '), Key::PageDown, C('f')], action: Action::ScrollPages(1), name: "page-down", help: "page down" },
    Binding { keys: &[C('b'), Key::PageUp], action: Action::ScrollPages(-1), name: "page-up", help: "page up" },
    Binding { keys: &[C('d')], action: Action::ScrollHalfPages(1), name: "half-page-down", help: "half page down" },
    Binding { keys: &[C('u')], action: Action::ScrollHalfPages(-1), name: "half-page-up", help: "half page up" },
    Binding { keys: &[C('g'), Key::Home], action: Action::Top, name: "top", help: "top of the article" },
    Binding { keys: &[C('G'), Key::End], action: Action::Bottom, name: "end", help: "end of the article" },
    Binding { keys: &[C(']')], action: Action::NextSection, name: "next-section", help: "next section" },
    Binding { keys: &[C('[')], action: Action::PrevSection, name: "previous-section", help: "previous section" },
    Binding { keys: &[C('1')], action: Action::Section(1), name: "section-1", help: "jump to section N" },
    Binding { keys: &[C('2')], action: Action::Section(2), name: "section-2", help: "" },
    Binding { keys: &[C('3')], action: Action::Section(3), name: "section-3", help: "" },
    Binding { keys: &[C('4')], action: Action::Section(4), name: "section-4", help: "" },
    Binding { keys: &[C('5')], action: Action::Section(5), name: "section-5", help: "" },
    Binding { keys: &[C('6')], action: Action::Section(6), name: "section-6", help: "" },
    Binding { keys: &[C('7')], action: Action::Section(7), name: "section-7", help: "" },
    Binding { keys: &[C('8')], action: Action::Section(8), name: "section-8", help: "" },
    Binding { keys: &[C('9')], action: Action::Section(9), name: "section-9", help: "" },
    Binding { keys: &[C('t'), Key::Tab], action: Action::ToggleOutline, name: "outline", help: "outline of sections" },
    Binding { keys: &[C('c')], action: Action::NextBox, name: "next-box", help: "next call-out or figure" },
    Binding { keys: &[C('C')], action: Action::PrevBox, name: "previous-box", help: "previous call-out or figure" },
    Binding { keys: &[C('/')], action: Action::StartSearch, name: "search", help: "search (then text, Enter)" },
    Binding { keys: &[C('n')], action: Action::NextMatch, name: "next-match", help: "next match" },
    Binding { keys: &[C('N')], action: Action::PrevMatch, name: "previous-match", help: "previous match" },
    Binding { keys: &[C('y')], action: Action::Copy, name: "copy", help: "copy selection (drag) or top paragraph" },
    Binding { keys: &[C('Y')], action: Action::CopySection, name: "copy-section", help: "copy the section" },
    Binding { keys: &[C('e')], action: Action::ToggleEntities, name: "entities", help: "entity highlighting on/off" },
    Binding { keys: &[C('E')], action: Action::ToggleEntityPanel, name: "entity-panel", help: "entity panel; Enter then n/N: mentions" },
    Binding { keys: &[C('L')], action: Action::ToggleLinks, name: "links", help: "links panel; Enter opens the link" },
    Binding { keys: &[C('o')], action: Action::OpenExternal, name: "open-external", help: "links panel: open in the browser" },
    Binding { keys: &[C('T')], action: Action::NextTheme, name: "next-theme", help: "next theme" },
    Binding { keys: &[C('J')], action: Action::ToggleJustify, name: "justify", help: "justified / ragged paragraphs" },
    Binding { keys: &[C('R')], action: Action::ToggleReveal, name: "reveal", help: "reveal bidi controls and invisible characters" },
    Binding { keys: &[C('?')], action: Action::ToggleHelp, name: "help", help: "this help" },
    Binding { keys: &[Key::Enter], action: Action::Confirm, name: "confirm", help: "in a panel: jump to the selected entry" },
    Binding { keys: &[C('q'), Key::Esc], action: Action::Back, name: "back", help: "close the panel, else quit" },
    Binding { keys: &[Key::Ctrl('c')], action: Action::Quit, name: "quit", help: "quit at once" },
    Binding { keys: &[Key::Ctrl('z')], action: Action::Suspend, name: "suspend", help: "suspend (fg to come back)" },
];

/// Keys to actions: the table, with the user's overrides applied on top.
#[derive(Debug, Clone)]
pub struct Keymap {
    map: HashMap<Key, Action>,
}

impl Default for Keymap {
    fn default() -> Self {
        let map = BINDINGS
            .iter()
            .flat_map(|b| b.keys.iter().map(move |k| (*k, b.action)))
            .collect();
        Self { map }
    }
}

impl Keymap {
    /// The table with `overrides` (key name → action name) applied. Unknown keys or actions
    /// are returned as messages and leave the table as it was.
    pub fn with_overrides<'a>(
        overrides: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Self, Vec<String>) {
        let mut keymap = Self::default();
        let mut problems = Vec::new();
        for (key_name, action_name) in overrides {
            let Some(key) = Key::from_name(key_name) else {
                problems.push(format!("unknown key {key_name:?}"));
                continue;
            };
            if action_name == "none" {
                keymap.map.remove(&key);
                continue;
            }
            match BINDINGS.iter().find(|b| b.name == action_name) {
                Some(b) => {
                    keymap.map.insert(key, b.action);
                }
                None => problems.push(format!("unknown action {action_name:?}")),
            }
        }
        (keymap, problems)
    }

    /// The action a key asks for outside the search prompt.
    pub fn action(&self, key: Key) -> Option<Action> {
        self.map.get(&key).copied()
    }

    /// The help overlay's rows: the keys bound to each action, in table order, and its help.
    /// Sections 1…9 are folded into one row.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        let mut rows = Vec::new();
        for binding in BINDINGS.iter().filter(|b| !b.help.is_empty()) {
            let mut keys: Vec<Key> = self.keys_for(binding.action);
            if let Action::Section(_) = binding.action {
                keys = Vec::new();
                let bound: Vec<String> = (1..=9u8)
                    .flat_map(|n| self.keys_for(Action::Section(n)))
                    .map(|k| k.to_string())
                    .collect();
                rows.push((compact_digits(&bound), binding.help));
                continue;
            }
            keys.sort_by_key(|k| order_in_table(*k, binding));
            let names: Vec<String> = keys.iter().map(Key::to_string).collect();
            rows.push((names.join(" "), binding.help));
        }
        rows
    }

    fn keys_for(&self, action: Action) -> Vec<Key> {
        let mut keys: Vec<Key> = self
            .map
            .iter()
            .filter(|(_, a)| **a == action)
            .map(|(k, _)| *k)
            .collect();
        keys.sort_by_key(|k| k.to_string());
        keys
    }
}

/// Keys from the table first, in its order, then overrides.
fn order_in_table(key: Key, binding: &Binding) -> (usize, String) {
    let at = binding.keys.iter().position(|k| *k == key);
    (at.unwrap_or(usize::MAX), key.to_string())
}

/// "1 2 … 9" reads better as "1…9" when all nine are bound in order.
fn compact_digits(keys: &[String]) -> String {
    let digits: Vec<String> = (1..=9).map(|n: u8| n.to_string()).collect();
    if keys == digits.as_slice() {
        "1…9".to_owned()
    } else {
        keys.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_scripts_mix_names_and_typed_text() {
        let keys = parse_keys("] t Down Enter / الرقة Space");
        assert_eq!(keys[0], Key::Char(']'));
        assert_eq!(keys[2], Key::Down);
        assert_eq!(keys[3], Key::Enter);
        assert_eq!(keys[4], Key::Char('/'));
        assert_eq!(keys[5], Key::Char('ا'));
        assert_eq!(keys.len(), 5 + "الرقة".chars().count() + 1);
        assert_eq!(keys.last(), Some(&Key::Char(' ')));
    }

    #[test]
    fn every_design_key_is_bound() {
        let map = Keymap::default();
        for (name, action) in [
            ("j", Action::ScrollLines(1)),
            ("Up", Action::ScrollLines(-1)),
            ("Space", Action::ScrollPages(1)),
            ("b", Action::ScrollPages(-1)),
            ("u", Action::ScrollHalfPages(-1)),
            ("Home", Action::Top),
            ("End", Action::Bottom),
            ("[", Action::PrevSection),
            ("9", Action::Section(9)),
            ("Tab", Action::ToggleOutline),
            ("C", Action::PrevBox),
            ("N", Action::PrevMatch),
            ("E", Action::ToggleEntityPanel),
            ("T", Action::NextTheme),
            ("J", Action::ToggleJustify),
            ("Esc", Action::Back),
        ] {
            let key = Key::from_name(name).expect("a key name");
            assert_eq!(map.action(key), Some(action), "{name}");
        }
    }

    #[test]
    fn overrides_rebind_and_unbind_and_show_in_help() {
        let (map, problems) = Keymap::with_overrides([
            ("x", "next-section"),
            ("q", "none"),
            ("F1", "help"),
            ("z", "fly"),
        ]);
        assert_eq!(map.action(Key::Char('x')), Some(Action::NextSection));
        assert_eq!(map.action(Key::Char('q')), None);
        assert_eq!(problems.len(), 2);
        let rows = map.help_rows();
        let next = rows.iter().find(|(_, h)| *h == "next section");
        assert_eq!(next.map(|(k, _)| k.as_str()), Some("] x"));
        let back = rows.iter().find(|(_, h)| h.starts_with("close"));
        assert_eq!(back.map(|(k, _)| k.as_str()), Some("Esc"));
        assert!(rows.iter().any(|(k, _)| k == "1…9"));
    }
}
