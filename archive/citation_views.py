"""The citation files: one article's (``/articles/<id>/cite.ris|.bib|.json``) and a whole search's.

A search's file (``/search/cite.ris``, ``/search/cite.bib``) holds every
match, not only a page, in the search's order, streamed a batch at a time, as
the CSV export is (``archive.exports``). The formats are ``archive.citations``.
"""
import json

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe

from archive import citations
from archive.exports import _params_or_400, permalink_maker, too_large
from archive.article_rows import BATCH, article_rows
from archive.models import Article
from archive.pages.context import matching_ids


FORMATS = {
    # extension: (writer of one Citation, content type)
    "ris": (citations.ris, "application/x-research-info-systems; charset=utf-8"),
    "bib": (citations.bibtex, "application/x-bibtex; charset=utf-8"),
}


def _citation(request, article):
    return citations.citation_of(
        article, request.build_absolute_uri(article.get_absolute_url()), timezone.localdate())


def _attachment(response, name):
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
def article_citation(request, pk, fmt):
    if len(pk) > 18:  # more than any id the database holds (and SQLite would overflow)
        raise Http404
    article = get_object_or_404(Article.objects.with_relations(), pk=int(pk))
    c = _citation(request, article)
    if fmt == "json":
        body = json.dumps([citations.csl_json(c)], ensure_ascii=False, indent=2)
        content_type = "application/vnd.citationstyles.csl+json; charset=utf-8"
    else:
        writer, content_type = FORMATS[fmt]
        body = writer(c)
    return _attachment(HttpResponse(body, content_type=content_type), f"article-{pk}.{fmt}")


def citation_chunks(params, request, writer):
    """Every match's citation in ``writer``'s format, a batch of articles at a time.

    Read as plain values, as the CSV and JSONL exports are: model instances and
    prefetching cost several times the writing on a large result set.
    """
    permalink = permalink_maker(request)
    accessed = timezone.localdate()
    pks = list(matching_ids(params))
    fields = ("title", "outlet__name", "outlet__name_en", "published", "date_precision", "url", "external_id")
    chunk = []
    for row, linked in article_rows(pks, fields, entities=("places", "forces")):
        pk, title, outlet, outlet_en, published, precision, url, external_id = row
        chunk.append(writer(citations.Citation(
            id=pk, title=title, outlet=outlet or "", outlet_en=outlet_en or "", published=published,
            precision=precision or ("day" if published else ""), original_url=url or "",
            permalink=permalink(pk), accessed=accessed, external_id=external_id or "",
            keywords=[name for (name,) in linked["places"] + linked["forces"]],
        )))
        if len(chunk) == BATCH:
            yield "".join(chunk).encode("utf-8")
            chunk = []
    if chunk:
        yield "".join(chunk).encode("utf-8")


@require_safe
def search_citations(request, fmt):
    params, error = _params_or_400(request)
    if error:
        return error
    refusal = too_large(request, params, "archive:search-cite", fmt)
    if refusal:
        return refusal
    writer, content_type = FORMATS[fmt]
    response = StreamingHttpResponse(citation_chunks(params, request, writer), content_type=content_type)
    response["Cache-Control"] = "no-store"
    stamp = timezone.localdate().strftime("%Y%m%d")
    return _attachment(response, f"archive-search-{stamp}.{fmt}")
