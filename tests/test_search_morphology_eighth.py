"""Search sees every form of a word: the eighth round.

The sentences are written for the probes; no corpus text is copied.

``stacked``  و + a preposition + a ة word with a pronoun: the ة read from
             the ت before the pronoun is a ة, no pronoun ه (ولقبيلته is
             و + ل + قبيلة + ه, never قبيل "shortly before"); not where
             the ت is also a verb's (فبمنحته: منحت "she granted" is
             written), where both readings stay open
``dual``     a ة word's dual in construct with a pronoun (جثتيهما, رئتيه):
             a word takes one pronoun, so تي before one is the dual's, not
             ي "my"; of a short word the commoner reading (بيتيها is بيت)
"""
import pytest

from tests.test_search_morphology import probe_tests

pytestmark = pytest.mark.django_db

MUST_MATCH = [
    ("stacked", "القبيلة", "ولقبيلته نفوذ واسع في القرى"),
    ("stacked", "المدرسة", "وبمدرسته مكتبة كبيرة"),
    ("stacked", "الحكومة", "ولحكومته موقف آخر من الاتفاق"),
    ("dual", "جثة", "عثر الأهالي على جثتيهما قرب النهر"),
    ("dual", "مدينة", "دخل الجيش مدينتيها الكبريين"),
    ("dual", "رئة", "أصيب المريض في رئتيه"),
]

MUST_NOT_MATCH = [
    ("stacked", "قبيل", "ولقبيلته نفوذ واسع في القرى"),
    ("stacked", "مكان", "وبمكانتها تفخر المدينة"),
    ("dual", "بيه", "هدم الجيش بيتيها في القرية"),
]

KNOWN_FAILURES = {}


probe_archive, test_a_word_finds_its_forms, test_a_word_does_not_find_another_word = \
    probe_tests(MUST_MATCH, MUST_NOT_MATCH, KNOWN_FAILURES)


@pytest.mark.parametrize("word, term", [
    ("ولقبيلته", "قبيله"), ("جثتيهما", "جثه"), ("مدينتيها", "مدينه"), ("بيتيها", "بيت"),
    ("كريستينا", "كريستينا"),   # no تي + نا: a name
])
def test_broad_terms_of_stacked_and_dual_forms(word, term):
    from archive.arabic import broad_term

    assert broad_term(word) == term
