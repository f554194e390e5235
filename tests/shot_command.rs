//! `sahifa shot` on the command line: formats by extension, the picture's screen colour from the
//! theme, usage and input errors with their exit status.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ARTICLE: &str = "assets/raqqa-news-ar.txt";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sahifa-shot-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir.join(name)
}

fn shot(args: &[&str], out: &Path) -> Output {
    Command::new(common::bin::sahifa())
        .arg("shot")
        .args(args)
        .arg("-o")
        .arg(out)
        .args(["--config", "/dev/null", "--size", "40x12"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("sahifa runs")
}

/// The RGB of the top-left pixel of a PNG file.
fn corner_pixel(path: &Path) -> [u8; 3] {
    let file = std::io::BufReader::new(std::fs::File::open(path).expect("PNG written"));
    let mut reader = png::Decoder::new(file).read_info().expect("PNG header");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    reader.next_frame(&mut pixels).expect("PNG data");
    [pixels[0], pixels[1], pixels[2]]
}

#[test]
fn pictures_take_the_screen_colour_the_theme_is_made_for() {
    let dark = scratch("dark.png");
    assert!(shot(&[ARTICLE], &dark).status.success());
    assert_eq!(
        corner_pixel(&dark),
        sahifa::shot::Palette::dark().background
    );
    let light = scratch("light.png");
    assert!(
        shot(&[ARTICLE, "--theme", "light"], &light)
            .status
            .success()
    );
    assert_eq!(
        corner_pixel(&light),
        sahifa::shot::Palette::default().background
    );
}

#[test]
fn the_same_command_writes_the_same_bytes() {
    for ext in ["txt", "ansi", "svg", "png"] {
        let (a, b) = (scratch(&format!("a.{ext}")), scratch(&format!("b.{ext}")));
        assert!(shot(&[ARTICLE, "--keys", "] t Down"], &a).status.success());
        assert!(shot(&[ARTICLE, "--keys", "] t Down"], &b).status.success());
        let (a, b) = (std::fs::read(a).expect("a"), std::fs::read(b).expect("b"));
        assert!(a == b, "{ext} differs between runs");
    }
}

#[test]
fn an_unknown_extension_is_bad_input_naming_the_file() {
    let out = scratch("shot.jpg");
    let result = shot(&[ARTICLE], &out);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("shot.jpg") && stderr.contains("unknown screenshot format"),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn a_bad_size_is_a_usage_error() {
    let result = Command::new(common::bin::sahifa())
        .args(["shot", ARTICLE, "-o", "x.txt", "--size", "100by30"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("sahifa runs");
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("100by30"));
}

#[test]
fn a_missing_article_is_bad_input() {
    let result = shot(&["no-such-article.txt"], &scratch("missing.txt"));
    assert_eq!(result.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&result.stderr).contains("no-such-article.txt"));
}
