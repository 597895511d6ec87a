"""The API as a client scripts it: page links, JSON errors with a code, the entities, the months.

Every error the API gives — 400, 404, 405, 429 — is JSON ``{"error", "code"}``
with the message in the reader's language (Arabic by default, English when
the language cookie says so).
"""
from django.conf import settings
from django.test import override_settings
import pytest

from archive.models import Article, Place
from tests.conftest import seed

pytestmark = pytest.mark.django_db


def error_of(response, status, code):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) >= {"error", "code"} and data["code"] == code and data["error"]
    return data


# ---------- next / previous ----------

def test_list_answers_link_the_next_and_previous_pages(client, seeded):
    first = client.get("/api/articles/", {"q": "داعش", "page_size": 2}).json()
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/articles/?")
    second = client.get(first["next"]).json()
    assert second["page"] == 2 and second["previous"] and second["next"]
    third = client.get(second["next"]).json()
    assert third["next"] is None and len(third["results"]) == 1
    back = client.get(third["previous"]).json()
    assert [r["id"] for r in back["results"]] == [r["id"] for r in second["results"]]
    seen = [r["id"] for page in (first, second, third) for r in page["results"]]
    assert len(seen) == len(set(seen)) == first["count"] == 5


def test_following_next_keeps_the_filters(client, seeded):
    data = client.get("/api/articles/", {"location": "diyala", "page_size": 1}).json()
    assert "location=diyala" in data["next"]


# ---------- errors ----------

def test_a_missing_article_is_a_json_404(client, seeded):
    error_of(client.get("/api/articles/999999/"), 404, "not_found")


def test_an_id_past_what_the_database_holds_is_a_404_not_a_crash(client, seeded):
    error_of(client.get("/api/articles/99999999999999999999999/"), 404, "not_found")
    assert client.get("/articles/99999999999999999999999/cite.ris").status_code == 404


def test_an_unknown_api_address_is_a_json_404(client, seeded):
    error_of(client.get("/api/nothing-here/"), 404, "not_found")
    error_of(client.get("/api/articles/abc/"), 404, "not_found")
    # A line break in the address (schemathesis sends one) is an unknown address too.
    error_of(client.get("/api/articles/%0A%1Cx/"), 404, "not_found")


def test_a_write_method_is_a_json_405_with_allow(client, seeded):
    for path in ("/api/articles/", f"/api/articles/{seed('004').pk}/", "/api/places/"):
        response = client.post(path, {})
        error_of(response, 405, "method_not_allowed")
        assert "GET" in response["Allow"]
    error_of(client.delete("/api/places/diyala/"), 405, "method_not_allowed")


def test_a_bad_parameter_is_a_json_400_with_a_code(client, seeded):
    data = error_of(client.get("/api/articles/", {"page_size": "500"}), 400, "bad_parameter")
    assert "page_size" in data["error"]
    error_of(client.get("/api/places/", {"page": "0"}), 400, "bad_parameter")


@override_settings(SEARCH_RATE_LIMIT="1/60")
def test_over_the_rate_limit_is_a_json_429_with_a_code(client, seeded):
    from django.core.cache import caches

    caches[settings.SEARCH_RATE_LIMIT_CACHE].clear()
    client.get("/api/articles/")
    data = error_of(client.get("/api/articles/"), 429, "rate_limited")
    assert data["retry_after"] >= 1
    caches[settings.SEARCH_RATE_LIMIT_CACHE].clear()


def test_errors_are_in_the_readers_language(client, seeded):
    arabic = client.get("/api/articles/999999/").json()["error"]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/api/articles/999999/").json()["error"]
    assert arabic != english
    assert any("\u0600" <= ch <= "\u06ff" for ch in arabic)
    assert english.isascii() and "999999" in english
    assert client.post("/api/articles/").json()["error"].isascii()


# ---------- the entities ----------

def test_places_list_names_in_both_languages_with_parent_coordinates_and_counts(client, seeded):
    data = client.get("/api/places/", {"page_size": 500}).json()
    assert data["count"] == Place.objects.count() == len(data["results"])
    by_slug = {p["slug"]: p for p in data["results"]}
    diyala = Place.objects.get(slug="diyala")
    entry = by_slug["diyala"]
    assert entry["name"] == diyala.name and entry["name_en"] == diyala.name_en
    assert entry["parent"]["slug"] == diyala.parent.slug
    assert entry["latitude"] == diyala.latitude and entry["longitude"] == diyala.longitude
    assert entry["article_count"] == Article.objects.filter(places=diyala).count()
    assert isinstance(entry["aliases"], list)


def test_an_entity_list_is_paged_with_links(client, seeded):
    first = client.get("/api/places/", {"page_size": 3}).json()
    assert len(first["results"]) == 3 and first["previous"] is None
    second = client.get(first["next"]).json()
    assert not {p["slug"] for p in first["results"]} & {p["slug"] for p in second["results"]}


@pytest.mark.parametrize("kind, filter_name", [
    ("places", "location"), ("forces", "force"), ("speakers", "speaker"), ("sources", "source"),
])
def test_each_entity_by_slug_links_its_articles(client, seeded, kind, filter_name):
    listed = client.get(f"/api/{kind}/", {"page_size": 500}).json()["results"]
    named = max(listed, key=lambda e: e["article_count"])
    one = client.get(f"/api/{kind}/{named['slug']}/").json()
    assert one == named
    articles = client.get(one["articles_url"]).json()
    assert articles["count"] >= 1
    error_of(client.get(f"/api/{kind}/no-such-thing/"), 404, "not_found")


def test_a_speaker_has_a_role_and_a_source_its_domains(client, seeded):
    speaker = client.get("/api/speakers/", {"page_size": 500}).json()["results"][0]
    assert {"role", "role_en"} <= set(speaker)
    source = client.get("/api/sources/", {"page_size": 500}).json()["results"][0]
    assert {"homepage", "domains"} <= set(source)


# ---------- facets.month ----------

def test_month_facet_counts_the_whole_result_set_by_month(client, seeded):
    data = client.get("/api/articles/", {"q": "داعش", "page_size": 1}).json()
    months = data["facets"]["month"]
    assert [m["value"] for m in months] == sorted(m["value"] for m in months)
    assert sum(m["count"] for m in months) == data["count"] == 5
    assert {"value": "2020-02", "count": 1} in months


def test_published_is_written_at_its_precision(client, seeded):
    data = client.get(f"/api/articles/{seed('000').pk}/").json()
    assert (data["published"], data["date_precision"]) == ("2020-07", "month")
