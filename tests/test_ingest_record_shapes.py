"""JSON records as other tools write them: the same article under other names.

An archivist's JSON lines come from scrapers, feed readers, search-engine
exports and news APIs, each with its own vocabulary, nesting and habits (an
HTML body, a title object, a publisher object, keys in Arabic or in capitals).
Each shape below is one that a real tool writes; the reader must find the
same title, body, date and outlet in all of them, from what the values are
and what their names say, not from a list of one tool's names.
"""
from datetime import date
import json

import pytest

from archive.ingest import read
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft
from tests.test_ingest_text import fresh_alias_index, gazetteer, outlet_named  # noqa: F401  (fixtures)

TITLE = "قوات البيشمركة تستعيد قرى شرق الموصل من تنظيم داعش"
PARAS = [
    "أربيل - استعادت قوات البيشمركة الكردية اليوم الاثنين خمس قرى شرق مدينة الموصل بعد معارك مع مسلحي تنظيم داعش.",
    "وقال مسؤول عسكري كردي إن القوات تقدمت بدعم من طيران التحالف الدولي وسيطرت على الطريق الرئيسي.",
    "وأضاف أن العملية ستتواصل حتى طرد التنظيم من كل القرى المحيطة بالمدينة.",
]
BODY = "\n".join(PARAS)
URL = "https://www.rudaw.net/arabic/kurdistan/140520181"
DAY = date(2018, 5, 14)

SHAPES = {
    "trafilatura": {
        "title": TITLE, "author": None, "hostname": "rudaw.net", "date": "2018-05-14",
        "fingerprint": "a1b2", "id": None, "license": None, "comments": "", "raw_text": BODY.replace("\n", " "),
        "text": BODY, "language": "ar", "image": None, "pagetype": "article", "source": URL,
        "source-hostname": "رووداو", "excerpt": PARAS[0], "categories": "", "tags": "",
    },
    "news-please": {
        "authors": [], "date_download": "2020-01-02 10:11:12", "date_modify": None,
        "date_publish": "2018-05-14 11:26:00", "description": PARAS[0], "filename": "x.json",
        "image_url": None, "language": "ar", "localpath": None, "maintext": BODY,
        "source_domain": "www.rudaw.net", "title": TITLE, "title_page": TITLE + " | رووداو",
        "title_rss": None, "url": URL,
    },
    "newspaper": {
        "url": URL, "title": TITLE, "text": BODY, "authors": [], "publish_date": "2018-05-14 00:00:00",
        "top_image": "https://www.rudaw.net/img.jpg", "meta_site_name": "Rudaw",
    },
    "scrapy item": {
        "link": URL, "headline": TITLE, "article_text": BODY, "pub_time": "2018-05-14T11:26:00+03:00",
        "website": "rudaw",
    },
    "elasticsearch export": {
        "_index": "news", "_type": "_doc", "_id": "AV1x", "_score": 1.0,
        "_source": {"title": TITLE, "content": BODY, "published_at": "2018-05-14T08:26:00Z",
                    "source": "Rudaw", "url": URL},
    },
    "newsapi": {
        "source": {"id": None, "name": "Rudaw"}, "author": None, "title": TITLE,
        "description": PARAS[0], "url": URL, "urlToImage": None,
        "publishedAt": "2018-05-14T08:26:00Z", "content": BODY,
    },
    "event registry": {
        "uri": "1234567", "lang": "ara", "isDuplicate": False, "date": "2018-05-14", "time": "08:26:00",
        "dateTime": "2018-05-14T08:26:00Z", "dataType": "news", "url": URL, "title": TITLE, "body": BODY,
        "source": {"uri": "rudaw.net", "dataType": "news", "title": "رووداو"},
    },
    "webz.io": {
        "thread": {"uuid": "u1", "url": URL, "site": "rudaw.net", "site_full": "www.rudaw.net",
                   "title": TITLE, "published": "2018-05-14T11:26:00.000+03:00", "site_type": "news"},
        "uuid": "u1", "url": URL, "author": "", "published": "2018-05-14T11:26:00.000+03:00",
        "title": TITLE, "text": BODY, "language": "arabic",
    },
    "arabic keys": {
        "العنوان": TITLE, "النص": BODY, "التاريخ": "14/05/2018", "المصدر": "رووداو", "الرابط": URL,
    },
    "capitalised csv columns": {
        "ARTICLE_TITLE": TITLE, "ARTICLE_TEXT": BODY, "PUBLISH_DATE": "2018-05-14", "NEWSPAPER": "Rudaw",
        "URL": URL,
    },
    "wordpress rest api": {
        "id": 5501, "date": "2018-05-14T11:26:00", "date_gmt": "2018-05-14T08:26:00",
        "modified": "2018-05-15T09:00:00", "slug": "peshmerga", "status": "publish", "type": "post",
        "link": URL, "title": {"rendered": TITLE.replace(" ", "&nbsp;", 1)},
        "content": {"rendered": "".join(f"<p>{p}</p>\n" for p in PARAS), "protected": False},
        "excerpt": {"rendered": f"<p>{PARAS[0]}</p>", "protected": False}, "author": 3,
    },
    "wordpress database export": {
        "ID": "5501", "post_title": TITLE, "post_content": "<p>" + "</p><p>".join(PARAS) + "</p>",
        "post_date": "2018-05-14 11:26:00", "post_modified": "2018-05-15 09:00:00", "guid": URL,
        "blog_name": "رووداو",
    },
    "json-ld newsarticle": {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE, "articleBody": BODY,
        "datePublished": "2018-05-14T11:26:00+03:00", "dateModified": "2018-05-16T10:00:00+03:00",
        "publisher": {"@type": "Organization", "name": "Rudaw", "logo": {"url": "x.png"}},
        "mainEntityOfPage": {"@id": URL},
    },
    "media cloud": {
        "stories_id": 998877, "title": TITLE, "url": URL, "publish_date": "2018-05-14 11:26:00",
        "media_name": "rudaw.net", "media_url": "https://www.rudaw.net", "language": "ar",
        "story_text": BODY, "collect_date": "2019-01-01 00:00:00",
    },
    "apify crawler": {
        "url": URL, "crawl": {"loadedUrl": URL, "loadedTime": "2021-03-03T10:00:00.000Z", "depth": 1},
        "metadata": {"canonicalUrl": URL, "title": TITLE + " - Rudaw", "description": PARAS[0],
                     "languageCode": "ar", "publishedAt": "2018-05-14T08:26:00.000Z"},
        "text": BODY, "markdown": "# " + TITLE + "\n\n" + "\n\n".join(PARAS),
    },
    "paragraph objects": {
        "headline_ar": TITLE, "paragraphs": [{"type": "paragraph", "text": p} for p in PARAS],
        "published": "2018-05-14", "outlet": {"name_ar": "رووداو", "name_en": "Rudaw"},
    },
    "nested article": {
        "meta": {"crawler": "x", "fetched": "2022-02-02"},
        "article": {"title": TITLE, "body": BODY, "date": "14 أيار 2018", "publisher": "رووداو", "url": URL},
    },
}


