//! `App::handle` for every action, on a hand-built page: a fixture composer that chops ASCII
//! paragraphs into lines of the column width (one cell per character), so the expected line
//! numbers can be worked out by hand.

use super::action::{Action, Key};
use super::app::{App, ReaderOptions};
use super::panel::Overlay;
use crate::document::{Block, Document, Entity, EntityKind, RichText, Section};
use crate::layout::{Cluster, VisualLine};
use crate::page::{BlockRef, LineKind, PageLine, Piece, Tag};
use std::sync::Arc;

fn text_line(text: &str, start: usize) -> VisualLine<Tag> {
    let clusters = text
        .char_indices()
        .map(|(at, c)| Cluster {
            text: at..at + c.len_utf8(),
            width: 1,
            logical: start + at..start + at + c.len_utf8(),
            tag: Tag::default(),
            revealed: false,
        })
        .collect();
    VisualLine {
        text: text.to_owned(),
        clusters,
        width: text.chars().count(),
        logical: start..start + text.len(),
        rtl: false,
    }
}

fn line(kind: LineKind, section: usize, pieces: Vec<Piece>) -> PageLine {
    PageLine {
        pieces,
        kind,
        section,
    }
}

/// Title, then per section: heading, blank, each block's text in `width`-byte chunks, blank.
pub(super) fn fixture_compose(doc: &Document, width: usize) -> Vec<PageLine> {
    let mut lines = vec![line(
        LineKind::Title,
        0,
        vec![Piece::Decoration {
            text: doc.title.clone(),
            width: doc.title.len(),
            tag: Tag::default(),
        }],
    )];
    for (s, section) in doc.sections.iter().enumerate() {
        if let Some(heading) = &section.heading {
            let source = BlockRef {
                section: s,
                block: None,
                part: 0,
            };
            let piece = Piece::Text {
                line: text_line(heading, 0),
                source,
            };
            lines.push(line(LineKind::Heading(s), s, vec![piece]));
            lines.push(line(LineKind::Blank, s, vec![]));
        }
        for (b, block) in section.blocks.iter().enumerate() {
            let source = BlockRef {
                section: s,
                block: Some(b),
                part: 0,
            };
            let text = block.plain_text();
            if let Block::Callout { value, .. } = block {
                let top = Piece::Decoration {
                    text: format!("[{value}]"),
                    width: value.len() + 2,
                    tag: Tag::default(),
                };
                lines.push(line(LineKind::BoxTop, s, vec![top]));
            }
            let mut start = 0;
            while start < text.len() {
                let end = (start + width).min(text.len());
                let chunk = text.get(start..end).unwrap_or("");
                let piece = Piece::Text {
                    line: text_line(chunk, start),
                    source,
                };
                lines.push(line(LineKind::Other, s, vec![piece]));
                start = end;
            }
            lines.push(line(LineKind::Blank, s, vec![]));
        }
    }
    lines
}

fn words(n: usize, word: &str) -> String {
    vec![word; n].join(" ")
}

/// A lead of 100 bytes, then four sections; section 2 has a call-out, section 3 mentions "raqqa".
pub(crate) fn fixture_doc() -> Document {
    let para = |t: String| Block::Paragraph(RichText::plain(t));
    let section = |heading: &str, blocks: Vec<Block>| Section {
        heading: Some(heading.to_owned()),
        level: 1,
        blocks,
    };
    Document {
        title: "Fixture".into(),
        sections: vec![
            Section {
                heading: None,
                level: 1,
                blocks: vec![para(words(20, "lead"))],
            },
            section(
                "One",
                vec![para(words(30, "alpha")), para(words(30, "beta"))],
            ),
            section(
                "Two",
                vec![
                    para(words(10, "gamma")),
                    Block::Callout {
                        value: "28.000".into(),
                        text: RichText::plain("people left"),
                    },
                    para(words(50, "delta")),
                ],
            ),
            section(
                "Three",
                vec![para(format!(
                    "{} raqqa {} Raqqa",
                    words(40, "eps"),
                    words(40, "eps")
                ))],
            ),
            section(
                "Four",
                vec![para(words(40, "zeta")), para("the end, raqqa".into())],
            ),
        ],
        entities: vec![Entity {
            text: "raqqa".into(),
            kind: EntityKind::Place,
            section: 3,
            block: 0,
            start: 160,
            end: 165,
        }]
        .into(),
        ..Document::default()
    }
}

