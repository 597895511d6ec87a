"""Words to index terms, exact and broad, with the per-word memos the hot
paths use."""
from __future__ import annotations

from functools import lru_cache

from archive.arabic.normalise import _as_text, _fold_letters, strip_marks
from archive.arabic.stemming import broad_stem
from archive.arabic.stopwords import is_stopword
from archive.arabic.tokens import _iter_tokens

#: Changes whenever the analysis gives different terms for the same text
#: (folding, stemming or WORD_COUNTS_PATH): an index built with another
#: version must be rebuilt (check_index says so).
ANALYSIS_VERSION = "2026-12-morphology-10"


def exact_term(word: str) -> str:
    """The exact-mode term for one word: :func:`strip_marks`."""
    return strip_marks(word)


def exact_terms(text: str) -> list[str]:
    """Exact-mode terms of a text: every word, marks stripped, no stop words
    removed (in exact mode "في" is something one may be looking for)."""
    terms = []
    for token in _iter_tokens(_as_text(text)):
        term = strip_marks(token.text)
        if term:
            terms.append(term)
    return terms


# Per-word memos for the hot paths (indexing analyses every word of every
# article; the same few hundred thousand words recur). Words only, never whole
# texts, and bounded, so memory stays flat over a long import.
_word_strip = lru_cache(maxsize=1 << 18)(lambda word: strip_marks(word))
_word_fold = lru_cache(maxsize=1 << 18)(lambda typed: _fold_letters(typed))
_word_stem = lru_cache(maxsize=1 << 18)(
    lambda folded, marbuta=None: broad_stem(folded, marbuta))
#: A final ة as typed: folding writes it ه, like the pronoun, and the
#: stemmer must know it is none (بمظاهرة is no ب + مظاهر + ه).
_TEH_MARBUTA = "\u0629"


def _final_teh_marbuta(typed: str) -> bool | None:
    """Was this word (strip_marks form) typed with a final ة (True), a final
    ه (False), or neither (None)? See broad_stem's ``marbuta``."""
    if typed.endswith(_TEH_MARBUTA):
        return True
    return False if typed.endswith("\u0647") else None


def _broad(typed: str) -> str | None:
    folded = _word_fold(typed)
    if not folded or is_stopword(folded, typed):
        return None
    stemmed = _word_stem(folded, _final_teh_marbuta(typed))
    # Stemming must not leave a one-letter term that would match everything
    # with that letter (e.g. a two-letter word losing a suffix).
    return stemmed if len(stemmed) >= 2 else folded


def broad_term(word: str) -> str | None:
    """The broad-mode term for one word: fold, drop stop words (``None``), stem.

    A word that would stem to fewer than 2 characters keeps its folded form.
    """
    return _broad(_word_strip(word))


def broad_terms(text: str) -> list[str]:
    """Broad-mode terms of a text, in order, stop words removed."""
    terms = []
    for token in _iter_tokens(_as_text(text)):
        term = _broad(_word_strip(token.text))
        if term:
            terms.append(term)
    return terms
