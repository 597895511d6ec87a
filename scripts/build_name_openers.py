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

A word after a rank is not always a name's first word: "الأستاذ بجامعة
الملك سعود" (a professor at), "اللاعب للموسم" … A given name also opens a
name where no rank stands, right after a reporting verb ("قال محمد",
"وأكدت سارة"); --min-after-verb N leaves out the words the corpus writes
there fewer than N times. Measured on the four hand-tagged development
parts (2026-12-07), N = 1 left out 926 of 1,777 words — the noise
(تدريباته، للموسم، بجامعه، بتكليف) and as many rare real names (سطام، مفرج،
ضاحي، طحنون) — and changed no figure, so the default keeps every word.
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
from archive.speakers.vocabulary import RANKS, REPORTING_VERBS, STOP, TITLES  # noqa: E402
from tooling.bench.corpus import iter_records  # noqa: E402

OUT = ROOT / "archive" / "lexicon" / "name_openers.tsv.gz"
MIN_COUNT = 2
MIN_AFTER_VERB = 0
WORD = re.compile(r"[\u0621-\u064a]+|[^\s\u0621-\u064a]")


def openers(texts, after_verb=None):
    """How often each word opens a name after a rank; ``after_verb``, a
    Counter, also gets how often each word stands right after a reporting verb."""
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
            elif after_verb is not None and previous in REPORTING_VERBS and not word.startswith("ال"):
                after_verb[word] += 1
            previous = word
    return counts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--min-after-verb", type=int, default=MIN_AFTER_VERB,
                        help="times a word must stand right after a reporting verb (default %(default)s)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    texts = (f"{record.get('title') or ''}\n{record.get('body') or ''}" for record in iter_records(args.corpus))
    after_verb = collections.Counter()
    counts = openers(texts, after_verb)
    rows = sorted((w, c) for w, c in counts.items() if c >= MIN_COUNT and after_verb[w] >= args.min_after_verb)
    write_counts(args.out, rows)
    dropped = sum(1 for w, c in counts.items() if c >= MIN_COUNT and after_verb[w] < args.min_after_verb)
    print(f"{len(rows)} words -> {args.out} ({dropped} never after a reporting verb left out)")


if __name__ == "__main__":
    main()
