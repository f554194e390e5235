//! When pictures are read: their sizes when the reader opens, their pixels at the first paint,
//! once; and what a figure whose file cannot be shown says, in the reader and in `print`.

use super::sent::{Sent, text};
use super::{PICTURE, article_with, draw, image_rows, reader};
use image::{ImageEncoder, codecs::png::PngEncoder};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_image::picker::ProtocolType;
use sahifa::ui::figures::image_row;
use sahifa::ui::parse_keys;
use std::collections::BTreeSet;
use std::path::Path;

fn good_jpeg() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(PICTURE)).expect("jpg")
}

/// A grey PNG of `width` x `height` pixels.
fn png(width: u32, height: u32) -> Vec<u8> {
    let pixels = vec![128u8; (width * height) as usize];
    let mut out = Vec::new();
    PngEncoder::new(&mut out)
        .write_image(&pixels, width, height, image::ExtendedColorType::L8)
        .expect("encoded");
    out
}

/// Figures with image rows on the page, whether painted or not.
fn figures_with_rows(app: &sahifa::ui::App) -> Vec<(usize, usize)> {
    let mut figures: Vec<_> = app.lines().iter().filter_map(image_row).collect();
    figures.dedup();
    figures
}

#[test]
fn opening_reads_only_sizes_and_the_first_paint_decodes_each_picture_once() {
    let pictures: Vec<(&str, Option<Vec<u8>>)> = vec![
        ("one.jpg", Some(good_jpeg())),
        ("two.png", Some(png(300, 100))),
        ("three.jpg", Some(good_jpeg())),
    ];
    let path = article_with("lazy", &pictures);
    let mut app = reader(&path, 100, 22, "", ProtocolType::Halfblocks);
    // Rows are reserved for all three (from their headers), and nothing is decoded yet.
    assert_eq!(figures_with_rows(&app).len(), 3);
    assert_eq!(app.figures().decoded(), 0);
    let mut terminal = Terminal::new(TestBackend::new(100, 22)).expect("test terminal");
    // After each frame, the pictures decoded are exactly those that have been on screen so far,
    // whatever was redrawn, scrolled past or come back to.
    let mut seen = BTreeSet::new();
    let mut counts = Vec::new();
    for keys in ["", "", "j", "k", "c", "c", "c", "g", "G", "g", "c"] {
        for key in parse_keys(keys) {
            app.press(key);
        }
        draw(&mut app, &mut terminal);
        seen.extend(figures_on_screen(&app));
        assert_eq!(
            app.figures().decoded(),
            seen.len(),
            "after {counts:?} and {keys:?}"
        );
        counts.push(seen.len());
    }
    assert_eq!(
        counts.first(),
        Some(&1),
        "the first screen shows one picture"
    );
    assert_eq!(counts.last(), Some(&3), "{counts:?}");
}

/// Figures with image rows on the screen.
fn figures_on_screen(app: &sahifa::ui::App) -> Vec<(usize, usize)> {
    (0..app.text_height())
        .filter_map(|y| app.lines().get(app.top() + y).and_then(image_row))
        .collect()
}

#[test]
fn files_that_cannot_be_shown_are_labelled_with_why_in_the_reader() {
    let dir_picture = "folder.jpg";
    let pictures: Vec<(&str, Option<Vec<u8>>)> = vec![
        ("missing.jpg", None),
        ("notes.png", Some(b"these are notes".to_vec())),
        ("tall.png", Some(png(1, 8193))),
        ("good.jpg", Some(good_jpeg())),
    ];
    let path = article_with("labels", &pictures);
    let dir = path.parent().expect("the article's directory");
    std::fs::create_dir_all(dir.join(dir_picture)).expect("a directory named like a picture");
    // The article names the directory too.
    let mut article = std::fs::read_to_string(&path).expect("article");
    article.push_str(&format!(
        "![A folder]({dir_picture} \"Caption of a folder\")\n"
    ));
    std::fs::write(&path, article).expect("article written");
    let expected = [
        "[image not found: missing.jpg]",
        "[image not supported: notes.png]",
        "[image too big: tall.png]",
        "[image: good.jpg]",
        "[image unreadable: folder.jpg]",
    ];
    for kind in [ProtocolType::Halfblocks, ProtocolType::Kitty] {
        let mut app = reader(&path, 100, 30, "", kind);
        // Only the good picture has rows.
        assert_eq!(figures_with_rows(&app).len(), 1);
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test terminal");
        let mut seen = String::new();
        for _ in 0..expected.len() {
            app.press(parse_keys("c")[0]);
            seen.push_str(&text(&draw(&mut app, &mut terminal)));
        }
        for label in expected {
            assert!(seen.contains(label), "{kind:?}: {label}\n{seen}");
        }
        assert_eq!(app.figures().decoded(), 1);
    }
    // `print` reads the same directory and says the same; `json` keeps the plain `src`.
    let print = std::process::Command::new(crate::common::bin::sahifa())
        .args(["print", "--width", "100"])
        .arg(&path)
        .output()
        .expect("print runs");
    let printed = String::from_utf8_lossy(&print.stdout);
    for label in expected {
        assert!(printed.contains(label), "print: {label}\n{printed}");
    }
    let json = std::process::Command::new(crate::common::bin::sahifa())
        .arg("json")
        .arg(&path)
        .output()
        .expect("json runs");
    let json = String::from_utf8_lossy(&json.stdout);
    assert!(json.contains("\"src\": \"missing.jpg\"") || json.contains("\"src\":\"missing.jpg\""));
    assert!(!json.contains("not found"), "{json}");
}

