//! Patterns: numbers, dates and quotations, found from their shape rather than from lists.
//!
//! - Numbers: digits in any script (folding made them ASCII) with `.`, `,`, `٫`, `٬` between
//!   groups (28.000, 1,500, ٣٫٥), a percent sign (% ٪) or word (في المئة, אחוז, percent), a
//!   number word (ألف, آلاف, مليون, מיליון, million) and a currency (دولار, $, ₪) around them.
//!   A Hebrew prefix before a hyphen (ב-2016) is not part of the number.
//! - Dates: a month name (Gregorian in Arabic, Levantine, Maghrebi, Persian, Urdu, Hebrew and
//!   English forms; Hijri, Persian and Hebrew calendars) with a day before it or a year after
//!   it (27 فبراير, 5 كانون الثاني 2016, February 27, 2016); a year after a year word (عام
//!   2016, בשנת 2016); numeric dates (27/02/2016, 2016-02-27, 27.02.2016). A month name alone
//!   is not a date: مارس, أيار and May are also ordinary words and names.
//! - Quotations: «…», “…”, „…“ and "…" spans of at least three words. Shorter quoted spans
//!   are names or terms in scare quotes («داعش», «سوريا الديمقراطية»), tagged as such instead.
//!   A straight quote opens only after a space or punctuation and closes only before one, so
//!   the gershayim of צה"ל never pairs.

use super::gazetteer::{ROLE_CURRENCY, ROLE_MONTH, ROLE_NUMBER_WORD, ROLE_PERCENT, ROLE_YEAR_WORD};
use super::text::{Candidate, RANK_PATTERN, RANK_RULE, Text};
use super::units::Unit;
use crate::document::EntityKind;

/// The fewest words a quotation needs to count as quoted speech.
pub const QUOTE_MIN_WORDS: usize = 3;
/// The longest quotation searched for, in bytes of folded text.
const QUOTE_MAX_BYTES: usize = 4000;

/// The digits of a number word: all of it, or what follows a Hebrew prefix and hyphen.
fn digits_of(form: &str) -> Option<(usize, &str)> {
    if form.starts_with(|c: char| c.is_ascii_digit()) {
        return form
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then_some((0, form));
    }
    // Most words hold no hyphen: a byte scan says so before any character is decoded.
    memchr::memchr2(b'-', HEBREW_HYPHEN_LAST_BYTE, form.as_bytes())?;
    let hyphen = form.find(['-', '־'])?;
    let prefix = form.get(..hyphen)?;
    let rest = form.get(hyphen..)?;
    let digits = rest.trim_start_matches(['-', '־']);
    let all_digits = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    let hebrew = !prefix.is_empty() && prefix.chars().all(|c| "והבכלמש".contains(c));
    (all_digits && hebrew).then_some((form.len() - digits.len(), digits))
}

/// The last byte of the maqaf ־ (U+05BE) in UTF-8.
const HEBREW_HYPHEN_LAST_BYTE: u8 = 0xBE;

fn value_of(t: &Text<'_>, u: &Unit) -> Option<(usize, u32, usize)> {
    if u.first() != u.last() {
        return None;
    }
    let (offset, digits) = digits_of(t.form(u))?;
    Some((u.start + offset, digits.parse().ok()?, digits.len()))
}

