"""The JSON API contract: /api/articles/ and /api/articles/<id>/.

The API runs the same search as the pages; these tests pin its fields, its
filters, its facet counts and its 400s over the five seed articles.
"""
import pytest

from archive.models import Force, Place
from tests.conftest import seed

pytestmark = pytest.mark.django_db

RESULT_FIELDS = {
    "id", "external_id", "url", "title", "source", "published", "date_precision",
    "original_url", "speakers", "locations", "forces", "snippet",
}


def api(client, **params):
    response = client.get("/api/articles/", params)
    assert response["Content-Type"] == "application/json"
    return response


def external_ids(data):
    return sorted(r["external_id"][:3] for r in data["results"])


def slug_of(model, name_en):
    return model.objects.get(name_en=name_en).slug


def test_isis_finds_all_five_seeds(client, seeded):
    data = api(client, q="داعش").json()
    assert data["count"] == 5
    assert external_ids(data) == ["000", "001", "002", "003", "004"]


def test_every_result_has_the_documented_fields(client, seeded):
    data = api(client, q="داعش").json()
    assert set(data) >= {"count", "page", "page_size", "next", "previous", "results", "facets"}
    assert set(data["facets"]) == {"location", "force", "speaker", "source", "year", "month"}
    for result in data["results"]:
        assert set(result) == RESULT_FIELDS
        assert set(result["source"]) == {"slug", "name", "name_en"}
        for entity in result["speakers"] + result["locations"] + result["forces"]:
            assert set(entity) == {"slug", "name", "name_en"}
        assert result["date_precision"] in ("day", "month", "year")
        assert result["url"].endswith(f"/articles/{result['id']}/")


def test_rudaw_interview_has_its_day_precise_date(client, seeded):
    data = api(client, q="رووداو").json()
    rudaw = next(r for r in data["results"] if r["external_id"].startswith("004"))
    assert rudaw["published"] == "2020-02-07"
    assert rudaw["date_precision"] == "day"


def test_snippet_marks_the_query_and_escapes_the_rest(client, seeded):
    data = api(client, q="داعش").json()
    for result in data["results"]:
        assert "<mark>" in result["snippet"]
        stripped = result["snippet"].replace("<mark>", "").replace("</mark>", "")
        assert "<" not in stripped


def test_a_governorate_takes_in_the_places_inside_it(client, seeded):
    """Diyala: 000 and 004 name it, 003 names Khanaqin and Jalawla (inside it)."""
    data = api(client, location=slug_of(Place, "Diyala")).json()
    assert external_ids(data) == ["000", "003", "004"]
    assert data["count"] == 3


def test_facet_counts_equal_the_filtered_counts(client, seeded):
    everything = api(client, q="داعش").json()
    for facet_name in ("location", "force", "speaker", "source"):
        for value in everything["facets"][facet_name]:
            filtered = api(client, q="داعش", **{facet_name: value["slug"]}).json()
            assert filtered["count"] == value["count"], (facet_name, value["slug"])
    for value in everything["facets"]["year"]:
        year = value["value"]
        filtered = api(client, q="داعش", date_from=f"{year}-01-01", date_to=f"{year}-12-31").json()
        assert filtered["count"] == value["count"]


def test_facets_count_the_whole_result_set_not_the_page(client, seeded):
    data = api(client, q="داعش", page_size=2).json()
    assert len(data["results"]) == 2
    assert sum(v["count"] for v in data["facets"]["source"]) == 5


def test_repeated_values_of_one_filter_match_any(client, seeded):
    diyala, baghdad = slug_of(Place, "Diyala"), slug_of(Place, "Baghdad Governorate")
    data = client.get("/api/articles/", {"location": [diyala, baghdad]}).json()
    one = api(client, location=diyala).json()["count"]
    other = api(client, location=baghdad).json()["count"]
    assert max(one, other) <= data["count"] <= one + other


def test_different_filters_combine_with_and(client, seeded):
    diyala = slug_of(Place, "Diyala")
    pmf = slug_of(Force, "Popular Mobilization Forces")
    both = api(client, location=diyala, force=pmf).json()
    only_place = {r["id"] for r in api(client, location=diyala).json()["results"]}
    only_force = {r["id"] for r in api(client, force=pmf).json()["results"]}
    assert {r["id"] for r in both["results"]} == only_place & only_force


def test_date_range_keeps_only_articles_inside_it(client, seeded):
    data = api(client, date_from="2020-01-01", date_to="2020-12-31").json()
    assert all(r["published"].startswith("2020") for r in data["results"])
    assert data["count"] == 3  # 000 (July), 002 (September), 004 (February)


def test_words_combine_with_and(client, seeded):
    both = api(client, q="كركوك الحويجة").json()
    assert all(r["id"] in {x["id"] for x in api(client, q="كركوك").json()["results"]} for r in both["results"])


def test_quoted_words_are_a_phrase(client, seeded):
    phrase = api(client, q='"جبل قرجوغ"', expand="0").json()
    assert external_ids(phrase) == ["004"]
    # The name in the phrase is every spelling of it: 002 writes وجبل قره جوغ.
    assert external_ids(api(client, q='"جبل قرجوغ"').json()) == ["002", "004"]


def test_sort_newest_and_oldest(client, seeded):
    newest = [r["published"] for r in api(client, q="داعش", sort="newest").json()["results"]]
    oldest = [r["published"] for r in api(client, q="داعش", sort="oldest").json()["results"]]
    assert newest == sorted(newest, reverse=True)
    assert oldest == sorted(oldest)


def test_pages_split_the_results(client, seeded):
    first = api(client, q="داعش", page_size=2, page=1).json()
    third = api(client, q="داعش", page_size=2, page=3).json()
    assert len(first["results"]) == 2 and len(third["results"]) == 1
    assert first["count"] == third["count"] == 5


def test_detail_adds_the_body(client, seeded):
    article = seed("004")
    data = client.get(f"/api/articles/{article.pk}/").json()
    assert data["body"] == article.body
    assert data["title"] == article.title
    assert client.get("/api/articles/999999/").status_code == 404


@pytest.mark.parametrize("params, word", [
    ({"page_size": "500"}, "page_size"),
    ({"page_size": "abc"}, "page_size"),
    ({"page": "0"}, "page"),
    ({"sort": "random"}, "sort"),
    ({"mode": "fuzzy"}, "mode"),
    ({"date_from": "2020-13-45"}, "date_from"),
    ({"date_from": "2021-01-01", "date_to": "2020-01-01"}, "date_from"),
    ({"location": "atlantis"}, "location"),
])
def test_a_bad_parameter_gets_400_with_a_clear_message(client, seeded, params, word):
    response = api(client, **params)
    assert response.status_code == 400
    assert word in response.json()["error"]


def test_a_filter_that_matches_nothing_counts_nothing(client, seeded):
    """Whoosh 2.7.5 reports the unfiltered count when a filter matches nothing."""
    raqqa = slug_of(Place, "Raqqa")
    data = api(client, q="غيدني", location=raqqa).json()
    assert data["count"] == 0 and data["results"] == []
    assert all(v["count"] == 0 for values in data["facets"].values() for v in values) or not any(data["facets"].values())
