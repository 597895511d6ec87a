"""A small learnt model that says which of a text save's lines are the article's.

The rules in ``text`` find the headline and the body's span from what they are
sure of (page metadata, explicit markers, stop lines); inside and around that
span a page keeps furniture no rule names: a follow prompt between two
paragraphs, a related-headlines block with no heading the rules know, a
byline after the last paragraph. A logistic regression over
``line_features.FEATURES`` (shape, position, vocabulary shared with the rest of
the body, the neighbours' shape) gives each line the chance that it is the
article's; a body line whose chance is under ``DROP_BELOW`` leaves the body
(to the header when it stood above every kept line, to the trailer when under,
where the date and outlet readers still see it).

The weights (``line_model.json``) were trained by
``tooling/evaluation/train_line_model.py`` on randomly composed pages
(``tooling/evaluation/readers_devset_random.py``); docs/importing.md says how
to retrain. ``MODE`` is for measuring: "both" (the rules, then the model),
"rules" (the rules alone), "model" (the model alone over every line under the
header, with weights trained without the rules' classes).
"""
import json
import math
import os

from .line_features import FEATURES, page_features
from .title_model import TITLE_FEATURES, settle_title

MODE = os.environ.get("ARCHIVE_LINE_MODEL", "both")
WEIGHTS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "line_model.json")
# A body line is dropped when the model gives it less than this chance of being the article's.
DROP_BELOW = 0.5

_weights = {}


def weights(name="both"):
    """The weights of one model: "both", "model" (over ``FEATURES``) or "title" (over ``TITLE_FEATURES``).
    A weights file written for other features is not used."""
    if not _weights and os.path.exists(WEIGHTS_FILE):
        with open(WEIGHTS_FILE, encoding="utf-8") as f:
            data = json.load(f)
        if data.get("features") == list(FEATURES):
            _weights.update({k: v for k, v in data["models"].items() if k != "title"})
        if "title" in data["models"] and data.get("title_features") == list(TITLE_FEATURES):
            _weights["title"] = data["models"]["title"]
        _weights.setdefault("loaded", True)
    return _weights.get(name)


def chances(vectors, model):
    """The model's chance that each line is the article's."""
    mean, scale, coef = model["mean"], model["scale"], model["coef"]
    out = []
    for v in vectors:
        z = sum(c * (x - m) / s for c, x, m, s in zip(coef, v, mean, scale))
        out.append(1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0))))
    return out


def body_indices(lines, body_lines, start):
    """Where each of ``body_lines`` stands in ``lines`` (they were taken in order from ``start`` on)."""
    out, at = [], start
    for line in body_lines:
        j = next((k for k in range(at, len(lines)) if lines[k] == line), None)
        if j is None:
            return None
        out.append(j)
        at = j + 1
    return out


def settle(reading, lines, kinds, body_at, gaps=None):
    """The model's word on the body's lines, then on the headline."""
    settle_body(reading, lines, kinds, body_at, gaps)
    if MODE != "rules":
        settle_title(reading, weights("title"), chances)


def settle_body(reading, lines, kinds, body_at, gaps=None):
    """Drop from ``reading.body_lines`` the lines the model takes for furniture (``MODE`` "both"),
    or let the model choose every line from ``body_at`` on ("model"). Never empties the body."""
    mode = MODE
    if mode == "rules" or not reading.body_lines:
        return
    model = weights("model" if mode == "model" else "both")
    at = body_indices(lines, reading.body_lines, body_at)
    if model is None or at is None:
        return
    candidates = list(range(body_at, len(lines))) if mode == "model" else at
    if not candidates:
        return
    p = chances(page_features(lines, kinds, at, reading.title, candidates, gaps), model)
    kept = [i for i, c in zip(candidates, p) if c >= DROP_BELOW]
    if not kept:
        return
    if mode == "model":
        reading.body_lines = [lines[i] for i in kept]
        return
    dropped_above = [lines[i] for i in at if i < kept[0]]
    dropped_under = [lines[i] for i in at if i > kept[-1]]
    reading.header_lines.extend(dropped_above)
    reading.trailer_lines[:0] = dropped_under
    reading.body_lines = [lines[i] for i in kept]

