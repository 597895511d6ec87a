"""The search engines behind one interface (``stores.base``), and the one place
that chooses between them: ``settings.SEARCH_BACKEND`` (``tantivy``, the
default, or ``whoosh``)."""
import threading

from django.conf import settings

BACKENDS = ("tantivy", "whoosh")

_lock = threading.Lock()
_stores = {}


def backend_name():
    name = getattr(settings, "SEARCH_BACKEND", "tantivy") or "tantivy"
    return name if name in BACKENDS else "tantivy"


def get_store(name=None):
    """The configured store (one per process and engine)."""
    name = name or backend_name()
    with _lock:
        if name not in _stores:
            if name == "whoosh":
                from archive.search.stores.whoosh import WhooshStore as cls
            else:
                from archive.search.stores.tantivy import TantivyStore as cls
            _stores[name] = cls()
        return _stores[name]
