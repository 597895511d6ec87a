"""Spec for archive.arabic: the one analysis used by indexing, querying,
highlighting and tagging.

Reading order: what exact mode ignores (strip_marks), what broad mode also
folds (fold), how text is cut into words (tokenize), Lucene's light stemmer
(stem), stop words, the term functions, the Whoosh analyzers in a real index,
and finally totality (no input makes anything raise).

Where a case comes from Lucene's own tests it says so; those files are in
apache/lucene under lucene/analysis/common/src/test/org/apache/lucene/analysis/.
"""
import pickle
import random
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import fields
from whoosh import index as whoosh_index
from whoosh.qparser import QueryParser

from archive.arabic import (
    STOPWORDS, STOPWORDS_AS_TYPED, ArabicTokenizer, BroadAnalyzer, ExactAnalyzer,
    Token, broad_term, broad_terms, exact_term, exact_terms, fold, is_stopword, stem,
    strip_marks, tokenize,
)


def chars(first, last):
    return [chr(cp) for cp in range(first, last + 1)]


def name(ch):
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '?')}"


# ---------------------------------------------------------------------------
# strip_marks: exact mode ignores marks and invisible characters only
# ---------------------------------------------------------------------------

REMOVED_MARKS = (
    chars(0x064B, 0x065F)          # harakat (fathatan .. wavy hamza below)
    + ["\u0670"]                   # superscript alef
    + chars(0x06D6, 0x06ED)        # Quranic annotation marks
    + ["\u0640"]                   # tatweel
    + chars(0x200B, 0x200D)        # ZWSP ZWNJ ZWJ
    + ["\u200E", "\u200F"]         # LRM RLM
    + ["\u061C"]                   # ALM
    + chars(0x202A, 0x202E)        # bidi embeddings / overrides
    + chars(0x2066, 0x2069)        # bidi isolates
    + ["\uFEFF", "\u00AD"]         # BOM, soft hyphen
)


@pytest.mark.parametrize("mark", REMOVED_MARKS, ids=name)
def test_strip_marks_removes_every_listed_mark(mark):
    assert strip_marks("ب" + mark + "ت") == "بت"


@pytest.mark.parametrize("text, expected", [
    ("المُفاوَضات", "المفاوضات"),
    ("كاگينزلـ", "كاگينزل"),          # tatweel (seed 000)
    ("مُحَمَّدٌ", "محمد"),              # shadda + tanween
    ("الرَّحْمٰنِ", "الرحمن"),           # superscript alef
    ("\u202bبغداد\u202c", "بغداد"),   # RLE ... PDF around a word
    ("\u2067أربيل\u2069", "أربيل"),   # RLI ... PDI
    ("\ufeffقسد", "قسد"),             # BOM at the start of a file
    ("كور\u00adدستان", "كوردستان"),   # soft hyphen
])
def test_strip_marks_examples(text, expected):
    assert strip_marks(text) == expected


@pytest.mark.parametrize("word", [
    "أحمد", "إعاذ", "آجن",      # hamza seats
    "مسؤول", "هيئة",             # hamza on waw and yeh
    "فاطمة", "بنى", "الدورى",    # teh marbuta, alef maksura
    "كاگينز", "ھولێر", "پێشمهرگة",  # Kurdish letters
    "٢٠١٤",                      # Arabic-Indic digits
])
def test_strip_marks_keeps_letters_as_typed(word):
    assert strip_marks(word) == word


@pytest.mark.parametrize("form, letters", [
    ("\ufefb", "لا"),        # ﻻ lam-alef ligature
    ("\ufef7", "لأ"),        # ﻷ lam-alef with hamza above
    ("\ufe91", "ب"),         # ﺑ beh initial form
    ("\ufe93", "ة"),         # ﺓ teh marbuta isolated: kept as ة in exact mode
    ("\ufef0", "ى"),         # ﻰ alef maksura final
    ("\ufe83", "أ"),         # ﺃ alef with hamza above isolated
    ("\ufdf2", "الله"),      # ﷲ
    ("\ufb8a", "ژ"),         # ﮊ jeh isolated
    ("\ufe70", ""),          # ﹰ fathatan isolated form: only a mark
    ("\ufe77", ""),          # ﹷ fatha medial form (tatweel + fatha)
    ("\ufe8d\ufedf\ufeae\ufed7\ufe94", "الرقة"),  # a whole word in glyphs
])
def test_presentation_forms_become_letters(form, letters):
    assert strip_marks(form) == letters


