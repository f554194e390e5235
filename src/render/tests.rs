use super::ansi::{Styling, line_text, sgr};
use super::*;
use crate::document::{Block, Direction, Document, Section};
use crate::page::{PageOptions, Unit, compose};
use ratatui::style::{Color, Modifier};

fn one_paragraph(text: &str) -> Document {
    Document {
        title: "T".into(),
        direction: Direction::Ltr,
        sections: vec![Section {
            heading: None,
            level: 1,
            blocks: vec![Block::Paragraph(text.into())],
        }],
        ..Document::default()
    }
}

/// The output with every SGR sequence sahifa writes (`ESC [ digits;… m`) removed.
fn without_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\x1b[") {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i + 2..).unwrap_or("");
        let params = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(after.len());
        if after.get(params..).is_some_and(|t| t.starts_with('m')) {
            rest = after.get(params + 1..).unwrap_or("");
        } else {
            // Not ours: keep the ESC so the assertion below sees it.
            out.push('\x1b');
            rest = rest.get(i + 1..).unwrap_or("");
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn escape_sequences_in_an_article_never_reach_the_terminal() {
    let doc = one_paragraph("before \x1b[2J\x1b]0;owned\x07 after \u{9b}31m end");
    let page = compose(&doc, 37, &PageOptions::default());
    let theme = Theme::default();
    for styling in [Styling::Plain, Styling::Ansi { entities: true }] {
        let out: String = page
            .lines
            .iter()
            .map(|l| line_text(l, &theme, styling, &no_overlay) + "\n")
            .collect();
        let bare = without_sgr(&out);
        assert!(!bare.contains('\x1b'), "{bare:?}");
        assert!(
            !bare.contains('\x07') && !bare.contains('\u{9b}'),
            "{bare:?}"
        );
        assert!(bare.contains('␛') && bare.contains("[2J"), "{bare:?}");
        assert!(bare.contains("before") && bare.contains("end"), "{bare:?}");
    }
}

#[test]
fn sgr_covers_modifiers_named_and_rgb_colours() {
    let style = Style::default()
        .fg(Color::Rgb(1, 2, 3))
        .bg(Color::LightBlue)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    assert_eq!(sgr(style), "1;4;38;2;1;2;3;104");
    assert_eq!(sgr(Style::default()), "");
    assert_eq!(sgr(Style::default().fg(Color::Indexed(208))), "38;5;208");
}

#[test]
fn plain_lines_drop_trailing_padding_and_ansi_lines_reset() {
    let doc = Document {
        sections: vec![Section {
            heading: None,
            level: 1,
            blocks: vec![Block::Code {
                language: None,
                text: "x = 1".into(),
            }],
        }],
        ..Document::default()
    };
    let page = compose(&doc, 17, &PageOptions::default());
    let theme = Theme::default();
    let code = &page.lines[0];
    assert_eq!(
        line_text(code, &theme, Styling::Plain, &no_overlay),
        " x = 1"
    );
    let ansi = line_text(code, &theme, Styling::Ansi { entities: false }, &no_overlay);
    assert!(ansi.ends_with("\x1b[0m"), "{ansi:?}");
    assert!(ansi.contains(&format!("\x1b[{}m", sgr(theme.style(StyleKey::Code)))));
    assert_eq!(without_sgr(&ansi), format!(" x = 1{}", " ".repeat(11)));
}

#[test]
fn runs_merge_equal_styles_and_overlays_mark_logical_ranges() {
    let doc = one_paragraph("find the word here");
    let page = compose(&doc, 37, &PageOptions::default());
    let theme = Theme::default();
    let first = page.line_of(Unit::Block {
        section: 0,
        block: 0,
    });
    let line = &page.lines[first.expect("paragraph on the page")];
    assert_eq!(runs(line, &theme, false, &no_overlay).len(), 1);
    // "word" is bytes 9..13 of the paragraph.
    let search = |_: &BlockRef, r: &Range<usize>| {
        (r.start >= 9 && r.end <= 13).then_some(StyleKey::SearchMatch)
    };
    let marked = runs(line, &theme, false, &search);
    let texts: Vec<&str> = marked.iter().map(|r| r.text.as_ref()).collect();
    assert_eq!(texts, ["find the ", "word", " here"]);
    assert_eq!(marked[1].style.bg, theme.style(StyleKey::SearchMatch).bg);
    let ratatui_line = to_line(line, &theme, false, &search);
    assert_eq!(ratatui_line.spans.len(), 3);
    assert_eq!(ratatui_line.width(), 18);
}

#[test]
fn printed_text_paints_no_page() {
    let doc = one_paragraph("plain body text, then more of it");
    let page = compose(&doc, 37, &PageOptions::default());
    for name in crate::theme::BUILTIN {
        let theme = Theme::builtin(name).expect("built-in");
        let mut out = Vec::new();
        ansi::write_page(&mut out, &page, &theme, Styling::Ansi { entities: true })
            .expect("written to memory");
        let out = String::from_utf8_lossy(&out);
        let paper = theme
            .style(StyleKey::Page)
            .bg
            .and_then(|c| ansi::color(c, true));
        let paper = paper.expect("every built-in theme has a page background");
        // The background is the last SGR parameter `sgr` writes.
        let painted = out
            .split("\x1b[")
            .filter_map(|seq| seq.split_once('m').map(|(params, _)| params))
            .any(|params| params == paper || params.ends_with(&format!(";{paper}")));
        assert!(!painted, "{name}: {out:?}");
        // Body text is the terminal's own ink on its own background: no SGR at all.
        let body = out
            .lines()
            .find(|l| l.contains("plain body"))
            .expect("printed");
        assert!(!body.contains('\x1b'), "{name}: {body:?}");
    }
}
