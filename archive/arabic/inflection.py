"""Inflections the suffix loop does not know, decided by the grammar and the
corpus counts (:mod:`archive.arabic.lexicon`): the accusative's ا
(:func:`_accusative_base`), a final ى written ا before a pronoun
(:func:`_alef_maqsura_reading`) and a name's ان that is no dual
(:func:`_name_ending`)."""
from __future__ import annotations

from archive.arabic.lexicon import _free, _with_article

_ALEF = "\u0627"
_FOLDED_ALEF_MAQSURA = "\u064a"     # ى after fold
#: Endings with a final ا that are no accusative: a pronoun (ها نا هما كما), a
#: verb's plural (وا).
_NOT_ACCUSATIVE = ("ها", "نا", "وا", "هما", "كما")
#: How often a form must be written after ب or ل (which govern the genitive)
#: to be no accusative.
_MIN_GENITIVE = 5
#: A form written after the article this share as often as alone is a word
#: of its own (العليا), not an accusative (الفرعا, 7 against فرعا 152, is a
#: slip of the text).
_MAX_DEFINITE_SHARE = 0.25
#: A ين beside an ان written less than this share as often: the ان is part of
#: a name (حمدان, فرحان, سكران), not a dual whose oblique ين news writes
#: at least as often (الطرفين 1,007 against الطرفان 272).
_MIN_OBLIQUE_SHARE = 0.5


def _accusative_base(counts: dict, word: str) -> str | None:
    """``word`` without the accusative's ا (tanwin fath: فرعا, سؤالا, رسميا,
    مشيرا → فرع, سؤال, رسمي, مشير), or None. Taken where the grammar and the
    counts agree: what is left (3 letters or more) is a noun, written after
    the article; the form itself (nearly) never is (an accusative with tanwin has no
    article: العليا is a word of its own); the form is never written after
    ب or ل, which take the genitive (بإيطاليا, لإسبانيا: Italy and Spain
    are no accusatives of إيطالي, إسباني); and it is written no more often
    than what is left (سوريا, أمريكا, تماما, أيضا are words of their
    own)."""
    if (len(word) < 4 or not word.endswith(_ALEF) or word.endswith(_NOT_ACCUSATIVE)
            or word.startswith("ال")):
        return None
    base = word[:-1]
    if (_with_article(counts, base) < 5
            or _with_article(counts, word) >= max(5, _MAX_DEFINITE_SHARE * counts.get(word, 0))):
        return None
    if counts.get("ب" + word, 0) + counts.get("ل" + word, 0) >= _MIN_GENITIVE:
        return None
    if counts.get(word, 0) > _free(counts, base):
        return None
    return base


def _alef_maqsura_reading(rest: str) -> str | None:
    """What is left of a word without its pronoun, ending in ا, read with
    the ى it stands for (رماه, بناها, مستواه, معناه: رمى, بنى, مستوى,
    معنى; folded ى is ي). A final ى is written ا before a suffix; which
    reading is the word is left to the counts."""
    if len(rest) >= 3 and rest.endswith(_ALEF):
        return rest[:-1] + _FOLDED_ALEF_MAQSURA
    return None


def _name_ending(counts: dict, word: str, rest: str) -> bool:
    """Is ``word``'s ان part of a name or adjective of its own (حمدان,
    فرحان, سكران, عثمان), not a dual of ``rest``: the oblique ين beside
    it is written less than half as often (a dual's is written at least as
    often in news)? A verb's ان (يقولان) is not asked about."""
    if not word.endswith("ان") or word.startswith(("ي", "ت")):
        return False
    return _free(counts, rest + "ين") < _MIN_OBLIQUE_SHARE * _free(counts, word)
