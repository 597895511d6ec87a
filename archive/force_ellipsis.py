"""Forces named together under one head noun: "ميليشيات الحوثي وصالح".

Arabic writes two forces that share a head noun once: "ميليشيات الحوثي وصالح"
is ميليشيات الحوثي and ميليشيات صالح, "قوات النظام وحلفائه" …, and the Yemeni
and Saudi press write "ميليشيات الحوثي والمخلوع صالح" hundreds of times. The
gazetteer holds "ميليشيات صالح", never "وصالح" alone (صالح is a common name),
so the second force was never found.

The rule, general to every force: after a force the gazetteer matched whose
spelling begins with a head noun and goes on (ميليشيات الحوثي, قوات
النظام), an و and up to three words follow; if the head noun with those words
(or with all but a first descriptive word: "والمخلوع صالح" → "ميليشيات
صالح") is a spelling of another force, that force is named too. Only the
words right after the و, in the same clause, count, and only when the
gazetteer finds nothing in them itself: in "جيش الإسلام وفيلق الرحمن وأحرار
الشام" the third is أحرار الشام, not "فيلق الشام". An indefinite pair
("قوات أفغانية وباكستانية") is read with the article too (القوات
الباكستانية), as the gazetteer writes a state's forces, and a definite head
gives the second its article back ("الطائرات الأمريكية والبريطانية" →
الطائرات البريطانية).
"""
from __future__ import annotations

import re

from archive.alias_spelling import Match
from archive.arabic import fold, tokenize

#: The joining و, with nothing but spaces before it (the clause goes on).
_AND = re.compile(r"[ \t\u00a0]+و(?=\S)")
#: Words that may follow the head: at most this many.
_MAX_WORDS = 3
_BREAK = frozenset(".,،;؛:!?؟\n()«»\"")


def shared_head_forces(text: str, matches, index) -> list[Match]:
    """Matches of the forces named after another under its head noun."""
    found = []
    named = {(m.kind, m.pk) for m in matches}
    for m in matches:
        if m.kind != "force":
            continue
        head = _head(text[m.start:m.end])
        if head is None:
            continue
        joined = _AND.match(text, m.end)
        if joined is None:
            continue
        start = joined.end()
        words = _words_after(text, start)
        if words and any(o.start == start + words[0].start for o in matches):
            continue            # the words after و name something themselves ("وأحرار الشام")
        for skip in (0, 1):
            hit = None
            for n in range(min(len(words), _MAX_WORDS), skip, -1):
                rest = [w.text for w in words[skip:n]]
                hit = _whole_force(index, " ".join([head] + rest), m.pk)
                if hit is None and not skip and len(rest) == 1 and not head.startswith("ال"):
                    # "قوات أفغانية وباكستانية": the gazetteer writes the
                    # second with the article (القوات الباكستانية); and
                    # "الطائرات الأمريكية والبريطانية": the head had it.
                    second = rest[0] if fold(rest[0]).startswith("ال") else f"ال{rest[0]}"
                    hit = _whole_force(index, f"ال{head} {second}", m.pk)
                if hit is not None:
                    end = start + words[n - 1].end
                    if ("force", hit) not in named:
                        named.add(("force", hit))
                        found.append(Match("force", hit, start, end, text[start:end]))
                    break
            if hit is not None:
                break
    return found


def _head(written: str) -> str | None:
    """The head noun of a force's spelling as written ("ميليشيات" of
    "الميليشيات الحوثية"), when the spelling has more words than it."""
    tokens = tokenize(written)
    if len(tokens) < 2:
        return None
    head = tokens[0].text
    if fold(head).startswith("ال") and len(head) > 4:
        head = head[2:]
    return head


def _words_after(text: str, start: int):
    """Up to _MAX_WORDS tokens from ``start``, stopping at a clause break;
    offsets relative to ``start``."""
    window = text[start:start + 80]
    out = []
    for token in tokenize(window):
        if any(ch in _BREAK for ch in window[out[-1].end if out else 0:token.start]):
            break
        out.append(token)
        if len(out) == _MAX_WORDS:
            break
    return out


def _whole_force(index, phrase: str, other: int) -> int | None:
    """The one force ``phrase`` names as a whole (not ``other``), or None.
    A weak spelling counts: coordinated with a named force, it is backed
    (:mod:`archive.force_weak`, rule 2)."""
    matches = [m for m in index.find(phrase, keep_weak=True) if m.kind == "force"]
    if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(phrase) \
            and matches[0].pk != other:
        return matches[0].pk
    return None
