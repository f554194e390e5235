//! The command line: raw flags parsed by clap, then each subcommand run.
//!
//! Exit status: 0 success, 1 bad input (missing file, binary data…), 2 bad usage.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};

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
    /// The analysed article as JSON (title, sections, blocks, entities).
    Json(JsonArgs),
    /// The rendered article on standard output (styled on a terminal, plain when piped).
    Print(PrintArgs),
    /// Headless screenshot of the reader: OUT ends in .txt, .ansi, .svg or .png.
    Shot(ShotArgs),
}

/// Paragraph direction as given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DirArg {
    #[default]
    Auto,
    Ltr,
    Rtl,
}

impl From<DirArg> for crate::layout::DirectionMode {
    fn from(dir: DirArg) -> Self {
        match dir {
            DirArg::Auto => Self::Auto,
            DirArg::Ltr => Self::Ltr,
            DirArg::Rtl => Self::Rtl,
        }
    }
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

/// Article format as given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum FormatArg {
    #[default]
    Auto,
    Text,
    Markdown,
    Html,
    /// A feed (RSS, Atom, JSON Feed): the list of its items.
    Feed,
}

/// Where an article comes from and how to read it; shared by the commands that open one.
#[derive(Debug, Clone, clap::Args)]
pub struct SourceArgs {
    /// Article file; '-' or absent with piped input reads standard input.
    pub file: Option<PathBuf>,
    /// Article format (auto: from the extension, else from the content; a feed is told by its
    /// content).
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    pub format: FormatArg,
    /// Force a text encoding (utf-8, windows-1256, iso-8859-6, windows-1255, iso-8859-8,
    /// utf-16le…) instead of detecting it.
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

impl SourceArgs {
    pub fn load_options(&self) -> crate::load::LoadOptions {
        use crate::document::Format;
        crate::load::LoadOptions {
            format: match self.format {
                FormatArg::Auto => None,
                FormatArg::Text => Some(Format::Text),
                FormatArg::Markdown => Some(Format::Markdown),
                FormatArg::Html => Some(Format::Html),
                FormatArg::Feed => None,
            },
            encoding: self.encoding,
        }
    }

    /// Whether the input is read as a feed: `Some(true)` when `--format feed` says so,
    /// `Some(false)` when another format is forced, `None` to tell from the content.
    pub fn feed_format(&self) -> Option<bool> {
        match self.format {
            FormatArg::Auto => None,
            FormatArg::Feed => Some(true),
            FormatArg::Text | FormatArg::Markdown | FormatArg::Html => Some(false),
        }
    }

    /// The directory a figure's local image is looked up in: the article's (none for standard
    /// input).
    pub fn figure_dir(&self) -> Option<PathBuf> {
        let file = self.file.as_deref().filter(|p| p.as_os_str() != "-")?;
        Some(file.parent().map(Path::to_path_buf).unwrap_or_default())
    }

    /// Exits with a usage error (status 2) when no file is named and standard input is a
    /// terminal: there is nothing to read.
    pub fn require_input(&self, subcommand: &str) {
        use clap::CommandFactory;
        use std::io::IsTerminal;
        if self.file.is_none() && std::io::stdin().is_terminal() {
            let mut command = Cli::command();
            command.build();
            let message = "no FILE given and standard input is a terminal";
            let kind = clap::error::ErrorKind::MissingRequiredArgument;
            match command.find_subcommand_mut(subcommand) {
                Some(sub) => sub.error(kind, message).exit(),
                None => command.error(kind, message).exit(),
            }
        }
    }
}

fn parse_encoding(name: &str) -> Result<&'static encoding_rs::Encoding, String> {
    crate::decode::encoding_for_label(name).ok_or_else(|| {
        "unknown encoding; try utf-8, windows-1256, iso-8859-6, windows-1255, iso-8859-8, utf-16le"
            .to_owned()
    })
}

