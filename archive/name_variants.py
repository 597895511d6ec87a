"""A name typed in a transliteration the gazetteer does not list.

Foreign names reach Arabic in several spellings: the "g" of Caggins and
Gedney is written ك, گ, غ or ج (كاكينز, كاگينز, كيغنز, كاجينز; غيدني,
جيدني), and the long vowels come and go; Latin transliterations of Arabic
and Kurdish names differ in their vowels, doubled letters, a final -h for
ة and the article (Khanaqin/Khaneqin, Hamrin/Himreen, Rmelan/Rumeilan,
Deir ez-Zor/Deir Ezzor, Hasakah/al-Hasaka). Each gazetteer name is reduced
to a **loose key** that keeps only what such spellings share (the
consonants, the "g" letters as one); a typed phrase whose loose key is the
key of exactly one entity names that entity.

A name is also typed without the word that says what kind of thing it is
(Zagros for Zagros Arabic, Kul al-Iraq for Kul al-Iraq News Agency,
زاكروس for زاكروس عربية), or with one (الموصل مدينة). Those **descriptor**
words are read from the gazetteer, per kind: a word standing before or after
an entity's own name in another of its names, for at least
``MIN_DESCRIPTOR_PAIRS`` names of that kind (صحيفة, وكالة, Arabic, agency,
news, TV for outlets; محافظة, مدينة, governorate, مخيم, جبل for places).

The search asks this only for a phrase of which no word is in the archive
as typed (:mod:`archive.search.names`), so a word the archive holds is never
taken for a name it merely resembles, and an unknown spelling that would
find nothing finds the entity's articles, said in the names notice.
"""
from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path

from archive.arabic import fold, strip_marks, tokenize, written
from archive.edit_distance import damerau_levenshtein

#: The letters Arabic writes a foreign "g" with, and the ones it shares a sound with.
_G_LETTERS = str.maketrans({"ج": "ك", "غ": "ك", "گ": "ك", "ق": "ك"})
_ARABIC_VOWELS = re.compile("[اويىء]")
_LATIN_ARTICLES = frozenset({"al", "el", "ad", "ed", "an", "ar", "as", "at", "az", "es", "et", "ez", "the"})
_LATIN_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_LATIN_VOWELS = re.compile(r"[aeiouyw'’]")
_DOUBLED = re.compile(r"(.)\1+")
#: Dashes a Latin name is typed with (al‑Abadi with a non-breaking hyphen,
#: al–Abadi) and the marks of an ayn or a hamza ('Abadi, al-ʿAbadi, Ba’ath
#: keeps its inner one): read as the gazetteer writes them.
_LATIN_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2212\u00ad]")
_LATIN_AYN = re.compile(r"(?:(?<=^)|(?<=[\s-]))['’‘ʿʾ`´](?=[A-Za-z])")


def fold_latin_marks(text: str) -> str:
    """``text`` with a Latin name's typographic dashes as "-" and an ayn or
    hamza mark before a word or after al- dropped: al‑Abadi, 'Abadi and
    al-ʿAbadi are al-Abadi and Abadi. Arabic letters are left as they are."""
    if not text or not any("a" <= ch.lower() <= "z" for ch in text):
        return text
    return _LATIN_AYN.sub("", _LATIN_DASHES.sub("-", text))


#: The ordinary English words (SCOWL's lowercase entries, built by
#: scripts/build_english_words.py; its notice heads the file).
ENGLISH_WORDS_PATH = Path(__file__).resolve().parent / "lexicon" / "english_words.txt.gz"


@cache
def english_words() -> dict:
    """The ordinary English words: word -> True if SCOWL also lists it
    capitalised, as a proper name (turkey/Turkey, nice/Nice)."""
    words = {}
    try:
        with gzip.open(ENGLISH_WORDS_PATH, "rt", encoding="utf-8") as lines:
            for line in lines:
                if line.strip() and not line.startswith("#"):
                    word, _, proper = line.rstrip("\n").partition("\t")
                    words[word] = bool(proper)
    except OSError:  # a checkout without the list reads every Latin word loosely, as before
        pass
    return words


def is_english(text: str) -> bool:
    """``text`` is one ordinary English word, written with the letters a-z
    alone: "woman", "Mosque", "border". Such a word names a gazetteer entity
    only as the gazetteer spells it (Nice, Reading, Mobile, Split), never
    loosely: a reader who types "woman" does not mean Oman, nor "mosque"
    Moscow. Not one: a word the list also gives as a proper name, typed with
    a capital ("Turkey" may be Türkiye, as "turkey" is not); a word with an
    article, a hyphen or an apostrophe (al-Spa, Mere') and a name of several
    words (Tell Afar, Sheer gas field), a transliteration's marks, read
    loosely as before."""
    word = (text or "").strip()
    if not (word.isascii() and word.isalpha()):
        return False
    proper = english_words().get(fold(word))
    return proper is not None and not (proper and word[0].isupper())


