//! Articles end to end: every sample's structure pinned through `sahifa json`, every error path
//! of opening an article checked for message and exit status, and plain-text loading checked to
//! keep every line exactly once.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

// ---------------------------------------------------------------- helpers

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample(name: &str) -> PathBuf {
    root().join("assets/samples").join(name)
}

fn run(args: &[&str]) -> Output {
    run_with_stdin(args, None)
}

fn run_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sahifa"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sahifa binary runs");
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        use std::io::Write;
        pipe.write_all(bytes).expect("stdin accepts the article");
    }
    child.wait_with_output().expect("sahifa finishes")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[track_caller]
fn json_of(args: &[&str]) -> Value {
    let output = run(args);
    assert!(
        output.status.success(),
        "sahifa {args:?} failed: {}",
        stderr(&output)
    );
    serde_json::from_slice(&output.stdout).expect("sahifa json prints JSON")
}

#[track_caller]
fn json(path: &Path) -> Value {
    json_of(&["json", path.to_str().expect("utf-8 path")])
}

fn str_of(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

/// Each section as (heading, block kinds).
fn outline(article: &Value) -> Vec<(Option<String>, Vec<String>)> {
    article["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            let kinds = s["blocks"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|b| str_of(&b["kind"]).to_owned())
                .collect();
            (s["heading"].as_str().map(str::to_owned), kinds)
        })
        .collect()
}

fn blocks_of_kind<'a>(article: &'a Value, kind: &str) -> Vec<&'a Value> {
    article["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["blocks"].as_array().into_iter().flatten())
        .filter(|b| b["kind"] == kind)
        .collect()
}

/// Every string in the article, for "this never appears anywhere" checks.
fn all_text(value: &Value) -> String {
    match value {
        Value::String(s) => format!("{s}\n"),
        Value::Array(items) => items.iter().map(all_text).collect(),
        Value::Object(map) => map.values().map(all_text).collect(),
        _ => String::new(),
    }
}

fn temp_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("sahifa-articles-{}-{name}", std::process::id()))
}

fn kinds(list: &[&str]) -> Vec<String> {
    list.iter().map(|k| (*k).to_owned()).collect()
}

fn section(heading: Option<&str>, list: &[&str]) -> (Option<String>, Vec<String>) {
    (heading.map(str::to_owned), kinds(list))
}

// ---------------------------------------------------------------- the model article

#[test]
fn raqqa_article_gives_exact_title_sections_callout_and_no_chrome() {
    let path = root().join("assets/raqqa-news-ar.txt");
    let article = json(&path);
    assert_eq!(article["format"], "text");
    assert_eq!(article["language"], "ar");
    assert_eq!(article["direction"], "rtl");
    assert_eq!(
        article["title"],
        "مقتل 22 عنصراً من «داعش» في غارات جوية للتحالف"
    );
    assert_eq!(
        article["subtitle"],
        "موسكو مستعدة للتعاون مع واشنطن في تحرير الرقة"
    );
    let headings: Vec<Option<String>> = outline(&article).into_iter().map(|(h, _)| h).collect();
    assert_eq!(
        headings,
        [
            None,
            Some("وقف النار"),
            Some("تحرير الرقة"),
            Some("قصف جوي"),
            Some("ضحايا التفجيرات")
        ]
        .map(|h| h.map(str::to_owned))
    );
    let callouts = blocks_of_kind(&article, "callout");
    assert_eq!(callouts.len(), 1);
    assert_eq!(callouts[0]["value"], "28.000");
    assert!(
        str_of(&callouts[0]["text"]).starts_with("أكد نائب أمين مجلس الأمن الروسي يفغيني لوكيانوف")
    );

    let text = all_text(&article);
    assert!(!text.contains("Email"), "Email line leaked");
    assert!(!text.contains("الحجم الطبيعي"), "font-size line leaked");

    // Every other paragraph of the file is one block's text, exactly once.
    let source = std::fs::read_to_string(&path).expect("sample readable");
    let block_texts: Vec<&str> = blocks_of_kind(&article, "paragraph")
        .into_iter()
        .chain(callouts.iter().copied())
        .map(|b| str_of(&b["text"]))
        .collect();
    let paragraphs: Vec<&str> = source
        .lines()
        .map(str::trim)
        .filter(|l| l.chars().count() > 80)
        .collect();
    assert_eq!(paragraphs.len(), 20);
    for paragraph in &paragraphs {
        let count = block_texts.iter().filter(|t| *t == paragraph).count();
        assert_eq!(count, 1, "{paragraph}");
    }
    assert_eq!(block_texts.len(), paragraphs.len());
}

