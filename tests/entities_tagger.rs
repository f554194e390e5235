//! Behaviour of the entity tagger: the sample article's entities, clitics, numbers, dates,
//! quotations, overlaps, and names added by users and articles.

mod common;

use common::entities::{
    SAMPLE_DATE, SAMPLE_ORGANIZATIONS, SAMPLE_PEOPLE, SAMPLE_PLACES, paragraph_document,
};
use sahifa::analyse::analyse;
use sahifa::analyse::entities::{Mention, Tagger};
use sahifa::document::{Block, Document, EntityKind};
use sahifa::fold::fold_query;

use EntityKind::{Date, Number, Organization, Person, Place, Quote};

const SAMPLE: &str = include_str!("../assets/raqqa-news-ar.txt");

fn tagger() -> Tagger {
    Tagger::new(&[])
}

fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

fn document(text: &str) -> Document {
    paragraph_document(paragraphs(text))
}

#[track_caller]
fn has(found: &[Mention], kind: EntityKind, text: &str) {
    assert!(
        found
            .iter()
            .any(|m| m.kind == kind && fold_query(&m.text) == fold_query(text)),
        "no {} {text:?} in {:#?}",
        kind.name(),
        found
            .iter()
            .map(|m| format!("{} {}", m.kind.name(), m.text))
            .collect::<Vec<_>>()
    );
}

#[track_caller]
fn lacks(found: &[Mention], kind: EntityKind, text: &str) {
    assert!(
        !found
            .iter()
            .any(|m| m.kind == kind && fold_query(&m.text) == fold_query(text)),
        "unexpected {} {text:?}",
        kind.name()
    );
}

/// Tagging each text alone finds its name as its kind.
#[track_caller]
fn finds_each(t: &Tagger, cases: &[(&str, EntityKind, &str)]) {
    for &(text, kind, name) in cases {
        has(&t.tag_text(text), kind, name);
    }
}

fn sample_mentions() -> Vec<Mention> {
    let mut doc = document(SAMPLE);
    analyse(&mut doc, &tagger());
    doc.entities
        .to_vec()
        .into_iter()
        .map(|e| Mention {
            start: e.start,
            end: e.end,
            kind: e.kind,
            text: e.text,
        })
        .collect()
}

#[test]
fn sample_article_has_every_entity_the_issue_lists() {
    let found = sample_mentions();
    for person in SAMPLE_PEOPLE {
        has(&found, Person, person);
    }
    for place in SAMPLE_PLACES {
        has(&found, Place, place);
    }
    for org in SAMPLE_ORGANIZATIONS {
        has(&found, Organization, org);
    }
    for number in ["22", "72", "154", "300", "28.000", "12 ألف", "6 آلاف"] {
        has(&found, Number, number);
    }
    has(&found, Date, SAMPLE_DATE);
}

#[test]
fn sample_article_quotations_in_guillemets_are_found() {
    let found = sample_mentions();
    // Every «…» of three words or more, found by a plain scan of the text.
    let mut expected = Vec::new();
    for para in paragraphs(SAMPLE) {
        for piece in para.split('«').skip(1) {
            if let Some((inside, _)) = piece.split_once('»') {
                let quote = format!("«{inside}»");
                if quote.split_whitespace().count() >= 3 {
                    expected.push(quote);
                }
            }
        }
    }
    assert_eq!(expected.len(), 9, "the sample's quotations");
    for quote in &expected {
        has(&found, Quote, quote);
    }
    // Short scare quotes are names, not speech.
    lacks(&found, Quote, "«داعش»");
    has(&found, Organization, "داعش");
}

#[test]
fn mention_offsets_are_characters_of_the_block_text() {
    let mut doc = document(SAMPLE);
    analyse(&mut doc, &tagger());
    assert!(doc.entities.len() > 100);
    for e in &doc.entities {
        let block = &doc.sections[e.section].blocks[e.block].plain_text();
        let slice: String = block.chars().skip(e.start).take(e.end - e.start).collect();
        if e.text.starts_with("ال") && !slice.starts_with("ال") {
            // للرقة: the span starts at the article's lam, the text puts its alef back.
            assert_eq!(format!("ا{slice}"), e.text);
        } else {
            assert_eq!(slice, e.text, "{e:?}");
        }
    }
}

#[test]
fn attached_clitics_are_left_out_of_the_mention() {
    let t = tagger();
    let found = t.tag_text("تحاول موسكو وواشنطن إنقاذ الهدنة");
    let washington = found.iter().find(|m| m.text == "واشنطن").expect("واشنطن");
    assert_eq!((washington.start, washington.end), (13, 19));
    finds_each(
        &t,
        &[
            ("قصف بالرقة أمس", Place, "الرقة"),
            (
                "طائرات تابعة للتحالف الدولي",
                Organization,
                "التحالف الدولي",
            ),
            ("بالريف الشمالي الغربي للرقة", Place, "الرقة"),
            ("הפגישה התקיימה בירושלים", Place, "ירושלים"),
            ("הטילים נורו מעזה", Place, "עזה"),
        ],
    );
}

#[test]
fn names_that_begin_with_clitic_letters_are_not_cut() {
    let t = tagger();
    finds_each(
        &t,
        &[
            ("وقال لافروف إن الاتفاق قائم", Person, "لافروف"),
            ("وصل الوفد إلى لندن", Place, "لندن"),
            ("وصل الوفد إلى بغداد", Place, "بغداد"),
            ("ראש הממשלה בנימין נתניהו אמר", Person, "בנימין נתניהו"),
        ],
    );
}

#[test]
fn titles_make_the_following_name_a_person() {
    let t = tagger();
    finds_each(
        &t,
        &[
            (
                "أعلن وزير الخارجية الروسي سيرغي لافروف أمس",
                Person,
                "سيرغي لافروف",
            ),
            (
                "وقال مدير المستشفى الدكتور فراس الجندي إن",
                Person,
                "فراس الجندي",
            ),
            (
                "Russian Foreign Minister Sergei Lavrov said",
                Person,
                "Sergei Lavrov",
            ),
            ("נגיד בנק ישראל אמיר ירון הודיע", Person, "אמיר ירון"),
        ],
    );
}

