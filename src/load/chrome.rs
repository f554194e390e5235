//! Site chrome: short lines that belong to a site's page furniture ("ت + ت - الحجم الطبيعي",
//! "Email", "طباعة", "שתפו"…), never to the article.
//!
//! The list lives in `assets/chrome-lines.txt` (compiled in; edit it to teach sahifa a new
//! site). A line is chrome when, trimmed, with runs of spaces collapsed and Latin letters
//! lower-cased, it equals an entry. Only whole lines match, so an article sentence that merely
//! contains "Share" is never dropped.

use std::collections::HashSet;
use std::sync::OnceLock;

const CHROME_LINES: &str = include_str!("../../assets/chrome-lines.txt");

fn normalise(line: &str) -> String {
    line.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn list() -> &'static HashSet<String> {
    static LIST: OnceLock<HashSet<String>> = OnceLock::new();
    LIST.get_or_init(|| {
        CHROME_LINES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(normalise)
            .collect()
    })
}

/// True when `line` is site chrome and must not appear in the article.
pub fn is_chrome(line: &str) -> bool {
    let trimmed = line.trim();
    // Chrome lines are short; skipping long lines keeps the check cheap on big articles.
    if trimmed.is_empty() || trimmed.len() > 64 {
        return false;
    }
    // Most lines are normal already: looked up as they are, without a copy.
    if is_normal(trimmed) {
        list().contains(trimmed)
    } else {
        list().contains(&normalise(trimmed))
    }
}

/// True when [`normalise`] would return `line` (already trimmed) unchanged.
fn is_normal(line: &str) -> bool {
    !line.contains("  ")
        && line.chars().all(|c| {
            if c.is_ascii() {
                !c.is_ascii_uppercase() && (c == ' ' || !c.is_ascii_whitespace())
            } else {
                !c.is_whitespace() && c.to_lowercase().eq([c])
            }
        })
}

#[cfg(test)]
mod tests {
    use super::{is_chrome, is_normal, normalise};

    #[test]
    fn normal_lines_are_those_normalising_leaves_alone() {
        for line in [
            "ت + ت - الحجم الطبيعي",
            "email",
            "Email",
            "a  b",
            "a\tb",
            "ǅx",
            "ΣΑ",
            "x\u{a0}y",
            "שתפו",
        ] {
            assert_eq!(is_normal(line), normalise(line) == line, "{line:?}");
        }
    }

    #[test]
    fn listed_lines_are_chrome_whatever_their_spacing_and_case() {
        for line in [
            "ت + ت - الحجم الطبيعي",
            "  ت +  ت - الحجم الطبيعي ",
            "Email",
            "EMAIL",
            "طباعة",
            "שתפו",
        ] {
            assert!(is_chrome(line), "{line}");
        }
    }

    #[test]
    fn article_sentences_are_not_chrome() {
        for line in [
            "",
            "Share prices fell",
            "طباعة الكتب في القاهرة",
            "وقف النار",
        ] {
            assert!(!is_chrome(line), "{line}");
        }
    }
}