def test_nfkc_is_not_applied_outside_presentation_forms():
    # Superscript and circled digits, full-width letters: not Arabic glyphs.
    assert strip_marks("²①") == "²①"
    assert strip_marks("Ｋ") == "ｋ"           # casefolded, but still full-width


@pytest.mark.parametrize("text, expected", [
    ("Caggins", "caggins"),
    ("CAGGINS", "caggins"),
    ("PMF", "pmf"),
    ("Straße", "strasse"),
])
def test_strip_marks_casefolds_latin(text, expected):
    assert strip_marks(text) == expected


def test_decomposed_hamza_stays_on_its_letter_in_exact_mode():
    # ا + U+0654 is أ written in two code points: exact mode must keep it أ.
    assert strip_marks("\u0627\u0654حمد") == "أحمد"
    assert strip_marks("\u0648\u0654") == "ؤ"
    # A hamza with nothing to compose with is a mark and goes
    # (Lucene TestPersianNormalizationFilter.testHehHamzaAbove).
    assert strip_marks("كتابهٔ") == "كتابه"


# ---------------------------------------------------------------------------
# fold: broad mode also folds interchangeable letters
# ---------------------------------------------------------------------------

LETTER_FOLDS = [
    # Lucene ArabicNormalizer
    ("آ", "ا"), ("أ", "ا"), ("إ", "ا"), ("ى", "ي"), ("ة", "ه"),
    # Lucene PersianNormalizer
    ("ی", "ي"), ("ے", "ي"), ("ک", "ك"), ("ۀ", "ه"), ("ہ", "ه"),
    # the same with a composed hamza
    ("ۂ", "ه"), ("ۓ", "ي"),
    # Kurdish
    ("گ", "ك"), ("پ", "ب"), ("چ", "ج"), ("ژ", "ز"), ("ڤ", "ف"), ("ێ", "ي"),
    ("ە", "ه"), ("ھ", "ه"), ("ڕ", "ر"), ("ڵ", "ل"), ("ۆ", "و"), ("ٱ", "ا"),
    # hamza on waw and yeh: one hamza whatever its seat
    ("ؤ", "ء"), ("ئ", "ء"),
]


@pytest.mark.parametrize("letter, folded", LETTER_FOLDS, ids=lambda x: name(x) if len(x) == 1 else x)
def test_fold_maps_each_letter(letter, folded):
    assert fold(letter) == folded
    assert fold("ب" + letter + "ت") == "ب" + folded + "ت"


@pytest.mark.parametrize("digit, ascii_digit", list(zip("٠١٢٣٤٥٦٧٨٩", "0123456789"))
                         + list(zip("۰۱۲۳۴۵۶۷۸۹", "0123456789")))
def test_fold_maps_eastern_digits_to_ascii(digit, ascii_digit):
    assert fold(digit) == ascii_digit


def test_fold_digits_in_a_date():
    assert fold("٢٢ أيار ٢٠٢١") == "22 ايار 2021"


