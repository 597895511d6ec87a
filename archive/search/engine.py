"""One search, as the pages and the API both run it.

``search(params)`` parses the query, builds it as the archive's query tree
(``archive.search.tree``) with the filters ANDed in, and asks the configured
store's view (``indexing.current_view()``: Tantivy's or Whoosh's, by
``SEARCH_BACKEND``) for a page: the count, the facets and the sorted ids;
then loads the page's articles from the database with highlighted titles and
snippets.
"""
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from django.utils.translation import get_language, gettext as _

from archive import arabic
from archive.models import Article
from archive.page_rows import page_articles
from archive.search import highlight as hl
from archive.search import snippets
from archive.search.budget import Budget
from archive.search.indexing import current_view
from archive.search.query import QueryBuilder, parse
from archive.search.filters import filter_query, search_query  # noqa: F401 (the search's query, also for callers)
from archive.search.suggest import suggest

@dataclass(frozen=True)
class Hit:
    article: Article
    title_html: str
    snippet_html: str


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet as a panel lists it (``archive.pages.facets`` makes them)."""
    value: str
    label: str
    label_en: str
    count: int
    selected: bool = False
    toggle_url: str = ""
    entity: object = None


@dataclass(frozen=True)
class Outcome:
    """What one search found: an immutable value, shared by every caller of the
    same search (``archive.search.cache``). A page derives what it shows from it
    (``dataclasses.replace``, or values of its own) and never changes it."""
    params: object
    count: int = 0
    hits: tuple = ()
    facets: Mapping = field(default_factory=lambda: MappingProxyType({}))
    expansions: tuple = ()
    suggestions: tuple = ()     # query texts (did you mean); the pages make their links
    notices: tuple = ()
    highlight: object = None

    def __post_init__(self):
        # Callers may hand lists and dicts: kept as tuples and a read-only mapping.
        for name in ("hits", "expansions", "suggestions", "notices"):
            value = getattr(self, name)
            if not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        if not isinstance(self.facets, MappingProxyType):
            object.__setattr__(self, "facets", MappingProxyType(dict(self.facets)))

    @property
    def timeline(self):
        """(YYYY-MM, count) for every month with matches, oldest first."""
        return sorted((self.facets.get("month") or {}).items())

    @property
    def days(self):
        """(YYYY-MM-DD, count) over the calendar month of a search within one month,
        oldest first; None for any other search."""
        if "day" not in self.facets:
            return None
        return sorted(self.facets["day"].items())

    @property
    def page(self):
        return self.params.page

    @property
    def num_pages(self):
        size = self.params.page_size
        return max(1, (self.count + size - 1) // size)


def calendar_month(params):
    """(first, last) day of the calendar month a search's date range lies within, or None:
    such a search (a month or a day picked from the timeline) is counted by day too."""
    import calendar

    start, end = params.date_from, params.date_to
    if not (start and end) or start > end or (start.year, start.month) != (end.year, end.month):
        return None
    return start.replace(day=1), start.replace(day=calendar.monthrange(start.year, start.month)[1])


def effective_sort(params, has_words):
    """"newest", "oldest" or "relevance": with no words to rank by, relevance is by date."""
    return params.sort if (has_words or params.sort != "relevance") else "newest"


def search(params, with_facets=True, alias_index=None):
    """The Outcome of these parameters: from this process's cache of recent
    searches when the index and the gazetteer are as they were
    (``archive.search.cache``), else searched now."""
    from archive.gazetteer import get_alias_index
    from archive.search.cache import recent_searches

    alias_index = alias_index or get_alias_index()
    # One view of the index for the whole search: the vocabulary the query
    # consults and the documents it counts belong to the same commit.
    view = current_view()
    # The notices are in the reader's language.
    key = (repr(params), with_facets, get_language())
    outcome = recent_searches.get(view.generation, alias_index, key)
    if outcome is None:
        budget = Budget()
        outcome = _search(params, with_facets, alias_index, view, budget)
        if not budget.partial:  # a search cut short by a busy moment is not kept
            recent_searches.put(view.generation, alias_index, key, outcome)
    return outcome


def _search(params, with_facets, alias_index, view, budget=None):
    """``budget`` (``archive.search.budget``): what the search may cost."""
    budget = budget if budget is not None else Budget()
    parsed = parse(params.q)
    notices = list(parsed.notices)
    builder = QueryBuilder(params.mode, params.expand, alias_index, view.vocabulary(), budget=budget)
    text_query = builder.build(parsed) if parsed.clauses else None
    notices.extend(builder.notices)
    found = dict(params=params, expansions=builder.expansions, highlight=builder.highlight)
    if params.q.strip() and text_query is None:
        notices.append(_("لم يبقَ في البحث كلمات يمكن البحث عنها (علامات أو كلمات شائعة فقط)."))
        return Outcome(notices=notices, **found)

    query = search_query(text_query, params)

    start = (params.page - 1) * params.page_size
    sort = effective_sort(params, text_query is not None)
    page = view.search(query, sort, start, params.page_size, facets=with_facets, budget=budget)
    count, facets, pks = page.count, page.facets, list(page.ids)
    notices.extend(budget.notices)
    if with_facets:
        month = calendar_month(params)
        if month:
            # A month picked from the timeline opens into its days, counted over
            # the whole month (a day picked from them still shows its
            # neighbours): only then, so no other search pays for this facet.
            whole = replace(params, date_from=month[0], date_to=month[1])
            facets = dict(facets, day=view.day_counts(search_query(text_query, whole)))
    else:
        facets = {}
    hits = []
    if pks:
        articles = page_articles(pks)
        for pk in pks:
            article = articles.get(pk)
            if article is None:  # deleted since the index was read
                continue
            # Past the time budget the remaining hits show their opening
            # words, unmarked: the page answers now rather than complete.
            spec = None if budget.out_of_time() else builder.highlight
            hits.append(Hit(
                article=article,
                title_html=hl.highlight(article.title, builder.highlight),
                snippet_html=snippets.snippet(article.body, spec),
            ))
    suggestions = ()
    if params.q.strip() and count < 3 and not budget.out_of_time():
        # Words the gazetteer recognised as a name (and expanded) are spelled
        # right: only the others are worth a walk through the vocabulary.
        recognised = {t.text for e in builder.expansions for t in arabic.tokenize(e.typed)}
        suggestions = suggest(view, parsed, params, recognised=recognised)
    return Outcome(count=count, hits=hits, facets=facets, suggestions=suggestions, notices=notices, **found)


def iter_matching_ids(params, alias_index=None):
    """Every matching article's pk, in the search's sort order, without facets or pages.

    The same query as ``search(params)`` (words, expansions and filters), so the
    number of ids is ``search(params).count``; ``params.page`` and ``page_size``
    are ignored. For exports (``archive.exports``): the ids are read from one
    searcher up front, so an index refreshed while the caller streams cannot
    repeat or skip a row.
    """
    from archive.gazetteer import get_alias_index

    parsed = parse(params.q)
    view = current_view()
    # The query as the search builds it (the same terms, so the same count);
    # an export streams, so it has no deadline.
    builder = QueryBuilder(params.mode, params.expand, alias_index or get_alias_index(), view.vocabulary(),
                           budget=Budget(seconds=0))
    text_query = builder.build(parsed) if parsed.clauses else None
    if params.q.strip() and text_query is None:
        return iter(())
    query = search_query(text_query, params)
    return iter(view.sorted_ids(query, effective_sort(params, text_query is not None), 0, None))
