"""What describes a candidate person (archive.speakers.candidates): the
evidence the learnt scorer weighs, each piece general — where the span
stands against its cue, what stands before and after it, and the corpus
counts of its words (a given name after ranks, a family name, a common
noun, a word with a proclitic or an attached pronoun, how often the corpus
writes it at all). The order of :data:`FEATURES` is the order of the
weights in archive/speakers/scorer_weights.json."""
from __future__ import annotations

import bisect
import functools
import math

from archive.arabic import fold
from archive.arabic import written as _written_uncached
from archive.speakers.given_names import adjective, common_noun, given_name, opens_names
from archive.speakers.name_span import _indefinite_accusative
from archive.speakers.reading import _family_name, _has_article, _proclitic_word, _written_with_article
from archive.speakers.vocabulary import (
    RANKS, REPORTING_VERBS, ROLE_VERBS, STOP, TITLES, UNNAMED, _CONNECTORS, _SAYING,
)

#: How far after a cue a name may start (a role of a dozen words and a rank).
_WINDOW = 16

_THAT = frozenset(fold(w) for w in ("أن", "إن", "أنه", "إنه", "أنها", "إنها", "بأن", "بأنه", "أنهم", "إنهم"))
#: Words before a name that make it an object, not a subject ("بقيادة الفريق X", "مع X").
_PREPOSITIONS = frozenset(fold(p + w) for w in ("مع", "عن", "إلى", "على", "من", "بين", "ضد", "لصالح", "بقيادة")
                          for p in ("", "و", "ف"))

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


def _with_pronoun(word: str) -> bool:
    """A noun with an attached pronoun (حديثه; ولايته, whose ة is written ت
    before the pronoun), by the corpus counts of the noun alone."""
    if _suffixed(word):
        return True
    for suffix in ("تهما", "تهم", "تها", "ته"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            noun = written(word[:-len(suffix)] + "ه")
            return noun >= 200 and noun >= 3 * written(word)
    return False


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
    f = {}           # only what is there: the model reads a missing feature as 0
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
