"""Where the forces an article names fight: evidence of the country it is about.

:mod:`archive.force_context` reads a generic phrase ("قوات التحالف", "الجيش")
as the force of the article's country, and the places used to be the only
witness of that country. A report often names few places the gazetteer knows
and several forces it does: "القوات السعودية تحبط هجوماً لميليشيات صالح
والحوثي على منفذ الطوال" names two forces that fight in Yemen and one border
crossing. Each named force whose theatre the corpus makes plain
(``fixtures/force_theatres.json``, counted by scripts/build_force_theatres.py:
the Houthis in Yemen in 1,900 of 1,989 articles, the Peshmerga in Iraq) is
one more vote for that country, as one place mention is.
"""
from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

THEATRES = Path(__file__).resolve().parent.parent / "fixtures" / "force_theatres.json"


@lru_cache(maxsize=1)
def theatres() -> dict[str, str]:
    """force slug -> the slug of the country it fights in ({} without the file)."""
    try:
        rows = json.loads(THEATRES.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {slug: row["country"] for slug, row in rows.items()}


def force_votes(matches, slug_of) -> Counter:
    """country slug -> how many of ``matches``' force mentions fight there.
    ``slug_of(pk)``: a force's slug, or None."""
    table = theatres()
    votes = Counter()
    if not table:
        return votes
    for m in matches:
        if m.kind == "force":
            country = table.get(slug_of(m.pk) or "")
            if country:
                votes[country] += 1
    return votes
