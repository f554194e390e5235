//! The command line: raw flags parsed by clap, then each subcommand run.
//!
//! Exit status: 0 success, 1 bad input (missing file, binary data…), 2 bad usage.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A terminal reader for right-to-left articles.
#[derive(Debug, Parser)]
#[command(
    name = "sahifa",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of the default command: open FILE in the reader.
    #[command(flatten)]
    pub read: ReadArgs,
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

/// Who reorders right-to-left text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum BidiArg {
    /// sahifa writes visual order and tells the terminal not to reorder (the default).
    #[default]
    App,
    /// Logical order, for terminals that always reorder (Konsole, mlterm).
    Terminal,
}

/// The article's format as given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum FormatArg {
    /// From the file extension, else from the content.
    #[default]
    Auto,
    Text,
    Markdown,
    Html,
}

/// `sahifa [OPTIONS] [FILE]`: the reader.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ReadArgs {
    /// Article to read; '-' reads standard input. Without FILE: standard input when piped,
    /// else the built-in sample article.
    pub file: Option<PathBuf>,
    /// Widest text column in cells (default 80, or the config file's).
    #[arg(long)]
    pub width: Option<usize>,
    /// Theme name (dark, light, high-contrast) or path to a theme file.
    #[arg(long)]
    pub theme: Option<String>,
    /// Do not shape Arabic letters into presentation forms.
    #[arg(long)]
    pub no_shape: bool,
    /// Paragraph direction.
    #[arg(long, value_enum, default_value_t = DirArg::Auto)]
    pub dir: DirArg,
    /// Who reorders right-to-left text.
    #[arg(long, value_enum, default_value_t = BidiArg::App)]
    pub bidi: BidiArg,
    /// Article format.
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    pub format: FormatArg,
    /// Config file instead of $XDG_CONFIG_HOME/sahifa/config.toml.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Neither restore nor remember the reading position.
    #[arg(long)]
    pub no_state: bool,
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
        None => crate::commands::read::run(&cli.read),
    }
}
