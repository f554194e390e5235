//! Composition tests at prime widths (17, 37) so wrapping rarely lines up by accident.

use super::*;
use crate::document::{Block, Direction, Document, Entity, EntityKind, RichText, Section};
use unicode_width::UnicodeWidthStr;

const RTL_TEXT: &str = "قال وزير الخارجية الروسي إن موسكو مستعدة للتعاون مع واشنطن في تحرير الرقة";
const LTR_TEXT: &str = "The foreign minister said Moscow is ready to work with Washington";

fn doc(direction: Direction, blocks: Vec<Block>) -> Document {
    Document {
        title: "عنوان".into(),
        direction,
        sections: vec![section(None, 1, blocks)],
        ..Document::default()
    }
}

/// A section under `heading` (none for the lead).
fn section(heading: Option<&str>, level: u8, blocks: Vec<Block>) -> Section {
    Section {
        heading: heading.map(Into::into),
        level,
        blocks,
    }
}

/// The unit of block `block` of section `section`.
fn block_unit(section: usize, block: usize) -> Unit {
    Unit::Block { section, block }
}

/// A quotation, with its attribution if given.
fn quote(text: &str, attribution: Option<&str>) -> Block {
    Block::Quote {
        text: text.into(),
        attribution: attribution.map(Into::into),
    }
}

/// The clusters of the text pieces of `lines`, in order.
fn text_clusters(lines: &[PageLine]) -> impl Iterator<Item = &crate::layout::Cluster<Tag>> {
    lines
        .iter()
        .flat_map(|l| &l.pieces)
        .filter_map(|p| match p {
            Piece::Text { line, .. } => Some(line),
            Piece::Decoration { .. } => None,
        })
        .flat_map(|l| &l.clusters)
}

/// The lines of block 0 of section 0 at `width`.
fn block_lines(doc: &Document, width: usize) -> Vec<PageLine> {
    Composer::new(doc, PageOptions::default()).unit(block_unit(0, 0), width)
}

fn texts(lines: &[PageLine]) -> Vec<String> {
    lines.iter().map(PageLine::text).collect()
}

#[track_caller]
fn assert_fits(lines: &[PageLine], width: usize) {
    for line in lines {
        assert!(
            line.width() <= width,
            "{:?} wider than {width}",
            line.text()
        );
        let cells: usize = line
            .pieces
            .iter()
            .map(|p| match p {
                Piece::Decoration { text, .. } => text.width(),
                Piece::Text { line, .. } => line.clusters.iter().map(|c| c.width).sum(),
            })
            .sum();
        assert_eq!(cells, line.width(), "{:?}", line.text());
    }
}

#[test]
fn rtl_paragraph_is_right_aligned_and_wrapped() {
    let d = doc(Direction::Rtl, vec![Block::Paragraph(RTL_TEXT.into())]);
    let lines = block_lines(&d, 17);
    assert!(lines.len() > 3, "{:?}", texts(&lines));
    assert_fits(&lines, 17);
    for line in &lines {
        assert_eq!(line.width(), 17, "not right-aligned: {:?}", line.text());
        assert!(matches!(line.pieces.last(), Some(Piece::Text { .. })));
        assert!(!line.text().ends_with(' '));
    }
    // The paragraph's first word (قال, shaped) is at the right end of the first line, and the
    // last word (الرقة) alone at the right of the last line.
    assert!(lines[0].text().ends_with(" ﻝﺎﻗ"), "{:?}", texts(&lines));
    assert_eq!(lines[lines.len() - 1].text().trim_start(), "ﺔﻗﺮﻟﺍ");
}

#[test]
fn ltr_paragraph_is_left_aligned() {
    let d = doc(Direction::Rtl, vec![Block::Paragraph(LTR_TEXT.into())]);
    let lines = block_lines(&d, 17);
    assert_fits(&lines, 17);
    assert_eq!(lines[0].text(), "The foreign");
    for line in &lines {
        assert!(matches!(line.pieces.first(), Some(Piece::Text { .. })));
        assert!(!line.text().starts_with(' '));
    }
}

