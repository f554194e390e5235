//! The status line, the reader's bottom row.
//!
//! Layout follows the article's reading direction. For an LTR article: title › section on the
//! left, then modes, position and `? help` on the right. For an RTL article the row is mirrored:
//! title ‹ section on the right (where the eye starts), `? help`, position and modes on the
//! left. The title and section are one paragraph laid out by the engine with the article's base
//! direction, so an Arabic title is shaped and reordered like the text and the separator is
//! mirrored with it; each part is cut at a word with `…` to fit.
//!
//! Position reads like vim and less: `Top` when the first line is shown, `Bot` when the last
//! is, `All` when both are, otherwise the share of the lines off-screen that lie above the
//! view (0% would be the top, 100% the bottom); then the top line's number and the total.

use super::app::App;
use super::paint;
use crate::document::Direction;
use crate::layout::{self, DirectionMode, LayoutOptions, TagSpan};
use crate::page::{Opening, embed, for_left_to_right_row};
use crate::theme::StyleKey;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

/// Where the view is in the article: `Top`, `Bot`, `All` or a percentage (see the module docs).
pub fn position_label(top: usize, height: usize, total: usize) -> String {
    let below = total.saturating_sub(top.saturating_add(height));
    match (top, below) {
        (0, 0) => "All".to_owned(),
        (0, _) => "Top".to_owned(),
        (_, 0) => "Bot".to_owned(),
        _ => format!("{}%", top * 100 / (top + below)),
    }
}

pub use super::paint::clip;

impl App {
    /// The bottom row: a search prompt while typing; else title and section (or a message) on
    /// the reading-start side and modes, position and help hint on the other.
    pub(super) fn render_status(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme();
        let style = theme.style(StyleKey::Status);
        let y = area.bottom() - 1;
        paint::fill(buf, area.left(), y, area.right(), style);
        if let Some(prompt) = &self.prompt {
            // The caret marks where the next letter goes: after an LTR query, and at the left
            // of an RTL one, which grows leftwards.
            let x = paint::plain(buf, area.x, y, area.right(), " /", style);
            let room = usize::from(area.right() - x).saturating_sub(1);
            let (query, rtl) = paint::short_text(prompt, room, self.options.reorder);
            if rtl {
                let x = paint::plain(buf, x, y, area.right(), "▏", style);
                paint::reader_line(buf, x, y, area.right(), &query, self.embedding(), style);
            } else {
                let end = paint::visual_line(buf, x, y, area.right(), &query, |_| style);
                paint::plain(buf, end, y, area.right(), "▏", style);
            }
            return;
        }
        let rtl = self.doc.direction == Direction::Rtl;
        let mut parts = self.status_parts();
        if rtl {
            // Mirrored: the help hint at the far (left) end, its bar facing the rest.
            parts.reverse();
            if let Some(help) = parts.first_mut() {
                help.0 = " ? help │".to_owned();
            }
        }
        let parts_width: usize = parts.iter().map(|(text, _)| text.width()).sum();
        let parts_width = u16::try_from(parts_width)
            .unwrap_or(u16::MAX)
            .min(area.width);
        // The parts take the end side; the title gets the rest, less a cell of margin each side.
        let (parts_x, free) = if rtl {
            (area.x, Rect::new(area.x + parts_width, y, 0, 1))
        } else {
            let x = area.right() - parts_width;
            (x, Rect::new(area.x, y, 0, 1))
        };
        let free = Rect {
            width: area.width - parts_width,
            ..free
        };
        let mut x = parts_x;
        for (text, key) in &parts {
            x = paint::plain(buf, x, y, area.right(), text, theme.style(*key));
        }
        let budget = usize::from(free.width.saturating_sub(2));
        if budget == 0 {
            return;
        }
        let (text, title_end) = match &self.message {
            Some(message) => (clip(message, budget), 0),
            None => self.title_and_section(budget),
        };
        // The title follows the article's direction; a message is the reader's own (English)
        // sentence, read left to right even when it quotes Arabic or Hebrew.
        let options = LayoutOptions {
            width: None,
            direction: if rtl && self.message.is_none() {
                DirectionMode::Rtl
            } else {
                DirectionMode::Ltr
            },
            reorder: self.options.reorder,
            ..LayoutOptions::default()
        };
        let tags = [TagSpan {
            range: 0..title_end,
            tag: true,
        }];
        let mut laid = layout::layout_paragraph(&text, &tags, &options);
        let embedding = self.embedding().filter(|_| rtl);
        if let (Some(mirror), Some(line)) = (embedding, laid.lines.first_mut().filter(|l| l.rtl)) {
            // Reversed in place, the title keeps its end neutrals and its brackets only
            // embedded (page::frame), the RLE on the cell before it.
            embed(line, Opening::Before, mirror);
        }
        let mlterm = self.options.terminal == crate::page::ReorderingTerminal::Mlterm;
        if let Some(line) = laid.lines.first_mut().filter(|l| l.rtl)
            && mlterm
            && !self.options.reorder
        {
            // mlterm reads this row left to right ("? help" leads it); controls would cost
            // it a column each (see page::frame), so the title is written for that reading.
            for_left_to_right_row(line);
        }
        let Some(line) = laid.lines.first() else {
            return;
        };
        let width = u16::try_from(line.width).unwrap_or(u16::MAX);
        let start = if rtl {
            (free.right() - 1).saturating_sub(width).max(free.x)
        } else {
            free.x + 1
        };
        if embedding.is_some() && line.rtl {
            paint::plain(buf, start, y, free.right(), "\u{202B}", style);
        }
        let message_style = theme.style(StyleKey::StatusMode);
        let title_style = style.add_modifier(Modifier::BOLD);
        paint::visual_line(buf, start, y, free.right(), line, |i| {
            match (&self.message, line.clusters.get(i).is_some_and(|c| c.tag)) {
                (Some(_), _) => message_style,
                (None, true) => title_style,
                (None, false) => style,
            }
        });
    }

