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
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter
from html import escape

from django.utils.safestring import mark_safe

from archive import arabic

# Issue 14: a 19 MB article that matched a search made every such search take
# 4-5 s (its page 2-3 s). What one hit may cost is bounded, whatever the
# import let in (the snippets' bound is in ``snippets``):
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