@pytest.mark.parametrize("letter", list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي"))
def test_fold_leaves_basic_letters_alone(letter):
    assert fold(letter) == letter


# TestArabicNormalizationFilter (ar/): every input -> output pair.
LUCENE_ARABIC_NORMALIZATION = [
    ("آجن", "اجن"),            # testAlifMadda
    ("أحمد", "احمد"),          # testAlifHamzaAbove
    ("إعاذ", "اعاذ"),          # testAlifHamzaBelow
    ("بنى", "بني"),            # testAlifMaksura
    ("فاطمة", "فاطمه"),        # testTehMarbuta
    ("روبرـــــت", "روبرت"),    # testTatweel
    ("مَبنا", "مبنا"),          # testFatha
    ("علِي", "علي"),           # testKasra
    ("بُوات", "بوات"),          # testDamma
    ("ولداً", "ولدا"),          # testFathatan
    ("ولدٍ", "ولد"),           # testKasratan
    ("ولدٌ", "ولد"),           # testDammatan
    ("نلْسون", "نلسون"),        # testSukun
    ("هتميّ", "هتمي"),          # testShaddah
    ("", ""),                  # testEmptyTerm
]

# TestPersianNormalizationFilter (fa/): every input -> output pair.
LUCENE_PERSIAN_NORMALIZATION = [
    ("های", "هاي"),      # testFarsiYeh
    ("هاے", "هاي"),      # testYehBarree
    ("کشاندن", "كشاندن"),  # testKeheh
    ("كتابۀ", "كتابه"),    # testHehYeh
    ("كتابهٔ", "كتابه"),   # testHehHamzaAbove
    ("زادہ", "زاده"),     # testHehGoal
    ("", ""),            # testEmptyTerm
]


@pytest.mark.parametrize("text, expected", LUCENE_ARABIC_NORMALIZATION + LUCENE_PERSIAN_NORMALIZATION)
def test_fold_passes_lucene_normalizer_tests(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize("a, b", [
    ("كاكينز", "كاگينز"),
    ("ھولێر", "هولير"),
    ("أربيل", "اربيل"),
    ("مسؤول", "مسئول"),
    ("شؤون", "شئون"),
    ("رؤوس", "رءوس"),
    ("المُفاوَضات", "المفاوضات"),
    ("CAGGINS", "caggins"),
])
def test_fold_makes_variant_spellings_equal(a, b):
    assert fold(a) == fold(b)


def test_fold_kurdish_peshmerga():
    assert fold("الپێشمهرگة") == "البيشمهركه"


def test_fold_kurdish_word_with_zwnj():
    assert fold("پێشمه\u200cرگه") == "بيشمهركه"


# ---------------------------------------------------------------------------
# tokenize: words keep their marks, joiners and offsets
# ---------------------------------------------------------------------------

def words(text):
    return [t.text for t in tokenize(text)]


@pytest.mark.parametrize("text, expected", [
    ("المُفاوَضات", ["المُفاوَضات"]),                   # harakat stay inside
    ("مايلز كاگينزلـ KDP", ["مايلز", "كاگينزلـ", "KDP"]),  # tatweel stays inside
    ("قوات پێشمه\u200cرگه", ["قوات", "پێشمه\u200cرگه"]),  # ZWNJ inside a Kurdish word
    ("بی\u200dت", ["بی\u200dت"]),                     # ZWJ inside
    ("[بغداد_اين]", ["بغداد", "اين"]),                # brackets and underscore split
    ("ھولێر-KDP.info-", ["ھولێر", "KDP", "info"]),    # hyphen and dot split
    ("“قدرا كبيرا”", ["قدرا", "كبيرا"]),              # curly quotes
    ("«داعش»", ["داعش"]),                             # guillemets
    ('"داعش"', ["داعش"]),                             # straight quotes
    ("23\\3\\2019", ["23", "3", "2019"]),              # backslashes
    ("كانون الأول/ديسمبر", ["كانون", "الأول", "ديسمبر"]),  # slash
    ("(كي ون)", ["كي", "ون"]),                        # parentheses
    ("السورية-العراقية", ["السورية", "العراقية"]),
    ("داعش، والقاعدة؛ وغيرهما.", ["داعش", "والقاعدة", "وغيرهما"]),
    ("إف 16", ["إف", "16"]),
    ("٢٠١٤", ["٢٠١٤"]),
    ("ولداً", ["ولداً"]),                              # final tanween belongs to the word
    ("ـــ ً ، ...", []),                               # marks and tatweel alone are no word
    ("", []),
])
def test_tokenize(text, expected):
    assert words(text) == expected


def test_tokens_carry_original_offsets():
    text = "قال المُتحدِّث، كاگينزلـ: نعم"
    tokens = tokenize(text)
    assert [type(t) for t in tokens] == [Token] * 4
    for t in tokens:
        assert text[t.start:t.end] == t.text
    assert tokens[1] == Token("المُتحدِّث", 4, 14)


def test_token_is_a_named_tuple():
    t = Token("بغداد", 3, 8)
    assert (t.text, t.start, t.end) == ("بغداد", 3, 8)


def test_leading_marks_are_not_part_of_the_word():
    assert tokenize("ـــبغداد") == [Token("بغداد", 3, 8)]


# ---------------------------------------------------------------------------
# stem: Lucene's ArabicStemmer, exactly
# ---------------------------------------------------------------------------

# TestArabicStemFilter (ar/): every input -> output pair.
LUCENE_STEMMER = [
    ("الحسن", "حسن"),      # testAlPrefix
    ("والحسن", "حسن"),     # testWalPrefix
    ("بالحسن", "حسن"),     # testBalPrefix
    ("كالحسن", "حسن"),     # testKalPrefix
    ("فالحسن", "حسن"),     # testFalPrefix
    ("للاخر", "اخر"),      # testLlPrefix
    ("وحسن", "حسن"),       # testWaPrefix
    ("زوجها", "زوج"),      # testAhSuffix
    ("ساهدان", "ساهد"),    # testAnSuffix
    ("ساهدات", "ساهد"),    # testAtSuffix
    ("ساهدون", "ساهد"),    # testWnSuffix
    ("ساهدين", "ساهد"),    # testYnSuffix
    ("ساهديه", "ساهد"),    # testYhSuffix
    ("ساهدية", "ساهد"),    # testYpSuffix
    ("ساهده", "ساهد"),     # testHSuffix
    ("ساهدة", "ساهد"),     # testPSuffix
    ("ساهدي", "ساهد"),     # testYSuffix
    ("وساهدون", "ساهد"),   # testComboPrefSuf
    ("ساهدهات", "ساهد"),   # testComboSuf
    ("الو", "الو"),        # testShouldntStem
    ("English", "English"),  # testNonArabic
    ("", ""),              # testEmptyTerm
]


@pytest.mark.parametrize("word, expected", LUCENE_STEMMER)
def test_stem_passes_lucene_stemmer_tests(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize("word, expected, rule", [
    # prefixes: one at most, the first in Lucene's order that fits
    ("الدم", "دم", "ال needs 4 letters: 2 left"),
    ("الد", "الد", "ال on 3 letters: too short"),
    ("والدم", "دم", "وال needs 5 letters"),
    ("والد", "الد", "وال too short for 4 letters, so the loop goes on to و"),
    ("بالغ", "بالغ", "بال too short; ب alone is no prefix"),
    ("بالغت", "غت", "بال on 5 letters"),
    ("كالنا", "نا", "كال on 5 letters"),
    ("فالنا", "نا", "فال on 5 letters"),
    ("للهو", "هو", "لل needs 4 letters"),
    ("لله", "لل", "لل on 3 letters: too short; then the suffix ه goes"),
    ("للو", "للو", "لل on 3 letters: too short"),
    ("ولد", "ولد", "و needs 4 letters"),
    ("وولد", "ولد", "only one prefix is removed"),
    ("والولد", "ولد", "وال, then no second prefix"),
    # suffixes: each in turn, if 2 letters stay
    ("كتبها", "كتب", "ها"),
    ("مها", "مها", "ها on 3 letters: too short"),
    ("سكان", "سك", "ان"),
    ("ناخبات", "ناخب", "ات"),
    ("فلاحون", "فلاح", "ون"),
    ("فلاحين", "فلاح", "ين"),
    ("عربيه", "عرب", "يه"),
    ("عربية", "عرب", "ية (unfolded input, as Lucene allows)"),
    ("كتابه", "كتاب", "ه"),
    ("مدرسة", "مدرس", "ة"),
    ("عربي", "عرب", "ي"),
    ("في", "في", "ي on 2 letters: too short"),
    ("ساهداتها", "ساهد", "ها then ات, in Lucene's order"),
    ("ساهدهاات", "ساهدها", "ها is checked before ات and not looked at again"),
])
def test_stem_rules(word, expected, rule):
    assert stem(word) == expected, rule


# ---------------------------------------------------------------------------
# Stop words
# ---------------------------------------------------------------------------

def test_stop_list_is_modest():
    assert 100 <= len(STOPWORDS) <= 200


def test_stop_list_is_in_folded_form():
    assert all(fold(w) == w for w in STOPWORDS)


@pytest.mark.parametrize("word", [
    "في", "من", "إلى", "الى", "عن", "على", "مع", "بين", "حتى", "منذ", "خلال", "ضد",
    "هو", "هي", "هم", "نحن", "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "الذي", "التي", "الذين",
    "و", "أو", "ثم", "لكن", "بل", "أن", "إن", "ان", "كان", "كانت", "قد", "لم", "لن", "لا",
    "ما", "هل", "سوف", "كما", "عليه", "منها", "فيها", "وفي", "ومن", "وقد", "أيضا",
])
def test_function_words_are_stopped(word):
    assert broad_term(word) is None
    assert broad_terms(f"قوات {word} بغداد") == ["قوه", "بغداد"]


CONTENT_WORDS = [
    # nouns the archive is about
    "قوات", "دولة", "عام", "داعش", "تنظيم", "الجيش", "الحشد", "الشعبي", "مقاتل",
    "التحالف", "الدولي", "الأمن", "العمليات", "قال", "الحكومة", "منطقة",
    # places and names (علي: the name, not على "on")
    "بغداد", "العراق", "الموصل", "سوريا", "قسد", "كاكينز", "علي", "محمد", "حسن",
    "عمر", "خلف", "متى", "لي",
    # words that fold onto a function-word look-alike but are content
    "والي", "امام", "إمام", "كم", "آية",
    # numbers
    "ثلاثة", "ألف", "مليار", "واحد", "اثنين", "2014", "٢٠١٤", "300",
]


@pytest.mark.parametrize("word", CONTENT_WORDS)
def test_content_words_survive(word):
    assert not is_stopword(fold(word), strip_marks(word))
    assert broad_term(word)


def test_ala_is_stopped_as_typed_but_ali_is_kept():
    # على "on" and علي "Ali" fold together; the stop word is caught before
    # folding, as Lucene's ArabicAnalyzer does (stop filter before normalizer).
    assert fold("على") == fold("علي") == "علي"
    assert "على" in STOPWORDS_AS_TYPED
    assert broad_term("على") is None
    assert broad_term("عَلَى") is None
    # (علي keeps its ي: a stem of two letters would meet other words; so
    # does the nisba السيستاني, whose base سيستان is far rarer.)
    assert broad_term("علي") == "علي"
    assert broad_terms("اعتمد على علي السيستاني") == ["اعتمد", "علي", "سيستاني"]


# ---------------------------------------------------------------------------
# Terms
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("الصبر", "بالصبر"),
    ("الدورى", "الدوري"),
    ("كاكينز", "كاگينز"),
    ("المُفاوَضات", "المفاوضات"),
    ("البيشمركة", "للبيشمركة"),
    ("الحسن", "والحسن"),
])
def test_broad_terms_meet(a, b):
    assert broad_term(a) == broad_term(b)


def test_broad_term_examples():
    assert broad_term("بالصبر") == "صبر"
    assert broad_term("المفاوضات") == "مفاوض"
    assert broad_term("الپێشمهرگة") == "بيشمهرك"


def test_short_words_keep_their_folded_form():
    # Lucene's length checks never leave fewer than 2 letters of a longer word;
    # a one-letter word or a digit is kept as it is, not dropped.
    assert broad_term("ب") == "ب"
    assert broad_term("5") == "5"
    assert broad_term("٥") == "5"
    assert all(len(stem(w)) >= 2 for w in ["لله", "وله", "هاي", "يه", "ان"])


def test_exact_terms_strip_marks_only():
    assert exact_terms("المُفاوَضات في أربيل") == ["المفاوضات", "في", "أربيل"]
    assert exact_term("كاگينزلـ") == "كاگينزل"
    assert exact_term("CAGGINS") == "caggins"


def test_exact_terms_do_not_fold():
    assert exact_terms("أربيل") != exact_terms("اربيل")
    assert exact_terms("الدورى") != exact_terms("الدوري")


def test_broad_terms_of_a_sentence():
    assert broad_terms("وقال المتحدث باسم قوات التحالف إن داعش لم ينته") == [
        # باسم is ب + اسم ("in the name of"), ينته loses ه as in Lucene
        "قال", "متحدث", "اسم", "قوه", "تحالف", "داعش", "ينت",
    ]


# ---------------------------------------------------------------------------
# Whoosh analyzers, in a real index
# ---------------------------------------------------------------------------

DOCS = {
    "caggins": "قال المتحدث مايلز كاگينزلـ إن الپێشمهرگة شاركوا في المُفاوَضات",
    "sabr": "دعا إلى الصبر والدورى العراقي",
    "erbil": "انتشرت القوات في أربيل",
}


@pytest.fixture
def whoosh_ix(tmp_path):
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        text=fields.TEXT(analyzer=BroadAnalyzer(), phrase=True),
        text_exact=fields.TEXT(analyzer=ExactAnalyzer(), phrase=True),
    )
    ix = whoosh_index.create_in(str(tmp_path), schema)
    writer = ix.writer()
    for doc_id, text in DOCS.items():
        writer.add_document(id=doc_id, text=text, text_exact=text)
    writer.commit()
    # Reopen: the schema, analyzers included, is unpickled from the TOC.
    return whoosh_index.open_dir(str(tmp_path))


