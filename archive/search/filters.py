"""The page's filters as query tree nodes, and the whole query a search runs.

One place, so the search, its day counts, did-you-mean's checks and the
exports' walk all AND the same filters with the words' query.
"""
from archive.search import tree as qt
from archive.search.params import FILTERS


def filter_query(params):
    """The filters of ``params`` as query tree nodes."""
    parts = []
    for name in FILTERS:
        values = getattr(params, name)
        if values:
            parts.append(qt.Filter(name, tuple(values)))
    if params.date_from or params.date_to:
        parts.append(qt.DateRange(params.date_from, params.date_to))
    return parts


def search_query(text_query, params):
    """The words' query (or None) ANDed with the filters of ``params``; every
    article when there is neither."""
    return qt.all_of(([text_query] if text_query is not None else []) + filter_query(params))
