//! Plain-text articles: structure recovered from the shape of the lines.
//!
//! The rule, in order (the sample article `assets/raqqa-news-ar.txt` is the model case):
//! 1. Lines are trimmed; site-chrome lines ([`super::chrome`]) are dropped as if blank.
//! 2. Runs of non-blank lines are units. A run whose lines are all of similar length, at least
//!    55 characters and at most 100 — a hard-wrapped paragraph — is joined with spaces into one
//!    unit; otherwise every line is a unit of its own (one paragraph per line). The first line
//!    of the file is always a unit of its own.
//! 3. The first unit is the title; a short second unit (≤ 150 characters, no sentence-ending
//!    punctuation) is the subtitle.
//! 4. A heading is a short unit (≤ 80 characters, ≤ 12 words) with no closing punctuation that
//!    is followed by a paragraph (possibly through a call-out).
//! 5. A unit that is only a figure ([`super::stat::figure_value`]) followed by a paragraph is a
//!    call-out whose text is that paragraph.
//! 6. Everything else is a paragraph. Nothing is reordered or rewritten.

use super::chrome::is_chrome;
use super::stat::figure_value;
use crate::document::{Block, Document, Format, RichText, Section};

/// Loads a plain-text article.
pub fn parse(text: &str) -> Document {
    let mut units = Vec::new();
    push_units(text, &mut units);
    parse_units(units)
}

/// The article of the units of its text, as [`push_units`] gave them.
pub fn parse_units(mut units: Vec<String>) -> Document {
    // Each unit's text moves into the document: a big article is never held three times.
    let mut document = Document {
        format: Format::Text,
        ..Document::default()
    };
    let mut rest = 0;
    if let Some(title) = units.first_mut() {
        document.title = std::mem::take(title);
        rest = 1;
    }
    if let Some(subtitle) = units.get_mut(rest).filter(|s| is_subtitle(s)) {
        document.subtitle = Some(std::mem::take(subtitle));
        rest += 1;
    }
    document.sections = sections(units.get_mut(rest..).unwrap_or_default());
    super::fill_language(&mut document, None, None);
    document
}

/// Appends the units of `text` (rules 1 and 2) to `units`. A text cut into pieces at blank
/// lines gives the same units piece by piece as whole, so a big file can be read a piece at a
/// time: the first unit is the title whichever piece it comes in.
pub fn push_units(text: &str, units: &mut Vec<String>) {
    let mut run: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || is_chrome(line) {
            flush_run(&mut run, units);
        } else if units.is_empty() && run.is_empty() {
            // The first line is the title, whatever follows it.
            units.push(line.to_owned());
        } else {
            run.push(line);
        }
    }
    flush_run(&mut run, units);
}

fn flush_run(run: &mut Vec<&str>, units: &mut Vec<String>) {
    if is_hard_wrapped(run) {
        units.push(run.join(" "));
    } else {
        units.extend(run.iter().map(|l| (*l).to_owned()));
    }
    run.clear();
}

fn is_hard_wrapped(run: &[&str]) -> bool {
    let Some((_, body)) = run.split_last() else {
        return false;
    };
    if body.is_empty() {
        return false;
    }
    let lengths: Vec<usize> = run.iter().map(|l| l.chars().count()).collect();
    let longest = lengths.iter().copied().max().unwrap_or(0);
    longest <= 100
        && lengths[..body.len()]
            .iter()
            .all(|&n| n >= 55 && n * 100 >= longest * 65)
}

/// Punctuation that ends a sentence or clause; headings and subtitles do not end with it.
fn ends_with_closing_punctuation(unit: &str) -> bool {
    unit.trim_end()
        .ends_with(['.', '!', '?', ':', ';', ',', '،', '؛', '؟', '۔', '…', '।'])
}

/// At most `n` characters; O(n) however long `unit` is.
fn at_most_chars(unit: &str, n: usize) -> bool {
    // A character takes one to four bytes: the length alone decides most units.
    unit.len() <= n || (unit.len() <= n * 4 && unit.chars().nth(n).is_none())
}

