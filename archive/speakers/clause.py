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
name by the corpus counts, or when a person's title follows it ("وقال
ريتشارد والتون رئيس خلية …" reads the name first and the role after it:
``subject_slot._name_then_role``). The object clause itself — what was said —
is returned too: a name inside it is the person spoken about, not a
speaker ("قال ترامب إن وزير الخارجية، مايك بومبيو، لم يتسلم …").

The subject slot itself — who stands in it, where it ends, whether the
words before the name are a role — is read by :mod:`archive.speakers.subject_slot`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from archive.arabic import fold
from archive.speakers.given_names import given_name
from archive.speakers.name_words import _THAT, _name_like
from archive.speakers.reading import Quoted, _Breaks, _family_name, _has_article, positions, watch
from archive.speakers.statement import new_statement_verb, not_yet_said, statement_subject
from archive.speakers.subject_slot import (
    _MARKS, _REACH, _SENTENCE_END, _governed_name_then_role, _governed_subject, _name_then_role, _person, _slot_end,
    _titled_person,
)
from archive.speakers.vocabulary import NEW_STATEMENT_VERBS, REPORTING_VERBS, ROLE_VERBS, _forms

#: Attribution nouns are read elsewhere (بحسب، وفقا): a verb here.
#: (With the statement verbs new to the lists, read as role verbs: statement.py.)
_VERBS = (REPORTING_VERBS | ROLE_VERBS | NEW_STATEMENT_VERBS) - _forms("بحسب", "حسب", "نقلا", "نقلاً")
watch(_VERBS, _THAT)
#: A colon or an opening guillemet opens what was said (a plain " or “
#: also wraps names, "حملة "وان كامباين"", "“قاري حمزة”": not counted).
_OPENS_SAID = re.compile("[:«]")
#: A quotation mark that opens (right before the next word).
_QUOTE = re.compile("[\"“”]$")
_TO = frozenset(fold(w) for w in ("إلى", "الى"))


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
            back = False
            if person is None:
                person = _governed_subject(text, tokens, folded, broken, known, places, v)
                if person is None:
                    person = _governed_name_then_role(text, tokens, folded, broken, known, places, v)
                back = person is not None
            if person is not None:
                out.append(Clause(v, person, person.end, person.end, tokens[v].end, back))
            continue
        if b == v + 1:
            continue
        end = _slot_end(folded, v, b)     # "مولود أوغلو اليوم الأربعاء إن", "راجح بادي من جانبه أن"
        said_end = _sentence_end(text, tokens[b].start)
        if at + 1 < len(verbs) and verbs[at + 1] > b:
            said_end = min(said_end, tokens[verbs[at + 1]].start)   # "… ، في حين أكد المواطن X"
        person = _person(text, tokens, folded, broken, known, places, v, end,
                         folded[v] in ROLE_VERBS or new_statement_verb(folded[v]), untitled=True)
        if person is not None and quote and not given_name(fold(person.name.split()[0])):
            person = None         # before a bare quotation mark only a name the counts know ("غداة إعلان "توافق"")
        back = person is not None
        if person is None:
            person = _titled_person(text, tokens, folded, broken, known, places, v, b)
        titled_after = False
        if person is None:
            person = _name_then_role(text, tokens, folded, broken, known, places, v, end)
            back = titled_after = person is not None   # "وقال ريتشارد والتون رئيس خلية … إن": the role after the name
        if new_statement_verb(folded[v]) and not titled_after and (person is None or not statement_subject(person)):
            continue              # no person its subject: what follows is no one's words ("أبدى اهتمامه … أن")
        out.append(Clause(v, person, tokens[b].start, said_end, tokens[v].end, back))
    return out


def _sentence_end(text, start) -> int:
    m = _SENTENCE_END.search(text, start)
    return m.start() if m else len(text)


def _person_before_quote(tokens, folded, v, k) -> bool:
    """A quotation mark after the verb's subject opens what was said ("قالت
    النائبة فريدريكا ويلسون "رئيس …") when the word before it can end a
    name; after a body's word it names the body ("باسم حملة "وان كامباين"")."""
    j = k - 1
    return j > v + 1 and _name_like(tokens, folded, j) and not _has_article(tokens, j) or _family_name(folded[j])


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
