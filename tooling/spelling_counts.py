"""The build scripts' shared last step for new force spellings: count each
candidate in the corpus, keep those written often enough, print the counts,
and add the kept ones to their force's aliases in the gazetteer fixture.

``scripts/build_force_variants.py`` (spellings derived by rule) and
``scripts/build_leader_forces.py`` (forces named by their leader) make their
candidates differently and decide the same way: the corpus, not a reader of
the misses, says which forms newspapers write.
"""
from __future__ import annotations

import argparse
import collections
import json

from archive.alias_index import AliasIndex
from tooling.bench.corpus import iter_records


def arguments(doc: str):
    """The scripts' command line: ``--corpus FILE`` (repeatable) and ``--dry-run``."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--corpus", action="append", required=True)
    ap.add_argument("--dry-run", action="store_true", help="print what would be added")
    return ap.parse_args()


def corpus_counts(spellings, corpus) -> collections.Counter:
    """How many times the corpus files write each spelling (the alias index's own matching)."""
    names = list(spellings)
    index = AliasIndex([("force", k, [c]) for k, c in enumerate(names)])
    counts = collections.Counter()
    for record in iter_records(corpus):
        text = f"{record.get('title') or ''}\n\n{record.get('body') or ''}"
        counts.update(names[m.pk] for m in index.find(text))
    return counts


def kept_spellings(wanted: dict, counts, min_count: int, shown=lambda spelling, pk: spelling) -> dict:
    """``wanted`` (spelling -> force pk) cut to the spellings written ``min_count``
    times or more; every spelling the corpus writes is printed with its count."""
    kept = {c: pk for c, pk in wanted.items() if counts[c] >= min_count}
    for c in sorted(wanted, key=lambda c: -counts[c]):
        if counts[c]:
            print(f"{counts[c]:6d}  {'kept' if c in kept else '    '}  {shown(c, wanted[c])}")
    return kept


def write_aliases(gazetteer, rows, force_rows, kept: dict) -> None:
    """Each force row's new spellings after its aliases, sorted; the fixture written back."""
    for row in force_rows:
        new = [c for c, pk in kept.items() if pk == row["pk"]]
        if new:
            row["fields"]["aliases"] = list(row["fields"].get("aliases") or []) + sorted(new)
    gazetteer.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
