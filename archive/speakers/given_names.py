"""Given names and common nouns told apart by the corpus counts, not by
word lists: how often a word opens a name right after a rank or honorific
("العقيد X", "الدكتور X", "الشيخ X": :data:`NAME_OPENERS_PATH`, built by
scripts/build_name_openers.py) against how often the corpus writes it with
the article (:data:`archive.arabic.WORD_COUNTS_PATH`). A given name opens
names and is rarely written with the article (محمد، فواز، ستانلي); a common
noun never opens a name and is often written with the article (مجلة، قاضية،
هزيمة، إصابة)."""
from __future__ import annotations

import functools
from pathlib import Path

from archive.arabic import _word_counts
from archive.arabic.lexicon import read_counts
from archive.speakers.reading import _family_name
from archive.speakers.vocabulary import STOP

#: How often each folded word opens a name after a rank or honorific in the
#: 62,199-article corpus (at least twice). Counts of single words, never text.
NAME_OPENERS_PATH = Path(__file__).resolve().parent.parent / "lexicon" / "name_openers.tsv.gz"
#: How often each folded word opens a name after a title and a nisba
#: ("الرئيس الفرنسي إيمانويل"), and how often it follows a name's opener
#: ("إيمانويل ماكرون", "العقيد رايان ديلون"): where the corpus names the
#: foreign people a rank seldom precedes (built by scripts/build_titled_names.py).
TITLED_NAMES_PATH = Path(__file__).resolve().parent.parent / "lexicon" / "titled_names.tsv.gz"

#: A word that opened a name this often, and in at least one of every
#: two hundred times the corpus writes it, is a given name, whatever else it is
#: (سعيد، جميل، نبيل، كريم are adjectives too; باحثون twice after a rank is noise).
_OPENS_NAMES = 3
_OPENS_SHARE = 200
#: ... or opened a name after a title and a nisba in at least one of every
#: six times it is written (إيمانويل 524 of 975, مايك 321 of 926, سيرغي 164
#: of 898; not يزور 52 of 521, لحقوق 175 of 1,911, أهمية 41 of 3,654).
_TITLED_SHARE = 6
#: Common-noun evidence: written with the article at least this often ...
_MIN_WITH_ARTICLE = 50
#: ... and at least this share of its bare count (مجلة 0.36 is not enough
#: alone; قاضية 1.9, هزيمة 0.8, إصابة 0.8 are nouns; ناصر 0.19, صالح 0.09,
#: سعيد 0.28 are names).
_ARTICLE_SHARE = 0.5
#: A word the corpus writes this often that never opens a name is a common
#: word even with a smaller article share (شخص).
_VERY_COMMON = 3000
_VERY_COMMON_SHARE = 0.1
#: A word written this often that never once opens a name after a rank,
#: and that the corpus also writes with the article, is a common word
#: (وجود 6,137 times، دار 1,109); a foreign given name the ranks never
#: precede is rarer or never takes the article (ماريا 679, none with it).
_COMMON_NEVER_NAME = 1000
#: An adjective after a noun ("مجلة فرنسية", "باحثون أمريكيون"): a nisba
#: written with the article at least twice as often as without.
_NISBA_ENDS = ("ي", "يه", "يون", "يين", "يان")
_ADJECTIVE_RATIO = 2
_MIN_ADJECTIVE = 100

@functools.cache
def _opener_counts() -> dict:
    """Empty when the file is missing or damaged: no evidence either way."""
    return read_counts(NAME_OPENERS_PATH)


@functools.cache
def _titled_counts() -> dict:
    """{word: (opens after a title and a nisba, follows an opener)}; empty
    when the file is missing or damaged."""
    return read_counts(TITLED_NAMES_PATH, columns=2)


