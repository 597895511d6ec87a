"""Villages, districts and neighbourhoods that no data package lists, counted
from how the corpus names them: fixtures/corpus_places.json.

Run by hand, with the corpus, in an archive whose gazetteer is loaded (it
decides each name's country with the archive's own matcher):

    DATA_DIR=... .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo_data
    DATA_DIR=... .venv/bin/python scripts/build_corpus_places.py \
        --corpus ../shared/corpus/articles.jsonl.gz --corpus ../shared/corpus/articles-b.jsonl.gz

The news names a small place the way it names no ordinary word: right after a
word that says what kind of place it is ("منطقة الطاش"، "حي الوراق"، "مديرية حزم
العدين"، "بلدة سملين"). So a word (or two) is kept as a place when

1. it follows such a word (PLACE_WORDS, in construct: "منطقة X", not
   "المنطقة X", where X is an adjective) at least MIN_AFTER times, in at
   least two articles;
2. at least MIN_SHARE of all its uses in the corpus (with any proclitic)
   follow such a word or another that introduces a place (في، من، قرب،
   شمال …, archive/place_context.py): "منطقة آمنة", "مدينة ساحلية" and "حي
   سكني" are words the corpus writes far more often elsewhere;
3. it is no spelling the gazetteer already holds, and no word of speech or
   a nisba without the article ("عسكرية");
4. the articles that name it so lie, by the archive's own rule
   (:func:`archive.force_context.article_country`), in one country at least
   COUNTRY_SHARE of the time: that country is its parent. A name whose
   country is unclear is left out.

A second word is part of the name when the corpus writes the two together
after a place word in at least PAIR_SHARE of the first word's such uses ("عرب
جبور"، "دار سعد"، "بن قردان").

Every such name needs context when tagged (it is written to the file's
``context_required``): a place word before it, or a place beside it, as for
the world gazetteer's small towns (archive/place_context.py). Only the
names, their counts and their country are written, never text.
"""
from __future__ import annotations

import argparse
import collections
import datetime
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

OUT = ROOT / "fixtures" / "corpus_places.json"
MIN_AFTER = 3
MIN_SHARE = 0.4
#: ... and at least this share after a place noun ("في البلاد" is no place's use).
PLACE_NOUN_SHARE = 0.1
PAIR_SHARE = 0.6
COUNTRY_SHARE = 0.7
MIN_LETTERS = 3
#: With the article as often as a fifth of without it (or the other way): a word.
ARTICLE_SHARE = 0.2
#: A word written this often in the corpus is a common word, not a name's second word.
COMMON_WORD = 400

_WORD = re.compile("[\u0621-\u064a\u0671-\u06d3]+")
_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")


def place_words(fold):
    """The words that name what kind of place follows, folded, with the
    proclitics a word may carry ("بمنطقة"، "وقرية")."""
    words = ("منطقة", "منطقتي", "مدينة", "مدينتي", "بلدة", "بلدتي", "قرية", "قريتي", "قرى", "حي",
             "أحياء", "ناحية", "قضاء", "مديرية", "مديريتي", "محافظة", "ولاية", "مخيم", "ضاحية",
             "بلدات", "عزلة", "منفذ", "معبر", "مطار", "ميناء")
    base = {fold(w) for w in words}
    return {p + w for w in base for p in _PROCLITICS}


