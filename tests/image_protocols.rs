//! Figure images through the terminal graphics protocols, drawn by the real reader into
//! ratatui's TestBackend: sixel (a DCS picture in the image's top-left cell, the other cells of
//! the picture left alone), kitty (the picture sent once in an APC, then Unicode placeholder cells
//! coloured with its id) and iTerm2 (an OSC 1337 file in the top-left cell). The tests read what
//! the terminal would be sent: where, how big, how often, and when nothing at all.

mod common;
#[path = "image_protocols/lazy.rs"]
mod lazy;
#[path = "image_protocols/sent.rs"]
mod sent;

use clap::Parser;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui_image::picker::{Picker, ProtocolType};
use sahifa::cli::Cli;
use sahifa::load::{self, LoadOptions};
use sahifa::settings::reader_options;
use sahifa::source::Source;
use sahifa::ui::config::Config;
use sahifa::ui::figures::image_row;
use sahifa::ui::{Action, App, parse_keys};
use sent::{FONT, PLACEHOLDER, Sent, check_payload, number_after, text};
use std::ops::Range;
use std::path::{Path, PathBuf};

const KHARTOUM: &str = "assets/samples/khartoum-water-ar.md";
const PICTURE: &str = "assets/samples/images/mogran-station.jpg";
const WHOLE_PICTURE: [ProtocolType; 3] = [
    ProtocolType::Sixel,
    ProtocolType::Kitty,
    ProtocolType::Iterm2,
];

fn picker(kind: ProtocolType) -> Picker {
    let mut picker = Picker::halfblocks();
    picker.set_protocol_type(kind);
    let font = picker.font_size();
    assert_eq!((u32::from(font.width), u32::from(font.height)), FONT);
    picker
}

/// `sahifa FILE` at `cols` x `rows` after `keys`, painting images with `kind`.
fn reader(file: &Path, cols: u16, rows: u16, keys: &str, kind: ProtocolType) -> App {
    let loaded =
        load::open(&Source::File(file.into()), &LoadOptions::default()).expect("the article loads");
    let args = Cli::try_parse_from(["sahifa".as_ref(), file.as_os_str()])
        .expect("parses")
        .read;
    let options = reader_options(
        &Source::File(file.into()),
        &args,
        &Config::default(),
        &mut Vec::new(),
    );
    let mut app = App::with_size(loaded.document, options, cols, rows);
    app.set_image_picker(picker(kind));
    for key in parse_keys(keys) {
        app.press(key);
    }
    app
}

fn khartoum(cols: u16, rows: u16, keys: &str, kind: ProtocolType) -> App {
    reader(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join(KHARTOUM),
        cols,
        rows,
        keys,
        kind,
    )
}

/// Draws a frame and returns it as drawn (the backend's copy has no cells a picture covers).
fn draw(app: &mut App, terminal: &mut Terminal<TestBackend>) -> Buffer {
    let frame = terminal.draw(|frame| app.draw(frame)).expect("drawn");
    frame.buffer.clone()
}

fn screen(app: &mut App, cols: u16, rows: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("test terminal");
    draw(app, &mut terminal)
}

/// Screen rows the page marks as image rows.
fn image_rows(app: &App) -> Vec<u16> {
    let rows = app.text_height();
    (0..rows)
        .filter(|&y| app.lines().get(app.top() + y).and_then(image_row).is_some())
        .map(|y| u16::try_from(y).expect("a screen row"))
        .collect()
}

/// The columns between the box's side borders on row `y`.
fn box_inner(buf: &Buffer, y: u16) -> Range<u16> {
    let sides: Vec<u16> = (0..buf.area.width)
        .filter(|&x| buf[(x, y)].symbol() == "│")
        .collect();
    assert_eq!(sides.len(), 2, "two box sides on row {y}:\n{}", text(buf));
    sides[0] + 1..sides[1]
}

