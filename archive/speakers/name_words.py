"""What a word of a name is, for the reporting clause's reader
(:mod:`archive.speakers.clause`): not a particle, a title, a verb or a time
word, not ب/ل + a common noun, a noun with its pronoun or a title's nisba —
each told by the corpus counts rather than by lists of the words seen."""
from __future__ import annotations

import functools
import re

from archive.arabic import fold, written
from archive.speakers.candidates import _MORE_PARTICLES
from archive.speakers.evidence import _accusative, _clitic
from archive.speakers.given_names import common_noun, given_name, opens_names
from archive.speakers.reading import _family_name, _has_article, _proclitic_word
from archive.speakers.vocabulary import (
    RANKS, REPORTING_VERBS, ROLE_VERBS, STOP, TITLES, _ADVERBS, _CONNECTORS, _IN_NAME_OF, _WHAT, _forms,
)

#: A nisba adjective is written with the article at least this often.
_NISBA_WRITTEN = 1000
#: A word written this often with the article is a noun, past a name's second word.
_NOUN_WITH_ARTICLE = 100
#: The words that open what was said.
_THAT = _forms("أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها", "بأنه", "بأنها", "أنهم", "إنهم",
               "بأنهم", "أنّ", "إنّ")
_ALI = fold("علي")
_GOD = fold("الله")
#: Particles a name never holds, besides the vocabulary's and the candidates'.
_PARTICLES = frozenset(fold(w) for w in ("تحت", "فوق", "عبر", "خلال", "ضمن", "وسط"))
_ARABIC = re.compile("[\u0621-\u064a\u064b-\u0652\u0670\u0640]{2,}")


def _name_like(tokens, folded, j) -> bool:
    """Can word j stand in a name: Arabic letters, not a particle, a title,
    a verb or a time word, no ب/ل + common word; with the article only a
    family name (الجبير, not الخارجية)."""
    word = folded[j]
    if word == _ALI:
        return tokens[j].text.endswith("ي")      # علي the name, not على
    if not _name_word(word) or not _ARABIC.fullmatch(tokens[j].text):
        return False
    return not _has_article(tokens, j) or _family_name(word)


@functools.lru_cache(maxsize=65536)
def _name_word(word: str) -> bool:
    """The folded word is not a particle, title, verb, time word or ب/ل +
    a common word (what :func:`_name_like` asks of every word)."""
    return not (len(word) < 2 or word in STOP or word in _ADVERBS
                or word in REPORTING_VERBS or word in ROLE_VERBS or word in _THAT
                or word in TITLES and word not in _CONNECTORS or word in _IN_NAME_OF or word in _WHAT
                or word in _MORE_PARTICLES or word in _PARTICLES or _proclitic_word(word) or _clitic(word)
                or _accusative(word))


def _nisba_after_title(tokens, folded, i) -> bool:
    """Is word i a nisba adjective of the bare title before it ("جنرال
    أمريكي", "مسؤول عراقي"): a word ending in ي that the corpus writes with
    the article often, and at least half as often as without?"""
    word = folded[i]
    if i == 0 or _has_article(tokens, i - 1) or not word.endswith("ي") \
            or folded[i - 1] not in TITLES and folded[i - 1] not in RANKS:
        return False
    with_article = written("ال" + word)
    return with_article >= _NISBA_WRITTEN and 2 * with_article >= written(word)


def _noun(word: str, after: int) -> bool:
    """Does the word (``after`` words into a name) start the verb's object
    rather than go on with the name: a common noun by the counts, or, past
    two words, a word that never opens a name and is written with the
    article ("محمد قاسم خان حصيلة القتلى")?"""
    if given_name(word):
        return False
    return common_noun(word) or after >= 2 and opens_names(word) == 0 and written("ال" + word) >= _NOUN_WITH_ARTICLE


def _words_in(folded, s, e) -> int:
    """Words of a name between s and e, not counting بن، آل، عبد، أبو, الله
    (محمد بن راشد آل مكتوم is four)."""
    return sum(1 for w in folded[s:e] if w not in _CONNECTORS and w != _GOD)


def _preposition_first(word: str) -> bool:
    """ل/ب + a word the corpus writes at least as often alone (للقاحات:
    لقاحات): a preposition and a noun, not a name (باولو، لين)."""
    if len(word) < 4 or word[0] not in "لب":
        return False
    alone = written(word[1:])
    return alone >= 100 and alone >= written(word)


def _and_word(word: str) -> bool:
    """و + a word the corpus writes alone ("صالح ووجدنا فيه"): the sentence
    goes on, the name has ended (وليد، وائل open names: given names)."""
    return word.startswith("و") and len(word) > 3 and not given_name(word) and written(word[1:]) >= 50


def _given(tokens, folded, i) -> bool:
    """Is word i a given name by the corpus counts (علي as written with ي too)?"""
    return given_name(folded[i]) or folded[i] == _ALI and tokens[i].text.endswith("ي")