#[test]
fn a_picture_that_fails_to_decode_after_opening_keeps_its_rows_and_says_so() {
    let path = article_with("changed", &[("good.jpg", Some(good_jpeg()))]);
    for kind in [ProtocolType::Halfblocks, ProtocolType::Sixel] {
        let picture = path.with_file_name("good.jpg");
        std::fs::write(&picture, good_jpeg()).expect("restored");
        let mut app = reader(&path, 100, 30, "c", kind);
        let rows = image_rows(&app);
        assert!(!rows.is_empty());
        // Damaged after its header was read: a JPEG start, then nothing a decoder can use.
        let mut damaged = good_jpeg();
        damaged.truncate(24);
        std::fs::write(&picture, damaged).expect("damaged");
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test terminal");
        for _ in 0..2 {
            let buf = draw(&mut app, &mut terminal);
            assert_eq!(image_rows(&app), rows, "the page does not move");
            assert!(Sent::read(&buf).is_empty(), "{kind:?}\n{}", text(&buf));
            let first = text(&buf)
                .lines()
                .nth(usize::from(rows[0]))
                .map(str::to_owned);
            assert!(
                first.is_some_and(|row| row.contains("image unreadable")),
                "{kind:?}\n{}",
                text(&buf)
            );
            let halves = text(&buf).matches(['▀', '▄']).count();
            assert_eq!(halves, 0, "{}", text(&buf));
        }
        // Tried once, not at every frame.
        assert_eq!(app.figures().decoded(), 1);
    }
}

#[test]
fn the_terminal_reader_decodes_in_the_background_and_draws_the_picture_when_ready() {
    use clap::Parser;
    use sahifa::cli::Cli;
    use sahifa::load::{self, LoadOptions};
    use sahifa::settings::reader_options;
    use sahifa::source::Source;
    use sahifa::ui::App;
    use sahifa::ui::config::Config;
    use std::time::{Duration, Instant};
    let path = article_with("background", &[("good.jpg", Some(good_jpeg()))]);
    let loaded = load::open(&Source::File(path.clone()), &LoadOptions::default())
        .expect("the article loads");
    let args = Cli::try_parse_from(["sahifa".as_ref(), path.as_os_str()])
        .expect("parses")
        .read;
    let mut options = reader_options(
        &Source::File(path),
        &args,
        &Config::default(),
        &mut Vec::new(),
    );
    // As the terminal reader runs, without the tagger, so that a background result can only
    // be the picture.
    options.background = true;
    options.tagger = None;
    let mut app = App::with_size(loaded.document, options, 100, 30);
    app.press(parse_keys("c")[0]);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test terminal");
    let halves = |buf: &ratatui::buffer::Buffer| text(buf).matches(['▀', '▄']).count();
    // The frame that first shows the figure does not wait for its pixels: the box is blank.
    let rows = image_rows(&app);
    let buf = draw(&mut app, &mut terminal);
    assert_eq!(halves(&buf), 0, "{}", text(&buf));
    assert!(!rows.is_empty());
    let deadline = Instant::now() + Duration::from_secs(20);
    while app.decoding_pictures() {
        assert!(Instant::now() < deadline, "the picture is decoded");
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(app.poll_background(), "a new frame is asked for");
    assert!(!app.poll_background(), "once");
    let buf = draw(&mut app, &mut terminal);
    assert!(halves(&buf) > 100, "{}", text(&buf));
    assert_eq!(image_rows(&app), rows);
    assert_eq!(app.figures().decoded(), 1);
}
