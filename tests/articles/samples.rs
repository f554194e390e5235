//! Every sample article's structure, pinned through `sahifa json`.

use super::*;
use serde_json::Value;

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