#[test]
fn each_protocol_sends_the_picture_inside_the_box_over_its_image_rows() {
    for kind in WHOLE_PICTURE {
        for (cols, rows) in [(100, 30), (50, 20)] {
            // `c` puts the figure's box on the first row; the article is Arabic (RTL).
            let mut app = khartoum(cols, rows, "c", kind);
            let buf = screen(&mut app, cols, rows);
            let context = format!("{kind:?} at {cols}x{rows}:\n{}", text(&buf));
            let sent = Sent::read(&buf);
            let (x, y, w, h) = sent.footprint(kind);
            let image = image_rows(&app);
            assert_eq!(image.len(), 12, "{context}");
            let inner = box_inner(&buf, image[0]);
            // On the image rows, inside the frame, centred, as big as the rows allow.
            assert_eq!(y, image[0], "{context}");
            assert!(
                h <= 12 && x >= inner.start && x + w <= inner.end,
                "{context}"
            );
            let (left, right) = (x - inner.start, inner.end - (x + w));
            assert!(
                left.abs_diff(right) <= 1,
                "centred: {left} and {right}\n{context}"
            );
            assert!(h == 12 || w == inner.end - inner.start, "fitted\n{context}");
            let (px_w, px_h) = check_payload(kind, &sent, &buf, w, h);
            // The picture keeps its proportions (192x108).
            assert!(
                (px_w * 108).abs_diff(px_h * 192) <= 192 * 2,
                "{px_w}x{px_h}"
            );
            // Everything else is plain: the frame, the blank margins, label, alt text, status.
            for &row in &image {
                assert_eq!(box_inner(&buf, row), inner, "{context}");
                for col in inner
                    .clone()
                    .filter(|c| !(x..x + w).contains(c) || row >= y + h)
                {
                    assert_eq!(buf[(col, row)].symbol(), " ", "({col},{row}) {context}");
                }
            }
            assert!(text(&buf).contains("[image: images/mogran-station.jpg]"));
            let alt = image[11] + 1;
            assert!(image_rows(&app).iter().all(|&r| r != alt));
            assert!(
                inner.clone().any(|c| buf[(c, alt)].symbol() != " "),
                "alt text"
            );
        }
    }
}

#[test]
fn a_figure_partly_off_screen_is_not_sent_by_whole_picture_protocols() {
    // Off at the top: `c` then three lines down hide the box top, label and first image row.
    // Off at the bottom: the box's top ten lines lower, on row 10 of 19 text rows, leaves 7 of
    // the 12 image rows on screen.
    let cases: [(u16, &str, i32, usize); 2] = [(30, "c j j j", 0, 11), (20, "c", -10, 7)];
    for (rows, keys, scroll, visible) in cases {
        let mut halfblocks = khartoum(100, rows, keys, ProtocolType::Halfblocks);
        halfblocks.handle(Action::ScrollLines(scroll));
        assert_eq!(image_rows(&halfblocks).len(), visible);
        for kind in WHOLE_PICTURE {
            let mut app = khartoum(100, rows, keys, kind);
            app.handle(Action::ScrollLines(scroll));
            let buf = screen(&mut app, 100, rows);
            let sent = Sent::read(&buf);
            assert!(
                sent.is_empty(),
                "{kind:?} {keys} {scroll}: {sent:?}\n{}",
                text(&buf)
            );
            assert_eq!(image_rows(&app).len(), visible);
            for row in image_rows(&app) {
                let inner = box_inner(&buf, row);
                assert!(inner.into_iter().all(|c| buf[(c, row)].symbol() == " "));
            }
        }
    }
}

#[test]
fn on_a_terminal_shorter_than_the_image_rows_the_picture_fits_the_rows_on_screen() {
    // 11 text rows never hold the box's 12 image rows.
    for kind in WHOLE_PICTURE {
        for keys in ["c", "c j j j"] {
            let mut app = khartoum(83, 12, keys, kind);
            let buf = screen(&mut app, 83, 12);
            let context = format!("{kind:?} {keys}:\n{}", text(&buf));
            let image = image_rows(&app);
            assert!(image.len() < 12, "{context}");
            let sent = Sent::read(&buf);
            let (x, y, w, h) = sent.footprint(kind);
            assert_eq!(y, image[0], "{context}");
            assert!(usize::from(h) <= image.len(), "{context}");
            assert!(box_inner(&buf, y).contains(&x) && box_inner(&buf, y).contains(&(x + w - 1)));
            check_payload(kind, &sent, &buf, w, h);
        }
    }
}

