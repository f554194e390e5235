//! `sahifa bidi`: a line filter like fribidi(1). Each input line is one paragraph.

use crate::cli::BidiArgs;
use crate::layout::{LayoutOptions, layout_paragraph};
use anyhow::Context;
use std::io::{BufWriter, Read, Write};

pub fn run(args: &BidiArgs) -> anyhow::Result<()> {
    let input = read_input(args.file.as_deref())?;
    let options = LayoutOptions {
        width: (args.width > 0).then_some(args.width),
        direction: args.dir.into(),
        shape: !args.no_shape,
        reorder: true,
        reveal: false,
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match filter(&input, &options, &mut out).and_then(|()| out.flush()) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => Ok(result?),
    }
}

/// The whole filter: every line of `input` laid out as one paragraph and written in visual
/// order, RTL lines right-aligned when a width is given.
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
fn read_input(file: Option<&std::path::Path>) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    let path = match file {
        Some(p) if p.as_os_str() != "-" => {
            bytes = std::fs::read(p).with_context(|| p.display().to_string())?;
            p
        }
        _ => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("standard input")?;
            std::path::Path::new("standard input")
        }
    };
    let decoded = crate::decode::decode(&bytes, path, None)?;
    for warning in &decoded.warnings {
        eprintln!("sahifa: warning: {}", crate::escape::Visible(warning));
    }
    Ok(decoded.text)
}
