//! `sahifa json FILE`: the loaded article as JSON, in the schema of DESIGN.md.
//!
//! Two additions the schema leaves open, both about blocks the model has: a quote carries
//! `attribution` (string or null), and tables and rules appear as `{"kind": "table", "rows":
//! [[cell…]…]}` and `{"kind": "rule"}`. Entity offsets are character offsets into the block's
//! text, exactly as the analyse stage stores them: the block's characters `start..end` are the
//! entity's `text`, except after لل, where the article's alef that the spelling elides is put
//! back in `text` (للرقة: characters لرقة, text الرقة).
//!
//! A feed (told by its content, or `--format feed`) is written as [`feed::to_json`] says.
//!
//! Entities come from the tagger: the built-in gazetteers, the user gazetteer in the config
//! directory and the names the article declares in its front matter. A user gazetteer that
//! cannot be read is a warning on stderr, not a failure.

use super::feed;
use crate::analyse;
use crate::cli::JsonArgs;
use crate::document::{Block, Direction, Document, Entity};
use serde::Serialize;
use std::io::Write;

pub fn run(args: &JsonArgs) -> anyhow::Result<()> {
    let source = &args.source;
    let input = feed::open(
        source.file.as_deref(),
        source.feed_format(),
        &source.load_options(),
    )?;
    let mut loaded = match input {
        feed::Input::Article(loaded) => loaded,
        feed::Input::Feed { feed, .. } => return write(&feed::to_json(&feed)),
    };
    for warning in &loaded.warnings {
        eprintln!("sahifa: warning: {warning}");
    }
    let (tagger, problem) = analyse::configured_tagger();
    if let Some(problem) = problem {
        eprintln!("sahifa: warning: {problem}");
    }
    analyse::analyse(&mut loaded.document, &tagger);
    write(&to_string(&loaded.document))
}

/// Writes the JSON text and a newline to standard output.
fn write(json: &str) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = writeln!(out, "{json}").and_then(|()| out.flush());
    match written {
        // A reader that stopped early (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// The JSON text for a document as `sahifa json` prints it (with whatever entities the document
/// already holds; `run` tags them first).
pub fn to_string(document: &Document) -> String {
    // Serialising plain strings and numbers cannot fail.
    serde_json::to_string_pretty(&Article::of(document)).unwrap_or_default()
}

#[derive(Serialize)]
struct Article<'a> {
    format: &'static str,
    title: &'a str,
    subtitle: Option<&'a str>,
    language: &'a str,
    direction: &'static str,
    sections: Vec<JsonSection<'a>>,
    entities: Vec<JsonEntity<'a>>,
}

#[derive(Serialize)]
struct JsonSection<'a> {
    heading: Option<&'a str>,
    level: u8,
    blocks: Vec<JsonBlock<'a>>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum JsonBlock<'a> {
    Paragraph {
        text: &'a str,
    },
    Quote {
        text: &'a str,
        attribution: Option<&'a str>,
    },
    List {
        items: Vec<&'a str>,
    },
    Code {
        text: &'a str,
    },
    Callout {
        value: &'a str,
        text: &'a str,
    },
    Figure {
        src: &'a str,
        alt: &'a str,
        caption: &'a str,
    },
    Table {
        rows: Vec<Vec<&'a str>>,
    },
    Rule,
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    section: usize,
    block: usize,
    start: usize,
    end: usize,
}

impl<'a> Article<'a> {
    fn of(document: &'a Document) -> Self {
        Article {
            format: document.format.name(),
            title: &document.title,
            subtitle: document.subtitle.as_deref(),
            language: &document.language,
            direction: match document.direction {
                Direction::Ltr => "ltr",
                Direction::Rtl => "rtl",
            },
            sections: document
                .sections
                .iter()
                .map(|s| JsonSection {
                    heading: s.heading.as_deref(),
                    level: s.level,
                    blocks: s.blocks.iter().map(JsonBlock::of).collect(),
                })
                .collect(),
            entities: document.entities.iter().map(JsonEntity::of).collect(),
        }
    }
}

impl<'a> JsonBlock<'a> {
    fn of(block: &'a Block) -> Self {
        match block {
            Block::Paragraph(t) => JsonBlock::Paragraph { text: &t.text },
            Block::Quote { text, attribution } => JsonBlock::Quote {
                text: &text.text,
                attribution: attribution.as_deref(),
            },
            Block::List { items, .. } => JsonBlock::List {
                items: items.iter().map(|i| i.text.as_str()).collect(),
            },
            Block::Code { text, .. } => JsonBlock::Code { text },
            Block::Callout { value, text } => JsonBlock::Callout {
                value,
                text: &text.text,
            },
            Block::Figure { src, alt, caption } => JsonBlock::Figure { src, alt, caption },
            Block::Table { rows, .. } => JsonBlock::Table {
                rows: rows
                    .iter()
                    .map(|r| r.iter().map(|c| c.text.as_str()).collect())
                    .collect(),
            },
            Block::Rule => JsonBlock::Rule,
        }
    }
}

impl<'a> JsonEntity<'a> {
    fn of(entity: &'a Entity) -> Self {
        JsonEntity {
            text: &entity.text,
            kind: entity.kind.name(),
            section: entity.section,
            block: entity.block,
            start: entity.start,
            end: entity.end,
        }
    }
}
