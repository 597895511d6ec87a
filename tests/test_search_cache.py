"""Each worker keeps its recent searches, and never shows one the archive has outgrown."""
import pytest

from archive.models import Outlet
from archive.search import indexing
from archive.search.engine import search
from archive.search.params import SearchParams

from .conftest import seed


@pytest.mark.django_db(transaction=True)
def test_a_repeated_search_is_answered_without_the_database(seeded, django_assert_num_queries):
    params = SearchParams(q="البيشمركة")
    first = search(params)
    assert first.count > 0
    with django_assert_num_queries(0):
        again = search(params)
    assert again.count == first.count
    assert [h.article.pk for h in again.hits] == [h.article.pk for h in first.hits]


@pytest.mark.django_db(transaction=True)
def test_an_edited_article_is_searched_as_it_is_now(seeded):
    article = seed("001")
    assert search(SearchParams(q="زقزوقة")).count == 0
    article.title = article.title + " زقزوقة"
    article.save()
    indexing.index_articles([article.pk])
    found = search(SearchParams(q="زقزوقة"))
    assert [h.article.pk for h in found.hits] == [article.pk]
    assert "زقزوقة" in found.hits[0].article.title


@pytest.mark.django_db(transaction=True)
def test_a_new_spelling_in_the_gazetteer_takes_effect_at_once(seeded):
    outlet = Outlet.objects.first()
    before = search(SearchParams(q="قناةالتجربة"))
    assert before.count == 0
    outlet.aliases = list(outlet.aliases or []) + ["قناةالتجربة"]
    outlet.save()
    after = search(SearchParams(q="قناةالتجربة"))
    assert [e.pk for e in after.expansions] == [outlet.pk]


@pytest.mark.django_db(transaction=True)
def test_a_kept_outcome_cannot_be_changed_by_a_caller(seeded):
    """Outcomes are values: a page derives its own (dataclasses.replace) and
    the one every later caller of the same search gets stays as it was."""
    import dataclasses

    params = SearchParams(q="داعش")
    first = search(params)
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.facets = {"location": "labelled by a view"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.hits[0].snippet_html = "re-marked by an entity page"
    with pytest.raises(TypeError):
        first.facets["location"] = "labelled by a view"
    assert isinstance(first.notices, tuple)
    remarked = dataclasses.replace(first, hits=(dataclasses.replace(first.hits[0], snippet_html="re-marked"),))
    again = search(params)
    assert again is first
    assert again.hits[0].snippet_html != "re-marked" and remarked.hits[0].snippet_html == "re-marked"


@pytest.mark.django_db(transaction=True)
def test_the_cache_can_be_turned_off(seeded, settings):
    settings.SEARCH_CACHE_SIZE = 0
    params = SearchParams(q="البيشمركة")
    search(params)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        search(params)
    assert len(queries) > 0
