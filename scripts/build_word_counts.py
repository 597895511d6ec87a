"""Build archive/lexicon/word_counts.tsv.gz: how often each folded Arabic word is
written in a corpus. The broad analysis (archive.arabic.broad_stem) consults it
to decide which affix strips are safe; see docs/search.md.

    .venv/bin/python scripts/build_word_counts.py \\
        ../shared/corpus/articles.jsonl.gz ../shared/corpus/articles-b.jsonl.gz

Only counts of single words are written (never text): every word made of
Arabic letters only, folded with archive.arabic.fold, written at least
MIN_COUNT times. Rebuild it, and then the search index (rebuild_index), if
the folding rules change.
"""
import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import arabic  # noqa: E402
from archive.arabic.lexicon import write_counts  # noqa: E402
from tooling.bench.corpus import iter_records  # noqa: E402

OUT = ROOT / "archive" / "lexicon" / "word_counts.tsv.gz"
MIN_COUNT = 5


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", help="JSON-lines files (gzip or not) with title and body")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()

    typed = collections.Counter()
    for record in iter_records(args.corpus):
        text = f"{record.get('title') or ''}\n{record.get('body') or ''}"
        typed.update(token.text for token in arabic.tokenize(text))
    folded = collections.Counter()
    for word, count in typed.items():
        key = arabic.fold(word)
        if arabic._arabic_letters_only(key):
            folded[key] += count
    kept = sorted((w, n) for w, n in folded.items() if n >= args.min_count)
    write_counts(Path(args.out), kept)
    print(f"{len(kept)} words (of {len(folded)} distinct) -> {args.out}")


if __name__ == "__main__":
    main()