#[test]
fn each_paragraph_takes_its_own_side() {
    let d = doc(
        Direction::Rtl,
        vec![
            Block::Paragraph(RTL_TEXT.into()),
            Block::Paragraph(LTR_TEXT.into()),
        ],
    );
    let page = compose(&d, 37, &PageOptions::default());
    let rtl = page.line_of(block_unit(0, 0)).expect("block 0");
    let ltr = page.line_of(block_unit(0, 1)).expect("block 1");
    assert!(page.lines[rtl].text().starts_with(' '));
    assert_eq!(page.lines[rtl].width(), 37);
    assert!(page.lines[ltr].text().starts_with("The"));
}

#[test]
fn rtl_callout_box_is_not_mirrored_and_its_text_is_right_aligned() {
    let d = doc(
        Direction::Rtl,
        vec![Block::Callout {
            value: "28.000".into(),
            text: RTL_TEXT.into(),
        }],
    );
    let lines = block_lines(&d, 37);
    assert_fits(&lines, 37);
    let t = texts(&lines);
    assert_eq!(lines[0].kind, LineKind::BoxTop);
    assert_eq!(t[0], format!("╭{}╮", "─".repeat(35)));
    assert_eq!(t[t.len() - 1], format!("╰{}╯", "─".repeat(35)));
    for row in &t[1..t.len() - 1] {
        assert_eq!(row.width(), 37, "{row:?}");
        assert!(row.starts_with("│ ") && row.ends_with(" │"), "{row:?}");
        let inside = row.trim_end_matches(" │");
        assert!(!inside.ends_with(' '), "not right-aligned: {row:?}");
    }
    // The value has a line of its own, at the reading-start side, styled as the value.
    assert!(t[1].ends_with("28.000 │"), "{:?}", t[1]);
    let value = lines[1].pieces.iter().find_map(|p| match p {
        Piece::Text { line, source } => Some((line.clusters[0].tag, *source)),
        Piece::Decoration { .. } => None,
    });
    let (tag, source) = value.expect("value text");
    assert_eq!(tag.role, Role::CalloutValue);
    assert!(tag.strong);
    assert_eq!(source.part, BlockRef::CALLOUT_VALUE);
}

#[test]
fn quote_bar_is_on_the_reading_start_side() {
    let rtl = doc(Direction::Rtl, vec![quote(RTL_TEXT, Some("لافروف"))]);
    let lines = block_lines(&rtl, 37);
    assert_fits(&lines, 37);
    for line in texts(&lines) {
        assert!(line.ends_with(" ┃"), "{line:?}");
        assert!(!line.contains("┃ "), "{line:?}");
    }
    assert!(texts(&lines).last().is_some_and(|l| l.contains('—')));
    let ltr = doc(Direction::Ltr, vec![quote(LTR_TEXT, None)]);
    for line in texts(&block_lines(&ltr, 37)) {
        assert!(line.starts_with("┃ "), "{line:?}");
    }
}

#[test]
fn list_markers_are_on_the_reading_start_side() {
    let items = |texts: &[&str]| texts.iter().map(|t| RichText::from(*t)).collect();
    let rtl = doc(
        Direction::Rtl,
        vec![Block::List {
            ordered: true,
            items: items(&["البند الأول في القائمة الطويلة", "البند ٢", "ثالث"]),
        }],
    );
    let lines = block_lines(&rtl, 17);
    assert_fits(&lines, 17);
    let t = texts(&lines);
    assert!(t[0].trim_end().ends_with(" .١"), "{t:?}");
    assert!(t.iter().any(|l| l.trim_end().ends_with(" .٢")), "{t:?}");
    // Continuation lines keep the marker column free.
    assert!(t[1].ends_with("   "), "{t:?}");
    let ltr = doc(
        Direction::Ltr,
        vec![Block::List {
            ordered: false,
            items: items(&["first item", "second", ""]),
        }],
    );
    let t = texts(&block_lines(&ltr, 17));
    assert_eq!(t, ["• first item", "• second", "• "]);
}

