//! The word lists the tagger knows: the built-in gazetteers compiled from `assets/gazetteers/`
//! and the user's own file.
//!
//! Every list is UTF-8 TSV, `#` starts a comment line. Name lists (`*-person.tsv`,
//! `*-place*.tsv`, `*-organization.tsv`) and given-name lists (`*-given.tsv`, the `first-name`
//! role) have one name a line; month lists have
//! `name TAB month TAB calendar`; context lists have `role TAB word or phrase`. The user file
//! (`$XDG_CONFIG_HOME/sahifa/gazetteer.tsv`) has `name TAB type`, type one of `person`,
//! `place`, `organization` (or `organisation`, `org`).

use std::path::{Path, PathBuf};

use crate::document::EntityKind;
use crate::error::Error;

/// What a word or phrase means to the tagger. One phrase may have several roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Roles {
    /// Bit set of the `ROLE_*` constants.
    pub bits: u16,
    /// The entity type when the phrase is a name, and how sure the list is of it.
    pub kind: Option<(EntityKind, Source)>,
    /// 1–12 for a month name.
    pub month: u8,
    /// Latin names keep their capitals in text: "WHO" is not "who", "Trump" is not "trump".
    pub caps: Caps,
}

pub const ROLE_TITLE: u16 = 1;
pub const ROLE_ORG_HEAD: u16 = 1 << 1;
pub const ROLE_PLACE_NOUN: u16 = 1 << 2;
pub const ROLE_FIRST_NAME: u16 = 1 << 3;
pub const ROLE_STOP: u16 = 1 << 4;
pub const ROLE_GENERIC: u16 = 1 << 5;
pub const ROLE_NUMBER_WORD: u16 = 1 << 6;
pub const ROLE_CURRENCY: u16 = 1 << 7;
pub const ROLE_PERCENT: u16 = 1 << 8;
pub const ROLE_YEAR_WORD: u16 = 1 << 9;
pub const ROLE_MONTH: u16 = 1 << 10;
pub const ROLE_PLACE_SUFFIX: u16 = 1 << 11;
pub const ROLE_ORG_SUFFIX: u16 = 1 << 12;
/// A stop word of Persian and Urdu text only (اون is "that" in Persian, part of a brand in
/// Arabic): [`super::text::Text`] makes it a stop word there and forgets it elsewhere.
pub const ROLE_PERSIAN_STOP: u16 = 1 << 13;
/// A head noun of Persian and Urdu text only (اداره, کانون fold to the Arabic إدارة and the
/// month كانون): [`super::text::Text`] makes it an org head there and forgets it elsewhere.
pub const ROLE_PERSIAN_HEAD: u16 = 1 << 14;
/// A place noun of Persian and Urdu text only (سد, a dam; in Arabic also "to fill").
pub const ROLE_PERSIAN_PLACE: u16 = 1 << 15;

/// Where a name comes from; a surer source wins when two lists disagree on a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Generated,
    Curated,
    User,
}

/// The capitalisation a Latin name needs in the text to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Caps {
    #[default]
    Any,
    /// The first letter must be a capital.
    Initial,
    /// Every letter must be a capital (acronyms such as WHO, AP).
    All,
}

/// One line of a list: the phrase as written and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub phrase: String,
    pub roles: Roles,
}

macro_rules! list {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../../assets/gazetteers/", $name)),
        )
    };
}

