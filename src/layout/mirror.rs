//! Rule L4 of UAX #9: a character with a mirrored glyph is shown mirrored in an RTL run (odd
//! level). The pairs are Bidi_Mirroring_Glyph from BidiMirroring.txt, generated into
//! `mirror_table.rs`.

use super::mirror_table::MIRRORS;

/// The mirrored glyph of `c`, or `c` itself when it has none.
#[inline]
pub fn mirrored(c: char) -> char {
    if c.is_ascii() {
        return match c {
            '(' => ')',
            ')' => '(',
            '<' => '>',
            '>' => '<',
            '[' => ']',
            ']' => '[',
            '{' => '}',
            '}' => '{',
            _ => c,
        };
    }
    // Letters of the scripts articles are written in have no mirror: skip the search for
    // them (tests/unicode_tables.rs checks every character against BidiMirroring.txt).
    if ('\u{0100}'..'\u{0F00}').contains(&c)
        || ('\u{FB00}'..'\u{FE00}').contains(&c)
        || ('\u{FE70}'..'\u{FF00}').contains(&c)
    {
        return c;
    }
    match MIRRORS.binary_search_by_key(&c, |&(from, _)| from) {
        Ok(i) => MIRRORS[i].1,
        Err(_) => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_and_quotes_mirror() {
        assert_eq!(mirrored('('), ')');
        assert_eq!(mirrored(']'), '[');
        assert_eq!(mirrored('«'), '»');
        assert_eq!(mirrored('<'), '>');
        assert_eq!(mirrored('a'), 'a');
        assert_eq!(mirrored('"'), '"');
    }
}
