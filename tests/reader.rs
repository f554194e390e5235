//! The reader on the built-in sample article, drawn into ratatui's TestBackend the way
//! `sahifa shot` does: whole-screen snapshots after key scripts, at a wide and a narrow size.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use sahifa::cli::ReadArgs;
use sahifa::commands::read::{SAMPLE, SAMPLE_NAME, reader_options};
use sahifa::load::{self, LoadOptions};
use sahifa::ui::config::Config;
use sahifa::ui::{App, parse_keys};
use std::path::Path;

fn sample_app(cols: u16, rows: u16) -> App {
    let loaded = load::load_bytes(SAMPLE.as_bytes(), Path::new(SAMPLE_NAME), &LoadOptions::default())
        .expect("the sample loads");
    let mut messages = Vec::new();
    let options = reader_options(&ReadArgs::default(), &Config::default(), &mut messages);
    assert!(messages.is_empty());
    App::with_size(loaded.document, options, cols, rows)
}

/// The screen after replaying `keys` (a `--keys` script) at `cols` x `rows`.
fn screen(cols: u16, rows: u16, keys: &str) -> (String, Terminal<TestBackend>) {
    let mut app = sample_app(cols, rows);
    for key in parse_keys(keys) {
        app.press(key);
    }
    let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("test terminal");
    terminal.draw(|frame| app.draw(frame)).expect("drawn");
    (terminal.backend().to_string(), terminal)
}

macro_rules! shots {
    ($($name:ident: $keys:expr;)*) => {$(
        #[test]
        fn $name() {
            for (cols, rows) in [(100, 30), (50, 20)] {
                let (text, _) = screen(cols, rows, $keys);
                insta::assert_snapshot!(format!("{}_{cols}x{rows}", stringify!($name)), text);
            }
        }
    )*};
}

shots! {
    first_screen: "";
    after_two_section_jumps: "] ]";
    outline_open: "] ] t";
    search_with_matches: "/ الرقة Enter";
    help_overlay: "?";
}

#[test]
fn search_matches_are_painted_on_their_cells() {
    let (_, terminal) = screen(100, 30, "/ الرقة Enter");
    let buffer = terminal.backend().buffer();
    let reversed: Vec<String> = (0..29u16)
        .flat_map(|y| (0..100u16).map(move |x| (x, y)))
        .filter(|(x, y)| buffer[(*x, *y)].modifier.contains(Modifier::REVERSED))
        .map(|(x, y)| buffer[(x, y)].symbol().to_owned())
        .collect();
    // Shaped الرقة in visual order is ﺔﻗﺮﻟﺍ: 5 cells per match, all of them highlighted.
    assert!(!reversed.is_empty());
    assert_eq!(reversed.len() % 5, 0, "{reversed:?}");
    let first: String = reversed.iter().take(5).map(String::as_str).collect();
    assert_eq!(first, "ﺔﻗﺮﻟﺍ");
}
