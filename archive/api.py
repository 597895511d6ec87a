"""The JSON API: the same search as the pages, as data, and the gazetteer's entities.

``GET /api/articles/`` takes the search parameters of ``archive.search.params``
and answers ``{"count", "page", "page_size", "next", "previous", "results",
"facets", ...}``; ``GET /api/articles/<id>/`` answers one article with its
body. ``/api/places/``, ``/api/forces/``, ``/api/speakers/`` and
``/api/sources/`` list the entities (names in both languages, aliases, article
counts; places with their parent and coordinates), and ``/api/<kind>/<slug>/``
answers one. The whole API is described in OpenAPI 3 at ``/api/openapi.json``
(``archive.api_schema``).

Every error is JSON ``{"error": <message in the reader's language>, "code":
<stable machine name>}``: 400 ``bad_parameter``, 404 ``not_found``, 405
``method_not_allowed`` and, from the rate limit (``archive.ratelimit``), 429
``rate_limited``. Nothing here answers 500 for anything a client can send.
"""
from functools import wraps

from django.db.models import Count
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from archive.models import Article, Force, Outlet, Place, Speaker
from archive.precise_dates import iso_at_precision
from archive.pages.context import results
from archive.search.params import BadParameter, SearchParams, _int, query_data

# The largest id a database column holds: a bigger number in the URL is no article.
MAX_ID = 2**63 - 1
ENTITY_PAGE_SIZE = 50
ENTITY_MAX_PAGE_SIZE = 500


