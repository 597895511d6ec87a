"""JSON records as more tools write them, and files of records as they arrive.

The shapes here are tools' own (their documented field names): CMS and API
dumps (Ghost, Drupal's JSON:API, Arc XP's ANS), feed-to-JSON converters
(JSON Feed 1.1, rss2json), GDELT's article list, MongoDB's mongoexport,
webscraper.io's columns named after the archivist's selectors, a Markdown
body. The files are what exports and editors make of records: an array with a
trailing comma or one broken record, records pretty-printed with one broken,
Windows-1256 or UTF-16 text. The rule: every good record is read, a bad one
is reported with its line, and nothing else is lost.
"""
import codecs
from datetime import datetime, timezone
import json

import pytest

from archive.ingest import read
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft
from tests.test_ingest_record_shapes import BODY, DAY, PARAS, TITLE, URL, read_shape
from tests.test_ingest_text import fresh_alias_index, gazetteer, outlet_named  # noqa: F401  (fixtures)

HTML_BODY = "".join(f"<p>{p}</p>" for p in PARAS)
NOON = datetime(2018, 5, 14, 8, 26, tzinfo=timezone.utc)

SHAPES = {
    "ghost content api": {"posts": [{
        "id": "5ddc9141c35e7700383b2937", "uuid": "a5aa9bd8", "title": TITLE, "slug": "x", "html": HTML_BODY,
        "feature_image": None, "created_at": "2018-05-13T20:00:00.000+00:00", "updated_at": "2018-05-20T10:00:00.000+00:00",
        "published_at": "2018-05-14T08:26:00.000+00:00", "url": URL, "excerpt": PARAS[0][:40],
        "primary_author": {"name": "فريق التحرير"}}], "meta": {"pagination": {"page": 1, "total": 1}}},
    "drupal json:api": {"jsonapi": {"version": "1.0"}, "data": [{
        "type": "node--article", "id": "3f4d", "links": {"self": {"href": "https://www.rudaw.net/jsonapi/node/article/3f4d"}},
        "attributes": {"drupal_internal__nid": 12, "title": TITLE, "created": "2018-05-14T08:26:00+00:00",
                       "changed": "2018-05-20T08:00:00+00:00", "path": {"alias": "/news/12", "langcode": "ar"},
                       "body": {"value": HTML_BODY, "format": "full_html", "processed": HTML_BODY, "summary": ""}}}]},
    "arc xp ans": {
        "_id": "ABC", "type": "story", "canonical_website": "rudaw", "headlines": {"basic": TITLE},
        "subheadlines": {"basic": ""}, "description": {"basic": PARAS[0][:50]},
        "content_elements": [{"_id": f"p{i}", "type": "text", "content": p} for i, p in enumerate(PARAS)],
        "display_date": "2018-05-14T08:26:00.000Z", "last_updated_date": "2018-05-20T08:26:00.000Z",
        "canonical_url": "/arabic/kurdistan/140520181", "source": {"name": "staff", "system": "composer"}},
    "json feed 1.1": {
        "version": "https://jsonfeed.org/version/1.1", "title": "رووداو", "home_page_url": "https://www.rudaw.net/",
        "items": [{"id": URL, "url": URL, "title": TITLE, "content_html": HTML_BODY, "summary": PARAS[0][:40],
                   "date_published": "2018-05-14T11:26:00+03:00", "date_modified": "2018-05-15T11:26:00+03:00",
                   "authors": [{"name": "المحرر"}]}]},
    "rss2json": {
        "status": "ok", "feed": {"url": "https://www.rudaw.net/rss", "title": "رووداو", "link": "https://www.rudaw.net/"},
        "items": [{"title": TITLE, "pubDate": "2018-05-14 08:26:00", "link": URL, "guid": URL, "author": "",
                   "thumbnail": "", "description": f"<p>{PARAS[0][:40]}</p>", "content": HTML_BODY, "enclosure": {},
                   "categories": []}]},
    "gdelt article list, text added": {"articles": [{
        "url": URL, "url_mobile": "", "title": TITLE, "seendate": "20180514T082600Z", "socialimage": "",
        "domain": "rudaw.net", "language": "Arabic", "sourcecountry": "Iraq", "text": BODY}]},
    "mongoexport": {"_id": {"$oid": "5af9a0b1c2d3e4f5a6b7c8d9"}, "title": TITLE, "body": BODY,
                    "published": {"$date": {"$numberLong": str(int(NOON.timestamp() * 1000))}},
                    "source": "رووداو", "views": {"$numberInt": "12"}},
    "webscraper.io columns": {"web-scraper-order": "1526282-1", "web-scraper-start-url": "https://www.rudaw.net/",
                              "article": TITLE, "article-href": URL, "date": "14/05/2018", "content": BODY,
                              "source": "Rudaw"},
    "markdown body": {"title": TITLE, "markdown": "**" + PARAS[0][:5] + "**" + PARAS[0][5:] + "\n\n## "
                      + PARAS[1] + "\n\n" + PARAS[2] + "\n\n![صورة](https://www.rudaw.net/a.jpg)",
                      "date": "Mon, 14 May 2018 08:26:00 +0000", "url": URL},
    "unix time under timestamp": {"headline": TITLE, "story": BODY, "timestamp": int(NOON.timestamp()),
                                  "website": "rudaw.net"},
}


