//! Copying out of the reader: `y`, `Y` and mouse selections give the article's own logical text
//! (original letters, controls and ZWNJ as in the source, no justification tatweels), asserted
//! on the effects `App::handle` returns; and the real reader in a pseudo-terminal, whose OSC 52
//! payloads are decoded from the bytes it wrote.

mod common;

use clap::Parser;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use sahifa::cli::Cli;
use sahifa::load::{self, LoadOptions};
use sahifa::page::{BlockRef, Piece, text_of};
use sahifa::settings::reader_options;
use sahifa::source::Source;
use sahifa::ui::config::Config;
use sahifa::ui::{Action, App, Effect, Key};
use std::path::Path;

/// Arabic with English and digits inside, a ZWNJ, an isolate; long enough to wrap and justify.
const ARTICLE: &str = "# مقتل قيادي في الرقة

قال مسؤولون إن تنظيم ISIS 2024 خسر مواقع جديدة في ريف الرقة الشرقي بعد معارك استمرت \
أياماً، وإن القوات تقدمت نحو البلدات المجاورة لنهر الفرات، في حين نزح آلاف المدنيين \
نحو\u{200C}المخيمات في الشمال.

وأضاف المتحدث \u{2067}Reuters News\u{2069} أن العمليات ستستمر حتى استعادة كامل المنطقة، \
مشيراً إلى أن الخسائر البشرية ما زالت قيد الإحصاء والتوثيق من قبل المنظمات المحلية.

## الوضع الإنساني

تعاني المخيمات من نقص حاد في المياه والغذاء والدواء مع اقتراب فصل الشتاء.
";

fn app(cols: u16, rows: u16) -> App {
    app_with(&["sahifa", "article.md"], cols, rows)
}

/// The reader as `argv` starts it, headless.
fn app_with(argv: &[&str], cols: u16, rows: u16) -> App {
    let loaded = load::load_bytes(
        ARTICLE.as_bytes(),
        Path::new("article.md"),
        &LoadOptions::default(),
    )
    .expect("the article loads");
    let args = Cli::try_parse_from(argv).expect("parses").read;
    let mut messages = Vec::new();
    let options = reader_options(
        &Source::File("article.md".into()),
        &args,
        &Config::default(),
        &mut messages,
    );
    App::with_size(loaded.document, options, cols, rows)
}

fn copied(effects: Vec<Effect>) -> String {
    match effects.as_slice() {
        [Effect::Copy(text)] => text.clone(),
        other => panic!("expected one copy, got {other:?}"),
    }
}

/// The source text of the part shown on page line `line` (its first text piece).
fn part_on(app: &App, line: usize) -> (BlockRef, String) {
    let source = app.lines()[line]
        .pieces
        .iter()
        .find_map(|piece| match piece {
            Piece::Text { source, .. } => Some(*source),
            _ => None,
        })
        .expect("text on the line");
    let text = text_of(app.document(), &source).expect("source text");
    (source, text.into_owned())
}

fn is_presentation_form(c: char) -> bool {
    ('\u{FB50}'..='\u{FDFF}').contains(&c) || ('\u{FE70}'..='\u{FEFF}').contains(&c)
}

/// Screen cells of article text on page line `line` (top of view = 0): x, and logical range.
fn text_cells(app: &App, line: usize, cols: u16) -> Vec<(u16, BlockRef, std::ops::Range<usize>)> {
    let page_line = &app.lines()[line];
    let left = (cols - page_line_width(app)) / 2;
    let mut x = left;
    let mut out = Vec::new();
    for piece in &page_line.pieces {
        match piece {
            Piece::Decoration { width, .. } => x += *width as u16,
            Piece::Text { line, source } => {
                for cluster in &line.clusters {
                    out.push((x, *source, cluster.logical.clone()));
                    x += cluster.width as u16;
                }
            }
        }
    }
    out
}

fn page_line_width(app: &App) -> u16 {
    app.lines().iter().map(|l| l.width()).max().unwrap_or(0) as u16
}

