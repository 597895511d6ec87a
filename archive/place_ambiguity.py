"""A place spelling two places share, read as the one in the article's country.

طرابلس is Tripoli of Libya and of Lebanon, البيضاء a Libyan city and a Yemeni
governorate, الكرك a Jordanian town and a Lebanese village. The matcher goes
silent on such a spelling (its rule 6): it cannot tell which is meant. The
article usually can: a report that names بنغازي, سرت and ليبيا means Libya's
Tripoli. So, after matching, a spelling that several places share is read as
the one of them that lies in the article's country, by the same rule that
says whose army "الجيش" is (:func:`archive.force_context.article_country`:
one country holds most of the places the article names). When no country
is clear, or none or two of the places lie in it, it stays silent.
"""
from __future__ import annotations

import weakref

from archive.alias_spelling import Match, closest_spelling, skip_folded
from archive.arabic import strip_marks
from archive.force_context import article_country, country_of

#: index -> the folded cores of the spellings two or more places share.
_SHARED: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


#: The most words a place spelling has (a window this long holds any).
_LONGEST = 5
_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


def _shared_forms(index) -> frozenset:
    """Every written (folded) form the first word of a shared place spelling
    may take in a text (with a proclitic, with or without the article): a
    set, so that an article without any costs one set operation."""
    forms = _SHARED.get(index)
    if forms is None:
        cores = {core for core, aliases in index._by_core.items()
                 if any(sum(1 for kind, _pk in a.owners if kind == "place") > 1 for a in aliases)}
        forms = frozenset(c + art + core for core in cores for art in ("", "ال") for c in _CLITICS) \
            | frozenset("لل" + core for core in cores) | frozenset("ولل" + core for core in cores)
        _SHARED[index] = forms
    return forms


def places_by_country(text: str, words, matches, index, places) -> list[Match]:
    """Matches for the shared place spellings of ``text`` that the article's
    country decides; [] when there is none or the country is unclear.

    ``words``: the index's (tokens, folded) of ``text``; ``matches``: what the
    matcher found (the shared spellings are not among them); ``places``:
    :class:`archive.entities.Places`.
    """
    tokens, folded = words
    forms = _shared_forms(index)
    if forms.isdisjoint(folded):
        return []
    country = article_country(matches, places, text)
    if country is None:
        return []
    taken = [(m.start, m.end) for m in matches]
    found = []
    for i, word in enumerate(folded):
        if word not in forms:
            continue
        # The matcher's own reading of the few words from here (its spans:
        # every alias that fits), longest first.
        offset = tokens[i].start
        window = text[offset:tokens[min(i + _LONGEST, len(tokens)) - 1].end]
        window_tokens, spans = index._spans(window)
        for start, end, _pref, alias, clitic_len in sorted(spans, key=lambda s: s[0] - s[1]):
            if start != 0:
                continue
            owners = [(pk, sp) for (kind, pk), sp in alias.owners.items() if kind == "place"]
            if len(owners) < 2:
                continue
            first = window_tokens[0]
            char_start = offset + first.start + skip_folded(first.text, clitic_len)
            char_end = offset + window_tokens[end - 1].end
            if any(a < char_end and char_start < b for a, b in taken):
                break
            inside = [(pk, sp) for pk, sp in owners if country_of(pk, places) == country]
            if len(inside) == 1:
                pk, spellings = inside[0]
                written = [strip_marks(t.text) for t in window_tokens[start:end]]
                found.append(Match("place", pk, char_start, char_end, closest_spelling(spellings, written)))
                taken.append((char_start, char_end))
            break
    return found
