//! The terminal modes a full-screen RTL reader must set and put back, checked in the raw byte
//! stream a [`Terminal`](super::pty::Terminal) recorded.

use super::pty::{find, rfind};

/// Checks the terminal modes a full-screen RTL reader must set and restore, in a raw byte
/// stream: `ESC[8l` (BDSM explicit mode: the terminal must not reorder) sent, and after the
/// last one, on the way out: the main screen back (`ESC[?1049l`), the cursor shown
/// (`ESC[?25h`) and `ESC[8h` (implicit mode) restored. Every switch to the alternate screen
/// (`ESC[?1049h`) and every full clear (`ESC[2J`) comes in explicit mode: VTE keeps BDSM per
/// paragraph, and rows made in implicit mode would be reordered a second time. Returns what is
/// wrong, one item each.
pub fn check_modes(raw: &[u8]) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    match find(raw, b"\x1b[8l", 0) {
        None => problems.push("ESC[8l (explicit bidi mode) never sent".to_owned()),
        Some(first) => {
            let last = rfind(raw, b"\x1b[8l").unwrap_or(first);
            for (seq, name) in [
                (&b"\x1b[?1049l"[..], "ESC[?1049l (main screen)"),
                (b"\x1b[?25h", "ESC[?25h (cursor shown)"),
                (b"\x1b[8h", "ESC[8h (implicit bidi mode)"),
            ] {
                if find(raw, seq, last).is_none() {
                    problems.push(format!("{name} not sent after the last ESC[8l"));
                }
            }
        }
    }
    for (seq, name) in [
        (&b"\x1b[?1049h"[..], "ESC[?1049h (alternate screen)"),
        (b"\x1b[2J", "ESC[2J (full clear)"),
    ] {
        let mut from = 0;
        while let Some(at) = find(raw, seq, from) {
            let before = &raw[..at];
            let explicit = rfind(before, b"\x1b[8l");
            if explicit.is_none() || rfind(before, b"\x1b[8h") > explicit {
                problems.push(format!("{name} at byte {at} sent in implicit bidi mode"));
            }
            from = at + seq.len();
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