def read_shape(shape):
    return read("export.jsonl", (json.dumps(shape, ensure_ascii=False) + "\n").encode("utf-8"),
                catalog=Catalog())


@pytest.mark.parametrize("tool", list(SHAPES))
def test_the_same_article_comes_out_of_every_tools_shape(gazetteer, tool):
    [draft] = read_shape(SHAPES[tool])
    assert isinstance(draft, Draft), draft
    assert draft.title == TITLE
    assert draft.body.split("\n")[0].strip() == PARAS[0]
    assert "<p>" not in draft.body and PARAS[-1] in draft.body
    assert (draft.published, draft.date_precision) == (DAY, "day")
    assert draft.outlet_id == outlet_named("رووداو").pk


def test_a_download_or_modification_date_is_not_the_publication_date(gazetteer):
    shape = {"title": TITLE, "text": BODY, "date_download": "2020-01-02", "modified": "2020-01-03"}
    [draft] = read_shape(shape)
    assert draft.published is None


def test_a_record_with_no_text_anywhere_is_refused_in_words(gazetteer):
    [failure] = read_shape({"title": TITLE, "url": URL, "views": 12})
    assert not isinstance(failure, Draft)
    assert "لا نص" in failure.message


@pytest.mark.parametrize("answer", [
    {"status": "ok", "totalResults": 2, "articles": [SHAPES["newsapi"], dict(SHAPES["newsapi"], url=URL + "2")]},
    {"took": 3, "hits": {"total": {"value": 2}, "hits": [SHAPES["elasticsearch export"]] * 2}},
    {"responseHeader": {"status": 0}, "response": {"numFound": 2, "docs": [SHAPES["news-please"]] * 2}},
], ids=["newsapi", "elasticsearch", "solr"])
@pytest.mark.parametrize("layout", ["one line", "pretty-printed"])
def test_an_apis_answer_gives_its_records(gazetteer, answer, layout):
    text = json.dumps(answer, ensure_ascii=False, indent=2 if layout == "pretty-printed" else None)
    drafts = read("answer.json", (text + "\n").encode("utf-8"), catalog=Catalog())
    assert len(drafts) == 2 and all(isinstance(d, Draft) for d in drafts), drafts
    assert {d.title for d in drafts} == {TITLE}


TWO = [SHAPES["news-please"], dict(SHAPES["news-please"], url=URL + "2")]


@pytest.mark.parametrize("table", [
    {"a1": TWO[0], "a2": TWO[1]},                                                  # rows by id (orient="index")
    {col: {"0": TWO[0][col], "1": TWO[1][col]} for col in TWO[0]},                # columns (pandas' default)
    {"columns": list(TWO[0]), "index": [0, 1], "data": [list(r.values()) for r in TWO]},  # orient="split"
], ids=["rows by id", "columns", "split"])
def test_a_table_written_as_one_object_gives_its_rows(gazetteer, table):
    drafts = read("table.json", (json.dumps(table, ensure_ascii=False) + "\n").encode("utf-8"), catalog=Catalog())
    assert len(drafts) == 2 and all(isinstance(d, Draft) for d in drafts), drafts
    assert {d.title for d in drafts} == {TITLE}
    assert all(d.published == DAY for d in drafts)
