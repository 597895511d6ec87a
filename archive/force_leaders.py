"""Forces named by their leader, with his titles between: "قوات الرئيس السابق
علي عبدالله صالح", "قوات الرئيس السوري بشار الأسد", "قوات المشير حفتر".

The gazetteer holds the short forms the news writes most ("قوات صالح", "قوات
علي عبدالله صالح", "قوات الأسد", "قوات حفتر"), but a report puts the leader's
titles between the head noun and his name as it likes (الرئيس، السابق،
المخلوع، السوري، المشير …), and no list can hold every such run. The corpus
writes such a run about 470 times in front of صالح, الأسد, حفتر and الحوثي
alone.

The rule, general to every force named after a person: a head noun
(HEADS) followed by one to three words with the article (the titles) and
then a name of one to three words; if the head with the whole name, or with
its last word (the family name), is a spelling of one force, that force is
named. Not when the gazetteer already matched a force over the head (قوات
الجيش السوري الحر), nor across a clause break.
"""
from __future__ import annotations

from archive.alias_spelling import Match
from archive.arabic import fold, tokenize

#: Head nouns a leader's force is named with, folded, with their proclitics.
HEADS = {fold(w) for w in ("قوات", "ميليشيات", "مليشيات", "ميليشيا", "مليشيا", "جيش")}
_PROCLITICS = ("", "و", "ب", "ل", "ف", "وب", "ول")
MAX_TITLES = 3
MAX_NAME = 3
_BREAK = frozenset(".,،;؛:!?؟\n()«»\"")


#: Every written (folded) form of a head noun -> the head: one lookup a token.
_HEAD_FORMS = {p + h: h for h in HEADS for p in _PROCLITICS}
_head_of = _HEAD_FORMS.get


#: id(index) -> (index, {folded "head name" spelling: force pk}); the
#: gazetteer's head + name spellings, read once per index.
_SPELLINGS: dict = {}


def _spellings(index) -> dict[str, int]:
    cached = _SPELLINGS.get(id(index))
    if cached is not None and cached[0] is index:
        return cached[1]
    table, shared = {}, set()
    for (kind, pk), names in index.entities():
        if kind != "force":
            continue
        for name in names:
            words = fold(name).split()
            if len(words) >= 2 and _head_of(words[0]) == words[0]:
                key = " ".join(words)
                if table.get(key, pk) != pk:
                    shared.add(key)
                table[key] = pk
    for key in shared:
        del table[key]          # two forces' spelling names neither
    _SPELLINGS.clear()
    _SPELLINGS[id(index)] = (index, table)
    return table


#: "القوات الموالية للرئيس السابق علي عبدالله صالح", "أنصار المخلوع": the
#: forces loyal to a leader, and his partisans, are his forces: read as
#: "قوات" + what follows when that is a spelling of one force. The head
#: words, folded, with their proclitics.
_LOYAL_HEADS = {p + w for w in (fold("القوات"), fold("قوات")) for p in _PROCLITICS}
_LOYAL = {fold(w) for w in ("الموالية", "موالية", "الموالين", "الموالون")}
_PARTISANS = {p + fold("أنصار") for p in _PROCLITICS}
_FORCES = fold("قوات")
_ABD = fold("عبد")


def leader_forces(text: str, words, matches, index) -> list[Match]:
    """Matches of the forces ``text`` names as head + titles + leader.
    ``words``: the alias index's (tokens, folded) of ``text``."""
    tokens, folded = words
    spellings = _spellings(index)
    found = []
    named = {m.pk for m in matches if m.kind == "force"}
    spans = [(m.start, m.end) for m in matches if m.kind == "force"]
    for i, word in enumerate(folded):
        head = _head_of(word)
        followers = word in _LOYAL_HEADS or word in _PARTISANS
        if (head is None and not followers) or any(a <= tokens[i].start < b for a, b in spans):
            continue
        hit = None
        if followers and (word in _LOYAL_HEADS or _after_a_force(text, tokens[i].start, spans)):
            hit = _followers_of(text, tokens, folded, i, spellings)
        if hit is None and head is not None and i + 1 < len(tokens) and folded[i + 1].startswith("ال"):
            hit = _leader_after(text, tokens, folded, i, head, spellings)
        if hit is None:
            continue
        pk, end = hit
        if pk not in named:
            named.add(pk)
            found.append(Match("force", pk, tokens[i].start, tokens[end].end,
                               text[tokens[i].start:tokens[end].end]))
    return found


