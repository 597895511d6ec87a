"""A page of results reads its articles and their relations in two queries,
and shows them as the database holds them (archive.page_rows, archive.entities)."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import Article, Speaker
from archive.page_rows import page_articles


def relations(article):
    return (article.outlet, article.dateline, list(article.speakers.all()), list(article.places.all()),
            list(article.forces.all()))


@pytest.mark.django_db
def test_a_pages_articles_and_their_relations_come_in_two_queries(seeded):
    pks = list(Article.objects.values_list("pk", flat=True))
    page_articles(pks)  # the gazetteer read into memory once
    with CaptureQueriesContext(connection) as queries:
        found = page_articles(pks)
        shown = {pk: relations(article) for pk, article in found.items()}
    assert len(queries) == 2
    expected = {a.pk: relations(a) for a in Article.objects.with_relations().filter(pk__in=pks)}
    assert shown == expected
    assert any(places for _o, _d, _s, places, _f in shown.values())


@pytest.mark.django_db
def test_a_withdrawn_or_missing_article_is_left_out(seeded):
    first, second = Article.objects.order_by("pk")[:2]
    Article.objects.filter(pk=second.pk).update(withdrawn=True, withdrawn_reason="خطأ")
    assert list(page_articles([first.pk, second.pk, 10**9])) == [first.pk]


@pytest.mark.django_db
def test_an_entity_renamed_shows_its_new_name_at_once(seeded):
    article = Article.objects.filter(places__isnull=False).first()
    page_articles([article.pk])
    place = article.places.first()
    place.name = "اسم جديد للمكان"
    place.save()
    assert "اسم جديد للمكان" in [p.name for p in page_articles([article.pk])[article.pk].places.all()]


@pytest.mark.django_db
def test_an_entity_added_without_signals_is_read_from_the_database(seeded):
    article = Article.objects.first()
    page_articles([article.pk])
    Speaker.objects.bulk_create([Speaker(name="متحدث بلا إشارة", slug="no-signal")])
    speaker = Speaker.objects.get(slug="no-signal")
    Article.speakers.through.objects.bulk_create([Article.speakers.through(article_id=article.pk, speaker_id=speaker.pk)])
    assert "no-signal" in [s.slug for s in page_articles([article.pk])[article.pk].speakers.all()]