@pytest.mark.parametrize("tool", list(SHAPES))
def test_the_same_article_comes_out_of_more_tools_shapes(gazetteer, tool):
    [draft] = read_shape(SHAPES[tool])
    assert isinstance(draft, Draft), draft
    assert draft.title == TITLE
    assert draft.body.split("\n") == PARAS
    assert (draft.published, draft.date_precision) == (DAY, "day")
    assert draft.outlet_id == outlet_named("رووداو").pk


def test_a_markdown_list_item_keeps_its_mark_and_a_corpus_body_keeps_its_asterisks(gazetteer):
    [draft] = read_shape({"title": TITLE, "body_md": PARAS[0] + "\n\n- " + PARAS[1], "date": "2018-05-14"})
    assert draft.body.split("\n") == [PARAS[0], "- " + PARAS[1]]
    [draft] = read_shape({"title": TITLE, "body": PARAS[0] + "\n** " + PARAS[1], "published": "2018-05-14"})
    assert draft.body.split("\n")[1] == "** " + PARAS[1]  # a body named plainly is text as written


def test_a_record_whose_only_headline_like_value_is_ambiguous_gets_a_derived_title(gazetteer):
    [draft] = read_shape({"a": TITLE, "b": "مقتل عشرة مسلحين في غارة جوية قرب الرقة", "content": BODY})
    assert draft.title != TITLE and draft.warnings  # two candidates: no guess


# --- files of records ----------------------------------------------------------------------------------------------

def record(n):
    return {"id": f"r{n}", "title": f"{TITLE} {n}", "body": BODY, "published": "2018-05-14T11:26:00+03:00", "url": URL}


def lines(n=4):
    return [json.dumps(record(i), ensure_ascii=False) for i in range(1, n + 1)]


def titles(items):
    return [item.title for item in items if isinstance(item, Draft)]


def failures(items):
    return [item for item in items if not isinstance(item, Draft)]


def test_a_trailing_comma_in_an_array_costs_nothing(gazetteer):
    items = read("export.json", ("[\n" + ",\n".join(lines()) + ",\n]").encode(), catalog=Catalog())
    assert titles(items) == [f"{TITLE} {i}" for i in range(1, 5)] and not failures(items)


@pytest.mark.parametrize("layout", ["array, one a line", "pretty-printed objects"])
def test_one_broken_record_in_a_document_costs_only_itself_and_names_its_line(gazetteer, layout):
    if layout == "array, one a line":
        parts = lines()
        parts[1] = parts[1][:-30]  # cut short
        text = "[\n" + ",\n".join(parts) + "\n]"
        broken_line = 3
    else:
        parts = [json.dumps(record(i), ensure_ascii=False, indent=2) for i in range(1, 5)]
        parts[1] = parts[1].replace('"title":', '"title" ', 1)  # a missing colon
        text = "\n".join(parts)
        broken_line = 1 + parts[0].count("\n") + 1
    items = read("export.json", text.encode(), catalog=Catalog())
    assert titles(items) == [f"{TITLE} {i}" for i in (1, 3, 4)]
    [failure] = failures(items)
    assert failure.source_name == f"export.json، السطر {broken_line}"
    assert "ليس JSON صحيحاً" in failure.message and f"line {broken_line}" in failure.message_en


def test_records_each_followed_by_a_comma_are_read(gazetteer):
    items = read("export.jsonl", ",\n".join(lines()).encode(), catalog=Catalog())
    assert len(titles(items)) == 4 and not failures(items)


@pytest.mark.parametrize("encoding", ["cp1256", "utf-16"])
def test_records_saved_in_windows_1256_or_utf16_are_read_whole(gazetteer, encoding):
    data = "\r\n".join(lines()).encode(encoding)
    items = read("export.jsonl", data, catalog=Catalog())
    assert titles(items) == [f"{TITLE} {i}" for i in range(1, 5)] and not failures(items)
    assert items[0].body.split("\n") == PARAS


def test_a_bom_crlf_and_nan_in_a_record_do_not_matter(gazetteer):
    text = "\r\n".join(json.dumps({**record(i), "score": float("nan")}, ensure_ascii=False) for i in (1, 2))
    items = read("export.jsonl", codecs.BOM_UTF8 + text.encode(), catalog=Catalog())
    assert len(titles(items)) == 2 and not failures(items)


# --- habits that refuse a whole file when missed ---------------------------------------------------------------------

