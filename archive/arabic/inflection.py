"""Inflections the suffix loop does not know, decided by the grammar and the
corpus counts (:mod:`archive.arabic.lexicon`): the accusative's ا
(:func:`_accusative_base`), a final ى written ا before a pronoun
(:func:`_alef_maqsura_reading`), a name's ان or ون that is no dual or
plural (:func:`_name_ending`, :func:`_varied_ending`) and a name's ة
(:func:`_name_marbuta`)."""
from __future__ import annotations

from archive.arabic.lexicon import _free, _with_article

_ALEF = "\u0627"
_TEH = "\u062a"                    # ت: ة written before a suffix
_FOLDED_TEH_MARBUTA = "\u0647"     # ة after fold
_MIN_FREE = 5
_FOLDED_ALEF_MAQSURA = "\u064a"     # ى after fold
#: Endings with a final ا that are no accusative: a pronoun (ها نا), a
#: verb's plural (وا).
_NOT_ACCUSATIVE = ("ها", "نا", "وا")
#: The dual pronouns, which end in ا too: an ending only where what is left
#: is a preposition (لهما) or a word written more often (قواتهما); متهما,
#: حكما are accusatives.
_DUAL_PRONOUNS = ("هما", "كما")
#: How often a form must be written after ب or ل (which govern the genitive)
#: to be no accusative.
_MIN_GENITIVE = 5
#: A form written after the article this share as often as alone is a word
#: of its own (العليا), not an accusative (الفرعا, 7 against فرعا 152, is a
#: slip of the text).
_MAX_DEFINITE_SHARE = 0.25
#: A ين beside an ان or ون written less than this share as often: the ending
#: is part of a name (حمدان, فرحان, سكران; فرعون, شارون), not a dual or
#: plural, whose oblique ين news writes at least as often as the dual's ان
#: (الطرفين 1,007 against الطرفان 272) and mostly several times as often
#: as the plural's ون (المقاتلين 1,100, المقاتلون 151).
_MIN_OBLIQUE_SHARE = {"ان": 0.5, "ون": 0.1}


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
    if word.endswith(_DUAL_PRONOUNS) and (
            word[:-3] in ("ل", "ب", "ك") or _free(counts, word[:-3]) >= max(5, counts.get(word, 0))):
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
    """Is ``word``'s ان or ون part of a name or word of its own, not a
    dual or plural of ``rest``: the oblique ين beside it is written less
    than :data:`_MIN_OBLIQUE_SHARE` as often (half for ان: حمدان, فرحان,
    سكران, عثمان; a tenth for ون: فرعون, شارون, صالون, الغابون, whereas
    news writes a plural's ين several times as often as its ون)? A verb's
    ending (يقولان, يقولون) is not asked about."""
    suffix = word[-2:]
    if suffix not in _MIN_OBLIQUE_SHARE or word.startswith(("ي", "ت")):
        return False
    return _free(counts, rest + "ين") < _MIN_OBLIQUE_SHARE[suffix] * _free(counts, word)


#: A ة word written at least this often ...
_MIN_NAME_COUNT = 5
#: ... and after the article less than this share as often is a name (جبلة,
#: نورة, a town and a woman): a ة noun or adjective that common is written
#: with the article too.
_MAX_NAME_DEFINITE_SHARE = 0.02
#: ... where the word without ة is a noun written this often after the
#: article (النور, الجبل), which the name would otherwise meet. (Without
#: that, a feminine adjective or a verbal noun in construct, never written
#: with the article either, would lose its masculine: مسرعة, مستعدة, تلبية.)
_MIN_NOUN_COUNT = 20


def _name_marbuta(counts: dict, word: str) -> bool:
    """Is ``word`` (folded, typed with a final ة) a name that keeps its ة:
    written, almost never after the article, with no ات plural (a noun in
    construct has one: مفاوضة, مفاوضات), while the word without ة is a
    noun written with it (جبلة is no جبل, نورة no نور)? Asked only of a
    word typed with ة: folded, a final ه is also the pronoun (جيشه, never
    after the article either)."""
    own = counts.get(word, 0)
    return (own >= _MIN_NAME_COUNT and _with_article(counts, word) < _MAX_NAME_DEFINITE_SHARE * own
            and _with_article(counts, word[:-1]) >= _MIN_NOUN_COUNT
            and _free(counts, word[:-1] + "ات") < _MIN_NAME_COUNT)


#: The other number/case endings that a true dual or plural ending has
#: beside it (see _varied_ending).
_SIBLING_ENDINGS = {"ين": ("ون", "ان"), "ون": ("ين",), "ان": ("ين",)}


def _varied_ending(counts: dict, word: str, rest: str, suffix: str) -> bool:
    """Is ان ين ون an ending of ``rest`` the corpus varies, as plurals and
    duals do: another of them (المقاتلين beside المقاتلون, الطرفين beside
    الطرفان), or the feminine (مؤكدين beside the commoner مؤكدة)? A verb's
    ending (يقولون, يؤكدان) always is. البحرين, الزيتون, شاهين, سلمان
    are written with one ending only: it is part of the word."""
    if word.startswith(("ي", "ت")) and suffix != "ين":
        return True
    if any(_free(counts, rest + other) >= _MIN_FREE for other in _SIBLING_ENDINGS[suffix]):
        return True
    if suffix != "ون" and rest.endswith(_TEH) and _free(
            counts, rest[:-1] + _FOLDED_TEH_MARBUTA) >= max(_MIN_FREE, _free(counts, word)):
        return True     # the dual of a ة word: فترتين, الفئتين
    return suffix != "ان" and _free(counts, rest + _FOLDED_TEH_MARBUTA) >= max(
        _MIN_FREE, _free(counts, word))
