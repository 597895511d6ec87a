"""One Whoosh searcher's answers: the vocabulary and the searches of one commit.

Whoosh answers in pure Python: a search walks the matches once, scoring as it
goes, and stops at the search's deadline (``archive.search.budget``); facet
counts read columns built once per searcher.
"""
from collections import Counter
import copy
import heapq
import threading

from whoosh import matching
from whoosh import query as wq
from whoosh import sorting

from archive.search import tree as t
from archive.search.stores.base import Page, View, Vocabulary
from archive.search.stores.whoosh.compiler import compile_tree

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
        for name in t.FACET_FIELDS + (t.DAY_FIELD,):
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

    def count(self, docnums, fields=t.FACET_FIELDS):
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
    if sort == t.NEWEST:
        return sorting.FieldFacet("newest", reverse=True)
    if sort == t.OLDEST:
        return sorting.FieldFacet("oldest")
    return sorting.MultiFacet([sorting.ScoreFacet(), sorting.FieldFacet("newest", reverse=True)])


def _text(term):
    return term.decode("utf-8") if isinstance(term, bytes) else term


class WhooshVocabulary(Vocabulary):
    """A Whoosh reader's answers about the index's words."""

    def __init__(self, reader):
        self.reader = reader

    def has_field(self, fieldname):
        return fieldname in self.reader.schema

    def doc_count(self):
        return self.reader.doc_count()

    def doc_frequency(self, fieldname, term):
        if fieldname not in self.reader.schema:
            return 0
        return self.reader.doc_frequency(fieldname, term)

    def has_prefix(self, fieldname, prefix):
        return next(iter(self.terms_with_prefix(fieldname, prefix)), None) is not None

    def terms_with_prefix(self, fieldname, prefix):
        if fieldname not in self.reader.schema:
            return iter(())
        return (_text(btext) for btext in self.reader.expand_prefix(fieldname, prefix))

    def most_used_with_prefix(self, fieldname, starts, limit, scan):
        # Whoosh walks the sorted term list: at most ``scan`` words in all, so
        # a huge prefix is judged on its first words.
        found, capped, walked = {}, False, 0
        if fieldname not in self.reader.schema:
            return [], False
        for start in starts:
            for btext, info in self.reader.iter_prefix(fieldname, start):
                if walked >= scan:
                    capped = True
                    break
                walked += 1
                found[_text(btext)] = info.doc_frequency()
            if walked >= scan:
                capped = True
                break
        ranked = sorted(found, key=lambda term: (-found[term], term))
        return ranked[:limit], capped or len(ranked) > limit

    def field_terms(self, fieldname):
        if fieldname not in self.reader.schema:
            return iter(())
        return ((_text(btext), info.doc_frequency()) for btext, info in self.reader.iter_field(fieldname))

    def doc_ids(self, fieldname, term):
        if not self.doc_frequency(fieldname, term):
            return set()
        return {int(self.reader.stored_fields(d)["django_id"])
                for d in self.reader.postings(fieldname, term).all_ids()}


class WhooshView(View):
    backend = "whoosh"

    def __init__(self, searcher):
        self.searcher = searcher
        self._vocabulary = WhooshVocabulary(searcher.reader())

    @property
    def generation(self):
        """Same while the index is unchanged: the shared searcher is renewed on every commit."""
        return self.searcher

    def vocabulary(self):
        return self._vocabulary

    def doc_count(self):
        return self.searcher.doc_count()

    def _docnums(self, query):
        if isinstance(query, wq.Every):
            return set(self.searcher.reader().all_doc_ids())
        return set(query.docs(self.searcher))

    def count(self, tree):
        return len(self._docnums(compile_tree(tree)))

    def exists(self, tree):
        return next(iter(compile_tree(tree).docs(self.searcher)), None) is not None

    def day_counts(self, tree):
        docnums = self._docnums(compile_tree(tree))
        return FacetColumns.for_searcher(self.searcher).count(docnums, (t.DAY_FIELD,))[t.DAY_FIELD]

    def search(self, tree, sort, offset, limit, facets=True, budget=None):
        """One walk through the matches: it scores as it goes (for a relevance
        sort) and stops when the search's ``budget`` runs out of time: the
        count, the facets and the page are then those of the matches found so
        far, and the page says so. Whoosh's own sorted search would walk the
        matches a second time, in pure Python."""
        docnums, scores, partial = self._walk(compile_tree(tree), sort == t.RELEVANCE, budget)
        count = len(docnums)
        counts = FacetColumns.for_searcher(self.searcher).count(docnums) if facets else {}
        ids, page_scores = self._page(docnums, scores, sort, offset, limit) if count and offset < count else ([], None)
        return Page(ids=tuple(ids), scores=page_scores, count=count, facets=counts, partial=partial)

    def _walk(self, query, scored, budget):
        """The matching document numbers (and their scores), until the budget's deadline."""
        if isinstance(query, wq.Every):
            return list(self.searcher.reader().all_doc_ids()), None, False
        searcher = _timed(self.searcher, budget)
        context = searcher.context(weighting=searcher.weighting) if scored else searcher.boolean_context()
        docnums, scores = [], [] if scored else None
        partial = False
        try:
            # Whoosh's union of many terms reads ahead while it is built: the
            # deadline may pass before the first match.
            matcher = query.matcher(searcher, context)
            while matcher.is_active():
                docnums.append(matcher.id())
                if scored:
                    scores.append(matcher.score())
                matcher.next()
        except OutOfTime:
            budget.stopped_early()
            partial = True
            if scored:
                del scores[len(docnums):]
            del docnums[len(scores or docnums):]
        return docnums, scores, partial

    def _page(self, docnums, scores, sort, offset, limit):
        """(pks, scores) of ``docnums[offset:offset + limit]`` in ``sort`` order (see ``sort_facet``)."""
        reader = self.searcher.reader()
        if sort == t.OLDEST:
            column = reader.column_reader("oldest")
            order = [(column[d], d) for d in docnums]
        else:
            column = reader.column_reader("newest")
            if scores is None:
                order = [(-column[d], d) for d in docnums]
            else:
                order = [(-round(s, 9), -column[d], d) for d, s in zip(docnums, scores)]
        chosen = heapq.nsmallest(offset + limit, order)[offset:]
        pks = [int(self.searcher.stored_fields(key[-1])["django_id"]) for key in chosen]
        page_scores = tuple(-key[0] for key in chosen) if scores is not None and sort != t.OLDEST else None
        return pks, page_scores

    def sorted_ids(self, tree, sort, offset=0, limit=None):
        end = None if limit is None else offset + limit
        results = self.searcher.search(compile_tree(tree), limit=end, sortedby=sort_facet(sort), terms=False)
        stop = len(results.top_n) if limit is None else min(len(results.top_n), offset + limit)
        return [int(self.searcher.stored_fields(results.docnum(i))["django_id"]) for i in range(offset, stop)]

    def stored_entries(self):
        for fields in self.searcher.reader().all_stored_fields():
            yield fields.get("django_id", ""), fields.get("updated", "")
