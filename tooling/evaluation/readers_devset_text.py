"""Families M and N of the readers' development set: browser text saves of twelve new page designs.

    .venv/bin/python -m tooling.evaluation.readers_devset_text write ../shared/corpus /work/devdata/readers3t
    DATA_DIR=... .venv/bin/python -m tooling.evaluation.readers_devset score /work/devdata/readers3t/text-dev [--show N]
    DATA_DIR=... .venv/bin/python -m tooling.evaluation.readers_devset score /work/devdata/readers3t/text-check

The pages are ``readers_devset_text_pages``' designs filled with corpus
articles from both corpus files (``articles.jsonl.gz`` and
``articles-b.jsonl.gz``, slices no older family draws from). The text saves
are made the way the browsers make them, never flattened by hand:

- M, Chrome: the page rendered in headless Chromium (``/usr/bin/chromium``,
  started as the browser tests start it) and ``document.body.innerText``
  taken, which is what select-all and copy give;
- N, Firefox "Save Page As… Text Files": ``firefox_text.save_as_text``, an
  emulation of ``nsPlainTextSerializer`` (formatted, wrapped at 80 columns,
  absolute links).

The designs are split before anything is read: a third of them (four, drawn
with a fixed seed) are held out whole in ``text-check``, whose files are
scored but never printed; the rest are ``text-dev``. Article ids go to
``ids.json`` beside the two folders. The truth is ``readers_devset``'s.
"""
import argparse
import json
import os
import random

from . import readers_devset_text_pages as pages, readers_devset_text_pages_o as pages_o, readers_devset_text_pages_p as pages_p
from . import readers_devset_text_pages_q as pages_q, readers_devset_text_pages_r as pages_r
from .firefox_text import save_as_text
from .readers_devset import _truth, _write_truth, sample

PER_DESIGN = 15  # articles per design and browser
PER_DESIGN_O = 10
PER_DESIGN_Q = 6
PER_DESIGN_R = 5
SPLIT_SEED = 4242
SPLIT_SEED_Q = 6113
CHECK_DESIGNS = 4
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def split_designs(module=pages, seed=SPLIT_SEED):
    """The designs held out whole for the check part, and the development ones."""
    check = sorted(random.Random(seed).sample(module.DESIGNS, CHECK_DESIGNS))
    return [d for d in module.DESIGNS if d not in check], check


def chrome_texts(pages_html):
    """``document.body.innerText`` of each page, rendered in headless Chromium at a desktop size."""
    from playwright.sync_api import sync_playwright

    texts = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for content in pages_html:
            page.set_content(content, wait_until="load")
            texts.append(page.evaluate("document.body.innerText"))
        browser.close()
    return texts


def save_texts(out, jobs):
    """Save each page as its browser saves it (``jobs``: folder, file name, "chrome" or "firefox", page, url,
    truth), one folder per part with its truth.json; returns the truths by folder."""
    chrome = iter(chrome_texts([j[3] for j in jobs if j[2] == "chrome"]))
    truths = {}
    for folder, name, browser, page, url, t in jobs:
        text = next(chrome) if browser == "chrome" else save_as_text(page, url)
        os.makedirs(os.path.join(out, folder), exist_ok=True)
        with open(os.path.join(out, folder, name), "w", encoding="utf-8") as f:
            f.write(text)
        truths.setdefault(folder, {})[name] = t
    for folder, truth in truths.items():
        _write_truth(os.path.join(out, folder), truth)
    return truths


def write(corpus_dir, out, seed, family="mn"):
    """Families M and N (twelve designs, split into ``text-dev`` and ``text-check``),
    or O or P (designs written later, all in ``text-o`` / ``text-p``)."""
    module = {"o": pages_o, "p": pages_p, "q": pages_q, "r": pages_r}.get(family, pages)
    if family == "q":  # split by design, as M and N: a third of the designs held out whole
        designs, per, slots = module.DESIGNS, PER_DESIGN_Q, (10, 5)
        folders = {d: "text-q-check" for d in split_designs(pages_q, SPLIT_SEED_Q)[1]}
    elif family == "r":  # written after Q was mended: all of it scored before any change for it
        designs, per, slots, folders = module.DESIGNS, PER_DESIGN_R, (9, 8), {}
    elif family in ("o", "p"):
        designs, per, slots, folders = module.DESIGNS, PER_DESIGN_O, {"o": (10, 6), "p": (10, 7)}[family], {}
    else:
        designs, per, slots = pages.DESIGNS, PER_DESIGN, (8, 3)
        folders = {d: "text-check" for d in split_designs()[1]}
    need = len(designs) * 2 * per
    rng = random.Random(seed)
    a, a_rest = sample(os.path.join(corpus_dir, "articles.jsonl.gz"), need // 2, seed, slot=slots[0])
    b, b_rest = sample(os.path.join(corpus_dir, "articles-b.jsonl.gz"), need - need // 2, seed, slot=slots[1])
    cases = [x for pair in zip(a, b) for x in pair]
    others = a_rest + b_rest
    jobs = []  # (folder, name, browser, page, url, truth)
    for i, r in enumerate(cases):
        design = designs[(i // 2) % len(designs)]
        browser = ("chrome", "firefox")[i % 2]
        rel = [o["title"] for o in rng.sample(others, 6)]
        page, url, furniture = getattr(module, design)(r, rng, rel)
        folder = f"text-{family}" if family in ("o", "p", "r") else folders.get(design, "text-q-dev" if family == "q" else "text-dev")
        layout = f"{browser}_{design.split('_', 1)[1]}"
        t = _truth(r, layout, furniture, "day")
        t["id"] = r.get("id")
        jobs.append((folder, f"{i:03d}_{layout}.txt", browser, page, url, t))
    truths = save_texts(out, jobs)
    with open(os.path.join(out, f"ids-{family}.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": seed, "check_designs": sorted(folders),
                   "ids": {folder: sorted(t["id"] for t in truth.values()) for folder, truth in truths.items()}}, f, indent=1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cmd", choices=("write",))
    parser.add_argument("corpus_dir")
    parser.add_argument("out")
    parser.add_argument("--family", choices=("mn", "o", "p", "q", "r"), default="mn")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    write(args.corpus_dir, args.out, args.seed or {"mn": 3107, "o": 4109, "p": 5101, "q": 6203, "r": 7207}[args.family], args.family)


if __name__ == "__main__":
    main()
