"""A person's surname typed alone: غوتيريش, العبادي, "Barzani".

The gazetteer names most people in full (أنطونيو غوتيريش, حيدر العبادي),
so a surname typed alone was no name and missed every other spelling
(غوتيريس, Guterres). Whether a surname alone means the person is counted in
the corpus, not listed by hand: ``archive/lexicon/lone_surnames.tsv``
(``scripts/build_lone_surnames.py``) keeps a surname most of whose articles
also name the person in full (العبادي: 377 of 411) and leaves out one that
is an ordinary word or many people's (الصدر "chest" 157 of 346, المهندس
"engineer", صالح, محمود, الحوثي, the movement). A surname several people
share (بارزاني, المالكي, Barzani) names them all; the notice lists each.
"""
from __future__ import annotations

import weakref
from functools import lru_cache
from pathlib import Path

from archive import arabic
from archive.latin_surnames import latin_surname_keys, surname_form

TABLE_PATH = Path(__file__).resolve().parent.parent / "lexicon" / "lone_surnames.tsv"

_BY_INDEX: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


@lru_cache(maxsize=1)
def lone_surnames() -> frozenset:
    """The folded Arabic surnames that name a person alone."""
    try:
        lines = TABLE_PATH.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    out = set()
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) >= 4 and fields[3].strip() == "1":
            out.add(fields[0])
    return frozenset(out)


def _folded(text):
    return tuple(arabic.fold(arabic.strip_marks(t.text)) for t in arabic.tokenize(text))


def _tables(index):
    """(Arabic surname -> people, Latin surname -> people) for this alias index."""
    tables = _BY_INDEX.get(index)
    if tables is None:
        known = lone_surnames()
        names = {key: spellings for key, spellings in index.entities()}
        arabic_table, by_person = {}, {}
        for key, spellings in names.items():
            if key[0] != "speaker":
                continue
            for name in spellings:
                words = _folded(name.lstrip("~"))
                if len(words) > 1 and words[-1] in known:
                    arabic_table.setdefault(words[-1], set()).add(key)
                    surname = arabic.strip_marks(name.split()[-1])
                    if surname not in by_person.setdefault(key, []):
                        by_person[key].append(surname)
        tables = (arabic_table, latin_surname_keys(names), by_person)
        _BY_INDEX[index] = tables
    return tables


def surname_keys(index, typed: str) -> list:
    """The people a surname typed alone names (sorted), or [] when it names
    none: not one word, not a counted surname, or an alias of something."""
    typed = (typed or "").strip()
    latin = surname_form(typed)  # a Latin surname may hold particles: Le Drian
    if not typed or not index or (len(typed.split()) != 1 and not latin):
        return []
    try:
        arabic_table, latin_table, _by_person = _tables(index)
    except Exception:  # a gazetteer problem must not break a search
        return []
    if latin:
        return sorted(latin_table.get(latin, ()))
    words = _folded(typed)
    if len(words) != 1:
        return []
    word = words[0]
    return sorted(arabic_table.get(word, ()))


def surnames_of(index, key) -> list:
    """The person's own surnames that name them alone, as the gazetteer
    writes them (غوتيريش, غوتيريس): an article that has named the person in
    full may go on to call them by any of them."""
    try:
        return list(_tables(index)[2].get(key, ()))
    except Exception:  # a gazetteer problem must not break a search
        return []