#[test]
fn a_title_then_its_employer_then_a_name_between_commas_names_the_person_only() {
    let t = tagger();
    // The word after the title is what it is the title of, not a person.
    let found = t.tag_text("מנכ\"ל אלקטרה, דני כהן, אמר כי החברה תגדל.");
    has(&found, Person, "דני כהן");
    lacks(&found, Person, "אלקטרה");
    let found = t.tag_text("מנכ\"לית סונול, רונית שגב, הודיעה על פיטורים.");
    has(&found, Person, "רונית שגב");
    lacks(&found, Person, "סונול");
    // No name between commas: the word after the title is the name.
    has(
        &t.tag_text("מנכ\"ל פרידמן אמר כי החברה תגדל."),
        Person,
        "פרידמן",
    );
}

#[test]
fn a_hebrew_feature_or_region_noun_with_the_article_or_in_construct_is_not_a_name() {
    let t = tagger();
    // המפרץ is the gulf already named: the word after it is the sentence.
    let found = t.tag_text("החוקרים בדקו את עמידותם של אלמוגי המפרץ לחום, והם שטו במפרץ חיפה.");
    lacks(&found, Place, "מפרץ לחום");
    has(&found, Place, "מפרץ חיפה");
    // אזור before a definite word is a region, not the town Azor (which the lists leave out:
    // its name is a common noun).
    let found = t.tag_text("המפעל פועל באזור התעשייה של העיר, והקליטה חלשה באזור חיפה.");
    lacks(&found, Place, "אזור");
    has(&found, Place, "חיפה");
}

#[test]
fn a_hebrew_given_name_that_is_a_word_behind_a_preposition_is_the_word() {
    let t = tagger();
    let found = t.tag_text("הסיכוי לבחירות כבר באביב עומד כעת על חמישים אחוז.");
    assert!(found.iter().all(|m| m.kind != Person), "{found:?}");
    // A family name after it makes it a name again.
    has(
        &t.tag_text("הוא נפגש עם טל אזולאי ואמר לטל אזולאי כי יחזור."),
        Person,
        "טל אזולאי",
    );
}

#[test]
fn a_short_hebrew_given_name_behind_mem_kaf_or_shin_is_the_word() {
    let t = tagger();
    for text in [
        "הפרויקט עדיין שנוי במחלוקת בין הצדדים.",
        "הם טיילו בסמטאות מחנה יהודה עד הערב.",
        "היין המקומי כמעט אינו מוכר מחוץ לארץ.",
    ] {
        let found = t.tag_text(text);
        assert!(found.iter().all(|m| m.kind != Person), "{text}: {found:?}");
    }
    // A listed family name after it makes it a name again.
    has(
        &t.tag_text("קיבלנו מכתב מדני לוי בשבוע שעבר."),
        Person,
        "דני לוי",
    );
    // Right after a title the whole word is the given name.
    has(
        &t.tag_text("הבמאי כרים חדאד הציג את סרטו הראשון."),
        Person,
        "כרים חדאד",
    );
}

#[test]
fn a_hebrew_town_that_is_a_noun_before_its_adjective_is_the_noun() {
    let t = tagger();
    for text in [
        "היא גדלה באזור כפרי ושקט ליד הים.",
        "המוביל הארצי הושלם לפני שישים שנה.",
    ] {
        let found = t.tag_text(text);
        assert!(found.iter().all(|m| m.kind != Place), "{text}: {found:?}");
    }
    // A region noun before a known place still leaves the place named.
    has(&t.tag_text("היא גדלה באזור חולון ליד הים."), Place, "חולון");
}

#[test]
fn a_hebrew_nationality_after_a_definite_noun_behind_a_preposition_is_its_adjective() {
    let t = tagger();
    let found = t.tag_text("את הרווחים מהעסקה הסינית ישקיעו בבניית מפעל חדש.");
    assert!(found.iter().all(|m| m.kind != Person), "{found:?}");
    let found = t.tag_text("החלק שנותר מהעסקה היפנית בשיקום כרם ישן יושקע.");
    assert!(found.iter().all(|m| m.kind != Person), "{found:?}");
}

#[test]
fn a_word_before_the_object_mark_ends_no_hebrew_organisation() {
    let t = tagger();
    let found = t.tag_text("המכון האיטלקי הזמין את הסופרים לכנס.");
    assert!(
        found
            .iter()
            .all(|m| m.kind != Organization || !m.text.contains("הזמין")),
        "{found:?}"
    );
    // Closed by a particle, the word is the name: המכון הישראלי לדמוקרטיה.
    has(
        &t.tag_text("לפי המכון הישראלי לדמוקרטיה, האמון ירד."),
        Organization,
        "מכון הישראלי לדמוקרטיה",
    );
}

#[test]
fn a_hebrew_festival_is_named_by_its_town_and_what_it_is_for() {
    let t = tagger();
    has(
        &t.tag_text("פסטיבל חיפה לסרטים ייפתח בשבוע הבא."),
        Organization,
        "פסטיבל חיפה לסרטים",
    );
    // Other heads named by a town end at it.
    let found = t.tag_text("עיריית חיפה לתושבים אין תשובה.");
    has(&found, Organization, "עיריית חיפה");
    lacks(&found, Organization, "עיריית חיפה לתושבים");
}