@pytest.mark.parametrize("habit, shape", [
    ("a scrapy item without TakeFirst", {"title": [TITLE], "body": PARAS, "date": ["2018-05-14T11:26:00+03:00"],
                                         "url": [URL], "source": ["rudaw.net"]}),
    ("a title and a body per language", {"title": {"ar": TITLE, "en": "Peshmerga retake villages"},
                                         "body": {"ar": BODY, "en": "English text"}, "published": "2018-05-14",
                                         "site": "rudaw.net"}),
    ("an id that pandas wrote as a number", {"id": 1001.0, "title": TITLE, "text": BODY, "date": "2018-05-14",
                                             "domain": "rudaw.net"}),
    ("a feed item whose description is its text", {"title": TITLE, "description": BODY, "link": URL,
                                                   "pubDate": "Mon, 14 May 2018 08:26:00 +0000"}),
])
def test_a_habit_of_one_exporter_does_not_refuse_its_records(gazetteer, habit, shape):
    [draft] = read_shape(shape)
    assert isinstance(draft, Draft), (habit, draft)
    assert (draft.title, draft.body.split("\n")[0], draft.published) == (TITLE, PARAS[0], DAY)
    assert draft.outlet_id == outlet_named("رووداو").pk


def test_an_id_longer_than_the_archive_keeps_is_shortened_the_same_way_every_time(gazetteer):
    long_url = URL + "/" + "%D8%A7" * 80
    first = read_shape({"id": long_url, "title": TITLE, "content_text": BODY})[0]
    again = read_shape({"id": long_url, "title": TITLE, "content_text": BODY})[0]
    other = read_shape({"id": long_url + "x", "title": TITLE, "content_text": BODY})[0]
    assert len(first.external_id) <= 255 and first.external_id == again.external_id != other.external_id


@pytest.mark.parametrize("layout", ["each line a JSON string of the record", "each line a list of one record"])
def test_records_written_inside_another_json_value_are_read(gazetteer, layout):
    wrap = (lambda r: json.dumps(json.dumps(r, ensure_ascii=False), ensure_ascii=False)) if layout.startswith("each line a JSON") \
        else (lambda r: json.dumps([r], ensure_ascii=False))
    items = read("export.jsonl", "\n".join(wrap(record(i)) for i in (1, 2, 3)).encode(), catalog=Catalog())
    assert titles(items) == [f"{TITLE} {i}" for i in (1, 2, 3)] and not failures(items)


def test_a_category_or_a_tag_is_never_taken_for_the_title(gazetteer):
    [draft] = read_shape({"content": BODY, "category": "أخبار العراق والشرق الأوسط اليوم", "date": "2018-05-14"})
    assert draft.title != "أخبار العراق والشرق الأوسط اليوم" and draft.warnings


def test_a_big_utf8_file_whose_first_block_ends_inside_a_character_is_read_as_utf8(gazetteer):
    from archive.ingest.reading import HEAD_BYTES

    pad = "ا" * (HEAD_BYTES // 2 - 40)  # two bytes each: the 64 KiB mark falls inside one
    text = json.dumps({**record(1), "note": pad}, ensure_ascii=False) + "\n" + lines(2)[1]
    items = read("big.jsonl", text.encode(), catalog=Catalog())
    assert len(titles(items)) == 2 and not failures(items)


FEEDS = {
    "feedparser's entries": {"feed": {"title": "رووداو"}, "bozo": False, "entries": [{
        "title": TITLE, "link": URL, "id": URL, "summary": PARAS[0][:40],
        "content": [{"type": "text/html", "language": None, "base": "", "value": HTML_BODY}],
        "published": "Mon, 14 May 2018 08:26:00 +0000", "published_parsed": [2018, 5, 14, 8, 26, 0, 0, 134, 0],
        "tags": [{"term": "العراق", "scheme": None, "label": None}]}]},
    "xml-js items": {"rss": {"channel": {"title": {"_text": "x"}, "item": [{
        "title": {"_text": TITLE}, "link": {"_text": URL}, "dc:date": {"_text": "2018-05-14T11:26:00+03:00"},
        "content:encoded": {"_cdata": HTML_BODY}, "description": {"_cdata": PARAS[0][:40]}}]}}},
    "xmltodict items": {"rss": {"channel": {"item": [{
        "title": {"#text": TITLE}, "pubDate": {"#text": "Mon, 14 May 2018 08:26:00 GMT"}, "link": {"#text": URL},
        "content:encoded": {"#cdata-section": HTML_BODY}}]}}},
    "a spreadsheet's serial day": {"rows": [{"Title": TITLE, "Date": 43234, "Text": BODY, "Source": "Rudaw"}]},
}


@pytest.mark.parametrize("converter", list(FEEDS))
def test_feeds_and_sheets_converted_to_json_give_their_articles(gazetteer, converter):
    [draft] = read_shape(FEEDS[converter])
    assert isinstance(draft, Draft), draft
    assert (draft.title, draft.body.split("\n"), draft.published) == (TITLE, PARAS, DAY)
    assert draft.outlet_id == outlet_named("رووداو").pk
