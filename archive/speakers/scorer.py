"""Which candidate people to propose: one learnt scorer instead of stacked
exceptions. :func:`archive.speakers.candidates.candidates` reads every
name-like span near a cue of speech with its evidence; a logistic
regression learnt from hand-tagged articles (``scorer_weights.json``,
written by ``scripts/train_speaker_scorer.py``) weighs that evidence, and a
candidate is proposed when its probability reaches the threshold the
training chose (at precision ≥ 0.90 across outlets it was not trained on).
Without the weights file the rules' proposals stand as they are."""
from __future__ import annotations

import contextlib
import functools
import json
import math
from pathlib import Path

from archive.arabic import fold
from archive.speakers.candidates import CUE_WORDS, Candidate, candidates
from archive.speakers.evidence import FEATURES
from archive.speakers.reading import Quoted, positions

WEIGHTS_PATH = Path(__file__).resolve().parent / "scorer_weights.json"

#: While training, the candidates of every text scored (see :func:`collecting`).
_collected: list | None = None


@functools.cache
def _model() -> dict | None:
    """The weights, or None when the file is missing, damaged or names
    other features than this code computes (then the rules decide)."""
    try:
        model = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if tuple(model.get("features", ())) != FEATURES or len(model.get("weights", ())) != len(FEATURES):
        return None
    return model


def probability(features: dict, model: dict) -> float:
    weights = model.get("by_name") or model.setdefault("by_name", dict(zip(FEATURES, model["weights"])))
    z = model["bias"] + sum(weights[name] * value for name, value in features.items() if value)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def decide(text: str, words, matches, quoted, rule_proposals: list[Quoted]) -> list[Quoted]:
    """The people to propose: the candidates the model scores at or above
    its threshold, one per name, a shorter form of a longer one dropped.
    ``quoted``: the people the rules read as speaking."""
    model = _model()
    if model is None and _collected is None:
        return rule_proposals
    tokens, folded = words
    verbs = positions(folded, CUE_WORDS)
    if not verbs and not rule_proposals:
        return rule_proposals
    read = [q.start for q in quoted] + [m.start for m in matches if m.kind == "speaker"]
    found = candidates(text or "", words, matches, verbs, rule_proposals, read)
    if _collected is not None:
        _collected.append(found)
    if model is None:
        return rule_proposals
    return chosen(found, model)


def chosen(found: list[Candidate], model: dict, threshold: float | None = None,
           threshold_new: float | None = None) -> list[Quoted]:
    """The candidates kept: those the rules read at ``threshold``, those
    only the generous reading found at ``threshold_new`` (fewer of them
    are right: the model's own bar for them, from the training)."""
    threshold = model["threshold"] if threshold is None else threshold
    if threshold_new is None:
        threshold_new = max(model.get("threshold_new", threshold), threshold)
    kept = {}
    for c in found:
        if probability(c.features, model) >= (threshold if c.features.get("rules") else threshold_new):
            kept.setdefault(fold(c.quoted.name), c.quoted)
    keys = list(kept)
    for key in keys:         # "بومبيو" after "مايك بومبيو": the same person
        if any(other != key and (other.endswith(" " + key) or other.startswith(key + " ")) for other in keys):
            kept.pop(key, None)
    return sorted(kept.values(), key=lambda q: q.start)


@contextlib.contextmanager
def collecting():
    """Record the candidates of every text tagged inside the block (for
    training): yields the list, one list of candidates per text."""
    global _collected
    previous, _collected = _collected, []
    try:
        yield _collected
    finally:
        _collected = previous
