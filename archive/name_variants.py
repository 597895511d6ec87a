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

import re

from archive.arabic import fold, strip_marks, tokenize

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


#: A loose key shorter than this says too little to name anything.
MIN_KEY = 3
#: A word is a descriptor of a kind when so many of its names show it so.
MIN_DESCRIPTOR_PAIRS = 3
#: What is left of a name without its descriptors must have so many letters.
MIN_BARE_LETTERS = 4


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


def loose_key(text):
    """The part of a name's spelling its transliterations share ('' if too little is left)."""
    parts = []
    for token in tokenize(text):
        word = fold(strip_marks(token.text))
        if not word:
            continue
        if word.isascii():
            if word in _LATIN_ARTICLES:
                continue
            word = _DOUBLED.sub(r"\1", _LATIN_VOWELS.sub("", _LATIN_FINAL_H.sub("", word)))
        else:
            if word.startswith("ال") and len(word) > 4:
                word = word[2:]
            word = _ARABIC_VOWELS.sub("", word.translate(_G_LETTERS))
        parts.append(word)
    key = "".join(parts)
    return key if len(key) >= MIN_KEY else ""


class Variants:
    """The loose keys and the bare names of a gazetteer (built when a search first asks)."""

    def __init__(self, entities):
        self.descriptors = descriptors_of(entities)
        self.loose, self.bare = {}, {}
        for entity, names in entities:
            kind_descriptors = self.descriptors.get(entity[0], ())
            for name in names:
                key = loose_key(name)
                if key:
                    self.loose.setdefault(key, set()).add(entity)
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
        key = loose_key(text)
        owners = self.loose.get(key, ()) if key else ()
        return next(iter(owners)) if len(owners) == 1 else None


def entity_for_variant(alias_index, text):
    """The one entity ``text`` spells loosely or names without (or with) its
    descriptors, or None (several, or none)."""
    variants = getattr(alias_index, "_variants", None)
    if variants is None:
        variants = alias_index._variants = Variants(alias_index.entities())
    return variants.entity_for(text, alias_index.entity_key_for_phrase)