// ---------------------------------------------------------------- samples

#[test]
fn arabic_markdown_sample_keeps_front_matter_figures_and_quote() {
    let article = json(&sample("khartoum-water-ar.md"));
    assert_eq!(article["format"], "markdown");
    assert_eq!(article["language"], "ar");
    assert_eq!(article["direction"], "rtl");
    assert_eq!(
        article["title"],
        "الخرطوم تعيد تشغيل محطة المقرن بعد عامين من التوقف"
    );
    assert_eq!(
        article["subtitle"],
        "مياه النيل تعود إلى 400 ألف منزل في العاصمة السودانية"
    );
    assert_eq!(
        outline(&article),
        [
            section(None, &["paragraph", "paragraph", "figure"]),
            section(
                Some("عودة المياه إلى الأحياء"),
                &["paragraph", "paragraph", "quote"]
            ),
            section(
                Some("دعم دولي وتحديات قائمة"),
                &["paragraph", "figure", "paragraph"]
            ),
            section(
                Some("ما الذي ينتظر العاصمة؟"),
                &["paragraph", "list", "paragraph"]
            ),
        ]
    );
    let figures = blocks_of_kind(&article, "figure");
    assert_eq!(figures[0]["src"], "images/mogran-station.jpg");
    assert_eq!(figures[0]["alt"], "محطة المقرن عند ملتقى النيلين");
    assert_eq!(
        figures[0]["caption"],
        "محطة المقرن عند ملتقى النيلين الأزرق والأبيض، صباح 13 مارس 2024"
    );
    assert_eq!(figures[1]["src"], "images/pump-hall.jpg");
    assert_eq!(
        figures[1]["caption"],
        "فنيو هيئة المياه يختبرون المضخة الرابعة قبل تشغيلها، 12 مارس 2024"
    );
    let quote = blocks_of_kind(&article, "quote")[0];
    assert_eq!(
        quote["text"],
        "كنا نملأ الجرادل من النيل ونغليها على الفحم. اليوم فتحت الحنفية فنزل الماء، فبكيت."
    );
    assert_eq!(quote["attribution"], "آمنة إدريس، من سكان حي الديم");
    let list = blocks_of_kind(&article, "list")[0];
    assert_eq!(list["items"].as_array().map(Vec::len), Some(3));
    assert_eq!(article["entities"], Value::Array(Vec::new()));
}