#: A loose key shorter than this says too little to name anything.
MIN_KEY = 3
#: A word is a descriptor of a kind when so many of its names show it so.
MIN_DESCRIPTOR_PAIRS = 3
#: What is left of a name without its descriptors must have so many letters.
MIN_BARE_LETTERS = 4
#: Several entities share a loose key: the one spelled closest to what was
#: typed names it, if no other is as close; if two are, the one the corpus
#: names this many times as often.
COMMONER = 10


def words_of(text):
    return tuple(w for w in (fold(strip_marks(t.text)) for t in tokenize(text)) if w)


def descriptors_of(entities):
    """kind -> the folded words that say what kind of thing a name names."""
    pairs = {}
    for (kind, _pk), names in entities:
        spelled = {w for w in map(words_of, names) if w}
        for longer in spelled:
            for shorter in spelled:
                if len(longer) == len(shorter) + 1:
                    if longer[1:] == shorter:
                        pairs.setdefault((kind, longer[0]), set()).add(longer)
                    if longer[:-1] == shorter:
                        pairs.setdefault((kind, longer[-1]), set()).add(longer)
    out = {}
    for (kind, word), names in pairs.items():
        if len(names) >= MIN_DESCRIPTOR_PAIRS:
            out.setdefault(kind, set()).add(word)
    return out


def bare(words, descriptors):
    """``words`` without the descriptors at either end (None if nothing was taken off)."""
    start, end = 0, len(words)
    while start < end and words[start] in descriptors:
        start += 1
    while end > start and words[end - 1] in descriptors:
        end -= 1
    rest = words[start:end]
    if len(rest) == len(words) or not rest or sum(map(len, rest)) < MIN_BARE_LETTERS:
        return None
    return rest


#: Latin letters one Arabic letter is written with: ق as q, k or c (Qaim,
#: Kaim; Latakia, Lattaquié).
_LATIN_K = re.compile(r"ck|q|c(?!h)")
#: A run of Latin vowels (y and w with them, and an ayn mark): one vowel, as
#: transliterations write a vowel a, e, ou, ee or ai, long or short.
_LATIN_VOWEL_RUN = re.compile(r"[aeiouyw'’]+")
#: An article glued to the word it belongs to (AlHawija, Alqaim).
_GLUED_ARTICLE = re.compile(r"^(?:al|el)(?=[^aeiou\s-][a-z]{3,})")


def _latin_word(word, vowels):
    """A folded Latin word as its transliterations share it: the final -h
    after a vowel off, q/c as k, doubled letters once; the vowels out
    (``vowels`` False) or each run of them as one mark ``*``."""
    word = _LATIN_K.sub("k", _LATIN_FINAL_H.sub("", word))
    word = _LATIN_VOWEL_RUN.sub("*" if vowels else "", word)
    return _DOUBLED.sub(r"\1", word)


def loose_key(text, vowels=False, glued=False):
    """The part of a name's spelling its transliterations share ('' if too
    little is left). ``vowels``: a Latin word keeps where its vowels stand
    (Raqa and Raqqe are r*k*, not Rak), a finer key that holds for short
    names; ``glued``: an article glued to a Latin word comes off."""
    parts = []
    for token in tokenize(text):
        word = fold(strip_marks(token.text))
        if not word:
            continue
        if word.isascii():
            if word in _LATIN_ARTICLES:
                continue
            if glued:
                word = _GLUED_ARTICLE.sub("", word)
            word = _latin_word(word, vowels)
        else:
            if word.startswith("ال") and len(word) > 4:
                word = word[2:]
            word = _ARABIC_VOWELS.sub("", word.translate(_G_LETTERS))
        parts.append(word)
    key = "".join(parts)
    if vowels:
        return key if len(key.replace("*", "")) >= 2 and len(key) >= MIN_KEY else ""
    return key if len(key) >= MIN_KEY else ""


