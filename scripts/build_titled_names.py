"""Build archive/lexicon/titled_names.tsv.gz: how often each folded Arabic
word stands in a person's name right after a title and a nisba ("الرئيس
الفرنسي إيمانويل ماكرون", "وزير الخارجية الروسي سيرغي لافروف") or right
after a rank ("العقيد رايان ديلون").

    .venv/bin/python scripts/build_titled_names.py \\
        ../shared/corpus/articles.jsonl.gz ../shared/corpus/articles-b.jsonl.gz

Two counts per word (word, TAB, first, TAB, second):

* first: the word opens the name after a person's title (vocabulary.PERSON_TITLES)
  and a role of at most five words ending in a nisba with the article (…ي،
  …ية), no particle among them. This
  is where the corpus names foreign people (إيمانويل، ريكس، هيلاري، ماريا),
  whom a rank (name_openers.tsv.gz, build_name_openers.py) seldom precedes;
* second: the word follows such an opener, or a word opening a name after a
  rank: a family name (ماكرون، لافروف، الصادق).

Only counts of single words are written (never text), each word at least
MIN_COUNT times in either column; punctuation between the words breaks the
pattern. archive.speakers.given_names weighs them (name evidence of a word
the ranks never precede). Rebuild it when the corpus changes.
"""
import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import arabic  # noqa: E402
from archive.arabic.lexicon import write_counts  # noqa: E402
from archive.speakers.vocabulary import PERSON_TITLES, RANKS, STOP, TITLES, UNNAMED  # noqa: E402
from tooling.bench.corpus import iter_records  # noqa: E402

OUT = ROOT / "archive" / "lexicon" / "titled_names.tsv.gz"
MIN_COUNT = 2
#: Words between the title and the name, at most (the nisba among them).
MAX_ROLE = 5
WORD = re.compile(r"[\u0621-\u064a]+|[^\s\u0621-\u064a]")
_NISBA = ("ي", "يه")


def _name_word(word: str) -> bool:
    return len(word) > 1 and word not in TITLES and word not in STOP and word not in RANKS


def counts(texts):
    """(first, second): Counters of the words opening a name after a title
    and a nisba, and of the words right after a name's opener."""
    first, second = collections.Counter(), collections.Counter()
    titles = PERSON_TITLES - UNNAMED
    for text in texts:
        words, article = [], []        # since the last punctuation: folded, and written with ال
        for token in WORD.findall(text):
            if not "\u0621" <= token[0] <= "\u064a":
                words, article = [], []
                continue
            words.append(arabic.fold(token))
            # the article as written: أليكس، إلهام fold to "ال…" but have none
            article.append(token.startswith("ال"))
            if len(words) >= 2:
                _count_run(words, article, titles, first, second)
    return first, second


def _count_run(words, article, titles, first, second):
    """Look at the newest word of the run: is it a name's opener or its
    second word?"""
    x = len(words) - 1
    word = words[x]
    if not _name_word(word):
        return
    if article[x]:
        # a family name with the article may follow an opener
        if _opened(words, article, x - 1, titles):
            second[word] += 1
        return
    if _opened(words, article, x - 1, titles):
        second[word] += 1
    if _after_title_and_nisba(words, article, x, titles):
        first[word] += 1


def _after_title_and_nisba(words, article, x, titles) -> bool:
    """Does a nisba with the article stand right before word x, and a
    person's title at most MAX_ROLE words before it, with no particle
    between ("المتحدثة باسم وزارة الخارجية الروسية X")?"""
    if x < 2 or not (article[x - 1] and words[x - 1].endswith(_NISBA)):
        return False
    for t in range(x - 2, max(x - 2 - MAX_ROLE, -1), -1):
        if words[t] in titles:
            return True
        if words[t] in STOP:
            return False
    return False


def _opened(words, article, o, titles) -> bool:
    """Does word o open a name, after a rank or after a title and a nisba?"""
    if o < 1 or article[o] or not _name_word(words[o]):
        return False
    return words[o - 1] in RANKS or _after_title_and_nisba(words, article, o, titles)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    texts = (f"{record.get('title') or ''}\n{record.get('body') or ''}" for record in iter_records(args.corpus))
    first, second = counts(texts)
    rows = sorted((w, first[w], second[w]) for w in set(first) | set(second)
                  if first[w] >= MIN_COUNT or second[w] >= MIN_COUNT)
    write_counts(args.out, rows)
    print(f"{len(rows)} words -> {args.out}")


if __name__ == "__main__":
    main()
