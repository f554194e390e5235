//! What happens to control and format characters on the way to the screen.
//!
//! Rule: nothing in an article may reach a terminal as a control sequence. Bidi controls (LRE RLE
//! PDF LRO RLO LRI RLI FSI PDI LRM RLM ALM) take effect in the analysis and are then dropped;
//! ZWJ and ZWNJ take effect in shaping and are then dropped (except a ZWJ inside an emoji
//! sequence, which is what makes the sequence one picture); a tab becomes one cluster of
//! [`TAB_CELLS`] spaces (tab stops mean nothing once a line is reordered, and a line never
//! breaks inside the gap); every other C0 control, DEL and the C1
//! controls become visible symbols from the U+2400 block. In reveal mode every invisible
//! character with a [`reveal_label`] still takes effect (in bidi analysis and shaping) and is
//! also shown, as its label: one unit of reordering at the character's own level, so it stands
//! at its logical place in the reordered line, never mirrored; the visible text around it is
//! reordered exactly as without reveal.

/// Spaces a tab expands to.
pub const TAB_CELLS: usize = 4;

/// What the engine does with one source character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Treatment {
    /// Shown (possibly shaped or mirrored).
    Show,
    /// Takes effect, then dropped.
    Drop,
    /// Shown as this symbol instead.
    Symbol(char),
    /// Shown as [`TAB_CELLS`] spaces.
    Tab,
    /// Takes effect, and is shown as its [`reveal_label`] (reveal mode).
    Reveal,
}

/// The widest reveal label; a column narrower than this gets [`NARROW_LABEL`] instead.
pub const MAX_LABEL_CELLS: usize = 5;

/// The one-cell label of every invisible character in a column too narrow for names.
pub const NARROW_LABEL: &str = "\u{A4}";

/// What reveal mode shows for an invisible character: the bidi controls and marks, the joiners,
/// zero-width space, word joiner, soft hyphen, byte order mark, combining grapheme joiner,
/// Mongolian vowel separator and invisible operators by their abbreviations; variation
/// selectors as `VS1`…`VS256`; tag characters (which can carry hidden ASCII text) as the ASCII
/// character they stand for, or `TAG`. `None` for anything else.
pub fn reveal_label(c: char) -> Option<std::borrow::Cow<'static, str>> {
    use std::borrow::Cow::{Borrowed, Owned};
    let name = match c {
        '\u{202A}' => "LRE",
        '\u{202B}' => "RLE",
        '\u{202C}' => "PDF",
        '\u{202D}' => "LRO",
        '\u{202E}' => "RLO",
        '\u{2066}' => "LRI",
        '\u{2067}' => "RLI",
        '\u{2068}' => "FSI",
        '\u{2069}' => "PDI",
        '\u{200E}' => "LRM",
        '\u{200F}' => "RLM",
        '\u{061C}' => "ALM",
        '\u{200D}' => "ZWJ",
        '\u{200C}' => "ZWNJ",
        '\u{200B}' => "ZWSP",
        '\u{2060}' => "WJ",
        '\u{AD}' => "SHY",
        '\u{FEFF}' => "BOM",
        '\u{034F}' => "CGJ",
        '\u{180E}' => "MVS",
        '\u{2061}'..='\u{2064}' => "INV",
        '\u{FE00}'..='\u{FE0F}' => return Some(Owned(format!("VS{}", c as u32 - 0xFE00 + 1))),
        '\u{E0100}'..='\u{E01EF}' => {
            return Some(Owned(format!("VS{}", c as u32 - 0xE0100 + 17)));
        }
        '\u{E0021}'..='\u{E007E}' => {
            return char::from_u32(c as u32 - 0xE0000).map(|a| Owned(a.to_string()));
        }
        '\u{E0000}'..='\u{E007F}' => "TAG",
        _ => return None,
    };
    Some(Borrowed(name))
}

