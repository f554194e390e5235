//! The format-free article model every loader produces and every later stage reads.
//!
//! Text is kept in logical order exactly as written (no shaping, no reordering); inline styling
//! is a list of byte ranges over a block's text, so later stages can tag characters without
//! re-parsing anything.

pub use crate::entity_store::{Entities, EntityRef};
use std::collections::BTreeMap;
use std::ops::Range;

/// The source format an article was loaded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Html,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// A paragraph's or article's base direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

/// Inline styling over a byte range of a [`RichText`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Emphasis,
    Strong,
    Code,
    /// A link; the target URL is kept.
    Link(String),
}

/// Text with inline styling. `spans` ranges are byte ranges into `text`, on char boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RichText {
    pub text: String,
    pub spans: Vec<(Range<usize>, Inline)>,
}

impl RichText {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            spans: Vec::new(),
        }
    }
}

impl RichText {
    /// Joins rich texts with `separator`, shifting each part's spans to its new place.
    pub fn join(parts: impl IntoIterator<Item = RichText>, separator: &str) -> RichText {
        let mut out = RichText::default();
        for part in parts {
            if !out.text.is_empty() {
                out.text.push_str(separator);
            }
            let shift = out.text.len();
            out.text.push_str(&part.text);
            out.spans.extend(
                part.spans
                    .into_iter()
                    .map(|(r, i)| (r.start + shift..r.end + shift, i)),
            );
        }
        out
    }

    /// The text without the leading and trailing characters `is_space` matches; spans move
    /// with the text and are clipped to it, and those left empty are dropped.
    pub fn trim_matches(self, is_space: impl Fn(char) -> bool) -> RichText {
        let lead = self.text.len() - self.text.trim_start_matches(&is_space).len();
        let text = self.text.trim_matches(&is_space).to_owned();
        let kept = text.len();
        let spans = self
            .spans
            .into_iter()
            .filter_map(|(r, inline)| {
                let start = r.start.saturating_sub(lead).min(kept);
                let end = r.end.saturating_sub(lead).min(kept);
                (start < end).then_some((start..end, inline))
            })
            .collect();
        RichText { text, spans }
    }
}

impl From<&str> for RichText {
    fn from(text: &str) -> Self {
        Self::plain(text)
    }
}

/// One block of an article section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(RichText),
    /// A block quote; `attribution` is the "— name" line when there is one.
    Quote {
        text: RichText,
        attribution: Option<String>,
    },
    List {
        ordered: bool,
        items: Vec<RichText>,
    },
    /// Preformatted code: always laid out left to right, never wrapped by words.
    Code {
        language: Option<String>,
        text: String,
    },
    /// A statistic call-out: a figure such as "28.000" and the sentence that explains it.
    Callout {
        value: String,
        text: RichText,
    },
    Figure {
        src: String,
        alt: String,
        caption: String,
    },
    /// A table: first row is the header when `header` is true.
    Table {
        header: bool,
        rows: Vec<Vec<RichText>>,
    },
    Rule,
}

impl Block {
    /// The block's texts in reading order, by part: one for most blocks, each list item, each
    /// table cell row by row, a figure's caption; none for a rule.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Block::Paragraph(t) | Block::Quote { text: t, .. } | Block::Callout { text: t, .. } => {
                vec![t.text.as_str()]
            }
            Block::List { items, .. } => items.iter().map(|t| t.text.as_str()).collect(),
            Block::Code { text, .. } => vec![text.as_str()],
            Block::Figure { caption, .. } => vec![caption.as_str()],
            Block::Table { rows, .. } => rows.iter().flatten().map(|t| t.text.as_str()).collect(),
            Block::Rule => Vec::new(),
        }
    }

    /// The text entity offsets refer to: the block's [`texts`](Block::texts) joined by
    /// newlines.
    pub fn plain_text(&self) -> String {
        self.texts().join("\n")
    }
}

