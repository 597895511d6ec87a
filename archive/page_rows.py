"""The articles of a page of results, with their outlet, dateline, speakers,
places and forces, in two queries.

Django's ``select_related`` and ``prefetch_related`` take four queries for a
page of twenty (the articles, then the speakers, the places and the forces,
each joined through its table) and build a model instance for every entity
named, on every page. Here the articles come in one query, without the
columns no page shows (the MinHash signature, the original text), and their
relations in one more, as ids through the three link tables; the entities
are the gazetteer's held in memory (``archive.entities``). Each article is
handed back as ``with_relations()`` would have made it:
``article.speakers.all()``, ``article.outlet`` and the rest answer without a
query, the entities in their models' order (by name).
"""
from django.db import connections, router
from django.db.models import QuerySet

from archive import entities
from archive.models import Article

#: relation on Article -> the filter name of its entities
RELATIONS = {"speakers": "speaker", "places": "location", "forces": "force"}
#: Columns of Article no results page reads: loaded only if something asks.
UNSHOWN = ("minhash", "original_text")


def page_articles(pks):
    """{pk: Article} for the listed (not withdrawn) articles among ``pks``, relations attached."""
    if not pks:
        return {}
    articles = Article.objects.listed().defer(*UNSHOWN).in_bulk(pks)
    if not articles:
        return articles
    gazetteer = entities.current()
    links = _links(list(articles))
    related = {pk: {relation: [] for relation in RELATIONS} for pk in articles}
    names = list(RELATIONS)
    missing = []
    for article_id, entity_id, number in links:
        relation = names[number]
        entity = gazetteer.by_pk[RELATIONS[relation]].get(entity_id)
        if entity is None:  # saved without the signals that refresh the gazetteer (a bulk update)
            missing.append((article_id, relation, entity_id))
        else:
            related[article_id][relation].append(entity)
    for article_id, relation, entity_id in missing:
        entity = getattr(Article, relation).field.related_model.objects.filter(pk=entity_id).first()
        if entity is not None:
            related[article_id][relation].append(entity)
    for pk, article in articles.items():
        cache = article._state.fields_cache
        for field, name in (("outlet", "source"), ("dateline", "location")):
            entity_id = getattr(article, field + "_id")
            if entity_id is None:
                cache[field] = None
            elif entity_id in gazetteer.by_pk[name]:
                cache[field] = gazetteer.by_pk[name][entity_id]
            # else: not in memory (see above), read when asked for
        prefetched = {}
        for relation, found in related[pk].items():
            model = found[0].__class__ if found else getattr(Article, relation).field.related_model
            queryset = QuerySet(model=model)
            queryset._result_cache = sorted(found, key=lambda e: (e.name, e.pk))
            queryset._prefetch_done = True
            prefetched[relation] = queryset
        article._prefetched_objects_cache = prefetched
    return articles


def _links(article_ids):
    """(article id, entity id, number of the relation in RELATIONS) of every link of
    these articles: one statement over the three link tables (the ORM's union
    of three querysets cost more to build than to run)."""
    connection = connections[router.db_for_read(Article)]
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(article_ids))
    parts, params = [], []
    for number, relation in enumerate(RELATIONS):
        field = getattr(Article, relation).field
        source, target = quote(field.m2m_column_name()), quote(field.m2m_reverse_name())
        parts.append(f"SELECT {source}, {target}, {number} FROM {quote(field.m2m_db_table())} "
                     f"WHERE {source} IN ({marks})")
        params.extend(article_ids)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return cursor.fetchall()
