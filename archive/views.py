"""The reading pages: home, search and article.

Each view reads top to bottom: check the parameters, run one search, hand the
template plain values. Highlighted HTML comes only from
``archive.search.highlight``, which escapes the text itself.
"""
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from archive.models import Article, Force, Place
from archive.pages import context as pages
from archive.pages.context import bad_parameters_context
from archive.entities import current as current_gazetteer
from archive.pages.params import KINDS
from archive.search import highlight as hl
from archive.search.engine import search
from archive.search.params import BadParameter, SearchParams, query_data
from archive.search.query import QueryBuilder, parse


def _top(counts, model, n=12):
    """The ``n`` most-named entities of one facet, each with ``n``, its count there.

    The counts come from the index, as the search page's do, so the number beside
    a place is the number of articles its link finds: a country counts the articles
    that name a place inside it too (a filter by Syria finds them).
    """
    top = [(slug, count) for slug, count in (counts or {}).items() if count]
    top.sort(key=lambda kv: (-kv[1], kv[0]))
    entities = {e.slug: e for e in model.objects.filter(slug__in=[slug for slug, _n in top[:n * 2]])}
    listed = []
    for slug, count in top:
        entity = entities.get(slug)
        if entity is not None:  # a slug renamed or deleted since indexing
            entity.n = count
            listed.append(entity)
        if len(listed) == n:
            break
    return listed


@require_GET
def home(request):
    everything = search(SearchParams(page_size=1))
    return render(request, "archive/home.html", {
        "article_count": Article.objects.listed().count(),
        "latest": list(Article.objects.listed().with_relations().order_by("-published", "-id")[:10]),
        "top_places": _top(everything.facets.get("location"), Place),
        "top_forces": _top(everything.facets.get("force"), Force),
    })


@require_GET
def search_page(request):
    base = reverse("archive:search")
    context = {
        "sort_choices": [("relevance", _("الأنسب")), ("newest", _("الأحدث")), ("oldest", _("الأقدم"))],
        "page_size_choices": [(n, str(n)) for n in (10, 20, 50, 100)],
    }
    try:
        params, page_notices = SearchParams.for_page(query_data(request))
    except BadParameter as error:
        context.update(bad_parameters_context(SearchParams(q=request.GET.get("q", "")[:1000]), error))
        return render(request, "archive/search.html", context, status=400)

    page = pages.search_page(params, base, default_sort="relevance", notices=page_notices)
    if page.redirect:
        return redirect(page.redirect)
    context.update(
        page.context,
        expansion_off_url=base + "?" + params.to_query(expand=False, page=1),
        timeline=page.outcome.timeline,
        # A month picked from the timeline brings the reader back to it.
        overview_open=bool(params.date_from or params.date_to),
        entity_links=entity_links(params),
    )
    return render(request, "archive/search.html", context)


def entity_links(params):
    """(entity, url) of the entity page of every chosen place, force, speaker and outlet."""
    gazetteer = current_gazetteer()
    links = []
    for kind, (_model, name) in KINDS.items():
        values = getattr(params, name)
        if values:
            named = gazetteer.named(name, values)
            for entity in sorted(named.values(), key=lambda e: (e.name, e.pk)):
                links.append((entity, reverse(f"archive:{kind}", args=[entity.slug])))
    return links


@require_GET
def article_page(request, pk):
    from archive.gazetteer import get_alias_index

    article = get_object_or_404(Article.objects.with_relations(), pk=pk)
    if article.withdrawn:
        # Gone, not missing: a cited link still says what it pointed to, and why it is gone.
        return render(request, "archive/withdrawn.html", {"article": article}, status=410)
    try:
        params = SearchParams.from_request(request)
    except BadParameter:
        params = SearchParams()
    spec = None
    if params.q.strip():
        from archive.search.indexing import current_reader

        builder = QueryBuilder(params.mode, params.expand, get_alias_index(), current_reader())
        builder.build(parse(params.q))
        spec = builder.highlight
    back_url = None
    if request.GET.get("q"):
        back_url = reverse("archive:search") + "?" + params.to_query()
    from archive.near_duplicates import also_reported as _also_reported
    also_reported = _also_reported(article)
    from archive.originals import may_download

    return render(request, "archive/article.html", {
        "original_downloadable": bool(article.original_file) and may_download(request.user),
        "also_reported": also_reported,
        "article": article,
        "title_html": hl.highlight(article.title, spec),
        "paragraphs_html": hl.highlight_paragraphs(article.paragraphs(), spec),
        "query": params.q,
        "back_url": back_url,
    })


@require_GET
def original_file(request, pk):
    """The original as received (staff) or published without personal metadata
    (archive.originals), always as a download, never rendered as a page."""
    from django.core.exceptions import PermissionDenied

    from archive import originals

    article = get_object_or_404(Article, pk=pk)
    if not originals.may_download(request.user):
        raise PermissionDenied(_("الملفات الأصلية متاحة لفريق الأرشيف فقط."))
    if not article.original_file:
        raise Http404(_("لا يوجد ملف أصلي لهذا المقال."))
    try:
        with article.original_file.open("rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise Http404(_("الملف الأصلي غير موجود على القرص."))
    kind = originals.kind_of(data)
    if kind is None:
        raise Http404(_("لا يُقدَّم هذا النوع من الملفات."))
    if not (request.user.is_active and request.user.is_staff):
        data = originals.published_copy(data, kind)
    name = originals.download_name(article.original_name or article.original_file.name, kind)
    response = HttpResponse(data, content_type=originals.SERVED[kind].content_type)
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
