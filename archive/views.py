"""The reading pages: home, search and article.

Each view reads top to bottom: check the parameters, run one search, hand the
template plain values. Highlighted HTML comes only from
``archive.search.highlight``, which escapes the text itself.
"""
from django.conf import settings
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from archive.models import Article, Force, Outlet, Place, Speaker
from archive.search import highlight as hl
from archive.search.engine import labelled_facets, search
from archive.search.params import FILTERS, BadParameter, SearchParams
from archive.search.query import QueryBuilder, parse

FILTER_LABELS = {"location": Place, "force": Force, "speaker": Speaker, "source": Outlet}


def _top(model, n=12):
    return list(
        model.objects.annotate(n=Count("articles")).filter(n__gt=0).order_by("-n", "name")[:n]
    )


@require_GET
def home(request):
    return render(request, "archive/home.html", {
        "article_count": Article.objects.listed().count(),
        "latest": list(Article.objects.listed().with_relations().order_by("-published", "-id")[:10]),
        "top_places": _top(Place),
        "top_forces": _top(Force),
    })


def _page_links(params, num_pages, base):
    """Page numbers around the current one, with None for a gap."""
    current = params.page
    wanted = {1, num_pages} | set(range(max(1, current - 2), min(num_pages, current + 2) + 1))
    links, previous = [], 0
    for number in sorted(wanted):
        if number - previous > 1:
            links.append((None, None, False))
        links.append((number, base + "?" + params.to_query(page=number), number == current))
        previous = number
    return links


def _chips(params, base):
    chips = []
    for name, model in FILTER_LABELS.items():
        values = getattr(params, name)
        if values:
            from archive.templatetags.archive_tags import localized

            entities = {e.slug: e for e in model.objects.filter(slug__in=values)}
            for value in values:
                label = f"{model._meta.verbose_name}: {localized(entities.get(value)) or value}"
                chips.append((label, base + "?" + params.toggled(name, value).to_query()))
    if params.date_from:
        chips.append((_("من %(date)s") % {"date": params.date_from.isoformat()},
                      base + "?" + params.to_query(date_from=None, page=1)))
    if params.date_to:
        chips.append((_("إلى %(date)s") % {"date": params.date_to.isoformat()},
                      base + "?" + params.to_query(date_to=None, page=1)))
    return chips


@require_GET
def search_page(request):
    base = reverse("archive:search")
    context = {
        "sort_choices": [("relevance", _("الأنسب")), ("newest", _("الأحدث")), ("oldest", _("الأقدم"))],
        "page_size_choices": [(n, str(n)) for n in (10, 20, 50, 100)],
    }
    try:
        params = SearchParams.from_request(request)
    except BadParameter as error:
        context.update(params=SearchParams(q=request.GET.get("q", "")[:1000]), outcome=None,
                       error=error.message, chips=[], hidden_filters=[], pages=[])
        return render(request, "archive/search.html", context, status=400)

    outcome = search(params)
    timeline = outcome.timeline  # read before the counts become labelled panels
    # The place tree, the timeline chart and the map (archive.browse) read the
    # raw counts too.
    from archive import browse

    places = browse.Places()
    location_counts = outcome.facets.get("location")
    place_tree = browse.place_tree(location_counts, params, base, places)
    place_map = browse.place_map(location_counts, params, base, places)
    timeline_chart = browse.timeline_chart(timeline, params, base, total=outcome.count)
    outcome.facets = labelled_facets(outcome, base)
    num_pages = outcome.num_pages
    context.update(
        params=params,
        outcome=outcome,
        error=None,
        notices=outcome.notices,
        chips=_chips(params, base),
        hidden_filters=[(name, v) for name, values in params.filters.items() for v in values],
        pages=_page_links(params, num_pages, base) if num_pages > 1 else [],
        prev_url=base + "?" + params.to_query(page=params.page - 1) if params.page > 1 else None,
        next_url=base + "?" + params.to_query(page=params.page + 1) if params.page < num_pages else None,
        expansion_off_url=base + "?" + params.to_query(expand=False, page=1),
        highlight_qs=_highlight_qs(params),
        timeline=timeline,
        timeline_chart=timeline_chart,
        place_tree=place_tree,
        place_map=place_map,
        entity_links=browse.entity_links(params),
    )
    context["outcome"].suggestions = [(text, base + "?" + qs) for text, qs in outcome.suggestions]
    return render(request, "archive/search.html", context)


def _highlight_qs(params):
    from urllib.parse import urlencode

    pairs = [("q", params.q)] if params.q else []
    if params.mode != "broad":
        pairs.append(("mode", params.mode))
    if not params.expand:
        pairs.append(("expand", "0"))
    return urlencode(pairs)


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
        builder = QueryBuilder(params.mode, params.expand, get_alias_index())
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
        "paragraphs_html": [hl.highlight(p, spec) for p in article.paragraphs()],
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