fn first_line_of(app: &App, wanted: &str) -> usize {
    (0..app.lines().len())
        .find(|&i| {
            app.lines()[i]
                .pieces
                .iter()
                .any(|p| matches!(p, Piece::Text { .. }))
                && part_on(app, i).1.contains(wanted)
        })
        .expect("the paragraph is on the page")
}

#[test]
fn y_copies_the_paragraph_at_the_top_as_its_logical_text() {
    let mut app = app(60, 6);
    app.press(Key::Char('J'));
    let line = first_line_of(&app, "ISIS");
    app.handle(Action::ScrollLines(line as i32));
    assert_eq!(app.top(), line);
    let effects = app.press(Key::Char('y'));
    let text = copied(effects);
    let (_, source) = part_on(&app, line);
    assert_eq!(text, source);
    assert!(text.contains("نحو\u{200C}المخيمات"), "ZWNJ kept");
    assert!(text.contains("تنظيم ISIS 2024 خسر"), "logical order");
    assert!(!text.chars().any(is_presentation_form), "original letters");
    assert!(!text.contains('\u{0640}'), "no justification tatweel");
    let n = text.chars().count();
    assert_eq!(
        app.message(),
        Some(format!("copied {n} characters").as_str())
    );
    // The page is justified with kashida: the cells do carry tatweels the copy does not.
    let shown: String = (line..line + 6).map(|l| app.lines()[l].text()).collect();
    assert!(
        shown.contains('\u{0640}'),
        "the test page is justified with tatweels"
    );
}

#[test]
fn y_keeps_bidi_controls_and_capital_y_copies_the_section() {
    let mut app = app(60, 6);
    let line = first_line_of(&app, "Reuters");
    app.handle(Action::ScrollLines(line as i32));
    let text = copied(app.press(Key::Char('y')));
    assert!(text.contains("\u{2067}Reuters News\u{2069}"), "{text:?}");
    let section = copied(app.press(Key::Char('Y')));
    let doc = app.document();
    let s = app.lines()[line].section;
    assert_eq!(doc.sections[s].blocks.len(), 2);
    // The section at the top is the lead, under the article's title.
    assert_eq!(s, 0);
    let heading = doc.title.clone();
    let blocks: Vec<String> = (0..2)
        .map(|b| {
            text_of(doc, &BlockRef::block(s, b, 0))
                .expect("present")
                .into_owned()
        })
        .collect();
    let expected = if heading.is_empty() {
        blocks.join("\n")
    } else {
        format!("{heading}\n{}", blocks.join("\n"))
    };
    assert_eq!(section, expected);
}

#[test]
fn a_drag_across_a_line_break_and_a_direction_change_copies_the_logical_text_between_its_ends() {
    let cols = 60;
    let mut app = app(cols, 20);
    let line = first_line_of(&app, "ISIS");
    let (source, text) = part_on(&app, line);
    // Start on the "I" of ISIS (an LTR run inside the RTL line) and end on the next line's
    // leftmost letter: the copy runs from that I to that letter in reading order.
    let isis = text.find("ISIS").expect("present");
    let row_of = |app: &App, l: usize| (0..app.lines().len()).position(|r| r + app.top() == l);
    let ends: Vec<(usize, u16, std::ops::Range<usize>)> = (line..line + 3)
        .flat_map(|l| {
            text_cells(&app, l, cols)
                .into_iter()
                .filter(|(_, s, _)| *s == source)
                .map(move |(x, _, r)| (l, x, r))
        })
        .collect();
    let (l0, x0, r0) = ends
        .iter()
        .find(|(_, _, r)| r.start == isis)
        .cloned()
        .expect("the I of ISIS");
    // The next line's leftmost text cell: the end of that RTL line in reading order.
    let (l1, x1, r1) = ends
        .iter()
        .filter(|(l, _, _)| *l == l0 + 1)
        .min_by_key(|(_, x, _)| *x)
        .cloned()
        .expect("a next line");
    let (row0, row1) = (
        row_of(&app, l0).expect("present"),
        row_of(&app, l1).expect("present"),
    );
    assert!(app.handle(Action::Press(x0, row0 as u16, 1)).is_empty());
    app.handle(Action::Drag(x0 + 3, row0 as u16));
    app.handle(Action::Drag(x1, row1 as u16));
    // Drawn on the cells of exactly the characters it copies.
    let mut terminal = Terminal::new(TestBackend::new(cols, 20)).expect("test terminal");
    terminal.draw(|frame| app.draw(frame)).expect("drawn");
    let buf = terminal.backend().buffer();
    let (start, end) = (r0.start.min(r1.start), r0.end.max(r1.end));
    let mut lit = 0;
    for (l, x, range) in &ends {
        let row = row_of(&app, *l).expect("on screen") as u16;
        let reversed = buf[(*x, row)].modifier.contains(Modifier::REVERSED);
        let inside = range.start >= start && range.end <= end;
        assert_eq!(reversed, inside, "line {l} cell {x} {range:?}");
        lit += usize::from(reversed);
    }
    assert!(lit > 10);
    let copy = copied(app.handle(Action::Release));
    let expected = text.get(start..end).expect("a range of the text");
    assert_eq!(copy, expected);
    assert!(copy.starts_with("ISIS 2024 خسر"), "{copy:?}");
    assert!(!copy.chars().any(is_presentation_form) && !copy.contains('\u{0640}'));
    // `y` copies the selection again until Esc drops it; a new page drops it too.
    assert_eq!(copied(app.press(Key::Char('y'))), expected);
    app.press(Key::Char('J'));
    assert!(app.selection().is_none());
    app.press(Key::Char('J'));
    app.handle(Action::Press(x0, row0 as u16, 1));
    app.handle(Action::Drag(x1, row1 as u16));
    app.handle(Action::Release);
    assert_eq!(copied(app.press(Key::Char('y'))), expected);
    app.press(Key::Esc);
    assert!(!app.should_quit() && app.selection().is_none());
}

