"""Mine the corpus for armed groups the gazetteer lacks (issue 10, point 5).

    python scripts/mine_armed_groups.py CORPUS.jsonl.gz [...] [--min-docs 10] [--out FILE]

A candidate is a group word ("حركة", "جماعة", "كتائب", "لواء", "ألوية", "سرايا",
"جبهة", "تنظيم", "ميليشيا"/"ميليشيات", "جيش", "مجلس شورى") followed by one or two
words, where no gazetteer entity already matches. A name is a group that fights when
its mentions sit among the words of fighting: the force cue words the corpus writes
before force names (`fixtures/force_cues.json`, counted by `build_force_cues.py`) and a
short list of combat verbs and nouns (هجوم، تبنت، فجر، اشتباكات …) within eight words of
the mention. The script prints, for every candidate written in `--min-docs` articles or
more, its articles, the share of them with such a context and the outlets writing it,
kept when at least half of its articles are armed and three outlets or more write it.
It proposes; a reader decides (a political movement is written near "هجوم" too), and
the entries chosen are written in `fixtures/gazetteer.json` by hand with a Latin name.
"""
import argparse
import collections
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

from archive.arabic import fold  # noqa: E402
from scripts.build_force_cues import fixture_index  # noqa: E402
from tooling.bench.corpus import iter_records  # noqa: E402

HEADS = ("حركة", "جماعة", "كتائب", "لواء", "ألوية", "سرايا", "جبهة", "تنظيم", "ميليشيا",
         "ميليشيات", "مليشيا", "مليشيات", "جيش")
COMBAT = ("هجوم", "هجمات", "هجوما", "تبنت", "تبنى", "فجر", "تفجير", "تفجيرات", "انتحاري",
          "اشتباكات", "اشتباك", "معارك", "مسلحين", "مسلحون", "مسلحي", "مقاتلين", "مقاتلو",
          "مقاتلي", "عناصر", "قتلى", "قتل", "مسلحة", "كمين", "هاجم", "هاجموا", "قصف")
BREAK = set(".,،;؛:!?؟\n()«»\"")
WINDOW = 8


def outlet_of(record):
    """The outlet of a corpus record: its source, or its id's prefix."""
    source = record.get("source") or record.get("outlet")
    if source:
        return str(source)
    rid = record.get("id", "")
    parts = rid.split("-")
    return "-".join(parts[:2]) if rid.startswith("antms") else parts[0]


def _bare(word):
    """A folded word without a leading conjunction or preposition and article."""
    if word[:1] in "وفبل" and len(word) > 3:
        word = word[1:] if word[1:3] == "ال" or word[:1] in "وف" else word
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def mine(records, index, cues):
    heads = {fold(w) for w in HEADS}
    combat = {_bare(fold(w)) for w in COMBAT} | {_bare(c) for c in cues}
    docs, armed, outlets = collections.Counter(), collections.Counter(), collections.defaultdict(set)
    for record in records:
        text = f"{record.get('title') or ''}\n\n{record.get('body') or ''}"
        tokens, folded = index.words(text)
        covered = set()
        for m in index.find(text, (tokens, folded)):
            covered.update(range(m.start, m.end))
        seen, seen_armed = set(), set()
        for i, w in enumerate(folded):
            h = w[1:] if w[:1] in "وفبل" and w[1:] in heads else w
            if h not in heads:
                continue
            for k in (1, 2, 3):
                j = i + k
                if j >= len(tokens) or tokens[j].start in covered:
                    break
                if any(ch in BREAK for ch in text[tokens[j - 1].end:tokens[j].start]):
                    break
                phrase = " ".join([h] + folded[i + 1:j + 1])
                seen.add(phrase)
                around = folded[max(0, i - WINDOW):i] + folded[j + 1:j + 1 + WINDOW]
                if any(_bare(x) in combat for x in around):
                    seen_armed.add(phrase)
        for phrase in seen:
            docs[phrase] += 1
            outlets[phrase].add(outlet_of(record))
        for phrase in seen_armed:
            armed[phrase] += 1
    return docs, armed, outlets


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+")
    parser.add_argument("--min-docs", type=int, default=10)
    parser.add_argument("--odd-only", action="store_true",
                        help="only articles whose id's md5 is odd (never a held-out draw)")
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    import hashlib
    index = fixture_index()
    cues = set(json.loads((Path(__file__).resolve().parent.parent / "fixtures" / "force_cues.json")
                          .read_text(encoding="utf-8"))["cues"])
    records = iter_records(args.corpus)
    if args.odd_only:
        records = (r for r in records if int(hashlib.md5(r["id"].encode()).hexdigest(), 16) % 2 == 1)
    docs, armed, outlets = mine(records, index, cues)
    rows = []
    for phrase, n in docs.items():
        if n < args.min_docs:
            continue
        share = armed[phrase] / n
        keep = share >= 0.5 and len(outlets[phrase]) >= 3
        rows.append((phrase, n, armed[phrase], round(share, 2), len(outlets[phrase]), int(keep)))
    rows.sort(key=lambda r: (-r[5], -r[2]))
    lines = ["phrase\tarticles\tarmed\tshare\toutlets\tkept"] + ["\t".join(map(str, r)) for r in rows]
    if args.out:
        Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
