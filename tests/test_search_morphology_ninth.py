"""Search sees every form of a word, and no other word: the ninth round.

The sentences are written for the probes; no corpus text is copied.

``plural``   an ات plural whose contexts are its ة word's (archive/lexicon/
             plural_readings.txt.gz, built from context vectors by
             scripts/build_plural_readings.py) is that word's plural:
             عينات "samples" is عينة, no عين "eye"; عربات "carts" is
             عربة, no عرب "Arabs"; عملات "currencies" is عملة, no عمل;
             a woman's plural whose contexts are the man's stays with him
             (لاعبات: لاعب)
``article``  a word beginning with ال that the corpus also writes after a
             second article (الغاز: ألغاز "riddles") is the article and a
             word where that word is written alone ten times as often (غاز
             "gas"); not where what is left is a stop word (الوان is ألوان)
``name``     a gazetteer name of one word that ends as a dual, a plural or a
             nisba does (archive/lexicon/name_endings.txt: سوران Soran,
             القصرين Kasserine, الشدادي Shaddadi) keeps its ending, unless
             the corpus declines it so: another plural ending written often
             (الحوثيين/الحوثيون → حوثي), or, for a nisba, its feminine ية
             written at least half as often (المالي beside المالية)
``own``      a plural's or a dual's ending takes no ة: where the corpus writes
             the word + ة after the article (المسكينة), ين ون ان are the
             word's own (مسكين is no plural of مسك "musk")
"""
import pytest

from tests.test_search_morphology import probe_tests

pytestmark = pytest.mark.django_db

MUST_MATCH = [
    ("plural", "عينة", "أرسل المختبر عينات التربة إلى الخارج"),
    ("plural", "العربة", "جرت الخيول عربات محملة بالحطب"),
    ("plural", "عملة", "تراجعت العملات المحلية أمام الدولار"),
    ("plural", "لاعب", "شاركت لاعبات المنتخب في المعسكر"),
    ("article", "غاز", "ارتفعت أسعار الغاز المنزلي مع الشتاء"),
    ("article", "باب", "أغلق الحارس الباب الرئيسي للمبنى"),
    ("name", "سوران", "وصل الوفد إلى سوران من أربيل"),
    ("name", "حوثي", "هاجم الحوثيون مواقع على الحدود"),
    ("name", "مالي", "أعلن الوزير عن دعم مالي للبلديات"),
    ("own", "مسكين", "قال الرجل المسكين إنه فقد بيته"),
    ("own", "مقاتل", "انسحب المقاتلون من البلدة"),
]

MUST_NOT_MATCH = [
    ("plural", "عين", "أرسل المختبر عينات التربة إلى الخارج"),
    ("plural", "عرب", "جرت الخيول عربات محملة بالحطب"),
    ("plural", "عمل", "تراجعت العملات المحلية أمام الدولار"),
    ("article", "وان", "رسم الأطفال لوحات بالألوان الزاهية"),
    ("name", "سور", "وصل الوفد إلى سوران من أربيل"),
    ("name", "قصر", "وقع الانفجار في مدينة القصرين التونسية"),
    ("name", "شداد", "سيطرت القوات على بلدة الشدادي جنوب الحسكة"),
    ("own", "مسك", "قال الرجل المسكين إنه فقد بيته"),
]

KNOWN_FAILURES = {}


probe_archive, test_a_word_finds_its_forms, test_a_word_does_not_find_another_word = \
    probe_tests(MUST_MATCH, MUST_NOT_MATCH, KNOWN_FAILURES)


@pytest.mark.parametrize("word, term", [
    ("عينات", "عينه"), ("العينات", "عينه"), ("بعينات", "عينه"), ("عربات", "عربه"),
    ("العملات", "عمله"), ("عملاتها", "عمله"), ("لاعبات", "لاعب"),
    ("الغاز", "غاز"), ("الباب", "باب"), ("السنة", "سنه"), ("الوان", "الوان"),
    ("سوران", "سوران"), ("بسوران", "سوران"), ("القصرين", "قصرين"), ("حولي", "حولي"),
    ("الحوثيين", "حوثي"), ("المالي", "مال"),
    ("المسكين", "مسكين"), ("ماكين", "ماكين"), ("المقاتلين", "مقاتل"), ("الطرفين", "طرف"),
])
def test_broad_terms_of_plurals_and_article_words(word, term):
    from archive.arabic import broad_term

    assert broad_term(word) == term


def test_without_the_name_endings_file_names_lose_their_endings(monkeypatch):
    from archive.arabic import lexicon, stemming

    monkeypatch.setattr(lexicon, "_name_ends", frozenset())
    assert stemming.broad_stem("سوران") == "سور"      # the counts' reading
    monkeypatch.setattr(lexicon, "_name_ends", None)
    monkeypatch.setattr(lexicon, "NAME_ENDINGS_PATH", lexicon.NAME_ENDINGS_PATH.with_name("missing.txt"))
    assert lexicon._name_endings() == frozenset()


def test_name_endings_come_from_the_gazetteer():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import build_name_words

    words = build_name_words.name_endings()
    assert {"سوران", "قصرين", "شدادي"} <= words
    assert not any(w.endswith("ات") for w in words)


def test_without_the_plural_table_the_counts_decide(monkeypatch):
    from archive.arabic import lexicon, stemming

    monkeypatch.setattr(lexicon, "_plurals", frozenset())
    assert stemming.broad_stem("عينات") == "عين"      # the counts' reading
    monkeypatch.setattr(lexicon, "_plurals", None)
    monkeypatch.setattr(lexicon, "PLURAL_READINGS_PATH",
                        lexicon.PLURAL_READINGS_PATH.with_name("missing.txt.gz"))
    assert lexicon._plural_readings() == frozenset()


def test_the_plural_table_is_built_from_contexts():
    """scripts/build_plural_readings.py keeps a plural whose neighbours are
    more like the ة word's than like the word without ة's, by the margin."""
    import sys
    from array import array
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import build_plural_readings as bpr
    import merge_model as mm

    from archive.arabic import lexicon

    counts = lexicon._word_counts()
    # Neighbours: عينات shares its contexts with عينة, not with عين; لاعبات
    # with لاعب. 600 columns (300 before, 300 after), as the cache has.
    def vec(*cols):
        v = array("i", [0] * 600)
        for c in cols:
            v[c] = 50
        return v
    vectors = {"عينات": vec(1, 301), "عينه": vec(1, 301, 5), "عين": vec(7, 307),
               "لاعبات": vec(2, 302), "لاعبه": vec(9, 309), "لاعب": vec(2, 302, 4)}
    ev = mm.Evidence(counts, vectors)
    lexicon_plurals = lexicon._plurals
    try:
        lexicon._plurals = frozenset()
        assert bpr.plural_readings(ev, ["عينات", "لاعبات"]) == ["عينات"]
    finally:
        lexicon._plurals = lexicon_plurals
