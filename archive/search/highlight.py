"""Marking what matched, in the words as the outlet wrote them.

The text is split with ``archive.arabic.tokenize`` and each word is analysed
exactly as the index analysed it, so a folded variant (الپێشمهرگة for a query
البيشمركة) or an alias (كاگينز for كاكينز) is marked, and a word that merely
contains the query as a substring is not. Everything outside ``<mark>`` is
HTML-escaped here; the result is the only HTML the templates print unescaped.
"""
from html import escape

from django.utils.safestring import mark_safe

from archive import arabic

SNIPPET_WORDS = 40


def _analyse(tokens, mode):
    if mode == "broad":
        return [arabic.broad_term(t.text) for t in tokens]
    return [arabic.exact_term(t.text) or None for t in tokens]


def matched_spans(text, spec):
    """(start, end) character spans of the words that match ``spec``."""
    if spec is None or spec.is_empty() or not text:
        return []
    tokens = list(arabic.tokenize(text))
    terms = _analyse(tokens, spec.mode)
    # Positions of the words that count (stop words do not, as in the index).
    kept = [i for i, t in enumerate(terms) if t]
    spans, covered = [], set()
    phrases = sorted(spec.phrases, key=len, reverse=True)
    for k, i in enumerate(kept):
        if i in covered:
            continue
        for phrase in phrases:
            n = len(phrase)
            window = kept[k:k + n]
            if len(window) == n and all(terms[w] == p for w, p in zip(window, phrase)):
                for w in window:
                    covered.add(w)
                    spans.append((tokens[w].start, tokens[w].end))
                break
        else:
            term = terms[i]
            folded = arabic.fold(tokens[i].text) if spec.prefixes and spec.mode == "broad" else None
            if term in spec.terms or (spec.prefixes and any(
                (folded or term).startswith(p) or (folded or term).removeprefix("ال").startswith(p)
                for p in spec.prefixes
            )):
                covered.add(i)
                spans.append((tokens[i].start, tokens[i].end))
    spans.sort()
    return spans


def render(text, spans):
    out, last = [], 0
    for start, end in spans:
        out.append(escape(text[last:start]))
        out.append("<mark>" + escape(text[start:end]) + "</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def highlight(text, spec):
    """The whole text, escaped, with matching words in <mark>."""
    return render(text or "", matched_spans(text or "", spec))


def snippet(text, spec, words=SNIPPET_WORDS):
    """About ``words`` words around the densest matches, cut at word boundaries."""
    text = " ".join((text or "").split())
    tokens = list(arabic.tokenize(text))
    if not tokens:
        return mark_safe(escape(text[:300]))
    spans = matched_spans(text, spec)
    start_tok = 0
    if spans and len(tokens) > words:
        starts = [t.start for t in tokens]
        hit_tokens = sorted({_token_index(starts, s) for s, _e in spans})
        best, best_count = 0, -1
        for h in hit_tokens:
            lo = max(0, h - words // 4)
            count = sum(1 for x in hit_tokens if lo <= x < lo + words)
            if count > best_count:
                best, best_count = lo, count
        start_tok = best
    end_tok = min(len(tokens), start_tok + words)
    begin = tokens[start_tok].start if start_tok > 0 else 0
    finish = tokens[end_tok - 1].end if end_tok < len(tokens) else len(text)
    # Keep the punctuation that follows the last word.
    while finish < len(text) and not text[finish].isspace() and end_tok < len(tokens) and finish < tokens[end_tok].start:
        finish += 1
    inner = [(s - begin, e - begin) for s, e in spans if s >= begin and e <= finish]
    html = render(text[begin:finish], inner)
    prefix = "… " if begin > 0 else ""
    suffix = " …" if finish < len(text) else ""
    return mark_safe(prefix + html + suffix)


def _token_index(starts, char):
    from bisect import bisect_right

    return max(0, bisect_right(starts, char) - 1)
