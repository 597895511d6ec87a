"""This process's recent searches, kept while the index and the gazetteer stand still.

Researchers repeat searches: the same facet panel reopened, the same name
paged through, a page reloaded, a popular query from many readers. A search
at 100,000 articles spends most of its time outside the index (loading the
page's articles, marking snippets, did-you-mean), so each gunicorn worker
keeps its last ``SEARCH_CACHE_SIZE`` outcomes, and no more than
``SEARCH_CACHE_MAX_BYTES`` of them (about; settings, 0 turns the cache off).

What is safe to keep: an outcome is kept with the index view it was read
from (``view.generation``: the same object until any process commits) and
the gazetteer's alias index it was expanded with (rebuilt whenever an
outlet, speaker, place or force changes, and every five minutes). When either
differs, every kept outcome is dropped: an article saved, deleted, uploaded
or re-tagged is re-indexed, so its change empties every worker's cache before
that worker's next search.
"""
from collections import OrderedDict
import sys
import threading

from django.conf import settings

#: Default of SEARCH_CACHE_MAX_BYTES: what one worker's kept outcomes may weigh.
MAX_BYTES = 32 * 1024 * 1024
# Issue 14: a count alone does not bound memory. 900 distinct searches with
# page_size=100 (each outcome holding a hundred articles, their bodies
# included) grew every worker from 62 MB to 675 MB, for good.
#: What an outcome weighs besides its strings: the objects, the dicts, a
#: related object (a place, a speaker) and a facet value.
OUTCOME_OVERHEAD = 4096
HIT_OVERHEAD = 2048
RELATED_BYTES = 600
FACET_VALUE_BYTES = 200


def _text_bytes(value):
    return sys.getsizeof(value) if isinstance(value, str) else 0


def outcome_bytes(outcome):
    """About how much memory an outcome holds: its articles' texts (the
    body, the original text), their related objects, the marked titles and
    snippets, and the facet counts. An estimate (strings are measured,
    objects counted at a fixed weight), close enough to bound a cache."""
    total = OUTCOME_OVERHEAD
    for hit in outcome.hits:
        total += HIT_OVERHEAD + _text_bytes(str(hit.title_html)) + _text_bytes(str(hit.snippet_html))
        article = hit.article
        total += sum(_text_bytes(v) for v in vars(article).values())
        for related in getattr(article, "_prefetched_objects_cache", {}).values():
            total += RELATED_BYTES * len(getattr(related, "_result_cache", None) or ())
    for counter in (outcome.facets or {}).values():
        total += FACET_VALUE_BYTES * len(counter)
    return total


class RecentSearches:
    def __init__(self):
        self._lock = threading.Lock()
        self._entries = OrderedDict()
        self._bytes = {}
        self.total_bytes = 0
        self._generation = None
        self._alias_index = None

    @property
    def size(self):
        return getattr(settings, "SEARCH_CACHE_SIZE", 256)

    @property
    def max_bytes(self):
        return getattr(settings, "SEARCH_CACHE_MAX_BYTES", MAX_BYTES)

    def __len__(self):
        return len(self._entries)

    def _current(self, generation, alias_index):
        """Drop everything kept for another index view or gazetteer (lock held)."""
        if generation is not self._generation or alias_index is not self._alias_index:
            self._drop_all()
            self._generation, self._alias_index = generation, alias_index

    def _drop_all(self):
        self._entries.clear()
        self._bytes.clear()
        self.total_bytes = 0

    def _drop_oldest(self):
        key, _outcome = self._entries.popitem(last=False)
        self.total_bytes -= self._bytes.pop(key, 0)

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
        """Keep ``outcome``; the oldest ones go while the cache holds more
        than ``SEARCH_CACHE_SIZE`` outcomes or ``SEARCH_CACHE_MAX_BYTES``.
        An outcome weighing more than a quarter of the bytes is not kept:
        it would push out a great many ordinary ones."""
        if self.size <= 0 or self.max_bytes <= 0:
            return
        weight = outcome_bytes(outcome)
        if weight > self.max_bytes // 4:
            return
        with self._lock:
            self._current(generation, alias_index)
            if key in self._entries:
                self.total_bytes -= self._bytes.pop(key, 0)
                del self._entries[key]
            self._entries[key] = outcome
            self._bytes[key] = weight
            self.total_bytes += weight
            while self._entries and (len(self._entries) > self.size or self.total_bytes > self.max_bytes):
                self._drop_oldest()

    def clear(self):
        with self._lock:
            self._drop_all()
            self._generation = self._alias_index = None


recent_searches = RecentSearches()