def search(ix, field, q):
    with ix.searcher() as searcher:
        query = QueryParser(field, ix.schema).parse(q)
        return sorted(hit["id"] for hit in searcher.search(query))


@pytest.mark.parametrize("q, expected", [
    ("كاكينزل", ["caggins"]),            # گ folded, tatweel ignored
    ("البيشمهركه", ["caggins"]),         # Kurdish letters folded, ة ~ ه
    ("المفاوضات", ["caggins"]),          # harakat ignored, stemmed
    ("مفاوضة", ["caggins"]),             # another form of the same stem
    ("بالصبر", ["sabr"]),                # prefix stripped
    ("الدوري", ["sabr"]),                # ى ~ ي
    ("اربيل", ["erbil"]),                # hamza folded
    ('"القوات اربيل"', ["erbil"]),       # phrase across the stop word في
    ('"انتشرت اربيل"', []),              # ... but positions still count
    ("في", []),                          # a stop word alone finds nothing
])
def test_broad_field_finds_folded_variants(whoosh_ix, q, expected):
    assert search(whoosh_ix, "text", q) == expected


@pytest.mark.parametrize("q, expected", [
    ("كاگينزل", ["caggins"]),            # tatweel ignored
    ("كاكينزل", []),                     # but گ is not ك
    ("المفاوضات", ["caggins"]),          # harakat ignored
    ("مفاوضات", []),                     # no stemming
    ("أربيل", ["erbil"]),
    ("اربيل", []),                       # hamza kept
    ("والدورى", ["sabr"]),
    ("والدوري", []),                     # ى kept
    ('"القوات في أربيل"', ["erbil"]),    # no stop words in exact mode
    ("في", ["caggins", "erbil"]),
])
def test_exact_field_does_not_fold(whoosh_ix, q, expected):
    assert search(whoosh_ix, "text_exact", q) == expected


