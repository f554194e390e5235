//! The layout engine alone: one paragraph of arbitrary UTF-8 laid out at a width from the first
//! byte (0 = no wrapping), direction, shaping and reordering from the second, with one tag span
//! from the third. Every line is at most the width (or one cluster wider than it), clusters tile
//! each line and measure what they show, the lines' logical ranges give the paragraph back in
//! order, and nothing shown is a control character.

#![no_main]

mod checks;

use libfuzzer_sys::fuzz_target;
use sahifa::layout::{DirectionMode, LayoutOptions, TagSpan, WrapAlgorithm, layout_paragraph};

fuzz_target!(|data: &[u8]| {
    let [width, flags, tag_at, rest @ ..] = data else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let options = LayoutOptions {
        width: (*width != 0).then_some(usize::from(*width)),
        direction: match flags % 3 {
            0 => DirectionMode::Auto,
            1 => DirectionMode::Ltr,
            _ => DirectionMode::Rtl,
        },
        shape: flags & 4 == 0,
        reorder: flags & 8 == 0,
        wrap: if flags & 16 == 0 {
            WrapAlgorithm::OptimalFit
        } else {
            WrapAlgorithm::FirstFit
        },
        justify: flags & 32 != 0,
        reveal: flags & 64 != 0,
    };
    let split = (0..=usize::from(*tag_at).min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let tags = [TagSpan {
        range: split..text.len(),
        tag: 7u8,
    }];
    let layout = layout_paragraph(&text, &tags, &options);
    assert!(
        !layout.lines.is_empty(),
        "a paragraph has at least one line"
    );
    let mut at = 0;
    for line in &layout.lines {
        checks::check_visual(line);
        if let Some(width) = options.width {
            assert!(
                line.width <= width || line.clusters.len() == 1,
                "{} wide at width {width}: {:?}",
                line.width,
                line.text
            );
        }
        assert_eq!(line.logical.start, at, "lines tile the paragraph");
        assert!(line.logical.start <= line.logical.end);
        for cluster in &line.clusters {
            assert!(
                line.logical.start <= cluster.logical.start
                    && cluster.logical.end <= line.logical.end,
                "cluster {:?} outside its line {:?}",
                cluster.logical,
                line.logical
            );
            let expected = if cluster.logical.start >= split { 7 } else { 0 };
            assert_eq!(cluster.tag, expected, "tag of {:?}", cluster.logical);
        }
        at = line.logical.end;
    }
    assert_eq!(at, text.len(), "lines cover the paragraph");
});
