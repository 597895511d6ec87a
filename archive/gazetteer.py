"""The gazetteer's alias index, one per process, rebuilt when the gazetteer
changes: :func:`get_alias_index` for tagging, search and the pages.

The matcher itself and its rules are in :mod:`archive.alias_index`; this
module keeps the names everyone imports working (``AliasIndex``, ``Match``,
``KINDS``, ``WEAK_MARK``).
"""
from __future__ import annotations

import threading
import time

from archive.alias_index import AliasIndex
from archive.alias_spelling import KINDS, WEAK_MARK, Match  # noqa: F401  (imported from here)

__all__ = ["AliasIndex", "KINDS", "MAX_AGE_SECONDS", "Match", "WEAK_MARK", "connect_signals",
           "get_alias_index", "invalidate_alias_index"]

# ---------------------------------------------------------------------------
# The per-process index
# ---------------------------------------------------------------------------

#: A built index is trusted for at most this many seconds. Signals keep it
#: exact within one process; this bounds how stale another worker process
#: (which never sees this process's signals), a ``QuerySet.update()`` or a
#: rolled-back transaction can leave it.
MAX_AGE_SECONDS = 300

_lock = threading.Lock()
_version = 0
_cached: tuple[int, float, AliasIndex] | None = None
_signals_connected = False


def invalidate_alias_index(*args, **kwargs):
    """Forget the cached index; the next :func:`get_alias_index` rebuilds it.
    Call after bulk changes that send no signals (``bulk_create``, ``update``)."""
    global _version
    with _lock:
        _version += 1


def get_alias_index() -> AliasIndex:
    """This process's index of the gazetteer, rebuilt after any outlet,
    speaker, place or force is saved or deleted (see :func:`connect_signals`)
    and at least every :data:`MAX_AGE_SECONDS`."""
    global _cached
    if not _signals_connected:
        connect_signals()   # a safety net; AppConfig.ready() should do it
    with _lock:
        version, cached = _version, _cached
    if cached is not None and cached[0] == version and \
            time.monotonic() - cached[1] < MAX_AGE_SECONDS:
        return cached[2]
    index = AliasIndex.from_database()
    with _lock:
        # Stored under the version read *before* building: a change made
        # meanwhile bumps the version and forces another rebuild.
        _cached = (version, time.monotonic(), index)
    return index


def _gazetteer_changed(sender, **kwargs):
    invalidate_alias_index()
    # Once more after commit, so a process that rebuilt from inside the
    # transaction does not keep a view that has since changed again.
    from django.db import transaction

    transaction.on_commit(invalidate_alias_index, using=kwargs.get("using"))


def connect_signals():
    """Rebuild the index when the gazetteer changes. Call once, from
    ``ArchiveConfig.ready()``. Safe to call twice (dispatch_uid)."""
    global _signals_connected
    from django.db.models.signals import post_delete, post_save

    from archive.models import Force, Outlet, Place, Speaker

    _signals_connected = True
    for model in (Outlet, Speaker, Place, Force):
        name = model.__name__.lower()
        post_save.connect(_gazetteer_changed, sender=model,
                          dispatch_uid=f"archive.gazetteer.{name}.saved")
        post_delete.connect(_gazetteer_changed, sender=model,
                            dispatch_uid=f"archive.gazetteer.{name}.deleted")