#: A word seen in names (after ranks, after a title and a nisba, after an
#: opener) at least twice, and in at least one of every two hundred of the
#: times the corpus writes it (the given names' share, _OPENS_SHARE), is a
#: word of people's names (ماكرون: none after ranks, 519 after an opener;
#: كريستيانو 15 of 1,008); a common word is seen there by chance among
#: thousands of other uses (ارتفاع 8 of 4,915).
_IN_NAMES = 2
_IN_NAMES_SHARE = _OPENS_SHARE


@functools.lru_cache(maxsize=65536)
def name_word(folded_word: str) -> bool:
    """Does the corpus use this folded word in people's names: a given name
    by the ranks, or a word that opens or goes on names after titles and
    ranks often enough for how often it is written at all?"""
    if given_name(folded_word):
        return True
    first, second = _titled_counts().get(folded_word, (0, 0))
    seen = first + second + opens_names(folded_word)
    return seen >= _IN_NAMES and seen * _IN_NAMES_SHARE >= _word_counts().get(folded_word, 0)


def opens_names(folded_word: str) -> int:
    """How often the corpus has this folded word right after a rank or
    honorific, opening a name."""
    return _opener_counts().get(folded_word, 0)


@functools.lru_cache(maxsize=65536)
def given_name(folded_word: str) -> bool:
    """Does the corpus use this folded word as a given name: after ranks or
    after a title and a nisba ("الرئيس الفرنسي إيمانويل", where foreign
    given names stand), and not only by chance among many other uses?"""
    opened = opens_names(folded_word)
    titled = _titled_counts().get(folded_word, (0, 0))[0]
    if opened < _OPENS_NAMES and titled < _OPENS_NAMES:
        return False
    written = _word_counts().get(folded_word, 0)
    if opened >= _OPENS_NAMES and opened * _OPENS_SHARE >= written:
        return True
    # After a title and a nisba the object of a verb before them stands too
    # ("أكد وزير الخارجية السعودي أهمية …", "الرئيس التركي يزور …"): only a
    # word the corpus writes mostly there is a given name by that count.
    return titled >= _OPENS_NAMES and titled * _TITLED_SHARE >= written


@functools.lru_cache(maxsize=65536)
def common_noun(folded_word: str) -> bool:
    """Is this folded word a common noun rather than a given name, by the
    corpus counts? Particles (على, which علي folds to) are left to the rules
    that read them; a word that opens names often is a name."""
    if folded_word in STOP or given_name(folded_word):
        return False
    counts = _word_counts()
    bare = counts.get(folded_word, 0)
    with_article = counts.get("ال" + folded_word, 0)
    if with_article < _MIN_WITH_ARTICLE:
        return False
    return with_article >= _ARTICLE_SHARE * bare or (
        bare + with_article >= _VERY_COMMON and with_article >= _VERY_COMMON_SHARE * bare) or (
        bare >= _COMMON_NEVER_NAME and opens_names(folded_word) == 0)


@functools.lru_cache(maxsize=65536)
def adjective(folded_word: str) -> bool:
    """Is this folded word a nisba adjective ("فرنسية", "أمريكيون") by the
    corpus counts: written with the article far more often than without?"""
    if not folded_word.endswith(_NISBA_ENDS) or given_name(folded_word):
        return False
    counts = _word_counts()
    with_article = counts.get("ال" + folded_word, 0)
    return with_article >= _MIN_ADJECTIVE and with_article >= _ADJECTIVE_RATIO * counts.get(folded_word, 0)


def noun_phrase(folded_words) -> bool:
    """Is a name found without a title ("قاضية أمريكية", "هزيمة سيرينا",
    "مجلة فرنسية") a noun phrase instead: its first word a common noun, or
    a word that never opens a name followed by an adjective? Not when it
    ends with a family name (ال… written far more often with the article
    than without)."""
    words = list(folded_words)
    if not words or words[0] in STOP or len(words) >= 2 and _family_name(words[-1]):
        return False         # علي; "جبار اللعيبي", "أحلام الثقفي": a family name ends a person's name
    first = words[0]
    if common_noun(first):
        return True
    return len(words) >= 2 and not given_name(first) and adjective(words[-1])
