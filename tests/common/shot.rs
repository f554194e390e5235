//! Headless reader screens as `sahifa shot` takes them (no user config), and their check against
//! the text and ANSI goldens.

use super::golden;
use clap::Parser;
use ratatui::buffer::Buffer;
use sahifa::args::ShotArgs;
use sahifa::cli::{Cli, Command};
use sahifa::shot;
use sahifa::source::Source;

/// The source and arguments of `sahifa shot FILE --size SIZE --keys KEYS FLAGS…`, FILE relative to
/// the crate.
pub fn args(file: &str, size: &str, keys: &str, flags: &[&str]) -> (Source, ShotArgs) {
    let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
    let mut more = vec!["--size", size, "--keys", keys];
    more.extend(flags);
    (Source::File(path.clone().into()), parsed(&path, &more))
}

/// The arguments of `sahifa shot TARGET -o unused.txt --config /dev/null FLAGS…`, TARGET (a path
/// or a URL) as given.
pub fn parsed(target: &str, flags: &[&str]) -> ShotArgs {
    let mut argv = vec!["sahifa", "shot", target, "-o", "unused.txt"];
    argv.extend(["--config", "/dev/null"]);
    argv.extend(flags);
    let cli = Cli::try_parse_from(&argv).expect("arguments parse");
    let Some(Command::Shot(args)) = cli.command else {
        panic!("not a shot command: {argv:?}");
    };
    args
}

/// The screen of [`args`].
pub fn screen(file: &str, size: &str, keys: &str, flags: &[&str]) -> Buffer {
    let (source, args) = args(file, size, keys, flags);
    sahifa::commands::shot::screen(&source, &args).expect("screen drawn")
}

/// Checks `buffer` against the goldens `name.txt` and `name.ansi`, adding each difference to
/// `failures` (or rewrites them when updating).
pub fn check(name: &str, buffer: &Buffer, failures: &mut Vec<String>) {
    for (ext, content) in [
        ("txt", shot::to_text(buffer)),
        ("ansi", shot::to_ansi(buffer)),
    ] {
        if let Err(e) = golden::check(name, ext, &content) {
            failures.push(e);
        }
    }
}
