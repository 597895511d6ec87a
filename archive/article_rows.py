"""Matching articles read for the exports (CSV, JSON Lines, citations), a batch
of plain queries at a time.

Rows are read as values, not model instances: on 50,000 articles the ORM's
instances and prefetching cost several times the writing itself. The ids come
from the index, read once, so an index refreshed mid-export can neither repeat
nor skip an article; an article deleted since is left out.
"""
from archive.models import Article

BATCH = 500


def entities_by_article(relation, batch, *columns):
    """{article pk: [(column values), ...]} for one many-to-many field, entities by name.

    ``relation`` is ``Article.speakers``, ``Article.places`` or
    ``Article.forces``; ``columns`` are fields of the entity ("name", "slug" …).
    """
    source = relation.field.m2m_field_name()  # "article"
    target = relation.field.m2m_reverse_field_name()  # "speaker", "place", "force"
    rows = (
        relation.through.objects.filter(**{f"{source}_id__in": batch})
        .order_by(f"{target}__name", f"{target}_id")
        .values_list(f"{source}_id", *(f"{target}__{column}" for column in columns))
    )
    found = {}
    for pk, *values in rows:
        found.setdefault(pk, []).append(tuple(values))
    return found


def article_rows(pks, fields, entities=(), columns=("name",)):
    """``(row, {relation: [entity values]})`` for each article of ``pks``, in that order.

    ``row`` holds the values of ``fields`` (the pk first); the dict, for each
    name of ``entities`` ("speakers", "places", "forces"), the ``columns`` of
    that article's entities, by name.
    """
    for start in range(0, len(pks), BATCH):
        batch = pks[start:start + BATCH]
        found = {row[0]: row for row in Article.objects.filter(pk__in=batch).values_list("pk", *fields)}
        linked = {name: entities_by_article(getattr(Article, name), batch, *columns) for name in entities}
        for pk in batch:
            row = found.get(pk)
            if row is not None:
                yield row, {name: by_pk.get(pk, []) for name, by_pk in linked.items()}
