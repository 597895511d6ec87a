"""A few thousand synthetic Arabic articles, big enough for a search to cost something.

The corpus may not be used by tests, so the words come from the seed
articles, the benchmark's list of news words (``tooling.bench.corpus.WORDS``)
and made-up words built the way Arabic builds them: three-letter roots in a
few patterns, with the article, a proclitic and a plural or feminine ending.
What matters for the search budget is the *shape* of the vocabulary: tens of
thousands of distinct words, most of them beginning with ال or و, a few very
common and most rare (Zipf), as in the real archive, where ``ال*`` matches
half the vocabulary.
"""
import itertools
import json
import random
from datetime import date, timedelta
from pathlib import Path

from archive import arabic
from tooling.bench.corpus import WORDS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seed_articles.json"

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
PATTERNS = ("{a}{b}{c}", "{a}ا{b}{c}", "م{a}{b}و{c}", "{a}{b}ي{c}", "ت{a}{b}ي{c}", "م{a}ا{b}{c}",
            "است{a}{b}ا{c}", "{a}{b}ا{c}")
BEFORE = ("", "", "", "ال", "ال", "و", "وال", "ب", "بال", "لل", "ف", "ك")
AFTER = ("", "", "", "ة", "ات", "ين", "ون", "ي", "ية", "ها")


def vocabulary(size=40_000, seed=7):
    """The seeds' words, the news words, then made-up words, most common first."""
    rng = random.Random(seed)
    words = list(dict.fromkeys(WORDS))
    for row in json.loads(SEEDS.read_text(encoding="utf-8")):
        for field in ("title", "body"):
            for token in arabic.tokenize(row["fields"].get(field) or ""):
                if token.text not in words:
                    words.append(token.text)
    seen = set(words)
    while len(words) < size:
        a, b, c = rng.choice(LETTERS), rng.choice(LETTERS), rng.choice(LETTERS)
        word = rng.choice(BEFORE) + rng.choice(PATTERNS).format(a=a, b=b, c=c) + rng.choice(AFTER)
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def records(n, words_per_article=160, seed=11):
    """``n`` (title, body, published) triples drawn from :func:`vocabulary` with Zipf weights."""
    rng = random.Random(seed)
    words = vocabulary()
    weights = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(words))))
    for i in range(n):
        drawn = rng.choices(words, cum_weights=weights, k=words_per_article + 8)
        title = " ".join(drawn[:8])
        body = "\n".join(" ".join(drawn[8 + p:8 + p + 40]) + "."
                         for p in range(0, words_per_article, 40))
        yield title, body, date(2014, 1, 1) + timedelta(days=i % 2500)


def build(n=3000):
    """``n`` articles in the database (no tagging: the search is what is measured), indexed."""
    from archive.models import Article, Outlet
    from archive.search import indexing

    outlet = Outlet.objects.order_by("pk").first()
    Article.objects.bulk_create(
        [Article(title=title, body=body, published=day, date_precision="day", outlet=outlet,
                 external_id=f"synthetic-{i:05d}", url=f"https://example.org/synthetic/{i}")
         for i, (title, body, day) in enumerate(records(n))],
        batch_size=500,
    )
    return indexing.rebuild()
