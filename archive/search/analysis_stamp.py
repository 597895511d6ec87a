"""Which analysis an index was built with.

Every term in the index is what ``archive.arabic`` made of a word when the
article was indexed. When the analysis changes (folding, stemming, the word
counts it consults), an old index holds terms the new queries never ask for:
مسؤول indexed as مسوول is not found by a query that now looks for مسءول. So a
new index records ``arabic.ANALYSIS_VERSION`` in a small file beside it, and
``check_index`` reports an index built with another (or an unrecorded)
version as needing ``rebuild_index``.
"""
from pathlib import Path

from django.conf import settings

from archive import arabic

FILENAME = "ANALYSIS_VERSION"


def path(directory=None):
    return Path(directory or settings.SEARCH_INDEX_DIR) / FILENAME


def write(directory=None):
    """Record the current analysis (called when an index is created)."""
    try:
        path(directory).write_text(arabic.ANALYSIS_VERSION + "\n", encoding="utf-8")
    except OSError:  # a read-only index directory: check_index will say so
        pass


def read():
    """The analysis version the index records, or None."""
    try:
        return path().read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def is_current():
    return read() == arabic.ANALYSIS_VERSION
