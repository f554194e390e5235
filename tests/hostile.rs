//! Hostile articles: ESC sequences (SGR, OSC 8 hyperlinks, OSC 52 clipboard writes, DCS), C1
//! controls (U+009B is CSI) and every bidi control, in titles, headings, link text, URLs, alt
//! text, figure sources and file names, through every command: `print` (plain, coloured,
//! revealed), `json`, `bidi`, `shot` (.txt and .ansi), error messages, and the reader in a
//! pseudo-terminal. No output — stdout, stderr, the screen — may carry one of those characters
//! raw: the only escape sequences allowed are the ones sahifa writes itself (SGR colours in
//! `.ansi` and coloured `print`, the reader's own terminal modes), never an OSC or DCS.
//!
//! Also: `print --reveal` of the Trojan Source examples as a snapshot, and the `json` fields
//! and warnings about hidden bidi controls.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ESC: &str = "\u{1B}";
const BIDI: [char; 12] = [
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
];

/// One hostile string: a colour change, a screen clear by C1 CSI, an OSC 8 hyperlink, an OSC 52
/// clipboard write, a DCS request, a bell, DEL, and the twelve bidi controls.
fn payload(tag: &str) -> String {
    let bidi: String = BIDI.iter().collect();
    format!(
        "{tag} {ESC}[31mred{ESC}[0m \u{9B}2J \u{9D}0;title\u{9C} {ESC}]8;;http://evil.example/{ESC}\\click{ESC}]8;;{ESC}\\ \
         {ESC}]52;c;aGVsbG8={ESC}\\ {ESC}P1$qm{ESC}\\ \u{7}\u{7F} {bidi} \u{202E}nimda\u{202C} end"
    )
}

fn markdown() -> String {
    format!(
        "# {title}\n\n{lead}\n\n## {heading}\n\n[{link}](<http://example.com/{url}>) and more.\n\n\
         ![{alt}](<pic{src}.png>)\n\n> {quote}\n\n- {item}\n\n```\n{code}\n```\n",
        title = payload("title"),
        lead = payload("lead"),
        heading = payload("heading"),
        link = payload("link text"),
        url = "a\u{202E}b\u{9B}c",
        alt = payload("alt"),
        src = "\u{202E}gnp\u{1B}[2J",
        quote = payload("quote"),
        item = payload("item"),
        code = payload("code"),
    )
}

fn html() -> String {
    format!(
        "<html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>{p} <a href=\"http://e.example/{u}\">{a}</a></p>\
         <h2>{h}</h2><p>{p}</p><figure><img src=\"x{u}.png\" alt=\"{a}\"><figcaption>{p}</figcaption></figure></article></body></html>",
        t = payload("title"),
        p = payload("para"),
        a = payload("anchor"),
        h = payload("heading"),
        u = "\u{202E}\u{9B}x",
    )
}

/// The hostile articles, written in a fresh directory under a file name that is hostile too.
fn articles(dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("directory");
    let name = format!("hostile-{ESC}[31m\u{202E}gm\u{9B}");
    let files = [
        (format!("{name}.md"), markdown()),
        (format!("{name}.html"), html()),
        (
            format!("{name}.txt"),
            format!("{}\n\n{}\n", payload("title"), payload("body")),
        ),
    ];
    files
        .into_iter()
        .map(|(file, text)| {
            let path = dir.join(file);
            std::fs::write(&path, text).expect("article written");
            path
        })
        .collect()
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(common::bin::sahifa())
        .args(args)
        .env("NO_COLOR", "")
        .env_remove("NO_COLOR")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("XDG_STATE_HOME", "/nonexistent")
        .stdin(Stdio::null())
        .output()
        .expect("sahifa runs")
}

