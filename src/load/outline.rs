//! Sections from a flat run of headings and blocks, shared by the Markdown and HTML loaders.
//!
//! Rule: blocks before the first heading form a lead section without heading (omitted when
//! empty); each heading opens a section; levels are renumbered so the highest heading used is
//! level 1 (an article whose sections are `##` has level-1 sections).

use crate::document::{Block, RichText, Section};

/// One item in reading order, before sections are formed.
pub enum Item {
    Heading(u8, String),
    Block(Block),
    /// The "— name" line ending a paragraph inside a block quote.
    Attribution(String),
}

pub fn sections(items: Vec<Item>) -> Vec<Section> {
    let top = items
        .iter()
        .filter_map(|i| match i {
            Item::Heading(level, _) => Some(*level),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let mut sections = vec![Section {
        heading: None,
        level: 1,
        blocks: Vec::new(),
    }];
    for item in items {
        let block = match item {
            Item::Heading(level, text) => {
                sections.push(Section {
                    heading: Some(text),
                    level: level.saturating_sub(top) + 1,
                    blocks: Vec::new(),
                });
                continue;
            }
            Item::Block(block) => block,
            Item::Attribution(name) => Block::Paragraph(RichText::plain(name)),
        };
        if let Some(section) = sections.last_mut() {
            section.blocks.push(block);
        }
    }
    if sections.first().is_some_and(|s| s.blocks.is_empty()) {
        sections.remove(0);
    }
    sections
}
