//! Boxes: statistic call-outs (rounded) and figures (square), drawn across the whole column.
//!
//! The box is drawn in screen order and never mirrored; inside it each text sits on its own
//! reading side. A call-out's value has a line of its own at the top, on the side its
//! explaining text reads from. A figure shows `[image: src]` (or, when its local file was looked
//! for and cannot be shown, why: `[image not found: src]`), the alt text, a rule, and the
//! caption. On a page too narrow for a box the rows are drawn bare.

use super::blocks::Lines;
use super::compose::Composer;
use super::frame::{Frame, place};
use super::sources::source_label;
use super::tags::tag_spans;
use super::{BlockRef, LineKind, Piece, Role, Tag};
use crate::document::RichText;

impl Composer<'_> {
    pub(super) fn callout(
        &self,
        section: usize,
        block: usize,
        value: &str,
        text: &RichText,
        width: usize,
    ) -> Lines {
        let ents = self.entities_of(section, block, &[&text.text]);
        let framed = width >= Frame::MIN_WIDTH;
        let inner = if framed { Frame::inner(width) } else { width };
        let body = self.rich(&text.text, Role::CalloutText, &text.spans, &ents[0], inner);
        let rtl = if text.text.trim().is_empty() {
            self.article_rtl()
        } else {
            body.rtl
        };
        let value_tag = Tag {
            strong: true,
            ..Tag::role(Role::CalloutValue)
        };
        let value_layout = self.layout(value, &tag_spans(value, value_tag, &[], &[]), inner, None);
        let src = |part| BlockRef::block(section, block, part);
        let rows = value_layout
            .lines
            .into_iter()
            .map(|l| (l, src(BlockRef::CALLOUT_VALUE)))
            .chain(
                body.lines
                    .into_iter()
                    .map(|l| (l, src(BlockRef::CALLOUT_TEXT))),
            )
            .map(|(line, source)| place(line, source, inner, rtl, Some(Role::CalloutText)));
        boxed(
            &Frame::CALLOUT,
            framed,
            width,
            rows.map(Row::Text).collect(),
        )
    }

    pub(super) fn figure(
        &self,
        section: usize,
        block: usize,
        src: &str,
        alt: &str,
        caption: &str,
        width: usize,
    ) -> Lines {
        let framed = width >= Frame::MIN_WIDTH;
        let inner = if framed { Frame::inner(width) } else { width };
        let ents = self.entities_of(section, block, &[caption]);
        let label = source_label(self.document(), section, block, src);
        let parts = [
            (label.as_str(), Role::FigureSource, BlockRef::FIGURE_SOURCE),
            (alt, Role::FigureAlt, BlockRef::FIGURE_ALT),
        ];
        let mut rows = Vec::new();
        for (text, role, part) in parts {
            if text.trim().is_empty() || (part == BlockRef::FIGURE_SOURCE && src.is_empty()) {
                continue;
            }
            let layout = self.rich(text, role, &[], &[], inner);
            let source = BlockRef::block(section, block, part);
            for line in layout.lines {
                rows.push(Row::Text(place(
                    line,
                    source,
                    inner,
                    layout.rtl,
                    Some(role),
                )));
            }
        }
        if !caption.trim().is_empty() {
            if !rows.is_empty() {
                rows.push(Row::Separator);
            }
            let layout = self.rich(caption, Role::FigureCaption, &[], &ents[0], inner);
            let source = BlockRef::block(section, block, BlockRef::FIGURE_CAPTION);
            for line in layout.lines {
                let role = Some(Role::FigureCaption);
                rows.push(Row::Text(place(line, source, inner, layout.rtl, role)));
            }
        }
        boxed(&Frame::FIGURE, framed, width, rows)
    }
}

/// One row inside a box: text exactly as wide as the inside, or a separator rule.
enum Row {
    Text(Vec<Piece>),
    Separator,
}

/// The rows in a box `width` wide (or bare when the page is too narrow for a box); the first
/// line is marked as a box top for call-out navigation.
fn boxed(frame: &Frame, framed: bool, width: usize, rows: Vec<Row>) -> Lines {
    let mut out = Vec::with_capacity(rows.len() + 2);
    if framed {
        out.push((frame.top(width), LineKind::BoxTop));
    }
    for row in rows {
        match (row, framed) {
            (Row::Text(pieces), true) => out.push((frame.row(pieces), LineKind::Other)),
            (Row::Text(pieces), false) => out.push((pieces, LineKind::Other)),
            (Row::Separator, true) => out.push((frame.middle(width), LineKind::Other)),
            (Row::Separator, false) => {}
        }
    }
    if framed {
        out.push((frame.bottom(width), LineKind::Other));
    }
    if let Some(first) = out.first_mut() {
        first.1 = LineKind::BoxTop;
    }
    out
}
