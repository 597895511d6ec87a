"""The processes of a parallel import (``import_articles --workers N``).

Forked once the catalog has read the gazetteer, so each worker has the alias
index without reading the database. The workers never query it: each gets a
tidied title and body and returns ``pipeline.analyse`` of them (tags, content
hash and MinHash signature), the part of an import that is Python work per
article and needs nothing else. One more process, the indexer, reads each
committed batch and writes it to the search index (the analysis of every
word is there); this process, the only one writing to the database, records
what it has indexed (``import_articles``). Each opens its own database connection.
"""
from concurrent.futures import ProcessPoolExecutor
import logging
import multiprocessing
import os
import threading
import time

from archive.ingest.pipeline import analyse

log = logging.getLogger(__name__)

# How often a worker checks that the command that started it is still there.
PARENT_CHECK_SECONDS = 1.0

_worker_aliases = None
_inherited_connections = []


def start_pool(workers, catalog):
    global _worker_aliases
    _worker_aliases = catalog.aliases
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker)


def _start_worker():
    from django.db import connections

    # The parent's database connections are its own: never used here, and
    # kept referenced so that closing them cannot touch the parent's.
    for connection in connections.all(initialized_only=True):
        _inherited_connections.append(connection.connection)
        connection.connection = None
    # A worker waits on a queue whose other end its siblings also hold: when
    # the command is killed (SIGKILL included) nothing would ever end it.
    parent = os.getppid()
    threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="import-parent-watch").start()


def _exit_with(parent):
    """End this worker once the process that started it is gone."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def index_in_process(pks):
    """``index_articles(pks)`` in the indexer process: ``(marks, error)``, the
    marks for the writer to record (``indexing.mark_indexed``)."""
    from archive.search.indexing import index_articles

    marks = []
    try:
        index_articles(pks, mark=lambda found, read_at: marks.append((list(found), read_at)))
    except Exception as error:
        log.exception("The indexer process could not index %s articles", len(pks))
        return marks, f"{error.__class__.__name__}: {error}"
    return marks, None


def analyse_in_worker(works):
    return [_analyse_one(work) for work in works]


def _analyse_one(work):
    if work is None:
        return None
    try:
        return analyse(*work, _worker_aliases, sign=True)
    except Exception:  # the writer analyses it again and reports what fails
        log.exception("An import worker could not analyse an article")
        return None
