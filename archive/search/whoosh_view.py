"""The Whoosh index's answers to what ``archive.search.engine`` asks.

``WhooshView`` and ``archive.search.tantivy_store.TantivyView`` answer the same
questions (how many match, facet counts over every match, which articles fill
a page in a given order, does anything match, what the index holds) for
queries built as Whoosh query objects by ``archive.search.query``. The engine
never asks a searcher directly, so either index can serve it.
"""
from collections import Counter
import copy
import heapq
import threading

from whoosh import matching
from whoosh import query as wq
from whoosh import sorting

FACET_FIELDS = ("location", "force", "speaker", "source", "year", "month")
#: Counted only when a search asks (``day_counts``): a month's timeline by day.
DAY_FIELD = "day"
# How many steps through postings between two looks at the clock.
CHECK_EVERY = 256


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
        for name in FACET_FIELDS + (DAY_FIELD,):
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

    def count(self, docnums, fields=FACET_FIELDS):
        counts = {name: Counter() for name in fields}
        for name in fields:
            column, counter = self.columns[name], counts[name]
            for d in docnums:
                values = column[d]
                if values:
                    counter.update(values)
        return counts


class OutOfTime(Exception):
    """The search's time budget ran out in the middle of reading postings."""


class DeadlineMatcher(matching.WrappingMatcher):
    """A term's postings that give up when the search's time is spent.

    Every step through any term's postings (``next``, ``skip_to``) counts
    on the search's budget, and every ``CHECK_EVERY`` steps the clock is
    read: a query of forty common words, or excluding them, spends its time
    inside Whoosh's matchers (an exclusion moves no match to the caller), so
    that is where the deadline is checked.
    """

    def __init__(self, child, budget, boost=1.0):
        super().__init__(child, boost)
        self.budget = budget

    def copy(self):
        return self.__class__(self.child.copy(), self.budget, self.boost)

    def _replacement(self, newchild):
        return self.__class__(newchild, self.budget, self.boost)

    def _tick(self):
        budget = self.budget
        budget.steps += 1
        if budget.steps % CHECK_EVERY == 0 and budget.out_of_time():
            raise OutOfTime

    def next(self):
        self._tick()
        return self.child.next()

    def skip_to(self, id):
        self._tick()
        return self.child.skip_to(id)

    def skip_to_quality(self, minquality):
        self._tick()
        return self.child.skip_to_quality(minquality / self.boost)


def _timed(searcher, budget):
    """The searcher, its postings wrapped in ``DeadlineMatcher`` when the
    budget has a deadline. A shallow copy: the shared searcher (and any
    other search using it) is left as it is."""
    if budget is None or not budget.seconds:
        return searcher
    timed = copy.copy(searcher)
    postings = searcher.postings

    def timed_postings(fieldname, text, weighting=None, qf=1):
        return DeadlineMatcher(postings(fieldname, text, weighting=weighting, qf=qf), budget)

    timed.postings = timed_postings
    return timed


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

    def day_counts(self, node):
        """Counter of YYYY-MM-DD over the matches of ``node`` (day-precise dates only)."""
        docnums = self._docnums(node)
        return FacetColumns.for_searcher(self.searcher).count(docnums, (DAY_FIELD,))[DAY_FIELD]

    def count_and_facets(self, node, with_facets=True):
        docnums = self._docnums(node)
        facets = FacetColumns.for_searcher(self.searcher).count(docnums) if with_facets else {}
        return len(docnums), facets

    def search_page(self, node, sort, start, size, with_facets=True, budget=None):
        """(count, facets, pks of the page), from one walk through the matches.

        The walk scores as it goes (for a relevance sort) and stops when the
        search's ``budget`` (``archive.search.budget``) runs out of time:
        the count, the facets and the page are then those of the matches
        found so far, and the budget says so. Whoosh's own sorted search
        would walk the matches a second time, in pure Python.
        """
        docnums, scores = self._walk(node, sort == "relevance", budget)
        count = len(docnums)
        facets = FacetColumns.for_searcher(self.searcher).count(docnums) if with_facets else {}
        pks = self._page(docnums, scores, sort, start, size) if count and start < count else []
        return count, facets, pks

    def _walk(self, node, scored, budget):
        """The matching document numbers (and their scores), until the budget's deadline."""
        if isinstance(node, wq.Every):
            return list(self.searcher.reader().all_doc_ids()), None
        searcher = _timed(self.searcher, budget)
        context = searcher.context(weighting=searcher.weighting) if scored else searcher.boolean_context()
        docnums, scores = [], [] if scored else None
        try:
            # Whoosh's union of many terms reads ahead while it is built: the
            # deadline may pass before the first match.
            matcher = node.matcher(searcher, context)
            while matcher.is_active():
                docnums.append(matcher.id())
                if scored:
                    scores.append(matcher.score())
                matcher.next()
        except OutOfTime:
            budget.stopped_early()
            if scored:
                del scores[len(docnums):]
            del docnums[len(scores or docnums):]
        return docnums, scores

    def _page(self, docnums, scores, sort, start, size):
        """The pks of ``docnums[start:start + size]`` in ``sort`` order (see ``sort_facet``)."""
        reader = self.searcher.reader()
        if sort == "oldest":
            column = reader.column_reader("oldest")
            order = [(column[d], d) for d in docnums]
        else:
            column = reader.column_reader("newest")
            if scores is None:
                order = [(-column[d], d) for d in docnums]
            else:
                order = [(-round(s, 9), -column[d], d) for d, s in zip(docnums, scores)]
        chosen = heapq.nsmallest(start + size, order)[start:]
        return [int(self.searcher.stored_fields(key[-1])["django_id"]) for key in chosen]

    def sorted_pks(self, node, sort, start, size):
        limit = None if size is None else start + size
        results = self.searcher.search(node, limit=limit, sortedby=sort_facet(sort), terms=False)
        end = len(results.top_n) if size is None else min(len(results.top_n), start + size)
        return [int(self.searcher.stored_fields(results.docnum(i))["django_id"]) for i in range(start, end)]

    def stored_entries(self):
        """(django_id, updated) of every document, for check_index."""
        for fields in self.searcher.reader().all_stored_fields():
            yield fields.get("django_id", ""), fields.get("updated", "")
