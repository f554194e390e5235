//! The reader driven as a terminal drives it, without one: an article from the input's middle,
//! then a script of key presses, resizes, clicks and wheel turns from its tail, each handled by
//! the `App` and followed by a frame drawn into ratatui's `TestBackend`. Nothing may panic, and
//! no cell of any frame may hold a control character.
//!
//! Input: `[cols, rows, mode, n, article…, n × (op, arg)]`.

#![no_main]

mod checks;

use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sahifa::analyse::entities::Tagger;
use sahifa::document::{Document, Format};
use sahifa::layout::DirectionMode;
use sahifa::load::{self, LoadOptions};
use sahifa::page::{PageLine, PageOptions, compose};
use sahifa::theme::Theme;
use sahifa::ui::action::{Action, Key};
use sahifa::ui::app::{App, ReaderOptions};
use std::path::Path;
use std::sync::{Arc, LazyLock};

static TAGGER: LazyLock<Tagger> = LazyLock::new(|| Tagger::new(&[]));
static THEMES: LazyLock<Vec<Theme>> = LazyLock::new(|| {
    let light = Theme::resolve(Some("light")).0;
    vec![Theme::default(), light]
});

/// Keys with a binding, and a few without.
const KEYS: &[Key] = &[
    Key::Char('j'),
    Key::Char('k'),
    Key::Char(' '),
    Key::Char('b'),
    Key::Char('d'),
    Key::Char('u'),
    Key::Char('g'),
    Key::Char('G'),
    Key::Char(']'),
    Key::Char('['),
    Key::Char('1'),
    Key::Char('2'),
    Key::Char('3'),
    Key::Char('9'),
    Key::Char('t'),
    Key::Char('c'),
    Key::Char('C'),
    Key::Char('/'),
    Key::Char('n'),
    Key::Char('N'),
    Key::Char('e'),
    Key::Char('E'),
    Key::Char('T'),
    Key::Char('?'),
    Key::Char('q'),
    Key::Char('x'),
    Key::Ctrl('c'),
    Key::Ctrl('z'),
    Key::Enter,
    Key::Esc,
    Key::Tab,
    Key::BackTab,
    Key::Up,
    Key::Down,
    Key::Left,
    Key::Right,
    Key::PageUp,
    Key::PageDown,
    Key::Home,
    Key::End,
    Key::Backspace,
];

/// What a search may be typed with: letters of every script the reader knows, marks that
/// search folding ignores, and a few oddities.
const TYPED: &[char] = &[
    'ا', 'أ', 'ل', 'ر', 'ق', 'ة', 'ه', 'ى', 'ي', 'َ', 'ّ', 'ـ', 'پ', 'ک', 'ی', 'ے', 'א', 'ב', 'ש',
    'ְ', 'a', 'B', 'z', '1', '٣', '۴', ' ', '.', '«', '\u{200d}', '\u{200f}', '\u{1b}', '\t', '😀',
    '漢',
];

fuzz_target!(|data: &[u8]| {
    let [cols, rows, mode, n, rest @ ..] = data else {
        return;
    };
    let script_len = (usize::from(*n) * 2).min(rest.len());
    let (article, script) = rest.split_at(rest.len() - script_len);
    let format = match mode % 4 {
        0 => None,
        1 => Some(Format::Text),
        2 => Some(Format::Markdown),
        _ => Some(Format::Html),
    };
    let options = LoadOptions {
        format,
        ..LoadOptions::default()
    };
    let Ok(loaded) = load::load_bytes(article, Path::new("article"), &options) else {
        return;
    };
    let page_options = PageOptions {
        shape: mode & 4 == 0,
        reorder: mode & 8 == 0,
        direction: match (mode >> 4) % 3 {
            0 => DirectionMode::Auto,
            1 => DirectionMode::Ltr,
            _ => DirectionMode::Rtl,
        },
        entities: true,
        justify: mode & 64 != 0,
        ..PageOptions::default()
    };
    let compose = move |doc: &Document, width: usize| -> Vec<PageLine> {
        compose(doc, width, &page_options).lines
    };
    let mut reader = ReaderOptions::new(Arc::new(compose));
    reader.tagger = Some(Arc::new(|doc: &Document| TAGGER.tag_document(doc).into()));
    reader.themes = THEMES.clone();
    reader.max_width = [80, 40, 2, 300][usize::from(mode >> 6)];

    let (mut cols, mut rows) = (u16::from(*cols) % 161, u16::from(*rows) % 61);
    let mut app = App::with_size(loaded.document, reader, cols, rows);
    let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("test terminal");
    draw(&mut app, &mut terminal);
    for step in script.chunks_exact(2) {
        let (op, arg) = (step[0], step[1]);
        // Effects (quit, suspend) are the terminal loop's; the state goes on being checked.
        let _effects = match op % 8 {
            0 => {
                let typed = TYPED[usize::from(arg) % TYPED.len()];
                app.press(Key::Char(typed))
            }
            1 => {
                (cols, rows) = (u16::from(arg) % 161, u16::from(op >> 3) * 2);
                terminal.backend_mut().resize(cols, rows);
                app.handle(Action::Resize(cols, rows))
            }
            2 => app.handle(Action::Click(u16::from(arg), u16::from(op >> 3))),
            3 => app.handle(Action::ScrollLines(if arg % 2 == 0 { 3 } else { -3 })),
            _ => app.press(KEYS[usize::from(arg) % KEYS.len()]),
        };
        draw(&mut app, &mut terminal);
    }
});

/// One frame, checked cell by cell.
fn draw(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    terminal.draw(|frame| app.draw(frame)).expect("drawn");
    for cell in terminal.backend().buffer().content() {
        checks::assert_shown(cell.symbol(), "reader cell");
    }
}
