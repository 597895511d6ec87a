"""Citations reference managers take in: RIS, BibTeX, CSL-JSON, the meta tags and the JSON-LD.

Each format is read back with that format's own parser (rispy, bibtexparser,
json + lxml for the page), never by matching strings: what a reference
manager would import is what is asserted.
"""
import json

import bibtexparser
from lxml import html as lxml_html
import pytest
import rispy

from archive.models import Article
from tests.conftest import seed

pytestmark = pytest.mark.django_db

ORIGINAL = "https://www.rudaw.net/arabic/kurdistan/070220201"


@pytest.fixture
def rudaw(seeded):
    """004: a day-precise Rudaw interview, given an original URL."""
    article = seed("004")
    Article.objects.filter(pk=article.pk).update(url=ORIGINAL)
    return Article.objects.get(pk=article.pk)


@pytest.fixture
def month_only(seeded):
    """000: dated only by its month (July 2020)."""
    return seed("000")


def download(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    assert "attachment" in response["Content-Disposition"]
    return response.content.decode("utf-8")


def parse_ris(text):
    return rispy.loads(text)


def parse_bib(text):
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return library.entries


# ---------- one article ----------

def test_ris_of_an_article_parses_with_its_title_outlet_date_and_both_addresses(client, rudaw):
    [record] = parse_ris(download(client, f"/articles/{rudaw.pk}/cite.ris"))
    assert record["type_of_reference"] == "NEWS"
    assert record["title"] == rudaw.title
    assert record["secondary_title"] == rudaw.outlet.name
    assert record["date"] == "2020/02/07/"
    assert record["year"] == "2020"
    assert ORIGINAL in record["urls"]
    assert f"http://testserver/articles/{rudaw.pk}/" in record["urls"]
    assert record["language"] == "ar"
    assert record["access_date"]  # Y2: the date accessed


def test_ris_of_a_month_precise_article_has_no_day(client, month_only):
    [record] = parse_ris(download(client, f"/articles/{month_only.pk}/cite.ris"))
    assert record["date"] == "2020/07//"


def test_bibtex_of_an_article_parses_with_its_fields(client, rudaw):
    [entry] = parse_bib(download(client, f"/articles/{rudaw.pk}/cite.bib"))
    assert entry.entry_type == "article"
    fields = {f.key: f.value for f in entry.fields}
    assert fields["title"] == rudaw.title
    assert fields["journaltitle"] == rudaw.outlet.name
    assert fields["date"] == "2020-02-07"
    assert fields["url"] == ORIGINAL
    assert f"/articles/{rudaw.pk}/" in fields["note"]
    assert "urldate" in fields


def test_bibtex_of_a_month_precise_article_has_a_month_date(client, month_only):
    [entry] = parse_bib(download(client, f"/articles/{month_only.pk}/cite.bib"))
    fields = {f.key: f.value for f in entry.fields}
    assert fields["date"] == "2020-07"
    assert fields["month"] == "7"


def test_bibtex_escapes_what_latex_would_read_as_commands(client, seeded):
    article = seed("001")
    Article.objects.filter(pk=article.pk).update(title="50% من {الأهداف} & #داعش_")
    [entry] = parse_bib(download(client, f"/articles/{article.pk}/cite.bib"))
    title = {f.key: f.value for f in entry.fields}["title"]
    assert title == r"50\% من \{الأهداف\} \& \#داعش\_"


def test_csl_json_of_an_article_has_the_date_parts_it_knows(client, rudaw, month_only):
    [item] = json.loads(download(client, f"/articles/{rudaw.pk}/cite.json"))
    assert item["type"] == "article-newspaper"
    assert item["title"] == rudaw.title
    assert item["container-title"] == rudaw.outlet.name
    assert item["issued"] == {"date-parts": [[2020, 2, 7]]}
    assert item["URL"] == ORIGINAL
    assert item["archive_location"] == f"http://testserver/articles/{rudaw.pk}/"
    assert len(item["accessed"]["date-parts"][0]) == 3
    [month_item] = json.loads(download(client, f"/articles/{month_only.pk}/cite.json"))
    assert month_item["issued"] == {"date-parts": [[2020, 7]]}


def test_a_missing_article_has_no_citation(client, seeded):
    assert client.get("/articles/999999/cite.ris").status_code == 404


def test_the_cite_box_links_the_three_formats(client, rudaw):
    page = lxml_html.fromstring(client.get(f"/articles/{rudaw.pk}/").content)
    hrefs = page.xpath("//section[@class='cite']//a/@href")
    for fmt in ("ris", "bib", "json"):
        assert f"/articles/{rudaw.pk}/cite.{fmt}" in hrefs


# ---------- the article page's head ----------

def head_of(client, article):
    response = client.get(f"/articles/{article.pk}/")
    assert response.status_code == 200
    return lxml_html.fromstring(response.content)


def meta(page, name):
    return page.xpath(f"//head/meta[@name='{name}']/@content")


def test_the_page_has_the_citation_meta_tags(client, rudaw):
    page = head_of(client, rudaw)
    assert meta(page, "citation_title") == [rudaw.title]
    assert meta(page, "citation_journal_title") == [rudaw.outlet.name]
    assert meta(page, "citation_publication_date") == ["2020/02/07"]
    assert meta(page, "citation_language") == ["ar"]
    assert meta(page, "citation_public_url") == [f"http://testserver/articles/{rudaw.pk}/"]
    assert meta(page, "DC.title") == [rudaw.title]
    assert meta(page, "DC.date") == ["2020-02-07"]
    assert meta(page, "DC.publisher") == [rudaw.outlet.name]


def test_a_month_precise_date_is_written_as_a_month_in_the_meta_tags(client, month_only):
    page = head_of(client, month_only)
    assert meta(page, "citation_publication_date") == ["2020/07"]
    assert meta(page, "DC.date") == ["2020-07"]


def json_ld(page):
    blocks = page.xpath("//script[@type='application/ld+json']/text()")
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_the_page_has_a_news_article_json_ld_block(client, rudaw):
    data = json_ld(head_of(client, rudaw))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == rudaw.title[:110]
    assert data["datePublished"] == "2020-02-07"
    assert data["inLanguage"] == "ar"
    assert data["publisher"]["name"] == rudaw.outlet.name
    assert data["isBasedOn"] == ORIGINAL
    mentioned = {(m["@type"], m["name"]) for m in data["mentions"]}
    assert {("Place", p.name) for p in rudaw.places.all()} <= mentioned
    assert {("Organization", f.name) for f in rudaw.forces.all()} <= mentioned
    assert {("Person", s.name) for s in rudaw.speakers.all()} <= mentioned
    assert rudaw.places.exists() and rudaw.forces.exists()


def test_json_ld_cannot_close_its_script_element(client, seeded):
    article = seed("002")
    Article.objects.filter(pk=article.pk).update(title="</script><script>alert(1)</script>")
    response = client.get(f"/articles/{article.pk}/")
    assert b"</script><script>alert(1)" not in response.content
    assert json_ld(lxml_html.fromstring(response.content))["name"] == "</script><script>alert(1)</script>"


# ---------- a whole search ----------

def test_a_search_as_ris_holds_every_match_once(client, seeded):
    count = client.get("/api/articles/", {"q": "داعش"}).json()["count"]
    response = client.get("/search/cite.ris", {"q": "داعش"})
    assert response.status_code == 200 and response.streaming
    records = parse_ris(b"".join(response.streaming_content).decode("utf-8"))
    assert len(records) == count == 5
    assert len({r["title"] for r in records}) == 5


def test_a_search_as_bibtex_holds_every_match_with_unique_keys(client, seeded):
    response = client.get("/search/cite.bib", {"location": "diyala"})
    assert response.status_code == 200
    entries = parse_bib(b"".join(response.streaming_content).decode("utf-8"))
    count = client.get("/api/articles/", {"location": "diyala"}).json()["count"]
    assert len(entries) == count > 0
    assert len({e.key for e in entries}) == len(entries)


def test_a_bad_search_gets_a_400_not_a_file(client, seeded):
    response = client.get("/search/cite.ris", {"page_size": "x", "date_from": "2020-99-01"})
    assert response.status_code == 400


def test_a_searchs_citations_are_the_articles_own(client, rudaw):
    """The search file is read another way (plain values): each record must equal the article's own."""
    whole = parse_ris(b"".join(client.get("/search/cite.ris").streaming_content).decode("utf-8"))
    assert len(whole) == Article.objects.count()
    for record in whole:
        [own] = parse_ris(download(client, f"/articles/{record['accession_number']}/cite.ris"))
        assert record == own
    bib = parse_bib(b"".join(client.get("/search/cite.bib").streaming_content).decode("utf-8"))
    for entry in bib:
        pk = entry.key.removeprefix("archive").split("-")[0]
        [own] = parse_bib(download(client, f"/articles/{pk}/cite.bib"))
        assert {f.key: f.value for f in entry.fields} == {f.key: f.value for f in own.fields}