pub fn numbers_and_dates(t: &Text<'_>, out: &mut Vec<Candidate>) {
    let text = t.text();
    let mut i = 0;
    while i < t.units.len() {
        let u = t.units[i];
        let Some((start, _, _)) = value_of(t, &u) else {
            i += 1;
            continue;
        };
        if let Some((last, end)) = numeric_date(t, i) {
            out.push(candidate(start, end, EntityKind::Date, RANK_RULE));
            i = last + 1;
            continue;
        }
        // Digit groups: 28.000, 1,500,000, ٣٫٥.
        let mut last = i;
        let mut end = u.end;
        while let Some(next) = t.units.get(last + 1) {
            let gap = t
                .words
                .get(next.first())
                .and_then(|w| text.get(end..w.start()));
            let grouped = matches!(gap, Some("." | "," | "٫" | "٬"));
            if !grouped || value_of(t, next).is_none_or(|v| v.0 != next.start) {
                break;
            }
            end = next.end;
            last += 1;
        }
        let mut start = start;
        // A currency sign before: $5, ₪ 200.
        let before = text.get(..start).unwrap_or_default().trim_end_matches(' ');
        if let Some(sign) = before.chars().next_back().filter(|c| "$€£₪¥".contains(*c)) {
            start = before.len() - sign.len_utf8();
        }
        // A percent sign after: 99.7%, 40 ٪.
        let after = text.get(end..).unwrap_or_default();
        let trimmed = after.trim_start_matches(' ');
        if let Some(sign) = trimmed.chars().next().filter(|c| matches!(c, '%' | '٪')) {
            end += after.len() - trimmed.len() + sign.len_utf8();
        }
        // Number words, then a currency or percent word.
        for role in [ROLE_NUMBER_WORD, ROLE_CURRENCY | ROLE_PERCENT] {
            if let Some(next) = t.units.get(last + 1)
                && t.joined_at(last)
                && next.roles.is_some_and(|r| r.bits & role != 0)
            {
                end = next.end;
                last += 1;
            }
        }
        out.push(candidate(start, end, EntityKind::Number, RANK_PATTERN));
        i = last + 1;
    }
    month_dates(t, out);
}

fn candidate(start: usize, end: usize, kind: EntityKind, rank: u8) -> Candidate {
    Candidate {
        start,
        end,
        kind,
        rank,
        elided: false,
    }
}

/// Three numbers joined by the same `/`, `-` or `.`, shaped as day-month-year or
/// year-month-day: the last unit and the end.
fn numeric_date(t: &Text<'_>, i: usize) -> Option<(usize, usize)> {
    let text = t.text();
    let parts: Vec<(usize, u32, usize)> = (i..i + 3)
        .map(|k| t.units.get(k).and_then(|u| value_of(t, u)))
        .collect::<Option<_>>()?;
    let gap = |k: usize| {
        let a = t.units.get(k)?;
        let b = t.units.get(k + 1)?;
        text.get(a.end..b.start)
    };
    let sep = gap(i)?;
    if !matches!(sep, "/" | "-" | ".") || gap(i + 1)? != sep {
        return None;
    }
    let lens: Vec<usize> = parts.iter().map(|p| p.2).collect();
    let day_first = lens[0] <= 2 && lens[1] <= 2 && (lens[2] == 4 || lens[2] == 2);
    let year_first = lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2;
    let (day, month) = if day_first {
        (parts[0].1, parts[1].1)
    } else if year_first {
        (parts[2].1, parts[1].1)
    } else {
        return None;
    };
    // Day and month may come either way round (US dates); both must fit a calendar.
    let fits = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
    (fits(day, month) || fits(month, day)).then(|| (i + 2, t.units[i + 2].end))
}

