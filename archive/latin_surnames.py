"""Latin surnames: "Mattis" typed into the search box names James Mattis.

The gazetteer lists a person's Latin names whole; the alias index
(:mod:`archive.alias_index`) asks this table, once a search first needs it,
which entity a lone Latin surname stands for."""
from __future__ import annotations

import re

from archive.arabic import fold, strip_marks, tokenize

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_LATIN_ARTICLE = re.compile(r"^(?:al|el|ad|an|as|ar|at|az)-", re.IGNORECASE)
#: The particles a European or Arabic surname is written with, as one name
#: with the word after them: Le Drian, de Mistura, van Gaal, von der Leyen,
#: bin Salman.
PARTICLES = frozenset({"de", "da", "di", "du", "del", "della", "der", "den", "des", "van", "von", "le", "la",
                       "bin", "ben", "ibn", "abu", "ould"})
#: A surname as typed: one Latin word, or particles and one word (Le Drian).
LATIN_SURNAME = re.compile(r"(?:(?:%s)\s+)*[A-Za-z][A-Za-z'’-]*" % "|".join(sorted(PARTICLES)), re.IGNORECASE)


def surname_form(text: str) -> str:
    """A typed Latin surname as the table keys it (casefolded, single
    spaces), or '' if ``text`` is not one."""
    text = " ".join((text or "").split())
    return text.casefold() if LATIN_SURNAME.fullmatch(text) else ""


def latin_surname_keys(names_by_entity):
    """Folded Latin surname -> the entities known by it alone.

    The gazetteer lists a person's Latin names whole (James Mattis), while it
    also names them in Arabic by the surname alone (ماتيس): a reader who
    types "Mattis" means the same person. An entity is known by the last
    word of its Latin names (with and without an article: al-Abadi, Abadi)
    when it is a speaker, or when one of its Arabic names of several words
    ends in a word that is, alone, one of its names. A surname two entities
    share names neither."""
    table = {}
    for key, names in names_by_entity.items():
        folded = [tuple(fold(strip_marks(t.text)) for t in tokenize(n)) for n in names]
        alone = {words[0] for words in folded if len(words) == 1}
        # A person is known by the Latin surname whatever the Arabic names:
        # "Pompeo", "Lavrov" typed alone mean Mike Pompeo and Sergey Lavrov,
        # whom the gazetteer names in Arabic only in full (a lone Arabic
        # surname is too often a word or another person to tag by).
        if key[0] != "speaker" and not any(len(words) > 1 and words[-1] in alone for words in folded):
            continue
        for name in names:
            words = name.split()
            if len(words) > 1 and all(LATIN_WORD.fullmatch(w) for w in words):
                last = words[-1].casefold()
                for surname in {last, _LATIN_ARTICLE.sub("", last)}:
                    if len(surname) >= 3:
                        table.setdefault(surname, set()).add(key)
                # The surname with its particles (Le Drian, de Mistura).
                start = len(words) - 1
                while start > 1 and words[start - 1].casefold() in PARTICLES:
                    start -= 1
                if start < len(words) - 1:
                    table.setdefault(" ".join(words[start:]).casefold(), set()).add(key)
    return table
