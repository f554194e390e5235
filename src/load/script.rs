//! Language and base direction from the script of the text itself.
//!
//! Rule: count strong letters by script. An article is right-to-left when RTL letters (Arabic
//! script or Hebrew) outnumber Latin ones. Hebrew letters give `he`; Arabic-script text is told
//! apart by the letters only some languages use: Urdu (ٹ ڈ ڑ ں ے ہ ھ), Persian (پ چ ژ گ ک ی)
//! against Arabic (ي ك ة). Latin-script text is `en` (good enough for a reader's defaults;
//! markup and front matter say otherwise when they know). A paragraph's direction is that of
//! its first strong letter (UAX #9 rules P2–P3).

use crate::document::Direction;

/// Letter counts by script over some text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ScriptCounts {
    pub latin: usize,
    pub hebrew: usize,
    pub arabic: usize,
    /// Letters only Urdu uses among Arabic-script languages.
    pub urdu: usize,
    /// Letters Persian (and Urdu) use but Arabic does not.
    pub persian: usize,
    /// Letters Arabic uses where Persian and Urdu use others (ي ك ة).
    pub arabic_only: usize,
}

impl ScriptCounts {
    pub fn of(text: &str) -> Self {
        let mut counts = Self::default();
        counts.add(text);
        counts
    }

    pub fn add(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_ascii() {
                self.latin += usize::from(c.is_ascii_alphabetic());
                continue;
            }
            match script_of(c) {
                Some(Direction::Rtl) if is_hebrew(c) => self.hebrew += 1,
                Some(Direction::Rtl) => {
                    self.arabic += 1;
                    match c {
                        'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' | 'ۓ' | 'ہ' | 'ھ' => self.urdu += 1,
                        'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' => self.persian += 1,
                        'ي' | 'ك' | 'ة' => self.arabic_only += 1,
                        _ => {}
                    }
                }
                Some(Direction::Ltr) => self.latin += 1,
                None => {}
            }
        }
    }

    pub fn direction(&self) -> Direction {
        if self.hebrew + self.arabic > self.latin {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }

    /// BCP 47 primary subtag of the dominant language.
    pub fn language(&self) -> &'static str {
        if self.direction() == Direction::Ltr {
            return "en";
        }
        if self.hebrew > self.arabic {
            return "he";
        }
        // Urdu letters are rare per word but never appear in Persian or Arabic prose.
        if self.urdu * 50 > self.arabic {
            "ur"
        } else if self.persian > self.arabic_only {
            "fa"
        } else {
            "ar"
        }
    }
}

fn is_hebrew(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{05FF}' | '\u{FB1D}'..='\u{FB4F}')
}

/// The direction of a strong letter, `None` for everything else (digits, punctuation, marks).
fn script_of(c: char) -> Option<Direction> {
    match c {
        '\u{05D0}'..='\u{05EA}' | '\u{05EF}'..='\u{05F2}' | '\u{FB1D}'..='\u{FB4F}' => {
            Some(Direction::Rtl)
        }
        '\u{0620}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFC}' => Some(Direction::Rtl),
        _ if c.is_alphabetic() => Some(Direction::Ltr),
        _ => None,
    }
}

/// The base direction of one paragraph: its first strong letter's, `None` when it has none.
pub fn paragraph_direction(text: &str) -> Option<Direction> {
    text.chars().find_map(script_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_told_apart_by_their_letters() {
        let cases = [
            ("قال وزير الخارجية إن المدينة كانت محاصرة", "ar"),
            ("شهرداری تهران می‌گوید که خط هفت مترو کامل شده است", "fa"),
            ("لاہور میں بارش نے شہر کی سڑکوں کو ڈبو دیا ہے", "ur"),
            ("הרכבת הקלה בירושלים הסיעה מיליון נוסעים", "he"),
            ("The minister said the city was besieged", "en"),
        ];
        for (text, lang) in cases {
            assert_eq!(ScriptCounts::of(text).language(), lang, "{text}");
        }
    }

    #[test]
    fn direction_follows_the_majority_of_letters() {
        assert_eq!(
            ScriptCounts::of("He wrote «الرقة» twice in the report").direction(),
            Direction::Ltr
        );
        assert_eq!(
            ScriptCounts::of("قالت وكالة Reuters إن الهدنة صامدة").direction(),
            Direction::Rtl
        );
    }

    #[test]
    fn paragraph_direction_is_the_first_strong_letter() {
        assert_eq!(
            paragraph_direction("2016: «داعش» in Raqqa"),
            Some(Direction::Rtl)
        );
        assert_eq!(paragraph_direction("NATO قالت"), Some(Direction::Ltr));
        assert_eq!(paragraph_direction("28.000 — !"), None);
    }
}
