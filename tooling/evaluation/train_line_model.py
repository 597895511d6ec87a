"""Train the text-save line model (``archive/ingest/line_model.py``) and write its weights.

    DATA_DIR=... .venv/bin/python -m tooling.evaluation.train_line_model /work/devdata/readers5t/rand-train \
        /work/devdata/bodies8/gen8/train [--out archive/ingest/line_model.json] [--folds 3]

The material is one folder or more: ``readers_devset_random``'s training part (random page designs
whose truth is known by construction; the held-out seeds and furniture kinds
are never read here) and ``readers_devset_furniture``'s (the same designs with
furniture in many more wordings, kinds and places, and short articles), each
page as saved and again with its blank lines lost.
Each page is read by the rules (``read_text``) and every
line from where the rules' body begins is a training example: the article's
(1) when it stands between the line holding the first paragraph and the line
holding the last, has a letter (not a bullet or a rule) and opens with none of the page's furniture strings, else
furniture (0). Two logistic regressions are fitted by gradient descent with a
small ridge: "both" over every feature, on the lines the rules took for the
body (where it is used: it drops lines from that body), and "model" without the
rules' classes, on every line (for measuring the model alone). ``--folds`` reports a leave-sites-out line
accuracy per fold before the weights are written.
"""
import argparse
import json
import math
import operator
import re
import os
import sys
from collections import defaultdict


RIDGE = 1.0
ITERATIONS = 150
RATE = 1.0
MOMENTUM = 0.9
# The rules' own classes: the "model" weights are trained without them.
RULE_FEATURES = ("furniture", "date", "header", "caption", "source", "stop", "in_rule_body")


def examples(folder):
    """(site, feature vectors, labels) for each page of ``folder``."""
    from archive.ingest.catalog import Catalog
    from archive.ingest.decode import decode
    from archive.ingest.line_features import page_features
    from archive.ingest.line_model import body_indices
    from archive.ingest.normalize import has_letters
    from archive.ingest.text import read_text
    from tooling.evaluation.readers_devset import norm

    names = Catalog().outlets.names.values()
    truth = json.load(open(os.path.join(folder, "truth.json"), encoding="utf-8"))
    out = []
    pages = []
    for name, t in sorted(truth.items()):
        text = decode(open(os.path.join(folder, name), "rb").read(), markup=False)
        pages.append((name, t, text))
        # The same page with its blank lines lost (pasted into an editor, saved by an older tool):
        # the model must not lean on blank lines alone.
        pages.append((name, t, re.sub(r"\n\s*\n+", "\n", text)))
    for name, t, text in pages:
        try:
            reading = read_text(text, outlet_names=names)
        except Exception:  # a page the rules refuse teaches nothing about its lines
            continue
        lines, kinds, body_at, gaps = reading.page
        at = body_indices(lines, reading.body_lines, body_at)
        if at is None:
            continue
        normed = [norm(line) for line in lines]
        first = next((i for i, line in enumerate(normed) if norm(t["first"])[:50] in line), None)
        last = max((i for i, line in enumerate(normed) if norm(t["last"])[-50:] in line), default=None)
        if first is None or last is None or last < first:
            continue
        furniture = [norm(f) for f in t["furniture"]]
        candidates = list(range(body_at, len(lines)))
        labels = [int(first <= i <= last and has_letters(lines[i]) and not any(normed[i].startswith(f) for f in furniture))
                  for i in candidates]
        vectors = page_features(lines, kinds, at, reading.title, candidates, gaps)
        out.append((t["layout"].split("_", 1)[1], vectors, labels))
    return out


def title_examples(folder, body_model):
    """(site, feature vectors, labels) of the headline candidates of each page of ``folder``, read as the
    importer reads it: the rules, then the body model (``body_model``, the weights just fitted)."""
    from archive.ingest import line_model
    from archive.ingest.catalog import Catalog
    from archive.ingest.decode import decode
    from archive.ingest.text import read_text
    from archive.ingest.title_model import candidates, title_features
    from tooling.evaluation.readers_devset import norm

    names = Catalog().outlets.names.values()
    truth = json.load(open(os.path.join(folder, "truth.json"), encoding="utf-8"))
    line_model.MODE = "both"
    line_model._weights.clear()
    line_model._weights.update({"both": body_model, "loaded": True})
    out = []
    for name, t in sorted(truth.items()):
        text = decode(open(os.path.join(folder, name), "rb").read(), markup=False)
        try:
            reading = read_text(text, outlet_names=names)
        except Exception:
            continue
        lines, kinds, body_at, gaps = reading.page
        line_model.settle_body(reading, lines, kinds, body_at, gaps)
        if reading.title_derived or reading.title_in_crumb or not reading.body_lines:
            continue
        first_body = next((j for j in range(body_at, len(lines)) if lines[j] == reading.body_lines[0]), None)
        if first_body is None:
            continue
        at = candidates(lines, first_body, reading.body_lines)
        rows = title_features(lines, kinds, gaps, at, first_body, reading.body_lines, reading.title)
        labels = [int(norm(text) == norm(t["title"])) for _, text, _ in rows]
        if any(labels):
            out.append((t["layout"].split("_", 1)[1], [v for _, _, v in rows], labels))
    return out