/// Removes the SGR sequences sahifa writes itself (`ESC [ digits and semicolons m`); any other
/// ESC stays, for the check to find.
fn without_sgr(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\u{1B}' && chars.get(i + 1) == Some(&'[') {
            let mut j = i + 2;
            while chars
                .get(j)
                .is_some_and(|c| c.is_ascii_digit() || *c == ';')
            {
                j += 1;
            }
            if chars.get(j) == Some(&'m') {
                i = j + 1;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Removes the OSC 8 hyperlinks sahifa writes itself (`ESC ] 8 ; ; URL ESC \`, the URL printable
/// ASCII only, and the closing `ESC ] 8 ; ; ESC \`); anything else stays, for the check to find.
fn without_osc8(text: &str) -> String {
    const OPEN: &str = "\u{1B}]8;;";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once(OPEN) {
        out.push_str(before);
        let url_len = after
            .find(|c: char| !c.is_ascii_graphic())
            .unwrap_or(after.len());
        let (url, tail) = after.split_at(url_len);
        match tail.strip_prefix("\u{1B}\\") {
            Some(tail) if !url.contains('\u{1B}') => rest = tail,
            _ => {
                out.push_str(OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The raw controls in `text`, by code point (newlines aside).
fn raw_controls(text: &str, json: bool) -> Vec<String> {
    text.chars()
        .filter(|&c| {
            (c < ' ' && c != '\n')
                || ('\u{7F}'..='\u{9F}').contains(&c)
                || BIDI.contains(&c)
                || (json && matches!(c, '\u{2028}' | '\u{2029}'))
        })
        .map(|c| format!("U+{:04X}", c as u32))
        .collect()
}

#[track_caller]
fn assert_clean(what: &str, bytes: &[u8], sgr: bool, json: bool) {
    let text = String::from_utf8_lossy(bytes);
    let text = if sgr {
        without_sgr(&text)
    } else {
        text.into_owned()
    };
    let found = raw_controls(&text, json);
    assert!(found.is_empty(), "{what}: raw {found:?} in\n{text}");
}

#[test]
fn no_command_writes_a_raw_control_from_a_hostile_article() {
    let dir = std::env::temp_dir().join(format!("sahifa-hostile-{}", std::process::id()));
    for path in articles(&dir) {
        let file = path.as_os_str();
        let name = path.display().to_string();
        for (what, args, sgr) in [
            ("print", vec!["print", "--width", "60"], false),
            (
                "print --reveal",
                vec!["print", "--reveal", "--width", "60"],
                false,
            ),
            (
                "print --color always",
                vec!["print", "--color", "always"],
                true,
            ),
        ] {
            let mut argv: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
            argv.push(file);
            let out = run(&argv);
            assert!(out.status.success(), "{what} {name}: {out:?}");
            assert_clean(&format!("{what} {name} stdout"), &out.stdout, sgr, false);
            assert_clean(&format!("{what} {name} stderr"), &out.stderr, false, false);
        }
        let out = run(&["json".as_ref(), file]);
        assert!(out.status.success(), "json {name}");
        assert_clean(&format!("json {name}"), &out.stdout, false, true);
        assert_clean(&format!("json {name} stderr"), &out.stderr, false, false);
        let parsed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        // The controls are kept (escaped), not dropped: in the title, or in the heading where
        // Readability's rules cut the title at a separator.
        let kept = |v: &serde_json::Value| v.as_str().is_some_and(|t| t.contains('\u{202E}'));
        assert!(
            kept(&parsed["title"]) || kept(&parsed["sections"][1]["heading"]),
            "{parsed}"
        );
        assert_eq!(parsed["bidi_controls"]["reorder"], true, "{parsed}");

        let out = run(&["bidi".as_ref(), file]);
        assert!(out.status.success(), "bidi {name}");
        assert_clean(&format!("bidi {name}"), &out.stdout, false, false);

        for ext in ["txt", "ansi"] {
            for keys in ["", "R", "L"] {
                let shot = dir.join(format!("shot.{ext}"));
                let argv: Vec<&std::ffi::OsStr> = vec![
                    "shot".as_ref(),
                    file,
                    "-o".as_ref(),
                    shot.as_os_str(),
                    "--keys".as_ref(),
                    keys.as_ref(),
                    "--config".as_ref(),
                    "/dev/null".as_ref(),
                ];
                let out = run(&argv);
                assert!(out.status.success(), "shot {name} {keys}: {out:?}");
                let written = std::fs::read(&shot).expect("shot written");
                assert_clean(
                    &format!("shot .{ext} {name} {keys:?}"),
                    &written,
                    ext == "ansi",
                    false,
                );
                assert_clean(&format!("shot {name} stderr"), &out.stderr, false, false);
            }
        }
    }
    // Error messages name the file, controls escaped.
    let missing = dir.join(format!("missing-{ESC}]52;c;aGk={ESC}\\\u{202E}.md"));
    let out = run(&["print".as_ref(), missing.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert_clean("error message", &out.stderr, false, false);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(r"\u001B]52;c;aGk=\u001B\\u202E.md"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_reader_in_a_terminal_shows_no_raw_control() {
    let dir = std::env::temp_dir().join(format!("sahifa-hostile-pty-{}", std::process::id()));
    let paths = articles(&dir);
    let file = paths[0].to_string_lossy().into_owned();
    let mut term = common::pty::Terminal::sahifa(&[file.as_str(), "--no-state"], 80, 24)
        .expect("terminal starts");
    for keys in ["", "R", "G", "L"] {
        if !keys.is_empty() {
            term.send_keys(keys).expect("keys sent");
        }
        let _ = term.wait_stable(std::time::Duration::from_millis(300));
        let screen = term.screen_text();
        assert_clean(
            &format!("screen after {keys:?}"),
            screen.as_bytes(),
            false,
            false,
        );
    }
    term.send_keys("q").expect("q");
    let _ = term.wait_exit();
    // What reached the terminal: never an OSC, a DCS, a C1 control or a bidi control.
    let raw = String::from_utf8_lossy(term.raw()).into_owned();
    for (name, sequence) in [("OSC", "\u{1B}]"), ("DCS", "\u{1B}P")] {
        assert!(!raw.contains(sequence), "{name} in the reader's output");
    }
    let bad: Vec<String> = raw
        .chars()
        .filter(|&c| ('\u{80}'..='\u{9F}').contains(&c) || BIDI.contains(&c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(bad.is_empty(), "raw {bad:?} in the reader's output");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hyperlinks_never_carry_a_control_from_a_hostile_article() {
    let dir = std::env::temp_dir().join(format!("sahifa-hostile-links-{}", std::process::id()));
    for path in articles(&dir) {
        let name = path.display().to_string();
        let argv: Vec<&std::ffi::OsStr> = ["print", "--color", "always", "--hyperlinks", "always"]
            .iter()
            .map(|a| a.as_ref())
            .chain([path.as_os_str()])
            .collect();
        let out = run(&argv);
        assert!(out.status.success(), "{name}: {out:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            !text.contains("\u{1B}]8;;http://evil.example"),
            "{name}: the article's own OSC 8 survived"
        );
        assert_clean(
            &format!("print --hyperlinks always {name}"),
            without_osc8(&text).as_bytes(),
            true,
            false,
        );
    }
    // The reader with hyperlinks on, in a terminal.
    let paths = articles(&dir);
    for file in &paths {
        let file = file.to_string_lossy().into_owned();
        let args = [file.as_str(), "--no-state", "--hyperlinks", "always"];
        let mut term = common::pty::Terminal::sahifa(&args, 80, 24).expect("terminal starts");
        for keys in ["", "L"] {
            if !keys.is_empty() {
                term.send_keys(keys).expect("keys sent");
            }
            let _ = term.wait_stable(std::time::Duration::from_millis(300));
        }
        term.send_keys("q q").expect("q");
        let _ = term.wait_exit();
        let raw = without_osc8(&String::from_utf8_lossy(term.raw()));
        for (what, sequence) in [("OSC", "\u{1B}]"), ("DCS", "\u{1B}P")] {
            assert!(
                !raw.contains(sequence),
                "{what} in the reader's output: {file}"
            );
        }
        assert!(!raw.contains("\u{1B}]8;;http://evil.example"), "{file}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn print_reveal_shows_the_trojan_source_examples() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/trojan-source.md");
    let plain = run(&[
        "print".as_ref(),
        "--width".as_ref(),
        "70".as_ref(),
        path.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&plain.stderr);
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.contains("hidden bidi controls"))
            .count(),
        1,
        "{stderr}"
    );
    let shown = String::from_utf8_lossy(&plain.stdout);
    assert!(
        shown.contains("The account belongs to user admin admin."),
        "{shown}"
    );
    let revealed = run(&[
        "print".as_ref(),
        "--reveal".as_ref(),
        "--width".as_ref(),
        "70".as_ref(),
        path.as_os_str(),
    ]);
    assert!(revealed.stderr.is_empty(), "{revealed:?}");
    let text = String::from_utf8_lossy(&revealed.stdout).into_owned();
    insta::assert_snapshot!("trojan_source_revealed", text);
}