#[test]
fn hebrew_html_sample_is_extracted_from_its_site_chrome() {
    let article = json(&sample("jerusalem-light-rail-he.html"));
    assert_eq!(article["format"], "html");
    assert_eq!(article["language"], "he");
    assert_eq!(article["direction"], "rtl");
    assert_eq!(
        article["title"],
        "הקו הסגול יוצא לדרך: מיליון נוסעים בחודש הראשון"
    );
    assert_eq!(
        article["subtitle"],
        "הרכבת הקלה בירושלים מחברת לראשונה את גילה ואת הר הצופים, ועיריית ירושלים כבר מדברת על הארכה לרמות"
    );
    assert_eq!(
        outline(&article),
        [
            section(None, &["paragraph", "paragraph"]),
            section(
                Some("שעת נסיעה שהפכה לעשרים דקות"),
                &["paragraph", "callout", "paragraph", "figure"]
            ),
            section(
                Some("המחיר: 4.2 מיליארד שקל ושלוש שנות עיכוב"),
                &["paragraph", "quote"]
            ),
            section(Some("מה הלאה"), &["paragraph", "paragraph"]),
        ]
    );
    let callout = blocks_of_kind(&article, "callout")[0];
    assert_eq!(callout["value"], "73%");
    assert_eq!(
        callout["text"],
        "מהנוסעים שנשאלו בסקר של מכון ירושלים למחקרי מדיניות אמרו שהם משתמשים ברכבת במקום ברכב הפרטי."
    );
    let figure = blocks_of_kind(&article, "figure")[0];
    assert_eq!(
        figure["src"],
        "https://news.example.co.il/img/purple-line-jaffa-road.jpg"
    );
    assert_eq!(figure["alt"], "רכבת סגולה ברחוב יפו");
    assert_eq!(
        figure["caption"],
        "רכבת של הקו הסגול עוברת ברחוב יפו, אוגוסט 2025 (צילום: אורי דוידוביץ')"
    );
    let quote = blocks_of_kind(&article, "quote")[0];
    assert_eq!(quote["attribution"], "דוד מזרחי, בעל בית קפה בעמק רפאים");
    let first = blocks_of_kind(&article, "paragraph")[1];
    assert!(str_of(&first["text"]).contains("\"זה הפרויקט התחבורתי הגדול ביותר בתולדות העיר\""));
    let text = all_text(&article);
    for chrome in [
        "ראשי",
        "פוליטיקה",
        "שתפו",
        "WhatsApp",
        "הדפסה",
        "כתבות נוספות",
        "הקו האדום: עשור",
        "תגובות",
        "היו הראשונים",
        "כל הזכויות",
        "מדיניות פרטיות",
        "dataLayer",
        "font-family",
        "רכבת קלה\n",
        "מאת יעל ברגמן",
    ] {
        assert!(!text.contains(chrome), "{chrome:?} leaked into the article");
    }
}

#[test]
fn persian_text_sample_has_statistics_and_keeps_zwnj() {
    let article = json(&sample("tehran-metro-fa.txt"));
    assert_eq!(article["format"], "text");
    assert_eq!(article["language"], "fa");
    assert_eq!(article["direction"], "rtl");
    assert_eq!(
        article["title"],
        "خط هفت مترو تهران به ایستگاه میدان صنعت رسید"
    );
    assert_eq!(
        article["subtitle"],
        "شهرداری: تا پایان سال ۱۴۰۳ همه ایستگاه\u{200C}ها فعال می\u{200C}شوند"
    );
    assert_eq!(
        outline(&article),
        [
            section(None, &["paragraph", "paragraph"]),
            section(Some("تاریخچه یک خط پرحاشیه"), &["paragraph", "paragraph"]),
            section(
                Some("مسافران و هزینه\u{200C}ها"),
                &["callout", "paragraph", "callout"]
            ),
            section(Some("چشم\u{200C}انداز"), &["paragraph", "paragraph"]),
        ]
    );
    let callouts = blocks_of_kind(&article, "callout");
    assert_eq!(callouts[0]["value"], "۳٫۵ میلیون");
    assert!(
        str_of(&callouts[0]["text"])
            .starts_with("سفر روزانه در شبکه متروی تهران ثبت می\u{200C}شود")
    );
    assert_eq!(callouts[1]["value"], "۲۵٪");
    let text = all_text(&article);
    assert!(
        text.contains("می\u{200C}گوید"),
        "ZWNJ words survive untouched"
    );
    for chrome in ["چاپ\n", "اشتراک\u{200C}گذاری", "نظرات"] {
        assert!(!text.contains(chrome), "{chrome:?} leaked");
    }
}

