"""The page layer: what a reader sees of a search, assembled once.

The search page (``archive.views``), the entity pages (``archive.browse``),
the JSON API (``archive.api``) and the exports (``archive.exports``) all run a
search through :mod:`archive.pages.context`; they differ only in what they
render. The search layer (``archive.search.engine``) answers with immutable
values and knows no URL: every link of a page (a facet's toggle, a bar of the
timeline, a marker of the map, a page number, a did-you-mean) is made here.

- ``context``: the one search-context builder;
- ``facets``: facet counts as labelled values (names from the gazetteer held
  in memory, ``archive.entities``), with their links on a page;
- ``places``: the place hierarchy (the place tree, choosing a place);
- ``timeline`` and ``placemap``: the two charts, drawn as SVG on the server;
- ``params``: an entity page's parameters; ``state``: what a page carries
  from one request to the next (page links, chips).
"""
