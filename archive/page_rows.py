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
from django.db.models import IntegerField, QuerySet, Value

from archive import entities
from archive.models import Article

#: relation on Article -> (its filter name, the link table's column of the entity)
RELATIONS = {"speakers": ("speaker", "speaker_id"), "places": ("location", "place_id"),
             "forces": ("force", "force_id")}
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
    links = None
    for number, (relation, (_name, column)) in enumerate(RELATIONS.items()):
        through = getattr(Article, relation).through
        rows = through.objects.filter(article_id__in=list(articles)).values_list(
            "article_id", column, Value(number, output_field=IntegerField()))
        links = rows if links is None else links.union(rows, all=True)
    related = {pk: {relation: [] for relation in RELATIONS} for pk in articles}
    names = list(RELATIONS)
    missing = []
    for article_id, entity_id, number in links:
        relation = names[number]
        entity = gazetteer.by_pk[RELATIONS[relation][0]].get(entity_id)
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
