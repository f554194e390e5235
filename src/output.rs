//! An article written to standard output, as `print` writes it (and the reader when its output
//! is not a terminal): figures labelled as the reader labels them, composed at the settings'
//! width, styled or plain, in explicit bidi mode (`CSI 8 l` … `CSI 8 h`) when visual order goes
//! to a terminal. One rule for every command that writes to standard output: a reader that stops
//! early (`| head`, a closed pipe) is not an error ([`finish`]).

use crate::document::Document;
use crate::load::figure_files;
use crate::page::Composer;
use crate::render::ansi::{Styling, write_lines};
use crate::render::{hyperlink, no_overlay};
use crate::settings::PrintSettings;
use crate::source::Source;
use crate::ui::terminal::write_explicit;
use std::io::{BufWriter, IsTerminal, Write};

/// Writes `doc` to standard output with `settings`; `source` is where its figures' images are
/// looked up.
pub fn write_article(
    mut doc: Document,
    source: &Source,
    settings: &PrintSettings,
) -> anyhow::Result<()> {
    // Figures whose local file cannot be shown are labelled as the reader labels them.
    if let Some(dir) = source.base_dir() {
        doc.image_problems = figure_files::look_up(&doc, &dir).problems;
    }
    let stdout = std::io::stdout();
    // In visual order on a terminal: explicit mode around it, so VTE does not reorder it again.
    let explicit = stdout.is_terminal() && settings.page.reorder;
    let mut out = BufWriter::new(stdout.lock());
    let written = write_explicit(&mut out, explicit, |out| print(&doc, settings, out));
    Ok(finish(written.and_then(|()| out.flush()))?)
}

/// The one broken-pipe rule: standard output closed by its reader (`sahifa print … | head`)
/// ends the output without an error; any other error stays one.
pub fn finish(written: std::io::Result<()>) -> std::io::Result<()> {
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// The article as `print` writes it, streamed paragraph by paragraph.
pub fn print(
    doc: &Document,
    settings: &PrintSettings,
    out: &mut impl Write,
) -> std::io::Result<()> {
    // Streamed: each paragraph is composed, written and dropped before the next, so the first
    // lines come out at once and memory stays that of the document.
    let composer = Composer::new(doc, settings.page);
    let lines = composer.lines(settings.width);
    match settings.styling {
        Styling::Ansi { entities } if settings.hyperlinks => {
            for line in lines {
                let text = hyperlink::ansi_line(doc, &line, &settings.theme, entities, &no_overlay);
                writeln!(out, "{text}")?;
            }
            Ok(())
        }
        _ => write_lines(out, lines, &settings.theme, settings.styling),
    }
}

/// [`print()`] into a string (for tests and snapshots).
pub fn print_to_string(doc: &Document, settings: &PrintSettings) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = print(doc, settings, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}