def translit(name: str) -> str:
    """A Latin slug of an Arabic name, letter by letter (no package gives one)."""
    table = dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى",
                     ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t",
                      "z", "", "gh", "f", "q", "k", "l", "m", "n", "h", "w", "y", "", "a", "a", "i",
                      "", "", "a", "a"]))
    out = "-".join("".join(table.get(ch, "") for ch in word) for word in name.split())
    out = re.sub(r"[^a-z-]+", "", out.replace("al", "al-", 1) if out.startswith("al") else out)
    return re.sub("-+", "-", out).strip("-") or "place"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, action="append", required=True)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="a file of article ids to leave out (an evaluation set's)")
    args = parser.parse_args(argv)

    import django
    django.setup()
    from archive.arabic import fold
    from archive.entities import current_places
    from archive.force_context import article_country
    from archive.gazetteer import get_alias_index
    from tooling.bench.corpus import iter_records

    index = get_alias_index()
    known = {fold(n) for (_kind, _pk), names in index.entities() for n in names}
    known_words = {w for n in known for w in n.split()}
    pws = place_words(fold)
    from archive.place_context import LOCATIVES
    # Any word that may introduce a place (في، من، قرب، شمال …): a place's
    # uses, counted for the share, though only a place noun shows the kind.
    introducing = pws | {p + w for w in LOCATIVES for p in _PROCLITICS}

    raw = collections.Counter()            # folded token -> count
    after = collections.Counter()          # name (1 or 2 words) -> uses after a place word
    placed = collections.Counter()         # word -> uses after any word introducing a place
    where = collections.defaultdict(set)   # name -> article ids
    surface = collections.defaultdict(collections.Counter)   # name -> written forms
    texts = {}
    excluded = set()
    for path in args.exclude:
        excluded |= set(path.read_text(encoding="utf-8").split())
    for record in iter_records(args.corpus):
        if record["id"] in excluded:
            continue
        written = _WORD.findall(record["body"])
        words = [fold(w) for w in written]
        raw.update(words)
        hit = False
        for i in range(1, len(words)):
            if words[i - 1] not in pws:
                if words[i - 1] in introducing:
                    placed[words[i]] += 1
                continue
            placed[words[i]] += 1
            one = words[i]
            if len(one) < MIN_LETTERS or one in pws:
                continue
            after[one] += 1
            where[one].add(record["id"])
            surface[one][written[i]] += 1
            hit = True
            if i + 1 < len(words):
                two = f"{one} {words[i + 1]}"
                after[two] += 1
                where[two].add(record["id"])
                surface[two][f"{written[i]} {written[i + 1]}"] += 1
        if hit:
            texts[record["id"]] = (record["title"], record["body"])

    def total(name):
        first, *rest = name.split()
        if rest:
            return after[name]           # a pair is counted where it was seen
        return sum(raw[p + first] for p in _PROCLITICS)

    def takes_article(word):
        """Does the corpus write the word both with and without the article?
        A noun or adjective does ("منكوبة"، "المنكوبة"); a place's name keeps
        the form it has (شقرة, never الشقرة; الطاش, rarely طاش)."""
        other = word[2:] if word.startswith("ال") else "ال" + word
        return raw[other] >= ARTICLE_SHARE * raw[word]

    def proclitic_word(word):
        """Is the word a proclitic and a word the corpus writes more often on
        its own ("وهجرة"، "كالرياض"، "بقطاع")?"""
        return any(word.startswith(p) and (word[len(p):] in known or raw[word[len(p):]] > raw[word])
                   for p in ("و", "ف", "ب", "ل", "ك", "وب", "ول", "لل"))

    chosen = {}
    for name, n in after.items():
        if n < MIN_AFTER or len(where[name]) < 2 or name in known:
            continue
        words = name.split()
        if len(words) == 1:
            if placed[name] < MIN_SHARE * total(name) or n < PLACE_NOUN_SHARE * total(name) \
                    or name in known_words or takes_article(name) \
                    or proclitic_word(name):
                continue
            if any(name.endswith(suffix) and raw[name[:-len(suffix)]] > raw[name]
                   for suffix in ("ها", "هم", "هن", "كم")):
                continue                  # a word and its pronoun ("يخسرها")
            if name.endswith(("هم", "هن", "كم")) or \
                    (not name.startswith("ال") and name.endswith(("ي", "يه"))):
                continue                  # a nisba without the article: an adjective
            chosen[name] = n
    # A pair stands for its first word when the two are written together
    # after a place word most of the time (in the whole corpus, as for one
    # word), and the second word is no common word ("جنوب"، "القريبة"), no
    # adjective (الألمانية), no proclitic + word.
    pairs = {}
    for name, n in after.items():
        words = name.split()
        if len(words) != 2 or n < MIN_AFTER or len(where[name]) < 2 or name in known:
            continue
        first, second = words
        if n < PAIR_SHARE * after[first] or second in pws or len(second) < 2 \
                or raw[second] >= COMMON_WORD or proclitic_word(second) or takes_article(first) \
                or (second.startswith("ال") and second.endswith(("ي", "يه"))):
            continue
        pairs[name] = n
    written_pairs = _pair_counts(args.corpus, pairs, fold, excluded)
    for name, n in pairs.items():
        if n >= MIN_SHARE * written_pairs[name]:
            chosen.pop(name.split()[0], None)
            chosen[name] = n

    places = current_places()
    country_of = {}
    by_slug = {p.slug: p for p in places.by_pk.values()}
    cache = {}
    for name in sorted(chosen):
        votes = collections.Counter()
        for aid in where[name]:
            if aid not in cache:
                title, body = texts[aid]
                text = f"{title}\n\n{body}"
                cache[aid] = article_country(index.find(text), places, text)
            if cache[aid]:
                votes[cache[aid]] += 1
        if not votes:
            continue
        best, k = votes.most_common(1)[0]
        if k >= 2 and k >= COUNTRY_SHARE * sum(votes.values()):
            country_of[name] = best

    entries, required, used = [], [], set(by_slug)
    for name in sorted(country_of, key=lambda n: (-chosen[n], n)):
        written = surface[name].most_common(1)[0][0]
        slug = base = f"{country_of[name]}-{translit(written)}"[:110]
        n = 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        entries.append({"key": f"corpus:{slug}", "name": written, "name_en": "", "slug": slug,
                        "aliases": [], "kind": "site", "parent": None,
                        "in": f"place:{country_of[name]}", "latitude": None, "longitude": None,
                        "uses": chosen[name]})
        required.append(name)
        if args.verbose:
            print(chosen[name], written, country_of[name])
    OUT.write_text(json.dumps({
        "about": "Places the corpus names after a place word and no data package lists: "
                 "generated by scripts/build_corpus_places.py, loaded by "
                 "`manage.py load_world_gazetteer`. Do not edit by hand.",
        "generated": datetime.date.today().isoformat(),
        "min_after": MIN_AFTER, "min_share": MIN_SHARE, "country_share": COUNTRY_SHARE,
        "context_required": sorted(set(required)),
        "places": entries,
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(entries)} places written to {OUT.relative_to(ROOT)}")
    # Every place gets its Latin name (scripts/latin_corpus_places.py).
    from scripts.latin_corpus_places import main as latin_names

    latin_names()


def _pair_counts(paths, pairs, fold, excluded) -> collections.Counter:
    """How often each pair of words is written anywhere in the corpus (the
    first with any proclitic)."""
    from tooling.bench.corpus import iter_records

    firsts = {}
    for name in pairs:
        first, second = name.split()
        for p in _PROCLITICS:
            firsts.setdefault(p + first, []).append((second, name))
    counts = collections.Counter()
    for record in iter_records(paths):
        if record["id"] in excluded:
            continue
        words = [fold(w) for w in _WORD.findall(record["body"])]
        for i in range(len(words) - 1):
            for second, name in firsts.get(words[i], ()):
                if words[i + 1] == second:
                    counts[name] += 1
    return counts


if __name__ == "__main__":
    main()
