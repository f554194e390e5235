//! What the reader can be asked to do, and the one key table that says which key asks for what.
//!
//! Input becomes a closed [`Action`]; keys reach actions only through [`BINDINGS`] (patched by the
//! user's overrides into a [`Keymap`]), and the help overlay is generated from that same keymap,
//! so the help cannot drift from the real keys. The feed list's keys are rows of the same
//! table: each row says where it works ([`Scope`]) and what the list's help calls it, so a key
//! rebound in the config is rebound in both views and both helps show it.

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
    /// Feed list: mark the selected item read or unread.
    ToggleRead,
    /// Feed list: load the feed (or every feed) again.
    Reload,
}

/// Where a key of the table works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// In an article only.
    Reader,
    /// In an article and in the feed list, where the help calls it this.
    Both(&'static str),
    /// In the feed list only (the row's `help` is the list's).
    List,
}

impl Scope {
    fn in_reader(self) -> bool {
        !matches!(self, Scope::List)
    }

    /// The list's help line, when the binding works there.
    fn list_help(self, help: &'static str) -> Option<&'static str> {
        match self {
            Scope::Reader => None,
            Scope::Both(list) => Some(list),
            Scope::List => Some(help),
        }
    }
}

/// One row of the key table: the keys, what they do, and the line the help overlay shows.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// The action's name in config files (`[keys]` overrides).
    pub name: &'static str,
    pub help: &'static str,
    pub scope: Scope,
}

use Key::Char as C;

