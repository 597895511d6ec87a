"""The JSON API: the same search as the pages, as data.

``GET /api/articles/`` takes the search parameters of ``archive.search.params``
and answers ``{"count", "page", "page_size", "results", "facets", ...}``;
``GET /api/articles/<id>/`` answers one article with its body. A bad
parameter gets 400 with ``{"error": ...}``; nothing here answers 500 for
anything a client can send.
"""
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from archive.models import Article
from archive.search.engine import labelled_facets, search
from archive.search.params import BadParameter, SearchParams


def article_data(article, request, snippet=None):
    data = {
        "id": article.pk,
        "external_id": article.external_id,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "title": article.title,
        "source": article.outlet.as_api() if article.outlet else None,
        "published": article.published_iso(),
        "date_precision": article.date_precision or None,
        "original_url": article.url or None,
        "speakers": [s.as_api() for s in article.speakers.all()],
        "locations": [p.as_api() for p in article.places.all()],
        "forces": [f.as_api() for f in article.forces.all()],
    }
    if snippet is not None:
        data["snippet"] = snippet
    return data


def facets_data(outcome):
    facets = {}
    for name, values in labelled_facets(outcome, links=False).items():
        if name == "year":
            facets[name] = [{"value": v.value, "count": v.count} for v in values]
        else:
            facets[name] = [
                {"slug": v.value, "name": v.label, "name_en": v.entity.name_en, "count": v.count}
                for v in values
            ]
    return facets


def bad_request(message):
    return JsonResponse({"error": message}, status=400, json_dumps_params={"ensure_ascii": False})


@require_GET
def article_list(request):
    try:
        params = SearchParams.from_request(request)
    except BadParameter as error:
        return bad_request(error.message)
    outcome = search(params)
    return JsonResponse(
        {
            "count": outcome.count,
            "page": params.page,
            "page_size": params.page_size,
            "mode": params.mode,
            "results": [article_data(hit.article, request, str(hit.snippet_html)) for hit in outcome.hits],
            "facets": facets_data(outcome),
            "expanded": [
                {"typed": e.typed, "kind": e.kind, "name": e.label, "names": e.names}
                for e in outcome.expansions
            ],
            "suggestions": [text for text, _qs in outcome.suggestions],
            "notices": [str(n) for n in outcome.notices],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def article_detail(request, pk):
    article = get_object_or_404(Article.objects.with_relations(), pk=pk)
    if article.withdrawn:
        data = article_data(article, request)
        return JsonResponse({
            "error": "This article was withdrawn from the archive.",
            "withdrawn": True,
            "reason": article.withdrawn_reason,
            "citation": {key: data[key] for key in ("id", "title", "source", "published", "date_precision", "url", "original_url")},
        }, status=410, json_dumps_params={"ensure_ascii": False})
    data = article_data(article, request)
    data["body"] = article.body
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})

