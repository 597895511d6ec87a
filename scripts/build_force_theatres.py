"""Where each named force fights, counted from the corpus: fixtures/force_theatres.json.

Run by hand, with the corpus, in an archive whose gazetteer is loaded (it
tags with the archive's own matcher):

    DATA_DIR=... .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo_data
    DATA_DIR=... .venv/bin/python scripts/build_force_theatres.py \
        --corpus ../shared/corpus/articles.jsonl.gz --corpus ../shared/corpus/articles-b.jsonl.gz

A generic phrase ("قوات التحالف", "الجيش", "قوات المعارضة") is the force of
the country an article is about (archive/force_context.py). The places say
which country that is, but a report often names few places and many forces:
"القوات السعودية تحبط هجوماً لميليشيات صالح والحوثي على منفذ الطوال" names
the Houthis and Saleh's forces, who fight in Yemen, and one border crossing
the gazetteer lacks. So each named force's theatre is counted here: over
every corpus article that names it and whose places lie in one country (the
archive's rule, :func:`archive.force_context.article_country`), the country
that holds at least THEATRE_SHARE of those articles, when there are at least
MIN_ARTICLES of them. The Houthis come out Yemen, the Peshmerga Iraq, the
international coalition (Iraq and Syria alike) nothing. Only force slugs,
country slugs and counts are written, never text.
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

OUT = ROOT / "fixtures" / "force_theatres.json"
MIN_ARTICLES = 5
THEATRE_SHARE = 0.6


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, action="append", required=True)
    parser.add_argument("--exclude", type=Path, help="a file of article ids to leave out (evaluation sets)")
    args = parser.parse_args()
    import django

    django.setup()
    from archive.entities import current_places
    from archive.force_context import article_country
    from archive.gazetteer import get_alias_index
    from archive.tagging import tag
    from tooling.bench.corpus import iter_records

    excluded = set(args.exclude.read_text().split()) if args.exclude else set()
    index = get_alias_index()
    places = current_places()
    counts = collections.defaultdict(collections.Counter)
    for record in iter_records(args.corpus):
        if record["id"] in excluded:
            continue
        tags = tag(record.get("title") or "", record["body"], index)
        if not tags.forces:
            continue
        country = article_country(tags.matches, places, tags.text)
        if country is None:
            continue
        for pk in tags.forces:
            counts[pk][country] += 1
    theatres = {}
    for pk, by_country in counts.items():
        total = sum(by_country.values())
        country, n = by_country.most_common(1)[0]
        slug = (index.filter_for("force", pk) or (None, None))[1]
        if slug and total >= MIN_ARTICLES and n >= THEATRE_SHARE * total:
            theatres[slug] = {"country": country, "articles": n, "of": total}
    OUT.write_text(json.dumps(dict(sorted(theatres.items())), ensure_ascii=False, indent=1) + "\n",
                   encoding="utf-8")
    print(f"{len(theatres)} forces' theatres written to {OUT.relative_to(ROOT)} "
          f"({len(counts)} forces seen in articles with one country)")


if __name__ == "__main__":
    main()
