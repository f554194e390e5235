//! `sahifa json FILE`: the loaded article as JSON, in the schema of DESIGN.md.
//!
//! Beyond the schema, the article's facts: `byline`, `published` (as the page gives it), `site`
//! and `url` (where it was fetched from, else its canonical URL), each a string or null.
//!
//! Two additions the schema leaves open, both about blocks the model has: a quote carries
//! `attribution` (string or null), and tables and rules appear as `{"kind": "table", "rows":
//! [[cell…]…]}` and `{"kind": "rule"}`. Entity offsets are character offsets into the block's
//! text, exactly as the analyse stage stores them: the block's characters `start..end` are the
//! entity's `text`, except after لل, where the article's alef that the spelling elides is put
//! back in `text` (للرقة: characters لرقة, text الرقة).
//!
//! `bidi_controls` counts the article's bidi controls and says whether they change the order of
//! what it shows ([`crate::layout::hidden`]). Every string is written with control characters
//! escaped ([`crate::escape`]).
//!
//! A feed (told by its content, or `--format feed`) is written as
//! [`crate::feed::output::to_json`] says.
//!
//! Entities come from the tagger: the built-in gazetteers, the user gazetteer in the config
//! directory and the names the article declares in its front matter. A user gazetteer that
//! cannot be read is a warning on stderr, not a failure.

use crate::analyse;
use crate::args::JsonArgs;
use crate::document::{Block, Direction, Document, Entity, EntityRef, Section};
use crate::feed::output as feed;
use crate::source::Source;
use serde::Serialize;
use std::cell::RefCell;
use std::io::Write;

pub fn run(source: &Source, args: &JsonArgs) -> anyhow::Result<()> {
    let options = args.source.load_options();
    let loaded = match feed::open(source, args.source.feed_format(), &options)? {
        feed::Input::Article(loaded) => loaded,
        feed::Input::Feed { feed, .. } => {
            let mut out = std::io::stdout().lock();
            let written = writeln!(out, "{}", feed::to_json(&feed)).and_then(|()| out.flush());
            return Ok(crate::output::finish(written)?);
        }
    };
    for warning in &loaded.warnings {
        eprintln!("sahifa: warning: {}", crate::escape::Visible(warning));
    }
    let (tagger, problem) = analyse::configured_tagger();
    if let Some(problem) = problem {
        eprintln!("sahifa: warning: {}", crate::escape::Visible(problem));
    }
    // The entities are made as they are written (the schema puts them last), not kept.
    let document = &loaded.document;
    let article = Article {
        entities: Entities::Stream(RefCell::new(Some(Box::new(tagger.entities(document))))),
        ..Article::of(document)
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = crate::escape::json_to_writer_pretty(&mut out, &article)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush());
    // A reader that stopped early (`| head`) is not an error.
    Ok(crate::output::finish(written)?)
}

/// The JSON text for a document as `sahifa json` prints it (with whatever entities the document
/// already holds; `run` tags them first).
pub fn to_string(document: &Document) -> String {
    // Serialising plain strings and numbers cannot fail.
    crate::escape::json_to_string_pretty(&Article::of(document)).unwrap_or_default()
}

/// The article as JSON. Sections, blocks and entities are written as they are visited, not
/// gathered first: the output streams and memory stays that of the document.
#[derive(Serialize)]
struct Article<'a> {
    format: &'static str,
    title: &'a str,
    subtitle: Option<&'a str>,
    language: &'a str,
    direction: &'static str,
    byline: Option<&'a str>,
    published: Option<&'a str>,
    site: Option<&'a str>,
    url: Option<&'a str>,
    sections: Each<'a, Section>,
    entities: Entities<'a>,
    bidi_controls: crate::layout::hidden::HiddenControls,
}

/// The entities: the document's, or made one block at a time while they are written.
enum Entities<'a> {
    Held(&'a crate::document::Entities),
    Stream(RefCell<Option<Box<dyn Iterator<Item = Entity> + 'a>>>),
}

impl Serialize for Entities<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Entities::Held(entities) => {
                serializer.collect_seq(entities.iter().map(|e| JsonEntity::of(&e)))
            }
            Entities::Stream(stream) => {
                let entities = stream.borrow_mut().take().into_iter().flatten();
                serializer.collect_seq(entities.map(Owned))
            }
        }
    }
}

/// An entity written as [`JsonEntity`] writes a borrowed one.
struct Owned(Entity);

impl Serialize for Owned {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        JsonEntity::of(&EntityRef::from(&self.0)).serialize(serializer)
    }
}

/// A slice written as a JSON array of its items' JSON forms, each made as it is written.
struct Each<'a, T>(&'a [T]);

impl Serialize for Each<'_, Section> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|s| JsonSection {
            heading: s.heading.as_deref(),
            level: s.level,
            blocks: Each(&s.blocks),
        }))
    }
}

impl Serialize for Each<'_, Block> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(JsonBlock::of))
    }
}

#[derive(Serialize)]
struct JsonSection<'a> {
    heading: Option<&'a str>,
    level: u8,
    blocks: Each<'a, Block>,
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
            byline: document.metadata.author.as_deref(),
            published: document.metadata.date.as_deref(),
            site: document.metadata.site.as_deref(),
            url: document.metadata.source.as_deref(),
            sections: Each(&document.sections),
            entities: Entities::Held(&document.entities),
            bidi_controls: crate::layout::hidden::HiddenControls::of_document(document),
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
    fn of(entity: &EntityRef<'a>) -> Self {
        JsonEntity {
            text: entity.text,
            kind: entity.kind.name(),
            section: entity.section,
            block: entity.block,
            start: entity.start,
            end: entity.end,
        }
    }
}
