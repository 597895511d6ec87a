"""People the gazetteer does not know, proposed as speakers (never made
speakers silently): one per name, in full."""
from __future__ import annotations

from archive.arabic import fold, strip_marks, written
from archive.speakers.vocabulary import (
    PERSON_TITLES, RANKS, REPORTING_VERBS, ROLE_VERBS, STOP, TITLES, UNNAMED, _ADVERBS,
    _BREAK_CHARS, _CONNECTORS, _PRONOUNS,
)
from archive.speakers.reading import (
    Quoted, _Breaks, _has_article, _has_article_text, _name_starts, _words,
)
from archive.speakers.names import _name_from
from archive.speakers.quotations import find_quoted


def _named_under_speaking_role(text, words) -> list[Quoted]:
    """"وقال المبعوث الدولي لليمن إنه …" names no one: the person is the one
    the article named under that role ("مقترح المبعوث الدولي إسماعيل ولد الشيخ
    أحمد"). The earlier role must be at least two words, start with a title,
    and begin the speaking role (a longer role there is not the same person:
    "وزير الخارجية الروسي X" is not "وقال وزير الخارجية")."""
    tokens, folded = words
    n = len(tokens)
    speaking_roles = []
    for v, w in enumerate(folded):
        if w not in REPORTING_VERBS:
            continue
        k = v + 1
        if k < n and folded[k] in _ADVERBS:
            k += 1
        if k >= n or folded[k] not in PERSON_TITLES or folded[k] in UNNAMED:
            continue
        r = k
        while r < n and r - k < 6 and (folded[r] in PERSON_TITLES or _has_article(tokens, r)):
            r += 1
        # The role speaks without a name: a particle follows it ("إنه").
        if r - k >= 2 and r < n and folded[r] in STOP:
            speaking_roles.append(tuple(folded[k:r]))
    if not speaking_roles:
        return []
    broken = _Breaks(text, tokens)
    found = []
    for role in set(speaking_roles):
        for m in range(2, len(role) + 1):
            prefix = role[:m]
            for p in range(1, n - m):
                if tuple(folded[p:p + m]) != prefix or folded[p - 1] in REPORTING_VERBS \
                        or any(broken[x] for x in range(p, p + m - 1)):
                    continue
                quoted, after = _name_from(text, tokens, folded, broken, p, p + m)
                # Without a verb the name must end clearly, at a comma
                # ("إسماعيل ولد الشيخ أحمد، إرسال …"): not at a particle or a
                # full stop after whatever followed it.
                if quoted is not None and quoted.role and after < n and \
                        any(ch in "،," for ch in text[tokens[after - 1].end:tokens[after].start]):
                    found.append(quoted)
    return found


def proposals_for(text: str, matches, words=None, quoted=None) -> list[Quoted]:
    """The quoted people the gazetteer does not know, one per name (first
    mention), to be proposed as speakers.

    ``matches`` are the gazetteer's matches in the same text: a quoted name
    that overlaps a known speaker, place, force or outlet is not proposed; a
    single-word name never is (it may be a known speaker's family name, or
    the family name of a proposal already made: "بومبيو" after "مايك بومبيو").
    """
    words = words if words is not None else _words(text or "")
    known_spans = [(m.start, m.end) for m in matches]
    out: dict[str, Quoted] = {}
    quoted = quoted if quoted is not None else find_quoted(text, words)
    for q in [*quoted, *_named_under_speaking_role(text, words)]:
        overlaps = [s for s, e in known_spans if s < q.end and q.start < e]
        last = q.name.rfind(" ")
        if overlaps and last > 0 and q.name[last + 1:].startswith("ل") \
                and min(overlaps) >= q.start + last + 1:
            # "قال ترامب لرويترز": the outlet after ل is the addressee, not the name's.
            q = Quoted(name=q.name[:last], role=q.role, start=q.start, end=q.start + last)
            overlaps = []
        if overlaps:
            continue
        parts = q.name.split()
        if len(parts) == 2 and fold(parts[0]) in _CONNECTORS:
            continue          # عبد الرحمن, أبو محمد: part of a name, or a kunya alone
        if len(parts) < 2:
            word = fold(q.name)
            if _has_article_text(q.name):
                continue      # "وقال العبادي": links a known speaker; the word before it elsewhere is no given name we can trust
            if any(word.endswith(p) and word[:-len(p)] in TITLES for p in _PRONOUNS):
                continue      # نائبه, مساعده: "his deputy", a role and a pronoun
            q = _full_name(text, q, words)
            if q is None or any(s < q.end and q.start < e for s, e in known_spans):
                continue          # "أميركا ترامب": the word before is a place, not a given name
        if "#" in q.name:          # "مايك #بومبيو": a hashtag is the name
            q = Quoted(name=" ".join(q.name.replace("#", " ").split()), role=q.role, start=q.start, end=q.end)
        if any(not ch.isalpha() and not ch.isspace() and ch not in "-'" for ch in q.name):
            continue          # "3058&quot": markup or figures, no name
        key = fold(q.name)
        if key not in out:
            out[key] = q
    # A shorter form of a longer name proposed here is the same person.
    keys = list(out)
    for key in keys:
        if any(other != key and other.endswith(" " + key) for other in keys):
            out.pop(key, None)
    return list(out.values())


def _full_name(text: str, q: Quoted, words) -> Quoted | None:
    """A one-word name ("وقال وليامسون") as the article names the person in
    full elsewhere: the plain word before it ("غافين وليامسون") or the
    connectors after it ("سلمان بن عبد العزيز"). None if the article never
    does."""
    tokens, folded = words
    target = fold(q.name)
    for i, word in enumerate(folded):
        if word != target:
            continue
        start = end = i
        if i > 0 and not any(ch in _BREAK_CHARS for ch in text[tokens[i - 1].end:tokens[i].start]):
            before = folded[i - 1]
            if not (before in STOP or before in TITLES or before in RANKS or before in REPORTING_VERBS
                    or before in ROLE_VERBS or _has_article(tokens, i - 1)
                    or (before.startswith(("و", "ل", "ب")) and not (
                        _name_starts(text, tokens, folded, i - 1) and written(before) > written(before[1:])))
                    or len(before) < 3):
                start = i - 1
        while end + 2 < len(tokens) and folded[end + 1] in _CONNECTORS and \
                not any(ch in _BREAK_CHARS for ch in text[tokens[end].end:tokens[end + 2].start]):
            end += 2
        if start != i or end != i:
            return Quoted(name=strip_marks(text[tokens[start].start:tokens[end].end]),
                          role=q.role, start=tokens[start].start, end=tokens[end].end)
    return None
