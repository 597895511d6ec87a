"""The one interface every search engine of the archive implements.

A *store* holds the index (``Store``: write, delete, clear, rebuild, and a
point-in-time ``View``); a view answers searches given as the archive's query
tree (``archive.search.tree``) with a ``Page`` of article ids, counts and
facet counts, and answers questions about the index's words through its
``Vocabulary``. Each engine (``stores/tantivy``, ``stores/whoosh``) brings its
own *compiler* from the tree to its engine's query; no engine's classes cross
this interface (as Wagtail's ``search/backends/base.py``).

Documents are the dicts ``archive.search.indexing.document_for`` makes.
"""
from abc import ABC, abstractmethod
from collections import Counter
from dataclasses import dataclass, field

from archive.search.tree import DAY_FIELD, FACET_FIELDS  # noqa: F401 (the stores' shared names)

#: How long a writer waits for another process's write lock (seconds).
WRITE_LOCK_TIMEOUT = 300.0


@dataclass(frozen=True)
class Page:
    """One search's answer: the ids of the page (article pks) in order and
    their scores (None when sorted by date), how many articles match, the
    facet counts over every match (``Counter`` per facet field, the months
    included), and whether the search stopped early (its time budget ran out:
    the count and the facets are then those of the matches found so far)."""

    ids: tuple = ()
    scores: tuple = None
    count: int = 0
    facets: dict = field(default_factory=dict)
    partial: bool = False

    @property
    def months(self):
        """Counter of YYYY-MM over the matches (the timeline)."""
        return self.facets.get("month", Counter())


def empty_facets():
    return {name: Counter() for name in FACET_FIELDS}


class Vocabulary(ABC):
    """What the query builder, did-you-mean and the benchmark ask of the index's words.

    Terms are ``str``; every answer is about the view it belongs to."""

    @abstractmethod
    def has_field(self, fieldname):
        """Whether the index has this field."""

    @abstractmethod
    def doc_count(self):
        """How many documents the index holds."""

    @abstractmethod
    def doc_frequency(self, fieldname, term):
        """How many documents hold the term (0 when none does)."""

    @abstractmethod
    def has_prefix(self, fieldname, prefix):
        """Whether any word of the field begins with ``prefix`` (without listing them)."""

    @abstractmethod
    def terms_with_prefix(self, fieldname, prefix):
        """Every word of the field beginning with ``prefix``, in sorted order (an iterator)."""

    @abstractmethod
    def most_used_with_prefix(self, fieldname, starts, limit, scan):
        """``(terms, capped)``: the at most ``limit`` words of the field beginning
        with one of ``starts`` that most documents use, most first; ``capped``
        when more were there. An engine that must walk its term list walks at
        most ``scan`` words in all (a huge prefix is judged on its first words)."""

    @abstractmethod
    def field_terms(self, fieldname):
        """``(term, document frequency)`` for every word of the field."""

    @abstractmethod
    def doc_ids(self, fieldname, term):
        """The article pks of the documents holding the term (a set)."""


class View(ABC):
    """The index as one commit left it: every answer of one search comes from one view."""

    backend = ""

    @property
    @abstractmethod
    def generation(self):
        """The same object while the index is unchanged (the search cache keys on it)."""

    @abstractmethod
    def vocabulary(self):
        """The ``Vocabulary`` of this view."""

    @abstractmethod
    def doc_count(self):
        """How many documents this view holds."""

    @abstractmethod
    def search(self, tree, sort, offset, limit, facets=True, budget=None):
        """The ``Page`` of the matches of ``tree`` from ``offset``, at most
        ``limit`` ids in ``sort`` order (``archive.search.tree.SORTS``: relevance
        is by score, ties to the newer article); ``facets``: count every facet
        field over every match; ``budget`` (``archive.search.budget``): the
        search may stop at its deadline (the page then says ``partial``)."""

    @abstractmethod
    def count(self, tree):
        """How many documents match."""

    @abstractmethod
    def exists(self, tree):
        """Whether any document matches."""

    @abstractmethod
    def day_counts(self, tree):
        """Counter of YYYY-MM-DD over the matches (day-precise dates only)."""

    @abstractmethod
    def sorted_ids(self, tree, sort, offset=0, limit=None):
        """The article pks of the matches in ``sort`` order; ``limit=None``: all of them."""

    @abstractmethod
    def stored_entries(self):
        """``(django_id, updated)`` of every document, for check_index."""


class Store(ABC):
    """One engine's index at ``settings.SEARCH_INDEX_DIR``."""

    name = ""

    @abstractmethod
    def view(self):
        """The process's shared view, renewed when any process has committed."""

    @abstractmethod
    def fresh_view(self):
        """A view of the index as committed on disk now (not the shared one)."""

    @abstractmethod
    def write(self, docs, delete_ids=()):
        """Add or replace documents and delete others (index ids), in one commit;
        waits up to ``WRITE_LOCK_TIMEOUT`` for another process's writer."""

    @abstractmethod
    def write_all(self, batches):
        """Rebuild: every document of ``batches`` (iterables of dicts) into an
        index ``clear()`` emptied, in one writer."""

    @abstractmethod
    def clear(self):
        """An empty index in place of the old one."""

    @abstractmethod
    def locked_writer(self):
        """A context manager holding the index's write lock (tests, maintenance)."""

    def doc_count(self):
        return self.view().doc_count()
