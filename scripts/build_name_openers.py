"""Build archive/lexicon/name_openers.tsv.gz: how often each folded Arabic word
opens a person's name right after a rank or honorific in a corpus ("العقيد X",
"الدكتور X", "الشيخ X", "السيدة X": archive.speakers.vocabulary.RANKS).

    .venv/bin/python scripts/build_name_openers.py \\
        ../shared/corpus/articles.jsonl.gz ../shared/corpus/articles-b.jsonl.gz

A word that often opens a name there and that the corpus rarely writes with
the article is a given name (محمد، ستيفن، فيصل); a word that never does and
that the corpus often writes with the article is a common noun (مجلة، قاضية،
هزيمة). archive.speakers.given_names weighs the two. Only counts of single
words are written (never text): a word after a rank, without the article,
not itself a title or a particle, at least MIN_COUNT times. Rebuild it with
the word counts (scripts/build_word_counts.py) when the corpus changes.
"""
import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import arabic  # noqa: E402
from archive.arabic.lexicon import write_counts  # noqa: E402
from archive.speakers.vocabulary import RANKS, STOP, TITLES  # noqa: E402
from tooling.bench.corpus import iter_records  # noqa: E402

OUT = ROOT / "archive" / "lexicon" / "name_openers.tsv.gz"
MIN_COUNT = 2
WORD = re.compile(r"[\u0621-\u064a]+|[^\s\u0621-\u064a]")


def openers(texts):
    counts = collections.Counter()
    for text in texts:
        previous = None
        for token in WORD.findall(text):
            if not "\u0621" <= token[0] <= "\u064a":
                previous = None          # punctuation between rank and word: no name
                continue
            word = arabic.fold(token)
            if previous in RANKS and len(word) > 1 and not word.startswith("ال") \
                    and word not in TITLES and word not in STOP and word not in RANKS:
                counts[word] += 1
            previous = word
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    args = parser.parse_args()

    texts = (f"{record.get('title') or ''}\n{record.get('body') or ''}" for record in iter_records(args.corpus))
    counts = openers(texts)
    rows = sorted((w, c) for w, c in counts.items() if c >= MIN_COUNT)
    write_counts(OUT, rows)
    print(f"{len(rows)} words -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
