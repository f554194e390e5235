//! Which image protocol the terminal speaks (kitty, sixel, iTerm2), asked once at start.
//!
//! The rule: the reader never depends on an answer. The question is put only to terminals whose
//! environment says they may draw images; the answer is read straight from the terminal's file
//! descriptor with `poll`, for at most [`WAIT`], and nothing is left reading afterwards. (A
//! thread blocked on the terminal, as `Picker::from_query_stdio` leaves behind when no answer
//! comes, would take the user's first keys; and with the article on standard input it would
//! read the pipe's end of file forever.) No answer, a partial one or any error: halfblocks,
//! silently.

use ratatui_image::FontSize;
use ratatui_image::picker::{Picker, ProtocolType};
use rustix::event::{PollFd, PollFlags, Timespec, poll};
use std::io::{IsTerminal, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::time::{Duration, Instant};

/// The longest the reader waits for the answer before its first frame.
pub const WAIT: Duration = Duration::from_millis(1000);

/// The question: kitty's one-pixel test image, device attributes (sixel is attribute 4), the
/// cell size in pixels, and a status report, which every terminal answers, to end the answer.
pub const QUERY: &str = "\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\\x1b[c\x1b[16t\x1b[5n";

/// The font size assumed when the terminal tells none (the one halfblocks assume).
const DEFAULT_FONT: FontSize = FontSize::new(10, 20);

/// The picker for this terminal from its answer to [`QUERY`] (`None`: not asked, because the
/// environment says it draws no images); halfblocks when nothing useful came.
pub fn picker(reply: Option<&Reply>) -> Picker {
    let Some(reply) = reply else {
        return Picker::halfblocks();
    };
    let protocol = reply.protocol(iterm2_by_environment(), blocks_kitty_and_sixel());
    let font = reply
        .font
        .map(FontSize::from)
        .or_else(font_from_window)
        .unwrap_or(DEFAULT_FONT);
    if protocol == ProtocolType::Halfblocks {
        return Picker::halfblocks();
    }
    // `from_fontsize` is the one constructor that takes a font size without asking the terminal
    // itself; it is deprecated in favour of the asking one, which is what must not run here.
    #[allow(deprecated)]
    let mut picker = Picker::from_fontsize(font);
    picker.set_protocol_type(protocol);
    picker
}

/// What the terminal said, as far as the reader cares.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Reply {
    pub kitty: bool,
    pub sixel: bool,
    /// The cell size in pixels, width and height.
    pub font: Option<(u16, u16)>,
    /// The status report came, so the answer is complete.
    pub complete: bool,
    /// The answer to DECRQM for BDSM (`CSI 8 ; Ps $ y`): 0 not recognised, 1 set, 2 reset,
    /// 3 permanently set, 4 permanently reset.
    pub bdsm: Option<u8>,
    /// The answer to DA1 (`CSI ? … c`) came: every answer asked before it has come too.
    pub attributes: bool,
}

impl Reply {
    /// Reads the replies in `bytes`, in any order; anything else is skipped.
    pub fn parse(bytes: &[u8]) -> Reply {
        let mut reply = Reply::default();
        let mut at = 0;
        while let Some(start) = find(bytes, b"\x1b", at) {
            let rest = bytes.get(start + 1..).unwrap_or_default();
            at = start + 1;
            if let Some(apc) = rest.strip_prefix(b"_G") {
                let end = find(apc, b"\x1b\\", 0).unwrap_or(apc.len());
                let body = apc.get(..end).unwrap_or_default();
                reply.kitty |= body.starts_with(b"i=31;") && body.ends_with(b";OK");
            } else if let Some(csi) = rest.strip_prefix(b"[") {
                // Parameters, then the final byte.
                let Some(end) = csi.iter().position(|b| (0x40..=0x7e).contains(b)) else {
                    break;
                };
                let params = String::from_utf8_lossy(csi.get(..end).unwrap_or_default());
                match csi.get(end) {
                    Some(b'c') if params.starts_with('?') => {
                        reply.attributes = true;
                        reply.sixel |= params.trim_start_matches('?').split(';').any(|p| p == "4");
                    }
                    Some(b'y') if params.ends_with('$') => {
                        let mut fields = params.trim_end_matches('$').split(';');
                        if fields.next() == Some("8") {
                            reply.bdsm = fields.next().and_then(|ps| ps.parse().ok());
                        }
                    }
                    Some(b't') => reply.font = reply.font.or_else(|| cell_size(&params)),
                    Some(b'n') => reply.complete = true,
                    _ => {}
                }
            }
        }
        reply
    }

