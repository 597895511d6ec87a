"""The archive's own query language: a tree of small immutable values.

The query builder (``archive.search.builder``) turns what a reader typed into
this tree, with every expansion already done (a word's attached forms, a
prefix's words within the search budget, every spelling of a name), so both
engines search the very same terms. Each store (``archive.search.stores``)
brings a *compiler* that turns the tree into its engine's query; no engine's
classes appear here (as in Wagtail's ``wagtail/search/query.py``).

The nodes are frozen dataclasses: equal trees are equal values, and a tree can
be a key of the search cache.

Scoring, the same on both engines:

- ``Term``: BM25 of one term (a title field weighs three times, see
  ``FIELD_BOOST``);
- ``AnyOf``: one word in several forms scored as one word: each form with the
  idf of the form the archive uses most, the best form counting (Lucene's
  SynonymQuery), so a rare form (للتمور) does not outweigh the common one;
- ``Phrase``: the words in a row, the first word possibly in several forms;
- ``Prefix``: a prefix's words, a constant score;
- ``Filter`` and ``DateRange``: what the filters keep;
- ``And``, ``Or`` (a sum of the parts that match), ``Not`` (inside an ``And``:
  what the other parts find, without these), ``Boost``.
"""
from dataclasses import dataclass
from datetime import date
from typing import Optional

#: The sorts a search may ask for: by score (ties to the newer article), or by date.
RELEVANCE, NEWEST, OLDEST = "relevance", "newest", "oldest"
SORTS = (RELEVANCE, NEWEST, OLDEST)

#: The fields the words are searched in: broad (folded, stemmed) and exact.
TEXT_FIELDS = ("text", "title", "text_exact", "title_exact")
#: A title counts three times a body's word (both engines' field boost).
FIELD_BOOST = {"title": 3.0, "title_exact": 3.0}
#: The fields the filters and the facet panels use, and the timeline's months.
FACET_FIELDS = ("location", "force", "speaker", "source", "year", "month")
#: Counted only when a search asks (a month's timeline by day).
DAY_FIELD = "day"


class Node:
    """A part of a query tree."""

    def __and__(self, other):
        return And((self, other))

    def __or__(self, other):
        return Or((self, other))

    def __invert__(self):
        return Not(self)


@dataclass(frozen=True)
class MatchAll(Node):
    """Every article."""


@dataclass(frozen=True)
class MatchNone(Node):
    """No article (a prefix whose words the archive lacks)."""


@dataclass(frozen=True)
class Term(Node):
    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class AnyOf(Node):
    """One word in several forms (``texts``, as index terms), scored as one word."""

    field: str
    texts: tuple
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase(Node):
    """``words`` in a row: each item a tuple of the forms that word may take
    (only the first word has more than one: its attached forms)."""

    field: str
    words: tuple
    boost: float = 1.0


@dataclass(frozen=True)
class Prefix(Node):
    """A prefix as the words of ``field`` it stands for (expanded within the
    search's budget); ``label`` is what was typed. A constant score."""

    field: str
    label: str
    terms: tuple
    boost: float = 1.0


@dataclass(frozen=True)
class Filter(Node):
    """Articles holding any of ``values`` in a facet field."""

    field: str
    values: tuple


@dataclass(frozen=True)
class DateRange(Node):
    """Articles published from ``start`` to ``end`` (days, both included; either may be None)."""

    start: Optional[date] = None
    end: Optional[date] = None


@dataclass(frozen=True)
class And(Node):
    children: tuple


@dataclass(frozen=True)
class Or(Node):
    children: tuple


@dataclass(frozen=True)
class Not(Node):
    """Inside an ``And``: the articles the other parts find, without these ones;
    alone: every article but these."""

    child: Node


@dataclass(frozen=True)
class Boost(Node):
    child: Node
    boost: float


def all_of(parts):
    """The parts ANDed (one part as it is; none: every article)."""
    parts = tuple(parts)
    if not parts:
        return MatchAll()
    return parts[0] if len(parts) == 1 else And(parts)


def any_of(parts):
    """The parts ORed (one part as it is; none: no article)."""
    parts = tuple(parts)
    if not parts:
        return MatchNone()
    return parts[0] if len(parts) == 1 else Or(parts)


def size(node):
    """How many index terms a tree reads (the postings a search walks)."""
    if isinstance(node, AnyOf):
        return len(node.texts)
    if isinstance(node, Prefix):
        return len(node.terms)
    if isinstance(node, Phrase):
        return len(node.words)
    if isinstance(node, (MatchNone, MatchAll)):
        return 0
    if isinstance(node, Filter):
        return len(node.values)
    if isinstance(node, (Term, DateRange)):
        return 1
    if isinstance(node, (And, Or)):
        return sum(size(child) for child in node.children)
    if isinstance(node, (Not, Boost)):
        return size(node.child)
    raise TypeError(f"Not a query tree node: {node!r}")


def split_not(children):
    """(positive parts, excluded parts) of an ``And``'s children."""
    positive = [c for c in children if not isinstance(c, Not)]
    negative = [c.child for c in children if isinstance(c, Not)]
    return positive, negative
