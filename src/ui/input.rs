//! Terminal events to reader actions: crossterm's keys become [`Key`]s (looked up in the
//! keymap by the app), the wheel scrolls, a left click is a click, a resize is a resize.

use super::action::{Action, Key};
use super::app::App;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

/// Lines the mouse wheel moves per notch.
const WHEEL_LINES: i32 = 3;

/// The reader key for a crossterm key event (`None` for releases and keys the reader ignores).
pub fn key(event: KeyEvent) -> Option<Key> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    Some(match event.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Backspace => Key::Backspace,
        _ => return None,
    })
}

/// The action a terminal event asks of `app`, if any.
pub fn action(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) => key(*k).and_then(|k| app.key_action(k)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollLines(WHEEL_LINES)),
            MouseEventKind::ScrollUp => Some(Action::ScrollLines(-WHEEL_LINES)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            _ => None,
        },
        Event::Resize(cols, rows) => Some(Action::Resize(*cols, *rows)),
        _ => None,
    }
}
