"""``/sitemap.xml`` (Django's sitemaps framework): every article page and every entity page.

Article pages carry their last change (``lastmod``), so a crawler re-reads only
what changed. An entity page is listed only when some article names it (the
others are empty). Past 50,000 addresses the framework splits the sitemap
into pages and ``/sitemap.xml`` becomes their index (``archive/urls.py``).
"""
from django.contrib.sitemaps import Sitemap
from django.db.models import Count
from django.urls import reverse

from archive.models import Article, Force, Outlet, Place, Speaker


class ArticleSitemap(Sitemap):
    limit = 50000

    def items(self):
        return Article.objects.only("pk", "updated").order_by("pk")

    def lastmod(self, article):
        return article.updated


class EntitySitemap(Sitemap):
    def __init__(self, model, view_name):
        super().__init__()
        self.model, self.view_name = model, view_name

    def items(self):
        return (self.model.objects.annotate(n=Count("articles")).filter(n__gt=0)
                .only("pk", "slug").order_by("slug"))

    def location(self, entity):
        return reverse(self.view_name, args=[entity.slug])


SITEMAPS = {
    "articles": ArticleSitemap(),
    "places": EntitySitemap(Place, "archive:place"),
    "forces": EntitySitemap(Force, "archive:force"),
    "speakers": EntitySitemap(Speaker, "archive:speaker"),
    "sources": EntitySitemap(Outlet, "archive:source"),
}


def robots_txt(request):
    """Crawlers: the article and entity pages (listed in the sitemap), not the endless search pages."""
    from django.http import HttpResponse

    lines = [
        "User-agent: *",
        "Disallow: /search/",
        "Disallow: /api/",
        "Disallow: /admin/",
        "Disallow: /oai",
        "Disallow: /i18n/",
        "Disallow: /articles/*/original/",
        "Allow: /",
        "",
        "Sitemap: " + request.build_absolute_uri(reverse("sitemap")),
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
