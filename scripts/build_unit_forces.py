"""Numbered units the corpus names, one entity per state: fixtures/gazetteer.json.

Run by hand, with the corpus, in an archive whose gazetteer is loaded (it
tags with the archive's own matcher):

    DATA_DIR=... .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo_data
    DATA_DIR=... .venv/bin/python scripts/build_unit_forces.py \
        --corpus ../shared/corpus/articles.jsonl.gz --corpus ../shared/corpus/articles-b.jsonl.gz \
        [--exclude ids.txt]

A report names a brigade or a division by its number ("الفرقة 30", "اللواء
الخامس", "الفوج الثالث"); the phrase is read by the rules of
:mod:`archive.force_units` (a head noun with its article, a number in digits
or an ordinal word). Whose unit it is comes from each article that writes it,
by the same rule tagging uses: the force named right after the phrase ("في
الحشد الشعبي"), else the article's one country (its places and the named
forces whose theatre is plain). A unit of a state is kept when MIN_ARTICLES
articles or more write it for that state: one entity each, slug
``<country>-<head>-<n>``, named "<unit>، <country>" with the unit's
spellings as weak aliases (archive.force_units, not the plain matcher, finds
them: the same number is another state's unit elsewhere). A later run keeps
each entity's pk and adds only what is new. Only the units' numbers and
countries are written, never text.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

GAZETTEER = ROOT / "fixtures" / "gazetteer.json"
MIN_ARTICLES = 2
HEAD_OF = {v: k for k, v in (("فرقة", "division"), ("لواء", "brigade"), ("فوج", "regiment"),
                             ("كتيبة", "battalion"), ("فيلق", "corps"))}


def unit_countries(corpus, excluded=frozenset()) -> collections.Counter:
    """(country slug, unit key) -> how many corpus articles write that unit for that country."""
    import django

    django.setup()
    from archive.entities import current_places
    from archive.force_units import named_after, unit_phrases, units_in, article_country_of
    from archive.gazetteer import get_alias_index
    from archive.tagging import tag
    from tooling.bench.corpus import iter_records

    index = get_alias_index()
    slug_of = lambda pk: (index.filter_for("force", pk) or (None, None))[1]  # noqa: E731
    counts = collections.Counter()
    for record in iter_records(corpus):
        if record.get("id") in excluded:
            continue
        title, body = record.get("title") or "", record.get("body") or ""
        if not any(True for _ in unit_phrases(body)) and not any(True for _ in unit_phrases(title)):
            continue
        tags = tag(title, body, index)
        article, seen = ..., set()
        for _start, end, key in units_in(tags.text, tags.matches):
            country = named_after(tags.text, end, tags.matches, slug_of)
            if country is None:
                if article is ...:
                    article = article_country_of(tags.matches, current_places(), tags.text, slug_of)
                country = article
            if country:
                seen.add((country, key))
        counts.update(seen)
    return counts


def country_names() -> dict[str, tuple[str, str]]:
    """country slug -> (Arabic name, English name), from the archive's places."""
    from archive.models import Place

    return {slug: (name, name_en or slug) for slug, name, name_en in
            Place.objects.filter(kind="country").values_list("slug", "name", "name_en")}


def unit_rows(kept, rows, names) -> list[dict]:
    """The gazetteer rows of the kept units, keeping the pk of those already there."""
    from archive.force_units import unit_names

    by_slug = {r["fields"]["slug"]: r for r in rows if r["model"] == "archive.force"}
    next_pk = max(r["pk"] for r in rows if r["model"] == "archive.force") + 1
    new = []
    for country, key in sorted(kept):
        slug = f"{country}-{key}"
        if slug in by_slug or country not in names:
            continue
        head_en, number = key.rsplit("-", 1)
        spellings = unit_names(HEAD_OF[head_en], int(number))
        arabic, english = names[country]
        new.append({"model": "archive.force", "pk": next_pk, "fields": {
            "name": f"{spellings[0]}، {arabic}", "name_en": f"{_ordinal(int(number))} {head_en.title()} ({english})",
            # A Latin alias a reader can type ("Syria Division 30"); "Division 30" alone would be
            # one spelling of several states' units, which the gazetteer never shares within a kind.
            "slug": slug, "aliases": ["~" + s for s in spellings] + [f"{english} {head_en.title()} {number}"]}})
        next_pk += 1
    return new


def _ordinal(n):
    """7th, 21st, 102nd, 111th: how English news writes a unit ("the Iraqi Army's 7th Division")."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", action="append", required=True)
    ap.add_argument("--dry-run", action="store_true", help="print what would be added")
    ap.add_argument("--exclude", type=Path, action="append", default=[],
                    help="a file of article ids (whitespace-separated) not to count: evaluation sets")
    args = ap.parse_args()
    excluded = set()
    for path in args.exclude:
        excluded |= set(path.read_text(encoding="utf-8").split())
    counts = unit_countries(args.corpus, excluded)
    kept = {k for k, n in counts.items() if n >= MIN_ARTICLES}
    for (country, key), n in counts.most_common():
        print(f"{n:5d}  {'kept' if (country, key) in kept else '    '}  {country}-{key}")
    rows = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    new = unit_rows(kept, rows, country_names())
    for row in new:
        print("new:", row["fields"]["slug"], row["fields"]["name"])
    if args.dry_run or not new:
        return
    last = max(i for i, r in enumerate(rows) if r["model"] == "archive.force")
    rows[last + 1:last + 1] = new
    GAZETTEER.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(new)} units written to {GAZETTEER.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
