//! Properties of `layout_paragraph` over random mixes of Arabic (with harakat and lam-alef),
//! Persian, Urdu, Hebrew (with niqqud), Latin, three kinds of digits, punctuation and brackets,
//! bidi controls, joiners, other control characters and emoji.

use proptest::prelude::*;
use sahifa::layout::controls::{control_symbol, is_bidi_control};
use sahifa::layout::mirror::mirrored;
use sahifa::layout::shaping::{DOTTED_CIRCLE, unshape};
use sahifa::layout::width::text_width;
use sahifa::layout::{DirectionMode, LayoutOptions, ParagraphLayout, TagSpan, layout_paragraph};

const PIECES: &[&str] = &[
    "ب",
    "ت",
    "ل",
    "ا",
    "أ",
    "إ",
    "آ",
    "لا",
    "لَا",
    "ء",
    "ة",
    "ى",
    "ي",
    "و",
    "ـ",
    "َ",
    "ّ",
    "ً",
    "ِ",
    "پ",
    "چ",
    "ژ",
    "گ",
    "ک",
    "ی",
    "ٹ",
    "ڈ",
    "ڑ",
    "ں",
    "ے",
    "ہ",
    "ھ",
    "א",
    "ב",
    "ש",
    "ם",
    "ְ",
    "ָ",
    "ּ",
    "־",
    "״",
    "a",
    "b",
    "Z",
    "x",
    "0",
    "7",
    "٣",
    "٠",
    "۴",
    "۹",
    " ",
    " ",
    " ",
    " ",
    "  ",
    ".",
    ",",
    "!",
    "?",
    "؟",
    "،",
    "%",
    "$",
    "-",
    "/",
    ":",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "«",
    "»",
    "\"",
    "<",
    ">",
    "\u{202A}",
    "\u{202B}",
    "\u{202C}",
    "\u{202D}",
    "\u{202E}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{200E}",
    "\u{200F}",
    "\u{061C}",
    "\u{200C}",
    "\u{200D}",
    "\t",
    "\u{1B}",
    "\u{7}",
    "\u{7F}",
    "\u{85}",
    "\u{9B}",
    "\u{0}",
    "\u{200B}",
    "😀",
    "👍🏽",
    "❤\u{FE0F}",
    "👨\u{200D}👩\u{200D}👧",
    "漢",
    "\u{0301}",
];

fn paragraph() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(prop::sample::select(PIECES), 0..60),
        1 => prop::collection::vec(prop::sample::select(PIECES), 200..800),
    ]
    .prop_map(|p| p.concat())
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (
        prop::option::of(0usize..40),
        prop::sample::select(vec![
            DirectionMode::Auto,
            DirectionMode::Ltr,
            DirectionMode::Rtl,
        ]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(width, direction, shape, reorder)| LayoutOptions {
            width,
            direction,
            shape,
            reorder,
            reveal: false,
        })
}

/// A mirrored pair counts as one character: which one is shown depends on the run's direction.
fn canonical(c: char) -> char {
    c.min(mirrored(c))
}

fn is_control(c: char) -> bool {
    is_bidi_control(c) || c == '\u{200C}' || c == '\u{200D}' || c.is_control()
}

fn source_characters(text: &str) -> Vec<char> {
    let mut chars: Vec<char> = text
        .chars()
        .filter(|&c| !is_control(c) && !c.is_whitespace())
        .map(canonical)
        .collect();
    chars.sort_unstable();
    chars
}

fn shown_characters(layout: &ParagraphLayout<u8>) -> Vec<char> {
    let mut chars = Vec::new();
    for c in layout.lines.iter().flat_map(|l| l.text.chars()) {
        let added = c == '\u{200D}' || c == DOTTED_CIRCLE || ('\u{2400}'..='\u{2426}').contains(&c);
        if c.is_whitespace() || added {
            continue;
        }
        match unshape(c) {
            Some((first, second)) => chars.extend(std::iter::once(first).chain(second)),
            None => chars.push(c),
        }
    }
    let mut chars: Vec<char> = chars.into_iter().map(canonical).collect();
    chars.sort_unstable();
    chars
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn every_visible_character_appears_exactly_once(text in paragraph(), options in options()) {
        let layout = layout_paragraph::<u8>(&text, &[], &options);
        prop_assert_eq!(shown_characters(&layout), source_characters(&text));
    }

    #[test]
    fn no_line_is_wider_than_the_width(text in paragraph(), options in options()) {
        let layout = layout_paragraph::<u8>(&text, &[], &options);
        for line in &layout.lines {
            let cells: usize = line.clusters.iter().map(|c| c.width).sum();
            prop_assert_eq!(cells, line.width);
            if let Some(width) = options.width {
                prop_assert!(line.width <= width || line.clusters.len() == 1, "{:?}", line);
            }
            let mut at = 0;
            for cluster in &line.clusters {
                prop_assert_eq!(cluster.text.start, at);
                at = cluster.text.end;
                let shown = line.text.get(cluster.text.clone()).unwrap_or_default();
                prop_assert_eq!(text_width(shown), cluster.width, "{:?}", shown);
                // Zero width only for a paragraph of nothing but invisible format characters.
                prop_assert!(cluster.width > 0 || layout.lines.len() == 1 && line.clusters.len() == 1);
            }
            prop_assert_eq!(at, line.text.len());
        }
    }

    #[test]
    fn logical_ranges_give_the_paragraph_back_in_order(text in paragraph(), options in options()) {
        let layout = layout_paragraph::<u8>(&text, &[], &options);
        prop_assert!(!layout.lines.is_empty());
        let mut at = 0;
        for line in &layout.lines {
            prop_assert_eq!(line.logical.start, at);
            prop_assert!(line.logical.end >= line.logical.start);
            for cluster in &line.clusters {
                prop_assert!(line.logical.start <= cluster.logical.start && cluster.logical.end <= line.logical.end);
            }
            at = line.logical.end;
        }
        prop_assert_eq!(at, text.len());
        let rebuilt: String = layout.lines.iter().filter_map(|l| text.get(l.logical.clone())).collect();
        prop_assert_eq!(rebuilt, text);
    }

    #[test]
    fn nothing_shown_is_a_control_character(text in paragraph(), options in options()) {
        let layout = layout_paragraph::<u8>(&text, &[], &options);
        for c in layout.lines.iter().flat_map(|l| l.text.chars()) {
            prop_assert!(!c.is_control() && !is_bidi_control(c) && control_symbol(c).is_none(), "{:?}", c);
            prop_assert_ne!(c, '\u{200C}');
        }
    }

    #[test]
    fn tags_land_on_the_clusters_they_cover(text in paragraph(), options in options(), split in 0usize..200) {
        let split = (0..=split.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let tags = [TagSpan { range: split..text.len(), tag: 7u8 }];
        let layout = layout_paragraph(&text, &tags, &options);
        for cluster in layout.lines.iter().flat_map(|l| &l.clusters) {
            let expected = if cluster.logical.start >= split { 7 } else { 0 };
            prop_assert_eq!(cluster.tag, expected);
        }
    }
}