class Variants:
    """The loose keys and the bare names of a gazetteer (built when a search first asks)."""

    def __init__(self, entities, twins=None):
        self.descriptors = descriptors_of(entities)
        #: (kind, pk) -> other records of the same place (AliasIndex.twins).
        self.twins = twins or (lambda kind, pk: [])
        self.loose, self.vowelled, self.bare = {}, {}, {}
        self.names = {}
        for entity, names in entities:
            self.names[entity] = list(names)
            kind_descriptors = self.descriptors.get(entity[0], ())
            for name in names:
                key = loose_key(name)
                if key:
                    self.loose.setdefault(key, set()).add(entity)
                key = loose_key(name, vowels=True)
                if key:
                    self.vowelled.setdefault(key, set()).add(entity)
                rest = bare(words_of(name), kind_descriptors)
                if rest:
                    self.bare.setdefault(rest, set()).add(entity)

    def entity_for(self, text, lookup):
        """The one entity ``text`` names, read as above; ``lookup`` is the
        alias index's ``entity_key_for_phrase``."""
        words = words_of(text)
        owners = self.bare.get(words, ())
        if len(owners) == 1:
            return next(iter(owners))
        for kind, kind_descriptors in self.descriptors.items():
            rest = bare(words, kind_descriptors)
            key = lookup(" ".join(rest)) if rest else None
            if key is not None and key[0] == kind:
                return key
        if is_english(text):
            return None  # an English word is a name only as spelled (above)
        # The key with its vowels' places first (it holds for names too
        # short for consonants alone: Raqa, Hit), then the consonants; each
        # as typed, then with an article glued to a Latin word taken off
        # (AlHawija), before a looser key can take the article's l for a
        # letter of another name (Lahij).
        for vowels, table in ((True, self.vowelled), (False, self.loose)):
            for glued in (False, True):
                key = loose_key(text, vowels=vowels, glued=glued)
                owners = table.get(key, ()) if key else ()
                if owners:
                    if len(owners) > 1:
                        return self._closest(text, owners, glued)
                    return self._likely(text, next(iter(owners)), glued)
        return None

    def _likely(self, text, entity, glued):
        """``entity``, the one owner of ``text``'s loose key, unless every
        spelling of it is more edits away than half the letters typed:
        Himreen is Hamrin (three edits), but "police" is no Pleiku, "palace"
        no Pleiku, "price" no Parakou, though their keys are the same."""
        typed = _flat(text, glued)
        limit = max(1, len(typed) // 2)
        if any(damerau_levenshtein(typed, _flat(name, glued), limit) <= limit
               for name in self.names.get(entity, ())):
            return entity
        return None

    def _closest(self, text, owners, glued):
        """Of several entities sharing a loose key, the one with a spelling
        fewest edits from ``text`` (Sammarra is Samarra, not Samara; Faluja
        Fallujah, not al-Aflaj), within a third of its letters; when two are
        as close, the one the corpus names ``COMMONER`` times as often (as
        its Arabic names are written); else None."""
        typed = _flat(text, glued)
        if not typed:
            return None
        limit = max(1, len(typed) // 3)
        scored = []
        for entity in owners:
            best = min((damerau_levenshtein(typed, _flat(name, glued), limit)
                        for name in self.names.get(entity, ())), default=limit + 1)
            scored.append((best, entity))
        scored.sort(key=lambda pair: pair[0])
        if scored[0][0] > limit:
            return None
        tied = sorted(entity for distance, entity in scored if distance == scored[0][0])
        if len(tied) == 1 or all(entity in self.twins(*tied[0]) for entity in tied[1:]):
            return tied[0]  # one entity, or one place under two records
        counts = sorted(((self._count(entity), entity) for entity in tied), reverse=True)
        if counts[0][0] >= COMMONER * max(1, counts[1][0]):
            return counts[0][1]
        return None

    def _count(self, entity):
        """How often the corpus names the entity: its commonest Arabic
        spelling, a name of several words counted by its rarest word."""
        counts = [min(written(w) for w in words) for words in map(words_of, self.names.get(entity, ()))
                  if words and not any(w.isascii() for w in words)]
        return max(counts, default=0)


def _flat(name, glued=False):
    """A spelling as one run of folded letters, articles and marks out (for
    counting edits between two spellings of a name)."""
    out = []
    for token in tokenize(name):
        word = fold(strip_marks(token.text))
        if word.isascii():
            if word in _LATIN_ARTICLES:
                continue
            if glued:
                word = _GLUED_ARTICLE.sub("", word)
            word = word.replace("'", "").replace("’", "")
        out.append(word)
    return "".join(out)


def entity_for_variant(alias_index, text):
    """The one entity ``text`` spells loosely or names without (or with) its
    descriptors, or None (several, or none)."""
    variants = getattr(alias_index, "_variants", None)
    if variants is None:
        variants = alias_index._variants = Variants(alias_index.entities(), getattr(alias_index, "twins", None))
    return variants.entity_for(text, alias_index.entity_key_for_phrase)
