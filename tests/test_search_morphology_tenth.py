"""Search sees every form of a word, and no other word: the tenth round.

The sentences are written for the probes; no corpus text is copied.

``layer``    a stacked article (كال, وبال, فبال, وكال, فكال) is read only
             where each layer it leaves is a word the corpus writes:
             كاليفورنيا is no ك + ال + يفورنيا, وباليرمو is و + باليرمو;
             وبالمقابل, وللمرة still lose و + ب/ل + ال
``outer``    a word the corpus writes after the conjunction و keeps its first
             و or ف: Arabic writes no و before و or ف, so وافق "agreed" is
             no و + أفق "horizon", فتحت "opened" no ف + تحت, فورد (Ford) no
             ف + ورد, والدها no و + الدها; فقال, وقال still lose theirs
``future``   the future's س comes off a verb of two letters after its person
             (سيتم, ستظل, وسيتم) where the corpus writes that future in
             another person too (ستتم, سيظل): names (سياف) and nouns with the
             accusative ا (سيدا, وسيطا) keep it
``pronoun``  after ب or ل, a final ها is a pronoun, never a verb's ا:
             لقواتها is ل + قوات + ها, بدورها ب + دور + ها; and a ة noun's
             ت before it is no verb's ت (بخطتها: خطة); a word beginning
             with ك is read as before, ك being far more often its own
             letter (كشفتها, كلفها, كاهلها: كشفت, كلف, كاهل)
"""
import pytest

from tests.test_search_morphology import probe_tests

pytestmark = pytest.mark.django_db

MUST_MATCH = [
    ("layer", "المقابل", "وبالمقابل رفضت الحكومة العرض"),
    ("layer", "المرة", "وللمرة الأولى يزور الوزير المدينة"),
    ("layer", "كاليفورنيا", "وصل الوفد إلى ولاية كاليفورنيا"),
    ("outer", "وافق", "ووافق البرلمان على الموازنة"),
    ("outer", "والد", "قالت إن والدها قتل في القصف"),
    ("outer", "قال", "فقال الناطق إن الهجوم فشل"),
    ("future", "يتم", "وسيتم الإعلان عن النتائج غدا"),
    ("future", "تظل", "ستظل المعابر مغلقة حتى إشعار آخر"),
    ("pronoun", "قوات", "وجه الجيش لقواتها أوامر بالانسحاب"),
    ("pronoun", "دور", "قامت الوزارة بدورها في الإغاثة"),
    ("pronoun", "خطة", "تمسكت الحكومة بخطتها للإصلاح"),
]

MUST_NOT_MATCH = [
    ("layer", "يفورنيا", "وصل الوفد إلى ولاية كاليفورنيا"),
    ("outer", "أفق", "ووافق البرلمان على الموازنة"),
    ("outer", "تحت", "فتحت الشرطة تحقيقا في الحادث"),
    ("outer", "ورد", "أعلنت شركة فورد خفض الإنتاج"),
    ("future", "ياف", "قال سياف إن الحوار متوقف"),
    ("pronoun", "شفة", "كشفتها الصحيفة في تقرير مطول"),
]

KNOWN_FAILURES = {}


probe_archive, test_a_word_finds_its_forms, test_a_word_does_not_find_another_word = \
    probe_tests(MUST_MATCH, MUST_NOT_MATCH, KNOWN_FAILURES)


@pytest.mark.parametrize("word, term", [
    ("كاليفورنيا", "كاليفورنيا"), ("وكاليفورنيا", "كاليفورنيا"), ("وباليرمو", "باليرمو"),
    ("وبالمقابل", "مقابل"), ("وللمرة", "مره"), ("للبنان", "لبنان"), ("بالتحديد", "تحديد"),
    ("وافق", "وافق"), ("فتحت", "فتحت"), ("فورد", "فورد"), ("فردا", "فرد"),
    ("فقال", "قال"), ("وقال", "قال"), ("والدها", "والد"),
    ("سيتم", "يتم"), ("وسيتم", "يتم"), ("فسيتم", "يتم"), ("ستظل", "تظل"),
    ("سياف", "سياف"), ("سيدا", "سيد"), ("وسيطا", "وسيط"),
    ("لقواتها", "قوه"), ("بدورها", "دور"), ("بنفسها", "نفس"), ("بخطتها", "خطه"),
    ("كشفتها", "كشفت"), ("كلفها", "كلف"), ("كاهلها", "كاهل"),
])
def test_broad_terms_of_stacked_and_radical_letters(word, term):
    from archive.arabic import broad_term

    assert broad_term(word) == term


def test_without_the_word_counts_the_letters_are_read_as_lucene_reads_them(monkeypatch):
    from archive.arabic import lexicon, stem, stemming

    monkeypatch.setattr(lexicon, "_counts", {})
    for word in ("وكاليفورنيا", "وافق", "سيتم", "لقواتها"):
        assert stemming.broad_stem(word) == stem(word)
