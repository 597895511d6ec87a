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
repeats it, whether the rules found it. :mod:`archive.speakers.scorer`
weighs the evidence with a model learnt from hand-tagged articles.
"""
from __future__ import annotations

import functools
import bisect
import math
import re
from dataclasses import dataclass

from archive.arabic import fold
from archive.arabic import written as _written_uncached
from archive.speakers.given_names import adjective, common_noun, given_name, opens_names
from archive.speakers.name_span import _indefinite_accusative
from archive.speakers.quotations import _inside_quotes, _within
from archive.speakers.reading import (
    Quoted, _Breaks, _family_name, _has_article, _proclitic_word, _written_with_article, watch,
)
from archive.speakers.vocabulary import (
    PERSON_TITLES, RANKS, REPORTING_VERBS, ROLE_VERBS, STOP, TITLES, UNNAMED, _CONNECTORS, _IN_NAME_OF,
    _OF_PRINCIPAL, _PRINCIPALS, _SAYING,
)

#: How far after a cue a name may start (a role of a dozen words and a rank).
_WINDOW = 16
#: At most this many words in a name (عبدالعزيز عبدالله بن سعيد).
_MAX_WORDS = 4
#: Candidates read after one cue.
_PER_CUE = 1
_SENTENCE_END_RE = re.compile("[.!?؟\n]")
_THAT = frozenset(fold(w) for w in ("أن", "إن", "أنه", "إنه", "أنها", "إنها", "بأن", "بأنه", "أنهم", "إنهم"))
#: Attribution without a verb: "بحسب X", "وفقا لـ X", "على لسان X".
_SOURCES = frozenset(fold(w) for w in (
    "بحسب", "وبحسب", "حسب", "وحسب", "وفقا", "ووفقا", "وفقاً", "ووفقاً", "طبقا", "وطبقا", "لسان", "نقلا", "نقلاً"))
#: Words before a name that make it an object, not a subject ("بقيادة الفريق X", "مع X").
_PREPOSITIONS = frozenset(fold(p + w) for w in ("مع", "عن", "إلى", "على", "من", "بين", "ضد", "لصالح", "بقيادة")
                          for p in ("", "و", "ف"))
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

#: The features, in the order the model's weights are written.
FEATURES = (
    "rules", "cue_reporting", "cue_role", "cue_source", "cue_before", "near", "distance",
    "after_rank", "after_title", "after_article_word", "comma_before", "quote_before",
    "words_2", "words_3", "words_4", "first_given", "first_opens", "first_common", "first_article_noun",
    "first_connector", "last_family", "last_adjective", "last_article", "repeated", "title_inside",
    "end_comma", "end_that", "end_colon", "end_stop_word", "end_other", "end_verb", "end_article_word",
    "verb_feminine", "cue_after_what", "title_in_sentence", "expanded",
    "proclitic_inside", "first_waw", "any_common", "after_proclitic", "speech_follows", "overlaps_place",
    "prep_between", "first_frequent", "last_frequent",
)


@dataclass
class Candidate:
    """A span of the text read as a person's name, and its evidence."""

    quoted: Quoted
    features: dict


def _letters(word: str) -> bool:
    return _ARABIC_WORD.fullmatch(word) is not None