    /// The protocol to use: kitty over sixel over iTerm2 (known by the environment only) over
    /// halfblocks; kitty and sixel not at all where they are known to be broken.
    pub fn protocol(&self, iterm2: bool, kitty_and_sixel_broken: bool) -> ProtocolType {
        if self.kitty && !kitty_and_sixel_broken {
            ProtocolType::Kitty
        } else if self.sixel && !kitty_and_sixel_broken {
            ProtocolType::Sixel
        } else if iterm2 {
            ProtocolType::Iterm2
        } else {
            ProtocolType::Halfblocks
        }
    }
}

/// The cell size in an answer to `CSI 16 t`: `6;HEIGHT;WIDTH`.
fn cell_size(params: &str) -> Option<(u16, u16)> {
    let mut fields = params.split(';');
    if fields.next() != Some("6") {
        return None;
    }
    let height: u16 = fields.next()?.parse().ok()?;
    let width: u16 = fields.next()?.parse().ok()?;
    (width > 0 && height > 0).then_some((width, height))
}

/// The cell size from the window size in pixels, where the terminal reports it.
fn font_from_window() -> Option<FontSize> {
    let size = crossterm::terminal::window_size().ok()?;
    let (width, height) = (
        size.width / size.columns.max(1),
        size.height / size.rows.max(1),
    );
    (width > 0 && height > 0).then(|| FontSize::new(width, height))
}

/// Writes `query` to the terminal and collects what comes back until `done` says the answer is
/// whole, for at most `wait`. Reads from standard input when it is the terminal, else from `/dev/tty` (as
/// crossterm does), one byte at a time so that nothing after the answer is taken from the keys.
pub fn ask(query: &str, wait: Duration, done: fn(&Reply) -> bool) -> std::io::Result<Vec<u8>> {
    let stdin = std::io::stdin();
    let tty;
    let fd: BorrowedFd = if stdin.is_terminal() {
        stdin.as_fd()
    } else {
        tty = std::fs::File::open("/dev/tty")?;
        tty.as_fd()
    };
    let mut out = std::io::stdout();
    out.write_all(query.as_bytes())?;
    out.flush()?;
    read_answer(fd, wait, done)
}

/// Reads from `fd` until `done` says the answer is whole (the status report, `CSI … n`, or the
/// device attributes, `CSI ? … c`, that end a query), the input ends, or `wait` has passed.
pub fn read_answer(
    fd: BorrowedFd,
    wait: Duration,
    done: fn(&Reply) -> bool,
) -> std::io::Result<Vec<u8>> {
    let deadline = Instant::now() + wait;
    let mut answer = Vec::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        let timeout = Timespec::try_from(left).map_err(std::io::Error::other)?;
        let mut fds = [PollFd::from_borrowed_fd(fd, PollFlags::IN)];
        if poll(&mut fds, Some(&timeout))? == 0 {
            break;
        }
        let mut byte = [0u8; 1];
        if rustix::io::read(fd, &mut byte)? == 0 {
            break;
        }
        answer.push(byte[0]);
        if matches!(byte[0], b'n' | b'c') && done(&Reply::parse(&answer)) {
            break;
        }
    }
    Ok(answer)
}

/// Whether the terminal says (by its environment) that it may draw images. Only those are asked
/// which protocol they speak: a terminal that does not understand the question may answer late
/// or never, and a late answer arrives as keys. Inside tmux nobody is asked: it passes the
/// question on only when told to, and its terminal answers late.
pub fn may_show_graphics() -> bool {
    let var = |name: &str| std::env::var(name).unwrap_or_default().to_lowercase();
    let term = var("TERM");
    let program = var("TERM_PROGRAM");
    if std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()) {
        return false;
    }
    std::env::var_os("KITTY_WINDOW_ID").is_some()
        || std::env::var_os("WEZTERM_EXECUTABLE").is_some_and(|v| !v.is_empty())
        || ["kitty", "ghostty", "foot", "mlterm", "sixel", "wezterm"]
            .iter()
            .any(|name| term.contains(name))
        || ["iterm.app", "wezterm", "ghostty", "mintty", "vscode"]
            .iter()
            .any(|name| program.contains(name))
}

