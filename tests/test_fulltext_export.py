"""Full-text export: /search/export.jsonl and manage.py export_articles, and the CSV's duplicate group."""
import csv
import gzip
import io
import json

from django.core.management import CommandError, call_command
from django.http import QueryDict
import pytest

from archive.models import Article
from archive.search.engine import search
from archive.search.params import SearchParams
from tests.conftest import seed

pytestmark = pytest.mark.django_db

LINE_FIELDS = {
    "id", "external_id", "url", "title", "source", "published", "date_precision",
    "original_url", "body", "speakers", "places", "forces", "near_duplicate_group",
}


def count_of(query):
    return search(SearchParams.from_querydict(QueryDict(query)), with_facets=False).count


def jsonl(client, query=""):
    response = client.get("/search/export.jsonl" + ("?" + query if query else ""))
    assert response.status_code == 200, response.content[:300]
    assert response.streaming
    assert response["Content-Type"].startswith("application/x-ndjson")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


@pytest.mark.parametrize("query", ["q=داعش", "", "location=diyala", "q=التحالف&sort=oldest", "q=غيدني"])
def test_one_line_per_match_of_the_search(client, seeded, query):
    lines = jsonl(client, query)
    assert len(lines) == count_of(query)
    assert len({line["id"] for line in lines}) == len(lines)


def test_each_line_carries_the_full_text_and_the_entities_in_both_languages(client, seeded):
    lines = jsonl(client, "q=داعش")
    for line in lines:
        assert set(line) == LINE_FIELDS
        article = Article.objects.get(pk=line["id"])
        assert line["body"] == article.body
        assert line["title"] == article.title
        assert line["url"] == f"http://testserver/articles/{article.pk}/"
        assert {p["slug"] for p in line["places"]} == set(article.places.values_list("slug", flat=True))
        for entity in line["speakers"] + line["places"] + line["forces"] + [line["source"]]:
            assert set(entity) == {"slug", "name", "name_en"}


def test_dates_are_written_at_their_precision(client, seeded):
    by_id = {line["external_id"][:3]: line for line in jsonl(client)}
    assert (by_id["000"]["published"], by_id["000"]["date_precision"]) == ("2020-07", "month")
    assert (by_id["004"]["published"], by_id["004"]["date_precision"]) == ("2020-02-07", "day")


def test_near_duplicates_share_their_group(client, seeded):
    first, second = seed("001"), seed("002")
    Article.objects.filter(pk__in=[first.pk, second.pk]).update(story=first.pk)
    by_id = {line["id"]: line for line in jsonl(client)}
    assert by_id[first.pk]["near_duplicate_group"] == by_id[second.pk]["near_duplicate_group"] == first.pk
    assert by_id[seed("004").pk]["near_duplicate_group"] is None


def test_the_csv_gains_the_near_duplicate_group(client, seeded):
    first, second = seed("001"), seed("002")
    Article.objects.filter(pk__in=[first.pk, second.pk]).update(story=first.pk)
    response = client.get("/search/export.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    groups = {int(row["id"]): row["near_duplicate_group"] for row in rows}
    assert groups[first.pk] == groups[second.pk] == str(first.pk)
    assert groups[seed("004").pk] == ""


def test_a_bad_parameter_is_a_400_with_the_message(client, seeded):
    response = client.get("/search/export.jsonl?date_from=yesterday")
    assert response.status_code == 400
    assert "date_from" in response.content.decode("utf-8")


def test_the_search_page_links_the_jsonl_export(client, seeded):
    page = client.get("/search/", {"q": "داعش"}).content.decode("utf-8")
    assert "/search/export.jsonl?q=" in page


# ---------- manage.py export_articles ----------

def test_the_command_writes_the_same_lines_as_the_web_export(client, seeded, tmp_path):
    out = tmp_path / "isis.jsonl"
    call_command("export_articles", str(out), "--q", "داعش", "--base-url", "http://testserver", verbosity=0)
    from_command = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert from_command == jsonl(client, "q=داعش")


def test_the_command_compresses_a_gz_name_and_takes_filters(seeded, tmp_path):
    out = tmp_path / "diyala.jsonl.gz"
    call_command("export_articles", str(out), "--location", "diyala", verbosity=0)
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        lines = [json.loads(line) for line in handle]
    assert len(lines) == count_of("location=diyala") > 0
    assert not (tmp_path / "diyala.jsonl.gz.part").exists()


def test_the_command_refuses_a_bad_filter_and_writes_nothing(seeded, tmp_path):
    out = tmp_path / "none.jsonl"
    with pytest.raises(CommandError, match="location"):
        call_command("export_articles", str(out), "--location", "atlantis", verbosity=0)
    assert not out.exists()
