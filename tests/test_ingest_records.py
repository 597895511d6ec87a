"""JSON-lines records, plain or gzipped, as in the corpus.

One line is one article: ``id`` becomes the external id, ``source`` the outlet
(a known one by name, alias or slug, else a new one proposed), ``published`` a
day-precise date. A bad line is reported with its number and the others are
read all the same.
"""
from datetime import date
import gzip
import json
import random

import pytest

from archive.ingest import read
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft, Failure
from archive.ingest.text import DERIVED_TITLE_WARNING, NO_DATE_WARNING
from tests.test_ingest_text import fresh_alias_index, gazetteer, outlet_named  # noqa: F401  (fixtures)


def record(**fields):
    base = {
        "id": "antms-SK-middleEast-10-20180222",
        "title": "القوات العراقية تعتقل قيادياً في داعش",
        "body": "اعتقلت القوات العراقية قيادياً بارزاً في تنظيم داعش غرب الموصل.\nوقال مصدر أمني إن العملية جرت فجراً.",
        "source": "skynews",
        "published": "2018-02-22T21:35:43+04:00",
        "url": "https://www.skynewsarabia.com/middle-east/1",
        "category": "middleEast",
        "dataset": "ANT Corpus v2.1 (multi-source)",
        "license": "Apache-2.0",
        "meta": {"author": None},
    }
    base.update(fields)
    return json.dumps(base, ensure_ascii=False)


def lines(*records):
    return ("\n".join(records) + "\n").encode("utf-8")


def test_a_record_becomes_a_draft_field_by_field(db):
    line = record()
    [draft] = read("articles.jsonl", lines(line), catalog=Catalog())
    assert isinstance(draft, Draft)
    assert draft.external_id == "antms-SK-middleEast-10-20180222"
    assert draft.title == "القوات العراقية تعتقل قيادياً في داعش"
    assert draft.body.startswith("اعتقلت القوات العراقية")
    assert draft.url == "https://www.skynewsarabia.com/middle-east/1"
    # The date as written in its own offset, with day precision.
    assert (draft.published, draft.date_precision) == (date(2018, 2, 22), "day")
    assert draft.original_text == line
    assert draft.original_bytes is None
    assert draft.format == "jsonl"


def test_an_unknown_source_is_proposed_as_a_new_outlet(db):
    [draft] = read("articles.jsonl", lines(record()), catalog=Catalog())
    assert draft.outlet_is_new and draft.outlet_name == "skynews" and draft.outlet_id is None
    assert "وسيلة إعلام جديدة: skynews (تُنشأ عند التأكيد)" in draft.warnings


def test_a_known_source_is_matched_by_name_or_alias(gazetteer):
    [by_alias, by_name] = read("a.jsonl", lines(record(source="Rudaw"), record(id="2", source="رووداو")),
                               catalog=Catalog())
    assert by_alias.outlet_id == by_name.outlet_id == outlet_named("رووداو").pk
    assert not by_alias.outlet_is_new


def test_the_corpus_source_ids_name_the_gazetteer_outlets(gazetteer):
    items = read("a.jsonl", lines(record(), record(id="2", source="was", url="https://www.spa.gov.sa/1")),
                 catalog=Catalog())
    assert [d.outlet_id for d in items] == [outlet_named("skynews").pk, outlet_named("Saudi Press Agency").pk]
    assert not any(d.outlet_is_new for d in items)


def test_a_null_title_is_made_from_the_body_with_a_warning(db):
    [draft] = read("a.jsonl", lines(record(title=None)), catalog=Catalog())
    assert draft.title == "اعتقلت القوات العراقية قيادياً بارزاً في تنظيم داعش غرب الموصل"
    assert DERIVED_TITLE_WARNING in draft.warnings


def test_a_record_without_published_takes_the_date_its_lead_prints(db):
    body = "الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس\nأعلنت وزارة الداخلية ..."
    [draft] = read("a.jsonl", lines(record(published=None, body=body)), catalog=Catalog())
    assert (draft.published, draft.date_precision) == (date(2015, 8, 11), "day")


def test_a_record_without_any_date_has_none_and_a_warning(db):
    [draft] = read("a.jsonl", lines(record(published=None)), catalog=Catalog())
    assert draft.published is None
    assert NO_DATE_WARNING in draft.warnings