/// The built-in lists, compiled in so the binary needs no data files.
const BUILT_IN: &[(&str, &str)] = &[
    list!("ar-place.tsv"),
    list!("fa-place.tsv"),
    list!("ur-place.tsv"),
    list!("he-place.tsv"),
    list!("en-place.tsv"),
    list!("ar-place-curated.tsv"),
    list!("he-place-curated.tsv"),
    list!("ur-place-curated.tsv"),
    list!("en-place-curated.tsv"),
    list!("ar-person.tsv"),
    list!("he-person.tsv"),
    list!("en-person.tsv"),
    list!("ar-given.tsv"),
    list!("he-given.tsv"),
    list!("en-given.tsv"),
    list!("ar-organization.tsv"),
    list!("he-organization.tsv"),
    list!("ur-organization.tsv"),
    list!("en-organization.tsv"),
    list!("ar-month.tsv"),
    list!("fa-month.tsv"),
    list!("ur-month.tsv"),
    list!("he-month.tsv"),
    list!("en-month.tsv"),
    list!("calendar-month.tsv"),
    list!("ar-context.tsv"),
    list!("ur-context.tsv"),
    list!("he-context.tsv"),
    list!("en-context.tsv"),
    list!("fa-stop.tsv"),
    list!("ur-stop.tsv"),
];

/// Every entry of the built-in lists.
pub fn built_in() -> Vec<Entry> {
    let mut out = Vec::with_capacity(32_000);
    for (name, text) in BUILT_IN {
        parse_list(name, text, &mut out);
    }
    out
}

fn parse_list(name: &str, text: &str, out: &mut Vec<Entry>) {
    let kind = if name.contains("-place") {
        Some(EntityKind::Place)
    } else if name.contains("-person") {
        Some(EntityKind::Person)
    } else if name.contains("-organization") {
        Some(EntityKind::Organization)
    } else {
        None
    };
    let source = if name.contains("curated") || name.contains("-person") || name.contains("-org") {
        Source::Curated
    } else {
        Source::Generated
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let first = cols.next().unwrap_or_default();
        let second = cols.next();
        let entry = if let Some(kind) = kind {
            name_entry(first, kind, source)
        } else if name.contains("-given") {
            // Generated given names: the `first-name` role of the context lists.
            Some(Entry {
                phrase: first.trim().to_owned(),
                roles: Roles {
                    bits: ROLE_FIRST_NAME,
                    caps: caps_of(first.trim()),
                    ..Roles::default()
                },
            })
        } else if name.contains("-month") {
            let month = second.and_then(|m| m.parse::<u8>().ok()).unwrap_or(0);
            Some(Entry {
                phrase: first.to_owned(),
                roles: Roles {
                    bits: ROLE_MONTH,
                    month,
                    caps: caps_of(first),
                    ..Roles::default()
                },
            })
        } else {
            second.and_then(|phrase| {
                role_bit(first).map(|bits| Entry {
                    phrase: phrase.to_owned(),
                    roles: Roles {
                        bits,
                        caps: if bits == ROLE_FIRST_NAME {
                            caps_of(phrase)
                        } else {
                            Caps::Any
                        },
                        ..Roles::default()
                    },
                })
            })
        };
        out.extend(entry);
    }
}

fn name_entry(phrase: &str, kind: EntityKind, source: Source) -> Option<Entry> {
    let phrase = phrase.trim();
    (!phrase.is_empty()).then(|| Entry {
        phrase: phrase.to_owned(),
        roles: Roles {
            kind: Some((kind, source)),
            caps: caps_of(phrase),
            ..Roles::default()
        },
    })
}

fn role_bit(role: &str) -> Option<u16> {
    Some(match role {
        "title" => ROLE_TITLE,
        "org-head" => ROLE_ORG_HEAD,
        "place-noun" => ROLE_PLACE_NOUN,
        "place-suffix" => ROLE_PLACE_SUFFIX,
        "org-suffix" => ROLE_ORG_SUFFIX,
        "first-name" => ROLE_FIRST_NAME,
        "stop" => ROLE_STOP,
        "persian-stop" => ROLE_PERSIAN_STOP,
        "persian-org-head" => ROLE_PERSIAN_HEAD,
        "persian-place-noun" => ROLE_PERSIAN_PLACE,
        "generic" => ROLE_GENERIC,
        "number-word" => ROLE_NUMBER_WORD,
        "currency" => ROLE_CURRENCY,
        "percent" => ROLE_PERCENT,
        "year-word" => ROLE_YEAR_WORD,
        _ => return None,
    })
}

