"""Search sees every form of a word, and no more: the fourth development set.

Unlike the first three sets, the word forms here were not chosen by hand:
they were drawn at random (fixed seeds) from the corpus's own word counts in
each class, each paired with the queries a generous stemmer or a hamza
respelling would connect to it, and every pair was judged by hand (same
word: must match; another word: must not) before the analysis was changed a
fourth time. The draw was split at random into a development part and a
check part; this file freezes a sample of the development part, both sides
of each class (the figures of both parts are in docs/search.md). The
sentences are written for the probes; no corpus text is copied.

``hamza``       a seat dropped in a word the corpus writes (دايما, قايد,
                يوثر, موكدا), ء dropped after the article (الشي, العقلا)
                or after a noun's ا (شهدا), آت the plural of أة (منشآته);
                and seat spellings that are other words (الرويس, سيوة,
                بيرة, تيدي, الفوات, حذا)
``ta_suffix``   ة written ت before a suffix or in a dual; and ة words that
                are words of their own, not another word with ة added
                (قادة/قاد, حياة/حيا, بطولة/بطول, منطقة/منطق)
``clitics``     stacked proclitics, and the future's س after و
                (وستتاح, وسيقول); and what is left after a clitic that is
                another word (فالمدينة/مدين, فالشركة/شرك)
``overstrip``   plurals and duals that must meet their word, and pairs of
                common words a suffix cut too deep would merge
"""
import pytest

from tests.test_search_morphology import probe_tests

pytestmark = pytest.mark.django_db

# (class, query, article sentence): the query must find the article.
MUST_MATCH = [
    ("hamza", "مسؤول", "التقى مسئولي الوزارة بالمحتجين"),
    ("hamza", "آراء", "استمع الوفد إلى مطالبهم وآرائهم بعناية"),
    ("hamza", "وتمتلئ", "وتمتلىء الشوارع بالمتظاهرين كل مساء"),
    ("hamza", "المؤقتة", "شكلت الحكومة الموقتة لجنة للتحقيق"),
    ("hamza", "مؤكدا", "تحدث الوزير موكدا دعم بلاده للاتفاق"),
    ("hamza", "يؤثر", "قال إن القرار لن يوثر على الأسعار"),
    ("hamza", "دائما", "كان الجسر دايما مزدحما"),
    ("hamza", "قائد", "قتل قايد ميداني في الاشتباكات"),
    ("hamza", "الدائم", "طالب بالحل الدايم للأزمة"),
    ("hamza", "شهداء", "سقط ثلاثة شهدا في القصف"),
    ("hamza", "آراء", "تباينت آرا المحللين حول الانتخابات"),
    ("hamza", "الشيء", "قال إن الشي الوحيد المؤكد هو الانتظار"),
    ("hamza", "العقلاء", "دعا العقلا إلى التهدئة"),
    ("hamza", "منشأة", "قصفت الطائرات منشآته النفطية"),
    ("ta_suffix", "فترة", "تضاعف العدد خلال الفترتين الماضيتين"),
    ("ta_suffix", "ولاية", "انتخب لولايتين متتاليتين"),
    ("ta_suffix", "معاقبة", "طالب الأهالي بأن تتم معاقبته على الجريمة"),
    ("clitics", "تتاح", "وستتاح الفرصة للنازحين للعودة"),
    ("clitics", "يلاقي", "وسيلاقي الفريق منافسه في النهائي"),
    ("clitics", "يقول", "وسيقول المتحدث كلمته غدا"),
    ("clitics", "مسلم", "وللمسلمين في البلدة مسجد قديم"),
    ("clitics", "تأسيس", "احتفلوا بالتأسيس في العاصمة"),
    ("overstrip", "متشدد", "اعتقلت الشرطة عددا من المتشددين"),
    ("overstrip", "إسرائيلي", "أصيب عدد من الإسرائيليين في الهجوم"),
    ("overstrip", "امرأة", "اعتقلت امرأتان عند الحاجز"),
    ("overstrip", "حرية", "طالبوا بصون الحريات العامة"),
]