@pytest.mark.parametrize("bad, reason", [
    ('{"id": "x", "body": "نص" ', "ليس JSON صحيحاً"),
    ('["a list"]', "ليس كائن JSON"),
    (record(body=""), "لا نص فيه"),
    (record(body=None), "لا نص فيه"),
])
def test_a_bad_line_is_reported_with_its_number_and_the_rest_is_read(db, bad, reason):
    items = read("a.jsonl", lines(record(id="1"), bad, record(id="3")), catalog=Catalog())
    assert [type(item) for item in items] == [Draft, Failure, Draft]
    failure = items[1]
    assert failure.source_name == "a.jsonl، السطر 2"
    assert reason in failure.message
    assert "line 2" in failure.message_en
    assert [items[0].external_id, items[2].external_id] == ["1", "3"]


def test_blank_lines_are_skipped_and_line_numbers_stay_true(db):
    data = (record(id="1") + "\n\n" + '{"broken"' + "\n").encode()
    items = read("a.jsonl", data, catalog=Catalog())
    assert items[1].source_name == "a.jsonl، السطر 3"


def test_a_gzipped_file_is_read_record_by_record(db):
    data = gzip.compress(lines(record(id="1"), "not json", record(id="3")))
    items = read("articles.jsonl.gz", data, catalog=Catalog())
    assert [type(item) for item in items] == [Draft, Failure, Draft]
    assert items[0].source_name == "articles.jsonl.gz:1"


def test_a_truncated_gzip_keeps_what_came_before_and_says_the_rest_is_damaged(db):
    words = ["داعش", "الموصل", "القوات", "العراقية", "التحالف", "كركوك", "هجوم", "قرية", "مصدر", "أمني"]
    rng = random.Random(7)
    bodies = [" ".join(rng.choice(words) + str(rng.randrange(1000)) for _ in range(300)) for _ in range(50)]
    data = gzip.compress(lines(*[record(id=str(i), body=body) for i, body in enumerate(bodies)]))
    items = read("articles.jsonl.gz", data[: len(data) // 2], catalog=Catalog())
    assert isinstance(items[0], Draft)
    assert isinstance(items[-1], Failure)
    assert "تالف أو مقطوع" in items[-1].message


def test_a_utf8_bom_on_the_first_line_is_allowed(db):
    [draft] = read("a.jsonl", b"\xef\xbb\xbf" + lines(record()), catalog=Catalog())
    assert isinstance(draft, Draft)


# ---------- Records written by other tools ----------

def test_a_scrapers_record_names_its_fields_otherwise():
    from archive.ingest.records import draft_from_record

    raw = json.dumps({
        "headline": "التحالف يعلن مقتل قيادي في داعش",
        "content": "أعلن التحالف الدولي اليوم مقتل قيادي بارز في تنظيم داعش قرب الموصل.",
        "date": "2018-05-14T11:26:00+04:00",
        "link": "https://www.example.com/news/1",
        "site": "سكاي نيوز عربية",
        "guid": "abc-1",
    }, ensure_ascii=False).encode()
    draft = draft_from_record(raw, "scraped.jsonl", 1)
    assert draft.title == "التحالف يعلن مقتل قيادي في داعش"
    assert draft.body.startswith("أعلن التحالف الدولي")
    assert draft.published.isoformat() == "2018-05-14" and draft.date_precision == "day"
    assert draft.url == "https://www.example.com/news/1"
    assert draft.external_id == "abc-1"
    assert draft.outlet_name == "سكاي نيوز عربية"
    assert "date" in draft.provenance["date"]


def test_a_record_whose_date_is_printed_as_a_page_prints_it():
    from archive.ingest.records import draft_from_record

    raw = json.dumps({"text": "نص الخبر عن معركة الموصل وما جرى فيها من قتال.", "date": "14 مايو 2018"},
                     ensure_ascii=False).encode()
    draft = draft_from_record(raw, "feed.jsonl", 1)
    assert draft.published.isoformat() == "2018-05-14"


def test_a_record_with_no_text_under_any_name_is_refused():
    from archive.ingest.draft import IngestError
    from archive.ingest.records import draft_from_record

    with pytest.raises(IngestError):
        draft_from_record(json.dumps({"title": "عنوان فقط", "summary": ""}).encode(), "x.jsonl", 1)
