"""/sitemap.xml lists every article page and every entity page that has articles; robots.txt points at it."""
from lxml import etree
import pytest

from archive.models import Article, Force, Outlet, Place, Speaker

pytestmark = pytest.mark.django_db

SM = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client):
    """Every <loc> of every sitemap the index at /sitemap.xml names (pages followed)."""
    index = etree.fromstring(client.get("/sitemap.xml").content)
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    found = []
    for url in index.xpath("//sm:sitemap/sm:loc/text()", namespaces=SM):
        response = client.get(url.replace("http://testserver", ""))
        assert response.status_code == 200
        found += etree.fromstring(response.content).xpath("//sm:url/sm:loc/text()", namespaces=SM)
    return found


def test_every_article_page_is_listed_once_with_its_last_change(client, seeded):
    found = locations(client)
    articles = [f"http://testserver/articles/{pk}/" for pk in Article.objects.values_list("pk", flat=True)]
    assert sorted(u for u in found if "/articles/" in u) == sorted(articles)
    section = etree.fromstring(client.get("/sitemap-articles.xml").content)
    assert len(section.xpath("//sm:url/sm:lastmod", namespaces=SM)) == len(articles)


def test_entity_pages_with_articles_are_listed(client, seeded):
    found = set(locations(client))
    for model, prefix in ((Place, "places"), (Force, "forces"), (Speaker, "speakers"), (Outlet, "sources")):
        with_articles = model.objects.filter(articles__isnull=False).distinct()
        assert with_articles.exists()
        for entity in with_articles:
            assert f"http://testserver/{prefix}/{entity.slug}/" in found
        for entity in model.objects.filter(articles__isnull=True):
            assert f"http://testserver/{prefix}/{entity.slug}/" not in found


def test_every_listed_page_exists(client, seeded):
    for url in locations(client):
        assert client.get(url.replace("http://testserver", "")).status_code == 200, url


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_off_the_search(client, seeded):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /search/" in lines
    assert "Disallow: /articles/" not in lines
