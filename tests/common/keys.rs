//! Key tokens, as `sahifa shot --keys` takes them (see DESIGN.md), turned into the bytes a
//! terminal sends for them.
//!
//! A token is a key name (`Enter`, `Esc`, `Tab`, `Space`, `Up`, `Down`, `Left`, `Right`,
//! `PageUp`, `PageDown`, `Home`, `End`, `Backspace`) or text typed character by character.

/// The keys of a token sequence, one byte string per key press.
pub fn key_presses(keys: &str) -> Vec<Vec<u8>> {
    keys.split_whitespace()
        .flat_map(|token| match named(token) {
            Some(bytes) => vec![bytes.to_vec()],
            None => token.chars().map(|c| c.to_string().into_bytes()).collect(),
        })
        .collect()
}

/// What an xterm-compatible terminal sends for a named key (normal cursor-key mode).
fn named(token: &str) -> Option<&'static [u8]> {
    Some(match token {
        "Enter" => b"\r",
        "Esc" => b"\x1b",
        "Tab" => b"\t",
        "Space" => b" ",
        "Up" => b"\x1b[A",
        "Down" => b"\x1b[B",
        "Right" => b"\x1b[C",
        "Left" => b"\x1b[D",
        "PageUp" => b"\x1b[5~",
        "PageDown" => b"\x1b[6~",
        "Home" => b"\x1b[H",
        "End" => b"\x1b[F",
        "Backspace" => b"\x7f",
        _ => return None,
    })
}
