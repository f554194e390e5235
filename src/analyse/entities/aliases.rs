//! Aliases in brackets: a short name in parentheses right after an organisation is that
//! organisation's acronym or short name (منظمة الأغذية والزراعة (الفاو), ہائر ایجوکیشن کمیشن
//! (ایچ ای سی), רשות ניירות ערך (רני"ע)), whatever the lists say the word is on its own.
//!
//! A place or a person named in Latin letters takes its native form in brackets the same way
//! (City of the Dead (مدينة الموتى)).
//!
//! The rule: after the organisation, only spaces, then `(`, one to five words of letters, `)`.
//! Mentions inside the brackets give way to the organisation.

use super::text::{Candidate, RANK_RULE, Text};
use super::units::is_word_char;
use crate::document::EntityKind;

/// The most words an alias has (ایف اے او, پی سی جی اے).
const ALIAS_WORDS: usize = 5;

/// Adds the aliases of the organisations in `chosen` (sorted by start, overlaps resolved).
pub fn aliases(t: &Text<'_>, chosen: &mut Vec<Candidate>) {
    let text = t.text();
    let mut found = Vec::new();
    for c in chosen.iter() {
        // A place or a person written in Latin letters takes its own script's form in
        // brackets after it: City of the Dead (مدينة الموتى), Tractor (تراکتور).
        let native = matches!(c.kind, EntityKind::Place | EntityKind::Person)
            && text
                .get(c.start..c.end)
                .is_some_and(|s| s.starts_with(|ch: char| ch.is_ascii_alphabetic()));
        if c.kind != EntityKind::Organization && !native {
            continue;
        }
        if let Some(range) = alias_after(text, c.end)
            && (!native
                || text
                    .get(range.0..range.1)
                    .is_some_and(|s| !s.starts_with(|ch: char| ch.is_ascii())))
        {
            found.push((range, c.kind));
        }
    }
    if found.is_empty() {
        return;
    }
    for ((start, end), kind) in found {
        chosen.retain(|c| c.kind == EntityKind::Quote || c.end <= start || c.start >= end);
        chosen.push(Candidate {
            start,
            end,
            kind,
            rank: RANK_RULE,
            elided: false,
        });
    }
    chosen.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
}

/// The folded byte range inside brackets that open right after `end`, when it holds one to
/// [`ALIAS_WORDS`] words of letters and nothing else.
fn alias_after(text: &str, end: usize) -> Option<(usize, usize)> {
    let rest = text.get(end..)?;
    let open = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    let inner_start = end + open + rest.get(open..)?.strip_prefix('(').map(|_| 1)?;
    let inner = text.get(inner_start..)?;
    let close = inner.find(')')?;
    let body = inner.get(..close)?;
    let trimmed = body.trim();
    let words = trimmed.split_whitespace().count();
    let letters_only = trimmed.chars().all(|c| {
        (is_word_char(c) && !c.is_ascii_digit() && !('\u{0660}'..='\u{0669}').contains(&c))
            || matches!(c, ' ' | '.' | '"' | '\'' | '-' | '&')
    });
    if trimmed.is_empty() || words > ALIAS_WORDS || !letters_only {
        return None;
    }
    let lead = body.len() - body.trim_start().len();
    let start = inner_start + lead;
    Some((start, start + trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::alias_after;

    #[test]
    fn alias_is_the_bracketed_name_after_the_end() {
        let text = "منظمة الفاو (FAO) قالت";
        let end = "منظمة الفاو".len();
        let (s, e) = alias_after(text, end).expect("alias");
        assert_eq!(text.get(s..e), Some("FAO"));
    }

    #[test]
    fn numbers_and_long_asides_are_not_aliases() {
        let text = "منظمة (2024) و (قالت إنها ستعمل على هذا الأمر قريبا جدا)";
        assert_eq!(alias_after(text, "منظمة".len()), None);
        let at = text.find(" و").expect("present") + " و".len();
        assert_eq!(alias_after(text, at), None);
    }
}