pub(crate) fn options() -> ReaderOptions {
    ReaderOptions::new(Arc::new(fixture_compose))
}

fn app(cols: u16, rows: u16) -> App {
    let mut app = App::new(fixture_doc(), options());
    app.handle(Action::Resize(cols, rows));
    app
}

fn heading_line(app: &App, section: usize) -> usize {
    app.lines()
        .iter()
        .position(|l| l.kind == LineKind::Heading(section))
        .expect("heading on the page")
}

#[test]
fn scrolling_stays_within_the_page() {
    let mut app = app(42, 11); // column 40, 10 text rows
    let max = app.lines().len() - 10;
    app.handle(Action::ScrollLines(-1));
    assert_eq!(app.top(), 0);
    app.handle(Action::ScrollLines(3));
    assert_eq!(app.top(), 3);
    app.handle(Action::ScrollPages(1));
    assert_eq!(app.top(), 3 + 8, "a page keeps two lines of context");
    app.handle(Action::ScrollHalfPages(-1));
    assert_eq!(app.top(), 3 + 8 - 5);
    app.handle(Action::Bottom);
    assert_eq!(app.top(), max);
    app.handle(Action::ScrollPages(1));
    assert_eq!(app.top(), max);
    app.handle(Action::ScrollHalfPages(1));
    assert_eq!(app.top(), max);
    app.handle(Action::Top);
    assert_eq!(app.top(), 0);
    app.handle(Action::ScrollPages(-1));
    assert_eq!(app.top(), 0);
}

#[test]
fn section_keys_put_headings_on_the_top_line() {
    let mut app = app(42, 11);
    app.handle(Action::NextSection);
    assert_eq!(app.top(), heading_line(&app, 1));
    app.handle(Action::NextSection);
    assert_eq!(app.top(), heading_line(&app, 2));
    app.handle(Action::PrevSection);
    assert_eq!(app.top(), heading_line(&app, 1));
    app.handle(Action::PrevSection);
    assert_eq!(app.top(), 0, "before the first heading is the top");
    app.handle(Action::Section(4));
    assert_eq!(
        app.top(),
        heading_line(&app, 4),
        "the last heading reaches the top too"
    );
    app.handle(Action::NextSection);
    assert_eq!(app.top(), heading_line(&app, 4));
    assert_eq!(app.message(), Some("last section"));
    app.handle(Action::Section(3));
    assert_eq!(app.top(), heading_line(&app, 3));
    app.handle(Action::Section(9));
    assert_eq!(app.top(), heading_line(&app, 3));
    assert_eq!(app.message(), Some("no section 9 (there are 4)"));
}

#[test]
fn box_keys_visit_call_outs() {
    let mut app = app(42, 11);
    let callout = app
        .lines()
        .iter()
        .position(|l| l.kind == LineKind::BoxTop)
        .expect("a box");
    app.handle(Action::NextBox);
    assert_eq!(app.top(), callout);
    app.handle(Action::NextBox);
    assert_eq!(app.top(), callout);
    assert!(app.message().is_some());
    app.handle(Action::Bottom);
    app.handle(Action::PrevBox);
    assert_eq!(app.top(), callout);
    app.handle(Action::PrevBox);
    assert_eq!(app.top(), callout);
}

#[test]
fn search_visits_every_match_and_wraps_around() {
    let mut app = app(42, 11);
    for key in "/RAQQA".chars() {
        app.press(Key::Char(key));
    }
    app.press(Key::Enter);
    let matches = app.search().matches.len();
    assert_eq!(matches, 3, "folding ignores case");
    assert_eq!(app.search().current, Some(0));
    let first = app.top();
    assert!(first > heading_line(&app, 3) - 10 && first <= heading_line(&app, 4));
    app.handle(Action::NextMatch);
    app.handle(Action::NextMatch);
    assert_eq!(app.search().current, Some(2));
    app.handle(Action::NextMatch);
    assert_eq!(app.search().current, Some(0));
    assert_eq!(app.message(), Some("search wrapped to the top"));
    app.handle(Action::PrevMatch);
    assert_eq!(app.search().current, Some(2));
    assert_eq!(app.message(), Some("search wrapped to the bottom"));
    // Every match's line is in view once it is the current one.
    let spot = app.search().matches[2].clone();
    let start_line = app
        .lines()
        .iter()
        .position(|l| l.pieces.iter().any(|p| matches!(p, Piece::Text { line, source } if *source == spot.source && line.logical.contains(&spot.range.start))))
        .expect("match on the page");
    assert!((app.top()..app.top() + 10).contains(&start_line));
}

