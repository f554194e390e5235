//! Links as OSC 8 hyperlinks: `print` on a terminal (or `--hyperlinks always`) and the reader
//! write each link run once, wrapped in `ESC ] 8 ; ; URL ESC \` … `ESC ] 8 ; ; ESC \`, with the
//! cells exactly as without them; a URL holding a control or invisible character, or one that
//! is not http(s) or mailto, is never written; `never` (or a pipe) writes none.

mod common;

use common::pty::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use sahifa::ui::App;
use std::path::PathBuf;
use std::process::Command;

const OPEN: &str = "\u{1b}]8;;";
const CLOSE: &str = "\u{1b}]8;;\u{1b}\\";
const ARABIC_URL: &str = "https://ar.example/%D8%A7%D9%84%D8%B1%D9%82%D8%A9";
const ENGLISH_URL: &str = "https://en.example/page";

/// An article with two good links and three hostile ones.
fn article(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sahifa-hyperlinks-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join("links.md");
    let text = "# روابط المقال\n\n\
        قرأنا [التقرير الكامل](https://ar.example/الرقة) ثم [the English page](https://en.example/page) بعد ذلك.\n\n\
        وهنا [رابط خبيث](<https://x.example/a\u{1b}]8;;http://evil.example/\u{7}>) و\
        [رابط مقلوب](<https://x.example/\u{202e}gpj.exe>) و[نص برمجي](javascript:alert(1)) في النهاية.\n";
    std::fs::write(&path, text).expect("article written");
    path
}

