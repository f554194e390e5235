//! Rules L1–L2 of UAX #9 for one line: levels in, visual order out.
//!
//! L1: segment and paragraph separators, and any whitespace or isolate control before them or at
//! the end of the line, go back to the paragraph level. L2: from the highest level down to the
//! lowest odd one, every maximal run at that level or higher is reversed. Both work on any units
//! (the engine passes grapheme clusters, which keeps combining marks after their base: L3; the
//! conformance tests pass single characters). L4 (mirroring) happens where the line text is
//! written, see [`super::mirror`].

use unicode_bidi::BidiClass;

/// Rule L1 on one line's units; characters removed by rule X9 are not among them.
pub(crate) fn apply_l1(classes: &[BidiClass], levels: &mut [u8], para_level: u8) {
    let mut trailing = true;
    for (class, level) in classes.iter().zip(levels.iter_mut()).rev() {
        reset(*class, level, para_level, &mut trailing);
    }
}

/// Rule L1 on one line's bytes, every character of the line among them (the ones removed by
/// rule X9 too, which count as whitespace here); `class_at(b)` is the class of byte `b`.
pub(crate) fn apply_l1_bytes(
    class_at: impl Fn(usize) -> BidiClass,
    levels: &mut [u8],
    para_level: u8,
) {
    let mut trailing = true;
    for (b, level) in levels.iter_mut().enumerate().rev() {
        reset(class_at(b), level, para_level, &mut trailing);
    }
}

/// One step of L1, from the end of the line backwards.
fn reset(class: BidiClass, level: &mut u8, para_level: u8, trailing: &mut bool) {
    use BidiClass::{B, BN, FSI, LRE, LRI, LRO, PDF, PDI, RLE, RLI, RLO, S, WS};
    match class {
        S | B => {
            *level = para_level;
            *trailing = true;
        }
        WS | LRI | RLI | FSI | PDI | BN | LRE | RLE | LRO | RLO | PDF => {
            if *trailing {
                *level = para_level;
            }
        }
        _ => *trailing = false,
    }
}

/// Rule L2: `order[k]` is the index of the unit shown at visual position `k`.
pub(crate) fn visual_order(levels: &[u8], order: &mut Vec<usize>) {
    order.clear();
    order.extend(0..levels.len());
    let Some(&highest) = levels.iter().max() else {
        return;
    };
    let lowest_odd = levels.iter().copied().min().unwrap_or(0) | 1;
    let mut level = highest;
    while level >= lowest_odd {
        let mut i = 0;
        while i < levels.len() {
            if levels[i] < level {
                i += 1;
                continue;
            }
            let run = i;
            while i < levels.len() && levels[i] >= level {
                i += 1;
            }
            order[run..i].reverse();
        }
        level -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use BidiClass::{L, R, WS};

    #[test]
    fn runs_reverse_by_level() {
        let mut order = Vec::new();
        visual_order(&[0, 0, 1, 1, 2, 2, 1, 0], &mut order);
        assert_eq!(order, [0, 1, 6, 4, 5, 3, 2, 7]);
        visual_order(&[1, 1, 1], &mut order);
        assert_eq!(order, [2, 1, 0]);
        visual_order(&[], &mut order);
        assert!(order.is_empty());
    }

    #[test]
    fn trailing_whitespace_goes_to_paragraph_level() {
        let mut levels = [2, 1, 2, 1, 1];
        apply_l1(&[L, WS, L, WS, WS], &mut levels, 0);
        assert_eq!(levels, [2, 1, 2, 0, 0]);
        let mut levels = [1, 0];
        apply_l1(&[R, WS], &mut levels, 1);
        assert_eq!(levels, [1, 1]);
    }
}
