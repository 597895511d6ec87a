"""The Tantivy store (``SEARCH_BACKEND=tantivy``, the default): the archive's
documents searched in Rust, through tantivy-py.

``index`` holds the schema, the documents and the writer; ``compiler`` turns
the archive's query tree into Tantivy queries; ``view`` answers searches and
questions about the words of one commit.
"""
from contextlib import contextmanager

from archive.search.stores.base import Store
from archive.search.stores.tantivy import index
from archive.search.stores.tantivy.view import TantivyView


class TantivyStore(Store):
    name = "tantivy"

    def view(self):
        return index.current_searcher(TantivyView)

    def fresh_view(self):
        return TantivyView(index.fresh_searcher())

    def write(self, docs, delete_ids=()):
        index.write_documents(docs, delete_ids)

    def write_all(self, batches):
        index.write_all(batches)

    def clear(self):
        index.clear()

    @contextmanager
    def locked_writer(self):
        writer = index.open_writer()
        try:
            yield
        finally:
            writer.rollback()
            del writer
