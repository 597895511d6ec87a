"""Which outlet a JSON record comes from, as more tools say it.

Feed readers name the feed ("origin", "feed", "feed_title"), reference
managers the periodical (CSL-JSON's "container-title"), news APIs the
provider (a list of one), editors the publication or the brand, an
archivist the publisher in Arabic ("الجهة الناشرة"). Records carry archived
copies' addresses (the Wayback Machine, archive.today, an AMP cache) whose
original names the site, an aggregator's title ending in the outlet, a
copyright line, an agency written as the author. The rule: whatever names
the outlet leads to the catalogue's outlet, a field named for the outlet may
give its name without its kind word, and nothing else is proposed as new.
"""
import json

import pytest

from archive.ingest import read
from archive.ingest.catalog import Catalog
from tests.test_ingest_text import fresh_alias_index, gazetteer, outlet_named  # noqa: F401  (fixtures)

TITLE = "مقتل خمسة عناصر من داعش بغارة للتحالف قرب الموصل"
PARAS = [
    "قالت مصادر أمنية عراقية إن خمسة عناصر من تنظيم داعش قتلوا في غارة جوية للتحالف الدولي قرب الموصل.",
    "وأضافت المصادر أن الغارة استهدفت مخبأ للتنظيم في منطقة بادوش غرب المدينة، بحسب ما نقلت وسائل إعلام محلية.",
]
BODY = "\n".join(PARAS)
HTML_BODY = "".join(f"<p>{p}</p>" for p in PARAS)
ORIGINAL = "https://aawsat.com/home/article/1262376"


def read_one(record):
    line = json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"
    [draft] = read("records.jsonl", line, catalog=Catalog())
    assert not hasattr(draft, "reason"), draft
    return draft


def assert_from_awsat(draft):
    assert draft.outlet_id == outlet_named("aawsat.com").pk
    assert not draft.outlet_is_new


TOOLS = {
    "bing news (provider list)": {"name": TITLE, "body": BODY, "datePublished": "2018-05-14T08:26:00.0000000Z",
                                  "url": "https://www.bing.com/news/apiclick.aspx?ref=1",
                                  "provider": [{"_type": "Organization", "name": "الشرق الأوسط"}]},
    "feedly (origin)": {"id": "x", "title": TITLE, "content": {"content": HTML_BODY, "direction": "rtl"},
                        "published": 1526286360000,
                        "origin": {"streamId": "feed/https://aawsat.com/feed", "title": "جريدة الشرق الأوسط",
                                   "htmlUrl": "https://aawsat.com"}},
    "miniflux (feed)": {"id": 1, "title": TITLE, "url": "https://feedproxy.google.com/~r/aawsat/1", "content": HTML_BODY,
                        "published_at": "2018-05-14T08:26:00Z", "feed": {"id": 3, "title": "الشرق الأوسط"}},
    "tiny tiny rss (feed_title)": {"id": 1, "title": TITLE, "link": "https://feedproxy.google.com/~r/aawsat/1",
                                   "content": HTML_BODY, "feed_title": "الشرق الأوسط"},
    "csl-json (container-title)": {"type": "article-newspaper", "title": TITLE, "container-title": "الشرق الأوسط",
                                   "issued": {"date-parts": [[2018, 5, 14]]}, "abstract": BODY},
    "an editor's publicationName": {"headline": TITLE, "text": BODY, "publicationName": "الشرق الاوسط"},
    "an archivist's Arabic keys": {"العنوان": TITLE, "النص": BODY, "الجهة الناشرة": "الشرق الأوسط"},
    "a copyright line": {"title": TITLE, "text": BODY, "copyright": "© 2018 الشرق الأوسط. جميع الحقوق محفوظة"},
    "a bare host": {"title": TITLE, "text": BODY, "netloc": "www.aawsat.com"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("tool", TOOLS)
def test_the_field_a_tool_names_the_outlet_in_leads_to_the_catalogue_outlet(tool, gazetteer):
    draft = read_one(TOOLS[tool])
    assert_from_awsat(draft)
    assert draft.title == TITLE


@pytest.mark.django_db
@pytest.mark.parametrize("address", [
    f"https://web.archive.org/web/20180515000000/{ORIGINAL}",
    f"http://web.archive.org/web/20180515000000id_/{ORIGINAL}",
    "https://www-aawsat-com.cdn.ampproject.org/c/s/aawsat.com/home/article/1262376",
    f"https://webcache.googleusercontent.com/search?q=cache:{ORIGINAL}",
])
def test_an_archived_copys_address_names_the_original_site(address, gazetteer):
    draft = read_one({"title": TITLE, "text": BODY, "date": "2018-05-14", "url": address})
    assert_from_awsat(draft)
    assert draft.url == address  # the address the archivist cites stays as given


@pytest.mark.django_db
def test_the_original_address_beside_an_archive_todays_counts(gazetteer):
    draft = read_one({"title": TITLE, "text": BODY, "url": "https://archive.ph/AbCdE", "original_url": ORIGINAL})
    assert_from_awsat(draft)


@pytest.mark.django_db
def test_an_aggregators_title_ending_in_the_outlet_names_it_and_loses_it(gazetteer):
    draft = read_one({"title": f"{TITLE} - الشرق الأوسط", "text": BODY,
                      "url": "https://news.google.com/articles/CBMiQ2h0dHBz?hl=ar"})
    assert_from_awsat(draft)
    assert draft.title == TITLE


@pytest.mark.django_db
def test_an_agency_written_as_the_author_is_the_outlet_but_a_person_is_not_proposed(gazetteer):
    agency = read_one({"title": TITLE, "text": BODY, "author": "وكالة الأنباء السعودية"})
    assert agency.outlet_id == outlet_named("وكالة الأنباء السعودية").pk
    person = read_one({"title": TITLE, "text": BODY, "author": "أحمد علي"})
    assert person.outlet_id is None and not person.outlet_is_new


@pytest.mark.django_db
def test_an_unknown_outlet_in_a_publisher_field_is_proposed_not_guessed(gazetteer):
    draft = read_one({"title": TITLE, "text": BODY, "brand": "صحيفة الغد البغدادية"})
    assert draft.outlet_id is None
    assert draft.outlet_is_new and draft.outlet_name == "صحيفة الغد البغدادية"


@pytest.mark.django_db
@pytest.mark.parametrize("issued, day, precision", [
    ({"date-parts": [[2018, 5, 14]]}, "2018-05-14", "day"),
    ({"date-parts": [[2018, 5]]}, "2018-05-01", "month"),
    ({"date-parts": [["2018"]]}, "2018-01-01", "year"),
    ("2018-05", "2018-05-01", "month"),
])
def test_a_reference_managers_date_keeps_its_precision(issued, day, precision, gazetteer):
    draft = read_one({"title": TITLE, "abstract": BODY, "issued": issued})
    assert (draft.published.isoformat(), draft.date_precision) == (day, precision)
