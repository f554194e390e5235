//! Arabic shaping: logical text in, the glyphs to show (still in logical order) out.
//!
//! Rule (UAX #9 needs none of this; ArabicShaping.txt drives it): every character has a joining
//! type (R right-joining, L left-joining, D dual, C join-causing like tatweel and ZWJ, U
//! non-joining like ZWNJ, T transparent like harakat — skipped when looking for the neighbour).
//! A letter joins its previous neighbour when that one joins forward (D, L, C) and it joins
//! backward itself (D, R, C), and symmetrically for the next one; the pair of answers picks the
//! isolated, final, initial or medial presentation form. Lam followed by alef (ا أ إ آ), with
//! only transparent marks between, becomes one lam-alef ligature (isolated or final, after lam's
//! own joining); the marks that stood between follow the ligature. A form that Unicode does not
//! encode leaves the letter as it is, and so does a non-joining letter (hamza stays U+0621, as in
//! FriBidi: its isolated form is the letter itself). The tables are generated from Unicode data
//! (`assets/tools/gen_layout_tables.py`). Control characters are handled here too (see
//! [`super::controls`]), so this pass produces exactly the glyphs that reach the screen, each
//! with the source byte range it came from. A combining mark that opens a paragraph has no base
//! to sit on: it gets a dotted circle (U+25CC), as font renderers do, instead of landing on
//! whatever the terminal printed before it; so does a mark right after a bidi control (its
//! level comes from the control, so it need not be shown next to the letter before it).

use super::controls::{
    MAX_LABEL_CELLS, NARROW_LABEL, Treatment, is_bidi_control, reveal_label, treatment_with,
};
use super::forms_table::{FORMS, LAM_ALEF};
use super::joining_table::JOINING_TYPES;

/// The joining type of a character (ArabicShaping.txt).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoiningType {
    /// Right-joining: joins the previous letter only.
    R,
    /// Left-joining: joins the next letter only.
    L,
    /// Dual-joining.
    D,
    /// Join-causing (tatweel, ZWJ).
    C,
    /// Non-joining.
    U,
    /// Transparent (marks, format characters).
    T,
}

/// One character to show, and the source bytes it stands for (`u32` offsets keep glyphs small;
/// a paragraph is far below 4 GiB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Glyph {
    pub ch: char,
    pub start: u32,
    pub end: u32,
    /// Part of the reveal label of an invisible character.
    pub revealed: bool,
}

const LAM: char = '\u{0644}';

/// The base shown under a combining mark that has none.
pub const DOTTED_CIRCLE: char = '\u{25CC}';

/// Invisible format characters (Cf) that are transparent to joining but are not marks.
fn is_format(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{600}'..='\u{605}' | '\u{61C}' | '\u{6DD}' | '\u{70F}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}')
}

/// U+0300–U+08FF (combining marks, Hebrew, Arabic, Syriac, N'Ko), where almost every lookup
/// lands, as direct tables built once from the generated ones.
struct Block {
    types: Vec<JoiningType>,
    /// Forms of U+0600–U+06FF.
    forms: Vec<[char; 4]>,
}

const BLOCK_START: u32 = 0x0300;
const BLOCK_END: u32 = 0x0900;
const FORMS_START: u32 = 0x0600;
const FORMS_END: u32 = 0x0700;

fn block() -> &'static Block {
    static BLOCK: std::sync::OnceLock<Block> = std::sync::OnceLock::new();
    BLOCK.get_or_init(|| {
        let chars = || (BLOCK_START..BLOCK_END).filter_map(char::from_u32);
        Block {
            types: chars().map(search_joining_type).collect(),
            forms: (FORMS_START..FORMS_END)
                .filter_map(char::from_u32)
                .map(
                    |c| match FORMS.binary_search_by_key(&c, |&(base, _)| base) {
                        Ok(i) => FORMS[i].1,
                        Err(_) => ['\0'; 4],
                    },
                )
                .collect(),
        }
    })
}

