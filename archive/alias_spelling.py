"""One gazetteer spelling and one word of text, as the alias matcher reads
them (:mod:`archive.alias_index`): the :class:`Match` it reports, a folded
spelling and the entities that use it (:class:`Alias`), the ways a text word
can begin a spelling (:class:`Candidate`: a proclitic stripped, the article
added or dropped), and the arithmetic between folded and written characters
that puts a match back on the text as written."""
from __future__ import annotations

from dataclasses import dataclass

from archive.arabic import fold

KINDS = ("outlet", "speaker", "place", "force")

ARTICLE = "ال"
SHORT_ALIAS = 4            # rule 4: fewer letters than this is "short"
#: Marks a weak alias in the gazetteer: "~كينغز".
WEAK_MARK = "~"


@dataclass(frozen=True)
class Match:
    """One mention: ``text[start:end]`` is the name as written, without an
    attached و ف ب ل ك (so highlighting marks الحشد الشعبي in والحشد الشعبي;
    the لل of للبيشمركة holds the article and is kept); ``alias`` is the
    gazetteer spelling that matched."""

    kind: str
    pk: int
    start: int
    end: int
    alias: str



def split_article(word: str) -> tuple[bool, str]:
    """(has article, rest). A word is only read as ال + rest if the rest has
    at least 2 letters (الو is not ال + و)."""
    if word.startswith(ARTICLE) and len(word) >= len(ARTICLE) + 2:
        return True, word[len(ARTICLE):]
    return False, word


class Alias:
    """One distinct folded word sequence and the entities that use it."""

    __slots__ = ("words", "article", "core", "letters", "owners", "resolved")

    def __init__(self, words: tuple[str, ...]):
        self.words = words
        self.article, self.core = split_article(words[0])
        self.letters = sum(len(w) for w in words)
        # (kind, pk) -> the entity's spellings that fold to these words,
        # each with its exact (strip_marks) words: كاكينز and كاگينز.
        self.owners: dict[tuple[str, int], list[tuple[str, tuple[str, ...]]]] = {}
        self.resolved: list[tuple[str, int, list[tuple[str, tuple[str, ...]]]]] = []

    @property
    def short(self) -> bool:
        return self.letters < SHORT_ALIAS

    def resolve(self):
        """Rule 6: keep only owners that are alone of their kind."""
        by_kind: dict[str, list] = {}
        for (kind, pk), spellings in self.owners.items():
            by_kind.setdefault(kind, []).append((pk, spellings))
        self.resolved = [
            (kind, owners[0][0], owners[0][1])
            for kind, owners in by_kind.items() if len(owners) == 1
        ]


class Candidate:
    """A way of reading one text word as the first word of an alias."""

    __slots__ = ("clitic_len", "article", "core", "rest_len", "clitic")

    def __init__(self, clitic: str, clitic_len: int, article: bool, core: str, rest_len: int):
        self.clitic = clitic            # the proclitic stripped ("" for none)
        self.clitic_len = clitic_len    # folded characters to skip in the word
        self.article = article
        self.core = core
        self.rest_len = rest_len        # letters left after the proclitic


def closest_spelling(spellings, written: list[str]) -> str:
    """Of an entity's spellings that fold alike (كاكينز, كاگينز), the one the
    text actually uses; else the first listed."""
    for spelling, exact in spellings:
        if len(exact) == len(written) and tuple(written[1:]) == exact[1:] \
                and written[0].endswith(exact[0]):
            return spelling
    return spellings[0][0]


def skip_folded(original: str, n: int) -> int:
    """How many characters of ``original`` make up its first ``n`` folded
    characters, plus any marks riding on them (the fatha of وَالحشد)."""
    if n <= 0:
        return 0
    i, acc = 0, 0
    while i < len(original) and acc < n:
        acc += len(fold(original[i]))
        i += 1
    while i < len(original) and not fold(original[i]):
        i += 1
    return i
