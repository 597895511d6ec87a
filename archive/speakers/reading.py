"""Reading words as parts of names: the article as written, a proclitic or
not, clause breaks, family names and given names by the corpus counts, and
:class:`Quoted`, a person found speaking."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
import functools
import re

from archive.arabic import _word_counts, fold, strip_marks, tokenize, written
from archive.speakers.vocabulary import (
    REPORTING_VERBS, ROLE_VERBS, STOP, TITLES, UNNAMED, _BREAK_CHARS, _FAMILY_NAME_RATIO,
    _IN_NAME_OF, _ROLE_QUALIFIERS,
)


@dataclass(frozen=True)
class Quoted:
    """A person the text quotes: ``text[start:end]`` is the name as written,
    ``role`` what the text calls them ("وزير الخارجية التركي")."""

    name: str
    role: str
    start: int
    end: int


def _has_article(tokens, j) -> bool:
    """Does word j carry the article as written? Folding turns إلسا and
    أليكس into "السا", "اليكس"; the written word tells a name from ال."""
    word = tokens[j].text
    if word.startswith("ال"):
        return True
    return word.startswith(("وال", "لل", "بال", "فال")) and _proclitic_article(word)


@functools.lru_cache(maxsize=65536)
def _proclitic_word(word: str) -> bool:
    """Is the folded word ب/ل + a common word, by the corpus: what is left
    is written at least a thousand times and eight times as often as the
    whole (بأول: أول; بحدوث: حدوث; بصوت), not a name (برايان، بيليه، بكير:
    رايان، يليه are rarer)?"""
    if len(word) < 4 or word[0] not in "بل" or word.startswith("ال"):
        return False
    rest = written(word[1:])
    return rest >= 1000 and rest >= 8 * written(word)


@functools.lru_cache(maxsize=65536)
def _proclitic_article(word: str) -> bool:
    """وال/بال/فال/لل + a word the corpus writes with the article; فالح،
    فاليري، والتر are names (the corpus never writes الح، اليري، التر)."""
    word = strip_marks(word)
    counts = _word_counts()
    rest = word[2:] if word.startswith("لل") else word[3:]
    return not counts or counts.get(fold("ال" + rest), 0) >= 5


def _has_article_text(word: str) -> bool:
    return strip_marks(word).startswith("ال")


def _words(text):
    tokens = tokenize(text)
    return tokens, [fold(t.text) for t in tokens]


#: Titles written as a letter and a full stop: "د. محمد أبو العلا" (دكتور).
_ABBREVIATED = frozenset({"د"})


class _Breaks:
    """broken[i]: is there sentence or clause punctuation after word i?
    Read once per text from where the punctuation stands (the modules that
    read one article share it: the same tokens, the same answer)."""

    _last = (None, None, frozenset(), [])

    def __init__(self, text, tokens):
        last_tokens, last_text, found, starts = _Breaks._last
        if last_tokens is not tokens or last_text is not text:
            starts = [t.start for t in tokens]
            found = frozenset(self._read(text, tokens, starts))
            _Breaks._last = (tokens, text, found, starts)
        self.found = found
        #: where each word starts, in order (for bisect)
        self.starts = starts

    @staticmethod
    def _read(text, tokens, starts):
        n = len(tokens)
        found = set()
        for m in _BREAK_RE.finditer(text):
            at = m.start()
            i = bisect.bisect_right(starts, at) - 1
            if i < 0 or i >= n - 1 or i in found or at < tokens[i].end:
                continue
            if m.group() == "." and tokens[i].text in _ABBREVIATED \
                    and text[tokens[i].end:tokens[i + 1].start].strip() == ".":
                continue          # "د. محمد": a title, not a full stop
            found.add(i)
        return found

    def __getitem__(self, i):
        return i in self.found


_BREAK_RE = re.compile("[" + re.escape("".join(sorted(_BREAK_CHARS))) + "]")


#: The words some reader of the speakers package looks for (each module
#: registers its own with :func:`watch`): one pass over an article's words
#: finds them all, and each reader filters that short list.
_watched: frozenset = frozenset()
_last_positions: tuple = (None, [])


def watch(*vocabularies) -> None:
    global _watched, _last_positions
    _watched = _watched.union(*vocabularies)
    _last_positions = (None, [])


def positions(folded, vocabulary) -> list[int]:
    """The indexes of the words of ``folded`` that are in ``vocabulary``
    (which must be a watched one), in order."""
    global _last_positions
    last, found = _last_positions
    if last is not folded:
        found = [i for i, w in enumerate(folded) if w in _watched]
        _last_positions = (folded, found)
    return [i for i in found if folded[i] in vocabulary]


def _is_role_word(word: str, written: bool) -> bool:
    """``written``: the word carries the article as written (_has_article)."""
    return word in TITLES or written or word in _IN_NAME_OF or word in _ROLE_QUALIFIERS


def _construct_of_role(folded, tokens, j, k) -> bool:
    """"لحقوق الإنسان", "لشؤون اللاجئين", "بهيئة الهلال الأحمر", "بقيادة حرس
    الحدود": ل/ب + a noun + a noun with the article (or a body's noun)
    continues a role (مدير المرصد السوري لحقوق الإنسان); so does في/لدى + a
    word with the article ("القيادي في الحشد الشعبي X", "سفير فرنسا لدى
    الأمم المتحدة X")."""
    if j <= k or j + 1 >= len(folded):
        return False
    word = folded[j]
    if word in _IN_PLACE:           # "في أمانة منطقة حائل X", "في جنوب إسرائيل X": a body or a region too
        return (_has_article(tokens, j + 1) or folded[j + 1] in UNNAMED or folded[j + 1] in _COMPASS) \
            and not _article_written_name(tokens, folded, j + 1)
    if word.startswith("ل") and not word.startswith("لل"):
        return _has_article(tokens, j + 1)
    # ب + a noun the corpus writes more often alone (بهيئة: هيئة); بشار and
    # برهم are names
    return word.startswith("ب") and not word.startswith("بال") and len(word) > 3 \
        and (_has_article(tokens, j + 1) or folded[j + 1] in UNNAMED) and written(word[1:]) > 5 * written(word)


_IN_PLACE = frozenset({fold("في"), fold("لدى")})
_COMPASS = frozenset(fold(w) for w in ("جنوب", "شمال", "شرق", "غرب", "وسط", "جنوبي", "شمالي", "شرقي", "غربي"))


@functools.lru_cache(maxsize=4096)
def _unwritten_bare(word: str) -> bool:
    """Is the folded word ال… rare, with and without its ال, and never
    written in the feminine (اليكسي، اليسا: a name that begins with ال; not
    an adjective such as الكولومبي, which has الكولومبية, nor a title)?"""
    counts = _word_counts()
    if not counts or word in TITLES or word.endswith(_INFLECTED):
        return False          # الزائرة، الديمقراطيين: a noun or an adjective
    rest = word[2:]
    return counts.get(rest, 0) <= 200 and 0 < counts.get(word, 0) <= 300 \
        and not any(counts.get(word + end, 0) or counts.get(rest + end, 0) for end in _INFLECTED)


#: Endings of the feminine and the plurals: a word that takes them is a noun
#: or an adjective (المتظاهر: المتظاهرون), not a given name.
_INFLECTED = (fold("ة"), "ين", "ون", "ات")


def _article_written_name(tokens, folded, j) -> bool:
    """Is word j a given name that begins with ال as written (اليكسي
    زياتسيف): the corpus never writes it without ال, and a plain word of the
    name follows it?"""
    word = folded[j]
    if not word.startswith("ال") or len(word) < 5 or j + 1 >= len(folded) or j > 0 and (
            folded[j - 1] in STOP or folded[j - 1] in TITLES or _has_article(tokens, j - 1)):
        return False          # "في النيبال ستيف …", "الرئيس الباراغوياني خوان …": not a given name
    nxt = folded[j + 1]
    if _has_article(tokens, j + 1) or nxt in STOP or nxt in TITLES or nxt in REPORTING_VERBS or len(nxt) < 3 \
            or _written_with_article(nxt) or nxt.endswith("ه"):
        return False          # "وقال المرغلاني إجابة عن": a noun follows, not a second name
    if j + 2 < len(folded) and folded[j + 2] not in STOP and folded[j + 2] not in REPORTING_VERBS \
            and tokens[j + 2].start - tokens[j + 1].end < 2:
        return False          # two words, then the sentence goes on with no particle or comma
    return _unwritten_bare(word)


def _family_name(word: str) -> bool:
    """Is the folded word ال… a family name, by how the corpus writes it?"""
    if len(word) < 5 or not word.startswith("ال") or word in UNNAMED:
        return False
    counts = _word_counts()
    with_article = counts.get(word, 0)
    return with_article >= 5 and counts.get(word[2:], 0) * _FAMILY_NAME_RATIO < with_article


def _name_starts(text, tokens, folded, i) -> bool:
    """Does a name begin at word i by position: after a verb, a title or
    role word? Then بدر، وليد، لؤي may be given names, not a proclitic and a
    word (if the corpus writes them more often than what the proclitic
    would leave: بدر against در, not لشركة against شركة)."""
    if i == 0 or any(ch in _BREAK_CHARS for ch in text[tokens[i - 1].end:tokens[i].start]):
        return False         # "ووجد الباحثون": a verb begins the sentence
    before = folded[i - 1]
    return before in REPORTING_VERBS or before in ROLE_VERBS or before in TITLES or _has_article(tokens, i - 1)


def _written_ali(text, tokens, folded, broken, j) -> bool:
    """Is word j the name علي (Ali), not the preposition على that it folds
    to? Written with ي and followed by more of a name (علي خامنئي)."""
    if strip_marks(tokens[j].text) != "علي" or j + 1 >= len(tokens) or broken[j]:
        return False
    nxt = folded[j + 1]
    return nxt not in STOP and nxt not in TITLES and nxt not in REPORTING_VERBS and not nxt.startswith("ضرور")


def _written_with_article(word: str, times: int = 3) -> bool:
    """Does the corpus write the folded word with the article too (محطات:
    المحطات), as a noun, which a given name rarely is?"""
    return _word_counts().get("ال" + word, 0) >= times
