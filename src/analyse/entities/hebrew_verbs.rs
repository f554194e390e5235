//! Hebrew verbs that follow a name in reported speech and must not become its family name:
//! the singular present of the causative stem, which reports what someone says (שגיא
//! מזכירה כי, כהן מסביר ש, לוי מדגישה). Its shape: מ, two root letters, י, the last root
//! letter, and ה in the feminine (מזכיר, מזכירה; מוסיף, מוסיפה).

use super::clitics::Script;
use super::text::Text;
use super::units::Unit;

/// An unknown Hebrew word shaped like a singular causative participle.
pub fn reporting_participle(t: &Text<'_>, u: &Unit) -> bool {
    if u.roles.is_some() || t.script(u) != Script::Hebrew {
        return false;
    }
    // Without allocating: the word's letters are counted and the fourth is looked at.
    let form = t.form(u);
    let n = form.chars().count();
    form.starts_with('מ')
        && (n == 5 || n == 6 && form.ends_with('ה'))
        && form.chars().nth(3) == Some('י')
}

#[cfg(test)]
mod tests {
    fn people(text: &str) -> Vec<String> {
        crate::analyse::entities::examples::of_kind(text, crate::document::EntityKind::Person)
    }

    #[test]
    fn a_reporting_verb_after_a_name_is_not_its_family_name() {
        let found = people("לדברי ד\"ר עינת שגיא, השוק ישתנה. שגיא מזכירה כי מהלך דומה נכשל.");
        assert!(found.iter().all(|p| !p.contains("מזכירה")), "{found:?}");
        let found = people("יוסי מסביר כי המכרז נתפר מראש.");
        assert!(found.iter().all(|p| !p.contains("מסביר")), "{found:?}");
        // A family name of another shape still closes the name.
        let found = people("יוסי מזרחי הסביר כי המכרז נתפר מראש.");
        assert!(found.iter().any(|p| p == "יוסי מזרחי"), "{found:?}");
    }
}