fn print(path: &PathBuf, flags: &[&str]) -> String {
    let out = Command::new(common::bin::sahifa())
        .arg("print")
        .arg(path)
        .args(["--color", "always", "--width", "70"])
        .args(flags)
        .env_remove("NO_COLOR")
        .output()
        .expect("sahifa runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// `text` without sahifa's OSC 8 sequences and SGR colours: what the cells show.
fn cells_of(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some((before, tail)) = rest.split_once('\u{1b}') {
        out.push_str(before);
        let end = if let Some(link) = tail.strip_prefix("]8;;") {
            link.split_once("\u{1b}\\").map(|(_, after)| after)
        } else if let Some(sgr) = tail.strip_prefix('[') {
            sgr.split_once('m').map(|(_, after)| after)
        } else {
            None
        };
        let Some(after) = end else {
            panic!("an escape sahifa does not write: {tail:?}");
        };
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The URLs of the OSC 8 sequences opened in `text`, in order.
fn opened(text: &str) -> Vec<String> {
    text.split(OPEN)
        .skip(1)
        .filter_map(|after| after.split_once("\u{1b}\\").map(|(url, _)| url))
        .filter(|url| !url.is_empty())
        .map(str::to_owned)
        .collect()
}

#[track_caller]
fn assert_only_the_good_links(text: &str) {
    // In visual order: the line reads right to left, so the English link is left of the
    // Arabic one.
    assert_eq!(opened(text), [ENGLISH_URL, ARABIC_URL], "{text:?}");
    assert_eq!(text.matches(CLOSE).count(), 2, "each run closed once");
    assert!(!text.contains("evil.example/\u{7}"), "{text:?}");
    assert!(!text.contains('\u{7}') && !text.contains('\u{202e}'));
}

#[test]
fn print_writes_each_link_run_once_and_the_same_cells() {
    let path = article("print");
    let linked = print(&path, &["--hyperlinks", "always"]);
    assert_only_the_good_links(&linked);
    let plain = print(&path, &["--hyperlinks", "never"]);
    assert!(!plain.contains("\u{1b}]"), "{plain:?}");
    assert_eq!(cells_of(&linked), cells_of(&plain));
    // To a pipe, `auto` writes none (even with colours asked for).
    let piped = print(&path, &[]);
    assert!(!piped.contains("\u{1b}]"), "{piped:?}");
    // A link wrapped over two lines is two runs, each opened and closed on its line.
    let narrow = Command::new(common::bin::sahifa())
        .arg("print")
        .arg(&path)
        .args([
            "--color",
            "always",
            "--width",
            "12",
            "--hyperlinks",
            "always",
        ])
        .output()
        .expect("sahifa runs");
    let narrow = String::from_utf8(narrow.stdout).expect("UTF-8");
    for line in narrow.lines() {
        assert_eq!(
            line.matches(OPEN).count(),
            2 * line.matches(CLOSE).count(),
            "every run closed on its own line: {line:?}"
        );
    }
    assert!(
        opened(&narrow).len() > 2,
        "the wrapped links make more runs: {narrow:?}"
    );
}

/// The bytes ratatui sends for `buffer` drawn over an empty screen.
fn sent(buffer: &Buffer) -> String {
    let mut bytes = Vec::<u8>::new();
    let empty = Buffer::empty(buffer.area);
    CrosstermBackend::new(&mut bytes)
        .draw(empty.diff(buffer).into_iter())
        .expect("drawn into memory");
    String::from_utf8(bytes).expect("UTF-8")
}

fn reader_frame(path: &std::path::Path, hyperlinks: bool) -> Buffer {
    let args = common::shot::parsed(path.to_str().expect("a UTF-8 path"), &[]);
    let source = sahifa::source::Source::File(path.into());
    let config = sahifa::ui::config::Config::default();
    let mut messages = Vec::new();
    let mut options = sahifa::settings::reader_options(&source, &args.read, &config, &mut messages);
    options.hyperlinks = hyperlinks;
    let doc = sahifa::load::open(&source, &sahifa::load::LoadOptions::default())
        .expect("loaded")
        .document;
    let app = App::with_size(doc, options, 80, 24);
    let area = Rect::new(0, 0, 80, 24);
    let mut buffer = Buffer::empty(area);
    app.render(area, &mut buffer);
    buffer
}

#[test]
fn the_reader_sends_each_link_run_once_and_the_screen_is_unchanged() {
    let path = article("reader");
    let linked = sent(&reader_frame(&path, true));
    assert_only_the_good_links(&linked);
    let plain = sent(&reader_frame(&path, false));
    assert!(!plain.contains("\u{1b}]"));
    // Played through a terminal that ignores OSC 8, both show the same cells.
    let screen = |bytes: &str| {
        let mut parser = vt100::Parser::new(
            std::num::NonZeroU16::new(24).expect("rows"),
            std::num::NonZeroU16::new(80).expect("columns"),
            0,
        );
        parser.process(bytes.as_bytes());
        parser.screen().contents()
    };
    assert_eq!(screen(&linked), screen(&plain));
    assert!(screen(&linked).contains("the English page"));
}

#[test]
fn the_reader_in_a_vte_writes_hyperlinks_and_in_xterm_none() {
    let path = article("pty");
    let file = path.to_str().expect("a UTF-8 path");
    let dir = path
        .parent()
        .expect("its directory")
        .to_str()
        .expect("UTF-8");
    let clean = [
        ("XDG_CONFIG_HOME", dir),
        ("XDG_STATE_HOME", dir),
        ("KITTY_WINDOW_ID", ""),
        ("WEZTERM_EXECUTABLE", ""),
        ("WEZTERM_PANE", ""),
        ("TERM_PROGRAM", ""),
        ("KONSOLE_VERSION", ""),
        ("WT_SESSION", ""),
        ("TERMINAL_EMULATOR", ""),
        ("TMUX", ""),
        ("STY", ""),
    ];
    for (vte, expected) in [("7600", true), ("", false)] {
        let mut env = clean.to_vec();
        env.push(("VTE_VERSION", vte));
        let mut term =
            Terminal::spawn_with_env(common::bin::sahifa(), &[file, "--no-state"], &env, 80, 24)
                .expect("terminal starts");
        term.wait_until("the article", std::time::Duration::from_millis(300), |s| {
            s.contents().contains("the English page")
        })
        .expect("the reader shows the article");
        term.send_keys("q").expect("q sent");
        let _ = term.wait_exit();
        let raw = String::from_utf8_lossy(term.raw()).into_owned();
        let urls = opened(&raw);
        if expected {
            assert!(urls.iter().any(|u| u == ARABIC_URL), "{urls:?}");
            assert!(
                urls.iter().all(|u| u == ARABIC_URL || u == ENGLISH_URL),
                "{urls:?}"
            );
            assert_eq!(
                raw.matches(OPEN).count(),
                2 * urls.len(),
                "each opened one closed"
            );
        } else {
            assert!(!raw.contains(OPEN), "no OSC 8 in xterm");
        }
        assert!(!raw.contains("evil.example/\u{7}"));
    }
}
