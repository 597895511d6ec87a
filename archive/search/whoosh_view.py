"""The Whoosh index's answers to what ``archive.search.engine`` asks.

``WhooshView`` and ``archive.search.tantivy_store.TantivyView`` answer the same
questions (how many match, facet counts over every match, which articles fill
a page in a given order, does anything match, what the index holds) for
queries built as Whoosh query objects by ``archive.search.query``. The engine
never asks a searcher directly, so either index can serve it.
"""
from collections import Counter
import threading

from whoosh import query as wq
from whoosh import sorting

FACET_FIELDS = ("location", "force", "speaker", "source", "year", "month")


class FacetColumns:
    """For each facet field, the values of every document, read once per searcher.

    Whoosh's own overlapping facets re-read postings on every search; reading
    them once into lists indexed by document number makes a facet count a
    single pass over the matching documents.
    """

    _cache = {}
    _lock = threading.Lock()

    def __init__(self, reader):
        size = reader.doc_count_all()
        self.columns = {}
        for name in FACET_FIELDS:
            column = [()] * size
            if name in reader.schema:
                for term in reader.lexicon(name):
                    value = term.decode("utf-8")
                    for docnum in reader.postings(name, term).all_ids():
                        column[docnum] = column[docnum] + (value,)
            self.columns[name] = column

    @classmethod
    def for_searcher(cls, searcher):
        """The columns of this searcher's reader; the previous reader's are dropped.

        The reader itself is kept beside its columns and compared by identity:
        an ``id()`` alone could be reused by a later reader.
        """
        reader = searcher.reader()
        with cls._lock:
            cached = cls._cache.get("current")
            if cached is None or cached[0] is not reader:
                cached = cls._cache["current"] = (reader, cls(reader))
        return cached[1]

    def count(self, docnums):
        counts = {name: Counter() for name in self.columns}
        for name, column in self.columns.items():
            counter = counts[name]
            for d in docnums:
                values = column[d]
                if values:
                    counter.update(values)
        return counts


def sort_facet(sort):
    """Whoosh's sort for "newest", "oldest" or "relevance" (BM25F, title
    weighted, ties broken by the newer article)."""
    if sort == "newest":
        return sorting.FieldFacet("newest", reverse=True)
    if sort == "oldest":
        return sorting.FieldFacet("oldest")
    return sorting.MultiFacet([sorting.ScoreFacet(), sorting.FieldFacet("newest", reverse=True)])


class WhooshView:
    backend = "whoosh"

    def __init__(self, searcher):
        self.searcher = searcher

    @property
    def generation(self):
        """Same while the index is unchanged: the shared searcher is renewed on every commit."""
        return self.searcher

    def reader(self):
        return self.searcher.reader()

    def doc_count(self):
        return self.searcher.doc_count()

    def _docnums(self, node):
        if isinstance(node, wq.Every):
            return set(self.searcher.reader().all_doc_ids())
        return set(node.docs(self.searcher))

    def count(self, node):
        return len(self._docnums(node))

    def exists(self, node):
        return next(iter(node.docs(self.searcher)), None) is not None

    def count_and_facets(self, node, with_facets=True):
        docnums = self._docnums(node)
        facets = FacetColumns.for_searcher(self.searcher).count(docnums) if with_facets else {}
        return len(docnums), facets

    def search_page(self, node, sort, start, size, with_facets=True):
        """(count, facets, pks of the page)."""
        count, facets = self.count_and_facets(node, with_facets)
        pks = self.sorted_pks(node, sort, start, size) if count and start < count else []
        return count, facets, pks

    def sorted_pks(self, node, sort, start, size):
        limit = None if size is None else start + size
        results = self.searcher.search(node, limit=limit, sortedby=sort_facet(sort), terms=False)
        end = len(results.top_n) if size is None else min(len(results.top_n), start + size)
        return [int(self.searcher.stored_fields(results.docnum(i))["django_id"]) for i in range(start, end)]

    def stored_entries(self):
        """(django_id, updated) of every document, for check_index."""
        for fields in self.searcher.reader().all_stored_fields():
            yield fields.get("django_id", ""), fields.get("updated", "")