#[test]
fn a_redraw_reuses_the_kitty_picture_and_scrolling_moves_only_its_placeholders() {
    let mut app = khartoum(100, 30, "c", ProtocolType::Kitty);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test terminal");
    let first = draw(&mut app, &mut terminal);
    let sent = Sent::read(&first);
    let (x, y, w, h) = sent.footprint(ProtocolType::Kitty);
    let id = first[(x, y)].fg;
    assert_eq!(sent.escapes.len(), 1, "sent once");
    for keys in ["", "j"] {
        for key in parse_keys(keys) {
            app.press(key);
        }
        let again = draw(&mut app, &mut terminal);
        let resent = Sent::read(&again);
        assert!(resent.escapes.is_empty(), "not sent again after {keys:?}");
        let moved = u16::from(keys == "j");
        assert_eq!(resent.footprint(ProtocolType::Kitty), (x, y - moved, w, h));
        assert_eq!(again[(x, y - moved)].fg, id, "the same picture");
    }
}

#[test]
fn a_new_picker_or_a_new_size_encodes_the_picture_again() {
    let mut app = khartoum(100, 30, "c", ProtocolType::Kitty);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test terminal");
    let sent_id = |buf: &Buffer| {
        let sent = Sent::read(buf);
        let (_, _, payload) = sent.payload();
        number_after(payload, "i=")
    };
    let first = sent_id(&draw(&mut app, &mut terminal));
    app.set_image_picker(picker(ProtocolType::Kitty));
    let second = sent_id(&draw(&mut app, &mut terminal));
    assert_ne!(first, second, "a new picker, a new picture");
    // Two rows fewer: the column and the picture's cells stay the same, yet the terminal was
    // cleared and gets the picture again.
    terminal.backend_mut().resize(100, 28);
    let third = sent_id(&draw(&mut app, &mut terminal));
    assert_ne!(second, third, "a resize, a new picture");
    // Back to halfblocks: no escapes at all.
    app.set_image_picker(picker(ProtocolType::Halfblocks));
    assert!(Sent::read(&draw(&mut app, &mut terminal)).is_empty());
}

#[test]
fn an_open_panel_holds_back_the_pictures_it_would_overlap() {
    for kind in WHOLE_PICTURE {
        // The Arabic article's outline opens on the right, over the picture's right half; the
        // help overlay sits in the middle.
        for keys in ["c t", "c ?"] {
            let mut app = khartoum(100, 30, keys, kind);
            let buf = screen(&mut app, 100, 30);
            let sent = Sent::read(&buf);
            assert!(sent.is_empty(), "{kind:?} {keys}: {sent:?}\n{}", text(&buf));
            // Closed again, the picture is back.
            app.press(parse_keys("Esc")[0]);
            let buf = screen(&mut app, 100, 30);
            let _ = Sent::read(&buf).footprint(kind);
        }
        // An English article's outline opens on the left; on a wide terminal it leaves the
        // picture alone, which is sent as usual.
        let good = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(PICTURE)).expect("jpg");
        let path = article_with("wide", &[("good.jpg", Some(good))]);
        let mut app = reader(&path, 200, 30, "c t", kind);
        let buf = screen(&mut app, 200, 30);
        let (x, _, _, _) = Sent::read(&buf).footprint(kind);
        assert!(x > 44, "{}", text(&buf));
        assert!(text(&buf).contains("outline"));
        // Halfblocks are plain cells: painted beside the panel.
        let mut app = khartoum(100, 30, "c t", ProtocolType::Halfblocks);
        let buf = screen(&mut app, 100, 30);
        let halves = image_rows(&app)
            .into_iter()
            .flat_map(|y| (28..56).map(move |x| (x, y)))
            .filter(|&c| matches!(buf[c].symbol(), "▀" | "▄"))
            .count();
        assert!(halves > 100, "{}", text(&buf));
    }
}

