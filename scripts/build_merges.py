"""Build archive/lexicon/merges.tsv.gz: the merges the broad analysis makes
or refuses on the word of a small model (scripts/merge_model.py, weights in
scripts/merge_model.json, learnt by scripts/train_merge_model.py).

    .venv/bin/python scripts/build_merges.py \\
        ../shared/corpus/articles.jsonl.gz ../shared/corpus/articles-b.jsonl.gz

For the commonest VOCABULARY folded words of the word counts:

* every **strip** the suffix loop makes to another word the corpus writes
  (مكانة → مكان, العشرون → عشر) is scored; one the model finds unlikely to
  be one word (probability under STRIP_FLOOR) is refused: the word stays
  whole (``whole``);
* every pair of **spellings** differing only in a hamza seat or a dropped
  hamza is scored: two the analysis keeps apart that the model finds
  likely one word (over JOIN_FLOOR) are joined, the rarer read as the
  commoner (``spell``); two it joins that the model finds unlikely (under
  SPLIT_FLOOR) are kept apart (``spell`` to itself: no hamza rule
  respells it).

Only single words and their decisions are written, never text. Rebuild it
with word_counts.tsv.gz and after_definite.tsv.gz (the table is built
against the analysis those give), then bump ANALYSIS_VERSION.
"""
import argparse
import collections
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from archive import arabic  # noqa: E402
from archive.arabic import lexicon, spellings  # noqa: E402
from archive.arabic.lexicon import _free, read_counts  # noqa: E402
import merge_model as mm  # noqa: E402
from train_merge_model import load_vectors  # noqa: E402

OUT = ROOT / "archive" / "lexicon" / "merges.tsv.gz"
VOCABULARY = 50000
STRIP_FLOOR = 0.1
JOIN_FLOOR = 0.9
SPLIT_FLOOR = 0.05
_SEATS = set("ءاوي")
#: Pronouns the suffix loop takes off (غيرها, زوجها): one word with or without.
_PRONOUN_ENDINGS = ("ها", "هم", "هما", "هن", "كم", "نا")


def vocabulary(counts, size):
    order = sorted(counts, key=lambda w: (-counts[w], w))
    return [w for w in order if len(w) >= 3 and arabic._arabic_letters_only(w)
            and not arabic.is_stopword(w)][:size]


def hamza_pairs(words):
    """Pairs of ``words`` that are hamza variants of each other."""
    seat_key, dropped = collections.defaultdict(list), collections.defaultdict(list)
    for w in words:
        if "ء" in w or _SEATS & set(w):
            seat_key["".join("*" if c in _SEATS else c for c in w)].append(w)
        if w.count("ء") == 1:
            dropped[w.replace("ء", "")].append(w)
    present = set(words)
    pairs = set()
    for group in seat_key.values():
        if 1 < len(group) <= 60:
            pairs.update(p for p in itertools.combinations(sorted(group), 2) if mm.is_hamza_variant(*p))
    for short, group in dropped.items():
        if short in present:
            pairs.update(tuple(sorted((w, short))) for w in group)
    return sorted(pairs)


def decide(ev, model, words, strip_floor, join_floor, split_floor):
    counts = ev.counts
    whole, spell = set(), {}
    seen = set()
    for w in words:
        x, s = mm.core(w)
        if (x == s or x in seen or not x.startswith(s[:-1]) or _free(counts, s) < 5
                or x.endswith(_PRONOUN_ENDINGS)
                or (x[0] in "بلكوف" and _free(counts, x[1:]) >= 5)):
            continue    # a pronoun, or a clitic on a word: not a strip the model judges
        seen.add(x)
        if mm.probability(model["strip"], mm.strip_features(ev, x, s)) < strip_floor:
            whole.add(x)
    for a, b in hamza_pairs(words):
        rare, common = mm.oriented_hamza(ev, a, b)
        p = mm.probability(model["hamza"], mm.hamza_features(ev, rare, common))
        apart = arabic.broad_term(rare) != arabic.broad_term(common)
        if apart and p > join_floor and spellings._canonical(counts, common) == common:
            spell.setdefault(rare, common)
        elif not apart and p < split_floor:
            for w in (rare, common):
                if spellings._canonical(counts, w) != w:
                    spell[w] = w
    return whole, spell


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="*", help="JSON-lines files (gzip or not) with title and body")
    parser.add_argument("--contexts-cache", help="a pickle of the context vectors (see train_merge_model)")
    parser.add_argument("--model", default=str(mm.MODEL_PATH))
    parser.add_argument("--vocabulary", type=int, default=VOCABULARY)
    parser.add_argument("--strip-floor", type=float, default=STRIP_FLOOR)
    parser.add_argument("--join-floor", type=float, default=JOIN_FLOOR)
    parser.add_argument("--split-floor", type=float, default=SPLIT_FLOOR)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    lexicon._merges = (frozenset(), {})     # decide against the rules alone
    counts = read_counts(lexicon.WORD_COUNTS_PATH)
    ev = mm.Evidence(counts, load_vectors(counts, args.corpus, args.contexts_cache))
    whole, spell = decide(ev, mm.load(args.model), vocabulary(counts, args.vocabulary),
                          args.strip_floor, args.join_floor, args.split_floor)
    rows = [(w, "whole", w) for w in sorted(whole)] + [(w, "spell", t) for w, t in sorted(spell.items())]
    lexicon.write_counts(Path(args.out), rows)
    kept = sum(1 for w, t in spell.items() if w == t)
    print(f"{len(whole)} words kept whole, {len(spell) - kept} spellings joined, "
          f"{kept} kept from respelling -> {args.out}")


if __name__ == "__main__":
    main()
