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
//! Hebrew in ISO-8859-8 is taken to be in logical order (ISO-8859-8-I, as every article
//! source since the 2000s writes it); old visual-order pages would come out reversed.

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

/// [`decode`] of bytes the caller gives away: UTF-8 without a BOM (the common case) becomes the
/// text without a copy, so a big article is never held twice.
pub fn decode_owned(
    bytes: Vec<u8>,
    path: &Path,
    forced: Option<&'static Encoding>,
) -> Result<Decoded> {
    if forced.is_none() && Encoding::for_bom(&bytes).is_none() {
        refuse_binary(&bytes, path)?;
        match String::from_utf8(bytes) {
            Ok(text) => {
                return Ok(Decoded {
                    text,
                    encoding: UTF_8,
                    warnings: Vec::new(),
                });
            }
            Err(e) => return decode(e.as_bytes(), path, forced),
        }
    }
    decode(&bytes, path, forced)
}

/// The encoding an HTML page declares in its head (`<meta charset=…>` or
/// `<meta http-equiv=Content-Type content="…; charset=…">`), looked for in the first 1024 bytes
/// as browsers do; a declared UTF-16 means UTF-8 (the bytes would have had a BOM).
pub fn declared_in_html(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..1024).unwrap_or(bytes).to_ascii_lowercase();
    let meta = memchr::memmem::find(&head, b"<meta")?;
    let rest = head.get(meta..)?;
    let at = memchr::memmem::find(rest, b"charset")? + "charset".len();
    let value = rest.get(at..)?;
    let value = value
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .skip_while(|&&b| b == b'=')
        .skip_while(|&&b| b.is_ascii_whitespace() || b == b'"' || b == b'\'');
    let label: Vec<u8> = value
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .copied()
        .collect();
    let encoding = Encoding::for_label(&label)?;
    Some(
        if encoding.is_single_byte() || encoding == UTF_8 || !encoding.name().starts_with("UTF-16")
        {
            encoding
        } else {
            UTF_8
        },
    )
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
    // The first 256 KiB decide, like the legacy guess.
    for chunk in bytes.get(..GUESS_BYTES).unwrap_or(bytes).utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    valid_multibyte > 4 * invalid
}

/// Enough bytes for chardetng to be sure; a 10 MB archive page need not be read twice whole.
const GUESS_BYTES: usize = 256 * 1024;

fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes.get(..GUESS_BYTES).unwrap_or(bytes), true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// C0 controls other than tab, newline, vertical tab, form feed, carriage return and escape,
/// plus DEL. Real articles have none of these; more than one in twenty bytes means binary.
fn is_control_byte(b: u8) -> bool {
    matches!(b, 0x01..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F)
}