@functools.lru_cache(maxsize=65536)
def _suffixed(word: str) -> bool:
    """Is the folded word a word with an attached pronoun (حديثه، يملكها،
    أبرزهم: the corpus writes حديث، يملك، أبرز three times as often),
    not a name that ends so (نزيه، بافقيه)?"""
    for suffix in ("هما", "هم", "ها", "ه"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = written(word[:-len(suffix)])
            return stem >= 200 and stem >= 3 * written(word)
    return False


def _plain(tokens, folded, j) -> bool:
    """Can word j stand in a name (not a particle, a role word, a verb, a
    word with a proclitic: لتطوير، بجامعة، وطبيب, a noun with the tanween's
    alif: ارتفاعا)?"""
    word = folded[j]
    return _letters(tokens[j].text) and word not in STOP and word not in REPORTING_VERBS \
        and word not in ROLE_VERBS and (word not in TITLES or word in _CONNECTORS) and not _clitic(word) \
        and not _accusative(word) and word not in _PREPOSITIONS and word not in _MORE_PARTICLES


_accusative = functools.lru_cache(maxsize=65536)(_indefinite_accusative)


@functools.lru_cache(maxsize=65536)
def written(folded_word: str) -> int:
    """:func:`archive.arabic.written`, remembered (the same words recur)."""
    return _written_uncached(folded_word)


@functools.lru_cache(maxsize=65536)
def _clitic(word: str) -> bool:
    """Is the folded word ب/ل/و/ف + a common word the corpus writes four
    times as often alone (لتطوير: تطوير, بجامعة: جامعة), and not a word
    that opens names after a rank in one of twenty uses (وليد، فيصل، بشار;
    لينا: ينا is rare)?"""
    if len(word) < 4 or word[0] not in "بلوف" or word.startswith(("ال", "لل")):
        return False
    alone, whole = written(word[1:]), written(word)
    return alone >= 500 and alone >= 4 * max(whole, 1) and opens_names(word) * 20 < whole


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


def _describe(r, s, e, c, kind, parts) -> dict:
    tokens, folded = r.tokens, r.folded
    f = _describe_name(r, parts)
    f["cue_" + kind] = 1.0
    distance = s - c - 1 if kind != "before" else 0
    f["distance"] = min(distance, _WINDOW) / _WINDOW
    f["near"] = 1.0 if distance == 0 else 0.0
    if s > 0:
        before = folded[s - 1]
        f["after_rank"] = float(before in RANKS)
        f["after_title"] = float(before in TITLES and before not in UNNAMED)
        f["after_article_word"] = float(_has_article(tokens, s - 1))
        gap = r.gap(s)
        f["comma_before"] = float("،" in gap or "," in gap)
        f["quote_before"] = float(any(ch in gap for ch in "\"“«"))
        f["after_proclitic"] = float(_proclitic_word(before) or before in _PREPOSITIONS)
    lo, hi = (c + 1, s) if kind != "before" else (s, c)
    f["title_inside"] = float(any(folded[x] in TITLES for x in range(lo, hi)))
    # a preposition between makes it an object ("بقيادة الفريق X")
    f["prep_between"] = float(any(folded[x] in _PREPOSITIONS or _clitic(folded[x]) for x in range(lo, hi)))
    f["cue_after_what"] = float(c > 0 and folded[c - 1] in ("ما", "بما", "حسبما"))
    f["verb_feminine"] = float(kind != "source" and folded[c].endswith("ت"))
    # the sentence names a role or rank somewhere before the name
    x, titled = s - 1, 0.0
    while x >= 0 and s - x <= 12 and not r.sentence_ends(x + 1):
        if folded[x] in RANKS or folded[x] in TITLES and folded[x] not in UNNAMED:
            titled = 1.0
            break
        x -= 1
    f["title_in_sentence"] = titled
    # a verb of speech follows, in this sentence or opening the next ("… فهد المفرج …، وقال:")
    said = r.said()
    at = bisect.bisect_left(said, e)
    if at < len(said) and said[at] - e <= 25 and \
            sum(1 for x in range(e + 1, said[at] + 1) if r.sentence_ends(x)) < 2:
        f["speech_follows"] = 1.0
    if e >= r.n:
        f["end_stop_word"] = 1.0
        return f
    gap, nxt = r.gap(e), folded[e]
    if "،" in gap or "," in gap:
        f["end_comma"] = 1.0
    elif ":" in gap:
        f["end_colon"] = 1.0
    elif nxt in _THAT:
        f["end_that"] = 1.0
    elif nxt in REPORTING_VERBS or nxt in ROLE_VERBS or nxt in _SAYING:
        f["end_verb"] = 1.0
    elif nxt in STOP:
        f["end_stop_word"] = 1.0
    elif _has_article(tokens, e):
        f["end_article_word"] = 1.0
    else:
        f["end_other"] = 1.0
    return f


@functools.lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    return fold(word)


def _describe_name(r, parts) -> dict:
    """The evidence of the name's own words, by the corpus counts."""
    f = dict.fromkeys(FEATURES, 0.0)
    folded = [_fold(p) for p in parts]
    n = len(folded)
    if n >= 2:
        f["words_%d" % min(n, 4)] = 1.0
    first, last = folded[0], folded[-1]
    f["first_given"] = float(given_name(first))
    f["first_opens"] = min(math.log1p(opens_names(first)) / 8, 1.0)
    f["first_common"] = float(common_noun(first))
    f["first_article_noun"] = float(_written_with_article(first, 20))
    f["first_connector"] = float(first in _CONNECTORS)
    f["last_family"] = float(_family_name(last))
    f["last_adjective"] = float(adjective(last))
    f["last_article"] = float(parts[-1].startswith("ال") and n > 1)
    f["proclitic_inside"] = float(any(_proclitic_word(w) for w in folded[1:]))
    f["first_waw"] = float(first.startswith("و") and written(first[1:]) > written(first))
    f["any_common"] = float(any(common_noun(w) for w in folded))
    # how often the corpus writes the words at all: a common word (سمعت، ستشهد) against a name
    f["first_frequent"] = min(math.log1p(written(first)) / 12, 1.0)
    f["last_frequent"] = min(math.log1p(written(last)) / 12, 1.0)
    times = r.count(last)
    f["repeated"] = min(math.log1p(times - 1) / 2, 1.0) if times > 1 else 0.0
    return f
