"""Every span that may be a quoted person, generously, and what describes it.

The rules (:mod:`archive.speakers.quotations`, :mod:`~archive.speakers.carried`,
:mod:`~archive.speakers.proposals`) read one structure at a time and drop
what they cannot read. Here every name-like run of words near a cue of
speech is a candidate — after a reporting verb, through a role however
long ("وأكد المدير التنفيذي لـ "إم إس إن" العربية … الأستاذ رامي رياض"),
after بحسب / وفقا / على لسان, or right before a verb ("لكن ويلسون قال") —
and each is described by evidence that holds in any outlet: which cue and
how far, what stands right before and after it (a rank, a comma, أن, a
colon), the corpus counts of its first word as a given name and of its
last as a family name or a common noun, its length, how often the article
repeats it, whether the rules found it (:mod:`archive.speakers.evidence`).
:mod:`archive.speakers.scorer` weighs the evidence with a model learnt from
hand-tagged articles.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from archive.arabic import fold
from archive.speakers.evidence import (
    _PREPOSITIONS, _THAT, _WINDOW, _accusative, _clitic, _describe, _describe_name, _suffixed,
)
from archive.speakers.given_names import common_noun, given_name
from archive.speakers.quotations import _inside_quotes, _within
from archive.speakers.reading import (
    Quoted, _Breaks, _family_name, _has_article, watch,
)
from archive.speakers.vocabulary import (
    PERSON_TITLES, RANKS, REPORTING_VERBS, ROLE_VERBS, STOP, TITLES, UNNAMED, _CONNECTORS, _IN_NAME_OF,
    _OF_PRINCIPAL, _PRINCIPALS, _SAYING,
)

#: At most this many words in a name (عبدالعزيز عبدالله بن سعيد).
_MAX_WORDS = 4
#: Candidates read after one cue.
_PER_CUE = 1
_SENTENCE_END_RE = re.compile("[.!?؟\n]")
#: Attribution without a verb: "بحسب X", "وفقا لـ X", "على لسان X".
_SOURCES = frozenset(fold(w) for w in (
    "بحسب", "وبحسب", "حسب", "وحسب", "وفقا", "ووفقا", "وفقاً", "ووفقاً", "طبقا", "وطبقا", "لسان", "نقلا", "نقلاً"))
_SAID = _SAYING | _SOURCES
#: Every word a candidate is read from or described by.
CUE_WORDS = REPORTING_VERBS | ROLE_VERBS | _SAID
watch(CUE_WORDS)
#: After a cue, a name begins right after it, or after a rank or role word,
#: a word with the article (the end of a role), a comma or a quote.
#: (Not after a body: "أصدقاء عبد العزيز", "وزارة X" name whose, not who.)
_BEFORE_NAME = (RANKS | PERSON_TITLES) - UNNAMED
#: Particles no name holds, besides the vocabulary's STOP.
_MORE_PARTICLES = frozenset(fold(w) for w in ("ضد", "مثل", "نحو", "دون", "بدون", "حتى", "لكي", "كي", "أمام", "وراء"))
_ARABIC_WORD = re.compile("[\u0621-\u064a\u064b-\u0652\u0670\u0640]{2,}")



@dataclass
class Candidate:
    """A span of the text read as a person's name, and its evidence."""

    quoted: Quoted
    features: dict


def _letters(word: str) -> bool:
    return _ARABIC_WORD.fullmatch(word) is not None


def _plain(tokens, folded, j) -> bool:
    """Can word j stand in a name (not a particle, a role word, a verb, a
    word with a proclitic: لتطوير، بجامعة، وطبيب, a noun with the tanween's
    alif: ارتفاعا)?"""
    word = folded[j]
    return _letters(tokens[j].text) and word not in STOP and word not in REPORTING_VERBS \
        and word not in ROLE_VERBS and (word not in TITLES or word in _CONNECTORS) and not _clitic(word) \
        and not _accusative(word) and word not in _PREPOSITIONS and word not in _MORE_PARTICLES