fn is_subtitle(unit: &str) -> bool {
    at_most_chars(unit, 150) && !ends_with_closing_punctuation(unit) && figure_value(unit).is_none()
}

fn is_heading_like(unit: &str) -> bool {
    at_most_chars(unit, 80)
        && unit.split_whitespace().nth(12).is_none()
        && !ends_with_closing_punctuation(unit)
        && figure_value(unit).is_none()
}

fn is_paragraph_like(unit: &str) -> bool {
    !is_heading_like(unit) && figure_value(unit).is_none()
}

/// The sections of `units` (their texts are taken, leaving them empty).
fn sections(units: &mut [String]) -> Vec<Section> {
    let mut sections = vec![Section {
        heading: None,
        level: 1,
        blocks: Vec::new(),
    }];
    let mut i = 0;
    while let Some(unit) = units.get(i) {
        let next = units.get(i + 1).map(String::as_str);
        let after = units.get(i + 2).map(String::as_str);
        let next_is_paragraph = next.is_some_and(is_paragraph_like);
        let next_is_callout =
            next.is_some_and(|n| figure_value(n).is_some()) && after.is_some_and(is_paragraph_like);
        if is_heading_like(unit) && (next_is_paragraph || next_is_callout) {
            sections.push(Section {
                heading: units.get_mut(i).map(std::mem::take),
                level: 1,
                blocks: Vec::new(),
            });
            i += 1;
            continue;
        }
        let callout = figure_value(unit)
            .filter(|_| next_is_paragraph)
            .map(str::to_owned);
        let block = match callout {
            Some(value) => {
                i += 1;
                Block::Callout {
                    value,
                    text: RichText::plain(units.get_mut(i).map(std::mem::take).unwrap_or_default()),
                }
            }
            None => Block::Paragraph(RichText::plain(
                units.get_mut(i).map(std::mem::take).unwrap_or_default(),
            )),
        };
        if let Some(section) = sections.last_mut() {
            section.blocks.push(block);
        }
        i += 1;
    }
    if sections.first().is_some_and(|s| s.blocks.is_empty()) {
        sections.remove(0);
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(document: &Document) -> Vec<Option<&str>> {
        document
            .sections
            .iter()
            .map(|s| s.heading.as_deref())
            .collect()
    }

    #[test]
    fn short_line_before_a_paragraph_is_a_heading() {
        let doc = parse(
            "Title\n\nLead paragraph that says something.\n\nA heading\n\nBody text follows here.\n",
        );
        assert_eq!(doc.title, "Title");
        assert_eq!(doc.subtitle, None);
        assert_eq!(headings(&doc), [None, Some("A heading")]);
    }

    #[test]
    fn short_line_not_followed_by_a_paragraph_stays_a_paragraph() {
        let doc = parse("Title\n\nFirst paragraph, a sentence.\n\nclosing words\n");
        assert_eq!(headings(&doc), [None]);
        assert_eq!(doc.sections[0].blocks.len(), 2);
    }

    #[test]
    fn figure_line_before_a_paragraph_is_a_callout() {
        let doc = parse("Title\n\nLead.\n\n99.7%\n\nOf the votes were counted by noon.\n");
        assert_eq!(
            doc.sections[0].blocks[1],
            Block::Callout {
                value: "99.7%".into(),
                text: RichText::plain("Of the votes were counted by noon.")
            }
        );
    }

    #[test]
    fn hard_wrapped_lines_join_into_one_paragraph() {
        let doc = parse(
            "Title\n\nThe council met on Monday evening to discuss the new budget for\nthe city's public libraries and decided to keep all branches open\nuntil the end of the year.\n",
        );
        assert_eq!(doc.sections[0].blocks.len(), 1);
    }

    #[test]
    fn chrome_lines_vanish() {
        let doc = parse("Title\nPrint\nEmail\nA real paragraph, with a comma.\n");
        assert_eq!(
            doc.sections[0].blocks,
            [Block::Paragraph("A real paragraph, with a comma.".into())]
        );
    }
}
