//! Reveal mode in the reader: `R` composes the page again with bidi controls and invisible
//! characters shown as labels (or back), keeping the text at the top of the view; an
//! article whose hidden controls change its order says so once, in the status line at start.

use super::app::App;

impl App {
    /// Composes the page again with reveal mode the other way round.
    pub(super) fn toggle_reveal(&mut self) {
        let message = match self.recompose(&|page| page.reveal = !page.reveal) {
            Some(page) => format!("reveal {}", if page.reveal { "on" } else { "off" }),
            None => "reveal is not available here".to_owned(),
        };
        self.message = Some(message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::document::{Block, RichText, Section};
    use crate::page::{PageLine, PageOptions, Piece};
    use crate::ui::action::Action;
    use crate::ui::app::{HIDDEN_WARNING, ReaderOptions};
    use crate::ui::compose::PageCompose;
    use std::sync::Arc;

    fn doc() -> Document {
        Document {
            title: "Title".into(),
            sections: vec![Section {
                heading: None,
                level: 1,
                blocks: vec![Block::Paragraph(RichText::plain(
                    "user \u{202E}nimda\u{202C} admin",
                ))],
            }],
            ..Document::default()
        }
    }

    fn options(reveal: bool) -> ReaderOptions {
        let page = PageOptions {
            reveal,
            ..PageOptions::default()
        };
        ReaderOptions::new(Arc::new(PageCompose(page)))
    }

    fn text(lines: &[PageLine]) -> String {
        let mut out = String::new();
        for line in lines {
            for piece in &line.pieces {
                if let Piece::Text { line, .. } = piece {
                    out.push_str(&line.text);
                }
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn r_shows_the_controls_and_hides_them_again() {
        let mut app = App::new(doc(), options(false));
        app.handle(Action::Resize(60, 10));
        assert_eq!(app.message(), Some(HIDDEN_WARNING));
        assert!(text(app.lines()).contains("user admin admin"));
        app.handle(Action::ToggleReveal);
        assert_eq!(app.message(), Some("reveal on"));
        let shown = text(app.lines());
        assert!(shown.contains("user PDFadminRLO admin"), "{shown}");
        let revealed = app.lines().iter().flat_map(|l| &l.pieces).any(|p| {
            matches!(p, Piece::Text { line, .. } if line.clusters.iter().any(|c| c.tag.revealed))
        });
        assert!(revealed, "the labels carry the reveal style's tag");
        app.handle(Action::ToggleReveal);
        assert_eq!(app.message(), Some("reveal off"));
        assert!(text(app.lines()).contains("user admin admin"));
    }

    #[test]
    fn no_warning_when_the_article_starts_revealed_or_nothing_moves() {
        let app = App::new(doc(), options(true));
        assert_eq!(app.message(), None);
        let mut calm = doc();
        calm.sections[0].blocks = vec![Block::Paragraph(RichText::plain("abc\u{200E} def"))];
        assert_eq!(App::new(calm, options(false)).message(), None);
    }
}