#[test]
fn a_drag_from_one_paragraph_into_the_next_joins_them_with_a_newline() {
    let cols = 60;
    let mut app = app(cols, 30);
    let first = first_line_of(&app, "ISIS");
    let second = first_line_of(&app, "Reuters");
    let (_, a) = part_on(&app, first);
    let (_, b) = part_on(&app, second);
    // From the last line of the first paragraph (its leftmost letter, its last in reading
    // order) to the first line of the second (its rightmost letter, its first).
    let last = second - 2;
    let (xa, _, _) = *text_cells(&app, last, cols)
        .iter()
        .min_by_key(|c| c.0)
        .expect("present");
    let (xb, _, _) = *text_cells(&app, second, cols)
        .iter()
        .max_by_key(|c| c.0)
        .expect("present");
    let top = app.top();
    app.handle(Action::Press(xa, (last - top) as u16, 1));
    app.handle(Action::Drag(xb, (second - top) as u16));
    let copy = copied(app.handle(Action::Release));
    let tail = a.chars().last().expect("present");
    let head = b.chars().next().expect("present");
    assert_eq!(copy, format!("{tail}\n{head}"));
}

#[test]
fn double_click_selects_a_word_triple_click_a_paragraph_and_a_click_nothing() {
    let cols = 60;
    let mut app = app(cols, 20);
    let line = first_line_of(&app, "ISIS");
    let (_, text) = part_on(&app, line);
    let cells = text_cells(&app, line, cols);
    let isis = text.find("ISIS").expect("present");
    let (x, _, _) = *cells
        .iter()
        .find(|c| c.2.start == isis + 2)
        .expect("present");
    let row = (line - app.top()) as u16;
    assert!(app.handle(Action::Press(x, row, 1)).is_empty());
    assert!(
        app.handle(Action::Release).is_empty(),
        "a click copies nothing"
    );
    assert!(app.selection().is_none());
    app.handle(Action::Press(x, row, 2));
    assert_eq!(copied(app.handle(Action::Release)), "ISIS");
    // A double click on the blank line after the title selects and copies nothing.
    let blank = (0..app.lines().len())
        .find(|&l| app.lines()[l].pieces.is_empty() || app.lines()[l].text().trim().is_empty())
        .expect("a blank line");
    let blank_row = (blank - app.top()) as u16;
    app.handle(Action::Press(x, blank_row, 2));
    assert!(app.handle(Action::Release).is_empty());
    assert!(app.selection().is_none());
    app.handle(Action::Press(x, row, 3));
    assert_eq!(copied(app.handle(Action::Release)), text);
    // The word's cells are drawn selected wherever the line puts them.
    app.handle(Action::Press(x, row, 2));
    let mut terminal = Terminal::new(TestBackend::new(cols, 20)).expect("test terminal");
    terminal.draw(|frame| app.draw(frame)).expect("drawn");
    let buf = terminal.backend().buffer();
    for (cx, _, range) in &cells {
        let inside = range.start >= isis && range.end <= isis + 4;
        let reversed = buf[(*cx, row)].modifier.contains(Modifier::REVERSED);
        assert_eq!(reversed, inside, "cell {cx} {range:?}");
    }
}

