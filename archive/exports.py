"""A search taken out of the archive: CSV, Atom and the OpenSearch description.

Every export takes the search page's GET parameters (``archive.search.params``)
and means the same search:

- ``/search/export.csv`` — every matching article, not only the page: one row
  each, in the search's order, streamed (constant memory); a search of more
  than ``EXPORT_MAX_ARTICLES`` is offered a year at a time (``too_large``). UTF-8 with a
  byte-order mark so spreadsheet programs read the Arabic as Arabic. Cells that
  a spreadsheet would run as a formula are neutralised (``neutralise``).
- ``/search/export.jsonl`` — every matching article with its full text, one
  JSON object a line (``archive.fulltext_export``), streamed the same way.
- ``/search/feed.atom`` — the newest 50 articles of the search as an Atom feed,
  to follow a place, a force or a speaker in a feed reader.
- ``/opensearch.xml`` — lets a browser add the archive as a search engine.

The JSON of a search is the API's (``archive.api``).
"""
import csv
import re
from dataclasses import replace
from datetime import date, datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext as _
from django.views.decorators.http import require_safe

from archive.article_rows import article_rows
from archive.pages.context import matching_ids, results
from archive.search.params import FILTERS, BadParameter, SearchParams

CSV_COLUMNS = (
    "id", "external_id", "title", "outlet", "published", "date_precision",
    "original_url", "archive_url", "speakers", "places", "forces", "near_duplicate_group",
)
NAME_SEPARATOR = " ؛ "
FEED_SIZE = 50

# A cell starting with one of these is a formula (or becomes one) in Excel,
# LibreOffice or Google Sheets; tab and the line breaks can hide one. The
# full-width forms are included because some spreadsheet programs fold them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def neutralise(value):
    """A cell as text a spreadsheet shows and never runs: "'" before a formula start."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _params_or_400(request):
    try:
        return SearchParams.from_request(request), None
    except BadParameter as error:
        return None, HttpResponse(error.message, status=400, content_type="text/plain; charset=utf-8")


def too_large(request, params, viewname, fmt=None):
    """None when the search's export fits in one request; else the page that
    says so and offers the same export a year at a time.

    An export is written while the worker waits: gunicorn stops a worker that
    is silent for its timeout (30 s), which would cut a very large file off
    mid-way. ``EXPORT_MAX_ARTICLES`` (default 20,000: a few seconds' work)
    keeps every export inside one request; the years of the search, each an
    export of its own, cover the rest (a year still over the limit is listed
    without a link: narrow it by date, place or outlet). ``export_articles``
    on the server has no limit.
    """
    limit = settings.EXPORT_MAX_ARTICLES
    count = results(params, with_facets=False).outcome.count
    if count <= limit:
        return None
    # Only a refused export needs the years: every other one skips the facets.
    outcome = results(params, with_facets=True).outcome
    from archive.templatetags.export_tags import export_url

    years = []
    for key, year_count in sorted((outcome.facets.get("year") or {}).items()):
        if not str(key).isdigit():
            continue
        year = int(key)
        part = replace(params, date_from=date(year, 1, 1), date_to=date(year, 12, 31), page=1)
        # Within the search's own dates, the year is their overlap.
        if params.date_from and params.date_from > part.date_from:
            part = replace(part, date_from=params.date_from)
        if params.date_to and params.date_to < part.date_to:
            part = replace(part, date_to=params.date_to)
        years.append({"year": year, "count": year_count,
                      "url": export_url(viewname, part, fmt) if year_count <= limit else ""})
    undated = count - sum(y["count"] for y in years)
    context = {"count": count, "limit": limit, "years": years, "undated": undated, "params": params}
    return render(request, "archive/export_too_large.html", context, status=422)


class _Echo:
    """The file-like object csv.writer needs, handing each line back instead of storing it."""

    def write(self, value):
        return value


def _csv_rows(pks, request):
    """The CSV cells of the articles ``pks``, in that order (read by :func:`article_rows`)."""
    marker = 999999999
    permalink = request.build_absolute_uri(reverse("archive:article", args=[marker]))
    before, after = permalink.split(str(marker), 1)
    fields = ("external_id", "title", "outlet__name", "published", "date_precision", "url", "story")
    for row, linked in article_rows(pks, fields, entities=("speakers", "places", "forces")):
        pk, external_id, title, outlet, published, precision, url, story = row
        speakers, places, forces = (NAME_SEPARATOR.join(name for (name,) in linked[kind])
                                    for kind in ("speakers", "places", "forces"))
        yield [
            pk,
            external_id or "",
            title,
            outlet or "",
            published.isoformat() if published else "",
            precision or "",
            url or "",
            f"{before}{pk}{after}",
            speakers,
            places,
            forces,
            story or "",
        ]


def csv_lines(params, request):
    """The export, line by line: the BOM and header, then one line per matching article."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)
    pks = list(matching_ids(params))
    for cells in _csv_rows(pks, request):
        yield writer.writerow([neutralise(cell) for cell in cells])


def export_filename(params):
    stamp = timezone.localdate().strftime("%Y%m%d")
    return f"archive-search-{stamp}.csv"


@require_safe
def export_csv(request):
    params, error = _params_or_400(request)
    if error:
        return error
    refusal = too_large(request, params, "archive:export-csv")
    if refusal:
        return refusal
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in csv_lines(params, request)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{export_filename(params)}"'
    response["Cache-Control"] = "no-store"
    return response


def permalink_maker(request):
    """pk → the article's absolute address, without a reverse() per article."""
    marker = 999999999
    url = request.build_absolute_uri(reverse("archive:article", args=[marker]))
    before, after = url.split(str(marker), 1)
    return lambda pk: f"{before}{pk}{after}"


@require_safe
def export_jsonl(request):
    from archive.fulltext_export import jsonl_line, records

    params, error = _params_or_400(request)
    if error:
        return error
    refusal = too_large(request, params, "archive:export-jsonl")
    if refusal:
        return refusal
    pks = list(matching_ids(params))
    lines = (jsonl_line(record).encode("utf-8") for record in records(pks, permalink_maker(request)))
    response = StreamingHttpResponse(lines, content_type="application/x-ndjson; charset=utf-8")
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="archive-search-{stamp}.jsonl"'
    response["Cache-Control"] = "no-store"
    return response


def describe(params):
    """What a search is, in words, for a feed's title: «داعش» · المكان: نينوى · ..."""
    parts = []
    if params.q.strip():
        parts.append("«%s»" % params.q.strip())
    for name, model in FILTERS.items():
        values = getattr(params, name)
        if values:
            found = {e.slug: e for e in model.objects.filter(slug__in=values)}
            english = (get_language() or "").startswith("en")
            labels = []
            for value in values:
                entity = found.get(value)
                label = value if entity is None else ((entity.name_en or entity.name) if english else entity.name)
                labels.append(label)
            parts.append(f"{model._meta.verbose_name}: {_('، ').join(labels)}")
    if params.date_from:
        parts.append(_("من %(date)s") % {"date": params.date_from.isoformat()})
    if params.date_to:
        parts.append(_("إلى %(date)s") % {"date": params.date_to.isoformat()})
    return " · ".join(parts)


# What XML 1.0 cannot carry (Django's feed writer refuses it with an error):
# a query typed with a control character must still get its feed.
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value):
    """``value`` without the characters an XML 1.0 document may not contain."""
    return None if value is None else _XML_UNSAFE.sub("", str(value))


