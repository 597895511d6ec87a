"""Marking what matched, in the words as the outlet wrote them.

The text is split with ``archive.arabic.tokenize`` and each word is analysed
exactly as the index analysed it, so a folded variant (الپێشمهرگة for a query
البيشمركة) or an alias (كاگينز for كاكينز) is marked, and a word that merely
contains the query as a substring is not (داعش does not mark داعشستان). A
phrase is marked as one run (``<mark>جبل قرجوغ</mark>``), the words between
its terms (a stop word, a comma) included. Everything outside ``<mark>`` is
HTML-escaped here; the result is the only HTML the templates print unescaped.

This replaces haystack's Whoosh highlighter (which re-analyses with the
English analyzer and gives empty fragments for Arabic variants) and its
``{% highlight %}`` tag (which marks substrings).
"""
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, chain, compress, count
from operator import itemgetter
from html import escape

from django.utils.safestring import mark_safe

from archive import arabic

SNIPPET_WORDS = 40
# Issue 14: a 19 MB article that matched a search made every such search take
# 4-5 s (its snippet split and scanned the whole text) and its page 2-3 s.
# What one hit may cost is bounded, whatever the import let in:
#: A snippet looks for matches in the first this many characters of a text.
SNIPPET_SCAN_CHARS = 50_000
#: The article page marks matches in the first this many characters of the
#: body; the rest is shown as plain (escaped) text.
HIGHLIGHT_MAX_CHARS = 200_000


def _limit(name, default):
    from django.conf import settings

    return getattr(settings, name, default)


def _head(text, limit):
    """At most ``limit`` characters of ``text``, cut at a space when there is one."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit // 2, limit)
    return text[:cut if cut > 0 else limit]


@lru_cache(maxsize=65536)
def _broad(word):
    return arabic.broad_term(word)


@lru_cache(maxsize=65536)
def _exact(word):
    return arabic.exact_term(word) or None


@lru_cache(maxsize=65536)
def _folded(word):
    return arabic.fold(word)


def _same(term, wanted):
    """A phrase item is a term, or a frozenset of alternative terms."""
    return term in wanted if isinstance(wanted, frozenset) else term == wanted


def _match_tokens(terms, spec, words=None):
    """(first token, last token, key) for every match, in order; ``key`` names
    what matched (a term, a phrase or a prefix) so a snippet can prefer
    passages where more of the query's parts meet. ``terms``: each token's
    index term as ``spec.mode`` analyses it (None for a word the index does
    not keep); ``words()``: each token's folded (broad) or ``strip_marks``
    (exact) form, asked for only when the query has prefixes."""
    # Positions of the words the index counts (stop words do not, in broad
    # mode), so a phrase matches here exactly where it matched in the index.
    # Only a word that is a term of the query or starts one of its phrases
    # can start a match: the others are passed over without a look.
    by_first = {}
    for phrase in sorted(spec.phrases, key=len, reverse=True):
        head = phrase[0]
        for term in (head if isinstance(head, frozenset) else (head,)):
            by_first.setdefault(term, []).append(phrase)
    wanted = (set(spec.terms) | set(by_first)) - {None, ""}
    matches, covered = [], set()
    for i in sorted(_indices(terms, wanted)):
        if i in covered:
            continue
        phrases = by_first.get(terms[i], ())
        # The longest phrase first: the kept words from here, read once.
        following = _kept_from(terms, i, len(phrases[0])) if phrases else ()
        for phrase in phrases:
            n = len(phrase)
            window = following[:n]
            if len(window) == n and all(_same(terms[w], p) for w, p in zip(window, phrase)):
                covered.update(range(window[0], window[-1] + 1))
                matches.append((window[0], window[-1], phrase))
                break
        else:
            if terms[i] in spec.terms:
                covered.add(i)
                matches.append((i, i, terms[i]))
    prefixes = tuple(spec.prefixes)
    if prefixes:
        # A prefix is matched against every word as written (the exact
        # field), stop words included.
        for i, word in enumerate(words()):
            if not word or i in covered or not word.startswith(prefixes):
                continue
            p = next(p for p in prefixes if word.startswith(p))
            matches.append((i, i, ("*", p)))
        matches.sort(key=_first_two)
    return matches


def _kept_from(terms, i, n):
    """The first ``n`` positions from ``i`` on whose words the index keeps."""
    window = []
    for j in range(i, len(terms)):
        if terms[j]:
            window.append(j)
            if len(window) == n:
                break
    return window


_first = itemgetter(0)


def _first_two(match):
    return match[0], match[1]


def _indices(items, wanted):
    """Every index of ``items`` whose value is in ``wanted``: with a few
    wanted values, ``list.index`` (a scan in C) for each; with more, one pass
    asking the set (a name's spellings and forms are dozens of terms)."""
    if len(wanted) > _FEW:
        return list(compress(count(), map(wanted.__contains__, items)))
    found = []
    for value in wanted:
        i = -1
        try:
            while True:
                i = items.index(value, i + 1)
                found.append(i)
        except ValueError:
            pass
    return found


#: Up to this many wanted terms, a scan per term is faster than one pass asking a set.
_FEW = 4


def _matches(text, spec, tokens=None):
    """(start, end, key) character spans of every match, in order (see
    ``_match_tokens``). ``tokens``: the text's, if already split."""
    if spec is None or spec.is_empty() or not text:
        return []
    if tokens is None:
        tokens = arabic.tokenize(text)
    if not tokens:
        return []
    broad = spec.mode == "broad"
    texts = [t.text for t in tokens]
    terms = list(map(_broad if broad else _exact, texts))
    found = _match_tokens(terms, spec, lambda: map(_folded if broad else _exact, texts))
    return [(tokens[a].start, tokens[b].end, key) for a, b, key in found]


def matched_spans(text, spec):
    """(start, end) character spans of what matches ``spec``: a word, or a
    whole phrase as one span."""
    return [(s, e) for s, e, _key in _matches(text or "", spec)]


def render(text, spans):
    out, last = [], 0
    for start, end in spans:
        if start < last:  # never nest or overlap marks
            continue
        out.append(escape(text[last:start]))
        out.append("<mark>" + escape(text[start:end]) + "</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def highlight(text, spec, limit=None):
    """The whole text, escaped, with matching words in <mark> (in its first
    ``limit`` characters: ``HIGHLIGHT_MAX_CHARS`` by default)."""
    text = text or ""
    limit = _limit("SEARCH_HIGHLIGHT_MAX_CHARS", HIGHLIGHT_MAX_CHARS) if limit is None else limit
    head = _head(text, limit)
    html = render(head, matched_spans(head, spec))
    return mark_safe(html + escape(text[len(head):])) if len(head) < len(text) else html


def highlight_paragraphs(paragraphs, spec, limit=None):
    """The article page's paragraphs, escaped; matches marked in the first
    ``limit`` characters of them all (``SEARCH_HIGHLIGHT_MAX_CHARS``), the
    rest plain: a very long article's page costs no more than a long one's."""
    left = _limit("SEARCH_HIGHLIGHT_MAX_CHARS", HIGHLIGHT_MAX_CHARS) if limit is None else limit
    out = []
    for paragraph in paragraphs:
        if spec is None or spec.is_empty() or left <= 0:
            out.append(mark_safe(escape(paragraph)))
            continue
        out.append(highlight(paragraph, spec, limit=left))
        left -= len(paragraph)
    return out


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
