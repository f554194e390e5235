//! Terminal events to reader actions: crossterm's keys become [`Key`]s (looked up in the
//! keymap by the app), the wheel scrolls, a left click is a click, a resize is a resize.
//!
//! Alt: a terminal sends Alt+x as Esc followed by x, so an Esc typed just before a key (closing
//! the help, then `]`) reaches us as Alt+key. The reader binds nothing to Alt, so Alt+key is
//! always read as the two keys it most likely was: Esc, then the key.

use super::action::{Action, Key};
use super::app::App;
use super::effect::Effect;
use super::panel::Overlay;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use std::time::Instant;

/// Double and triple clicks: presses at one cell, each within [`clicks::GAP`] of the last.
mod clicks {
    use std::cell::Cell;
    use std::time::{Duration, Instant};

    /// Longest pause between the clicks of a double or triple click.
    pub const GAP: Duration = Duration::from_millis(400);

    thread_local! {
        static LAST: Cell<Option<(Instant, u16, u16, u8)>> = const { Cell::new(None) };
    }

    /// The press at (col, row) at `now` is the n-th click in a row there (1, 2 or 3; a fourth
    /// starts again).
    pub fn count(col: u16, row: u16, now: Instant) -> u8 {
        LAST.with(|last| {
            let n = match last.get() {
                Some((at, c, r, n)) if (c, r) == (col, row) && now - at <= GAP && n < 3 => n + 1,
                _ => 1,
            };
            last.set(Some((now, col, row, n)));
            n
        })
    }
}

/// Lines the mouse wheel moves per notch.
const WHEEL_LINES: i32 = 3;

/// The reader keys for a crossterm key event, in order: none for releases and keys the reader
/// ignores, one for a plain key, Esc and the key for Alt+key.
pub fn keys(event: KeyEvent) -> Vec<Key> {
    let Some(key) = key(event) else {
        return Vec::new();
    };
    if event.modifiers.contains(KeyModifiers::ALT) {
        vec![Key::Esc, key]
    } else {
        vec![key]
    }
}

/// The reader key for a crossterm key event, Alt ignored (`None` for releases and keys the
/// reader ignores).
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

/// Applies a terminal event to `app` and returns the effects it asked for. The keys of one event
/// are handled one after another, each looked up in the state the one before left (after Esc
/// closes the help, `]` is a section jump); once one asks for an effect, the keys after it in
/// the same event are dropped (the effect — quit, suspend — changes what they would mean).
pub fn handle(app: &mut App, event: &Event) -> Vec<Effect> {
    match event {
        Event::Key(k) => {
            for key in keys(*k) {
                let effects = app.press(key);
                if !effects.is_empty() {
                    return effects;
                }
            }
            Vec::new()
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => app.handle(Action::ScrollLines(WHEEL_LINES)),
            MouseEventKind::ScrollUp => app.handle(Action::ScrollLines(-WHEEL_LINES)),
            MouseEventKind::Down(MouseButton::Left) if app.overlay() != Overlay::None => {
                app.handle(Action::Click(m.column, m.row))
            }
            MouseEventKind::Down(MouseButton::Left) => {
                let count = clicks::count(m.column, m.row, Instant::now());
                app.handle(Action::Press(m.column, m.row, count))
            }
            MouseEventKind::Drag(MouseButton::Left) => app.handle(Action::Drag(m.column, m.row)),
            MouseEventKind::Up(MouseButton::Left) => app.handle(Action::Release),
            _ => Vec::new(),
        },
        Event::Resize(cols, rows) => app.handle(Action::Resize(*cols, *rows)),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{fixture_doc, options};
    use super::*;
    use crossterm::event::KeyEventState;

    fn event(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn presses_at_one_cell_in_quick_succession_count_up_to_three() {
        let t = Instant::now();
        let ms = |n| t + std::time::Duration::from_millis(n);
        assert_eq!(clicks::count(5, 5, t), 1);
        assert_eq!(clicks::count(5, 5, ms(200)), 2);
        assert_eq!(clicks::count(5, 5, ms(400)), 3);
        assert_eq!(clicks::count(5, 5, ms(500)), 1, "a fourth starts again");
        assert_eq!(clicks::count(6, 5, ms(600)), 1, "another cell");
        assert_eq!(clicks::count(6, 5, ms(1200)), 1, "too slow");
    }

    #[test]
    fn alt_key_is_esc_then_the_key() {
        let alt = KeyModifiers::ALT;
        assert_eq!(
            keys(event(KeyCode::Char(']'), alt)),
            [Key::Esc, Key::Char(']')]
        );
        assert_eq!(keys(event(KeyCode::Down, alt)), [Key::Esc, Key::Down]);
        assert_eq!(
            keys(event(KeyCode::Char('d'), alt | KeyModifiers::CONTROL)),
            [Key::Esc, Key::Ctrl('d')]
        );
        assert_eq!(
            keys(event(KeyCode::Char(']'), KeyModifiers::NONE)),
            [Key::Char(']')]
        );
        assert_eq!(keys(event(KeyCode::F(5), alt)), []);
        let mut release = event(KeyCode::Char('q'), alt);
        release.kind = KeyEventKind::Release;
        assert_eq!(keys(release), []);
    }

    #[test]
    fn esc_arriving_with_the_next_key_closes_the_overlay_first() {
        let mut app = App::new(fixture_doc(), options());
        app.handle(Action::Resize(42, 11));
        app.press(Key::Char('?'));
        assert!(matches!(app.overlay(), Overlay::Help { .. }));
        // Esc then `]` typed quickly: the help closes and the section jump happens.
        handle(
            &mut app,
            &Event::Key(event(KeyCode::Char(']'), KeyModifiers::ALT)),
        );
        assert!(matches!(app.overlay(), Overlay::None));
        assert!(!app.should_quit());
        assert!(app.top() > 0, "] moved the view");
        // With nothing open, Esc quits, and the key after it is not acted on.
        let top = app.top();
        let effects = handle(
            &mut app,
            &Event::Key(event(KeyCode::Char(']'), KeyModifiers::ALT)),
        );
        assert_eq!(effects, [Effect::Quit]);
        assert!(app.should_quit());
        assert_eq!(app.top(), top);
    }

    #[test]
    fn the_suspend_key_suspends_in_every_mode_and_is_not_typed() {
        let mut app = App::new(fixture_doc(), options());
        app.handle(Action::Resize(42, 11));
        let ctrl_z = Event::Key(event(KeyCode::Char('z'), KeyModifiers::CONTROL));
        assert_eq!(handle(&mut app, &ctrl_z), [Effect::Suspend]);
        // In the search prompt, Ctrl-Z is not a character of the query.
        app.press(Key::Char('/'));
        app.press(Key::Char('a'));
        let prompt = app.prompt.clone();
        assert!(prompt.is_some());
        assert_eq!(handle(&mut app, &ctrl_z), [Effect::Suspend]);
        assert_eq!(app.prompt, prompt);
        // Other keys are applied.
        let b = Event::Key(event(KeyCode::Char('b'), KeyModifiers::NONE));
        assert_eq!(handle(&mut app, &b), []);
        assert_ne!(app.prompt, prompt);
    }
}