#[test]
fn search_starts_from_the_view_and_reports_misses() {
    let mut app = app(42, 11);
    app.handle(Action::Section(4));
    app.handle(Action::StartSearch);
    "raqqa".chars().for_each(|c| {
        app.handle(Action::Type(c));
    });
    app.handle(Action::Confirm);
    assert_eq!(
        app.search().current,
        Some(2),
        "the first match below the top"
    );
    app.handle(Action::StartSearch);
    "xyzw!".chars().for_each(|c| {
        app.handle(Action::Type(c));
    });
    app.handle(Action::DeleteChar);
    app.handle(Action::Confirm);
    assert!(app.search().matches.is_empty());
    assert_eq!(app.message(), Some("not found: xyzw"));
    app.handle(Action::NextMatch);
    assert_eq!(app.message(), Some("not found: xyzw"));
}

#[test]
fn the_prompt_takes_keys_as_text_and_esc_cancels_it() {
    let mut app = app(42, 11);
    app.press(Key::Char('/'));
    app.press(Key::Char('q'));
    app.press(Key::Char('G'));
    assert_eq!(app.top(), 0);
    assert!(!app.should_quit());
    app.press(Key::Esc);
    assert!(!app.should_quit());
    assert!(app.search().query.is_empty());
    app.press(Key::Char('q'));
    assert!(app.should_quit());
}

#[test]
fn resize_keeps_the_paragraph_at_the_top() {
    let mut app = app(42, 11);
    app.handle(Action::Section(2));
    app.handle(Action::ScrollLines(8)); // inside the "delta" paragraph
    let anchor = app.anchor().expect("text at the top");
    app.handle(Action::Resize(82, 11));
    let top = &app.lines()[app.top()];
    let Some(Piece::Text { line, source }) = top.pieces.first() else {
        panic!("text at the top after a resize");
    };
    assert_eq!(*source, anchor.source);
    assert!(line.logical.contains(&anchor.offset));
    app.handle(Action::Resize(42, 11));
    assert_eq!(app.anchor().map(|a| a.source), Some(anchor.source));
}

#[test]
fn outline_moves_its_selection_and_jumps() {
    let mut app = app(60, 20);
    app.handle(Action::Section(2));
    app.handle(Action::ToggleOutline);
    assert_eq!(
        app.overlay(),
        Overlay::Outline { selected: 1 },
        "opens on the current section"
    );
    app.handle(Action::ScrollLines(1));
    app.handle(Action::ScrollLines(5));
    assert_eq!(app.overlay(), Overlay::Outline { selected: 3 });
    app.handle(Action::ScrollLines(-1));
    app.handle(Action::Confirm);
    assert_eq!(app.overlay(), Overlay::None);
    assert_eq!(app.top(), heading_line(&app, 3));
    app.handle(Action::ToggleOutline);
    app.handle(Action::ToggleOutline);
    assert_eq!(app.overlay(), Overlay::None);
    app.handle(Action::ToggleOutline);
    app.handle(Action::Back);
    assert_eq!(app.overlay(), Overlay::None);
    assert!(!app.should_quit());
}

#[test]
fn a_click_in_the_outline_jumps_to_that_heading() {
    let mut app = app(60, 20);
    app.handle(Action::ToggleOutline);
    // LTR article: the panel is on the left; its rows start under the top border.
    app.handle(Action::Click(3, 2));
    assert_eq!(app.overlay(), Overlay::None);
    assert_eq!(app.top(), heading_line(&app, 2));
    app.handle(Action::ToggleOutline);
    app.handle(Action::Click(59, 2)); // outside the panel: nothing
    assert!(matches!(app.overlay(), Overlay::Outline { .. }));
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = app(50, 20);
    app.handle(Action::ToggleHelp);
    assert_eq!(app.overlay(), Overlay::Help { scroll: 0 });
    app.handle(Action::ScrollLines(2));
    assert_eq!(app.overlay(), Overlay::Help { scroll: 2 });
    app.handle(Action::ToggleHelp);
    assert_eq!(app.overlay(), Overlay::None);
    app.handle(Action::ToggleHelp);
    app.handle(Action::Bottom);
    assert_eq!(
        app.overlay(),
        Overlay::None,
        "a reading key closes the overlay and acts"
    );
    assert!(app.top() > 0);
}

