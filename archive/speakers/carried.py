"""Who speaks when the reporting verb has no subject: "وأضاف أن …",
"وقالت: …", "وتابع في كلمته …". Arabic news names the speaker once and then
lets the verbs run on; the speaker is the person the text last had as a
subject — the person quoted by the verb before, or the titled person who
opens the sentence before ("أشاد عضو لجنة الحكام، يوسف ميرزا، بالمعسكر،
وقال: …") — when the verb agrees with them in gender (قالت needs a woman:
a feminine title, or a feminine verb that introduced her) and nothing else
has spoken since ("وقالت الوزارة" in between: the ministry speaks, no one
is carried over). Evidence of the same kind holds in every outlet; no word
list of the articles it was developed on."""
from __future__ import annotations

import bisect
import re

from archive.arabic import fold, written
from archive.speakers.names import _person_at
from archive.speakers.quotations import find_quoted
from archive.speakers.given_names import common_noun, given_name
from archive.speakers.reading import (
    Quoted, _Breaks, _family_name, _has_article, _proclitic_word, _words, positions, watch,
)
from archive.speakers.vocabulary import (
    PERSON_TITLES, RANKS, REPORTING_VERBS, ROLE_VERBS, STOP, UNNAMED, _WHAT, _ADVERBS, _BREAK_CHARS, _OPEN_QUOTES, _OPENERS,
)