def fit(x, y, ridge=RIDGE):
    """Logistic regression on standardised features (full-batch gradient descent with
    Nesterov momentum; plain Python: the project's venv has no numpy); returns (mean, scale, coef)."""
    n, d = len(x), len(x[0])
    mean = [sum(row[j] for row in x) / n for j in range(d)]
    scale = [math.sqrt(sum((row[j] - mean[j]) ** 2 for row in x) / n) or 1.0 for j in range(d)]
    mean[0], scale[0] = 0.0, 1.0  # the bias column stays 1
    z = [[(v - m) / s for v, m, s in zip(row, mean, scale)] for row in x]
    w, velocity = [0.0] * d, [0.0] * d
    for _ in range(ITERATIONS):
        ahead = [wj + MOMENTUM * vj for wj, vj in zip(w, velocity)]
        grad = [ridge * a / n for a in ahead]
        grad[0] = 0.0
        for row, label in zip(z, y):
            r = (_sigmoid(sum(map(operator.mul, ahead, row))) - label) / n
            for j, v in enumerate(row):
                grad[j] += r * v
        velocity = [MOMENTUM * vj - RATE * g for vj, g in zip(velocity, grad)]
        w = [wj + vj for wj, vj in zip(w, velocity)]
    return mean, scale, w


def _sigmoid(t):
    return 1.0 / (1.0 + math.exp(-max(min(t, 30.0), -30.0)))


def predict(model, x):
    mean, scale, w = model
    return [_sigmoid(sum(c * (v - m) / s for c, v, m, s in zip(w, row, mean, scale))) for row in x]


def masked(x, features, drop):
    cols = {features.index(name) for name in drop}
    return [[0.0 if j in cols else v for j, v in enumerate(row)] for row in x]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--out", default=os.path.join("archive", "ingest", "line_model.json"))
    parser.add_argument("--folds", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from archive.ingest.line_features import FEATURES

    features = list(FEATURES)
    data = [page for folder in args.folders for page in examples(folder)]
    by_site = defaultdict(list)
    for site, vectors, labels in data:
        by_site[site].append((vectors, labels))
    sites = sorted(by_site)
    print(f"{len(data)} pages (each also without its blank lines), {len(sites)} sites, {sum(len(d[2]) for d in data)} lines")

    in_body = features.index("in_rule_body")

    def stack(chosen, only_body=False):
        rows = [(v, lab) for s in chosen for vectors, labels in by_site[s] for v, lab in zip(vectors, labels)
                if v[in_body] or not only_body]
        return [r[0] for r in rows], [r[1] for r in rows]

    for name, drop in (("both", ()), ("model", RULE_FEATURES)):
        correct = total = 0
        for k in range(args.folds):  # leave whole sites out
            test = sites[k::args.folds]
            train = [s for s in sites if s not in test]
            x, y = stack(train, name == "both")
            model = fit(masked(x, features, drop), y)
            tx, ty = stack(test, name == "both")
            correct += sum((p >= 0.5) == bool(lab) for p, lab in zip(predict(model, masked(tx, features, drop)), ty))
            total += len(ty)
        print(f"{name}: leave-sites-out line accuracy {correct / total:.3f} over {total} lines")
    models = {}
    for name, drop in (("both", ()), ("model", RULE_FEATURES)):
        x, y = stack(sites, name == "both")
        mean, scale, w = fit(masked(x, features, drop), y)
        models[name] = {"mean": [round(float(v), 6) for v in mean], "scale": [round(float(v), 6) for v in scale],
                        "coef": [round(float(v), 6) for v in w]}
        ranked = sorted(zip(features, w), key=lambda fw: -abs(fw[1]))[:8]
        print(name, " ".join(f"{f}={c:+.2f}" for f, c in ranked))
    # The headline model, on the pages as the rules and the body model just fitted leave them.
    from archive.ingest.title_model import TITLE_FEATURES

    titles = [page for folder in args.folders for page in title_examples(folder, models["both"])]
    by_site = defaultdict(list)
    for site, vectors, labels in titles:
        by_site[site].append((vectors, labels))
    right = 0
    for k in range(args.folds):  # leave whole sites out: is the right line the most likely one?
        test = sites[k::args.folds]
        x, y = stack([s for s in sites if s not in test])
        model = fit(x, y)
        for s in test:
            for vectors, labels in by_site[s]:
                p = predict(model, vectors)
                right += labels[max(range(len(p)), key=p.__getitem__)]
    print(f"title: leave-sites-out right line first on {right} of {len(titles)} pages")
    x, y = stack(sites)
    mean, scale, w = fit(x, y)
    models["title"] = {"mean": [round(float(v), 6) for v in mean], "scale": [round(float(v), 6) for v in scale],
                       "coef": [round(float(v), 6) for v in w]}
    print("title", " ".join(f"{f}={c:+.2f}" for f, c in sorted(zip(TITLE_FEATURES, w), key=lambda fw: -abs(fw[1]))[:8]))
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"trained_on": " + ".join(os.path.basename(os.path.normpath(f)) for f in args.folders), "pages": len(data),
                   "lines": sum(len(d[2]) for d in data), "features": features, "title_features": list(TITLE_FEATURES),
                   "models": models}, f, indent=1)
        f.write("\n")
    print(f"weights written to {args.out}")


if __name__ == "__main__":
    main()