/// A section: an optional heading and its blocks. The lead before the first heading has none.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Section {
    pub heading: Option<String>,
    /// Heading level, 1 for the top level.
    pub level: u8,
    pub blocks: Vec<Block>,
}

impl Section {
    /// The heading as the page shows it: `None` when there is none or it is blank.
    pub fn shown_heading(&self) -> Option<&str> {
        self.heading.as_deref().filter(|t| !t.trim().is_empty())
    }
}

/// Facts about the article beyond its text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Metadata {
    /// Who wrote it (`json`: `byline`).
    pub author: Option<String>,
    /// When it was published, as the page gives it (`json`: `published`).
    pub date: Option<String>,
    /// Where it lives: the URL it was fetched from, else the page's canonical URL (`json`: `url`).
    pub source: Option<String>,
    /// The publication or site it comes from (`json`: `site`).
    pub site: Option<String>,
}

/// The kinds of named entity the tagger recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Place,
    Organization,
    Date,
    Number,
    Quote,
}

impl EntityKind {
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organization,
        EntityKind::Date,
        EntityKind::Number,
        EntityKind::Quote,
    ];

    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
            EntityKind::Date => "date",
            EntityKind::Number => "number",
            EntityKind::Quote => "quote",
        }
    }
}

/// One entity mention: `start..end` are character (not byte) offsets into the block's
/// [`Block::plain_text`], excluding attached clitics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub text: String,
    pub kind: EntityKind,
    pub section: usize,
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

/// A loaded article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    pub format: Format,
    pub title: String,
    pub subtitle: Option<String>,
    /// BCP 47 primary language subtag: "ar", "fa", "ur", "he", "en"…
    pub language: String,
    pub direction: Direction,
    pub metadata: Metadata,
    pub sections: Vec<Section>,
    /// Entity names the article itself declares (Markdown front matter), fed to the tagger.
    pub declared_entities: Vec<(String, EntityKind)>,
    /// Filled by the analyse stage (kept compactly, see [`crate::entity_store`]).
    pub entities: Entities,
    /// Figures, by (section, block), whose `src` names a local file that cannot be shown: filled
    /// by [`crate::load::figure_files`] when a command looks next to the article (the reader,
    /// `shot`, `print`), empty otherwise (standard input, `json`, URLs are never looked up).
    pub image_problems: BTreeMap<(usize, usize), ImageProblem>,
}

/// Why a figure's image (a local file, or a picture fetched for a web article) cannot be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageProblem {
    /// No file at that path; a server's 404 or 410.
    NotFound,
    /// The file is there but cannot be read (no permission, a directory, damaged data).
    Unreadable,
    /// The file is not a PNG or JPEG picture.
    NotSupported,
    /// The file or the picture is bigger than sahifa reads.
    TooBig,
    /// The server did not send the picture in time.
    TimedOut,
    /// The picture could not be fetched (no connection, another status than 2xx or 404).
    NotFetched,
}

impl ImageProblem {
    /// The words the figure's label starts with instead of "image".
    pub fn label(self) -> &'static str {
        match self {
            ImageProblem::NotFound => "image not found",
            ImageProblem::Unreadable => "image unreadable",
            ImageProblem::NotSupported => "image not supported",
            ImageProblem::TooBig => "image too big",
            ImageProblem::TimedOut => "image timed out",
            ImageProblem::NotFetched => "image not fetched",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Inline, RichText};

    #[test]
    fn trimming_moves_spans_with_the_text_and_drops_the_ones_left_empty() {
        let text = RichText {
            text: "  قال «نعم»  ".to_owned(),
            spans: vec![
                (0..2, Inline::Emphasis),
                (1..8, Inline::Strong),
                (9..21, Inline::Code),
            ],
        };
        let trimmed = text.trim_matches(char::is_whitespace);
        assert_eq!(trimmed.text, "قال «نعم»");
        assert_eq!(
            trimmed.spans,
            vec![
                (0..6, Inline::Strong),
                (7..trimmed.text.len(), Inline::Code)
            ]
        );
    }
}