#[test]
fn entity_panel_jumps_to_mentions_and_turns_highlighting_on() {
    let mut app = app(60, 20);
    app.handle(Action::ToggleEntityPanel);
    assert_eq!(app.overlay(), Overlay::Entities { selected: 0 });
    app.handle(Action::ScrollLines(1));
    app.handle(Action::Confirm);
    let spot = app.search().matches[0].clone();
    assert_eq!(spot.source.section, 3);
    let line = app.page.line_of(&spot.source, spot.range.start);
    assert!(
        line.is_some_and(|l| (app.top()..app.top() + 19).contains(&l)),
        "in view"
    );
    assert_eq!(app.overlay(), Overlay::None, "closed, the text in view");
    let mentions = app.search().matches.len();
    assert!(mentions >= 1, "the mentions are what n/N step through");
    assert_eq!(app.search().current, Some(0));
    app.handle(Action::NextMatch);
    assert_eq!(app.search().current, Some(1 % mentions));
    app.handle(Action::ToggleEntities);
    assert_eq!(app.message(), Some("entity highlighting off"));
    app.handle(Action::ToggleEntities);
    assert_eq!(app.message(), Some("entity highlighting on"));
}

#[test]
fn themes_cycle_and_quit_quits() {
    let mut options = options();
    options
        .themes
        .push(crate::theme::Theme::builtin("light").expect("built in"));
    let mut app = App::new(fixture_doc(), options);
    app.handle(Action::NextTheme);
    assert_eq!(app.message(), Some("theme: light"));
    app.handle(Action::NextTheme);
    assert_eq!(app.message(), Some("theme: dark"));
    app.handle(Action::Quit);
    assert!(app.should_quit());
}

#[test]
fn a_remembered_position_is_where_reading_starts() {
    let mut options = options();
    let source = BlockRef {
        section: 2,
        block: Some(2),
        part: 0,
    };
    options.start = Some(super::app::Anchor {
        source,
        offset: 100,
    });
    let mut app = App::new(fixture_doc(), options);
    // Restored at the first real size, not at the provisional one.
    app.handle(Action::Resize(42, 11));
    assert_eq!(app.anchor().map(|a| a.source), Some(source));
    let line = &app.lines()[app.top()];
    assert!(
        matches!(line.pieces.first(), Some(Piece::Text { line, .. }) if line.logical.contains(&100))
    );
}

#[test]
fn in_an_rtl_article_the_outline_sits_on_the_right_and_clicks_there_jump() {
    let mut doc = fixture_doc();
    doc.direction = crate::document::Direction::Rtl;
    let mut app = App::new(doc, options());
    app.handle(Action::Resize(60, 20));
    app.handle(Action::ToggleOutline);
    app.handle(Action::Click(3, 2)); // the left side is text now: nothing happens
    assert!(matches!(app.overlay(), Overlay::Outline { .. }));
    app.handle(Action::Click(57, 3)); // third row of the panel on the right
    assert_eq!(app.overlay(), Overlay::None);
    assert_eq!(app.top(), heading_line(&app, 3));
}

/// The outline (and `1`…`9`) count the headings the page shows: the same sections, in order,
/// for every sample article and for a section whose heading is blank.
#[test]
fn the_outline_lists_the_headings_the_page_shows() {
    let mut articles: Vec<(String, Vec<u8>)> = std::fs::read_dir("assets/samples")
        .expect("samples")
        .filter_map(|entry| entry.ok()?.path().to_str().map(str::to_owned))
        .filter(|path| !path.ends_with("README.md") && !path.ends_with("images"))
        .map(|path| {
            let bytes = std::fs::read(&path).expect("readable");
            (path, bytes)
        })
        .collect();
    let blank = "# Title\n\nlead\n\n## One\n\ntext\n\n##   \n\nmore\n\n## Three\n\nend\n";
    articles.push(("blank.md".into(), blank.into()));
    for (path, bytes) in articles {
        let path = std::path::Path::new(&path);
        let options = crate::load::LoadOptions::default();
        let doc = crate::load::load_bytes(&bytes, path, &options)
            .expect("loads")
            .document;
        let options = ReaderOptions::new(Arc::new(|doc: &Document, width| {
            crate::page::compose(doc, width, &crate::page::PageOptions::default()).lines
        }));
        let app = App::with_size(doc, options, 100, 30);
        let shown: Vec<usize> = app.page.headings.iter().map(|(_, s)| *s).collect();
        assert_eq!(app.outline, shown, "{}", path.display());
        assert!(!shown.is_empty(), "{} has sections", path.display());
    }
}

