"""Known speakers who speak in the text, not only named in it."""
from __future__ import annotations

import bisect

from archive.arabic import fold
from archive.speakers.vocabulary import (
    PERSON_TITLES, REPORTING_VERBS, ROLE_VERBS, _ADVERBS, _BREAK_CHARS, _SPEECH_NOUNS,
)
from archive.speakers.reading import _Breaks, _has_article, _words, positions, watch
from archive.speakers.carried import quoted_people

_VERBS = REPORTING_VERBS | ROLE_VERBS
watch(_VERBS)


def speaking(text: str, matches, words=None, quoted=None) -> set[int]:
    """The known speakers (pks of ``matches`` of kind "speaker") the text has
    speaking: named as a quoted person (:func:`find_quoted`: "وقال رئيس
    الوزراء حيدر العبادي"), or followed, in the same clause and within three
    words, by a reporting verb or a word of speech ("العبادي في تصريح",
    "العبادي قائلا"), a colon or a quotation mark. A speaker only named ("أمر
    زعيم التنظيم أبو بكر البغدادي بإعدام …") is not the article's speaker."""
    mentions = [m for m in matches if m.kind == "speaker"]
    if not mentions:
        return set()
    words = words if words is not None else _words(text or "")
    tokens, folded = words
    quoted = quoted if quoted is not None else quoted_people(text, words, matches)
    spans = [(q.start, q.end) for q in quoted]
    # "صرح ترامب أنه": a one-word name quoted, the known speaker named in
    # full elsewhere ("الرئيس الأمريكي دونالد ترامب").
    single = {fold(q.name) for q in quoted if " " not in q.name.strip()}
    if single:
        # only a word that ends one known speaker's names in this text
        # ("سلمان" ends both الملك سلمان and محمد بن سلمان: neither by it)
        owners = {}
        for m in mentions:
            owners.setdefault(fold(text[m.start:m.end]).split()[-1], set()).add(m.pk)
        single = {w for w in single if len(owners.get(w, ())) == 1}
    starts = _Breaks(text, tokens).starts
    verbs = positions(folded, _VERBS)
    found = set()
    for m in mentions:
        if m.pk in found:
            continue
        if _role_speaks(tokens, folded, verbs, bisect.bisect_left(starts, m.start)):
            found.add(m.pk)
            continue
        if any(s < m.end and m.start < e for s, e in spans):
            found.add(m.pk)
            continue
        if single and fold(text[m.start:m.end]).split()[-1] in single:
            found.add(m.pk)
            continue
        # "وقال الدباغ إن": the known name right after a reporting verb.
        w = bisect.bisect_left(starts, m.start)
        if w > 0 and (folded[w - 1] in REPORTING_VERBS or (
                w > 1 and folded[w - 1] in _ADVERBS and folded[w - 2] in REPORTING_VERBS)) \
                and not any(ch in _BREAK_CHARS for ch in text[tokens[w - 1].end:m.start]):
            found.add(m.pk)
            continue
        i = bisect.bisect_left(starts, m.end)
        gap = text[m.end:starts[i]] if i < len(starts) else text[m.end:]
        if any(ch in gap for ch in ":«“") or ('"' in gap and text.count('"', 0, m.end) % 2 == 0):
            found.add(m.pk)       # a colon or an opening quotation mark; not "… قتل تيريزا ماي"
            continue
        if any(ch in _BREAK_CHARS for ch in gap) and gap.strip() not in ("،", ","):
            continue              # the sentence ends with the name: what follows is another's
        for k in range(i, min(i + 3, len(tokens))):
            if folded[k] in REPORTING_VERBS or folded[k] in ROLE_VERBS or folded[k] in _SPEECH_NOUNS:
                found.add(m.pk)
                break
            if k + 1 < len(tokens) and any(ch in _BREAK_CHARS for ch in text[tokens[k].end:tokens[k + 1].start]) \
                    and not text[tokens[k].end:tokens[k + 1].start].strip() in ("،", ","):
                break
    return found


def _role_speaks(tokens, folded, verbs, i) -> bool:
    """Does the role written right before word i ("نائب رئيس الإقليم" in
    "استقبال نائب رئيس الإقليم جعفر الشيخ مصطفى") speak elsewhere, right
    after a reporting verb ("أكد نائب رئيس الإقليم على …")?"""
    role_start = i
    while role_start > 0 and i - role_start < 4 and (
            folded[role_start - 1] in PERSON_TITLES or _has_article(tokens, role_start - 1)):
        role_start -= 1
    role = folded[role_start:i]
    if len(role) < 2 or not any(w in PERSON_TITLES for w in role):
        return False
    for v in verbs:
        k = v + 1
        if k < len(folded) and folded[k] in _ADVERBS:
            k += 1
        if k != role_start and folded[k:k + len(role)] == role:
            return True
    return False
