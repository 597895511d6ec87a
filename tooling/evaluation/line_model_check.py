"""Line-level precision and recall of a text save's body, rules alone, model alone and both (aggregate only).

    DATA_DIR=... .venv/bin/python -m tooling.evaluation.line_model_check /work/devdata/readers5t/rand-seedcheck

``readers_devset score`` checks a body's first and last paragraph and its
furniture; it cannot see a paragraph dropped from the middle. Here every line
of the page is labelled as ``train_line_model`` labels it (the article's when it
stands between the first and the last paragraph and opens with no furniture
string) and the body each mode keeps is compared with it: precision (the
share of the body's lines that are the article's), recall (the share of the
article's lines in the body) and the share of pages whose body is exactly the
article's lines. Nothing is printed per file, so a check part can be scored.
"""
import argparse
import json
import os
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--modes", default="rules,both,model")
    args = parser.parse_args()
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from archive.ingest import line_model
    from archive.ingest.catalog import Catalog
    from archive.ingest.decode import decode
    from archive.ingest.normalize import has_letters
    from archive.ingest.text import read_text
    from tooling.evaluation.readers_devset import norm

    names = Catalog().outlets.names.values()
    for folder in args.folders:
        truth = json.load(open(os.path.join(folder, "truth.json"), encoding="utf-8"))
        for mode in args.modes.split(","):
            line_model.MODE = mode
            kept_true = kept = true = exact = pages = 0
            for name, t in sorted(truth.items()):
                text = decode(open(os.path.join(folder, name), "rb").read(), markup=False)
                pages += 1
                try:
                    reading = read_text(text, outlet_names=names, learnt=True)
                except Exception:
                    continue
                lines = reading.page[0]
                normed = [norm(line) for line in lines]
                first = next((i for i, line in enumerate(normed) if norm(t["first"])[:50] in line), None)
                last = max((i for i, line in enumerate(normed) if norm(t["last"])[-50:] in line), default=None)
                if first is None or last is None:
                    continue
                furniture = [norm(f) for f in t["furniture"]]
                article = {normed[i] for i in range(first, last + 1)
                           if has_letters(lines[i]) and not any(normed[i].startswith(f) for f in furniture)}
                body = {norm(line) for line in reading.body_lines if has_letters(line)}
                kept_true += len(body & article)
                kept += len(body)
                true += len(article)
                exact += body == article
            print(f"{os.path.basename(os.path.normpath(folder)):16} {mode:6} precision {kept_true / max(kept, 1):.3f}"
                  f"  recall {kept_true / max(true, 1):.3f}  exact {exact / max(pages, 1):.2f}  pages {pages}")


if __name__ == "__main__":
    main()