#[test]
fn code_is_left_to_right_and_never_wider_than_the_page() {
    let code = "let greeting = \"سلام عليكم\"; // a comment that runs past the edge\n\tindented";
    let d = doc(
        Direction::Rtl,
        vec![Block::Code {
            language: None,
            text: code.into(),
        }],
    );
    let lines = block_lines(&d, 17);
    assert_fits(&lines, 17);
    let t = texts(&lines);
    assert!(t[0].starts_with(" let greeting"), "{t:?}");
    assert!(t.iter().all(|l| l.width() == 17), "{t:?}");
    assert!(t.iter().any(|l| l.starts_with("     indented")), "{t:?}");
    assert!(
        t.iter().all(|l| !l.contains('\u{2409}')),
        "tab shown as a symbol: {t:?}"
    );
}

#[test]
fn a_grapheme_of_spacing_marks_fits_the_narrowest_page() {
    // Found by fuzzing: the UTF-16 article `FF FE 3E 70 3E 0A` is one grapheme three cells wide
    // (a wide letter and a spacing vowel sign), and its page at width 1 overflowed.
    let marks = format!("\u{915}{}", "\u{93E}".repeat(10));
    for text in ["\u{703E}\u{0A3E}", marks.as_str()] {
        let d = doc(Direction::Ltr, vec![Block::Paragraph(text.into())]);
        for width in [MIN_WIDTH, 3, 7] {
            let page = compose(&d, width, &PageOptions::default());
            assert_fits(&page.lines, width);
            let shown: String = texts(&block_lines(&d, width)).concat();
            assert_eq!(shown.replace(' ', ""), text);
        }
    }
}

#[test]
fn figure_is_framed_with_source_alt_and_caption() {
    let d = doc(
        Direction::Rtl,
        vec![Block::Figure {
            src: "img/raqqa.jpg".into(),
            alt: "دخان فوق المدينة".into(),
            caption: "الرقة بعد الغارات".into(),
        }],
    );
    let lines = block_lines(&d, 37);
    assert_fits(&lines, 37);
    let t = texts(&lines);
    assert!(t[0].starts_with('┌') && t[0].ends_with('┐'));
    assert!(t[1].starts_with("│ [image: img/raqqa.jpg]"), "{t:?}");
    assert!(t.iter().any(|l| l.starts_with('├') && l.ends_with('┤')));
    assert!(t.last().is_some_and(|l| l.starts_with('└')));
    let caption = &t[t.len() - 2];
    assert!(caption.ends_with(" │") && !caption.trim_end_matches(" │").ends_with(' '));
}

#[test]
fn a_figure_whose_file_cannot_be_shown_says_why_in_its_label_and_its_text() {
    use crate::document::ImageProblem;
    let mut d = doc(
        Direction::Ltr,
        vec![Block::Figure {
            src: "img/gone.jpg".into(),
            alt: String::new(),
            caption: String::new(),
        }],
    );
    d.image_problems.insert((0, 0), ImageProblem::NotFound);
    let t = texts(&block_lines(&d, 37));
    assert!(
        t[1].starts_with("│ [image not found: img/gone.jpg]"),
        "{t:?}"
    );
    let source = BlockRef::block(0, 0, BlockRef::FIGURE_SOURCE);
    assert_eq!(
        text_of(&d, &source).as_deref(),
        Some("[image not found: img/gone.jpg]")
    );
}

