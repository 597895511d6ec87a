"""A long-running worker's searcher follows the index as articles change.

gunicorn's workers keep one searcher each for hours while archivists edit and
upload: after every change the count, the facets and the pages must be the
database's, never a replaced document counted twice or a deleted one loaded.
"""
import pytest

from archive.models import Article
from archive.search import indexing
from archive.search.engine import search
from archive.search.params import SearchParams

from .conftest import seed


@pytest.mark.django_db(transaction=True)
def test_counts_stay_true_while_articles_are_edited_again_and_again(seeded):
    everything = SearchParams(page_size=100)
    assert search(everything).count == Article.objects.count()
    article = seed("001")
    for n in range(6):
        article.title = f"{article.title.split(' — ')[0]} — {n}"
        article.save()
        indexing.index_articles([article.pk])
        outcome = search(everything)
        assert outcome.count == Article.objects.count()
        assert sorted(hit.article.pk for hit in outcome.hits) == sorted(Article.objects.values_list("pk", flat=True))
        assert sum(outcome.facets["year"].values()) == Article.objects.exclude(published=None).count()


@pytest.mark.django_db(transaction=True)
def test_a_deleted_article_leaves_every_search(seeded):
    gone = seed("002")
    pk = gone.pk
    gone.delete()
    indexing.remove_articles([pk])
    outcome = search(SearchParams(page_size=100))
    assert pk not in [hit.article.pk for hit in outcome.hits]
    assert outcome.count == Article.objects.count()