/// True for the explicit bidi formatting characters and the implicit marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// How many characters of `text` are [bidi controls](is_bidi_control), found by bytes: every
/// control but ALM (U+061C, `D8 9C`) starts with `E2`, rare in right-to-left text, so a 100 MB
/// article is counted at memory speed instead of decoding each character.
pub fn count_bidi_controls(text: &str) -> usize {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(0xE2, 0x9C, bytes)
        .filter(|&i| match bytes[i] {
            0xE2 => text
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(is_bidi_control),
            _ => i > 0 && bytes[i - 1] == 0xD8,
        })
        .count()
}

/// The visible stand-in for a control character, or `None` for anything else.
pub fn control_symbol(c: char) -> Option<char> {
    match c {
        '\t' => None,
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('\u{2421}'),
        // C1 has no symbols of its own: SYMBOL FOR SUBSTITUTE FORM TWO marks "a control was here".
        '\u{80}'..='\u{9F}' => Some('\u{2426}'),
        _ => None,
    }
}

/// The treatment of `chars[i]`; the neighbours matter only for ZWJ.
pub(crate) fn treatment(c: char, prev: Option<char>, next: Option<char>) -> Treatment {
    if (c as u32) < 0x7F && c >= ' ' {
        return Treatment::Show;
    }
    if c == '\t' {
        return Treatment::Tab;
    }
    if let Some(symbol) = control_symbol(c) {
        return Treatment::Symbol(symbol);
    }
    if is_bidi_control(c) || c == '\u{200C}' {
        return Treatment::Drop;
    }
    if c == '\u{200D}' {
        return if prev.is_some_and(is_pictographic) && next.is_some_and(is_pictographic) {
            Treatment::Show
        } else {
            Treatment::Drop
        };
    }
    Treatment::Show
}

/// [`treatment`], or [`Treatment::Reveal`] for a character with a [`reveal_label`] when
/// `reveal` is on.
pub(crate) fn treatment_with(
    c: char,
    prev: Option<char>,
    next: Option<char>,
    reveal: bool,
) -> Treatment {
    if reveal && reveal_label(c).is_some() {
        return Treatment::Reveal;
    }
    treatment(c, prev, next)
}

/// Emoji that ZWJ sequences are built from (pictographs, plus the modifiers and variation
/// selector that may sit between a pictograph and the ZWJ).
fn is_pictographic(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}' | '\u{FE0F}' | '\u{E0020}'..='\u{E007F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_controls_by_bytes_agrees_with_decoding() {
        let texts = [
            "",
            "\u{061C}",
            "مرحبا \u{202B}بالعالم\u{202C} “quoted” … \u{2067}x\u{2069}\u{200F}",
            "\u{065C}\u{061C}ٜ\u{200E}\u{2026}\u{201C}\u{2066}\u{2068}\u{202A}\u{202E}\u{2070}",
            "plain ascii with no controls",
        ];
        for text in texts {
            let decoded = text.chars().filter(|&c| is_bidi_control(c)).count();
            assert_eq!(count_bidi_controls(text), decoded, "{text:?}");
        }
        // Every character from U+0000 to U+2FFF, one at a time and all together.
        let all: String = (0..0x3000).filter_map(char::from_u32).collect();
        assert_eq!(count_bidi_controls(&all), 12);
    }

    #[test]
    fn escape_and_bell_become_symbols() {
        assert_eq!(treatment('\u{1B}', None, None), Treatment::Symbol('␛'));
        assert_eq!(treatment('\u{7}', None, None), Treatment::Symbol('␇'));
        assert_eq!(treatment('\u{7F}', None, None), Treatment::Symbol('␡'));
        assert_eq!(
            treatment('\u{9B}', None, None),
            Treatment::Symbol('\u{2426}')
        );
    }

    #[test]
    fn bidi_controls_and_joiners_are_dropped() {
        for c in [
            '\u{202B}', '\u{2067}', '\u{200F}', '\u{061C}', '\u{200C}', '\u{200D}',
        ] {
            assert_eq!(treatment(c, Some('a'), Some('b')), Treatment::Drop, "{c:?}");
        }
    }

    #[test]
    fn zwj_inside_an_emoji_sequence_stays() {
        assert_eq!(
            treatment('\u{200D}', Some('👨'), Some('👩')),
            Treatment::Show
        );
    }
}