    /// The title and the current section as one logical string fitting `budget` cells, and
    /// the byte length of the title part (the part painted bold).
    fn title_and_section(&self, budget: usize) -> (String, usize) {
        // The separator points the way the eye moves; the engine mirrors it in an RTL line,
        // so the logical text always holds the LTR form.
        const SEPARATOR: &str = " › ";
        let Some(section) = self.section_name() else {
            let title = clip(&self.doc.title, budget);
            let len = title.len();
            return (title, len);
        };
        let room = budget.saturating_sub(SEPARATOR.width());
        let title_room = (room / 2).max(room.saturating_sub(section.trim().width()));
        let title = clip(&self.doc.title, title_room);
        let section = clip(&section, room.saturating_sub(title.width()));
        let len = title.len();
        if section.is_empty() {
            return (title, len);
        }
        (format!("{title}{SEPARATOR}{section}"), len)
    }

    fn section_name(&self) -> Option<String> {
        let section = self.outline.get(self.current_heading()?)?;
        self.doc.sections.get(*section)?.heading.clone()
    }

    /// Modes (styled as modes), position and help hint, in LTR order.
    fn status_parts(&self) -> Vec<(String, StyleKey)> {
        let mut parts = Vec::new();
        let mode = |text: &str| (format!(" {text} "), StyleKey::StatusMode);
        if let Some(name) = self.overlay().mode() {
            parts.push(mode(name));
        }
        if !self.search.matches.is_empty() {
            let at = self.search.current.map_or(0, |i| i + 1);
            parts.push(mode(&format!("SEARCH {at}/{}", self.search.matches.len())));
        }
        if self.entities_on {
            parts.push(mode("entities"));
        }
        let measuring = if self.pending.is_some() {
            "laying out… "
        } else {
            ""
        };
        let position = if let Some((top, total)) = self.page_position() {
            let label = position_label(top, self.text_height(), total);
            format!(" {label} {}/{total} ", (top + 1).min(total))
        } else if let Some(percent) = self.window_percent() {
            format!(" ~{percent}% {measuring}")
        } else {
            format!(" {measuring}")
        };
        parts.push((position, StyleKey::Status));
        parts.push(("│ ? help ".to_owned(), StyleKey::Status));
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::super::action::Action;
    use super::super::tests::{fixture_doc, options};
    use super::*;

    /// The status row of `app` drawn at its size, cell symbols joined.
    fn status_row(app: &App) -> String {
        let (cols, rows) = (120, 12);
        let area = Rect::new(0, 0, cols, rows);
        let mut buf = Buffer::empty(area);
        app.render(area, &mut buf);
        (0..cols)
            .filter_map(|x| buf.cell((x, rows - 1)).map(|c| c.symbol().to_owned()))
            .collect()
    }

    fn app_with(title: &str, direction: Direction) -> App {
        let mut doc = fixture_doc();
        doc.title = title.to_owned();
        doc.direction = direction;
        doc.sections[1].heading = Some("تحرير الرقة".to_owned());
        let mut app = App::new(doc, options());
        app.handle(Action::Resize(120, 12));
        app
    }

    #[test]
    fn ltr_article_has_title_left_and_help_right() {
        let mut app = app_with("Fixture", Direction::Ltr);
        let row = status_row(&app);
        assert!(row.starts_with(" Fixture "), "{row:?}");
        assert!(row.contains(" Top 1/"), "{row:?}");
        assert!(row.ends_with("│ ? help "), "{row:?}");
        app.handle(Action::NextSection);
        let row = status_row(&app);
        assert!(row.starts_with(" Fixture › "), "{row:?}");
    }

    #[test]
    fn rtl_article_has_title_right_and_help_left() {
        let title = "مقتل 22 عنصراً";
        let mut app = app_with(title, Direction::Rtl);
        let row = status_row(&app);
        assert!(row.starts_with(" ? help │ Top 1/"), "{row:?}");
        let (shown, _) = paint::short_text(title, 100, true);
        assert!(row.ends_with(&format!("{} ", shown.text)), "{row:?}");
        app.handle(Action::NextSection);
        let row = status_row(&app);
        // Reading from the right: the title, the mirrored separator, the section.
        let (section, _) = paint::short_text("تحرير الرقة", 100, true);
        let expected = format!("{} ‹ {} ", section.text, shown.text);
        assert!(row.ends_with(&expected), "{row:?}");
        assert!(!row.contains('›'));
    }

    #[test]
    fn messages_read_left_to_right_in_an_rtl_article() {
        let mut app = app_with("مقتل 22 عنصراً", Direction::Rtl);
        app.handle(Action::NextMatch);
        let row = status_row(&app);
        assert!(row.ends_with(" no search yet: press / "), "{row:?}");
        app.handle(Action::StartSearch);
        "زzz".chars().for_each(|c| {
            app.handle(Action::Type(c));
        });
        app.handle(Action::Confirm);
        let row = status_row(&app);
        assert!(row.ends_with(" not found: ﺯzz "), "{row:?}");
    }

    #[test]
    fn the_prompt_caret_follows_the_query_direction() {
        let mut app = app_with("Fixture", Direction::Ltr);
        app.handle(Action::StartSearch);
        "abc".chars().for_each(|c| {
            app.handle(Action::Type(c));
        });
        assert!(status_row(&app).starts_with(" /abc▏ "));
        app.handle(Action::Back);
        app.handle(Action::StartSearch);
        "الرقة".chars().for_each(|c| {
            app.handle(Action::Type(c));
        });
        let (shown, _) = paint::short_text("الرقة", 100, true);
        let row = status_row(&app);
        assert!(row.starts_with(&format!(" /▏{} ", shown.text)), "{row:?}");
    }

    #[test]
    fn position_reads_top_bottom_all_and_share_above() {
        assert_eq!(position_label(0, 29, 102), "Top");
        assert_eq!(position_label(73, 29, 102), "Bot");
        assert_eq!(position_label(90, 29, 102), "Bot");
        assert_eq!(position_label(0, 29, 20), "All");
        assert_eq!(position_label(0, 29, 0), "All");
        // 10 lines above, 63 below.
        assert_eq!(position_label(10, 29, 102), "13%");
        assert_eq!(position_label(72, 29, 102), "98%");
    }

    #[test]
    fn clip_cuts_at_a_word_and_marks_the_cut() {
        assert_eq!(clip("تحرير الرقة", 20), "تحرير الرقة");
        assert_eq!(clip("مقتل 22 عنصراً من داعش", 12), "مقتل 22…");
        assert!(clip("مقتل 22 عنصراً من داعش", 12).width() <= 12);
        assert_eq!(clip("abc", 1), "…");
        assert_eq!(clip("abc", 0), "");
    }
}
