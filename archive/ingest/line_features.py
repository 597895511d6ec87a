"""What the learnt line model sees of a line of a saved page (``line_model``).

Every feature holds on any page, whatever its design: the line's shape (its
length, its share of sentence punctuation, whether it ends a sentence or
announces something with a colon, digits, Latin letters, separators such as
› | » •, a list's bullet or number, a link), the class the rules gave it
(``lines.classify``), where it stands against the body the rules found (inside
it, how far above or under it), how many of its words the rest of that body
uses (an article's lines share their vocabulary; a related headline, a
newsletter prompt or a comment seldom does), how like the headline it is, whether it is set apart by blank lines
(a browser's paragraph) or stands in a block of lines under a short heading (a
box, a list), and the same shape for the lines around it (a related block is a run of short
lines that end no sentence). No word list: the words themselves are never
features, so a furniture kind never seen in training is judged by its shape.
"""
import collections
import functools
import math
import re

from . import dates
from .lines import CAPTION, CLAUSE_OPENING, DATE, FURNITURE, HEADER, SOURCE, STOP, ends_sentence, is_paragraph
from .normalize import loose as _loose_uncached

# Each line is made loose several times (its vocabulary, whether the page prints it twice, the headline
# model's counts): once is enough, at the import's pace.
loose = functools.lru_cache(maxsize=8192)(_loose_uncached)

FEATURES = (
    "bias", "log_words", "ends_sentence", "ends_colon", "has_colon", "punct_per_word", "digit_share", "latin_share",
    "separators", "bullet", "link", "date_like", "paragraph", "furniture", "date", "header", "caption", "source",
    "stop", "in_rule_body", "inside_span", "before_span", "after_span", "body_share", "title_share", "repeated",
    "prev_words", "next_words", "prev_sentence", "next_sentence", "prev_paragraph", "next_paragraph",
    "short_run", "clause_opening", "blank_before", "blank_after", "block_lines", "hashtags", "under_heading",
)
_PUNCT = re.compile(r"[،,.؛;؟?!]")
_SEPARATOR = re.compile(r"[›»|•·◂▸>\\]|\s[/–—-]\s")
_BULLET = re.compile(r"^\s*(?:[*•\-–#]|\d{1,2}[.)-]?\s)")
_LINK = re.compile(r"https?://|www\.|<\S+>|@\w")
_DIGIT = re.compile(r"[0-9\u0660-\u0669]")
_LATIN = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]{3,}")
# A line of this many words or fewer that ends no sentence belongs to a run of short lines (a menu, a list).
SHORT_WORDS = 12
# How far above or under the body a distance is still told apart (lines).
FAR = 10
DATE_LIKE_WORDS = 14
HEADING_WORDS = 4


def _shape(line):
    words = len(line.split())
    return {
        "words": words,
        "sentence": ends_sentence(line) and not line.rstrip().endswith(":"),
        "paragraph": is_paragraph(line),
        "short": words <= SHORT_WORDS and not ends_sentence(line),
    }


class _Shapes(dict):
    def __init__(self, lines):
        super().__init__()
        self.lines = lines

    def __missing__(self, i):
        self[i] = shape = _shape(self.lines[i])
        return shape


@functools.lru_cache(maxsize=8192)
def _vocabulary(line):
    return frozenset(_WORD.findall(loose(line)))