def test_analyzers_report_original_offsets_and_consecutive_positions():
    text = "انتشرت القوات في أربيل"
    tokens = [(t.text, t.pos, t.startchar, t.endchar)
              for t in BroadAnalyzer()(text, positions=True, chars=True, start_pos=10, start_char=100)]
    assert tokens == [
        ("انتشر", 10, 100, 106),   # a past verb loses its ت
        ("قوه", 11, 107, 113),
        ("اربيل", 12, 117, 122),   # في dropped: أربيل follows القوات directly
    ]
    exact = [(t.text, t.pos, t.startchar, t.endchar)
             for t in ExactAnalyzer()("المُفاوَضات في", positions=True, chars=True)]
    assert exact == [("المفاوضات", 0, 0, 11), ("في", 1, 12, 14)]


def test_first_kept_token_starts_at_start_pos_after_a_leading_stop_word():
    tokens = [(t.text, t.pos) for t in BroadAnalyzer()("في بغداد", positions=True)]
    assert tokens == [("بغداد", 0)]


def test_highlighter_mode_keeps_stop_words_flagged():
    tokens = [(t.text, t.stopped) for t in BroadAnalyzer()("في بغداد", removestops=False, chars=True)]
    assert tokens == [("في", True), ("بغداد", False)]


def test_untokenized_value_is_one_token():
    # Whoosh passes tokenize=False for prefix, wildcard and range terms.
    assert [t.text for t in BroadAnalyzer()("بالمفاوض", tokenize=False)] == ["مفاوض"]
    assert [t.text for t in ExactAnalyzer()("المُفاوَض", tokenize=False)] == ["المفاوض"]


