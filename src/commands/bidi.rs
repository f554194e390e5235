//! `sahifa bidi`: a line filter like fribidi(1). Each input line is one paragraph.

use crate::args::{BidiArg, BidiArgs};
use crate::layout::{LayoutOptions, layout_paragraph};
use crate::source::Source;
use crate::ui::capabilities::{self, Env};
use crate::ui::terminal::write_explicit;
use std::io::{BufWriter, IsTerminal, Write};

pub fn run(source: &Source, args: &BidiArgs) -> anyhow::Result<()> {
    let input = read_input(source)?;
    let stdout = std::io::stdout();
    // On a terminal that reorders by itself (Konsole, mlterm), logical order; on any other,
    // visual order in explicit mode, so VTE does not reorder it again. To a pipe: visual order.
    let tty = stdout.is_terminal();
    let reorder = !tty
        || capabilities::probe(BidiArg::Auto, false, &Env::current())
            .bidi
            .reorders();
    let options = LayoutOptions {
        width: (args.width > 0).then_some(args.width),
        direction: args.dir.into(),
        shape: !args.no_shape,
        reorder,
        wrap: args.wrap.into(),
        justify: args.justify,
        reveal: false,
    };
    let explicit = tty && reorder;
    let mut out = BufWriter::new(stdout.lock());
    let written = write_explicit(&mut out, explicit, |out| filter(&input, &options, out));
    // A reader that stops early (`| head`) is not an error.
    Ok(crate::output::finish(written.and_then(|()| out.flush()))?)
}

/// The whole filter: every line of `input` laid out as one paragraph and written in visual
/// order, RTL lines right-aligned when a width is given (and, with `justify`, every line of a
/// paragraph but its last as wide as the width).
pub fn filter(input: &str, options: &LayoutOptions, out: &mut impl Write) -> std::io::Result<()> {
    for line in input.lines() {
        let layout = layout_paragraph::<()>(line, &[], options);
        for visual in &layout.lines {
            if let Some(width) = options.width.filter(|_| layout.rtl) {
                let pad = width.saturating_sub(visual.width);
                write!(out, "{:pad$}", "")?;
            }
            writeln!(out, "{}", visual.text)?;
        }
    }
    Ok(())
}

/// [`filter`] into a string, for tests.
pub fn filter_to_string(input: &str, options: &LayoutOptions) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = filter(input, options, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The input as text, through the pipeline's decode stage (byte order marks, legacy code pages,
/// binary data refused); its warnings go to standard error.
fn read_input(source: &Source) -> anyhow::Result<String> {
    let fetched = source.read(&crate::fetch::FetchOptions::default())?;
    let decoded = crate::decode::decode(&fetched.bytes, &fetched.name, None)?;
    for warning in &decoded.warnings {
        eprintln!("sahifa: warning: {}", crate::escape::Visible(warning));
    }
    Ok(decoded.text)
}
