"""The archive's own vocabulary, read from four small committed files: how
often the corpus writes each folded word (:data:`WORD_COUNTS_PATH`), how
often a ة word's article forms follow another word with the article
(:data:`AFTER_DEFINITE_PATH`), the gazetteer's one-word names beginning
with ب ل ك (:data:`NAME_WORDS_PATH`), the merges a model learnt from
judged pairs allows or refuses (:data:`MERGES_PATH`), and the ات plurals
whose contexts read them as their ة word (:data:`PLURAL_READINGS_PATH`).
The stemmer asks them which strips are safe."""
from __future__ import annotations

import functools
import gzip
import re
from pathlib import Path

from archive.arabic.normalise import _as_text

#: How often each folded Arabic word is written in the 62,199-article corpus
#: (words written at least 5 times; built by scripts/build_word_counts.py).
#: Counts of single words only, never text.
WORD_COUNTS_PATH = Path(__file__).resolve().parent.parent / "lexicon" / "word_counts.tsv.gz"

def read_counts(path: Path, columns: int = 1) -> dict:
    """A gzipped table of single words and their counts (word, TAB, count
    [, TAB, count …]): ``{word: count}``, or ``{word: (count, …)}`` for
    several columns. Empty when the file is missing or damaged: every caller
    then has no evidence either way (the analysis falls back to Lucene's
    stemmer alone)."""
    table = {}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                word, *counts = line.rstrip("\n").split("\t")
                if len(counts) == columns and all(c.isdigit() for c in counts):
                    table[word] = int(counts[0]) if columns == 1 else tuple(map(int, counts))
    except (OSError, EOFError, ValueError):
        return {}
    return table


