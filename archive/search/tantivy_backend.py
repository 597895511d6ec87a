"""Haystack's view of the Tantivy index (``SEARCH_BACKEND=tantivy``).

Haystack has no Tantivy backend; this one gives its index commands
(``rebuild_index``, ``update_index``, ``clear_index``) and its
``SearchQuerySet`` the archive's Tantivy index, writing through
``archive.search.indexing`` exactly what the archive's own indexing writes.
A haystack query string is searched as the search box's words are
(``archive.search.engine``), newest first when it is empty.
"""
from haystack.backends import BaseEngine, BaseSearchBackend, BaseSearchQuery, log_query
from haystack.exceptions import SkipDocument
from haystack.models import SearchResult
from haystack.utils import get_identifier


class ArabicTantivySearchBackend(BaseSearchBackend):
    def update(self, index, iterable, commit=True):
        from archive.search import indexing

        indexing.write_objects(iterable, skip=SkipDocument)

    def remove(self, obj_or_string, commit=True):
        from archive.search import indexing

        indexing.write_documents([], delete_ids=[get_identifier(obj_or_string)])

    def clear(self, models=None, commit=True):
        from archive.search import indexing

        indexing.clear()

    @log_query
    def search(self, query_string, start_offset=0, end_offset=None, result_class=None, **kwargs):
        from archive.search.engine import iter_matching_ids
        from archive.search.params import SearchParams

        query_string = "" if query_string in ("*", "*:*") else query_string
        params = SearchParams(q=query_string or "")
        pks = list(iter_matching_ids(params))
        page = pks[start_offset:end_offset]
        result_class = result_class or SearchResult
        return {
            "results": [result_class("archive", "article", pk, 1.0) for pk in page],
            "hits": len(pks),
            "facets": {},
            "spelling_suggestion": None,
        }


class TantivySearchQuery(BaseSearchQuery):
    def build_query_fragment(self, field, filter_type, value):
        return str(getattr(value, "query_string", value))


class ArabicTantivyEngine(BaseEngine):
    backend = ArabicTantivySearchBackend
    query = TantivySearchQuery
