"""The snippet under each search result: about forty words around the
densest matches, with the matches marked.

What matches is decided by ``highlight`` (the words analysed as the index
analysed them); this module chooses the window and reads as little of the
text as it can, since a results page makes twenty snippets per request.
"""
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, chain

from django.utils.safestring import mark_safe
from html import escape

from archive import arabic
from archive.search.highlight import _broad, _exact, _first, _folded, _head, _limit, _match_tokens, render

SNIPPET_WORDS = 40
#: A snippet looks for matches in the first this many characters of a text
#: (issue 14: a 19 MB article that matched made every such search take 4-5 s).
SNIPPET_SCAN_CHARS = 50_000


def _best_window(count, matches, words):
    """The first token of the ``words``-token window (of ``count`` tokens)
    with the most distinct query parts, then the most matches, then the
    earliest. ``matches``: ``_match_tokens``' (first, last, key), in order."""
    hits = [(first, key) for first, _last, key in matches]
    hit_tokens = [h for h, _key in hits]
    last_start = max(0, count - words)
    best, best_score = 0, None
    for h in sorted(set(hit_tokens)):
        # Leave a little context before the first match.
        lo = min(max(0, h - words // 4), last_start)
        a = bisect_left(hit_tokens, lo)
        b = bisect_left(hit_tokens, lo + words)
        inside = hits[a:b]
        score = (len({key for _h, key in inside}), len(inside), -lo)
        if best_score is None or score > best_score:
            best, best_score = lo, score
    return best


@lru_cache(maxsize=1 << 16)
def _run_words(run):
    """The words of a run of text without a space, as ``arabic.tokenize`` splits it."""
    return tuple(t.text for t in arabic.tokenize(run))


@lru_cache(maxsize=1 << 12)
def _run_spans(run):
    """(start, end) of each word of a run, in the run."""
    return tuple((t.start, t.end) for t in arabic.tokenize(run))


#: Runs whose terms are remembered, per mode; emptied when full (a plain
#: dict: looking up a page's few thousand runs is the hot path here).
RUN_CACHE_SIZE = 1 << 16
_run_cache = {True: {}, False: {}}


def _runs_terms(runs, broad):
    """The index terms of each run's words (None for a word the index does not keep)."""
    cache = _run_cache[broad]
    found = list(map(cache.get, runs))
    if None in found:
        if len(cache) > RUN_CACHE_SIZE:
            cache.clear()
        analyse = _broad if broad else _exact
        for i, terms in enumerate(found):
            if terms is None:
                found[i] = cache[runs[i]] = tuple(map(analyse, _run_words(runs[i])))
    return found


class _SpacedText:
    """The words of a text whose only whitespace is single spaces (a
    snippet's text, its whitespace collapsed), read one space-separated run at
    a time.

    The same words, terms and offsets as ``arabic.tokenize`` of the whole
    text (no word crosses a space, and a word's start depends on nothing
    before it), at a fraction of the cost: the runs of one text recur in the
    next (the same words with the same punctuation), so each run's words and
    terms are remembered, and a word's offsets are worked out only for the
    few words a snippet shows or marks. Splitting twenty bodies word by word
    took most of a search page's time (docs/performance.md).
    """

    def __init__(self, text, broad):
        self.text = text
        self.broad = broad
        self.runs = text.split(" ") if text else []
        per_run = _runs_terms(self.runs, broad)
        #: The index terms of every word, in order.
        self.terms = list(chain.from_iterable(per_run))
        # Words up to and including each run, and characters up to and
        # including each run (the spaces between them not counted).
        self._words_through = list(accumulate(map(len, per_run)))
        self._chars_through = None

    def __len__(self):
        return len(self.terms)

    def forms(self):
        """Each word's folded (broad) or ``strip_marks`` (exact) form: what a prefix must start."""
        return map(_folded if self.broad else _exact, chain.from_iterable(map(_run_words, self.runs)))

    def span(self, k):
        """(start, end) of the ``k``-th word in the text."""
        if self._chars_through is None:
            self._chars_through = list(accumulate(map(len, self.runs)))
        run = bisect_right(self._words_through, k)
        first_word = self._words_through[run - 1] if run else 0
        start = self._chars_through[run - 1] + run if run else 0
        word_start, word_end = _run_spans(self.runs[run])[k - first_word]
        return start + word_start, start + word_end


def _opening(raw, words, scan):
    """The opening ``words`` words of ``raw`` and an ellipsis, read from its
    first few hundred characters only; None when those do not settle it (a
    short text, a long run of punctuation), and the whole head is read.

    The same as the full reading: whitespace collapses locally, and a word
    followed by a later word and a space inside the prefix ends where it
    would in the whole text.
    """
    for size in (words * 12, words * 48):
        if size >= len(raw) or size > scan:
            return None
        text = " ".join(raw[:size].split())
        # Its words a run at a time (see _SpacedText): words up to and
        # including each run, then the run that holds the last word shown.
        runs = text.split(" ")
        through = list(accumulate(map(len, map(_run_words, runs))))
        if through[-1] > words:
            run = bisect_right(through, words - 1)
            first_word = through[run - 1] if run else 0
            start = sum(map(len, runs[:run])) + run
            finish = start + _run_spans(runs[run])[words - 1 - first_word][1]
            # Keep the punctuation that follows the last word (up to the next space).
            space = text.find(" ", finish)
            if space >= 0:
                return mark_safe(escape(text[:space]) + " …")
    return None


def snippet(text, spec, words=SNIPPET_WORDS):
    """About ``words`` words around the densest matches, cut at word boundaries.

    Whitespace is collapsed first (a snippet is one line). The window is the
    one holding the most distinct parts of the query, then the most matches;
    it starts a quarter of its length before its first match, and an
    ellipsis shows where text was cut. Only the first ``SNIPPET_SCAN_CHARS``
    characters are looked at: a match past them gives the opening words.
    """
    raw = text or ""
    scan = _limit("SEARCH_SNIPPET_SCAN_CHARS", SNIPPET_SCAN_CHARS)
    if spec is None or spec.is_empty():
        opening = _opening(raw, words, scan)
        if opening is not None:
            return opening
    head = _head(raw, scan)
    text = " ".join(head.split())
    cut = len(head) < len(raw)
    if spec is None or spec.is_empty():
        # Nothing to look for: the opening words, without splitting the
        # whole article (a browse page shows twenty of them).
        head = len(text)
        for head in range(words * 16, len(text), words * 16):
            if len(arabic.tokenize(text[:head])) > words:
                break
        else:
            head = len(text)
        text_head = text[:head]
        tokens = arabic.tokenize(text_head)
        if not tokens:
            return mark_safe(escape(text[:300]))
        end_tok = min(len(tokens), words)
        finish = tokens[end_tok - 1].end if end_tok < len(tokens) or head < len(text) else len(text)
        while finish < len(text) and not text[finish].isspace():
            finish += 1
        return mark_safe(escape(text[:finish]) + (" …" if finish < len(text) or cut else ""))
    split = _SpacedText(text, spec.mode == "broad")
    count = len(split)
    if not count:
        return mark_safe(escape(text[:300]))
    found = _match_tokens(split.terms, spec, split.forms)
    start_tok = _best_window(count, found, words) if found and count > words else 0
    end_tok = min(count, start_tok + words)
    begin = split.span(start_tok)[0] if start_tok > 0 else 0
    finish = split.span(end_tok - 1)[1] if end_tok < count else len(text)
    # The matches from the window's first word on (those before it start
    # before ``begin``), with their offsets, while they start before ``finish``.
    after = found[bisect_left(found, start_tok, key=_first):]

    def spans():
        for first, last, _key in after:
            s = split.span(first)[0]
            if s >= finish:
                return
            yield s, split.span(last)[1]

    # A phrase that starts inside the window is shown whole.
    for _s, e in spans():
        finish = max(finish, e)
    # Keep the punctuation that follows the last word (up to the next space).
    space = text.find(" ", finish)
    finish = len(text) if space < 0 else space
    inner = [(s - begin, e - begin) for s, e in spans() if e <= finish]
    html = render(text[begin:finish], inner)
    prefix = "… " if begin > 0 else ""
    suffix = " …" if finish < len(text) or cut else ""
    return mark_safe(prefix + html + suffix)