class _Reader:
    """One article's words and what the candidates need of them."""

    def __init__(self, text, words, matches):
        self.text = text
        self.tokens, self.folded = words
        self.n = len(self.tokens)
        self.broken = _Breaks(text, self.tokens)
        self.known = sorted((m.start, m.end) for m in matches if m.kind != "place")
        self.places = sorted((m.start, m.end) for m in matches if m.kind == "place")
        self._ends, self._plain = {}, {}
        self.verbs = ()      # cue words: verbs, words of saying and attribution (set by candidates())

    def said(self) -> list:
        """Reporting verbs, words of saying and of attribution, in order."""
        return self.verbs

    def count(self, word) -> int:
        return self.folded.count(word)

    def positions(self, word):
        """Where the word stands in the text."""
        i = -1
        while True:
            try:
                i = self.folded.index(word, i + 1)
            except ValueError:
                return
            yield i

    def gap(self, i) -> str:
        """The characters between word i - 1 and word i."""
        return self.text[self.tokens[i - 1].end:self.tokens[i].start] if i > 0 else ""

    def sentence_ends(self, i) -> bool:
        """Is there a sentence end between word i - 1 and word i?"""
        if i <= 0 or not self.broken[i - 1]:
            return False
        found = self._ends.get(i)
        if found is None:
            found = self._ends[i] = _SENTENCE_END_RE.search(self.gap(i)) is not None
        return found

    def plain(self, j) -> bool:
        found = self._plain.get(j)
        if found is None:
            found = self._plain[j] = _plain(self.tokens, self.folded, j)
        return found

    def opens(self, j) -> bool:
        return self.plain(j) and not _has_article(self.tokens, j)

    def span(self, k):
        """The name that begins at word k: plain words up to a break, a
        particle, a role word or a verb; a word with the article ends it."""
        e = k + 1
        if _has_article(self.tokens, k):
            return e
        while e < self.n and e - k < _MAX_WORDS + (self.folded[e - 1] in _CONNECTORS) \
                and not self.broken[e - 1] and self.plain(e):
            if _has_article(self.tokens, e):       # a family name ends it (الجبير), a role word is not one (القائم)
                if _family_name(self.folded[e]) or self.folded[e - 1] in _CONNECTORS:
                    e += 1
                break
            if self.folded[e - 1] not in _CONNECTORS and (_suffixed(self.folded[e]) or common_noun(self.folded[e]) and (
                    e - k >= 2 or not given_name(self.folded[k]))):
                break            # "يونكر مطلع", "عبدالغني حديثه": a noun of the sentence, not the name's ("سامر حداد" is one)
            e += 1
        while e - k > 1 and self.folded[e - 1] in _CONNECTORS:
            e -= 1               # "فيصل بن مشعل بن": no name ends in بن, آل, عبد
        return e

    def overlaps_known(self, start, end) -> bool:
        return _overlaps(self.known, start, end)

    def overlaps_place(self, start, end) -> bool:
        return _overlaps(self.places, start, end)

    def fuller(self, j):
        """A one-word name the article gives in full elsewhere ("محرز":
        "رياض محرز"): the longest such form, as (start word, end word)."""
        word, best = self.folded[j], None
        for i in self.positions(word):
            if i == j or i == 0:
                continue
            if self.broken[i - 1] or not self.opens(i - 1):
                continue
            s = i - 1          # one given name, more only through عبد/بن/أبو or given names by the counts
            while s > 0 and i - s < _MAX_WORDS - 1 and not self.broken[s - 1] \
                    and self.opens(s - 1) and (
                        self.folded[s - 1] in _CONNECTORS or self.folded[s] in _CONNECTORS
                        or given_name(self.folded[s - 1])):
                s -= 1
            if s < i and (best is None or i - s > best[1] - best[0] - 1):
                best = (s, i + 1)
        return best


