"""One Tantivy searcher's answers: the vocabulary and the searches of one commit."""
from collections import Counter
import math

import tantivy

from archive.search import tree as t
from archive.search.stores.base import Page, View, Vocabulary, empty_facets
from archive.search.stores.tantivy.compiler import compile_tree
from archive.search.stores.tantivy.index import SCHEMA

# At most this many distinct values are counted per facet: far more than any
# gazetteer holds, so every count is exact.
FACET_BUCKETS = 100_000
_FIELDS = frozenset(t.TEXT_FIELDS + t.FACET_FIELDS + (t.DAY_FIELD,))


class TantivyVocabulary(Vocabulary):
    def __init__(self, searcher):
        self.searcher = searcher
        self._prefixes = {}
        self._df = {}

    def has_field(self, fieldname):
        return fieldname in _FIELDS

    def doc_count(self):
        return self.searcher.num_docs

    def doc_frequency(self, fieldname, term):
        key = (fieldname, term)
        if key not in self._df:
            self._df[key] = self.searcher.doc_freq(fieldname, term) if fieldname in _FIELDS else 0
        return self._df[key]

    def terms_with_prefix(self, fieldname, prefix):
        key = (fieldname, prefix)
        if key not in self._prefixes:
            if len(self._prefixes) > 4096:
                self._prefixes.clear()
            terms = self.searcher.terms_with_prefix(fieldname, prefix) if fieldname in _FIELDS else []
            self._prefixes[key] = sorted(term for term, _count in terms)
        return iter(self._prefixes[key])

    def has_prefix(self, fieldname, prefix):
        # Without listing the words: every word of the field begins with "".
        key = (fieldname, prefix)
        if key in self._prefixes:
            return bool(self._prefixes[key])
        if fieldname not in _FIELDS:
            return False
        return bool(self.searcher.terms_with_prefix(fieldname, prefix, limit=1))

    def most_used_with_prefix(self, fieldname, starts, limit, scan):
        # The term dictionary gives the most used words of a prefix directly.
        found, capped = {}, False
        if fieldname not in _FIELDS:
            return [], False
        for start in starts:
            pairs = self.searcher.terms_with_prefix(fieldname, start, limit=limit + 1)
            capped = capped or len(pairs) > limit
            for term, count in pairs:
                found[term] = max(count, found.get(term, 0))
        ranked = sorted(found, key=lambda term: (-found[term], term))
        return ranked[:limit], capped or len(ranked) > limit

    def field_terms(self, fieldname):
        if fieldname not in _FIELDS:
            return iter(())
        return iter(self.searcher.terms_with_prefix(fieldname, ""))

    def doc_ids(self, fieldname, term):
        n = self.doc_frequency(fieldname, term)
        if not n:
            return set()
        hits = self.searcher.search(tantivy.Query.term_query(SCHEMA, fieldname, term), n, count=False).hits
        return {int(pk) for pk in self.searcher.fast_field_values("pk", [a for _s, a in hits])}

    def idf(self, fieldname, term):
        """BM25's idf, as Tantivy computes it."""
        n = max(self.searcher.num_docs, 1)
        df = self.doc_frequency(fieldname, term)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


class TantivyView(View):
    backend = "tantivy"

    def __init__(self, searcher):
        self.searcher = searcher
        self._vocabulary = TantivyVocabulary(searcher)

    @property
    def generation(self):
        """Same while the index is unchanged: the store makes a new view on every commit."""
        return self

    def vocabulary(self):
        return self._vocabulary

    def doc_count(self):
        return self.searcher.num_docs

    def compile(self, tree):
        return compile_tree(tree, self._vocabulary)

    def count(self, tree):
        return self.searcher.search(self.compile(tree), 1, count=True).count

    def exists(self, tree):
        return bool(self.searcher.search(self.compile(tree), 1, count=False).hits)

    def day_counts(self, tree):
        spec = {t.DAY_FIELD: {"terms": {"field": t.DAY_FIELD, "size": 400, "segment_size": 400}}}
        result = self.searcher.aggregate(self.compile(tree), spec)
        return Counter({b["key"]: b["doc_count"] for b in (result.get(t.DAY_FIELD) or {}).get("buckets", [])})

    def search(self, tree, sort, offset, limit, facets=True, budget=None):
        """The count and the page from one search, the facets from one aggregation."""
        query = self.compile(tree)
        if offset > 0 or limit <= 0:
            # A page far past the end (page=100000) must not make Tantivy
            # keep a heap of offset + limit hits (nor may it ask for none).
            count = self.searcher.search(query, 1, count=True).count
            if offset >= count or limit <= 0:
                return Page(count=count, facets=self._facets(query, count) if facets else {})
        scores = None
        if sort in (t.NEWEST, t.OLDEST):
            order = tantivy.Order.Desc if sort == t.NEWEST else tantivy.Order.Asc
            result = self.searcher.search(query, limit, count=True, order_by_field=sort, offset=offset, order=order)
            ids = self._pks([a for _k, a in result.hits])
        else:
            result = self.searcher.search(query, offset + limit + limit, count=True)
            ids, scores = self._by_relevance(result.hits, offset, limit)
        count = result.count
        return Page(ids=tuple(ids), scores=scores, count=count, facets=self._facets(query, count) if facets else {})

    def _facets(self, query, count):
        if not count:
            return empty_facets()
        spec = {name: {"terms": {"field": name, "size": FACET_BUCKETS, "segment_size": FACET_BUCKETS}}
                for name in t.FACET_FIELDS}
        result = self.searcher.aggregate(query, spec)
        return {name: Counter({b["key"]: b["doc_count"] for b in (result.get(name) or {}).get("buckets", [])})
                for name in t.FACET_FIELDS}

    def _by_relevance(self, hits, offset, limit):
        """(pks, scores): hits re-sorted with the newer article first among equal scores."""
        addresses = [a for _s, a in hits]
        newest = self.searcher.fast_field_values("newest", addresses)
        pks = self._pks(addresses)
        ranked = sorted(zip(hits, newest, pks), key=lambda x: (-round(x[0][0], 5), -(x[1] or 0), x[2]))
        chosen = ranked[offset:offset + limit]
        return [pk for _hit, _n, pk in chosen], tuple(hit[0] for hit, _n, _pk in chosen)

    def _pks(self, addresses):
        return [int(pk) for pk in self.searcher.fast_field_values("pk", addresses)]

    def sorted_ids(self, tree, sort, offset=0, limit=None):
        query = self.compile(tree)
        if limit is None:
            limit = max(self.searcher.search(query, 1, count=True).count - offset, 0)
            if not limit:
                return []
        if sort in (t.NEWEST, t.OLDEST):
            order = tantivy.Order.Desc if sort == t.NEWEST else tantivy.Order.Asc
            hits = self.searcher.search(query, limit, count=False, order_by_field=sort,
                                        offset=offset, order=order).hits
            return self._pks([a for _k, a in hits])
        # Relevance: the top offset+limit and the ties just past them, re-sorted
        # with the newer article first among equal scores.
        hits = self.searcher.search(query, offset + limit + limit, count=False).hits
        return self._by_relevance(hits, offset, limit)[0]

    def stored_entries(self):
        n = self.searcher.num_docs
        if not n:
            return
        hits = self.searcher.search(tantivy.Query.all_query(), n, count=False).hits
        for _score, address in hits:
            fields = self.searcher.doc(address).to_dict()
            yield str((fields.get("pk") or [""])[0]), (fields.get("updated") or [""])[0]
