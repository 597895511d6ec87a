"""One search, as the pages and the API both run it.

``search(params)`` parses the query, builds the Whoosh query with the filters
ANDed in (never Whoosh's ``filter=``: Whoosh 2.7.5 reports the unfiltered count
when a filter matches nothing), counts facets over every match, sorts, pages,
and loads the page's articles from the database with highlighted titles and
snippets.
"""
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, time
import threading

from django.utils.translation import gettext as _
from whoosh import query as wq
from whoosh import sorting

from archive import arabic
from archive.models import Article
from archive.search import highlight as hl
from archive.search.indexing import get_searcher
from archive.search.params import FILTERS
from archive.search.query import QueryBuilder, parse

FACET_FIELDS = ("location", "force", "speaker", "source", "year", "month")
FACET_LIMIT = 50


@dataclass
class Hit:
    article: Article
    title_html: str
    snippet_html: str


@dataclass
class FacetValue:
    value: str
    label: str
    label_en: str
    count: int
    selected: bool = False
    toggle_url: str = ""


@dataclass
class Outcome:
    params: object
    count: int = 0
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    expansions: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)
    notices: list = field(default_factory=list)
    highlight: object = None

    @property
    def timeline(self):
        """(YYYY-MM, count) for every month with matches, oldest first."""
        return sorted((self.facets.get("month") or {}).items())

    @property
    def page(self):
        return self.params.page

    @property
    def num_pages(self):
        size = self.params.page_size
        return max(1, (self.count + size - 1) // size)


class FacetColumns:
    """For each facet field, the values of every document, read once per searcher.

    Whoosh's own overlapping facets re-read postings on every search; reading
    them once into lists indexed by document number makes a facet count a
    single pass over the matching documents.
    """

    _cache = {}
    _lock = threading.Lock()

    def __init__(self, reader):
        size = reader.doc_count_all()
        self.columns = {}
        for name in FACET_FIELDS:
            column = [()] * size
            if name in reader.schema:
                for term in reader.lexicon(name):
                    value = term.decode("utf-8")
                    for docnum in reader.postings(name, term).all_ids():
                        column[docnum] = column[docnum] + (value,)
            self.columns[name] = column

    @classmethod
    def for_searcher(cls, searcher):
        """The columns of this searcher's reader; the previous reader's are dropped.

        The reader itself is kept beside its columns and compared by identity:
        an ``id()`` alone could be reused by a later reader.
        """
        reader = searcher.reader()
        with cls._lock:
            cached = cls._cache.get("current")
            if cached is None or cached[0] is not reader:
                cached = cls._cache["current"] = (reader, cls(reader))
        return cached[1]

    def count(self, docnums):
        counts = {name: Counter() for name in self.columns}
        for name, column in self.columns.items():
            counter = counts[name]
            for d in docnums:
                values = column[d]
                if values:
                    counter.update(values)
        return counts


def filter_query(params):
    parts = []
    for name in FILTERS:
        values = getattr(params, name)
        if values:
            parts.append(wq.Or([wq.Term(name, v) for v in values]))
    if params.date_from or params.date_to:
        start = datetime.combine(params.date_from, time.min) if params.date_from else None
        end = datetime.combine(params.date_to, time.max) if params.date_to else None
        parts.append(wq.DateRange("published", start, end))
    return parts


def sort_facet(params, has_words):
    sort = params.sort if (has_words or params.sort != "relevance") else "newest"
    if sort == "newest":
        return sorting.FieldFacet("newest", reverse=True)
    if sort == "oldest":
        return sorting.FieldFacet("oldest")
    # Relevance (BM25F, title weighted), ties broken by the newer article.
    return sorting.MultiFacet([sorting.ScoreFacet(), sorting.FieldFacet("newest", reverse=True)])


def search(params, with_facets=True, alias_index=None):
    from archive.gazetteer import get_alias_index

    outcome = Outcome(params)
    parsed = parse(params.q)
    outcome.notices.extend(parsed.notices)
    builder = QueryBuilder(params.mode, params.expand, alias_index or get_alias_index())
    text_query = builder.build(parsed) if parsed.clauses else None
    outcome.notices.extend(builder.notices)
    outcome.expansions = builder.expansions
    outcome.highlight = builder.highlight
    if params.q.strip() and text_query is None:
        outcome.notices.append(_("لم يبقَ في البحث كلمات يمكن البحث عنها (علامات أو كلمات شائعة فقط)."))
        return outcome

    parts = ([text_query] if text_query is not None else []) + filter_query(params)
    query = wq.And(parts) if len(parts) > 1 else (parts[0] if parts else wq.Every())

    searcher = get_searcher()
    docnums = set(query.docs(searcher)) if not isinstance(query, wq.Every) else set(searcher.reader().all_doc_ids())
    outcome.count = len(docnums)
    if with_facets:
        outcome.facets = FacetColumns.for_searcher(searcher).count(docnums)

    start = (params.page - 1) * params.page_size
    if outcome.count and start < outcome.count:
        results = searcher.search(
            query, limit=start + params.page_size,
            sortedby=sort_facet(params, text_query is not None), terms=False,
        )
        page_docnums = [results.docnum(i) for i in range(start, min(len(results.top_n), start + params.page_size))]
        pks = [int(searcher.stored_fields(d)["django_id"]) for d in page_docnums]
        articles = Article.objects.with_relations().in_bulk(pks)
        for pk in pks:
            article = articles.get(pk)
            if article is None:  # deleted since the index was read
                continue
            outcome.hits.append(Hit(
                article=article,
                title_html=hl.highlight(article.title, builder.highlight),
                snippet_html=hl.snippet(article.body, builder.highlight),
            ))
    if params.q.strip() and outcome.count < 3:
        outcome.suggestions = suggest(searcher, parsed, params)
    return outcome


def suggest(searcher, parsed, params, limit=3):
    """Nearest spellings the archive does hold, for words that find little.

    Candidates come from the exact field's vocabulary (the words as outlets
    wrote them) within one or two edits; a candidate counts only if its broad
    form differs from the typed word's and occurs in the index.
    """
    reader = searcher.reader()
    suggestions = []
    words = [a.text for c in parsed.clauses if not c.negated for a in c.alternatives
             if not a.phrase and not a.prefix]
    for word in words[:6]:
        typed = arabic.exact_term(word)
        typed_broad = arabic.broad_term(word)
        if not typed or len(typed) < 3:
            continue
        best = None
        for maxdist in (1, 2):
            candidates = []
            try:
                found = list(reader.terms_within("text_exact", typed, maxdist, prefix=1))
            except Exception:  # a reader without that field: an empty index
                found = []
            for candidate in found:
                broad = arabic.broad_term(candidate)
                if not broad or broad == typed_broad:
                    continue
                freq = reader.doc_frequency("text", broad)
                if freq:
                    candidates.append((freq, candidate))
            if candidates:
                best = max(candidates)[1]
                break
        if best:
            new_q = params.q.replace(word, best, 1)
            suggestions.append((new_q, params.to_query(q=new_q, page=1)))
        if len(suggestions) >= limit:
            break
    return suggestions


def labelled_facets(outcome, base_url="", limit=FACET_LIMIT):
    """Facet counts as FacetValues with names, most frequent first.

    Selected values are always kept, even past ``limit``, so a chosen filter
    never disappears from its panel. Years are listed newest first.
    """
    from archive.search.params import FILTERS

    params = outcome.params
    labelled = {}
    for name, counter in outcome.facets.items():
        if name == "month":
            continue  # the timeline, not a panel: see Outcome.timeline
        selected = set(getattr(params, name, []) or [])
        if name == "year":
            items = sorted(counter.items(), key=lambda kv: kv[0], reverse=True)
        else:
            items = counter.most_common()
        keep = [kv for kv in items[:limit]] + [kv for kv in items[limit:] if kv[0] in selected]
        names = {}
        if name in FILTERS:
            model = FILTERS[name]
            names = {e.slug: e for e in model.objects.filter(slug__in=[k for k, _v in keep])}
        values = []
        for value, count in keep:
            entity = names.get(value)
            if name in FILTERS and entity is None:
                continue  # a slug renamed or deleted since indexing
            fv = FacetValue(
                value=value,
                label=entity.name if entity else value,
                label_en=(entity.name_en or entity.name) if entity else value,
                count=count,
                selected=value in selected,
            )
            if name in FILTERS:
                fv.toggle_url = base_url + "?" + params.toggled(name, value).to_query()
            else:
                fv.toggle_url = base_url + "?" + _year_range_query(params, value)
            fv.entity = entity
            values.append(fv)
        labelled[name] = values
    return labelled


def _year_range_query(params, year):
    from dataclasses import replace
    from datetime import date

    y = int(year)
    if params.date_from == date(y, 1, 1) and params.date_to == date(y, 12, 31):
        return replace(params, date_from=None, date_to=None, page=1).to_query()
    return replace(params, date_from=date(y, 1, 1), date_to=date(y, 12, 31), page=1).to_query()
