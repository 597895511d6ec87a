"""The Whoosh index on disk: its schema and how it is opened.

The archive's own schema (``SCHEMA``: the analyzers of ``archive.arabic`` for
the broad and the exact fields, the facets, the sort keys) and
``open_or_create``, shared by the archive's indexing (``archive.search.indexing``)
and haystack's index commands (``archive.search.backend``). Tantivy's
counterpart is ``archive.search.tantivy_store``.
"""
from whoosh import fields as wf
from whoosh.filedb.filestore import FileStorage
from whoosh.index import EmptyIndexError

from archive.arabic import BroadAnalyzer, ExactAnalyzer


# How long a writer waits for another process's write lock (seconds).
WRITE_LOCK_TIMEOUT = 300.0


def build_schema():
    """The one schema of the article index. ``text`` holds title and body."""
    facet = dict(commas=True, lowercase=False, scorable=False, stored=False)
    return wf.Schema(
        id=wf.ID(stored=True, unique=True),
        django_ct=wf.ID(stored=True),
        django_id=wf.ID(stored=True),
        # Broad: folded letters, light stemming, stop words out.
        text=wf.TEXT(analyzer=BroadAnalyzer(), phrase=True, stored=False),
        title=wf.TEXT(analyzer=BroadAnalyzer(), phrase=True, stored=False, field_boost=3.0),
        # Exact: only harakat, tatweel and invisible marks ignored.
        text_exact=wf.TEXT(analyzer=ExactAnalyzer(), phrase=True, stored=False),
        title_exact=wf.TEXT(analyzer=ExactAnalyzer(), phrase=True, stored=False, field_boost=3.0),
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