#[test]
fn english_sample_quotes_arabic_and_hebrew_with_attributions() {
    let article = json(&sample("cairo-genizah-en.md"));
    assert_eq!(article["language"], "en");
    assert_eq!(article["direction"], "ltr");
    assert_eq!(
        article["title"],
        "Reading the Genizah: a thousand years of letters in three scripts"
    );
    assert_eq!(
        article["subtitle"],
        "A Cambridge team is teaching software to read Judeo-Arabic fragments from Cairo"
    );
    assert_eq!(
        outline(&article),
        [
            section(None, &["paragraph", "paragraph"]),
            section(
                Some("A storeroom nobody emptied"),
                &[
                    "paragraph",
                    "paragraph",
                    "quote",
                    "paragraph",
                    "quote",
                    "paragraph"
                ]
            ),
            section(
                Some("Teaching machines to read a mixed hand"),
                &["paragraph", "paragraph", "paragraph"]
            ),
            section(
                Some("Who gets to read them"),
                &["paragraph", "quote", "paragraph", "paragraph"]
            ),
        ]
    );
    let quotes = blocks_of_kind(&article, "quote");
    let pairs: Vec<(&str, &str)> = quotes
        .iter()
        .map(|q| (str_of(&q["text"]), str_of(&q["attribution"])))
        .collect();
    assert_eq!(
        pairs,
        [
            (
                "ואלפלפל בעשרין דינאר אלבהאר",
                "Letter of Madmun ben Hasan, Aden, 1136"
            ),
            (
                "والفلفل بعشرين دينار البهار",
                "transliteration by the Cambridge team"
            ),
            (
                "לא עליך המלאכה לגמור",
                "Pirkei Avot 2:16 (\"It is not your duty to finish the work\")"
            ),
        ]
    );
}

#[test]
fn windows_1256_sample_reads_exactly_as_its_utf8_source() {
    let legacy = sample("aleppo-souq-ar-cp1256.txt");
    let source = root().join("tests/data/aleppo-souq-ar.utf8.txt");
    let utf8 = std::fs::read_to_string(&source).expect("source readable");
    let bytes = std::fs::read(&legacy).expect("sample readable");
    let (encoded, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&utf8);
    assert!(!unmappable);
    assert_eq!(
        bytes,
        encoded.as_ref(),
        "the sample is its source in windows-1256"
    );
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the sample is not UTF-8"
    );

    let output = run(&["json", legacy.to_str().unwrap_or_default()]);
    assert!(output.status.success());
    assert_eq!(
        stderr(&output),
        "",
        "a detected legacy page is not a warning"
    );
    assert_eq!(
        output.stdout,
        run(&["json", source.to_str().unwrap_or_default()]).stdout
    );

    let article = json(&legacy);
    assert_eq!(
        article["title"],
        "أسواق حلب القديمة تستعيد أبوابها بعد الترميم"
    );
    assert_eq!(
        article["subtitle"],
        "افتتاح سوق السقطية وخان الشونة أمام التجار والزوار"
    );
    assert_eq!(
        outline(&article),
        [
            section(None, &["paragraph", "paragraph"]),
            section(
                Some("تاريخ من الحرائق والحروب"),
                &["paragraph", "paragraph"]
            ),
            section(Some("عودة التجار"), &["paragraph", "paragraph", "callout"]),
            section(Some("المرحلة المقبلة"), &["paragraph", "paragraph"]),
        ]
    );
    assert_eq!(blocks_of_kind(&article, "callout")[0]["value"], "1.600");
}

#[test]
fn urdu_sample_has_title_subtitle_list_table_and_quote() {
    let article = json(&sample("lahore-monsoon-ur.md"));
    assert_eq!(article["language"], "ur");
    assert_eq!(article["direction"], "rtl");
    assert_eq!(
        article["title"],
        "لاہور میں مون سون کی ریکارڈ بارش، نشیبی علاقے زیرِ آب"
    );
    assert_eq!(
        article["subtitle"],
        "محکمہ موسمیات کے مطابق شہر میں چوبیس گھنٹوں کے دوران 291 ملی میٹر بارش ریکارڈ کی گئی"
    );
    assert_eq!(
        outline(&article),
        [
            section(None, &["paragraph", "paragraph"]),
            section(Some("متاثرہ علاقے"), &["paragraph", "list", "paragraph"]),
            section(Some("بجلی اور ٹریفک"), &["paragraph", "table"]),
            section(Some("حکومت کا ردِعمل"), &["paragraph", "quote", "paragraph"]),
        ]
    );
    let list = blocks_of_kind(&article, "list")[0];
    assert_eq!(list["items"][1], "گلبرگ میں مین بلیوارڈ کا انڈر پاس");
    let table = blocks_of_kind(&article, "table")[0];
    assert_eq!(table["rows"][1], serde_json::json!(["لکشمی چوک", "291"]));
    let quote = blocks_of_kind(&article, "quote")[0];
    assert_eq!(
        quote["attribution"],
        "ڈاکٹر عائشہ صدیقی، ماہرِ شہری منصوبہ بندی، لاہور یونیورسٹی آف مینجمنٹ سائنسز"
    );
}