#[derive(Debug, clap::Args)]
pub struct JsonArgs {
    #[command(flatten)]
    pub source: SourceArgs,
}

/// Who puts right-to-left text in visual order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum BidiArg {
    /// sahifa reorders every line (for terminals that do no bidi, and VTE in explicit mode).
    #[default]
    App,
    /// Write logical order, for terminals that reorder lines themselves (Konsole, mlterm).
    Terminal,
}

/// When to write colours and styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorArg {
    /// On a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
    Always,
    Never,
}

/// How the article's text is composed: shaping, paragraph direction and who reorders; shared
/// by the commands that lay out a whole article.
#[derive(Debug, Clone, clap::Args)]
pub struct TextArgs {
    /// Do not shape Arabic letters into presentation forms.
    #[arg(long)]
    pub no_shape: bool,
    /// Paragraph direction (auto: each paragraph its own).
    #[arg(long, value_enum, default_value_t = DirArg::Auto)]
    pub dir: DirArg,
    /// Who reorders right-to-left text: sahifa (app) or the terminal.
    #[arg(long, value_enum, default_value_t = BidiArg::App)]
    pub bidi: BidiArg,
}

impl TextArgs {
    /// Whether sahifa puts lines in visual order itself.
    pub fn reorder(&self) -> bool {
        self.bidi == BidiArg::App
    }

    /// The page composition these flags ask for; `shaping` is what the flags leave it at when
    /// `--no-shape` is absent (the config file's choice for the reader).
    pub fn page_options(&self, shaping: bool) -> crate::page::PageOptions {
        crate::page::PageOptions {
            shape: shaping && !self.no_shape,
            reorder: self.reorder(),
            direction: self.dir.into(),
            entities: true,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct PrintArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    /// Text column width in cells (default: the terminal's width, at most 80; 80 when piped).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    pub width: Option<u16>,
    /// A built-in theme (dark, light, high-contrast) or a theme file.
    #[arg(long, value_name = "NAME|PATH")]
    pub theme: Option<String>,
    /// Colours and styles: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    #[command(flatten)]
    pub text: TextArgs,
}

/// `sahifa [OPTIONS] [FILE]`: the reader. Without FILE it reads piped standard input, or opens
/// the built-in sample article when standard input is a terminal.
#[derive(Debug, clap::Args)]
pub struct ReadArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    /// Widest text column in cells (default 80, or the config file's).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    pub width: Option<u16>,
    /// Theme name (dark, light, high-contrast) or path to a theme file.
    #[arg(long)]
    pub theme: Option<String>,
    #[command(flatten)]
    pub text: TextArgs,
    /// Config file instead of $XDG_CONFIG_HOME/sahifa/config.toml.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Neither restore nor remember the reading position.
    #[arg(long)]
    pub no_state: bool,
}

/// `sahifa shot [OPTIONS] FILE -o OUT`: the reader's screen after a key script, written to a
/// file. Takes every option of the reader, so the picture is what `sahifa FILE` would show.
#[derive(Debug, clap::Args)]
pub struct ShotArgs {
    /// Output file: .txt, .ansi, .svg or .png.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Screen size in cells.
    #[arg(long, value_name = "COLSxROWS", default_value_t = crate::shot::Size::default())]
    pub size: crate::shot::Size,
    /// Keys replayed before the picture is taken: key names (Enter, Esc, Down…) or text,
    /// space-separated.
    #[arg(long, default_value = "")]
    pub keys: String,
    #[command(flatten)]
    pub read: ReadArgs,
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
        Some(Command::Json(args)) => {
            args.source.require_input("json");
            crate::commands::json::run(&args)
        }
        Some(Command::Print(args)) => {
            args.source.require_input("print");
            crate::commands::print::run(&args)
        }
        Some(Command::Shot(args)) => crate::commands::shot::run(&args),
        None => crate::commands::read::run(&cli.read),
    }
}
