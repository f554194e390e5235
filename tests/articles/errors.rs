//! Every way opening an article can fail: message and exit status of the built binary.

use super::*;
use std::process::{Command, Stdio};

#[track_caller]
fn assert_fails(args: &[&str], status: i32, expected_stderr: &str) {
    let output = run(args);
    assert_eq!(
        output.status.code(),
        Some(status),
        "sahifa {args:?}: {}",
        stderr(&output)
    );
    assert_eq!(stderr(&output), expected_stderr, "sahifa {args:?}");
    assert!(output.stdout.is_empty());
}

#[test]
fn missing_file_is_exit_1_naming_it() {
    assert_fails(
        &["json", "no/such/article.txt"],
        1,
        "sahifa: no/such/article.txt: no such file\n",
    );
}

#[test]
fn directory_is_exit_1_naming_it() {
    let dir = root().join("assets");
    let shown = dir.display().to_string();
    assert_fails(
        &["json", &shown],
        1,
        &format!("sahifa: {shown}: is a directory, not an article\n"),
    );
}

#[test]
fn binary_file_is_exit_1_naming_it() {
    let path = temp_path("image.txt");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("temp file");
    let shown = path.display().to_string();
    assert_fails(
        &["json", &shown],
        1,
        &format!("sahifa: {shown}: looks like binary data, not an article\n"),
    );
    let _ = std::fs::remove_file(&path);
}

#[test]
fn unreadable_file_is_exit_1_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let path = temp_path("locked.txt");
    std::fs::write(&path, "عنوان\n\nنص.\n").expect("temp file");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&path).is_ok() {
        eprintln!("skipped: running as a user who can read a mode-000 file (root)");
    } else {
        let shown = path.display().to_string();
        assert_fails(
            &["json", &shown],
            1,
            &format!("sahifa: {shown}: permission denied\n"),
        );
    }
    let _ = std::fs::remove_file(&path);
}

#[test]
fn invalid_utf8_warns_once_with_the_offset_and_still_loads() {
    let path = temp_path("damaged.txt");
    let mut bytes = "مقتل 22 عنصراً\n\nفقرة أولى من الخبر.\n".as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xff\xfe broken ");
    bytes.extend_from_slice("ثم فقرة ثانية طويلة من الخبر.\n".as_bytes());
    bytes.push(0xC0);
    std::fs::write(&path, &bytes).expect("temp file");
    let shown = path.display().to_string();
    let output = run(&["json", &shown]);
    assert!(output.status.success());
    assert_eq!(
        stderr(&output),
        format!(
            "sahifa: warning: {shown}: invalid UTF-8 at byte offset {offset}; bad bytes replaced with U+FFFD\n"
        )
    );
    let article: Value = serde_json::from_slice(&output.stdout).expect("json");
    assert!(all_text(&article).contains("\u{FFFD}\u{FFFD} broken ثم فقرة ثانية"));
    let _ = std::fs::remove_file(&path);
}

#[test]
fn bad_format_is_a_usage_error() {
    let output = run(&["json", "--format", "pdf", "x.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("invalid value 'pdf' for '--format <FORMAT>'"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn bad_encoding_is_a_usage_error() {
    let output = run(&["json", "--encoding", "klingon", "x.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output)
            .contains("invalid value 'klingon' for '--encoding <NAME>': unknown encoding"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn no_file_with_a_terminal_for_input_is_a_usage_error() {
    // script(1) gives the command a terminal for standard input.
    let command = format!("{} json; echo EXIT=$?", env!("CARGO_BIN_EXE_sahifa"));
    let Ok(output) = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(Stdio::null())
        .output()
    else {
        eprintln!("skipped: script(1) is not installed");
        return;
    };
    let transcript = String::from_utf8_lossy(&output.stdout);
    assert!(
        transcript.contains("no FILE given and standard input is a terminal"),
        "{transcript}"
    );
    assert!(transcript.contains("EXIT=2"), "{transcript}");
}

#[test]
fn forced_encoding_decodes_as_told() {
    let legacy = sample("aleppo-souq-ar-cp1256.txt");
    let forced = json_of(&[
        "json",
        "--encoding",
        "cp1256",
        legacy.to_str().unwrap_or_default(),
    ]);
    assert_eq!(
        forced["title"],
        "أسواق حلب القديمة تستعيد أبوابها بعد الترميم"
    );
    let wrong = json_of(&[
        "json",
        "--encoding",
        "windows-1255",
        legacy.to_str().unwrap_or_default(),
    ]);
    assert_ne!(wrong["title"], forced["title"]);
}

#[test]
fn an_article_with_no_text_is_exit_1_naming_it_for_every_command() {
    let articles: [(&str, &[u8]); 4] = [
        ("empty.txt", b""),
        ("blank.md", b"  \n\n\t\n"),
        ("chrome.txt", "طباعة\nمشاركة\nEmail\n".as_bytes()),
        ("bare.html", b"<html><body><nav>x</nav>\n</body></html>"),
    ];
    for (name, bytes) in articles {
        let path = temp_path(name);
        std::fs::write(&path, bytes).expect("temp file");
        let shown = path.display().to_string();
        let expected = format!("sahifa: {shown}: the article is empty\n");
        let picture = temp_path("empty-shot.txt").display().to_string();
        for args in [
            vec!["print", &shown],
            vec!["json", &shown],
            vec!["shot", &shown, "-o", &picture],
            vec![&shown],
        ] {
            assert_fails(&args, 1, &expected);
        }
        let _ = std::fs::remove_file(&path);
    }
}
