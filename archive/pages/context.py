"""The one search-context builder: a search as the search page, the entity
pages, the API and the exports all run it.

:func:`results` runs the search and names its facets (what the API and the
Atom feed render); :func:`matching_ids` walks every match (the CSV and JSON
Lines exports); :func:`search_page` builds everything an HTML page shows of a
search (the results with their links, the facets, the place tree, the map,
the timeline, the page links, the filter chips). The search page and the
entity pages differ only in the parameters they search with, the address
their links lead to, and what they add around it.
"""
from dataclasses import dataclass, replace

from archive.pages.facets import labelled_facets, linked_facets
from archive.entities import current_places
from archive.pages.placemap import place_map
from archive.pages.places import place_tree
from archive.pages.state import chips, highlight_qs, options_open, page_links
from archive.pages.timeline import timeline_chart
from archive.search import snippets
from archive.search.engine import iter_matching_ids, search


@dataclass(frozen=True)
class Results:
    """One search's outcome and its facets, named (without links)."""
    outcome: object
    facets: dict

    @property
    def params(self):
        return self.outcome.params

    @property
    def num_pages(self):
        return self.outcome.num_pages


def results(params, with_facets=True):
    """Search ``params`` and name the facets' values."""
    outcome = search(params, with_facets=with_facets)
    return Results(outcome=outcome, facets=labelled_facets(outcome) if with_facets else {})


def matching_ids(params):
    """Every matching article's pk, in the search's order (``engine.iter_matching_ids``)."""
    return iter_matching_ids(params)


@dataclass(frozen=True)
class ResultsPage:
    """What a page's template reads as ``outcome``: the outcome's results with the page's links."""
    params: object
    count: int
    hits: tuple
    facets: dict            # {facet: [FacetValue with its toggle_url]}
    expansions: tuple
    suggestions: tuple      # (query text, URL)
    notices: tuple
    page: int
    num_pages: int


@dataclass(frozen=True)
class SearchPage:
    """A page of a search: ``redirect`` (a URL) when the page asked for is past
    the last one, else ``context`` for the template."""
    outcome: object         # the search's Outcome (raw counts: the entity pages' "alongside")
    context: dict
    redirect: str = ""


def search_page(params, base, *, engine_params=None, default_sort="relevance", notices=(),
                place_root=None, map_within=None, snippet_spec=None):
    """Run the search and build the page's context.

    ``params``: the page's own parameters (its links carry them); ``base``: the
    page's address; ``engine_params``: what is searched, when it is more than
    the page's own (an entity page adds its entity). ``place_root``: a place
    page's place (the tree shows the places inside it, the map zooms to it;
    ``map_within``: only those get markers). ``snippet_spec``: what to mark
    in the snippets instead of the query's words (a speaker's name).
    """
    outcome = search(engine_params or params)
    num_pages = outcome.num_pages
    if params.page > num_pages >= 1:
        # Page 999 of 3 (an old link, a hand-edited address): the last page, not an empty one.
        return SearchPage(outcome=outcome, context={}, redirect=base + "?" + params.to_query(page=num_pages))
    places = current_places()
    location_counts = outcome.facets.get("location")
    hits = outcome.hits
    if snippet_spec is not None:
        hits = tuple(replace(hit, snippet_html=snippets.snippet(hit.article.body, snippet_spec)) for hit in hits)
    page = ResultsPage(
        params=params,
        count=outcome.count,
        hits=hits,
        facets=linked_facets(labelled_facets(outcome), params, base),
        expansions=outcome.expansions,
        suggestions=tuple((text, base + "?" + params.to_query(q=text, page=1)) for text in outcome.suggestions),
        notices=outcome.notices,
        page=params.page,
        num_pages=num_pages,
    )
    context = dict(
        params=params,
        outcome=page,
        error=None,
        notices=list(notices) + list(outcome.notices),
        chips=chips(params, base),
        hidden_filters=[(name, v) for name, values in params.filters.items() for v in values],
        pages=page_links(params, num_pages, base) if num_pages > 1 else [],
        prev_url=base + "?" + params.to_query(page=params.page - 1) if params.page > 1 else None,
        next_url=base + "?" + params.to_query(page=params.page + 1) if params.page < num_pages else None,
        highlight_qs=highlight_qs(params),
        options_open=options_open(params, default_sort=default_sort),
        place_tree=place_tree(location_counts, params, base, places, root=place_root),
        place_map=place_map(location_counts, params, base, places, focus=place_root, within=map_within),
        timeline_chart=timeline_chart(outcome.timeline, params, base, total=outcome.count, days=outcome.days),
    )
    return SearchPage(outcome=outcome, context=context)


def bad_parameters_context(params, error):
    """The context of a page whose parameters could not be read: the form, the message, no results."""
    return dict(params=params, outcome=None, error=error.page_message, chips=[], hidden_filters=[], pages=[])