/// Latin phrases keep their capitals: an all-capital acronym must appear in capitals, a
/// capitalised name with a capital first letter. Other scripts have no case.
fn caps_of(phrase: &str) -> Caps {
    if !phrase.is_ascii() {
        return Caps::Any;
    }
    let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || !letters.iter().all(char::is_ascii_alphabetic) {
        return Caps::Any;
    }
    if letters.len() >= 2 && letters.iter().all(char::is_ascii_uppercase) {
        Caps::All
    } else if letters.first().is_some_and(char::is_ascii_uppercase) {
        Caps::Initial
    } else {
        Caps::Any
    }
}

/// Entries for names the user or the article declares, winning over the built-in lists.
pub fn user_entries(names: &[(String, EntityKind)]) -> Vec<Entry> {
    names
        .iter()
        .filter_map(|(name, kind)| name_entry(name, *kind, Source::User))
        .collect()
}

/// Where the user gazetteer lives: `$XDG_CONFIG_HOME/sahifa/gazetteer.tsv`, else
/// `$HOME/.config/sahifa/gazetteer.tsv`.
pub fn user_gazetteer_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("sahifa").join("gazetteer.tsv"))
}

/// Reads a user gazetteer: `name TAB type` lines, `#` comments, blank lines ignored. A missing
/// file is an empty gazetteer; an unreadable one or a line with an unknown type is an error
/// naming the file and line.
pub fn read_user_gazetteer(path: &Path) -> Result<Vec<(String, EntityKind)>, Error> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(Error::Read {
                path: path.to_owned(),
                reason: e.to_string(),
            });
        }
    };
    let mut out = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let invalid = |reason: String| Error::Invalid {
            path: path.to_owned(),
            reason: format!("line {}: {reason}", number + 1),
        };
        let (name, kind) = line
            .split_once('\t')
            .ok_or_else(|| invalid("expected `name<TAB>type`".to_owned()))?;
        let kind = match kind.trim() {
            "person" => EntityKind::Person,
            "place" => EntityKind::Place,
            "organization" | "organisation" | "org" => EntityKind::Organization,
            other => {
                return Err(invalid(format!(
                    "unknown type `{other}` (person, place or organization)"
                )));
            }
        };
        if !name.trim().is_empty() {
            out.push((name.trim().to_owned(), kind));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_lists_have_names_months_and_context_words() {
        let entries = built_in();
        let has = |phrase: &str, f: &dyn Fn(&Roles) -> bool| {
            entries.iter().any(|e| e.phrase == phrase && f(&e.roles))
        };
        assert!(has("حلب", &|r| r.kind.map(|k| k.0)
            == Some(EntityKind::Place)));
        assert!(has("جبهة النصرة", &|r| r.kind.map(|k| k.0)
            == Some(EntityKind::Organization)));
        assert!(has("فبراير", &|r| r.month == 2));
        assert!(has("كانون الثاني", &|r| r.month == 1));
        assert!(has("وزير", &|r| r.bits & ROLE_TITLE != 0));
        assert!(has("WHO", &|r| r.caps == Caps::All));
    }

    #[test]
    fn user_gazetteer_reads_names_and_types() {
        let dir = std::env::temp_dir().join(format!("sahifa-gaz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("gazetteer.tsv");
        std::fs::write(&path, "# mine\nكفرنبل\tplace\nAcme Corp\torganisation\n\n").expect("write");
        let got = read_user_gazetteer(&path).expect("read");
        assert_eq!(
            got,
            vec![
                ("كفرنبل".to_owned(), EntityKind::Place),
                ("Acme Corp".to_owned(), EntityKind::Organization)
            ]
        );
        std::fs::write(&path, "كفرنبل\tvillage\n").expect("write");
        let err = read_user_gazetteer(&path).expect_err("bad type");
        assert!(err.to_string().contains("line 1"), "{err}");
        assert_eq!(
            read_user_gazetteer(&dir.join("absent.tsv")).expect("missing is empty"),
            vec![]
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
