"""A person's rank or title is not part of their name, in a query.

The gazetteer lists a speaker both with a title and without it (العقيد
مايلز كيغنز and مايلز كيغنز, Maj. Gen. Felix Gedney and Felix Gedney): the
words that stand before one of an entity's own names in another of its names
are a **title**. The titles are read from the whole gazetteer this way, so no
list of ranks is kept by hand. The alias index (:mod:`archive.alias_index`)
asks this module, when a typed phrase is no name, whether it is

- a title before a speaker's name ("العقيد مايلز كاكينز", "Colonel Myles
  Caggins": the speaker, whatever title the article gives him), or
- what is left of a speaker's titled name without its title ("Achille", "اشيل":
  the gazetteer lists only "Colonel Achille" and "الكولونيل اشيل").
"""
from __future__ import annotations

from archive.arabic import fold, strip_marks, tokenize

#: A title is at most this many words (الميجر جنرال, Maj. Gen., Brig. Gen.).
MAX_TITLE_WORDS = 3
#: A name left after its title must have at least this many letters.
MIN_REST_LETTERS = 4


def words_of(text):
    return tuple(w for w in (fold(strip_marks(t.text)) for t in tokenize(text)) if w)


def _looks_like_title(name, size):
    """Do the first ``size`` words of ``name`` read as a title rather than a
    first name? A title's first word is an Arabic word with the article
    (العقيد, الكولونيل, اللواء, الميجر جنرال) or a Latin abbreviation written
    with its full stop (Col., Maj. Gen.); a first name (مايلز, Felix) is neither."""
    tokens = [t for t in tokenize(name) if strip_marks(t.text)]
    first = tokens[0]
    if fold(strip_marks(first.text)).startswith("ال") and len(first.text) > 3:
        return True
    return all(t.text.isascii() and t.text.isalpha() and len(t.text) <= 4 and name[t.end:t.end + 1] == "."
               for t in tokens[:size])


def titles_of(names_by_entity):
    """The folded word runs that stand, as a title, before a speaker's own
    name in another of its names."""
    titles = set()
    for (kind, _pk), names in names_by_entity.items():
        if kind != "speaker":
            continue
        folded = {words_of(n): n for n in names}
        for longer, raw in folded.items():
            for shorter in folded:
                extra = len(longer) - len(shorter)
                if shorter and 0 < extra <= MAX_TITLE_WORDS and longer[extra:] == shorter \
                        and _looks_like_title(raw, extra):
                    titles.add(longer[:extra])
        # The same name after a title written out and after its abbreviation
        # (Colonel Achille, Col. Achille): the written-out word is a title too.
        for a in folded:
            for b in folded:
                if len(a) == len(b) > 1 and a[1:] == b[1:] and a[0] != b[0] and b[0].startswith(a[0]) \
                        and (a[0],) in titles:
                    titles.add((b[0],))
    # The last words of a title are one too (Maj. Gen. -> Gen., الميجر جنرال ->
    # جنرال), unless they are a first name (العقيد مايلز -> مايلز is no title).
    first_names = {words[0] for (kind, _pk), names in names_by_entity.items() if kind == "speaker"
                   for words in map(words_of, names) if len(words) > 1 and (words[0],) not in titles}
    titles |= {title[i:] for title in titles for i in range(1, len(title))
               if not first_names.intersection(title[i:])}
    return titles


def untitled_names(names_by_entity, titles):
    """Folded name -> the speakers known by it once a title is taken off one of their names."""
    table = {}
    for key, names in names_by_entity.items():
        if key[0] != "speaker":
            continue
        for name in names:
            words = words_of(name)
            for size in range(1, MAX_TITLE_WORDS + 1):
                rest = words[size:]
                if words[:size] in titles and rest and sum(map(len, rest)) >= MIN_REST_LETTERS:
                    table.setdefault(rest, set()).add(key)
    return table


def without_title(text, titles):
    """``text`` without the title it begins with (folded words), or None."""
    words = words_of(text)
    for size in range(MAX_TITLE_WORDS, 0, -1):
        if words[:size] in titles and words[size:]:
            return words[size:]
    return None


class TitledNames:
    """The two readings above for one gazetteer (built when a search first asks)."""

    def __init__(self, names_by_entity):
        self.titles = titles_of(names_by_entity)
        self.untitled = untitled_names(names_by_entity, self.titles)

    def key_for(self, text, lookup):
        """The one speaker ``text`` names once titles are seen through, or None.
        ``lookup``: the alias index's ``entity_key_for_phrase``."""
        keys = self.untitled.get(words_of(text), ())
        if len(keys) == 1:
            return next(iter(keys))
        rest = without_title(text, self.titles)
        if rest:
            key = lookup(" ".join(rest))
            if key is not None and key[0] == "speaker":
                return key
        return None
