"""Lucene's ArabicStemmer, rule for rule (:func:`stem`): the broad stemmer
without the word counts, and the base that :mod:`archive.arabic.stemming`
steers."""
from __future__ import annotations

from archive.arabic.normalise import _as_text


# ---------------------------------------------------------------------------
# stem: Lucene's ArabicStemmer
# ---------------------------------------------------------------------------

# Order and contents exactly as ArabicStemmer.prefixes / .suffixes.
_STEM_PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "و")
_STEM_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")


def stem(folded_word: str) -> str:
    """Lucene's ArabicStemmer (Larkey's light stemmer), rule for rule.

    ``stemPrefix``: the first prefix of ال وال بال كال فال لل و that the word
    starts with *and* passes ``startsWithCheckLength`` is removed, and only that
    one: the one-letter و needs a word of at least 4 letters (3 left over), the
    others need prefix length + 2 (2 left over). A prefix that matches but is
    too long for the word is skipped and the next one tried, as in Lucene's
    loop.

    ``stemSuffix``: then each of ها ان ات ون ين يه ية ه ة ي *in that order* is
    removed if the word (as shortened so far) ends with it and is at least
    suffix length + 2 long (``endsWithCheckLength``). Several suffixes can go
    (ساهدهات → ساهده → ساهد).

    Meant for :func:`fold`-ed words (ة is then already ه), but like Lucene it
    also handles unfolded ones.
    """
    word = _as_text(folded_word)
    n = len(word)
    for prefix in _STEM_PREFIXES:
        if len(prefix) == 1 and n < 4:      # wa- needs at least 3 letters left
            continue
        if n < len(prefix) + 2:             # the others need 2
            continue
        if word.startswith(prefix):
            word = word[len(prefix):]
            break
    for suffix in _STEM_SUFFIXES:
        if len(word) >= len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
    return word
