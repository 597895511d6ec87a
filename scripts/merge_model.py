"""A small model of which merges the broad analysis should make, learnt from
judged pairs of corpus words and applied by scripts/build_merges.py.

Two kinds of candidate merge:

* a **strip**: a word and what Lucene's suffix loop leaves of it, both
  words the corpus writes (مكانة → مكان, العشرون → عشر, المقاتلات → مقاتل);
* a **respelling**: two spellings that differ only in a hamza's seat or a
  dropped hamza (مسئولية/مسؤولية, أحيا/أحياء, سأل/سئل).

Each is described by a few features that hold for any word (how often each
is written, alone and after the article, how alike the words standing
before and after them are, which ending or seat differs) and scored by a
logistic regression (plain Python: a handful of weights, stored in
scripts/merge_model.json by scripts/train_merge_model.py). No word list:
the weights are learnt from many judged pairs, the evidence is counted in
the corpus.
"""
import json
import math
from array import array
from pathlib import Path

from archive.arabic import stemming
from archive.arabic.lexicon import _after_definite, _free, _with_article
from merge_contexts import column_shares, similarity

MODEL_PATH = Path(__file__).resolve().parent / "merge_model.json"
_ARTICLE = ("ال", "وال", "بال", "لل")
_HAMZA_LETTERS = set("ءاوي")


class Evidence:
    """The corpus counts and the context vectors the features read."""

    def __init__(self, counts, vectors):
        self.counts = counts
        self.vectors = vectors      # {folded word: array of neighbour counts}
        self._summed = {}
        self.shares = column_shares(vectors)

    def vector(self, word):
        """The word's neighbours, alone and after the article."""
        if word not in self._summed:
            total = None
            for form in (word,) + tuple(a + word for a in _ARTICLE):
                v = self.vectors.get(form)
                if v is None:
                    continue
                total = array("i", v) if total is None else array("i", map(int.__add__, total, v))
            self._summed[word] = total
        return self._summed[word]

    def sims(self, a, b):
        """Cosine of all neighbours, of those before, of those after."""
        u, v = self.vector(a), self.vector(b)
        if u is None or v is None:
            return 0.0, 0.0, 0.0
        half, sh = len(u) // 2, self.shares
        left = similarity(u[:half], v[:half], sh[:half])
        right = similarity(u[half:], v[half:], sh[half:])
        return (left + right) / 2, left, right


def _log(n):
    return math.log1p(n)


def _adjective_share(word):
    total, following = _after_definite().get(word, (0, 0))
    return following / total if total >= 5 else -1.0


def strip_features(ev, x, y):
    """A word ``x`` and the shorter word ``y`` a suffix strip reads it as."""
    c = ev.counts
    fx, fy = _free(c, x), _free(c, y)
    s_all, s_left, s_right = ev.sims(x, y)
    ending = x[len(y):] if x.startswith(y) else ""
    return [
        _log(fx), _log(fy), _log(fx) - _log(fy),
        s_all, s_left, s_right,
        float(ending == "ه"), float(ending in ("ي", "يه")), float(ending == "ات"),
        float(ending in ("ين", "ون", "ان")), float(not ending),
        float(len(y)), _log(_with_article(c, x)), _log(_with_article(c, y)),
        _adjective_share(x),
        # a ة word beside the stem: عشرة beside عشر, مقاتلة beside مقاتل
        _log(_free(c, y + "ه")) - _log(fy),
    ]


def hamza_features(ev, a, b):
    """Two spellings differing only in a hamza seat or a dropped hamza;
    ``a`` is the rarer."""
    c = ev.counts
    ca, cb = c.get(a, 0), c.get(b, 0)
    s_all, s_left, s_right = ev.sims(a, b)
    final = float(a[-1:] != b[-1:])
    return [
        _log(ca), _log(cb), _log(cb) - _log(ca),
        s_all, s_left, s_right,
        float(len(a) != len(b)), final, float(len(a)),
        _log(_with_article(c, a)), _log(_with_article(c, b)),
    ]


def oriented_hamza(ev, a, b):
    """(rarer, commoner)."""
    return (a, b) if (ev.counts.get(a, 0), a) <= (ev.counts.get(b, 0), b) else (b, a)


def is_hamza_variant(a, b):
    """Do ``a`` and ``b`` (folded) differ only in a hamza's seat (ء against
    ا و ي) or in one ء dropped?"""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [(p, q) for p, q in zip(a, b) if p != q]
        return all("ء" in d and set(d) <= _HAMZA_LETTERS for d in diff)
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and long_.count("ء") >= 1 and any(
        long_[:i] + long_[i + 1:] == short for i, ch in enumerate(long_) if ch == "ء")


def core(folded, marbuta=None):
    """(what reaches the suffix loop, what it leaves) for a folded word:
    the word without its article, clitics and pronoun, and its stem."""
    seen = []
    original = stemming._strip_suffixes

    def spy(counts, word):
        out = original(counts, word)
        seen.append((word, out))
        return out

    stemming._strip_suffixes = spy
    try:
        stemming.broad_stem(folded, marbuta)
    finally:
        stemming._strip_suffixes = original
    return seen[-1] if seen else (folded, folded)


# -- logistic regression ----------------------------------------------------

def fit(rows, labels, l2=0.01, steps=1500, rate=0.5):
    """Weights of a logistic regression (features standardised)."""
    n, k = len(rows), len(rows[0])
    mean = [sum(r[j] for r in rows) / n for j in range(k)]
    std = [math.sqrt(sum((r[j] - mean[j]) ** 2 for r in rows) / n) or 1.0 for j in range(k)]
    z = [[(r[j] - mean[j]) / std[j] for j in range(k)] for r in rows]
    w, b = [0.0] * k, 0.0
    for _ in range(steps):
        gw, gb = [0.0] * k, 0.0
        for x, y in zip(z, labels):
            p = 1 / (1 + math.exp(-(b + sum(wi * xi for wi, xi in zip(w, x)))))
            e = p - y
            gb += e
            for j in range(k):
                gw[j] += e * x[j]
        b -= rate * gb / n
        w = [wi - rate * (g / n + l2 * wi) for wi, g in zip(w, gw)]
    return {"mean": mean, "std": std, "weights": w, "bias": b}


def probability(model, row):
    s = model["bias"] + sum(
        w * (v - m) / s for w, v, m, s in zip(model["weights"], row, model["mean"], model["std"]))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, s))))


def load(path=MODEL_PATH):
    return json.loads(Path(path).read_text(encoding="utf-8"))
