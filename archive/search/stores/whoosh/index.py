"""The Whoosh index on disk: its schema, how it is opened, written and shared.

The archive's own schema (``SCHEMA``: the analyzers of ``archive.arabic`` for
the broad and the exact fields, the facets, the sort keys), shared by the
store and haystack's index commands (``archive.search.backend``).
"""
import logging
import math
import shutil
import threading

from django.conf import settings
from whoosh import fields as wf
from whoosh.filedb.filestore import FileStorage
from whoosh.index import EmptyIndexError, LockError
from whoosh.reading import SegmentReader

from archive.arabic import BroadAnalyzer, ExactAnalyzer
from archive.search.stores.base import WRITE_LOCK_TIMEOUT
from archive.search.tree import FIELD_BOOST

log = logging.getLogger(__name__)

_lock = threading.RLock()
_state = {"index": None, "path": None, "searcher": None}


def build_schema():
    """The one schema of the article index. ``text`` holds title and body."""
    facet = dict(commas=True, lowercase=False, scorable=False, stored=False)
    return wf.Schema(
        id=wf.ID(stored=True, unique=True),
        django_ct=wf.ID(stored=True),
        django_id=wf.ID(stored=True),
        # Broad: folded letters, light stemming, stop words out.
        text=wf.TEXT(analyzer=BroadAnalyzer(), phrase=True, stored=False),
        title=wf.TEXT(analyzer=BroadAnalyzer(), phrase=True, stored=False, field_boost=FIELD_BOOST["title"]),
        # Exact: only harakat, tatweel and invisible marks ignored.
        text_exact=wf.TEXT(analyzer=ExactAnalyzer(), phrase=True, stored=False),
        title_exact=wf.TEXT(analyzer=ExactAnalyzer(), phrase=True, stored=False,
                            field_boost=FIELD_BOOST["title_exact"]),
        # Filters and facets: slugs; a place also carries every place it lies in.
        location=wf.KEYWORD(**facet),
        force=wf.KEYWORD(**facet),
        speaker=wf.KEYWORD(**facet),
        source=wf.KEYWORD(**facet),
        year=wf.KEYWORD(**facet),
        month=wf.KEYWORD(**facet),  # YYYY-MM, for the timeline
        day=wf.KEYWORD(**facet),  # YYYY-MM-DD, for a month's timeline: counted only when asked
        published=wf.DATETIME(sortable=True),
        # Sort keys: YYYYMMDD, with undated articles last in both directions.
        newest=wf.NUMERIC(int, bits=32, sortable=True, signed=False),
        oldest=wf.NUMERIC(int, bits=32, sortable=True, signed=False),
        # When the article last changed: check_index compares it with the database.
        updated=wf.ID(stored=True),
    )


SCHEMA = build_schema()


def open_or_create(path):
    storage = FileStorage(str(path))
    storage.create()
    try:
        return storage.open_index(schema=SCHEMA)
    except EmptyIndexError:
        from archive.search import analysis_stamp

        index = storage.create_index(SCHEMA)
        analysis_stamp.write(path)
        return index


def get_index():
    """The Whoosh index at ``settings.SEARCH_INDEX_DIR``, opened once per process."""
    path = str(settings.SEARCH_INDEX_DIR)
    with _lock:
        if _state["index"] is None or _state["path"] != path:
            _state.update(index=open_or_create(path), path=path, searcher=None)
        return _state["index"]


def get_searcher():
    """One searcher per process, renewed when any process has committed.

    Opening a Whoosh searcher reads every segment's metadata; on a large index
    that alone costs more than the search, so it is kept while the index is
    unchanged (``up_to_date()`` is a directory read). When it has changed, a
    new searcher is opened: Whoosh's ``refresh()`` would reuse the readers of
    segments it thinks unchanged, deletions in them included, and go on
    counting (and failing to load) documents another process has replaced.
    """
    ix = get_index()
    with _lock:
        searcher = _state["searcher"]
        if searcher is None or not searcher.up_to_date():
            # The old searcher is not closed here: another thread may still be
            # reading a page from it; it is closed when it is collected.
            _state["searcher"] = ix.searcher()
        return _state["searcher"]


MERGE_FACTOR = 8


def merge_tiered(writer, segments):
    """Whoosh merge policy: merge a size tier once it holds MERGE_FACTOR segments.

    Whoosh's default (MERGE_SMALL) folded nearly every segment into one on each
    commit, so a bulk import committing every 500 articles rewrote the whole
    index each time: at 8,500 corpus articles a batch took minutes. Grouping
    segments by order of magnitude (as Lucene's LogMergePolicy does) rewrites
    each document about log8(N) times in all, and keeps the number of segments
    a searcher opens small (at most MERGE_FACTOR - 1 per tier).
    """
    tiers = {}
    for segment in segments:
        size = max(segment.doc_count_all(), 1)
        tiers.setdefault(int(math.log(size, MERGE_FACTOR)), []).append(segment)
    unchanged = []
    for _tier, members in sorted(tiers.items()):
        if len(members) >= MERGE_FACTOR:
            for segment in members:
                reader = SegmentReader(writer.storage, writer.schema, segment)
                writer.add_reader(reader)
                reader.close()
        else:
            unchanged.extend(members)
    return unchanged


def open_writer(**options):
    """A writer, waiting up to ``WRITE_LOCK_TIMEOUT`` for another process's.
    Segments are not compound: a compound segment must be read whole when a
    searcher opens it."""
    options = dict(dict(limitmb=256, compound=False), **options)
    try:
        return get_index().writer(timeout=WRITE_LOCK_TIMEOUT, delay=0.1, **options)
    except LockError:
        log.error("The search index stayed locked for %s s", WRITE_LOCK_TIMEOUT)
        raise


def write_documents(docs, delete_ids=()):
    """Add or replace documents and delete others, in one commit."""
    writer = open_writer()
    try:
        for term in delete_ids:
            writer.delete_by_term("id", term)
        for doc in docs:
            writer.update_document(**doc)
    except BaseException:
        writer.cancel()
        raise
    writer.commit(mergetype=merge_tiered)


def write_all(batches):
    """Every document of ``batches`` into the (cleared) index, in one writer."""
    writer = open_writer(limitmb=512)
    try:
        for batch in batches:
            for doc in batch:
                writer.add_document(**doc)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()


def clear():
    """An empty index in place of the old one."""
    path = settings.SEARCH_INDEX_DIR
    with _lock:
        _state.update(index=None, searcher=None)
        shutil.rmtree(path, ignore_errors=True)
        get_index()
