"""Score the readers on a set written by ``scripts/extraction_devset.py``.

    DATA_DIR=/tmp/devdb .venv/bin/python scripts/score_devset.py DIR [--show N]

The database under DATA_DIR must be migrated and hold the outlet catalogue
(``manage.py migrate && manage.py load_demo_data``). Files are read with the
command's limits (``Limits.command()``), as ``import_articles`` reads them;
nothing is saved.
"""
import argparse
from collections import defaultdict
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

import django  # noqa: E402

django.setup()

from archive.ingest.catalog import Catalog  # noqa: E402
from archive.ingest.draft import Draft  # noqa: E402
from archive.ingest.limits import Limits  # noqa: E402
from archive.ingest.pipeline import read  # noqa: E402
from archive.models import Outlet  # noqa: E402


def norm(text):
    # Bidi marks some records carry are invisible and no part of the text.
    return " ".join(re.sub("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]", "", text or "").split())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--show", type=int, default=0, help="print up to N misses per field")
    args = parser.parse_args()
    truth = json.load(open(os.path.join(args.dir, "truth.json"), encoding="utf-8"))
    slugs = dict(Outlet.objects.values_list("pk", "slug"))
    catalog = Catalog()
    scores = defaultdict(lambda: defaultdict(list))
    misses = defaultdict(list)
    for name, t in sorted(truth.items()):
        data = open(os.path.join(args.dir, name), "rb").read()
        items = read(name, data, catalog=catalog, limits=Limits.command())
        draft = items[0] if items and isinstance(items[0], Draft) else None
        layout = t["layout"]
        if t.get("bad"):
            ok = draft is None and bool(getattr(items[0], "message", ""))
            scores[layout]["refused"].append(ok)
            if not ok:
                misses["refused"].append((name, draft.title if draft else items))
            continue
        if draft is None:
            for field in ("title", "outlet", "date", "body"):
                scores[layout][field].append(False)
                misses[field].append((name, f"FAILED {items[0]}"))
            continue
        checks = {
            "title": norm(draft.title) == norm(t["title"]),
            "outlet": slugs.get(draft.outlet_id) == t["outlet"],
            "date": bool(draft.published) and draft.published.isoformat() == t["date"]
            and draft.date_precision == t["precision"],
        }
        body = norm(draft.body)
        furniture = [f for f in t["furniture"] if re.search(rf"(?:^|\n)\s*{re.escape(f)}", draft.body)]
        checks["body"] = body.startswith(norm(t["first"])) and body.endswith(norm(t["last"])) and not furniture
        got = {"title": draft.title, "outlet": (draft.outlet_name, draft.outlet_is_new),
               "date": (draft.published, draft.date_precision),
               "body": (body[:80], body[-80:], furniture)}
        for field, ok in checks.items():
            scores[layout][field].append(ok)
            if not ok:
                misses[field].append((name, got[field]))
    total = defaultdict(list)
    print(f"{'layout':15} " + " ".join(f"{f:>8}" for f in ("title", "outlet", "date", "body", "refused")))
    for layout, fields in sorted(scores.items()):
        row = []
        for f in ("title", "outlet", "date", "body", "refused"):
            values = fields.get(f)
            total[f].extend(values or [])
            row.append(f"{sum(values) / len(values):8.2f}" if values else f"{'':8}")
        print(f"{layout:15} " + " ".join(row))
    print(f"{'ALL':15} " + " ".join(
        f"{sum(total[f]) / len(total[f]):8.2f}" if total[f] else f"{'':8}" for f in ("title", "outlet", "date", "body", "refused")))
    for field, items in misses.items():
        for name, got in items[: args.show]:
            print(f"MISS {field} {name}: {got}")


if __name__ == "__main__":
    main()
