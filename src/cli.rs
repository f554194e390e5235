//! The command line: raw flags parsed by clap, then each subcommand run.
//!
//! Exit status: 0 success, 1 bad input (missing file, binary data…), 2 bad usage.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A terminal reader for right-to-left articles.
#[derive(Debug, Parser)]
#[command(name = "sahifa", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Line filter like fribidi(1): each input line is one paragraph, printed in visual order.
    Bidi(BidiArgs),
}

/// Paragraph direction as given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DirArg {
    #[default]
    Auto,
    Ltr,
    Rtl,
}

#[derive(Debug, clap::Args)]
pub struct BidiArgs {
    /// Input file; '-' or absent reads standard input.
    pub file: Option<PathBuf>,
    /// Wrap to this many cells (0 or absent: no wrapping); RTL lines are right-aligned.
    #[arg(long, default_value_t = 0)]
    pub width: usize,
    /// Do not shape Arabic letters into presentation forms.
    #[arg(long)]
    pub no_shape: bool,
    /// Paragraph direction.
    #[arg(long, value_enum, default_value_t = DirArg::Auto)]
    pub dir: DirArg,
}

/// Runs the command line and returns the process exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match run(cli) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("sahifa: {e:#}");
            1
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Some(Command::Bidi(args)) => crate::commands::bidi::run(&args),
        None => anyhow::bail!("no command given yet; try `sahifa bidi FILE`"),
    }
}
