//! The reader on the built-in sample article, drawn into ratatui's TestBackend the way
//! `sahifa shot` does, and driven by key scripts: what lands on which cells, windows of big
//! articles, panels, figures. Whole screens are pinned by the goldens (tests/screenshots.rs).

use clap::Parser;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use sahifa::cli::{Cli, ReadArgs};
use sahifa::load::{self, LoadOptions};
use sahifa::page::Piece;
use sahifa::settings::reader_options;
use sahifa::source::{SAMPLE, SAMPLE_NAME, Source};
use sahifa::theme::{StyleKey, Theme};
use sahifa::ui::config::Config;
use sahifa::ui::{App, parse_keys};
use std::path::Path;

/// The reader's options as `sahifa FILE` gets them with no flags.
fn default_args() -> ReadArgs {
    Cli::try_parse_from(["sahifa", "article.txt"])
        .expect("parses")
        .read
}

fn sample_app(cols: u16, rows: u16) -> App {
    let loaded = load::load_bytes(
        SAMPLE.as_bytes(),
        Path::new(SAMPLE_NAME),
        &LoadOptions::default(),
    )
    .expect("the sample loads");
    let mut messages = Vec::new();
    let options = reader_options(
        &Source::File("article.txt".into()),
        &default_args(),
        &Config::default(),
        &mut messages,
    );
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

#[test]
fn search_matches_are_painted_on_their_cells() {
    let (_, terminal) = screen(100, 30, "/ الرقة Enter");
    let theme = Theme::default();
    let marked = [StyleKey::SearchMatch, StyleKey::SearchCurrent].map(|k| theme.style(k).bg);
    assert!(
        marked.iter().all(Option::is_some),
        "the default theme colours matches"
    );
    let buffer = terminal.backend().buffer();
    let highlighted: Vec<String> = (0..29u16)
        .flat_map(|y| (0..100u16).map(move |x| (x, y)))
        .filter(|(x, y)| marked.contains(&Some(buffer[(*x, *y)].bg)))
        .map(|(x, y)| buffer[(x, y)].symbol().to_owned())
        .collect();
    // Shaped الرقة in visual order is ﺔﻗﺮﻟﺍ: 5 cells per match, all of them highlighted, and
    // the first screen shows the subtitle's and the lead's matches.
    assert!(highlighted.len() >= 10, "{highlighted:?}");
    for word in highlighted.chunks(5) {
        assert_eq!(word.concat(), "ﺔﻗﺮﻟﺍ");
    }
}

/// The sample's body repeated under numbered headings until it is `bytes` long.
fn big_article(bytes: usize) -> String {
    let body: String = SAMPLE.lines().skip(2).collect::<Vec<_>>().join("\n");
    let mut text = String::from("مقالة طويلة\n\nللاختبار\n\n");
    let mut n = 0;
    while text.len() < bytes {
        n += 1;
        text.push_str(&format!("الفصل {n}\n\n{body}\n\n"));
    }
    text
}

/// [`big_article`] loaded.
fn big_document(bytes: usize) -> sahifa::document::Document {
    let text = big_article(bytes);
    load::load_bytes(
        text.as_bytes(),
        Path::new("big.txt"),
        &LoadOptions::default(),
    )
    .expect("loads")
    .document
}

/// The reader's options for `source` with no flags and no config.
fn options_for(source: &Source) -> sahifa::ui::ReaderOptions {
    reader_options(source, &default_args(), &Config::default(), &mut Vec::new())
}

/// A big article read two ways: `windowed` as the terminal reader runs (windows now, the
/// whole page in the background, taken only when polled) and `whole` composed at once.
fn big_apps(bytes: usize) -> (App, App) {
    let doc = big_document(bytes);
    let mut options = options_for(&Source::File("article.txt".into()));
    options.tagger = None; // windows only here; background tagging has its own test
    let whole = App::with_size(doc.clone(), options.clone(), 100, 30);
    options.background = true;
    (App::with_size(doc, options, 100, 30), whole)
}

#[test]
fn capital_y_copies_the_whole_section_from_a_window_as_from_the_whole_page() {
    use sahifa::document::{Block, Document, RichText, Section};
    use sahifa::ui::{Effect, Key};
    // One section of 600 kB: far more than a window holds.
    let paragraph = SAMPLE
        .lines()
        .filter(|l| l.len() > 300)
        .collect::<Vec<_>>()
        .join(" ");
    let blocks = (0..(600 * 1024) / paragraph.len())
        .map(|n| Block::Paragraph(RichText::plain(format!("{n} {paragraph}"))))
        .collect::<Vec<_>>();
    let doc = Document {
        title: "مقالة طويلة".into(),
        sections: vec![Section {
            heading: None,
            level: 1,
            blocks,
        }],
        ..Document::default()
    };
    let mut options = options_for(&Source::File("article.txt".into()));
    options.tagger = None;
    let mut whole = App::with_size(doc.clone(), options.clone(), 100, 30);
    options.background = true;
    let mut windowed = App::with_size(doc, options, 100, 30);
    assert!(windowed.lines().len() < whole.lines().len(), "a window");
    let section = |app: &mut App| match app.press(Key::Char('Y')).as_slice() {
        [Effect::Copy(text)] => text.clone(),
        other => panic!("expected a copy, got {other:?}"),
    };
    let (from_window, from_page) = (section(&mut windowed), section(&mut whole));
    assert!(from_page.len() > 600 * 1024 - paragraph.len());
    assert!(
        from_window == from_page,
        "the window copied {} bytes",
        from_window.len()
    );
}

/// The status row of `app` drawn 100x30.
fn status_row(app: &mut App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("drawn");
    let buffer = terminal.backend().buffer();
    (0..100).map(|x| buffer[(x, 29)].symbol()).collect()
}

#[test]
fn a_big_article_shows_windows_and_measures_its_page_in_the_background() {
    let (mut app, mut whole) = big_apps(600 * 1024);
    assert!(app.composing());
    assert!(app.lines().len() < whole.lines().len() / 10);
    // The window is exactly the start of the page.
    assert_eq!(app.lines()[..50], whole.lines()[..50]);
    // Resizing while measuring shows a window at the new width around the same text.
    for app in [&mut app, &mut whole] {
        app.handle(sahifa::ui::Action::Section(3));
        app.handle(sahifa::ui::Action::Resize(60, 20));
    }
    assert_eq!(app.anchor(), whole.anchor());
    let at = app.top();
    assert_eq!(
        app.lines()[at..at + 19],
        whole.lines()[whole.top()..whole.top() + 19]
    );
    for app in [&mut app, &mut whole] {
        app.handle(sahifa::ui::Action::Resize(100, 30));
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while app.composing() && std::time::Instant::now() < deadline {
        app.poll_background();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(!app.composing(), "the page is measured");
    // The page is never kept whole: the view stays a window, and the measured index gives
    // its line and the page's length as the whole page does.
    assert!(app.lines().len() < whole.lines().len() / 10);
    assert_eq!(app.anchor(), whole.anchor());
    let status = status_row(&mut app);
    assert_eq!(status, status_row(&mut whole));
    assert!(
        status.contains(&format!("/{} ", whole.lines().len())),
        "{status}"
    );
    for key in ["G", "k", "k", "g", "9"] {
        app.press(parse_keys(key)[0]);
        whole.press(parse_keys(key)[0]);
        assert_eq!(status_row(&mut app), status_row(&mut whole), "after {key}");
    }
}

/// The text of the lines in view, piece by piece.
fn view(app: &App) -> Vec<String> {
    let lines = app.lines().iter().skip(app.top()).take(29);
    let text = |piece: &Piece| match piece {
        Piece::Text { line, .. } => line.text.clone(),
        Piece::Decoration { text, .. } => text.clone(),
    };
    lines
        .map(|line| line.pieces.iter().map(text).collect())
        .collect()
}

#[test]
fn every_move_on_a_window_lands_where_it_does_on_the_whole_page() {
    let (mut app, mut whole) = big_apps(600 * 1024);
    let script = "G g 9 ] ] [ c c C Space Space b j k G k k k [ [ g 3 d u \
                  / الفصل Enter n n N G n g N t j j Enter t G Enter";
    for (step, key) in parse_keys(script).into_iter().enumerate() {
        app.press(key);
        whole.press(key);
        assert!(app.composing(), "still a window at step {step}");
        let (a, w) = (view(&app), view(&whole));
        assert_eq!(a, w, "screen after step {step} ({key:?})");
        assert_eq!(app.search().current, whole.search().current, "step {step}");
    }
    assert_eq!(app.search().matches.len(), whole.search().matches.len());
    assert!(
        app.search().matches.len() > 20,
        "every chapter heading matches"
    );
    // Until the line count is known, the status line tells how far by the article's units.
    let sections = app.document().sections.len();
    for (key, percent) in [('G', 99..=99), ('g', 0..=0), ('5', 1..=5 * 100 / sections)] {
        app.press(sahifa::ui::Key::Char(key));
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
        terminal.draw(|f| app.draw(f)).expect("drawn");
        let buffer = terminal.backend().buffer();
        let status: String = (0..100).map(|x| buffer[(x, 29)].symbol()).collect();
        let shown = status.split('~').nth(1).and_then(|s| s.split('%').next());
        let shown = shown.and_then(|n| n.parse::<usize>().ok());
        assert!(
            shown.is_some_and(|n| percent.contains(&n)),
            "{key}: {status}"
        );
        assert!(status.contains("laying out"), "{status}");
        // At the top of the article no section is named yet, as on the whole page.
        assert_eq!(key == 'g', !status.contains('‹'), "{key}: {status}");
    }
}

#[test]
fn the_entity_panel_lists_the_sample_entities_by_type_and_jumps() {
    let (text, _) = screen(100, 30, "E");
    assert!(text.contains("ENTITIES"));
    assert!(text.contains("place ·"), "{text}");
    let mut app = sample_app(100, 30);
    for key in parse_keys("E Down Enter") {
        app.press(key);
    }
    assert_eq!(app.overlay(), sahifa::ui::Overlay::None, "the panel closes");
    let mentions = app.search().matches.clone();
    assert!(mentions.len() > 1, "{mentions:?}");
    let first = app.search().current.expect("at a mention");
    // Each mention, in turn, is brought into view.
    for step in 1..=mentions.len() {
        app.press(sahifa::ui::Key::Char('n'));
        let at = (first + step) % mentions.len();
        assert_eq!(app.search().current, Some(at));
        let spot = &mentions[at];
        let shown = app.lines().iter().skip(app.top()).take(29).any(|line| {
            line.pieces.iter().any(|piece| {
                matches!(piece, Piece::Text { line, source }
                    if *source == spot.source && line.logical.contains(&spot.range.start))
            })
        });
        assert!(shown, "mention {at} in view");
    }
}

#[test]
fn entities_tagged_in_the_background_arrive_with_their_page() {
    let loaded = load::load_bytes(
        SAMPLE.as_bytes(),
        Path::new(SAMPLE_NAME),
        &LoadOptions::default(),
    )
    .expect("the sample loads");
    let mut options = options_for(&Source::File("article.txt".into()));
    options.background = true;
    let mut app = App::with_size(loaded.document, options, 100, 30);
    app.handle(sahifa::ui::Action::Section(2));
    let top = app.anchor();
    assert!(
        app.document().entities.is_empty(),
        "the text shows before the tagger is done"
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while app.composing() && std::time::Instant::now() < deadline {
        app.poll_background();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(!app.document().entities.is_empty());
    assert_eq!(app.anchor(), top, "the reader stays where it was");
    let tagged = app.lines().iter().flat_map(|l| &l.pieces).any(|p| {
        matches!(p, sahifa::page::Piece::Text { line, .. } if line.clusters.iter().any(|c| c.tag.entity.is_some()))
    });
    assert!(tagged, "the page was composed again with entity tags");
}

#[test]
fn the_reader_is_the_default_command_next_to_the_subcommands() {
    let cli = Cli::try_parse_from(["sahifa", "article.md", "--width", "60", "--no-state"])
        .expect("reader options");
    assert!(cli.command.is_none());
    assert_eq!(
        cli.read.source.file.as_deref(),
        Some(Path::new("article.md"))
    );
    assert_eq!(cli.read.width, Some(60));
    assert!(cli.read.no_state);
    let print = Cli::try_parse_from(["sahifa", "print", "article.md"]).expect("print");
    assert!(matches!(
        print.command,
        Some(sahifa::cli::Command::Print(_))
    ));
    let bidi = Cli::try_parse_from(["sahifa", "bidi", "--width", "20"]).expect("bidi");
    assert!(matches!(bidi.command, Some(sahifa::cli::Command::Bidi(_))));
    let piped = Cli::try_parse_from(["sahifa", "-", "--bidi", "terminal"]).expect("stdin");
    assert_eq!(piped.read.text.bidi, Some(sahifa::cli::BidiArg::Terminal));
    assert!(Cli::try_parse_from(["sahifa", "--width", "0"]).is_err());
}

#[test]
fn every_action_on_tiny_screens_and_empty_articles_draws_without_panicking() {
    use sahifa::ui::Action;
    let actions = [
        Action::ScrollLines(3),
        Action::ScrollPages(-2),
        Action::ScrollHalfPages(1),
        Action::Top,
        Action::Bottom,
        Action::NextSection,
        Action::PrevSection,
        Action::Section(9),
        Action::ToggleOutline,
        Action::ScrollLines(1),
        Action::Confirm,
        Action::Click(0, 0),
        Action::NextBox,
        Action::PrevBox,
        Action::StartSearch,
        Action::Type('ا'),
        Action::Confirm,
        Action::NextMatch,
        Action::PrevMatch,
        Action::ToggleEntities,
        Action::ToggleEntityPanel,
        Action::Confirm,
        Action::NextTheme,
        Action::ToggleHelp,
        Action::ScrollLines(40),
        Action::Back,
        Action::Press(0, 0, 1),
        Action::Drag(500, 500),
        Action::Copy,
        Action::Release,
        Action::Press(u16::MAX, u16::MAX, 2),
        Action::Release,
        Action::Press(1, 0, 3),
        Action::CopySection,
        Action::Drag(0, 0),
        Action::Resize(0, 0),
        Action::Copy,
        Action::Bottom,
        Action::Resize(3, 1),
    ];
    let empty = sahifa::document::Document::default();
    let sample = load::load_bytes(
        SAMPLE.as_bytes(),
        Path::new(SAMPLE_NAME),
        &LoadOptions::default(),
    )
    .expect("the sample loads")
    .document;
    for doc in [empty, sample] {
        for (cols, rows) in [(1, 1), (2, 2), (7, 3), (13, 5), (30, 4)] {
            let options = options_for(&Source::File("article.txt".into()));
            let mut app = App::with_size(doc.clone(), options, cols, rows);
            let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("terminal");
            for action in actions {
                app.handle(action);
                terminal.draw(|frame| app.draw(frame)).expect("drawn");
            }
            assert!(!app.should_quit());
        }
    }
}

/// The Arabic Markdown sample in the reader, opened as `sahifa FILE` opens it, after `keys`.
fn khartoum_screen(cols: u16, rows: u16, keys: &str) -> Terminal<TestBackend> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/khartoum-water-ar.md");
    let loaded =
        load::open(&Source::File(path.clone()), &LoadOptions::default()).expect("the sample loads");
    let args = Cli::try_parse_from(["sahifa", path.to_str().unwrap_or_default()])
        .expect("parses")
        .read;
    let mut messages = Vec::new();
    let options = reader_options(
        &Source::File(path),
        &args,
        &Config::default(),
        &mut messages,
    );
    let mut app = App::with_size(loaded.document, options, cols, rows);
    for key in parse_keys(keys) {
        app.press(key);
    }
    let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("test terminal");
    terminal.draw(|frame| app.draw(frame)).expect("drawn");
    terminal
}

/// Rows of the screen between a figure box's top and bottom borders, and the box's columns.
fn figure_box(
    terminal: &Terminal<TestBackend>,
) -> Option<(std::ops::Range<u16>, std::ops::Range<u16>)> {
    let buf = terminal.backend().buffer();
    let area = buf.area;
    let find = |symbol: &str| {
        (0..area.height).find_map(|y| {
            (0..area.width)
                .find(|&x| buf[(x, y)].symbol() == symbol)
                .map(|x| (x, y))
        })
    };
    let (left, top) = find("┌")?;
    let (right, bottom) = find("┘")?;
    Some((top + 1..bottom, left + 1..right))
}

/// Cells in `rows` x `cols` painted by the halfblock image — a half block, or a background
/// the theme did not give the box (compared with the label row's first cell) — and how many
/// of those rows have any.
fn image_cells(
    terminal: &Terminal<TestBackend>,
    rows: std::ops::Range<u16>,
    cols: std::ops::Range<u16>,
) -> (usize, usize) {
    let buf = terminal.backend().buffer();
    let theme_bg = buf[(cols.start, rows.start)].bg;
    let painted = |x: u16, y: u16| {
        let cell = &buf[(x, y)];
        matches!(cell.symbol(), "▀" | "▄") || cell.bg != theme_bg
    };
    let per_row: Vec<usize> = rows
        .map(|y| cols.clone().filter(|&x| painted(x, y)).count())
        .collect();
    (
        per_row.iter().sum(),
        per_row.iter().filter(|&&n| n > 0).count(),
    )
}

#[test]
fn local_figure_image_is_painted_inside_its_box() {
    for (cols, rows, image_rows) in [(100, 30, 12), (50, 20, 12)] {
        let terminal = khartoum_screen(cols, rows, "c");
        let (box_rows, box_cols) = figure_box(&terminal).expect("a figure box on screen");
        let text = terminal.backend().to_string();
        assert!(
            text.contains("[image: images/mogran-station.jpg]"),
            "{text}"
        );
        let (cells, painted_rows) = image_cells(&terminal, box_rows, box_cols);
        // The picture is 192x108 px; the box gives it its proportions with a cell twice as tall
        // as wide, capped at 12 rows, and it is drawn in halfblocks in every one of them.
        assert_eq!(painted_rows, image_rows, "{text}");
        assert!(cells >= image_rows * 20, "only {cells} image cells\n{text}");
    }
}

#[test]
fn figure_without_a_local_image_stays_text() {
    // The second figure names images/pump-hall.jpg, which does not exist.
    let terminal = khartoum_screen(100, 30, "c c");
    let text = terminal.backend().to_string();
    assert!(
        text.contains("[image not found: images/pump-hall.jpg]"),
        "{text}"
    );
    let (box_rows, box_cols) = figure_box(&terminal).expect("a figure box on screen");
    assert_eq!(box_rows.len(), 4, "label, alt, rule, caption\n{text}");
    assert_eq!(image_cells(&terminal, box_rows, box_cols), (0, 0));
}

#[test]
fn figure_scrolled_partly_off_shows_the_rest_of_its_image() {
    // `c` puts the box top on the first row; three lines down hide it, the label and the first
    // image row, and the other eleven image rows stay painted.
    let terminal = khartoum_screen(100, 30, "c j j j");
    let buf = terminal.backend().buffer();
    let (left, rule) = (0..buf.area.height)
        .find_map(|y| {
            (0..buf.area.width)
                .find(|&x| buf[(x, y)].symbol() == "├")
                .map(|x| (x, y))
        })
        .expect("the figure's rule on screen");
    let right = (left + 1..buf.area.width)
        .find(|&x| buf[(x, rule)].symbol() == "┤")
        .expect("the rule's end");
    // Above the rule: the image rows, then the alt text row (the reference background).
    let (_, painted_rows) = image_cells(&terminal, rule - 1..rule, left + 1..right);
    assert_eq!(painted_rows, 0);
    let alt_bg = buf[(left + 1, rule - 1)].bg;
    let painted = (0..rule - 1)
        .filter(|&y| {
            (left + 1..right).any(|x| {
                let cell = &buf[(x, y)];
                matches!(cell.symbol(), "▀" | "▄") || cell.bg != alt_bg
            })
        })
        .count();
    assert_eq!(painted, 11, "{}", terminal.backend());
}

#[test]
fn outline_numbers_read_as_numbers_in_an_rtl_article() {
    let mut text = String::from("# مقالة\n\n");
    for n in 1..=12 {
        text.push_str(&format!("## قسم رقم {n}\n\nنص القسم.\n\n"));
    }
    let doc = load::load_bytes(
        text.as_bytes(),
        Path::new("s12.md"),
        &LoadOptions::default(),
    )
    .expect("loads")
    .document;
    let options = options_for(&Source::File("article.txt".into()));
    let mut app = App::with_size(doc, options, 100, 30);
    app.press(sahifa::ui::Key::Char('t'));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("drawn");
    let buffer = terminal.backend().buffer();
    let rows: Vec<String> = (0..30)
        .map(|y| (0..100).map(|x| buffer[(x, y)].symbol()).collect())
        .collect();
    // Each row ends (on the right, where RTL reading starts) with its marker and number.
    for n in [9, 10, 12] {
        let row = rows
            .iter()
            .find(|r| r.contains(&format!("{n} ﻢﻗﺭ")))
            .expect("listed");
        assert!(
            row.trim_end()
                .trim_end_matches('│')
                .trim_end()
                .ends_with(&format!("{n:>2}")),
            "{row:?}"
        );
    }
    assert!(
        !rows.iter().any(|r| r.contains("21")),
        "no reversed numbers"
    );
}

/// Every theme paints its own background under every cell, panels included, so no theme
/// depends on the terminal's background for contrast.
#[test]
fn every_theme_paints_its_background_on_every_cell() {
    let mut app = sample_app(100, 30);
    for theme in 0..3 {
        for overlay in [None, Some('t'), Some('E'), Some('?')] {
            if let Some(key) = overlay {
                app.press(sahifa::ui::Key::Char(key));
            }
            let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
            terminal.draw(|f| app.draw(f)).expect("drawn");
            let buffer = terminal.backend().buffer();
            // Neither colour is left to the terminal: not the background, and not the ink of
            // any letter (on a panel's background a terminal's own ink may not show).
            let bare = buffer
                .content()
                .iter()
                .filter(|cell| {
                    let ink = cell.symbol().trim().is_empty() || cell.fg != Color::Reset;
                    cell.bg == Color::Reset || !ink || cell.modifier.contains(Modifier::REVERSED)
                })
                .count();
            assert_eq!(bare, 0, "theme {theme}, overlay {overlay:?}");
            if let Some(key) = overlay {
                app.press(sahifa::ui::Key::Char(key));
            }
        }
        app.press(sahifa::ui::Key::Char('T'));
    }
}

#[test]
fn a_50_mb_articles_first_screen_lays_out_only_the_paragraphs_around_it() {
    let doc = big_document(50 << 20);
    let blocks: usize = doc.sections.iter().map(|s| s.blocks.len()).sum();
    let mut options = options_for(&Source::Sample);
    options.tagger = None;
    // Windows as `shot` and the reader compose them; no background work to wait for.
    options.windows = true;
    let before = sahifa::layout::paragraphs_laid_out();
    let mut app = App::with_size(doc, options, 100, 30);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("drawn");
    let laid_out = sahifa::layout::paragraphs_laid_out() - before;
    assert!(blocks > 100_000, "{blocks} blocks");
    assert!(
        (1..=150).contains(&laid_out),
        "{laid_out} of {blocks} paragraphs laid out for the first screen"
    );
    // `G` lays out the end of the article, not what lies between.
    let before = sahifa::layout::paragraphs_laid_out();
    app.press(parse_keys("G")[0]);
    terminal.draw(|f| app.draw(f)).expect("drawn");
    let laid_out = sahifa::layout::paragraphs_laid_out() - before;
    assert!((1..=150).contains(&laid_out), "{laid_out} for G");
    let status = status_row(&mut app);
    assert!(
        status.contains("~99%") || status.contains("~100%"),
        "{status}"
    );
}

#[test]
fn a_big_article_without_background_work_is_tagged_at_the_first_key_that_shows_entities() {
    let doc = big_document(600 * 1024);
    let mut options = options_for(&Source::Sample);
    options.windows = true;
    let mut app = App::with_size(doc, options, 100, 30);
    let top = app.anchor();
    assert!(
        app.document().entities.is_empty(),
        "the first screen does not wait"
    );
    app.press(sahifa::ui::Key::Char('E'));
    assert!(!app.document().entities.is_empty());
    assert_eq!(app.overlay(), sahifa::ui::Overlay::Entities { selected: 0 });
    assert_eq!(app.anchor(), top, "the reader stays where it was");
}

/// The rows of `app` drawn 100x30, without the status row.
fn text_rows(app: &mut App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("drawn");
    let buffer = terminal.backend().buffer();
    (0..29)
        .map(|y| (0..100).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

#[test]
fn a_50_mb_file_shows_its_first_screen_from_its_first_part_alone() {
    let path = std::env::temp_dir().join(format!("sahifa-head-{}.txt", std::process::id()));
    std::fs::write(&path, big_article(50 << 20)).expect("written");
    let head = load::read_head(&path);
    let whole = load::open(&Source::File(path.clone()), &LoadOptions::default());
    let _ = std::fs::remove_file(&path);
    let (head, total) = head.expect("a big file opens lazily");
    assert!(total >= 50 << 20, "{total} bytes");
    assert!(
        head.len() as u64 <= load::HEAD_BYTES,
        "{} bytes read",
        head.len()
    );
    let (first, read) =
        load::parse_head(&head, &path, &LoadOptions::default()).expect("plain text");
    assert!(read <= head.len(), "{read} of {} bytes", head.len());
    let whole = whole.expect("loads").document;
    let paragraphs = |doc: &sahifa::document::Document| -> usize {
        doc.sections.iter().map(|s| s.blocks.len()).sum()
    };
    let (loaded, all) = (paragraphs(&first), paragraphs(&whole));
    assert!(all > 100_000, "{all} blocks in all");
    assert!(
        (30..=1_000).contains(&loaded),
        "{loaded} of {all} blocks loaded before the first frame"
    );
    assert_eq!(
        (&first.title, &first.language, first.direction),
        (&whole.title, &whole.language, whole.direction)
    );
    assert_eq!(first.sections[..3], whole.sections[..3]);
    // The reader shows the same first screen from the first part as from the whole file.
    let app = |doc| {
        let mut options = reader_options(
            &Source::Sample,
            &default_args(),
            &Config::default(),
            &mut Vec::new(),
        );
        (options.tagger, options.windows) = (None, true);
        App::with_size(doc, options, 100, 30)
    };
    assert_eq!(text_rows(&mut app(first)), text_rows(&mut app(whole)));
    // A small file is read whole.
    assert_eq!(load::read_head(Path::new("assets/raqqa-news-ar.txt")), None);
}
