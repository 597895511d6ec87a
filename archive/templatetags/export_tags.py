"""Template helpers for exports, feeds and citations.

``export_url`` links a search to its CSV or its Atom feed: the same search,
without the page (an export is the whole result set) and, for the feed, without
the sort (a feed is always newest first)::

    {% export_url 'archive:export-csv' params %}
    {% export_url 'archive:feed' params as feed_href %}
    {% export_url 'archive:search-cite' params 'ris' %}

``accessed_date`` is today's date in the page's language ("23 أيار 2025",
"23 May 2025"), and ``accessed_date_machine`` the same for ``<time datetime>``:
the "date accessed" of a citation.
"""
from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from archive.templatetags.archive_tags import format_date

register = template.Library()


@register.simple_tag
def export_url(viewname, params=None, fmt=None):
    base = reverse(viewname, kwargs={"fmt": fmt} if fmt else None)
    if params is None or not hasattr(params, "to_query"):
        return base
    changes = {"page": 1, "page_size": settings.SEARCH_PAGE_SIZE}
    if viewname.endswith("feed"):
        changes["sort"] = "relevance"
    query = params.to_query(**changes)
    return f"{base}?{query}" if query else base


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """``path`` as an absolute URL on this host: an article's permalink in a citation."""
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


@register.simple_tag
def accessed_date():
    return format_date(timezone.localdate(), "day")


@register.simple_tag
def accessed_date_machine():
    return timezone.localdate().isoformat()


@register.inclusion_tag("archive/_citation_head.html", takes_context=True)
def citation_head(context, article):
    """The article page's ``citation_*``/``DC.*`` meta tags and its NewsArticle JSON-LD."""
    from django.utils.safestring import mark_safe

    from archive import citations

    request = context.get("request")

    def absolute(path):
        return request.build_absolute_uri(path) if request is not None else path

    def entity_url(entity):
        kind = {"Outlet": "source", "Place": "place", "Force": "force", "Speaker": "speaker"}[type(entity).__name__]
        return absolute(reverse(f"archive:{kind}", args=[entity.slug]))

    c = citations.citation_of(article, absolute(article.get_absolute_url()), timezone.localdate())
    return {
        "meta_tags": citations.meta_tags(c),
        "json_ld": mark_safe(citations.script_json(citations.news_article_ld(c, article, entity_url))),
    }
