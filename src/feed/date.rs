//! Item dates as feeds write them, which is in every format.
//!
//! The order: RFC 3339 and RFC 2822 as chrono reads them (what nearly every feed writes, and
//! the fast path); then feed-rs's own lenient reading (misspelt weekdays, long month names,
//! `UTC` for `+0000`, a missing colon in the offset…), which feed-rs keeps private and
//! replaces whole when a parser is given, so it is reached through a one-item JSON Feed; then
//! the forms sites write by hand: `2026-12-04 08:15[:00]`, `2026/12/04 08:15`, `2026-12-04`,
//! `04/12/2026` (day first, as Arabic, Persian and Hebrew sites write it), in Western,
//! Arabic-Indic or Persian digits, taken as UTC. Anything
//! else is no date: the item shows no age and sorts after the dated ones.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// The date `text` names, if sahifa can read it.
pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_rfc2822(text))
        .map(|d| d.with_timezone(&Utc))
        .ok()
        .or_else(|| lenient(text))
        .or_else(|| by_hand(&western_digits(text)))
}

/// `text` with Arabic-Indic and Persian digits made ASCII.
fn western_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            c => c,
        })
        .collect()
}

/// feed-rs's lenient reading of `text`.
fn lenient(text: &str) -> Option<DateTime<Utc>> {
    let feed = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "",
        "items": [{"id": "d", "date_published": text}],
    });
    let parsed = feed_rs::parser::parse(feed.to_string().as_bytes()).ok()?;
    parsed.entries.first()?.published
}

fn by_hand(text: &str) -> Option<DateTime<Utc>> {
    const DATE_TIMES: [&str; 4] = [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
    ];
    const DATES: [&str; 3] = ["%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y"];
    DATE_TIMES
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .or_else(|| {
            DATES
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })
        .map(|d| d.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|d| d.with_timezone(&Utc))
    }

    #[test]
    fn every_form_feeds_write() {
        let cases = [
            ("2026-12-06T18:30:00+03:00", "2026-12-06T15:30:00Z"),
            ("Sun, 06 Dec 2026 18:30:00 +0300", "2026-12-06T15:30:00Z"),
            ("Sun, 06 Dec 2026 15:30:00 GMT", "2026-12-06T15:30:00Z"),
            (
                "Sunday, 06 December 2026 15:30:00 UTC",
                "2026-12-06T15:30:00Z",
            ),
            ("Thurs, 10 Dec 2026 07:38:00 GMT", "2026-12-10T07:38:00Z"),
            ("2026-12-06T18:30:00+0300", "2026-12-06T15:30:00Z"),
            ("2026-12-04 08:15", "2026-12-04T08:15:00Z"),
            ("2026-12-04 08:15:30", "2026-12-04T08:15:30Z"),
            ("2026/12/04 08:15", "2026-12-04T08:15:00Z"),
            ("2026-12-04", "2026-12-04T00:00:00Z"),
            ("04/12/2026", "2026-12-04T00:00:00Z"),
            ("٢٠٢٦-١٢-٠٤ ٠٨:١٥", "2026-12-04T08:15:00Z"),
            ("۲۰۲۶/۱۲/۰۴", "2026-12-04T00:00:00Z"),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text), utc(expected), "{text}");
        }
    }

    #[test]
    fn what_is_no_date_is_none() {
        for text in ["", "  ", "أمس", "yesterday", "\"}]}", "2026-13-45", "٢٠٢٦"] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