def test_keeporiginal():
    assert [t.original for t in ExactAnalyzer()("المُفاوَضات", keeporiginal=True)] == ["المُفاوَضات"]


def test_analyzers_agree_with_term_functions():
    text = open_seed_text()
    assert [t.text for t in BroadAnalyzer()(text)] == broad_terms(text)
    assert [t.text for t in ExactAnalyzer()(text)] == exact_terms(text)


def test_analyzers_pickle():
    for make in (BroadAnalyzer, ExactAnalyzer):
        analyzer = make()
        clone = pickle.loads(pickle.dumps(analyzer))
        assert clone == analyzer
        assert [t.text for t in clone("الپێشمهرگة")] == [t.text for t in analyzer("الپێشمهرگة")]
    assert pickle.loads(pickle.dumps(ArabicTokenizer())) == ArabicTokenizer()


def open_seed_text():
    from pathlib import Path

    seeds = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "seeds").glob("000_*.txt"))
    return seeds[0].read_text(encoding="utf-8") if seeds else "مايلز كاگينزلـ KDP"


# ---------------------------------------------------------------------------
# Totality: nothing raises, whatever comes in
# ---------------------------------------------------------------------------

ARABICISH = st.sampled_from(
    list("ابتةثجحخدذرزسشصضطظعغفقكلمنهويىءآأإؤئ") + list("گپچژڤێەھڕڵۆٱیےکۀہۂۓ")
    + REMOVED_MARKS + list("٠١٩۰۹ _-.،«»“”\"/\\[]()\n\t\u00a0")
    + ["\ufefb", "\ufe70", "\ufe71", "\ufdfa", "\ufdfd", "\u0301", "\u0345", "İ", "ß", "ǰ"]
)
ANY_TEXT = st.text(alphabet=st.one_of(ARABICISH, st.characters()), max_size=200)