#[test]
fn pictures_stay_inside_their_boxes_at_every_size_and_scroll_position() {
    for kind in WHOLE_PICTURE {
        for (cols, rows) in [(13, 7), (29, 17), (47, 31), (83, 12)] {
            let mut app = khartoum(cols, rows, "", kind);
            let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("terminal");
            let mut shown = 0;
            loop {
                let buf = draw(&mut app, &mut terminal);
                let context = format!("{kind:?} {cols}x{rows} top {}:\n{}", app.top(), text(&buf));
                let sent = Sent::read(&buf);
                let image = image_rows(&app);
                // The figure's image rows: not all on screen though they would fit, nothing is sent.
                let run = app
                    .lines()
                    .iter()
                    .filter(|l| image_row(l).is_some())
                    .count();
                if image.len() < run && run <= app.text_height() {
                    assert!(sent.is_empty(), "{context}");
                }
                let covered = sent.escapes.iter().map(|(x, y, _)| (*x, *y));
                for (x, y) in covered
                    .chain(sent.skipped.clone())
                    .chain(sent.placeholders.clone())
                {
                    assert!(
                        image.contains(&y),
                        "({x},{y}) off the image rows\n{context}"
                    );
                    assert!(
                        box_inner(&buf, y).contains(&x),
                        "({x},{y}) off the box\n{context}"
                    );
                }
                shown += usize::from(!sent.is_empty());
                let top = app.top();
                app.handle(Action::ScrollLines(1));
                if app.top() == top {
                    break;
                }
            }
            assert!(
                shown > 0,
                "{kind:?} {cols}x{rows}: the picture was never shown"
            );
        }
    }
}

/// A scratch directory holding an English article whose figures name `pictures` (file name,
/// bytes; `None` for a file that is not there).
fn article_with(name: &str, pictures: &[(&str, Option<Vec<u8>>)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sahifa-images-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let mut article = String::from("# Pictures\n\nA paragraph before the figures.\n\n");
    for (file, bytes) in pictures {
        if let Some(bytes) = bytes {
            std::fs::write(dir.join(file), bytes).expect("picture written");
        }
        article.push_str(&format!(
            "![Alt text of {file}]({file} \"Caption of {file}\")\n\nA paragraph after {file}.\n\n"
        ));
    }
    let path = dir.join("article.md");
    std::fs::write(&path, article).expect("article written");
    path
}

#[test]
fn missing_or_corrupt_pictures_leave_the_box_with_its_alt_text() {
    let good = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(PICTURE)).expect("jpg");
    let mut png_header = b"\x89PNG\r\n\x1a\n".to_vec();
    png_header.extend_from_slice(b"not really a picture");
    let broken: [(&str, Option<Vec<u8>>); 4] = [
        ("missing.jpg", None),
        ("text.jpg", Some(b"this is not a picture".to_vec())),
        ("empty.png", Some(Vec::new())),
        ("header-only.png", Some(png_header)),
    ];
    // Each labelled with why it is not shown.
    let labels = [
        "image not found",
        "image not supported",
        "image not supported",
        "image unreadable",
    ];
    let mut pictures = broken.to_vec();
    pictures.push(("good.jpg", Some(good)));
    let path = article_with("broken", &pictures);
    for kind in [
        ProtocolType::Halfblocks,
        ProtocolType::Sixel,
        ProtocolType::Kitty,
        ProtocolType::Iterm2,
    ] {
        let mut app = reader(&path, 100, 30, "", kind);
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test terminal");
        for ((file, _), words) in broken.iter().zip(labels) {
            // `c` brings the next figure's box to the top.
            app.press(parse_keys("c")[0]);
            let buf = draw(&mut app, &mut terminal);
            let rows: Vec<String> = text(&buf).lines().map(str::to_owned).collect();
            let label = rows
                .iter()
                .position(|r| r.contains(&format!("[{words}: {file}]")));
            let label = label.unwrap_or_else(|| panic!("{kind:?}: {file}'s label\n{}", text(&buf)));
            assert!(
                rows[label + 1].contains(&format!("Alt text of {file}")),
                "{}",
                text(&buf)
            );
            assert!(
                rows[label + 3].contains(&format!("Caption of {file}")),
                "{}",
                text(&buf)
            );
            let sent = Sent::read(&buf);
            let in_box = |(_, y): &(u16, u16)| usize::from(*y) <= label + 4;
            let escapes = sent.escapes.iter().map(|(x, y, _)| (*x, *y));
            let mut marks = escapes.chain(sent.skipped).chain(sent.placeholders);
            assert!(
                !marks.any(|c| in_box(&c)),
                "{kind:?} {file}\n{}",
                text(&buf)
            );
        }
        // The good picture after them is shown (left to right: the box of an English article).
        app.press(parse_keys("c")[0]);
        let buf = draw(&mut app, &mut terminal);
        if kind != ProtocolType::Halfblocks {
            let sent = Sent::read(&buf);
            let (x, _, w, _) = sent.footprint(kind);
            let inner = box_inner(&buf, image_rows(&app)[0]);
            assert!(x >= inner.start && x + w <= inner.end, "{}", text(&buf));
        }
    }
}