#[test]
fn rtl_table_puts_the_first_column_on_the_right() {
    let row = |cells: &[&str]| cells.iter().map(|c| RichText::from(*c)).collect();
    let d = doc(
        Direction::Rtl,
        vec![Block::Table {
            header: true,
            rows: vec![row(&["المدينة", "العدد"]), row(&["الرقة", "22"])],
        }],
    );
    let lines = block_lines(&d, 37);
    assert_fits(&lines, 37);
    let t = texts(&lines);
    // The table is narrower than the page and, being RTL, sits at its right edge.
    assert!(t[0].starts_with(' ') && t[0].ends_with('┐') && t[0].contains('┬'));
    assert!(t.iter().all(|l| l.width() == 37));
    assert!(t[2].trim_start().starts_with('├'));
    // "22" belongs to the second column, which is on the left in an RTL table.
    let data = &t[3];
    let number = data.find("22").expect("22 in the row");
    let city = data
        .find('ﺍ')
        .or_else(|| data.find('ﺭ'))
        .expect("city in the row");
    assert!(number < city, "{data:?}");
}

#[test]
fn narrow_table_lists_its_cells() {
    let row = |cells: &[&str]| cells.iter().map(|c| RichText::from(*c)).collect();
    let d = doc(
        Direction::Ltr,
        vec![Block::Table {
            header: false,
            rows: vec![row(&["a", "b", "c", "d", "e"])],
        }],
    );
    let t = texts(&block_lines(&d, 17));
    assert_eq!(t, ["a", "b", "c", "d", "e"]);
}