#[test]
fn head_nouns_make_organisations_and_place_nouns_places() {
    let t = tagger();
    let found = t.tag_text("بحسب بيان صدر عن وزارة الدفاع في مدينة كفرنبل");
    has(&found, Organization, "وزارة الدفاع");
    has(&found, Place, "كفرنبل");
    lacks(&found, Place, "مدينة كفرنبل");
    finds_each(
        &t,
        &[
            (
                "قالت هيئة الإذاعة الوطنية إن",
                Organization,
                "هيئة الإذاعة الوطنية",
            ),
            (
                "the Ministry of Foreign Affairs said",
                Organization,
                "Ministry of Foreign Affairs",
            ),
        ],
    );
    // A generic noun after a head is not a name.
    let found = t.tag_text("اشتباكات مع قوات المعارضة");
    assert!(found.iter().all(|m| m.kind != Organization), "{found:?}");
}

#[test]
fn a_hebrew_word_with_the_article_after_a_place_noun_is_not_a_place() {
    let t = tagger();
    // A verb (hitpael past) and an adjective after העיר: names do not take the article.
    let found = t.tag_text("זמן הנסיעה מגילה למרכז העיר התקצר מ-55 דקות");
    lacks(&found, Place, "התקצר");
    let found = t.tag_text("הם טיילו בעיר העתיקה אתמול");
    lacks(&found, Place, "העתיקה");
    // An unknown name without the article is still a place; a street keeps its article.
    let found = t.tag_text("הם גרים בכפר קטמונדור מאז");
    has(&found, Place, "קטמונדור");
    let found = t.tag_text("החנות ברחוב הנביאימון נסגרה");
    has(&found, Place, "רחוב הנביאימון");
}

#[test]
fn urdu_suffix_nouns_end_places_and_organisations() {
    let t = tagger();
    let found = t.tag_text("مظاہرین نے طارق روڈ پر احتجاج کیا اور واٹر بورڈ کے دفتر گئے");
    has(&found, Place, "طارق روڈ");
    has(&found, Organization, "واٹر بورڈ");
    // A particle before the suffix noun ends the name.
    lacks(&found, Place, "نے طارق روڈ");
    let found = t.tag_text("سندھ کے وزیر اعلیٰ مراد علی شاہ نے کہا");
    has(&found, Place, "سندھ");
    // علی with Persian yeh is the name, not the Arabic preposition على.
    has(&found, Person, "مراد علی شاہ");
    let found = t.tag_text("شہری عمران صدیقی نے کہا");
    has(&found, Person, "عمران صدیقی");
}

#[test]
fn numbers_in_any_digits_with_separators_percent_words_and_currency() {
    let t = tagger();
    finds_each(
        &t,
        &[
            ("قتل 28.000 مقاتل", Number, "28.000"),
            ("بلغت النسبة 99.7% من", Number, "99.7%"),
            ("بلغت النسبة ٤٠٪ من", Number, "٤٠٪"),
            ("تكلفة ٢٫٥ مليون دولار", Number, "٢٫٥ مليون دولار"),
            ("قیمت ۱۲۰۰ تومان است", Number, "۱۲۰۰ تومان"),
            ("about $11.5 million a day", Number, "$11.5 million"),
            ("עלה ל-18 אלף", Number, "18 אלף"),
            ("من 6 آلاف مقاتل", Number, "6 آلاف"),
            ("على 28 ألفاً من", Number, "28 ألفاً"),
        ],
    );
}

#[test]
fn dates_need_a_day_or_a_year_next_to_the_month() {
    let t = tagger();
    finds_each(
        &t,
        &[
            ("هدنة هشة في 27 فبراير.", Date, "27 فبراير"),
            ("في 5 كانون الثاني 2016 أعلن", Date, "5 كانون الثاني 2016"),
            ("في 15 رمضان 1437 هـ", Date, "15 رمضان 1437"),
            ("در 12 فروردین 1395 گفت", Date, "12 فروردین 1395"),
            ("הודיע ב-27 בנובמבר 2023 כי", Date, "27 בנובמבר 2023"),
            ("on February 27, 2016, the", Date, "February 27, 2016"),
            ("صدر في 12/05/2016 قرار", Date, "12/05/2016"),
            ("released 2016-05-12 at", Date, "2016-05-12"),
            ("منذ عام 2011 والحرب", Date, "2011"),
        ],
    );
    let found = t.tag_text("وقال إن مارس هو الشهر");
    assert!(found.iter().all(|m| m.kind != Date), "{found:?}");
}

#[test]
fn quotations_in_every_style_and_gershayim_do_not_pair() {
    let t = tagger();
    finds_each(
        &t,
        &[
            (
                "قال «نحن مستعدون للتنسيق» أمس",
                Quote,
                "«نحن مستعدون للتنسيق»",
            ),
            (
                "he said “we are ready now” today",
                Quote,
                "“we are ready now”",
            ),
            (
                "er sagte „wir sind bereit“ heute",
                Quote,
                "„wir sind bereit“",
            ),
            (
                "אמר \"הציבור זכאי לדעת\" אתמול",
                Quote,
                "\"הציבור זכאי לדעת\"",
            ),
        ],
    );
    let found = t.tag_text("מפקדי צה\"ל ודובר צה\"ל אמרו היום שלום רב");
    assert!(found.iter().all(|m| m.kind != Quote), "{found:?}");
    has(&found, Organization, "צה\"ל");
}