/// The real reader in a pseudo-terminal that answers the graphics query as kitty does: the
/// picture arrives once, as a kitty transmission, and its placeholder cells fill the box.
#[test]
fn in_a_kitty_terminal_the_reader_sends_the_picture_once() {
    use common::pty::{Terminal as Pty, find};
    use std::time::{Duration, Instant};
    let dir = std::env::temp_dir().join(format!("sahifa-images-{}-kitty", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let dir = dir.to_str().expect("UTF-8 temp path");
    let env = [
        ("TERM", "xterm-kitty"),
        ("XDG_CONFIG_HOME", dir),
        ("XDG_STATE_HOME", dir),
        // Nothing from the terminal the tests run in: no tmux, no other terminal's hints.
        ("TERM_PROGRAM", ""),
        ("WEZTERM_EXECUTABLE", ""),
        ("KONSOLE_VERSION", ""),
    ];
    let mut term = Pty::spawn_with_env(common::bin::sahifa(), &[KHARTOUM], &env, 100, 30)
        .expect("terminal starts");
    // The query: kitty's one-pixel test image, device attributes (the harness answers those,
    // without sixel), the cell size, and a status report that ends it.
    let query = b"\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\";
    let deadline = Instant::now() + Duration::from_secs(15);
    while find(term.raw(), b"\x1b[5n", 0).is_none() {
        assert!(Instant::now() < deadline, "no graphics query");
        term.wait_stable(Duration::from_millis(50)).expect("output");
    }
    assert!(find(term.raw(), query, 0).is_some(), "kitty is asked");
    term.send_bytes(b"\x1b_Gi=31;OK\x1b\\\x1b[6;20;10t\x1b[0n")
        .expect("answered");
    term.wait_until(
        "the reader's first screen",
        Duration::from_millis(400),
        |s| s.alternate_screen() && s.contents().contains("[image: images/mogran-station.jpg]"),
    )
    .expect("the reader starts");
    term.send_keys("j").expect("a line down");
    // Waits for what is expected (the view moved, the picture's placeholders shown), not for a
    // quiet moment, which a loaded machine can give before the key is even read.
    term.wait_until(
        "the picture after a line down",
        Duration::from_millis(100),
        |s| {
            !s.contents().contains("Top 1/")
                && (0..30).any(|y| {
                    (0..100).any(|x| {
                        s.cell(y, x)
                            .is_some_and(|c| c.contents().starts_with(PLACEHOLDER))
                    })
                })
        },
    )
    .expect("redrawn");
    let raw = String::from_utf8_lossy(term.raw()).into_owned();
    // One transmission of the whole 430x240 picture (43x12 cells of 10x20 pixels).
    assert_eq!(raw.matches(",a=T,U=1,f=32,t=d,s=430,v=240,").count(), 1);
    // Its placeholders on the screen: 12 rows of 43, inside the box.
    let screen = term.screen();
    let rows: Vec<u16> = (0..30)
        .filter(|&y| {
            let row: Vec<u16> = (0..100)
                .filter(|&x| {
                    screen
                        .cell(y, x)
                        .is_some_and(|c| c.contents().starts_with(PLACEHOLDER))
                })
                .collect();
            !row.is_empty() && {
                assert_eq!(row.len(), 43, "row {y}");
                assert_eq!(screen.cell(y, 10).map(|c| c.contents()), Some("│"));
                true
            }
        })
        .collect();
    assert_eq!(rows.len(), 12);
    term.send_keys("q").expect("q");
    assert_eq!(term.wait_exit(), Ok(0));
}