/// A position a jump left past the plain scrolling limit (a late heading on the top line) is
/// where the reader reopens, and a resize keeps it.
#[test]
fn a_position_past_the_scrolling_limit_is_restored_and_kept() {
    let mut app = app(42, 25);
    while app.message.is_none() {
        app.handle(Action::NextSection);
    }
    let top = app.top();
    assert!(
        top > app.max_top(),
        "the last heading is below the scrolling limit"
    );
    let mut options = options();
    options.start = app.anchor();
    let mut reopened = App::new(fixture_doc(), options);
    reopened.handle(Action::Resize(42, 25));
    assert_eq!(reopened.top(), top);
    reopened.handle(Action::Resize(42, 26));
    assert_eq!(
        reopened.top(),
        top,
        "a taller screen keeps the heading on top"
    );
    app.handle(Action::Top);
    app.handle(Action::ScrollLines(1000));
    let max = app.max_top();
    app.handle(Action::Resize(42, 28));
    assert_eq!(
        app.top(),
        app.max_top(),
        "a scrolled view stays within the limit"
    );
    assert!(app.max_top() < max);
}

/// A match on the last lines is shown with the screen full: the view stops at the plain
/// scrolling limit instead of putting the match a third of the way down an emptier screen.
#[test]
fn a_match_near_the_end_keeps_the_screen_full() {
    let mut app = app(42, 11);
    app.handle(Action::StartSearch);
    "the end".chars().for_each(|c| {
        app.handle(Action::Type(c));
    });
    app.handle(Action::Confirm);
    assert_eq!(app.search().matches.len(), 1);
    assert_eq!(app.top(), app.max_top());
    let spot = app.search().matches[0].clone();
    let line = app
        .page
        .line_of(&spot.source, spot.range.start)
        .expect("shown");
    assert!((app.top()..app.top() + 10).contains(&line));
}

/// At the end of the article a resize keeps the end in view (the last line at the bottom),
/// where elsewhere it keeps the top line's text at the top.
#[test]
fn a_view_at_the_end_stays_at_the_end_across_resizes() {
    let mut app = app(42, 11);
    app.handle(Action::Bottom);
    for (cols, rows) in [(32, 11), (52, 15), (42, 8), (42, 11)] {
        app.handle(Action::Resize(cols, rows));
        assert_eq!(app.top(), app.max_top(), "{cols}x{rows}");
        assert!(app.top() > 0);
    }
    app.handle(Action::Top);
    app.handle(Action::Resize(60, 11));
    assert_eq!(app.top(), 0, "the top stays the top");
}

/// In the outline, `G`/`End` and `g`/`Home` go to its last and first rows; the panel stays.
#[test]
fn outline_top_and_bottom_keys_move_the_selection() {
    let mut app = app(60, 20);
    app.handle(Action::ToggleOutline);
    app.handle(Action::Bottom);
    let last = app.outline.len() - 1;
    assert_eq!(app.overlay(), Overlay::Outline { selected: last });
    app.handle(Action::Top);
    assert_eq!(app.overlay(), Overlay::Outline { selected: 0 });
    app.handle(Action::Bottom);
    app.handle(Action::Confirm);
    assert_eq!(app.overlay(), Overlay::None);
    assert_eq!(app.current_heading(), Some(last));
}

#[test]
fn leaving_and_suspending_are_effects_for_the_loop_and_nothing_else_is() {
    use super::effect::Effect;
    let mut app = app(42, 11);
    assert_eq!(app.press(Key::Char(']')), []);
    assert_eq!(app.press(Key::Char('?')), []);
    // Esc closes the help: no effect; the next Esc leaves.
    assert_eq!(app.press(Key::Esc), []);
    assert_eq!(app.press(Key::Ctrl('z')), [Effect::Suspend]);
    assert!(!app.should_quit(), "suspending is not leaving");
    // The suspend key works in the search prompt too, and is not typed.
    app.press(Key::Char('/'));
    assert_eq!(app.press(Key::Ctrl('z')), [Effect::Suspend]);
    assert_eq!(app.prompt.as_deref(), Some(""));
    assert_eq!(app.press(Key::Ctrl('c')), [Effect::Quit]);
    assert!(app.should_quit());
    let mut app = super::tests::app(42, 11);
    assert_eq!(app.handle(Action::Back), [Effect::Quit]);
}