#: A verb's subject is carried over only this many sentence ends back.
_MAX_SENTENCES = 2
_SENTENCE_ENDS = ".!?؟\n"
_SENTENCE_END_RE = re.compile("[" + re.escape(_SENTENCE_ENDS) + "]")
#: What follows a reporting verb that has no subject: a particle ("وأضاف
#: أن", "وتابع في كلمته"), a colon or an opening quotation mark.
#: The subject's name begins at most this many words after its title
#: ("الصحفي كلمة لإدارة المستشفى ممثلة في الدكتور X": X is not the subject).
_MAX_ROLE = 6
_RELATIVES = frozenset(fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين"))
_NO_SUBJECT = STOP - frozenset(fold(w) for w in ("الذي", "التي", "الذين", "هذا", "هذه", "ذلك"))


def quoted_people(text: str, words=None, matches=()) -> list[Quoted]:
    """:func:`find_quoted` and the speakers carried over to verbs with no
    subject, in order (a carried speaker is the span of their last mention)."""
    words = words if words is not None else _words(text or "")
    words = _as_read(words)
    quoted = find_quoted(text or "", words)
    return sorted([*quoted, *carried(text or "", words, quoted, matches)], key=lambda q: q.start)


_BETWEEN = frozenset(fold(w) for w in ("بين", "وبين"))
_EXPLAINED = {fold("بين"): fold("أوضح"), fold("وبين"): fold("وأوضح")}
_THAT = frozenset(fold(w) for w in ("أن", "إن", "أنه", "إنه", "أنها", "بأن"))
_AS_READ = _BETWEEN | _WHAT
watch(_AS_READ)


def _as_read(words):
    """The words with بيّن ("he explained", which folds like بين "between")
    read as the verb it is: written with its shadda, or before أن, where
    "between" cannot stand ("وبين أن المشروع …"); and a reporting verb with
    the pronoun of what was said after ما ("حسب ما أكده المقيم X", "بما
    قاله الرئيس X"): the verb, whose subject follows it."""
    tokens, folded = words
    changed = None
    for i in positions(folded, _AS_READ):
        word = folded[i]
        if i + 1 < len(folded) and word in _WHAT:
            i, word = i + 1, folded[i + 1]          # the verb after ما
        verb = None
        if word in _BETWEEN and ("\u0651" in tokens[i].text or i + 1 < len(folded) and folded[i + 1] in _THAT):
            verb = _EXPLAINED[word]
        elif i > 0 and folded[i - 1] in _WHAT and word.endswith("ه"):
            bare = word[:-2] if word.endswith("ها") else word[:-1]
            if bare in REPORTING_VERBS or bare in ROLE_VERBS:
                verb = bare
        if verb is not None:
            if changed is None:
                changed = list(folded)
            changed[i] = verb
    return words if changed is None else (tokens, changed)


def carried(text: str, words, quoted, matches=()) -> list[Quoted]:
    """The speakers of reporting verbs with no subject (see the module)."""
    tokens, folded = words
    n = len(tokens)
    verbs = positions(folded, REPORTING_VERBS)
    if not verbs:
        return []
    broken = _Breaks(text, tokens)
    starts = broken.starts
    sentences = _sentence_starts(text, starts)
    # events in text order: (word index, kind, person or None, feminine or None)
    events = []
    said_at = set()
    for q in quoted:           # a person quoted: the subject from here on
        i = bisect.bisect_left(starts, q.start)
        verb = next((v for v in range(i - 1, max(i - 13, -1), -1) if folded[v] in REPORTING_VERBS), None)
        feminine = _feminine_role(q.role) or verb is not None and _feminine_verb(folded[verb])
        events.append((i, "said", q, feminine))
        said_at.add(i)
    said = sorted(said_at)
    for v in verbs:
        k = v + 1
        while k < n and folded[k] in _ADVERBS and not broken[k - 1]:
            k += 1
        if k >= n:
            continue
        gap = text[tokens[v].end:tokens[k].start]
        nearest = bisect.bisect_right(said, v)
        if nearest < len(said) and said[nearest] <= v + 13 and said[nearest] <= _role_end(broken, n, k):
            continue               # the verb's subject is a person quoted: that event covers it
        if v > 0 and folded[v - 1] in _RELATIVES:
            continue               # "استقبل الوزير X الضيف Y الذي قال": who is told by the nearer name, not the subject
        if any(ch in gap for ch in ":" + _OPEN_QUOTES) or folded[k] in _NO_SUBJECT and not broken[v]:
            events.append((v, "bare", None, _feminine_verb(folded[v])))
        else:
            events.append((v, "other", None, None))     # "وقالت الوزارة": someone else speaks
    bare = [e[0] for e in events if e[1] == "bare"]
    if not bare:
        return []
    # the titled subjects of the sentences a bare verb may reach back to
    window = set()
    for v in bare:
        at = bisect.bisect_right(sentences, v) - 1
        window.update(range(max(at - _MAX_SENTENCES, 0), at + 1))
    for p, q in _subjects(text, tokens, folded, broken, matches, sentences, sorted(window)):
        events.append((p, "named", q, _feminine_role(q.role)))
    events.sort(key=lambda e: (e[0], e[1] != "named"))
    out = []
    current = None            # (person, feminine, word index of last use, quoted by a verb)
    spoken = set()            # sentences whose verb has a subject that is no person we read
    for index, kind, person, feminine in events:
        sentence = bisect.bisect_right(sentences, index) - 1
        if kind == "named" and sentence in spoken:
            continue          # "صرح المتحدث باسم مركز الملك سلمان …": the king is not that verb's subject
        if kind == "said":
            current = (person, feminine, index, True)
        elif kind == "named":
            # a subject named without a verb of speech takes over only from
            # another such subject, never from a person a verb has quoted
            # ("وقال الصباغ … وتأتي هذه المساعدات إنفاذا لتوجيهات الملك سلمان")
            if current is None or not current[3] and _sentences_between(text, tokens, current[2], index) > 0:
                current = (person, feminine, index, False)
        elif kind == "other":
            current = None
            spoken.add(sentence)
        elif current is not None:
            who, who_feminine, last, by_verb = current
            if _sentences_between(text, tokens, last, index) > _MAX_SENTENCES:
                current = None
                continue
            if bool(feminine) != bool(who_feminine):
                continue          # "قالت" after a man: a woman or a body speaks, not him
            out.append(Quoted(name=who.name, role=who.role, start=who.start, end=who.end))
            current = (who, who_feminine, index, by_verb)
    return out


def _role_end(broken, n, k) -> int:
    """The last word that may still be part of the role after the verb:
    up to a dozen words, across one comma at most."""
    j, commas = k, 0
    while j + 1 < n and j - k < 12:
        if broken[j]:
            commas += 1
            if commas > 1:
                break
        j += 1
    return j


def _subjects(text, tokens, folded, broken, matches, sentences, window):
    """The titled people and known speakers that open a sentence (the
    sentences numbered in ``window``): the first person named in each, the
    subject in verb-subject order, with its word index."""
    starts = broken.starts
    known = {bisect.bisect_left(starts, m.start): m for m in matches if m.kind == "speaker"}
    n = len(tokens)
    out = []
    for number in window:
        first = sentences[number]
        last = sentences[number + 1] if number + 1 < len(sentences) else n
        opening = first
        while opening < last and folded[opening] in _OPENERS:
            opening += 1
        for p in range(first, min(last, opening + 2)):  # the subject: first, or right after the verb
            if p in known:
                m = known[p]
                out.append((p, Quoted(name=text[m.start:m.end], role="", start=m.start, end=m.end)))
                break
            if (folded[p] in PERSON_TITLES or folded[p] in RANKS) and folded[p] not in UNNAMED:
                titled = next((known[i] for i in range(p + 1, min(p + _MAX_ROLE + 1, last)) if i in known
                               and not any(broken[x] for x in range(p, i))
                               and (folded[i - 1] in RANKS or _ends_clause(text, tokens, folded, known[i]))), None)
                if titled is not None:          # "وحضر المهندس نايف الغامدي": a known speaker under a title
                    out.append((p, Quoted(name=text[titled.start:titled.end], role="", start=titled.start,
                                          end=titled.end)))
                    break
                q, _after = _person_at(text, tokens, folded, broken, p, True)
                q = _ended(q)
                if q is not None and bisect.bisect_left(starts, q.start) - p <= _MAX_ROLE:
                    out.append((p, q))
                break
    return out


def _ends_clause(text, tokens, folded, match) -> bool:
    """Does the clause or a particle follow the known speaker's name (not
    "باسم مركز الملك سلمان للإغاثة", where the name is part of a body's)?"""
    starts = _Breaks(text, tokens).starts
    after = bisect.bisect_left(starts, match.end)
    return after >= len(tokens) or folded[after] in STOP or folded[after] in REPORTING_VERBS \
        or any(ch in _BREAK_CHARS for ch in text[match.end:tokens[after].start])


def _sentence_starts(text, starts) -> list[int]:
    """The word index each sentence begins at, in order (0 first)."""
    found = {0}
    for match in _SENTENCE_END_RE.finditer(text):
        i = bisect.bisect_left(starts, match.end())
        if i < len(starts):
            found.add(i)
    return sorted(found)


def _ended(q: Quoted | None) -> Quoted | None:
    """Read without a reporting verb, a name needs evidence that it is one:
    a given name by the corpus counts (أحمد، يوسف) or a family name (عبود
    الخضري), where it ends ("فهد الكبيسي مجددا": at الكبيسي); "قدم رئيس الوفد
    ملاحظات تتعلق بعطل" has neither. None if it has not."""
    if q is None:
        return None
    parts = q.name.split()
    words = [fold(word) for word in parts]
    family = [i for i, word in enumerate(words) if i > 0 and _family_name(word)]
    if family and family[0] < len(words) - 1:
        cut = family[0] + 1
        name = " ".join(parts[:cut])
        q = Quoted(name=name, role=q.role, start=q.start, end=q.start + len(name))
        words = words[:cut]
    if len(words) < 2 or not (given_name(words[0]) or _family_name(words[-1])) or common_noun(words[-1]) \
            or common_noun(words[0]) or _proclitic_word(words[0]) \
            or words[0][:1] in "بلو" and written(words[0][1:]) > written(words[0]) \
            or words[0].endswith(("ها", "هم", "هما")):   # بمحافظة، وقيادتها: a proclitic or a pronoun
        return None
    return q


def _sentences_between(text, tokens, a, b) -> int:
    if b <= a:
        return 0
    gap = text[tokens[a].end:tokens[b].start]
    return sum(gap.count(ch) for ch in _SENTENCE_ENDS)


def _feminine_verb(word: str) -> bool:
    """قالت، أضافت (past), تقول، تضيف (present): the speaker is a woman
    (or a body); تابع is past and masculine."""
    bare = word[1:] if word[:1] in "وف" and word[1:] in REPORTING_VERBS else word
    return bare.endswith("ت") or bare.startswith("ت") and "ي" + bare[1:] in REPORTING_VERBS


def _feminine_role(role: str) -> bool:
    """A role with a feminine title (الوزيرة، المتحدثة، السيدة، الدكتورة)."""
    for word in (role or "").split():
        word = fold(word)
        if word.endswith("ه") and (word in PERSON_TITLES or word in RANKS):
            return True
    return False