/// The joining type of `c`.
pub fn joining_type(c: char) -> JoiningType {
    let cp = c as u32;
    if cp < 0xAD {
        return JoiningType::U;
    }
    if (BLOCK_START..BLOCK_END).contains(&cp) {
        return block().types[(cp - BLOCK_START) as usize];
    }
    search_joining_type(c)
}

fn search_joining_type(c: char) -> JoiningType {
    match JOINING_TYPES.binary_search_by(|&(lo, hi, _)| {
        if hi < c {
            std::cmp::Ordering::Less
        } else if lo > c {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => JOINING_TYPES[i].2,
        Err(_) => JoiningType::U,
    }
}

fn joins_backward(t: JoiningType) -> bool {
    matches!(t, JoiningType::R | JoiningType::D | JoiningType::C)
}

fn joins_forward(t: JoiningType) -> bool {
    matches!(t, JoiningType::L | JoiningType::D | JoiningType::C)
}

/// The presentation form of `c` (of joining type `t`) joined to its previous and/or next
/// neighbour, when encoded. Every letter with forms is in U+0621–U+06D3.
fn presentation_form(c: char, t: JoiningType, prev: bool, next: bool) -> char {
    let cp = c as u32;
    if t == JoiningType::U || !(FORMS_START..FORMS_END).contains(&cp) {
        return c;
    }
    let Some(forms) = block().forms.get((cp - FORMS_START) as usize) else {
        return c;
    };
    let slot = match (prev, next) {
        (false, false) => 0,
        (true, false) => 1,
        (false, true) => 2,
        (true, true) => 3,
    };
    match forms[slot] {
        '\0' => c,
        form => form,
    }
}

fn lam_alef(alef: char, joined_before: bool) -> Option<char> {
    let i = LAM_ALEF.binary_search_by_key(&alef, |&(a, _)| a).ok()?;
    Some(LAM_ALEF[i].1[usize::from(joined_before)])
}

/// The letters a presentation form stands for: one letter, or lam and alef for a ligature.
pub fn unshape(c: char) -> Option<(char, Option<char>)> {
    if let Some(&(alef, _)) = LAM_ALEF.iter().find(|(_, forms)| forms.contains(&c)) {
        return Some((LAM, Some(alef)));
    }
    FORMS
        .iter()
        .find(|(_, forms)| c != '\0' && forms.contains(&c))
        .map(|&(base, _)| (base, None))
}

/// The neighbours a presentation form joins, `(previous, next)` in logical order — in a
/// right-to-left line the letter on its right and the letter on its left; `None` when `c` is
/// not the presentation form of a letter or of lam-alef.
pub fn form_joins(c: char) -> Option<(bool, bool)> {
    if c == '\0' {
        return None;
    }
    let slot = |forms: &[char]| forms.iter().position(|&f| f == c);
    if let Some(i) = LAM_ALEF.iter().find_map(|(_, forms)| slot(forms)) {
        return Some((i == 1, false));
    }
    // Slots are [isolated, final, initial, medial].
    let i = FORMS.iter().find_map(|(_, forms)| slot(forms))?;
    Some((i % 2 == 1, i >= 2))
}

/// Appends the glyphs of `text` to `out`: controls treated, Arabic shaped when `shape` is set.
#[cfg(test)]
pub(crate) fn shape_into(text: &str, shape: bool, out: &mut Vec<Glyph>) {
    shape_with(text, shape, None, out);
}

/// [`shape_into`], with invisible characters shown as their labels when `reveal` is given
/// (the widest label it allows, in cells).
pub(crate) fn shape_with(text: &str, shape: bool, reveal: Option<usize>, out: &mut Vec<Glyph>) {
    let emit = |out: &mut Vec<Glyph>,
                treated: Treatment,
                shown: char,
                start: u32,
                end: u32,
                prev: Option<char>| {
        emit(out, treated, shown, start, end, prev, reveal.unwrap_or(0));
    };
    let treatment = |c: char, prev: Option<char>, next: Option<char>| {
        treatment_with(c, prev, next, reveal.is_some())
    };
    // Every character from U+0600 on starts with a UTF-8 byte of 0xD8 or more.
    if !shape || text.bytes().all(|b| b < 0xD8) {
        let mut chars = text.char_indices().peekable();
        let mut prev = None;
        while let Some((start, c)) = chars.next() {
            let (end, next) = chars
                .peek()
                .map_or((text.len(), None), |&(p, n)| (p, Some(n)));
            let treated = treatment(c, prev, next);
            emit(out, treated, c, start as u32, end as u32, prev);
            prev = Some(c);
        }
        return;
    }
    let mut chars: Vec<(u32, char, JoiningType)> = Vec::with_capacity(text.len() / 2 + 1);
    chars.extend(
        text.char_indices()
            .map(|(i, c)| (i as u32, c, joining_type(c))),
    );
    let end_of = |i: usize| chars.get(i + 1).map_or(text.len() as u32, |&(p, _, _)| p);
    // The joining types of the nearest non-transparent characters before and after `i`.
    let mut before = JoiningType::U;
    let mut after_at = 0;
    let mut i = 0;
    while i < chars.len() {
        let (start, c, t) = chars[i];
        if after_at <= i {
            after_at = (i + 1..chars.len())
                .find(|&j| chars[j].2 != JoiningType::T)
                .unwrap_or(chars.len());
        }
        let after = chars.get(after_at).map_or(JoiningType::U, |&(_, _, t)| t);
        let joined_before = t != JoiningType::T && joins_backward(t) && joins_forward(before);
        let joined_after = t != JoiningType::T && joins_forward(t) && joins_backward(after);
        if t != JoiningType::T {
            before = t;
        }
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(i + 1).map(|&(_, n, _)| n);
        let treated = treatment(c, prev, next);
        if treated == Treatment::Show
            && c == LAM
            && after_at < chars.len()
            && let Some(ligature) = lam_alef(chars[after_at].1, joined_before)
        {
            let alef_at = after_at;
            emit(out, Treatment::Show, ligature, start, end_of(alef_at), None);
            // The marks between lam and alef follow the ligature.
            for (m, &(mark_start, mark, _)) in chars.iter().enumerate().take(alef_at).skip(i + 1) {
                let before = chars.get(m - 1).map(|&(_, p, _)| p);
                emit(
                    out,
                    treatment(mark, None, None),
                    mark,
                    mark_start,
                    end_of(m),
                    before,
                );
            }
            // Alef is right-joining: nothing after it joins it.
            before = JoiningType::R;
            i = alef_at + 1;
            continue;
        }
        let shown = match treated {
            Treatment::Show => presentation_form(c, t, joined_before, joined_after),
            _ => c,
        };
        emit(out, treated, shown, start, end_of(i), prev);
        i += 1;
    }
}

/// Appends what one source character (bytes `start..end`, after the source character `prev`)
/// shows as.
fn emit(
    out: &mut Vec<Glyph>,
    treated: Treatment,
    shown: char,
    start: u32,
    end: u32,
    prev: Option<char>,
    label_cells: usize,
) {
    let glyph = |ch| Glyph {
        ch,
        start,
        end,
        revealed: false,
    };
    match treated {
        Treatment::Drop => {}
        Treatment::Reveal => {
            let label = reveal_label(shown).unwrap_or_default();
            let label = if label_cells >= MAX_LABEL_CELLS {
                &label
            } else {
                NARROW_LABEL
            };
            out.extend(label.chars().map(|ch| Glyph {
                revealed: true,
                ..glyph(ch)
            }));
        }
        // Kept as one glyph (one cluster), so that no line breaks inside it; written as spaces.
        Treatment::Tab => out.push(glyph('\t')),
        Treatment::Symbol(symbol) => out.push(glyph(symbol)),
        Treatment::Show => {
            // A mark has no base when nothing is shown before it, or when a bidi control stands
            // between: the mark takes its bidi level from the control (UAX #9 W1), so it may
            // be shown far from the letter before the control.
            let baseless = out.is_empty() || prev.is_some_and(is_bidi_control);
            if baseless && joining_type(shown) == JoiningType::T && !is_format(shown) {
                out.push(glyph(DOTTED_CIRCLE));
            }
            out.push(glyph(shown));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shaped(text: &str) -> String {
        let mut glyphs = Vec::new();
        shape_into(text, true, &mut glyphs);
        glyphs.iter().map(|g| g.ch).collect()
    }

    #[test]
    fn letters_take_their_four_forms() {
        // beh alone, then beh-beh-beh: initial, medial, final.
        assert_eq!(shaped("ب"), "\u{FE8F}");
        assert_eq!(shaped("ببب"), "\u{FE91}\u{FE92}\u{FE90}");
    }

    #[test]
    fn harakat_do_not_break_joining() {
        assert_eq!(shaped("بَب"), "\u{FE91}\u{064E}\u{FE90}");
    }

    #[test]
    fn zwnj_breaks_and_zwj_forces_joining() {
        assert_eq!(shaped("ب\u{200C}ب"), "\u{FE8F}\u{FE8F}");
        assert_eq!(shaped("ب\u{200D}"), "\u{FE91}");
    }

    #[test]
    fn lam_alef_becomes_one_ligature_in_every_form() {
        assert_eq!(shaped("لا"), "\u{FEFB}");
        assert_eq!(shaped("بلا"), "\u{FE91}\u{FEFC}");
        assert_eq!(shaped("لأ"), "\u{FEF7}");
        assert_eq!(shaped("لإ"), "\u{FEF9}");
        assert_eq!(shaped("لآ"), "\u{FEF5}");
    }

    #[test]
    fn harakat_between_lam_and_alef_follow_the_ligature() {
        assert_eq!(shaped("لَا"), "\u{FEFB}\u{064E}");
        assert_eq!(shaped("بلَّا"), "\u{FE91}\u{FEFC}\u{064E}\u{0651}");
    }

    #[test]
    fn persian_and_urdu_letters_are_shaped() {
        assert_eq!(shaped("پچ"), "\u{FB58}\u{FB7B}");
        assert_eq!(shaped("ہے"), "\u{FBA8}\u{FBAF}");
        assert_eq!(shaped("کی"), "\u{FB90}\u{FBFD}");
    }

    #[test]
    fn a_mark_without_base_sits_on_a_dotted_circle() {
        assert_eq!(shaped("\u{064E}ب"), "\u{25CC}\u{064E}\u{FE8F}");
        assert_eq!(shaped("\u{200F}\u{0301}"), "\u{25CC}\u{0301}");
        assert_eq!(shaped("\u{200B}"), "\u{200B}");
    }

    #[test]
    fn non_joining_hamza_stays_itself() {
        assert_eq!(shaped("ء"), "\u{0621}");
    }

    #[test]
    fn unencoded_forms_leave_the_letter_alone() {
        // Noon ghunna has no initial form.
        assert_eq!(shaped("ںب"), "\u{06BA}\u{FE90}");
    }

    #[test]
    fn unshape_inverts_forms_and_ligatures() {
        assert_eq!(unshape('\u{FEFC}'), Some((LAM, Some('\u{0627}'))));
        assert_eq!(unshape('\u{FE91}'), Some(('\u{0628}', None)));
        assert_eq!(unshape('a'), None);
    }

    #[test]
    fn form_joins_names_the_neighbours_each_shaped_form_joins() {
        let joins = |text: &str| shaped(text).chars().map(form_joins).collect::<Vec<_>>();
        let (alone, initial, medial, last) = (
            Some((false, false)),
            Some((false, true)),
            Some((true, true)),
            Some((true, false)),
        );
        assert_eq!(joins("ب ببب"), [alone, None, initial, medial, last]);
        assert_eq!(
            joins("ہے لا بلا"),
            [initial, last, None, alone, None, initial, last]
        );
        assert_eq!(form_joins('\0'), None);
    }
}