#[test]
fn overlaps_keep_the_longest_and_quotes_keep_their_inner_names() {
    let t = tagger();
    let found = t.tag_text("مقاتلي قوات سوريا الديمقراطية المسندة");
    has(&found, Organization, "قوات سوريا الديمقراطية");
    lacks(&found, Place, "سوريا");
    let found = t.tag_text("وقال «الرقة هي واحدة من أهداف التحالف»");
    has(&found, Quote, "«الرقة هي واحدة من أهداف التحالف»");
    has(&found, Place, "الرقة");
    // No two mentions other than quotations overlap.
    let all = sample_mentions();
    let mut spans: Vec<_> = all.iter().filter(|m| m.kind != Quote).collect();
    spans.sort_by_key(|m| (m.start, m.end));
    let mut doc = document(SAMPLE);
    analyse(&mut doc, &t);
    for pair in doc.entities.to_vec().windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.kind != Quote && b.kind != Quote && a.block == b.block {
            assert!(a.end <= b.start, "{a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn family_names_are_carried_through_the_document() {
    let doc = document("أعلن يفغيني لوكيانوف أمس\n\nبحسب لوكيانوف فإن\n\nوأكد للوكيانوف");
    let entities = tagger().tag_document(&doc);
    let people: Vec<(usize, &str)> = entities
        .iter()
        .filter(|e| e.kind == Person)
        .map(|e| (e.block, e.text.as_str()))
        .collect();
    assert_eq!(
        people,
        vec![(0, "يفغيني لوكيانوف"), (1, "لوكيانوف"), (2, "لوكيانوف")]
    );
}

#[test]
fn declared_and_user_names_extend_the_lists() {
    let mut doc = document("زار الوفد قرية الهبيط وحيّا فلان الفلاني");
    doc.declared_entities = vec![("فلان الفلاني".to_owned(), Person)];
    let entities = tagger().tag_document(&doc);
    assert!(
        entities
            .iter()
            .any(|e| e.kind == Person && e.text == "فلان الفلاني")
    );
    let user = Tagger::new(&[("شركة النسيم".to_owned(), Organization)]);
    has(
        &user.tag_text("أعلنت شركة النسيم"),
        Organization,
        "شركة النسيم",
    );
    let path = std::env::temp_dir().join(format!("sahifa-user-gaz-{}.tsv", std::process::id()));
    std::fs::write(&path, "# mine\nبلدة النسيم\tplace\n").expect("write");
    let names = sahifa::analyse::entities::read_user_gazetteer(&path).expect("read");
    std::fs::remove_file(&path).ok();
    has(
        &Tagger::new(&names).tag_text("وصلنا إلى بلدة النسيم"),
        Place,
        "بلدة النسيم",
    );
}

#[test]
fn any_slice_of_mixed_text_tags_without_panicking_and_with_valid_offsets() {
    let t = tagger();
    let mixed = format!(
        "{SAMPLE}\nראש הממשלה בנימין נתניהו אמר \"שלום\" ב-27 בנובמבר 2023; \
         President Joe Biden said “we are ready” on February 27, 2016 — ۱۲۰۰ تومان، ٤٠٪، للتحالف"
    );
    let chars: Vec<char> = mixed.chars().collect();
    // A fixed linear congruential sequence: the same slices every run.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |bound: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) as usize % bound.max(1)
    };
    for _ in 0..300 {
        let start = next(chars.len());
        let len = next(400);
        let slice: String = chars.iter().skip(start).take(len).collect();
        let count = slice.chars().count();
        for m in t.tag_text(&slice) {
            assert!(m.start <= m.end && m.end <= count, "{m:?} in {slice:?}");
            let got: String = slice.chars().skip(m.start).take(m.end - m.start).collect();
            assert!(
                got == m.text || format!("ا{got}") == m.text,
                "{m:?} vs {got:?}"
            );
        }
    }
}

#[test]
fn code_blocks_are_not_tagged() {
    let mut doc = document("وصل الوفد إلى دمشق");
    doc.sections[0].blocks.push(Block::Code {
        language: None,
        text: "let damascus = \"دمشق\";".to_owned(),
    });
    let entities = tagger().tag_document(&doc);
    assert!(entities.iter().any(|e| e.block == 0 && e.text == "دمشق"));
    assert!(entities.iter().all(|e| e.block == 0), "{entities:?}");
}

#[test]
fn latin_brands_in_rtl_text_are_organisations_and_not_people() {
    let found = tagger().tag_text("נפגש עם מנכ\"ל OpenAI סם אלטמן ועם נציגי BBC ו-GoDaddy.");
    has(&found, Organization, "OpenAI");
    has(&found, Organization, "BBC");
    has(&found, Organization, "GoDaddy");
    has(&found, Person, "סם אלטמן");
    lacks(&found, Person, "OpenAI");
    // In English text a capitalised word is no brand.
    let english = tagger().tag_text("He said WHAT again.");
    lacks(&english, Organization, "WHAT");
}

#[test]
fn organisation_phrases_run_over_their_genitive_chain_and_stop_at_verbs() {
    finds_each(
        &tagger(),
        &[
            (
                "قالت وزارة الشباب والرياضة إن",
                Organization,
                "وزارة الشباب والرياضة",
            ),
            (
                "رحبت هيئة النزاهة ومكافحة الفساد بالحكم",
                Organization,
                "هيئة النزاهة ومكافحة الفساد",
            ),
            (
                "ينظمها الاتحاد الأفريقي لكرة القدم، ليضرب",
                Organization,
                "الاتحاد الأفريقي لكرة القدم",
            ),
            (
                "وأعلنت شركة أون سبورت أنها ستنقل",
                Organization,
                "شركة أون سبورت",
            ),
            (
                "רשות התחרות צפויה לבחון את העסקה",
                Organization,
                "רשות התחרות",
            ),
            (
                "גם רשות ניירות ערך בארצות הברית תידרש",
                Organization,
                "רשות ניירות ערך",
            ),
            (
                "سازمان غذا و دارو مقدار بیشتری فرستاد",
                Organization,
                "سازمان غذا و دارو",
            ),
            (
                "سپریم کورٹ آف پاکستان سے رجوع",
                Organization,
                "سپریم کورٹ آف پاکستان",
            ),
        ],
    );
    let found = tagger().tag_text("רשות התחרות צפויה לבחון את העסקה");
    lacks(&found, Organization, "רשות התחרות צפויה");
}

#[test]
fn organisations_named_after_a_head_are_carried() {
    let doc = document("חברת וויקס הודיעה אתמול על רכישה.\n\nמניית וויקס עלתה ב-4%.");
    let found = tagger().tag_document(&doc);
    assert!(
        found
            .iter()
            .any(|e| e.block == 1 && e.kind == Organization && e.text == "וויקס"),
        "{found:#?}"
    );
}

#[test]
fn places_keep_their_generic_head_or_point_of_the_compass() {
    finds_each(
        &tagger(),
        &[
            ("عبر الوفد نهر الفرات أمس", Place, "نهر الفرات"),
            ("وصل الوفد إلى جنوب لبنان", Place, "جنوب لبنان"),
            ("کنار دریای خزر", Place, "دریای خزر"),
            ("بנהר הירדן", Place, "נהר הירדן"),
            ("הלחימה בצפון עזה נמשכת", Place, "צפון עזה"),
        ],
    );
    // Not after a demonstrative, and not a two-letter rest of a Hebrew word (כלים ≠ כ+ל+ים).
    let found = tagger().tag_text("داروی ضدویروس به این استان فرستاده است.");
    lacks(&found, Place, "فرستاده");
    let found = tagger().tag_text("להציע ללקוחות כלים חכמים יותר");
    lacks(&found, Place, "ים חכמים");
}

#[test]
fn generated_given_names_find_people_in_every_script() {
    finds_each(
        &tagger(),
        &[
            (
                "وقال المدرب السويسري مارسيل كولر في المؤتمر",
                Person,
                "مارسيل كولر",
            ),
            (
                "رئیس دانشگاه، دکتر محمدعلی محققی، نیز",
                Person,
                "محمدعلی محققی",
            ),
            ("היזם מאור שלומו עבד בגוגל", Person, "מאור שלומו"),
            (
                "met Hassan al-Sisi and Abu Bakr al-Baghdadi in Cairo",
                Person,
                "Hassan al-Sisi",
            ),
            ("کے ترجمان رؤف حسن نے فیصلے", Person, "رؤف حسن"),
        ],
    );
    // A given name before a present-tense verb is not a person's name: عون يدعو.
    let found = tagger().tag_text("عون يدعو إلى تشكيل حكومة");
    lacks(&found, Person, "عون يدعو");
}

#[test]
fn clubs_stadiums_and_hebrew_appositions() {
    let t = tagger();
    finds_each(
        &t,
        &[
            (
                "ניצחה מכבי תל אביב את הפועל באר שבע",
                Organization,
                "מכבי תל אביב",
            ),
            (
                "ניצחה מכבי תל אביב את הפועל באר שבע",
                Organization,
                "הפועל באר שבע",
            ),
            (
                "אוהדי בית\"ר ירושלים השליכו",
                Organization,
                "בית\"ר ירושלים",
            ),
            (
                "המשחק נערך באצטדיון סמי עופר בחיפה.",
                Place,
                "אצטדיון סמי עופר",
            ),
            (
                "على ملعب محمد الخامس في الدار البيضاء",
                Place,
                "ملعب محمد الخامس",
            ),
            ("در ورزشگاه نقش جهان با دو گل", Place, "ورزشگاه نقش جهان"),
            ("מנכ\"ל Pagaya, גל קרובינר, אמר כי", Person, "גל קרובינר"),
            ("הודיעה Nvidia על הקמת מרכז", Organization, "Nvidia"),
            ("בנק לאומי משקיע 200 מיליון דולר", Organization, "בנק לאומי"),
            ("התאחדות הכדורגל הודיעה כי", Organization, "התאחדות הכדורגל"),
            (
                "أحرز الهدف المدافع عبد الإله الحافيظي.",
                Person,
                "عبد الإله الحافيظي",
            ),
        ],
    );
    // A town after a club word is the club's, not a place of its own.
    let found = t.tag_text("ניצחה מכבי נתניה את היריבה");
    lacks(&found, Place, "נתניה");
    // استاد is also a Persian master's title: not a stadium.
    let found = t.tag_text("استاد محمود فرشچیان نقاش بود.");
    lacks(&found, Place, "استاد محمود فرشچیان");
    // A Latin word after a title in RTL text is the employer, not the person.
    let found = t.tag_text("מנכ\"ל Pagaya, גל קרובינר, אמר כי");
    lacks(&found, Person, "Pagaya");
}

#[test]
fn a_name_opening_a_clause_before_a_comma_and_a_title_is_a_person() {
    let found = tagger().tag_text("انتهت المباراة. رولاني موكوينا، مدرب الفريق، قال إن");
    has(&found, Person, "رولاني موكوينا");
    // Not after a preposition or a verb: the words must open the clause.
    let found = tagger().tag_text("وصل إلى جانب موكوينا، مدرب الفريق، قال");
    lacks(&found, Person, "جانب موكوينا");
}

#[test]
fn a_short_name_in_brackets_after_an_organisation_is_that_organisation() {
    let t = tagger();
    let found = t.tag_text("وتعمل منظمة الأغذية والزراعة (الفاو) مع الحكومة");
    has(&found, Organization, "منظمة الأغذية والزراعة");
    has(&found, Organization, "الفاو");
    lacks(&found, Place, "الفاو");
    let found = t.tag_text("ہائر ایجوکیشن کمیشن (ایچ ای سی) کے چیئرمین نے کہا");
    has(&found, Organization, "ایچ ای سی");
    // A year in brackets is no alias.
    let found = t.tag_text("وقالت منظمة الصحة العالمية (2024) إن");
    assert!(
        found
            .iter()
            .all(|m| m.kind != Organization || m.text != "2024")
    );
}

#[test]
fn a_name_between_commas_after_a_title_is_a_person_in_every_script() {
    let t = tagger();
    let found = t.tag_text("رئیس جمعیت هلال احمر، پیرحسین کولیوند، گفت که تیم‌ها اعزام شده‌اند.");
    has(&found, Person, "پیرحسین کولیوند");
    has(&found, Organization, "جمعیت هلال احمر");
    // A noun before a light verb is the verb's, not a place after منطقه.
    let found = t.tag_text("۲۷ تیم به منطقه اعزام شده‌اند.");
    lacks(&found, Place, "اعزام");
}

#[test]
fn hebrew_given_names_that_are_words_make_people_before_a_family_name() {
    let t = tagger();
    let found = t.tag_text("עמיתה, טל אזולאי, הוסיף כי דן ביטון כבש.");
    has(&found, Person, "טל אזולאי");
    has(&found, Person, "דן ביטון");
    let found = t.tag_text("עמיתה, שיר כהן, הוסיף.");
    has(&found, Person, "שיר כהן");
    // Alone, or before a word that is no family name, it is the word.
    let found = t.tag_text("שיר חדש יצא היום.");
    assert!(found.iter().all(|m| m.kind != Person), "{found:?}");
}

#[test]
fn hebrew_heads_with_the_article_name_bodies_with_an_adjective_and_a_name() {
    let t = tagger();
    let found = t.tag_text("המחקר מומן על ידי הקרן הלאומית למדע ועל ידי תורמים.");
    has(&found, Organization, "קרן הלאומית למדע");
    let found = t.tag_text("המרכז הרפואי שיבא בתל השומר חנך מחלקה.");
    has(&found, Organization, "מרכז הרפואי שיבא");
    let found = t.tag_text("המכון הלאומי פרסם דוח.");
    assert!(found.iter().all(|m| m.kind != Organization), "{found:?}");
}

#[test]
fn institutions_named_after_a_person_and_places_named_by_a_place_noun() {
    let t = tagger();
    let found = t.tag_text("ودعا أستاذ في جامعة الملك سعود إلى التنسيق.");
    has(&found, Organization, "جامعة الملك سعود");
    lacks(&found, Person, "سعود");
    let found = t.tag_text("افتتح أمير منطقة القصيم المهرجان. وتقع أغلب المزارع في القصيم.");
    assert_eq!(
        found
            .iter()
            .filter(|m| m.kind == Place && m.text == "القصيم")
            .count(),
        2,
        "{found:?}"
    );
}

#[test]
fn hebrew_courts_are_named_with_their_instance_and_seat_and_never_with_a_verb() {
    let t = tagger();
    let found = t.tag_text("בית המשפט המחוזי בחיפה דחה את העתירה.");
    has(&found, Organization, "בית המשפט המחוזי בחיפה");
    lacks(&found, Place, "חיפה");
    let found = t.tag_text("בבית הדין הארצי לעבודה נדחתה התביעה.");
    has(&found, Organization, "בית הדין הארצי לעבודה");
    // The head alone stands for a court already named.
    let found = t.tag_text("בית המשפט התעלם מהנתונים.");
    assert!(found.iter().all(|m| m.kind != Organization), "{found:?}");
}

#[test]
fn hebrew_settlements_clubs_behind_prefixes_and_names_stopped_at_a_new_clause() {
    let t = tagger();
    let found = t.tag_text("תושבי קריית חיים ועמותת אדם טבע ודין עתרו.");
    has(&found, Place, "קריית חיים");
    lacks(&found, Person, "חיים ועמותת");
    let found = t.tag_text("ומכבי תל אביב תצא לבלגרד, וגל לוי הוסיף שער.");
    has(&found, Organization, "מכבי תל אביב");
    has(&found, Person, "גל לוי");
    let found = t.tag_text("חברת המועצה טל שגיא מסיעת ירוקים הצטרפה.");
    has(&found, Person, "טל שגיא");
    lacks(&found, Person, "טל שגיא מסיעת");
    lacks(&found, Organization, "חברת המועצה");
}

#[test]
fn a_family_name_with_its_joiner_is_carried_whole() {
    let t = tagger();
    let found = t.tag_text("עורך הדין, שחר בן מאיר, אמר כי ישקול ערעור. בן מאיר הוסיף כי ימשיכו.");
    has(&found, Person, "שחר בן מאיר");
    has(&found, Person, "בן מאיר");
    lacks(&found, Person, "מאיר");
}

#[test]
fn arabic_verbal_nouns_and_persian_common_heads_are_not_organisations() {
    let t = tagger();
    let found = t.tag_text(
        "طالب بنقل صلاحيات تنظيم الحافلات إلى البلدية، وأعلن تنظيم الدولة الإسلامية مسؤوليته.",
    );
    lacks(&found, Organization, "تنظيم الحافلات");
    has(&found, Organization, "تنظيم الدولة الإسلامية");
    let found = t.tag_text("سارا محمدی، کارمند یک شرکت بیمه، می‌گوید.");
    assert!(found.iter().all(|m| m.kind != Organization), "{found:?}");
}

#[test]
fn ports_are_places_named_with_their_head() {
    let t = tagger();
    let found = t.tag_text("האוניות הופנו לנמל אילת ולנמל הדרום, אך הנמל ייסגר מחר.");
    has(&found, Place, "נמל אילת");
    has(&found, Place, "נמל הדרום");
    lacks(&found, Place, "ייסגר");
    lacks(&found, Place, "אילת");
    let found = t.tag_text("کشتی‌ها در بندر امام خمینی، بندر بوشهر و این بندر بزرگ ماندند.");
    has(&found, Place, "بندر امام خمینی");
    has(&found, Place, "بندر بوشهر");
    lacks(&found, Place, "بندر");
}

#[test]
fn hebrew_names_end_before_verbs_nationalities_and_plural_nouns() {
    let t = tagger();
    let found = t.tag_text("התאחדות התעשיינים הצטרפה לקריאה של רשות המים והביוב.");
    has(&found, Organization, "התאחדות התעשיינים");
    has(&found, Organization, "רשות המים והביוב");
    let found = t.tag_text("אתמול חברת קוסקו הסינית חתמה על ההסכם.");
    has(&found, Organization, "חברת קוסקו");
    lacks(&found, Organization, "חברת קוסקו הסינית");
    let found = t.tag_text("יו\"ר ועד העובדים, דני כהן, אמר כי העובדים ישבתו.");
    has(&found, Person, "דני כהן");
    lacks(&found, Person, "ועד העובדים");
    lacks(&found, Person, "העובדים");
    let found = t.tag_text("המועצה להשכלה גבוהה אישרה את התוכנית, ומועצה חדשה תוקם.");
    has(&found, Organization, "מועצה להשכלה גבוהה");
    lacks(&found, Organization, "מועצה חדשה");
}

#[test]
fn persian_honorifics_and_bodies_name_what_follows() {
    let t = tagger();
    let found = t.tag_text("آیت‌الله سیستانی و حجت‌الاسلام محسنی اژه‌ای دیدار کردند.");
    has(&found, Person, "سیستانی");
    has(&found, Person, "محسنی اژه‌ای");
    let found =
        t.tag_text("به گفته سخنگوی دولت فاطمه مهاجرانی، اتاق بازرگانی تبریز زیان دیده است.");
    has(&found, Person, "فاطمه مهاجرانی");
    lacks(&found, Person, "دولت فاطمه مهاجرانی");
    has(&found, Organization, "اتاق بازرگانی تبریز");
    lacks(&found, Person, "زیان");
    let found =
        t.tag_text("گمرک جمهوری اسلامی ایران اعلام کرد که قرارداد با شرکت زیمنس امضا خواهد شد.");
    has(&found, Organization, "گمرک جمهوری اسلامی ایران");
    has(&found, Organization, "شرکت زیمنس");
    lacks(&found, Organization, "شرکت زیمنس امضا");
}

#[test]
fn hebrew_prefix_letters_spelling_ranks_and_given_names_that_are_words() {
    let t = tagger();
    // Full spelling doubles ו after a prefix letter; two prepositions never stand together.
    let found = t.tag_text("הדיון בוועדת הכספים נדחה, והמפגינים עמדו מחוץ לבניין בלוד.");
    has(&found, Organization, "ועדת הכספים");
    has(&found, Place, "לוד");
    lacks(&found, Place, "ניין");
    // A police rank before the name; a given name behind the article is a word.
    let found = t.tag_text("ניצב אבי ביטון אמר כי הנוסח הסופי יוצג לשרים.");
    has(&found, Person, "אבי ביטון");
    lacks(&found, Person, "ניצב אבי ביטון");
    assert!(found.iter().all(|m| !m.text.contains("סופי")), "{found:?}");
    // בני before a common word is "sons of"; before a known name it is the name.
    let found = t.tag_text("בני משפחתו ישבו שבעה, ובני גנץ הגיע לנחם.");
    has(&found, Person, "בני גנץ");
    lacks(&found, Person, "בני משפחתו");
    // A street or neighbourhood named like a person is a place; verbs end a name.
    let found = t.tag_text("בחיפוש ברחוב הרצל נמצאו אקדחים, וגם בשכונת גני אביב.");
    has(&found, Place, "רחוב הרצל");
    has(&found, Place, "גני אביב");
    lacks(&found, Person, "הרצל נמצאו");
}

#[test]
fn persian_light_verbs_counted_nouns_and_names_without_titles() {
    let t = tagger();
    // شرکت before a light verb is "took part"; a noun after a number is counted.
    let found = t.tag_text("امسال ۲۴۰۰ ناشر ایرانی در نمایشگاه شرکت کرده‌اند.");
    assert!(found.iter().all(|m| m.kind != Organization), "{found:?}");
    assert!(found.iter().all(|m| m.kind != Person), "{found:?}");
    // Given names that are also words, before a family name.
    let found = t.tag_text("آزاده نامداری و یاسمن آریانی در این مراسم حضور داشتند.");
    has(&found, Person, "آزاده نامداری");
    has(&found, Person, "یاسمن آریانی");
    // Verbs after a place noun are not its name; Persian-only heads name bodies.
    let found = t.tag_text("اهالی دریاچه می‌گویند که استانداری آذربایجان غربی پاسخی نداد.");
    lacks(&found, Place, "دریاچه می‌گویند");
    has(&found, Organization, "استانداری آذربایجان غربی");
}

#[test]
fn names_listed_with_two_places_are_places() {
    let t = tagger();
    let found = t.tag_text("ملتان، بہاولپور اور دنیاپور کے کسانوں نے احتجاج کیا۔");
    has(&found, Place, "دنیاپور");
    let found = t.tag_text("ملتان، گندم اور کپاس کی قیمتیں بڑھ گئیں۔");
    lacks(&found, Place, "گندم");
    lacks(&found, Place, "کپاس");
    let found = t.tag_text("وصلت المساعدات إلى حمص، حلب وكفرنبودة أمس.");
    has(&found, Place, "كفرنبودة");
    lacks(&found, Place, "وكفرنبودة");
    // Arabic repeats و before every item; a place named earlier in the text counts.
    let found = t.tag_text("وتقع مزارع منطقة الجوف في الجوف والحسكة والرقة وتلمنس.");
    has(&found, Place, "تلمنس");
    let found = t.tag_text("توزعت المساعدات على دمشق والمعارضة وحلب.");
    lacks(&found, Place, "المعارضة");
}

#[test]
fn an_urdu_honorific_stays_out_of_the_name() {
    let t = tagger();
    let found = t.tag_text("تنظیم کے سربراہ سردار عطا مینگل نے کہا کہ انتخابات شفاف نہیں تھے۔");
    has(&found, Person, "عطا مینگل");
    lacks(&found, Person, "سردار عطا مینگل");
    let found = t.tag_text("وزیر اعلیٰ سندھ میر عبدالقدوس بزنجو نے صحافیوں سے بات کی۔");
    has(&found, Person, "عبدالقدوس بزنجو");
    lacks(&found, Person, "میر عبدالقدوس بزنجو");
    let found = t.tag_text("تنظیم کے صوبائی صدر گلزار شاہ کاکڑ کا کہنا تھا۔");
    has(&found, Person, "گلزار شاہ کاکڑ");
    let found = t.tag_text("صدر نے کہا کہ ملک ترقی کرے گا۔");
    lacks(&found, Person, "نے");
    let found = t.tag_text("گورنر پنجاب ہاؤس میں اجلاس ہوا۔");
    lacks(&found, Person, "ہاؤس");
}

#[test]
fn feminine_and_film_titles_name_who_follows() {
    let t = tagger();
    let found = t.tag_text("بعرض فيلم للمخرجة البوركينية أبولين تراوري، بحضور الجمهور.");
    has(&found, Person, "أبولين تراوري");
    let found = t.tag_text("يرأس لجنة تحكيم الأفلام الروائية المخرج المالي شيخ عمر سيسوكو.");
    lacks(&found, Person, "الروائية");
}

#[test]
fn an_urdu_suffix_name_opens_at_a_place() {
    let t = tagger();
    let found = t.tag_text("اگلے سال یہی نمائش ملتان میوزیم میں بھی لگائی جائے گی۔");
    has(&found, Organization, "ملتان میوزیم");
    lacks(&found, Organization, "یہی نمائش ملتان میوزیم");
    let found = t.tag_text("یہ ڈائریاں سکاٹش لائبریری نے عاریتاً دی ہیں۔");
    has(&found, Organization, "سکاٹش لائبریری");
    let found = t.tag_text("یہ سامان سندھ کسٹمز نے برآمد کیا۔");
    has(&found, Organization, "سندھ کسٹمز");
}

#[test]
fn a_plural_after_a_place_noun_is_no_name() {
    let t = tagger();
    let found = t.tag_text("وتدير الشركة محطة الشاحنات في الميناء.");
    lacks(&found, Place, "الشاحنات");
}

#[test]
fn an_arabic_stadium_is_a_place_with_its_adjective() {
    let t = tagger();
    let found = t.tag_text("أقيمت المباراة على ستاد الإسكندرية الدولي أمس.");
    has(&found, Place, "ستاد الإسكندرية الدولي");
    lacks(&found, Organization, "ستاد الإسكندرية الدولي");
    let found = t.tag_text("وقال ستاد تنظیم بازار در تهران که قیمت‌ها ثابت می‌ماند.");
    lacks(&found, Place, "ستاد تنظیم");
}

#[test]
fn hebrew_companies_by_kind_roads_junctions_and_people_by_nationality() {
    let t = tagger();
    // A company named after its kind, then its verb: the whole phrase, its name carried.
    let doc = document("טבע תסגור את המפעל\n\nחברת התרופות טבע הודיעה אתמול כי תסגור את המפעל.");
    let entities = t.tag_document(&doc);
    let orgs: Vec<_> = entities
        .iter()
        .filter(|e| e.kind == Organization)
        .map(|e| (e.block, e.text.as_str()))
        .collect();
    assert!(orgs.contains(&(0, "טבע")), "{orgs:?}");
    assert!(orgs.contains(&(1, "חברת התרופות טבע")), "{orgs:?}");
    // Roads by their number, junctions with their head; not a road named by a word.
    let found = t.tag_text("טבריה סגרה את כביש 90 מצומת צמח, וכביש גישה נחסם.");
    has(&found, Place, "כביש 90");
    has(&found, Place, "צומת צמח");
    assert!(found.iter().all(|m| !m.text.contains("גישה")), "{found:?}");
    // A nationality after a verb introduces a person; after a definite noun it is its adjective.
    let found =
        t.tag_text("את המרוץ ניצח הקנייתי ג'וזף קיפרונו בזמן של שעתיים, והצבא הישראלי תקף מטרות.");
    has(&found, Person, "ג'וזף קיפרונו");
    assert!(
        found
            .iter()
            .all(|m| m.kind != Person || !m.text.contains("תקף")),
        "{found:?}"
    );
    // Bodies of the state, services before a definite noun; a plural participle is the verb.
    let found = t.tag_text(
        "ובפרקליטות המדינה ביקשו ארכה. שירות התעסוקה הודיע, אחרי שירות צבאי, כי בפרקליטות מחוז מרכז מתכוונים להגיש.",
    );
    has(&found, Organization, "פרקליטות המדינה");
    has(&found, Organization, "שירות התעסוקה");
    has(&found, Organization, "פרקליטות מחוז מרכז");
    assert!(found.iter().all(|m| !m.text.contains("צבאי")), "{found:?}");
    // Between the commas after a title, a family name may start with ה.
    has(
        &t.tag_text("לדברי דובר מד\"א, זכי הלר, מצבם של כל המפונים קל."),
        Person,
        "זכי הלר",
    );
    // Geresh or apostrophe: the same country.
    has(&t.tag_text("הוא גר בצ'ילה."), Place, "צ'ילה");
    has(&t.tag_text("הוא גר בצ׳ילה."), Place, "צ׳ילה");
}

#[test]
fn persian_nouns_before_a_continuous_light_verb_end_a_name() {
    let found = tagger().tag_text("این دانشگاه پیش از انقلاب با نام دانشگاه پهلوی شناخته می‌شد.");
    has(&found, Organization, "دانشگاه پهلوی");
    lacks(&found, Organization, "دانشگاه پهلوی شناخته");
    // استاد is a professor in Persian; a town after یک is a common noun; a place named like
    // a person after a governor's title is the province.
    let found = tagger().tag_text(
        "بهاری که استاد مهندسی شیمی است، یک پردیس در کیش دارد. استاندار فارس، علیرضا قاسمی‌فرد، آمد.",
    );
    assert!(
        found.iter().all(|m| !m.text.contains("مهندسی")),
        "{found:?}"
    );
    assert!(found.iter().all(|m| m.text != "پردیس"), "{found:?}");
    has(&found, Place, "فارس");
    lacks(&found, Person, "فارس");
    has(&found, Person, "علیرضا قاسمی‌فرد");
    // A county names the town after it; a name after a standalone و, then a comma and a role.
    let found = tagger().tag_text(
        "معدن در شهرستان شهربابک است. گل را زد و اوستون ارونوف، هافبک ازبکستانی تیم، گل دوم را زد.",
    );
    has(&found, Place, "شهربابک");
    has(&found, Person, "اوستون ارونوف");
}
