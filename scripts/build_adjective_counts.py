"""Build archive/lexicon/after_definite.tsv.gz: for each folded word the
corpus writes after the article, how often that article form follows a word
that itself has the article (الولايات المتحدة, المدينة الكبيرة). An
adjective agrees with its definite noun, so a feminine adjective is mostly
written so; a ة noun of its own (الدورة, الخبرة, المكتبة) seldom is. The
broad analysis (archive.arabic.stemming) asks it whether a ة word is the
feminine of the word without ة (see docs/search.md).

    .venv/bin/python scripts/build_adjective_counts.py \\
        ../shared/corpus/articles.jsonl.gz ../shared/corpus/articles-b.jsonl.gz

Only counts of single words are written (never text): words ending in ة
(folded ه) or ية, and the words without that ة, written after the article
at least MIN_COUNT times. Rebuild it with word_counts.tsv.gz.
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

OUT = ROOT / "archive" / "lexicon" / "after_definite.tsv.gz"
MIN_COUNT = 5
#: The article forms, longest first (as archive.arabic.stemming reads them).
ARTICLE = ("وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "لل", "ال")


def _base(folded):
    """The word without its article form, or None."""
    for form in ARTICLE:
        if folded.startswith(form) and len(folded) - len(form) >= 2:
            return folded[len(form):]
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", help="JSON-lines files (gzip or not) with title and body")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()

    total, after = collections.Counter(), collections.Counter()
    fold = {}
    for record in iter_records(args.corpus):
        for text in (record.get("title") or "", record.get("body") or ""):
            previous_definite, previous_end = False, 0
            for token in arabic.tokenize(text):
                # Only a word right after the last one, a space
                # between (no comma, no full stop).
                if text[previous_end:token.start].strip():
                    previous_definite = False
                previous_end = token.end
                word = token.text
                folded = fold.get(word)
                if folded is None:
                    folded = fold[word] = arabic.fold(word)
                base = _base(folded)
                if base is not None:
                    total[base] += 1
                    after[base] += previous_definite
                previous_definite = base is not None and not arabic.is_stopword(folded)
    kept = []
    for base, n in total.items():
        if n < args.min_count or not arabic._arabic_letters_only(base):
            continue
        if base.endswith("ه") or total.get(base + "ه", 0) >= args.min_count:
            kept.append((base, n, after[base]))
    kept.sort()
    write_counts(Path(args.out), kept)
    print(f"{len(kept)} words -> {args.out}")


if __name__ == "__main__":
    main()
