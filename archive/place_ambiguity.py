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


def _shared_cores(index) -> frozenset:
    cores = _SHARED.get(index)
    if cores is None:
        cores = frozenset(
            core for core, aliases in index._by_core.items()
            if any(sum(1 for kind, _pk in a.owners if kind == "place") > 1 for a in aliases))
        _SHARED[index] = cores
    return cores


def places_by_country(text: str, words, matches, index, places) -> list[Match]:
    """Matches for the shared place spellings of ``text`` that the article's
    country decides; [] when there is none or the country is unclear.

    ``words``: the index's (tokens, folded) of ``text``; ``matches``: what the
    matcher found (the shared spellings are not among them); ``places``:
    :class:`archive.entities.Places`.
    """
    shared = _shared_cores(index)
    tokens, folded = words
    if not shared or not any(
            cand.core in shared for word in folded if word for _pref, cand in index._candidates(word)):
        return []
    country = article_country(matches, places, text)
    if country is None:
        return []
    # The matcher's own reading of the text (its spans: every alias that
    # fits where), for the shared spellings only.
    _tokens, spans = index._spans(text, words)
    taken = [(m.start, m.end) for m in matches]
    found = []
    for start, end, _pref, alias, clitic_len in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        owners = [(pk, spellings) for (kind, pk), spellings in alias.owners.items() if kind == "place"]
        if len(owners) < 2:
            continue
        first = tokens[start]
        char_start = first.start + skip_folded(first.text, clitic_len)
        char_end = tokens[end - 1].end
        if any(a < char_end and char_start < b for a, b in taken):
            continue
        inside = [(pk, sp) for pk, sp in owners if country_of(pk, places) == country]
        if len(inside) != 1:
            continue
        pk, spellings = inside[0]
        written = [strip_marks(t.text) for t in tokens[start:end]]
        found.append(Match("place", pk, char_start, char_end, closest_spelling(spellings, written)))
        taken.append((char_start, char_end))
    return found
