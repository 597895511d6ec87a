"""The state a force's name says leads it is a place the article names:
"التحالف بقيادة السعودية", "تحالف تقوده الولايات المتحدة".

The matcher takes the longest name it finds and nothing inside it, so a
coalition named by its leader used to hide the leader: the article names
Saudi Arabia or the United States as an actor (the hand-tagged sets count
them as places), but only the coalition was tagged. So inside a force's
match, the words after one that says who leads it (LEADS: "بقيادة",
"تقوده", "تقودها") are matched again, and the places found there are added.
Other places inside a force's name ("الدولة الإسلامية في العراق والشام",
"قوات سوريا الديمقراطية") are part of a name and stay hidden.
"""
from __future__ import annotations

from archive.alias_spelling import Match
from archive.arabic import fold

LEADS = {fold(w) for w in ("بقيادة", "تقوده", "تقودها", "يقوده", "يقودها")}


def with_leading_states(text, words, matches, index) -> list[Match]:
    """``matches`` and the places named after a LEADS word inside a force's
    match. ``words``: the index's (tokens, folded) of ``text``."""
    tokens, folded = words
    extra = []
    for m in matches:
        if m.kind != "force" or " " not in m.alias or not LEADS.intersection(fold(m.alias).split()):
            continue          # most force names say nothing of a leader
        for k, token in enumerate(tokens):
            if token.start >= m.end:
                break
            if token.start < m.start or folded[k] not in LEADS or k + 1 >= len(tokens) \
                    or tokens[k + 1].start >= m.end:
                continue
            start = tokens[k + 1].start
            extra += [Match(p.kind, p.pk, p.start + start, p.end + start, p.alias)
                      for p in index.find(text[start:m.end]) if p.kind == "place"]
            break
    return sorted(matches + extra, key=lambda x: x.start) if extra else matches