def json_response(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def error_response(message, code, status):
    return json_response({"error": str(message), "code": code}, status=status)


def bad_request(message):
    return error_response(message, "bad_parameter", 400)


def not_found(message=None):
    return error_response(message or _("لا يوجد شيء بهذا العنوان في واجهة البرمجة."), "not_found", 404)


def api_view(func):
    """GET (and HEAD) only, and every failure a client can cause as the API's JSON error."""
    @wraps(func)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = error_response(
                _("الطريقة %(method)s غير مقبولة هنا: واجهة البرمجة للقراءة فقط (GET).") % {"method": request.method[:20]},
                "method_not_allowed", 405)
            response["Allow"] = "GET, HEAD"
            return response
        try:
            return func(request, *args, **kwargs)
        except BadParameter as error:
            return bad_request(error.message)
        except Http404:
            return not_found()
    return wrapper


def article_url(request):
    """The absolute address of an article by its pk, the URL pattern reversed
    once for a whole page of results rather than once an article."""
    marker = 999999999
    before, after = request.build_absolute_uri(reverse("archive:article", args=[marker])).split(str(marker), 1)
    return lambda pk: f"{before}{pk}{after}"


def article_data(article, request, snippet=None, url=None):
    data = {
        "id": article.pk,
        "external_id": article.external_id,
        "url": url(article.pk) if url else request.build_absolute_uri(article.get_absolute_url()),
        "title": article.title,
        "source": article.outlet.as_api() if article.outlet else None,
        "published": iso_at_precision(article.published, article.date_precision),
        "date_precision": article.date_precision or None,
        "original_url": article.url or None,
        "speakers": [s.as_api() for s in article.speakers.all()],
        "locations": [p.as_api() for p in article.places.all()],
        "forces": [f.as_api() for f in article.forces.all()],
    }
    if snippet is not None:
        data["snippet"] = snippet
    return data


def facets_data(found):
    facets = {}
    for name, values in found.facets.items():
        if name == "year":
            facets[name] = [{"value": v.value, "count": v.count} for v in values]
        else:
            facets[name] = [
                {"slug": v.value, "name": v.label, "name_en": v.entity.name_en, "count": v.count}
                for v in values
            ]
    # The timeline's counts: every month with matches, oldest first.
    facets["month"] = [{"value": month, "count": count} for month, count in found.outcome.timeline]
    return facets


def page_links(request, page, num_pages):
    """(next, previous): absolute URLs of the neighbouring pages, or None at either end."""
    def url(number):
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(request.path + "?" + query.urlencode())

    following = url(page + 1) if page < num_pages else None
    preceding = url(min(page - 1, num_pages)) if page > 1 else None
    return following, preceding


@api_view
def article_list(request):
    params = SearchParams.from_request(request)
    found = results(params)
    outcome = found.outcome
    url = article_url(request)
    following, preceding = page_links(request, params.page, outcome.num_pages)
    return json_response({
        "count": outcome.count,
        "page": params.page,
        "page_size": params.page_size,
        "next": following,
        "previous": preceding,
        "mode": params.mode,
        "results": [article_data(hit.article, request, str(hit.snippet_html), url=url) for hit in outcome.hits],
        "facets": facets_data(found),
        "expanded": [
            {"typed": e.typed, "kind": e.kind, "name": e.label, "names": e.names, "excluded": e.excluded}
            for e in outcome.expansions
        ],
        "suggestions": list(outcome.suggestions),
        "notices": [str(n) for n in outcome.notices],
    })


@api_view
def article_detail(request, pk):
    article = Article.objects.with_relations().filter(pk=pk).first() if pk <= MAX_ID else None
    if article is None:
        return not_found(_("لا توجد مقالة بالرقم %(id)s.") % {"id": pk})
    if article.withdrawn:
        data = article_data(article, request)
        return json_response({
            "error": str(_("سُحبت هذه المقالة من الأرشيف.")),
            "code": "withdrawn",
            "reason": article.withdrawn_reason,
            "citation": {key: data[key] for key in ("id", "title", "source", "published", "date_precision", "url", "original_url")
                         if key in data},
        }, status=410)
    data = article_data(article, request)
    data["body"] = article.body
    return json_response(data)


# ---------- The gazetteer's entities ----------

# kind in the URL → (model, the search filter it feeds, the entity page's view name)
ENTITY_KINDS = {
    "places": (Place, "location", "archive:place"),
    "forces": (Force, "force", "archive:force"),
    "speakers": (Speaker, "speaker", "archive:speaker"),
    "sources": (Outlet, "source", "archive:source"),
}


def entity_data(entity, kind, request):
    model, filter_name, page_view = ENTITY_KINDS[kind]
    data = {
        "slug": entity.slug,
        "name": entity.name,
        "name_en": entity.name_en or None,
        "aliases": [a.lstrip("~").strip() for a in (entity.aliases or []) if a.lstrip("~").strip()],
        "article_count": entity.article_count,
        "url": request.build_absolute_uri(reverse(f"archive:api-{kind}-detail", args=[entity.slug])),
        "page_url": request.build_absolute_uri(reverse(page_view, args=[entity.slug])),
        "articles_url": request.build_absolute_uri(
            reverse("archive:api-articles") + "?" + f"{filter_name}={entity.slug}"),
    }
    if model is Place:
        parent = entity.parent
        data.update(
            kind=entity.kind,
            parent={"slug": parent.slug, "name": parent.name, "name_en": parent.name_en or None} if parent else None,
            latitude=entity.latitude,
            longitude=entity.longitude,
        )
    elif model is Speaker:
        data.update(role=entity.role or None, role_en=entity.role_en or None)
    elif model is Outlet:
        data.update(homepage=entity.url or None, domains=list(entity.domains or []))
    return data


def _entities(kind):
    model = ENTITY_KINDS[kind][0]
    queryset = model.objects.annotate(article_count=Count("articles")).order_by("name", "pk")
    return queryset.select_related("parent") if model is Place else queryset


@api_view
def entity_list(request, kind):
    data = query_data(request)
    page = _int(data, "page", 1, 1, 100000)
    page_size = _int(data, "page_size", ENTITY_PAGE_SIZE, 1, ENTITY_MAX_PAGE_SIZE)
    queryset = _entities(kind)
    count = queryset.count()
    num_pages = max(1, (count + page_size - 1) // page_size)
    start = (page - 1) * page_size
    following, preceding = page_links(request, page, num_pages)
    return json_response({
        "count": count,
        "page": page,
        "page_size": page_size,
        "next": following,
        "previous": preceding,
        "results": [entity_data(e, kind, request) for e in queryset[start:start + page_size]],
    })


@api_view
def entity_detail(request, kind, slug):
    entity = _entities(kind).filter(slug=slug).first()
    if entity is None:
        return not_found(_("لا يوجد في المعجم شيء بالمعرّف %(slug)s.") % {"slug": slug[:120]})
    return json_response(entity_data(entity, kind, request))


@api_view
def unknown_endpoint(request, rest=""):
    return not_found()
