//! Statistic figures: the values a call-out box shows ("28.000", "61", "99.7%", "١٢٠",
//! "6 آلاف", "$4.5bn", "₪2.1 מיליארד").
//!
//! Rule: an optional currency sign, a number written with Western, Arabic-Indic or Persian
//! digits and the usual separators, an optional percent sign, then at most two words from a
//! short list of scale words and currencies. Anything else (a date line, a sentence with a
//! number in it) is not a figure.

/// Currency signs that may stand before or after the number.
const CURRENCY_SIGNS: &[char] = &['$', '€', '£', '₪', '¥', '﷼', '₹', '+', '~', '≈', '-', '−'];

/// Scale words and currency names that may follow the number.
const UNIT_WORDS: &[&str] = &[
    "k",
    "m",
    "bn",
    "tn",
    "thousand",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "tonnes",
    "tons",
    "usd",
    "dollars",
    "آلاف",
    "ألف",
    "ألفاً",
    "ألفا",
    "الف",
    "مليون",
    "ملايين",
    "مليار",
    "مليارات",
    "كيلومتر",
    "كلم",
    "دولار",
    "ريال",
    "جنيه",
    "ليرة",
    "درهم",
    "دينار",
    "طن",
    "هزار",
    "میلیون",
    "میلیارد",
    "کیلومتر",
    "تومان",
    "ریال",
    "دلار",
    "ہزار",
    "لاکھ",
    "کروڑ",
    "ارب",
    "روپے",
    "روپیہ",
    "کلومیٹر",
    "אלף",
    "אלפים",
    "מיליון",
    "מיליארד",
    "ק\"מ",
    "ש\"ח",
    "שקל",
    "שקלים",
    "דולר",
];

/// The figure `line` consists of, trimmed, or `None` when the line is anything more.
pub fn figure_value(line: &str) -> Option<&str> {
    // Paragraphs, by far the most lines, are refused on their length before being trimmed.
    let untrimmed = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    if line.len() > 32 * 4 && untrimmed(line.chars().next()) && untrimmed(line.chars().next_back())
    {
        return None;
    }
    let value = line.trim();
    if value.is_empty() || value.len() > 32 * 4 || value.chars().nth(32).is_some() {
        return None;
    }
    let rest = value.trim_start_matches(CURRENCY_SIGNS).trim_start();
    let number_len: usize = rest
        .chars()
        .take_while(|&c| is_digit(c) || is_separator(c))
        .map(char::len_utf8)
        .sum();
    let number = rest.get(..number_len)?;
    if !number.chars().next().is_some_and(is_digit) {
        return None;
    }
    let rest = rest.get(number_len..)?;
    let rest = rest.trim_start_matches(['%', '٪', '‰']).trim_start();
    let rest = rest.trim_end_matches(CURRENCY_SIGNS).trim_end();
    let words: Vec<&str> = rest.split_whitespace().collect();
    let known = |w: &&str| UNIT_WORDS.contains(&w.to_lowercase().as_str());
    (words.len() <= 2 && words.iter().all(known)).then_some(value)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

fn is_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '٫' | '٬' | '\'' | '/' | '،')
}

#[cfg(test)]
mod tests {
    use super::figure_value;

    #[test]
    fn figures_in_every_script_are_recognised() {
        for line in [
            "28.000",
            "61",
            "99.7%",
            "١٢٠",
            "6 آلاف",
            "$4.5bn",
            "۲۵٪",
            "₪2.1 מיליארד",
            " 1,200 km ",
            "3.5 میلیون",
            "12 لاکھ",
        ] {
            assert_eq!(figure_value(line), Some(line.trim()), "{line}");
        }
    }

    #[test]
    fn sentences_and_dates_with_numbers_are_not_figures() {
        for line in [
            "",
            "قتل 22 عنصراً",
            "27 فبراير",
            "Email",
            "The 1990s",
            "12 ألف مقاتل مدعومين من الولايات المتحدة",
            "%",
            ".5",
        ] {
            assert_eq!(figure_value(line), None, "{line}");
        }
    }
}
