//! The blocks of a section: paragraphs, quotes, lists, code, call-outs, figures and rules.
//!
//! Each block knows its reading side — its own direction, or for quotes, lists and boxes the
//! direction of its text — and puts its bar, markers and text there. Numbered lists use the
//! digits their own items use most (Arabic-Indic ٠–٩, Persian ۰–۹, else Western 0–9), so a list
//! reads in the article's own numerals; an RTL marker reads number first (screen ".١٢").

use super::compose::Composer;
use super::frame::{Frame, deco, place, repeat, spaces};
use super::sources::{attribution_line, code_text};
use super::tags::tag_spans;
use super::{BlockRef, LineKind, Piece, Role, Tag};
use crate::document::{Block, RichText};
use crate::layout::{DirectionMode, ParagraphLayout};
use unicode_width::UnicodeWidthStr;

pub(super) type Lines = Vec<(Vec<Piece>, LineKind)>;

/// The quote bar, drawn on the reading-start side.
const QUOTE_BAR: &str = "┃";
const BULLET: &str = "•";

impl Composer<'_> {
    pub(super) fn block(&self, section: usize, block: usize, width: usize) -> Lines {
        let Some(b) = self
            .document()
            .sections
            .get(section)
            .and_then(|s| s.blocks.get(block))
        else {
            return Vec::new();
        };
        let src = |part| BlockRef::block(section, block, part);
        match b {
            Block::Paragraph(text) => {
                let ents = self.entities_of(section, block, &[&text.text]);
                let layout = self.rich(&text.text, Role::Body, &text.spans, &ents[0], width);
                self.placed(layout, src(0), width, LineKind::Other)
            }
            Block::Quote { text, attribution } => {
                self.quote(section, block, text, attribution.as_deref(), width)
            }
            Block::List { ordered, items } => self.list(section, block, *ordered, items, width),
            Block::Code { text, .. } => self.code(text, src(0), width),
            Block::Callout { value, text } => self.callout(section, block, value, text, width),
            Block::Figure {
                src: s,
                alt,
                caption,
            } => self.figure(section, block, s, alt, caption, width),
            Block::Table { header, rows } => self.table(section, block, *header, rows, width),
            Block::Rule => {
                let n = (width / 3).max(1);
                let pieces = spaces((width - n) / 2, Role::Body)
                    .into_iter()
                    .chain(repeat('─', n, Role::Rule))
                    .collect();
                vec![(pieces, LineKind::Other)]
            }
        }
    }

    fn quote(
        &self,
        section: usize,
        block: usize,
        text: &RichText,
        attribution: Option<&str>,
        width: usize,
    ) -> Lines {
        let ents = self.entities_of(section, block, &[&text.text]);
        let barred = width >= 4;
        let inner = if barred { width - 2 } else { width };
        let body = self.rich(&text.text, Role::Quote, &text.spans, &ents[0], inner);
        let rtl = if text.text.trim().is_empty() {
            self.article_rtl()
        } else {
            body.rtl
        };
        let mut layouts = vec![(body, BlockRef::QUOTE_TEXT)];
        if let Some(a) = attribution.filter(|a| !a.trim().is_empty()) {
            let line = attribution_line(a);
            let layout = self.rich(&line, Role::Attribution, &[], &[], inner);
            layouts.push((layout, BlockRef::QUOTE_ATTRIBUTION));
        }
        let mut out = Vec::new();
        for (layout, part) in layouts {
            for line in layout.lines {
                let text = place(
                    line,
                    BlockRef::block(section, block, part),
                    inner,
                    rtl,
                    None,
                );
                let pieces = match (barred, rtl) {
                    (false, _) => text,
                    (true, true) => text
                        .into_iter()
                        .chain(spaces(1, Role::Quote))
                        .chain([deco(QUOTE_BAR, Role::QuoteBar)])
                        .collect(),
                    (true, false) => [deco(QUOTE_BAR, Role::QuoteBar)]
                        .into_iter()
                        .chain(spaces(1, Role::Quote))
                        .chain(text)
                        .collect(),
                };
                out.push((pieces, LineKind::Other));
            }
        }
        out
    }

    fn list(
        &self,
        section: usize,
        block: usize,
        ordered: bool,
        items: &[RichText],
        width: usize,
    ) -> Lines {
        let parts: Vec<&str> = items.iter().map(|t| t.text.as_str()).collect();
        let ents = self.entities_of(section, block, &parts);
        let digits = Digits::used_in(&parts);
        let numbers: Vec<String> = (1..=items.len()).map(|n| digits.format(n)).collect();
        let marker_width = if ordered {
            numbers.iter().map(|n| n.width() + 1).max().unwrap_or(0)
        } else {
            BULLET.width()
        };
        let marked = width >= marker_width + 3;
        let inner = if marked {
            width - marker_width - 1
        } else {
            width
        };
        let layouts: Vec<ParagraphLayout<_>> = items
            .iter()
            .zip(&ents)
            .map(|(item, ents)| self.rich(&item.text, Role::Body, &item.spans, ents, inner))
            .collect();
        let rtl_items = layouts.iter().filter(|l| l.rtl).count();
        let rtl = match (rtl_items * 2).cmp(&layouts.len()) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => self.article_rtl(),
        };
        let mut out = Vec::new();
        for (i, layout) in layouts.into_iter().enumerate() {
            let marker = match (ordered, rtl) {
                (false, _) => BULLET.to_owned(),
                (true, false) => format!("{}.", numbers[i]),
                (true, true) => format!(".{}", numbers[i]),
            };
            let source = BlockRef::block(section, block, i);
            // An empty item still shows its marker.
            let lines: Vec<Option<_>> = if layout.lines.is_empty() {
                vec![None]
            } else {
                layout.lines.into_iter().map(Some).collect()
            };
            for (n, line) in lines.into_iter().enumerate() {
                let text = match line {
                    Some(line) => place(line, source, inner, rtl, None),
                    None => spaces(if rtl { inner } else { 0 }, Role::Body)
                        .into_iter()
                        .collect(),
                };
                if !marked {
                    out.push((text, LineKind::Other));
                    continue;
                }
                let shown = if n == 0 {
                    marker.clone()
                } else {
                    " ".repeat(marker.width())
                };
                let gap = spaces(marker_width - shown.width(), Role::Body);
                let marker = deco(shown, Role::ListMarker);
                let pieces: Vec<Piece> = if rtl {
                    text.into_iter()
                        .chain(spaces(1, Role::Body))
                        .chain([marker])
                        .chain(gap)
                        .collect()
                } else {
                    gap.into_iter()
                        .chain([marker])
                        .chain(spaces(1, Role::Body))
                        .chain(text)
                        .collect()
                };
                out.push((pieces, LineKind::Other));
            }
        }
        out
    }

    /// Code: each source line laid out on its own, left to right, wrapped at the width, on a
    /// background as wide as the page.
    fn code(&self, text: &str, source: BlockRef, width: usize) -> Lines {
        let text = code_text(text);
        let body = text.strip_suffix('\n').unwrap_or(&text);
        let margin = usize::from(width >= Frame::MIN_WIDTH);
        let inner = width - 2 * margin;
        let tag = Tag {
            code: true,
            ..Tag::role(Role::Code)
        };
        let mut out = Vec::new();
        let mut offset = 0;
        for line in body.split('\n') {
            let spans = tag_spans(line, tag, &[], &[]);
            let layout = self.layout(line, &spans, inner, Some(DirectionMode::Ltr));
            if layout.lines.is_empty() {
                out.push((
                    spaces(width, Role::Code).into_iter().collect(),
                    LineKind::Other,
                ));
            }
            for mut visual in layout.lines {
                visual.logical = visual.logical.start + offset..visual.logical.end + offset;
                for c in &mut visual.clusters {
                    c.logical = c.logical.start + offset..c.logical.end + offset;
                }
                let w = visual.width;
                let pieces = spaces(margin, Role::Code)
                    .into_iter()
                    .chain([Piece::Text {
                        line: visual,
                        source,
                    }])
                    .chain(spaces(width.saturating_sub(margin + w), Role::Code))
                    .collect();
                out.push((pieces, LineKind::Other));
            }
            offset += line.len() + 1;
        }
        out
    }
}

/// The digit set of a numbered list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Digits {
    Western,
    ArabicIndic,
    Persian,
}

impl Digits {
    fn used_in(texts: &[&str]) -> Self {
        let mut counts = [0usize; 3];
        for c in texts.iter().flat_map(|t| t.chars()) {
            match c {
                '0'..='9' => counts[0] += 1,
                '٠'..='٩' => counts[1] += 1,
                '۰'..='۹' => counts[2] += 1,
                _ => {}
            }
        }
        if counts[1] > counts[0] && counts[1] >= counts[2] {
            Digits::ArabicIndic
        } else if counts[2] > counts[0] && counts[2] > counts[1] {
            Digits::Persian
        } else {
            Digits::Western
        }
    }

    fn format(self, n: usize) -> String {
        let zero = match self {
            Digits::Western => return n.to_string(),
            Digits::ArabicIndic => '٠',
            Digits::Persian => '۰',
        };
        n.to_string()
            .chars()
            .filter_map(|d| d.to_digit(10))
            .filter_map(|d| char::from_u32(zero as u32 + d))
            .collect()
    }
}
