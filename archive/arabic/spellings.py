"""Other ways writers spell a word with a hamza (:func:`_canonical`): a
spelling or slip is read as the spelling the corpus writes far more often."""
from __future__ import annotations

import re
from typing import Iterator

from archive.arabic.lexicon import _free, _merge_table, _with_article
from archive.arabic.stopwords import STOPWORDS

_HAMZA = "\u0621"        # ء: every hamza seat after fold

#: A spelling of a hamza word is read as another spelling of it only if that
#: one is written this many times as often (and at least _MIN_CANONICAL
#: times): هيأة (under 5) is هيئة (4,274), but بار "bar" (63) is not بئر "well"
#: (287). (A known word with ي or و for the seat, such as قايد (67), is
#: never read as the hamza word: see _hamza_spellings.)
_CANONICAL_RATIO = 10
_MIN_CANONICAL = 20
#: A word the corpus writes in its own right with ي or و for a seat is read
#: as the hamza word only where the hamza spelling is written this many
#: times as often (see _known_seat_spellings): دايما (7) is دائما (2,384),
#: يوثر (5) يؤثر (735), قايد (67) قائد (2,557); فايز (176) is no فائز.
_KNOWN_SEAT_RATIO = 20
_MIN_FREE_DEFINITE = 5


def _hamza_spellings(word: str, unknown: bool = False, definite: bool = False) -> Iterator[str]:
    """Other ways writers spell a word with a hamza (folded forms):

    * أ after a ي inside the word for ئ: هيأة for هيئة (هياه / هيءه).
      Not أ elsewhere (الراية is not الرؤية, يامن not يؤمن), not the
      reverse (فئة would become فيه, مؤدية مادية);
    * ىء and ئ at the end: مبادىء and مبادئ (مباديء / مبادء), شيء and شئ;
    * the seat written before its و: روؤس and رؤوس (روءس / رءوس);
    * a dropped و after the hamza: مسؤل for مسؤول;
    * a dropped ء at the end after ا or و: أبنا for أبناء, هدو for هدوء,
      and after the article (``definite``) also after ي: الشي for الشيء;
    * in a word the corpus does not write (``unknown``), the hamza dropped
      onto its seat, ي for ئ and, where :func:`_waw_seat` says so, و for ؤ:
      قايمة for قائمة, رييس for رئيس, سوال for سؤال, موتمر for مؤتمر.
      Only there: a word written in its own right with ي or و is that word
      (فايز is a name, not فائز; سيل "torrent" is not سئل).

    Which of them is the word is left to the counts (:func:`_canonical`,
    which also takes out a letter typed three times in a word the corpus
    does not write, and reads مائة as مئة).
    """
    n = len(word)
    for i in range(1, n - 1):
        ch = word[i]
        if ch == "ا" and i >= 2 and word[i - 1] == "ي":      # هياه
            yield word[:i] + _HAMZA + word[i + 1:]
        elif ch == _HAMZA:
            if word[i + 1] == "و":
                yield word[:i] + "و" + _HAMZA + word[i + 2:]
            else:
                yield word[:i + 1] + "و" + word[i + 1:]
        if ch == "و" and word[i + 1] == _HAMZA and i + 2 < n:
            yield word[:i] + _HAMZA + "و" + word[i + 2:]
        if unknown and (ch == "ي" or ch == "و" and _waw_seat(word, i)):
            yield word[:i] + _HAMZA + word[i + 1:]
    if word.endswith("ي" + _HAMZA):
        yield word[:-2] + _HAMZA
    elif word.endswith(_HAMZA):
        yield word[:-1] + "ي" + _HAMZA
    elif word.endswith(("ا", "و")) or definite and word.endswith("ي"):
        yield word + _HAMZA         # أبنا, هدو; after the article الشي


def _known_seat_spellings(word: str) -> Iterator[str]:
    """The seats a writer drops even in words the corpus writes in their own
    right, with ء put back: ي after ا, the active participle's and the
    broken plural's ائ (دايما, الطايف, قايد, الزاير: دائما, الطائف, قائد,
    الزائر), و after the prefix م ت ي before a consonant (موكدا,
    يوثر, تودي: مؤكدا, يؤثر, تؤدي), and ي for a final ئ (طواري,
    الشواطي: طوارئ, الشواطئ). Not و before an alef (موات
    "favourable" is no مئات, الفوات no الفئات), nor ي elsewhere (تيدي,
    بيرة)."""
    for i in range(2, len(word) - 1):
        if word[i] == "ي" and word[i - 1] == "ا":
            yield word[:i] + _HAMZA + word[i + 1:]
    if len(word) >= 4 and word[0] in "متي" and word[1] == "و" and word[2] != "ا":
        yield word[0] + _HAMZA + word[2:]
    if len(word) >= 4 and word[-1] == "ي":
        yield word[:-1] + _HAMZA            # طواري, الشواطي: طوارئ, الشواطئ