fn refuse_binary(bytes: &[u8], path: &Path) -> Result<()> {
    // Counted in byte-sized sums over runs of 255 bytes, which compile to vector adds: this
    // scan of every byte was a sixth of opening a big article byte by byte.
    let controls: usize = bytes
        .chunks(255)
        .map(|run| {
            run.iter()
                .fold(0u8, |n, &b| n + u8::from(is_control_byte(b)))
        })
        .map(usize::from)
        .sum();
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

#[cfg(test)]
mod tests {
    #[test]
    fn html_declares_its_charset_in_a_meta_element() {
        use super::declared_in_html;
        let name = |b: &[u8]| declared_in_html(b).map(|e| e.name());
        assert_eq!(
            name(b"<html><head><meta charset=\"windows-1256\">"),
            Some("windows-1256")
        );
        assert_eq!(
            name(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-8\">"),
            Some("ISO-8859-8")
        );
        assert_eq!(name(b"<meta charset='utf-16le'>"), Some("UTF-8"));
        assert_eq!(name(b"<p>charset=windows-1256</p>"), None);
        assert_eq!(name(b"<meta charset=nonsense>"), None);
    }

    use super::*;
    use encoding_rs::{ISO_8859_6, ISO_8859_8, UTF_16BE, UTF_16LE, WINDOWS_1255, WINDOWS_1256};

    const RAQQA: &str = include_str!("../assets/raqqa-news-ar.txt");
    const KHARTOUM: &str = include_str!("../assets/samples/khartoum-water-ar.md");
    const ALEPPO: &str = include_str!("../tests/data/aleppo-souq-ar.utf8.txt");
    const TEHRAN: &str = include_str!("../assets/samples/tehran-metro-fa.txt");
    const URDU: &str = include_str!("../assets/samples/lahore-monsoon-ur.md");
    const JERUSALEM: &str = include_str!("../assets/samples/jerusalem-light-rail-he.html");
    /// Hebrew with niqqud: only windows-1255 holds the points.
    const POINTED: &str = "לֹא עָלֶיךָ הַמְּלָאכָה לִגְמוֹר, וְלֹא אַתָּה בֶן חוֹרִין לִבָּטֵל מִמֶּנָּה.\n";

    fn path() -> &'static Path {
        Path::new("article.txt")
    }

    /// `text` as a legacy page can hold it: quotes and dashes it lacks made ASCII, Persian and
    /// Arabic-Indic digits made Western, anything else it lacks dropped. This is what an old
    /// archive in that page would contain.
    fn legacy_form(text: &str, encoding: &'static Encoding) -> (String, Vec<u8>) {
        let mut kept = String::new();
        for c in text.chars() {
            let mut buf = [0u8; 4];
            let candidates = [
                c,
                match c {
                    '«' | '»' | '“' | '”' | '„' => '"',
                    '–' | '—' | '―' => '-',
                    '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
                    '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
                    '٫' => '.',
                    _ => c,
                },
            ];
            if let Some(ok) = candidates
                .into_iter()
                .find(|k| !encoding.encode(k.encode_utf8(&mut buf)).2)
            {
                kept.push(ok);
            }
        }
        let bytes = encoding.encode(&kept).0.into_owned();
        (kept, bytes)
    }

    /// The first `n` lines with letters outside ASCII: short inputs are the hard case.
    fn first_lines(text: &str, n: usize) -> String {
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_ascii()).take(n).collect();
        lines.join("\n")
    }

    #[test]
    fn legacy_pages_are_detected_on_every_sample() {
        let arabic_script = [RAQQA, KHARTOUM, ALEPPO, TEHRAN, URDU];
        let hebrew = [JERUSALEM, POINTED];
        let mut cases = Vec::new();
        for (texts, pages) in [
            (&arabic_script[..], [WINDOWS_1256, ISO_8859_6]),
            (&hebrew[..], [WINDOWS_1255, ISO_8859_8]),
        ] {
            for text in texts {
                for page in pages {
                    cases.push((text.to_string(), page));
                    cases.push((first_lines(text, 2), page));
                }
            }
        }
        let mut wrong = Vec::new();
        for (text, page) in &cases {
            let (expected, bytes) = legacy_form(text, page);
            let decoded = decode(&bytes, path(), None).expect("decodes");
            if decoded.text != expected {
                wrong.push(format!(
                    "{} bytes of {} read as {}: {}",
                    bytes.len(),
                    page.name(),
                    decoded.encoding.name(),
                    expected.lines().next().unwrap_or_default()
                ));
            }
        }
        assert!(
            wrong.is_empty(),
            "{} of {} wrong:\n{}",
            wrong.len(),
            cases.len(),
            wrong.join("\n")
        );
    }

    #[test]
    fn boms_decide_and_are_stripped() {
        let text = "سلام שלום hello";
        let mut utf8 = vec![0xEF, 0xBB, 0xBF];
        utf8.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&utf8, path(), None).expect("utf-8").text, text);
        for (encoding, bom) in [(UTF_16LE, [0xFF, 0xFE]), (UTF_16BE, [0xFE, 0xFF])] {
            let mut bytes = bom.to_vec();
            for unit in text.encode_utf16() {
                let pair = if encoding == UTF_16LE {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                };
                bytes.extend_from_slice(&pair);
            }
            let decoded = decode(&bytes, path(), None).expect("utf-16");
            assert_eq!(decoded.text, text);
            assert_eq!(decoded.encoding, encoding);
        }
    }

    #[test]
    fn invalid_utf8_is_replaced_with_one_warning_at_the_first_bad_byte() {
        let mut bytes = "مقتل 22 عنصراً من «داعش»\n".as_bytes().to_vec();
        let first_bad = bytes.len();
        bytes.push(0xFF);
        bytes.extend_from_slice("في غارات جوية".as_bytes());
        bytes.extend_from_slice(&[0xC3, 0x28]);
        bytes.extend_from_slice("للتحالف".as_bytes());
        let decoded = decode(&bytes, path(), None).expect("decodes");
        assert_eq!(decoded.encoding, UTF_8);
        assert_eq!(decoded.text.matches('\u{FFFD}').count(), 2);
        assert!(decoded.text.contains("في غارات جوية") && decoded.text.ends_with("(للتحالف"));
        assert_eq!(decoded.warnings.len(), 1);
        assert_eq!(
            decoded.warnings[0].to_string(),
            format!(
                "article.txt: invalid UTF-8 at byte offset {first_bad}; bad bytes replaced with U+FFFD"
            )
        );
    }

    #[test]
    fn forced_encoding_wins_over_detection() {
        let bytes = WINDOWS_1255.encode("שלום עולם").0.into_owned();
        let as_arabic = decode(&bytes, path(), Some(WINDOWS_1256)).expect("decodes");
        assert_eq!(as_arabic.encoding, WINDOWS_1256);
        assert_ne!(as_arabic.text, "שלום עולם");
        assert_eq!(
            decode(&bytes, path(), Some(WINDOWS_1255))
                .expect("decodes")
                .text,
            "שלום עולם"
        );
        assert_eq!(encoding_for_label("CP1256"), Some(WINDOWS_1256));
        assert_eq!(encoding_for_label("klingon"), None);
    }

    #[test]
    fn binary_data_is_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        assert!(matches!(
            decode(png, path(), None),
            Err(Error::Binary { .. })
        ));
        let controls: Vec<u8> = (0..400u32).map(|i| (i % 31 + 1) as u8).collect();
        assert!(matches!(
            decode(&controls, path(), None),
            Err(Error::Binary { .. })
        ));
        let utf16_binary = [0xFF, 0xFE, 0x00, 0x00, 0x01, 0x00];
        assert!(matches!(
            decode(&utf16_binary, path(), None),
            Err(Error::Binary { .. })
        ));
        assert!(decode(b"plain\ttext\r\n\x0c", path(), None).is_ok());
    }
}