#[test]
fn entities_tag_their_characters() {
    let mut d = doc(
        Direction::Rtl,
        vec![Block::Paragraph("زار لافروف الرقة".into())],
    );
    d.entities.push(Entity {
        text: "لافروف".into(),
        kind: EntityKind::Person,
        section: 0,
        block: 0,
        start: 4,
        end: 10,
    });
    // The bytes of لافروف (7..19) are tagged, however the ligature groups them into clusters.
    let tagged = |options: PageOptions| -> Vec<usize> {
        let lines = Composer::new(&d, options).unit(block_unit(0, 0), 37);
        text_clusters(&lines)
            .filter(|c| c.tag.entity == Some(EntityKind::Person))
            .flat_map(|c| c.logical.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect()
    };
    assert_eq!(tagged(PageOptions::default()), (7..19).collect::<Vec<_>>());
    let off = PageOptions {
        entities: false,
        ..PageOptions::default()
    };
    assert!(tagged(off).is_empty());
}

#[test]
fn entities_in_any_order_tag_the_same_cells() {
    let mention = |block, start, end, kind| Entity {
        text: String::new(),
        kind,
        section: 0,
        block,
        start,
        end,
    };
    let mut d = doc(
        Direction::Rtl,
        vec![
            Block::Paragraph("زار لافروف الرقة".into()),
            Block::Paragraph("ثم عاد إلى موسكو".into()),
        ],
    );
    d.entities = vec![
        mention(0, 4, 10, EntityKind::Person),
        mention(0, 11, 16, EntityKind::Place),
        mention(1, 11, 16, EntityKind::Place),
    ]
    .into();
    let in_order = compose(&d, 37, &PageOptions::default());
    d.entities = d.entities.to_vec().into_iter().rev().collect();
    let reversed = compose(&d, 37, &PageOptions::default());
    assert_eq!(in_order, reversed);
    let places = text_clusters(&in_order.lines)
        .filter(|c| c.tag.entity == Some(EntityKind::Place))
        .count();
    // الرقة shapes to 5 cells, موسكو to 5.
    assert_eq!(places, 10);
}

#[test]
fn page_indexes_headings_boxes_sections_and_blocks() {
    let d = Document {
        title: "Title".into(),
        subtitle: Some("Subtitle".into()),
        sections: vec![
            section(None, 1, vec![Block::Paragraph(LTR_TEXT.into())]),
            section(
                Some("First"),
                1,
                vec![
                    Block::Callout {
                        value: "61".into(),
                        text: "people".into(),
                    },
                    Block::Rule,
                ],
            ),
            section(Some("Second"), 2, vec![]),
        ],
        ..Document::default()
    };
    let page = compose(&d, 17, &PageOptions::default());
    assert_eq!(page.lines[0].kind, LineKind::Title);
    assert_eq!(page.headings.len(), 2);
    for &(section, line) in &page.headings {
        assert_eq!(page.lines[line].kind, LineKind::Heading(section));
        assert_eq!(page.sections[section], line);
        assert_eq!(page.unit_at(line), Some(Unit::Heading(section)));
    }
    assert_eq!(page.lines[page.headings[0].1].text(), "First");
    assert_eq!(page.lines[page.headings[0].1 + 1].text(), "═════");
    assert_eq!(page.boxes.len(), 1);
    assert!(page.lines[page.boxes[0]].text().starts_with('╭'));
    assert_eq!(page.unit_at(page.boxes[0] + 1), Some(block_unit(1, 0)));
    // Units tile the page: each starts after a blank separator.
    for pair in page.units.windows(2) {
        assert_eq!(pair[0].lines.end + 1, pair[1].lines.start);
        assert_eq!(page.lines[pair[0].lines.end].kind, LineKind::Blank);
    }
    assert_eq!(
        page.units.last().map(|u| u.lines.end),
        Some(page.lines.len())
    );
    assert_fits(&page.lines, 17);
}

#[test]
fn text_of_gives_the_text_cluster_offsets_point_into() {
    let d = doc(Direction::Rtl, vec![quote(RTL_TEXT, Some("— لافروف"))]);
    for line in block_lines(&d, 17) {
        for piece in &line.pieces {
            let Piece::Text { line, source } = piece else {
                continue;
            };
            let text = text_of(&d, source).expect("source text");
            for c in &line.clusters {
                assert!(text.get(c.logical.clone()).is_some(), "{c:?} off {text:?}");
            }
        }
    }
    let attribution = BlockRef::block(0, 0, BlockRef::QUOTE_ATTRIBUTION);
    assert_eq!(text_of(&d, &attribution).as_deref(), Some("— لافروف"));
}

#[test]
fn for_a_reordering_terminal_rtl_lines_are_written_mirrored() {
    let d = doc(
        Direction::Rtl,
        vec![
            quote(RTL_TEXT, None),
            Block::List {
                ordered: true,
                items: vec!["قال".into(), "وزير".into()],
            },
        ],
    );
    let options = PageOptions {
        reorder: false,
        shape: false,
        ..PageOptions::default()
    };
    let composer = Composer::new(&d, options);
    let quote = texts(&composer.unit(block_unit(0, 0), 37));
    // Logical order, bar first: the terminal mirrors the line back to bar-on-the-right.
    assert!(quote[0].starts_with("┃ قال وزير"), "{quote:?}");
    assert!(
        quote.iter().all(|l| l.starts_with("┃ ") && l.width() == 37),
        "{quote:?}"
    );
    let list = texts(&composer.unit(block_unit(0, 1), 37));
    assert!(list[0].starts_with("1. قال"), "{list:?}");
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[test]
fn for_mlterm_a_box_row_keeps_its_place_and_has_no_controls() {
    // mlterm reads a row holding box drawing left to right and gives every bidi control a
    // column: the quote bar stays on the right as composed, the text is written for a
    // left-to-right reading, and nothing invisible pushes the bar off a full row.
    let d = doc(Direction::Rtl, vec![quote("قال وزير: «نعم».", None)]);
    let options = PageOptions {
        reorder: false,
        shape: false,
        terminal: ReorderingTerminal::Mlterm,
        ..PageOptions::default()
    };
    let rows = texts(&Composer::new(&d, options).unit(block_unit(0, 0), 37));
    let app = texts(&block_lines(&d, 37));
    assert_eq!(rows.len(), app.len());
    for (row, app) in rows.iter().zip(&app) {
        assert!(row.ends_with(" ┃") && row.width() == 37, "{row:?}");
        assert!(!row.chars().any(is_bidi_control), "{row:?}");
        // Not the picture itself (mlterm reverses the Arabic back), nor logical order.
        assert_ne!(row, app);
        assert!(!row.contains("قال وزير: «نعم»."), "{row:?}");
    }
}

#[test]
fn for_mlterm_a_left_to_right_line_led_by_an_arabic_word_gets_an_lrm() {
    let d = doc(
        Direction::Ltr,
        vec![Block::Paragraph(
            "The minister said words قال وزير and left".into(),
        )],
    );
    let options = PageOptions {
        reorder: false,
        shape: false,
        terminal: ReorderingTerminal::Mlterm,
        ..PageOptions::default()
    };
    let rows = texts(&Composer::new(&d, options).unit(block_unit(0, 0), 23));
    assert!(rows.len() > 1, "{rows:?}");
    assert!(rows[1].starts_with("\u{200E}قال وزير"), "{rows:?}");
    let generic = PageOptions {
        terminal: ReorderingTerminal::Generic,
        ..options
    };
    let rows = texts(&Composer::new(&d, generic).unit(block_unit(0, 0), 23));
    assert!(!rows[1].contains('\u{200E}'), "{rows:?}");
}

#[test]
fn composing_unit_by_unit_gives_the_same_page() {
    let d = Document {
        title: "عنوان المقال".into(),
        subtitle: Some("Subtitle".into()),
        sections: vec![
            section(
                None,
                1,
                vec![Block::Paragraph(RTL_TEXT.into()), Block::Rule],
            ),
            section(
                Some("وقف النار"),
                2,
                vec![Block::Callout {
                    value: "28.000".into(),
                    text: RTL_TEXT.into(),
                }],
            ),
        ],
        ..Document::default()
    };
    let composer = Composer::new(&d, PageOptions::default());
    let page = composer.page(37);
    for span in &page.units {
        let lines = composer.unit(span.unit, 37);
        assert_eq!(
            lines.as_slice(),
            &page.lines[span.lines.clone()],
            "{:?}",
            span.unit
        );
    }
    let units: Vec<Unit> = page.units.iter().map(|s| s.unit).collect();
    assert_eq!(units, Unit::all(&d));
}

#[test]
fn the_streamed_lines_and_the_index_agree_with_the_whole_page() {
    let d = Document {
        title: "عنوان المقال".into(),
        subtitle: Some("Subtitle".into()),
        sections: vec![
            section(
                None,
                1,
                vec![
                    Block::Paragraph(RTL_TEXT.into()),
                    Block::List {
                        ordered: false,
                        items: Vec::new(),
                    },
                    Block::Rule,
                ],
            ),
            section(Some(""), 2, vec![Block::Paragraph(RTL_TEXT.into())]),
            section(
                Some("وقف النار"),
                2,
                vec![Block::Callout {
                    value: "28.000".into(),
                    text: RTL_TEXT.into(),
                }],
            ),
        ],
        ..Document::default()
    };
    let composer = Composer::new(&d, PageOptions::default());
    for width in [1, 17, 37, 80] {
        let page = composer.page(width);
        let streamed: Vec<PageLine> = composer.lines(width).collect();
        assert_eq!(streamed, page.lines, "width {width}");
        let index = composer.index(width, || false).expect("not stopped");
        assert_eq!(index.lines(), page.lines.len(), "width {width}");
        let units = Unit::all(&d);
        assert_eq!(index.units(), units.len());
        for span in &page.units {
            let at = units.iter().position(|u| *u == span.unit).expect("a unit");
            assert_eq!(index.first_line(at), span.lines.start, "{:?}", span.unit);
        }
        // An empty unit (the list without items) starts where the next one with lines does.
        let empty = units
            .iter()
            .position(|u| !page.units.iter().any(|s| s.unit == *u))
            .expect("an empty unit");
        let next = page.line_of(units[empty + 1]).expect("on the page");
        assert_eq!(index.first_line(empty), next, "width {width}");
    }
}
