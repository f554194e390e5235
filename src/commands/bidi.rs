//! `sahifa bidi`: a line filter like fribidi(1). Each input line is one paragraph.

use crate::cli::{BidiArgs, DirArg};
use crate::layout::{DirectionMode, LayoutOptions, layout_paragraph};
use anyhow::Context;
use std::io::{BufWriter, Read, Write};

pub fn run(args: &BidiArgs) -> anyhow::Result<()> {
    let input = read_input(args.file.as_deref())?;
    let options = LayoutOptions {
        width: (args.width > 0).then_some(args.width),
        direction: match args.dir {
            DirArg::Auto => DirectionMode::Auto,
            DirArg::Ltr => DirectionMode::Ltr,
            DirArg::Rtl => DirectionMode::Rtl,
        },
        shape: !args.no_shape,
        reorder: true,
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for line in input.lines() {
        let layout = layout_paragraph::<()>(line, &[], &options);
        for visual in &layout.lines {
            if layout.rtl && options.width.is_some() {
                let pad = options.width.unwrap_or(0).saturating_sub(visual.width);
                write!(out, "{:pad$}", "")?;
            }
            writeln!(out, "{}", visual.text)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn read_input(file: Option<&std::path::Path>) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    match file {
        None => std::io::stdin().read_to_end(&mut bytes).map(|_| ())?,
        Some(p) if p.as_os_str() == "-" => std::io::stdin().read_to_end(&mut bytes).map(|_| ())?,
        Some(p) => bytes = std::fs::read(p).with_context(|| p.display().to_string())?,
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
