"""Count, over the corpus, the words the news writes right before an armed
force's name, and write those that announce one to fixtures/force_cues.json.

    .venv/bin/python scripts/build_force_cues.py --corpus ../shared/corpus/articles.jsonl.gz \
        --corpus ../shared/corpus/articles-b.jsonl.gz

Some names of a force are ordinary words too: "القاعدة" is a base or a rule
before it is al-Qaeda, "النصرة" is support, "الحشد" a crowd. The gazetteer
marks such a spelling weak (``~``), and a weak spelling alone tags nothing.
But the word before it often says that an armed group is meant: "تنظيم
القاعدة", "عناصر النصرة", "فلول القاعدة", "ذراع القاعدة", "مسلحي الحشد". No
list of such words is written by hand: every force name the gazetteer holds
by a strong spelling is found in every article of the corpus, and the word
just before it (folded, in the same clause) is counted, as is how often the
word occurs at all. A word is a cue when the corpus writes it MIN_BEFORE
times or more before a force and a force follows it in MIN_SHARE of its
uses or more ("عناصر" is followed by many other things, but by a force
often enough; "في" and "مع" never reach the share).

Nothing of the corpus is written out but these words and their two counts.
archive/force_weak.py reads the file.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.alias_index import AliasIndex  # noqa: E402
from tooling.bench.corpus import iter_records  # noqa: E402

GAZETTEER = ROOT / "fixtures" / "gazetteer.json"
OUT = ROOT / "fixtures" / "force_cues.json"
MIN_BEFORE = 20
MIN_SHARE = 0.15
#: What may stand between the cue and the name and still be one phrase.
JOINERS = set(" \u00a0\"'«»“”()")


def fixture_index(path=GAZETTEER) -> AliasIndex:
    """An alias index of the gazetteer fixture (no database needed)."""
    kinds = {"archive.force": "force", "archive.place": "place", "archive.speaker": "speaker",
             "archive.outlet": "outlet"}
    entries = []
    for row in json.loads(Path(path).read_text(encoding="utf-8")):
        kind = kinds.get(row["model"])
        if kind:
            f = row["fields"]
            entries.append((kind, row["pk"], [f.get("name"), f.get("name_en"), *(f.get("aliases") or [])]))
    return AliasIndex(entries)


def count(records, index):
    before, total = collections.Counter(), collections.Counter()
    for record in records:
        text = f"{record.get('title') or ''}\n\n{record.get('body') or ''}"
        words = index.words(text)
        tokens, folded = words
        total.update(folded)
        starts = {t.start: k for k, t in enumerate(tokens)}
        for m in index.find(text, words):
            if m.kind != "force" or index.is_weak(m.kind, m.pk, m.alias):
                continue
            k = starts.get(m.start)
            if k is None:        # the match begins after a clitic: its token
                k = next((j for j, t in enumerate(tokens) if t.start <= m.start < t.end), None)
            if not k:
                continue
            if set(text[tokens[k - 1].end:tokens[k].start]) <= JOINERS:
                before[folded[k - 1]] += 1
    return before, total


def cues(before, total, min_before=MIN_BEFORE, min_share=MIN_SHARE):
    return {w: [n, total[w]] for w, n in before.most_common()
            if n >= min_before and n >= min_share * total[w] and w.isalpha()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", action="append", required=True)
    ap.add_argument("--show", type=int, default=0, help="print the N words most often before a force")
    args = ap.parse_args()
    before, total = count(iter_records(args.corpus), fixture_index())
    if args.show:
        for w, n in before.most_common(args.show):
            print(f"{w}\t{n}\t{total[w]}\t{n / total[w]:.2f}")
        return
    found = cues(before, total)
    OUT.write_text(json.dumps({"min_before": MIN_BEFORE, "min_share": MIN_SHARE,
                               "cues": found}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(found)} cue words -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