def _aware(day):
    return timezone.make_aware(datetime.combine(day, time.min)) if day else None


class SearchFeed(Feed):
    """The newest articles of any search, as Atom. One instance per request (``feed``)."""

    feed_type = Atom1Feed
    language = "ar"  # the articles' language, whatever the interface's

    def __init__(self, request):
        super().__init__()
        self.request = request
        self.params = SearchParams.from_request(request)

    def get_object(self, request, *args, **kwargs):
        return replace(self.params, sort="newest", page=1, page_size=FEED_SIZE)

    def title(self, params):
        what = xml_text(describe(params))
        if what:
            return _("أرشيف الأخبار — %(what)s") % {"what": what}
        return _("أرشيف الأخبار — أحدث المقالات")

    def subtitle(self, params):
        return _("أحدث %(n)s مقالة تطابق هذا البحث في أرشيف أخبار الحرب على داعش.") % {"n": FEED_SIZE}

    def link(self, params):
        query = self.params.to_query(page=1)
        return reverse("archive:search") + ("?" + query if query else "")

    def feed_url(self, params):
        return self.request.get_full_path()

    def items(self, params):
        return [hit.article for hit in results(params, with_facets=False).outcome.hits]

    def item_title(self, article):
        return xml_text(article.title)

    def item_description(self, article):
        # Atom sends the summary as HTML: the text is escaped so "<" stays "<".
        return xml_text(escape(Truncator(" ".join(article.paragraphs())).words(60)))

    def item_link(self, article):
        return article.get_absolute_url()

    def item_author_name(self, article):
        return xml_text(article.outlet.name) if article.outlet else None

    def item_pubdate(self, article):
        return _aware(article.published)

    def item_updateddate(self, article):
        return article.updated

    def item_categories(self, article):
        return [xml_text(e.name) for related in (article.places, article.forces, article.speakers) for e in related.all()]


@require_safe
def feed(request):
    try:
        view = SearchFeed(request)
    except BadParameter as error:
        return HttpResponse(error.message, status=400, content_type="text/plain; charset=utf-8")
    return view(request)


@require_safe
def opensearch(request):
    return render(
        request, "archive/opensearch.xml",
        {
            "search_url": request.build_absolute_uri(reverse("archive:search")),
            "feed_url": request.build_absolute_uri(reverse("archive:feed")),
            "api_url": request.build_absolute_uri(reverse("archive:api-articles")),
            "home_url": request.build_absolute_uri(reverse("archive:home")),
            "icon_url": request.build_absolute_uri(static("favicon.svg")),
        },
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
