"""The Whoosh analyzers: the same words and terms as :mod:`archive.arabic.terms`,
as a Whoosh tokenizer and filters.

Whoosh pickles the schema, analyzers included, into the index's TOC, so
every class here is top-level, has no state (compiled regexes live at module
level) and compares equal to any other instance of itself.
"""
from __future__ import annotations

from whoosh.analysis import Filter, Tokenizer
from whoosh.analysis.acore import Token as _WhooshToken

from archive.arabic.normalise import _as_text
from archive.arabic.stopwords import is_stopword
from archive.arabic.terms import _final_teh_marbuta, _word_fold, _word_stem, _word_strip
from archive.arabic.tokens import _iter_tokens


class ArabicTokenizer(Tokenizer):
    """Whoosh tokenizer using :func:`tokenize`: ``startchar``/``endchar`` are
    offsets into the original value (plus ``start_char``), positions count
    from ``start_pos``. With ``tokenize=False`` the whole value is one token
    (Whoosh uses that for ranges, prefixes and wildcards)."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True,
                 mode="", **kwargs):
        value = _as_text(value)
        t = _WhooshToken(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        for pos, token in enumerate(_iter_tokens(value)):
            t.text = token.text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = token.text
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = start_char + token.start
                t.endchar = start_char + token.end
            yield t


class StripMarksFilter(Filter):
    """Exact mode: replace each token's text with :func:`strip_marks` of it."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = _word_strip(t.text)
            if t.text:
                yield t


class FoldFilter(Filter):
    """Broad mode: :func:`fold` each token. Keeps the strip_marks form in
    ``t.arabic_typed`` for :class:`ArabicStopFilter` (see STOPWORDS_AS_TYPED)."""

    def __call__(self, tokens):
        for t in tokens:
            typed = _word_strip(t.text)
            t.arabic_typed = typed
            t.text = _word_fold(typed)
            if t.text:
                yield t


class ArabicStopFilter(Filter):
    """Drops :data:`STOPWORDS` and renumbers positions so the words that remain
    are consecutive, starting at the first token's position (``start_pos``).
    Indexing and querying both go through this, so the phrase "قوات في بغداد"
    (query: قوات, بغداد at 0, 1) finds the indexed text (also 0, 1).

    With ``removestops=False`` (Whoosh's highlighter) stop words are kept,
    flagged ``stopped``, and share the position of the next kept word.
    """

    def __call__(self, tokens):
        next_pos = None
        for t in tokens:
            if t.positions and next_pos is None:
                next_pos = t.pos
            stopped = is_stopword(t.text, getattr(t, "arabic_typed", None))
            if stopped:
                if t.removestops:
                    continue
                t.stopped = True
                if t.positions:
                    t.pos = next_pos
                yield t
                continue
            t.stopped = False
            if t.positions:
                t.pos = next_pos
                next_pos += 1
            yield t


class ArabicStemFilter(Filter):
    """Broad mode: Lucene's light stemmer (:func:`stem`) on folded tokens; a
    token that would stem below 2 characters keeps its folded form. Marked as a
    morphological filter, as Whoosh's own StemFilter is, so Whoosh's
    ``no_morph`` callers get unstemmed terms."""

    is_morph = True

    def __call__(self, tokens):
        for t in tokens:
            if not t.stopped:
                typed = getattr(t, "arabic_typed", None)
                stemmed = _word_stem(t.text, _final_teh_marbuta(typed) if typed else None)
                if len(stemmed) >= 2:
                    t.text = stemmed
            yield t


def BroadAnalyzer():
    """Tokenize, fold, drop stop words, stem: the default search field."""
    return ArabicTokenizer() | FoldFilter() | ArabicStopFilter() | ArabicStemFilter()


def ExactAnalyzer():
    """Tokenize and strip marks only: the "exact spelling" search field."""
    return ArabicTokenizer() | StripMarksFilter()
