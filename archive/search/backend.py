"""Haystack's Whoosh backend, made Arabic and kept open.

Haystack's own backend builds every text field with Whoosh's English
``StemmingAnalyzer`` and opens a new searcher for every search (hundreds of
milliseconds on a large index). This subclass

- declares the archive's own schema (``SCHEMA``), with the analyzers of
  ``archive.arabic`` for the broad and the exact fields;
- indexes with ``archive.search.indexing.document_for`` so that haystack's
  ``rebuild_index`` and ``update_index`` commands write exactly what the
  archive's own indexing writes;
- writes non-compound segments and waits for the write lock instead of
  failing, so an upload during a bulk import queues behind it.

Searching goes through ``archive.search.engine``, which reuses one searcher per
process; haystack's ``SearchQuerySet`` is not used by the archive.
"""
from haystack.backends import BaseEngine
from haystack.backends.whoosh_backend import WhooshSearchBackend, WhooshSearchQuery
from haystack.exceptions import SkipDocument

from archive.search.stores.whoosh.index import SCHEMA, open_or_create  # noqa: F401 (haystack's view of them)


class ArabicWhooshSearchBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        return "text", SCHEMA

    def update(self, index, iterable, commit=True):
        from archive.search import indexing

        if not self.setup_complete:
            self.setup()
        indexing.write_objects(iterable, skip=SkipDocument)
        self.index = self.index.refresh()

    def clear(self, models=None, commit=True):
        from archive.search import indexing

        indexing.clear()
        if self.setup_complete:
            self.index = self.index.refresh()


class ArabicWhooshEngine(BaseEngine):
    backend = ArabicWhooshSearchBackend
    query = WhooshSearchQuery
