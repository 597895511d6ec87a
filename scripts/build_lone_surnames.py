"""Build archive/lexicon/lone_surnames.tsv: which Arabic surnames of the
gazetteer's people name them when typed alone (غوتيريش, العبادي, ترامب), and
which are ordinary words or other people's names too (الصدر "chest",
محمود, صالح, المهندس "engineer"): counted in the corpus, not listed by hand.

    .venv/bin/python scripts/build_lone_surnames.py ../shared/corpus/articles.jsonl.gz ../shared/corpus/articles-b.jsonl.gz

A surname is the last word of a person's Arabic name of two words or more,
unless the word before it binds it into an Arabic compound (عبد العزيز,
أبو الغيط, بن سلمان, نصر الله, ولد الشيخ: the surname is then two words,
never read alone). A foreign particle does not (دي ميستورا, لو دريان, كي
مون): readers write ميستورا, لودريان alone, and the corpus decides.
For each, the corpus articles that write it as a word of its own (after one
proclitic or none) are counted, and among them those that also write one of
the person's full names (any gazetteer spelling of two words or more). A
surname most of whose articles name the person in full is the person's; one
written mostly elsewhere is not (``SHARE``). A surname the corpus writes in
fewer than ``MIN_ARTICLES`` articles is no ordinary word either (بومبيه,
كوناشنكوف: a rare spelling of the person's): it names them too. Writes one line per surname:
folded word, articles, articles that name the person, and whether it names
them (1/0); archive.search.surnames reads it. Rebuild when the gazetteer
changes (about a minute).
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import arabic  # noqa: E402
from tooling.bench.corpus import iter_records  # noqa: E402

OUT = ROOT / "archive" / "lexicon" / "lone_surnames.tsv"
#: A surname names the person alone when at least this share of the
#: articles writing it also name the person in full.
SHARE = 0.5
#: A surname written in fewer articles than this is too rare to be an ordinary word.
MIN_ARTICLES = 3
#: Words that bind the next into one name with them (the language's
#: compound names: kunya, nasab, عبد or نصر + a divine name, ولد, آل).
BINDERS = frozenset(arabic.fold(w) for w in ("عبد", "أبو", "ابو", "بن", "ابن", "ولد", "آل", "نصر"))
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
ARABIC_WORD = re.compile(r"[\u0621-\u064A\u0660-\u06FF]+")


def folded_words(name):
    return tuple(arabic.fold(arabic.strip_marks(t.text)) for t in arabic.tokenize(name))


def people():
    """(pk, [folded multi-word Arabic names], {surnames})."""
    for row in json.loads((ROOT / "fixtures" / "gazetteer.json").read_text(encoding="utf-8")):
        if row["model"] != "archive.speaker":
            continue
        fields = row["fields"]
        full, surnames = set(), set()
        for name in [fields["name"], *fields.get("aliases", [])]:
            name = name.lstrip("~").strip()
            if not ARABIC_WORD.search(name):
                continue
            words = folded_words(name)
            if len(words) < 2:
                continue
            full.add(words)
            if words[-2] not in BINDERS and len(words[-1]) >= 3 and not arabic.is_stopword(words[-1], words[-1]):
                surnames.add(words[-1])
        yield row["pk"], full, surnames


def main(paths):
    table = list(people())
    # A first name is another person's surname too often (مصطفى, هادي, سلمان).
    first = {words[0] for _pk, full, _s in table for words in full}
    wanted = {}
    for pk, full, surnames in table:
        for s in surnames - first:
            wanted.setdefault(s, []).append(full)
    memo, counts = {}, {s: [0, 0] for s in wanted}
    for article in iter_records(paths):
        text = f"{article.get('title') or ''} {article['body']}"
        words = []
        for w in ARABIC_WORD.findall(text):
            f = memo.get(w)
            if f is None:
                f = memo[w] = arabic.fold(w)
            words.append(f)
        present = set(words)
        for w in list(present):
            for p in PROCLITICS:
                if w.startswith(p) and w[len(p):] in wanted:
                    present.add(w[len(p):])
        hits = [s for s in wanted if s in present]
        if not hits:
            continue
        joined = " " + " ".join(words) + " "
        for s in hits:
            counts[s][0] += 1
            if any(" " + " ".join(n) + " " in joined or " و" + " ".join(n) + " " in joined
                   for fulls in wanted[s] for n in fulls):
                counts[s][1] += 1
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# surname\tarticles\tnaming the person in full\tnames the person alone\n")
        for s in sorted(counts):
            n, named = counts[s]
            keep = int(n < MIN_ARTICLES or named >= SHARE * n)
            out.write(f"{s}\t{n}\t{named}\t{keep}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