#[test]
fn where_the_terminal_reorders_the_mouse_selects_nothing_and_says_why_but_y_copies() {
    let mut app = app_with(&["sahifa", "--bidi", "terminal", "article.md"], 60, 20);
    let line = first_line_of(&app, "ISIS");
    let row = (line - app.top()) as u16;
    assert!(app.handle(Action::Press(30, row, 1)).is_empty());
    assert!(app.handle(Action::Drag(10, row + 1)).is_empty());
    assert!(app.handle(Action::Release).is_empty());
    assert!(app.selection().is_none());
    assert_eq!(app.message(), Some(sahifa::ui::selection::NO_SELECTION));
    let title = copied(app.press(Key::Char('y')));
    assert_eq!(title, app.document().title);
}

/// Reads the terminal until the reader has written `n` clipboard payloads; returns them.
fn payloads(term: &mut common::pty::Terminal, n: usize) -> Vec<String> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let found = sahifa::ui::clipboard::payloads(term.raw());
        if found.len() >= n || std::time::Instant::now() > deadline {
            return found;
        }
        term.collect_for(std::time::Duration::from_millis(50));
    }
}

/// An SGR mouse report (1-based cells): `button` 0 is the left button, 32 added while moving.
fn mouse(button: u8, x: u16, y: u16, release: bool) -> Vec<u8> {
    let end = if release { 'm' } else { 'M' };
    format!("\x1b[<{button};{};{}{end}", x + 1, y + 1).into_bytes()
}

#[test]
fn in_a_terminal_y_and_a_drag_put_the_logical_text_on_the_clipboard_through_osc_52() {
    let (cols, rows) = (60u16, 12u16);
    let dir = common::reader::scratch("copy");
    let path = dir.join("article.md");
    std::fs::write(&path, ARTICLE).expect("article written");
    let path = path.to_str().expect("UTF-8 temp path");
    let dir_str = dir.to_str().expect("UTF-8 temp path");
    let env = [("XDG_CONFIG_HOME", dir_str), ("XDG_STATE_HOME", dir_str)];
    let argv = ["--bidi", "app", path];
    let mut term = common::pty::Terminal::sahifa_then_tty_report(&argv, &env, cols, rows)
        .expect("terminal starts");
    term.wait_until("the reader's first screen", common::reader::QUIET, |s| {
        s.alternate_screen() && !s.contents().trim().is_empty()
    })
    .expect("the reader starts");
    // The same reader headless says where things are.
    let mut app = app_with(&["sahifa", "--bidi", "app", "article.md"], cols, rows);
    let line = first_line_of(&app, "ISIS");
    let (source, text) = part_on(&app, line);

    // `y` with the paragraph at the top.
    term.send_keys(&vec!["j"; line].join(" "))
        .expect("keys sent");
    app.handle(Action::ScrollLines(line as i32));
    assert_eq!(app.top(), line);
    term.send_keys("y").expect("y sent");
    let copied = payloads(&mut term, 1);
    assert_eq!(copied, std::slice::from_ref(&text));

    // A drag from the I of ISIS (LTR inside the RTL line) to the leftmost letter of the next
    // line: the logical text between them, across the line break and the direction change.
    let isis = text.find("ISIS").expect("ISIS in the text");
    let on = |l: usize| -> Vec<(u16, std::ops::Range<usize>)> {
        text_cells(&app, l, cols)
            .into_iter()
            .filter(|(_, s, _)| *s == source)
            .map(|(x, _, r)| (x, r))
            .collect()
    };
    let (x0, r0) = on(line)
        .into_iter()
        .find(|(_, r)| r.start == isis)
        .expect("the I of ISIS on the top line");
    let (x1, r1) = on(line + 1)
        .into_iter()
        .min_by_key(|(x, _)| *x)
        .expect("a second line");
    term.send_bytes(&mouse(0, x0, 0, false)).expect("press");
    term.collect_for(std::time::Duration::from_millis(30));
    term.send_bytes(&mouse(32, x0 + 2, 0, false)).expect("drag");
    term.collect_for(std::time::Duration::from_millis(30));
    term.send_bytes(&mouse(32, x1, 1, false)).expect("drag");
    term.collect_for(std::time::Duration::from_millis(30));
    term.send_bytes(&mouse(0, x1, 1, true)).expect("release");
    let copied = payloads(&mut term, 2);
    let expected = text
        .get(r0.start.min(r1.start)..r0.end.max(r1.end))
        .expect("a range of the text");
    assert_eq!(copied.get(1).map(String::as_str), Some(expected));
    assert!(expected.starts_with("ISIS 2024") && expected.contains(' '));
    let status = term.screen_rows().last().cloned().unwrap_or_default();
    let n = expected.chars().count();
    assert!(
        status.contains(&format!("copied {n} characters")),
        "{status:?}"
    );

    term.send_keys("Esc q").expect("keys sent");
    assert_eq!(term.wait_exit(), Ok(0));
    assert_eq!(common::modes::check_modes(term.raw()), Ok(()));
}

