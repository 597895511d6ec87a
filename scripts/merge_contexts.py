"""Neighbouring-word vectors of corpus words, for scripts/build_merges.py:
for each target word, how often each of the commonest words stands right
before it and right after it. Two spellings or forms of one word stand among
the same neighbours (مسؤول and مسئول after قال, before عن); two words that
share letters seldom do (مكان after في, مكة after مدينة).

Plain Python (an ``array`` of counts), counts only; nothing is written
here."""
import math
import re
from array import array

from archive import arabic
from tooling.bench.corpus import iter_records

#: Runs of Arabic letters (and the marks strip_marks removes).
WORD_RE = re.compile("[\u0621-\u064a\u0670\u064b-\u065f\u0640]+")


def context_vectors(corpus, targets, contexts):
    """``targets``, ``contexts``: lists of folded words. Returns ``{target:
    array}``: counts of each context word right before (first half) and
    right after (second half) the target, over the corpus's titles and
    bodies."""
    tid = {w: i for i, w in enumerate(targets)}
    cid = {w: i for i, w in enumerate(contexts)}
    width = 2 * len(contexts)
    after = len(contexts)
    flat = array("i", bytes(4 * width * len(targets)))
    fold = {}
    for record in iter_records(corpus):
        for text in (record.get("title") or "", record.get("body") or ""):
            words = []
            for typed in WORD_RE.findall(text):
                folded = fold.get(typed)
                if folded is None:
                    folded = fold[typed] = arabic.fold(typed)
                words.append(folded)
            for left, right in zip(words, words[1:]):
                t = tid.get(right)
                if t is not None:
                    c = cid.get(left)
                    if c is not None:
                        flat[t * width + c] += 1
                t = tid.get(left)
                if t is not None:
                    c = cid.get(right)
                    if c is not None:
                        flat[t * width + after + c] += 1
    return {w: flat[i * width:(i + 1) * width] for w, i in tid.items()}


def column_shares(vectors):
    """Each neighbour's share of all neighbour counts (the baseline
    :func:`similarity` weighs against)."""
    totals = None
    for v in vectors.values():
        totals = list(v) if totals is None else [t + x for t, x in zip(totals, v)]
    half = len(totals) // 2
    shares = []
    for part in (totals[:half], totals[half:]):
        whole = sum(part) or 1
        shares += [max(t, 1) / whole for t in part]
    return shares


def similarity(u, v, shares=None):
    """Cosine of two context vectors weighted as positive pointwise mutual
    information (``u`` and ``v`` are one side's neighbours, ``shares``
    that side's :func:`column_shares`): a neighbour counts by how much more often it stands by the
    word than by words at large (في before every noun says little, مدينة
    before مكة much); 0.0 if either is empty."""
    if shares is None:
        shares = [1.0] * len(u)
    su, sv = sum(u) or 1, sum(v) or 1
    dot = nu = nv = 0.0
    for a, b, share in zip(u, v, shares):
        if a or b:
            # Half of a count per neighbour smooths the rare word's few.
            a = max(0.0, math.log((a + 0.5) / (su * share))) if a else 0.0
            b = max(0.0, math.log((b + 0.5) / (sv * share))) if b else 0.0
            dot += a * b
            nu += a * a
            nv += b * b
    return dot / math.sqrt(nu * nv) if nu and nv else 0.0
