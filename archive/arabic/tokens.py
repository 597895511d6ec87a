"""Cutting text into words (:func:`tokenize`), with offsets into the
caller's original string."""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator, NamedTuple

from archive.arabic.normalise import _PRESENTATION_TABLE, _REMOVED, _as_text, strip_marks


# ---------------------------------------------------------------------------
# tokenize
# ---------------------------------------------------------------------------

class Token(NamedTuple):
    """A word as it stands in the input: ``text == input[start:end]``."""

    text: str
    start: int
    end: int


def _mark_ranges() -> str:
    """A regex character class body for every combining mark (Mn, Mc, Me).

    Built from this Python's Unicode database so it can never disagree with
    ``unicodedata``. Marks outside planes 0-3 and 14 do not exist (planes 4-13
    are unassigned, 15-16 are private use), so only those are scanned.
    """
    ranges, start, prev = [], None, None
    cps = list(range(0, 0x40000)) + list(range(0xE0000, 0xF0000))
    for cp in cps:
        if unicodedata.category(chr(cp))[0] == "M":
            if start is None:
                start = prev = cp
            elif cp == prev + 1:
                prev = cp
            else:
                ranges.append((start, prev))
                start = prev = cp
    if start is not None:
        ranges.append((start, prev))
    return "".join(
        "\\U%08x" % a if a == b else "\\U%08x-\\U%08x" % (a, b) for a, b in ranges
    )


def _dead_letters() -> str:
    """Word characters that strip_marks deletes entirely (tatweel, the small
    Quranic waw/yeh, presentation forms of lone harakat): they may sit inside a
    word but cannot make one on their own, or a line of tatweel would become
    an empty term."""
    candidates = set(_REMOVED) | set(map(chr, _PRESENTATION_TABLE))
    dead = sorted(
        ch for ch in candidates
        if ch.isalnum() and not any(c.isalnum() for c in strip_marks(ch))
    )
    return "".join("\\U%08x" % ord(ch) for ch in dead)


_MARKS = _mark_ranges()
_DEAD = _dead_letters()
# Inside a word: letters and digits (\w without the underscore), combining
# marks, ZWNJ/ZWJ (Persian and Kurdish write them inside words: پێشمه‌رگه) and
# the soft hyphen (an invisible hyphenation point inside a word). Tatweel is a
# \w character (category Lm), so it is covered by the first alternative.
_RUN_RE = re.compile("(?:[^\\W_]|[%s\u200c\u200d\u00ad])+" % _MARKS)
# A word must contain a letter or digit that survives strip_marks.
_BASE_RE = re.compile("(?![%s])[^\\W_]" % _DEAD) if _DEAD else re.compile("[^\\W_]")


# One pass: a word starts at a letter or digit that survives strip_marks
# (leading marks, joiners and tatweel have no letter to sit on and are left
# out), then runs on through letters, digits, marks and joiners. The same
# words as finding each _RUN_RE run and its first _BASE_RE letter, in one scan.
_WORD_RE = re.compile(
    ("(?![%s])" % _DEAD if _DEAD else "")
    + "[^\\W_](?:[^\\W_]|[%s\u200c\u200d\u00ad])*" % _MARKS
)


#: Token's own constructor without the keyword-argument layer NamedTuple
#: puts in front of it: tokenizing makes one Token per word of every text
#: tagged or indexed, so this is on the import's hot path.
_new_token = tuple.__new__


def _iter_tokens(text: str) -> Iterator[Token]:
    for match in _WORD_RE.finditer(text):
        yield _new_token(Token, (match.group(), match.start(), match.end()))


def tokenize(text: str) -> list[Token]:
    """Split text into words, keeping the original substring and its offsets.

    A word is a maximal run of letters and digits in which combining marks,
    tatweel, ZWNJ/ZWJ and soft hyphens stay *inside* the word: Whoosh's ``\\w+``
    would cut المُفاوَضات into three at its harakat. Everything else splits:
    spaces, punctuation, hyphens, quotes, slashes, brackets and the underscore
    (``[بغداد_اين]`` is two words). A run that is only marks or tatweel is not a
    word.
    """
    return [_new_token(Token, (match.group(), match.start(), match.end()))
            for match in _WORD_RE.finditer(_as_text(text))]
