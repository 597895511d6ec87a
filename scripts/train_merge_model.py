"""Learn the merge model (scripts/merge_model.json) from judged pairs.

    .venv/bin/python scripts/train_merge_model.py --strip STRIPS.tsv \\
        --hamza PAIRS.tsv [...] \\
        --corpus ../shared/corpus/articles.jsonl.gz ../shared/corpus/articles-b.jsonl.gz

Each file: folded word, TAB, folded word, TAB, S (one word: must meet) or
D (two words: must not), one pair a line. STRIPS are strips the suffix
loop makes (a word and what it leaves of it, drawn from the build's own
candidates, so the model learns the cases it is applied to); PAIRS are
judged pairs of any kind, of which the hamza variants are used. The judged pairs are development
data kept outside the project (they are drawn from the corpus); only the
weights are committed. A pair whose two words differ in a hamza seat trains
the respelling model, a pair whose cores (what reaches the suffix loop)
differ by an ending trains the strip model (see merge_model). Prints each
model's leave-one-out-fold (10 folds) accuracy beside the share of the
commoner label.
"""
import argparse
import json
import pickle
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from archive.arabic.lexicon import WORD_COUNTS_PATH, read_counts  # noqa: E402
import merge_model as mm  # noqa: E402


def examples(ev, path):
    strip, hamza = [], []
    for line in open(path, encoding="utf-8"):
        d, q, label = line.rstrip("\n").split("\t")
        y = 1 if label == "S" else 0
        if mm.is_hamza_variant(d, q):
            a, b = mm.oriented_hamza(ev, d, q)
            hamza.append((mm.hamza_features(ev, a, b), y))
            continue
        (xd, _), (xq, _) = mm.core(d), mm.core(q)
        if xd == xq:
            continue
        x, s = sorted((xd, xq), key=lambda w: (-len(w), w))
        if len(s) >= 2 and x.startswith(s[:-1]):
            strip.append((mm.strip_features(ev, x, s), y))
    return strip, hamza


def cross_validated(data, folds=10, seed=7):
    idx = list(range(len(data)))
    random.Random(seed).shuffle(idx)
    right = 0
    for f in range(folds):
        test = set(idx[f::folds])
        model = mm.fit([data[i][0] for i in idx if i not in test], [data[i][1] for i in idx if i not in test])
        right += sum((mm.probability(model, data[i][0]) >= 0.5) == data[i][1] for i in test)
    return right / len(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--strip", nargs="+", required=True)
    parser.add_argument("--hamza", nargs="+", required=True)
    parser.add_argument("--corpus", nargs="*", default=[])
    parser.add_argument("--contexts-cache", help="a pickle of the context vectors (built once)")
    parser.add_argument("--out", default=str(mm.MODEL_PATH))
    args = parser.parse_args()
    counts = read_counts(WORD_COUNTS_PATH)
    vectors = load_vectors(counts, args.corpus, args.contexts_cache)
    ev = mm.Evidence(counts, vectors)
    strip, hamza = [], []
    for path in args.strip:
        strip += examples(ev, path)[0]
    for path in args.hamza:
        hamza += examples(ev, path)[1]
    models = {}
    for name, data in (("strip", strip), ("hamza", hamza)):
        share = sum(y for _, y in data) / len(data)
        print(f"{name}: {len(data)} pairs, {share:.1%} one word; "
              f"10-fold accuracy {cross_validated(data):.1%}")
        models[name] = mm.fit([r for r, _ in data], [y for _, y in data])
    Path(args.out).write_text(json.dumps(models, indent=1) + "\n", encoding="utf-8")
    print("->", args.out)


def load_vectors(counts, corpus, cache=None):
    """The context vectors of the commonest 60,000 words (300 neighbours a
    side), from a cache if given and present, else counted in the corpus."""
    from array import array
    if cache and Path(cache).exists():
        raw = pickle.load(open(cache, "rb"))
        out = {}
        for w, b in raw.items():
            a = array("i")
            a.frombytes(b)
            out[w] = a
        return out
    from merge_contexts import context_vectors
    order = sorted(counts, key=lambda w: (-counts[w], w))
    vectors = context_vectors(corpus, order[:60000], order[:300])
    if cache:
        pickle.dump({w: v.tobytes() for w, v in vectors.items() if any(v)}, open(cache, "wb"))
    return vectors


if __name__ == "__main__":
    main()