/// The reader's keys (DESIGN.md "Reader keys") and the feed list's; each help overlay lists
/// exactly the rows of its view.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    Binding { keys: &[C('j'), Key::Down], action: Action::ScrollLines(1), name: "line-down", help: "line down (mouse wheel too)", scope: Scope::Both("next item (mouse wheel too)") },
    Binding { keys: &[C('k'), Key::Up], action: Action::ScrollLines(-1), name: "line-up", help: "line up", scope: Scope::Both("previous item") },
    Binding { keys: &[C(' '), Key::PageDown, C('f')], action: Action::ScrollPages(1), name: "page-down", help: "page down", scope: Scope::Both("page down") },
    Binding { keys: &[C('b'), Key::PageUp], action: Action::ScrollPages(-1), name: "page-up", help: "page up", scope: Scope::Both("page up") },
    Binding { keys: &[C('d')], action: Action::ScrollHalfPages(1), name: "half-page-down", help: "half page down", scope: Scope::Reader },
    Binding { keys: &[C('u')], action: Action::ScrollHalfPages(-1), name: "half-page-up", help: "half page up", scope: Scope::Reader },
    Binding { keys: &[C('g'), Key::Home], action: Action::Top, name: "top", help: "top of the article", scope: Scope::Both("first item") },
    Binding { keys: &[C('G'), Key::End], action: Action::Bottom, name: "end", help: "end of the article", scope: Scope::Both("last item") },
    Binding { keys: &[C(']')], action: Action::NextSection, name: "next-section", help: "next section", scope: Scope::Reader },
    Binding { keys: &[C('[')], action: Action::PrevSection, name: "previous-section", help: "previous section", scope: Scope::Reader },
    Binding { keys: &[C('1')], action: Action::Section(1), name: "section-1", help: "jump to section N", scope: Scope::Reader },
    Binding { keys: &[C('2')], action: Action::Section(2), name: "section-2", help: "", scope: Scope::Reader },
    Binding { keys: &[C('3')], action: Action::Section(3), name: "section-3", help: "", scope: Scope::Reader },
    Binding { keys: &[C('4')], action: Action::Section(4), name: "section-4", help: "", scope: Scope::Reader },
    Binding { keys: &[C('5')], action: Action::Section(5), name: "section-5", help: "", scope: Scope::Reader },
    Binding { keys: &[C('6')], action: Action::Section(6), name: "section-6", help: "", scope: Scope::Reader },
    Binding { keys: &[C('7')], action: Action::Section(7), name: "section-7", help: "", scope: Scope::Reader },
    Binding { keys: &[C('8')], action: Action::Section(8), name: "section-8", help: "", scope: Scope::Reader },
    Binding { keys: &[C('9')], action: Action::Section(9), name: "section-9", help: "", scope: Scope::Reader },
    Binding { keys: &[C('t'), Key::Tab], action: Action::ToggleOutline, name: "outline", help: "outline of sections", scope: Scope::Reader },
    Binding { keys: &[C('c')], action: Action::NextBox, name: "next-box", help: "next call-out or figure", scope: Scope::Reader },
    Binding { keys: &[C('C')], action: Action::PrevBox, name: "previous-box", help: "previous call-out or figure", scope: Scope::Reader },
    Binding { keys: &[C('/')], action: Action::StartSearch, name: "search", help: "search (then text, Enter)", scope: Scope::Both("search titles (then text, Enter)") },
    Binding { keys: &[C('n')], action: Action::NextMatch, name: "next-match", help: "next match", scope: Scope::Both("next match") },
    Binding { keys: &[C('N')], action: Action::PrevMatch, name: "previous-match", help: "previous match", scope: Scope::Both("previous match") },
    Binding { keys: &[C('y')], action: Action::Copy, name: "copy", help: "copy selection (drag) or top paragraph", scope: Scope::Reader },
    Binding { keys: &[C('Y')], action: Action::CopySection, name: "copy-section", help: "copy the section", scope: Scope::Reader },
    Binding { keys: &[C('e')], action: Action::ToggleEntities, name: "entities", help: "entity highlighting on/off", scope: Scope::Reader },
    Binding { keys: &[C('E')], action: Action::ToggleEntityPanel, name: "entity-panel", help: "entity panel; Enter then n/N: mentions", scope: Scope::Reader },
    Binding { keys: &[C('L')], action: Action::ToggleLinks, name: "links", help: "links panel; Enter opens the link", scope: Scope::Reader },
    Binding { keys: &[C('o')], action: Action::OpenExternal, name: "open-external", help: "links panel: open in the browser", scope: Scope::Reader },
    Binding { keys: &[C('T')], action: Action::NextTheme, name: "next-theme", help: "next theme", scope: Scope::Reader },
    Binding { keys: &[C('J')], action: Action::ToggleJustify, name: "justify", help: "justified / ragged paragraphs", scope: Scope::Reader },
    Binding { keys: &[C('R')], action: Action::ToggleReveal, name: "reveal", help: "reveal bidi controls and invisible characters", scope: Scope::Reader },
    Binding { keys: &[C('?')], action: Action::ToggleHelp, name: "help", help: "this help", scope: Scope::Both("this help") },
    Binding { keys: &[Key::Enter], action: Action::Confirm, name: "confirm", help: "in a panel: jump to the selected entry", scope: Scope::Both("open the item (a click too)") },
    Binding { keys: &[C('u')], action: Action::ToggleRead, name: "read", help: "read / unread", scope: Scope::List },
    Binding { keys: &[C('r')], action: Action::Reload, name: "reload", help: "reload every feed of the list", scope: Scope::List },
    Binding { keys: &[C('q'), Key::Esc], action: Action::Back, name: "back", help: "close the panel, else quit", scope: Scope::Both("close the help, back, else quit") },
    Binding { keys: &[Key::Ctrl('c')], action: Action::Quit, name: "quit", help: "quit at once", scope: Scope::Both("quit at once") },
    Binding { keys: &[Key::Ctrl('z')], action: Action::Suspend, name: "suspend", help: "suspend (fg to come back)", scope: Scope::Both("suspend (fg to come back)") },
];

/// Keys to actions: the table, with the user's overrides applied on top; one map for articles,
/// one for the feed list.
#[derive(Debug, Clone)]
pub struct Keymap {
    map: HashMap<Key, Action>,
    list: HashMap<Key, Action>,
}

impl Default for Keymap {
    fn default() -> Self {
        let in_view = |list: bool| -> HashMap<Key, Action> {
            BINDINGS
                .iter()
                .filter(|b| {
                    if list {
                        b.scope.list_help(b.help).is_some()
                    } else {
                        b.scope.in_reader()
                    }
                })
                .flat_map(|b| b.keys.iter().map(move |k| (*k, b.action)))
                .collect()
        };
        Self {
            map: in_view(false),
            list: in_view(true),
        }
    }
}