def _leader_after(text, tokens, folded, i, head, spellings):
    """(force pk, index of the name's last token) or None."""
    j = i + 1
    titles = 0
    while j < len(tokens) and titles < MAX_TITLES and folded[j].startswith("ال") \
            and _joined(text, tokens, j):
        titles += 1
        j += 1
    if not titles:
        return None
    for n in range(MAX_NAME, 0, -1):
        last = j + n - 1
        if last >= len(tokens) or not all(_joined(text, tokens, k) for k in range(j, last + 1)):
            continue
        name = folded[j:last + 1]
        if n > 1 and name[0].startswith("ال"):
            continue            # a name's first word has no article (بشار الأسد)
        # The family name alone, not an adjective ("قوات النظام مدعومة
        # بميليشيات إيرانية" is no "قوات إيرانية").
        short = [] if name[-1].endswith("يه") else [f"{head} {name[-1]}"]
        for phrase in (" ".join([head, *name]), *short):
            pk = spellings.get(phrase)
            if pk is not None:
                return pk, last
    return None


def _after_a_force(text, start, spans) -> bool:
    """Is the word at ``start`` coordinated with a force named just before
    it ("الحوثيين وأنصار المخلوع")? Partisans are a force only beside one:
    "أنصار النظام السابق" at a rally are not the regime's army."""
    return any(0 <= start - b <= 4 and not text[b:start].strip(" ،,و") for a, b in spans)


def _followers_of(text, tokens, folded, i, spellings):
    """(force pk, index of the last token) for "القوات الموالية ل<leader>"
    or "أنصار <leader>" at token i, read as "قوات <leader>"; or None."""
    j = i + 1
    if folded[i] in _LOYAL_HEADS:
        if j + 1 >= len(tokens) or folded[j] not in _LOYAL or not _joined(text, tokens, j) \
                or not _joined(text, tokens, j + 1) or not folded[j + 1].startswith("ل"):
            return None
        j += 1
        first = folded[j][1:]                 # للرئيس -> لرئيس -> الرئيس; لهادي -> هادي
        first = "ا" + first if first.startswith("ل") else first
    elif j < len(tokens) and _joined(text, tokens, j):
        first = folded[j]
    else:
        return None
    run = [first]
    while len(run) < MAX_TITLES + MAX_NAME + 1 and j + len(run) < len(tokens) \
            and _joined(text, tokens, j + len(run)):
        run.append(folded[j + len(run)])
    # Longest first: titles and name ("قوات المخلوع صالح"), the titles alone
    # ("قوات الرئيس المخلوع"), the name alone or its last word ("قوات صالح").
    titles = 0
    while titles < min(MAX_TITLES, len(run)) and run[titles].startswith("ال"):
        titles += 1
    for n in range(len(run), 0, -1):
        pk = spellings.get(" ".join([_FORCES, *run[:n]]))
        if pk is not None:
            return pk, j + n - 1
    for n in range(len(run) - titles, 0, -1):
        name = run[titles:titles + n]
        # "عبد" and the word after it are one part of a name (علي عبد الله صالح).
        if n - sum(1 for w in name[:-1] if w == _ABD) > MAX_NAME:
            continue
        for phrase in (" ".join([_FORCES, *name]), f"{_FORCES} {name[-1]}"):
            pk = spellings.get(phrase)
            if pk is not None and not name[-1].endswith("يه"):
                return pk, j + titles + n - 1
    return None


def _joined(text, tokens, k) -> bool:
    """Is token k in the same clause as the one before it?"""
    return not any(ch in _BREAK for ch in text[tokens[k - 1].end:tokens[k].start])