def candidates(text: str, words, matches, verbs, rule_proposals, read=()) -> list[Candidate]:
    """Every candidate person of the text (see the module). ``verbs``: the
    indexes, in order, of the words in :data:`CUE_WORDS` (reporting and
    role verbs, words of saying and attribution); ``rule_proposals``:
    what the rules propose (each is a candidate, marked so); ``read``: the
    character offsets where the rules read a quoted person or a known
    speaker — a cue with one of them right after it is left to the rules
    (what they read there is among ``rule_proposals``)."""
    r = _Reader(text, words, matches)
    read = sorted(read)
    r.verbs = verbs
    out: dict[tuple, Candidate] = {}
    cues = [(v, "source" if r.folded[v] in _SOURCES else "role" if r.folded[v] in ROLE_VERBS else "reporting")
            for v in verbs if r.folded[v] not in _SAYING or r.folded[v] in _SOURCES]
    quoted_spans = None
    for c, kind in cues:
        reach = r.tokens[min(c + _WINDOW, r.n - 1)].start
        at = bisect.bisect_right(read, r.tokens[c].end)
        if at < len(read) and read[at] <= reach:
            continue
        if quoted_spans is None:
            quoted_spans = _inside_quotes(text) if any(ch in text for ch in "\"“«") else []
        if quoted_spans and _within(quoted_spans, r.tokens[c].start):
            continue             # '"أبلغت نابوت أن …"': the verb is what was said
        found = 0
        k = c + 1
        while k < r.n and k - c <= _WINDOW and found < _PER_CUE:
            word = r.folded[k]
            if r.sentence_ends(k) or word in _THAT or k > c + 1 and (word in REPORTING_VERBS or word in ROLE_VERBS) \
                    or r.broken[k - 1] and _speech_opens(r, k):
                break            # what was said, or another verb's, begins here
            if word in _OF_PRINCIPAL or word in _IN_NAME_OF and k + 1 < r.n and r.folded[k + 1] in _PRINCIPALS:
                break            # "المحامي السابق للرئيس X", "المتحدث باسم الرئيس X": X is not the one speaking
            if (k == c + 1 or r.folded[k - 1] in _BEFORE_NAME or kind != "source" and (
                    r.broken[k - 1] or _has_article(r.tokens, k - 1))) and r.opens(k):
                # (attribution, "بحسب X", names its source right away or after a role: not "حسب التوقعات …")
                e = r.span(k)
                found += _add(r, out, k, e, c, kind)
                k = e
                continue
            k += 1
        if kind != "source" and c > 0 and not r.broken[c - 1] and not common_noun(r.folded[c - 1]) \
                and r.plain(c - 1):
            s = c - 1          # "لكن ويلسون قال", "الرئيس السيسي قال"
            while s > 0 and c - s < _MAX_WORDS and not r.broken[s - 1] and r.opens(s - 1):
                s -= 1
            _add(r, out, s, c, c, "before")
    for q in rule_proposals:
        key = fold(q.name)
        if key in out:           # the rules' reading of it, with its role
            out[key] = Candidate(q, {**out[key].features, "rules": 1.0})
        else:
            out[key] = Candidate(q, {**_describe_name(r, q.name.split()), "rules": 1.0})
    return list(out.values())


def _speech_opens(r, k) -> bool:
    """Does what was said begin at word k: after a colon, or a quotation
    mark that no other closes within a few words (a quoted name inside a
    role, 'لشركة "نور" للاتصالات', is closed at once)?"""
    gap = r.gap(k)
    if ":" in gap:
        return True
    if not gap or gap[-1] not in "\"“«":
        return False         # no quotation opens right before the word (a closing one: 'نور" للاتصالات')
    start = r.tokens[k].start
    return not any(ch in r.text[start:start + 30] for ch in "\"”»")


def _overlaps(spans, start, end) -> bool:
    """Does any of the sorted (start, end) spans overlap start..end?
    (Spans are short; one that starts 200 characters before cannot reach.)"""
    at = bisect.bisect_left(spans, (start - 200,))
    while at < len(spans) and spans[at][0] < end:
        if spans[at][1] > start:
            return True
        at += 1
    return False


def _add(r, out, s, e, c, kind) -> bool:
    """A candidate for words s..e-1 read from the cue at c; False when
    there is none (a lone word the article never gives in full, a known
    entity, a name already read)."""
    if e <= s:
        return False
    expanded = 0.0
    if e - s == 1:
        full = r.fuller(s)
        if full is None:
            return False
        parts = [r.tokens[x].text for x in range(*full)]
        expanded = 1.0
    else:
        parts = [r.tokens[x].text for x in range(s, e)]
    name = " ".join(parts)
    start, end = r.tokens[s].start, r.tokens[e - 1].end
    if r.overlaps_known(start, end):
        return False
    key = fold(name)
    if key in out:
        return True
    features = _describe(r, s, e, c, kind, parts)
    features["expanded"] = expanded
    features["overlaps_place"] = float(r.overlaps_place(start, end))
    out[key] = Candidate(Quoted(name=name, role="", start=start, end=end), features)
    return True