ALL_FUNCTIONS = [strip_marks, fold, tokenize, stem, exact_term, exact_terms, broad_term,
                 broad_terms, is_stopword]


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_no_input_makes_anything_raise(text):
    for function in ALL_FUNCTIONS:
        function(text)
    for make in (BroadAnalyzer, ExactAnalyzer):
        for t in make()(text, positions=True, chars=True, removestops=False):
            assert t.text
        list(make()(text, tokenize=False))


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_fold_and_strip_marks_are_idempotent(text):
    assert fold(fold(text)) == fold(text)
    assert strip_marks(strip_marks(text)) == strip_marks(text)
    assert fold(strip_marks(text)) == fold(text)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_tokens_are_ordered_substrings(text):
    last_end = 0
    for t in tokenize(text):
        assert text[t.start:t.end] == t.text
        assert t.start >= last_end and t.end > t.start
        assert strip_marks(t.text)          # never an empty term
        last_end = t.end


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_broad_positions_are_consecutive(text):
    positions = [t.pos for t in BroadAnalyzer()(text, positions=True, start_pos=3)]
    assert positions == list(range(3, 3 + len(positions)))


@pytest.mark.parametrize("value", [None, b"\xd8\xa8\xd8\xba\xd8\xaf\xd8\xa7\xd8\xaf", b"\xff\xfe", 42])
def test_non_strings_do_not_raise(value):
    for function in ALL_FUNCTIONS:
        function(value)


@pytest.mark.parametrize("text", [
    "ـ" * 100_000,                          # a line of tatweel
    "\u064e" * 100_000,                     # a run of fatha
    "ب\u064e" * 50_000,                     # one 100k-character word
    "\x00\x01\x1f\x7f" * 25_000,            # control characters
    "".join(random.Random(7).choice("ابت ثجح\u064e\u0640\u200c.-") for _ in range(100_000)),
])
def test_long_inputs_are_handled_quickly(text):
    started = time.monotonic()
    tokenize(text)
    fold(text)
    broad_terms(text)
    exact_terms(text)
    list(BroadAnalyzer()(text, positions=True, chars=True))
    assert time.monotonic() - started < 10
