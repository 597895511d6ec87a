"""The Whoosh store (``SEARCH_BACKEND=whoosh``): the archive's documents searched
in pure Python (whoosh-reloaded).

``index`` holds the schema, how the index is opened and written; ``compiler``
turns the archive's query tree into Whoosh queries; ``view`` answers searches
and questions about the words of one commit.
"""
from contextlib import contextmanager

from archive.search.stores.base import Store
from archive.search.stores.whoosh import index
from archive.search.stores.whoosh.view import WhooshView


class WhooshStore(Store):
    name = "whoosh"

    def view(self):
        return WhooshView(index.get_searcher())

    def fresh_view(self):
        return WhooshView(index.get_index().searcher())

    def write(self, docs, delete_ids=()):
        index.write_documents(docs, delete_ids)

    def write_all(self, batches):
        index.write_all(batches)

    def clear(self):
        index.clear()

    @contextmanager
    def locked_writer(self):
        writer = index.get_index().writer()
        try:
            yield
        finally:
            writer.cancel()
