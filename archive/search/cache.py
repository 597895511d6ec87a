"""This process's recent searches, kept while the index and the gazetteer stand still.

Researchers repeat searches: the same facet panel reopened, the same name
paged through, a page reloaded, a popular query from many readers. A search
at 100,000 articles spends most of its time outside the index (loading the
page's articles, marking snippets, did-you-mean), so each gunicorn worker
keeps its last ``SEARCH_CACHE_SIZE`` outcomes (setting; 0 turns the cache
off).

What is safe to keep: an outcome is kept with the index view it was read
from (``view.generation``: the same object until any process commits) and
the gazetteer's alias index it was expanded with (rebuilt whenever an
outlet, speaker, place or force changes, and every five minutes). When either
differs, every kept outcome is dropped: an article saved, deleted, uploaded
or re-tagged is re-indexed, so its change empties every worker's cache before
that worker's next search.
"""
from collections import OrderedDict
import threading

from django.conf import settings


class RecentSearches:
    def __init__(self):
        self._lock = threading.Lock()
        self._entries = OrderedDict()
        self._generation = None
        self._alias_index = None

    @property
    def size(self):
        return getattr(settings, "SEARCH_CACHE_SIZE", 256)

    def _current(self, generation, alias_index):
        """Drop everything kept for another index view or gazetteer (lock held)."""
        if generation is not self._generation or alias_index is not self._alias_index:
            self._entries.clear()
            self._generation, self._alias_index = generation, alias_index

    def get(self, generation, alias_index, key):
        if self.size <= 0:
            return None
        with self._lock:
            self._current(generation, alias_index)
            outcome = self._entries.get(key)
            if outcome is not None:
                self._entries.move_to_end(key)
            return outcome

    def put(self, generation, alias_index, key, outcome):
        if self.size <= 0:
            return
        with self._lock:
            self._current(generation, alias_index)
            self._entries[key] = outcome
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._generation = self._alias_index = None


recent_searches = RecentSearches()
