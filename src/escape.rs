//! Article text and file names made safe to write where a control character would act: `json`
//! output and messages on standard error.
//!
//! Rule: every C0 control, DEL, every C1 control (U+0080–U+009F, which some terminals read as
//! ESC + a letter: U+009B is CSI), every bidi control (LRE RLE PDF LRO RLO LRI RLI FSI PDI LRM
//! RLM ALM) and the line and paragraph separators U+2028/U+2029 (which end a line in JavaScript
//! and some viewers) are written as the six characters `\uXXXX`. In JSON that is the standard
//! escape, so a parser reads the same string back; in a message it shows what the name or text
//! holds without letting it reorder or recolour the terminal.

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use std::fmt;
use std::io::{self, Write};

/// True for the characters this module never writes raw.
pub fn must_escape(c: char) -> bool {
    matches!(c, '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{2028}' | '\u{2029}')
        || crate::layout::controls::is_bidi_control(c)
}

/// Writes `text` with every [`must_escape`] character as `\uXXXX`.
fn write_escaped(out: &mut impl fmt::Write, text: &str) -> fmt::Result {
    let mut rest = text;
    while let Some(at) = rest.find(must_escape) {
        let (clean, tail) = rest.split_at(at);
        out.write_str(clean)?;
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            write!(out, "\\u{:04X}", u32::from(c))?;
        }
        rest = chars.as_str();
    }
    out.write_str(rest)
}

/// Displays `T` with every [`must_escape`] character as `\uXXXX`: wrap anything in a message
/// that may hold article text or a file name (`eprintln!("…: {}", Visible(&name))`).
pub struct Visible<T>(pub T);

impl<T: fmt::Display> fmt::Display for Visible<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0.to_string();
        write_escaped(f, &text)
    }
}

/// serde_json's pretty printer, with [`must_escape`] characters escaped in every string (keys
/// included). serde_json escapes C0 by itself and writes the rest raw.
struct Escaping<'a>(PrettyFormatter<'a>);

/// Adapts an `io::Write` to `fmt::Write`, keeping the I/O error.
struct FmtToIo<'w, W: ?Sized> {
    writer: &'w mut W,
    error: Option<io::Error>,
}

impl<W: ?Sized + Write> fmt::Write for FmtToIo<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.writer.write_all(s.as_bytes()).map_err(|e| {
            self.error = Some(e);
            fmt::Error
        })
    }
}

impl Formatter for Escaping<'_> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut adapter = FmtToIo {
            writer,
            error: None,
        };
        match write_escaped(&mut adapter, fragment) {
            Ok(()) => Ok(()),
            Err(_) => Err(adapter.error.unwrap_or_else(|| io::Error::other("format"))),
        }
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// `serde_json::to_writer_pretty`, with controls escaped in every string.
pub fn json_to_writer_pretty<W: Write, T: ?Sized + Serialize>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(writer, Escaping(PrettyFormatter::new()));
    value.serialize(&mut serializer)
}

/// `serde_json::to_string_pretty`, with controls escaped in every string.
pub fn json_to_string_pretty<T: ?Sized + Serialize>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::new();
    json_to_writer_pretty(&mut out, value)?;
    // Only valid UTF-8 went in, and escapes are ASCII.
    Ok(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str =
        "a\u{1B}[31m\u{7F}\u{9B}2J\u{202E}x\u{2066}\u{61C}\u{2028}\u{2029}\n\u{200F}b";

    #[test]
    fn json_strings_carry_no_raw_control() {
        let mut map = std::collections::BTreeMap::new();
        map.insert(format!("k{HOSTILE}"), vec![HOSTILE.to_owned()]);
        let json = json_to_string_pretty(&map).expect("serialises");
        assert!(
            !json.chars().any(|c| must_escape(c) && c != '\n'),
            "{json:?}"
        );
        assert!(
            json.contains(r"\u009B2J\u202Ex\u2066\u061C\u2028\u2029"),
            "{json}"
        );
        // A JSON parser reads the very same strings back.
        let back: std::collections::BTreeMap<String, Vec<String>> =
            serde_json::from_str(&json).expect("parses");
        assert_eq!(back, map);
        // Pretty printing is unchanged otherwise.
        assert_eq!(
            json_to_string_pretty(&vec![1, 2]).ok(),
            serde_json::to_string_pretty(&vec![1, 2]).ok()
        );
    }

    #[test]
    fn messages_show_controls_as_escapes() {
        assert_eq!(
            Visible("file\u{202E}txt.exe\u{1B}").to_string(),
            r"file\u202Etxt.exe\u001B"
        );
        assert_eq!(Visible("plain عربي").to_string(), "plain عربي");
        assert!(!Visible(HOSTILE).to_string().chars().any(must_escape));
    }
}
