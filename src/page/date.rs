//! The article's date as the page header shows it: a metadata timestamp
//! (`2025-09-03T08:30:00+03:00` from HTML, `2025-09-03` from front matter) written the way a
//! reader of the article's language writes a date (3 בספטמבר 2025).
//!
//! The rule: a date that begins with an ISO calendar date (`YYYY-MM-DD`, then nothing or a time
//! after `T` or a space) is shown as the CLDR long date of the article's language for the
//! languages sahifa ships samples in (Arabic, Persian, Urdu, Hebrew, English; month names and
//! patterns from CLDR, digits ASCII), else as `YYYY-MM-DD`. The day is the one written, in the
//! timestamp's own offset: no time-zone conversion. Anything else is shown as written. The
//! JSON output keeps the metadata as it came; only the display changes.

const ARABIC: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];
/// Persian in the format context: the ezafe (ٔ) joins the month to the year that follows.
const PERSIAN: [&str; 12] = [
    "ژانویهٔ",
    "فوریهٔ",
    "مارس",
    "آوریل",
    "مهٔ",
    "ژوئن",
    "ژوئیهٔ",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
];
const URDU: [&str; 12] = [
    "جنوری",
    "فروری",
    "مارچ",
    "اپریل",
    "مئی",
    "جون",
    "جولائی",
    "اگست",
    "ستمبر",
    "اکتوبر",
    "نومبر",
    "دسمبر",
];
const HEBREW: [&str; 12] = [
    "ינואר",
    "פברואר",
    "מרץ",
    "אפריל",
    "מאי",
    "יוני",
    "יולי",
    "אוגוסט",
    "ספטמבר",
    "אוקטובר",
    "נובמבר",
    "דצמבר",
];
const ENGLISH: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `date` for display in an article written in `language` (a primary subtag: "ar", "he"…).
pub(super) fn readable(date: &str, language: &str) -> String {
    let date = date.trim();
    let Some((year, month, day)) = calendar_date(date) else {
        return date.to_owned();
    };
    let name = |names: &[&'static str; 12]| names[usize::from(month - 1)];
    match language {
        "ar" => format!("{day} {} {year}", name(&ARABIC)),
        "fa" => format!("{day} {} {year}", name(&PERSIAN)),
        "ur" => format!("{day} {}، {year}", name(&URDU)),
        "he" => format!("{day} ב{} {year}", name(&HEBREW)),
        "en" => format!("{day} {} {year}", name(&ENGLISH)),
        _ => format!("{year:04}-{month:02}-{day:02}"),
    }
}

/// Year, month (1–12) and day of an ISO date at the start of `text`, when it is a real date
/// and nothing but a time follows it.
fn calendar_date(text: &str) -> Option<(u16, u8, u8)> {
    let (head, rest) = (text.get(..10)?, text.get(10..)?);
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    let mut parts = head.split('-');
    let mut number = |len: usize| {
        parts
            .next()
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u16>().ok())
    };
    let (year, month, day) = (number(4)?, number(2)?, number(2)?);
    let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    let day = u8::try_from(day)
        .ok()
        .filter(|&d| d >= 1 && d <= days_in(year, month))?;
    Some((year, month, day))
}

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::readable;

    /// Expected strings are CLDR's long dates (Python babel, `format_date(d, "long", locale)`;
    /// `en_GB` for English).
    #[test]
    fn iso_dates_read_as_long_dates_in_the_article_language() {
        let stamp = "2025-09-03T08:30:00+03:00";
        assert_eq!(readable(stamp, "he"), "3 בספטמבר 2025");
        assert_eq!(readable(stamp, "ar"), "3 سبتمبر 2025");
        assert_eq!(readable(stamp, "ur"), "3 ستمبر، 2025");
        assert_eq!(readable(stamp, "en"), "3 September 2025");
        assert_eq!(readable("2024-01-14", "fa"), "14 ژانویهٔ 2024");
        assert_eq!(readable("2024-03-14", "ar"), "14 مارس 2024");
        assert_eq!(readable("2025-06-21 10:00", "en"), "21 June 2025");
    }

    #[test]
    fn other_languages_get_the_plain_calendar_date() {
        assert_eq!(readable("2025-09-03T08:30:00+03:00", "ku"), "2025-09-03");
        assert_eq!(readable("2025-09-03T08:30:00Z", ""), "2025-09-03");
    }

    #[test]
    fn anything_that_is_not_an_iso_date_is_shown_as_written() {
        for written in [
            "3 September 2025",
            "2025-13-01",
            "2025-02-29",
            "2025-9-3",
            "2025-09-031",
            "٢٠٢٥-٠٩-٠٣",
            "",
        ] {
            assert_eq!(readable(written, "en"), written);
        }
        assert_eq!(readable("2024-02-29", "en"), "29 February 2024");
        assert_eq!(readable(" 2025-09-03 ", "en"), "3 September 2025");
    }
}
