//! Bytes → text: the first stage of the pipeline.
//!
//! The rule, in order:
//! 1. A byte order mark decides (UTF-8, UTF-16 LE/BE) and is stripped; it wins over `--encoding`.
//! 2. Input with NUL bytes or many control bytes is refused as binary (UTF-16 is checked after
//!    decoding, since its ASCII halves are NULs).
//! 3. A forced encoding (`--encoding NAME`, any WHATWG label such as `cp1256`) is used as is.
//! 4. Valid UTF-8 is UTF-8.
//! 5. Otherwise the bytes are either UTF-8 with a few bad bytes (many valid multi-byte sequences
//!    around the bad ones) — decoded with U+FFFD and ONE warning naming the first bad byte's
//!    offset — or a legacy code page, guessed by chardetng (windows-1256, ISO-8859-6,
//!    windows-1255, ISO-8859-8 and the other single-byte pages it knows).
//!
//! Nothing here panics on any input; nothing is lost except the bytes replaced by U+FFFD.

use crate::error::{Error, Result, Warning};
use encoding_rs::{Encoding, UTF_8};
use std::path::Path;

/// Decoded text and how it was obtained.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub warnings: Vec<Warning>,
}

/// The encoding a user's `--encoding NAME` names, by WHATWG label ("utf-8", "windows-1256",
/// "cp1256", "iso-8859-8", "utf-16le"…), case-insensitive.
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Decodes `bytes` read from `path` (the path only names the file in messages).
pub fn decode(bytes: &[u8], path: &Path, forced: Option<&'static Encoding>) -> Result<Decoded> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom..).unwrap_or_default();
        if encoding == UTF_8 {
            refuse_binary(rest, path)?;
        }
        let decoded = decode_with(rest, encoding, path);
        refuse_binary_text(&decoded.text, path)?;
        return Ok(decoded);
    }
    refuse_binary(bytes, path)?;
    if let Some(encoding) = forced {
        let decoded = decode_with(bytes, encoding, path);
        refuse_binary_text(&decoded.text, path)?;
        return Ok(decoded);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: UTF_8,
            warnings: Vec::new(),
        });
    }
    let encoding = if mostly_utf8(bytes) {
        UTF_8
    } else {
        guess_legacy(bytes)
    };
    Ok(decode_with(bytes, encoding, path))
}

/// Decodes without BOM sniffing; replaced bytes give one warning.
fn decode_with(bytes: &[u8], encoding: &'static Encoding, path: &Path) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut warnings = Vec::new();
    if had_errors {
        let message = if encoding == UTF_8 {
            let offset = first_bad_utf8_byte(bytes).unwrap_or(0);
            format!("invalid UTF-8 at byte offset {offset}; bad bytes replaced with U+FFFD")
        } else {
            format!(
                "bytes not valid in {} replaced with U+FFFD",
                encoding.name()
            )
        };
        warnings.push(Warning {
            path: path.to_path_buf(),
            message,
        });
    }
    Decoded {
        text: text.into_owned(),
        encoding,
        warnings,
    }
}

fn first_bad_utf8_byte(bytes: &[u8]) -> Option<usize> {
    std::str::from_utf8(bytes).err().map(|e| e.valid_up_to())
}

/// True when the bytes read as UTF-8 with a few damaged spots rather than as a legacy code
/// page: valid multi-byte characters clearly outnumber invalid sequences. Legacy Arabic or
/// Hebrew bytes almost never form valid UTF-8 sequences, so they fail this test.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    valid_multibyte > 4 * invalid
}

fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// C0 controls other than tab, newline, vertical tab, form feed, carriage return and escape,
/// plus DEL. Real articles have none of these; more than one in twenty bytes means binary.
fn is_control_byte(b: u8) -> bool {
    matches!(b, 0x01..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F)
}

fn refuse_binary(bytes: &[u8], path: &Path) -> Result<()> {
    let controls = bytes.iter().filter(|&&b| is_control_byte(b)).count();
    if bytes.contains(&0) || controls * 20 > bytes.len() {
        return Err(Error::Binary {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

fn refuse_binary_text(text: &str, path: &Path) -> Result<()> {
    let controls = text
        .chars()
        .filter(|&c| c == '\0' || (c.is_ascii() && is_control_byte(c as u8)))
        .count();
    if text.contains('\0') || controls * 20 > text.len() {
        return Err(Error::Binary {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}
