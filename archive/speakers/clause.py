"""Who speaks, read from the reporting clause itself.

News reports speech in one shape: a reporting verb, its subject, then what
was said — "وقال وزير البنى التحتية بولاية الخرطوم أحمد قاسم، إن …",
"أوضح وزير الخارجية التركي مولود أوغلو اليوم الأربعاء إن …". Where the
object clause opens (أن / إن / بأن …, a colon, an opening quotation mark)
is easy to see; the subject is every word between the verb and there. Its
name is the run of name-like words that *ends* the subject (a time word
between them dropped), and what stands before that run is the role (a
title, a word with the article, a place or a body ending at a word that
cannot be a name's). Reading from the end of the subject backwards avoids
the hard question the forward readers face — where a long role ends
("المنسق الأممي المعني بشؤون سوريا") — because the object clause tells where
the name stops.

A subject without a role is a name only when its first word is a given
name by the corpus counts ("وقال ريتشارد والتون رئيس خلية …" reads the name
first and the role after it). The object clause itself — what was said —
is returned too: a name inside it is the person spoken about, not a
speaker ("قال ترامب إن وزير الخارجية، مايك بومبيو، لم يتسلم …").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from archive.arabic import fold
from archive.speakers.evidence import _with_pronoun
from archive.speakers.given_names import adjective, common_noun, given_name
from archive.speakers.name_words import (
    _ARABIC, _GOD, _THAT, _and_word, _given, _name_like, _nisba_after_title, _noun, _preposition_first, _words_in,
)
from archive.speakers.reading import Quoted, _Breaks, _family_name, _has_article, positions, watch
from archive.speakers.statement import new_statement_verb, not_yet_said, statement_subject
from archive.speakers.vocabulary import (
    NEW_STATEMENT_VERBS, PERSON_TITLES, RANKS, REPORTING_VERBS, ROLE_VERBS, STOP, TITLES, UNNAMED, _ADVERBS,
    _CONNECTORS, _IN_NAME_OF,
    _OF_PRINCIPAL, _PRINCIPALS, _forms,
)

#: Words between a verb and where what was said begins, at most.
_REACH = 16
#: Words of a name read back from the object clause, at most.
_NAME_WORDS = 4
#: Attribution nouns are read elsewhere (بحسب، وفقا): a verb here.
#: (With the statement verbs new to the lists, read as role verbs: statement.py.)
_VERBS = (REPORTING_VERBS | ROLE_VERBS | NEW_STATEMENT_VERBS) - _forms("بحسب", "حسب", "نقلا", "نقلاً")
watch(_VERBS, _THAT)
#: A colon or an opening guillemet opens what was said (a plain " or “
#: also wraps names, "حملة "وان كامباين"", "“قاري حمزة”": not counted).
_OPENS_SAID = re.compile("[:«]")
#: A quotation mark that opens (right before the next word).
_QUOTE = re.compile("[\"“”]$")
#: What can end the subject between two words: a sentence end, a colon, «, a quotation mark.
_MARKS = re.compile("[.!?؟\n:«\"“”]")
_SENTENCE_END = re.compile("[.!?؟\n]")
_TO = frozenset(fold(w) for w in ("إلى", "الى"))
#: "أحد محاميي ترامب": one of a plural, not a name.
_ONE_OF = frozenset(fold(w) for w in ("أحد", "إحدى", "احدى"))


@dataclass
class Clause:
    """One reporting clause: the verb's word, the subject's person (or
    None), the characters of what was said (``said_start`` to
    ``said_end``) and where the subject begins (``role_start``)."""

    verb: int
    person: Quoted | None
    said_start: int
    said_end: int
    role_start: int = 0
    #: The name was read back from the object clause (else forward, after a title).
    read_back: bool = True


def _overlaps(spans, start, end) -> bool:
    return any(s < end and start < e for s, e in spans)


def clauses(text: str, words, matches=()) -> list[Clause]:
    """Every reporting clause of the text whose object clause can be seen."""
    tokens, folded = words
    n = len(tokens)
    verbs = positions(folded, _VERBS)
    if not n or not verbs:
        return []
    broken = _Breaks(text, tokens)
    known = [(m.start, m.end) for m in matches if m.kind == "speaker"]
    places = _PlaceWords(tokens, matches)
    out = []
    for at, v in enumerate(verbs):
        if not_yet_said(folded, v):
            continue              # "من المنتظر أن يعلن الرئيس X": speech to come
        b, quote = _said_begins(text, tokens, folded, v)
        if b is None:
            person = _titled_person(text, tokens, folded, broken, known, places, v)
            if person is not None and new_statement_verb(folded[v]) and not statement_subject(person):
                person = None
            if person is not None:
                out.append(Clause(v, person, person.end, person.end, tokens[v].end, False))
            continue
        if b == v + 1:
            continue
        end = b
        while end > v + 1 and folded[end - 1] in _ADVERBS:
            end -= 1          # "مولود أوغلو اليوم الأربعاء إن"
        said_end = _sentence_end(text, tokens[b].start)
        if at + 1 < len(verbs) and verbs[at + 1] > b:
            said_end = min(said_end, tokens[verbs[at + 1]].start)   # "… ، في حين أكد المواطن X"
        person = _person(text, tokens, folded, broken, known, places, v, end,
                         folded[v] in ROLE_VERBS or new_statement_verb(folded[v]))
        if person is not None and quote and not given_name(fold(person.name.split()[0])):
            person = None         # before a bare quotation mark only a name the counts know ("غداة إعلان "توافق"")
        back = person is not None
        if person is None:
            person = _titled_person(text, tokens, folded, broken, known, places, v, b)
        if new_statement_verb(folded[v]) and (person is None or not statement_subject(person)):
            continue              # no person its subject: what follows is no one's words ("أبدى اهتمامه … أن")
        out.append(Clause(v, person, tokens[b].start, said_end, tokens[v].end, back))
    return out


def _sentence_end(text, start) -> int:
    m = _SENTENCE_END.search(text, start)
    return m.start() if m else len(text)


def _person(text, tokens, folded, broken, known, places, v, end, needs_role):
    """The name that ends the subject (words v+1 … end-1), with its role;
    or the name that opens it, its role after a comma ("وقال جاي سيكولو،
    أحد محاميي ترامب، الأحد إن")."""
    first = _name_first(text, tokens, folded, broken, known, v, end)
    if first is not None:
        return first
    s = end
    if _last_family_name(tokens, folded, broken, end - 1, v):
        s -= 1                # "سامي بن خالد الريس أن": the article word before what was said ends a name
    words = _words_in(folded, s, end)
    while s > v + 1 and words < _NAME_WORDS and (_name_like(tokens, folded, s - 1) or folded[s - 1] == _GOD) \
            and (s == end or not broken[s - 1]):
        j = s - 1
        if j < end - 1 and _has_article(tokens, j) and folded[j - 1] not in _CONNECTORS and folded[j] != _GOD:
            break             # only the last word is a family name with the article (الجبير)
        if j in places:
            break             # "بشؤون سوريا بانوس مومتزيس": the place ends the role
        s -= 1
        words += folded[j] not in _CONNECTORS and folded[j] != _GOD
    if end - s < 2:
        return None
    # The name's first word: a given name by the counts, or the first word
    # after the role's end (an article word, a title, a comma, a place).
    start = None
    for i in range(s, end - 1):
        if i == s and (folded[i - 1] in UNNAMED and folded[i - 1] not in PERSON_TITLES or folded[i - 1] in _ONE_OF):
            continue          # "صحيفة وول ستريت"، "إقليم ننكرهار": the body's or the place's name
        if _nisba_after_title(tokens, folded, i) or _with_pronoun(folded[i]):
            continue          # "جنرال أمريكي رفيع": the title's adjective; "المنتهية ولايته": a noun and its pronoun
        if _given(tokens, folded, i) or i == s and _role_ends(text, tokens, folded, broken, places, v, i) \
                and not common_noun(folded[i]):
            start = i
            break
    if start is not None and not _given(tokens, folded, start):
        later = next((i for i in range(start + 1, end - 1) if _given(tokens, folded, i)), None)
        if later is not None:
            start = later     # "حاكم غزني محمد علي أحمدي": the name opens with the given name
    if start is None or not _given(tokens, folded, start) and (
            _preposition_first(folded[start]) or folded[start][0] in "لب" and _has_article(tokens, start + 1)):
        return None           # "لكرة القدم", "للقاحات الملاريا": ل + a noun
    if start == v + 2 and folded[v + 1] in UNNAMED and not _has_article(tokens, v + 1):
        return None           # "وأضاف مصدر ثان معارض": an unnamed source and its adjectives
    last = folded[end - 1]
    if _has_article(tokens, start) or last in _CONNECTORS or not given_name(folded[start]) \
            and adjective(last[2:] if last.startswith("ال") else last):
        return None           # "مسؤولون أمريكيون": a body, not a name
    if any(broken[i] for i in range(start, end - 1)):
        return None
    role_words = tokens[v + 1:start]
    if start == v + 1:
        if needs_role or not given_name(folded[start]):
            return None       # "أعلن إقالة X", "أكدت مصادر": no title, no given name
    elif not any(folded[i] in PERSON_TITLES or folded[i] in RANKS for i in range(v + 1, start)):
        return None           # no title in the subject: the words before are not a role
    for i in range(v + 1, start):
        if (folded[i] in _OF_PRINCIPAL or folded[i] in _IN_NAME_OF and folded[i + 1] in _PRINCIPALS) \
                and not any(broken[x] for x in range(i, start)):
            return None       # "المتحدث باسم الرئيس التركي رجب طيب أردوغان": whose spokesman, not who speaks
    c0, c1 = tokens[start].start, tokens[end - 1].end
    if _overlaps(known, c0, c1):
        return None           # a known speaker: linked, not proposed
    role = text[role_words[0].start:role_words[-1].end] if role_words else ""
    return Quoted(name=text[c0:c1], role=role.strip(" ،,"), start=c0, end=c1)


def _role_ends(text, tokens, folded, broken, places, v, i, construct=False) -> bool:
    """Does a name begin at word i because the role ends right before it:
    the verb itself, a comma, a title or rank, a word with the article
    (السوري، الخارجية), or a place (بولاية الخرطوم)? Not after a particle,
    a time word or a verb ("في يوليو الماضي"، "كان يعالج دوابشة").
    ``construct``: a given name begins the name, so any other noun before
    it may end the role ("حاكم مقاطعة شينكاي محمد قاسم خان")."""
    j = i - 1
    if j == v or broken[j]:
        return True
    word = folded[j]
    if word in STOP or word in _ADVERBS or word in REPORTING_VERBS or word in ROLE_VERBS:
        return False
    return construct or word in TITLES or word in RANKS or _has_article(tokens, j) \
        or j in places


def _titled_person(text, tokens, folded, broken, known, places, v, limit=None):
    """A subject that opens with a title and goes on past its name ("ندد
    رئيس البرلمان العراقي سليم الجبوري بعمليات …", "أكد حاكم مقاطعة شينكاي
    محمد قاسم خان حصيلة القتلى"): the name is the first run that begins with
    a given name by the corpus counts right where the role ends."""
    n = len(tokens) if limit is None else limit
    k = v + 1
    while k < n and folded[k] in _ADVERBS:
        k += 1
    if k >= n or not (folded[k] in PERSON_TITLES or folded[k] in RANKS) or folded[k] in UNNAMED \
            and folded[k] not in RANKS and not _has_article(tokens, k):
        return None
    for i in range(k + 1, min(k + _REACH, n)):
        if broken[i - 1] and _SENTENCE_END.search(text[tokens[i - 1].end:tokens[i].start]) \
                or folded[i] in _THAT or folded[i] in REPORTING_VERBS or folded[i] in ROLE_VERBS:
            return None
        if not (given_name(folded[i]) and not _nisba_after_title(tokens, folded, i) and _name_like(tokens, folded, i)
                and _role_ends(text, tokens, folded, broken, places, v, i, construct=True)):
            continue
        if folded[i] in _CONNECTORS and i - 1 > k and not broken[i - 1] and _name_like(tokens, folded, i - 1) \
                and not _has_article(tokens, i - 1) and not common_noun(folded[i - 1]):
            i -= 1            # "بلال أبو صلاح": the given name before أبو / عبد is the name's
        e = i + 1
        while e < n and _words_in(folded, i, e) < _NAME_WORDS and not broken[e - 1] and (
                _name_like(tokens, folded, e) or folded[e - 1] in _CONNECTORS and _ARABIC.fullmatch(tokens[e].text)) \
                and (folded[e - 1] in _CONNECTORS or not _noun(folded[e], e - i) and not _with_pronoun(folded[e])
                     and not _and_word(folded[e])) \
                and e not in places:
            e += 1
            if _has_article(tokens, e - 1):
                break         # a family name with the article ends the name
        while e - i > 1 and folded[e - 1] in _CONNECTORS:
            e -= 1
        if e - i < 2 or adjective(folded[e - 1][2:] if folded[e - 1].startswith("ال") else folded[e - 1]):
            return None
        if any((folded[x] in _OF_PRINCIPAL or folded[x] in _IN_NAME_OF and folded[x + 1] in _PRINCIPALS)
               and not any(broken[y] for y in range(x, i)) for x in range(k, i)):
            return None       # whose spokesman or lawyer, not who speaks
        c0, c1 = tokens[i].start, tokens[e - 1].end
        if _overlaps(known, c0, c1):
            return None
        role = text[tokens[k].start:tokens[i - 1].end].strip(" ،,")
        return Quoted(name=text[c0:c1], role=role, start=c0, end=c1)
    return None


def _last_family_name(tokens, folded, broken, j, v) -> bool:
    """Is word j, with the article, the family name that ends a name right
    before what was said ("المهندس سامي بن خالد الريس أن")? After a plain
    name word, when the corpus does not make it an adjective or a noun."""
    if j - 1 <= v or not tokens[j].text.startswith("ال") or broken[j - 1] or _name_like(tokens, folded, j):
        return False
    word, bare = folded[j], folded[j][2:]
    if word in TITLES or word in RANKS or adjective(bare) or common_noun(bare) or len(bare) < 3:
        return False
    return _name_like(tokens, folded, j - 1) and not _has_article(tokens, j - 1)


def _person_before_quote(tokens, folded, v, k) -> bool:
    """A quotation mark after the verb's subject opens what was said ("قالت
    النائبة فريدريكا ويلسون "رئيس …") when the word before it can end a
    name; after a body's word it names the body ("باسم حملة "وان كامباين"")."""
    j = k - 1
    return j > v + 1 and _name_like(tokens, folded, j) and not _has_article(tokens, j) or _family_name(folded[j])


def _name_first(text, tokens, folded, broken, known, v, end):
    """A name right after the verb, closed by a comma before the rest of
    the subject: at least two words, the first a given name by the counts."""
    if not given_name(folded[v + 1]):
        return None
    e = v + 1
    while e < end and e - v <= _NAME_WORDS and _name_like(tokens, folded, e):
        e += 1
        if broken[e - 1]:
            break
    if e - (v + 1) < 2 or e >= end or not broken[e - 1] or not given_name(folded[v + 1]) \
            or "،" not in text[tokens[e - 1].end:tokens[e].start] and "," not in text[tokens[e - 1].end:tokens[e].start]:
        return None
    c0, c1 = tokens[v + 1].start, tokens[e - 1].end
    if _overlaps(known, c0, c1):
        return None
    role = text[tokens[e].start:tokens[end - 1].end].strip(" ،,")
    return Quoted(name=text[c0:c1], role=role, start=c0, end=c1)


def _closes_soon(text, tokens, k) -> bool:
    """Does the quotation opening before word k close within three words?"""
    for j in range(k + 1, min(k + 4, len(tokens))):
        if any(ch in "\"”" for ch in text[tokens[j - 1].end:tokens[j].start]):
            return True
    return False


def _named_in_guillemets(text, tokens, k) -> bool:
    """Does the « before word k wrap a short name (one or two words, closed
    by » with the next word straight after it, no mark between) rather than
    open what was said? "مدير إعلام «أبين» ياسر باعزب"، "رئيس تحرير «عكاظ»
    الزميل X": the subject goes on after the closing mark."""
    for j in range(k + 1, min(k + 3, len(tokens))):
        gap = text[tokens[j - 1].end:tokens[j].start]
        if "»" in gap:
            return gap.strip() == "»"
        if gap.strip():
            return False
    return False


def _past_guillemets(text, tokens, skipped, k) -> int:
    """Where what was said begins, the opener at word k found past a short
    name in guillemets (before word ``skipped``): k when at least two
    words stand between the closing » and k with no comma but one right
    before k (a name there, "«أبين» ياسر باعزب: إن"); else the guillemet
    ("ونشرته مجلة «فورين بوليسي» أن"، "لـ«الشرق الأوسط» نحو مليوني طفل، يعمل").
    """
    if skipped is None:
        return k
    after = next(j for j in range(skipped + 1, k + 1) if "»" in text[tokens[j - 1].end:tokens[j].start])
    if k - after < 2 or any(ch in "،," for j in range(after + 1, k) for ch in text[tokens[j - 1].end:tokens[j].start]):
        return skipped
    return k


def _said_begins(text, tokens, folded, v):
    """Where what was said begins after the verb at v: (word, whether a
    bare quotation mark opens it); (None, False) where the subject runs on
    to another verb, a sentence end, إلى or a quotation with no name
    before it."""
    hi = min(v + 1 + _REACH, len(tokens))
    hi_c = tokens[hi - 1].start
    mark = _MARKS.search(text, tokens[v].end, hi_c)
    # A short name in guillemets the subject went on past: if no opener
    # follows after all, the guillemet opened what was said, as before.
    skipped = None
    for k in range(v + 1, hi):
        at = tokens[k].start
        while mark is not None and mark.start() < at:
            ch = mark.group()
            if ch in ".!?؟\n":
                return skipped, False
            if ch == "«" and _named_in_guillemets(text, tokens, k):
                skipped = k if skipped is None else skipped
                mark = _MARKS.search(text, max(at, mark.end()), hi_c)
                continue          # "وقال مدير إعلام «أبين» ياسر باعزب: إن": a body's name inside the role
            if ch in ":«":
                return _past_guillemets(text, tokens, skipped, k), False
            if _QUOTE.search(text, tokens[k - 1].end, at):   # a quotation mark opens before word k
                if _person_before_quote(tokens, folded, v, k):
                    return k, True
                if not _closes_soon(text, tokens, k):
                    return skipped, False     # a quotation opens: what follows is not the subject
                # (a short quoted name, 'لشركة "نور" للاتصالات', goes on with the role)
            mark = _MARKS.search(text, max(at, mark.end()), hi_c)
        word = folded[k]
        if word in _THAT:
            return _past_guillemets(text, tokens, skipped, k), False
        if k > v + 1 and (word in REPORTING_VERBS or word in ROLE_VERBS) or word in _TO:
            return skipped, False    # another verb's clause; "أشارت الوزارة إلى": the object has begun
    return skipped, False


class _PlaceWords:
    """``j in places``: does a place or force of the gazetteer cover word j?
    (Asked of a few words per clause: answered when asked.)"""

    def __init__(self, tokens, matches):
        self.tokens = tokens
        self.spans = [(m.start, m.end) for m in matches if m.kind != "speaker"]

    def __contains__(self, j) -> bool:
        t = self.tokens[j]
        return any(s < t.end and t.start < e for s, e in self.spans)
