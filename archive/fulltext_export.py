"""Full-text export: every match of a search as JSON Lines, one article per line.

``/search/export.jsonl?<the search's parameters>`` and ``manage.py
export_articles`` both write ``records(pks, permalink)``: id, external id,
permanent address, title, outlet, date and its precision, original URL, the
full text, speakers/places/forces (slug, Arabic and English names) and the
near-duplicate group (``archive.near_duplicates``: the smallest id of the
articles reporting the same statement, null for an article alone).

Memory stays constant whatever the number of matches: the ids are read from
the index once (so an index refreshed mid-export cannot repeat or skip a
line), then the articles are read a batch at a time as plain values
(:mod:`archive.article_rows`).
"""
import json

from archive.article_rows import article_rows
from archive.precise_dates import iso_at_precision

FIELDS = (
    "id", "external_id", "url", "title", "source", "published", "date_precision",
    "original_url", "body", "speakers", "places", "forces", "near_duplicate_group",
)


def _entities(values):
    return [{"slug": slug, "name": name, "name_en": name_en} for slug, name, name_en in values]


def records(pks, permalink):
    """One dict per article of ``pks`` (in that order); ``permalink(pk)`` → its absolute address."""
    fields = ("external_id", "title", "outlet__slug", "outlet__name", "outlet__name_en",
              "published", "date_precision", "url", "body", "story")
    linked_columns = ("slug", "name", "name_en")
    for row, linked in article_rows(pks, fields, entities=("speakers", "places", "forces"), columns=linked_columns):
        pk, external_id, title, o_slug, o_name, o_name_en, published, precision, url, body, story = row
        yield {
            "id": pk,
            "external_id": external_id,
            "url": permalink(pk),
            "title": title,
            "source": {"slug": o_slug, "name": o_name, "name_en": o_name_en} if o_slug else None,
            "published": iso_at_precision(published, precision),
            "date_precision": precision or None,
            "original_url": url or None,
            "body": body,
            "speakers": _entities(linked["speakers"]),
            "places": _entities(linked["places"]),
            "forces": _entities(linked["forces"]),
            "near_duplicate_group": story,
        }


def jsonl_line(record):
    return json.dumps(record, ensure_ascii=False) + "\n"
