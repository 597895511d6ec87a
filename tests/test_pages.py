"""The reading pages render Arabic, right to left, and never trust article text."""
import pytest

from archive.models import Article, Place
from tests.conftest import seed

pytestmark = pytest.mark.django_db


def test_home_is_arabic_right_to_left_with_the_latest_articles(client, seeded):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html
    assert seed("004").title in html
    assert 'name="q"' in html


def test_home_lists_the_most_named_places_and_forces(client, seeded):
    html = client.get("/").content.decode()
    assert Place.objects.get(name_en="Diyala").name in html


def test_search_page_shows_results_and_facets(client, seeded):
    response = client.get("/search/", {"q": "داعش"})
    html = response.content.decode()
    assert response.status_code == 200
    for prefix in ("000", "001", "002", "003", "004"):
        assert f"/articles/{seed(prefix).pk}/" in html
    assert "<mark>" in html


def test_pagination_links_keep_every_filter(client, seeded):
    diyala = Place.objects.get(name_en="Diyala").slug
    html = client.get("/search/", {"q": "داعش", "location": diyala, "page_size": 1, "sort": "newest"}).content.decode()
    assert f"location={diyala}" in html and "page=2" in html
    page_links = [chunk for chunk in html.split('href="') if "page=2" in chunk.split('"')[0]]
    assert page_links and all(f"location={diyala}" in link.split('"')[0] for link in page_links)


def test_a_bad_parameter_is_a_message_not_an_error_page(client, seeded):
    response = client.get("/search/", {"q": "داعش", "date_from": "yesterday"})
    assert response.status_code == 400
    assert "date_from" in response.content.decode()


def test_article_page_marks_the_query_terms(client, seeded):
    article = seed("004")
    html = client.get(f"/articles/{article.pk}/", {"q": "كيغنز"}).content.decode()
    assert "<mark>كاكينز</mark>" in html
    assert 'dir="rtl"' in html


def test_article_text_is_never_trusted_as_html(client, seeded):
    article = Article.objects.create(
        title='<script>alert("t")</script> عنوان', body='<img src=x onerror=alert(1)> نص داعش',
    )
    html = client.get(f"/articles/{article.pk}/", {"q": "داعش"}).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html