def _waw_seat(word: str, i: int) -> bool:
    """Is the و at ``i`` where writers drop a hamza off ؤ: after the
    prefix م ت ي (موتمر, موسسة, توثر), before an alef (سوال), or between
    an alef and a final ل (تفاول, تساول)? Elsewhere a و is mostly a long
    vowel or a plural (شوت "shot", طاروا, سووا, راوده), which a hamza
    would turn into another word."""
    n = len(word)
    return ((i == 1 and word[0] in "متي")
            or (word[i + 1] == "ا" and i < n - 2)
            or (n >= 5 and word[i - 1] == "ا" and i == n - 2 and word[-1] == "ل"))


#: The old spelling of مئة "hundred" with a silent alef (مائة, مائتين):
#: both are common (538 and 329), so no ratio of counts can say they are one
#: word; the reform spelling is the term.
_SPELLING_DOUBLETS = {"ماءه": "مءه", "ماءتين": "مءتين", "ماءتان": "مءتان", "ماءتي": "مءتي",
                      "ماءات": "مءات"}

_TRIPLED_RE = re.compile(r"(.)\1\1")
#: Longer "words" (a 100,000-letter run) are not tried for other spellings.
_MAX_SPELLING_LENGTH = 24


def _untripled(counts: dict, word: str) -> str:
    """A word the corpus does not write, with a letter typed three times or
    more (الللاجئين, داعششش), read as the word with it once or twice,
    whichever the corpus writes (at least _MIN_CANONICAL times). Not a
    letter typed twice: باللبنان is بال + لبنان, not بالبنان."""
    best, best_count = word, _MIN_CANONICAL - 1
    for match in _TRIPLED_RE.finditer(word):
        start = match.start()
        end = start
        while end < len(word) and word[end] == word[start]:
            end += 1
        for keep in (1, 2):
            if keep < end - start:
                spelling = word[:start] + word[start] * keep + word[end:]
                count = counts.get(spelling, 0)
                if count > best_count and spelling not in STOPWORDS:
                    best, best_count = spelling, count
    return best


def _canonical(counts: dict, word: str, definite: bool = False, seats: bool = True) -> str:
    """The spelling of ``word`` (see :func:`_hamza_spellings`) the corpus
    writes :data:`_CANONICAL_RATIO` times as often as ``word`` itself, if
    any: a variant or slip is read as the word most writers mean, a word
    written often in its own right is left alone. ``definite``: the word
    stood after the article, so a final ا is no accusative ending
    (الخبرا is الخبراء). ``seats=False``: no ي or و is read as a hamza
    (``word`` is what is left of a word the corpus writes)."""
    if len(word) > _MAX_SPELLING_LENGTH:
        return word         # no word; and trying spellings would take time n²
    decided = _merge_table()[1].get(word)
    if decided is not None:
        return decided      # the merge model's (lexicon.MERGES_PATH)
    if word in _SPELLING_DOUBLETS:
        return _SPELLING_DOUBLETS[word]
    unknown = word not in counts
    if unknown and _TRIPLED_RE.search(word):
        word = _untripled(counts, word)
        unknown = word not in counts
    # Unknown also after the article: ألفية is rare, الألفية is not.
    unknown = unknown and seats and _free(counts, word) == 0
    # (Also in what is left of a word the corpus writes, ``seats=False``:
    # the ratio, not the word's own count, decides: الطواري is الطوارئ.)
    known_seats = not unknown and (
        ("اي" in word[1:-1]) or (word[:1] in ("م", "ت", "ي") and word[1:2] == "و")
        or (len(word) >= 4 and word[-1] == "ي"))
    if (not unknown and _HAMZA not in word and word[-1:] not in ("ا", "و")
            and "يا" not in word[1:-1] and not known_seats
            and not (definite and word[-1:] == "ي")):
        return word         # most words: no spelling to try
    # After the article, counted after the article: الشي (29) is الشيء
    # (1,164), though شي (Xi) alone is common.
    count_of = (lambda w: _with_article(counts, w)) if definite else (lambda w: counts.get(w, 0))
    best, best_count = word, max(_MIN_CANONICAL - 1, _CANONICAL_RATIO * count_of(word))
    # After the article, only a word written after the article: البراي
    # (never so written) is no البراء.
    known_seats = known_seats and (not definite or count_of(word) >= _MIN_FREE_DEFINITE)
    if known_seats:
        floor = max(best_count, _KNOWN_SEAT_RATIO * count_of(word))
        for spelling in _known_seat_spellings(word):
            if count_of(spelling) > floor:
                best, best_count = spelling, count_of(spelling)
                floor = best_count
    for spelling in _hamza_spellings(word, unknown, definite):
        count = count_of(spelling)
        if count <= best_count:
            continue
        # خبرا is خبر with the accusative ا, not خبراء "experts": a final ء
        # is restored only if the word with it is commoner than the word
        # without the ا (أبنا: أبناء 2,476, ابن 1,899).
        # (Only a noun takes it: شهدا is شهداء, شهد being a verb.)
        if (spelling == word + _HAMZA and word.endswith("ا") and not definite
                and not word.startswith("ال") and count < _with_article(counts, word[:-1])):
            continue
        best, best_count = spelling, count
    return best
