"""Build archive/lexicon/plural_readings.txt.gz: the ات plurals the broad
analysis reads as their ة word because the words standing around them say
so (context vectors, as scripts/merge_model.py reads them).

    .venv/bin/python scripts/build_plural_readings.py \\
        ../shared/corpus/articles.jsonl.gz ../shared/corpus/articles-b.jsonl.gz

An ات plural has two possible singulars when the corpus writes both a ة word
and the word without ة: عينات is عينة "sample" or عين "eye", عربات عربة
"cart" or عرب "Arabs", عملات عملة "currency" or عمل "work". Where the ة
word is a word of its own (it keeps its ة, stemming._own_marbuta), the
suffix loop takes the word without ة, which is right for a woman's plural
(لاعبات: لاعب) and wrong for the plural of a ة noun. For each such plural
among the commonest VOCABULARY folded words whose three forms all have
context vectors, this keeps the plural whose neighbours are more like the ة
word's than like the other's by at least MARGIN (cosine of PPMI vectors,
before and after): the analysis then reads it as the ة word. Where a form
has no vector (rare forms: طبيبات) nothing changes.

Only single words are written, one a line, never text. Rebuild it with
word_counts.tsv.gz and after_definite.tsv.gz, then bump ANALYSIS_VERSION.
"""
import argparse
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from archive.arabic import lexicon, stemming  # noqa: E402
from archive.arabic.lexicon import read_counts  # noqa: E402
import merge_model as mm  # noqa: E402
from build_merges import vocabulary  # noqa: E402
from train_merge_model import load_vectors  # noqa: E402

OUT = ROOT / "archive" / "lexicon" / "plural_readings.txt.gz"
VOCABULARY = 50000
MARGIN = 0.03


def plural_readings(ev, words, margin=MARGIN):
    """The ات plurals among ``words`` read as their ة word (see the module)."""
    counts, out = ev.counts, set()
    for w in words:
        x, s = mm.core(w)
        if not x.endswith("ات") or s != x[:-2] or x in out:
            continue
        t = s + "ه"
        if not stemming._own_marbuta(counts, t):
            continue    # the ة word and the word without it share a term already
        if any(ev.vector(v) is None for v in (x, s, t)):
            continue
        if ev.sims(x, t)[0] - ev.sims(x, s)[0] >= margin:
            out.add(x)
    return sorted(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="*", help="JSON-lines files (gzip or not) with title and body")
    parser.add_argument("--contexts-cache", help="a pickle of the context vectors (see train_merge_model)")
    parser.add_argument("--vocabulary", type=int, default=VOCABULARY)
    parser.add_argument("--margin", type=float, default=MARGIN)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    lexicon._plurals = frozenset()      # decide against the rules alone
    counts = read_counts(lexicon.WORD_COUNTS_PATH)
    ev = mm.Evidence(counts, load_vectors(counts, args.corpus, args.contexts_cache))
    words = plural_readings(ev, vocabulary(counts, args.vocabulary), args.margin)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write("".join(w + "\n" for w in words).encode("utf-8"))
    print(f"{len(words)} plurals read as their ة word -> {args.out}")


if __name__ == "__main__":
    main()
