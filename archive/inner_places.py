"""Places named inside a longer name the matcher took whole.

The matcher takes the longest name it finds and nothing inside it. Two kinds
of longer name hide a place the article names as a place:

1. a coalition named by the state that leads it ("التحالف بقيادة السعودية",
   "تحالف تقوده الولايات المتحدة"): the hand-tagged sets count the leader as a
   place the article names; so inside a force's match, the words after one
   that says who leads it (LEADS) are matched again for places;
2. a part of a country named by the country ("شمال سوريا", "جنوب لبنان"): the
   region is a place, and so is the country, which the text names outright;
   so inside a region's match the words after the first are matched again,
   and the region's own country (its parent in the place tree) is kept.

Other places inside a name ("قوات سوريا الديمقراطية", "الدولة الإسلامية في
العراق والشام", "شرق الفرات") stay hidden.
"""
from __future__ import annotations

from bisect import bisect_left

from archive.alias_spelling import Match
from archive.arabic import fold

LEADS = {fold(w) for w in ("بقيادة", "تقوده", "تقودها", "يقوده", "يقودها")}


def with_inner_places(text, words, matches, index, parent_of=None) -> list[Match]:
    """``matches`` and the places named inside them by the module's two
    rules. ``words``: the index's (tokens, folded) of ``text``;
    ``parent_of(pk)``: a place's parent pk and whether the place is a region
    (``(None, False)`` if unknown); without it only rule 1 applies."""
    tokens, folded = words
    extra = []
    for m in matches:
        if " " not in m.alias:
            continue
        if m.kind == "force" and LEADS.intersection(fold(m.alias).split()):
            k = _after(tokens, folded, m, lambda w: w in LEADS)
            if k is not None:
                extra += _places_in(text, tokens[k].start, m.end, index)
        elif m.kind == "place" and parent_of is not None:
            parent, region = parent_of(m.pk)
            if region and parent is not None:
                k = _after(tokens, folded, m, lambda w: True)
                if k is not None:
                    extra += [p for p in _places_in(text, tokens[k].start, m.end, index) if p.pk == parent]
    return sorted(matches + extra, key=lambda x: x.start) if extra else matches


def region_parents():
    """``parent_of`` for :func:`with_inner_places`, from the place tree: a
    region's country, or (None, False)."""
    from archive.entities import current_places

    places = current_places()

    def parent_of(pk):
        place = places.by_pk.get(pk)
        parent = places.by_pk.get(place.parent_id) if place and place.parent_id is not None else None
        if place is None or place.kind != "region" or parent is None or parent.kind != "country":
            return None, False
        return parent.pk, True
    return parent_of


def _after(tokens, folded, m, first):
    """The index of the token after the first one inside ``m`` that
    ``first(folded word)`` accepts, if it is still inside ``m``; or None."""
    k = bisect_left(tokens, m.start, key=lambda t: t.start)
    while k < len(tokens) and tokens[k].start < m.end:
        if first(folded[k]):
            return k + 1 if k + 1 < len(tokens) and tokens[k + 1].start < m.end else None
        k += 1
    return None


def _places_in(text, start, end, index):
    return [Match(p.kind, p.pk, p.start + start, p.end + start, p.alias)
            for p in index.find(text[start:end]) if p.kind == "place"]