fn month_dates(t: &Text<'_>, out: &mut Vec<Candidate>) {
    let is_year = |v: Option<(usize, u32, usize)>| v.is_some_and(|v| v.2 >= 3 && v.2 <= 4);
    for (i, u) in t.units.iter().enumerate() {
        if u.has(ROLE_YEAR_WORD)
            && t.joined_at(i)
            && let Some(next) = t.units.get(i + 1)
            && let Some((start, year, 4)) = value_of(t, next)
            && (1000..=2200).contains(&year)
        {
            out.push(candidate(start, next.end, EntityKind::Date, RANK_RULE));
        }
        if !u.has(ROLE_MONTH) || u.roles.is_some_and(|r| r.month == 0) {
            continue;
        }
        let mut start = None;
        let mut end = u.end;
        // A day before: 27 فبراير, ב-27 בפברואר.
        if i > 0
            && t.joined_at(i - 1)
            && let Some((s, day, len)) = value_of(t, &t.units[i - 1])
            && len <= 2
            && (1..=31).contains(&day)
        {
            start = Some(s);
        }
        // A year after (فبراير 2016), or a day and a year (February 27, 2016).
        if t.joined_at(i) && is_year(t.units.get(i + 1).and_then(|n| value_of(t, n))) {
            end = t.units[i + 1].end;
            start.get_or_insert(u.start);
        } else if t.joined_at(i)
            && let Some(day) = t.units.get(i + 1).and_then(|n| value_of(t, n))
            && day.2 <= 2
            && (1..=31).contains(&day.1)
        {
            end = t.units[i + 1].end;
            start.get_or_insert(u.start);
            let year = t.units.get(i + 2);
            let gap = year.and_then(|y| t.text().get(t.units[i + 1].end..y.start));
            if matches!(gap, Some(", " | " ")) && is_year(year.and_then(|y| value_of(t, y))) {
                end = year.map_or(end, |y| y.end);
            }
        }
        if let Some(start) = start {
            out.push(candidate(start, end, EntityKind::Date, RANK_RULE));
        }
    }
}

/// Quotations of at least [`QUOTE_MIN_WORDS`] words, marks included.
pub fn quotes(t: &Text<'_>, out: &mut Vec<Candidate>) {
    let text = t.text();
    let mut at = 0;
    while let Some(rest) = text.get(at..) {
        // Every opening mark starts with one of three bytes (" « and the “ „ of U+201C and
        // U+201E): a byte scan finds the places worth decoding.
        let found = memchr::memchr3_iter(b'"', 0xC2, 0xE2, rest.as_bytes()).find_map(|o| {
            let c = rest.get(o..)?.chars().next()?;
            opens(text, at + o, c).then_some((o, c))
        });
        let Some((offset, open)) = found else {
            break;
        };
        let start = at + offset;
        let inner = start + open.len_utf8();
        let Some(end) = closing(text, inner, open) else {
            at = inner;
            continue;
        };
        let inside = text.get(inner..end).unwrap_or_default();
        let closing_len = text
            .get(end..)
            .and_then(|s| s.chars().next())
            .map_or(1, char::len_utf8);
        if inside.split_whitespace().count() >= QUOTE_MIN_WORDS {
            out.push(candidate(
                start,
                end + closing_len,
                EntityKind::Quote,
                RANK_PATTERN,
            ));
        }
        at = end + closing_len;
    }
}

fn opens(text: &str, at: usize, c: char) -> bool {
    match c {
        '«' | '“' | '„' => true,
        '"' => {
            let before = text.get(..at).and_then(|s| s.chars().next_back());
            let after = text.get(at + 1..).and_then(|s| s.chars().next());
            before.is_none_or(|b| b.is_whitespace() || "([{:،,;—–-".contains(b))
                && after.is_some_and(|a| !a.is_whitespace())
        }
        _ => false,
    }
}

/// The byte offset of the mark closing a quotation opened by `open`.
fn closing(text: &str, from: usize, open: char) -> Option<usize> {
    let limit = (from + QUOTE_MAX_BYTES).min(text.len());
    let window = text.get(from..).unwrap_or_default();
    for (offset, c) in window.char_indices() {
        let at = from + offset;
        if at > limit {
            return None;
        }
        let closes = match open {
            '«' => c == '»',
            '“' => c == '”',
            '„' => c == '“' || c == '”',
            _ => {
                c == '"' && {
                    let before = text.get(..at).and_then(|s| s.chars().next_back());
                    let after = text.get(at + 1..).and_then(|s| s.chars().next());
                    before.is_some_and(|b| !b.is_whitespace())
                        && after.is_none_or(|a| !a.is_alphanumeric())
                }
            }
        };
        if closes {
            return Some(at);
        }
    }
    None
}
