"""A force named only by a spelling that is an ordinary word too, where the
text says an armed group is meant: "فلول القاعدة", "تنظيمي داعش والقاعدة".

The gazetteer marks such spellings weak ("~القاعدة": a base, a rule;
"~النصرة": support; "~الحشد": a crowd), and a weak spelling counts only
beside a strong spelling of the same force (:class:`archive.alias_index.AliasIndex`).
So a report that writes "تنظيم القاعدة" once and "القاعدة" after is tagged,
but one that only ever writes "القاعدة" is not, though most do so of the group.

A weak spelling of a force counts on its own, too, when

1. the word right before it, in the same phrase, is one the corpus writes
   before the names of armed forces (``fixtures/force_cues.json``, counted by
   scripts/build_force_cues.py over every force name the gazetteer holds:
   "مقاتلي", "معاقل", "فلول", "عناصر", "تنظيمي" …, never a list made by hand), or
2. it is coordinated with a force the text names by a strong spelling, with
   only "و", a comma, quotes or brackets between ("داعش والقاعدة",
   "(القاعدة) و(داعش)");

and not when an adjective with ال follows it, which makes the ordinary word
of it ("القاعدة الجوية", "القاعدة العسكرية"; :func:`archive.force_context._goes_on`).

A name whose first word is an adjective too (ADJECTIVE_HEADS: "البحرية
الأمريكية" is the US Navy, but البحرية is also "naval") does not count
right after a word with the article: there it describes that word ("الحدود
البحرية الليبية", Libya's sea borders), as an adjective follows its noun.
"""
from __future__ import annotations

from bisect import bisect_right
import json
from functools import lru_cache
from pathlib import Path

from archive.arabic import fold
from archive.force_context import _goes_on

CUES = Path(__file__).resolve().parent.parent / "fixtures" / "force_cues.json"
#: What may stand between two coordinated names, besides spaces.
_COORDINATION = set(" \u00a0\"'«»“”()،,و")
#: What may stand between a cue word and the name.
_JOINED = set(" \u00a0\"'«»“”()")
#: First words of force names that are adjectives too (naval, aerial, land).
ADJECTIVE_HEADS = frozenset(fold(w) for w in ("البحرية", "الجوية", "البرية"))


@lru_cache(maxsize=1)
def cues() -> frozenset[str]:
    """The folded cue words ({} without the file)."""
    try:
        data = json.loads(CUES.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return frozenset()
    return frozenset(data["cues"])


def with_backed_weak_forces(text, words, found, index) -> list:
    """``found`` (:meth:`AliasIndex.find` with ``keep_weak``) without the weak
    spellings that nothing backs: the strong spellings, the weak ones of an
    entity named strongly too, and the weak spellings of forces the module's
    rules back; and without the names that an adjective begins where it
    describes the word before. ``words``: the index's (tokens, folded) of ``text``."""
    return _without_describing_heads(text, words, _backed(text, words, found, index))


def _without_describing_heads(text, words, matches) -> list:
    """``matches`` without the forces whose first word (ADJECTIVE_HEADS)
    follows a word with the article in the same phrase."""
    tokens, folded = words
    drop = set()
    for m in matches:
        if m.kind != "force":
            continue
        first = _token_at(tokens, m.start)
        if first and tokens[first].start == m.start and folded[first] in ADJECTIVE_HEADS \
                and folded[first - 1].startswith("ال") \
                and not text[tokens[first - 1].end:tokens[first].start].strip():
            drop.add(id(m))
    return [m for m in matches if id(m) not in drop] if drop else matches


def _backed(text, words, found, index) -> list:
    kept = index.without_weak(found)
    if len(kept) == len(found):
        return kept
    kept_ids = {id(m) for m in kept}
    weak = [m for m in found if id(m) not in kept_ids and m.kind == "force"]
    if not weak:
        return kept
    tokens, folded = words
    strong = [m for m in kept if m.kind == "force"]
    cue_words = cues()
    backed = []
    for m in weak:
        first = _token_at(tokens, m.start)
        last = _token_at(tokens, m.end - 1)
        if first is None or last is None or _goes_on(text, tokens, folded, last + 1):
            continue
        cued = first > 0 and folded[first - 1] in cue_words and \
            set(text[tokens[first - 1].end:tokens[first].start]) <= _JOINED
        if cued or _coordinated(text, m, strong):
            backed.append(m)
    if not backed:
        return kept
    return sorted(kept + backed, key=lambda m: m.start)


def _coordinated(text, m, strong) -> bool:
    """Is ``m`` coordinated with one of the ``strong`` force matches?"""
    for s in strong:
        if s.end <= m.start:
            gap = text[s.end:m.start]
        elif m.end <= s.start:
            gap = text[m.end:s.start]
        else:
            continue
        if len(gap) <= 6 and set(gap) <= _COORDINATION and ("و" in gap or "،" in gap or "," in gap):
            return True
    return False


def _token_at(tokens, offset):
    """The index of the token holding character ``offset``, or None."""
    lo = bisect_right(tokens, offset, key=lambda t: t.end)  # the first token ending after it
    return lo if lo < len(tokens) and tokens[lo].start <= offset else None
