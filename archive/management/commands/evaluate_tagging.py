"""Score tagging against a hand-tagged set: precision and recall per kind.

    manage.py evaluate_tagging --truth scripts/tagging_dev_set.json \\
        --corpus /path/to/articles.jsonl.gz

The truth file names, per corpus article id, the speakers, places and forces a
person found in it (only ids and names: the text is read from the corpus).
The article is tagged with the gazetteer in the database, as an import would;
what counts as a right entity is in ``tooling/evaluation/tagging.py``.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from django.core.management import BaseCommand, CommandError

from archive.gazetteer import get_alias_index
from tooling.evaluation.tagging import KINDS, same, score, tagged


class Command(BaseCommand):
    help = "Score speaker, place and force tagging against a hand-tagged set of corpus articles."

    def add_arguments(self, parser):
        parser.add_argument("--truth", type=Path, required=True)
        parser.add_argument("--corpus", type=Path, action="append", required=True)
        parser.add_argument("--show", action="store_true", help="print each article's errors")

    def handle(self, *args, **options):
        truth = json.loads(options["truth"].read_text(encoding="utf-8"))["articles"]
        wanted = {a["id"] for a in truth}
        texts = {}
        for path in options["corpus"]:
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                for line in lines:
                    record = json.loads(line)
                    if record["id"] in wanted:
                        texts[record["id"]] = (record["title"], record["body"])
        missing = wanted - set(texts)
        if missing:
            raise CommandError(f"not in the corpus: {sorted(missing)[:5]}")
        index = get_alias_index()
        totals = {k: [0, 0, 0, 0] for k in KINDS}    # tp, found, recalled, truth
        for article in truth:
            found = tagged(*texts[article["id"]], index)
            for kind in KINDS:
                tp, n, rec = score(found[kind], article[kind])
                t = totals[kind]
                t[0] += tp
                t[1] += n
                t[2] += rec
                t[3] += len(article[kind])
                if options["show"]:
                    wrong = [names[0] for names in found[kind] if not any(same(names, x) for x in article[kind])]
                    missed = [x for x in article[kind] if not any(same(names, x) for names in found[kind])]
                    if wrong or missed:
                        self.stdout.write(f"{article['id']} {kind}: wrong {wrong} missed {missed}")
        for kind in KINDS:
            tp, n, rec, t = totals[kind]
            p = tp / n if n else 1.0
            r = rec / t if t else 1.0
            self.stdout.write(f"{kind:9s} precision {p:.2f} ({tp}/{n})  recall {r:.2f} ({rec}/{t})")
