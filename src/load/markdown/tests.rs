use super::parse;
use crate::document::{Block, Direction, Inline, RichText};

#[test]
fn first_heading_is_the_title_and_italic_line_the_subtitle() {
    let doc = parse("# عنوان المقال\n\n*عنوان فرعي*\n\nفقرة أولى.\n\n## قسم\n\nفقرة ثانية.\n");
    assert_eq!(doc.title, "عنوان المقال");
    assert_eq!(doc.subtitle.as_deref(), Some("عنوان فرعي"));
    let headings: Vec<_> = doc
        .sections
        .iter()
        .map(|s| (s.heading.as_deref(), s.level))
        .collect();
    assert_eq!(headings, [(None, 1), (Some("قسم"), 1)]);
    assert_eq!(doc.direction, Direction::Rtl);
    assert_eq!(doc.language, "ar");
}

#[test]
fn image_with_italic_line_is_a_figure_with_caption() {
    let doc =
        parse("# T\n\n![النهر](nile.jpg)\n*النيل عند الخرطوم*\n\n![alt two](b.png \"Titled\")\n");
    assert_eq!(
        doc.sections[0].blocks,
        [
            Block::Figure {
                src: "nile.jpg".into(),
                alt: "النهر".into(),
                caption: "النيل عند الخرطوم".into()
            },
            Block::Figure {
                src: "b.png".into(),
                alt: "alt two".into(),
                caption: "Titled".into()
            }
        ]
    );
}

#[test]
fn italic_paragraph_after_an_image_is_its_caption() {
    let doc = parse("# T\n\n![a](x.png)\n\n_caption line_\n\nBody.\n");
    assert!(
        matches!(&doc.sections[0].blocks[0], Block::Figure { caption, .. } if caption == "caption line")
    );
    assert_eq!(doc.sections[0].blocks.len(), 2);
}

#[test]
fn quote_keeps_its_attribution_apart() {
    let doc = parse("# T\n\n> الماء حياة المدينة.\n> — محمد عثمان\n");
    assert_eq!(
        doc.sections[0].blocks,
        [Block::Quote {
            text: RichText::plain("الماء حياة المدينة."),
            attribution: Some("محمد عثمان".into())
        }]
    );
}

#[test]
fn inline_styles_become_spans_over_the_text() {
    let doc = parse("# T\n\nA *soft* and **strong** [link](https://e.org) `x`.\n");
    let Block::Paragraph(p) = &doc.sections[0].blocks[0] else {
        panic!("expected a paragraph");
    };
    assert_eq!(p.text, "A soft and strong link x.");
    assert_eq!(
        p.spans,
        [
            (2..6, Inline::Emphasis),
            (11..17, Inline::Strong),
            (18..22, Inline::Link("https://e.org".into())),
            (23..24, Inline::Code)
        ]
    );
}

#[test]
fn lists_code_tables_and_rules_map_one_to_one() {
    let doc = parse(
        "# T\n\n- one\n- two\n  - nested\n\n```rust\nfn main() {}\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n",
    );
    let blocks = &doc.sections[0].blocks;
    assert_eq!(
        blocks[0],
        Block::List {
            ordered: false,
            items: vec!["one".into(), "two".into(), "nested".into()]
        }
    );
    assert_eq!(
        blocks[1],
        Block::Code {
            language: Some("rust".into()),
            text: "fn main() {}".into()
        }
    );
    assert_eq!(
        blocks[2],
        Block::Table {
            header: true,
            rows: vec![vec!["a".into(), "b".into()], vec!["1".into(), "2".into()]]
        }
    );
    assert_eq!(blocks[3], Block::Rule);
}

#[test]
fn front_matter_sets_title_metadata_and_direction() {
    let doc = parse(
        "---\ntitle: From front matter\nauthor: Dana Levi\nlang: he\n---\n# Heading\n\nText.\n",
    );
    assert_eq!(doc.title, "From front matter");
    assert_eq!(doc.metadata.author.as_deref(), Some("Dana Levi"));
    assert_eq!(doc.language, "he");
    assert_eq!(doc.direction, Direction::Rtl);
    assert_eq!(doc.sections[0].heading.as_deref(), Some("Heading"));
}
