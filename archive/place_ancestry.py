"""Where a place lies: the one walk up the gazetteer's parents.

The indexer (a place's article is also found by every place it lies in), the
models (``Place.ancestors``) and the pages (the place tree, the breadcrumbs)
all climb the same way; this module is that climb, written once. It knows
nothing of the database: each caller says how to find a place's parent.
"""


def ancestor_chain(place, parent_of, key=None):
    """The places ``place`` lies in, nearest first, up to the top.

    ``parent_of(place)`` gives a place's parent or None; ``key(place)`` what
    identifies a place (itself by default). An admin can make a cycle (A in B,
    B in A): the climb stops at the first place seen twice.
    """
    key = key or (lambda node: node)
    chain, seen = [], {key(place)}
    node = parent_of(place)
    while node is not None and key(node) not in seen:
        chain.append(node)
        seen.add(key(node))
        node = parent_of(node)
    return chain
