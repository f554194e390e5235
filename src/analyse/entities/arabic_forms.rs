//! Arabic word shapes that are never names, read off the letters of one word: a present-tense
//! verb with an object pronoun (تقوده, يديره: "leads it"), and a verbal noun of the تفعيل /
//! تفعلة pattern (تحلية, توليد, تخزين), which says what a station or a plant does rather than
//! naming it.
//!
//! Folding merges ة into ه, so the original letters decide between تقوده (a verb) and تحلية
//! (a noun). Only unknown words are asked: a listed name keeps its kind. Not in Persian or
//! Urdu text, where ی and ت start names and ه ends many.

use super::clitics::Script;
use super::text::Text;
use super::units::Unit;

/// The original letters of unit `u`'s word, without the clitics cut off in front.
fn original<'a>(t: &Text<'a>, u: &Unit) -> Option<&'a str> {
    if t.persian || u.roles.is_some() || t.script(u) != Script::Arabic || u.first() != u.last() {
        return None;
    }
    Some(t.original_text(u.start, u.end))
}

/// A present-tense verb with the pronoun «ه» attached: تقوده, يديره, تملكه, يرأسه. Four to
/// six letters, starting with ي or ت, ending in ه (not ة), and not the تفعيل noun of a weak
/// root (توجيه, ترفيه), which ends in يه.
pub fn verb_with_object(t: &Text<'_>, u: &Unit) -> bool {
    let Some(word) = original(t, u) else {
        return false;
    };
    let n = word.chars().count();
    word.starts_with(['ي', 'ت'])
        && word.ends_with('ه')
        && !word.ends_with("يه")
        && (4..=6).contains(&n)
}

/// A verbal noun of the تفعيل pattern (توليد, تخزين), or of تفعلة from a root ending in ي
/// (تحلية, تنقية). Unknown words only: تكريت is listed.
pub fn verbal_noun(t: &Text<'_>, u: &Unit) -> bool {
    let Some(word) = original(t, u) else {
        return false;
    };
    // An uncut preposition or conjunction in front (لتحلية) does not change the noun.
    let bare = word.strip_prefix(['ل', 'ب', 'و', 'ف']).unwrap_or(word);
    pattern_tafil(bare) || pattern_tafil(word)
}

fn pattern_tafil(word: &str) -> bool {
    let (stem, feminine) = match word.strip_suffix('ة') {
        Some(stem) => (stem, true),
        None => (word, false),
    };
    let n = stem.chars().count();
    // تفعيل and تفعيلة of a sound root (توليد, تخزين); تفعلة of a weak one (تحلية, تنقية).
    stem.starts_with('ت') && stem.chars().nth(3) == Some('ي') && (n == 5 || feminine && n == 4)
}

#[cfg(test)]
mod tests {
    use crate::analyse::entities::Tagger;
    use crate::document::EntityKind;

    fn found(text: &str) -> Vec<(EntityKind, String)> {
        Tagger::new(&[])
            .tag_text(text)
            .into_iter()
            .map(|m| (m.kind, m.text))
            .collect()
    }

    #[test]
    fn a_verb_with_its_object_after_a_head_is_not_a_name() {
        // "a consortium led by the company ..." / "a group run by a bank"
        for text in [
            "فاز بالمناقصة تحالف تقوده شركة محلية.",
            "وكان الفندق ملكا لمجموعة يديره مستثمر أجنبي.",
        ] {
            let all = found(text);
            assert!(
                !all.iter()
                    .any(|(_, t)| t.contains("تقوده") || t.contains("يديره")),
                "{all:?}"
            );
        }
    }

    #[test]
    fn a_name_after_a_head_still_makes_an_organisation() {
        let text = "وقعت شركة تسلا عقدا جديدا.";
        assert!(
            found(text)
                .iter()
                .any(|(k, t)| *k == EntityKind::Organization && t == "شركة تسلا"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn what_a_station_does_is_not_its_name() {
        for text in [
            "وبدأ العمل في محطة تحلية جديدة على الساحل.",
            "وتبني الحكومة محطة توليد قرب الحدود.",
        ] {
            let all = found(text);
            assert!(all.iter().all(|(k, _)| *k != EntityKind::Place), "{all:?}");
        }
    }
}