# (class, query, article sentence): the query must NOT find the article.
MUST_NOT_MATCH = [
    ("hamza", "الرئيس", "وصل الوفد إلى منطقة الرويس الصناعية"),
    ("hamza", "سيئة", "زار السياح واحة سيوة"),
    ("hamza", "بؤرة", "منع بيع البيرة في المدينة"),
    ("hamza", "تؤدي", "قال تيدي إنه سيعود"),
    ("hamza", "الفئات", "تحدثوا عن الفوات الذي لا يعوض"),
    ("hamza", "حذاء", "حذا الوزير حذو سلفه"),
    ("hamza", "مساء", "قال إن الأجر مساو للعمل"),
    ("ta_suffix", "قاد", "اجتمع قادتها في العاصمة"),
    ("ta_suffix", "حيا", "خطط لحياته بعناية"),
    ("ta_suffix", "بطول", "حسم الفريق بطولته الأولى"),
    ("ta_suffix", "منطق", "تقع المنطقتين على الحدود"),
    ("ta_suffix", "جبة", "أصيب الجندي في جبهته"),
    ("ta_suffix", "أدت", "احتفلت العائلة بيوم ولادته"),
    ("ta_suffix", "خبر", "أشاد الحضور بعلمه وخبرته"),
    ("clitics", "مدين", "فالمدينة محاصرة منذ أشهر"),
    ("clitics", "شرك", "فالشركة أعلنت إفلاسها"),
    ("clitics", "قار", "وصل الوباء للقارة الأفريقية"),
    ("overstrip", "مجموع", "وزعت المساعدات للمجموعات النازحة"),
    ("overstrip", "حيا", "عادت حياة السكان إلى طبيعتها"),
    ("overstrip", "قاد", "وجه الرئيس كلمة لقادة الجيش"),
    ("overstrip", "لجمعية", "جمعهما لقاء في العاصمة"),
    ("overstrip", "السن", "تضاعف العدد خلال السنتين الماضيتين"),
    ("overstrip", "أربع", "قتل ثلاثة وأربعين مدنيا"),
    ("overstrip", "السلام", "تعمل الشرطة على السلامة العامة"),
]

#: Probes that still fail, and why (the probes themselves stay as written).
KNOWN_FAILURES = {
    ("hamza", "المؤقتة"): "المؤقتة is written fewer than 20 times as often as الموقتة after "
                          "the article: the dropped seat is not read back",
    ("hamza", "المؤقتة"): "a seat dropped in a word the corpus writes is read back only at "
                          "the word's start (موكدا), not after the article (الموقتة)",
    ("hamza", "العقلاء"): "العقلاء is written fewer than 10 times as often as العقلا after "
                          "the article: too few to call one a slip for the other",
    ("hamza", "حذاء"): "حذا is read as حذاء with the ء dropped: the verb is not told from "
                       "a noun's accusative ا by the counts",
    ("overstrip", "أربع"): "the tens (أربعين/أربعون) vary their ending like a plural, so ين "
                           "comes off and forty meets four",
}


probe_archive, test_a_word_finds_its_forms, test_a_word_does_not_find_another_word = \
    probe_tests(MUST_MATCH, MUST_NOT_MATCH, KNOWN_FAILURES)


# The analysis itself -------------------------------------------------------

def test_a_ta_marbuta_word_of_its_own_keeps_its_ta_marbuta():
    from archive import arabic

    assert arabic.broad_term("المدينة") != arabic.broad_term("مدين")
    assert arabic.broad_term("شركات") == arabic.broad_term("الشركة")
    # A feminine adjective and its masculine still meet (a feminine noun of
    # a person, الكاتبة/الكاتب, no longer does since the fifth round: see
    # test_search_morphology_fifth.py).
    assert arabic.broad_term("المسلحة") == arabic.broad_term("المسلح")


def test_the_future_sin_comes_off_a_verb_only():
    from archive import arabic

    assert arabic.broad_term("سيقول") == arabic.broad_term("يقول")
    assert arabic.broad_term("وستتاح") == arabic.broad_term("تتاح")
    assert arabic.broad_term("سيارة") != arabic.broad_term("يارة")
    assert arabic.broad_term("ساعد") != arabic.broad_term("أعد")


def test_a_past_verb_loses_its_ta_but_a_ta_marbuta_noun_keeps_it():
    from archive import arabic

    assert arabic.broad_term("أبلغته") == arabic.broad_term("أبلغ") == arabic.broad_term("أبلغت")
    assert arabic.broad_term("أكدت") == arabic.broad_term("أكد")
    # A ة noun written so keeps the verb from meeting it; a noun keeps its ت.
    assert arabic.broad_term("قتلتهم") != arabic.broad_term("قتلة")
    assert arabic.broad_term("وقت") == "وقت"


def test_a_seat_dropped_in_a_word_the_corpus_writes():
    from archive import arabic

    assert arabic.broad_term("دايما") == arabic.broad_term("دائما")
    assert arabic.broad_term("يوثر") == arabic.broad_term("يؤثر")
    assert arabic.broad_term("الطواري") == arabic.broad_term("الطوارئ")
    # ... but not where the seat spelling is a word of its own.
    assert arabic.broad_term("فايز") != arabic.broad_term("فائز")
    assert arabic.broad_term("موات") != arabic.broad_term("مئات")
