//! The system clipboard, reached through the terminal: OSC 52 (`ESC ] 52 ; c ; BASE64 ST`).
//!
//! The terminal (or tmux with `set -g set-clipboard on`, or the terminal at the far end of an
//! SSH connection) puts the decoded text on its clipboard; a terminal that does not know OSC 52
//! ignores the sequence. The text is the article's own logical text, so it is base64 of UTF-8:
//! no character of it reaches the terminal raw.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// Starts an OSC 52 write to the clipboard selection (`c`).
const START: &str = "\x1b]52;c;";
/// String terminator.
const END: &str = "\x1b\\";

/// The sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("{START}{}{END}", STANDARD.encode(text))
}

/// The texts of every OSC 52 clipboard write in `bytes` (a terminal's view of what a program
/// wrote), in order; payloads that are not base64 of UTF-8 are skipped. Ends either with ST or
/// with BEL.
pub fn payloads(bytes: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = bytes;
    while let Some(at) = find(rest, START.as_bytes()) {
        rest = &rest[at + START.len()..];
        let end = rest
            .iter()
            .position(|&b| b == 0x1b || b == 0x07)
            .unwrap_or(rest.len());
        if let Some(text) = STANDARD
            .decode(&rest[..end])
            .ok()
            .and_then(|raw| String::from_utf8(raw).ok())
        {
            out.push(text);
        }
        rest = &rest[end..];
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payload_round_trips_and_is_plain_ascii() {
        let text = "مقتل\u{200C}ها \u{2067}ISIS\u{2069}\n«داعش»";
        let sequence = osc52(text);
        assert!(sequence.starts_with("\x1b]52;c;") && sequence.ends_with("\x1b\\"));
        let body = (sequence.strip_prefix(START))
            .and_then(|rest| rest.strip_suffix(END))
            .expect("framed as OSC 52");
        assert!(
            body.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
        let mut screen = b"\x1b[2Jhello".to_vec();
        screen.extend_from_slice(sequence.as_bytes());
        screen.extend_from_slice(b"\x1b]52;c;YQ==\x07more");
        assert_eq!(payloads(&screen), [text, "a"]);
    }
}