def write_counts(path: Path, rows) -> None:
    """Write what :func:`read_counts` reads: ``rows`` of (word, count[, count
    …]), one a line, gzipped with no timestamp (the same counts give the same
    bytes, so a rebuilt table shows in git only when it changed)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join("\t".join(map(str, row)) + "\n" for row in rows)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(text.encode("utf-8"))


_counts: dict | None = None   # read once; a test may set it to {} (no file)


def _word_counts() -> dict:
    global _counts
    if _counts is None:
        _counts = read_counts(WORD_COUNTS_PATH)
    return _counts


#: For each folded word ending in ة (folded ه) or ية that the corpus writes
#: after the article, and for the word without that ة: how often its article
#: forms are written, and how often right after another word with the
#: article, as an adjective stands after its noun (built by
#: scripts/build_adjective_counts.py). Counts of single words only.
AFTER_DEFINITE_PATH = Path(__file__).resolve().parent.parent / "lexicon" / "after_definite.tsv.gz"

@functools.cache
def _after_definite() -> dict:
    """``{word: (article forms written, of which after a definite word)}``;
    empty if the file is missing or damaged (then no word is told a noun)."""
    return read_counts(AFTER_DEFINITE_PATH, columns=2)


#: A ة word written after a definite word (as an adjective after its noun:
#: المدينة الكبيرة) less than this share of the times it has the article is
#: a noun (الدورة 8%, الخبرة 17%, الحالة 8%, المسؤولية 20%); a feminine
#: adjective mostly is (الكبيرة 87%, المسلحة 96%, المسؤولة 54%).
_MAX_NOUN_AFTER_DEFINITE = 0.35
#: ... counted only where the article forms are written this often.
_MIN_ARTICLE_FORMS = 5


def _written_as_noun(word: str) -> bool:
    """Does the corpus write this ة word (folded, with the article) as a
    noun: seldom right after another word with the article, where a
    feminine adjective stands (:data:`_MAX_NOUN_AFTER_DEFINITE`)? الدورة
    and الدور, الحالة and الحال, المساعدة and المساعد are two words;
    الكبيرة and الكبير one. The price: a feminine noun of a person
    (الموظفة, الكاتبة) is told apart from its masculine."""
    total, following = _after_definite().get(word, (0, 0))
    return total >= _MIN_ARTICLE_FORMS and following < _MAX_NOUN_AFTER_DEFINITE * total


#: The gazetteer's one-word names beginning with ب ل ك (بعقوبة, كوباني,
#: بيجي): never read as a preposition on another word. Built from the
#: fixtures by scripts/build_name_words.py.
NAME_WORDS_PATH = Path(__file__).resolve().parent.parent / "lexicon" / "name_words.txt"


_names: frozenset | None = None


def _name_words() -> frozenset:
    global _names
    if _names is None:
        try:
            _names = frozenset(NAME_WORDS_PATH.read_text(encoding="utf-8").split())
        except (OSError, ValueError):
            _names = frozenset()
    return _names


def _with_article(counts: dict, base: str) -> int:
    """How often ``base`` is written after the article (ال, وال, بال, لل): a
    word that takes the article is a word of its own, whatever letters it
    starts or ends with (وطن, وزارة, فكرة, الدولتين)."""
    return (counts.get("ال" + base, 0) + counts.get("وال" + base, 0)
            + counts.get("بال" + base, 0) + counts.get("لل" + base, 0))


def _free(counts: dict, base: str) -> int:
    """How often ``base`` is written alone or after the article."""
    return counts.get(base, 0) + _with_article(counts, base)


def written(folded_word: str) -> int:
    """How often the corpus writes this folded word alone or after the
    article (0 if the word counts do not know it)."""
    return _free(_word_counts(), _as_text(folded_word))


def takes_article(folded_word: str) -> bool:
    """Does the corpus write this folded word after the article (الوزارة,
    البطاقة)? Then it is a word of its own: broad_stem reads no proclitic
    or preposition off it (وزارة is not و + زارة, بطاقة not ب + طاقة)."""
    return _with_article(_word_counts(), _as_text(folded_word)) >= _MIN_ARTICLE_FORMS


#: The gazetteer's one-word names (without the article) that end as a
#: dual, a plural or a nisba does (سوران, قصرين, مدنين, شدادي): they keep
#: that ending unless the corpus declines them so. Built from the fixtures
#: by scripts/build_name_words.py.
NAME_ENDINGS_PATH = Path(__file__).resolve().parent.parent / "lexicon" / "name_endings.txt"

_name_ends: frozenset | None = None


def _name_endings() -> frozenset:
    global _name_ends
    if _name_ends is None:
        try:
            _name_ends = frozenset(NAME_ENDINGS_PATH.read_text(encoding="utf-8").split())
        except (OSError, ValueError):
            _name_ends = frozenset()
    return _name_ends


#: Merges decided by a small model over corpus evidence (counts, the words
#: standing around each form), learnt from judged pairs and applied by
#: scripts/build_merges.py: a word the suffix loop must leave whole
#: (``whole``: العشرون is no عشر), and a spelling read as another
#: (``spell``: a hamza seat, نايم → نائم) or, where the target is the word
#: itself, a word no hamza rule may respell (أحيا is no أحياء).
MERGES_PATH = Path(__file__).resolve().parent.parent / "lexicon" / "merges.tsv.gz"

_merges: tuple | None = None


def _merge_table() -> tuple[frozenset, dict]:
    """``(whole, spell)`` from :data:`MERGES_PATH`; both empty if the file is
    missing or damaged (the rules alone then decide)."""
    global _merges
    if _merges is None:
        whole, spell = set(), {}
        try:
            with gzip.open(MERGES_PATH, "rt", encoding="utf-8") as lines:
                for line in lines:
                    word, kind, target = line.rstrip("\n").split("\t")
                    if kind == "whole":
                        whole.add(word)
                    elif kind == "spell":
                        spell[word] = target
        except (OSError, EOFError, ValueError):
            whole, spell = set(), {}
        _merges = (frozenset(whole), spell)
    return _merges


#: ات plurals read as their ة word, not as the word without ة, because the
#: words standing around them are more like the ة word's (عينات: عينة
#: "sample", not عين "eye"; عربات: عربة "cart", not عرب; but لاعبات stays
#: لاعب): built from context vectors by scripts/build_plural_readings.py.
#: Single words, one a line.
PLURAL_READINGS_PATH = Path(__file__).resolve().parent.parent / "lexicon" / "plural_readings.txt.gz"

_plurals: frozenset | None = None


def _plural_readings() -> frozenset:
    """The words of :data:`PLURAL_READINGS_PATH`; empty if the file is
    missing or damaged (the ات plural then goes as the counts say)."""
    global _plurals
    if _plurals is None:
        try:
            with gzip.open(PLURAL_READINGS_PATH, "rt", encoding="utf-8") as lines:
                _plurals = frozenset(line.strip() for line in lines if line.strip())
        except (OSError, EOFError, ValueError):
            _plurals = frozenset()
    return _plurals


_ARABIC_LETTERS_RE = re.compile("[\u0621-\u064a]+")


def _arabic_letters_only(word: str) -> bool:
    """Is ``word`` made of Arabic letters (U+0621..U+064A) only?"""
    return _ARABIC_LETTERS_RE.fullmatch(word) is not None
