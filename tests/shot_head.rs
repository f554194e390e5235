//! `sahifa shot` of a big file pictures its first part alone when the keys stay within it: the
//! rest of the file is never read (a NUL byte after the first part, which the whole file would
//! be refused for, changes nothing), and the picture is the one of the whole file — the text and
//! the status line's estimated place. Keys that need the rest read the whole file.

mod common;

use ratatui::buffer::Buffer;
use sahifa::source::Source;
use std::path::{Path, PathBuf};

const SAMPLE: &str = include_str!("../assets/raqqa-news-ar.txt");

/// A scratch directory of this test process.
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sahifa-shot-head-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// An article of about `kb` KB in `name`: the sample's body under numbered headings, as
/// `benches/compare.sh` writes it; Markdown headings for a `.md` name, with a fenced code block
/// holding blank lines, a list and a comment in each section.
fn big_article(name: &str, kb: usize) -> PathBuf {
    let markdown = name.ends_with(".md");
    let body: Vec<&str> = SAMPLE.lines().skip(2).collect();
    let body = body.join("\n");
    let mut text = if markdown {
        String::from("# مقالة طويلة جدا\n\n*للاختبار فقط*\n\n")
    } else {
        String::from("مقالة طويلة جدا\n\nللاختبار فقط\n\n")
    };
    let mut n = 0;
    while text.len() < kb << 10 {
        n += 1;
        if markdown {
            text += &format!("## الفصل {n}\n\n{body}\n\n");
            text += "```\nlet a = 1;\n\nlet b = 2;\n```\n\n- أول\n\n- ثان\n\n<!--\n\n-->\n\n";
        } else {
            text += &format!("الفصل {n}\n\n{body}\n\n");
        }
    }
    let path = scratch().join(name);
    std::fs::write(&path, text).expect("article written");
    path
}

/// The same file with a NUL byte at its end: read whole, it is binary and refused.
fn with_nul_at_end(path: &Path) -> PathBuf {
    let mut bytes = std::fs::read(path).expect("article read");
    bytes.extend(b"\n\nnul \0 byte\n");
    let name = path.file_name().expect("a name").to_string_lossy();
    let nul = scratch().join(format!("nul-{name}"));
    std::fs::write(&nul, bytes).expect("written");
    nul
}

/// `sahifa shot PATH --size 100x30 --keys KEYS`, or its error.
fn shot(path: &Path, keys: &str) -> anyhow::Result<Buffer> {
    let shown = path.to_str().expect("UTF-8 temp path");
    let args = common::shot::parsed(shown, &["--size", "100x30", "--keys", keys]);
    sahifa::commands::shot::screen(&Source::File(path.to_path_buf()), &args)
}

fn text(buffer: &Buffer) -> String {
    sahifa::shot::to_text(buffer)
}

/// The status row of a picture.
fn status(picture: &str) -> &str {
    picture.lines().last().expect("a status row")
}

/// Checks that `path` shots from its first part alone, and as the whole file does.
fn shots_from_its_first_part(path: &Path) {
    let nul = with_nul_at_end(path);
    // `G g` needs the whole file and comes back to the top.
    for (keys, whole_keys) in [
        ("", "G g"),
        ("j j Space", "G g j j Space"),
        ("e Space J T", "G g e Space J T"),
    ] {
        let head = text(&shot(&nul, keys).expect("the first part alone is read"));
        let whole = text(&shot(path, whole_keys).expect("the whole file is read"));
        assert_eq!(head, whole, "keys {keys:?}");
        assert!(status(&head).contains(" ~0% "), "{}", status(&head));
    }
    // Keys that need the rest read it, and the rest is refused.
    for keys in ["G", "]", "/ الرقة Enter", "t", "E", "L"] {
        let error = shot(&nul, keys)
            .expect_err("the whole file is read")
            .to_string();
        assert!(error.contains("binary"), "keys {keys:?}: {error}");
    }
    // So does a view that comes near the end of the first part.
    let far = vec!["Space"; 200].join(" ");
    assert!(shot(&nul, &far).is_err(), "200 screens down reads the rest");
    let _ = std::fs::remove_file(nul);
}

#[test]
fn a_big_plain_text_file_shots_from_its_first_part() {
    let path = big_article("big.txt", 8 << 10);
    shots_from_its_first_part(&path);
    let _ = std::fs::remove_file(path);
}

#[test]
fn a_big_markdown_file_shots_from_its_first_part() {
    let path = big_article("big.md", 8 << 10);
    shots_from_its_first_part(&path);
    let _ = std::fs::remove_file(path);
}

#[test]
fn the_place_in_a_first_part_is_estimated_in_the_whole_article() {
    // Past the first screens of a file just over the size read lazily: the same estimate from
    // the first part as the whole article's count of units gives, never a line number.
    let path = big_article("small-big.txt", 2100);
    let nul = with_nul_at_end(&path);
    let keys = vec!["Space"; 15].join(" ");
    let head = text(&shot(&nul, &keys).expect("the first part alone is read"));
    let whole = text(&shot(&path, &format!("G g {keys}")).expect("whole"));
    let percent = |picture: &str| -> usize {
        let row = status(picture);
        let (_, place) = row.split_once(" ~").expect("an estimated place");
        let digits: String = place.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().expect("a percentage")
    };
    let (estimated, counted) = (percent(&head), percent(&whole));
    assert!(estimated > 0, "{}", status(&head));
    assert!(
        estimated.abs_diff(counted) <= 1,
        "{estimated}% vs {counted}%"
    );
    assert!(
        !status(&head).contains('/'),
        "no line count: {}",
        status(&head)
    );
    let _ = std::fs::remove_file(nul);
    let _ = std::fs::remove_file(path);
}