/// Terminals known to speak iTerm2's protocol, by their environment.
fn iterm2_by_environment() -> bool {
    let program = std::env::var("TERM_PROGRAM").unwrap_or_default();
    [
        "iTerm", "WezTerm", "mintty", "vscode", "Tabby", "Hyper", "rio",
    ]
    .iter()
    .any(|name| program.contains(name))
        || std::env::var("LC_TERMINAL").is_ok_and(|t| t.contains("iTerm"))
}

/// WezTerm and Konsole answer the kitty and sixel questions but draw those protocols wrongly.
fn blocks_kitty_and_sixel() -> bool {
    ["WEZTERM_EXECUTABLE", "KONSOLE_VERSION"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()))
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find(haystack.get(from..)?, needle).map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kitty_answer_with_cell_size_and_status() {
        let reply = Reply::parse(b"\x1b_Gi=31;OK\x1b\\\x1b[?62;22c\x1b[6;20;10t\x1b[0n");
        assert_eq!(
            reply,
            Reply {
                kitty: true,
                sixel: false,
                font: Some((10, 20)),
                complete: true,
                attributes: true,
                ..Reply::default()
            }
        );
        assert_eq!(reply.protocol(false, false), ProtocolType::Kitty);
        assert_eq!(reply.protocol(true, true), ProtocolType::Iterm2);
    }

    #[test]
    fn sixel_is_device_attribute_four_not_a_digit_four() {
        assert!(Reply::parse(b"\x1b[?63;1;4;22c").sixel);
        assert!(!Reply::parse(b"\x1b[?64;14;22c").sixel);
        assert_eq!(
            Reply::parse(b"\x1b[?63;4c").protocol(false, false),
            ProtocolType::Sixel
        );
    }

    #[test]
    fn a_kitty_error_is_not_kitty() {
        let reply = Reply::parse(b"\x1b_Gi=31;ENOTSUPPORTED:no\x1b\\\x1b[0n");
        assert!(!reply.kitty && reply.complete);
        assert_eq!(reply.protocol(false, false), ProtocolType::Halfblocks);
    }

    #[test]
    fn no_answer_or_a_cut_one_is_halfblocks() {
        assert_eq!(Reply::parse(b""), Reply::default());
        let cut = Reply::parse(b"\x1b_Gi=31;O");
        assert!(!cut.kitty && !cut.complete);
        assert_eq!(Reply::parse(b"\x1b[6;2").font, None);
        assert_eq!(Reply::parse(b"\x1b[6;0;0t").font, None);
    }

    #[test]
    fn reading_stops_at_the_status_report_and_leaves_the_rest() {
        let (reader, mut writer) = std::io::pipe().expect("pipe");
        writer
            .write_all(b"\x1b[?1;2c\x1b[0nq")
            .expect("answer written");
        let answer = read_answer(reader.as_fd(), WAIT, |r| r.complete).expect("read");
        assert_eq!(answer, b"\x1b[?1;2c\x1b[0n");
        let mut rest = [0u8; 1];
        assert_eq!(rustix::io::read(reader.as_fd(), &mut rest).ok(), Some(1));
        assert_eq!(&rest, b"q");
    }

    #[test]
    fn reading_gives_up_after_the_wait_when_nothing_comes() {
        let (reader, _writer) = std::io::pipe().expect("pipe");
        let start = Instant::now();
        let answer =
            read_answer(reader.as_fd(), Duration::from_millis(150), |r| r.complete).expect("read");
        assert!(answer.is_empty());
        let took = start.elapsed();
        assert!(
            took >= Duration::from_millis(150) && took < Duration::from_secs(2),
            "{took:?}"
        );
    }
}
