//! The engine's own bidi steps on single characters, for the Unicode conformance tests
//! (BidiTest.txt, BidiCharacterTest.txt): the same analysis and the same L1/L2 code as
//! [`super::layout_paragraph`], but every character its own unit, so rule L3 is not applied —
//! the conformance files expect the plain L2 order.

use super::DirectionMode;
use super::paragraph::Analysis;
use super::reorder::{apply_l1, visual_order};
use unicode_bidi::BidiClass;

/// What the conformance files record for one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub para_level: u8,
    /// Level per character after L1; `None` for characters removed by rule X9.
    pub levels: Vec<Option<u8>>,
    /// Character indices in visual order, removed characters left out.
    pub order: Vec<usize>,
}

/// Resolves `text` as one paragraph.
pub fn resolve(text: &str, direction: DirectionMode) -> Resolved {
    use BidiClass::{BN, LRE, LRO, PDF, RLE, RLO};
    let analysis = Analysis::new(text, direction);
    let mut kept = Vec::new();
    let mut classes = Vec::new();
    let mut levels = Vec::new();
    let mut all = Vec::new();
    for (index, (at, _)) in text.char_indices().enumerate() {
        let class = analysis.class(at);
        if matches!(class, BN | LRE | RLE | LRO | RLO | PDF) {
            all.push(None);
            continue;
        }
        kept.push(index);
        classes.push(class);
        levels.push(analysis.level(at));
        all.push(Some(0));
    }
    apply_l1(&classes, &mut levels, analysis.para_level);
    let mut order = Vec::new();
    visual_order(&levels, &mut order);
    for (k, &index) in kept.iter().enumerate() {
        all[index] = Some(levels[k]);
    }
    Resolved {
        para_level: analysis.para_level,
        levels: all,
        order: order.into_iter().map(|k| kept[k]).collect(),
    }
}