def page_features(lines, kinds, body_at, title, at=None, gaps=None):
    """One feature vector (a list in ``FEATURES``' order) per line of ``lines``
    that ``at`` lists (default: ``body_at``, the indices of the lines the rules took for the body).
    ``gaps[i]``: a blank line stood above line ``i`` (a browser sets a paragraph apart, not a list's items)."""
    body_set = set(body_at)
    shapes = _Shapes(lines)  # each line's shape when it is first asked for
    first, last = (min(body_at), max(body_at)) if body_at else (0, -1)
    vocab = {i: _vocabulary(lines[i]) for i in body_at}
    counts = {}
    # Each distinct line counts once: a block printed twice (a box in the article and again under it) is no cohesion.
    for words in {loose(lines[i]): vocab[i] for i in body_at}.values():
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    title_words = _vocabulary(title or "")
    seen = collections.Counter(lines)
    n = len(lines)
    gaps = gaps if gaps is not None and len(gaps) == n else [True] * n
    # Blank lines tell a browser's paragraphs from a list's items only where the page has them:
    # each of these features is taken against the page's own habit (0 on a page without blank lines).
    gap_rate = sum(gaps) / n if n else 0.0
    block = [0] * n  # how many lines the block between two blank lines holds
    headed = [False] * n  # the line is under a block's first line that is a heading (a few words, no sentence)
    starts = [i for i in range(n) if gaps[i] or i == 0] + [n]
    for a, b in zip(starts, starts[1:]):
        heading = shapes[a]["words"] <= HEADING_WORDS and not shapes[a]["sentence"]
        for k in range(a, b):
            block[k] = b - a
            headed[k] = heading and k > a
    mean_block = sum(math.log(b) for b in block if b) / n if n else 0.0
    out = []
    for i in (body_at if at is None else at):
        line, kind, s = lines[i], kinds[i], shapes[i]
        words = s["words"] or 1
        own = vocab[i] if i in vocab else _vocabulary(line)
        others = 1 if i in vocab else 0  # the line's own words count once in ``counts`` when it is the body's
        shared = sum(1 for w in own if counts.get(w, 0) > others) / len(own) if own else 0.0
        title_share = len(own & title_words) / len(own) if own else 0.0
        prev = shapes[i - 1] if i > 0 else None
        nxt = shapes[i + 1] if i + 1 < n else None
        run = 1
        if s["short"]:
            k = i - 1
            while k >= 0 and shapes[k]["short"]:
                run, k = run + 1, k - 1
            k = i + 1
            while k < n and shapes[k]["short"]:
                run, k = run + 1, k + 1
        stripped = line.strip()
        out.append([
            1.0,
            math.log1p(words),
            float(s["sentence"]),
            float(stripped.endswith(":")),
            float(":" in stripped[:40] and not stripped.endswith(":")),
            len(_PUNCT.findall(line)) / words,
            len(_DIGIT.findall(line)) / max(len(line), 1),
            len(_LATIN.findall(line)) / (len(_LETTER.findall(line)) or 1),
            float(bool(_SEPARATOR.search(line))),
            float(bool(_BULLET.match(line))),
            float(bool(_LINK.search(line))),
            float(words <= DATE_LIKE_WORDS and bool(_DIGIT.search(line)) and dates.date_in_line(line) is not None),
            float(s["paragraph"]),
            float(kind == FURNITURE), float(kind == DATE), float(kind == HEADER), float(kind == CAPTION),
            float(kind == SOURCE), float(kind == STOP),
            float(i in body_set),
            float(first <= i <= last),
            min(max(first - i, 0), FAR) / FAR,
            min(max(i - last, 0), FAR) / FAR,
            shared,
            title_share,
            float(seen[line] > 1),
            math.log1p(prev["words"]) if prev else 0.0,
            math.log1p(nxt["words"]) if nxt else 0.0,
            float(prev["sentence"]) if prev else 0.0,
            float(nxt["sentence"]) if nxt else 0.0,
            float(prev["paragraph"]) if prev else 0.0,
            float(nxt["paragraph"]) if nxt else 0.0,
            math.log1p(run - 1),
            float(bool(CLAUSE_OPENING.match(line))),
            float(gaps[i]) - gap_rate,
            (float(gaps[i + 1]) if i + 1 < n else 1.0) - gap_rate,
            (math.log(block[i]) if block[i] else 0.0) - mean_block,
            sum(1 for w in line.split() if w.startswith("#")) / words,
            float(headed[i]),
        ])
    return out
