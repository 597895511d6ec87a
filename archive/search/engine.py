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
import time as clock
from types import MappingProxyType

from django.utils.translation import get_language, gettext as _

from archive import arabic
from archive.models import Article
from archive.page_rows import page_articles
from archive.search import highlight as hl
from archive.search import tree as qt
from archive.search.budget import Budget
from archive.search.edit_distance import damerau_levenshtein
from archive.search.indexing import current_view
from archive.search.params import FILTERS
from archive.search.query import QueryBuilder, parse

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
                snippet_html=hl.snippet(article.body, spec),
            ))
    suggestions = ()
    if params.q.strip() and count < 3 and not budget.out_of_time():
        # Words the gazetteer recognised as a name (and expanded) are spelled
        # right: only the others are worth a walk through the vocabulary.
        recognised = {t.text for e in builder.expansions for t in arabic.tokenize(e.typed)}
        suggestions = suggest(view, parsed, params, recognised=recognised)
    return Outcome(count=count, hits=hits, facets=facets, suggestions=suggestions, notices=notices, **found)


# Did-you-mean is a nicety: it may not hold a search up for longer than this.
SUGGEST_BUDGET_SECONDS = 0.3
ALEFS = "اأإآ"


class _OutOfTime(Exception):
    pass


def suggest(view, parsed, params, limit=3, recognised=()):
    """Did you mean: the nearest spellings the archive does hold, as query
    texts, for a search that found little.

    For each word the user typed (not excluded, not in a phrase, not a prefix,
    not a stop word, not a gazetteer name, which expansion already covers):
    candidates are the archive's own words (the exact field's vocabulary, so
    a suggestion is spelled as the outlets spell it) within one edit, or two
    for words of five letters or more, of the word as typed or folded. They
    are compared *folded*: a candidate that only differs in hamza, ة/ه or ى/ي
    is no correction (broad mode already found it), and the distance counted
    is the folded one. A word the archive lacks takes any candidate; a word
    it has takes only one ten times as frequent. Candidates rank by distance,
    then by how many articles hold them. The first suggestion corrects every
    word; the others offer the next candidates for the first word. Each is
    checked to find articles with the same filters before it is offered.
    Never raises: a suggestion is a nicety, not worth a failed search.
    """
    import re as _re

    from archive.gazetteer import get_alias_index
    from archive.search.query import clean

    try:
        reader = view.vocabulary()
        broad = params.mode == "broad"
        if not reader.has_field("text_exact") or (broad and not reader.has_field("text")):
            return []
        alias_index = get_alias_index() if broad and params.expand else None

        def frequency(spelling):
            if broad:
                term = arabic.broad_term(spelling)
                return reader.doc_frequency("text", term) if term else 0
            return reader.doc_frequency("text_exact", arabic.exact_term(spelling))

        # A word's attached proclitic and/or article, longest first; what
        # is left must keep three letters.
        clitic_forms = ("وبال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
                        "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
        # The core is also looked up as the archive may write it: bare, with
        # the article, with و or ب or ل (خانقين is only ever وخانقين there).
        seed_clitics = ("", "ال", "و", "وال", "ب", "بال", "ل", "لل")

        deadline = clock.monotonic() + SUGGEST_BUDGET_SECONDS

        def near(seed, maxdist, clitic=0):
            """The exact field's words within ``maxdist`` edits of ``seed``.

            Whoosh's terms_within on a multi-segment index scans every word
            sharing the first letter in Python: seconds per call on a large
            archive (17 s for one query at 10,000 articles). This scans the
            words sharing the first two letters, skips those whose length
            alone rules them out, and stops at the search's time budget.
            """
            # The clitic a seed starts with (ال, و, ب …) plus two letters of
            # the word: "ال" alone would be half the vocabulary.
            prefix = seed[:clitic + 2] if len(seed) >= clitic + 4 else seed[:clitic + 1]
            # Hamza seats vary most on a word's first letter (الارهاب / الإرهاب):
            # scan each alef form there.
            if len(prefix) > clitic and prefix[clitic] in ALEFS:
                prefixes = [prefix[:clitic] + alef + prefix[clitic + 1:] for alef in ALEFS]
            else:
                prefixes = [prefix]
            n = 0
            for start in prefixes:
                for term in reader.terms_with_prefix("text_exact", start):
                    n += 1
                    if n % 256 == 0 and clock.monotonic() > deadline:
                        raise _OutOfTime
                    if abs(len(term) - len(seed)) > maxdist:
                        continue
                    if damerau_levenshtein(arabic.fold(term), arabic.fold(seed), maxdist + 1) <= maxdist:
                        yield term

        def candidates(word):
            typed = arabic.exact_term(word)
            folded = arabic.fold(word)
            typed_broad = arabic.broad_term(word)
            if len(folded) < 3 or len(folded) != len(typed) or not typed_broad:
                return []
            if alias_index is not None and alias_index.entity_key_for_phrase(word):
                return []
            own = frequency(word)
            need = 1 if own == 0 else max(3, 10 * own)
            cut = next((len(f) for f in clitic_forms
                        if folded.startswith(f) and len(folded) - len(f) >= 3), 0)
            typed_clitic, core = typed[:cut], folded[cut:]
            # seed -> how many leading (folded) letters of a hit to replace by
            # the clitic the user typed.
            seeds = {typed: None, folded: None}
            for clitic in seed_clitics:
                seeds.setdefault(clitic + core, len(clitic))
            found = {}
            for maxdist in ((1, 2) if len(core) >= 5 else (1,)):
                for seed, drop in seeds.items():
                    if maxdist == 2 and drop:
                        continue  # two edits around every clitic: too loose and too slow
                    for hit in near(seed, maxdist, drop or cut):
                        if drop is None:
                            display = hit
                        elif arabic.fold(hit).startswith(seed[:drop]):
                            display = typed_clitic + hit[drop:]
                        else:
                            continue
                        if display in found:
                            continue
                        tokens = arabic.tokenize(display)
                        if len(tokens) != 1 or tokens[0].text != display:
                            continue
                        dfold = arabic.fold(display)
                        if dfold == folded or (broad and arabic.broad_term(display) == typed_broad):
                            continue
                        found[display] = damerau_levenshtein(dfold, folded)
                if found:
                    break
            ranked = {}
            for display, dist in found.items():
                freq = frequency(display)
                if freq < need or dist > 2:
                    continue
                # One suggestion per search term: the spelling most used.
                key = arabic.broad_term(display) if broad else display
                entry = (dist, -freq, -reader.doc_frequency("text_exact", display), display)
                if key not in ranked or entry < ranked[key]:
                    ranked[key] = entry
            return [entry[3] for entry in sorted(ranked.values())]

        text, _notices = clean(params.q)
        words = []
        for clause in parsed.clauses:
            if clause.negated:
                continue
            for atom in clause.alternatives:
                if atom.phrase or atom.prefix:
                    continue
                for token in arabic.tokenize(atom.text):
                    if token.text not in words and token.text not in recognised:
                        words.append(token.text)
        corrections = []
        for word in words[:6]:
            try:
                ranked = candidates(word)
            except _OutOfTime:
                break  # the time budget is spent: offer what was found so far
            if ranked:
                corrections.append((word, ranked))
        if not corrections:
            return []

        def replaced(query_text, pairs):
            for word, spelling in pairs:
                pattern = r"(?<!\w)" + _re.escape(word) + r"(?!\w)"
                query_text = _re.sub(pattern, lambda _m: spelling, query_text, count=1)
            return query_text

        proposals = [replaced(text, [(w, ranked[0]) for w, ranked in corrections])]
        first_word, first_ranked = corrections[0]
        for spelling in first_ranked[1:]:
            proposals.append(replaced(text, [(first_word, spelling)]))

        suggestions = []
        for proposal in dict.fromkeys(proposals):
            if proposal == text:
                continue
            builder = QueryBuilder(params.mode, params.expand, alias_index, reader)
            query = builder.build(parse(proposal))
            if query is None:
                continue
            query = search_query(query, params)
            if not view.exists(query):
                continue
            suggestions.append(proposal)
            if len(suggestions) >= limit:
                break
        return suggestions
    except Exception:  # noqa: BLE001 - see the docstring
        import logging

        logging.getLogger(__name__).exception("suggest() failed for %r", params.q)
        return []


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
