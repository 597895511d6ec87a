"""Full-text export: every match of a search as JSON Lines, one article per line.

``/search/export.jsonl?<the search's parameters>`` and ``manage.py
export_articles`` both write ``records(pks, permalink)``: id, external id,
permanent address, title, outlet, date and its precision, original URL, the
full text, speakers/places/forces (slug, Arabic and English names) and the
near-duplicate group (``archive.near_duplicates``: the smallest id of the
articles reporting the same statement, null for an article alone).

Memory stays constant whatever the number of matches: the ids are read from
the index once (so an index refreshed mid-export cannot repeat or skip a
line), then the articles are read ``BATCH`` at a time as plain values.
"""
import json

from archive.models import Article
from archive.precise_dates import iso_at_precision

BATCH = 500
FIELDS = (
    "id", "external_id", "url", "title", "source", "published", "date_precision",
    "original_url", "body", "speakers", "places", "forces", "near_duplicate_group",
)


def _entities_by_article(relation, batch):
    """{article pk: [{"slug", "name", "name_en"}, ...]} for one many-to-many field, by name."""
    source = relation.field.m2m_field_name()
    target = relation.field.m2m_reverse_field_name()
    rows = (
        relation.through.objects.filter(**{f"{source}_id__in": batch})
        .order_by(f"{target}__name", f"{target}_id")
        .values_list(f"{source}_id", f"{target}__slug", f"{target}__name", f"{target}__name_en")
    )
    found = {}
    for pk, slug, name, name_en in rows:
        found.setdefault(pk, []).append({"slug": slug, "name": name, "name_en": name_en})
    return found


def records(pks, permalink):
    """One dict per article of ``pks`` (in that order); ``permalink(pk)`` → its absolute address."""
    for start in range(0, len(pks), BATCH):
        batch = pks[start:start + BATCH]
        rows = Article.objects.filter(pk__in=batch).values_list(
            "pk", "external_id", "title", "outlet__slug", "outlet__name", "outlet__name_en",
            "published", "date_precision", "url", "body", "story",
        )
        found = {row[0]: row for row in rows}
        speakers = _entities_by_article(Article.speakers, batch)
        places = _entities_by_article(Article.places, batch)
        forces = _entities_by_article(Article.forces, batch)
        for pk in batch:
            row = found.get(pk)
            if row is None:  # deleted since the index was read
                continue
            _pk, external_id, title, o_slug, o_name, o_name_en, published, precision, url, body, story = row
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
                "speakers": speakers.get(pk, []),
                "places": places.get(pk, []),
                "forces": forces.get(pk, []),
                "near_duplicate_group": story,
            }


def jsonl_line(record):
    return json.dumps(record, ensure_ascii=False) + "\n"
