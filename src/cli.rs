//! The command line, parsed: clap turns `argv` into the raw flags of [`crate::args`], then the
//! one thing every command needs first — where the article comes from — is settled here, so a
//! missing input is a usage error (status 2) before any command runs. `cli` runs nothing: the
//! binary's `main` dispatches the [`Invocation`] to its command.
//!
//! Exit status (chosen by `main`): 0 success, 1 bad input (missing file, binary data…), 2 bad
//! usage.

pub use crate::args::*;
use crate::source::Source;
use clap::{CommandFactory, Parser, Subcommand};

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
    /// What sahifa detects about this terminal (bidi, images, colours) and what it chooses.
    Doctor,
    /// The feeds of $XDG_CONFIG_HOME/sahifa/feeds (or FILE) in one list, newest first.
    #[command(mut_arg("file", |a| a.help("A feeds file instead of $XDG_CONFIG_HOME/sahifa/feeds")))]
    // Feeds are told by their content, their encoding by their XML declaration.
    #[command(mut_arg("format", |a| a.hide(true)), mut_arg("encoding", |a| a.hide(true)))]
    Feeds(ReadArgs),
    /// The analysed article as JSON (title, sections, blocks, entities).
    Json(JsonArgs),
    /// The rendered article on standard output (styled on a terminal, plain when piped).
    Print(PrintArgs),
    /// Headless screenshot of the reader: OUT ends in .txt, .ansi, .svg or .png.
    Shot(ShotArgs),
}

/// A parsed command line: the command, its source and its flags.
#[derive(Debug)]
pub enum Invocation {
    Read(Source, ReadArgs),
    Print(Source, PrintArgs),
    Json(Source, JsonArgs),
    Bidi(Source, BidiArgs),
    Shot(Source, ShotArgs),
    /// `sahifa feeds`: the reader's flags, FILE the feeds file if given.
    Feeds(ReadArgs),
    Doctor,
}

/// Parses the process's arguments. An error is clap's (help and version included: print it,
/// and exit with 2 when [`clap::Error::use_stderr`], else 0).
pub fn parse() -> Result<Invocation, clap::Error> {
    invocation(Cli::try_parse()?)
}

/// The invocation a parsed [`Cli`] asks for; `print` and `json` with nothing to read are a
/// usage error.
pub fn invocation(cli: Cli) -> Result<Invocation, clap::Error> {
    Ok(match cli.command {
        Some(Command::Bidi(args)) => {
            // A filter: no FILE is standard input, whatever it is.
            let source = Source::choose(args.file.as_deref(), false, false);
            Invocation::Bidi(source.unwrap_or(Source::Stdin), args)
        }
        Some(Command::Doctor) => Invocation::Doctor,
        Some(Command::Feeds(args)) => Invocation::Feeds(args),
        Some(Command::Json(args)) => Invocation::Json(required(&args.source, "json")?, args),
        Some(Command::Print(args)) => Invocation::Print(required(&args.source, "print")?, args),
        Some(Command::Shot(args)) => {
            let source = args.read.source.source(true).unwrap_or(Source::Sample);
            Invocation::Shot(source, args)
        }
        None => {
            let source = cli.read.source.source(true).unwrap_or(Source::Sample);
            Invocation::Read(source, cli.read)
        }
    })
}

/// The source of a command that needs input, or a usage error when no file is named and
/// standard input is a terminal.
fn required(args: &SourceArgs, subcommand: &str) -> Result<Source, clap::Error> {
    if let Some(source) = args.source(false) {
        return Ok(source);
    }
    let mut command = Cli::command();
    command.build();
    let message = "no FILE given and standard input is a terminal";
    let kind = clap::error::ErrorKind::MissingRequiredArgument;
    Err(match command.find_subcommand_mut(subcommand) {
        Some(sub) => sub.error(kind, message),
        None => command.error(kind, message),
    })
}
