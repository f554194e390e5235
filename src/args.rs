//! The command line's raw flags, as clap parses them: one struct per subcommand, and the groups
//! of flags several share (where the article comes from, how its text is composed).
//!
//! This is the vocabulary both sides use: `cli` parses into these, the commands and
//! `settings` read them. Turning them into what a run needs (a [`Source`], print or reader
//! settings) happens once, in `cli` for the source and in `settings` for the rest; nothing
//! here looks at the terminal or the file system.

use crate::source::Source;
use clap::ValueEnum;
use std::path::PathBuf;

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
    /// Line breaking with --width: first-fit (greedy) or optimal (even right edges).
    #[arg(long, value_enum, default_value_t = WrapArg::FirstFit)]
    pub wrap: WrapArg,
    /// With --width, fill every line but a paragraph's last to the width (kashida in Arabic
    /// script, spaces otherwise).
    #[arg(long)]
    pub justify: bool,
}

/// Line breaking as given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WrapArg {
    /// Greedy: every line as full as it can be.
    FirstFit,
    /// Balanced lines: the smallest sum of squared gaps (Knuth–Plass style).
    Optimal,
}

impl From<WrapArg> for crate::layout::WrapAlgorithm {
    fn from(wrap: WrapArg) -> Self {
        match wrap {
            WrapArg::FirstFit => Self::FirstFit,
            WrapArg::Optimal => Self::OptimalFit,
        }
    }
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
    /// Article file or http(s) URL; '-' or absent with piped input reads standard input.
    pub file: Option<PathBuf>,
    /// Article format (auto: from the extension, else from the content; a feed is told by its
    /// content).
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    pub format: FormatArg,
    /// Force a text encoding (utf-8, windows-1256, iso-8859-6, windows-1255, iso-8859-8,
    /// utf-16le…) instead of detecting it.
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// For a URL: give up after this many seconds (connecting: at most 10).
    #[arg(long, value_name = "SECS", default_value_t = 30.0, value_parser = parse_timeout)]
    pub timeout: f64,
}

fn parse_timeout(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(secs) if secs > 0.0 && secs <= 86_400.0 => Ok(secs),
        _ => Err("a number of seconds above 0 (at most a day)".to_owned()),
    }
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
            fetch: crate::fetch::FetchOptions {
                timeout: std::time::Duration::from_secs_f64(self.timeout),
                ..crate::fetch::FetchOptions::default()
            },
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

    /// The source FILE names (see [`Source::choose`]); without FILE and with standard input a
    /// terminal, the built-in sample when `sample` allows it.
    pub fn source(&self, sample: bool) -> Option<Source> {
        use std::io::IsTerminal;
        Source::choose(self.file.as_deref(), std::io::stdin().is_terminal(), sample)
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BidiArg {
    /// Ask the terminal (DECRQM for BDSM) and look at the environment.
    #[default]
    Auto,
    /// sahifa reorders every line (for terminals that do no bidi, and VTE in explicit mode).
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

/// When links are written as OSC 8 hyperlinks (clickable where the terminal knows them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum HyperlinkArg {
    /// Where the environment names a terminal known to make them clickable (or the config's
    /// `hyperlinks`).
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
    /// Who reorders right-to-left text: ask the terminal (auto, the default, or the config's
    /// `bidi`), sahifa (app) or the terminal.
    #[arg(long, value_enum)]
    pub bidi: Option<BidiArg>,
    /// Line breaking: optimal (even right edges) or first-fit (greedy).
    #[arg(long, value_enum, default_value_t = WrapArg::Optimal)]
    pub wrap: WrapArg,
    /// Justified paragraphs: every line but the last fills the column (kashida in Arabic
    /// script, spaces otherwise).
    #[arg(long)]
    pub justify: bool,
    /// Show bidi controls and invisible characters (LRO, RLI, ZWJ…) as labels where they are.
    #[arg(long)]
    pub reveal: bool,
    /// Links as OSC 8 hyperlinks: auto (terminals known to make them clickable, or the
    /// config's `hyperlinks`), always, never.
    #[arg(long, value_enum, default_value_t = HyperlinkArg::Auto)]
    pub hyperlinks: HyperlinkArg,
}

impl TextArgs {
    /// Who reorders, as asked: the flag, else `config` (the config file's `bidi`), else auto.
    pub fn bidi_choice(&self, config: Option<BidiArg>) -> BidiArg {
        self.bidi.or(config).unwrap_or_default()
    }

    /// Whether sahifa reorders when nobody is asked (a headless screenshot, output to a pipe):
    /// unless `--bidi terminal` (or the config) says the terminal does.
    pub fn reorder_unasked(&self, config: Option<BidiArg>) -> bool {
        self.bidi_choice(config) != BidiArg::Terminal
    }

    /// The page composition these flags ask for; `shaping` is what the flags leave it at when
    /// `--no-shape` is absent (the config file's choice for the reader), `reorder` whether sahifa
    /// puts lines in visual order (see `ui::capabilities`).
    pub fn page_options(&self, shaping: bool, reorder: bool) -> crate::page::PageOptions {
        crate::page::PageOptions {
            shape: shaping && !self.no_shape,
            reorder,
            terminal: crate::page::ReorderingTerminal::Generic,
            direction: self.dir.into(),
            entities: true,
            wrap: self.wrap.into(),
            justify: self.justify,
            reveal: self.reveal,
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
    /// The text in logical order, for other tools: wrapped and aligned, never reordered or
    /// shaped (the original letters), no colours.
    #[arg(long, conflicts_with = "bidi")]
    pub logical: bool,
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
    /// Picture `sahifa feeds`: the feeds of $XDG_CONFIG_HOME/sahifa/feeds (or of FILE, then
    /// a feeds file), every one loaded before the picture is taken.
    #[arg(long)]
    pub feeds: bool,
    #[command(flatten)]
    pub read: ReadArgs,
}
