//! The one width measure of sahifa: display cells of a grapheme cluster, by `unicode-width`.
//!
//! Every width in the program (wrapping, alignment, painting) is the sum of per-grapheme widths of
//! the *shaped* text. Measuring whole strings instead would be wrong twice: `unicode-width` gives
//! unshaped lam-alef (لا) one cell while a terminal grid paints its two letters in two cells, and
//! control characters would count as nothing.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display cells of one grapheme cluster.
pub fn grapheme_width(grapheme: &str) -> usize {
    grapheme.width()
}

/// Display cells of a text: the sum of its graphemes' widths.
pub fn text_width(text: &str) -> usize {
    text.graphemes(true).map(grapheme_width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unshaped_lam_alef_is_two_cells_not_one() {
        // unicode-width alone says 1 for the pair; the grid paints two letters.
        assert_eq!("لا".width(), 1);
        assert_eq!(text_width("لا"), 2);
        assert_eq!(text_width("\u{FEFB}"), 1);
    }

    #[test]
    fn marks_ride_on_their_base() {
        assert_eq!(text_width("بَ"), 1);
        assert_eq!(text_width("שָׁלוֹם"), 4);
    }

    #[test]
    fn wide_characters_take_two_cells() {
        assert_eq!(text_width("漢a"), 3);
        assert_eq!(text_width("😀"), 2);
    }
}