#[test]
fn standard_input_reads_like_the_file() {
    let path = root().join("assets/raqqa-news-ar.txt");
    let bytes = std::fs::read(&path).expect("sample readable");
    let from_file = run(&["json", path.to_str().unwrap_or_default()]);
    for args in [&["json", "-"][..], &["json"][..]] {
        let piped = run_with_stdin(args, Some(&bytes));
        assert!(piped.status.success(), "{args:?}: {}", stderr(&piped));
        assert_eq!(piped.stdout, from_file.stdout, "{args:?}");
    }
}

#[test]
fn format_option_overrides_extension_and_sniffing() {
    let path = sample("khartoum-water-ar.md");
    let as_text = json_of(&[
        "json",
        "--format",
        "text",
        path.to_str().unwrap_or_default(),
    ]);
    assert_eq!(as_text["format"], "text");
    assert_eq!(as_text["title"], "---");
    let html = b"<html><body><article><h1>Sniffed</h1><p>Body.</p></article></body></html>";
    let sniffed = run_with_stdin(&["json"], Some(html));
    let sniffed: Value = serde_json::from_slice(&sniffed.stdout).expect("json");
    assert_eq!(sniffed["format"], "html");
    assert_eq!(sniffed["title"], "Sniffed");
}

// ---------------------------------------------------------------- error paths

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

// ---------------------------------------------------------------- plain text keeps every line

mod every_line_once {
    use proptest::prelude::*;
    use sahifa::document::{Block, Document};

    /// Lines an article can be made of: sentences, short lines, figures, chrome.
    fn line() -> impl Strategy<Value = String> {
        let words = prop::sample::select(vec![
            "الرقة",
            "موسكو",
            "واشنطن",
            "قال",
            "إن",
            "الهدنة",
            "تهران",
            "می\u{200C}گوید",
            "ירושלים",
            "הרכבת",
            "Reuters",
            "said",
            "2016",
            "12",
            "ألف",
            "«داعش»",
            "(شمال)",
        ]);
        prop_oneof![
            // a sentence
            (
                prop::collection::vec(words.clone(), 3..25),
                prop::sample::select(vec![".", "،", "؟", "", ":"])
            )
                .prop_map(|(w, end)| format!("{}{end}", w.join(" "))),
            // a short line
            prop::collection::vec(words, 1..4).prop_map(|w| w.join(" ")),
            // a figure
            prop::sample::select(vec!["28.000", "61", "99.7%", "6 آلاف", "$4.5bn", "۲۵٪"])
                .prop_map(str::to_owned),
            // chrome
            prop::sample::select(vec!["Email", "طباعة", "ت + ت - الحجم الطبيعي", "שתפו"])
                .prop_map(str::to_owned),
            Just(String::new()),
        ]
    }

    fn document_words(document: &Document) -> Vec<String> {
        let mut parts = vec![document.title.clone()];
        parts.extend(document.subtitle.clone());
        for section in &document.sections {
            parts.extend(section.heading.clone());
            for block in &section.blocks {
                if let Block::Callout { value, .. } = block {
                    parts.push(value.clone());
                }
                parts.push(block.plain_text());
            }
        }
        parts
            .iter()
            .flat_map(|p| p.split_whitespace())
            .map(str::to_owned)
            .collect()
    }

    proptest! {
        #[test]
        fn every_non_chrome_line_appears_exactly_once_in_order(lines in prop::collection::vec(line(), 0..40)) {
            let input = lines.join("\n");
            let document = sahifa::load::parse(&input, sahifa::document::Format::Text);
            let expected: Vec<String> = lines
                .iter()
                .filter(|l| !sahifa::load::chrome::is_chrome(l))
                .flat_map(|l| l.split_whitespace())
                .map(str::to_owned)
                .collect();
            prop_assert_eq!(document_words(&document), expected);
        }
    }
}