/// The reader headless with who reorders decided: `terminal` `None` is sahifa itself.
fn app_reordered_by(terminal: Option<sahifa::page::ReorderingTerminal>) -> App {
    let loaded = load::load_bytes(
        ARTICLE.as_bytes(),
        Path::new("article.md"),
        &LoadOptions::default(),
    )
    .expect("the article loads");
    let args = Cli::try_parse_from(["sahifa", "article.md"])
        .expect("parses")
        .read;
    let order = (
        terminal.is_none(),
        terminal.unwrap_or(sahifa::page::ReorderingTerminal::Generic),
    );
    let options = sahifa::settings::reader_options_reordering(
        &Source::File("article.md".into()),
        &args,
        &Config::default(),
        order,
        &mut Vec::new(),
    );
    App::with_size(loaded.document, options, 60, 20)
}

#[test]
fn in_konsole_and_mlterm_the_mouse_selects_what_the_terminal_shows() {
    use sahifa::page::ReorderingTerminal::{Konsole, Mlterm};
    let mut app = app_reordered_by(None);
    let line = first_line_of(&app, "ISIS");
    let row = (line - app.top()) as u16;
    // Drags within a line, across the RTL/LTR boundary, across a line break (both ways), and
    // double and triple clicks: the same screen cells select the same text in every terminal,
    // since each shows the same screen.
    type Gesture = ((u16, u16), (u16, u16), u8);
    let gestures: [Gesture; 6] = [
        ((50, row), (20, row), 1),
        ((40, row), (5, row + 1), 1),
        ((5, row + 1), (55, row), 1),
        ((12, row + 2), (48, row + 3), 1),
        ((33, row), (33, row), 2),
        ((20, row + 1), (20, row + 1), 3),
    ];
    let copy = |app: &mut App, ((x1, y1), (x2, y2), clicks): Gesture| {
        app.handle(Action::Press(x1, y1, clicks));
        app.handle(Action::Drag(x2, y2));
        let text = copied(app.handle(Action::Release));
        app.press(Key::Esc);
        text
    };
    let want: Vec<String> = gestures.iter().map(|g| copy(&mut app, *g)).collect();
    assert!(want.iter().any(|t| t.contains("ISIS")), "{want:?}");
    for terminal in [Konsole, Mlterm] {
        let mut app = app_reordered_by(Some(terminal));
        let got: Vec<String> = gestures.iter().map(|g| copy(&mut app, *g)).collect();
        assert_eq!(got, want, "{terminal:?}");
        assert_eq!(app.message(), None, "{terminal:?}");
    }
}