impl Keymap {
    /// The table with `overrides` (key name → action name) applied, in each view the action
    /// works in. Unknown keys or actions are returned as messages and leave the table as it was.
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
                keymap.list.remove(&key);
                continue;
            }
            match BINDINGS.iter().find(|b| b.name == action_name) {
                Some(b) => {
                    if b.scope.in_reader() {
                        keymap.map.insert(key, b.action);
                    }
                    if b.scope.list_help(b.help).is_some() {
                        keymap.list.insert(key, b.action);
                    }
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

    /// The action a key asks for in the feed list.
    pub fn list_action(&self, key: Key) -> Option<Action> {
        self.list.get(&key).copied()
    }

    /// The help overlay's rows: the keys bound to each action, in table order, and its help.
    /// Sections 1…9 are folded into one row.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        let mut rows = Vec::new();
        for binding in BINDINGS.iter().filter(|b| b.scope.in_reader()) {
            if binding.help.is_empty() {
                continue;
            }
            if let Action::Section(_) = binding.action {
                let bound: Vec<String> = (1..=9u8)
                    .flat_map(|n| keys_for(&self.map, Action::Section(n)))
                    .map(|k| k.to_string())
                    .collect();
                rows.push((compact_digits(&bound), binding.help));
                continue;
            }
            rows.push((key_names(&self.map, binding), binding.help));
        }
        rows
    }

    /// The feed list's help rows, from the same table: the rows that work in the list, with
    /// the list's words.
    pub fn list_help_rows(&self) -> Vec<(String, &'static str)> {
        BINDINGS
            .iter()
            .filter_map(|b| Some((key_names(&self.list, b), b.scope.list_help(b.help)?)))
            .collect()
    }
}

/// The keys bound to `binding`'s action in `map`: the table's first, in its order, then
/// overrides.
fn key_names(map: &HashMap<Key, Action>, binding: &Binding) -> String {
    let mut keys = keys_for(map, binding.action);
    keys.sort_by_key(|k| order_in_table(*k, binding));
    let names: Vec<String> = keys.iter().map(Key::to_string).collect();
    names.join(" ")
}

fn keys_for(map: &HashMap<Key, Action>, action: Action) -> Vec<Key> {
    let mut keys: Vec<Key> = map
        .iter()
        .filter(|(_, a)| **a == action)
        .map(|(k, _)| *k)
        .collect();
    keys.sort_by_key(|k| k.to_string());
    keys
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

    #[test]
    fn the_feed_list_has_its_own_keys_from_the_same_table() {
        let map = Keymap::default();
        assert_eq!(map.action(C('u')), Some(Action::ScrollHalfPages(-1)));
        assert_eq!(map.list_action(C('u')), Some(Action::ToggleRead));
        assert_eq!(map.action(C('r')), None, "reload is the list's");
        assert_eq!(map.list_action(C('r')), Some(Action::Reload));
        assert_eq!(map.list_action(C(']')), None, "sections are the reader's");
        assert_eq!(map.list_action(Key::Enter), Some(Action::Confirm));
        let rows = map.list_help_rows();
        let help: Vec<&str> = rows.iter().map(|(_, h)| *h).collect();
        assert!(help.contains(&"read / unread") && help.contains(&"first item"));
        assert!(!help.iter().any(|h| h.contains("section")), "{help:?}");
        assert!(!map.help_rows().iter().any(|(_, h)| *h == "read / unread"));
        // An override of a key both views share rebinds it in both helps.
        let (map, _) = Keymap::with_overrides([("x", "line-down"), ("U", "read")]);
        assert_eq!(map.list_action(C('x')), Some(Action::ScrollLines(1)));
        assert_eq!(map.action(C('U')), None, "read marks are the list's alone");
        let rows = map.list_help_rows();
        let read = rows.iter().find(|(_, h)| *h == "read / unread");
        assert_eq!(read.map(|(k, _)| k.as_str()), Some("u U"));
    }
}
