"""Tagging against a hand-tagged set: which found entities are right, which truths were found.

A found entity is right when one of its spellings, folded, equals a truth name
or is a run of words of it, or the other way round ("الأسد" for "بشار الأسد",
"الولايات المتحدة" for "الولايات المتحدة الأمريكية"). A truth name may list
spellings of one entity separated by "|" ("الحوثيون|الحوثي"): any of them
will do. Speakers count both
linked speakers and proposals. ``manage.py evaluate_tagging`` reads the truth
file and the corpus and prints the figures.
"""
from __future__ import annotations

from archive.arabic import fold
from archive.tagging import tag

KINDS = ("speakers", "places", "forces")


def _words(name: str) -> tuple[str, ...]:
    return tuple(fold(name).split())


def _inside(small: tuple, big: tuple) -> bool:
    n = len(small)
    return n > 0 and any(big[i:i + n] == small for i in range(len(big) - n + 1))


def same(names: list[str], truth: str) -> bool:
    for spelling in truth.split("|"):
        t = _words(spelling)
        if any(_inside(_words(n), t) or _inside(t, _words(n)) for n in names):
            return True
    return False


def score(found: list[list[str]], truth: list[str]) -> tuple[int, int, int]:
    """(true positives among found, found, truth items recalled)."""
    tp = sum(1 for names in found if any(same(names, t) for t in truth))
    recalled = sum(1 for t in truth if any(same(names, t) for names in found))
    return tp, len(found), recalled


def tagged(title: str, body: str, index) -> dict[str, list[list[str]]]:
    tags = tag(title, body, index)
    kinds = {"speakers": ("speaker", tags.speakers), "places": ("place", tags.places),
             "forces": ("force", tags.forces)}
    out = {k: [index.names(kind, pk) for pk in pks] for k, (kind, pks) in kinds.items()}
    out["speakers"] += [[q.name] for q in getattr(tags, "proposals", ())]
    return out
